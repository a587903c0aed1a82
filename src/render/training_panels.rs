//! One panel of the training figure that plots a recorded quantity against the training step
//! (the exact objective, the gradient variance on a log axis, π₁ or the best class's π), every
//! estimator's curve in its own style, with a dashed reference line where there is one (the
//! optimum) and a marker at each curve's last point.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::LogAxis;
use super::chart_axis::ChartAxis;
use super::data::Theme;
use super::error::Drawn;
use super::frame::{fits, local};
use super::marks::{marker, polyline, Dash};
use super::ranges::{finite_max, finite_min, linear_range, log_range};
use super::text::{text, words};
use super::theme::{px, small_font, stroke, style_mesh, TEXT};
use super::training::style_of;
use super::training_data::{TrainingCurve, TrainingData};
use crate::format;

/// How far below its largest value the variance axis reaches (SF with a baseline can be
/// millions of times quieter than straight-through).
const VARIANCE_RATIO: f64 = 1e9;

/// What a panel plots.
pub(super) struct Series<'a> {
    /// The y axis description.
    pub desc: &'a str,
    /// The plotted values of a curve, one per recorded step.
    pub values: fn(&TrainingCurve) -> &[f64],
    /// A base-10 log axis instead of a linear one.
    pub log: bool,
    /// A dashed horizontal line at this value, labelled.
    pub reference: Option<(f64, &'a str)>,
    /// A fixed linear y range (π in [0, 1]) instead of one fitted to the values.
    pub fixed: Option<(f64, f64)>,
}

pub(super) fn draw_series<DB: Backend>(
    panel: &DrawingArea<DB, Shift>,
    theme: &Theme,
    data: &TrainingData,
    series: &Series,
) -> Drawn {
    if !fits(panel, theme, 120.0, 70.0) {
        return Ok(());
    }
    let words = words(theme);
    let last = finite_max(data.steps.iter().copied()).unwrap_or(0.0);
    let (x0, x1) = linear_range(0.0, last.max(1.0));
    let all = || {
        data.curves
            .iter()
            .flat_map(|c| (series.values)(c).iter().copied())
    };
    // The y axis and its ends: log for the variance, else linear (fixed, or fitted with a
    // little room above and below).
    let (axis, (y0, y1)): (ChartAxis, _) = if series.log {
        let Some((lo, hi)) = log_range(all(), VARIANCE_RATIO) else {
            let (w, h) = panel.dim_in_pixel();
            return text(
                panel,
                &words.none_yet(series.desc),
                (w as i32 / 2, h as i32 / 2),
                &small_font(theme),
                HPos::Center,
                VPos::Center,
            );
        };
        (LogAxis::new(lo, hi).into(), (lo, hi))
    } else {
        let (lo, hi) = match series.fixed {
            Some(range) => range,
            None => {
                let reference = series.reference.as_ref().map(|r| r.0);
                let values: Vec<f64> = all().chain(reference).collect();
                let lo = finite_min(values.iter().copied()).unwrap_or(0.0);
                let hi = finite_max(values.iter().copied()).unwrap_or(1.0);
                linear_range(lo, hi)
            }
        };
        let pad = 0.04 * (hi - lo);
        let (y0, y1) = linear_range(lo - pad, hi + pad);
        ((y0..y1).into(), (y0, y1))
    };
    let mut chart = ChartBuilder::on(panel)
        .margin_top(px(theme, 6.0))
        .margin_right(px(theme, 14.0))
        .x_label_area_size(px(theme, 34.0))
        .y_label_area_size(px(theme, 58.0))
        .build_cartesian_2d(ChartAxis::from(x0..x1), axis)?;
    let mut mesh = chart.configure_mesh();
    style_mesh(&mut mesh, theme);
    let step_label = |v: &f64| format::rounded(*v, 3);
    let value_label = |v: &f64| format::rounded(*v, 4);
    mesh.x_labels(5)
        .y_labels(5)
        .x_label_formatter(&step_label)
        .x_desc(words.training_step())
        .y_desc(series.desc);
    // A log axis labels its ticks itself ("10⁻⁴").
    if !series.log {
        mesh.y_label_formatter(&value_label);
    }
    mesh.draw()?;
    let to_px = |x: f64, y: f64| local(panel, chart.backend_coord(&(x, y.clamp(y0, y1))));
    draw_curves(panel, theme, data, series, &to_px, (x0, x1))
}

/// The reference line and every estimator's curve, through `to_px` (plot value → panel pixel,
/// y already clamped to the plot).
fn draw_curves<DB: Backend>(
    panel: &DrawingArea<DB, Shift>,
    theme: &Theme,
    data: &TrainingData,
    series: &Series,
    to_px: &dyn Fn(f64, f64) -> (i32, i32),
    (x0, x1): (f64, f64),
) -> Drawn {
    if let Some((value, label)) = &series.reference {
        if value.is_finite() {
            let (a, b) = (to_px(x0, *value), to_px(x1, *value));
            polyline(
                panel,
                theme,
                &[a, b],
                TEXT.mix(0.7),
                stroke(theme, 1.0),
                Dash::Dashed,
            )?;
            let text_label = format!("{label} {}", format::rounded(*value, 4));
            // Above the line unless it runs along the top of the plot.
            let (_, top) = to_px(x0, f64::INFINITY);
            let below = b.1 - top < px(theme, 16.0);
            let (dy, v) = if below {
                (px(theme, 3.0), VPos::Top)
            } else {
                (-px(theme, 3.0), VPos::Bottom)
            };
            // At the start, where every run is still far from the optimum.
            text(
                panel,
                &text_label,
                (a.0 + px(theme, 6.0), a.1 + dy),
                &small_font(theme).color(&TEXT),
                HPos::Left,
                v,
            )?;
        }
    }
    // Last to first, so the first estimators stay on top where curves coincide.
    for (j, curve) in data.curves.iter().enumerate().rev() {
        let (colour, dash, mark) = style_of(j);
        let mut runs: Vec<Vec<(i32, i32)>> = vec![Vec::new()];
        for (&step, &v) in data.steps.iter().zip((series.values)(curve)) {
            let usable = step.is_finite() && v.is_finite() && (!series.log || v > 0.0);
            if !usable {
                runs.push(Vec::new());
            } else if let Some(run) = runs.last_mut() {
                run.push(to_px(step, v));
            }
        }
        for run in &runs {
            polyline(
                panel,
                theme,
                run,
                colour.to_rgba(),
                stroke(theme, 1.5),
                dash,
            )?;
        }
        if let Some(&end) = runs.iter().rev().find_map(|r| r.last()) {
            marker(panel, theme, mark, end, px(theme, 3.5), colour.to_rgba())?;
        }
    }
    Ok(())
}
