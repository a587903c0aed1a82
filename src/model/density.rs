//! The numbers behind the density view: the log-density raster over the k = 3 triangle, the
//! k = 2 curve, and the k > 3 projection, whichever the current k calls for.

use super::Model;
use crate::format::subscript;
use crate::math::density::{binary_log_density, log_convex_threshold};
use crate::math::elementary::Portable;
use crate::math::gumbel::argmax;
use crate::math::raster::TriangleGrid;
use crate::math::relaxed::GumbelSoftmax;
use crate::math::simplex::{
    barycentric_to_xy, polygon_vertices, project_to_polygon, TRIANGLE_VERTICES,
};
use crate::render::{BinaryDensityData, ProjectionData, SimplexHeatmapData};

/// What the density view shows for the current k.
#[derive(Clone, Debug)]
pub enum DensityView {
    Binary(BinaryDensityData),
    Simplex(SimplexHeatmapData),
    Projection(ProjectionData),
}

impl Model {
    /// The density view; for k = 3 the raster is `width × height` pixels.
    pub fn density_view(&mut self, width: u32, height: u32) -> DensityView {
        let dist = self.settings.dist().clone();
        match dist.k() {
            2 => {
                let s = self.summary();
                let hist = s.component_hist.first().cloned().unwrap_or_default();
                let n = s.n;
                DensityView::Binary(binary_density(&dist, &hist, n))
            }
            3 => {
                let mut raster = std::mem::take(&mut self.raster);
                let d = self.raster_divisor.max(1);
                let overlay = self.summary().overlay.clone();
                if d > 1 && width >= d && height >= d {
                    // The coarse raster itself, shown at the full size by the figure: scaling
                    // it up here would only make the figure colour each value d² times.
                    let coarse = (width.div_ceil(d), height.div_ceil(d));
                    let (grid, out) = (&mut self.coarse_grid, &mut self.coarse_raster);
                    log_density_raster(&dist, coarse.0, coarse.1, grid, out);
                    raster.clear();
                    raster.extend_from_slice(out);
                    self.coarse_raster_drawn(&dist, d);
                    let mut data = simplex_heatmap(&dist, coarse.0, coarse.1, &overlay, raster);
                    data.scaled_to = Some((width, height));
                    return DensityView::Simplex(data);
                }
                // Whole, or in bands while the page defers them (raster_bands.rs).
                self.full_raster(&dist, (width, height), &mut raster);
                let data = simplex_heatmap(&dist, width, height, &overlay, raster);
                DensityView::Simplex(data)
            }
            _ => {
                let overlay = self.summary().overlay.clone();
                DensityView::Projection(projection(&dist, &overlay))
            }
        }
    }

    /// Evaluates the k = 3 raster `divisor` times coarser in each direction (1: full
    /// resolution) and scales it up to the size asked for: a quarter or a ninth of the work
    /// while a slider moves. The figure around it is drawn at full resolution either way.
    pub fn set_raster_divisor(&mut self, divisor: u32) {
        self.raster_divisor = divisor.clamp(1, 8);
    }

    /// Gives the raster buffer back for reuse by the next heatmap.
    pub fn recycle_raster(&mut self, raster: Vec<f64>) {
        self.raster = raster;
    }

    /// τ = 1/(k − 1) for the current k: at and below it the density is log-convex (NaN when
    /// undefined).
    pub fn log_convex_threshold(&self) -> f64 {
        log_convex_threshold(self.settings.k()).unwrap_or(f64::NAN)
    }
}

/// Points of the k = 2 density curve.
pub const BINARY_CURVE_POINTS: usize = 400;

/// Fills `out` (row-major `width × height`) with ln p at each pixel centre of the raster
/// that spans the triangle's bounding box, NaN outside the open triangle. `grid` keeps the
/// logarithms of the pixel coordinates between calls at the same size.
pub fn log_density_raster(
    dist: &GumbelSoftmax,
    width: u32,
    height: u32,
    grid: &mut TriangleGrid,
    out: &mut Vec<f64>,
) {
    let size = (width as usize, height as usize);
    if grid.size() != size {
        *grid = TriangleGrid::new(size.0, size.1);
    }
    grid.log_density(dist, out);
}

/// Fills `out` (row-major `to`) from the row-major raster `src` of size `from`, each pixel
/// taking the value of the source pixel under its centre (NaN where there is none).
#[cfg(test)]
pub fn scale_up(src: &[f64], from: (u32, u32), to: (u32, u32), out: &mut Vec<f64>) {
    out.clear();
    out.resize(to.0 as usize * to.1 as usize, f64::NAN);
    scale_up_rows(src, from, to, 0, out);
}

/// [`scale_up`] of the rows from `first` down only, into `out` of size `to` (row-major); the
/// rows above are left as they are.
pub fn scale_up_rows(src: &[f64], from: (u32, u32), to: (u32, u32), first: usize, out: &mut [f64]) {
    let (fw, fh) = (from.0 as usize, from.1 as usize);
    let (tw, th) = (to.0 as usize, to.1 as usize);
    if tw == 0 || th == 0 {
        return;
    }
    // Source column of each target column: the pixel under the target pixel's centre.
    let columns: Vec<usize> = (0..tw).map(|x| (2 * x + 1) * fw / (2 * tw)).collect();
    let source_row = |y: usize| (2 * y + 1) * fh / (2 * th) * fw;
    let rows = th.min(out.len() / tw);
    for y in first..rows {
        let row = source_row(y);
        if y > first && source_row(y - 1) == row {
            // The same source row as the row above: a copy of it.
            out.copy_within((y - 1) * tw..y * tw, y * tw);
            continue;
        }
        for (cell, &x) in out[y * tw..(y + 1) * tw].iter_mut().zip(&columns) {
            *cell = src.get(row + x).copied().unwrap_or(f64::NAN);
        }
    }
}

/// Bins of each histogram that locates a colour-bar percentile.
const RANGE_BINS: usize = 1024;

/// Colour-bar range: the 1st and 99.5th percentiles of the finite values, so the corner
/// singularities of a small τ do not wash out the rest of the triangle.
///
/// A display raster holds a few hundred thousand values; every `step`-th of them (about 20,000)
/// pins the percentiles down far better than the eye tells colours apart, at a tenth of the cost.
pub fn colour_range(values: &[f64]) -> (f64, f64) {
    let step = (values.len() / 20_000).max(1);
    let sample = || {
        values
            .iter()
            .step_by(step)
            .copied()
            .filter(|v| v.is_finite())
    };
    let (mut min, mut max, mut count) = (f64::INFINITY, f64::NEG_INFINITY, 0usize);
    for v in sample() {
        min = min.min(v);
        max = max.max(v);
        count += 1;
    }
    if count == 0 {
        return (0.0, 1.0);
    }
    let lo = quantile(sample, count, (min, max), 0.01);
    let hi = quantile(sample, count, (min, max), 0.995);
    if hi - lo < 1e-9 {
        (lo - 0.5, hi + 0.5)
    } else {
        (lo, hi)
    }
}

/// The value below which a fraction `q` of the `count` finite values that `values` yields
/// (all within `range`) lie. Two histogram passes, the second inside the bin the first one found, locate it to
/// 1/1024² of the range: as good as a sort for a colour bar, in linear time, and without the
/// kilobytes of sorting code a sort would add to the wasm module.
fn quantile<I: Iterator<Item = f64>>(
    values: impl Fn() -> I,
    count: usize,
    (mut lo, mut hi): (f64, f64),
    q: f64,
) -> f64 {
    let mut wanted = ((q * count as f64).ceil() as usize).clamp(1, count);
    for _ in 0..2 {
        let width = (hi - lo) / RANGE_BINS as f64;
        if width.is_nan() || width <= 0.0 {
            break;
        }
        let mut hist = [0usize; RANGE_BINS];
        for v in values().filter(|v| *v >= lo && *v <= hi) {
            hist[(((v - lo) / width) as usize).min(RANGE_BINS - 1)] += 1;
        }
        let mut seen = 0;
        let mut bin = RANGE_BINS - 1;
        for (i, &c) in hist.iter().enumerate() {
            if seen + c >= wanted {
                bin = i;
                break;
            }
            seen += c;
        }
        // Refine inside the bin: the values below it are already counted.
        wanted -= seen;
        let start = lo + width * bin as f64;
        hi = start + width;
        lo = start;
    }
    0.5 * (lo + hi)
}

/// The k = 3 heatmap with the first samples overlaid.
pub fn simplex_heatmap(
    dist: &GumbelSoftmax,
    width: u32,
    height: u32,
    overlay: &[f64],
    raster: Vec<f64>,
) -> SimplexHeatmapData {
    let (lo, hi) = colour_range(&raster);
    let probs = dist.probs();
    let points = overlay
        .chunks_exact(3)
        .map(|c| barycentric_to_xy([c[0], c[1], c[2]]))
        .collect();
    let label = |i: usize| {
        format!(
            "e{}  π{} = {:.2}",
            subscript(i + 1),
            subscript(i + 1),
            probs.get(i).copied().unwrap_or(f64::NAN)
        )
    };
    SimplexHeatmapData {
        vertices: TRIANGLE_VERTICES,
        width,
        height,
        log_density: raster,
        scaled_to: None,
        lo,
        hi,
        points,
        labels: [label(0), label(1), label(2)],
        tau: dist.tau(),
    }
}

/// The k = 2 density of y₁ over the histogram of the sampled y₁.
pub fn binary_density(dist: &GumbelSoftmax, hist: &[u64], n: u64) -> BinaryDensityData {
    let logits = dist.logits();
    let diff = logits.first().copied().unwrap_or(0.0) - logits.get(1).copied().unwrap_or(0.0);
    let tau = dist.tau();
    // x on a logistic grid, so the curve resolves both ends where the density changes fastest.
    let span = 9.2;
    let curve = (0..BINARY_CURVE_POINTS)
        .map(|j| {
            let z = -span + 2.0 * span * j as f64 / (BINARY_CURVE_POINTS - 1) as f64;
            let x = 1.0 / (1.0 + (-z).portable_exp());
            (x, binary_log_density(x, diff, tau).portable_exp())
        })
        .filter(|(_, p)| p.is_finite())
        .collect();
    let bins = hist.len().max(1) as f64;
    let nf = n.max(1) as f64;
    let hist_density = hist.iter().map(|&c| c as f64 / nf * bins).collect();
    BinaryDensityData {
        hist_density,
        curve,
        tau,
        log_scale: tau < 1.0,
    }
}

/// The k > 3 samples, projected into a regular k-gon.
pub fn projection(dist: &GumbelSoftmax, overlay: &[f64]) -> ProjectionData {
    let k = dist.k();
    let vertices = polygon_vertices(k);
    let mut points = Vec::new();
    let mut classes = Vec::new();
    for y in overlay.chunks_exact(k.max(1)) {
        points.push(project_to_polygon(y, &vertices));
        classes.push(argmax(y).unwrap_or(0));
    }
    ProjectionData {
        vertices,
        points,
        classes,
        tau: dist.tau(),
    }
}

#[cfg(test)]
mod tests {
    use super::scale_up;

    #[test]
    fn a_coarse_raster_scales_up_to_the_pixel_under_each_centre() {
        // 2 × 2 → 4 × 3: each target pixel takes the source pixel under its centre.
        let src = [1.0, 2.0, 3.0, 4.0];
        let mut out = Vec::new();
        scale_up(&src, (2, 2), (4, 3), &mut out);
        let want = [
            1.0, 1.0, 2.0, 2.0, //
            3.0, 3.0, 4.0, 4.0, //
            3.0, 3.0, 4.0, 4.0,
        ];
        assert_eq!(out, want);
        // A source too short for its size gives NaN, never a panic.
        scale_up(&src[..1], (2, 2), (2, 2), &mut out);
        assert_eq!(out[0], 1.0);
        assert!(out[1..].iter().all(|v| v.is_nan()));
    }

    #[test]
    fn rows_copied_from_the_row_above_equal_rows_computed_pixel_by_pixel() {
        // Every size pairing up to 7 × 7 → 13 × 11 and every first row: the result equals a
        // per-pixel reading of the source under each centre, and the rows above `first` stay.
        for (fw, fh) in [(1, 1), (2, 3), (3, 2), (5, 7), (7, 5)] {
            let src: Vec<f64> = (0..fw * fh).map(|i| i as f64).collect();
            for (tw, th) in [(1, 1), (4, 3), (7, 11), (13, 11), (13, 5)] {
                for first in [0, 1, th / 2, th] {
                    let mut out = vec![-1.0; tw * th];
                    super::scale_up_rows(
                        &src,
                        (fw as u32, fh as u32),
                        (tw as u32, th as u32),
                        first,
                        &mut out,
                    );
                    for y in 0..th {
                        for x in 0..tw {
                            let want = if y < first {
                                -1.0
                            } else {
                                src[(2 * y + 1) * fh / (2 * th) * fw + (2 * x + 1) * fw / (2 * tw)]
                            };
                            assert_eq!(
                                out[y * tw + x],
                                want,
                                "{fw}×{fh} → {tw}×{th}, first {first}, ({x}, {y})"
                            );
                        }
                    }
                }
            }
        }
    }
}
