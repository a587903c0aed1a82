//! The density heatmap's pixels: the plane box the raster covers, the RGBA image built from the
//! log densities and the sample dots, the element that hands it to the backend in one blit, and
//! the scaled cells drawn instead when the raster is not at the area's pixel size.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters_backend::{BackendCoord, DrawingErrorKind};

use super::data::{SimplexHeatmapData, Theme};
use super::error::Drawn;
use super::palette::colour_map;
use super::theme::{px, TEXT};

/// The bounding box of the triangle's corners: the rectangle of the plane the raster covers.
#[derive(Clone, Copy, Debug)]
pub struct Bounds {
    x0: f64,
    y0: f64,
    w: f64,
    h: f64,
}

impl Bounds {
    /// `None` when the corners are not finite or span no area.
    pub fn of(vertices: &[(f64, f64); 3]) -> Option<Bounds> {
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

    /// Height over width: the raster keeps this aspect so the triangle keeps its shape.
    pub fn aspect(&self) -> f64 {
        self.h / self.w
    }

    /// Plane point (x, y) as fractions of the box from its bottom-left corner.
    pub fn fraction(&self, (x, y): (f64, f64)) -> (f64, f64) {
        ((x - self.x0) / self.w, (y - self.y0) / self.h)
    }

    /// Points a little outside (rounding in the model's projection) still draw; wild ones don't.
    pub fn plausible(&self, (x, y): (f64, f64)) -> bool {
        let slack = 0.05 * self.w.max(self.h);
        x.is_finite()
            && y.is_finite()
            && (self.x0 - slack..=self.x0 + self.w + slack).contains(&x)
            && (self.y0 - slack..=self.y0 + self.h + slack).contains(&y)
    }
}

/// An RGBA image (4 bytes per pixel, row-major, opaque) drawn with one `blit_rgba` call at its
/// top-left corner, in the drawing area's pixel coordinates.
pub struct RasterElement {
    pub at: (i32, i32),
    pub size: (u32, u32),
    pub rgba: Vec<u8>,
}

impl<'a> PointCollection<'a, (i32, i32)> for &'a RasterElement {
    type Point = &'a (i32, i32);
    type IntoIter = std::iter::Once<&'a (i32, i32)>;

    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

impl<DB: Backend> Drawable<DB> for RasterElement {
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
            .and_then(|n| n.checked_mul(4));
        match (points.next(), needed) {
            (Some(pos), Some(n)) if n > 0 && self.rgba.len() >= n => {
                backend.blit_rgba(pos, (w, h), &self.rgba[..n])
            }
            _ => Ok(()),
        }
    }
}

/// Colour-bar range, repaired when the model's is unusable (NaN, infinite or empty).
pub fn colour_range(lo: f64, hi: f64) -> (f64, f64) {
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
pub fn dot_alpha(n: usize) -> f64 {
    (0.5 * (200.0 / n.max(1) as f64).sqrt()).clamp(0.15, 0.5)
}

pub fn dot_radius(theme: &Theme) -> u32 {
    px(theme, 1.5).max(1) as u32
}

/// Blends a dark disc for each sample into the RGBA raster (size `dw × dh`, the triangle's
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
                let at = (py as usize * dw + px_ as usize) * 4;
                let blend =
                    |c: u8, ink: f64| (f64::from(c) * (1.0 - alpha) + ink * alpha).round() as u8;
                rgb[at] = blend(rgb[at], ink_r);
                rgb[at + 1] = blend(rgb[at + 1], ink_g);
                rgb[at + 2] = blend(rgb[at + 2], ink_b);
            }
        }
    }
}

/// The heatmap as an RGBA image (4 bytes per pixel, row-major, `dw × dh`, opaque): each log density
/// through the colour map (white outside the triangle, NaN), with the sample dots blended in, so
/// the whole picture goes out in one blit instead of a canvas call per dot.
pub fn rgb_image(
    log_density: &[f64],
    (dw, dh): (usize, usize),
    range: (f64, f64),
    points: &[(f64, f64)],
    bounds: &Bounds,
    theme: &Theme,
) -> Vec<u8> {
    let mut rgb = colours(log_density, range);
    stamp_points(&mut rgb, (dw, dh), points, bounds, theme);
    rgb
}

/// [`rgb_image`] of a coarse raster (`from`, row-major) shown at `to` pixels: each pixel takes the
/// colour of the raster pixel under its centre, the dots are blended in at `to`. The colour map
/// runs once per raster pixel, and a row the same as the one above is a copy of it: the picture
/// a raster scaled up to `to` first would give, for a fraction of the work.
pub fn scaled_rgb_image(
    log_density: &[f64],
    from: (usize, usize),
    to: (usize, usize),
    range: (f64, f64),
    points: &[(f64, f64)],
    bounds: &Bounds,
    theme: &Theme,
) -> Vec<u8> {
    let ((fw, fh), (tw, th)) = (from, to);
    let small = colours(log_density, range);
    let mut rgb = vec![255u8; tw * th * 4];
    // Source column of each target column: the pixel under the target pixel's centre.
    let columns: Vec<usize> = (0..tw).map(|x| (2 * x + 1) * fw / (2 * tw) * 4).collect();
    let source_row = |y: usize| (2 * y + 1) * fh / (2 * th);
    for y in 0..th {
        let row = source_row(y);
        if y > 0 && source_row(y - 1) == row {
            rgb.copy_within((y - 1) * tw * 4..y * tw * 4, y * tw * 4);
            continue;
        }
        let Some(src) = small.get(row * fw * 4..(row + 1) * fw * 4) else {
            continue;
        };
        for (px, &x) in rgb[y * tw * 4..(y + 1) * tw * 4]
            .chunks_exact_mut(4)
            .zip(&columns)
        {
            if let Some(c) = src.get(x..x + 3) {
                px[0] = c[0];
                px[1] = c[1];
                px[2] = c[2];
            }
        }
    }
    stamp_points(&mut rgb, to, points, bounds, theme);
    rgb
}

/// Each log density through the colour map as RGBA bytes (opaque; white outside the triangle,
/// NaN).
fn colours(log_density: &[f64], range: (f64, f64)) -> Vec<u8> {
    // 1024 colour-map entries: finer than the map's own steps, and a table lookup per
    // pixel instead of an interpolation.
    let lut: Vec<[u8; 3]> = (0..LUT_SIZE)
        .map(|i| {
            let c = colour_map(i as f64 / (LUT_SIZE - 1) as f64);
            [c.0, c.1, c.2]
        })
        .collect();
    let scale = (LUT_SIZE - 1) as f64 / (range.1 - range.0);
    // White everywhere first (outside the triangle, NaN), then each pixel's three bytes written
    // in place: a per-pixel push costs several times the look-up itself in wasm.
    let mut rgb = vec![255u8; log_density.len() * 4];
    for (px, &v) in rgb.chunks_exact_mut(4).zip(log_density) {
        if !v.is_nan() {
            // The float-to-int cast saturates: below lo → 0, above hi (or +∞) → clamped.
            let [r, g, b] = lut[(((v - range.0) * scale).max(0.0) as usize).min(LUT_SIZE - 1)];
            px[0] = r;
            px[1] = g;
            px[2] = b;
        }
    }
    rgb
}

/// A raster not at the rect's pixel size (an SVG test with a small raster, or a frame drawn before
/// the model caught up with a resize): each cell becomes a rectangle scaled to the rect, with runs
/// of equal colour in a row merged and white (outside) cells skipped.
pub fn draw_scaled_cells<DB: Backend>(
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

#[cfg(test)]
mod tests {
    use super::{colour_map, rgb_image, scaled_rgb_image, Bounds, Theme, LUT_SIZE};

    #[test]
    fn each_pixel_is_its_value_through_the_colour_table_and_nan_is_white() {
        let values = [
            f64::NAN,
            f64::NEG_INFINITY,
            -3.0,
            -1.0,
            -0.25,
            0.0,
            0.6,
            1.0,
            2.5,
            f64::INFINITY,
            f64::NAN,
            0.999,
        ];
        let range = (-1.0, 1.0);
        let bounds = Bounds::of(&[(0.0, 0.0), (1.0, 0.0), (0.5, 1.0)]).expect("a triangle");
        // No sample dots: the image is the colour table's reading of each value alone.
        let rgb = rgb_image(&values, (4, 3), range, &[], &bounds, &Theme::default());
        assert_eq!(rgb.len(), values.len() * 4);
        for (i, &v) in values.iter().enumerate() {
            let want = if v.is_nan() {
                [255, 255, 255, 255]
            } else {
                let at = ((v - range.0) / (range.1 - range.0) * (LUT_SIZE - 1) as f64)
                    .clamp(0.0, (LUT_SIZE - 1) as f64)
                    .floor();
                let c = colour_map(at / (LUT_SIZE - 1) as f64);
                [c.0, c.1, c.2, 255]
            };
            assert_eq!(rgb[4 * i..4 * i + 4], want, "value {v}");
        }
    }

    #[test]
    fn a_scaled_image_is_the_image_of_the_raster_scaled_up() {
        // Each target pixel takes the colour of the source pixel under its centre: the image
        // of the raster scaled up first, at sizes that divide and sizes that do not.
        let bounds = Bounds::of(&[(0.0, 0.0), (1.0, 0.0), (0.5, 1.0)]).expect("a triangle");
        let theme = Theme::default();
        let points = [(0.5, 0.3), (0.2, 0.1), (0.9, 0.05)];
        for ((fw, fh), (tw, th)) in [((3, 2), (12, 8)), ((5, 4), (17, 13)), ((4, 4), (4, 4))] {
            let src: Vec<f64> = (0..fw * fh)
                .map(|i| {
                    if i % 7 == 3 {
                        f64::NAN
                    } else {
                        i as f64 / 10.0
                    }
                })
                .collect();
            let up: Vec<f64> = (0..tw * th)
                .map(|i| {
                    let (x, y) = (i % tw, i / tw);
                    src[(2 * y + 1) * fh / (2 * th) * fw + (2 * x + 1) * fw / (2 * tw)]
                })
                .collect();
            let range = (0.0, 1.5);
            let want = rgb_image(&up, (tw, th), range, &points, &bounds, &theme);
            let got = scaled_rgb_image(&src, (fw, fh), (tw, th), range, &points, &bounds, &theme);
            assert_eq!(got, want, "{fw}×{fh} shown at {tw}×{th}");
        }
    }
}
