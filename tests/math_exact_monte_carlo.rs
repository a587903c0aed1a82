//! Tier 4: the exact moments against Monte Carlo, and the noise-corrected bias of the sweep.
//!
//! Fixed seeds (Pcg64Mcg). "Within 4 SE" allows a Monte Carlo error of 4 standard errors: a
//! two-sided α of about 6e-5 per comparison for a normal error (the sample sizes here make the
//! estimates close to normal).

use gumbel_explorer::math::{
    exact_relaxed_moments, variance_sweep, Estimator, GumbelSoftmax, Objective,
};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

#[test]
fn exact_gs_and_st_gs_agree_with_a_high_sample_monte_carlo_at_k3() {
    // π = (0.2, 0.3, 0.5), both objectives; M = 10⁶ one-sample estimates per τ, drawn
    // independently of the quadrature. The noise-corrected squared bias and the variance of
    // each relaxed estimator must lie within 4 SE of the exact values.
    let probs = [0.2, 0.3, 0.5];
    let logits: Vec<f64> = probs.iter().map(|p: &f64| p.ln()).collect();
    let taus = [0.1, 0.5, 2.0];
    let objectives = [
        Objective::Linear {
            c: vec![0.0, 0.5, 1.0],
        },
        Objective::SquaredDistance {
            target: vec![0.45, 0.275, 0.275],
        },
    ];
    for (seed, objective) in objectives.iter().enumerate() {
        let mut rng = Pcg64Mcg::seed_from_u64(1000 + seed as u64);
        let sweep = variance_sweep(&logits, objective, &taus, 1_000_000, &mut rng).unwrap();
        for (t, &tau) in taus.iter().enumerate() {
            let dist = GumbelSoftmax::from_probs(&probs, tau).unwrap();
            for exact in exact_relaxed_moments(&dist, objective).unwrap() {
                let name = exact.estimator.name();
                let point = &sweep.row(exact.estimator).unwrap().points[t];
                let bias_sq = exact.bias * exact.bias;
                assert!(
                    (point.corrected_bias_sq - bias_sq).abs() <= 4.0 * point.corrected_bias_sq_se,
                    "{name} {objective:?} τ = {tau}: Monte Carlo bias² {} ± {}, exact {bias_sq}",
                    point.corrected_bias_sq,
                    point.corrected_bias_sq_se
                );
                assert!(
                    (point.variance - exact.variance).abs() <= 4.0 * point.variance_se,
                    "{name} {objective:?} τ = {tau}: Monte Carlo variance {} ± {}, exact {}",
                    point.variance,
                    point.variance_se,
                    exact.variance
                );
                // The comparison has power: the exact bias is resolved by this M.
                assert!(bias_sq > 4.0 * point.corrected_bias_sq_se || exact.bias < 1e-2);
            }
        }
    }
}

/// Mean and standard error of the mean of `values`.
fn mean_and_se(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0);
    (mean, (var / n).sqrt())
}

#[test]
fn the_noise_corrected_bias_of_unbiased_estimators_is_consistent_with_zero() {
    // k = 5, where the page has only Monte Carlo for GS and ST-GS: over 40 seeds of M = 2000
    // (the page's M), the corrected squared bias of each score function averages to 0 within
    // 4 standard errors of that average, while the plug-in ‖ḡ − ∇F‖ sits at the noise floor
    // √(tr Ĉov/M). A biased estimator (GS at τ = 2) is resolved well above 0 at the same M.
    let logits: Vec<f64> = [0.1, 0.15, 0.2, 0.25, 0.3]
        .iter()
        .map(|p: &f64| p.ln())
        .collect();
    let objective = Objective::SquaredDistance {
        target: vec![0.45, 0.1375, 0.1375, 0.1375, 0.1375],
    };
    let seeds = 40;
    let sweeps: Vec<_> = (0..seeds)
        .map(|s| {
            let mut rng = Pcg64Mcg::seed_from_u64(77 + s);
            variance_sweep(&logits, &objective, &[2.0], 2_000, &mut rng).unwrap()
        })
        .collect();
    for estimator in [
        Estimator::ScoreFunction,
        Estimator::ScoreFunctionBaseline,
        Estimator::ScoreFunctionOptimalBaseline,
    ] {
        let points: Vec<_> = sweeps
            .iter()
            .map(|s| s.row(estimator).unwrap().points[0].clone())
            .collect();
        let corrected: Vec<f64> = points.iter().map(|p| p.corrected_bias_sq).collect();
        let (mean, se) = mean_and_se(&corrected);
        assert!(
            mean.abs() <= 4.0 * se,
            "{}: mean corrected bias² {mean} ± {se}",
            estimator.name()
        );
        // The plug-in bias is noise: on average it is the floor, not 0.
        let ratio: Vec<f64> = points.iter().map(|p| p.bias / p.floor).collect();
        let (r, r_se) = mean_and_se(&ratio);
        assert!(
            r > 0.5 && (r - 1.0).abs() < 0.25 + 4.0 * r_se,
            "{}: {r}",
            estimator.name()
        );
    }
    let gs: Vec<_> = sweeps
        .iter()
        .map(|s| s.row(Estimator::GumbelSoftmax).unwrap().points[0].clone())
        .collect();
    for p in &gs {
        assert!(
            p.corrected_bias_sq > 4.0 * p.corrected_bias_sq_se,
            "GS at τ = 2: {} ± {}",
            p.corrected_bias_sq,
            p.corrected_bias_sq_se
        );
        let (lo, hi) = p.corrected_bias_interval(2.0);
        assert!(lo > 0.0 && lo < p.corrected_bias() && p.corrected_bias() < hi);
    }
}
