//! The triangle of the k = 3 figures (view 3's density, the training view's paths): the density
//! raster drawn in its rectangle, plane points in that rectangle's pixels, and the outlined
//! triangle with its corner labels.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::{SimplexHeatmapData, Theme};
use super::error::Drawn;
use super::marks::outline;
use super::raster::{
    colour_range, dot_alpha, dot_radius, draw_scaled_cells, rgb_image, scaled_rgb_image, Bounds,
    RasterElement,
};
use super::text::text;
use super::theme::{px, TEXT};

/// Where the triangle's bounding box lies in the area: its top-left corner and size in pixels.
#[derive(Clone, Copy, Debug)]
pub struct Placement {
    pub bounds: Bounds,
    pub rect: (i32, i32, u32, u32),
}

impl Placement {
    /// Plane coordinates (x across, y up) to area pixels: the mapping documented on the data.
    pub fn px(&self, p: (f64, f64)) -> (i32, i32) {
        let (x0, y0, w, h) = self.rect;
        let (fx, fy) = self.bounds.fraction(p);
        (
            x0 + (fx * f64::from(w)).round() as i32,
            y0 + h as i32 - (fy * f64::from(h)).round() as i32,
        )
    }

    /// The triangle's corners `vertices` in area pixels.
    pub fn corners(&self, vertices: &[(f64, f64); 3]) -> [(i32, i32); 3] {
        vertices.map(|v| self.px(v))
    }
}

/// The size of the largest box of `bounds`' aspect ratio that fits in `avail_w` × `avail_h`
/// pixels, so the triangle keeps its shape on screen; `None` when that room is too small to hold
/// a readable heatmap (16 × 14 pixels).
pub fn fitted_size(bounds: &Bounds, avail_w: i32, avail_h: i32) -> Option<(i32, i32)> {
    if avail_w < 16 || avail_h < 14 {
        return None;
    }
    let aspect = bounds.aspect();
    let w = avail_w.min((f64::from(avail_h) / aspect).floor() as i32);
    let h = ((f64::from(w) * aspect).round() as i32).min(avail_h);
    (w > 0 && h > 0).then_some((w, h))
}

/// Draws the heatmap of `data` at `place` with `points` (plane coordinates) as dots over it:
/// the raster in one blit, the dots stamped into it, when it has (or is to be shown at) the
/// placement's pixel size;
/// otherwise scaled cells (none when it holds fewer values than its size says) and the dots
/// drawn one by one.
pub fn draw_heatmap<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    data: &SimplexHeatmapData,
    place: &Placement,
    points: &[(f64, f64)],
) -> Drawn {
    let (x0, y0, w, h) = place.rect;
    let range = colour_range(data.lo, data.hi);
    let (dw, dh) = (data.width as usize, data.height as usize);
    // checked: on wasm32 a usize product of two u32 sizes can overflow.
    let have_raster = dw > 0
        && dh > 0
        && dw
            .checked_mul(dh)
            .is_some_and(|n| data.log_density.len() >= n);
    let shown = data.scaled_to.unwrap_or((data.width, data.height));
    if have_raster && shown == (w, h) {
        let log_density = &data.log_density[..dw * dh];
        let rgb = if shown == (data.width, data.height) {
            rgb_image(log_density, (dw, dh), range, points, &place.bounds, theme)
        } else {
            let to = (w as usize, h as usize);
            scaled_rgb_image(
                log_density,
                (dw, dh),
                to,
                range,
                points,
                &place.bounds,
                theme,
            )
        };
        area.draw(&RasterElement {
            at: (x0, y0),
            size: (w, h),
            rgba: rgb,
        })?;
        return Ok(());
    }
    if have_raster {
        draw_scaled_cells(area, data, place.rect, range)?;
    }
    let dot = TEXT.mix(dot_alpha(points.len())).filled();
    let r = dot_radius(theme);
    for &p in points {
        if place.bounds.plausible(p) {
            area.draw(&Circle::new(place.px(p), r, dot))?;
        }
    }
    Ok(())
}

/// The triangle through `corners` (e₁, e₂, e₃) outlined, with `labels` in `style` at its
/// corners: e₁'s and e₂'s under the two ends of the base, e₃'s above the apex.
pub fn outline_with_labels<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    corners: [(i32, i32); 3],
    labels: &[String; 3],
    style: &TextStyle,
) -> Drawn {
    outline(area, theme, &corners)?;
    let gap = px(theme, 5.0);
    let anchors = [
        (HPos::Left, VPos::Top, gap),
        (HPos::Right, VPos::Top, gap),
        (HPos::Center, VPos::Bottom, -gap),
    ];
    for ((label, corner), (hp, vp, dy)) in labels.iter().zip(corners).zip(anchors) {
        text(area, label, (corner.0, corner.1 + dy), style, hp, vp)?;
    }
    Ok(())
}
