//! Gradient estimators for F(θ) = E_{z~Cat(softmax θ)}[f(z)] and the τ sweep that compares
//! their bias and variance.
//!
//! All estimates are gradients with respect to the logits θ. J_s(v) = diag(v) − v vᵀ is the
//! softmax Jacobian.

use super::elementary::Portable;
use rand::Rng;

use super::error::{check_finite, Error, Num};

/// Largest magnitude of an objective coefficient (cᵢ or tᵢ). Beyond it f(eᵢ) = Σⱼ tⱼ² + 1 − 2tᵢ
/// and the exact gradient overflow double precision (∞ − ∞ would be NaN).
pub const MAX_OBJECTIVE_VALUE: f64 = 1e150;
use super::relaxed::GumbelSoftmax;

/// The payoff f, defined on the whole simplex so that relaxed samples can be scored.
#[derive(Clone, Debug, PartialEq)]
pub enum Objective {
    /// f(y) = Σᵢ cᵢ yᵢ.
    Linear {
        /// Payoff per category.
        c: Vec<f64>,
    },
    /// f(y) = ‖y − t‖².
    SquaredDistance {
        /// The target point t (a vertex, an interior point, or any finite point).
        target: Vec<f64>,
    },
}

impl Objective {
    /// Checks that the objective has `k` finite coefficients, each within
    /// ±[`MAX_OBJECTIVE_VALUE`].
    ///
    /// # Errors
    /// [`Error::LengthMismatch`], [`Error::NotANumber`] or [`Error::Infinite`], with the
    /// parameter named "c" or "target", or [`Error::InvalidArgument`] naming it for a
    /// coefficient beyond ±[`MAX_OBJECTIVE_VALUE`].
    pub fn validate(&self, k: usize) -> Result<(), Error> {
        let (parameter, values) = match self {
            Objective::Linear { c } => ("c", c),
            Objective::SquaredDistance { target } => ("target", target),
        };
        if values.len() != k {
            return Err(Error::LengthMismatch {
                parameter,
                expected: k,
                found: values.len(),
            });
        }
        check_finite(parameter, values)?;
        match values.iter().position(|v| v.abs() > MAX_OBJECTIVE_VALUE) {
            Some(index) => Err(Error::InvalidArgument(format!(
                "{parameter} {} is {}, must be within ±{MAX_OBJECTIVE_VALUE:e}",
                index + 1,
                Num(values[index])
            ))),
            None => Ok(()),
        }
    }

    /// f(y). If the lengths differ only the common leading components are used (call
    /// [`validate`](Self::validate) first).
    pub fn value(&self, y: &[f64]) -> f64 {
        match self {
            Objective::Linear { c } => c.iter().zip(y).map(|(c, y)| c * y).sum(),
            Objective::SquaredDistance { target } => {
                target.iter().zip(y).map(|(t, y)| (y - t) * (y - t)).sum()
            }
        }
    }

    /// ∇f(y) written into `out`: c for the linear payoff, 2(y − t) for the squared distance.
    /// Only the components present in `y`, `out` and the coefficients are written.
    pub fn gradient(&self, y: &[f64], out: &mut [f64]) {
        match self {
            Objective::Linear { c } => {
                for (o, &ci) in out.iter_mut().zip(y).map(|(o, _)| o).zip(c) {
                    *o = ci;
                }
            }
            Objective::SquaredDistance { target } => {
                for ((o, &yi), &ti) in out.iter_mut().zip(y).zip(target) {
                    *o = 2.0 * (yi - ti);
                }
            }
        }
    }

    /// f(eᵢ), the payoff of the discrete choice i (NaN if i is out of range).
    pub fn value_at_vertex(&self, i: usize) -> f64 {
        match self {
            Objective::Linear { c } => c.get(i).copied().unwrap_or(f64::NAN),
            Objective::SquaredDistance { target } => match target.get(i) {
                Some(ti) => target.iter().map(|t| t * t).sum::<f64>() + 1.0 - 2.0 * ti,
                None => f64::NAN,
            },
        }
    }

    /// ∇f(e_z) written into `out` (all NaN if z is out of range).
    pub fn gradient_at_vertex(&self, z: usize, out: &mut [f64]) {
        let k = self.coefficients().len();
        if z >= k {
            out.iter_mut().for_each(|o| *o = f64::NAN);
            return;
        }
        let (slope, _) = self.diagonal_form();
        for (i, (o, &ci)) in out.iter_mut().zip(self.coefficients()).enumerate() {
            let b = self.offset(ci);
            *o = if i == z { slope + b } else { b };
        }
    }

    fn coefficients(&self) -> &[f64] {
        match self {
            Objective::Linear { c } => c,
            Objective::SquaredDistance { target } => target,
        }
    }

    /// Both objectives have a separable gradient ∇f(y)ᵢ = a·yᵢ + bᵢ: a = 0, b = c for the
    /// linear payoff, a = 2, b = −2t for the squared distance. Returns (a, scale of b).
    fn diagonal_form(&self) -> (f64, f64) {
        match self {
            Objective::Linear { .. } => (0.0, 1.0),
            Objective::SquaredDistance { .. } => (2.0, -2.0),
        }
    }

    fn offset(&self, coefficient: f64) -> f64 {
        self.diagonal_form().1 * coefficient
    }
}

/// The estimators compared by the explorer (MATH.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Estimator {
    /// Score function (REINFORCE): z ~ Cat(π), ĝ = f(e_z)(e_z − π). Unbiased.
    ScoreFunction,
    /// Score function with baseline b: ĝ = (f(e_z) − b)(e_z − π). Unbiased for any constant b.
    /// Here b is the *exact* mean E[f(z)] = Σᵢ πᵢ f(eᵢ), an oracle baseline that a learner would
    /// have to estimate (e.g. by a running mean); it shows the best a constant baseline can do.
    ScoreFunctionBaseline,
    /// Straight-through: z ~ Cat(π), ĝ = J_s(π) ∇f(e_z). Biased, τ-independent.
    StraightThrough,
    /// Gumbel-Softmax: y a relaxed sample, ĝ = (1/τ) J_s(y) ∇f(y). Biased for f of the soft y.
    GumbelSoftmax,
    /// Straight-through Gumbel-Softmax: forward z = onehot(argmax y), ĝ = (1/τ) J_s(y) ∇f(e_z).
    StraightThroughGumbelSoftmax,
}

impl Estimator {
    /// Every estimator, in the order the sweep reports them.
    pub const ALL: [Estimator; 5] = [
        Estimator::ScoreFunction,
        Estimator::ScoreFunctionBaseline,
        Estimator::StraightThrough,
        Estimator::GumbelSoftmax,
        Estimator::StraightThroughGumbelSoftmax,
    ];

    /// Short label: "SF", "SF+baseline", "ST", "GS", "ST-GS".
    pub fn name(self) -> &'static str {
        match self {
            Estimator::ScoreFunction => "SF",
            Estimator::ScoreFunctionBaseline => "SF+baseline",
            Estimator::StraightThrough => "ST",
            Estimator::GumbelSoftmax => "GS",
            Estimator::StraightThroughGumbelSoftmax => "ST-GS",
        }
    }

    /// Descriptive label for legends and tooltips.
    pub fn long_name(self) -> &'static str {
        match self {
            Estimator::ScoreFunction => "score function (REINFORCE)",
            Estimator::ScoreFunctionBaseline => "score function with baseline",
            Estimator::StraightThrough => "straight-through",
            Estimator::GumbelSoftmax => "Gumbel-Softmax",
            Estimator::StraightThroughGumbelSoftmax => "straight-through Gumbel-Softmax",
        }
    }

    /// Whether the estimate depends on the temperature (only GS and ST-GS do).
    pub fn depends_on_tau(self) -> bool {
        matches!(
            self,
            Estimator::GumbelSoftmax | Estimator::StraightThroughGumbelSoftmax
        )
    }

    /// One estimate of ∇θF computed from given perturbed logits ln πᵢ + gᵢ (as written by
    /// [`GumbelSoftmax::perturb_to_slice`]), at the distribution's temperature, into `out`.
    /// The category is z = argmax(perturbed) and the relaxed sample y = softmax(perturbed/τ),
    /// so all five estimators can be fed the same noise.
    ///
    /// Returns the forward value: f(e_z) for SF, SF+baseline, ST and ST-GS, f(y) for GS.
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
        for (parameter, len) in [("perturbed", perturbed.len()), ("out", out.len())] {
            if len != k {
                return Err(Error::LengthMismatch {
                    parameter,
                    expected: k,
                    found: len,
                });
            }
        }
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
        if out.len() != k {
            return Err(Error::LengthMismatch {
                parameter: "out",
                expected: k,
                found: out.len(),
            });
        }
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
        let z = argmax_unchecked(buf);
        let (slope, offset_scale) = objective.diagonal_form();
        let coefficients = objective.coefficients();
        let log_probs = dist.logits();
        match self {
            Estimator::ScoreFunction | Estimator::ScoreFunctionBaseline => {
                let fz = objective.value_at_vertex(z);
                let baseline = if self == Estimator::ScoreFunctionBaseline {
                    exact_mean(dist, objective)
                } else {
                    0.0
                };
                let w = fz - baseline;
                for (i, (o, &lp)) in buf.iter_mut().zip(log_probs).enumerate() {
                    let indicator = if i == z { 1.0 } else { 0.0 };
                    *o = w * (indicator - lp.portable_exp());
                }
                fz
            }
            Estimator::StraightThrough => {
                // J_s(π) g with g = ∇f(e_z): πᵢ (gᵢ − π·g).
                let vertex_grad =
                    |i: usize, ci: f64| offset_scale * ci + if i == z { slope } else { 0.0 };
                let dot: f64 = log_probs
                    .iter()
                    .zip(coefficients)
                    .enumerate()
                    .map(|(i, (lp, &ci))| lp.portable_exp() * vertex_grad(i, ci))
                    .sum();
                for (i, (o, (&lp, &ci))) in buf
                    .iter_mut()
                    .zip(log_probs.iter().zip(coefficients))
                    .enumerate()
                {
                    *o = lp.portable_exp() * (vertex_grad(i, ci) - dot);
                }
                objective.value_at_vertex(z)
            }
            Estimator::GumbelSoftmax | Estimator::StraightThroughGumbelSoftmax => {
                let tau = dist.tau();
                softmax_in_place(buf, 1.0 / tau);
                let soft = self == Estimator::GumbelSoftmax;
                let forward = if soft {
                    objective.value(buf)
                } else {
                    objective.value_at_vertex(z)
                };
                // g = ∇f(y) (GS) or ∇f(e_z) (ST-GS); estimate (1/τ) yᵢ (gᵢ − y·g).
                let grad = |i: usize, yi: f64, ci: f64| {
                    let a = if soft {
                        slope * yi
                    } else if i == z {
                        slope
                    } else {
                        0.0
                    };
                    a + offset_scale * ci
                };
                let dot: f64 = buf
                    .iter()
                    .zip(coefficients)
                    .enumerate()
                    .map(|(i, (&yi, &ci))| yi * grad(i, yi, ci))
                    .sum();
                let inv_tau = 1.0 / tau;
                for (i, (o, &ci)) in buf.iter_mut().zip(coefficients).enumerate() {
                    let yi = *o;
                    *o = yi * (grad(i, yi, ci) - dot) * inv_tau;
                }
                forward
            }
        }
    }
}

/// argmax over finite values (first on ties); 0 for an empty slice.
pub(crate) fn argmax_unchecked(values: &[f64]) -> usize {
    let mut best = 0;
    let mut best_value = f64::NEG_INFINITY;
    for (i, &v) in values.iter().enumerate() {
        if v > best_value {
            best = i;
            best_value = v;
        }
    }
    best
}

/// vᵢ ← exp((vᵢ − max v)·inv_tau) / Σⱼ exp((vⱼ − max v)·inv_tau).
fn softmax_in_place(values: &mut [f64], inv_tau: f64) {
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for v in values.iter_mut() {
        *v = ((*v - max) * inv_tau).portable_exp();
        sum += *v;
    }
    let inv_sum = 1.0 / sum;
    values.iter_mut().for_each(|v| *v *= inv_sum);
}

/// F(θ) = E_{z~Cat(π)}[f(e_z)] = Σᵢ πᵢ f(eᵢ) by enumeration (the objective must be valid for
/// k).
pub(crate) fn exact_mean(dist: &GumbelSoftmax, objective: &Objective) -> f64 {
    dist.logits()
        .iter()
        .enumerate()
        .map(|(i, lp)| lp.portable_exp() * objective.value_at_vertex(i))
        .sum()
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

pub use super::sweep::{log_tau_grid, variance_sweep, Sweep, SweepPoint, SweepRow};

/// (a, bᵢ) of the separable gradient ∇f(y)ᵢ = a·yᵢ + bᵢ, for the sweep's bulk formulas.
pub(crate) fn diagonal_gradient(objective: &Objective) -> (f64, Vec<f64>) {
    let (slope, scale) = objective.diagonal_form();
    let offsets = objective.coefficients().iter().map(|c| scale * c).collect();
    (slope, offsets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn objectives() -> [Objective; 2] {
        [
            Objective::Linear {
                c: vec![1.0, -2.0, 0.5],
            },
            Objective::SquaredDistance {
                target: vec![0.2, 0.3, 0.5],
            },
        ]
    }

    #[test]
    fn vertex_helpers_agree_with_general_forms() {
        for objective in objectives() {
            for z in 0..3 {
                let mut e = [0.0; 3];
                e[z] = 1.0;
                assert!((objective.value(&e) - objective.value_at_vertex(z)).abs() < 1e-15);
                let mut a = [0.0; 3];
                let mut b = [0.0; 3];
                objective.gradient(&e, &mut a);
                objective.gradient_at_vertex(z, &mut b);
                assert_eq!(a, b);
            }
            assert!(objective.value_at_vertex(3).is_nan());
        }
    }

    /// ∂f/∂xᵢ at `x` by a central difference with step 1e-6.
    fn central_difference(f: impl Fn(&[f64; 3]) -> f64, x: [f64; 3], i: usize) -> f64 {
        let h = 1e-6;
        let (mut up, mut down) = (x, x);
        up[i] += h;
        down[i] -= h;
        (f(&up) - f(&down)) / (2.0 * h)
    }

    #[test]
    fn gradients_match_finite_differences() {
        for objective in objectives() {
            let y = [0.3, 0.6, 0.1];
            let mut g = [0.0; 3];
            objective.gradient(&y, &mut g);
            for (i, gi) in g.iter().enumerate() {
                let fd = central_difference(|p| objective.value(p), y, i);
                assert!((fd - gi).abs() < 1e-8);
            }
        }
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
            let f = |theta: &[f64]| {
                let mut y = [0.0; 3];
                let p: Vec<f64> = theta.iter().zip(&noise).map(|(l, g)| l + g).collect();
                crate::math::relax(&p, tau, &mut y);
                objective.value(&y)
            };
            for i in 0..3 {
                let h = 1e-6;
                let mut up = logits;
                let mut down = logits;
                up[i] += h;
                down[i] -= h;
                let fd = (f(&up) - f(&down)) / (2.0 * h);
                assert!((fd - est[i]).abs() < 1e-8, "{fd} vs {}", est[i]);
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
        assert!(Estimator::GumbelSoftmax
            .sample_gradient(&dist, &objective, &mut rng, &mut short)
            .is_err());
        assert!(Estimator::GumbelSoftmax
            .estimate(&dist, &objective, &[0.0, f64::NAN, 1.0], &mut out)
            .is_err());
    }

    #[test]
    fn names_are_distinct() {
        let names: std::collections::HashSet<_> = Estimator::ALL.iter().map(|e| e.name()).collect();
        assert_eq!(names.len(), 5);
        assert_eq!(Estimator::StraightThroughGumbelSoftmax.name(), "ST-GS");
    }
}
