//! View 3 for k = 3: the log density of the Gumbel-Softmax distribution over the triangle, with
//! samples overlaid and a colour bar.
//!
//! The density spans many orders of magnitude, so the model sends log density, already evaluated
//! on a raster. The raster goes to the backend as one bitmap: the browser's canvas backend turns
//! that into a single `putImageData`, where per-pixel drawing would cost one JavaScript call per
//! pixel. To make that possible the model evaluates the raster at exactly the pixel size
//! [`simplex_raster_rect`] reports for the area, and [`draw_simplex`] places it exactly there.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::{SimplexHeatmapData, Theme};
use super::error::{Drawn, RenderError};
use super::frame::{message, start_figure_with_room};
use super::palette::colour_map;
use super::raster::{colour_range, Bounds};
use super::text::{fmt_tau, text, text_size, words};
use super::theme::{font, label_font, px, small_font, stroke, AXIS, TEXT};
use super::triangle::{draw_heatmap, fitted_size, outline_with_labels, Placement};
use crate::format;

/// Room around the raster, in CSS pixels (scaled by the theme).
struct Layout {
    margin: i32,
    /// A text line above the apex (e₃'s label, the τ caption) and below the base (e₁, e₂).
    label_row: i32,
    /// Colour bar: gap to the triangle, bar width, and room for its tick labels.
    bar_gap: i32,
    bar_width: i32,
    bar_labels: i32,
}

impl Layout {
    fn new(theme: &Theme) -> Layout {
        Layout {
            margin: px(theme, 10.0),
            label_row: px(theme, 22.0),
            bar_gap: px(theme, 20.0),
            bar_width: px(theme, 14.0),
            bar_labels: px(theme, 50.0),
        }
    }

    fn bar_total(&self) -> i32 {
        self.bar_gap + self.bar_width + self.bar_labels
    }
}

/// Where the heatmap raster goes in an area of `area_w` × `area_h` pixels: its top-left corner
/// (relative to the area) and its size. The raster covers the bounding box of the triangle with
/// corners `vertices` at the box's own aspect ratio, so the triangle keeps its shape on screen
/// (for the equilateral triangle of the maths, the height is √3/2 of the width). The size is
/// (0, 0) when the area is too small to hold a readable heatmap or the corners span no area. Pure,
/// so the model can size its raster before drawing.
pub fn simplex_raster_rect(
    area_w: u32,
    area_h: u32,
    vertices: &[(f64, f64); 3],
    theme: &Theme,
) -> (i32, i32, u32, u32) {
    let Some(b) = Bounds::of(vertices) else {
        return (0, 0, 0, 0);
    };
    let l = Layout::new(theme);
    let (aw, ah) = (area_w.min(1 << 20) as i32, area_h.min(1 << 20) as i32);
    let avail_w = aw - 2 * l.margin - l.bar_total();
    let avail_h = ah - 2 * l.margin - 2 * l.label_row;
    let Some((w, h)) = fitted_size(&b, avail_w, avail_h) else {
        return (0, 0, 0, 0);
    };
    // Centre the triangle and its colour bar together.
    let x = (aw - (w + l.bar_total())) / 2;
    let y = l.margin + l.label_row + (avail_h - h) / 2;
    (x, y, w as u32, h as u32)
}

pub fn draw_simplex<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &SimplexHeatmapData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let Some(bounds) = Bounds::of(&data.vertices) else {
        return message(area, theme, words(theme).no_triangle());
    };
    let (aw, ah) = area.dim_in_pixel();
    let (x0, y0, w, h) = simplex_raster_rect(aw, ah, &data.vertices, theme);
    if start_figure_with_room(area, theme, w > 0 && h > 0)?.is_none() {
        return Ok(());
    }
    let place = Placement {
        bounds,
        rect: (x0, y0, w, h),
    };
    draw_heatmap(area, theme, data, &place, &data.points)?;

    // The two base labels share the triangle's width; on a narrow triangle use a smaller font.
    let mut style = label_font(theme);
    let base_w = |st: &plotters::style::TextStyle| {
        text_size(area, &data.labels[0], st).0 + text_size(area, &data.labels[1], st).0
    };
    if base_w(&style) + px(theme, 8.0) > w as i32 {
        style = font(theme, 10.0, TEXT);
    }
    let corners = place.corners(&data.vertices);
    outline_with_labels(area, theme, corners, &data.labels, &style)?;
    let l = Layout::new(theme);
    text(
        area,
        &fmt_tau(data.tau),
        (l.margin, l.margin),
        &small_font(theme).color(&TEXT),
        HPos::Left,
        VPos::Top,
    )?;

    draw_colour_bar(
        area,
        theme,
        (x0 + w as i32 + l.bar_gap, y0, l.bar_width, h as i32),
        colour_range(data.lo, data.hi),
    )
}

/// Vertical colour bar from `lo` (bottom) to `hi` (top) with five tick labels and a "log p" title.
fn draw_colour_bar<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    (x, y, bw, bh): (i32, i32, i32, i32),
    (lo, hi): (f64, f64),
) -> Drawn {
    if bw <= 0 || bh <= 0 {
        return Ok(());
    }
    // A smooth ramp needs no more steps than the eye resolves; one rectangle per step.
    let steps = bh.clamp(1, 64);
    for s in 0..steps {
        // Overlapping the step above by a pixel avoids anti-aliasing seams.
        let top = y + bh - (s + 1) * bh / steps - i32::from(s + 1 < steps);
        let bottom = y + bh - s * bh / steps;
        let c = colour_map((f64::from(s) + 0.5) / f64::from(steps));
        area.draw(&Rectangle::new([(x, top), (x + bw, bottom)], c.filled()))?;
    }
    area.draw(&Rectangle::new(
        [(x, y), (x + bw, y + bh)],
        AXIS.stroke_width(stroke(theme, 1.0)),
    ))?;
    let tick = px(theme, 4.0);
    for i in 0..=4 {
        let t = f64::from(i) / 4.0;
        let ty = y + bh - (t * f64::from(bh)).round() as i32;
        area.draw(&PathElement::new(
            vec![(x + bw, ty), (x + bw + tick, ty)],
            AXIS.stroke_width(stroke(theme, 1.0)),
        ))?;
        text(
            area,
            &format::rounded(lo + (hi - lo) * t, 3),
            (x + bw + tick + px(theme, 3.0), ty),
            &small_font(theme),
            HPos::Left,
            VPos::Center,
        )?;
    }
    text(
        area,
        "log p",
        (x + bw / 2, y - px(theme, 6.0)),
        &label_font(theme),
        HPos::Center,
        VPos::Bottom,
    )
}
