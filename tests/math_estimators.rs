//! Tiers 3–4: gradient estimators against exact gradients, the oracle baseline against the
//! variance-optimal constant, the GS bias–variance trade-off, and the REBAR toy problem of
//! MATH.md §5. Fixed seeds (Pcg64Mcg); "within 4 SE" means the Monte Carlo error is below 4
//! standard errors (a two-sided α of about 6e-5 per comparison).

use gumbel_explorer::math::estimators::score_function;
use gumbel_explorer::math::{
    exact_gradient, exact_objective, log_tau_grid, variance_sweep, Estimator, GumbelSoftmax,
    Objective, SweepPoint, Welford,
};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

/// Per-component Welford accumulators of `n` one-sample estimates.
fn estimate_moments(
    estimator: Estimator,
    dist: &GumbelSoftmax,
    objective: &Objective,
    n: usize,
    seed: u64,
) -> Vec<Welford> {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let mut out = vec![0.0; dist.k()];
    let mut acc = vec![Welford::new(); dist.k()];
    for _ in 0..n {
        estimator
            .sample_gradient(dist, objective, &mut rng, &mut out)
            .unwrap();
        for (a, &g) in acc.iter_mut().zip(&out) {
            a.push(g);
        }
    }
    acc
}

fn cases() -> Vec<(Vec<f64>, Objective)> {
    vec![
        (
            vec![0.0, 0.5, -1.0],
            Objective::Linear {
                c: vec![1.0, -2.0, 3.0],
            },
        ),
        (
            vec![1.0, 0.2, -0.3, 0.0],
            Objective::SquaredDistance {
                target: vec![0.0, 0.0, 1.0, 0.0],
            },
        ),
        (
            vec![2.0, -2.0],
            Objective::SquaredDistance {
                target: vec![0.45, 0.55],
            },
        ),
    ]
}

#[test]
fn score_function_estimators_are_unbiased() {
    for (seed, (logits, objective)) in cases().into_iter().enumerate() {
        let dist = GumbelSoftmax::new(&logits, 1.0).unwrap();
        let exact = exact_gradient(&dist, &objective).unwrap();
        for estimator in [Estimator::ScoreFunction, Estimator::ScoreFunctionBaseline] {
            let acc = estimate_moments(estimator, &dist, &objective, 200_000, seed as u64);
            for (i, (a, &g)) in acc.iter().zip(&exact).enumerate() {
                assert!(
                    (a.mean() - g).abs() < 4.0 * a.std_error(),
                    "{} case {seed} component {i}: mean {} vs exact {g} (SE {})",
                    estimator.name(),
                    a.mean(),
                    a.std_error()
                );
            }
        }
    }
}

#[test]
fn baseline_reduces_variance() {
    // With f far from 0 the baseline removes most of the score function's variance.
    let dist = GumbelSoftmax::new(&[0.0, 0.5, -1.0], 1.0).unwrap();
    let objective = Objective::Linear {
        c: vec![10.0, 11.0, 12.0],
    };
    let total = |e| -> f64 {
        estimate_moments(e, &dist, &objective, 20_000, 5)
            .iter()
            .map(|a| a.variance())
            .sum()
    };
    assert!(total(Estimator::ScoreFunctionBaseline) < 0.1 * total(Estimator::ScoreFunction));
}

/// `what`, estimated as (τ, value, standard error) at two temperatures, is larger at `high`
/// than at `low` by more than 3 standard errors of the difference.
fn assert_rises(what: &str, low: (f64, f64, f64), high: (f64, f64, f64)) {
    let ((low_tau, low, low_se), (high_tau, high, high_se)) = (low, high);
    let se = (low_se.powi(2) + high_se.powi(2)).sqrt();
    assert!(
        high - low > 3.0 * se,
        "{what} at τ = {low_tau} ({low:.4} ± {low_se:.4}) not below {what} at τ = {high_tau} \
         ({high:.4} ± {high_se:.4})"
    );
}

#[test]
fn gumbel_softmax_trades_bias_for_variance() {
    // Fixed case: π ∝ exp(0, 0.5, −1), f(y) = c·y with c = (1, −2, 3). As τ decreases the GS
    // bias falls and its variance grows; each step must exceed 3 standard errors of the two
    // points. (For a quadratic f the bias need not be monotone in τ: its direction changes.)
    let logits = [0.0, 0.5, -1.0];
    let objective = Objective::Linear {
        c: vec![1.0, -2.0, 3.0],
    };
    let taus = [0.1, 0.3, 1.0, 3.0];
    let mut rng = Pcg64Mcg::seed_from_u64(42);
    let sweep = variance_sweep(&logits, &objective, &taus, 100_000, &mut rng).unwrap();
    let gs = &sweep.row(Estimator::GumbelSoftmax).unwrap().points;
    for w in gs.windows(2) {
        let (small, large) = (&w[0], &w[1]);
        let bias = |p: &SweepPoint| (p.tau, p.bias, p.bias_se);
        assert_rises("bias", bias(small), bias(large));
        let variance = |p: &SweepPoint| (p.tau, p.variance, p.variance_se);
        assert_rises("variance", variance(large), variance(small));
    }
    // The unbiased estimators stay unbiased (within 4 SE) in the sweep too.
    for e in [Estimator::ScoreFunction, Estimator::ScoreFunctionBaseline] {
        let p = &sweep.row(e).unwrap().points[0];
        assert!(p.bias < 4.0 * p.bias_se + 4.0 * (p.variance / 100_000.0).sqrt());
    }
}

/// The trace of the covariance of SF with the constant baseline b, by enumeration of z:
/// Σ_z π_z ‖(f(e_z) − b)(e_z − π)‖² − ‖∇F‖², each estimate from the estimator function.
fn score_function_variance(probs: &[f64], objective: &Objective, b: f64) -> f64 {
    let dist = GumbelSoftmax::from_probs(probs, 1.0).unwrap();
    let exact = exact_gradient(&dist, objective).unwrap();
    let second_moment: f64 = (0..probs.len())
        .map(|z| {
            let mut g = probs.to_vec();
            score_function(&mut g, z, objective.value_at_vertex(z) - b);
            probs[z] * g.iter().map(|x| x * x).sum::<f64>()
        })
        .sum();
    second_moment - exact.iter().map(|x| x * x).sum::<f64>()
}

#[test]
fn the_oracle_baseline_is_not_the_best_constant() {
    // MATH.md §5: π = (.2, .3, .5), c = (0, .5, 1): tr Var is 0.0618 with b = E[f] and 0.0469
    // with b* = E[f(z)‖e_z − π‖²] / E[‖e_z − π‖²] (printed to 3 digits); peaked
    // π ≈ (.019, .019, .962): 0.041 against 0.0045.
    let objective = Objective::Linear {
        c: vec![0.0, 0.5, 1.0],
    };
    for (probs, oracle_ref, best_ref, digits) in [
        (vec![0.2, 0.3, 0.5], 0.0618, 0.0469, 5e-5),
        (vec![0.019, 0.019, 0.962], 0.041, 0.0045, 5e-4),
    ] {
        let dist = GumbelSoftmax::from_probs(&probs, 1.0).unwrap();
        let oracle = exact_objective(&dist, &objective).unwrap();
        let norm = |z: usize| -> f64 {
            (0..3)
                .map(|i| (if i == z { 1.0 } else { 0.0 } - probs[i]).powi(2))
                .sum()
        };
        let weighted: f64 = (0..3)
            .map(|z| probs[z] * objective.value_at_vertex(z) * norm(z))
            .sum();
        let total: f64 = (0..3).map(|z| probs[z] * norm(z)).sum();
        let best = weighted / total;
        let at_oracle = score_function_variance(&probs, &objective, oracle);
        let at_best = score_function_variance(&probs, &objective, best);
        assert!((at_oracle - oracle_ref).abs() < digits, "E[f]: {at_oracle}");
        assert!((at_best - best_ref).abs() < digits, "b*: {at_best}");
        // b* is the minimum: the variance is a parabola in b.
        for step in [-0.01, 0.01] {
            assert!(score_function_variance(&probs, &objective, best + step) > at_best);
        }
    }
}

/// Mean and variance of component 0 of `n` estimates, each with its standard error.
fn mean_var_with_se(values: &[f64]) -> (f64, f64, f64, f64) {
    let mut m = Welford::new();
    values.iter().for_each(|&v| m.push(v));
    let mut sq = Welford::new();
    values.iter().for_each(|&v| sq.push((v - m.mean()).powi(2)));
    (m.mean(), m.std_error(), m.variance(), sq.std_error())
}

#[test]
fn rebar_toy_matches_the_table() {
    // k = 2, f(y) = (y₁ − t)², t = 0.45, π = (0.5, 0.5). The objective ‖y − (t, 1 − t)‖²
    // equals 2 (y₁ − t)² on the simplex, so every gradient below is halved.
    let t = 0.45;
    let objective = Objective::SquaredDistance {
        target: vec![t, 1.0 - t],
    };
    let dist = GumbelSoftmax::new(&[0.0, 0.0], 1.0).unwrap();
    let exact = exact_gradient(&dist, &objective).unwrap();
    assert!((0.5 * exact[0] - 0.025).abs() < 1e-15, "{}", 0.5 * exact[0]);
    assert!((exact[0] + exact[1]).abs() < 1e-15);

    // MATH.md §5: (τ, GS mean, GS var, ST-GS mean, ST-GS var), printed to 3–4 digits; the
    // rounding (half a unit of the last digit) is added to the 4 SE allowance.
    let table = [
        (0.5, 0.0215, 0.0142, 0.0215, 0.0779),
        (1.0, 0.0167, 0.0048, 0.0167, 0.0334),
    ];
    let n = 1_000_000;
    let mut seed = 77;
    for (tau, gs_mean, gs_var, st_mean, st_var) in table {
        let dist = dist.with_tau(tau).unwrap();
        for (estimator, mean_ref, var_ref) in [
            (Estimator::GumbelSoftmax, gs_mean, gs_var),
            (Estimator::StraightThroughGumbelSoftmax, st_mean, st_var),
        ] {
            seed += 1;
            let mut rng = Pcg64Mcg::seed_from_u64(seed);
            let mut out = [0.0; 2];
            let values: Vec<f64> = (0..n)
                .map(|_| {
                    estimator
                        .sample_gradient(&dist, &objective, &mut rng, &mut out)
                        .unwrap();
                    0.5 * out[0]
                })
                .collect();
            let (mean, mean_se, var, var_se) = mean_var_with_se(&values);
            assert!(
                (mean - mean_ref).abs() < 4.0 * mean_se + 5e-5,
                "{} τ = {tau}: mean {mean:.5} vs {mean_ref} (SE {mean_se:.1e})",
                estimator.name()
            );
            assert!(
                (var - var_ref).abs() < 4.0 * var_se + 5e-5,
                "{} τ = {tau}: variance {var:.5} vs {var_ref} (SE {var_se:.1e})",
                estimator.name()
            );
        }
    }

    // Score function without baseline: variance 0.0159 at t = 0.45.
    let mut rng = Pcg64Mcg::seed_from_u64(99);
    let mut out = [0.0; 2];
    let values: Vec<f64> = (0..200_000)
        .map(|_| {
            Estimator::ScoreFunction
                .sample_gradient(&dist, &objective, &mut rng, &mut out)
                .unwrap();
            0.5 * out[0]
        })
        .collect();
    let (mean, mean_se, var, var_se) = mean_var_with_se(&values);
    assert!((mean - 0.025).abs() < 4.0 * mean_se);
    assert!(
        (var - 0.0159).abs() < 4.0 * var_se + 5e-5,
        "SF variance {var}"
    );
}

#[test]
fn sweep_is_finite_over_the_slider_range() {
    // The page's default: 40 τ in [0.01, 10] (and the core's full range), 2000 samples.
    let taus = log_tau_grid(1e-3, 1e3, 40);
    for (logits, objective) in cases() {
        let sweep = variance_sweep(
            &logits,
            &objective,
            &taus,
            2000,
            &mut Pcg64Mcg::seed_from_u64(1),
        )
        .unwrap();
        assert_eq!(sweep.rows.len(), Estimator::ALL.len());
        for row in &sweep.rows {
            assert_eq!(row.points.len(), taus.len());
            for p in &row.points {
                for v in [
                    p.bias,
                    p.bias_se,
                    p.variance,
                    p.variance_se,
                    p.mse,
                    p.mse_se,
                ] {
                    assert!(
                        v.is_finite() && v >= 0.0,
                        "{} τ = {}",
                        row.estimator.name(),
                        p.tau
                    );
                }
                assert!(p.mean.iter().all(|m| m.is_finite()));
                let identity = p.bias * p.bias + p.variance * (1.0 - 1.0 / 2000.0);
                assert!((p.mse - identity).abs() <= 1e-9 * p.mse.max(1e-300) + 1e-15);
            }
        }
    }
}
