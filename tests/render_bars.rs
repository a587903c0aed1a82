//! SVG render tests of the bar figures: Gumbel-Max frequencies and E[y] against π.

// A figure is generic over its backend, whose lifetime must stay higher-ranked where a test
// passes it on; the closures that keep it so are not redundant, whatever clippy suggests.
#![allow(clippy::redundant_closure)]

mod render_support;

use gumbel_explorer::render::*;
use render_support::lcg::{softmax, Lcg};
use render_support::{
    at_both_scales, drawn, filled_rects, has_text, hex, message_only, once_each, stroked, survives,
    svg, texts, too_small,
};

/// Each frequency's binomial standard error √(f(1 − f)/n), as the model supplies it.
fn std_err(counts: &[u64], n: u64) -> Vec<f64> {
    let n = n as f64;
    counts
        .iter()
        .map(|&c| {
            let f = c as f64 / n;
            (f * (1.0 - f)).max(0.0).sqrt() / n.sqrt()
        })
        .collect()
}

fn gumbel_max_data() -> GumbelMaxData {
    let counts = vec![2010, 2985, 5005];
    GumbelMaxData {
        probs: vec![0.2, 0.3, 0.5],
        std_err: std_err(&counts, 10_000),
        counts,
        n: 10_000,
        p_value: Some(0.43),
    }
}

#[test]
fn gumbel_max_draws_paired_bars_and_the_p_value() {
    let d = gumbel_max_data();
    for (name, s) in at_both_scales("gumbel_max", |a, t| draw_gumbel_max(a, &d, t)) {
        for i in 0..3 {
            let c = hex(class_colour(i));
            // One filled frequency bar and one outlined π bar per class.
            assert_eq!(filled_rects(&s, &c), 1, "{name}: class {i} bar");
            assert_eq!(stroked(&s, &c), 1, "{name}: class {i} outline");
        }
        // A ±2 SE whisker per class: a vertical line with two caps, drawn in the body colour.
        assert_eq!(stroked(&s, "#333333"), 9, "{name}: whiskers");
        assert!(has_text(&s, "χ² p = 0.43"), "{name}");
        assert!(has_text(&s, "n = 10,000"), "{name}");
        let ticks = ["1", "2", "3"];
        once_each(&s, &ticks, &name);
        let axes = [
            "π (class probability)",
            "argmax frequency ± 2 SE",
            "class i",
        ];
        once_each(&s, &axes, &name);
    }
}

#[test]
fn gumbel_max_survives_degenerate_data() {
    let cases = [
        GumbelMaxData {
            probs: vec![0.5, 0.5],
            counts: vec![0, 0],
            n: 0,
            std_err: vec![f64::NAN; 2],
            p_value: None,
        },
        GumbelMaxData {
            probs: vec![f64::NAN, f64::INFINITY, -1.0],
            counts: vec![3],
            n: 2,
            std_err: vec![f64::INFINITY, -1.0],
            p_value: Some(f64::NAN),
        },
        GumbelMaxData {
            probs: vec![0.1; 10],
            counts: vec![1000; 10],
            n: 10_000,
            std_err: std_err(&[1000; 10], 10_000),
            p_value: Some(1e-12),
        },
        GumbelMaxData {
            probs: vec![],
            counts: vec![5, 7, u64::MAX],
            n: 12,
            std_err: vec![],
            p_value: Some(2.0),
        },
    ];
    survives(&gumbel_max_data(), &cases, (50, 30), |a, d, t| {
        draw_gumbel_max(a, d, t)
    });
    let s = drawn((640, 400), 1.0, |a, t| draw_gumbel_max(a, &cases[2], t));
    render_support::save("gumbel_max_k10", &s);
    assert!(has_text(&s, "χ² p < 0.001"));
    for i in 0..10 {
        let bars = filled_rects(&s, &hex(class_colour(i)));
        assert_eq!(bars, 1, "k = 10, class {i}");
    }
    // An unusable scale falls back to 1.
    let one = drawn((640, 400), 1.0, |a, t| {
        draw_gumbel_max(a, &gumbel_max_data(), t)
    });
    for scale in [f64::NAN, 0.0] {
        let s = drawn((640, 400), scale, |a, t| {
            draw_gumbel_max(a, &gumbel_max_data(), t)
        });
        assert_eq!(s, one, "scale {scale}");
    }
}

fn expectation_data() -> ExpectationData {
    // The explorer's Figure 1 preset at τ = 1 (MATH.md §3).
    ExpectationData {
        probs: vec![0.1, 0.2, 0.3, 0.4],
        mean: vec![0.1331, 0.2195, 0.2916, 0.3558],
        std_err: vec![0.002, 0.003, 0.003, 0.003],
        tau: 1.0,
    }
}

#[test]
fn expectation_draws_means_beside_pi() {
    let d = expectation_data();
    for (name, s) in at_both_scales("expectation", |a, t| draw_expectation(a, &d, t)) {
        for i in 0..4 {
            assert_eq!(
                filled_rects(&s, &hex(class_colour(i))),
                1,
                "{name}: class {i}"
            );
        }
        assert!(has_text(&s, "τ = 1"), "{name}");
        assert_eq!(texts(&s, "E[yᵢ] ± 2 SE (Monte Carlo)"), 1, "{name}");
    }
}

#[test]
fn expectation_survives_degenerate_data() {
    let cases = [
        ExpectationData {
            probs: vec![0.5, 0.5],
            mean: vec![f64::NAN, 0.7],
            std_err: vec![],
            tau: f64::NAN,
        },
        ExpectationData {
            probs: vec![0.1; 10],
            mean: vec![0.1; 3],
            std_err: vec![f64::INFINITY; 10],
            tau: -1.0,
        },
    ];
    survives(&expectation_data(), &cases, (20, 20), |a, d, t| {
        draw_expectation(a, d, t)
    });
    // At scale 3 the same area is too small as well.
    too_small((20, 20), 3.0, |a, t| {
        draw_expectation(a, &expectation_data(), t)
    });
    for d in &cases {
        message_only((20, 20), 3.0, |a, t| draw_expectation(a, d, t));
    }
}

fn components_data(pi: &[f64], tau: f64, n: u64, bins: usize) -> ComponentHistogramsData {
    let mut rng = Lcg(7);
    let k = pi.len();
    let mut counts = vec![vec![0u64; bins]; k];
    let mut mean = vec![0.0; k];
    for _ in 0..n {
        let y = rng.relaxed(pi, tau);
        for i in 0..k {
            counts[i][((y[i] * bins as f64) as usize).min(bins - 1)] += 1;
            mean[i] += y[i] / n as f64;
        }
    }
    ComponentHistogramsData {
        counts,
        n,
        mean,
        probs: pi.to_vec(),
        tau,
    }
}

#[test]
fn components_draw_one_histogram_per_class() {
    let d = components_data(&[0.2, 0.3, 0.5], 0.5, 4000, 20);
    for (name, s) in at_both_scales("components", |a, t| draw_components(a, &d, t)) {
        for i in 0..3 {
            let bars = d.counts[i].iter().filter(|c| **c > 0).count();
            assert_eq!(
                filled_rects(&s, &hex(class_colour(i))),
                bars,
                "{name}: class {i}"
            );
        }
        once_each(&s, &["y₁", "y₂", "y₃", "πᵢ", "sample mean of yᵢ"], &name);
        assert!(has_text(&s, "τ = 0.5"), "{name}");
        assert!(has_text(&s, "fraction of samples (linear)"), "{name}");
    }
    let ten = components_data(&[0.1; 10], 2.0, 2000, 15);
    let s = svg("components_k10", (640, 400), 1.0, |a, t| {
        draw_components(a, &ten, t)
    });
    assert_eq!(texts(&s, "y₁₀"), 1);
}

#[test]
fn components_survive_degenerate_data() {
    let mut bad = components_data(&[0.5, 0.5], 1.0, 100, 10);
    bad.counts[1].clear();
    bad.mean = vec![f64::NAN];
    bad.probs = vec![f64::INFINITY, -2.0, 0.3];
    let cases = [
        ComponentHistogramsData {
            counts: vec![vec![0; 10]; 3],
            n: 0,
            mean: vec![],
            probs: vec![],
            tau: f64::NAN,
        },
        bad,
        components_data(&[0.1; 10], 0.01, 50, 1),
    ];
    let good = components_data(&[0.2, 0.3, 0.5], 0.5, 1000, 20);
    survives(&good, &cases, (10, 10), |a, d, t| draw_components(a, d, t));
    for d in &cases {
        drawn((200, 150), 1.0, |a, t| draw_components(a, d, t));
    }
}

fn strip(pi: &[f64], tau: f64, m: usize) -> SampleStripData {
    let mut rng = Lcg(11);
    SampleStripData {
        samples: (0..m).map(|_| rng.relaxed(pi, tau)).collect(),
        tau,
    }
}

#[test]
fn sample_strip_stacks_each_sample() {
    let d = strip(&[0.2, 0.3, 0.5], 0.5, 20);
    for (name, s) in at_both_scales("sample_strip", |a, t| draw_sample_strip(a, &d, t)) {
        for i in 0..3 {
            // One segment per sample whose component is visible (not below a pixel's worth).
            let segments = filled_rects(&s, &hex(class_colour(i)));
            assert!(
                (1..=21).contains(&segments),
                "{name}: class {i}: {segments}"
            );
        }
        assert!(has_text(&s, "τ = 0.5"), "{name}");
        once_each(&s, &["sample", "y₁", "y₂", "y₃"], &name);
    }
    let sharp = strip(&[0.25; 4], 0.1, 12);
    svg("sample_strip_tau0.1", (640, 400), 1.0, |a, t| {
        draw_sample_strip(a, &sharp, t)
    });
}

#[test]
fn sample_strip_survives_degenerate_data() {
    let cases = [
        SampleStripData {
            samples: vec![vec![], vec![f64::NAN, 2.0, -1.0], vec![0.5; 3]],
            tau: 0.0,
        },
        strip(&[0.1; 10], 1.0, 500),
    ];
    let good = strip(&[0.2, 0.3, 0.5], 0.5, 20);
    survives(&good, &cases, (30, 30), |a, d, t| {
        draw_sample_strip(a, d, t)
    });
    let s = drawn((640, 400), 1.0, |a, t| draw_sample_strip(a, &cases[1], t));
    assert!(has_text(&s, "first 200 of 500"));
}

fn figure1_data() -> Figure1Data {
    // MATH.md §3: π = (0.1, 0.2, 0.3, 0.4) and its E[y] at the paper's four temperatures; one
    // sample per column from the same noise.
    let pi = vec![0.1, 0.2, 0.3, 0.4];
    let taus = vec![0.1, 0.5, 1.0, 10.0];
    let noise: Vec<f64> = [0.7, 0.2, 0.9, 0.4]
        .iter()
        .map(|u: &f64| -(-u.ln()).ln())
        .collect();
    let sample = taus
        .iter()
        .map(|tau| {
            let z: Vec<f64> = pi
                .iter()
                .zip(&noise)
                .map(|(p, g): (&f64, &f64)| (p.ln() + g) / tau)
                .collect();
            softmax(&z)
        })
        .collect();
    Figure1Data {
        mean: vec![
            vec![0.1003, 0.2002, 0.3001, 0.3994],
            vec![0.1102, 0.2076, 0.2981, 0.3840],
            vec![0.1331, 0.2195, 0.2916, 0.3558],
            vec![0.2307, 0.2472, 0.2573, 0.2648],
        ],
        taus,
        sample,
        probs: pi,
    }
}

#[test]
fn figure1_has_a_column_per_temperature() {
    let d = figure1_data();
    for (name, s) in at_both_scales("figure1", |a, t| draw_figure1(a, &d, t)) {
        once_each(&s, &["τ = 0.1", "τ = 0.5", "τ = 1", "τ = 10"], &name);
        for i in 0..4 {
            // One E[y] bar per column, plus one sample bar per column where it is visible.
            let bars = filled_rects(&s, &hex(class_colour(i)));
            assert!((4..=8).contains(&bars), "{name}: class {i}: {bars}");
        }
        once_each(&s, &["E[yᵢ], estimated", "one sample yᵢ"], &name);
    }
}

#[test]
fn figure1_survives_degenerate_data() {
    let mut ragged = figure1_data();
    ragged.mean.truncate(1);
    ragged.sample = vec![vec![f64::NAN; 4], vec![1.0]];
    ragged.taus.push(f64::NAN);
    let cases = [
        ragged,
        Figure1Data {
            taus: vec![1.0; 12],
            mean: vec![vec![0.1; 10]; 12],
            sample: vec![vec![0.1; 10]; 12],
            probs: vec![0.1; 10],
        },
    ];
    survives(&figure1_data(), &cases, (100, 100), |a, d, t| {
        draw_figure1(a, d, t)
    });
}

fn straight_through_data() -> StraightThroughData {
    StraightThroughData {
        soft: vec![0.12, 0.61, 0.27],
        hard: vec![0.0, 1.0, 0.0],
        chosen: 1,
        tau: 0.5,
    }
}

#[test]
fn straight_through_shows_forward_z_and_backward_y() {
    let d = straight_through_data();
    for (name, s) in at_both_scales("straight_through", |a, t| draw_straight_through(a, &d, t)) {
        let panels = [
            "forward: z = onehot(argmax y)",
            "backward: gradient of soft y",
        ];
        once_each(&s, &panels, &name);
        // The chosen class is filled in its own colour twice (z = 1 and its y), the others only
        // have their y bar (and a zero-height z bar) in a lighter tint.
        assert_eq!(filled_rects(&s, &hex(class_colour(1))), 2, "{name}");
        once_each(&s, &["0.61", "0.12", "0.27"], &name);
        // z₂ = 1 above its bar, and class 1's tick in both panels.
        assert_eq!(texts(&s, "1"), 3, "{name}");
        assert!(has_text(&s, "τ = 0.5"), "{name}");
        assert!(has_text(&s, "copied to y"), "{name}");
    }
}

#[test]
fn straight_through_survives_degenerate_data() {
    let cases = [
        StraightThroughData {
            soft: vec![f64::NAN, 2.0],
            hard: vec![],
            chosen: 99,
            tau: f64::INFINITY,
        },
        StraightThroughData {
            soft: vec![0.1; 10],
            hard: vec![0.0; 10],
            chosen: 9,
            tau: 1.0,
        },
    ];
    survives(&straight_through_data(), &cases, (120, 90), |a, d, t| {
        draw_straight_through(a, d, t)
    });
}
