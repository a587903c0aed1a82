//! The Gumbel-Softmax (Concrete) density on the simplex, in log space, and the closed forms of
//! the two-category case.

use super::elementary::Portable;
use super::error::{check_finite, check_k, check_length, check_positive, check_tau, Error};

/// Tolerance on |Σ yᵢ − 1| for a point to count as lying on the simplex.
pub const SIMPLEX_TOLERANCE: f64 = 1e-9;

/// ln((k − 1)!) = ln Γ(k), summed exactly enough for k ≤ a few hundred.
pub(crate) fn ln_gamma_of_count(k: usize) -> f64 {
    (2..k).map(|j| (j as f64).portable_ln()).sum()
}

/// The τ- and k-dependent constant of the log density: ln Γ(k) + (k − 1) ln τ.
pub(crate) fn log_normaliser(k: usize, tau: f64) -> f64 {
    ln_gamma_of_count(k) + (k as f64 - 1.0) * tau.portable_ln()
}

/// Log density at a point given through ln y, without validation.
///
/// `ln_y(i)` returns ln yᵢ. The log-sum-exp runs online (running maximum, rescaled sum) so
/// no buffer is needed.
#[inline]
pub(crate) fn log_density_core(
    log_probs: &[f64],
    tau: f64,
    log_norm: f64,
    mut ln_y: impl FnMut(usize) -> f64,
) -> f64 {
    let k = log_probs.len() as f64;
    let mut max = f64::NEG_INFINITY;
    let mut scaled_sum = 0.0;
    let mut product_term = 0.0;
    for (i, &lp) in log_probs.iter().enumerate() {
        let l = ln_y(i);
        let a = lp - tau * l;
        product_term += lp - (tau + 1.0) * l;
        if a > max {
            scaled_sum = scaled_sum * (max - a).portable_exp() + 1.0;
            max = a;
        } else if a > f64::NEG_INFINITY {
            // A term of −∞ (πᵢ = 0 after underflow) adds nothing; with max still −∞ the
            // difference would be −∞ − (−∞) = NaN.
            scaled_sum += (a - max).portable_exp();
        }
    }
    log_norm - k * (max + scaled_sum.portable_ln()) + product_term
}

/// Checks that `y` is a point of the open simplex with `k` components.
pub(crate) fn check_point(k: usize, y: &[f64]) -> Result<(), Error> {
    check_length("point", k, y.len())?;
    check_positive("point", y)?;
    let sum: f64 = y.iter().sum();
    if (sum - 1.0).abs() > SIMPLEX_TOLERANCE {
        return Err(Error::NotOnSimplex { sum });
    }
    Ok(())
}

/// Checks that `log_y` holds the logarithms of a point of the open simplex.
pub(crate) fn check_log_point(k: usize, log_y: &[f64]) -> Result<(), Error> {
    check_length("log point", k, log_y.len())?;
    check_finite("log point", log_y)?;
    let sum: f64 = log_y.iter().map(|l| l.portable_exp()).sum();
    if (sum - 1.0).abs() > SIMPLEX_TOLERANCE {
        return Err(Error::NotOnSimplex { sum });
    }
    Ok(())
}

/// Log density of the Gumbel-Softmax distribution with logits `logits` and temperature `tau`
/// at the simplex point `y`, with respect to Lebesgue measure on (y₁ … y_{k−1}):
///
/// p(y) = Γ(k) τ^{k−1} (Σᵢ πᵢ / yᵢ^τ)^{−k} Πᵢ (πᵢ / yᵢ^{τ+1}),
///
/// evaluated as
///
/// ln p = ln Γ(k) + (k − 1) ln τ − k · logsumexp_i(ln πᵢ − τ ln yᵢ) + Σᵢ (ln πᵢ − (τ + 1) ln yᵢ).
///
/// The logits may be shifted by any constant (the formula does not change), so they need not
/// be normalised. The direct product overflows near the corners and at small τ; this form does
/// not (ln p reaches thousands at τ = 0.01).
///
/// # Errors
/// Invalid logits (empty, k = 1, too many, non-finite), invalid τ, a point of the wrong length,
/// with a NaN, infinite, zero or negative component, or with |Σ yᵢ − 1| > 1e-9.
pub fn log_density(logits: &[f64], tau: f64, y: &[f64]) -> Result<f64, Error> {
    check_k("logits", logits.len())?;
    check_finite("logit", logits)?;
    check_tau(tau)?;
    check_point(logits.len(), y)?;
    let log_norm = log_normaliser(logits.len(), tau);
    // Shift by the largest logit (the density does not change) so that huge logits such as
    // 1e308 cannot overflow the sums.
    let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let shifted: Vec<f64> = logits.iter().map(|v| v - max).collect();
    Ok(log_density_core(&shifted, tau, log_norm, |i| {
        y[i].portable_ln()
    }))
}

/// Logistic function σ(z) = 1 / (1 + e^{−z}), without overflow for large |z|.
#[inline]
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).portable_exp())
    } else {
        let e = z.portable_exp();
        e / (1.0 + e)
    }
}

/// softplus(z) = ln(1 + e^z), without overflow for large z nor loss for very negative z.
#[inline]
pub fn softplus(z: f64) -> f64 {
    if z > 0.0 {
        z + (-z).portable_exp().portable_ln_1p()
    } else {
        z.portable_exp().portable_ln_1p()
    }
}

/// logit(x) = ln(x / (1 − x)) for x in (0, 1), accurate near both ends.
#[inline]
fn logit(x: f64) -> f64 {
    x.portable_ln() - (-x).portable_ln_1p()
}

/// CDF of the first component of a two-category Gumbel-Softmax sample (the *binary Concrete*):
///
/// P(y₁ ≤ x) = σ(τ · logit(x) − (θ₁ − θ₂)),
///
/// with `logit_diff` = θ₁ − θ₂ = ln(π₁/π₂). It follows from y₁ = σ((θ₁ − θ₂ + L)/τ) with
/// L ~ Logistic(0, 1). Returns 0 for x ≤ 0, 1 for x ≥ 1, and NaN if an argument is NaN or
/// τ ≤ 0.
pub fn binary_cdf(x: f64, logit_diff: f64, tau: f64) -> f64 {
    if x.is_nan() || logit_diff.is_nan() || tau.is_nan() || tau <= 0.0 {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    sigmoid(tau * logit(x) - logit_diff)
}

/// Log density of the first component of a two-category Gumbel-Softmax sample, the derivative
/// of [`binary_cdf`]:
///
/// ln p(x) = ln τ − ln x − ln(1 − x) + ln σ(z) + ln σ(−z),  z = τ · logit(x) − (θ₁ − θ₂).
///
/// Equal to [`log_density`] at (x, 1 − x). Returns −∞ outside (0, 1), and NaN if an argument is
/// NaN or τ ≤ 0.
pub fn binary_log_density(x: f64, logit_diff: f64, tau: f64) -> f64 {
    if x.is_nan() || logit_diff.is_nan() || tau.is_nan() || tau <= 0.0 {
        return f64::NAN;
    }
    if x <= 0.0 || x >= 1.0 {
        return f64::NEG_INFINITY;
    }
    let z = tau * logit(x) - logit_diff;
    tau.portable_ln() - x.portable_ln() - (-x).portable_ln_1p() - softplus(-z) - softplus(z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_density_matches_general_formula() {
        for &(x, d, tau) in &[(0.3, 0.7, 0.5), (1e-6, -2.0, 2.0), (0.999, 3.0, 0.1)] {
            let general = log_density(&[d, 0.0], tau, &[x, 1.0 - x]).unwrap();
            let binary = binary_log_density(x, d, tau);
            assert!((general - binary).abs() < 1e-9 * general.abs().max(1.0));
        }
    }

    #[test]
    fn binary_cdf_limits_and_symmetry() {
        assert_eq!(binary_cdf(0.0, 1.0, 1.0), 0.0);
        assert_eq!(binary_cdf(1.0, 1.0, 1.0), 1.0);
        // At x = 1/2 the CDF is σ(−d).
        assert!((binary_cdf(0.5, 0.0, 3.0) - 0.5).abs() < 1e-15);
        assert!(binary_cdf(0.5, 1.0, 1.0) < 0.5);
        assert!(binary_cdf(f64::NAN, 0.0, 1.0).is_nan());
        assert!(binary_cdf(0.5, 0.0, 0.0).is_nan());
    }

    #[test]
    fn shifted_logits_give_same_density() {
        let y = [0.2, 0.5, 0.3];
        let a = log_density(&[0.1, 0.4, -1.0], 0.7, &y).unwrap();
        let b = log_density(&[10.1, 10.4, 9.0], 0.7, &y).unwrap();
        assert!((a - b).abs() < 1e-12);
    }

    #[test]
    fn softplus_and_sigmoid_are_stable() {
        assert_eq!(softplus(1000.0), 1000.0);
        assert!(softplus(-1000.0) >= 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
        assert_eq!(sigmoid(-1000.0), 0.0);
    }
}

/// The temperature 1/(k − 1) at and below which the density is log-convex (Maddison et al.):
/// its mass sits in the corners and there is no interior mode. `None` for k < 2.
pub fn log_convex_threshold(k: usize) -> Option<f64> {
    (k >= 2).then(|| 1.0 / (k - 1) as f64)
}

#[cfg(test)]
mod threshold_tests {
    use super::log_convex_threshold;

    #[test]
    fn threshold_is_one_over_k_minus_one() {
        assert_eq!(log_convex_threshold(2), Some(1.0));
        assert_eq!(log_convex_threshold(3), Some(0.5));
        assert_eq!(log_convex_threshold(11), Some(0.1));
        assert_eq!(log_convex_threshold(1), None);
        assert_eq!(log_convex_threshold(0), None);
    }
}
