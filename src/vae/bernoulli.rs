//! The decoder's likelihood: independent Bernoulli pixels given by their logits a, scored in a
//! numerically stable form.
//!
//! −ln p(x | a) = Σᵢ softplus(aᵢ) − xᵢ aᵢ (= −xᵢ ln σ(aᵢ) − (1 − xᵢ) ln σ(−aᵢ)), finite for any
//! finite logit, with gradient σ(aᵢ) − xᵢ. The logistic function and softplus are the math
//! core's (one stable form in one place).

use crate::math::{sigmoid, softplus};

/// Negative log-likelihood in nats of the binary image `x` under pixel logits `logits`, and
/// its gradient with respect to the logits written into `grad` (σ(a) − x).
pub fn neg_log_likelihood(logits: &[f32], x: &[f32], grad: &mut [f32]) -> f64 {
    let mut total = 0.0;
    for ((&a, &xi), g) in logits.iter().zip(x).zip(grad.iter_mut()) {
        let (a, xi) = (f64::from(a), f64::from(xi));
        total += softplus(a) - xi * a;
        *g = (sigmoid(a) - xi) as f32;
    }
    total
}

/// Negative log-likelihood only (no gradient), as the evaluation needs.
pub fn neg_log_likelihood_value(logits: &[f32], x: &[f32]) -> f64 {
    logits
        .iter()
        .zip(x)
        .map(|(&a, &xi)| {
            let a = f64::from(a);
            softplus(a) - f64::from(xi) * a
        })
        .sum()
}

/// Pixel probabilities σ(a), for display.
pub fn probabilities(logits: &[f32]) -> Vec<f32> {
    logits
        .iter()
        .map(|&a| sigmoid(f64::from(a)) as f32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_direct_formula_and_stays_finite() {
        let logits = [-3.0f32, 0.0, 2.5, 80.0, -80.0];
        let x = [0.0f32, 1.0, 1.0, 0.0, 1.0];
        let mut grad = [0.0f32; 5];
        let nll = neg_log_likelihood(&logits, &x, &mut grad);
        let direct: f64 = logits[..3]
            .iter()
            .zip(&x)
            .map(|(&a, &xi)| {
                let p = 1.0 / (1.0 + (-f64::from(a)).exp());
                -(f64::from(xi) * p.ln() + (1.0 - f64::from(xi)) * (1.0 - p).ln())
            })
            .sum();
        // The last two pixels are confidently wrong: each costs about 80 nats.
        assert!((nll - direct - 160.0).abs() < 1e-9, "{nll} vs {direct}");
        assert_eq!(nll, neg_log_likelihood_value(&logits, &x));
        assert!((grad[3] - 1.0).abs() < 1e-6 && (grad[4] + 1.0).abs() < 1e-6);
        assert_eq!(probabilities(&[0.0]), vec![0.5]);
    }
}
