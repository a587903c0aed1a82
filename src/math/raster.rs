//! The k = 3 log density on a pixel grid over the triangle, fast enough to redraw at display
//! resolution while τ is dragged.
//!
//! The general [`GumbelSoftmax::log_density`] validates its point and takes three logarithms,
//! three exponentials and one more logarithm. On a fixed grid every point is valid by
//! construction and ln yᵢ does not depend on π or τ, so [`TriangleGrid`] keeps the logarithms
//! of its pixels and a redraw costs two exponentials and one logarithm per pixel.

use super::density::log_normaliser;
use super::elementary::Portable;
use super::relaxed::GumbelSoftmax;

/// The pixel centres of a `width × height` raster spanning the triangle's bounding box, with
/// ln y₁, ln y₂ of each pixel and ln y₃ of each row. Pixel (px, py) sits at
/// x = (px + ½)/width, y = (height − py − ½)/height · √3/2; vertices e₁ = (0, 0), e₂ = (1, 0),
/// e₃ = (½, √3/2).
#[derive(Clone, Debug, Default)]
pub struct TriangleGrid {
    width: usize,
    height: usize,
    /// (ln y₁, ln y₂) per pixel, row-major; NaN outside the open triangle.
    ln_y12: Vec<(f64, f64)>,
    /// ln y₃ per row; NaN for rows outside.
    ln_y3: Vec<f64>,
}

impl TriangleGrid {
    pub fn new(width: usize, height: usize) -> TriangleGrid {
        let mut grid = TriangleGrid::unfilled(width, height);
        grid.fill_rows(0..height);
        grid
    }

    /// A `width × height` grid whose rows are still to be filled ([`fill_rows`](Self::fill_rows)):
    /// the same grid as [`new`](Self::new) gives once every row is filled, built a band of rows
    /// at a time.
    pub fn unfilled(width: usize, height: usize) -> TriangleGrid {
        TriangleGrid {
            width,
            height,
            ln_y12: vec![(f64::NAN, f64::NAN); width * height],
            ln_y3: vec![f64::NAN; height],
        }
    }

    /// Computes the logarithms of the pixels of `rows` (rows past the height are ignored).
    pub fn fill_rows(&mut self, rows: std::ops::Range<usize>) {
        let (width, height) = (self.width, self.height);
        for py in rows.start..rows.end.min(height) {
            // Barycentric coordinates: y₃ from the height; y₂ from x, y₁ = 1 − y₂ − y₃.
            let y3 = (height as f64 - py as f64 - 0.5) / height as f64;
            if y3 <= 0.0 || y3 >= 1.0 {
                continue;
            }
            if let Some(l3) = self.ln_y3.get_mut(py) {
                *l3 = y3.portable_ln();
            }
            let Some(row) = self.ln_y12.get_mut(py * width..(py + 1) * width) else {
                continue;
            };
            for (px, cell) in row.iter_mut().enumerate() {
                let x = (px as f64 + 0.5) / width as f64;
                let y2 = x - 0.5 * y3;
                let y1 = 1.0 - y3 - y2;
                if y1 > 0.0 && y2 > 0.0 {
                    *cell = (y1.portable_ln(), y2.portable_ln());
                }
            }
        }
    }

    pub fn size(&self) -> (usize, usize) {
        (self.width, self.height)
    }

    /// Fills `out` (row-major) with ln p of `dist` at each pixel, NaN outside the triangle
    /// (and everywhere when `dist` is not a k = 3 distribution).
    pub fn log_density(&self, dist: &GumbelSoftmax, out: &mut Vec<f64>) {
        out.clear();
        out.resize(self.width * self.height, f64::NAN);
        self.log_density_rows(dist, 0..self.height, out);
    }

    /// Writes ln p of `dist` into the pixels of `rows` of `out`, a row-major buffer of the
    /// grid's size (rows it does not hold are skipped; pixels outside the triangle and every
    /// pixel of a distribution that is not k = 3 are left as they are).
    pub fn log_density_rows(
        &self,
        dist: &GumbelSoftmax,
        rows: std::ops::Range<usize>,
        out: &mut [f64],
    ) {
        let w = self.width;
        if dist.k() != 3 || w == 0 {
            return;
        }
        let lp = dist.logits();
        let (lp1, lp2, lp3) = (lp[0], lp[1], lp[2]);
        let tau = dist.tau();
        let constant = log_normaliser(3, tau) + lp1 + lp2 + lp3;
        for py in rows.start..rows.end.min(self.height) {
            let l3 = self.ln_y3[py];
            if l3.is_nan() {
                continue;
            }
            let a3 = lp3 - tau * l3;
            let Some(cells) = out.get_mut(py * w..(py + 1) * w) else {
                return;
            };
            let logs = &self.ln_y12[py * w..(py + 1) * w];
            for (cell, &(l1, l2)) in cells.iter_mut().zip(logs) {
                if l1.is_nan() {
                    continue;
                }
                let (a1, a2) = (lp1 - tau * l1, lp2 - tau * l2);
                // log-sum-exp of (a1, a2, a3): the largest term contributes exp(0) = 1.
                let lse = if a1 >= a2 && a1 >= a3 {
                    a1 + (1.0 + (a2 - a1).portable_exp() + (a3 - a1).portable_exp()).portable_ln()
                } else if a2 >= a3 {
                    a2 + (1.0 + (a1 - a2).portable_exp() + (a3 - a2).portable_exp()).portable_ln()
                } else {
                    a3 + (1.0 + (a1 - a3).portable_exp() + (a2 - a3).portable_exp()).portable_ln()
                };
                *cell = constant - 3.0 * lse - (tau + 1.0) * (l1 + l2 + l3);
            }
        }
    }
}

/// ln p of `dist` on a fresh `width × height` grid (see [`TriangleGrid`]); for repeated
/// redraws at one size keep the grid instead.
pub fn log_density_raster3(dist: &GumbelSoftmax, width: usize, height: usize, out: &mut Vec<f64>) {
    TriangleGrid::new(width, height).log_density(dist, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::simplex::{xy_to_barycentric, TRIANGLE_HEIGHT};

    #[test]
    fn raster_matches_the_general_density() {
        let cases = [
            ([0.2, 0.3, 0.5], 0.5),
            ([0.7, 0.2, 0.1], 0.05),
            ([1.0, 1.0, 1.0], 3.0),
            ([1e-20, 0.5, 0.5], 0.01),
        ];
        for (probs, tau) in cases {
            let dist = GumbelSoftmax::from_probs(&probs, tau).unwrap();
            let (w, h) = (41, 37);
            let mut out = Vec::new();
            log_density_raster3(&dist, w, h, &mut out);
            let mut inside = 0;
            for py in 0..h {
                for px in 0..w {
                    let x = (px as f64 + 0.5) / w as f64;
                    let y = (h as f64 - py as f64 - 0.5) / h as f64 * TRIANGLE_HEIGHT;
                    let b = xy_to_barycentric(x, y);
                    let v = out[py * w + px];
                    if b.iter().all(|&c| c > 1e-12) {
                        let s: f64 = b.iter().sum();
                        let point = [b[0] / s, b[1] / s, b[2] / s];
                        let reference = dist.log_density(&point).unwrap();
                        assert!(
                            (v - reference).abs() <= 1e-9 * reference.abs().max(1.0),
                            "pixel ({px}, {py}): {v} vs {reference}"
                        );
                        inside += 1;
                    } else if b.iter().any(|&c| c < -1e-12) {
                        assert!(v.is_nan(), "pixel ({px}, {py}) outside is {v}");
                    }
                }
            }
            assert!(inside > w * h / 3);
        }
    }

    #[test]
    fn a_grid_filled_in_bands_gives_the_same_raster() {
        let dist = GumbelSoftmax::from_probs(&[0.2, 0.3, 0.5], 0.4).unwrap();
        let (w, h) = (53, 47);
        let mut whole = Vec::new();
        log_density_raster3(&dist, w, h, &mut whole);
        let mut grid = TriangleGrid::unfilled(w, h);
        for start in (0..h).step_by(5) {
            grid.fill_rows(start..start + 5);
        }
        let mut banded = vec![f64::NAN; w * h];
        for start in (0..h).step_by(7) {
            grid.log_density_rows(&dist, start..start + 7, &mut banded);
        }
        assert_eq!(whole.len(), banded.len());
        for (i, (a, b)) in whole.iter().zip(&banded).enumerate() {
            assert_eq!(a.to_bits(), b.to_bits(), "pixel {i}: {a} vs {b}");
        }
    }

    #[test]
    fn other_k_gives_only_nan() {
        let dist = GumbelSoftmax::from_probs(&[0.5, 0.5], 1.0).unwrap();
        let mut out = vec![1.0; 3];
        log_density_raster3(&dist, 4, 4, &mut out);
        assert_eq!(out.len(), 16);
        assert!(out.iter().all(|v| v.is_nan()));
    }

    #[test]
    fn empty_grid_is_empty() {
        let dist = GumbelSoftmax::from_probs(&[0.2, 0.3, 0.5], 1.0).unwrap();
        let mut out = vec![1.0; 3];
        TriangleGrid::new(0, 5).log_density(&dist, &mut out);
        assert!(out.is_empty());
    }
}
