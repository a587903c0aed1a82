//! SVG render tests of the training-side figures: estimator bias and variance against τ.

// A figure is generic over its backend, whose lifetime must stay higher-ranked where a test
// passes it on; the closures that keep it so are not redundant, whatever clippy suggests.
#![allow(clippy::redundant_closure)]

mod render_support;

use gumbel_explorer::render::*;
use render_support::{at_both_scales, has_text, hex, once_each, survives, svg, texts};

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
        let axes = ["bias ‖E[ĝ] − ∇F‖ (log)", "variance tr Cov[ĝ] (log)"];
        once_each(&s, &axes, name);
        assert_eq!(texts(&s, "τ (log scale)"), 2, "{name}");
        // SF's circle markers: at most one per τ in each panel (thinned to about a dozen), one
        // in the legend.
        let blue = hex(class_colour(0));
        let circles = s
            .lines()
            .filter(|l| l.contains("<circle") && l.contains(&format!("fill=\"{blue}\"")))
            .count();
        assert!(
            (2 * 6 + 1..=2 * d.taus.len() + 1).contains(&circles),
            "{name}: {circles}"
        );
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
    let mut cases = vec![];
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
    survives(&estimators_data(), &cases, (100, 60), |a, d, t| {
        draw_estimators(a, d, t)
    });
}

fn annealing_data() -> AnnealingData {
    // The paper's VAE schedule: τ = max(0.5, exp(−r·t)) with r = 1e-4, updated every 1000 steps.
    let (r, n, tau_min) = (1e-4, 1000.0, 0.5);
    let curve = (0..=30)
        .map(|i| {
            let step = i as f64 * n;
            (step, f64::max(tau_min, (-r * step).exp()))
        })
        .collect();
    AnnealingData {
        curve,
        current_step: 4000.0,
        current_tau: f64::max(tau_min, (-r * 4000.0_f64).exp()),
        tau_min,
    }
}

#[test]
fn annealing_draws_the_schedule_floor_and_current_step() {
    let d = annealing_data();
    for (name, s) in at_both_scales("annealing", |a, t| draw_annealing(a, &d, t)) {
        let labels = ["τ_min = 0.5", "step 4,000: τ = 0.67"];
        once_each(&s, &labels, &name);
        once_each(&s, &["training step", "temperature τ"], &name);
        let dot = hex(class_colour(3));
        assert_eq!(
            s.lines()
                .filter(|l| l.contains("<circle") && l.contains(&dot))
                .count(),
            1,
            "{name}"
        );
    }
}

#[test]
fn annealing_survives_degenerate_data() {
    let cases = [
        AnnealingData {
            curve: vec![(0.0, 1.0)],
            current_step: f64::NAN,
            current_tau: f64::INFINITY,
            tau_min: -1.0,
        },
        AnnealingData {
            curve: vec![
                (f64::NAN, 1.0),
                (1e300, 1e-300),
                (5.0, f64::NAN),
                (-3.0, 0.0),
            ],
            current_step: -1e300,
            current_tau: 0.0,
            tau_min: f64::NAN,
        },
    ];
    survives(&annealing_data(), &cases, (60, 40), |a, d, t| {
        draw_annealing(a, d, t)
    });
}

fn cost_data() -> CostData {
    // D, I, G chosen so the model meets the paper's 2× at k = 10 and 9.9× at k = 100 roughly:
    // speed-up = (D + k c) / (D + c) with c = I + G.
    let (d, c) = (8.0, 1.0);
    let speed_up = |k: f64| (d + k * c) / (d + c);
    CostData {
        curve: log_grid(2.0, 1000.0, 60)
            .into_iter()
            .map(|k| (k, speed_up(k)))
            .collect(),
        paper: vec![(10.0, 2.0), (100.0, 9.9)],
        current: (25.0, speed_up(25.0)),
    }
}

#[test]
fn cost_draws_the_curve_the_paper_points_and_the_current_k() {
    let d = cost_data();
    for (name, s) in at_both_scales("cost", |a, t| draw_cost(a, &d, t)) {
        let labels = ["paper: 2× at k=10", "9.9× at k=100", "k = 25: 3.67×"];
        once_each(&s, &labels, &name);
        let legend_and_axis = ["paper (measured)", "k, number of classes (log scale)"];
        once_each(&s, &legend_and_axis, &name);
        for tick in ["10", "100", "1000"] {
            assert!(texts(&s, tick) >= 1, "{name}: tick {tick}");
        }
    }
}

#[test]
fn cost_survives_degenerate_data() {
    let cases = [
        CostData {
            curve: vec![(0.0, 1.0), (-1.0, 2.0), (f64::NAN, 1.0), (5.0, 0.0)],
            paper: vec![(f64::INFINITY, 2.0)],
            current: (f64::NAN, f64::NAN),
        },
        CostData {
            curve: vec![(2.0, 1.5)],
            paper: vec![],
            current: (1e300, 1e300),
        },
    ];
    survives(&cost_data(), &cases, (60, 40), |a, d, t| draw_cost(a, d, t));
}
