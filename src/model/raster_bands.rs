//! The full-resolution k = 3 heatmap computed a band of rows at a time. At a device-pixel
//! ratio of 2 or 3 the raster holds about a million pixels, more than a frame's work. When the
//! page defers the bands ([`Model::defer_raster_bands`]), a full-resolution picture whose
//! raster is not complete is drawn with its missing rows taken from the coarse raster, and the
//! rest comes in bounded steps ([`Model::refine_raster`]) that the page runs between frames;
//! each step overwrites whole rows, so the finished raster is exactly the one computed at once.
//! Undeferred (an export, a test), a raster is finished before it is drawn. A heatmap to be
//! drawn later, out of sight, is computed in the same bands before its draw
//! ([`Model::prepare_raster`]), so that the draw needs no stand-in; the training view's
//! background is prepared with the same bands. The bands live in the model's one raster buffer,
//! so they cost no memory of their own.

use super::density::{log_density_raster, scale_up_rows};
use super::Model;
use crate::math::raster::TriangleGrid;
use crate::math::relaxed::GumbelSoftmax;

/// Pixels (of the grid or of the raster, whole rows) per refinement step: a few milliseconds
/// in the browser.
pub const BAND_PIXELS: usize = 40_000;
/// A raster this small is finished at once even when deferred: bands would not pay.
const SMALL_RASTER_PIXELS: usize = 2 * BAND_PIXELS;

/// What a raster is of: the logits and τ (bits), its width and height.
type RasterKey = (Vec<u64>, u32, u32);

fn key_of(dist: &GumbelSoftmax, width: u32, height: u32) -> RasterKey {
    let mut bits: Vec<u64> = dist.logits().iter().map(|l| l.to_bits()).collect();
    bits.push(dist.tau().to_bits());
    (bits, width, height)
}

/// The progress of a full-resolution raster computed in bands: the density view's, held in the
/// model's raster buffer, and the training view's background (model::training_data), whose
/// raster is never deferred and so never has a stand-in.
#[derive(Clone, Debug, Default)]
pub(super) struct RasterBands {
    /// Whether a raster not yet complete is left to [`Model::refine_raster`].
    deferred: bool,
    /// What the buffer's first `rows` rows are the full raster of.
    key: Option<RasterKey>,
    rows: usize,
    grid: TriangleGrid,
    /// Rows of the grid filled so far.
    grid_rows: usize,
    /// What the coarse raster (and its divisor) was last computed for.
    coarse_key: Option<(RasterKey, u32)>,
    /// The divisor of the last coarse raster (the stand-in's, too).
    divisor: u32,
    /// Whether a picture with stand-in rows was drawn since the raster was last complete.
    stand_in_shown: bool,
    /// Counts completions after a stand-in, so that the view's fingerprint changes then.
    generation: u64,
}

impl RasterBands {
    fn complete(&self) -> bool {
        self.key.is_some() && self.rows >= self.grid.size().1
    }

    /// Points the bands at the raster of `dist` at `width × height` in `raster`, unless they
    /// already are: an unfilled grid when the size changed (with `one`, the step ends there) and
    /// the raster's rows all to compute. Returns whether a buffer was replaced.
    pub(super) fn aim(
        &mut self,
        dist: &GumbelSoftmax,
        (width, height): (u32, u32),
        raster: &mut Vec<f64>,
        one: bool,
    ) -> bool {
        let key = key_of(dist, width, height);
        let (w, h) = (width as usize, height as usize);
        let pixels = w.saturating_mul(h);
        if self.key.as_ref() == Some(&key) && raster.len() == pixels {
            return false;
        }
        if self.grid.size() != (w, h) {
            self.grid = TriangleGrid::unfilled(w, h);
            self.grid_rows = 0;
            if one {
                return true;
            }
        }
        raster.clear();
        raster.resize(pixels, f64::NAN);
        self.key = Some(key);
        self.rows = 0;
        true
    }

    /// Computes up to `max_pixels` more whole rows (at least one) into `raster`: grid rows
    /// first, then the raster's. Returns whether rows remain.
    pub(super) fn advance(
        &mut self,
        dist: &GumbelSoftmax,
        max_pixels: usize,
        raster: &mut [f64],
    ) -> bool {
        let (width, height) = self.grid.size();
        let step = (max_pixels / width.max(1)).max(1);
        if self.grid_rows < height {
            let end = self.grid_rows.saturating_add(step).min(height);
            self.grid.fill_rows(self.grid_rows..end);
            self.grid_rows = end;
        } else if self.rows < height {
            let end = self.rows.saturating_add(step).min(height);
            if let Some(rows) = raster.get_mut(self.rows * width..end * width) {
                rows.fill(f64::NAN);
            }
            self.grid.log_density_rows(dist, self.rows..end, raster);
            self.rows = end;
        }
        if self.complete() && self.stand_in_shown {
            self.stand_in_shown = false;
            self.generation += 1;
        }
        !self.complete()
    }
}

impl Model {
    /// Makes a full-resolution raster that is not complete wait for
    /// [`refine_raster`](Self::refine_raster) (`on`), or be finished before it is drawn (`!on`).
    pub fn defer_raster_bands(&mut self, on: bool) {
        self.bands.deferred = on;
    }

    /// Fills `raster` with the full-resolution raster of `dist` at `width × height`: the rows
    /// computed so far, the coarse raster's in the others while deferred (see the module).
    pub(super) fn full_raster(
        &mut self,
        dist: &GumbelSoftmax,
        (width, height): (u32, u32),
        raster: &mut Vec<f64>,
    ) {
        let pixels = (width as usize).saturating_mul(height as usize);
        let bands = &mut self.bands;
        bands.aim(dist, (width, height), raster, false);
        if !bands.complete() && (!bands.deferred || pixels <= SMALL_RASTER_PIXELS) {
            while bands.advance(dist, usize::MAX, raster) {}
        }
        if bands.complete() {
            return;
        }
        let d = bands.divisor.max(2);
        let coarse = (width.div_ceil(d), height.div_ceil(d));
        let coarse_key = (key_of(dist, coarse.0, coarse.1), d);
        if bands.coarse_key.as_ref() != Some(&coarse_key) {
            log_density_raster(
                dist,
                coarse.0,
                coarse.1,
                &mut self.coarse_grid,
                &mut self.coarse_raster,
            );
            bands.coarse_key = Some(coarse_key);
        }
        scale_up_rows(
            &self.coarse_raster,
            coarse,
            (width, height),
            bands.rows,
            raster,
        );
        bands.stand_in_shown = true;
    }

    /// One step towards the full-resolution raster of the current distribution at `width ×
    /// height`, for a heatmap to be drawn later: the grid's buffer, then the raster's, each in
    /// a step of its own, then up to `max_pixels` of whole rows a step. Once it returns false
    /// the raster is complete, and drawing it computes nothing more (no coarse stand-in).
    /// Returns whether steps remain; false at once when the current k is not 3.
    pub fn prepare_raster(&mut self, (width, height): (u32, u32), max_pixels: usize) -> bool {
        let dist = self.settings.dist().clone();
        if dist.k() != 3 || width == 0 || height == 0 {
            return false;
        }
        let (bands, raster) = (&mut self.bands, &mut self.raster);
        bands.aim(&dist, (width, height), raster, true) || bands.advance(&dist, max_pixels, raster)
    }

    /// Notes that the raster buffer now holds a coarse raster of `dist` (`divisor` times
    /// coarser, computed into the coarse buffer): the full raster's rows are gone.
    pub(super) fn coarse_raster_drawn(&mut self, dist: &GumbelSoftmax, divisor: u32) {
        let (w, h) = self.coarse_grid.size();
        self.bands.key = None;
        self.bands.rows = 0;
        self.bands.divisor = divisor;
        self.bands.coarse_key = Some((key_of(dist, w as u32, h as u32), divisor));
    }

    /// Whether the full-resolution raster of the current distribution (at the size last asked
    /// for) still has rows to compute.
    pub fn raster_pending(&self) -> bool {
        let dist = self.settings.dist();
        match &self.bands.key {
            Some(key) => {
                dist.k() == 3
                    && !self.bands.complete()
                    && self.raster.len() == key.1 as usize * key.2 as usize
                    && key_of(dist, key.1, key.2) == *key
            }
            None => false,
        }
    }

    /// Computes up to `max_pixels` more of the pending full-resolution raster; returns whether
    /// rows remain.
    pub fn refine_raster(&mut self, max_pixels: usize) -> bool {
        if !self.raster_pending() {
            return false;
        }
        let dist = self.settings.dist().clone();
        self.bands.advance(&dist, max_pixels, &mut self.raster)
    }

    /// Changes when a raster drawn with stand-in rows is complete (for the view's fingerprint).
    pub(super) fn raster_generation(&self) -> u64 {
        self.bands.generation
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::density::DensityView;

    fn heatmap(m: &mut Model, w: u32, h: u32) -> Vec<f64> {
        match m.density_view(w, h) {
            DensityView::Simplex(d) => d.log_density,
            other => panic!("not a heatmap: {other:?}"),
        }
    }

    fn same_bits(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
    }

    #[test]
    fn a_raster_finished_in_bands_equals_one_computed_at_once() {
        let (w, h) = (401, 347);
        let mut whole = Model::new();
        let expected = heatmap(&mut whole, w, h);
        let mut m = Model::new();
        m.defer_raster_bands(true);
        let stand_in = heatmap(&mut m, w, h);
        assert!(
            !same_bits(&stand_in, &expected),
            "the stand-in is the full raster"
        );
        m.recycle_raster(stand_in);
        let before = m.raster_generation();
        let mut steps = 0;
        while m.refine_raster(BAND_PIXELS) {
            steps += 1;
            assert!(steps < 1_000, "the raster never completes");
        }
        // Grid and raster, each about w·h / BAND_PIXELS steps of whole rows.
        let rows = (BAND_PIXELS / w as usize).max(1);
        assert_eq!(steps + 1, 2 * (h as usize).div_ceil(rows));
        assert!(!m.raster_pending());
        assert_ne!(
            m.raster_generation(),
            before,
            "the completion does not show"
        );
        assert!(same_bits(&heatmap(&mut m, w, h), &expected));
    }

    #[test]
    fn a_raster_prepared_in_steps_is_drawn_whole_without_a_stand_in() {
        let (w, h) = (401, 347);
        let expected = heatmap(&mut Model::new(), w, h);
        let mut m = Model::new();
        m.defer_raster_bands(true);
        let mut steps = 0;
        while m.prepare_raster((w, h), BAND_PIXELS) {
            steps += 1;
            assert!(steps < 1_000, "the preparation never ends");
        }
        // The grid's buffer, the raster's, then the grid's and the raster's rows in bands (the
        // last band's step says that none remain).
        let rows = (BAND_PIXELS / w as usize).max(1);
        assert_eq!(steps, 2 + 2 * (h as usize).div_ceil(rows) - 1);
        assert!(!m.raster_pending());
        assert!(!m.prepare_raster((w, h), BAND_PIXELS), "prepared twice");
        let before = m.raster_generation();
        assert!(same_bits(&heatmap(&mut m, w, h), &expected));
        assert!(
            m.bands.coarse_key.is_none(),
            "a coarse stand-in was computed"
        );
        assert_eq!(m.raster_generation(), before, "a stand-in was shown");
    }

    #[test]
    fn only_a_k_3_raster_is_prepared() {
        let mut m = Model::new();
        m.update(|s| s.set_k(4)).unwrap();
        assert!(!m.prepare_raster((401, 347), BAND_PIXELS));
        m.update(|s| s.set_k(3)).unwrap();
        assert!(!m.prepare_raster((0, 347), BAND_PIXELS));
        assert!(m.prepare_raster((401, 347), BAND_PIXELS));
    }

    #[test]
    fn each_step_computes_whole_rows_within_its_bound() {
        let (w, h) = (300, 280);
        let mut m = Model::new();
        m.defer_raster_bands(true);
        let first = heatmap(&mut m, w, h);
        m.recycle_raster(first);
        assert!(m.raster_pending());
        let rows_per_step = BAND_PIXELS / w as usize;
        let mut grid_rows = 0;
        while m.bands.grid_rows < h as usize {
            assert!(m.refine_raster(BAND_PIXELS));
            assert!(m.bands.grid_rows - grid_rows <= rows_per_step);
            grid_rows = m.bands.grid_rows;
        }
        let mut rows = m.bands.rows;
        while m.refine_raster(BAND_PIXELS) {
            assert!(m.bands.rows - rows <= rows_per_step);
            rows = m.bands.rows;
        }
        assert_eq!(m.bands.rows, h as usize);
    }

    #[test]
    fn undeferred_and_small_rasters_are_finished_at_once() {
        let mut whole = Model::new();
        let expected = heatmap(&mut whole, 401, 347);
        let mut m = Model::new();
        assert!(same_bits(&heatmap(&mut m, 401, 347), &expected));
        assert!(!m.raster_pending());
        let mut small = Model::new();
        small.defer_raster_bands(true);
        let tiny = heatmap(&mut small, 120, 100);
        assert!(!small.raster_pending());
        assert!(same_bits(&tiny, &heatmap(&mut Model::new(), 120, 100)));
    }

    #[test]
    fn a_new_temperature_starts_the_bands_again() {
        let mut m = Model::new();
        m.defer_raster_bands(true);
        let first = heatmap(&mut m, 401, 347);
        m.recycle_raster(first);
        while m.refine_raster(BAND_PIXELS) {}
        m.update(|s| s.set_tau(0.25)).unwrap();
        assert!(
            !m.raster_pending(),
            "pending before the new raster was asked for"
        );
        let next = heatmap(&mut m, 401, 347);
        m.recycle_raster(next);
        assert!(m.raster_pending());
        while m.refine_raster(BAND_PIXELS) {}
        let mut fresh = Model::new();
        fresh.update(|s| s.set_tau(0.25)).unwrap();
        assert!(same_bits(
            &heatmap(&mut m, 401, 347),
            &heatmap(&mut fresh, 401, 347)
        ));
    }
}
