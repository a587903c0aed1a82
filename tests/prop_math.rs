//! Property tests of the math core over hostile numbers (NaN, ±∞, ±0, subnormals, ±1e308) and
//! lengths (0, 1, 2, 3, 10, 64, 257, 10 000): nothing panics, every call gives either a valid
//! result or an `Err` whose message names what was wrong, and valid draws lie on the simplex.
//!
//! Case counts are in `prop_support::budget`; `case_budget_reaches_100000` adds up all of them.

mod prop_support;

use gumbel_explorer::math::*;
use prop_support::verdict::{accepted, check_message, check_names, ANY_WORDS};
use prop_support::*;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

/// A temperature: hostile, or valid over the whole range including the model's limits.
fn any_tau() -> impl Strategy<Value = f64> + Clone {
    prop_oneof![
        3 => hostile(),
        2 => log_uniform(-3.0, 3.0),
        1 => Just(1e-3),
        1 => Just(1e3),
        1 => log_uniform(-300.0, 300.0),
    ]
}

/// A valid temperature, including the extremes the core accepts.
fn valid_tau() -> impl Strategy<Value = f64> + Clone {
    prop_oneof![
        6 => log_uniform(-3.0, 3.0),
        1 => Just(1e-3),
        1 => Just(1e3),
        1 => log_uniform(-300.0, 300.0),
        1 => Just(MIN_TEMPERATURE),
        1 => Just(MAX_TEMPERATURE),
    ]
}

/// What the core accepts as a temperature.
fn tau_valid(tau: f64) -> bool {
    (MIN_TEMPERATURE..=MAX_TEMPERATURE).contains(&tau)
}

/// Logits of a valid distribution: k from 2 to 10 (sometimes the maximum), ordinary values
/// with an occasional extreme one.
fn valid_logits() -> impl Strategy<Value = Vec<f64>> + Clone {
    let element = prop_oneof![
        8 => -50.0..50.0f64,
        1 => Just(-1e308),
        1 => Just(1e308),
        1 => Just(0.0),
        1 => -1e300..1e300f64,
    ];
    prop_oneof![
        20 => 2usize..=10,
        1 => Just(MAX_CATEGORIES),
    ]
    .prop_flat_map(move |k| vec_n(element.clone(), k))
}

/// A valid distribution's logits and temperature.
fn valid_dist() -> impl Strategy<Value = (Vec<f64>, f64)> + Clone {
    (valid_logits(), valid_tau())
}

fn dist(logits: &[f64], tau: f64) -> Result<GumbelSoftmax, TestCaseError> {
    GumbelSoftmax::new(logits, tau).map_err(|e| {
        TestCaseError::fail(format!(
            "valid distribution rejected: {e} (tau {tau}, logits {logits:?})"
        ))
    })
}

/// Runs the property `test` on a valid distribution (logits and τ from [`valid_dist`]) and on
/// values that `more` draws for its k.
fn run_on_valid_dist<S, F>(name: &str, cases: u32, more: impl Fn(usize) -> S, test: F)
where
    S: Strategy,
    S::Value: std::fmt::Debug,
    F: Fn(&GumbelSoftmax, S::Value) -> Result<(), TestCaseError>,
{
    let strategy = valid_dist().prop_flat_map(move |(logits, tau)| {
        let k = logits.len();
        (Just(logits), Just(tau), more(k))
    });
    run(name, cases, strategy, |(logits, tau, values)| {
        test(&dist(&logits, tau)?, values)
    });
}

/// Index of the first non-finite element.
fn first_non_finite(values: &[f64]) -> Option<usize> {
    values.iter().position(|v| !v.is_finite())
}

/// A constructed distribution is valid: k and τ as given, π on the simplex, ln π finite and
/// ≤ 0.
fn check_dist(d: &GumbelSoftmax, k: usize, tau: f64) -> Result<(), TestCaseError> {
    prop_assert_eq!(d.k(), k);
    prop_assert_eq!(d.tau().to_bits(), tau.to_bits());
    let probs = d.probs();
    prop_assert!(on_simplex(&probs), "π not on the simplex: {probs:?}");
    prop_assert!(
        d.logits().iter().all(|l| l.is_finite() && *l <= 0.0),
        "ln π: {:?}",
        d.logits()
    );
    Ok(())
}

#[test]
fn case_budget_reaches_100000() {
    let total = total_cases();
    println!("property cases: {total} in {} properties", BUDGET.len());
    assert!(total >= 100_000, "only {total} property cases");
}

/// The verdict on a distribution built from k values (logits or weights, `one` of them called
/// `noun`, all of them `nouns`) of which the first invalid one is at `bad`, at temperature
/// `tau`: accepted exactly when k, the values and τ are valid, and then a valid distribution;
/// otherwise refused by a message naming the first thing wrong (k, then the value, then τ).
fn check_built(
    built: Result<GumbelSoftmax, Error>,
    (k, tau): (usize, f64),
    bad: Option<usize>,
    (noun, nouns): (&str, &str),
) -> Result<(), TestCaseError> {
    let k_ok = (2..=MAX_CATEGORIES).contains(&k);
    let words = match bad {
        _ if !k_ok => vec![nouns.to_string(), "k = ".to_string()],
        Some(i) => vec![format!("{noun} {i} "), format!("{noun} {} ", i + 1)],
        None => vec!["τ".to_string()],
    };
    let valid = k_ok && bad.is_none() && tau_valid(tau);
    if let Some(d) = accepted(built, valid, &words)? {
        check_dist(&d, k, tau)?;
    }
    Ok(())
}

#[test]
fn gumbel_softmax_constructors_validate_values_and_tau() {
    // The same values as logits and as weights: ordinary ones, hostile ones, and positive ones
    // over the whole range.
    let values = prop_oneof![vec_of(mostly_finite()), vec_of(mostly_positive())];
    run(
        "GUMBEL_CONSTRUCTORS",
        budget::GUMBEL_CONSTRUCTORS,
        (values, any_tau()),
        |(values, tau)| {
            let k_tau = (values.len(), tau);
            let bad_logit = first_non_finite(&values);
            let from_logits = GumbelSoftmax::new(&values, tau);
            check_built(from_logits, k_tau, bad_logit, ("logit", "logits"))?;
            // Non-finite weights are reported before zero or negative ones.
            let bad_weight =
                bad_logit.or_else(|| values.iter().position(|p| !(p.is_finite() && *p > 0.0)));
            let from_probs = GumbelSoftmax::from_probs(&values, tau);
            check_built(
                from_probs,
                k_tau,
                bad_weight,
                ("probability", "probabilities"),
            )
        },
    );
}

/// A candidate point for a k-category density: on the simplex, near a vertex, hostile, or of
/// another length.
fn point(k: usize) -> impl Strategy<Value = Vec<f64>> {
    let weights = vec_n(log_uniform(-12.0, 0.0), k).prop_map(|w| {
        let s: f64 = w.iter().sum();
        w.iter().map(|x| x / s).collect::<Vec<f64>>()
    });
    let vertex = (0..k, log_uniform(-300.0, -1.0)).prop_map(move |(i, eps)| {
        let rest = eps / (k - 1) as f64;
        (0..k)
            .map(|j| if j == i { 1.0 - eps } else { rest })
            .collect::<Vec<f64>>()
    });
    prop_oneof![
        4 => weights,
        2 => vertex,
        2 => vec_n(hostile(), k),
        2 => vec_of(hostile()),
    ]
}

fn point_ok(k: usize, y: &[f64]) -> bool {
    y.len() == k
        && y.iter().all(|v| v.is_finite() && *v > 0.0)
        && (y.iter().sum::<f64>() - 1.0).abs() <= 1e-9
}

fn log_point_ok(k: usize, log_y: &[f64]) -> bool {
    log_y.len() == k
        && log_y.iter().all(|v| v.is_finite())
        && (log_y.iter().map(|l| l.exp()).sum::<f64>() - 1.0).abs() <= 1e-9
}

#[test]
fn with_tau_and_log_density_accept_only_valid_input() {
    run_on_valid_dist(
        "WITH_TAU_AND_DENSITY",
        budget::WITH_TAU_AND_DENSITY,
        |k| (any_tau(), point(k)),
        |d, (new_tau, y)| {
            let (k, tau) = (d.k(), d.tau());
            if let Some(e) = accepted(d.with_tau(new_tau), tau_valid(new_tau), &["τ"])? {
                prop_assert_eq!(e.logits(), d.logits());
                check_dist(&e, k, new_tau)?;
            }
            if let Some(v) = accepted(d.log_density(&y), point_ok(k, &y), &["point"])? {
                prop_assert!(!v.is_nan(), "ln p = NaN at {y:?}");
            }
            let log_y: Vec<f64> = y.iter().map(|v| v.ln()).collect();
            for candidate in [&log_y, &y] {
                match d.log_density_from_log(candidate) {
                    Ok(v) => {
                        prop_assert!(log_point_ok(k, candidate));
                        prop_assert!(!v.is_nan(), "ln p = NaN at ln y = {candidate:?}");
                    }
                    Err(e) => {
                        check_names(&e, &["point"])?;
                        if log_point_ok(k, candidate) {
                            // Only an overflowing (τ + 1) ln yᵢ may be refused.
                            let worst = candidate.iter().fold(0.0f64, |m, l| m.max(l.abs()));
                            prop_assert!(
                                worst * (tau + 1.0) > 1e300 && e.to_string().contains("overflow"),
                                "rejected: {e}"
                            );
                        }
                    }
                }
            }
            Ok(())
        },
    );
}

#[test]
fn free_log_density_validates_everything() {
    let strategy = (vec_of(mostly_finite()), any_tau()).prop_flat_map(|(logits, tau)| {
        let k = logits.len().max(2);
        (Just(logits), Just(tau), point(k))
    });
    run(
        "FREE_LOG_DENSITY",
        budget::FREE_LOG_DENSITY,
        strategy,
        |(logits, tau, y)| {
            let k = logits.len();
            let ok = (2..=MAX_CATEGORIES).contains(&k)
                && first_non_finite(&logits).is_none()
                && tau_valid(tau)
                && point_ok(k, &y);
            let words = ["logit", "k = ", "τ", "point"];
            if let Some(v) = accepted(log_density(&logits, tau, &y), ok, &words)? {
                prop_assert!(!v.is_nan(), "ln p = NaN");
            }
            Ok(())
        },
    );
}

#[test]
fn sampling_fills_only_buffers_of_length_k() {
    let more = |k| {
        let len = prop_oneof![
            Just(0usize),
            Just(1usize),
            Just(k - 1),
            Just(k),
            Just(k),
            Just(k),
            Just(k + 1),
            Just(10_000usize),
        ];
        (len, any::<u64>())
    };
    run_on_valid_dist(
        "SAMPLING_BUFFERS",
        budget::SAMPLING_BUFFERS,
        more,
        |d, (len, seed)| {
            let (k, tau) = (d.k(), d.tau());
            let mut rng = Pcg64Mcg::seed_from_u64(seed);
            let mut y = vec![7.0; len];
            d.sample_to_slice(&mut rng, &mut y);
            let mut log_y = vec![7.0; len];
            d.sample_log_to_slice(&mut rng, &mut log_y);
            let mut perturbed = vec![7.0; len];
            d.perturb_to_slice(&mut rng, &mut perturbed);
            let mut tried = vec![7.0; len];
            let result = d.try_sample_to_slice(&mut rng, &mut tried);
            let class = d.sample_category(&mut rng);
            prop_assert!(class < k);
            if len != k {
                for buffer in [&y, &log_y, &perturbed, &tried] {
                    prop_assert!(buffer.iter().all(|&v| v == 7.0), "wrong buffer written");
                }
                match result {
                    Ok(()) => prop_assert!(false, "a buffer of {len} accepted for k = {k}"),
                    Err(e) => {
                        check_names(&e, &["out"])?;
                        let m = e.to_string();
                        prop_assert!(m.contains(&k.to_string()) && m.contains(&len.to_string()));
                    }
                }
            } else {
                prop_assert!(result.is_ok());
                prop_assert!(on_simplex(&y), "draw off the simplex: {y:?} (τ = {tau})");
                prop_assert!(on_simplex(&tried), "draw off the simplex: {tried:?}");
                prop_assert!(
                    log_y.iter().all(|l| !l.is_nan() && *l <= 1e-12),
                    "log draw: {log_y:?}"
                );
                let y_from_log: Vec<f64> = log_y.iter().map(|l| l.exp()).collect();
                prop_assert!(on_simplex(&y_from_log), "exp(log draw): {y_from_log:?}");
                prop_assert!(
                    perturbed.iter().all(|p| !p.is_nan() && *p < f64::INFINITY),
                    "perturbed: {perturbed:?}"
                );
            }
            Ok(())
        },
    );
}

#[test]
fn draws_at_extreme_tau_with_logits_50_apart_are_on_the_simplex() {
    let logit = prop_oneof![Just(0.0), Just(50.0), Just(-50.0), -50.0..50.0f64];
    let strategy = (2usize..=10).prop_flat_map(move |k| {
        (
            vec_n(logit.clone(), k),
            prop_oneof![Just(1e-3), Just(1e3)],
            any::<u64>(),
        )
    });
    run(
        "EXTREME_TAU_DRAWS",
        budget::EXTREME_TAU_DRAWS,
        strategy,
        |(mut logits, tau, seed)| {
            // Make sure two logits are 50 apart.
            logits[0] = 0.0;
            logits[1] = 50.0;
            for d in [
                dist(&logits, tau)?,
                GumbelSoftmax::from_probs(
                    &logits.iter().map(|l| l.exp()).collect::<Vec<f64>>(),
                    tau,
                )
                .map_err(|e| TestCaseError::fail(e.to_string()))?,
            ] {
                let mut rng = Pcg64Mcg::seed_from_u64(seed);
                let mut y = vec![0.0; d.k()];
                let mut log_y = vec![0.0; d.k()];
                for _ in 0..4 {
                    d.sample_to_slice(&mut rng, &mut y);
                    prop_assert!(on_simplex(&y), "τ = {tau}: {y:?}");
                    d.sample_log_to_slice(&mut rng, &mut log_y);
                    let back: Vec<f64> = log_y.iter().map(|l| l.exp()).collect();
                    prop_assert!(on_simplex(&back), "τ = {tau}: exp {log_y:?}");
                }
            }
            Ok(())
        },
    );
}

#[test]
fn relax_writes_a_simplex_point_or_nothing() {
    let strategy = (vec_of(mostly_finite()), any_tau()).prop_flat_map(|(perturbed, tau)| {
        let n = perturbed.len();
        let out_len = prop_oneof![
            3 => Just(n),
            1 => Just(n + 1),
            1 => Just(n.saturating_sub(1)),
            1 => Just(0usize),
        ];
        (Just(perturbed), Just(tau), out_len)
    });
    run(
        "RELAX",
        budget::RELAX,
        strategy,
        |(perturbed, tau, out_len)| {
            let mut out = vec![7.0; out_len];
            let mut out_log = vec![7.0; out_len];
            relax(&perturbed, tau, &mut out);
            relax_log(&perturbed, tau, &mut out_log);
            let accepted = !perturbed.is_empty() && out_len == perturbed.len() && tau_valid(tau);
            if !accepted {
                prop_assert!(out.iter().chain(&out_log).all(|&v| v == 7.0));
            } else if first_non_finite(&perturbed).is_none() {
                prop_assert!(on_simplex(&out), "relax at τ = {tau}: {out:?}");
                let back: Vec<f64> = out_log.iter().map(|l| l.exp()).collect();
                prop_assert!(
                    out_log.iter().all(|l| !l.is_nan()) && on_simplex(&back),
                    "relax_log at τ = {tau}: {out_log:?}"
                );
            }
            Ok(())
        },
    );
}

#[test]
fn binary_density_and_cdf_are_probabilities() {
    let x = prop_oneof![2 => hostile(), 3 => 0.0..1.0f64, 1 => log_uniform(-300.0, 0.0)];
    run(
        "BINARY",
        budget::BINARY,
        (x, hostile(), any_tau()),
        |(x, d, tau)| {
            let cdf = binary_cdf(x, d, tau);
            let ln_p = binary_log_density(x, d, tau);
            if x.is_nan() || d.is_nan() || tau.is_nan() || tau <= 0.0 {
                prop_assert!(cdf.is_nan() && ln_p.is_nan());
            } else if x.is_finite() && d.is_finite() && tau.is_finite() {
                prop_assert!((0.0..=1.0).contains(&cdf), "cdf = {cdf}");
                prop_assert!(!ln_p.is_nan() && ln_p < f64::INFINITY, "ln p = {ln_p}");
            } else {
                // Infinite arguments: a probability or NaN, never anything else.
                prop_assert!(cdf.is_nan() || (0.0..=1.0).contains(&cdf), "cdf = {cdf}");
                prop_assert!(ln_p.is_nan() || ln_p < f64::INFINITY, "ln p = {ln_p}");
            }
            Ok(())
        },
    );
}

fn count() -> impl Strategy<Value = u64> + Clone {
    prop_oneof![
        Just(0u64),
        Just(1u64),
        Just(7u64),
        0u64..1_000_000,
        Just(u64::MAX),
        any::<u64>(),
    ]
}

#[test]
fn chi_square_test_gives_a_p_value_or_says_why_not() {
    let strategy = length().prop_flat_map(|n| {
        let probs_len = prop_oneof![4 => Just(n), 1 => length()];
        (
            proptest::collection::vec(count(), n),
            probs_len.prop_flat_map(|m| vec_n(mostly_positive(), m)),
        )
    });
    run(
        "CHI_SQUARE",
        budget::CHI_SQUARE,
        strategy,
        |(observed, probs)| {
            let n = observed.len();
            let ok = n >= 2
                && probs.len() == n
                && probs.iter().all(|p| p.is_finite() && *p > 0.0)
                && observed.iter().any(|&o| o > 0);
            let words = ["observed", "k = 1", "probabilit", "no observations"];
            if let Some(c) = accepted(chi_square_test(&observed, &probs), ok, &words)? {
                prop_assert_eq!(c.dof, n - 1);
                prop_assert!(c.statistic >= 0.0, "statistic {}", c.statistic);
                prop_assert!((0.0..=1.0).contains(&c.p_value), "p = {}", c.p_value);
            }
            Ok(())
        },
    );
}

#[test]
fn ks_and_special_functions_stay_in_range() {
    let n = prop_oneof![
        Just(0usize),
        Just(1usize),
        Just(2usize),
        1usize..100_000,
        any::<usize>()
    ];
    let strategy = (hostile(), n, vec_of(hostile()), hostile(), any_tau());
    run("KS", budget::KS, strategy, |(d, n, mut sample, a, tau)| {
        let p = ks_p_value(d, n);
        if n == 0 || d.is_nan() {
            prop_assert!(p.is_nan());
        } else {
            prop_assert!((0.0..=1.0).contains(&p), "ks p = {p} for d = {d}, n = {n}");
        }
        sample.sort_by(f64::total_cmp);
        let stat = ks_statistic(&sample, |x| binary_cdf(x, a, tau));
        if sample.is_empty() {
            prop_assert!(stat.is_nan());
        } else {
            prop_assert!((0.0..=1.0).contains(&stat), "ks statistic {stat}");
        }
        let q = regularized_gamma_q(a, d);
        let pp = regularized_gamma_p(a, d);
        prop_assert!(q.is_nan() || (0.0..=1.0).contains(&q), "Q = {q}");
        prop_assert!(pp.is_nan() || (0.0..=1.0).contains(&pp), "P = {pp}");
        let _ = ln_gamma(d);
        let mut w = Welford::new();
        sample.iter().for_each(|&x| w.push(x));
        prop_assert_eq!(w.count(), sample.len() as u64);
        let _ = (w.mean(), w.variance(), w.std_error());
        Ok(())
    });
}

/// An objective for k classes: valid-looking, hostile, or of another length.
fn objective(k: usize) -> impl Strategy<Value = Objective> {
    let values = prop_oneof![
        4 => vec_n(-1e6..1e6f64, k),
        2 => vec_n(mostly_finite(), k),
        1 => vec_n(hostile(), k),
        1 => vec_of(mostly_finite()),
    ];
    (any::<bool>(), values).prop_map(|(linear, v)| {
        if linear {
            Objective::Linear { c: v }
        } else {
            Objective::SquaredDistance { target: v }
        }
    })
}

fn objective_values(o: &Objective) -> (&'static str, &[f64]) {
    match o {
        Objective::Linear { c } => ("c", c),
        Objective::SquaredDistance { target } => ("target", target),
    }
}

#[test]
fn objectives_and_exact_gradients() {
    run_on_valid_dist(
        "OBJECTIVE_AND_GRADIENT",
        budget::OBJECTIVE_AND_GRADIENT,
        objective,
        |d, objective| {
            let k = d.k();
            let (name, values) = objective_values(&objective);
            let ok = values.len() == k
                && values
                    .iter()
                    .all(|v| v.is_finite() && v.abs() <= MAX_OBJECTIVE_VALUE);
            let validated = objective.validate(k);
            let gradient = exact_gradient(d, &objective);
            let value = exact_objective(d, &objective);
            prop_assert_eq!(validated.is_ok(), ok);
            prop_assert_eq!(gradient.is_ok(), ok);
            prop_assert_eq!(value.is_ok(), ok);
            match (validated, gradient, value) {
                (Ok(()), Ok(g), Ok(f)) => {
                    prop_assert_eq!(g.len(), k);
                    prop_assert!(
                        g.iter().all(|x| !x.is_nan()),
                        "∇F = {g:?} for {objective:?}"
                    );
                    prop_assert!(!f.is_nan(), "F = NaN for {objective:?}");
                }
                (Err(e), _, _) => {
                    check_message(&e.to_string())?;
                    let m = e.to_string();
                    prop_assert!(
                        m.starts_with(&format!("{name}:"))
                            || m.starts_with(&format!("{name} "))
                            || m.contains(&format!(": {name} ")),
                        "{m}"
                    );
                }
                _ => {}
            }
            Ok(())
        },
    );
}

#[test]
fn single_estimates_validate_their_buffers() {
    let more = |k| {
        let perturbed = prop_oneof![3 => vec_n(mostly_finite(), k), 1 => vec_of(mostly_finite())];
        let out_len = prop_oneof![4 => Just(k), 1 => Just(k + 1), 1 => Just(0usize)];
        let which = 0usize..Estimator::ALL.len();
        (objective(k), perturbed, out_len, which, any::<u64>())
    };
    run_on_valid_dist(
        "ESTIMATE",
        budget::ESTIMATE,
        more,
        |d, (objective, perturbed, out_len, which, seed)| {
            let k = d.k();
            let estimator = Estimator::ALL[which];
            let objective_ok = objective.validate(k).is_ok();
            let mut out = vec![0.0; out_len];
            let ok = objective_ok
                && perturbed.len() == k
                && out_len == k
                && first_non_finite(&perturbed).is_none();
            let result = estimator.estimate(d, &objective, &perturbed, &mut out);
            if let Some(forward) = accepted(result, ok, ANY_WORDS)? {
                prop_assert!(!forward.is_nan(), "forward NaN");
                prop_assert!(out.iter().all(|g| !g.is_nan()), "{estimator:?}: {out:?}");
            }
            let mut rng = Pcg64Mcg::seed_from_u64(seed);
            let mut out = vec![0.0; out_len];
            let result = estimator.sample_gradient(d, &objective, &mut rng, &mut out);
            if let Some(forward) = accepted(result, objective_ok && out_len == k, ANY_WORDS)? {
                prop_assert!(!forward.is_nan(), "forward NaN");
                prop_assert!(out.iter().all(|g| !g.is_nan()), "{estimator:?}: {out:?}");
            }
            Ok(())
        },
    );
}

/// A small count, the degenerate ones (0 to 3) as likely as the others: a sample count or a
/// raster side.
fn small_count() -> impl Strategy<Value = usize> + Clone {
    prop_oneof![
        Just(0usize),
        Just(1usize),
        Just(2usize),
        Just(3usize),
        Just(17usize),
        Just(64usize)
    ]
}

#[test]
fn variance_sweep_validates_and_stays_finite() {
    let logits = prop_oneof![
        12 => (2usize..=4).prop_flat_map(|k| vec_n(mostly_finite(), k)),
        2 => vec_of(mostly_finite()),
    ];
    let taus_len = prop_oneof![
        2 => Just(0usize),
        8 => 1usize..=4,
        1 => Just(MAX_SWEEP_TAUS_PLUS_ONE),
    ];
    let strategy = logits.prop_flat_map(move |logits| {
        let k = logits.len().max(2);
        (
            Just(logits),
            objective(k),
            taus_len.clone().prop_flat_map(|n| vec_n(any_tau(), n)),
            small_count(),
            any::<u64>(),
        )
    });
    run(
        "VARIANCE_SWEEP",
        budget::VARIANCE_SWEEP,
        strategy,
        |(logits, objective, taus, samples, seed)| {
            let k = logits.len();
            let ok = (2..=MAX_CATEGORIES).contains(&k)
                && first_non_finite(&logits).is_none()
                && objective.validate(k).is_ok()
                && !taus.is_empty()
                && taus.len() <= sweep_max_taus()
                && taus.iter().all(|&t| tau_valid(t))
                && samples >= 2;
            let mut rng = Pcg64Mcg::seed_from_u64(seed);
            let result = variance_sweep(&logits, &objective, &taus, samples, &mut rng);
            let Some(sweep) = accepted(result, ok, ANY_WORDS)? else {
                return Ok(());
            };
            prop_assert_eq!(sweep.taus.len(), taus.len());
            prop_assert_eq!(sweep.exact.len(), k);
            prop_assert_eq!(sweep.rows.len(), Estimator::ALL.len());
            let (_, values) = objective_values(&objective);
            let moderate = values.iter().all(|v| v.abs() <= 1e6);
            for row in &sweep.rows {
                prop_assert_eq!(row.points.len(), taus.len());
                // No number of a point (τ, mean, statistics, standard errors) is NaN.
                let nan = row.points.iter().find(|p| format!("{p:?}").contains("NaN"));
                prop_assert!(!moderate || nan.is_none(), "{:?}: {nan:?}", row.estimator);
            }
            Ok(())
        },
    );
}

const MAX_SWEEP_TAUS_PLUS_ONE: usize = 10_001;

fn sweep_max_taus() -> usize {
    gumbel_explorer::math::sweep::MAX_SWEEP_TAUS
}

#[test]
fn annealing_schedules_validate_and_never_leave_their_range() {
    let every = prop_oneof![Just(0u64), Just(1u64), Just(1000u64), any::<u64>()];
    let points = prop_oneof![
        Just(0usize),
        Just(1usize),
        Just(2usize),
        Just(400usize),
        0usize..64
    ];
    run(
        "ANNEALING",
        budget::ANNEALING,
        (
            hostile(),
            hostile(),
            hostile(),
            every,
            any::<u64>(),
            any::<u64>(),
            points,
        ),
        |(tau0, rate, tau_min, every, step, steps, points)| {
            let ok = tau0.is_finite()
                && tau0 > 0.0
                && rate.is_finite()
                && rate >= 0.0
                && tau_min.is_finite()
                && tau_min > 0.0
                && every > 0;
            let result = AnnealingSchedule::new(tau0, rate, tau_min, every);
            let Some(s) = accepted(result, ok, &["annealing"])? else {
                return Ok(());
            };
            let hi = tau0.max(tau_min);
            let t = s.tau_at(step);
            prop_assert!(t.is_finite() && t >= tau_min && t <= hi, "τ({step}) = {t}");
            let curve = s.curve(steps, points);
            prop_assert_eq!(curve.len(), points);
            for w in curve.windows(2) {
                prop_assert!(w[0].0 <= w[1].0 && w[0].1 >= w[1].1, "{w:?}");
            }
            for &(at, t) in &curve {
                prop_assert!(at <= steps);
                prop_assert!(t.is_finite() && t >= tau_min && t <= hi);
            }
            Ok(())
        },
    );
}

#[test]
fn speedup_is_at_least_one_or_an_error() {
    let cost = prop_oneof![2 => hostile(), 3 => 0.0..10.0f64, 1 => log_uniform(-300.0, 308.0)];
    let k = prop_oneof![
        Just(0usize),
        Just(1usize),
        Just(2usize),
        Just(10usize),
        Just(1000usize),
        any::<usize>()
    ];
    run(
        "SPEEDUP",
        budget::SPEEDUP,
        (cost.clone(), cost.clone(), cost, k),
        |(d, i, g, k)| {
            let each = [d, i, g].iter().all(|v| v.is_finite() && *v >= 0.0);
            let ok = each && d + i + g > 0.0 && k >= 1;
            match speedup(d, i, g, k) {
                Ok(s) => {
                    prop_assert!(ok);
                    prop_assert!(
                        s.is_finite() && s >= 1.0 - 1e-12,
                        "speedup({d}, {i}, {g}, {k}) = {s}"
                    );
                }
                Err(e) => {
                    // A positive total that overflows is still positive.
                    let positive = each && (d > 0.0 || i > 0.0 || g > 0.0) && k >= 1;
                    prop_assert!(!positive, "rejected: {e}");
                    check_names(&e, &["cost", "k = "])?;
                }
            }
            Ok(())
        },
    );
}

#[test]
fn simplex_geometry_is_total() {
    let strategy = (
        vec_n(hostile(), 3),
        vec_n(log_uniform(-300.0, 0.0), 3),
        hostile(),
        hostile(),
        length(),
        vec_of(mostly_finite()),
    );
    run(
        "SIMPLEX",
        budget::SIMPLEX,
        strategy,
        |(wild, weights, x, h, k, y)| {
            let _ = barycentric_to_xy([wild[0], wild[1], wild[2]]);
            let b = xy_to_barycentric(x, h);
            if x.is_finite() && h.is_finite() && x.abs() < 1e300 && h.abs() < 1e300 {
                let s: f64 = b.iter().sum();
                prop_assert!((s - 1.0).abs() <= 1e-9 * (1.0 + x.abs() + h.abs()), "{b:?}");
            }
            // A simplex point maps into the triangle and back.
            let s: f64 = weights.iter().sum();
            let p = [weights[0] / s, weights[1] / s, weights[2] / s];
            let (px, py) = barycentric_to_xy(p);
            prop_assert!((-1e-12..=1.0 + 1e-12).contains(&px), "x = {px}");
            prop_assert!((-1e-12..=0.87).contains(&py), "y = {py}");
            let back = xy_to_barycentric(px, py);
            for i in 0..3 {
                prop_assert!((back[i] - p[i]).abs() < 1e-12, "{back:?} vs {p:?}");
            }
            let vertices = polygon_vertices(k);
            prop_assert_eq!(vertices.len(), k);
            for &(vx, vy) in &vertices {
                prop_assert!(((vx * vx + vy * vy).sqrt() - 1.0).abs() < 1e-12);
            }
            let (qx, qy) = project_to_polygon(&y, &vertices);
            if y.len() == k && on_simplex(&y) {
                prop_assert!((qx * qx + qy * qy).sqrt() <= 1.0 + 1e-9);
            }
            let _ = (qx, qy);
            Ok(())
        },
    );
}

#[test]
fn raster_is_nan_exactly_outside_the_triangle() {
    let size = small_count();
    let probs = prop_oneof![
        2 => vec_n(log_uniform(-300.0, 300.0), 3),
        4 => vec_n(1e-3..1.0f64, 3),
        1 => (2usize..=4).prop_flat_map(|k| vec_n(1e-3..1.0f64, k)),
    ];
    run(
        "RASTER",
        budget::RASTER,
        (size.clone(), size, probs, valid_tau()),
        |(w, h, probs, tau)| {
            let d = GumbelSoftmax::from_probs(&probs, tau)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let grid = raster::TriangleGrid::new(w, h);
            prop_assert_eq!(grid.size(), (w, h));
            let mut out = vec![1.0; 5];
            grid.log_density(&d, &mut out);
            prop_assert_eq!(out.len(), w * h);
            if d.k() != 3 {
                prop_assert!(out.iter().all(|v| v.is_nan()));
                return Ok(());
            }
            let reference = GumbelSoftmax::from_probs(&[1.0, 1.0, 1.0], 1.0)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut mask = Vec::new();
            grid.log_density(&reference, &mut mask);
            for (i, (v, m)) in out.iter().zip(&mask).enumerate() {
                prop_assert_eq!(
                    v.is_nan(),
                    m.is_nan(),
                    "pixel {} is {} (π = {:?}, τ = {})",
                    i,
                    v,
                    probs,
                    tau
                );
                prop_assert!(*v != f64::INFINITY, "pixel {i} is +∞");
            }
            Ok(())
        },
    );
}

/// The smallest failing inputs the properties above found, kept as plain regression tests.
#[test]
fn regressions_found_by_the_properties() {
    // A message spelled out 1e308 in 309 digits.
    let e = GumbelSoftmax::new(&[0.0, 1.0], -1e308).unwrap_err();
    assert!(e.to_string().contains("-1e308"), "{e}");
    // τ whose reciprocal overflows (a relaxed draw was NaN), or so large that τ ln y overflows.
    for tau in [f64::MIN_POSITIVE / 2.0, 1e-310, 1e308] {
        assert_eq!(
            GumbelSoftmax::new(&[0.0, 1.0], tau),
            Err(Error::TemperatureOutOfRange { value: tau })
        );
    }
    // Kolmogorov tail at a subnormal λ was ∞ · 0 = NaN.
    assert_eq!(ks_p_value(f64::MIN_POSITIVE / 2.0, 1), 1.0);
    // A probability underflowing against 1e308 gave 0 / 0 in the chi-square statistic.
    let c = chi_square_test(&[0, 1], &[4e-112, 1e308]).unwrap();
    assert_eq!((c.statistic, c.p_value), (0.0, 1.0));
    // D + I + G overflowed to ∞ and the speed-up to ∞ or NaN.
    assert_eq!(speedup(0.0, 0.0, 1e308, 2).unwrap(), 2.0);
    // The last point of an annealing curve rounded past its last step.
    let s = AnnealingSchedule::new(1.0, 0.0, 1.0, 1).unwrap();
    assert_eq!(
        s.curve(19_374_068_180_922_806, 2)[1].0,
        19_374_068_180_922_806
    );
    // ln π = −∞ first in the online log-sum-exp gave −∞ − (−∞) = NaN.
    let d = GumbelSoftmax::new(&[-1e308, 1e308, -1.0, 7.0], 1.0).unwrap();
    assert!(d.logits().iter().all(|l| l.is_finite()));
    assert!(!d.log_density(&[0.25; 4]).unwrap().is_nan());
    // Unnormalised huge logits overflowed the free density's sums.
    let logits = [0.0, 1e308, 1e308, -41.0];
    assert!(!log_density(&logits, 261.0, &[0.25; 4]).unwrap().is_nan());
    // Weights 1e-370 apart: ln π was −∞, now the difference of logarithms.
    let d = GumbelSoftmax::from_probs(&[1e174, 2.7e-196, 1.0], 1.0).unwrap();
    assert!((d.logits()[1] - (2.7e-196f64.ln() - 1e174f64.ln())).abs() < 1e-9);
    // A squared-distance target of 1e308 made the exact gradient NaN; now it is refused.
    let d = GumbelSoftmax::new(&[0.0; 4], 1.0).unwrap();
    let target = Objective::SquaredDistance {
        target: vec![0.0, 0.0, 0.0, 1e308],
    };
    assert!(exact_gradient(&d, &target)
        .unwrap_err()
        .to_string()
        .contains("target 4 is 1e308"));
    // ln y = −1e308 made ln p = ∞ − ∞; now it is refused with a message.
    let d = GumbelSoftmax::new(&[0.0, 0.0], 1.0).unwrap();
    assert!(d
        .log_density_from_log(&[0.0, -1e308])
        .unwrap_err()
        .to_string()
        .contains("overflows"));
}
