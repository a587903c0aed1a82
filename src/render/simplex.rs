//! View 3 for k = 3: the log density of the Gumbel-Softmax distribution over the triangle, with
//! samples overlaid and a colour bar.
//!
//! The density spans many orders of magnitude, so the model sends log density, already evaluated
//! on a raster. The raster goes to the backend as one bitmap: the browser's canvas backend turns
//! that into a single `putImageData`, where per-pixel drawing would cost one JavaScript call per
//! pixel. To make that possible the model evaluates the raster at exactly the pixel size
//! [`simplex_raster_rect`] reports for the area, and [`draw_simplex`] places it exactly there.

use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{BackendCoord, DrawingErrorKind};

use super::data::{SimplexHeatmapData, Theme};
use super::error::{Drawn, RenderError};
use super::frame::{message, start_figure_with_room};
use super::palette::colour_map;
use super::text::{fmt_tau, text, text_size};
use super::theme::{font, label_font, px, small_font, stroke, AXIS, TEXT};
use crate::format;

/// The bounding box of the triangle's corners: the rectangle of the plane the raster covers.
#[derive(Clone, Copy, Debug)]
struct Bounds {
    x0: f64,
    y0: f64,
    w: f64,
    h: f64,
}

impl Bounds {
    /// `None` when the corners are not finite or span no area.
    fn of(vertices: &[(f64, f64); 3]) -> Option<Bounds> {
        let (xs, ys) = (vertices.map(|v| v.0), vertices.map(|v| v.1));
        let lo = |a: [f64; 3]| a[0].min(a[1]).min(a[2]);
        let hi = |a: [f64; 3]| a[0].max(a[1]).max(a[2]);
        let (x0, y0) = (lo(xs), lo(ys));
        let (w, h) = (hi(xs) - x0, hi(ys) - y0);
        let usable = |v: f64| v.is_finite() && v > 0.0;
        (x0.is_finite() && y0.is_finite() && usable(w) && usable(h)).then_some(Bounds {
            x0,
            y0,
            w,
            h,
        })
    }

    /// Plane point (x, y) as fractions of the box from its bottom-left corner.
    fn fraction(&self, (x, y): (f64, f64)) -> (f64, f64) {
        ((x - self.x0) / self.w, (y - self.y0) / self.h)
    }

    /// Points a little outside (rounding in the model's projection) still draw; wild ones don't.
    fn plausible(&self, (x, y): (f64, f64)) -> bool {
        let slack = 0.05 * self.w.max(self.h);
        x.is_finite()
            && y.is_finite()
            && (self.x0 - slack..=self.x0 + self.w + slack).contains(&x)
            && (self.y0 - slack..=self.y0 + self.h + slack).contains(&y)
    }
}

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
    let aspect = b.h / b.w;
    let l = Layout::new(theme);
    let (aw, ah) = (area_w.min(1 << 20) as i32, area_h.min(1 << 20) as i32);
    let avail_w = aw - 2 * l.margin - l.bar_total();
    let avail_h = ah - 2 * l.margin - 2 * l.label_row;
    if avail_w < 16 || avail_h < 14 {
        return (0, 0, 0, 0);
    }
    let w = avail_w.min((f64::from(avail_h) / aspect).floor() as i32);
    let h = ((f64::from(w) * aspect).round() as i32).min(avail_h);
    if w <= 0 || h <= 0 {
        return (0, 0, 0, 0);
    }
    // Centre the triangle and its colour bar together.
    let x = (aw - (w + l.bar_total())) / 2;
    let y = l.margin + l.label_row + (avail_h - h) / 2;
    (x, y, w as u32, h as u32)
}

/// An RGB image (3 bytes per pixel, row-major) drawn with one `blit_bitmap` call at its top-left
/// corner, in the drawing area's pixel coordinates.
pub struct RasterElement {
    pub at: (i32, i32),
    pub size: (u32, u32),
    pub rgb: Vec<u8>,
}

impl<'a> PointCollection<'a, (i32, i32)> for &'a RasterElement {
    type Point = &'a (i32, i32);
    type IntoIter = std::iter::Once<&'a (i32, i32)>;

    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for RasterElement {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let (w, h) = self.size;
        // The backend's default blit indexes the buffer without checking its length; checked
        // products because usize is 32 bits on wasm32.
        let needed = (w as usize)
            .checked_mul(h as usize)
            .and_then(|n| n.checked_mul(3));
        match (points.next(), needed) {
            (Some(pos), Some(n)) if n > 0 && self.rgb.len() >= n => {
                backend.blit_bitmap(pos, (w, h), &self.rgb[..n])
            }
            _ => Ok(()),
        }
    }
}

/// Colour-bar range, repaired when the model's is unusable (NaN, infinite or empty).
fn colour_range(lo: f64, hi: f64) -> (f64, f64) {
    match (lo.is_finite(), hi.is_finite()) {
        (true, true) if hi > lo => (lo, hi),
        (true, _) => (lo, lo + 1.0),
        (false, true) => (hi - 1.0, hi),
        _ => (0.0, 1.0),
    }
}

fn pixel(v: f64, (lo, hi): (f64, f64)) -> [u8; 3] {
    if v.is_nan() {
        // Outside the triangle.
        return [255, 255, 255];
    }
    let c = colour_map((v - lo) / (hi - lo));
    [c.0, c.1, c.2]
}

/// Entries of the colour look-up table used for the heatmap raster.
const LUT_SIZE: usize = 1024;

/// Opacity of the sample dots over the heatmap: a few dozen dots are drawn solid enough to see,
/// a thousand or more faint enough that the heatmap still shows through.
fn dot_alpha(n: usize) -> f64 {
    (0.5 * (200.0 / n.max(1) as f64).sqrt()).clamp(0.15, 0.5)
}

fn dot_radius(theme: &Theme) -> u32 {
    px(theme, 1.5).max(1) as u32
}

/// Blends a dark disc for each sample into the RGB raster (size `dw × dh`, the triangle's
/// bounding box), at the positions `draw_simplex` would draw them.
fn stamp_points(
    rgb: &mut [u8],
    (dw, dh): (usize, usize),
    points: &[(f64, f64)],
    bounds: &Bounds,
    theme: &Theme,
) {
    let r = f64::from(dot_radius(theme));
    let alpha = dot_alpha(points.len());
    let reach = r.ceil() as i64;
    let (ink_r, ink_g, ink_b) = (TEXT.0 as f64, TEXT.1 as f64, TEXT.2 as f64);
    for &p in points {
        if !bounds.plausible(p) {
            continue;
        }
        let (fx, fy) = bounds.fraction(p);
        let cx = fx * dw as f64;
        let cy = dh as f64 - fy * dh as f64;
        let (ix, iy) = (cx.floor() as i64, cy.floor() as i64);
        for py in (iy - reach)..=(iy + reach) {
            for px_ in (ix - reach)..=(ix + reach) {
                if px_ < 0 || py < 0 || px_ >= dw as i64 || py >= dh as i64 {
                    continue;
                }
                let (dx, dy) = (px_ as f64 + 0.5 - cx, py as f64 + 0.5 - cy);
                if dx * dx + dy * dy > r * r {
                    continue;
                }
                let at = (py as usize * dw + px_ as usize) * 3;
                let blend =
                    |c: u8, ink: f64| (f64::from(c) * (1.0 - alpha) + ink * alpha).round() as u8;
                rgb[at] = blend(rgb[at], ink_r);
                rgb[at + 1] = blend(rgb[at + 1], ink_g);
                rgb[at + 2] = blend(rgb[at + 2], ink_b);
            }
        }
    }
}

pub fn draw_simplex<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &SimplexHeatmapData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let Some(bounds) = Bounds::of(&data.vertices) else {
        return message(
            area,
            theme,
            "No triangle to draw: its corners span no area.",
        );
    };
    let (aw, ah) = area.dim_in_pixel();
    let (x0, y0, w, h) = simplex_raster_rect(aw, ah, &data.vertices, theme);
    if start_figure_with_room(area, theme, w > 0 && h > 0)?.is_none() {
        return Ok(());
    }
    let range = colour_range(data.lo, data.hi);
    let (dw, dh) = (data.width as usize, data.height as usize);
    // checked: on wasm32 a usize product of two u32 sizes can overflow.
    let have_raster = dw > 0
        && dh > 0
        && dw
            .checked_mul(dh)
            .is_some_and(|n| data.log_density.len() >= n);
    let exact_raster = have_raster && data.width == w && data.height == h;
    if exact_raster {
        // 1024 colour-map entries: finer than the map's own steps, and a table lookup per
        // pixel instead of an interpolation.
        let lut: Vec<[u8; 3]> = (0..LUT_SIZE)
            .map(|i| {
                let c = colour_map(i as f64 / (LUT_SIZE - 1) as f64);
                [c.0, c.1, c.2]
            })
            .collect();
        let scale = (LUT_SIZE - 1) as f64 / (range.1 - range.0);
        let mut rgb = Vec::with_capacity(dw * dh * 3);
        for &v in &data.log_density[..dw * dh] {
            if v.is_nan() {
                // Outside the triangle.
                rgb.extend_from_slice(&[255, 255, 255]);
            } else {
                // The float-to-int cast saturates: below lo → 0, above hi (or +∞) → clamped.
                let i = (((v - range.0) * scale).max(0.0) as usize).min(LUT_SIZE - 1);
                rgb.extend_from_slice(&lut[i]);
            }
        }
        // The samples go into the same image: one blit instead of a canvas call per dot.
        stamp_points(&mut rgb, (dw, dh), &data.points, &bounds, theme);
        area.draw(&RasterElement {
            at: (x0, y0),
            size: (w, h),
            rgb,
        })?;
    } else if have_raster {
        draw_scaled_cells(area, data, (x0, y0, w, h), range)?;
    }

    // Plane coordinates (x across, y up) to area pixels: the mapping documented on the data.
    let (wf, hf) = (f64::from(w), f64::from(h));
    let to_px = |p: (f64, f64)| {
        let (fx, fy) = bounds.fraction(p);
        (
            x0 + (fx * wf).round() as i32,
            y0 + h as i32 - (fy * hf).round() as i32,
        )
    };
    let corners = data.vertices.map(to_px);

    if !exact_raster {
        let dot = TEXT.mix(dot_alpha(data.points.len())).filled();
        let r = dot_radius(theme);
        for &p in &data.points {
            if bounds.plausible(p) {
                area.draw(&Circle::new(to_px(p), r, dot))?;
            }
        }
    }

    let mut outline = corners.to_vec();
    outline.push(corners[0]);
    area.draw(&PathElement::new(
        outline,
        TEXT.stroke_width(stroke(theme, 1.5)),
    ))?;

    // The two base labels share the triangle's width; on a narrow triangle use a smaller font.
    let mut style = label_font(theme);
    let base_w = |st: &plotters::style::TextStyle| {
        text_size(area, &data.labels[0], st).0 + text_size(area, &data.labels[1], st).0
    };
    if base_w(&style) + px(theme, 8.0) > w as i32 {
        style = font(theme, 10.0, TEXT);
    }
    let gap = px(theme, 5.0);
    text(
        area,
        &data.labels[0],
        (corners[0].0, corners[0].1 + gap),
        &style,
        HPos::Left,
        VPos::Top,
    )?;
    text(
        area,
        &data.labels[1],
        (corners[1].0, corners[1].1 + gap),
        &style,
        HPos::Right,
        VPos::Top,
    )?;
    text(
        area,
        &data.labels[2],
        (corners[2].0, corners[2].1 - gap),
        &style,
        HPos::Center,
        VPos::Bottom,
    )?;
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
        range,
    )
}

/// A raster not at the rect's pixel size (an SVG test with a small raster, or a frame drawn before
/// the model caught up with a resize): each cell becomes a rectangle scaled to the rect, with runs
/// of equal colour in a row merged and white (outside) cells skipped.
fn draw_scaled_cells<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &SimplexHeatmapData,
    (x0, y0, w, h): (i32, i32, u32, u32),
    range: (f64, f64),
) -> Drawn {
    let (dw, dh) = (data.width as usize, data.height as usize);
    let edge_x = |i: usize| x0 + (i as f64 * f64::from(w) / dw as f64).round() as i32;
    let edge_y = |j: usize| y0 + (j as f64 * f64::from(h) / dh as f64).round() as i32;
    for j in 0..dh {
        let row = &data.log_density[j * dw..(j + 1) * dw];
        let mut start = 0;
        while start < dw {
            let colour = pixel(row[start], range);
            let mut end = start + 1;
            while end < dw && pixel(row[end], range) == colour {
                end += 1;
            }
            if colour != [255, 255, 255] {
                // Inner edges overlap the next cell by a pixel: anti-aliased viewers otherwise
                // show hairline seams between abutting rectangles.
                let right = edge_x(end) + i32::from(end < dw);
                let bottom = edge_y(j + 1) + i32::from(j + 1 < dh);
                area.draw(&Rectangle::new(
                    [(edge_x(start), edge_y(j)), (right, bottom)],
                    RGBColor(colour[0], colour[1], colour[2]).filled(),
                ))?;
            }
            start = end;
        }
    }
    Ok(())
}

/// Vertical colour bar from `lo` (bottom) to `hi` (top) with five tick labels and a "log p" title.
fn draw_colour_bar<DB: DrawingBackend>(
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
