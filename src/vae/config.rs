//! The VAE's settings, their defaults and their accepted ranges (the one place each bound
//! lives), and the temperature: fixed or annealed.

use super::error::{TemperatureFault, VaeError};
pub use crate::math::Temperature;
use crate::math::{AnnealingSchedule, Error as MathError};

/// Largest number of latent variables N.
pub const MAX_LATENTS: usize = 64;
/// Largest number of classes K per latent variable.
pub const MAX_CATEGORIES: usize = 64;
/// Largest hidden-layer width.
pub const MAX_HIDDEN: usize = 1024;
/// Largest learning rate.
pub const MAX_LEARNING_RATE: f64 = 1.0;
/// Smallest temperature accepted (the relaxed gradient grows as 1/τ; single precision
/// training is checked down to here).
pub const MIN_TAU: f64 = 1e-2;
/// Largest temperature accepted.
pub const MAX_TAU: f64 = 1e2;
/// The −ELBO is recorded every this many steps.
pub const RECORD_EVERY: u64 = 100;
/// Hard samples averaged per test image in the test −ELBO.
pub const EVALUATION_DRAWS: usize = 10;

// The temperature setting is the math core's; the VAE adds the range its single precision
// training is checked for.
impl Temperature {
    /// Checks that every τ the setting can give lies in [`MIN_TAU`] ..= [`MAX_TAU`].
    ///
    /// # Errors
    /// [`VaeError::Temperature`] naming the value at fault.
    pub fn validate(&self) -> Result<(), VaeError> {
        let in_range = |tau: f64| (MIN_TAU..=MAX_TAU).contains(&tau);
        match self {
            Self::Fixed(tau) if in_range(*tau) => Ok(()),
            Self::Fixed(tau) => Err(VaeError::Temperature(TemperatureFault::Fixed(*tau))),
            Self::Annealed(s) => {
                AnnealingSchedule::new(s.tau0, s.rate, s.tau_min, s.update_every).map_err(|e| {
                    match e {
                        MathError::InvalidArgument(message) => {
                            VaeError::Temperature(TemperatureFault::Schedule(message))
                        }
                        other => {
                            VaeError::Temperature(TemperatureFault::Schedule(other.to_string()))
                        }
                    }
                })?;
                // Every τ(t) lies between τ₀ and τ_min.
                let bounds = [
                    (
                        TemperatureFault::Initial as fn(f64) -> TemperatureFault,
                        s.tau0,
                    ),
                    (TemperatureFault::Minimum, s.tau_min),
                ];
                for (fault, tau) in bounds {
                    if !in_range(tau) {
                        return Err(VaeError::Temperature(fault(tau)));
                    }
                }
                Ok(())
            }
        }
    }
}

/// Everything that defines a training run; a run is a deterministic function of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VaeConfig {
    /// N, the number of categorical latent variables (default 16).
    pub latents: usize,
    /// K, the number of classes of each (default 10).
    pub categories: usize,
    /// Width of the encoder's and the decoder's hidden layer (default 128).
    pub hidden: usize,
    /// Adam's step size (default 1e-3).
    pub learning_rate: f64,
    /// Training images per step (default 32).
    pub batch_size: usize,
    /// The temperature (default [`classroom_schedule`]).
    pub temperature: Temperature,
    /// Seed of the initial weights, the minibatch order and the noise.
    pub seed: u64,
}

/// The default annealing for a run of a few thousand steps: τ₀ = 1, r = 1e-3, τ_min = 0.5,
/// updated every 100 steps, so τ falls from 1 to its floor 0.5 by step 700.
///
/// The paper's VAE schedule (r = 1e-4 every 1,000 steps) is meant for runs a hundred times
/// longer: over 2,000 steps it keeps τ ≥ 0.82, and the GS decoder learns to read relaxed codes
/// that the hard-sample test never sends (16 × 10, seed 1: test −ELBO 23.1 nats at 2,000 steps
/// against 21.8 with this schedule and 21.7 with τ fixed at 0.5; ST-GS and SF change little).
pub fn classroom_schedule() -> AnnealingSchedule {
    AnnealingSchedule {
        tau0: 1.0,
        rate: 1e-3,
        tau_min: 0.5,
        update_every: 100,
    }
}

impl Default for VaeConfig {
    /// 16 × 10 latents, 128 hidden units, Adam 1e-3, batch 32, seed 1, τ annealed by
    /// [`classroom_schedule`].
    fn default() -> Self {
        Self {
            latents: 16,
            categories: 10,
            hidden: 128,
            learning_rate: 1e-3,
            batch_size: 32,
            temperature: Temperature::Annealed(classroom_schedule()),
            seed: 1,
        }
    }
}

impl VaeConfig {
    /// The defaults at a small size, 4 × 3 latents and 16 hidden units: a model that trains a
    /// hundred steps in milliseconds, for tests and examples.
    pub fn small() -> VaeConfig {
        VaeConfig {
            latents: 4,
            categories: 3,
            hidden: 16,
            ..VaeConfig::default()
        }
    }

    /// Checks every setting against its range; `training_images` bounds the batch size.
    ///
    /// # Errors
    /// The [`VaeError`] variant of the first setting out of range.
    pub fn validate(&self, training_images: usize) -> Result<(), VaeError> {
        if !(1..=MAX_LATENTS).contains(&self.latents) {
            return Err(VaeError::Latents {
                value: self.latents,
                max: MAX_LATENTS,
            });
        }
        if !(2..=MAX_CATEGORIES).contains(&self.categories) {
            return Err(VaeError::Categories {
                value: self.categories,
                max: MAX_CATEGORIES,
            });
        }
        if !(1..=MAX_HIDDEN).contains(&self.hidden) {
            return Err(VaeError::Hidden {
                value: self.hidden,
                max: MAX_HIDDEN,
            });
        }
        let lr = self.learning_rate;
        if !(lr > 0.0 && lr <= MAX_LEARNING_RATE) {
            return Err(VaeError::LearningRate {
                value: lr,
                max: MAX_LEARNING_RATE,
            });
        }
        if !(1..=training_images).contains(&self.batch_size) {
            return Err(VaeError::BatchSize {
                value: self.batch_size,
                max: training_images,
            });
        }
        self.temperature.validate()
    }
}
