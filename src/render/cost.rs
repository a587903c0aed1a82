//! View 7: the speed-up of a semi-supervised step when the class is sampled with Gumbel-Softmax
//! instead of marginalised over all k classes, (D + k(I+G)) / (D + I + G), against k on log axes,
//! with the paper's two measurements and the current k.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::LogAxis;
use super::chart_axis::ChartAxis;
use super::data::{CostData, Theme};
use super::error::RenderError;
use super::frame::{chart_builder, local, message, plot_below, start_figure, Frame};
use super::marks::{
    current_dot, main_curve, marker, top_legend, Dash, LegendEntry, Marker, Swatch,
};
use super::palette::CLASS_COLOURS;
use super::ranges::{finite_max, finite_min};
use super::text::{text, words};
use super::theme::{draw_axes, px, small_font, GridLines, TEXT};
use crate::format;

fn usable((k, s): (f64, f64)) -> bool {
    k.is_finite() && k > 0.0 && s.is_finite() && s > 0.0
}

pub fn draw_cost<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &CostData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let curve: Vec<(f64, f64)> = data.curve.iter().copied().filter(|p| usable(*p)).collect();
    let paper: Vec<(f64, f64)> = data.paper.iter().copied().filter(|p| usable(*p)).collect();
    let current = Some(data.current).filter(|p| usable(*p));
    let all: Vec<(f64, f64)> = curve
        .iter()
        .chain(&paper)
        .chain(current.iter())
        .copied()
        .collect();
    if all.is_empty() {
        return message(area, theme, words(theme).no_cost_model());
    }
    let words = words(theme);
    let Some(Frame { w, h, margin }) = start_figure(area, theme, 200.0, 150.0)? else {
        return Ok(());
    };
    let (line, paper_colour, current_colour) =
        (CLASS_COLOURS[0], CLASS_COLOURS[3], CLASS_COLOURS[2]);

    let entries = [
        LegendEntry::new(
            "(D + k(I+G)) / (D + I + G)",
            Swatch::Line {
                colour: line,
                dash: Dash::Solid,
                marker: Marker::None,
            },
        ),
        LegendEntry::new(
            words.paper_measured(),
            Swatch::Point(paper_colour, Marker::Diamond),
        ),
        LegendEntry::new(
            words.current_k(),
            Swatch::Point(current_colour, Marker::Circle),
        ),
    ];
    let top = top_legend(area, theme, &entries, (w, margin), true)?;
    let (plot, _) = plot_below(area, theme, (w, h, margin), top);

    // k from 2 to 1000 at least; the speed-up axis from 1× (no gain) up past the largest value.
    let k_lo = finite_min(all.iter().map(|p| p.0)).unwrap_or(2.0).min(2.0);
    let k_hi = finite_max(all.iter().map(|p| p.0))
        .unwrap_or(1000.0)
        .max(1000.0);
    let s_lo = finite_min(all.iter().map(|p| p.1)).unwrap_or(1.0).min(1.0);
    let s_hi = finite_max(all.iter().map(|p| p.1)).unwrap_or(10.0);
    let x_axis = LogAxis::new(k_lo / 1.1, k_hi * 1.1);
    let y_axis = LogAxis::new(s_lo / 1.2, (s_hi * 1.5).max(s_lo * 3.0));
    let (ylo, yhi) = (y_axis.lo(), y_axis.hi());
    let (xlo, xhi) = (x_axis.lo(), x_axis.hi());
    let mut chart = chart_builder(&plot, theme, 16.0, 52.0)
        .build_cartesian_2d(ChartAxis::from(x_axis), ChartAxis::from(y_axis))?;
    let desc = (words.classes_log(), words.speed_up_log());
    draw_axes(&mut chart, theme, (8, 8), desc, GridLines::Both)?;
    let to_px = |k: f64, s: f64| {
        local(
            area,
            chart.backend_coord(&(k.clamp(xlo, xhi), s.clamp(ylo, yhi))),
        )
    };

    let pixels: Vec<(i32, i32)> = curve.iter().map(|&(k, s)| to_px(k, s)).collect();
    main_curve(area, theme, &pixels, line)?;

    let small = small_font(theme).color(&TEXT);
    for (j, &(k, s)) in paper.iter().enumerate() {
        let at = to_px(k, s);
        marker(
            area,
            theme,
            Marker::Diamond,
            at,
            px(theme, 5.0),
            paper_colour.to_rgba(),
        )?;
        let value = words.paper_point(&format::rounded(s, 2), &format::rounded(k, 4));
        let label = if j == 0 {
            words.paper_label(&value)
        } else {
            value
        };
        // Below and to the right: the curve rises to the upper right, so that side is clear.
        text(
            area,
            &label,
            (at.0 + px(theme, 8.0), at.1 + px(theme, 4.0)),
            &small,
            HPos::Left,
            VPos::Top,
        )?;
    }
    if let Some((k, s)) = current {
        let at = to_px(k, s);
        current_dot(area, theme, at, current_colour)?;
        text(
            area,
            &format!("k = {}: {}×", format::rounded(k, 4), format::rounded(s, 3)),
            (at.0 - px(theme, 8.0), at.1 - px(theme, 6.0)),
            &small,
            HPos::Right,
            VPos::Bottom,
        )?;
    }
    Ok(())
}
