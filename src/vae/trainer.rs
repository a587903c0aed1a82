//! Training one categorical VAE per estimator side by side, in slices of steps, from the same
//! initial weights, the same minibatch order and the same noise: the curves differ only by how
//! each estimator forms its gradient.

use rand::{Rng, RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;

use super::baseline::IndependentPixels;
use super::config::{VaeConfig, RECORD_EVERY};
use super::data::Digits;
use super::error::VaeError;
use super::estimator::{Estimator, ESTIMATORS};
use super::learner::{Learner, Record};
use super::network::{Vae, Workspace};

/// The data table's column names, in order.
pub const TABLE_HEADER: [&str; 4] = ["estimator", "step", "train_neg_elbo", "test_neg_elbo"];

/// One row of the data table: an estimator's [`Record`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TableRow {
    /// Which model.
    pub estimator: Estimator,
    /// Its record at that step.
    pub record: Record,
}

/// Images drawn by one model: 64 pixel probabilities each, row-major.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelImages {
    /// Which model.
    pub estimator: Estimator,
    /// The images, in the order asked for.
    pub images: Vec<Vec<f32>>,
}

/// One model per estimator ([`ESTIMATORS`]), trained together.
///
/// A run is a deterministic function of the [`VaeConfig`] (seed included): calling
/// [`step`](Self::step) once with 500 or five times with 100 gives bit-identical models and
/// histories, on every target.
#[derive(Clone, Debug)]
pub struct VaeTrainer {
    config: VaeConfig,
    data: Digits,
    learners: Vec<Learner>,
    steps: u64,
    eval_seed: u64,
}

impl VaeTrainer {
    /// Validates `config`, loads the embedded digits and builds the models.
    ///
    /// # Errors
    /// The [`VaeError`] of the first setting out of range ([`VaeConfig::validate`]), or
    /// [`VaeError::Data`] if the embedded data are damaged.
    pub fn new(config: VaeConfig) -> Result<Self, VaeError> {
        let data = Digits::embedded()?;
        config.validate(data.train_len())?;
        // Four independent streams from the seed: weights, minibatch order, noise, evaluation.
        let mut seeds = Pcg64Mcg::seed_from_u64(config.seed);
        let init_seed = seeds.next_u64();
        let order_seed = seeds.next_u64();
        let noise_seed = seeds.next_u64();
        let eval_seed = seeds.next_u64();
        let vae = Vae::new(
            config.latents,
            config.categories,
            config.hidden,
            &mut Pcg64Mcg::seed_from_u64(init_seed),
        );
        let learners = ESTIMATORS
            .iter()
            .map(|&estimator| {
                Learner::new(
                    estimator,
                    vae.clone(),
                    config.learning_rate,
                    config.batch_size,
                    data.train_len(),
                    order_seed,
                    noise_seed,
                )
            })
            .collect();
        Ok(Self {
            config,
            data,
            learners,
            steps: 0,
            eval_seed,
        })
    }

    /// The settings of this run.
    pub fn config(&self) -> &VaeConfig {
        &self.config
    }

    /// The digits it trains and tests on.
    pub fn data(&self) -> &Digits {
        &self.data
    }

    /// Steps taken by every model.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// The temperature of the next step.
    pub fn tau(&self) -> f64 {
        self.config.temperature.at(self.steps)
    }

    /// The estimators, in the order of the models.
    pub fn estimators(&self) -> Vec<Estimator> {
        self.learners.iter().map(Learner::estimator).collect()
    }

    /// `n` training steps for every model. Every [`RECORD_EVERY`] steps each model appends a
    /// [`Record`] (its test −ELBO costs about as much as 15 steps).
    pub fn step(&mut self, n: u64) {
        let n = n.min(u64::MAX - self.steps);
        for learner in &mut self.learners {
            for t in self.steps..self.steps + n {
                learner.train_step(&self.data, self.config.temperature.at(t));
                if (t + 1) % RECORD_EVERY == 0 {
                    learner.record(t + 1, &self.data, self.eval_seed);
                }
            }
        }
        self.steps += n;
    }

    /// The recorded curve of one estimator's model (empty if it is not trained here).
    pub fn history(&self, estimator: Estimator) -> &[Record] {
        self.learner(estimator).map_or(&[], Learner::history)
    }

    /// Every record of every model, estimator by estimator, each in step order: the rows of
    /// the data table (columns [`TABLE_HEADER`]).
    pub fn table(&self) -> Vec<TableRow> {
        self.learners
            .iter()
            .flat_map(|l| {
                l.history().iter().map(|&record| TableRow {
                    estimator: l.estimator(),
                    record,
                })
            })
            .collect()
    }

    /// One estimator's test −ELBO as the model is now: what a record at this step holds (the
    /// same evaluation noise), also before the first step.
    pub fn test_neg_elbo(&self, estimator: Estimator) -> Option<f64> {
        let learner = self.learner(estimator)?;
        let mut ws = learner.vae().workspace();
        Some(learner.test_neg_elbo(&self.data, self.eval_seed, &mut ws))
    }

    /// One estimator's model.
    pub fn model(&self, estimator: Estimator) -> Option<&Vae> {
        self.learner(estimator).map(Learner::vae)
    }

    fn learner(&self, estimator: Estimator) -> Option<&Learner> {
        self.learners.iter().find(|l| l.estimator() == estimator)
    }

    /// Each model's reconstructions of the test images `test_indices` (counted from the first
    /// test image): per estimator, one 64-pixel probability image per index, through the most
    /// probable code.
    ///
    /// # Errors
    /// [`VaeError::TestImage`] for an index past the last test image.
    pub fn reconstructions(&self, test_indices: &[usize]) -> Result<Vec<ModelImages>, VaeError> {
        let images = test_indices
            .iter()
            .map(|&index| {
                self.data.test_image(index).ok_or(VaeError::TestImage {
                    index,
                    count: self.data.test_len(),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(self.per_model(&images, |vae, x, ws| vae.reconstruct(x, ws)))
    }

    /// `count` samples from each model's prior: uniformly random one-hot codes (the same codes
    /// for every model, drawn from `seed`), decoded to 64 pixel probabilities each.
    pub fn prior_samples(&self, count: usize, seed: u64) -> Vec<ModelImages> {
        let mut rng = Pcg64Mcg::seed_from_u64(seed);
        let k = self.config.categories as u32;
        let codes: Vec<Vec<usize>> = (0..count)
            .map(|_| {
                (0..self.config.latents)
                    .map(|_| rng.random_range(0..k) as usize)
                    .collect()
            })
            .collect();
        self.per_model(&codes, |vae, c, ws| vae.decode_choices(c, ws))
    }

    /// Per model, the image `image` makes of each of `inputs` with that model (and a workspace
    /// of its own).
    fn per_model<T>(
        &self,
        inputs: &[T],
        image: impl Fn(&Vae, &T, &mut Workspace) -> Vec<f32>,
    ) -> Vec<ModelImages> {
        self.learners
            .iter()
            .map(|l| {
                let mut ws = l.vae().workspace();
                ModelImages {
                    estimator: l.estimator(),
                    images: inputs.iter().map(|x| image(l.vae(), x, &mut ws)).collect(),
                }
            })
            .collect()
    }

    /// The independent-pixel model's −log-likelihood (test, train) in nats per image: the
    /// reference line every curve should cross.
    pub fn independent_pixel_scores(&self) -> (f64, f64) {
        let model = IndependentPixels::fit(&self.data);
        (
            model.mean_neg_log_likelihood(self.data.test_images()),
            model.mean_neg_log_likelihood(self.data.train_images()),
        )
    }
}
