//! SVG render tests of the bar figures: Gumbel-Max frequencies and E[y] against π.

mod render_support;

use gumbel_explorer::render::*;
use render_support::{filled_rects, has_text, hex, stroked, svg, texts, try_svg};

fn gumbel_max_data() -> GumbelMaxData {
    GumbelMaxData {
        probs: vec![0.2, 0.3, 0.5],
        counts: vec![2010, 2985, 5005],
        n: 10_000,
        p_value: Some(0.43),
    }
}

#[test]
fn gumbel_max_draws_paired_bars_and_the_p_value() {
    for (name, size, scale) in [
        ("gumbel_max", (640, 400), 1.0),
        ("gumbel_max@2x", (1280, 800), 2.0),
    ] {
        let s = svg(name, size, scale, |a, t| {
            draw_gumbel_max(a, &gumbel_max_data(), t)
        });
        for i in 0..3 {
            let c = hex(class_colour(i));
            // One filled frequency bar and one outlined π bar per class.
            assert_eq!(filled_rects(&s, &c), 1, "{name}: class {i} bar");
            assert_eq!(stroked(&s, &c), 1, "{name}: class {i} outline");
        }
        assert!(has_text(&s, "χ² p = 0.43"), "{name}");
        assert!(has_text(&s, "n = 10,000"), "{name}");
        assert_eq!(texts(&s, "π (class probability)"), 1, "{name}");
        assert_eq!(texts(&s, "argmax frequency ± 2 SE"), 1, "{name}");
        assert_eq!(texts(&s, "class i"), 1, "{name}");
        for label in ["1", "2", "3"] {
            assert_eq!(texts(&s, label), 1, "{name}: tick {label}");
        }
    }
}

#[test]
fn gumbel_max_survives_degenerate_data() {
    let cases = [
        GumbelMaxData::default(),
        GumbelMaxData {
            probs: vec![0.5, 0.5],
            counts: vec![0, 0],
            n: 0,
            p_value: None,
        },
        GumbelMaxData {
            probs: vec![f64::NAN, f64::INFINITY, -1.0],
            counts: vec![3],
            n: 2,
            p_value: Some(f64::NAN),
        },
        GumbelMaxData {
            probs: vec![0.1; 10],
            counts: vec![1000; 10],
            n: 10_000,
            p_value: Some(1e-12),
        },
        GumbelMaxData {
            probs: vec![],
            counts: vec![5, 7, u64::MAX],
            n: 12,
            p_value: Some(2.0),
        },
    ];
    for (j, d) in cases.iter().enumerate() {
        for size in [(640, 400), (50, 30), (0, 0)] {
            let _ = try_svg(size, 1.0, |a, t| draw_gumbel_max(a, d, t));
        }
        let (r, s) = try_svg((640, 400), 1.0, |a, t| draw_gumbel_max(a, d, t));
        assert!(r.is_ok(), "case {j}: {r:?}");
        if j == 3 {
            render_support::save("gumbel_max_k10", &s);
            assert!(has_text(&s, "χ² p < 0.001"));
            for i in 0..10 {
                assert_eq!(
                    filled_rects(&s, &hex(class_colour(i))),
                    1,
                    "k = 10, class {i}"
                );
            }
        }
    }
    let _ = try_svg((640, 400), f64::NAN, |a, t| {
        draw_gumbel_max(a, &gumbel_max_data(), t)
    });
    let _ = try_svg((640, 400), 0.0, |a, t| {
        draw_gumbel_max(a, &gumbel_max_data(), t)
    });
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
    for (name, size, scale) in [
        ("expectation", (640, 400), 1.0),
        ("expectation@2x", (1280, 800), 2.0),
    ] {
        let s = svg(name, size, scale, |a, t| {
            draw_expectation(a, &expectation_data(), t)
        });
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
        ExpectationData::default(),
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
    for d in &cases {
        let (r, _) = try_svg((640, 400), 1.0, |a, t| draw_expectation(a, d, t));
        assert!(r.is_ok(), "{r:?}");
        let _ = try_svg((20, 20), 3.0, |a, t| draw_expectation(a, d, t));
    }
}
