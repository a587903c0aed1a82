//! One training example's −ELBO and its gradient under each estimator.
//!
//! −ELBO(x) = −ln p(x | code) + KL(q(z|x) ‖ uniform), the code being the relaxed sample (GS) or
//! the one-hot Gumbel-Max sample (ST-GS, SF) drawn with the noise in the workspace. The forward
//! and backward passes are separate calls so that the score function's centred loss f − b is
//! known before its gradient is formed, and so that a test can fix the noise and compare the
//! gradient with finite differences.

use super::bernoulli::neg_log_likelihood;
use super::dense::relu_backward;
use super::estimator::Estimator;
use super::latent::{add_kl_gradient, add_relaxed_gradient, add_score_gradient, one_hot, sample};
use super::network::{
    Vae, Workspace, DECODER_HIDDEN, DECODER_PIXELS, ENCODER_HIDDEN, ENCODER_LOGITS,
};

/// The two terms of one example's −ELBO, in nats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExampleLoss {
    /// −ln p(x | code).
    pub reconstruction: f64,
    /// KL(q(z|x) ‖ uniform), exact.
    pub kl: f64,
}

impl ExampleLoss {
    /// The −ELBO: reconstruction + KL.
    pub fn neg_elbo(&self) -> f64 {
        self.reconstruction + self.kl
    }
}

/// The gradient buffers of the backward pass: one per layer (accumulated over a minibatch) and
/// the per-example gradients with respect to the activations.
#[derive(Clone, Debug)]
pub struct Backprop {
    /// ∂loss/∂params of each layer, summed over the examples since [`clear`](Self::clear).
    pub layers: [Vec<f32>; 4],
    pixels: Vec<f32>,
    decoder_hidden: Vec<f32>,
    code: Vec<f32>,
    logits: Vec<f64>,
    logits_f32: Vec<f32>,
    encoder_hidden: Vec<f32>,
}

impl Backprop {
    /// Zero buffers sized for `vae`.
    pub fn new(vae: &Vae) -> Self {
        let [a, b, c, d] = vae.layers();
        let hidden = a.outputs();
        let code = vae.code_len();
        Self {
            layers: [
                a.zero_gradient(),
                b.zero_gradient(),
                c.zero_gradient(),
                d.zero_gradient(),
            ],
            pixels: vec![0.0; d.outputs()],
            decoder_hidden: vec![0.0; hidden],
            code: vec![0.0; code],
            logits: vec![0.0; code],
            logits_f32: vec![0.0; code],
            encoder_hidden: vec![0.0; hidden],
        }
    }

    /// Zeroes the accumulated layer gradients.
    pub fn clear(&mut self) {
        for g in &mut self.layers {
            g.fill(0.0);
        }
    }

    /// Multiplies the accumulated gradients by `factor` (1/batch for a minibatch mean).
    pub fn scale(&mut self, factor: f32) {
        for g in self.layers.iter_mut().flatten() {
            *g *= factor;
        }
    }
}

/// The forward pass of one example with the Gumbel noise already in `ws.noise`: encodes,
/// samples, feeds the decoder the code `estimator` uses, and scores the reconstruction. Leaves
/// ∂(−ln p)/∂(pixel logits) in `bp` for [`backward`].
pub fn forward(
    vae: &Vae,
    x: &[f32],
    estimator: Estimator,
    tau: f64,
    ws: &mut Workspace,
    bp: &mut Backprop,
) -> ExampleLoss {
    let kl = vae.encode(x, ws);
    let k = vae.categories();
    sample(
        &ws.logits,
        &ws.noise,
        k,
        tau,
        &mut ws.perturbed,
        &mut ws.relaxed,
        &mut ws.choices,
    );
    if estimator.feeds_relaxed() {
        for (c, &y) in ws.code.iter_mut().zip(&ws.relaxed) {
            *c = y as f32;
        }
    } else {
        one_hot(&ws.choices, k, &mut ws.code);
    }
    vae.decode(ws);
    let reconstruction = neg_log_likelihood(&ws.pixels, x, &mut bp.pixels);
    ExampleLoss { reconstruction, kl }
}

/// The backward pass of the example last passed to [`forward`] (same `ws`): adds its gradient
/// to `bp.layers`. `score_weight` is the score function's centred loss f − b (used by
/// [`Estimator::ScoreFunction`] only).
pub fn backward(
    vae: &Vae,
    x: &[f32],
    estimator: Estimator,
    tau: f64,
    score_weight: f64,
    ws: &Workspace,
    bp: &mut Backprop,
) {
    let layers = vae.layers();
    let k = vae.categories();
    let [g_enc_hidden, g_enc_logits, g_dec_hidden, g_dec_pixels] = &mut bp.layers;

    // Decoder: its ordinary gradient at the code it was fed.
    let out = &layers[DECODER_PIXELS];
    out.accumulate_gradient(&ws.decoder_hidden, &bp.pixels, g_dec_pixels);
    out.backward_input(&bp.pixels, &mut bp.decoder_hidden);
    relu_backward(&ws.decoder_hidden, &mut bp.decoder_hidden);
    let hidden = &layers[DECODER_HIDDEN];
    hidden.accumulate_gradient(&ws.code, &bp.decoder_hidden, g_dec_hidden);

    // Encoder logits: the exact KL gradient plus the estimator's reconstruction gradient.
    bp.logits.fill(0.0);
    add_kl_gradient(&ws.q, &ws.log_q, k, 1.0, &mut bp.logits);
    match estimator {
        Estimator::GumbelSoftmax | Estimator::StraightThrough => {
            hidden.backward_input(&bp.decoder_hidden, &mut bp.code);
            add_relaxed_gradient(&ws.relaxed, &bp.code, k, tau, &mut bp.logits);
        }
        Estimator::ScoreFunction => {
            add_score_gradient(&ws.q, &ws.choices, k, score_weight, &mut bp.logits);
        }
    }
    for (g, &v) in bp.logits_f32.iter_mut().zip(&bp.logits) {
        *g = v as f32;
    }

    // Encoder.
    let logits = &layers[ENCODER_LOGITS];
    logits.accumulate_gradient(&ws.encoder_hidden, &bp.logits_f32, g_enc_logits);
    logits.backward_input(&bp.logits_f32, &mut bp.encoder_hidden);
    relu_backward(&ws.encoder_hidden, &mut bp.encoder_hidden);
    layers[ENCODER_HIDDEN].accumulate_gradient(x, &bp.encoder_hidden, g_enc_hidden);
}
