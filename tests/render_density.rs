//! SVG render tests of the density views: the k = 3 heatmap over the triangle.

mod render_support;

use gumbel_explorer::render::*;
use render_support::{has_text, svg, texts, try_svg};

const H: f64 = 0.866_025_403_784_438_6; // √3 / 2

/// log p of the Gumbel-Softmax density at y (MATH.md §4), written out here so the test can fill
/// a plausible raster; the render layer itself never evaluates a density.
fn log_density(y: [f64; 3], pi: [f64; 3], tau: f64) -> f64 {
    let k = 3.0_f64;
    let terms: Vec<f64> = (0..3).map(|i| pi[i].ln() - tau * y[i].ln()).collect();
    let m = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let lse = m + terms.iter().map(|t| (t - m).exp()).sum::<f64>().ln();
    let ln_gamma_3 = 2.0_f64.ln();
    ln_gamma_3 + (k - 1.0) * tau.ln() - k * lse
        + (0..3)
            .map(|i| pi[i].ln() - (tau + 1.0) * y[i].ln())
            .sum::<f64>()
}

/// Triangle coordinates (x, y) to barycentric (y₁, y₂, y₃), vertices e1 = (0, 0), e2 = (1, 0),
/// e3 = (0.5, √3/2).
fn barycentric(x: f64, y: f64) -> [f64; 3] {
    let y3 = y / H;
    let y2 = x - y3 / 2.0;
    [1.0 - y2 - y3, y2, y3]
}

fn heatmap(width: u32, height: u32) -> SimplexHeatmapData {
    let pi = [0.2, 0.3, 0.5];
    let tau = 0.5;
    let mut raster = Vec::with_capacity((width * height) as usize);
    for py in 0..height {
        for px in 0..width {
            let x = (f64::from(px) + 0.5) / f64::from(width);
            let y = (f64::from(height - py) - 0.5) / f64::from(height) * H;
            let b = barycentric(x, y);
            raster.push(if b.iter().all(|v| *v > 0.0) {
                log_density(b, pi, tau)
            } else {
                f64::NAN
            });
        }
    }
    let hi = raster
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(f64::MIN, f64::max);
    let lo = raster
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(f64::MAX, f64::min)
        .max(hi - 8.0);
    // A few samples: barycentric points from a fixed little generator, mapped to the plane.
    let mut state = 12345_u64;
    let mut uniform = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    };
    let points = (0..40)
        .map(|_| {
            let g: Vec<f64> = (0..3)
                .map(|i| pi[i].ln() - (-uniform().ln()).ln())
                .collect();
            let m = g.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let e: Vec<f64> = g.iter().map(|v| ((v - m) / tau).exp()).collect();
            let s: f64 = e.iter().sum();
            let y = [e[0] / s, e[1] / s, e[2] / s];
            (y[1] + y[2] / 2.0, y[2] * H)
        })
        .collect();
    SimplexHeatmapData {
        width,
        height,
        log_density: raster,
        lo,
        hi,
        points,
        labels: [
            "e₁  π₁ = 0.20".to_string(),
            "e₂  π₂ = 0.30".to_string(),
            "e₃  π₃ = 0.50".to_string(),
        ],
        tau,
    }
}

fn dots(s: &str) -> usize {
    s.lines().filter(|l| l.contains("<circle")).count()
}

#[test]
fn simplex_raster_rect_fits_the_area_and_keeps_the_triangle_equilateral() {
    let theme = Theme::default();
    for (w, h) in [(640, 400), (400, 640), (300, 300), (1280, 800), (200, 120)] {
        let (x, y, rw, rh) = simplex_raster_rect(w, h, &theme);
        assert!(rw > 0 && rh > 0, "{w}×{h}");
        assert!(
            x >= 0 && y >= 0 && x as u32 + rw <= w && y as u32 + rh <= h,
            "{w}×{h}"
        );
        let aspect = f64::from(rh) / f64::from(rw);
        assert!((aspect - H).abs() < 0.02, "{w}×{h}: aspect {aspect}");
    }
    assert_eq!(simplex_raster_rect(30, 20, &theme), (0, 0, 0, 0));
    assert_eq!(simplex_raster_rect(0, 0, &theme).2, 0);
    let big = simplex_raster_rect(u32::MAX, u32::MAX, &theme);
    assert!(big.2 > 0);
    // Scale 2 at double size gives the same layout at double resolution (within rounding).
    let one = simplex_raster_rect(640, 400, &theme);
    let two = simplex_raster_rect(1280, 800, &Theme { scale: 2.0 });
    assert!((two.2 as i64 - 2 * one.2 as i64).abs() <= 2);
}

#[test]
fn simplex_with_a_small_raster_draws_cells_labels_points_and_colour_bar() {
    for (name, size, scale) in [
        ("simplex", (640, 400), 1.0),
        ("simplex@2x", (1280, 800), 2.0),
    ] {
        let d = heatmap(60, 52);
        let s = svg(name, size, scale, |a, t| draw_simplex(a, &d, t));
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
        let theme = Theme { scale };
        let (x, y, w, h) = simplex_raster_rect(size.0, size.1, &theme);
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
    let mut cases = vec![SimplexHeatmapData::default()];
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
    let mut d = good;
    d.log_density = vec![f64::NAN; d.log_density.len()];
    d.labels = Default::default();
    cases.push(d);
    for (j, d) in cases.iter().enumerate() {
        let (r, _) = try_svg((640, 400), 1.0, |a, t| draw_simplex(a, d, t));
        assert!(r.is_ok(), "case {j}: {r:?}");
        let _ = try_svg((30, 20), 1.0, |a, t| draw_simplex(a, d, t));
        let _ = try_svg((0, 0), 1.0, |a, t| draw_simplex(a, d, t));
    }
}
