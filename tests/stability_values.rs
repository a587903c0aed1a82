//! Value stability (test tier 2): a fixed seed gives fixed numbers, natively and in the
//! browser alike. Included with `#[path]` by `tests/math_stability.rs` (native) and by the
//! wasm-bindgen browser test, so it uses nothing but the math core, `rand` and `rand_pcg`
//! (no test harness). The constants were recorded from a native run (exp and ln from the
//! `libm` crate, as in the browser); if they change, the sampler's stream changed and every
//! shared link with a seed would show different draws.
#![allow(dead_code)]

use gumbel_explorer::math::GumbelSoftmax;
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
