//! Tier 3: the log density against 360 reference values from
//! `tests/data/relaxed_one_hot_log_prob.csv` (PyTorch's RelaxedOneHotCategorical.log_prob in
//! float64; `tests/data/README.md` says how they were made). Required agreement:
//! 1e-9 · max(1, |reference|).

use gumbel_explorer::math::{log_density, GumbelSoftmax};

struct Row {
    case: String,
    tau: f64,
    logits: Vec<f64>,
    y: Vec<f64>,
    log_prob: f64,
}

fn parse_list(field: &str, what: &str, case: &str) -> Vec<f64> {
    field
        .split(';')
        .map(|v| {
            v.trim()
                .parse()
                .unwrap_or_else(|e| panic!("case {case}: bad {what} value {v:?}: {e}"))
        })
        .collect()
}

fn rows() -> Vec<Row> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/relaxed_one_hot_log_prob.csv"
    );
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("reference data missing: cannot read {path}: {e}"));
    let mut lines = text.lines();
    let header = lines.next().expect("reference CSV is empty");
    assert_eq!(
        header.trim(),
        "case,k,tau,logits,y,log_prob",
        "unexpected CSV header"
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            assert_eq!(f.len(), 6, "bad CSV line {line:?}");
            let case = f[0].to_string();
            let k: usize = f[1].parse().expect("k");
            let row = Row {
                tau: f[2].parse().expect("tau"),
                logits: parse_list(f[3], "logit", &case),
                y: parse_list(f[4], "y", &case),
                log_prob: f[5].parse().expect("log_prob"),
                case,
            };
            assert_eq!(
                row.logits.len(),
                k,
                "case {}: k disagrees with logits",
                row.case
            );
            assert_eq!(row.y.len(), k, "case {}: k disagrees with y", row.case);
            row
        })
        .collect()
}

#[test]
fn every_reference_row_agrees() {
    let rows = rows();
    assert_eq!(rows.len(), 360, "expected 360 reference rows");
    let mut worst = 0.0f64;
    for row in &rows {
        let tolerance = 1e-9 * row.log_prob.abs().max(1.0);
        let dist = GumbelSoftmax::new(&row.logits, row.tau)
            .unwrap_or_else(|e| panic!("case {}: {e}", row.case));
        let ours = dist
            .log_density(&row.y)
            .unwrap_or_else(|e| panic!("case {}: {e}", row.case));
        let free = log_density(&row.logits, row.tau, &row.y)
            .unwrap_or_else(|e| panic!("case {}: {e}", row.case));
        let log_y: Vec<f64> = row.y.iter().map(|v| v.ln()).collect();
        let from_log = dist
            .log_density_from_log(&log_y)
            .unwrap_or_else(|e| panic!("case {}: {e}", row.case));
        for (name, value) in [("method", ours), ("free fn", free), ("from log", from_log)] {
            let err = (value - row.log_prob).abs();
            assert!(
                err <= tolerance,
                "case {} ({name}): log p = {value:e}, reference {:e}, error {err:e}",
                row.case,
                row.log_prob
            );
            worst = worst.max(err / row.log_prob.abs().max(1.0));
        }
    }
    println!("worst relative error {worst:e}");
}
