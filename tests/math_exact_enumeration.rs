//! Tier 3: the exact moments of the τ-independent estimators, by enumeration over the category:
//! the score functions are unbiased whatever their constant baseline, straight-through is exact
//! for a linear payoff, and the variance-optimal constant b* beats the oracle E[f(z)] by the
//! amounts MATH.md §5 gives.

use gumbel_explorer::math::{
    exact_gradient, exact_moments, exact_objective, optimal_baseline, Error, Estimator,
    GumbelSoftmax, Objective,
};

/// Distributions and objectives for k = 2 … 6, both kinds of objective.
fn cases() -> Vec<(Vec<f64>, Objective)> {
    vec![
        (
            vec![0.2, 0.3, 0.5],
            Objective::Linear {
                c: vec![0.0, 0.5, 1.0],
            },
        ),
        (
            vec![0.2, 0.3, 0.5],
            Objective::SquaredDistance {
                target: vec![0.45, 0.275, 0.275],
            },
        ),
        (
            vec![0.5, 0.5],
            Objective::SquaredDistance {
                target: vec![0.45, 0.55],
            },
        ),
        (
            vec![0.1, 0.2, 0.3, 0.4],
            Objective::Linear {
                c: vec![3.0, -1.0, 2.0, 0.5],
            },
        ),
        (
            vec![0.05, 0.05, 0.3, 0.2, 0.1, 0.3],
            Objective::SquaredDistance {
                target: vec![0.0, 1.0, 0.0, 0.0, 0.0, 0.0],
            },
        ),
    ]
}

const SCORE_FUNCTIONS: [Estimator; 3] = [
    Estimator::ScoreFunction,
    Estimator::ScoreFunctionBaseline,
    Estimator::ScoreFunctionOptimalBaseline,
];

#[test]
fn score_functions_have_exact_bias_zero() {
    for (probs, objective) in cases() {
        let dist = GumbelSoftmax::from_probs(&probs, 0.5).unwrap();
        let exact = exact_gradient(&dist, &objective).unwrap();
        for estimator in SCORE_FUNCTIONS {
            let m = exact_moments(estimator, &dist, &objective).unwrap();
            assert!(
                m.bias < 1e-12,
                "{} {probs:?}: bias {}",
                estimator.name(),
                m.bias
            );
            assert!(m.variance > 0.0);
            assert!(estimator.known_unbiased(&objective));
            for (a, b) in m.mean.iter().zip(&exact) {
                assert!((a - b).abs() < 1e-12);
            }
        }
    }
}

#[test]
fn straight_through_is_exact_for_a_linear_payoff_and_biased_otherwise() {
    for (probs, objective) in cases() {
        let dist = GumbelSoftmax::from_probs(&probs, 0.5).unwrap();
        let m = exact_moments(Estimator::StraightThrough, &dist, &objective).unwrap();
        match objective {
            Objective::Linear { .. } => {
                assert_eq!(m.variance, 0.0, "{probs:?}");
                assert!(m.bias < 1e-12, "{probs:?}: {}", m.bias);
                assert!(Estimator::StraightThrough.known_unbiased(&objective));
            }
            Objective::SquaredDistance { .. } => {
                // Biased, except at the symmetric π = (½, ½) of the REBAR toy, where J_s(π)
                // averages the two vertex gradients into ∇F exactly.
                let symmetric = probs == [0.5, 0.5];
                assert!(m.variance > 1e-3, "{probs:?}: {m:?}");
                assert_eq!(m.bias > 1e-3, !symmetric, "{probs:?}: {m:?}");
                assert!(!Estimator::StraightThrough.known_unbiased(&objective));
            }
        }
    }
}

/// tr Cov of (f(z) − b)(e_z − π) by its own formula: Σ_z π_z (f_z − b)² ‖e_z − π‖² − ‖∇F‖²
/// (the mean is ∇F for every constant b).
fn score_variance(probs: &[f64], values: &[f64], b: f64, gradient: &[f64]) -> f64 {
    let sum_sq: f64 = probs.iter().map(|p| p * p).sum();
    let second: f64 = probs
        .iter()
        .zip(values)
        .map(|(p, f)| p * (f - b) * (f - b) * (1.0 - 2.0 * p + sum_sq))
        .sum();
    second - gradient.iter().map(|g| g * g).sum::<f64>()
}

#[test]
fn the_best_constant_minimises_the_variance_and_the_oracle_does_not() {
    for (probs, objective) in cases() {
        let dist = GumbelSoftmax::from_probs(&probs, 1.0).unwrap();
        let values: Vec<f64> = (0..probs.len())
            .map(|i| objective.value_at_vertex(i))
            .collect();
        let gradient = exact_gradient(&dist, &objective).unwrap();
        let b_star = optimal_baseline(&dist, &objective).unwrap();
        let best = exact_moments(Estimator::ScoreFunctionOptimalBaseline, &dist, &objective)
            .unwrap()
            .variance;
        let oracle = exact_moments(Estimator::ScoreFunctionBaseline, &dist, &objective)
            .unwrap()
            .variance;
        let plain = exact_moments(Estimator::ScoreFunction, &dist, &objective)
            .unwrap()
            .variance;
        let pi = dist.probs();
        assert!((best - score_variance(&pi, &values, b_star, &gradient)).abs() < 1e-12);
        let mean = exact_objective(&dist, &objective).unwrap();
        assert!((oracle - score_variance(&pi, &values, mean, &gradient)).abs() < 1e-12);
        assert!((plain - score_variance(&pi, &values, 0.0, &gradient)).abs() < 1e-12);
        for delta in [1e-3, 0.1, 1.0] {
            for b in [b_star - delta, b_star + delta] {
                assert!(
                    score_variance(&pi, &values, b, &gradient) > best,
                    "{probs:?} b = {b}"
                );
            }
        }
        assert!(best <= oracle + 1e-15 && best <= plain + 1e-15);
    }
}

#[test]
fn best_constant_against_the_oracle_at_the_default_and_peaked_states() {
    // MATH.md §5: π = (.2, .3, .5), c = (0, .5, 1): tr Var 0.0618 with E[f], 0.0469 with b*;
    // peaked π ≈ (.019, .019, .962) (weights .02, .02, 1): 0.041 against 0.0045. Compared to
    // the digits given (half a unit in the last place).
    let objective = Objective::Linear {
        c: vec![0.0, 0.5, 1.0],
    };
    for (weights, oracle_expected, best_expected, half_ulp) in [
        ([0.2, 0.3, 0.5], 0.0618, 0.0469, 5e-5),
        ([0.02, 0.02, 1.0], 0.041, 0.0045, 5e-4),
    ] {
        let dist = GumbelSoftmax::from_probs(&weights, 0.5).unwrap();
        let oracle = exact_moments(Estimator::ScoreFunctionBaseline, &dist, &objective).unwrap();
        let best =
            exact_moments(Estimator::ScoreFunctionOptimalBaseline, &dist, &objective).unwrap();
        assert!(
            (oracle.variance - oracle_expected).abs() <= half_ulp,
            "{weights:?}: oracle {}",
            oracle.variance
        );
        let best_half_ulp = if best_expected < 0.01 { 5e-5 } else { half_ulp };
        assert!(
            (best.variance - best_expected).abs() <= best_half_ulp,
            "{weights:?}: b* {}",
            best.variance
        );
    }
}

#[test]
fn rebar_toy_score_function_variance() {
    // MATH.md §5: f = (y₁ − t)², π = (.5, .5): SF variance 0.0159 per component at t = 0.45,
    // 0.0156 at t = 0.499; the page's ‖y − (t, 1 − t)‖² doubles f, so its trace is 8×.
    for (t, expected) in [(0.45, 0.0159), (0.499, 0.0156)] {
        let dist = GumbelSoftmax::from_probs(&[0.5, 0.5], 1.0).unwrap();
        let objective = Objective::SquaredDistance {
            target: vec![t, 1.0 - t],
        };
        let m = exact_moments(Estimator::ScoreFunction, &dist, &objective).unwrap();
        assert!(
            (m.variance / 8.0 - expected).abs() <= 5e-5,
            "t = {t}: {}",
            m.variance
        );
    }
}

#[test]
fn exact_moments_refuse_what_they_cannot_compute() {
    let dist = GumbelSoftmax::from_probs(&[0.1, 0.2, 0.3, 0.4], 0.5).unwrap();
    let objective = Objective::Linear {
        c: vec![0.0, 1.0, 2.0, 3.0],
    };
    assert!(matches!(
        exact_moments(Estimator::GumbelSoftmax, &dist, &objective),
        Err(Error::InvalidArgument(_))
    ));
    let short = Objective::Linear { c: vec![0.0, 1.0] };
    for estimator in Estimator::ALL {
        assert!(matches!(
            exact_moments(estimator, &dist, &short),
            Err(Error::LengthMismatch { .. })
        ));
    }
    // Enumeration works for any k.
    let m = exact_moments(Estimator::StraightThrough, &dist, &objective).unwrap();
    assert_eq!(m.variance, 0.0);
}
