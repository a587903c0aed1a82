//! The training view's part of the handle: its settings (each refused with the model's message
//! and then unchanged), moving the run in slices the page schedules, and what the page shows
//! beside the figure (the table's rows, the sentence written from the run).

use super::Explorer;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Explorer {
    /// "sgd" or "adam".
    pub fn set_train_optimiser(&mut self, name: &str) -> Result<(), JsError> {
        self.model
            .update(|s| s.training_mut().set_optimiser_name(name))
            .map_err(self.js())
    }

    pub fn set_learning_rate(&mut self, rate: f64) -> Result<(), JsError> {
        self.model
            .update(|s| s.training_mut().set_learning_rate(rate))
            .map_err(self.js())
    }

    /// The run's own seed, or the page's seed for `undefined`.
    pub fn set_train_seed(&mut self, seed: Option<f64>) -> Result<(), JsError> {
        self.model
            .update(|s| s.training_mut().set_seed(seed))
            .map_err(self.js())
    }

    /// Whether τ follows the annealing schedule during the run.
    pub fn set_train_annealed(&mut self, annealed: bool) {
        let _ = self.model.update(|s| {
            s.training_mut().set_annealed(annealed);
            Ok(())
        });
    }

    /// The step the run is to stand at ("run until", reset with 0); the run gets there in the
    /// slices of `train`.
    pub fn set_train_steps(&mut self, steps: f64) -> Result<(), JsError> {
        self.model
            .update(|s| s.training_mut().set_steps(steps))
            .map_err(self.js())
    }

    /// One step further than the step the run is to stand at, taken at once.
    pub fn step_training(&mut self) -> Result<(), JsError> {
        let next = self.model.settings().training().steps() as f64 + 1.0;
        self.set_train_steps(next)?;
        self.model
            .train_toward_goal(1)
            .map(|_| ())
            .map_err(self.js())
    }

    /// At most `max_steps` steps toward the step the run is to stand at; returns whether it is
    /// still behind.
    pub fn train(&mut self, max_steps: f64) -> Result<bool, JsError> {
        self.model
            .train_toward_goal(steps(max_steps))
            .map_err(self.js())
    }

    /// Runs on by at most `max_steps` steps (after catching up); returns the step reached.
    pub fn train_for(&mut self, max_steps: f64) -> Result<f64, JsError> {
        self.model
            .train_for(steps(max_steps))
            .map(|s| s as f64)
            .map_err(self.js())
    }

    /// Stops a run on its way to a later step where it stands.
    pub fn pause_training(&mut self) {
        self.model.pause_training();
    }

    /// Whether the run is behind the step it is to stand at.
    pub fn train_pending(&mut self) -> bool {
        self.model.training_pending()
    }

    /// The step the run stands at.
    pub fn train_step(&mut self) -> f64 {
        self.model.training_step() as f64
    }

    pub fn train_optimiser(&self) -> String {
        self.model.settings().training().optimiser().name().into()
    }

    pub fn learning_rate(&self) -> f64 {
        self.model.settings().training().learning_rate()
    }

    /// The run's own seed, or `undefined` when it uses the page's.
    pub fn train_seed(&self) -> Option<f64> {
        match self.model.settings().training().seed() {
            crate::model::training_settings::TrainingSeed::Page => None,
            crate::model::training_settings::TrainingSeed::Own(s) => Some(s as f64),
        }
    }

    pub fn train_annealed(&self) -> bool {
        self.model.settings().training().annealed()
    }

    /// The table's cells, four per estimator (estimator, step, π joined by ";", objective);
    /// empty when there is no run.
    pub fn training_rows(&mut self) -> Vec<String> {
        self.model
            .training_rows()
            .map(|rows| rows.iter().flat_map(|r| r.cells()).collect())
            .unwrap_or_default()
    }

    /// The sentence under the figure, written from the run.
    pub fn training_summary(&mut self) -> String {
        let lang = self.model.language();
        self.model
            .training_summary()
            .unwrap_or_else(|e| e.message(lang))
    }
}

/// A step count from the page: whole, at least 1 (NaN and negatives give 1).
fn steps(n: f64) -> u64 {
    if n.is_finite() && n >= 1.0 {
        n.min(1e9) as u64
    } else {
        1
    }
}
