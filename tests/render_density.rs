//! SVG render tests of the density views: the k = 3 heatmap over the triangle (of the model's
//! raster), the k = 2 curve over its histogram, and the k > 3 projection.

// A figure is generic over its backend, whose lifetime must stay higher-ranked where a test
// passes it on; the closures that keep it so are not redundant, whatever clippy suggests.
#![allow(clippy::redundant_closure)]

mod render_support;

use gumbel_explorer::math::raster::TriangleGrid;
use gumbel_explorer::math::relaxed::GumbelSoftmax;
use gumbel_explorer::math::simplex::{TRIANGLE_HEIGHT as H, TRIANGLE_VERTICES};
use gumbel_explorer::model::density::{log_density_raster, simplex_heatmap};
use gumbel_explorer::render::*;
use render_support::lcg::Lcg;
use render_support::{at_both_scales, drawn, filled_rects, has_text, hex, survives, svg, texts};

/// The model's own heatmap of π = (0.2, 0.3, 0.5) at τ = 0.5 on a `width × height` raster,
/// with 40 draws of a fixed generator overlaid.
fn heatmap(width: u32, height: u32) -> SimplexHeatmapData {
    let (pi, tau) = ([0.2, 0.3, 0.5], 0.5);
    let dist = GumbelSoftmax::from_probs(&pi, tau).expect("a valid distribution");
    let mut raster = Vec::new();
    log_density_raster(
        &dist,
        width,
        height,
        &mut TriangleGrid::default(),
        &mut raster,
    );
    let mut rng = Lcg(12345);
    let overlay: Vec<f64> = (0..40).flat_map(|_| rng.relaxed(&pi, tau)).collect();
    simplex_heatmap(&dist, width, height, &overlay, raster)
}

fn dots(s: &str) -> usize {
    s.lines().filter(|l| l.contains("<circle")).count()
}

#[test]
fn simplex_raster_rect_fits_the_area_and_keeps_the_triangle_equilateral() {
    let theme = Theme::default();
    for (w, h) in [(640, 400), (400, 640), (300, 300), (1280, 800), (200, 120)] {
        let (x, y, rw, rh) = simplex_raster_rect(w, h, &TRIANGLE_VERTICES, &theme);
        assert!(rw > 0 && rh > 0, "{w}×{h}");
        assert!(
            x >= 0 && y >= 0 && x as u32 + rw <= w && y as u32 + rh <= h,
            "{w}×{h}"
        );
        let aspect = f64::from(rh) / f64::from(rw);
        assert!((aspect - H).abs() < 0.02, "{w}×{h}: aspect {aspect}");
    }
    assert_eq!(
        simplex_raster_rect(30, 20, &TRIANGLE_VERTICES, &theme),
        (0, 0, 0, 0)
    );
    // Corners that span no area, or are not numbers, leave no room for a raster.
    for bad in [
        [(0.0, 0.0); 3],
        [(0.0, 0.0), (1.0, 0.0), (2.0, 0.0)],
        [(0.0, 0.0), (1.0, 0.0), (0.5, f64::NAN)],
        [(0.0, 0.0), (f64::INFINITY, 0.0), (0.5, 1.0)],
    ] {
        assert_eq!(simplex_raster_rect(640, 400, &bad, &theme), (0, 0, 0, 0));
    }
    assert_eq!(simplex_raster_rect(0, 0, &TRIANGLE_VERTICES, &theme).2, 0);
    let big = simplex_raster_rect(u32::MAX, u32::MAX, &TRIANGLE_VERTICES, &theme);
    assert!(big.2 > 0);
    // Scale 2 at double size gives the same layout at double resolution (within rounding).
    let one = simplex_raster_rect(640, 400, &TRIANGLE_VERTICES, &theme);
    let two = simplex_raster_rect(
        1280,
        800,
        &TRIANGLE_VERTICES,
        &Theme {
            scale: 2.0,
            ..Theme::default()
        },
    );
    assert!((two.2 as i64 - 2 * one.2 as i64).abs() <= 2);
}

#[test]
fn simplex_with_a_small_raster_draws_cells_labels_points_and_colour_bar() {
    let d = heatmap(60, 52);
    for (name, s) in at_both_scales("simplex", |a, t| draw_simplex(a, &d, t)) {
        for l in &d.labels {
            assert_eq!(texts(&s, l), 1, "{name}: {l}");
        }
        assert_eq!(texts(&s, "log p"), 1, "{name}");
        assert!(has_text(&s, "τ = 0.5"), "{name}");
        assert_eq!(dots(&s), d.points.len(), "{name}");
        // Cells, merged per row: more than a row's worth, fewer than the raster's pixels.
        let cells = s.lines().filter(|l| l.contains("<rect")).count();
        assert!(
            cells > 200 && cells < 60 * 52 + 200,
            "{name}: {cells} rects"
        );
    }
}

#[test]
fn simplex_at_the_rect_size_is_one_blit_in_the_right_place() {
    for (name, size, scale) in [
        ("simplex_blit", (240, 200), 1.0),
        ("simplex_blit@2x", (480, 400), 2.0),
    ] {
        let theme = Theme {
            scale,
            ..Theme::default()
        };
        let (x, y, w, h) = simplex_raster_rect(size.0, size.1, &TRIANGLE_VERTICES, &theme);
        let d = heatmap(w, h);
        let s = svg(name, size, scale, |a, t| draw_simplex(a, &d, t));
        // The SVG backend turns a blit into one 1×1 rect per pixel, column by column from the
        // rect's top-left corner.
        let pixels: Vec<&str> = s
            .lines()
            .filter(|l| l.contains("width=\"1\" height=\"1\""))
            .collect();
        assert_eq!(pixels.len(), (w * h) as usize, "{name}");
        assert!(
            pixels[0].contains(&format!("x=\"{x}\" y=\"{y}\"")),
            "{name}: {}",
            pixels[0]
        );
        let last = format!("x=\"{}\" y=\"{}\"", x + w as i32 - 1, y + h as i32 - 1);
        assert!(pixels[pixels.len() - 1].contains(&last), "{name}");
        // Outside the triangle is white: the top-left pixel of the raster lies outside it.
        assert!(pixels[0].contains("fill=\"#FFFFFF\""), "{name}");
    }
}

#[test]
fn simplex_survives_degenerate_data() {
    let good = heatmap(60, 52);
    // No triangle: the figure says so.
    let s = drawn((640, 400), 1.0, |a, t| {
        draw_simplex(a, &SimplexHeatmapData::default(), t)
    });
    assert!(has_text(&s, "No triangle to draw"));
    let mut cases = vec![];
    let mut d = good.clone();
    d.log_density.truncate(100);
    cases.push(d);
    let mut d = good.clone();
    d.lo = f64::NAN;
    d.hi = f64::NEG_INFINITY;
    d.points = vec![
        (f64::NAN, 0.1),
        (f64::INFINITY, 0.0),
        (1e300, -1e300),
        (0.5, 0.2),
    ];
    cases.push(d);
    let mut d = good.clone();
    d.lo = 3.0;
    d.hi = 3.0;
    d.log_density = vec![f64::INFINITY; d.log_density.len()];
    cases.push(d);
    let mut d = good.clone();
    d.width = u32::MAX;
    d.height = 2;
    cases.push(d);
    let mut d = good.clone();
    d.log_density = vec![f64::NAN; d.log_density.len()];
    d.labels = Default::default();
    cases.push(d);
    survives(&good, &cases, (30, 20), |a, d, t| draw_simplex(a, d, t));
}

/// The binary Concrete density of y₁ (MATH.md §4, k = 2) with logit difference `d`.
fn binary_density(x: f64, d: f64, tau: f64) -> f64 {
    // p(x) = τ σ(τ logit x − d)(1 − σ(τ logit x − d)) / (x (1 − x)), the derivative of the CDF.
    let z = tau * (x / (1.0 - x)).ln() - d;
    let s = 1.0 / (1.0 + (-z).exp());
    tau * s * (1.0 - s) / (x * (1.0 - x))
}

fn binary_data(tau: f64, log_scale: bool) -> BinaryDensityData {
    let d = (0.3_f64 / 0.7).ln();
    let bins = 25;
    // The histogram as the exact bin masses (what a large sample would give), as a density.
    let cdf = |x: f64| {
        if x <= 0.0 {
            0.0
        } else if x >= 1.0 {
            1.0
        } else {
            1.0 / (1.0 + (-(tau * (x / (1.0 - x)).ln() - d)).exp())
        }
    };
    let hist_density = (0..bins)
        .map(|b| (cdf((b + 1) as f64 / bins as f64) - cdf(b as f64 / bins as f64)) * bins as f64)
        .collect();
    let curve = (1..200)
        .map(|i| {
            let x = i as f64 / 200.0;
            (x, binary_density(x, d, tau))
        })
        .collect();
    BinaryDensityData {
        hist_density,
        curve,
        tau,
        log_scale,
    }
}

#[test]
fn binary_draws_histogram_and_density_curve() {
    for (name, size, scale, tau, log) in [
        ("binary", (640, 400), 1.0, 2.0, false),
        ("binary@2x", (1280, 800), 2.0, 2.0, false),
        ("binary_log", (640, 400), 1.0, 0.3, true),
    ] {
        let d = binary_data(tau, log);
        let s = svg(name, size, scale, |a, t| draw_binary(a, &d, t));
        let bars = filled_rects(&s, &hex(lighten(class_colour(0), 0.35)));
        // Every bin above the axis floor is a bar, plus the legend swatch.
        assert!(
            bars >= 20 && bars <= d.hist_density.len() + 1,
            "{name}: {bars}"
        );
        assert!(
            s.contains("<polyline") && s.contains("stroke=\"#333333\""),
            "{name}"
        );
        assert!(has_text(&s, &format!("τ = {tau}")), "{name}");
        assert_eq!(texts(&s, "density p(y₁)"), 1, "{name}");
        let y_desc = if log {
            "density (log scale)"
        } else {
            "density"
        };
        assert_eq!(texts(&s, y_desc), 1, "{name}");
    }
}

#[test]
fn binary_survives_degenerate_data() {
    let cases = [
        BinaryDensityData {
            hist_density: vec![0.0; 10],
            curve: vec![(0.5, 0.0)],
            tau: 1.0,
            log_scale: true,
        },
        BinaryDensityData {
            hist_density: vec![f64::NAN, f64::INFINITY, -1.0, 2.0],
            curve: vec![
                (f64::NAN, 1.0),
                (0.2, f64::INFINITY),
                (0.3, 1e300),
                (0.4, -5.0),
                (0.5, 1.0),
            ],
            tau: 0.01,
            log_scale: true,
        },
        BinaryDensityData {
            hist_density: vec![],
            curve: vec![(0.1, 3.0), (0.9, 3.0)],
            tau: 1.0,
            log_scale: false,
        },
    ];
    survives(&binary_data(2.0, false), &cases, (40, 40), |a, d, t| {
        draw_binary(a, d, t)
    });
}

fn projection_data(k: usize, m: usize) -> ProjectionData {
    let vertices: Vec<(f64, f64)> = (0..k)
        .map(|i| {
            let a = std::f64::consts::FRAC_PI_2 + 2.0 * std::f64::consts::PI * i as f64 / k as f64;
            (a.cos(), a.sin())
        })
        .collect();
    // Samples: random mixtures of the vertices, sharpened (as a small τ would), projected
    // linearly as the model does; the class is the heaviest weight.
    let mut rng = Lcg(99);
    let mut points = Vec::new();
    let mut classes = Vec::new();
    for _ in 0..m {
        let w: Vec<f64> = (0..k).map(|_| rng.uniform().powi(6)).collect();
        let total: f64 = w.iter().sum();
        let (x, y) = vertices.iter().zip(&w).fold((0.0, 0.0), |a, (v, wi)| {
            (a.0 + wi / total * v.0, a.1 + wi / total * v.1)
        });
        let c = (0..k).fold(0, |best, i| if w[i] > w[best] { i } else { best });
        points.push((x, y));
        classes.push(c);
    }
    ProjectionData {
        vertices,
        points,
        classes,
        tau: 0.5,
    }
}

#[test]
fn projection_draws_the_polygon_points_and_the_note() {
    for (name, size, scale, k) in [
        ("projection", (640, 400), 1.0, 5),
        ("projection@2x", (1280, 800), 2.0, 5),
        ("projection_k10", (640, 400), 1.0, 10),
    ] {
        let d = projection_data(k, 120);
        let s = svg(name, size, scale, |a, t| draw_projection(a, &d, t));
        assert!(has_text(
            &s,
            "The density is drawn for k = 2 and 3 only; here the samples are projected into a k-gon."
        ));
        for i in 1..=k {
            let sub: String = i
                .to_string()
                .chars()
                .map(|c| char::from_u32(0x2080 + c.to_digit(10).unwrap()).unwrap())
                .collect();
            assert_eq!(texts(&s, &format!("e{sub}")), 1, "{name}: vertex {i}");
        }
        // Every sample is a dot, and every vertex has a class-coloured dot too.
        let dots = s.lines().filter(|l| l.contains("<circle")).count();
        assert_eq!(dots, d.points.len() + k, "{name}");
        assert!(has_text(&s, "τ = 0.5"), "{name}");
    }
}

#[test]
fn projection_survives_degenerate_data() {
    let mut bad = projection_data(6, 30);
    bad.classes.truncate(3);
    bad.classes.push(usize::MAX);
    bad.points.push((f64::NAN, 1.0));
    bad.points.push((1e300, -1e300));
    let cases = [
        bad,
        ProjectionData {
            vertices: vec![(0.0, 0.0)],
            points: vec![(0.0, 0.0)],
            classes: vec![0],
            tau: f64::NAN,
        },
        ProjectionData {
            vertices: vec![(f64::INFINITY, 0.0), (1e300, 1e300), (0.0, 0.0)],
            points: vec![],
            classes: vec![],
            tau: 1.0,
        },
    ];
    survives(&projection_data(5, 30), &cases, (50, 50), |a, d, t| {
        draw_projection(a, d, t)
    });
}
