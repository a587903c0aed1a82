//! Tier 3: the density integrates to 1 (k = 2 and k = 3), by quadrature after a substitution
//! that removes the corner singularities.
//!
//! The log-ratio coordinates sᵢ = ln(yᵢ / y_k) (i < k) map the open simplex onto ℝ^{k−1};
//! the Jacobian of (s₁ … s_{k−1}) ↦ (y₁ … y_{k−1}) is Πᵢ yᵢ (all k components). In these
//! coordinates the density is smooth with tails like e^{−τ|s|}, so the trapezoid rule on a
//! truncated grid converges geometrically: truncating at 40/τ from the centre leaves < e^{−40}
//! and a step of 0.05/τ resolves the integrand. The tolerance 1e-6 is far above both errors.

use gumbel_explorer::math::{binary_log_density, sigmoid, GumbelSoftmax};

const TOLERANCE: f64 = 1e-6;

/// Trapezoid nodes and weights over [lo, hi] with n intervals.
fn trapezoid(lo: f64, hi: f64, n: usize) -> impl Iterator<Item = (f64, f64)> {
    let h = (hi - lo) / n as f64;
    (0..=n).map(move |i| {
        let w = if i == 0 || i == n { 0.5 * h } else { h };
        (lo + h * i as f64, w)
    })
}

#[test]
fn binary_density_integrates_to_one() {
    for tau in [0.1, 0.5, 1.0, 2.0, 5.0] {
        for logit_diff in [0.0, 2.0, -4.0] {
            let dist = GumbelSoftmax::new(&[logit_diff, 0.0], tau).unwrap();
            // s = ln(y₁/y₂) is centred at (θ₁ − θ₂)/τ with scale 1/τ.
            let centre = logit_diff / tau;
            let half = 40.0 / tau;
            let mut general = 0.0;
            let mut closed_form = 0.0;
            let check_closed_form = tau >= 1.0;
            for (s, w) in trapezoid(centre - half, centre + half, 16_000) {
                let (y1, y2) = (sigmoid(s), sigmoid(-s));
                let log_y = [-(-s).exp().ln_1p(), -s.exp().ln_1p()];
                let jacobian = y1 * y2;
                if y1 > 0.0 && y2 > 0.0 {
                    let lp = dist.log_density_from_log(&log_y).unwrap();
                    general += w * lp.exp() * jacobian;
                }
                // The closed form takes x = y₁ itself, which rounds to 1 for s > 36.7; only
                // for τ ≥ 1 is the mass beyond that (< e^{−36}) negligible.
                if check_closed_form {
                    closed_form += w * binary_log_density(y1, logit_diff, tau).exp() * jacobian;
                }
            }
            assert!(
                (general - 1.0).abs() < TOLERANCE,
                "τ = {tau}, d = {logit_diff}: ∫ p = {general}"
            );
            assert!(
                !check_closed_form || (closed_form - 1.0).abs() < TOLERANCE,
                "τ = {tau}, d = {logit_diff}: ∫ binary p = {closed_form}"
            );
        }
    }
}

#[test]
fn binary_density_integrates_in_x_too() {
    // Directly in x on (0, 1) with x = σ(s) only near the ends avoided: at τ = 2 the density
    // vanishes at both ends, so plain midpoint quadrature in x works.
    let tau = 2.0;
    let n = 200_000;
    let h = 1.0 / n as f64;
    let total: f64 = (0..n)
        .map(|i| binary_log_density((i as f64 + 0.5) * h, 0.7, tau).exp() * h)
        .sum();
    assert!((total - 1.0).abs() < 1e-6, "∫ p dx = {total}");
}

#[test]
fn triangle_density_integrates_to_one() {
    // k = 3 over the whole open triangle via (s₁, s₂) = (ln y₁/y₃, ln y₂/y₃).
    for tau in [0.5, 1.0, 2.0] {
        for probs in [[1.0 / 3.0; 3], [0.2, 0.3, 0.5], [0.7, 0.2, 0.1]] {
            let dist = GumbelSoftmax::from_probs(&probs, tau).unwrap();
            let lp = dist.logits();
            let c1 = (lp[0] - lp[2]) / tau;
            let c2 = (lp[1] - lp[2]) / tau;
            let half = 40.0 / tau;
            let n = 1600;
            let s2_nodes: Vec<(f64, f64)> = trapezoid(c2 - half, c2 + half, n).collect();
            let mut total = 0.0;
            for (s1, w1) in trapezoid(c1 - half, c1 + half, n) {
                for &(s2, w2) in &s2_nodes {
                    let m = s1.max(s2).max(0.0);
                    let lse = m + ((s1 - m).exp() + (s2 - m).exp() + (-m).exp()).ln();
                    let log_y = [s1 - lse, s2 - lse, -lse];
                    let log_jacobian = log_y.iter().sum::<f64>();
                    let log_p = dist.log_density_from_log(&log_y).unwrap();
                    total += w1 * w2 * (log_p + log_jacobian).exp();
                }
            }
            assert!(
                (total - 1.0).abs() < TOLERANCE,
                "τ = {tau}, π = {probs:?}: ∫ p = {total}"
            );
        }
    }
}
