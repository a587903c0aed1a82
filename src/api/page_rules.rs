//! What the page asks Rust instead of deciding itself: the accepted ranges of its controls,
//! the view and preset names, applying a preset, following the annealing schedule, and the
//! text of the numbers it shows in its readouts.
//!
//! Each rule lives once in `model` (or `render`, for the number text); this file only exports
//! it, so the page's sliders, names and readouts cannot drift from what Rust accepts and draws.

use super::Explorer;
use crate::i18n::messages::errors;
use crate::model::limits::{
    MAX_COST_K, MAX_K, MAX_OBJECTIVE, MAX_SAMPLES, MAX_SEED, MAX_TAU, MAX_UPDATE_EVERY, MIN_K,
    MIN_SAMPLES, MIN_TAU,
};
use crate::model::presets::{preset, PRESETS};
use crate::model::{View, SWEEP_TAU_MAX, SWEEP_TAU_MIN};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Explorer {
    /// Applies the preset called `name` (a `button[data-preset]` of the page) in one step:
    /// on error, an unknown name included, nothing changes.
    pub fn apply_preset(&mut self, name: &str) -> Result<(), JsError> {
        let lang = self.model.language();
        let preset = preset(name).ok_or_else(|| {
            let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
            JsError::new(&errors(lang).unknown_preset(name, &names))
        })?;
        self.model.update(|s| preset.apply(s)).map_err(self.js())
    }

    /// Moves the annealing to `step` and τ to the schedule's τ there, kept within the τ range
    /// the settings accept (a schedule may reach below or above it). Both change or neither.
    pub fn anneal_to(&mut self, step: f64) -> Result<(), JsError> {
        self.model
            .update(|s| {
                s.set_step(step)?;
                let tau = s.schedule().tau_at(s.step());
                s.set_tau(tau.clamp(MIN_TAU, MAX_TAU))
            })
            .map_err(self.js())
    }
}

/// The ranges the page's controls must offer, as a small JSON object: `k` and `samples`
/// (whole numbers, inclusive), `tau` (what typed entry accepts), `tau_slider` (what the
/// slider spans: the estimator figure's τ axis), `seed_max`, `schedule_every` (the annealing
/// update interval), `objective_abs_max` and `cost_k_max`.
#[wasm_bindgen]
pub fn limits() -> String {
    format!(
        concat!(
            "{{\"k\":[{},{}],\"tau\":[{},{}],\"tau_slider\":[{},{}],\"samples\":[{},{}],",
            "\"seed_max\":{},\"schedule_every\":[1,{}],\"objective_abs_max\":{},",
            "\"cost_k_max\":{}}}"
        ),
        MIN_K,
        MAX_K,
        MIN_TAU,
        MAX_TAU,
        SWEEP_TAU_MIN,
        SWEEP_TAU_MAX,
        MIN_SAMPLES,
        MAX_SAMPLES,
        MAX_SEED,
        MAX_UPDATE_EVERY,
        MAX_OBJECTIVE,
        MAX_COST_K,
    )
}

/// The views' names, in the page's order (view `name` draws onto `canvas#view-<name>`).
#[wasm_bindgen]
pub fn view_names() -> Vec<String> {
    View::ALL.iter().map(|v| v.name().to_string()).collect()
}

/// The names of the views this module draws, in the page's order: every view in the full
/// module, all but the gradient estimators' and training's in the page's first module.
#[wasm_bindgen]
pub fn module_view_names() -> Vec<String> {
    View::module_names().into_iter().map(String::from).collect()
}

/// The presets' names (the page's `button[data-preset]` values).
#[wasm_bindgen]
pub fn preset_names() -> Vec<String> {
    PRESETS.iter().map(|p| p.name.to_string()).collect()
}

/// `x` with `digits` significant digits, as the figures print numbers (a true minus sign,
/// m·10ⁿ for very small or large magnitudes, "–" for NaN).
#[wasm_bindgen]
pub fn format_number(x: f64, digits: usize) -> String {
    crate::format::rounded(x, digits)
}

/// Numbers as `format_number` prints them, joined by ", ".
#[wasm_bindgen]
pub fn format_list(values: Vec<f64>, digits: usize) -> String {
    let parts: Vec<String> = values
        .iter()
        .map(|&x| crate::format::rounded(x, digits))
        .collect();
    parts.join(", ")
}

/// `n` in subscript digits, as the figures label classes ("₁₂").
#[wasm_bindgen]
pub fn subscript(n: usize) -> String {
    crate::format::subscript(n)
}
