//! Tier 1: every invalid input gives its own error variant, and the message names the
//! parameter at fault (and its position, counting from 1 as people do).

use gumbel_explorer::math::{
    chi_square_test, log_density, speedup, variance_sweep, AnnealingSchedule, Error, Estimator,
    GumbelSoftmax, Objective, MAX_CATEGORIES,
};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

fn assert_err<T: std::fmt::Debug>(result: Result<T, Error>, expected: Error, mentions: &[&str]) {
    let err = result.expect_err("invalid input was accepted");
    assert_eq!(err, expected);
    let text = err.to_string();
    for word in mentions {
        assert!(
            text.contains(word),
            "message {text:?} does not mention {word:?}"
        );
    }
}

/// `build` refuses NaN and ±∞ in place of each of the valid `values`, with the variant that
/// names `parameter` and its index, in a message that counts from 1.
fn non_finite_values_are_named(
    build: impl Fn(&[f64]) -> Result<GumbelSoftmax, Error>,
    parameter: &'static str,
    values: &[f64],
) {
    for index in 0..values.len() {
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut bad = values.to_vec();
            bad[index] = value;
            let (expected, word) = if value.is_nan() {
                (Error::NotANumber { parameter, index }, "NaN")
            } else {
                let infinite = Error::Infinite {
                    parameter,
                    index,
                    value,
                };
                (infinite, "inf")
            };
            let position = (index + 1).to_string();
            assert_err(build(&bad), expected, &[parameter, &position, word]);
        }
    }
}

#[test]
fn invalid_logits() {
    non_finite_values_are_named(|v| GumbelSoftmax::new(v, 1.0), "logit", &[0.0, 1.0, -1.0]);
    assert_err(
        GumbelSoftmax::new(&[], 1.0),
        Error::Empty {
            parameter: "logits",
        },
        &["logits", "empty"],
    );
    assert_err(
        GumbelSoftmax::new(&[0.3], 1.0),
        Error::SingleCategory,
        &["k = 1"],
    );
    assert_err(
        GumbelSoftmax::new(&vec![0.0; MAX_CATEGORIES + 1], 1.0),
        Error::TooManyCategories {
            k: MAX_CATEGORIES + 1,
            max: MAX_CATEGORIES,
        },
        &["257", "256"],
    );
    assert!(GumbelSoftmax::new(&vec![0.0; MAX_CATEGORIES], 1.0).is_ok());
}

#[test]
fn invalid_probabilities() {
    assert_err(
        GumbelSoftmax::from_probs(&[0.5, 0.0, 0.5], 1.0),
        Error::Zero {
            parameter: "probability",
            index: 1,
        },
        &["probability", "2", "0"],
    );
    assert_err(
        GumbelSoftmax::from_probs(&[0.5, 0.6, -0.1], 1.0),
        Error::Negative {
            parameter: "probability",
            index: 2,
            value: -0.1,
        },
        &["probability", "3", "-0.1"],
    );
    let from_probs = |v: &[f64]| GumbelSoftmax::from_probs(v, 1.0);
    non_finite_values_are_named(from_probs, "probability", &[0.5, 0.3, 0.2]);
    assert_err(
        GumbelSoftmax::from_probs(&[], 1.0),
        Error::Empty {
            parameter: "probabilities",
        },
        &["probabilities"],
    );
    assert_err(
        GumbelSoftmax::from_probs(&[1.0], 1.0),
        Error::SingleCategory,
        &["k = 1"],
    );
}

#[test]
fn invalid_temperatures() {
    let dist = GumbelSoftmax::new(&[0.0, 1.0], 1.0).unwrap();
    for tau in [0.0, -0.0, -1.0, -1e-300, f64::MIN] {
        let not_positive = Error::TemperatureNotPositive { value: tau };
        let new = GumbelSoftmax::new(&[0.0, 1.0], tau);
        assert_err(new, not_positive.clone(), &["temperature", "> 0"]);
        assert_err(dist.with_tau(tau), not_positive.clone(), &["temperature"]);
        let density = log_density(&[0.0, 1.0], tau, &[0.5, 0.5]);
        assert_err(density, not_positive, &["temperature"]);
    }
    for tau in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let not_finite = Error::TemperatureNotFinite { value: tau };
        let from_probs = GumbelSoftmax::from_probs(&[0.5, 0.5], tau);
        assert_err(from_probs, not_finite.clone(), &["temperature", "finite"]);
        assert_err(dist.with_tau(tau), not_finite, &["temperature"]);
    }
}

#[test]
fn invalid_points_for_the_density() {
    let dist = GumbelSoftmax::from_probs(&[0.2, 0.3, 0.5], 0.5).unwrap();
    assert_err(
        dist.log_density(&[0.5, 0.5]),
        Error::LengthMismatch {
            parameter: "point",
            expected: 3,
            found: 2,
        },
        &["point", "3", "2"],
    );
    assert_err(
        dist.log_density(&[0.5, f64::NAN, 0.5]),
        Error::NotANumber {
            parameter: "point",
            index: 1,
        },
        &["point", "2"],
    );
    assert_err(
        dist.log_density(&[0.5, 0.5, f64::INFINITY]),
        Error::Infinite {
            parameter: "point",
            index: 2,
            value: f64::INFINITY,
        },
        &["point", "3"],
    );
    assert_err(
        dist.log_density(&[0.0, 0.5, 0.5]),
        Error::Zero {
            parameter: "point",
            index: 0,
        },
        &["point", "1"],
    );
    assert_err(
        dist.log_density(&[0.6, 0.6, -0.2]),
        Error::Negative {
            parameter: "point",
            index: 2,
            value: -0.2,
        },
        &["point", "-0.2"],
    );
    assert_err(
        dist.log_density(&[0.2, 0.2, 0.2]),
        Error::NotOnSimplex {
            sum: 0.2 + 0.2 + 0.2,
        },
        &["simplex", "0.6"],
    );
    assert_err(
        dist.log_density_from_log(&[0.0, f64::NEG_INFINITY, 0.0]),
        Error::Infinite {
            parameter: "log point",
            index: 1,
            value: f64::NEG_INFINITY,
        },
        &["log point"],
    );
    // Within the tolerance of 1e-9 the point is accepted.
    assert!(dist.log_density(&[0.2, 0.3, 0.5 + 5e-10]).is_ok());
}

#[test]
fn invalid_arguments_elsewhere() {
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let objective = Objective::Linear {
        c: vec![1.0, 2.0, 3.0],
    };
    let logits = [0.0, 0.1, 0.2];
    let err = variance_sweep(&logits, &objective, &[1.0], 0, &mut rng).unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)));
    assert!(err.to_string().contains("samples"));
    assert_err(
        variance_sweep(
            &logits,
            &Objective::SquaredDistance {
                target: vec![0.0, f64::NAN, 1.0],
            },
            &[1.0],
            10,
            &mut rng,
        ),
        Error::NotANumber {
            parameter: "target",
            index: 1,
        },
        &["target"],
    );
    assert_err(
        variance_sweep(&logits, &objective, &[1.0, f64::NAN], 10, &mut rng),
        Error::TemperatureNotFinite { value: f64::NAN },
        &["temperature"],
    );
    let err = AnnealingSchedule::new(1.0, 1e-4, 0.5, 0).unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)) && err.to_string().contains("N = 0"));
    let err = speedup(1.0, -2.0, 1.0, 10).unwrap_err();
    assert!(err.to_string().contains("cost I"));
    assert_err(
        chi_square_test(&[1, 2, 3], &[0.5, 0.5]),
        Error::LengthMismatch {
            parameter: "probabilities",
            expected: 3,
            found: 2,
        },
        &["probabilities"],
    );
    let dist = GumbelSoftmax::new(&logits, 1.0).unwrap();
    let mut out = [0.0; 2];
    assert_err(
        Estimator::GumbelSoftmax.sample_gradient(&dist, &objective, &mut rng, &mut out),
        Error::LengthMismatch {
            parameter: "out",
            expected: 3,
            found: 2,
        },
        &["out"],
    );
}

#[test]
fn errors_are_std_errors() {
    fn takes_std_error(_: &dyn std::error::Error) {}
    takes_std_error(&Error::SingleCategory);
    let boxed: Box<dyn std::error::Error> = Box::new(Error::InvalidArgument("x".into()));
    assert!(boxed.to_string().contains('x'));
}
