//! View 2c: individual Gumbel-Softmax samples side by side, each a stacked bar of its k
//! components in class colours. At small τ almost every bar is one colour (nearly one-hot); at
//! large τ every bar shows all colours in similar shares.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::ClassAxis;
use super::chart_axis::ChartAxis;
use super::data::{SampleStripData, Theme};
use super::error::RenderError;
use super::frame::{chart_builder, local, message, plot_below, start_figure, Frame};
use super::marks::{header_strip, LegendEntry, Swatch};
use super::palette::class_colour;
use super::text::{fitting, fmt_tau, words};
use super::theme::{draw_axes, label_font, px, GridLines};
use crate::format;

/// More bars than this would be thinner than a pixel or two; the rest are left out (and said so).
const MAX_SAMPLES: usize = 200;

pub fn draw_sample_strip<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &SampleStripData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let shown = data.samples.len().min(MAX_SAMPLES);
    let k = data.samples.iter().map(Vec::len).max().unwrap_or(0);
    if shown == 0 || k == 0 {
        return message(area, theme, words(theme).no_samples());
    }
    let words = words(theme);
    let Some(Frame { w, h, margin }) = start_figure(area, theme, 160.0, 120.0)? else {
        return Ok(());
    };

    let mut note = fmt_tau(data.tau);
    if data.samples.len() > shown {
        let first = words.first_of(&shown.to_string(), &data.samples.len().to_string());
        note = format!("{note}  ·  {first}");
    }
    let entries: Vec<LegendEntry> = (0..k)
        .map(|i| {
            LegendEntry::new(
                format!("y{}", format::subscript(i + 1)),
                Swatch::Filled(class_colour(i)),
            )
        })
        .collect();
    let top = header_strip(area, theme, &entries, &note, margin)?;

    let (plot, axis_h) = plot_below(area, theme, (w, h, margin), top);
    let y_desc = fitting(area, words.stacked_axis(), &label_font(theme), axis_h);
    let mut chart = chart_builder(&plot, theme, 12.0, 52.0).build_cartesian_2d(
        ChartAxis::from(ClassAxis::new(shown)),
        ChartAxis::from(0.0..1.0),
    )?;
    // Six ticks where there is room, fewer in a short strip so their labels never touch.
    let labels = (
        shown.min(15),
        (axis_h / px(theme, 22.0)).clamp(2, 6) as usize,
    );
    draw_axes(
        &mut chart,
        theme,
        labels,
        (words.sample(), y_desc),
        GridLines::Across,
    )?;

    let to_px = |x: f64, y: f64| local(area, chart.backend_coord(&(x, y)));
    for (s, sample) in data.samples.iter().take(shown).enumerate() {
        let x = s as f64;
        // Stack from the bottom in class order; bad components add nothing, and the stack is
        // capped at 1 so a sample that does not sum to one cannot overflow the plot.
        let mut base = 0.0_f64;
        for (i, &v) in sample.iter().enumerate() {
            let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
            let top = (base + v).min(1.0);
            if top > base {
                let (a, b) = (to_px(x - 0.38, top), to_px(x + 0.38, base));
                area.draw(&Rectangle::new([a, b], class_colour(i).filled()))?;
            }
            base = top;
        }
    }
    Ok(())
}
