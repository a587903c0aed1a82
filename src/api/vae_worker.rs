//! The training worker's module (built with the `vae-worker` feature, loaded only by
//! www/vae-worker.js): one handle, `VaeRun`, that trains view 9's models in time-boxed slices
//! and draws the view's two figures onto offscreen canvases. The page's own module has none
//! of this, and this module has none of the page's handle.

#[path = "language.rs"]
mod language;
#[path = "panic.rs"]
mod panic;
#[cfg(feature = "bench")]
#[path = "vae_bench.rs"]
mod vae_bench;
#[path = "vae_offscreen.rs"]
mod vae_offscreen;

use crate::i18n::messages::reports;
use crate::i18n::Lang;
use crate::model::limits::{whole_in, MAX_SEED};
use crate::model::vae_run::VaeRun as Run;
use crate::model::vae_settings::{VaeSettingError, VaeSettings, MAX_RUN_STEPS};
use crate::model::vae_words::{no_offscreen_context, seed_message, vae_message};
use crate::render::{draw_vae_curves, draw_vae_digits, RenderError, Theme};
use crate::vae::TABLE_HEADER;
use language::{language_or_english, switch_language};
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

fn js(message: String) -> JsError {
    JsError::new(&message)
}

/// The data table's column names, in order, in the language of the optional tag `lang`
/// (English without one).
#[wasm_bindgen]
pub fn vae_table_header(lang: Option<String>) -> Vec<String> {
    let words = reports(language_or_english(lang));
    TABLE_HEADER
        .iter()
        .map(|s| words.column(s).unwrap_or_else(|| s.to_string()))
        .collect()
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
    /// (else fixed at `tau`) and the page's `seed`, its words in the language of the optional
    /// tag `lang` (English without one). Installs the panic hook. Fails with a message naming
    /// the setting at fault.
    #[wasm_bindgen(constructor)]
    pub fn new(
        latents: f64,
        categories: f64,
        annealed: bool,
        seed: f64,
        tau: f64,
        lang: Option<String>,
    ) -> Result<VaeRun, JsError> {
        panic::install();
        let lang = language_or_english(lang);
        let mut settings = VaeSettings::default();
        let refused = |e: VaeSettingError| js(e.message(lang));
        settings.set_latents(latents).map_err(refused)?;
        settings.set_categories(categories).map_err(refused)?;
        settings.set_annealed(annealed);
        let seed =
            whole_in(seed, 0, MAX_SEED).ok_or_else(|| js(seed_message(seed, MAX_SEED, lang)))?;
        let mut run =
            Run::new(settings.config(seed, tau)).map_err(|e| js(vae_message(&e, lang)))?;
        run.set_language(lang);
        Ok(VaeRun { run })
    }

    /// Words the sentence, the table's names and the figures drawn from now on in the
    /// language of BCP 47 `tag` ("en", "zh-CN", …). An unknown tag is refused (the message
    /// names the languages there are) and the language stays as it was.
    pub fn set_language(&mut self, tag: &str) -> Result<(), JsError> {
        switch_language(tag, self.run.language(), |lang| self.run.set_language(lang))
    }

    /// The tag of the current language: "en" or "zh-CN".
    pub fn language(&self) -> String {
        self.run.language().tag().into()
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
        self.run.sentence()
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
        paint(canvas, scale, self.run.language(), |area, theme| {
            draw_vae_curves(area, &data, theme)
        })
    }

    /// Draws the digits (originals, reconstructions, prior samples) onto `canvas`.
    pub fn draw_digits(&self, canvas: &OffscreenCanvas, scale: f64) -> Result<(), JsError> {
        let data = self.run.digits();
        paint(canvas, scale, self.run.language(), |area, theme| {
            draw_vae_digits(area, &data, theme)
        })
    }
}

fn paint(
    canvas: &OffscreenCanvas,
    scale: f64,
    lang: Lang,
    figure: impl FnOnce(
        &DrawingArea<OffscreenBackend, plotters::coord::Shift>,
        &Theme,
    ) -> Result<(), RenderError>,
) -> Result<(), JsError> {
    let backend = OffscreenBackend::new(canvas).ok_or_else(|| js(no_offscreen_context(lang)))?;
    let area = backend.into_drawing_area();
    // The figure's and the canvas's own words.
    figure(&area, &Theme { scale, lang }).map_err(|e| js(e.to_string()))?;
    area.present().map_err(|e| js(e.to_string()))
}
