//! The tables behind the figures: every view has one, its header names and row counts are as
//! documented, every number reads back in plain decimal or `1.2e-5` notation, the values are
//! the model's own numbers, and the fingerprint changes exactly when a table can.

use gumbel_explorer::i18n::Lang;
use gumbel_explorer::math::density::log_density;
use gumbel_explorer::model::table_curves::SCHEDULE_ROWS;
use gumbel_explorer::model::table_estimators::ESTIMATOR_COLUMNS;
use gumbel_explorer::model::tables::{table_note, Table};
use gumbel_explorer::model::{Model, View, SWEEP_TAUS};

fn model_with_k(k: usize) -> Model {
    let mut m = Model::new();
    m.update(|s| s.set_k(k)).unwrap();
    m
}

fn table(m: &mut Model, view: View) -> Table {
    m.table(view)
        .unwrap_or_else(|e| panic!("{}: {e}", view.name()))
}

fn column(t: &Table, name: &str) -> usize {
    t.headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", t.headers))
}

/// The numbers of column `name` as the CSV writes them, read back.
fn numbers(t: &Table, name: &str) -> Vec<f64> {
    let c = column(t, name);
    t.rows
        .iter()
        .map(|r| r[c].text().parse::<f64>().unwrap_or(f64::NAN))
        .collect()
}

/// A cell is empty, a name, or a number in plain decimals or `m e n` notation that `parse`
/// reads back (no typeset minus, no `·10ⁿ`, no thousands separators).
fn check_cell(text: &str, where_: &str) {
    // A list of numbers (the training table's π) is checked number by number.
    if text.contains(';') {
        text.split(';').for_each(|part| check_cell(part, where_));
        return;
    }
    if text.is_empty()
        || text
            .chars()
            .all(|c| c.is_ascii_alphabetic() || "+-*".contains(c))
    {
        return;
    }
    assert!(
        text.chars()
            .all(|c| c.is_ascii_digit() || ".-e".contains(c)),
        "{where_}: {text:?} is neither plain decimal nor 1.2e-5 notation"
    );
    let v: f64 = text
        .parse()
        .unwrap_or_else(|_| panic!("{where_}: {text:?} does not read back as a number"));
    assert!(v.is_finite(), "{where_}: {text:?}");
    let mantissa = text.split('e').next().unwrap_or("");
    // Significant digits: six for a measured number, up to seven for a count (N ≤ 10⁶).
    let digits = mantissa
        .trim_start_matches(['-', '0', '.'])
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    assert!(
        digits <= 7,
        "{where_}: {text:?} has more digits than a table keeps"
    );
}

fn check_shape(t: &Table, what: &str) {
    assert!(!t.headers.is_empty(), "{what}: no columns");
    for (i, h) in t.headers.iter().enumerate() {
        assert!(
            !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{what}: header {h:?} is not a plain column name"
        );
        assert!(!t.headers[..i].contains(h), "{what}: header {h} twice");
    }
    let csv = t.to_csv();
    assert_eq!(csv.lines().count(), t.rows.len() + 1, "{what}: CSV lines");
    assert_eq!(csv.lines().next(), Some(t.headers.join(",").as_str()));
    for (r, row) in t.rows.iter().enumerate() {
        assert_eq!(row.len(), t.headers.len(), "{what}: row {r} length");
        for (c, cell) in row.iter().enumerate() {
            check_cell(&cell.text(), &format!("{what} row {r} {}", t.headers[c]));
        }
    }
}

#[test]
fn every_view_has_a_rectangular_table_of_readable_numbers_at_several_k() {
    for k in [2, 3, 5] {
        let mut m = model_with_k(k);
        for view in View::ALL {
            let t = table(&mut m, view);
            check_shape(&t, &format!("{} at k = {k}", view.name()));
            assert!(!t.rows.is_empty(), "{} at k = {k}: no rows", view.name());
            for lang in Lang::ALL {
                assert!(!table_note(view, k, lang).is_empty());
            }
        }
    }
}

#[test]
fn row_counts_follow_k_and_the_figures() {
    for k in [2, 3, 5] {
        let mut m = model_with_k(k);
        let rows = |m: &mut Model, v: View| table(m, v).rows.len();
        assert_eq!(rows(&mut m, View::GumbelMax), k);
        assert_eq!(rows(&mut m, View::Expectation), k);
        assert_eq!(rows(&mut m, View::StraightThrough), k);
        assert_eq!(rows(&mut m, View::Figure1), 4 * k);
        let components = table(&mut m, View::Components);
        assert_eq!(components.headers.len(), 2 + k);
        assert_eq!(components.rows.len(), m.components_data().counts[0].len());
        let strip = table(&mut m, View::Strip);
        assert_eq!(strip.rows.len(), m.strip_data().samples.len());
        assert_eq!(strip.headers.len(), 2 + k);
        let density = rows(&mut m, View::Density);
        match k {
            2 => assert_eq!(density, m.components_data().counts[0].len()),
            // The interior points of a grid of step 1/10: C(9, 2).
            3 => assert_eq!(density, 36),
            _ => assert_eq!(density, k),
        }
        assert_eq!(rows(&mut m, View::Annealing), SCHEDULE_ROWS + 1);
        let cost = m.cost_data();
        assert_eq!(
            rows(&mut m, View::Cost),
            cost.curve.len() + cost.paper.len() + 1
        );
    }
}

#[test]
fn the_estimator_table_has_the_named_columns_and_one_row_per_estimator_and_tau() {
    let mut m = Model::new();
    let t = table(&mut m, View::Estimators);
    let header = "estimator,tau,bias,bias_se,variance,variance_se,exact";
    assert_eq!(t.headers.join(","), header);
    assert_eq!(t.headers, ESTIMATOR_COLUMNS);
    let names = ["SF", "SF+baseline", "SF+b*", "ST", "GS", "ST-GS"];
    assert_eq!(t.rows.len(), names.len() * SWEEP_TAUS);
    for name in names {
        let rows = t.rows.iter().filter(|r| r[0].text() == name).count();
        assert_eq!(rows, SWEEP_TAUS, "{name}");
    }
    // The page's table writes the model's rows, numbers to six significant digits.
    let (_, rows) = m.estimators_table().unwrap();
    assert_eq!(rows.len(), t.rows.len());
    for (row, want) in t.rows.iter().zip(&rows) {
        assert_eq!(row[0].text(), want[0]);
        assert_eq!(row[6].text(), want[6]);
        assert!(["yes", "no"].contains(&want[6].as_str()), "{want:?}");
        for c in 1..=5 {
            let got: f64 = row[c].text().parse().unwrap_or(f64::NAN);
            let expected: f64 = want[c].parse().unwrap_or(f64::NAN);
            if expected.is_nan() {
                assert!(row[c].text().is_empty() || got.is_nan(), "{want:?}");
            } else {
                assert!(
                    (got - expected).abs() <= 1e-5 * expected.abs(),
                    "{want:?}: column {c} {got} vs {expected}"
                );
            }
        }
    }
    // The exact rows are marked: at k = 3 every line of the figure is exact.
    assert!(rows.iter().any(|r| r[6] == "yes"));
}

#[test]
fn sample_tables_hold_the_figures_numbers() {
    let mut m = Model::new();
    let n = m.summary().n as f64;
    let mean = m.summary().mean.clone();
    let counts = m.summary().counts.clone();
    let g = table(&mut m, View::GumbelMax);
    let table_counts = numbers(&g, "count");
    assert_eq!(table_counts.iter().sum::<f64>(), n);
    for (i, f) in numbers(&g, "frequency").iter().enumerate() {
        assert_eq!(table_counts[i], counts[i] as f64);
        assert!((f - counts[i] as f64 / n).abs() <= 5e-6 * f);
    }
    let e = table(&mut m, View::Expectation);
    for (i, v) in numbers(&e, "mean_y").iter().enumerate() {
        assert!((v - mean[i]).abs() <= 5e-6 * mean[i], "{v} vs {}", mean[i]);
    }
    // Each histogram's fractions add up to 1 (every draw falls in one bin).
    let c = table(&mut m, View::Components);
    for i in 1..=3 {
        let total: f64 = numbers(&c, &format!("fraction_y{i}")).iter().sum();
        assert!((total - 1.0).abs() < 1e-4, "y{i}: {total}");
    }
    // The one draw shown: its forward value is one-hot at the argmax of y.
    let st = table(&mut m, View::StraightThrough);
    let soft = numbers(&st, "soft_y");
    let hard = numbers(&st, "forward_z");
    let top = (0..soft.len())
        .max_by(|&a, &b| soft[a].total_cmp(&soft[b]))
        .unwrap();
    for (i, z) in hard.iter().enumerate() {
        assert_eq!(*z, if i == top { 1.0 } else { 0.0 });
    }
}

#[test]
fn density_tables_agree_with_the_density() {
    // k = 2: the exact column is the CDF's increment per bin, so it integrates to 1, as the
    // sampled histogram does.
    let mut m = model_with_k(2);
    let t = table(&mut m, View::Density);
    let width = 1.0 / t.rows.len() as f64;
    for name in ["exact_density", "sampled_density"] {
        let total: f64 = numbers(&t, name).iter().map(|d| d * width).sum();
        assert!((total - 1.0).abs() < 1e-4, "{name}: {total}");
    }
    // k = 3: each grid value is ln p at that point.
    let mut m = Model::new();
    let t = table(&mut m, View::Density);
    let logits = m.settings().logits().to_vec();
    let tau = m.settings().tau();
    let (y1, y2, y3, lp) = (
        numbers(&t, "y1"),
        numbers(&t, "y2"),
        numbers(&t, "y3"),
        numbers(&t, "log_density"),
    );
    for r in 0..t.rows.len() {
        let y = [y1[r], y2[r], y3[r]];
        assert!((y.iter().sum::<f64>() - 1.0).abs() < 1e-9 && y.iter().all(|v| *v > 0.0));
        let want = log_density(&logits, tau, &y).unwrap();
        assert!((lp[r] - want).abs() <= 1e-5 * want.abs().max(1.0));
    }
    // k = 5: every drawn sample is counted under exactly one class.
    let mut m = model_with_k(5);
    let t = table(&mut m, View::Density);
    let drawn = m.summary().overlay.len() / 5;
    assert_eq!(numbers(&t, "points").iter().sum::<f64>(), drawn as f64);
}

#[test]
fn fingerprints_change_when_and_only_when_a_table_can() {
    let mut m = Model::new();
    let before: Vec<u64> = View::ALL.iter().map(|&v| m.table_fingerprint(v)).collect();
    let again: Vec<u64> = View::ALL.iter().map(|&v| m.table_fingerprint(v)).collect();
    assert_eq!(before, again);
    let estimators_csv = table(&mut m, View::Estimators).to_csv();
    m.update(|s| s.set_tau(2.0)).unwrap();
    // The estimator table depends on π, the objective and the seed, not on τ.
    assert_eq!(m.table_fingerprint(View::Estimators), before[7]);
    assert_eq!(table(&mut m, View::Estimators).to_csv(), estimators_csv);
    assert_ne!(m.table_fingerprint(View::Density), before[5]);
    assert_ne!(m.table_fingerprint(View::Expectation), before[2]);
    assert_eq!(m.table_fingerprint(View::GumbelMax), before[0]);
    m.update(|s| s.set_probs(&[1.0, 1.0, 1.0])).unwrap();
    assert_ne!(m.table_fingerprint(View::Estimators), before[7]);
    assert_ne!(m.table_fingerprint(View::GumbelMax), before[0]);
}
