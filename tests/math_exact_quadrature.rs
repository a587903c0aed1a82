//! Tier 3: the exact moments of GS and ST-GS by quadrature over the noise differences. The REBAR
//! toy table of MATH.md §5 (k = 2), the squared objective telling GS and ST-GS apart at k = 3 and
//! the linear one not, the achieved error against a reference integrated independently (its
//! own integrand, from the public one-sample estimator, to a far tighter tolerance), and the job
//! advanced in slices giving the very same numbers.

use gumbel_explorer::math::exact_moments::TARGET_RELATIVE_ERROR;
use gumbel_explorer::math::quadrature::{graded_breakpoints, Grading, Tolerance, Workspace};
use gumbel_explorer::math::{
    exact_gradient, exact_relaxed_moments, Estimator, ExactMoments, GumbelSoftmax, Objective,
    RelaxedMomentsJob,
};

fn squared(target: &[f64]) -> Objective {
    Objective::SquaredDistance {
        target: target.to_vec(),
    }
}

fn linear(c: &[f64]) -> Objective {
    Objective::Linear { c: c.to_vec() }
}

#[test]
fn rebar_toy_table_from_the_exact_k2_curves() {
    // MATH.md §5, f = (y₁ − t)², t = 0.45, π = (½, ½): (τ, GS mean, GS var, ST-GS mean, ST-GS var)
    // per component. The page's objective ‖y − (t, 1 − t)‖² is 2f: its ∇F is (0.05, −0.05) and
    // the trace of its covariance is 8× the per-component variance. At τ = 5 MATH.md prints the
    // mean as 0.0049; the integral is 0.0048485 (Simpson's rule on 2·10⁶ panels agrees), which
    // rounds to 0.0048, the value used here.
    let table = [
        (0.1, 0.0248, 0.0862, 0.0248, 0.4189),
        (0.5, 0.0215, 0.0142, 0.0215, 0.0779),
        (1.0, 0.0167, 0.0048, 0.0167, 0.0334),
        (5.0, 0.0048, 0.00006, 0.0048, 0.0024),
    ];
    let objective = squared(&[0.45, 0.55]);
    for (tau, gs_mean, gs_var, st_mean, st_var) in table {
        let dist = GumbelSoftmax::from_probs(&[0.5, 0.5], tau).unwrap();
        let exact = exact_gradient(&dist, &objective).unwrap();
        assert!((exact[0] - 0.05).abs() < 1e-15 && (exact[1] + 0.05).abs() < 1e-15);
        let [gs, st] = exact_relaxed_moments(&dist, &objective).unwrap();
        // Half a unit in the table's last digit.
        let half = |x: f64| if x < 1e-3 { 5e-6 } else { 5e-5 };
        for (m, mean, var) in [(&gs, gs_mean, gs_var), (&st, st_mean, st_var)] {
            let name = m.estimator.name();
            assert!(
                (m.mean[0] / 2.0 - mean).abs() <= half(mean),
                "{name} τ = {tau}: {m:?}"
            );
            assert!(
                (m.mean[1] + m.mean[0]).abs() < 1e-12,
                "{name}: components sum to 0"
            );
            assert!(
                (m.variance / 8.0 - var).abs() <= half(var),
                "{name} τ = {tau}: {m:?}"
            );
            assert!(m.converged && m.relative_error() <= TARGET_RELATIVE_ERROR);
        }
    }
}

#[test]
fn gs_and_st_gs_differ_for_the_squared_objective_and_coincide_for_the_linear_one() {
    let probs = [0.2, 0.3, 0.5];
    for tau in [0.1, 0.5, 2.0] {
        let dist = GumbelSoftmax::from_probs(&probs, tau).unwrap();
        let [gs, st] = exact_relaxed_moments(&dist, &squared(&[0.45, 0.275, 0.275])).unwrap();
        let apart = |a: f64, b: f64, ea: f64, eb: f64| (a - b).abs() > 100.0 * (ea + eb);
        assert!(
            apart(gs.bias, st.bias, gs.bias_error, st.bias_error),
            "τ = {tau}: {gs:?} {st:?}"
        );
        assert!(apart(
            gs.variance,
            st.variance,
            gs.variance_error,
            st.variance_error
        ));
        // For a linear payoff ∇f is constant, so the two estimates are the same function of
        // the noise.
        let [gs, st] = exact_relaxed_moments(&dist, &linear(&[0.0, 0.5, 1.0])).unwrap();
        assert_eq!(gs.bias, st.bias);
        assert_eq!(gs.variance, st.variance);
        assert!(gs.bias > 0.0);
    }
}

/// E[ĝ] and E‖ĝ‖² of one estimator by the test's own integrand (the public one-sample estimate
/// at perturbed logits, the logistic densities written out) to a relative 1e-11.
fn reference(estimator: Estimator, dist: &GumbelSoftmax, objective: &Objective) -> (Vec<f64>, f64) {
    let k = dist.k();
    let theta = dist.logits().to_vec();
    let tau = dist.tau();
    let floor = vec![1e-16; k + 1];
    let tolerance = Tolerance {
        absolute: &floor,
        relative: 1e-11,
        max_segments: 20_000,
        checked: k + 1,
    };
    let grading = Grading {
        width: tau,
        ratio: 2.0,
        reach: 4.0,
    };
    let node = |perturbed: &[f64], weight: f64, out: &mut [f64]| {
        let mut g = vec![0.0; k];
        estimator
            .estimate(dist, objective, perturbed, &mut g)
            .unwrap();
        for (o, v) in out.iter_mut().zip(&g) {
            *o = weight * v;
        }
        out[k] = weight * g.iter().map(|v| v * v).sum::<f64>();
    };
    let logistic = |x: f64| (-x).exp() / (1.0 + (-x).exp()).powi(2);
    let mut points = Vec::new();
    let mut out = vec![0.0; k + 1];
    let mut errors = vec![0.0; k + 1];
    let mut outer = Workspace::new();
    if k == 2 {
        graded_breakpoints(-40.0, 40.0, &[theta[1] - theta[0]], grading, &mut points);
        let acc = outer.integrate(
            |x, o| node(&[theta[0] + x, theta[1]], logistic(x), o),
            &points,
            tolerance,
            &mut out,
            &mut errors,
        );
        assert!(acc.converged);
    } else {
        let mut inner = Workspace::new();
        let mut inner_points = Vec::new();
        graded_breakpoints(-40.0, 40.0, &[theta[2] - theta[0]], grading, &mut points);
        let acc = outer.integrate(
            |x1, o| {
                // Both boundaries of class 2 in x₂, as a careful first attempt would place them.
                let centres = [theta[2] - theta[1], x1 + theta[0] - theta[1]];
                graded_breakpoints(-40.0, 40.0, &centres, grading, &mut inner_points);
                let mut e = vec![0.0; k + 1];
                inner.integrate(
                    |x2, oi| {
                        let density =
                            2.0 * (-x1 - x2).exp() / (1.0 + (-x1).exp() + (-x2).exp()).powi(3);
                        node(&[theta[0] + x1, theta[1] + x2, theta[2]], density, oi)
                    },
                    &inner_points,
                    Tolerance {
                        relative: 1e-13,
                        ..tolerance
                    },
                    o,
                    &mut e,
                );
            },
            &points,
            tolerance,
            &mut out,
            &mut errors,
        );
        assert!(acc.converged);
    }
    let second = out[k];
    out.truncate(k);
    (out, second)
}

fn check_against_reference(m: &ExactMoments, dist: &GumbelSoftmax, objective: &Objective) {
    let (mean, second) = reference(m.estimator, dist, objective);
    let exact = exact_gradient(dist, objective).unwrap();
    let bias = mean
        .iter()
        .zip(&exact)
        .map(|(a, b)| (a - b) * (a - b))
        .sum::<f64>()
        .sqrt();
    let variance = second - mean.iter().map(|v| v * v).sum::<f64>();
    let name = m.estimator.name();
    let tau = dist.tau();
    assert!(m.converged, "{name} τ = {tau}");
    // The achieved error meets the target, and the truth lies within the reported error
    // (with room for the reference's own error, far smaller).
    assert!(
        m.relative_error() <= TARGET_RELATIVE_ERROR,
        "{name} τ = {tau}: {m:?}"
    );
    let slack = |v: f64| 1e-10 * v.abs() + 1e-14;
    assert!(
        (m.bias - bias).abs() <= m.bias_error + slack(bias),
        "{name} τ = {tau}: bias {} vs reference {bias} (reported error {})",
        m.bias,
        m.bias_error
    );
    assert!(
        (m.variance - variance).abs() <= m.variance_error + slack(variance),
        "{name} τ = {tau}: variance {} vs reference {variance} (reported error {})",
        m.variance,
        m.variance_error
    );
}

#[test]
fn achieved_errors_meet_the_target_and_cover_the_truth() {
    let cases = [
        (
            vec![0.5, 0.5],
            squared(&[0.45, 0.55]),
            vec![0.01, 0.3, 3.0, 10.0],
        ),
        (vec![0.7, 0.3], linear(&[1.0, -2.0]), vec![0.05, 1.0]),
        (
            vec![0.2, 0.3, 0.5],
            squared(&[0.45, 0.275, 0.275]),
            vec![0.1, 2.0],
        ),
        (vec![0.2, 0.3, 0.5], linear(&[0.0, 0.5, 1.0]), vec![0.3]),
    ];
    for (probs, objective, taus) in cases {
        for tau in taus {
            let dist = GumbelSoftmax::from_probs(&probs, tau).unwrap();
            for m in exact_relaxed_moments(&dist, &objective).unwrap() {
                check_against_reference(&m, &dist, &objective);
            }
        }
    }
}

/// The relaxed moments computed by a job advanced `budget` evaluations at a time, and the
/// number of steps it took.
fn in_slices(
    dist: &GumbelSoftmax,
    objective: &Objective,
    budget: usize,
) -> ([ExactMoments; 2], usize) {
    let mut job = RelaxedMomentsJob::new(dist, objective, None).unwrap();
    let mut steps = 0;
    loop {
        steps += 1;
        if let Some(r) = job.advance(budget) {
            return (r.clone(), steps);
        }
    }
}

#[test]
fn a_job_in_slices_gives_the_same_numbers_and_a_hint_the_same_to_its_error() {
    let objective = squared(&[0.45, 0.275, 0.275]);
    let dist = GumbelSoftmax::from_probs(&[0.2, 0.3, 0.5], 0.2).unwrap();
    let whole = exact_relaxed_moments(&dist, &objective).unwrap();
    let (sliced, steps) = in_slices(&dist, &objective, 2_000);
    assert!(steps > 10, "{steps} steps");
    assert_eq!(sliced, whole);
    // The smallest budget: one inner integral (k = 3) or one evaluation (k = 2) per step.
    for probs in [vec![0.2, 0.3, 0.5], vec![0.4, 0.6]] {
        let dist = GumbelSoftmax::from_probs(&probs, 0.2).unwrap();
        let objective = squared(&probs);
        let whole = exact_relaxed_moments(&dist, &objective).unwrap();
        let (sliced, steps) = in_slices(&dist, &objective, 1);
        assert!(steps > 100, "{steps} steps");
        assert_eq!(sliced, whole);
    }
    // With the moments of a neighbouring τ as the hint, the rough integral is skipped.
    let near = GumbelSoftmax::from_probs(&[0.2, 0.3, 0.5], 0.24).unwrap();
    let hint = exact_relaxed_moments(&near, &objective).unwrap();
    let mut job = RelaxedMomentsJob::new(&dist, &objective, Some(&hint)).unwrap();
    let hinted = job.advance(usize::MAX).unwrap().clone();
    assert!(hinted[0].evaluations < whole[0].evaluations);
    for (a, b) in hinted.iter().zip(&whole) {
        assert!((a.bias - b.bias).abs() <= a.bias_error + b.bias_error);
        assert!((a.variance - b.variance).abs() <= a.variance_error + b.variance_error);
    }
}

#[test]
fn extreme_temperatures_and_probabilities_stay_finite() {
    for (probs, tau) in [
        (vec![0.2, 0.3, 0.5], 1e-3),
        (vec![0.2, 0.3, 0.5], 1e3),
        (vec![1e-12, 0.5, 0.5], 0.05),
        (vec![0.999_999, 1e-6], 0.01),
    ] {
        let objective = squared(&vec![0.3; probs.len()]);
        let dist = GumbelSoftmax::from_probs(&probs, tau).unwrap();
        for m in exact_relaxed_moments(&dist, &objective).unwrap() {
            assert!(
                m.bias.is_finite() && m.variance.is_finite() && m.variance >= 0.0,
                "{probs:?} τ = {tau}: {m:?}"
            );
            assert!(m.mean.iter().all(|v| v.is_finite()));
        }
    }
}

#[test]
fn relaxed_estimators_trade_bias_for_variance_at_both_ends_of_tau() {
    // The page: as τ → 0 the bias of GS and ST-GS goes to 0 and their variance grows without
    // bound; as τ grows their gradients vanish, so the variance falls towards 0 and the bias
    // approaches ‖∇F‖. Checked for both objectives at k = 2 and 3.
    let cases = [
        (vec![0.5, 0.5], squared(&[0.45, 0.55])),
        (vec![0.2, 0.8], linear(&[0.0, 1.0])),
        (vec![0.2, 0.3, 0.5], squared(&[0.45, 0.275, 0.275])),
        (vec![0.2, 0.3, 0.5], linear(&[0.0, 0.5, 1.0])),
    ];
    for (probs, objective) in cases {
        let at = |tau: f64| {
            let dist = GumbelSoftmax::from_probs(&probs, tau).unwrap();
            exact_relaxed_moments(&dist, &objective).unwrap()
        };
        let dist = GumbelSoftmax::from_probs(&probs, 1.0).unwrap();
        let norm = exact_gradient(&dist, &objective)
            .unwrap()
            .iter()
            .map(|g| g * g)
            .sum::<f64>()
            .sqrt();
        let (small, smaller, large) = (at(0.01), at(0.001), at(1000.0));
        for j in 0..2 {
            let name = small[j].estimator.name();
            // The bias at τ = 0.001 is a fifth of that at 0.01 or less (it is O(τ) or smaller),
            // and already below 5 % of ‖∇F‖ at 0.01 (k = 3 squared: 2.1 %); the variance grows
            // at least five-fold.
            assert!(
                smaller[j].bias <= 0.2 * small[j].bias + 1e-12,
                "{name} {probs:?}"
            );
            assert!(
                small[j].bias < 0.05 * norm,
                "{name} {probs:?}: {}",
                small[j].bias
            );
            assert!(
                smaller[j].variance > 5.0 * small[j].variance,
                "{name} {probs:?}"
            );
            // At τ = 1000 the gradient is about 1/τ of its size: bias within 1 % of ‖∇F‖.
            assert!(
                (large[j].bias - norm).abs() < 0.01 * norm,
                "{name} {probs:?}"
            );
            assert!(
                large[j].variance < 1e-4 * at(1.0)[j].variance,
                "{name} {probs:?}"
            );
        }
    }
}
