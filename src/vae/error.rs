//! What can be wrong with a VAE's settings or a request to it, each with a message that names
//! the control at fault.

use std::fmt;

use super::config::{MAX_TAU, MIN_TAU};
use crate::math::error::Num;

/// Which temperature of the VAE's settings is unusable.
#[derive(Clone, Debug, PartialEq)]
pub enum TemperatureFault {
    /// The fixed τ is outside [`MIN_TAU`] ..= [`MAX_TAU`].
    Fixed(f64),
    /// The schedule's τ₀ is outside [`MIN_TAU`] ..= [`MAX_TAU`].
    Initial(f64),
    /// The schedule's τ_min is outside [`MIN_TAU`] ..= [`MAX_TAU`].
    Minimum(f64),
    /// The math core refused the schedule; its reason.
    Schedule(String),
}

impl fmt::Display for TemperatureFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Fixed(tau) => write!(f, "τ = {tau} is outside {MIN_TAU} to {MAX_TAU}"),
            Self::Initial(tau) => write!(f, "initial τ₀ = {tau} is outside {MIN_TAU} to {MAX_TAU}"),
            Self::Minimum(tau) => {
                write!(f, "minimum τ_min = {tau} is outside {MIN_TAU} to {MAX_TAU}")
            }
            Self::Schedule(reason) => f.write_str(reason),
        }
    }
}

/// Everything the VAE rejects. Each [`Display`](fmt::Display) message names the setting and
/// its accepted range, so it can be shown to the user as it is.
#[derive(Clone, Debug, PartialEq)]
pub enum VaeError {
    /// The number of latent variables N is outside 1 ..= `max`.
    Latents {
        /// The value given.
        value: usize,
        /// The largest accepted.
        max: usize,
    },
    /// The number of categories K per latent variable is outside 2 ..= `max`.
    Categories {
        /// The value given.
        value: usize,
        /// The largest accepted.
        max: usize,
    },
    /// The width of the hidden layers is outside 1 ..= `max`.
    Hidden {
        /// The value given.
        value: usize,
        /// The largest accepted.
        max: usize,
    },
    /// The learning rate is not a finite number in (0, `max`].
    LearningRate {
        /// The value given.
        value: f64,
        /// The largest accepted.
        max: f64,
    },
    /// The minibatch size is outside 1 ..= `max` (the number of training images).
    BatchSize {
        /// The value given.
        value: usize,
        /// The largest accepted.
        max: usize,
    },
    /// A temperature (fixed, or of the annealing schedule) is unusable; which, and why.
    Temperature(TemperatureFault),
    /// An index into the test images is out of range.
    TestImage {
        /// The index given.
        index: usize,
        /// The number of test images.
        count: usize,
    },
    /// The embedded data set does not have the expected layout (a build problem, not a user
    /// error).
    Data(String),
}

impl fmt::Display for VaeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Latents { value, max } => write!(
                f,
                "latent variables N = {value}: must be between 1 and {max}"
            ),
            Self::Categories { value, max } => write!(
                f,
                "categories per latent K = {value}: must be between 2 and {max}"
            ),
            Self::Hidden { value, max } => {
                write!(f, "hidden units = {value}: must be between 1 and {max}")
            }
            Self::LearningRate { value, max } => write!(
                f,
                "learning rate = {}: must be a number above 0 and at most {}",
                Num(*value),
                Num(*max)
            ),
            Self::BatchSize { value, max } => write!(
                f,
                "batch size = {value}: must be between 1 and {max} (the training images)"
            ),
            Self::Temperature(fault) => write!(f, "temperature: {fault}"),
            Self::TestImage { index, count } => write!(
                f,
                "test image {index}: there are {count} test images (0 to {})",
                count.saturating_sub(1)
            ),
            Self::Data(message) => write!(f, "embedded digits: {message}"),
        }
    }
}

impl std::error::Error for VaeError {}

/// One error of each kind (and of each temperature fault), for the tests of their words here
/// and in the model's two languages.
#[cfg(test)]
pub(crate) fn one_of_each() -> [VaeError; 11] {
    [
        VaeError::Latents { value: 0, max: 64 },
        VaeError::Categories { value: 1, max: 64 },
        VaeError::Hidden { value: 0, max: 9 },
        VaeError::LearningRate {
            value: f64::NAN,
            max: 1.0,
        },
        VaeError::BatchSize { value: 0, max: 15 },
        VaeError::Temperature(TemperatureFault::Fixed(0.005)),
        VaeError::Temperature(TemperatureFault::Initial(200.0)),
        VaeError::Temperature(TemperatureFault::Minimum(1e-3)),
        VaeError::Temperature(TemperatureFault::Schedule("annealing: x".into())),
        VaeError::TestImage { index: 9, count: 3 },
        VaeError::Data("short".into()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_control() {
        let expected = [
            "latent variables N = 0",
            "categories per latent K = 1",
            "hidden units = 0",
            "learning rate = NaN",
            "batch size = 0",
            "temperature: ",
            "temperature: ",
            "temperature: ",
            "temperature: ",
            "0 to 2",
            "embedded digits: short",
        ];
        for (error, expected) in one_of_each().into_iter().zip(expected) {
            assert!(error.to_string().contains(expected), "{error}");
        }
    }
}
