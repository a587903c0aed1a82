//! View 3 for k = 2: the binary Concrete density of y₁ over a histogram of sampled y₁. At small τ
//! the density piles up at 0 and 1 and spans orders of magnitude, so the model can ask for a log
//! axis.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::LogAxis;
use super::chart_axis::ChartAxis;
use super::data::{BinaryDensityData, Theme};
use super::error::{Drawn, RenderError};
use super::frame::{chart_builder, local, message, plot_below, start_figure, Frame};
use super::marks::{header_strip, polyline, Dash, LegendEntry, Marker, Swatch};
use super::palette::{class_colour, lighten};
use super::ranges::{clip_runs, finite_max, linear_range};
use super::text::{fmt_tau, words};
use super::theme::{draw_axes, stroke, GridLines, TEXT};

/// A log axis reaches at most this far below its top; lower values sit on that floor.
const LOG_RATIO: f64 = 1e6;

pub fn draw_binary<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &BinaryDensityData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let hist_max = finite_max(data.hist_density.iter().copied().filter(|v| *v > 0.0));
    let curve_max = finite_max(
        data.curve
            .iter()
            .filter(|(x, _)| x.is_finite())
            .map(|&(_, y)| y)
            .filter(|v| *v > 0.0),
    );
    if hist_max.is_none() && curve_max.is_none() {
        return message(area, theme, words(theme).no_density());
    }
    let Some(Frame { w, h, margin }) = start_figure(area, theme, 160.0, 120.0)? else {
        return Ok(());
    };
    let colour = class_colour(0);
    let words = words(theme);

    let note = fmt_tau(data.tau);
    let entries = [
        LegendEntry::new(words.sampled_y1(), Swatch::Filled(lighten(colour, 0.35))),
        LegendEntry::new(
            words.density_p_y1(),
            Swatch::Line {
                colour: TEXT,
                dash: Dash::Solid,
                marker: Marker::None,
            },
        ),
    ];
    let top = header_strip(area, theme, &entries, &note, margin)?;
    let (plot, _) = plot_below(area, theme, (w, h, margin), top);

    // The curve runs off to infinity at the ends when τ is small; the histogram decides the
    // scale when there is one, and the curve may reach a few times above it before it is clipped.
    let reach = if data.log_scale { 30.0 } else { 3.0 };
    let top_value = match (hist_max, curve_max) {
        (Some(hm), Some(cm)) => hm.max(cm.min(hm * reach)),
        (Some(hm), None) => hm,
        (None, Some(cm)) => cm,
        (None, None) => 1.0,
    };
    // The y axis, its ends, its description and the scale the curve is interpolated in.
    let (axis, (lo, hi), y_desc, ty): (ChartAxis, _, _, fn(f64) -> f64) = if data.log_scale {
        // Down to the smallest positive value shown, but no more than LOG_RATIO below the top.
        let hi = top_value * 1.3;
        let smallest = data
            .hist_density
            .iter()
            .copied()
            .chain(data.curve.iter().map(|p| p.1))
            .filter(|v| v.is_finite() && *v > 0.0)
            .fold(hi, f64::min);
        let axis = LogAxis::new(smallest.max(hi / LOG_RATIO) / 1.5, hi);
        let ends = (axis.lo(), axis.hi());
        (axis.into(), ends, words.density_log(), f64::log10)
    } else {
        let (y0, y1) = linear_range(0.0, top_value * 1.15);
        ((y0..y1).into(), (y0, y1), words.density(), |y| y)
    };
    let mut chart = chart_builder(&plot, theme, 12.0, 56.0)
        .build_cartesian_2d(ChartAxis::from(0.0..1.0), axis)?;
    draw_axes(
        &mut chart,
        theme,
        (6, 6),
        ("y₁   (y₂ = 1 − y₁)", y_desc),
        GridLines::Both,
    )?;
    let to_px = |x: f64, y: f64| local(area, chart.backend_coord(&(x, y.clamp(lo, hi))));
    draw_series(area, theme, data, lo, hi, &to_px, ty)
}

/// Histogram bars from the axis bottom `lo`, then the density curve clipped to [lo, hi]
/// (interpolated in `ty`, the axis' own scale).
fn draw_series<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    data: &BinaryDensityData,
    lo: f64,
    hi: f64,
    to_px: &dyn Fn(f64, f64) -> (i32, i32),
    ty: fn(f64) -> f64,
) -> Drawn {
    let fill = lighten(class_colour(0), 0.35).filled();
    let nb = data.hist_density.len() as f64;
    for (b, &v) in data.hist_density.iter().enumerate() {
        if v.is_finite() && v > lo {
            let (a, z) = (to_px(b as f64 / nb, v), to_px((b + 1) as f64 / nb, lo));
            area.draw(&Rectangle::new([a, z], fill))?;
        }
    }
    // On a log axis a zero density is "below the floor": cut the line there rather than
    // drawing it along the bottom.
    let points: Vec<(f64, f64)> = data
        .curve
        .iter()
        .map(|&(x, y)| if y > 0.0 { (x, y) } else { (x, f64::NAN) })
        .collect();
    let points = if lo > 0.0 { points } else { data.curve.clone() };
    for run in clip_runs(&points, (lo, hi), ty) {
        let pixels: Vec<(i32, i32)> = run
            .iter()
            .map(|&(x, y)| to_px(x.clamp(0.0, 1.0), y))
            .collect();
        polyline(
            area,
            theme,
            &pixels,
            TEXT.to_rgba(),
            stroke(theme, 2.0),
            Dash::Solid,
        )?;
    }
    Ok(())
}
