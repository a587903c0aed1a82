//! View 5: bias and variance of the one-sample gradient estimators against τ, both on log-log
//! axes, side by side (or stacked on a tall canvas). Exact values are lines, Monte Carlo
//! estimates points with ±2 SE bars; where only Monte Carlo exists, a line with its band and the
//! unresolvable region shaded (see `estimator_panel`). Each estimator has its own colour, dash
//! pattern and marker, so the plot reads without colour vision too.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::LogAxis;
use super::data::{EstimatorsData, Theme};
use super::error::RenderError;
use super::estimator_panel::{draw_panel, Look, Quantity};
use super::frame::{message, start_figure, sub_area, Frame};
use super::marks::{legend, Dash, LegendEntry, Marker, Swatch};
use super::palette::CLASS_COLOURS;
use super::text::{fitting, text, words};
use super::theme::{label_font, px, small_font, SUBTLE, TEXT};
use crate::format;

/// Per-curve look, in the order the model lists the estimators. Yellow is skipped: thin lines in
/// it vanish on white.
const STYLES: [(usize, Dash, Marker); 6] = [
    (0, Dash::Solid, Marker::Circle),
    (3, Dash::Dashed, Marker::Square),
    (7, Dash::Long, Marker::Diamond),
    (2, Dash::Dotted, Marker::Triangle),
    (4, Dash::Solid, Marker::Diamond),
    (1, Dash::Dashed, Marker::Cross),
];

fn look_of(j: usize) -> Look {
    let (c, dash, marker) = STYLES[j % STYLES.len()];
    Look {
        colour: CLASS_COLOURS[c % CLASS_COLOURS.len()],
        dash,
        marker,
    }
}

/// How many decades below its largest value each log axis reaches; smaller values are drawn at
/// the floor (and said to be). An exact bias can be tiny (GS at small τ, linear payoff) and the
/// variance spans decades as τ grows.
const BIAS_RATIO: f64 = 1e5;
const VARIANCE_RATIO: f64 = 1e6;
/// Half-width of a variance error bar, in standard errors.
const BAR_SE: f64 = 2.0;

pub fn draw_estimators<DB: Backend>(
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
        return message(area, theme, words(theme).no_estimator_sweep());
    }
    let words = words(theme);
    let Some(Frame { w, h, margin }) = start_figure(area, theme, 240.0, 200.0)? else {
        return Ok(());
    };
    let looks: Vec<Look> = (0..data.curves.len()).map(look_of).collect();

    let mut entries: Vec<LegendEntry> = data
        .curves
        .iter()
        .zip(&looks)
        .map(|(c, look)| {
            LegendEntry::new(
                c.name.clone(),
                Swatch::Line {
                    colour: look.colour,
                    dash: look.dash,
                    marker: Marker::None,
                },
            )
        })
        .collect();
    entries.push(LegendEntry::new(
        words.line_exact(),
        Swatch::Line {
            colour: SUBTLE,
            dash: Dash::Solid,
            marker: Marker::None,
        },
    ));
    // The longest wording that fits a legend row beside its marker (the legend's swatch and gap).
    let marks = words.mark_monte_carlo(&format::count(data.samples as u64));
    let marks: Vec<&str> = marks.iter().map(String::as_str).collect();
    let room = w - 2 * margin - px(theme, 18.0);
    entries.push(LegendEntry::new(
        fitting(area, &marks, &label_font(theme), room),
        Swatch::Point(SUBTLE, Marker::Circle),
    ));
    let top = legend(
        area,
        theme,
        &entries,
        (margin, margin),
        w - 2 * margin,
        true,
    )?;

    // Under the plots: the exact gradient every bias is measured against, then the notes.
    let mut lines = Vec::new();
    if !data.exact.is_empty() {
        let parts: Vec<String> = data.exact.iter().map(|g| format::rounded(*g, 3)).collect();
        lines.push(words.exact_gradient(&parts.join(", ")));
    }
    lines.extend(data.notes.iter().cloned());
    let line_h = px(theme, 17.0);
    let bottom = line_h * lines.len() as i32;
    for (i, line) in lines.iter().enumerate() {
        let y = h - margin - bottom + line_h * (i as i32 + 1);
        text(
            area,
            line,
            (margin, y),
            &small_font(theme).color(&TEXT),
            HPos::Left,
            VPos::Bottom,
        )?;
    }

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

    let metrics = [
        (Quantity::Bias, words.bias_log(), BIAS_RATIO),
        (Quantity::Variance, words.variance_log(), VARIANCE_RATIO),
    ];
    for (panel, (quantity, descs, ratio)) in panels.iter().zip(metrics) {
        draw_panel(
            panel, theme, data, &looks, &x_axis, quantity, descs, BAR_SE, ratio,
        )?;
    }
    Ok(())
}
