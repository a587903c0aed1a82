//! SVG render tests of the schedule and cost figures (the estimator figure's are in
//! render_estimators.rs).

// A figure is generic over its backend, whose lifetime must stay higher-ranked where a test
// passes it on; the closures that keep it so are not redundant, whatever clippy suggests.
#![allow(clippy::redundant_closure)]

mod render_support;

use gumbel_explorer::render::*;
use render_support::{at_both_scales, hex, once_each, survives, texts};

fn log_grid(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| lo * (hi / lo).powf(i as f64 / (n - 1) as f64))
        .collect()
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
