//! The page's one handle: `Explorer`, exported with wasm-bindgen.
//!
//! JavaScript forwards each control's value to a setter (an `Err` carries the message to show
//! next to the control, and the state stays as it was), then asks for views to be drawn onto
//! their canvases. A view is redrawn only when its inputs or its canvas size changed.

#[cfg(feature = "bench")]
mod bench;
mod budget;
mod canvas;
mod draw;
mod language;
mod page_rules;
mod panic;
mod single_view;
mod tables;
mod training;
mod vae_page;
#[cfg(feature = "bench")]
pub use bench::bench_kernel;

use crate::model::url::{from_state, to_state};
use crate::model::vae_settings::VaeSettings;
use crate::model::view::VIEW_COUNT;
use crate::model::{Model, ModelError, ObjectiveKind, View};
use canvas::FastCanvas;
use language::{language_or_english, switch_language};
use wasm_bindgen::prelude::*;

/// Values (draws × k) sampled per refinement step: two or three milliseconds in the browser,
/// so that the page's scheduler runs steps back to back within its slice budget without
/// overrunning.
const REFINE_VALUES: usize = 10_000;
/// Values per step of the samples' first pass at the page's start, when the module's code is
/// not optimised yet and runs a few times slower: about 4 ms on a laptop.
const FIRST_PASS_STEP_VALUES: usize = 10_000;

impl Explorer {
    /// Turns the model's refusal into a JavaScript `Error` whose message is the model's text in
    /// the page's language.
    fn js(&self) -> impl Fn(ModelError) -> JsError {
        let lang = self.model.language();
        move |e| JsError::new(&e.message(lang))
    }

    /// The fingerprint of the picture on `view`'s canvas, if one is drawn.
    fn drawn(&self, view: View) -> Option<u64> {
        self.drawn.get(view.index()).copied().flatten()
    }

    fn set_drawn(&mut self, view: View, fingerprint: Option<u64>) {
        if let Some(slot) = self.drawn.get_mut(view.index()) {
            *slot = fingerprint;
        }
    }
}

/// The explorer's state and its views.
#[wasm_bindgen]
pub struct Explorer {
    model: Model,
    /// The fingerprint of the picture on each view's canvas, by [`View::index`].
    drawn: [Option<u64>; VIEW_COUNT],
    /// How much larger figures may draw on a large canvas (see `set_text_scale`).
    zoom_limit: f64,
    /// Whether an input is in progress: the k = 3 heatmap is then drawn at a reduced resolution.
    interactive: bool,
    vae: VaeSettings,
}

impl Default for Explorer {
    fn default() -> Self {
        Explorer::new()
    }
}

#[wasm_bindgen]
impl Explorer {
    /// A new explorer with the default settings; installs the panic hook.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Explorer {
        panic::install();
        Explorer {
            model: Model::new(),
            drawn: [None; VIEW_COUNT],
            zoom_limit: 1.0,
            interactive: false,
            vae: VaeSettings::default(),
        }
    }

    /// Words every error message, note, summary and table from now on, and every figure drawn
    /// from now on, in the language of BCP 47 `tag` ("en", "zh-CN", "zh", …; see `Lang::parse`).
    /// The page then calls `invalidate()` and redraws. An unknown tag is refused (the message
    /// names the languages there are) and the language stays as it was.
    pub fn set_language(&mut self, tag: &str) -> Result<(), JsError> {
        switch_language(tag, self.model.language(), |lang| {
            self.model.set_language(lang)
        })
    }

    /// The tag of the current language: "en" or "zh-CN".
    pub fn language(&self) -> String {
        self.model.language().tag().into()
    }

    /// Restores the state written by `state()` (a URL hash). On error the current state is
    /// kept and the message says what was wrong with the link.
    pub fn restore(&mut self, state: &str) -> Result<(), JsError> {
        let lang = self.model.language();
        let (vae, state) =
            VaeSettings::split_link(state).map_err(|e| JsError::new(&e.message(lang)))?;
        let settings = from_state(&state).map_err(self.js())?;
        self.model.replace_settings(settings);
        self.vae = vae;
        Ok(())
    }

    /// The whole state as a URL-hash text.
    pub fn state(&self) -> String {
        to_state(self.model.settings()) + &self.vae.link_suffix()
    }

    pub fn set_k(&mut self, k: f64) -> Result<(), JsError> {
        self.model.update(|s| s.set_k_number(k)).map_err(self.js())
    }

    /// Sets π from positive weights (normalised here).
    pub fn set_probs(&mut self, probs: Vec<f64>) -> Result<(), JsError> {
        self.model
            .update(|s| s.set_probs(&probs))
            .map_err(self.js())
    }

    /// Sets π = softmax(logits).
    pub fn set_logits(&mut self, logits: Vec<f64>) -> Result<(), JsError> {
        self.model
            .update(|s| s.set_logits(&logits))
            .map_err(self.js())
    }

    pub fn set_tau(&mut self, tau: f64) -> Result<(), JsError> {
        self.model.update(|s| s.set_tau(tau)).map_err(self.js())
    }

    pub fn set_samples(&mut self, n: f64) -> Result<(), JsError> {
        self.model.update(|s| s.set_samples(n)).map_err(self.js())
    }

    pub fn set_seed(&mut self, seed: f64) -> Result<(), JsError> {
        self.model.update(|s| s.set_seed(seed)).map_err(self.js())
    }

    /// `kind` is "linear" (values are the payoffs c) or "squared" (values are the target t).
    pub fn set_objective(&mut self, kind: &str, values: Vec<f64>) -> Result<(), JsError> {
        self.model
            .update(|s| s.set_objective(ObjectiveKind::parse(kind)?, &values))
            .map_err(self.js())
    }

    /// Switches the objective kind and resets its values to that kind's defaults.
    pub fn set_objective_kind(&mut self, kind: &str) -> Result<(), JsError> {
        self.model
            .update(|s| {
                s.set_objective_kind(ObjectiveKind::parse(kind)?);
                Ok(())
            })
            .map_err(self.js())
    }

    /// τ(t) = max(τ_min, τ₀·exp(−rate·t)), t advancing in blocks of `every` steps.
    pub fn set_schedule(
        &mut self,
        tau0: f64,
        rate: f64,
        tau_min: f64,
        every: f64,
    ) -> Result<(), JsError> {
        self.model
            .update(|s| s.set_schedule_values(tau0, rate, tau_min, every))
            .map_err(self.js())
    }

    pub fn set_step(&mut self, step: f64) -> Result<(), JsError> {
        self.model.update(|s| s.set_step(step)).map_err(self.js())
    }

    pub fn set_cost(&mut self, d: f64, i: f64, g: f64, k: f64) -> Result<(), JsError> {
        self.model
            .update(|s| s.set_cost(d, i, g, k))
            .map_err(self.js())
    }

    pub fn k(&self) -> usize {
        self.model.settings().k()
    }
    pub fn tau(&self) -> f64 {
        self.model.settings().tau()
    }
    pub fn probs(&self) -> Vec<f64> {
        self.model.settings().probs()
    }
    pub fn logits(&self) -> Vec<f64> {
        self.model.settings().logits().to_vec()
    }
    pub fn samples(&self) -> f64 {
        self.model.settings().samples() as f64
    }
    pub fn seed(&self) -> f64 {
        self.model.settings().seed() as f64
    }
    /// "linear" or "squared".
    pub fn objective_kind(&self) -> String {
        self.model.settings().objective_kind().name().into()
    }
    pub fn objective_values(&self) -> Vec<f64> {
        self.model.settings().objective_values().to_vec()
    }
    /// [τ₀, rate, τ_min, update interval].
    pub fn schedule(&self) -> Vec<f64> {
        let s = self.model.settings().schedule();
        vec![s.tau0, s.rate, s.tau_min, s.update_every as f64]
    }
    pub fn step(&self) -> f64 {
        self.model.settings().step() as f64
    }
    /// [D, I, G, k].
    pub fn cost(&self) -> Vec<f64> {
        let c = self.model.settings().cost();
        vec![c.d, c.i, c.g, c.k as f64]
    }

    /// The chi-square test of the Gumbel-Max counts against π: [statistic, degrees of
    /// freedom, p-value], or an empty array when it is undefined.
    pub fn chi_square(&mut self) -> Vec<f64> {
        self.model
            .chi_square()
            .map_or_else(Vec::new, |c| vec![c.statistic, c.dof as f64, c.p_value])
    }
    /// Gumbel-Max class frequencies.
    pub fn frequencies(&mut self) -> Vec<f64> {
        let s = self.model.summary();
        let n = s.n.max(1) as f64;
        s.counts.iter().map(|&c| c as f64 / n).collect()
    }
    /// E[y] estimated from the N samples.
    pub fn mean(&mut self) -> Vec<f64> {
        self.model.summary().mean.clone()
    }
    /// The class the first sample's forward value picks (argmax of y), as the straight-through
    /// view shows it.
    pub fn first_sample_class(&mut self) -> usize {
        self.model.straight_through_data().chosen
    }
    /// τ = 1/(k − 1): at and below it the density is log-convex (and below it infinite at every
    /// edge and corner).
    pub fn log_convex_threshold(&self) -> f64 {
        self.model.log_convex_threshold()
    }
    /// The first sample y (the one the straight-through view shows).
    pub fn first_sample(&mut self) -> Vec<f64> {
        self.model
            .summary()
            .strip
            .first()
            .cloned()
            .unwrap_or_default()
    }
    /// The exact gradient ∇θF by enumeration (empty if the objective is invalid); it needs no
    /// estimator sweep.
    pub fn exact_gradient(&self) -> Vec<f64> {
        self.model.exact_gradient().unwrap_or_default()
    }
    /// The sentences beside the estimator figure: what the objective makes exact, which curves
    /// are Monte Carlo, and the progress of the exact curves (empty when there is nothing to say).
    pub fn estimators_note(&self) -> String {
        self.model.estimators_note()
    }
    /// The numbers the estimator figure draws, as CSV (header
    /// `estimator,tau,bias,bias_se,variance,variance_se,exact`, one row per estimator and τ).
    pub fn table_estimators(&mut self) -> Result<String, JsError> {
        self.model.estimators_csv().map_err(self.js())
    }
    /// Speed-up (D + k(I+G)) / (D + I + G) at the current costs (NaN when undefined).
    pub fn speedup(&self) -> f64 {
        self.model.speedup().unwrap_or(f64::NAN)
    }
    /// τ of the annealing schedule at the current step.
    pub fn annealed_tau(&self) -> f64 {
        self.model.annealed_tau()
    }
    /// The last step the annealing view shows.
    pub fn annealing_horizon(&self) -> f64 {
        self.model.annealing_horizon() as f64
    }

    /// Whether a large N is still being sampled or the estimator view's exact curves are still
    /// being computed (the views show what is known so far).
    pub fn refining(&mut self) -> bool {
        self.model.refining()
    }

    /// Draws the next part of the samples that the first picture of the current settings
    /// needs (what a redraw would draw at once, all of the default N); returns whether any
    /// remain. For the page's start, which spreads them over tasks of a few milliseconds.
    pub fn prepare_step(&mut self) -> bool {
        self.model.prepare_step(FIRST_PASS_STEP_VALUES)
    }

    /// Draws the next chunk of a large N, or computes the next slice of the estimator sweep or
    /// of the exact curves (a few milliseconds of work either way); returns whether more
    /// remain. Call between frames, then redraw.
    pub fn refine(&mut self) -> bool {
        self.model.refine(REFINE_VALUES)
    }

    /// (draws so far, N) of the sample summary.
    pub fn progress(&mut self) -> Vec<f64> {
        let s = self.model.summary();
        vec![s.n as f64, s.target as f64]
    }
}

/// A fresh seed from the browser's cryptographic generator, below 2^53 so that it survives
/// a round trip through a JS number (and the URL).
#[wasm_bindgen]
pub fn random_seed() -> f64 {
    let bits = getrandom::u64().unwrap_or_else(|_| js_sys::Date::now().to_bits());
    (bits & crate::model::limits::MAX_SEED) as f64
}

/// Bytes of linear memory the wasm module holds now (for the long-use memory test and the
/// benchmark): 64 KiB pages times their number.
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size::<0>() * 65_536) as f64
}

/// Panics on purpose with `message`. The page never calls it: the browser tests use it to check
/// that a panic, should one still happen, shows a visible message instead of a frozen page.
#[wasm_bindgen]
pub fn panic_for_test(message: &str) {
    panic::install();
    panic!("{message}");
}

/// The class colours of the figures as CSS hex strings, so the page's swatches next to the π
/// sliders use exactly the figures' palette.
#[wasm_bindgen]
pub fn class_colours() -> Vec<String> {
    crate::render::CLASS_COLOURS
        .iter()
        .map(|c| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2))
        .collect()
}
