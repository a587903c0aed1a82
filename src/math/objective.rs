//! The payoff f whose expectation the estimators differentiate: a linear payoff or a squared
//! distance, defined on the whole simplex, with the bound on its coefficients.

use super::error::{check_finite, check_length, Error, Num};

/// Largest magnitude of an objective coefficient (cᵢ or tᵢ): the math core's numeric-safety
/// bound, not a modelling choice.
///
/// Up to it every quantity the core computes from the objective stays finite for every
/// accepted k (at most [`MAX_CATEGORIES`](super::MAX_CATEGORIES)): f(eᵢ) = Σⱼ tⱼ² + 1 − 2tᵢ is
/// below 256 · 1e300, far from the largest double. Beyond it the squares overflow and the
/// exact gradient would be ∞ − ∞ = NaN. The explorer's controls accept a much narrower range;
/// that bound belongs to the model, which only ever hands the core values within this one.
pub const MAX_OBJECTIVE_VALUE: f64 = 1e150;

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
        let parameter = match self {
            Objective::Linear { .. } => "c",
            Objective::SquaredDistance { .. } => "target",
        };
        let values = self.coefficients();
        check_length(parameter, k, values.len())?;
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
                for ((o, _), &ci) in out.iter_mut().zip(y).zip(c) {
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

    /// The gradient in the separable form ∇f(y)ᵢ = a·yᵢ + bᵢ that the estimators' inner loops
    /// use, borrowed without allocating.
    pub fn separable_gradient(&self) -> SeparableGradient<'_> {
        match self {
            Objective::Linear { c } => SeparableGradient {
                slope: 0.0,
                offset_scale: 1.0,
                coefficients: c,
            },
            Objective::SquaredDistance { target } => SeparableGradient {
                slope: 2.0,
                offset_scale: -2.0,
                coefficients: target,
            },
        }
    }

    fn coefficients(&self) -> &[f64] {
        match self {
            Objective::Linear { c } => c,
            Objective::SquaredDistance { target } => target,
        }
    }
}

/// ∇f(y)ᵢ = a·yᵢ + bᵢ: both objectives have a gradient of this form, with a = 0 and b = c for
/// the linear payoff and a = 2 and b = −2t for the squared distance. At a vertex e_z it is
/// bᵢ + a·[i = z].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SeparableGradient<'a> {
    slope: f64,
    offset_scale: f64,
    coefficients: &'a [f64],
}

impl SeparableGradient<'_> {
    /// The slope a, shared by every component.
    #[inline]
    pub fn slope(&self) -> f64 {
        self.slope
    }

    /// The offsets b₁ … b_k in index order.
    #[inline]
    pub fn offsets(&self) -> impl Iterator<Item = f64> + '_ {
        let scale = self.offset_scale;
        self.coefficients.iter().map(move |c| scale * c)
    }

    /// ∇f(e_z)ᵢ = bᵢ + a·[i = z], from the offset bᵢ of component i.
    #[inline]
    pub fn at_vertex(&self, i: usize, z: usize, offset: f64) -> f64 {
        if i == z {
            self.slope + offset
        } else {
            offset
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One objective of each kind for k = 3, shared with the estimators' unit tests.
    pub(crate) fn objectives() -> [Objective; 2] {
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
    fn vertex_forms_agree_with_general_forms() {
        for objective in objectives() {
            let form = objective.separable_gradient();
            for z in 0..3 {
                let mut e = [0.0; 3];
                e[z] = 1.0;
                assert!((objective.value(&e) - objective.value_at_vertex(z)).abs() < 1e-15);
                let mut general = [0.0; 3];
                objective.gradient(&e, &mut general);
                for ((i, b), g) in form.offsets().enumerate().zip(general) {
                    assert!(
                        (form.at_vertex(i, z, b) - g).abs() < 1e-15,
                        "z = {z}, i = {i}"
                    );
                }
            }
            assert!(objective.value_at_vertex(3).is_nan());
        }
    }

    #[test]
    fn gradients_match_finite_differences() {
        for objective in objectives() {
            let y = [0.3, 0.6, 0.1];
            let mut g = [0.0; 3];
            objective.gradient(&y, &mut g);
            for (i, gi) in g.iter().enumerate() {
                let h = 1e-6;
                let (mut up, mut down) = (y, y);
                up[i] += h;
                down[i] -= h;
                let fd = (objective.value(&up) - objective.value(&down)) / (2.0 * h);
                assert!((fd - gi).abs() < 1e-8, "{fd} vs {gi}");
            }
        }
    }

    #[test]
    fn coefficients_beyond_the_bound_are_rejected() {
        let at_bound = Objective::Linear {
            c: vec![MAX_OBJECTIVE_VALUE, -MAX_OBJECTIVE_VALUE],
        };
        assert_eq!(at_bound.validate(2), Ok(()));
        let beyond = Objective::SquaredDistance {
            target: vec![0.0, -2.0 * MAX_OBJECTIVE_VALUE],
        };
        match beyond.validate(2) {
            Err(Error::InvalidArgument(message)) => assert!(message.starts_with("target 2 is")),
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
        assert!(matches!(
            beyond.validate(3),
            Err(Error::LengthMismatch {
                parameter: "target",
                expected: 3,
                found: 2
            })
        ));
    }

    #[test]
    fn the_bound_keeps_vertex_values_finite() {
        let k = crate::math::MAX_CATEGORIES;
        let objective = Objective::SquaredDistance {
            target: vec![MAX_OBJECTIVE_VALUE; k],
        };
        assert!((0..k).all(|i| objective.value_at_vertex(i).is_finite()));
    }
}
