//! Property tests of the explorer's state, the layer under every wasm setter: each setter through
//! `Model::update` with hostile numbers and lengths either changes nothing and says what was
//! wrong, or leaves a valid state; `from_state` never panics on any text, refuses with a short
//! message without markup, and whatever it accepts (and every valid state) survives a round trip
//! through its link.
//!
//! Case counts are in `prop_support::budget`.

mod prop_support;

use gumbel_explorer::math::annealing::AnnealingSchedule;
use gumbel_explorer::model::settings::{
    ClassInput, ModelError, ObjectiveKind, Settings, MAX_COST, MAX_COST_K, MAX_K, MAX_SAMPLES,
    MAX_SEED, MAX_TAU, MIN_K, MIN_SAMPLES, MIN_TAU,
};
use gumbel_explorer::model::url::{from_state, to_state};
use gumbel_explorer::model::Model;
use prop_support::verdict::{check_message, check_names};
use prop_support::*;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// One call of a setter, as the page's controls make them.
#[derive(Clone, Debug)]
enum Op {
    K(usize),
    Probs(Vec<f64>),
    Logits(Vec<f64>),
    Tau(f64),
    Samples(f64),
    Seed(f64),
    Objective(bool, Vec<f64>),
    ObjectiveKind(bool),
    Schedule(f64, f64, f64, u64),
    Step(f64),
    Cost(f64, f64, f64, f64),
}

impl Op {
    /// Words one of which a rejection of this call must contain.
    fn topic(&self) -> &'static [&'static str] {
        match self {
            Op::K(_) => &["classes"],
            Op::Probs(_) => &["classes", "probabilit"],
            Op::Logits(_) => &["classes", "logit"],
            Op::Tau(_) => &["τ"],
            Op::Samples(_) => &["samples"],
            Op::Seed(_) => &["seed"],
            Op::Objective(..) => &["objective"],
            Op::ObjectiveKind(_) => &[],
            Op::Schedule(..) => &["annealing", "update interval"],
            Op::Step(_) => &["step"],
            Op::Cost(..) => &["cost", "k "],
        }
    }

    fn apply(&self, s: &mut Settings) -> Result<(), ModelError> {
        let kind = |linear: bool| {
            if linear {
                ObjectiveKind::Linear
            } else {
                ObjectiveKind::SquaredDistance
            }
        };
        match self {
            Op::K(k) => s.set_k(*k),
            Op::Probs(p) => s.set_probs(p),
            Op::Logits(l) => s.set_logits(l),
            Op::Tau(t) => s.set_tau(*t),
            Op::Samples(n) => s.set_samples(*n),
            Op::Seed(x) => s.set_seed(*x),
            Op::Objective(linear, v) => s.set_objective(kind(*linear), v),
            Op::ObjectiveKind(linear) => {
                s.set_objective_kind(kind(*linear));
                Ok(())
            }
            // As the wasm setter calls it: the interval arrives as a JS number.
            Op::Schedule(tau0, rate, tau_min, every) => {
                s.set_schedule_values(*tau0, *rate, *tau_min, *every as f64)
            }
            Op::Step(x) => s.set_step(*x),
            Op::Cost(d, i, g, k) => s.set_cost(*d, *i, *g, *k),
        }
    }
}

/// A whole number, or something that is nearly one, or anything.
fn count_like() -> impl Strategy<Value = f64> + Clone {
    prop_oneof![
        3 => hostile(),
        2 => (0u64..2_000_000).prop_map(|n| n as f64),
        1 => Just(MAX_SEED as f64),
        1 => Just(MAX_SEED as f64 + 1.0),
        1 => Just(100.5),
        1 => Just(1e12),
        1 => Just(1e12 + 1.0),
        1 => Just(-1.0),
        1 => (0u64..1_000).prop_map(|n| n as f64),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let k = prop_oneof![
        Just(0usize),
        Just(1usize),
        2usize..=10,
        Just(11usize),
        Just(257usize),
        Just(usize::MAX)
    ];
    let tau = prop_oneof![
        3 => hostile(),
        3 => log_uniform(-3.0, 3.0),
        1 => Just(MIN_TAU),
        1 => Just(MAX_TAU),
        1 => Just(MIN_TAU * (1.0 - 1e-16)),
        1 => Just(MAX_TAU * (1.0 + 1e-15)),
    ];
    let small_vec = |element: BoxedStrategy<f64>| {
        prop_oneof![
            4 => (2usize..=10).prop_flat_map(move |n| vec_n(element.clone(), n)),
            1 => vec_of(hostile()),
        ]
    };
    let cost = prop_oneof![2 => hostile(), 3 => 0.0..10.0f64, 1 => log_uniform(-300.0, 10.0)];
    let every = prop_oneof![Just(0u64), Just(1u64), Just(1000u64), any::<u64>()];
    prop_oneof![
        2 => k.prop_map(Op::K),
        3 => small_vec(mostly_positive().boxed()).prop_map(Op::Probs),
        3 => small_vec(mostly_finite().boxed()).prop_map(Op::Logits),
        3 => tau.prop_map(Op::Tau),
        2 => count_like().prop_map(Op::Samples),
        2 => count_like().prop_map(Op::Seed),
        3 => (
            any::<bool>(),
            prop_oneof![
                3 => (2usize..=10).prop_flat_map(|n| vec_n(-2e6..2e6f64, n)),
                1 => small_vec(mostly_finite().boxed())
            ]
        )
            .prop_map(|(l, v)| Op::Objective(l, v)),
        1 => any::<bool>().prop_map(Op::ObjectiveKind),
        2 => (hostile(), hostile(), hostile(), every)
            .prop_map(|(a, b, c, n)| Op::Schedule(a, b, c, n)),
        2 => count_like().prop_map(Op::Step),
        2 => (cost.clone(), cost.clone(), cost, count_like())
            .prop_map(|(d, i, g, k)| Op::Cost(d, i, g, k)),
    ]
}

/// Every invariant of a valid state.
fn check_settings(s: &Settings) -> Result<(), TestCaseError> {
    let k = s.k();
    prop_assert!((MIN_K..=MAX_K).contains(&k), "k = {k}");
    let probs = s.probs();
    prop_assert_eq!(probs.len(), k);
    prop_assert!(on_simplex(&probs), "π = {probs:?}");
    prop_assert!(probs.iter().any(|p| *p > 0.0));
    prop_assert!(
        s.logits().iter().all(|l| l.is_finite() && *l <= 0.0),
        "ln π = {:?}",
        s.logits()
    );
    match s.class_input() {
        ClassInput::Probs(p) => {
            prop_assert!(p.len() == k && p.iter().all(|x| x.is_finite() && *x > 0.0))
        }
        ClassInput::Logits(l) => prop_assert!(l.len() == k && l.iter().all(|x| x.is_finite())),
    }
    let tau = s.tau();
    prop_assert!((MIN_TAU..=MAX_TAU).contains(&tau), "τ = {tau}");
    prop_assert!((MIN_SAMPLES..=MAX_SAMPLES).contains(&s.samples()));
    prop_assert!(s.seed() <= MAX_SEED);
    let values = s.objective_values();
    prop_assert_eq!(values.len(), k);
    prop_assert!(values.iter().all(|v| v.is_finite() && v.abs() <= 1e6));
    prop_assert!(s.objective().validate(k).is_ok());
    let sch = s.schedule();
    prop_assert!(
        AnnealingSchedule::new(sch.tau0, sch.rate, sch.tau_min, sch.update_every).is_ok(),
        "{sch:?}"
    );
    prop_assert!(s.step() <= 1_000_000_000_000);
    let c = s.cost();
    for v in [c.d, c.i, c.g] {
        prop_assert!(v.is_finite() && (0.0..=MAX_COST).contains(&v));
    }
    prop_assert!(c.d + c.i + c.g > 0.0);
    prop_assert!((2..=MAX_COST_K).contains(&c.k));
    Ok(())
}

/// The state's link restores exactly the same state.
fn check_round_trip(s: &Settings) -> Result<(), TestCaseError> {
    let text = to_state(s);
    let back = match from_state(&text) {
        Ok(back) => back,
        Err(e) => {
            return Err(TestCaseError::fail(format!(
                "the link of a valid state is refused: {e} (link of {} characters: {})",
                text.len(),
                text.chars().take(200).collect::<String>()
            )))
        }
    };
    prop_assert_eq!(to_state(&back), text.clone());
    prop_assert_eq!(back.class_input(), s.class_input());
    prop_assert_eq!(back.tau().to_bits(), s.tau().to_bits());
    prop_assert!(back
        .logits()
        .iter()
        .zip(s.logits())
        .all(|(a, b)| a.to_bits() == b.to_bits()));
    Ok(())
}

#[test]
fn setters_change_nothing_or_leave_a_valid_state() {
    let ops = proptest::collection::vec(op(), 1..12);
    run("SETTERS", budget::SETTERS, ops, |ops| {
        let mut model = Model::new();
        for op in &ops {
            let before = to_state(model.settings());
            match model.update(|s| op.apply(s)) {
                Ok(()) => {
                    check_settings(model.settings())?;
                }
                Err(e) => {
                    prop_assert_eq!(
                        to_state(model.settings()),
                        before,
                        "a rejected {:?} changed the state",
                        op
                    );
                    // The rejection says what was wrong.
                    check_names(&e, op.topic())?;
                }
            }
        }
        check_round_trip(model.settings())
    });
}

/// What `from_state` must do with any text: refuse it with a short message without markup,
/// or accept a valid state whose own link restores it.
fn check_from_state(text: &str) -> Result<(), TestCaseError> {
    match from_state(text) {
        Ok(s) => {
            check_settings(&s)?;
            check_round_trip(&s)?;
        }
        Err(e) => {
            check_message(&e.to_string())?;
            prop_assert!(
                matches!(e, ModelError::Link(_))
                    && e.to_string()
                        .starts_with("the link's state was not restored"),
                "{e}"
            );
        }
    }
    Ok(())
}

#[test]
fn from_state_survives_arbitrary_bytes() {
    let bytes = prop_oneof![
        8 => proptest::collection::vec(any::<u8>(), 0..64),
        2 => proptest::collection::vec(any::<u8>(), 0..600),
        1 => proptest::collection::vec(any::<u8>(), 1_990..2_010),
    ];
    run(
        "FROM_STATE_BYTES",
        budget::FROM_STATE_BYTES,
        bytes,
        |bytes| check_from_state(&String::from_utf8_lossy(&bytes)),
    );
}

#[test]
fn from_state_survives_arbitrary_unicode() {
    let text = prop_oneof![
        4 => any::<String>(),
        2 => "[#?&=,%0-9a-z.eE+-]{0,80}",
        1 => "\\PC{0,400}",
    ];
    run(
        "FROM_STATE_UNICODE",
        budget::FROM_STATE_UNICODE,
        text,
        |text| check_from_state(&text),
    );
}

/// A number as text: every way Rust prints a hostile float, and things that are not numbers.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => hostile().prop_map(|v| format!("{v}")),
        2 => hostile().prop_map(|v| format!("{v:e}")),
        4 => (0u32..2_000_001).prop_map(|n| n.to_string()),
        3 => (1e-3..1e3f64).prop_map(|v| format!("{v}")),
        1 => Just("NaN".to_string()),
        1 => Just("inf".to_string()),
        1 => Just("-infinity".to_string()),
        1 => Just("1e999".to_string()),
        1 => Just("-1e-999".to_string()),
        1 => Just("0x10".to_string()),
        1 => Just(" 7 ".to_string()),
        1 => Just(String::new()),
        1 => Just("１".to_string()),
        1 => Just("<b>1</b>".to_string()),
        1 => Just("9".repeat(400)),
        1 => Just(format!("0.{}1", "0".repeat(330))),
        1 => Just("lin".to_string()),
        1 => Just("sq".to_string()),
        1 => Just("%2C".to_string()),
        1 => Just("1%2c2".to_string()),
    ]
}

fn key_text() -> impl Strategy<Value = String> {
    prop_oneof![
        20 => prop_oneof![
            Just("k"),
            Just("p"),
            Just("logits"),
            Just("tau"),
            Just("n"),
            Just("seed"),
            Just("obj"),
            Just("f"),
            Just("sched"),
            Just("step"),
            Just("cost"),
        ]
        .prop_map(str::to_string),
        1 => Just("K".to_string()),
        1 => Just("tau ".to_string()),
        1 => Just(String::new()),
        1 => Just("<script>".to_string()),
        1 => "[a-z]{1,8}",
    ]
}

/// A `key=value&…` text: mostly real keys with lists of hostile numbers.
fn structured_state() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        3 => proptest::collection::vec(number_text(), 1..5).prop_map(|v| v.join(",")),
        1 => proptest::collection::vec(number_text(), 0..14).prop_map(|v| v.join(",")),
    ];
    let pair = (
        key_text(),
        value,
        prop_oneof![8 => Just("="), 1 => Just(""), 1 => Just("==")],
    )
        .prop_map(|(k, v, eq)| format!("{k}{eq}{v}"));
    let prefix = prop_oneof![Just(""), Just("#"), Just("?"), Just("#?#")];
    (
        prefix,
        proptest::collection::vec(pair, 0..10),
        any::<bool>(),
    )
        .prop_map(|(prefix, pairs, trailing)| {
            let mut text = format!("{prefix}{}", pairs.join("&"));
            if trailing {
                text.push('&');
            }
            text
        })
}

/// A valid state's link, then damaged: a value replaced, a key dropped or repeated, the text cut.
fn damaged_link() -> impl Strategy<Value = String> {
    (
        valid_settings(MIN_SAMPLES..=MAX_SAMPLES),
        0usize..16,
        number_text(),
        0usize..4,
        0usize..400,
    )
        .prop_map(|(s, which, replacement, how, cut)| {
            let text = to_state(&s);
            let mut pairs: Vec<String> = text.split('&').map(str::to_string).collect();
            let i = which % pairs.len();
            match how {
                0 => {
                    let key = pairs[i].split('=').next().unwrap_or("").to_string();
                    pairs[i] = format!("{key}={replacement}");
                }
                1 => {
                    pairs.remove(i);
                }
                2 => {
                    let copy = pairs[i].clone();
                    pairs.push(copy);
                }
                _ => {
                    let joined = pairs.join("&");
                    let end = joined
                        .char_indices()
                        .map(|(j, _)| j)
                        .nth(cut)
                        .unwrap_or(joined.len());
                    return joined[..end].to_string();
                }
            }
            pairs.join("&")
        })
}

#[test]
fn from_state_survives_near_valid_links() {
    let text = prop_oneof![3 => structured_state(), 2 => damaged_link()];
    run(
        "FROM_STATE_STRUCTURED",
        budget::FROM_STATE_STRUCTURED,
        text,
        |text| check_from_state(&text),
    );
}

#[test]
fn every_valid_state_survives_its_link() {
    run(
        "STATE_ROUND_TRIP",
        budget::STATE_ROUND_TRIP,
        valid_settings(MIN_SAMPLES..=MAX_SAMPLES),
        |s| {
            check_settings(&s)?;
            check_round_trip(&s)
        },
    );
}

/// The smallest failing inputs the properties above found, kept as plain regression tests.
#[test]
fn regressions_found_by_the_properties() {
    // A weight 1e-370 below another makes πᵢ = 0; changing k then failed with "probability 2
    // is 0", a value nobody typed.
    let mut m = Model::new();
    m.update(|s| s.set_probs(&[1.1470440433854303e174, 2.743988428351753e-196, 1.0]))
        .unwrap();
    m.update(|s| s.set_k(2)).unwrap();
    m.update(|s| s.set_k(5)).unwrap();
    assert_eq!(m.settings().k(), 5);
    // Logits more than f64::MAX apart, then more classes.
    m.update(|s| s.set_logits(&[-1e308, 1e308])).unwrap();
    m.update(|s| s.set_k(4)).unwrap();
    assert!(m.settings().logits().iter().all(|l| l.is_finite()));
    // The link spelled 1e-300 with 300 zeros and grew past the 2,000 characters it may have.
    let mut s = Settings::default();
    s.set_probs(&[1e-300; 10]).unwrap();
    let text = to_state(&s);
    assert!(text.len() < 500 && text.contains("1e-300"), "{text}");
    assert_eq!(to_state(&from_state(&text).unwrap()), text);
    // Messages spelled out every digit of 1e308 and of subnormals.
    let e = from_state("tau=1.1125369292536007e-308").unwrap_err();
    assert!(e.to_string().len() < 300, "{e}");
    let e = s.set_cost(0.0, 0.0, 1e308, 10.0).unwrap_err();
    assert!(e.to_string().contains("1e308"), "{e}");
}
