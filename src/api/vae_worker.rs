//! The training worker's module (built with the `vae-worker` feature, loaded only by
//! www/vae-worker.js): one handle, `VaeRun`, that trains view 9's models in time-boxed slices
//! and draws the view's two figures onto offscreen canvases. The page's own module has none
//! of this, and this module has none of the page's handle.

#[path = "panic.rs"]
mod panic;
#[cfg(feature = "bench")]
#[path = "vae_bench.rs"]
mod vae_bench;
#[path = "vae_offscreen.rs"]
mod vae_offscreen;

use crate::model::limits::{whole_in, MAX_SEED};
use crate::model::vae_report::run_sentence;
use crate::model::vae_run::VaeRun as Run;
use crate::model::vae_settings::{VaeSettings, MAX_RUN_STEPS};
use crate::render::{draw_vae_curves, draw_vae_digits, RenderError, Theme};
use crate::vae::TABLE_HEADER;
use plotters::prelude::*;
#[cfg(feature = "bench")]
pub use vae_bench::bench_vae_steps;
use vae_offscreen::OffscreenBackend;
use wasm_bindgen::prelude::*;
use web_sys::OffscreenCanvas;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`, in a window or a worker alike.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

fn js(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// The data table's column names, in order.
#[wasm_bindgen]
pub fn vae_table_header() -> Vec<String> {
    TABLE_HEADER.iter().map(|s| s.to_string()).collect()
}

/// The most steps a run may be asked to reach.
#[wasm_bindgen]
pub fn vae_max_run_steps() -> f64 {
    MAX_RUN_STEPS as f64
}

/// One training run of the three models, from step 0.
#[wasm_bindgen]
pub struct VaeRun {
    run: Run,
}

#[wasm_bindgen]
impl VaeRun {
    /// A run with N = `latents`, K = `categories`, τ on the classroom schedule if `annealed`
    /// (else fixed at `tau`) and the page's `seed`. Installs the panic hook. Fails with a
    /// message naming the setting at fault.
    #[wasm_bindgen(constructor)]
    pub fn new(
        latents: f64,
        categories: f64,
        annealed: bool,
        seed: f64,
        tau: f64,
    ) -> Result<VaeRun, JsError> {
        panic::install();
        let mut settings = VaeSettings::default();
        settings.set_latents(latents).map_err(js)?;
        settings.set_categories(categories).map_err(js)?;
        settings.set_annealed(annealed);
        let seed = whole_in(seed, 0, MAX_SEED).ok_or_else(|| {
            js(format!(
                "seed {seed}: must be a whole number from 0 to {MAX_SEED}"
            ))
        })?;
        let run = Run::new(settings.config(seed, tau)).map_err(js)?;
        Ok(VaeRun { run })
    }

    /// Steps taken by every model.
    pub fn steps(&self) -> f64 {
        self.run.trainer().steps() as f64
    }

    /// The temperature of the next step.
    pub fn tau(&self) -> f64 {
        self.run.trainer().tau()
    }

    /// Trains towards step `until` (at most the run's limit) for about `budget_ms`
    /// milliseconds; returns the steps taken.
    pub fn train(&mut self, until: f64, budget_ms: f64) -> f64 {
        let until = whole_in(until.floor(), 0, MAX_RUN_STEPS).unwrap_or(0);
        let budget = if budget_ms.is_finite() {
            budget_ms.clamp(1.0, 1000.0)
        } else {
            1.0
        };
        self.run.train_slice(until, budget, &mut performance_now) as f64
    }

    /// Steps per second of each model so far (NaN before any training).
    pub fn steps_per_second(&self) -> f64 {
        self.run.steps_per_second()
    }

    /// Records every model has.
    pub fn records(&self) -> usize {
        self.run.records()
    }

    /// The data table's cells from record `from` on, four a row.
    pub fn table_cells(&self, from: usize) -> Vec<String> {
        self.run.table_cells(from)
    }

    /// The sentence that reads the run.
    pub fn sentence(&self) -> String {
        run_sentence(self.run.trainer(), self.run.reference())
    }

    /// Draws the learning curves onto `canvas` (device pixels, `scale` per CSS pixel), the step
    /// axis reaching at least `horizon`.
    pub fn draw_curves(
        &self,
        canvas: &OffscreenCanvas,
        scale: f64,
        horizon: f64,
    ) -> Result<(), JsError> {
        let data = self.run.curves(horizon);
        paint(canvas, scale, |area, theme| {
            draw_vae_curves(area, &data, theme)
        })
    }

    /// Draws the digits (originals, reconstructions, prior samples) onto `canvas`.
    pub fn draw_digits(&self, canvas: &OffscreenCanvas, scale: f64) -> Result<(), JsError> {
        let data = self.run.digits();
        paint(canvas, scale, |area, theme| {
            draw_vae_digits(area, &data, theme)
        })
    }
}

fn paint(
    canvas: &OffscreenCanvas,
    scale: f64,
    figure: impl FnOnce(
        &DrawingArea<OffscreenBackend, plotters::coord::Shift>,
        &Theme,
    ) -> Result<(), RenderError>,
) -> Result<(), JsError> {
    let backend = OffscreenBackend::new(canvas)
        .ok_or_else(|| js("the offscreen canvas has no 2-D context"))?;
    let area = backend.into_drawing_area();
    figure(
        &area,
        &Theme {
            scale,
            ..Theme::default()
        },
    )
    .map_err(js)?;
    area.present().map_err(js)
}
