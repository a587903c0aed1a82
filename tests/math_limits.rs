//! Tier 3: limits in τ, Figure 1 of the paper, and numerical robustness over the supported
//! range (1e-3 ≤ τ ≤ 1e3, logits up to 50 apart, 2 ≤ k ≤ 64).

mod moments_support;

use gumbel_explorer::math::GumbelSoftmax;
use moments_support::mean_of_y;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

#[test]
fn tiny_temperature_gives_one_hot_valid_points() {
    let dist = GumbelSoftmax::from_probs(&[0.1, 0.2, 0.3, 0.4], 0.001).unwrap();
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let mut y = [0.0; 4];
    let mut log_y = [0.0; 4];
    let n = 10_000;
    let mut one_hot = 0;
    for _ in 0..n {
        dist.sample_to_slice(&mut rng, &mut y);
        assert!(y.iter().all(|v| v.is_finite() && *v >= 0.0));
        assert!((y.iter().sum::<f64>() - 1.0).abs() <= 1e-12);
        if y.iter().any(|&v| v > 1.0 - 1e-6) {
            one_hot += 1;
        }
        dist.sample_log_to_slice(&mut rng, &mut log_y);
        assert!(log_y.iter().all(|l| l.is_finite() && *l <= 0.0));
    }
    // A draw is not one-hot to 1e-6 only when the top two perturbed logits are within
    // τ ln(1e6) ≈ 0.014 of each other, which happens in about 1 % of draws for this π.
    assert!(one_hot as f64 > 0.95 * n as f64, "{one_hot} of {n} one-hot");
}

#[test]
fn huge_temperature_gives_the_centre() {
    let dist = GumbelSoftmax::from_probs(&[0.1, 0.2, 0.3, 0.4], 1000.0).unwrap();
    let mut rng = Pcg64Mcg::seed_from_u64(2);
    let mut y = [0.0; 4];
    for _ in 0..10_000 {
        dist.sample_to_slice(&mut rng, &mut y);
        for &v in &y {
            assert!((v - 0.25).abs() < 1e-2, "{y:?}");
        }
    }
}

#[test]
fn small_temperature_mean_is_pi() {
    // E[y] → π as τ → 0; at τ = 0.05 the remaining bias (< 1e-3, MATH.md §3 gives < 6e-4 at
    // τ = 0.1) is well inside 4 standard errors of 2e5 draws (≈ 4 × 1e-3).
    let probs = [0.1, 0.2, 0.3, 0.4];
    let dist = GumbelSoftmax::from_probs(&probs, 0.05).unwrap();
    let acc = mean_of_y(&dist, 200_000, 3);
    for (a, &p) in acc.iter().zip(&probs) {
        assert!(
            (a.mean() - p).abs() < 4.0 * a.std_error(),
            "E[y] = {} vs π = {p} (SE {})",
            a.mean(),
            a.std_error()
        );
    }
}

/// E[y] of π = (0.1, 0.2, 0.3, 0.4) at `tau`, from `draws` draws on stream `seed`, against
/// `reference`, MATH.md §3's values (1.6e7 draws, SE ≈ 1e-4, printed to 4 decimals): within 4
/// combined standard errors, plus the rounding of the printed values.
fn figure_one_mean_matches(tau: f64, reference: [f64; 4], draws: usize, seed: u64) {
    let dist = GumbelSoftmax::from_probs(&[0.1, 0.2, 0.3, 0.4], tau).unwrap();
    let acc = mean_of_y(&dist, draws, seed);
    for (a, &r) in acc.iter().zip(&reference) {
        let se = (a.std_error().powi(2) + 1e-4f64.powi(2)).sqrt();
        assert!(
            (a.mean() - r).abs() < 4.0 * se + 5e-5,
            "τ = {tau}: E[y] = {:.5} vs {r} (SE {se:.1e})",
            a.mean()
        );
    }
}

#[test]
fn figure_one_mean_at_unit_temperature() {
    // MATH.md §3: τ = 1 → E[y] ≈ (0.1331, 0.2195, 0.2916, 0.3558).
    figure_one_mean_matches(1.0, [0.1331, 0.2195, 0.2916, 0.3558], 1_000_000, 4);
}

#[test]
fn figure_one_mean_moves_toward_uniform() {
    // τ = 10 → (0.2307, 0.2472, 0.2573, 0.2648) in MATH.md §3.
    figure_one_mean_matches(10.0, [0.2307, 0.2472, 0.2573, 0.2648], 200_000, 5);
}

#[test]
fn extreme_supported_parameters_stay_finite() {
    // k = 64 with logits spread over 50, at both ends of the supported τ range.
    let logits: Vec<f64> = (0..64).map(|i| 50.0 * i as f64 / 63.0).collect();
    for tau in [1e-3, 1e-2, 1.0, 1e2, 1e3] {
        let dist = GumbelSoftmax::new(&logits, tau).unwrap();
        assert!(dist.probs().iter().all(|p| p.is_finite() && *p >= 0.0));
        let mut rng = Pcg64Mcg::seed_from_u64(6);
        let mut y = vec![0.0; 64];
        let mut log_y = vec![0.0; 64];
        for _ in 0..500 {
            dist.sample_to_slice(&mut rng, &mut y);
            assert!(y.iter().all(|v| v.is_finite() && *v >= 0.0), "τ = {tau}");
            assert!((y.iter().sum::<f64>() - 1.0).abs() <= 1e-12, "τ = {tau}");
            dist.sample_log_to_slice(&mut rng, &mut log_y);
            assert!(log_y.iter().all(|l| l.is_finite()), "τ = {tau}");
            let lp = dist.log_density_from_log(&log_y).unwrap();
            assert!(lp.is_finite(), "τ = {tau}: log p = {lp}");
            if y.iter().all(|&v| v > 0.0) {
                assert!(dist.log_density(&y).unwrap().is_finite());
            }
        }
    }
}

#[test]
fn k_two_at_tiny_temperature() {
    for logits in [[0.0, 0.0], [25.0, -25.0], [-25.0, 25.0]] {
        let dist = GumbelSoftmax::new(&logits, 1e-3).unwrap();
        let mut rng = Pcg64Mcg::seed_from_u64(8);
        let mut y = [0.0; 2];
        for _ in 0..1000 {
            dist.sample_to_slice(&mut rng, &mut y);
            assert!((y[0] + y[1] - 1.0).abs() <= 1e-12 && y.iter().all(|v| !v.is_nan()));
        }
    }
}
