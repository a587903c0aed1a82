//! View 5: bias and variance of the one-sample gradient estimators against τ, both on log-log
//! axes. Estimators that ignore τ (score function, straight-through) are flat lines; Gumbel-Softmax
//! and its straight-through variant trade bias (large τ) for variance (small τ). Each curve has its
//! own colour, dash pattern and marker, so the plot reads without colour vision too.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::{log_label, LogAxis};
use super::data::{EstimatorCurve, EstimatorsData, Theme};
use super::error::{Drawn, RenderError};
use super::frame::{fits, local, message, start_figure, sub_area, Frame};
use super::marks::{legend, polyline, Dash, LegendEntry, Marker, Swatch};
use super::palette::CLASS_COLOURS;
use super::ranges::log_range;
use super::text::{fmt_tau, text};
use super::theme::{px, small_font, stroke, style_mesh, TEXT};
use crate::format;

/// Per-curve look, in the order the model lists the estimators. Yellow is skipped: thin lines in
/// it vanish on white.
const STYLES: [(usize, Dash, Marker); 6] = [
    (0, Dash::Solid, Marker::Circle),
    (3, Dash::Dashed, Marker::Square),
    (2, Dash::Dotted, Marker::Triangle),
    (4, Dash::Long, Marker::Diamond),
    (1, Dash::Solid, Marker::Cross),
    (7, Dash::Dashed, Marker::Circle),
];

fn style_of(j: usize) -> (RGBColor, Dash, Marker) {
    let (c, d, m) = STYLES[j % STYLES.len()];
    (CLASS_COLOURS[c], d, m)
}

/// Picks one measured quantity (bias or variance) out of a curve.
type Metric = fn(&EstimatorCurve) -> &[f64];

/// How far below the largest value each log axis reaches; smaller values (and the zeros and
/// negative noise of an unbiased estimator's bias) are drawn on that floor. The bias of an
/// unbiased estimator is Monte Carlo noise, so four decades show every meaningful bias; the
/// variance legitimately spans more as τ grows.
const BIAS_RATIO: f64 = 1e4;
const VARIANCE_RATIO: f64 = 1e6;

/// Markers per curve: enough to tell the curves apart, few enough not to hide the lines.
const MAX_MARKERS: usize = 12;

pub fn draw_estimators<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &EstimatorsData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let taus: Vec<f64> = data
        .taus
        .iter()
        .copied()
        .filter(|t| t.is_finite() && *t > 0.0)
        .collect();
    if taus.is_empty() || data.curves.is_empty() {
        return message(area, theme, "No estimator sweep to show yet.");
    }
    let Some(Frame { w, h, margin }) = start_figure(area, theme, 240.0, 200.0)? else {
        return Ok(());
    };

    let entries: Vec<LegendEntry> = data
        .curves
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let (colour, dash, marker) = style_of(j);
            LegendEntry::new(
                c.name.clone(),
                Swatch::Line {
                    colour,
                    dash,
                    marker,
                },
            )
        })
        .collect();
    let top = legend(
        area,
        theme,
        &entries,
        (margin, margin),
        w - 2 * margin,
        true,
    )?;

    // The exact gradient, as text under the plots: the number every bias is measured against.
    let bottom = if data.exact.is_empty() {
        0
    } else {
        let parts: Vec<String> = data.exact.iter().map(|g| format::rounded(*g, 2)).collect();
        let line = format!("exact gradient ∇F = ({})", parts.join(", "));
        text(
            area,
            &line,
            (margin, h - margin),
            &small_font(theme).color(&TEXT),
            HPos::Left,
            VPos::Bottom,
        )?;
        px(theme, 22.0)
    };

    let body = sub_area(
        area,
        (0, margin + top, w, h - margin - top - bottom - margin),
    );
    let (bw, bh) = body.dim_in_pixel();
    let panels = if f64::from(bw) >= 1.3 * f64::from(bh) {
        body.split_evenly((1, 2))
    } else {
        body.split_evenly((2, 1))
    };

    let mut tau_lo = taus.iter().copied().fold(f64::INFINITY, f64::min);
    let mut tau_hi = taus.iter().copied().fold(0.0, f64::max);
    if data.current_tau.is_finite() && data.current_tau > 0.0 {
        tau_lo = tau_lo.min(data.current_tau);
        tau_hi = tau_hi.max(data.current_tau);
    }
    let x_axis = if tau_hi > tau_lo {
        LogAxis::new(tau_lo / 1.15, tau_hi * 1.15)
    } else {
        LogAxis::new(tau_lo / 2.0, tau_hi * 2.0)
    };

    let metrics: [(&str, Metric, f64); 2] = [
        ("bias ‖E[ĝ] − ∇F‖ (log)", |c| &c.bias, BIAS_RATIO),
        ("variance tr Cov[ĝ] (log)", |c| &c.variance, VARIANCE_RATIO),
    ];
    for (panel, (desc, values, ratio)) in panels.iter().zip(metrics) {
        draw_panel(panel, theme, data, &x_axis, (desc, values, ratio))?;
    }
    Ok(())
}

fn draw_panel<DB: DrawingBackend>(
    panel: &DrawingArea<DB, Shift>,
    theme: &Theme,
    data: &EstimatorsData,
    x_axis: &LogAxis,
    (desc, values, ratio): (&str, Metric, f64),
) -> Drawn {
    if !fits(panel, theme, 120.0, 90.0) {
        return Ok(());
    }
    let all = data.curves.iter().flat_map(|c| values(c).iter().copied());
    let Some(y_range) = log_range(all, ratio) else {
        let (w, h) = panel.dim_in_pixel();
        return text(
            panel,
            &format!("{desc}: no positive values"),
            (w as i32 / 2, h as i32 / 2),
            &small_font(theme),
            HPos::Center,
            VPos::Center,
        );
    };
    let y_axis = LogAxis::new(y_range.0, y_range.1);
    let (lo, hi) = (y_axis.lo(), y_axis.hi());
    let mut chart = ChartBuilder::on(panel)
        .margin_top(px(theme, 8.0))
        .margin_right(px(theme, 14.0))
        .x_label_area_size(px(theme, 40.0))
        .y_label_area_size(px(theme, 62.0))
        .build_cartesian_2d(x_axis.clone(), y_axis)?;
    let mut mesh = chart.configure_mesh();
    style_mesh(&mut mesh, theme);
    mesh.x_labels(6)
        .y_labels(6)
        .x_desc("τ (log scale)")
        .y_desc(desc)
        .draw()?;

    let to_px = |t: f64, v: f64| local(panel, chart.backend_coord(&(t, v)));

    // Current temperature first, so the curves draw over it.
    let t = data.current_tau;
    if t.is_finite() && t > 0.0 {
        let (a, b) = (to_px(t, lo), to_px(t, hi));
        polyline(
            panel,
            theme,
            &[a, b],
            TEXT.mix(0.6),
            stroke(theme, 1.0),
            Dash::Dashed,
        )?;
        text(
            panel,
            &fmt_tau(t),
            (b.0 + px(theme, 4.0), b.1 + px(theme, 2.0)),
            &small_font(theme),
            HPos::Left,
            VPos::Top,
        )?;
    }

    let mut clamped = false;
    let n = data.curves.len();
    // Drawn last to first so the first estimators stay on top where curves coincide (GS and ST-GS
    // share their bias exactly); their different dash patterns then show both.
    for (j, curve) in data.curves.iter().enumerate().rev() {
        let (colour, dash, marker) = style_of(j);
        // Runs of consecutive usable points; NaN breaks the line, non-positive values (the noise
        // of an unbiased estimator around zero) sit on the floor.
        let mut runs: Vec<Vec<(usize, (i32, i32))>> = vec![Vec::new()];
        for (i, (&tau, &v)) in data.taus.iter().zip(values(curve)).enumerate() {
            let usable = tau.is_finite() && tau > 0.0 && !v.is_nan();
            if !usable {
                runs.push(Vec::new());
                continue;
            }
            if v < lo {
                clamped = true;
            }
            let v = if v.is_finite() { v.clamp(lo, hi) } else { hi };
            if let Some(run) = runs.last_mut() {
                run.push((i, to_px(tau, v)));
            }
        }
        // At most MAX_MARKERS markers per curve, staggered between curves so coinciding curves
        // still show each one's marker.
        let stride = data.taus.len().div_ceil(MAX_MARKERS).max(1);
        let offset = j * stride / n.max(1);
        for run in &runs {
            let pixels: Vec<(i32, i32)> = run.iter().map(|&(_, p)| p).collect();
            polyline(
                panel,
                theme,
                &pixels,
                colour.to_rgba(),
                stroke(theme, 2.0),
                dash,
            )?;
            for &(i, p) in run {
                if (i + offset).is_multiple_of(stride) {
                    super::marks::marker(
                        panel,
                        theme,
                        marker,
                        p,
                        px(theme, 3.5),
                        colour.to_rgba(),
                    )?;
                }
            }
        }
    }
    if clamped {
        let (x, _) = to_px(x_axis.lo(), lo);
        let (_, y) = to_px(x_axis.lo(), lo);
        text(
            panel,
            &format!("values below {} drawn at the floor", log_label(lo)),
            (x + px(theme, 6.0), y - px(theme, 4.0)),
            &small_font(theme),
            HPos::Left,
            VPos::Bottom,
        )?;
    }
    Ok(())
}
