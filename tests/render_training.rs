//! SVG render tests of the training-side figures: estimator bias and variance against τ.

mod render_support;

use gumbel_explorer::render::*;
use render_support::{has_text, hex, svg, texts, try_svg};

fn log_grid(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| lo * (hi / lo).powf(i as f64 / (n - 1) as f64))
        .collect()
}

/// Plausible curves for the REBAR toy (MATH.md §5): flat lines for the estimators that ignore τ,
/// the Gumbel-Softmax bias growing and its variance falling with τ.
fn estimators_data() -> EstimatorsData {
    let taus = log_grid(0.1, 10.0, 13);
    let flat = |v: f64| vec![v; taus.len()];
    let curve = |name: &str, bias: Vec<f64>, variance: Vec<f64>| EstimatorCurve {
        name: name.to_string(),
        bias_se: bias.iter().map(|b| b * 0.1).collect(),
        variance_se: variance.iter().map(|v| v * 0.05).collect(),
        bias,
        variance,
    };
    let gs_bias: Vec<f64> = taus.iter().map(|t| 0.025 * t / (1.0 + t)).collect();
    EstimatorsData {
        curves: vec![
            curve("SF", flat(4e-4), flat(0.0159)),
            curve("SF + baseline", flat(3e-4), flat(0.0021)),
            curve("ST", flat(0.0125), flat(0.004)),
            curve(
                "GS",
                gs_bias.clone(),
                taus.iter().map(|t| 0.008 / t).collect(),
            ),
            curve("ST-GS", gs_bias, taus.iter().map(|t| 0.04 / t).collect()),
        ],
        taus,
        current_tau: 0.5,
        exact: vec![0.025, -0.025],
    }
}

#[test]
fn estimators_draw_two_log_log_panels_with_a_legend() {
    let d = estimators_data();
    for (name, size, scale) in [
        ("estimators", (640, 400), 1.0),
        ("estimators@2x", (1280, 800), 2.0),
        ("estimators_tall", (400, 640), 1.0),
    ] {
        let s = svg(name, size, scale, |a, t| draw_estimators(a, &d, t));
        for c in &d.curves {
            assert_eq!(texts(&s, &c.name), 1, "{name}: legend entry {}", c.name);
        }
        assert!(
            has_text(&s, "exact gradient ∇F = (0.025, −0.025)"),
            "{name}"
        );
        assert_eq!(texts(&s, "τ = 0.5"), 2, "{name}: current τ in both panels");
        assert_eq!(texts(&s, "bias ‖E[ĝ] − ∇F‖ (log)"), 1, "{name}");
        assert_eq!(texts(&s, "variance tr Cov[ĝ] (log)"), 1, "{name}");
        assert_eq!(texts(&s, "τ (log scale)"), 2, "{name}");
        // SF's circle markers: one per τ in each panel, one in the legend.
        let blue = hex(class_colour(0));
        let circles = s
            .lines()
            .filter(|l| l.contains("<circle") && l.contains(&format!("fill=\"{blue}\"")))
            .count();
        assert_eq!(circles, 2 * d.taus.len() + 1, "{name}");
    }
}

#[test]
fn estimators_clamp_non_positive_values_and_note_it() {
    let mut d = estimators_data();
    d.curves[0].bias = vec![0.0; d.taus.len()];
    d.curves[1].bias[3] = -1e-4;
    let s = svg("estimators_floor", (640, 400), 1.0, |a, t| {
        draw_estimators(a, &d, t)
    });
    assert!(has_text(&s, "drawn at the floor"));
}

#[test]
fn estimators_survive_degenerate_data() {
    let base = estimators_data();
    let mut cases = vec![EstimatorsData::default()];
    let mut d = base.clone();
    d.curves.clear();
    cases.push(d);
    let mut d = base.clone();
    d.taus = vec![f64::NAN, -1.0, 0.0, 1.0];
    cases.push(d);
    let mut d = base.clone();
    for c in &mut d.curves {
        c.bias = vec![0.0; 3];
        c.variance = vec![f64::NAN, f64::INFINITY];
    }
    d.current_tau = f64::NAN;
    d.exact = vec![f64::NAN];
    cases.push(d);
    let mut d = base.clone();
    d.taus = vec![1.0];
    d.curves.truncate(1);
    d.current_tau = 1e300;
    cases.push(d);
    let mut d = base;
    for j in 0..7 {
        let mut c = d.curves[j % 5].clone();
        c.name = format!("estimator {j}");
        d.curves.push(c);
    }
    cases.push(d);
    for (j, d) in cases.iter().enumerate() {
        let (r, _) = try_svg((640, 400), 1.0, |a, t| draw_estimators(a, d, t));
        assert!(r.is_ok(), "case {j}: {r:?}");
        let _ = try_svg((100, 60), 1.0, |a, t| draw_estimators(a, d, t));
    }
}
