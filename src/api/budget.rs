//! The heatmap's full-resolution raster in bounded steps, for the page's scheduler: the page
//! defers the raster's bands while it draws for the screen, runs `refine_raster` in its slices
//! while `raster_pending`, and redraws once the raster is complete (model::raster_bands).

use super::Explorer;
use crate::model::raster_bands::BAND_PIXELS;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Explorer {
    /// While `on`, a full-resolution heatmap whose raster is not complete is drawn with coarse
    /// rows where the full ones are missing, and the rest waits for `refine_raster`; while
    /// off (an export, a test), `draw_at` finishes the raster first.
    pub fn defer_raster_bands(&mut self, on: bool) {
        self.model.defer_raster_bands(on);
    }

    /// Whether the heatmap drawn last still waits for rows of its full-resolution raster.
    pub fn raster_pending(&self) -> bool {
        self.model.raster_pending()
    }

    /// Computes the next band of the heatmap's full-resolution raster (a few milliseconds);
    /// returns whether more remain. Redraw when it returns false.
    pub fn refine_raster(&mut self) -> bool {
        self.model.refine_raster(BAND_PIXELS)
    }
}
