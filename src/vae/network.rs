//! The VAE's networks: encoder 64 → H → N·K logits and decoder N·K → H → 64 pixel logits, ReLU
//! hidden layers, and the activations one example leaves in a reusable workspace.

use rand::Rng;

use super::bernoulli::probabilities;
use super::data::PIXELS;
use super::dense::{relu, Dense};
use super::latent::{one_hot, posterior};

/// Index of each layer in [`Vae::layers`].
pub const ENCODER_HIDDEN: usize = 0;
/// The encoder's output layer (the N·K logits).
pub const ENCODER_LOGITS: usize = 1;
/// The decoder's hidden layer.
pub const DECODER_HIDDEN: usize = 2;
/// The decoder's output layer (the 64 pixel logits).
pub const DECODER_PIXELS: usize = 3;

/// A categorical VAE's parameters: N latent variables of K classes, hidden width H.
#[derive(Clone, Debug, PartialEq)]
pub struct Vae {
    latents: usize,
    categories: usize,
    layers: [Dense; 4],
}

/// The activations of one example, kept between its forward and backward pass, and reused
/// from example to example (nothing is allocated per example).
#[derive(Clone, Debug)]
pub struct Workspace {
    pub(crate) encoder_hidden: Vec<f32>,
    pub(crate) logits: Vec<f64>,
    pub(crate) log_q: Vec<f64>,
    pub(crate) q: Vec<f64>,
    pub(crate) noise: Vec<f64>,
    pub(crate) perturbed: Vec<f64>,
    pub(crate) relaxed: Vec<f64>,
    pub(crate) choices: Vec<usize>,
    pub(crate) code: Vec<f32>,
    pub(crate) decoder_hidden: Vec<f32>,
    pub(crate) pixels: Vec<f32>,
    encoder_logits: Vec<f32>,
}

impl Workspace {
    /// The Gumbel noise of the next training example (N·K values, written by the trainer;
    /// writable so that a test can fix it).
    pub fn noise_mut(&mut self) -> &mut [f64] {
        &mut self.noise
    }

    /// The encoder's hidden activations (after the ReLU) of the last example.
    pub fn encoder_hidden(&self) -> &[f32] {
        &self.encoder_hidden
    }

    /// The decoder's hidden activations (after the ReLU) of the last example.
    pub fn decoder_hidden(&self) -> &[f32] {
        &self.decoder_hidden
    }

    /// q(z|x) of the last example (N runs of K probabilities).
    pub fn posterior(&self) -> &[f64] {
        &self.q
    }

    /// The classes of the last hard sample, one per latent.
    pub fn choices(&self) -> &[usize] {
        &self.choices
    }
}

impl Vae {
    /// A network with freshly initialised weights (layer by layer, encoder first, from `rng`).
    /// The sizes are validated by the caller ([`VaeConfig`](super::VaeConfig)).
    pub fn new<R: Rng + ?Sized>(
        latents: usize,
        categories: usize,
        hidden: usize,
        rng: &mut R,
    ) -> Self {
        let code = latents * categories;
        let layers = [
            Dense::new(PIXELS, hidden, rng),
            Dense::new(hidden, code, rng),
            Dense::new(code, hidden, rng),
            Dense::new(hidden, PIXELS, rng),
        ];
        Self {
            latents,
            categories,
            layers,
        }
    }

    /// N, the number of latent variables.
    pub fn latents(&self) -> usize {
        self.latents
    }

    /// K, the number of classes of each latent variable.
    pub fn categories(&self) -> usize {
        self.categories
    }

    /// N·K, the length of the code.
    pub fn code_len(&self) -> usize {
        self.latents * self.categories
    }

    /// The four layers: [`ENCODER_HIDDEN`], [`ENCODER_LOGITS`], [`DECODER_HIDDEN`],
    /// [`DECODER_PIXELS`].
    pub fn layers(&self) -> &[Dense; 4] {
        &self.layers
    }

    /// The four layers, writable.
    pub fn layers_mut(&mut self) -> &mut [Dense; 4] {
        &mut self.layers
    }

    /// A workspace sized for this network.
    pub fn workspace(&self) -> Workspace {
        let hidden = self.layers[ENCODER_HIDDEN].outputs();
        let code = self.code_len();
        Workspace {
            encoder_hidden: vec![0.0; hidden],
            logits: vec![0.0; code],
            log_q: vec![0.0; code],
            q: vec![0.0; code],
            noise: vec![0.0; code],
            perturbed: vec![0.0; code],
            relaxed: vec![0.0; code],
            choices: vec![0; self.latents],
            code: vec![0.0; code],
            decoder_hidden: vec![0.0; hidden],
            pixels: vec![0.0; PIXELS],
            encoder_logits: vec![0.0; code],
        }
    }

    /// Encodes image `x`: fills the encoder's activations, the logits and q(z|x), and returns
    /// KL(q(z|x) ‖ uniform) in nats.
    pub fn encode(&self, x: &[f32], ws: &mut Workspace) -> f64 {
        let [hidden, logits, _, _] = &self.layers;
        hidden.forward(x, &mut ws.encoder_hidden);
        relu(&mut ws.encoder_hidden);
        logits.forward(&ws.encoder_hidden, &mut ws.encoder_logits);
        for (l, &v) in ws.logits.iter_mut().zip(&ws.encoder_logits) {
            *l = f64::from(v);
        }
        posterior(&ws.logits, self.categories, &mut ws.log_q, &mut ws.q)
    }

    /// Decodes the code in the workspace (`ws.code`): fills the decoder's activations and the
    /// 64 pixel logits (`ws.pixels`).
    pub fn decode(&self, ws: &mut Workspace) {
        let [_, _, hidden, pixels] = &self.layers;
        hidden.forward(&ws.code, &mut ws.decoder_hidden);
        relu(&mut ws.decoder_hidden);
        pixels.forward(&ws.decoder_hidden, &mut ws.pixels);
    }

    /// Pixel probabilities decoded from one class per latent (`choices`, N values, each below
    /// K; an out-of-range class leaves that latent all zeros).
    pub fn decode_choices(&self, choices: &[usize], ws: &mut Workspace) -> Vec<f32> {
        one_hot(choices, self.categories, &mut ws.code);
        self.decode(ws);
        probabilities(&ws.pixels)
    }

    /// The reconstruction of image `x` through the most probable code (the argmax of q for
    /// every latent): its 64 pixel probabilities. Deterministic.
    pub fn reconstruct(&self, x: &[f32], ws: &mut Workspace) -> Vec<f32> {
        self.encode(x, ws);
        let k = self.categories.max(1);
        let mut choices = std::mem::take(&mut ws.choices);
        for (c, qn) in choices.iter_mut().zip(ws.q.chunks_exact(k)) {
            *c = crate::math::argmax(qn).unwrap_or(0);
        }
        let probs = self.decode_choices(&choices, ws);
        ws.choices = choices;
        probs
    }
}
