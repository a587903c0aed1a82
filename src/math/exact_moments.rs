//! The exact mean, bias and variance (trace of the covariance) of every one-sample estimator:
//! by enumeration over the category z for the score functions and straight-through (any k),
//! and by quadrature over the noise differences for GS and ST-GS (k = 2 and 3).
//!
//! Enumeration calls the estimator functions of [`estimators`](super::estimators) once per
//! category with weight πᵢ, as the quadrature calls them once per node: there is no second copy
//! of an estimator's formula. Each result says how accurate it is: enumeration is exact up to
//! rounding, quadrature reports its error estimate, which meets [`TARGET_RELATIVE_ERROR`] at
//! display sizes.

use super::error::Error;
use super::estimators::{
    exact_gradient, exact_objective, optimal_baseline, score_function, straight_through, Estimator,
};
use super::objective::Objective;
use super::relaxed::GumbelSoftmax;
use super::relaxed_moments::RelaxedMomentsJob;

/// The accuracy the exact curves promise, relative to the bias and to the variance (a bias
/// below [`ABSOLUTE_ERROR`] is met absolutely).
pub const TARGET_RELATIVE_ERROR: f64 = 1e-6;
/// Absolute floor of every component: integrals that vanish (a bias of zero by symmetry) are
/// resolved to this and no further.
pub const ABSOLUTE_ERROR: f64 = 1e-13;

/// Exact moments of one estimator at one temperature.
#[derive(Clone, Debug, PartialEq)]
pub struct ExactMoments {
    pub estimator: Estimator,
    /// E[ĝ].
    pub mean: Vec<f64>,
    /// ‖E[ĝ] − ∇F‖.
    pub bias: f64,
    /// tr Cov[ĝ] = E‖ĝ − E[ĝ]‖².
    pub variance: f64,
    /// Bound on the absolute error of `bias` (0 for enumeration, which is exact up to rounding).
    pub bias_error: f64,
    /// Bound on the absolute error of `variance`.
    pub variance_error: f64,
    /// Whether the quadrature met its tolerance (always true for enumeration).
    pub converged: bool,
    /// Integrand evaluations spent (k for enumeration).
    pub evaluations: usize,
}

impl ExactMoments {
    /// The larger of the bias's and the variance's error relative to their values (an error
    /// within [`ABSOLUTE_ERROR`] counts as met).
    pub fn relative_error(&self) -> f64 {
        let rel = |error: f64, value: f64| {
            if error <= ABSOLUTE_ERROR {
                0.0
            } else {
                error / value.abs()
            }
        };
        rel(self.bias_error, self.bias).max(rel(self.variance_error, self.variance))
    }
}

/// Exact moments of `estimator` for the distribution `dist` (its τ is used by GS and ST-GS)
/// and `objective`.
///
/// # Errors
/// An objective invalid for k, or [`Error::InvalidArgument`] for GS or ST-GS with k above 3.
pub fn exact_moments(
    estimator: Estimator,
    dist: &GumbelSoftmax,
    objective: &Objective,
) -> Result<ExactMoments, Error> {
    if estimator.depends_on_tau() {
        let [gs, st_gs] = exact_relaxed_moments(dist, objective)?;
        return Ok(if estimator == Estimator::GumbelSoftmax {
            gs
        } else {
            st_gs
        });
    }
    objective.validate(dist.k())?;
    let probs = dist.probs();
    let exact = exact_gradient(dist, objective)?;
    let shift = match estimator {
        Estimator::ScoreFunctionBaseline => exact_objective(dist, objective)?,
        Estimator::ScoreFunctionOptimalBaseline => optimal_baseline(dist, objective)?,
        _ => 0.0,
    };
    let gradient = objective.separable_gradient();
    // One estimate per category z, weighted by π_z.
    let estimates: Vec<Vec<f64>> = (0..probs.len())
        .map(|z| {
            let mut g = probs.clone();
            if estimator == Estimator::StraightThrough {
                straight_through(&mut g, z, gradient);
            } else {
                score_function(&mut g, z, objective.value_at_vertex(z) - shift);
            }
            g
        })
        .collect();
    // Mean as the first estimate plus weighted differences to it, so that a constant estimate
    // (ST for a linear payoff) has exactly zero variance; variance by a second pass.
    let first = estimates.first().cloned().unwrap_or_default();
    let mut mean = first.clone();
    for (p, g) in probs.iter().zip(&estimates) {
        for ((m, gi), fi) in mean.iter_mut().zip(g).zip(&first) {
            *m += p * (gi - fi);
        }
    }
    let variance = probs
        .iter()
        .zip(&estimates)
        .map(|(p, g)| p * distance_sq(g, &mean))
        .sum();
    Ok(ExactMoments {
        estimator,
        bias: distance_sq(&mean, &exact).sqrt(),
        mean,
        variance,
        bias_error: 0.0,
        variance_error: 0.0,
        converged: true,
        evaluations: probs.len(),
    })
}

/// Exact moments of GS and ST-GS (in that order) at the distribution's τ, for k = 2 or 3: a
/// [`RelaxedMomentsJob`] run to the end.
///
/// # Errors
/// An objective invalid for k, or [`Error::InvalidArgument`] for k above 3.
pub fn exact_relaxed_moments(
    dist: &GumbelSoftmax,
    objective: &Objective,
) -> Result<[ExactMoments; 2], Error> {
    let mut job = RelaxedMomentsJob::new(dist, objective, None)?;
    loop {
        if let Some(results) = job.advance(usize::MAX) {
            return Ok(results.clone());
        }
    }
}

fn distance_sq(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}
