//! The exact moments of GS and ST-GS at one τ as a job that can be advanced a budget of work at
//! a time, so that a page can compute a whole curve without a long task.
//!
//! Every integral is shifted by ∇F, so that its vectors integrate to the bias directly. The
//! accurate integral asks each bias vector for [`RELATIVE`] of its norm and each squared norm
//! for [`RELATIVE`] of itself (a component of the bias need not be resolved better than the
//! bias), which needs the sizes first: from a hint (the neighbouring τ of a curve) or from a
//! rough integral. When the sizes were far off, the accurate integral is repeated with the sizes
//! it found. Where the variance's error bound is still above [`TARGET_RELATIVE_ERROR`] of it
//! (the variance is small against the squared bias, at large τ), a last integral centred on each
//! mean gives the variance without that cancellation.

use super::error::Error;
use super::estimators::{exact_gradient, Estimator};
use super::exact_moments::{ExactMoments, ABSOLUTE_ERROR, TARGET_RELATIVE_ERROR};
use super::exact_relaxed::{Integral, Relaxed, RelaxedIntegral, MAX_EXACT_K};
use super::objective::Objective;
use super::relaxed::GumbelSoftmax;

/// The accuracy asked of each accurate integral: below the target, because error estimates add
/// up over components and levels.
const RELATIVE: f64 = 1e-7;
/// The rough integral only sizes the components.
const ROUGH_RELATIVE: f64 = 1e-2;
const ROUGH_ABSOLUTE: f64 = 1e-7;
/// Breakpoints graded towards the boundaries by this factor in the rough integral, and by
/// [`FINE_RATIO`] in the accurate ones.
const ROUGH_RATIO: f64 = 8.0;
const FINE_RATIO: f64 = 4.0;
/// How often the accurate integral may be repeated with better sizes.
const MAX_RETRIES: usize = 2;

/// The relaxed estimators in the order of the integrand's layout.
const RELAXED: [Estimator; 2] = [
    Estimator::GumbelSoftmax,
    Estimator::StraightThroughGumbelSoftmax,
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    Rough,
    Accurate { retries: usize },
    Centred,
    Done,
}

/// The exact moments of GS and ST-GS (in that order) at one τ, in progress.
#[derive(Debug)]
pub struct RelaxedMomentsJob {
    logits: Vec<f64>,
    tau: f64,
    objective: Objective,
    exact: Vec<f64>,
    shifts: [Vec<f64>; 2],
    stage: Stage,
    integral: RelaxedIntegral,
    results: Option<[ExactMoments; 2]>,
    evaluations: usize,
}

impl RelaxedMomentsJob {
    /// A job for the distribution's τ. `hint`, the moments at a nearby τ, sizes the accurate
    /// integral and saves the rough one.
    ///
    /// # Errors
    /// An objective invalid for k, or [`Error::InvalidArgument`] for k above 3.
    pub fn new(
        dist: &GumbelSoftmax,
        objective: &Objective,
        hint: Option<&[ExactMoments; 2]>,
    ) -> Result<Self, Error> {
        let k = dist.k();
        objective.validate(k)?;
        if k > MAX_EXACT_K {
            return Err(Error::InvalidArgument(format!(
                "exact moments of GS and ST-GS are computed for k = 2 and 3, not k = {k}"
            )));
        }
        let exact = exact_gradient(dist, objective)?;
        let mut job = RelaxedMomentsJob {
            logits: dist.logits().to_vec(),
            tau: dist.tau(),
            objective: objective.clone(),
            shifts: [exact.clone(), exact.clone()],
            exact,
            stage: Stage::Rough,
            integral: RelaxedIntegral::default(),
            results: None,
            evaluations: 0,
        };
        match hint {
            Some(h) => {
                let sizes = [0, 1].map(|j| (h[j].bias, h[j].variance + h[j].bias * h[j].bias));
                job.begin_accurate(sizes, 0);
            }
            None => {
                let dim = job.dim();
                job.begin(ROUGH_RATIO, dim, ROUGH_RELATIVE, &vec![ROUGH_ABSOLUTE; dim]);
            }
        }
        Ok(job)
    }

    /// Spends about `budget` integrand evaluations (at least one step); returns the moments
    /// once they are known (and from then on).
    pub fn advance(&mut self, budget: usize) -> Option<&[ExactMoments; 2]> {
        let mut spent = 0;
        while self.stage != Stage::Done && spent < budget {
            let ratio = if self.stage == Stage::Rough {
                ROUGH_RATIO
            } else {
                FINE_RATIO
            };
            let relaxed = integrand(&self.logits, self.tau, &self.objective, &self.shifts, ratio);
            let before = self.evaluations;
            let finished = self.integral.advance(&relaxed, budget - spent);
            match finished {
                None => {
                    // The integral reports its work only when it finishes; count the budget.
                    spent = budget;
                }
                Some(integral) => {
                    self.evaluations = before + integral.evaluations;
                    spent += integral.evaluations.max(1);
                    self.finish_stage(&integral);
                }
            }
        }
        if let Some(results) = &mut self.results {
            for r in results.iter_mut() {
                r.evaluations = self.evaluations;
            }
        }
        self.results.as_ref().filter(|_| self.stage == Stage::Done)
    }

    /// Integrand evaluations of the integrals finished so far.
    pub fn evaluations(&self) -> usize {
        self.evaluations
    }

    fn dim(&self) -> usize {
        2 + 2 * self.logits.len()
    }

    /// Starts `integral` on this job's integrand with the given grading and tolerance.
    fn begin(&mut self, ratio: f64, checked: usize, relative: f64, absolute: &[f64]) {
        let relaxed = integrand(&self.logits, self.tau, &self.objective, &self.shifts, ratio);
        self.integral.begin(&relaxed, checked, relative, absolute);
    }

    /// Starts the accurate integral for biases and mean squared distances of about `sizes`.
    fn begin_accurate(&mut self, sizes: [(f64, f64); 2], retries: usize) {
        let k = self.logits.len();
        let dim = self.dim();
        let mut targets = vec![ABSOLUTE_ERROR; dim];
        for (j, (bias, squared)) in sizes.into_iter().enumerate() {
            if let Some(t) = targets.get_mut(j) {
                *t = t.max(RELATIVE * squared.abs());
            }
            for t in targets.iter_mut().skip(2 + j * k).take(k) {
                *t = t.max(RELATIVE * bias.abs());
            }
        }
        self.shifts = [self.exact.clone(), self.exact.clone()];
        self.stage = Stage::Accurate { retries };
        self.begin(FINE_RATIO, dim, 0.0, &targets);
    }

    fn finish_stage(&mut self, integral: &Integral) {
        let k = self.logits.len();
        let bias_of = |j: usize| {
            let range = 2 + j * k..2 + (j + 1) * k;
            (
                norm(integral.values.get(range.clone()).unwrap_or(&[])),
                norm(integral.errors.get(range).unwrap_or(&[])),
            )
        };
        let squared_of = |j: usize| {
            (
                integral.values.get(j).copied().unwrap_or(f64::NAN),
                integral.errors.get(j).copied().unwrap_or(f64::NAN),
            )
        };
        match self.stage {
            Stage::Rough => {
                let sizes = [0, 1].map(|j| (bias_of(j).0, squared_of(j).0));
                self.begin_accurate(sizes, 0);
            }
            Stage::Accurate { retries } => {
                let results = [0, 1].map(|j| {
                    let ((bias, bias_error), (mse, mse_error)) = (bias_of(j), squared_of(j));
                    let range = 2 + j * k..2 + (j + 1) * k;
                    let vector = integral.values.get(range).unwrap_or(&[]);
                    ExactMoments {
                        estimator: RELAXED[j],
                        mean: self.exact.iter().zip(vector).map(|(e, b)| e + b).collect(),
                        bias,
                        variance: mse - bias * bias,
                        bias_error,
                        variance_error: mse_error
                            + 2.0 * bias * bias_error
                            + bias_error * bias_error,
                        converged: integral.converged,
                        evaluations: 0,
                    }
                });
                let missed = [0, 1].iter().any(|&j| {
                    let ((bias, bias_error), (mse, mse_error)) = (bias_of(j), squared_of(j));
                    !(within(bias_error, bias) && within(mse_error, mse))
                });
                let needs_centring = results
                    .iter()
                    .any(|r| !within(r.variance_error, r.variance));
                if missed && retries < MAX_RETRIES {
                    let sizes = [0, 1].map(|j| (bias_of(j).0, squared_of(j).0));
                    self.begin_accurate(sizes, retries + 1);
                } else if needs_centring {
                    self.shifts = [results[0].mean.clone(), results[1].mean.clone()];
                    let targets: Vec<f64> = results
                        .iter()
                        .map(|r| ABSOLUTE_ERROR.max(0.1 * TARGET_RELATIVE_ERROR * r.variance.abs()))
                        .collect();
                    self.stage = Stage::Centred;
                    self.begin(FINE_RATIO, 2, RELATIVE, &targets);
                    self.results = Some(results);
                } else {
                    self.results = Some(results);
                    self.stage = Stage::Done;
                }
            }
            Stage::Centred => {
                if let Some(results) = &mut self.results {
                    for (j, r) in results.iter_mut().enumerate() {
                        // E‖ĝ − m‖² = tr Cov + ‖E ĝ − m‖², the last term below the mean's error².
                        let (centred, error) = squared_of(j);
                        r.variance = centred;
                        r.variance_error = error + r.bias_error * r.bias_error;
                        r.converged &= integral.converged;
                    }
                }
                self.stage = Stage::Done;
            }
            Stage::Done => {}
        }
    }
}

/// Whether an error meets the target relative to its value (or the absolute floor).
fn within(error: f64, value: f64) -> bool {
    error <= ABSOLUTE_ERROR.max(TARGET_RELATIVE_ERROR * value.abs())
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}
/// The job's integrand at one grading `ratio`: a free function of the job's fields (not a method)
/// so that the integral, another field, can be advanced while it borrows them.
fn integrand<'a>(
    logits: &'a [f64],
    tau: f64,
    objective: &'a Objective,
    shifts: &'a [Vec<f64>; 2],
    ratio: f64,
) -> Relaxed<'a> {
    Relaxed {
        logits,
        tau,
        gradient: objective.separable_gradient(),
        shifts: [&shifts[0], &shifts[1]],
        ratio,
    }
}
