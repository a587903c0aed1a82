//! The math core: the Gumbel-Softmax distribution, its density, gradient estimators and the
//! statistics used to check them.
//!
//! Pure Rust: no I/O, no rendering, no web APIs, and no generator is ever created here: every
//! sampler takes `rng: &mut R` with `R: rand::Rng + ?Sized`, so the caller decides the seed.
//! Nothing in this module panics on bad input; invalid parameters return [`Error`].

pub mod density;
pub mod error;
pub mod gumbel;
pub mod relaxed;

pub use density::{binary_cdf, binary_log_density, log_density, sigmoid, softplus};
pub use error::{Error, MAX_CATEGORIES};
pub use gumbel::{argmax, standard_gumbel};
pub use relaxed::{relax, relax_log, GumbelSoftmax};
