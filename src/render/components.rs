//! View 2a: one small histogram per component yᵢ of the Gumbel-Softmax sample, in class colours,
//! with the sample mean of yᵢ (dashed, the estimate of E[yᵢ]) and πᵢ (solid) marked. At small τ
//! the mass piles up at 0 and 1 (nearly one-hot samples); at large τ every component crowds
//! around 1/k.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;

use super::chart_axis::ChartAxis;
use super::data::{ComponentHistogramsData, Theme};
use super::error::{Drawn, RenderError};
use super::frame::{fits, local, message, start_figure, sub_area, Frame};
use super::marks::{header_strip, polyline, Dash, LegendEntry, Marker, Swatch};
use super::palette::class_colour;
use super::ranges::linear_range;
use super::text::{fitting, fmt_tau, text, words};
use super::theme::{label_font, px, small_font, stroke, style_mesh, SUBTLE, TEXT};
use crate::format;

/// The smallest panel (CSS pixels) that holds a readable histogram; a smaller one shows only
/// the component's name.
const PANEL_MIN: (f64, f64) = (70.0, 60.0);

pub fn draw_components<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &ComponentHistogramsData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let k = data.counts.len().max(data.mean.len()).max(data.probs.len());
    if k == 0 {
        return message(area, theme, words(theme).no_samples());
    }
    let words = words(theme);
    let Some(Frame { w, h, margin }) = start_figure(area, theme, 200.0, 150.0)? else {
        return Ok(());
    };

    let note = if data.n > 0 {
        format!("{}  ·  n = {}", fmt_tau(data.tau), format::count(data.n))
    } else {
        format!("{}  ·  {}", fmt_tau(data.tau), words.no_samples_note())
    };
    let line = |dash| Swatch::Line {
        colour: TEXT,
        dash,
        marker: Marker::None,
    };
    let entries = [
        LegendEntry::new("πᵢ", line(Dash::Solid)),
        LegendEntry::new(words.sample_mean_yi(), line(Dash::Dashed)),
        LegendEntry::new(words.fraction_per_bin(), Swatch::Filled(SUBTLE)),
    ];
    let top = header_strip(area, theme, &entries, &note, margin)?;

    // Axis descriptions once for the whole grid, not per panel.
    let gutter = px(theme, 18.0);
    let footer = px(theme, 20.0);
    let body_top = margin + top;
    let body_h = h - body_top - footer - margin;
    text(
        area,
        words.bins_axis(),
        (w / 2, h - margin),
        &label_font(theme),
        HPos::Center,
        VPos::Bottom,
    )?;
    let y_desc = fitting(area, words.fraction_axis(), &label_font(theme), body_h);
    text(
        area,
        y_desc,
        (margin, body_top + body_h / 2),
        &label_font(theme).transform(FontTransform::Rotate270),
        HPos::Center,
        VPos::Top,
    )?;
    let body = sub_area(
        area,
        (margin + gutter, body_top, w - 2 * margin - gutter, body_h),
    );

    let (bw, bh) = body.dim_in_pixel();
    let min = (
        f64::from(px(theme, PANEL_MIN.0)),
        f64::from(px(theme, PANEL_MIN.1)),
    );
    let (rows, cols) = grid(k, (f64::from(bw), f64::from(bh)), min);
    let n = data.n as f64;
    let fraction = |c: u64| if data.n > 0 { c as f64 / n } else { f64::NAN };
    let peak = data
        .counts
        .iter()
        .flatten()
        .map(|&c| fraction(c))
        .filter(|f| f.is_finite())
        .fold(0.0, f64::max);
    let ymax = if peak > 0.0 {
        (peak * 1.1).min(1.05)
    } else {
        1.0
    };
    for (i, panel) in body.split_evenly((rows, cols)).iter().enumerate().take(k) {
        draw_panel(panel, theme, data, i, ymax, &fraction)?;
    }
    Ok(())
}

/// Rows and columns for `k` panels in a `w` × `h` region: panels of at least `min` (w, h) when
/// some grid allows it, then as close as possible to a landscape 4:3, with few empty cells.
fn grid(k: usize, (w, h): (f64, f64), min: (f64, f64)) -> (usize, usize) {
    let k = k.max(1);
    let mut best = (1, k);
    let mut best_cost = f64::INFINITY;
    for cols in 1..=k {
        let rows = k.div_ceil(cols);
        let (pw, ph) = (w / cols as f64, h / rows as f64);
        let aspect = pw / ph.max(1.0);
        // A grid whose panels are too small for their histograms loses to any that are not.
        let too_small = if pw < min.0 || ph < min.1 { 1e3 } else { 0.0 };
        let cost =
            too_small + (aspect.max(1e-6) / (4.0 / 3.0)).ln().abs() + (rows * cols - k) as f64;
        if cost < best_cost {
            best_cost = cost;
            best = (rows, cols);
        }
    }
    best
}

fn draw_panel<DB: Backend>(
    panel: &DrawingArea<DB, Shift>,
    theme: &Theme,
    data: &ComponentHistogramsData,
    i: usize,
    ymax: f64,
    fraction: &dyn Fn(u64) -> f64,
) -> Drawn {
    let (pw, _) = panel.dim_in_pixel();
    let name = format!("y{}", format::subscript(i + 1));
    if !fits(panel, theme, PANEL_MIN.0, PANEL_MIN.1) {
        return text(
            panel,
            &name,
            (pw as i32 / 2, 0),
            &label_font(theme),
            HPos::Center,
            VPos::Top,
        );
    }
    let colour = class_colour(i);
    let (y0, y1) = linear_range(0.0, ymax);
    let mut chart = ChartBuilder::on(panel)
        .margin_top(px(theme, 18.0))
        .margin_right(px(theme, 10.0))
        .x_label_area_size(px(theme, 20.0))
        .y_label_area_size(px(theme, 36.0))
        .build_cartesian_2d(ChartAxis::from(0.0..1.0), ChartAxis::from(y0..y1))?;
    let mut mesh = chart.configure_mesh();
    style_mesh(&mut mesh, theme);
    // 0, 0.5 and 1 where they fit side by side, else only the ends.
    let x_labels = if pw as i32 >= px(theme, 110.0) { 3 } else { 2 };
    mesh.disable_x_mesh()
        .x_labels(x_labels)
        .y_labels(4)
        .x_label_style(small_font(theme))
        .draw()?;
    let to_px = |x: f64, y: f64| local(panel, chart.backend_coord(&(x, y.clamp(y0, y1))));

    let bins: &[u64] = data.counts.get(i).map_or(&[], |c| c.as_slice());
    let nb = bins.len() as f64;
    for (b, &c) in bins.iter().enumerate() {
        let f = fraction(c);
        if f.is_finite() && f > 0.0 {
            let (a, z) = (to_px(b as f64 / nb, f), to_px((b + 1) as f64 / nb, 0.0));
            panel.draw(&Rectangle::new([a, z], colour.filled()))?;
        }
    }
    let vline = |x: f64, dash: Dash| -> Drawn {
        if x.is_finite() {
            let x = x.clamp(0.0, 1.0);
            polyline(
                panel,
                theme,
                &[to_px(x, y0), to_px(x, y1)],
                TEXT.to_rgba(),
                stroke(theme, 1.5),
                dash,
            )?;
        }
        Ok(())
    };
    vline(data.probs.get(i).copied().unwrap_or(f64::NAN), Dash::Solid)?;
    vline(data.mean.get(i).copied().unwrap_or(f64::NAN), Dash::Dashed)?;

    let (right, top) = to_px(1.0, y1);
    text(
        panel,
        &name,
        (right, top - px(theme, 3.0)),
        &label_font(theme),
        HPos::Right,
        VPos::Bottom,
    )
}
