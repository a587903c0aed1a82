//! Exact moments of the relaxed estimators (GS and ST-GS) for k = 2 and 3, by quadrature over
//! the k − 1 noise differences.
//!
//! y depends on the Gumbel noise only through xᵢ = gᵢ − g_k (i < k), whose joint density is the
//! multivariate logistic (k − 1)! exp(−Σxᵢ) / (1 + Σ exp(−xᵢ))^k; the perturbed logits are
//! (θ₁ + x₁, …, θ_{k−1} + x_{k−1}, θ_k). E[ĝ] and E‖ĝ − s‖² are integrals over R^{k−1} of the
//! one-sample estimate, computed at each node by the estimator functions of
//! [`estimators`](super::estimators), times that density. They are truncated to
//! [−[`HALF_WIDTH`], [`HALF_WIDTH`]]^{k−1} (tail mass below 1e-17). The integrand changes on
//! the scale of τ next to the argmax boundary: for k = 2 at x = θ₂ − θ₁; for k = 3 (outer x₁,
//! inner x₂) at x₁ = θ₃ − θ₁ and at x₂ = max(x₁ + θ₁, θ₃) − θ₂, where class 2 starts to win.
//! Each integral is taken in the variable v of x = c + τ sinh v, centred on its boundary c: the
//! feature of width τ and the smooth tails far from it then both take a few segments of the rule,
//! started from points evenly spaced in v (geometrically graded towards c in x).
//!
//! Both estimators are integrated together (they share the relaxed sample at each node). The
//! integrand is laid out as [‖ĝ_GS − s_GS‖², ‖ĝ_ST − s_ST‖², ĝ_GS − s_GS (k), ĝ_ST − s_ST (k)]
//! for shifts s chosen by the caller: ∇F first (bias directly), then, where the variance is
//! small against the squared bias, each estimator's mean (the variance without cancellation).

use super::elementary::Portable;
use super::estimators::{gumbel_softmax, straight_through_gumbel_softmax};
use super::gumbel::argmax;
use super::objective::SeparableGradient;
use super::quadrature::{Tolerance, Workspace};
use super::relaxed::relax_in_place;
use std::cell::Cell;

/// Half-width of the integration box: the logistic tail beyond it holds e^{−40} ≈ 4e-18.
pub const HALF_WIDTH: f64 = 40.0;
/// Largest k handled.
pub const MAX_EXACT_K: usize = 3;
/// Segment budget of each adaptive rule.
const MAX_SEGMENTS: usize = 4_000;

/// What one integration of the relaxed estimators returns: per component its integral and its
/// error estimate (layout in the module's documentation), and the work done.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Integral {
    pub values: Vec<f64>,
    pub errors: Vec<f64>,
    pub converged: bool,
    pub evaluations: usize,
}

/// The fixed inputs of the integrand.
pub(crate) struct Relaxed<'a> {
    pub logits: &'a [f64],
    pub tau: f64,
    pub gradient: SeparableGradient<'a>,
    /// The shifts s_GS and s_ST, k values each.
    pub shifts: [&'a [f64]; 2],
    /// Factor between the distances of successive starting points from a boundary (the step
    /// ln(ratio) in the variable v of the map x = c + τ sinh v).
    pub ratio: f64,
}

impl Relaxed<'_> {
    fn k(&self) -> usize {
        self.logits.len()
    }

    /// Components of the integrand.
    pub fn dim(&self) -> usize {
        2 + 2 * self.k()
    }

    /// The integrand at noise differences `x` (k − 1 values) with density weight `weight`.
    fn evaluate(&self, x: &[f64], weight: f64, out: &mut [f64]) {
        let k = self.k();
        let mut perturbed = [0.0; MAX_EXACT_K];
        for (i, p) in perturbed.iter_mut().take(k).enumerate() {
            *p = self.logits.get(i).copied().unwrap_or(0.0) + x.get(i).copied().unwrap_or(0.0);
        }
        let perturbed = &mut perturbed[..k.min(MAX_EXACT_K)];
        let z = argmax(perturbed).unwrap_or(0);
        relax_in_place(perturbed, self.tau);
        let mut soft = [0.0; MAX_EXACT_K];
        let mut hard = [0.0; MAX_EXACT_K];
        let (soft, hard) = (&mut soft[..perturbed.len()], &mut hard[..perturbed.len()]);
        soft.copy_from_slice(perturbed);
        hard.copy_from_slice(perturbed);
        gumbel_softmax(soft, self.tau, self.gradient);
        straight_through_gumbel_softmax(hard, z, self.tau, self.gradient);
        let (norms, vectors) = out.split_at_mut(2.min(out.len()));
        let (soft_out, hard_out) = vectors.split_at_mut(k.min(vectors.len()));
        for (n, (g, (s, o))) in norms.iter_mut().zip([
            (&*soft, (self.shifts[0], soft_out)),
            (&*hard, (self.shifts[1], hard_out)),
        ]) {
            let mut sq = 0.0;
            for ((o, gi), si) in o.iter_mut().zip(g).zip(s) {
                let d = gi - si;
                *o = weight * d;
                sq += d * d;
            }
            *n = weight * sq;
        }
    }

    fn theta(&self, i: usize) -> f64 {
        self.logits.get(i).copied().unwrap_or(0.0)
    }

    /// The map of the (outer) integral, centred on x = θ₂ − θ₁ for k = 2 and on x₁ = θ₃ − θ₁
    /// for k = 3.
    fn outer_map(&self) -> SinhMap {
        let centre = if self.k() == 2 {
            self.theta(1) - self.theta(0)
        } else {
            self.theta(2) - self.theta(0)
        };
        SinhMap {
            centre,
            width: self.tau,
        }
    }

    /// The starting points of the (outer) integral, in v.
    fn outer_points(&self, out: &mut Vec<f64>) {
        self.outer_map().points(self.ratio.ln(), out);
    }

    /// The map of the inner integral at x₁ (k = 3): class 2 wins where x₂ + θ₂ beats
    /// both others, so there is one boundary, at x₂ = max(x₁ + θ₁, θ₃) − θ₂.
    fn inner_map(&self, x1: f64) -> SinhMap {
        let centre = (x1 + self.theta(0)).max(self.theta(2)) - self.theta(1);
        SinhMap {
            centre,
            width: self.tau,
        }
    }
}

/// An integral of the relaxed estimators' components in progress, advanced a budget of
/// integrand evaluations at a time: for k = 3 one inner integral (one point of the outer rule)
/// is the smallest step, so that a step ends at most one inner integral past its budget.
///
/// The tolerance of component c is max(`absolute[c]`, `relative` · |integral_c|). For k = 3
/// half of it goes to the outer integral and half to the inner ones: the inner integral at x₁
/// gets the absolute part times the marginal density of x₁ (the logistic, which integrates to
/// 1), so the inner errors add up to at most about half the absolute tolerance however small the
/// integrand is at x₁. The inner error estimates are integrated along the outer integral (as
/// unchecked components), so the reported error covers both levels.
#[derive(Debug, Default)]
pub(crate) struct RelaxedIntegral {
    outer: Workspace,
    inner: Workspace,
    points: Vec<f64>,
    inner_absolute: Vec<f64>,
    inner_relative: f64,
    scaled: Vec<f64>,
    inner_evaluations: usize,
    inner_converged: bool,
}

impl RelaxedIntegral {
    /// Starts the integral of `relaxed`'s components, the first `checked` of them to tolerance.
    pub fn begin(
        &mut self,
        relaxed: &Relaxed<'_>,
        checked: usize,
        relative: f64,
        absolute: &[f64],
    ) {
        let dim = relaxed.dim();
        relaxed.outer_points(&mut self.points);
        self.inner_evaluations = 0;
        self.inner_converged = true;
        let tolerance = |absolute, relative| Tolerance {
            absolute,
            relative,
            max_segments: MAX_SEGMENTS,
            checked,
        };
        if relaxed.k() == 2 {
            self.outer
                .begin(&self.points, tolerance(absolute, relative), dim);
            return;
        }
        self.inner_absolute.clear();
        self.inner_absolute.extend(absolute.iter().map(|a| 0.5 * a));
        self.inner_relative = 0.5 * relative;
        // Components dim … 2·dim − 1 carry the inner errors.
        self.outer.begin(
            &self.points,
            tolerance(&self.inner_absolute, self.inner_relative),
            2 * dim,
        );
    }

    /// Spends about `budget` integrand evaluations (at least one step); returns the integral
    /// once it is finished.
    pub fn advance(&mut self, relaxed: &Relaxed<'_>, budget: usize) -> Option<Integral> {
        let dim = relaxed.dim();
        let Self {
            outer,
            inner,
            points,
            inner_absolute,
            inner_relative,
            scaled,
            inner_evaluations,
            inner_converged,
        } = self;
        let map = relaxed.outer_map();
        let accuracy = if relaxed.k() == 2 {
            let mut f = |v: f64, out: &mut [f64]| {
                let (x, jacobian) = map.at(v);
                relaxed.evaluate(&[x], logistic_density(x) * jacobian, out)
            };
            outer.resume(&mut f, budget)?
        } else {
            let counted = Cell::new(0usize);
            let mut f = |v1: f64, out: &mut [f64]| {
                let (x1, jacobian) = map.at(v1);
                let inner_map = relaxed.inner_map(x1);
                inner_map.points(relaxed.ratio.ln(), points);
                let marginal = logistic_density(x1);
                scaled.clear();
                scaled.extend(inner_absolute.iter().map(|a| a * marginal));
                // e^{−x₁} once per inner integral; |x| ≤ 40 keeps every power finite.
                let e1 = (-x1).portable_exp();
                let (values, errors) = out.split_at_mut(dim.min(out.len()));
                let tolerance = Tolerance {
                    absolute: scaled,
                    relative: *inner_relative,
                    max_segments: MAX_SEGMENTS,
                    checked: dim,
                };
                let acc = inner.integrate(
                    |v2, o| {
                        let (x2, j2) = inner_map.at(v2);
                        relaxed.evaluate(&[x1, x2], trivariate_logistic(e1, x2) * j2, o)
                    },
                    points,
                    tolerance,
                    values,
                    errors,
                );
                for o in out.iter_mut() {
                    *o *= jacobian;
                }
                counted.set(counted.get() + acc.evaluations);
                *inner_converged &= acc.converged;
            };
            let accuracy = loop {
                if let Some(accuracy) = outer.resume(&mut f, 1) {
                    break Some(accuracy);
                }
                if counted.get() >= budget {
                    break None;
                }
            };
            *inner_evaluations += counted.get();
            accuracy?
        };
        let mut values = vec![0.0; outer.result_len()];
        let mut errors = vec![0.0; values.len()];
        outer.result(&mut values, &mut errors);
        if relaxed.k() == 2 {
            return Some(Integral {
                values,
                errors,
                converged: accuracy.converged,
                evaluations: accuracy.evaluations,
            });
        }
        let (values, inner_errors) = values.split_at(dim.min(values.len()));
        let errors = errors
            .iter()
            .zip(inner_errors)
            .map(|(outer_error, inner_error)| outer_error + inner_error.abs())
            .collect();
        Some(Integral {
            values: values.to_vec(),
            errors,
            converged: accuracy.converged && *inner_converged,
            evaluations: *inner_evaluations,
        })
    }
}

/// x = c + w·sinh(v): a variable in which a feature of width w at c and the smooth tails far from
/// it are both resolved by a few segments of the rule.
#[derive(Clone, Copy, Debug)]
struct SinhMap {
    centre: f64,
    width: f64,
}

impl SinhMap {
    /// (x, dx/dv) at v, from one portable exponential.
    fn at(self, v: f64) -> (f64, f64) {
        let e = v.portable_exp();
        let inv = 1.0 / e;
        (
            self.centre + 0.5 * self.width * (e - inv),
            0.5 * self.width * (e + inv),
        )
    }

    /// Starting points in v for x over [−HALF_WIDTH, HALF_WIDTH]: the ends, v = 0 (x = c) if
    /// inside, and steps of `step` between.
    fn points(self, step: f64, out: &mut Vec<f64>) {
        out.clear();
        // asinh(u) = sign(u)·ln(|u| + √(u² + 1)), with the portable logarithm.
        let v = |x: f64| {
            let u = (x - self.centre) / self.width;
            u.signum() * (u.abs() + (u * u + 1.0).sqrt()).portable_ln()
        };
        let (lo, hi) = (v(-HALF_WIDTH), v(HALF_WIDTH));
        out.push(lo);
        let mut p = (lo / step).floor() * step + step;
        while p < hi {
            if p > lo {
                out.push(p);
            }
            p += step;
        }
        out.push(hi);
    }
}

/// The logistic density e^{−x} / (1 + e^{−x})², in a form that neither overflows nor loses
/// the tails.
fn logistic_density(x: f64) -> f64 {
    let a = -x.abs();
    (a - 2.0 * a.portable_exp().portable_ln_1p()).portable_exp()
}

/// The joint density of (g₁ − g₃, g₂ − g₃), 2 e^{−x₁−x₂} / (1 + e^{−x₁} + e^{−x₂})³, from
/// e₁ = e^{−x₁}. Direct, because on the integration box (|x| ≤ [`HALF_WIDTH`]) every power
/// stays below 1e53.
fn trivariate_logistic(e1: f64, x2: f64) -> f64 {
    let e2 = (-x2).portable_exp();
    let s = 1.0 + e1 + e2;
    2.0 * e1 * e2 / (s * s * s)
}
