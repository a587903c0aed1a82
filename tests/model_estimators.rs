//! The estimator view's model: the default objective and the links that name none, the exact
//! curves computed once per π and objective (never on a τ change) in bounded slices, and the
//! table of what the figure draws.

use gumbel_explorer::model::settings::{ObjectiveKind, Settings};
use gumbel_explorer::model::url::{from_state, to_state};
use gumbel_explorer::model::{Model, View, ESTIMATORS_TABLE_HEADER, SWEEP_TAUS};

#[test]
fn a_new_page_differentiates_the_squared_distance() {
    let s = Settings::default();
    assert_eq!(*s.objective_kind(), ObjectiveKind::SquaredDistance);
    assert_eq!(s.objective_values(), &[0.45, 0.275, 0.275]);
    // A link written now names its objective and restores it.
    let text = to_state(&s);
    assert!(text.contains("&obj=sq&f=0.45,0.275,0.275&"), "{text}");
    assert_eq!(to_state(&from_state(&text).unwrap()), text);
}

#[test]
fn a_link_without_obj_still_opens_the_linear_payoff() {
    // Links that omit `obj` were read with the linear payoff, the default of the time; they
    // keep opening that view.
    for (link, k) in [
        ("#k=2&p=0.5,0.5&tau=0.1", 2),
        ("tau=2&seed=7", 3),
        ("k=5", 5),
    ] {
        let s = from_state(link).unwrap();
        assert_eq!(*s.objective_kind(), ObjectiveKind::Linear, "{link}");
        let c: Vec<f64> = (0..k).map(|i| i as f64 / (k - 1) as f64).collect();
        assert_eq!(s.objective_values(), &c[..], "{link}");
    }
    // Links that name it are unchanged, whichever they name.
    let s = from_state("k=3&obj=lin&f=3,-1,2").unwrap();
    assert_eq!(*s.objective_kind(), ObjectiveKind::Linear);
    assert_eq!(s.objective_values(), &[3.0, -1.0, 2.0]);
    let s = from_state("k=2&obj=sq").unwrap();
    assert_eq!(*s.objective_kind(), ObjectiveKind::SquaredDistance);
    assert_eq!(s.objective_values(), &[0.45, 0.55]);
    assert!(from_state("f=1,2,3").is_err());
}

/// Asks for the view's numbers (which starts the exact curves, as drawing the view does), then
/// runs the curves to the end in slices; returns the number of slices.
fn finish(m: &mut Model) -> usize {
    m.estimators_data().unwrap();
    let mut slices = 0;
    while m.refining() {
        m.refine(100_000);
        slices += 1;
        assert!(slices < 10_000, "the exact curves never finish");
    }
    slices
}

#[test]
fn exact_curves_are_computed_once_per_pi_and_objective_in_slices() {
    let mut m = Model::new();
    let first = m.estimators_data().unwrap();
    assert!(
        m.refining(),
        "at k = 3 the exact curves take several slices"
    );
    let slices = finish(&mut m);
    assert!(slices > 1, "{slices}");
    assert!(m.exact_worst_relative_error() <= 1e-6);
    let done = m.estimators_data().unwrap();
    let gs = &done.curves[4];
    assert_eq!(gs.name, "GS");
    assert!(gs.exact_bias.iter().all(|b| b.is_finite() && *b > 0.0));
    assert!(
        first.curves[4]
            .exact_bias
            .iter()
            .filter(|b| b.is_finite())
            .count()
            < SWEEP_TAUS
    );
    // A τ change reuses everything: nothing to refine, the same exact numbers.
    let before = m.inputs_fingerprint(View::Estimators);
    m.update(|s| s.set_tau(2.0)).unwrap();
    assert!(!m.refining());
    let moved = m.estimators_data().unwrap();
    assert_eq!(moved.curves[4].exact_bias, gs.exact_bias);
    assert_ne!(m.inputs_fingerprint(View::Estimators), before);
    // So does a new seed (only the Monte Carlo points change).
    m.update(|s| s.set_seed(9.0)).unwrap();
    let reseeded = m.estimators_data().unwrap();
    assert!(!m.refining());
    assert_eq!(
        reseeded.curves[5].exact_variance,
        moved.curves[5].exact_variance
    );
    assert_ne!(reseeded.curves[5].variance, moved.curves[5].variance);
    // A new π starts them again.
    m.update(|s| s.set_probs(&[0.3, 0.3, 0.4])).unwrap();
    m.estimators_data().unwrap();
    assert!(m.refining());
}

#[test]
fn unbiased_estimators_are_drawn_with_exact_bias_zero_and_no_noise_points() {
    for (objective, st_unbiased) in [
        (ObjectiveKind::Linear, true),
        (ObjectiveKind::SquaredDistance, false),
    ] {
        for k in [3, 5] {
            let mut m = Model::new();
            m.update(|s| {
                s.set_k(k)?;
                s.set_objective_kind(objective.clone());
                Ok(())
            })
            .unwrap();
            finish(&mut m);
            let d = m.estimators_data().unwrap();
            for (j, curve) in d.curves.iter().enumerate() {
                let unbiased = j < 3 || (j == 3 && st_unbiased);
                if unbiased {
                    assert!(curve.exact_bias.iter().all(|b| *b == 0.0), "{}", curve.name);
                    assert!(curve.bias.iter().all(|b| b.is_nan()), "{}", curve.name);
                } else {
                    assert!(curve.bias.iter().all(|b| b.is_finite()), "{}", curve.name);
                }
                // Exact variance wherever exactness is possible.
                let exact_everywhere = j < 4 || k <= 3;
                assert_eq!(
                    curve.exact_variance.iter().all(|v| v.is_finite()),
                    exact_everywhere,
                    "{} k = {k}",
                    curve.name
                );
            }
            let linear_note = d.notes.iter().any(|n| n.contains("ST is exact"));
            assert_eq!(linear_note, objective == ObjectiveKind::Linear);
            assert_eq!(d.notes.iter().any(|n| n.contains("k = 5")), k == 5);
        }
    }
}

#[test]
fn the_table_has_one_row_per_estimator_and_tau() {
    let mut m = Model::new();
    m.update(|s| s.set_k(5)).unwrap();
    finish(&mut m);
    let (header, rows) = m.estimators_table().unwrap();
    assert_eq!(header, ESTIMATORS_TABLE_HEADER.to_vec());
    assert_eq!(rows.len(), 6 * SWEEP_TAUS);
    let names = ["SF", "SF+baseline", "SF+b*", "ST", "GS", "ST-GS"];
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), 7);
        assert_eq!(row[0], names[i / SWEEP_TAUS]);
        for cell in &row[1..6] {
            let v: f64 = cell.parse().unwrap_or_else(|_| panic!("{cell}"));
            assert!(v.is_finite() && v >= 0.0, "{row:?}");
            // Plain decimals or 1.2e-5 notation, nothing typeset.
            assert!(
                cell.chars()
                    .all(|c| c.is_ascii_digit() || ".e-".contains(c)),
                "{cell}"
            );
        }
        let exact = !(row[0] == "GS" || row[0] == "ST-GS");
        assert_eq!(row[6], if exact { "yes" } else { "no" }, "{row:?}");
        if row[0].starts_with("SF") {
            assert_eq!(row[2], "0");
        }
    }
    let csv = m.estimators_csv().unwrap();
    assert!(csv.starts_with("estimator,tau,bias,bias_se,variance,variance_se,exact\nSF,0.01,0,0,"));
    assert_eq!(csv.lines().count(), 1 + 6 * SWEEP_TAUS);
    // At k = 3 every row is exact once the curves are done.
    let mut m = Model::new();
    finish(&mut m);
    let (_, rows) = m.estimators_table().unwrap();
    assert!(rows.iter().all(|r| r[6] == "yes"));
}
