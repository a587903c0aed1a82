//! Tier 2: value stability of the sampler stream and of the estimator sweep built on it (see
//! `stability_values/mod.rs`).

mod stability_values;

use stability_values::{
    stability_draws, sweep_values, EXPECTED, EXPECTED_CATEGORIES, EXPECTED_SWEEP, SWEEP_TAUS,
};

#[test]
fn draws_match_recorded_values() {
    let draws = stability_draws();
    // Printed with full precision to re-record the constants if the stream ever changes on
    // purpose.
    for row in &draws {
        println!("{row:?}");
    }
    assert_eq!(draws.len(), 6, "five draws and one row of categories");
    for (i, (row, expected)) in draws.iter().zip(EXPECTED.iter()).enumerate() {
        assert_eq!(row.len(), 4);
        for (a, b) in row.iter().zip(expected) {
            // Bit for bit: exp and ln come from one implementation on every target, so the
            // browser test (tests/web.rs) holds the same draws to the same constants.
            assert_eq!(
                a.to_bits(),
                b.to_bits(),
                "draw {i}: {a:e} differs from the recorded {b:e}"
            );
        }
        assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-15);
    }
    let categories: Vec<usize> = draws[5].iter().map(|&c| c as usize).collect();
    assert_eq!(categories, EXPECTED_CATEGORIES);
}

#[test]
fn sweep_matches_recorded_values() {
    let rows = sweep_values();
    assert_eq!(rows.len(), EXPECTED_SWEEP.len(), "one row per estimator");
    for (row, (expected, name)) in rows.iter().zip(EXPECTED_SWEEP.iter().zip([
        "SF",
        "SF+baseline",
        "ST",
        "GS",
        "ST-GS",
        "SF+b*",
    ])) {
        assert_eq!(row.len(), expected.len());
        for ((point, want), tau) in row.iter().zip(expected).zip(SWEEP_TAUS) {
            for (a, b) in point.iter().zip(want) {
                // Bit for bit, as the draws: the sweep is the sampler's stream plus exp.
                assert_eq!(
                    a.to_bits(),
                    b.to_bits(),
                    "{name} at τ = {tau}: {a:e} differs from the recorded {b:e}"
                );
            }
        }
    }
}
