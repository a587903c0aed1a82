//! The six one-sample gradient estimators of ∇θF, F(θ) = E_{z~Cat(softmax θ)}[f(z)]: one
//! function per estimator, shared by the one-sample path and the τ sweep, and the exact
//! gradient they estimate.
//!
//! All estimates are gradients with respect to the logits θ. J_s(v) = diag(v) − v vᵀ is the
//! softmax Jacobian. The estimator functions work in place on a buffer of length k that holds
//! the point they need on entry (π for SF, SF+baseline and ST; the relaxed sample y for GS and
//! ST-GS) and the estimate on exit, so they never allocate and can be fed any noise: a fresh
//! draw, the sweep's shared draws, or quadrature nodes.

use super::elementary::Portable;
use rand::Rng;

use super::error::{check_finite, check_length, Error};
use super::gumbel::argmax;
use super::objective::{Objective, SeparableGradient};
use super::relaxed::{relax_in_place, GumbelSoftmax};

/// The estimators compared by the explorer (MATH.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Estimator {
    /// Score function (REINFORCE): z ~ Cat(π), ĝ = f(e_z)(e_z − π). Unbiased.
    ScoreFunction,
    /// Score function with baseline b: ĝ = (f(e_z) − b)(e_z − π). Unbiased for any constant b.
    /// Here b is the *exact* mean E[f(z)] = Σᵢ πᵢ f(eᵢ): an oracle baseline, which a learner
    /// would have to estimate (e.g. by a running mean of f). It is not the variance-optimal
    /// constant: that is b* = E[f(z)‖e_z − π‖²] / E[‖e_z − π‖²].
    ScoreFunctionBaseline,
    /// Straight-through: z ~ Cat(π), ĝ = J_s(π) ∇f(e_z). Biased, τ-independent.
    StraightThrough,
    /// Gumbel-Softmax: y a relaxed sample, ĝ = (1/τ) J_s(y) ∇f(y). Biased for f of the soft y.
    GumbelSoftmax,
    /// Straight-through Gumbel-Softmax: forward z = onehot(argmax y), ĝ = (1/τ) J_s(y) ∇f(e_z).
    StraightThroughGumbelSoftmax,
    /// Score function with the variance-optimal constant baseline
    /// b* = E[f(z)‖e_z − π‖²] / E[‖e_z − π‖²] (see [`optimal_baseline`]): the smallest trace
    /// of the covariance any constant baseline gives. Unbiased; like SF+baseline it uses exact
    /// expectations a learner would have to estimate.
    ScoreFunctionOptimalBaseline,
}

impl Estimator {
    /// Every estimator, in the order the sweep reports them.
    pub const ALL: [Estimator; 6] = [
        Estimator::ScoreFunction,
        Estimator::ScoreFunctionBaseline,
        Estimator::StraightThrough,
        Estimator::GumbelSoftmax,
        Estimator::StraightThroughGumbelSoftmax,
        Estimator::ScoreFunctionOptimalBaseline,
    ];

    /// Short label: "SF", "SF+baseline", "ST", "GS", "ST-GS", "SF+b*".
    pub fn name(self) -> &'static str {
        match self {
            Estimator::ScoreFunction => "SF",
            Estimator::ScoreFunctionBaseline => "SF+baseline",
            Estimator::StraightThrough => "ST",
            Estimator::GumbelSoftmax => "GS",
            Estimator::StraightThroughGumbelSoftmax => "ST-GS",
            Estimator::ScoreFunctionOptimalBaseline => "SF+b*",
        }
    }

    /// Whether the estimate depends on τ (only the relaxed ones, GS and ST-GS, do).
    pub fn depends_on_tau(self) -> bool {
        matches!(
            self,
            Estimator::GumbelSoftmax | Estimator::StraightThroughGumbelSoftmax
        )
    }

    /// Whether the estimator is unbiased for `objective` by a theorem, not by measurement: the
    /// score function with any constant baseline always (E[e_z − π] = 0), and straight-through
    /// for a linear payoff, where ∇f is constant and J_s(π) c is exactly ∇F (ST is then exact:
    /// zero bias and zero variance).
    pub fn known_unbiased(self, objective: &Objective) -> bool {
        match self {
            Estimator::ScoreFunction
            | Estimator::ScoreFunctionBaseline
            | Estimator::ScoreFunctionOptimalBaseline => true,
            Estimator::StraightThrough => matches!(objective, Objective::Linear { .. }),
            Estimator::GumbelSoftmax | Estimator::StraightThroughGumbelSoftmax => false,
        }
    }

    /// One estimate of ∇θF computed from given perturbed logits ln πᵢ + gᵢ (as written by
    /// [`GumbelSoftmax::perturb_to_slice`]), at the distribution's temperature, into `out`.
    /// The category is z = argmax(perturbed) and the relaxed sample y = softmax(perturbed/τ),
    /// so all six estimators can be fed the same noise.
    ///
    /// Returns the forward value: f(e_z) for the score functions, ST and ST-GS, f(y) for GS.
    ///
    /// # Errors
    /// An invalid objective for k, [`Error::LengthMismatch`] for `perturbed` or `out`, or a
    /// non-finite perturbed logit.
    pub fn estimate(
        self,
        dist: &GumbelSoftmax,
        objective: &Objective,
        perturbed: &[f64],
        out: &mut [f64],
    ) -> Result<f64, Error> {
        let k = dist.k();
        objective.validate(k)?;
        check_length("perturbed", k, perturbed.len())?;
        check_length("out", k, out.len())?;
        check_finite("perturbed logit", perturbed)?;
        out.copy_from_slice(perturbed);
        Ok(self.estimate_in_place(dist, objective, out))
    }

    /// Draws fresh noise (exactly k uniforms) and writes one estimate of ∇θF into `out`;
    /// returns the forward value as [`estimate`](Self::estimate) does.
    ///
    /// # Errors
    /// An invalid objective for k, or [`Error::LengthMismatch`] for `out`.
    pub fn sample_gradient<R: Rng + ?Sized>(
        self,
        dist: &GumbelSoftmax,
        objective: &Objective,
        rng: &mut R,
        out: &mut [f64],
    ) -> Result<f64, Error> {
        let k = dist.k();
        objective.validate(k)?;
        check_length("out", k, out.len())?;
        dist.perturb_to_slice(rng, out);
        Ok(self.estimate_in_place(dist, objective, out))
    }

    /// `buf` holds validated perturbed logits on entry and the estimate on exit.
    fn estimate_in_place(
        self,
        dist: &GumbelSoftmax,
        objective: &Objective,
        buf: &mut [f64],
    ) -> f64 {
        let z = argmax(buf).unwrap_or(0);
        let gradient = objective.separable_gradient();
        let tau = dist.tau();
        match self {
            Estimator::ScoreFunction
            | Estimator::ScoreFunctionBaseline
            | Estimator::ScoreFunctionOptimalBaseline => {
                let fz = objective.value_at_vertex(z);
                let baseline = match self {
                    Estimator::ScoreFunctionBaseline => exact_mean(dist, objective),
                    Estimator::ScoreFunctionOptimalBaseline => best_constant(dist, objective),
                    _ => 0.0,
                };
                write_probs(dist, buf);
                score_function(buf, z, fz - baseline);
                fz
            }
            Estimator::StraightThrough => {
                write_probs(dist, buf);
                straight_through(buf, z, gradient);
                objective.value_at_vertex(z)
            }
            Estimator::GumbelSoftmax => {
                relax_in_place(buf, tau);
                let forward = objective.value(buf);
                gumbel_softmax(buf, tau, gradient);
                forward
            }
            Estimator::StraightThroughGumbelSoftmax => {
                relax_in_place(buf, tau);
                straight_through_gumbel_softmax(buf, z, tau, gradient);
                objective.value_at_vertex(z)
            }
        }
    }
}

/// πᵢ = exp(ln πᵢ) into `out` (same length as the distribution's k).
fn write_probs(dist: &GumbelSoftmax, out: &mut [f64]) {
    for (o, lp) in out.iter_mut().zip(dist.logits()) {
        *o = lp.portable_exp();
    }
}

/// Score function (with a baseline b when `weight` = f(e_z) − b; SF itself is b = 0):
/// ĝ = weight · (e_z − π). `buf` holds π on entry and ĝ on exit. A category z out of range
/// leaves out the e_z term.
#[inline]
pub fn score_function(buf: &mut [f64], z: usize, weight: f64) {
    for o in buf.iter_mut() {
        *o *= -weight;
    }
    if let Some(o) = buf.get_mut(z) {
        *o += weight;
    }
}

/// Straight-through: ĝ = J_s(π) ∇f(e_z), that is ĝᵢ = πᵢ (gᵢ − π·g) with g = ∇f(e_z).
/// `buf` holds π on entry and ĝ on exit.
#[inline]
pub fn straight_through(buf: &mut [f64], z: usize, gradient: SeparableGradient<'_>) {
    jacobian_product(buf, |i, _, b| gradient.at_vertex(i, z, b), 1.0, gradient);
}

/// Gumbel-Softmax: ĝ = (1/τ) J_s(y) ∇f(y), the pathwise derivative of f(softmax((θ + g)/τ)).
/// `buf` holds the relaxed sample y on entry and ĝ on exit.
#[inline]
pub fn gumbel_softmax(buf: &mut [f64], tau: f64, gradient: SeparableGradient<'_>) {
    let slope = gradient.slope();
    jacobian_product(buf, |_, y, b| slope * y + b, 1.0 / tau, gradient);
}

/// Straight-through Gumbel-Softmax: ĝ = (1/τ) J_s(y) ∇f(e_z), with z = argmax of the
/// perturbed logits that gave y (the forward value is f(e_z)). `buf` holds y on entry and ĝ on
/// exit.
#[inline]
pub fn straight_through_gumbel_softmax(
    buf: &mut [f64],
    z: usize,
    tau: f64,
    gradient: SeparableGradient<'_>,
) {
    jacobian_product(
        buf,
        |i, _, b| gradient.at_vertex(i, z, b),
        1.0 / tau,
        gradient,
    );
}

/// vᵢ ← scale · vᵢ (gᵢ − v·g) in place, i.e. scale · J_s(v) g, with gᵢ = `g(i, vᵢ, bᵢ)` from
/// the objective's offsets bᵢ. Without `scale` (ST) the factor 1 changes no bit.
#[inline(always)]
fn jacobian_product(
    v: &mut [f64],
    g: impl Fn(usize, f64, f64) -> f64,
    scale: f64,
    gradient: SeparableGradient<'_>,
) {
    let dot: f64 = v
        .iter()
        .zip(gradient.offsets())
        .enumerate()
        .map(|(i, (&vi, b))| vi * g(i, vi, b))
        .sum();
    for (i, (vi, b)) in v.iter_mut().zip(gradient.offsets()).enumerate() {
        *vi = *vi * (g(i, *vi, b) - dot) * scale;
    }
}

/// F(θ) = E_{z~Cat(π)}[f(e_z)] = Σᵢ πᵢ f(eᵢ) by enumeration (the objective must be valid for
/// k).
fn exact_mean(dist: &GumbelSoftmax, objective: &Objective) -> f64 {
    dist.logits()
        .iter()
        .enumerate()
        .map(|(i, lp)| lp.portable_exp() * objective.value_at_vertex(i))
        .sum()
}

/// b* = Σᵢ πᵢ f(eᵢ) ‖eᵢ − π‖² / Σᵢ πᵢ ‖eᵢ − π‖², with ‖eᵢ − π‖² = 1 − 2πᵢ + Σⱼ πⱼ². When π
/// sits on a vertex to double precision the denominator vanishes; any constant is then as good
/// as another and the exact mean is returned.
fn best_constant(dist: &GumbelSoftmax, objective: &Objective) -> f64 {
    let probs = dist.probs();
    let sum_sq: f64 = probs.iter().map(|p| p * p).sum();
    let (mut num, mut den) = (0.0, 0.0);
    for (i, p) in probs.iter().enumerate() {
        let distance_sq = 1.0 - 2.0 * p + sum_sq;
        num += p * objective.value_at_vertex(i) * distance_sq;
        den += p * distance_sq;
    }
    let b = num / den;
    if den > 0.0 && b.is_finite() {
        b
    } else {
        exact_mean(dist, objective)
    }
}

/// The variance-optimal constant baseline of the score function,
/// b* = E[f(z)‖e_z − π‖²] / E[‖e_z − π‖²] (MATH.md §5): it minimises the trace of the
/// covariance of (f(z) − b)(e_z − π) over constants b. The oracle E[f(z)] is not it.
///
/// # Errors
/// An objective that is invalid for the distribution's k.
pub fn optimal_baseline(dist: &GumbelSoftmax, objective: &Objective) -> Result<f64, Error> {
    objective.validate(dist.k())?;
    Ok(best_constant(dist, objective))
}

/// The objective F(θ) = Σᵢ πᵢ f(eᵢ) by enumeration.
///
/// # Errors
/// An objective that is invalid for the distribution's k.
pub fn exact_objective(dist: &GumbelSoftmax, objective: &Objective) -> Result<f64, Error> {
    objective.validate(dist.k())?;
    Ok(exact_mean(dist, objective))
}

/// The exact gradient ∇θF = Σᵢ πᵢ f(eᵢ)(eᵢ − π) by enumeration; component i is
/// πᵢ (f(eᵢ) − F).
///
/// # Errors
/// An objective that is invalid for the distribution's k.
pub fn exact_gradient(dist: &GumbelSoftmax, objective: &Objective) -> Result<Vec<f64>, Error> {
    objective.validate(dist.k())?;
    let mean = exact_mean(dist, objective);
    Ok(dist
        .logits()
        .iter()
        .enumerate()
        .map(|(i, lp)| lp.portable_exp() * (objective.value_at_vertex(i) - mean))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::objective::tests::objectives;
    use rand::SeedableRng;

    /// ∂f/∂xᵢ at `x` by a central difference with step 1e-6.
    fn central_difference(f: impl Fn(&[f64; 3]) -> f64, x: [f64; 3], i: usize) -> f64 {
        let h = 1e-6;
        let (mut up, mut down) = (x, x);
        up[i] += h;
        down[i] -= h;
        (f(&up) - f(&down)) / (2.0 * h)
    }

    /// scale · J_s(v) g written out as a matrix product, the definition the kernels expand.
    fn jacobian_times(v: &[f64], g: &[f64], scale: f64) -> Vec<f64> {
        (0..v.len())
            .map(|i| {
                let row: f64 = (0..v.len())
                    .map(|j| {
                        let jacobian = if i == j {
                            v[i] - v[i] * v[j]
                        } else {
                            -v[i] * v[j]
                        };
                        jacobian * g[j]
                    })
                    .sum();
                scale * row
            })
            .collect()
    }

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-14)
    }

    #[test]
    fn kernels_expand_their_definitions() {
        let probs = [0.2, 0.3, 0.5];
        let y = [0.05, 0.7, 0.25];
        let tau = 0.4;
        for objective in objectives() {
            let form = objective.separable_gradient();
            for z in 0..3 {
                let mut vertex = [0.0; 3];
                vertex[z] = 1.0;
                let mut at_vertex = [0.0; 3];
                let mut at_y = [0.0; 3];
                objective.gradient(&vertex, &mut at_vertex);
                objective.gradient(&y, &mut at_y);

                let mut buf = probs;
                straight_through(&mut buf, z, form);
                assert!(close(&buf, &jacobian_times(&probs, &at_vertex, 1.0)));

                let mut buf = y;
                straight_through_gumbel_softmax(&mut buf, z, tau, form);
                assert!(close(&buf, &jacobian_times(&y, &at_vertex, 1.0 / tau)));

                let mut buf = probs;
                score_function(&mut buf, z, 1.5);
                let expected: Vec<f64> = (0..3).map(|i| 1.5 * (vertex[i] - probs[i])).collect();
                assert!(close(&buf, &expected));
            }
            let mut buf = y;
            gumbel_softmax(&mut buf, tau, form);
            let mut at_y = [0.0; 3];
            objective.gradient(&y, &mut at_y);
            assert!(close(&buf, &jacobian_times(&y, &at_y, 1.0 / tau)));
        }
    }

    #[test]
    fn score_function_ignores_a_category_out_of_range() {
        let mut buf = [0.25, 0.75];
        score_function(&mut buf, 2, 2.0);
        assert_eq!(buf, [-0.5, -1.5]);
    }

    #[test]
    fn exact_gradient_matches_finite_differences_of_f() {
        let logits = [0.2, -0.4, 1.0];
        for objective in objectives() {
            let dist = GumbelSoftmax::new(&logits, 1.0).unwrap();
            let g = exact_gradient(&dist, &objective).unwrap();
            assert_eq!(g.len(), 3);
            let f = |l: &[f64; 3]| {
                exact_objective(&GumbelSoftmax::new(l, 1.0).unwrap(), &objective).unwrap()
            };
            for (i, gi) in g.iter().enumerate() {
                let fd = central_difference(f, logits, i);
                assert!((fd - gi).abs() < 1e-8, "{fd} vs {gi}");
            }
        }
    }

    #[test]
    fn gumbel_softmax_estimate_is_the_pathwise_derivative() {
        // GS: derivative of f(softmax((θ + g)/τ)) with g fixed, by finite differences.
        let logits = [0.2, -0.4, 1.0];
        let noise = [0.3, 1.1, -0.5];
        let tau = 0.7;
        for objective in objectives() {
            let dist = GumbelSoftmax::new(&logits, tau).unwrap();
            let perturbed: Vec<f64> = dist
                .logits()
                .iter()
                .zip(&noise)
                .map(|(l, g)| l + g)
                .collect();
            let mut est = [0.0; 3];
            Estimator::GumbelSoftmax
                .estimate(&dist, &objective, &perturbed, &mut est)
                .unwrap();
            let f = |theta: &[f64; 3]| {
                let mut y = [0.0; 3];
                let p: Vec<f64> = theta.iter().zip(&noise).map(|(l, g)| l + g).collect();
                crate::math::relax(&p, tau, &mut y);
                objective.value(&y)
            };
            for (i, e) in est.iter().enumerate() {
                let fd = central_difference(f, logits, i);
                assert!((fd - e).abs() < 1e-8, "{fd} vs {e}");
            }
        }
    }

    #[test]
    fn forward_values_are_those_of_the_sample() {
        let dist = GumbelSoftmax::new(&[0.2, -0.4, 1.0], 0.7).unwrap();
        let perturbed = [0.1, 1.5, 0.2];
        let mut y = [0.0; 3];
        crate::math::relax(&perturbed, 0.7, &mut y);
        let mut out = [0.0; 3];
        for objective in objectives() {
            for estimator in Estimator::ALL {
                let forward = estimator
                    .estimate(&dist, &objective, &perturbed, &mut out)
                    .unwrap();
                let expected = match estimator {
                    Estimator::GumbelSoftmax => objective.value(&y),
                    _ => objective.value_at_vertex(1),
                };
                assert_eq!(forward, expected, "{}", estimator.name());
            }
        }
    }

    #[test]
    fn estimates_reject_bad_shapes() {
        let dist = GumbelSoftmax::new(&[0.0, 1.0, 2.0], 1.0).unwrap();
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(3);
        let objective = Objective::Linear { c: vec![1.0, 2.0] };
        let mut out = [0.0; 3];
        assert!(matches!(
            Estimator::ScoreFunction.sample_gradient(&dist, &objective, &mut rng, &mut out),
            Err(Error::LengthMismatch { parameter: "c", .. })
        ));
        let objective = Objective::Linear {
            c: vec![1.0, 2.0, 3.0],
        };
        let mut short = [0.0; 2];
        assert!(matches!(
            Estimator::GumbelSoftmax.sample_gradient(&dist, &objective, &mut rng, &mut short),
            Err(Error::LengthMismatch {
                parameter: "out",
                ..
            })
        ));
        assert!(matches!(
            Estimator::GumbelSoftmax.estimate(&dist, &objective, &[0.0, f64::NAN, 1.0], &mut out),
            Err(Error::NotANumber {
                parameter: "perturbed logit",
                index: 1
            })
        ));
    }

    #[test]
    fn names_are_distinct() {
        let names: std::collections::HashSet<_> = Estimator::ALL.iter().map(|e| e.name()).collect();
        assert_eq!(names.len(), Estimator::ALL.len());
        assert_eq!(Estimator::StraightThroughGumbelSoftmax.name(), "ST-GS");
    }
}
