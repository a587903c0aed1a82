//! A categorical VAE on small binarised digits, trained in pure Rust: the paper's experiment
//! at classroom size (MATH.md section 9).
//!
//! Encoder 64 → H → N·K logits, decoder N·K → H → 64 Bernoulli logits, KL(q(z|x) ‖ uniform) in
//! closed form, Adam on minibatches, and one model per gradient estimator (Gumbel-Softmax,
//! straight-through Gumbel-Softmax, score function with a running-mean baseline) trained from
//! the same start on the same data and noise. Hand-written dense layers in f32; the Gumbel
//! noise and the softmaxes come from [`crate::math`]. No plotting and no web APIs: the page
//! drives a [`VaeTrainer`] in slices of steps and draws what it returns.
//!
//! Nothing here reads a file at run time (the digits are embedded) and nothing panics on a bad
//! setting: [`VaeTrainer::new`] returns a [`VaeError`] naming it.
//!
//! ```
//! use gumbel_explorer::vae::{Estimator, VaeConfig, VaeTrainer};
//!
//! let mut trainer = VaeTrainer::new(VaeConfig::small())?;
//! trainer.step(100);
//! let record = trainer.history(Estimator::GumbelSoftmax)[0];
//! assert_eq!(record.step, 100);
//! assert!(record.test_neg_elbo.is_finite());
//! assert!(VaeTrainer::new(VaeConfig { categories: 1, ..VaeConfig::small() }).is_err());
//! # Ok::<(), gumbel_explorer::vae::VaeError>(())
//! ```

pub mod adam;
pub mod baseline;
pub mod batches;
pub mod bernoulli;
pub mod config;
pub mod data;
pub mod dense;
pub mod error;
pub mod estimator;
pub mod evaluate;
pub mod latent;
pub mod learner;
pub mod network;
pub mod objective;
pub mod trainer;

pub use baseline::IndependentPixels;
pub use config::{classroom_schedule, Temperature, VaeConfig, EVALUATION_DRAWS, RECORD_EVERY};
pub use data::Digits;
pub use error::{TemperatureFault, VaeError};
pub use estimator::{Estimator, ESTIMATORS};
pub use learner::Record;
pub use network::Vae;
pub use trainer::{ModelImages, TableRow, VaeTrainer, TABLE_HEADER};
