//! Tier 4: statistical tests of the samplers with fixed seeds (Pcg64Mcg) and a stated
//! significance level α = 0.001 per test. With fixed seeds the outcome is deterministic; α says
//! how unlucky a seed would have to be for a correct sampler to fail.

use gumbel_explorer::math::{
    binary_cdf, chi_square_test, ks_p_value, ks_statistic, sigmoid, GumbelSoftmax,
};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

const ALPHA: f64 = 0.001;

fn gumbel_max_counts(probs: &[f64], draws: usize, seed: u64) -> Vec<u64> {
    // τ is irrelevant for the Gumbel-Max category.
    let dist = GumbelSoftmax::from_probs(probs, 1.0).unwrap();
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let mut counts = vec![0u64; probs.len()];
    for _ in 0..draws {
        counts[dist.sample_category(&mut rng)] += 1;
    }
    counts
}

#[test]
fn gumbel_max_frequencies_match_pi() {
    // α = 0.001 for each π.
    let ten: Vec<f64> = (1..=10).map(|i| i as f64 * i as f64).collect();
    let cases: [(&str, Vec<f64>); 4] = [
        ("uniform", vec![0.25; 4]),
        ("figure 1", vec![0.1, 0.2, 0.3, 0.4]),
        ("peaked", vec![0.96, 0.02, 0.01, 0.005, 0.005]),
        ("k = 10, unnormalised", ten),
    ];
    for (seed, (name, probs)) in cases.iter().enumerate() {
        let counts = gumbel_max_counts(probs, 200_000, 100 + seed as u64);
        let test = chi_square_test(&counts, probs).unwrap();
        assert!(
            test.p_value > ALPHA,
            "{name}: χ² = {:.2} on {} dof, p = {:.2e} < α; counts {counts:?}",
            test.statistic,
            test.dof,
            test.p_value
        );
    }
}

#[test]
fn relaxed_argmax_frequencies_match_pi() {
    // The argmax of a relaxed sample is the Gumbel-Max category, at any τ. α = 0.001.
    let probs = [0.5, 0.3, 0.15, 0.05];
    let dist = GumbelSoftmax::from_probs(&probs, 2.0).unwrap();
    let mut rng = Pcg64Mcg::seed_from_u64(7);
    let mut counts = [0u64; 4];
    let mut y = [0.0; 4];
    for _ in 0..100_000 {
        dist.sample_to_slice(&mut rng, &mut y);
        counts[gumbel_explorer::math::argmax(&y).unwrap()] += 1;
    }
    let test = chi_square_test(&counts, &probs).unwrap();
    assert!(test.p_value > ALPHA, "p = {:e}", test.p_value);
}

#[test]
fn chi_square_rejects_a_wrong_pi() {
    // Draws from (0.1, 0.2, 0.3, 0.4) tested against a π off by 0.02 in two places: the test
    // must reject at α = 0.001, or the tests above could never fail.
    let counts = gumbel_max_counts(&[0.1, 0.2, 0.3, 0.4], 200_000, 11);
    let test = chi_square_test(&counts, &[0.12, 0.2, 0.3, 0.38]).unwrap();
    assert!(
        test.p_value < ALPHA,
        "wrong π not rejected: p = {:e}",
        test.p_value
    );
}

/// The KS test of `n` values, each drawn by `draw` from one stream seeded with `seed`, against
/// `cdf`: the statistic D and its p-value.
fn ks_test(
    n: usize,
    seed: u64,
    mut draw: impl FnMut(&mut Pcg64Mcg) -> f64,
    cdf: impl Fn(f64) -> f64,
) -> (f64, f64) {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let mut xs: Vec<f64> = (0..n).map(|_| draw(&mut rng)).collect();
    xs.sort_by(f64::total_cmp);
    let d = ks_statistic(&xs, cdf);
    (d, ks_p_value(d, n))
}

/// Draws of y₁ from a k = 2 distribution.
fn first_component(dist: &GumbelSoftmax) -> impl FnMut(&mut Pcg64Mcg) -> f64 + '_ {
    let mut y = [0.0; 2];
    move |rng| {
        dist.sample_to_slice(rng, &mut y);
        y[0]
    }
}

/// For the k = 2 distribution with logits (θ₁ − θ₂, 0) at τ, for every τ of `taus` and every
/// θ₁ − θ₂ of `logit_diffs`, the KS test `ks(distribution, θ₁ − θ₂, τ, seed)` of its draws,
/// each case on its own seed (`first_seed` + 1, + 2, …): none may reject at α.
fn no_case_rejected(
    taus: &[f64],
    logit_diffs: &[f64],
    first_seed: u64,
    ks: impl Fn(&GumbelSoftmax, f64, f64, u64) -> (f64, f64),
) {
    let mut seed = first_seed;
    for &tau in taus {
        for &logit_diff in logit_diffs {
            seed += 1;
            let dist = GumbelSoftmax::new(&[logit_diff, 0.0], tau).unwrap();
            let (d, p) = ks(&dist, logit_diff, tau, seed);
            assert!(
                p > ALPHA,
                "τ = {tau}, θ₁ − θ₂ = {logit_diff}: D = {d:.4}, p = {p:.2e}"
            );
        }
    }
}

#[test]
fn binary_samples_follow_the_closed_form_cdf() {
    // y₁ against σ(τ logit(x) − (θ₁ − θ₂)), α = 0.001 per case. Temperatures where y₁ does not
    // round to exactly 0 or 1 in f64 (which would make ties at the ends and spoil the
    // continuous KS test).
    let (taus, logit_diffs) = ([0.5, 1.0, 2.0, 5.0], [0.0, 1.5, -3.0]);
    no_case_rejected(&taus, &logit_diffs, 1000, |dist, diff, tau, seed| {
        let cdf = |x| binary_cdf(x, diff, tau);
        ks_test(20_000, seed, first_component(dist), cdf)
    });
}

#[test]
fn binary_log_samples_follow_the_closed_form_cdf() {
    // At small τ, y₁ saturates at 0 or 1 in f64; ln y₁ − ln y₂ = (θ₁ − θ₂ + L)/τ does not.
    // P(ln y₁ − ln y₂ ≤ s) = σ(τ s − (θ₁ − θ₂)). α = 0.001 per case.
    let (taus, logit_diffs) = ([0.001, 0.01, 0.1, 1.0], [0.0, 2.0, -50.0]);
    no_case_rejected(&taus, &logit_diffs, 2000, |dist, diff, tau, seed| {
        let mut log_y = [0.0; 2];
        let log_ratio = |rng: &mut Pcg64Mcg| {
            dist.sample_log_to_slice(rng, &mut log_y);
            assert!(log_y.iter().all(|l| l.is_finite() && *l <= 0.0));
            log_y[0] - log_y[1]
        };
        ks_test(20_000, seed, log_ratio, |v| sigmoid(tau * v - diff))
    });
}

#[test]
fn ks_rejects_a_wrong_temperature() {
    // Samples at τ = 1 tested against the CDF at τ = 1.1 must be rejected (α = 0.001).
    let dist = GumbelSoftmax::new(&[0.5, 0.0], 1.0).unwrap();
    let (d, p) = ks_test(20_000, 3, first_component(&dist), |x| {
        binary_cdf(x, 0.5, 1.1)
    });
    assert!(p < ALPHA, "D = {d}");
}
