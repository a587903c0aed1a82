//! Value stability (test tier 2): a fixed seed gives fixed numbers, natively and in the
//! browser alike. A support module, not a test binary: `mod stability_values;` in
//! `tests/math_stability.rs` (native) and in the wasm-bindgen browser test `tests/web.rs`, so
//! it uses nothing but the math core, `rand` and `rand_pcg` (no test harness). The constants
//! were recorded from a native run (exp and ln from the `libm` crate, as in the browser); if
//! they change, the sampler's stream (or the estimator sweep built on it) changed and every
//! shared link with a seed would show different numbers.
#![allow(dead_code)]

use gumbel_explorer::math::{variance_sweep, GumbelSoftmax, Objective};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

/// The seed of the stability draws.
pub const SEED: u64 = 20170101;

/// Five relaxed draws y (k = 4, π = (0.1, 0.2, 0.3, 0.4), τ = 0.5), then the categories of
/// five Gumbel-Max draws from the continuing stream, as f64, in a sixth row.
pub fn stability_draws() -> Vec<Vec<f64>> {
    let mut rng = Pcg64Mcg::seed_from_u64(SEED);
    let dist = match GumbelSoftmax::from_probs(&[0.1, 0.2, 0.3, 0.4], 0.5) {
        Ok(dist) => dist,
        Err(e) => return vec![vec![f64::NAN], vec![e.to_string().len() as f64]],
    };
    let mut rows = Vec::with_capacity(6);
    for _ in 0..5 {
        let mut y = vec![0.0; 4];
        dist.sample_to_slice(&mut rng, &mut y);
        rows.push(y);
    }
    rows.push(
        (0..5)
            .map(|_| dist.sample_category(&mut rng) as f64)
            .collect(),
    );
    rows
}

/// The five draws y recorded from the first run.
pub const EXPECTED: [[f64; 4]; 5] = [
    [
        0.6821198005947996,
        0.03499215243911597,
        0.23602949481292335,
        0.04685855215316125,
    ],
    [
        0.021446995305170212,
        0.04990497701645852,
        0.858489534967637,
        0.07015849271073432,
    ],
    [
        0.0014140515497502012,
        0.03644073126513202,
        0.9442135106384913,
        0.01793170654662655,
    ],
    [
        0.009921065745714218,
        0.1507743633387192,
        0.7308297037133483,
        0.1084748672022182,
    ],
    [
        0.01049938205749094,
        0.15187944428683126,
        0.7130692602151677,
        0.12455191344051007,
    ],
];

/// The five categories recorded from the first run.
pub const EXPECTED_CATEGORIES: [usize; 5] = [3, 2, 2, 2, 3];

/// The temperatures of the recorded estimator sweep.
pub const SWEEP_TAUS: [f64; 3] = [0.1, 0.5, 2.0];

/// (bias, variance) of each estimator (in the order of `Estimator::ALL`) at each of
/// [`SWEEP_TAUS`], from a sweep of 64 samples with logits (−1, 0, 0.5) and the squared
/// distance to (0.45, 0.3, 0.25), seeded with [`SEED`]. Empty if the sweep fails.
pub fn sweep_values() -> Vec<Vec<[f64; 2]>> {
    let objective = Objective::SquaredDistance {
        target: vec![0.45, 0.3, 0.25],
    };
    let mut rng = Pcg64Mcg::seed_from_u64(SEED);
    match variance_sweep(&[-1.0, 0.0, 0.5], &objective, &SWEEP_TAUS, 64, &mut rng) {
        Ok(sweep) => sweep
            .rows
            .iter()
            .map(|row| row.points.iter().map(|p| [p.bias, p.variance]).collect())
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// The (bias, variance) pairs of [`sweep_values`] recorded from the first run, one row per
/// estimator (SF, SF+baseline, ST, GS, ST-GS, SF+b*); the τ-independent rows repeat their point.
pub const EXPECTED_SWEEP: [[[f64; 2]; 3]; 6] = [
    // SF
    [
        [0.05477060755355492, 0.3066698898178345],
        [0.05477060755355492, 0.3066698898178345],
        [0.05477060755355492, 0.3066698898178345],
    ],
    // SF+baseline
    [
        [0.027067490416319596, 0.01877862476148529],
        [0.027067490416319596, 0.01877862476148529],
        [0.027067490416319596, 0.01877862476148529],
    ],
    // ST
    [
        [0.12229949888810572, 0.29965407230342767],
        [0.12229949888810572, 0.29965407230342767],
        [0.12229949888810572, 0.29965407230342767],
    ],
    // GS
    [
        [0.12201860209538257, 0.524936630205163],
        [0.04520400788765649, 0.10137341854176465],
        [0.01660318174861338, 0.008387079632565493],
    ],
    // ST-GS
    [
        [0.3450866014163892, 2.2069132729842287],
        [0.09610868771635318, 0.47315586735040305],
        [0.03671078162128126, 0.08354435971021572],
    ],
    // SF+b*
    [
        [0.020958799320422883, 0.013826745744650966],
        [0.020958799320422883, 0.013826745744650966],
        [0.020958799320422883, 0.013826745744650966],
    ],
];
