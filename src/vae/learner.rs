//! One model in training: a VAE with its estimator, its optimiser state, its own copies of the
//! minibatch order and noise streams, the score function's baseline, and its record of −ELBOs.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

use super::adam::{Adam, Moments};
use super::batches::EpochOrder;
use super::config::{VaeConfig, EVALUATION_DRAWS};
use super::data::Digits;
use super::estimator::Estimator;
use super::evaluate::neg_elbo_hard;
use super::latent::draw_noise;
use super::network::{Vae, Workspace};
use super::objective::{backward, forward, Backprop};

/// Decay of the score function's running-mean baseline: b ← 0.99 b + 0.01 · (batch mean of f).
const BASELINE_DECAY: f64 = 0.99;

/// One point of a training curve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Record {
    /// Training steps taken.
    pub step: u64,
    /// Mean minibatch −ELBO over the steps since the previous record, as trained (with the
    /// relaxed sample for GS, so not a bound for it), in nats per image.
    pub train_neg_elbo: f64,
    /// −ELBO of the test images with hard samples (see [`neg_elbo_hard`]), in nats per image.
    pub test_neg_elbo: f64,
}

/// A model and everything its training carries from step to step.
#[derive(Clone, Debug)]
pub struct Learner {
    estimator: Estimator,
    vae: Vae,
    adam: Adam,
    moments: [Moments; 4],
    bp: Backprop,
    ws: Workspace,
    order: EpochOrder,
    order_rng: Pcg64Mcg,
    noise_rng: Pcg64Mcg,
    batch: Vec<usize>,
    baseline: Option<f64>,
    train_sum: f64,
    train_steps: u64,
    history: Vec<Record>,
}

impl Learner {
    /// One model of `config`'s network trained alone with `estimator` on `train_rows` rows,
    /// from the config's seed (data order and noise from fixed streams 1 and 2): what the
    /// benchmarks time, natively and in the worker's module.
    pub fn alone(estimator: Estimator, config: &VaeConfig, train_rows: usize) -> Self {
        let vae = Vae::new(
            config.latents,
            config.categories,
            config.hidden,
            &mut Pcg64Mcg::seed_from_u64(config.seed),
        );
        Self::new(
            estimator,
            vae,
            config.learning_rate,
            config.batch_size,
            train_rows,
            1,
            2,
        )
    }

    /// A learner starting from `vae` with Adam at `learning_rate`, minibatches of `batch_size`
    /// training rows in the order drawn from `order_seed`, and Gumbel noise from `noise_seed`.
    pub fn new(
        estimator: Estimator,
        vae: Vae,
        learning_rate: f64,
        batch_size: usize,
        train_rows: usize,
        order_seed: u64,
        noise_seed: u64,
    ) -> Self {
        let moments = vae
            .layers()
            .each_ref()
            .map(|l| Moments::new(l.params().len()));
        Self {
            estimator,
            adam: Adam::new(learning_rate),
            moments,
            bp: Backprop::new(&vae),
            ws: vae.workspace(),
            vae,
            order: EpochOrder::new(train_rows),
            order_rng: Pcg64Mcg::seed_from_u64(order_seed),
            noise_rng: Pcg64Mcg::seed_from_u64(noise_seed),
            batch: vec![0; batch_size],
            baseline: None,
            train_sum: 0.0,
            train_steps: 0,
            history: Vec::new(),
        }
    }

    /// The estimator this model is trained with.
    pub fn estimator(&self) -> Estimator {
        self.estimator
    }

    /// The model as trained so far.
    pub fn vae(&self) -> &Vae {
        &self.vae
    }

    /// The recorded curve.
    pub fn history(&self) -> &[Record] {
        &self.history
    }

    /// The score function's running-mean baseline (`None` for other estimators or before the
    /// first step).
    pub fn baseline(&self) -> Option<f64> {
        self.baseline
    }

    /// One Adam step on the minibatch mean of the −ELBO at temperature `tau`.
    ///
    /// The score function's baseline b is the running mean of earlier minibatches (so it does
    /// not depend on the sample it centres, which keeps the gradient unbiased); before the first
    /// step it is taken as the first example's reconstruction loss.
    pub fn train_step(&mut self, data: &Digits, tau: f64) {
        self.order.next_batch(&mut self.order_rng, &mut self.batch);
        self.bp.clear();
        let (mut neg_elbo, mut reconstruction) = (0.0, 0.0);
        for &row in &self.batch {
            let Some(x) = data.train_image(row) else {
                continue;
            };
            draw_noise(&mut self.noise_rng, &mut self.ws.noise);
            let loss = forward(
                &self.vae,
                x,
                self.estimator,
                tau,
                &mut self.ws,
                &mut self.bp,
            );
            let weight = match self.estimator {
                Estimator::ScoreFunction => {
                    loss.reconstruction - *self.baseline.get_or_insert(loss.reconstruction)
                }
                _ => 0.0,
            };
            backward(
                &self.vae,
                x,
                self.estimator,
                tau,
                weight,
                &self.ws,
                &mut self.bp,
            );
            neg_elbo += loss.neg_elbo();
            reconstruction += loss.reconstruction;
        }
        let n = self.batch.len().max(1) as f64;
        if let (Estimator::ScoreFunction, Some(b)) = (self.estimator, self.baseline.as_mut()) {
            *b = BASELINE_DECAY * *b + (1.0 - BASELINE_DECAY) * reconstruction / n;
        }
        self.bp.scale((1.0 / n) as f32);
        self.adam.begin_step();
        for ((layer, grad), moments) in self
            .vae
            .layers_mut()
            .iter_mut()
            .zip(&self.bp.layers)
            .zip(&mut self.moments)
        {
            self.adam.update(layer.params_mut(), grad, moments);
        }
        self.train_sum += neg_elbo / n;
        self.train_steps += 1;
    }

    /// Appends a [`Record`] at `step`: the mean training −ELBO since the last record and the
    /// [`test_neg_elbo`](Self::test_neg_elbo) (computed in the learner's own workspace).
    pub fn record(&mut self, step: u64, data: &Digits, eval_seed: u64) {
        let test = test_neg_elbo(&self.vae, data, eval_seed, &mut self.ws);
        let train = self.train_sum / self.train_steps.max(1) as f64;
        self.history.push(Record {
            step,
            train_neg_elbo: train,
            test_neg_elbo: test,
        });
        self.train_sum = 0.0;
        self.train_steps = 0;
    }

    /// The test −ELBO of the model as it is now, with [`EVALUATION_DRAWS`] hard samples per
    /// image drawn from a generator seeded with `eval_seed` (the same noise at every call).
    pub fn test_neg_elbo(&self, data: &Digits, eval_seed: u64, ws: &mut Workspace) -> f64 {
        test_neg_elbo(&self.vae, data, eval_seed, ws)
    }
}

/// The test −ELBO of `vae`: [`EVALUATION_DRAWS`] hard samples per test image from a generator
/// seeded with `eval_seed`.
fn test_neg_elbo(vae: &Vae, data: &Digits, eval_seed: u64, ws: &mut Workspace) -> f64 {
    let mut rng = Pcg64Mcg::seed_from_u64(eval_seed);
    neg_elbo_hard(vae, data.test_images(), EVALUATION_DRAWS, &mut rng, ws)
}
