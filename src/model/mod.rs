//! The explorer's state and the numbers behind every view, in plain Rust.
//!
//! The api layer holds one [`Model`], forwards the page's settings to it and asks it for the
//! data of a view; the model computes from the math core and caches by input, so a view
//! whose inputs did not change costs nothing (a τ drag does not rerun the estimator sweep).
//! This file holds the model itself and its sample plumbing; each view's numbers are in the
//! file of its group (`samples`, `density`, `estimators`, `annealing`, `cost`), and the table
//! of each view's numbers in `tables` and its `table_*` files.

mod annealing;
mod cache;
mod cost;
pub mod decimal;
pub mod density;
pub mod draw;
pub mod error;
mod error_words;
mod estimators;
mod estimators_table;
mod exact_curves;
mod figure1_slices;
pub mod fingerprint;
mod first_pass;
pub mod limits;
pub mod math_words;
mod objective;
pub mod presets;
pub mod raster_bands;
mod samples;
pub mod sampling;
pub mod settings;
pub mod single_view;
mod sweep_slices;
pub mod table_curves;
pub mod table_density;
pub mod table_estimators;
mod table_samples;
pub mod tables;
mod training;
pub mod training_data;
mod training_history;
mod training_link;
pub mod training_settings;
mod training_summary;
pub mod url;
pub mod vae_report;
pub mod vae_run;
pub mod vae_settings;
pub mod vae_words;
pub mod view;

pub use density::DensityView;
pub use error::{Control, CostPart, ModelError};
pub use estimators::{
    legend_label, DISPLAY_ORDER, SWEEP_SAMPLES, SWEEP_TAUS, SWEEP_TAU_MAX, SWEEP_TAU_MIN,
};
pub use estimators_table::ESTIMATORS_TABLE_HEADER;
pub use exact_curves::EXACT_SLICE_EVALUATIONS;
pub use settings::{ObjectiveKind, Settings};
pub use view::{View, VIEW_NAMES};

use crate::i18n::Lang;
use crate::math::raster::TriangleGrid;
use crate::math::{Error as MathError, Sweep};
use crate::render::Figure1Data;
use cache::{Figure1Key, SweepKey};
use sampling::{SampleSummary, Sampler, FIRST_PASS_VALUES};

/// The explorer's state with its caches.
#[derive(Default)]
pub struct Model {
    settings: Settings,
    sampler: Sampler,
    figure1: Option<(Figure1Key, Figure1Data)>,
    /// The Figure 1 panel begun in slices and not done (figure1_slices.rs).
    figure1_run: Option<(Figure1Key, Box<figure1_slices::Figure1Run>)>,
    sweep: Option<(SweepKey, Result<Sweep, MathError>)>,
    /// The sweep begun in slices and not done (sweep_slices.rs).
    sweep_run: Option<(SweepKey, Box<crate::math::SweepRun>)>,
    exact: Option<exact_curves::ExactCurves>,
    raster: Vec<f64>,
    /// The full-resolution raster's progress in `raster` (raster_bands.rs).
    bands: raster_bands::RasterBands,
    /// How many times coarser the k = 3 raster is evaluated (0 or 1: full resolution), with
    /// its own grid and buffer so that switching resolution rebuilds nothing.
    raster_divisor: u32,
    coarse_grid: TriangleGrid,
    coarse_raster: Vec<f64>,
    training: training::TrainingState,
    /// The language of every word the model reports or puts into a figure's data.
    lang: Lang,
}

impl Model {
    pub fn new() -> Model {
        Model::default()
    }

    /// The language of the model's notes, summaries, tables and figure words.
    pub fn language(&self) -> Lang {
        self.lang
    }

    /// Words everything the model reports from now on in `lang`.
    pub fn set_language(&mut self, lang: Lang) {
        self.lang = lang;
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Changes settings through `f`; on error nothing changes.
    pub fn update<F>(&mut self, f: F) -> Result<(), ModelError>
    where
        F: FnOnce(&mut Settings) -> Result<(), ModelError>,
    {
        // Only the call of `f` is generic: the copy and the commit are shared by every setter,
        // so each of the handle's setters adds a few bytes to the page's module, not a copy.
        let mut next = self.draft();
        let outcome = f(&mut next);
        self.commit(next, outcome)
    }

    /// A copy of the settings for [`update`](Self::update) to change.
    #[inline(never)]
    fn draft(&self) -> Settings {
        self.settings.clone()
    }

    /// Keeps `next` if the change succeeded; otherwise drops it and returns the error.
    #[inline(never)]
    fn commit(
        &mut self,
        next: Settings,
        outcome: Result<(), ModelError>,
    ) -> Result<(), ModelError> {
        outcome?;
        self.settings = next;
        Ok(())
    }

    /// Replaces every setting at once (used when a link is restored).
    pub fn replace_settings(&mut self, settings: Settings) {
        self.settings = settings;
    }

    /// Points the sampler at the current settings; new settings get a first pass of
    /// `FIRST_PASS_VALUES` values (all of the default N) before anything is drawn.
    pub fn prepare(&mut self) {
        let s = &self.settings;
        if self.sampler.target(s.dist(), s.samples(), s.seed()) {
            self.sampler.advance(s.dist(), FIRST_PASS_VALUES);
        }
    }

    /// The sample summary for the current settings (possibly still being refined).
    pub fn summary(&mut self) -> &SampleSummary {
        self.prepare();
        self.sampler.summary()
    }

    /// One step of the work left: up to `max_values` more values (draws × k) for the summary
    /// of a large N, or else one slice of Figure 1's panel or of the estimator sweep begun in
    /// slices ([`figure1_ready`](Self::figure1_ready), [`sweep_ready`](Self::sweep_ready)), or
    /// else one of the estimator view's exact curves.
    /// Returns whether work remains after this step.
    pub fn refine(&mut self, max_values: usize) -> bool {
        self.prepare();
        if !self.sampler.summary().complete() {
            return self.sampler.advance(self.settings.dist(), max_values)
                || self.figure1_pending()
                || self.sweep_pending()
                || self.exact_pending();
        }
        if self.figure1_pending() {
            return self.refine_figure1() || self.sweep_pending() || self.exact_pending();
        }
        if self.sweep_pending() {
            return self.refine_sweep() || self.exact_pending();
        }
        self.refine_exact()
    }

    /// Whether the summary has fewer draws than N, or Figure 1's panel or the sweep begun in
    /// slices or the exact curves are still computing.
    pub fn refining(&mut self) -> bool {
        !self.summary().complete()
            || self.figure1_pending()
            || self.sweep_pending()
            || self.exact_pending()
    }
}
