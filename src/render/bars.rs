//! Paired bars per class, shared by the Gumbel-Max view (π against argmax frequencies) and the
//! expectation view (π against E[y]): a light outlined bar for the reference value beside a filled
//! bar for the observed value with its ±2 SE whisker.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::ClassAxis;
use super::chart_axis::ChartAxis;
use super::data::Theme;
use super::error::Drawn;
use super::frame::{chart_builder, local, message, plot_below, start_figure, Frame};
use super::marks::{header_strip, LegendEntry, Swatch};
use super::palette::{class_colour, lighten};
use super::ranges::{finite_max, linear_range};
use super::text::{fitting, words};
use super::theme::{draw_axes, label_font, px, stroke, GridLines, SUBTLE, TEXT};

pub struct PairedBars<'a> {
    /// Reference values (π), one per class.
    pub reference: &'a [f64],
    /// Observed values, one per class; NaN where there is nothing to show.
    pub observed: &'a [f64],
    /// Half-length of each observed value's whisker (2 SE); missing or NaN draws none.
    pub whisker: &'a [f64],
    pub reference_label: &'a str,
    pub observed_label: &'a str,
    /// The y axis's description, longest wording first: the first that fits is drawn.
    pub y_desc: &'a [&'a str],
    /// Short facts right-aligned above the plot ("χ² p = 0.43", "τ = 0.5").
    pub notes: Vec<String>,
}

pub fn draw_paired_bars<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    bars: &PairedBars,
) -> Drawn {
    let k = bars.reference.len().max(bars.observed.len());
    if k == 0 {
        return message(area, theme, words(theme).no_classes());
    }
    let Some(Frame { w, h, margin }) = start_figure(area, theme, 160.0, 120.0)? else {
        return Ok(());
    };

    // Notes on the right of the top strip, the legend in the room left of them.
    let note = bars.notes.join("  ·  ");
    let entries = [
        LegendEntry::new(bars.reference_label, Swatch::Outlined(SUBTLE)),
        LegendEntry::new(bars.observed_label, Swatch::Filled(TEXT)),
    ];
    let top = header_strip(area, theme, &entries, &note, margin)?;

    let (plot, axis_h) = plot_below(area, theme, (w, h, margin), top);
    let y_desc = fitting(area, bars.y_desc, &label_font(theme), axis_h);
    let ymax = (0..k)
        .filter_map(|i| {
            let r = bars.reference.get(i).copied().unwrap_or(f64::NAN);
            let o = bars.observed.get(i).copied().unwrap_or(f64::NAN);
            let e = bars.whisker.get(i).copied().unwrap_or(0.0);
            let e = if e.is_finite() { e.max(0.0) } else { 0.0 };
            finite_max([r, o + e])
        })
        .fold(0.0_f64, f64::max);
    let ymax = (ymax * 1.1).clamp(0.05, 1.05);
    let (y0, y1) = linear_range(0.0, ymax);

    let mut chart = chart_builder(&plot, theme, 12.0, 52.0)
        .build_cartesian_2d(ChartAxis::from(ClassAxis::new(k)), ChartAxis::from(y0..y1))?;
    let desc = (words(theme).class_i(), y_desc);
    draw_axes(&mut chart, theme, (k, 6), desc, GridLines::Across)?;

    let to_px = |x: f64, y: f64| local(area, chart.backend_coord(&(x, y.clamp(y0, y1))));
    for i in 0..k {
        let c = class_colour(i);
        let x = i as f64;
        if let Some(&r) = bars.reference.get(i).filter(|r| r.is_finite()) {
            let (a, b) = (to_px(x - 0.36, r), to_px(x - 0.02, 0.0));
            area.draw(&Rectangle::new([a, b], lighten(c, 0.7).filled()))?;
            area.draw(&Rectangle::new([a, b], c.stroke_width(stroke(theme, 1.5))))?;
        }
        if let Some(&o) = bars.observed.get(i).filter(|o| o.is_finite()) {
            let (a, b) = (to_px(x + 0.02, o), to_px(x + 0.36, 0.0));
            area.draw(&Rectangle::new([a, b], c.filled()))?;
            if let Some(&e) = bars.whisker.get(i).filter(|e| e.is_finite() && **e > 0.0) {
                let style = TEXT.stroke_width(stroke(theme, 1.5));
                let (lo, hi) = (to_px(x + 0.19, o - e), to_px(x + 0.19, o + e));
                let cap = px(theme, 4.0);
                area.draw(&PathElement::new(vec![lo, hi], style))?;
                for end in [lo, hi] {
                    area.draw(&PathElement::new(
                        vec![(end.0 - cap, end.1), (end.0 + cap, end.1)],
                        style,
                    ))?;
                }
            }
        }
    }
    Ok(())
}
