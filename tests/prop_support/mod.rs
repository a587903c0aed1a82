//! Shared by the property tests (`tests/prop_*.rs`): a deterministic runner, the hostile-number
//! strategies, and the case budget of every property in one table (what a verdict must say is
//! in `verdict.rs`).
//!
//! Every property runs on a `proptest` runner whose generator is seeded from the property's
//! name, so a run is reproducible without any environment variable, and failures are not
//! persisted to files. The case counts are fixed here (they ignore `PROPTEST_CASES`), and
//! `BUDGET` adds them up: the suite runs at least 100,000 generated cases.

#![allow(dead_code)]

use gumbel_explorer::math::annealing::AnnealingSchedule;
use gumbel_explorer::model::settings::{
    ClassInput, ModelError, ObjectiveKind, Settings, MAX_COST_K, MAX_SEED, MAX_TAU, MIN_TAU,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

pub mod verdict;

/// Cases of every property, by file. `prop_math.rs` checks that they add up to at least
/// 100,000.
pub mod budget {
    // prop_math.rs
    pub const GUMBEL_CONSTRUCTORS: u32 = 16_000;
    pub const WITH_TAU_AND_DENSITY: u32 = 8_000;
    pub const FREE_LOG_DENSITY: u32 = 4_000;
    pub const SAMPLING_BUFFERS: u32 = 6_000;
    pub const EXTREME_TAU_DRAWS: u32 = 4_000;
    pub const RELAX: u32 = 6_000;
    pub const BINARY: u32 = 8_000;
    pub const CHI_SQUARE: u32 = 5_000;
    pub const KS: u32 = 5_000;
    pub const OBJECTIVE_AND_GRADIENT: u32 = 6_000;
    pub const ESTIMATE: u32 = 4_000;
    pub const VARIANCE_SWEEP: u32 = 1_500;
    pub const ANNEALING: u32 = 5_000;
    pub const SPEEDUP: u32 = 5_000;
    pub const SIMPLEX: u32 = 5_000;
    pub const RASTER: u32 = 1_500;
    // prop_model.rs
    pub const SETTERS: u32 = 4_000;
    pub const FROM_STATE_BYTES: u32 = 5_000;
    pub const FROM_STATE_UNICODE: u32 = 3_000;
    pub const FROM_STATE_STRUCTURED: u32 = 8_000;
    pub const STATE_ROUND_TRIP: u32 = 2_000;
    // prop_views.rs
    pub const DRAW_EVERY_VIEW: u32 = 1_000;
    pub const DRAW_ANY_NUMBERS: u32 = 2_000;
}

/// Every property's name and case count.
pub const BUDGET: &[(&str, u32)] = &[
    ("GUMBEL_CONSTRUCTORS", budget::GUMBEL_CONSTRUCTORS),
    ("WITH_TAU_AND_DENSITY", budget::WITH_TAU_AND_DENSITY),
    ("FREE_LOG_DENSITY", budget::FREE_LOG_DENSITY),
    ("SAMPLING_BUFFERS", budget::SAMPLING_BUFFERS),
    ("EXTREME_TAU_DRAWS", budget::EXTREME_TAU_DRAWS),
    ("RELAX", budget::RELAX),
    ("BINARY", budget::BINARY),
    ("CHI_SQUARE", budget::CHI_SQUARE),
    ("KS", budget::KS),
    ("OBJECTIVE_AND_GRADIENT", budget::OBJECTIVE_AND_GRADIENT),
    ("ESTIMATE", budget::ESTIMATE),
    ("VARIANCE_SWEEP", budget::VARIANCE_SWEEP),
    ("ANNEALING", budget::ANNEALING),
    ("SPEEDUP", budget::SPEEDUP),
    ("SIMPLEX", budget::SIMPLEX),
    ("RASTER", budget::RASTER),
    ("SETTERS", budget::SETTERS),
    ("FROM_STATE_BYTES", budget::FROM_STATE_BYTES),
    ("FROM_STATE_UNICODE", budget::FROM_STATE_UNICODE),
    ("FROM_STATE_STRUCTURED", budget::FROM_STATE_STRUCTURED),
    ("STATE_ROUND_TRIP", budget::STATE_ROUND_TRIP),
    ("DRAW_EVERY_VIEW", budget::DRAW_EVERY_VIEW),
    ("DRAW_ANY_NUMBERS", budget::DRAW_ANY_NUMBERS),
];

/// The total number of generated cases across the property files.
pub fn total_cases() -> u64 {
    BUDGET.iter().map(|&(_, n)| n as u64).sum()
}

/// A 32-byte ChaCha seed from the property's name (FNV-1a, spread over four words).
fn seed_for(name: &str) -> [u8; 32] {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let mut seed = [0u8; 32];
    for (i, chunk) in seed.chunks_exact_mut(8).enumerate() {
        h = h
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(i as u64 + 1);
        chunk.copy_from_slice(&h.to_le_bytes());
    }
    seed
}

/// Runs `test` on `cases` values of `strategy` with a generator seeded from `name`; panics
/// with the smallest failing input found if any case fails or panics.
pub fn run<S, F>(name: &str, cases: u32, strategy: S, test: F)
where
    S: Strategy,
    S::Value: std::fmt::Debug,
    F: Fn(S::Value) -> Result<(), TestCaseError>,
{
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_for(name));
    let mut runner = TestRunner::new_with_rng(config, rng);
    if let Err(e) = runner.run(&strategy, test) {
        panic!("property {name} failed: {e}");
    }
}

/// Any float, with the awkward ones much more likely than in a uniform draw: NaN, ±∞, ±0, a
/// subnormal, ±1e308, and tiny positives.
pub fn hostile() -> impl Strategy<Value = f64> + Clone {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-0.0),
        Just(f64::MIN_POSITIVE / 2.0),
        Just(1e308),
        Just(-1e308),
        any::<f64>(),
        -100.0..100.0f64,
        1e-300..1e-200f64,
    ]
}

/// A positive finite float spread over the whole exponent range (log-uniform).
pub fn log_uniform(lo_exp: f64, hi_exp: f64) -> impl Strategy<Value = f64> + Clone {
    (lo_exp..hi_exp).prop_map(|e| 10f64.powf(e))
}

/// Mostly ordinary numbers, sometimes hostile ones: vectors of these are often valid, so
/// both the Ok and the Err branches are exercised.
pub fn mostly_finite() -> impl Strategy<Value = f64> + Clone {
    prop_oneof![1 => hostile(), 6 => -100.0..100.0f64, 1 => log_uniform(-300.0, 300.0)]
}

/// Mostly positive weights over the whole range, sometimes hostile ones.
pub fn mostly_positive() -> impl Strategy<Value = f64> + Clone {
    prop_oneof![
        1 => hostile(),
        4 => log_uniform(-300.0, 300.0),
        4 => 1e-3..10.0f64,
    ]
}

/// A vector length from {0, 1, 2, 3, 10, 64, 257, 10 000}, the big ones rarely.
pub fn length() -> impl Strategy<Value = usize> + Clone {
    prop_oneof![
        6 => Just(0usize),
        8 => Just(1usize),
        20 => Just(2usize),
        20 => Just(3usize),
        12 => Just(10usize),
        4 => Just(64usize),
        2 => Just(257usize),
        1 => Just(10_000usize),
    ]
}

/// A vector whose length comes from [`length`] and whose elements come from `element`.
pub fn vec_of<S>(element: S) -> impl Strategy<Value = Vec<f64>>
where
    S: Strategy<Value = f64> + Clone,
{
    length().prop_flat_map(move |n| proptest::collection::vec(element.clone(), n))
}

/// A vector of exactly `n` elements.
pub fn vec_n<S>(element: S, n: usize) -> impl Strategy<Value = Vec<f64>>
where
    S: Strategy<Value = f64>,
{
    proptest::collection::vec(element, n)
}

/// Whether `v` is a point of the simplex: finite, non-negative, summing to 1 within 1e-9.
pub fn on_simplex(v: &[f64]) -> bool {
    !v.is_empty()
        && v.iter().all(|x| x.is_finite() && *x >= 0.0)
        && (v.iter().sum::<f64>() - 1.0).abs() <= 1e-9
}

/// Valid settings over the whole accepted range: π with ratios down to 1e-300, τ at both ends,
/// the largest seed and step, extreme schedules and costs; N within `samples`.
pub fn valid_settings(samples: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Settings> {
    let probs = (2usize..=10).prop_flat_map(|k| {
        prop_oneof![
            vec_n(log_uniform(-300.0, 300.0), k),
            vec_n(log_uniform(-150.0, 0.0), k),
            vec_n(1e-3..1.0f64, k),
        ]
    });
    let logits = (2usize..=10).prop_flat_map(|k| vec_n(-1e6..1e6f64, k));
    let classes = prop_oneof![
        probs.prop_map(ClassInput::Probs),
        logits.prop_map(ClassInput::Logits)
    ];
    let tau = prop_oneof![Just(MIN_TAU), Just(MAX_TAU), log_uniform(-3.0, 3.0)];
    let seed = prop_oneof![Just(0u64), Just(MAX_SEED), 0..=MAX_SEED];
    let samples = prop_oneof![Just(*samples.start()), Just(*samples.end()), samples];
    let schedule = (
        log_uniform(-300.0, 300.0),
        prop_oneof![Just(0.0), log_uniform(-300.0, 300.0)],
        log_uniform(-300.0, 300.0),
        prop_oneof![Just(1u64), 1u64..=1_000_000_000],
    );
    let cost = (
        prop_oneof![Just(0.0), log_uniform(-300.0, 9.0)],
        prop_oneof![Just(0.0), log_uniform(-300.0, 9.0)],
        log_uniform(-300.0, 9.0),
        2u32..=MAX_COST_K,
    );
    (
        classes,
        tau,
        seed,
        samples,
        (any::<bool>(), proptest::collection::vec(-1e6..1e6f64, 10)),
        schedule,
        0u64..=1_000_000_000_000,
        cost,
    )
        .prop_map(
            |(classes, tau, seed, samples, (linear, values), sch, step, cost)| {
                let mut s = Settings::default();
                let k = match &classes {
                    ClassInput::Probs(p) => p.len(),
                    ClassInput::Logits(l) => l.len(),
                };
                let kind = if linear {
                    ObjectiveKind::Linear
                } else {
                    ObjectiveKind::SquaredDistance
                };
                let results = [
                    s.set_tau(tau),
                    match &classes {
                        ClassInput::Probs(p) => s.set_probs(p),
                        ClassInput::Logits(l) => s.set_logits(l),
                    },
                    s.set_seed(seed as f64),
                    s.set_samples(samples as f64),
                    s.set_objective(kind, &values[..k]),
                    AnnealingSchedule::new(sch.0, sch.1, sch.2, sch.3)
                        .map(|a| s.set_schedule(a))
                        .map_err(ModelError::from),
                    s.set_step(step as f64),
                    s.set_cost(cost.0, cost.1, cost.2, cost.3 as f64),
                ];
                for r in results {
                    r.expect("valid settings by construction");
                }
                s
            },
        )
}
