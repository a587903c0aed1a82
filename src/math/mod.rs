//! The math core: the Gumbel-Softmax distribution, its density, gradient estimators (and
//! training with them), and the statistics used to check them.
//!
//! Pure Rust: no I/O, no rendering, no web APIs, and no generator is ever created here: every
//! sampler takes `rng: &mut R` with `R: rand::Rng + ?Sized`, so the caller decides the seed.
//! Nothing in this module panics on bad input; invalid parameters return [`Error`].

pub mod annealing;
pub mod cost;
pub mod density;
pub mod elementary;
pub mod error;
pub mod estimators;
pub mod exact_moments;
mod exact_relaxed;
mod gauss_kronrod;
mod graded_breakpoints;
pub mod gumbel;
pub mod objective;
pub mod optimiser;
pub mod quadrature;
pub mod raster;
pub mod rebar;
pub mod relaxed;
pub mod relaxed_moments;
pub mod running_variance;
pub mod simplex;
pub mod stats;
pub mod sweep;
pub mod sweep_summary;
pub mod trainers;
pub mod training;

pub use annealing::{AnnealingSchedule, Temperature};
pub use cost::{speedup, PAPER_SPEEDUPS};
pub use density::{binary_cdf, binary_log_density, log_density, sigmoid, softplus};
pub use error::{Error, MAX_CATEGORIES, MAX_TEMPERATURE, MIN_TEMPERATURE};
pub use estimators::{exact_gradient, exact_objective, optimal_baseline, Estimator};
pub use exact_moments::{exact_moments, exact_relaxed_moments, ExactMoments};
pub use gumbel::{argmax, standard_gumbel};
pub use objective::{Objective, SeparableGradient, MAX_OBJECTIVE_VALUE};
pub use relaxed::{relax, relax_log, GumbelSoftmax};
pub use relaxed_moments::RelaxedMomentsJob;
pub use simplex::{
    barycentric_to_xy, polygon_vertices, project_to_polygon, xy_to_barycentric, TRIANGLE_VERTICES,
};
pub use stats::{
    chi_square_test, ks_p_value, ks_statistic, ln_gamma, regularized_gamma_p, regularized_gamma_q,
    ChiSquare, Welford,
};
pub use sweep::{log_tau_grid, variance_sweep, Sweep, SweepRow, SweepRun};
pub use sweep_summary::SweepPoint;
