//! The words the model and the page's handle report (error messages, notes, table headings), in
//! each language.
//!
//! Four tables, each a trait with one method per phrase: [`ErrorWords`] (what a setting or a
//! link is refused for), [`MathWords`] (the math core's refusals as they reach the page),
//! [`VaeWords`] (view 9's refusals) and [`ReportWords`] (notes, the sentences that read a run,
//! the data tables' notes, headings and named cells, and the few words the model puts into a
//! figure's data). English lives in `messages/en_*.rs`, Simplified Chinese in `messages/zh_*.rs`.
//!
//! Every value a phrase quotes arrives already written (numbers as `crate::format` writes them,
//! names as the caller has them), so the tables decide only the words and their order. English
//! phrases are the model's own texts from before there were two languages, character for
//! character.

mod en_errors;
mod en_reports;
mod zh_errors;
mod zh_reports;

use super::Lang;

/// What view 9's sentence reads from a run, each value already written.
pub struct VaeSentence<'a> {
    /// Training steps so far.
    pub steps: &'a str,
    /// How GS stands against SF+baseline (a phrase of its own).
    pub standing: &'a str,
    /// The test −ELBO of GS, of SF+baseline and of ST-GS (`st`), in nats.
    pub gs_value: &'a str,
    pub sf_value: &'a str,
    pub st: &'a str,
    pub st_value: &'a str,
    /// GS's name, and how it stands against the independent-pixel score (a phrase of its own).
    pub gs: &'a str,
    pub against_reference: &'a str,
}

/// The form of the `vae=` part of a link: its key and the ranges of N, K and the last step.
pub struct VaeLinkRule<'a> {
    pub key: &'a str,
    pub latents: (usize, usize),
    pub categories: (usize, usize),
    pub max_until: u64,
}

/// The English tables.
pub struct En;
/// The Simplified Chinese tables.
pub struct ZhCn;

/// The error table of `lang`.
pub fn errors(lang: Lang) -> &'static dyn ErrorWords {
    match lang {
        Lang::En => &En,
        Lang::ZhCn => &ZhCn,
    }
}

/// The math core's error table of `lang`.
pub fn math(lang: Lang) -> &'static dyn MathWords {
    match lang {
        Lang::En => &En,
        Lang::ZhCn => &ZhCn,
    }
}

/// View 9's error table of `lang`.
pub fn vae(lang: Lang) -> &'static dyn VaeWords {
    match lang {
        Lang::En => &En,
        Lang::ZhCn => &ZhCn,
    }
}

/// The notes, readouts and tables of `lang`.
pub fn reports(lang: Lang) -> &'static dyn ReportWords {
    match lang {
        Lang::En => &En,
        Lang::ZhCn => &ZhCn,
    }
}

/// What a setting or a link is refused for. `control` is a control's noun from this table,
/// `rule` a rule from it, numbers are written.
pub trait ErrorWords: Sync {
    fn control_classes(&self) -> String;
    fn control_tau(&self) -> String;
    fn control_samples(&self) -> String;
    fn control_seed(&self) -> String;
    fn control_objective_value(&self, class: usize) -> String;
    fn control_update_interval(&self) -> String;
    fn control_step(&self) -> String;
    fn control_cost(&self, letter: &str) -> String;
    fn control_cost_classes(&self) -> String;
    fn control_learning_rate(&self) -> String;
    fn control_training_seed(&self) -> String;
    fn control_training_steps(&self) -> String;

    fn rule_between(&self, lo: &str, hi: &str) -> String;
    fn rule_whole(&self, lo: &str, hi: &str) -> String;
    fn rule_within(&self, bound: &str) -> String;

    fn not_finite(&self, control: &str, value: &str) -> String;
    fn out_of_range(&self, control: &str, rule: &str, value: &str) -> String;
    fn not_whole(&self, control: &str, value: &str) -> String;
    fn tau_not_positive(&self, value: &str) -> String;
    fn objective_length(&self, classes: usize, got: usize) -> String;
    fn no_positive_cost(&self) -> String;
    fn unknown_objective(&self, kind: &str) -> String;
    fn unknown_optimiser(&self, name: &str) -> String;
    fn unknown_view(&self, name: &str) -> String;
    fn link_not_restored(&self, reason: &str) -> String;
    fn no_drawing_context(&self) -> String;
    fn drawing_failed(&self, view: &str, cause: &str) -> String;
    fn schedule_tau0(&self, value: &str) -> String;
    fn schedule_rate(&self, value: &str) -> String;
    fn schedule_tau_min(&self, value: &str) -> String;
    fn unavailable_sweep(&self) -> String;
    fn unavailable_training(&self) -> String;

    fn link_too_long(&self, len: usize, max: usize) -> String;
    fn link_too_many_keys(&self) -> String;
    fn link_repeated_key(&self, key: &str) -> String;
    fn link_unknown_key(&self, key: &str) -> String;
    fn link_not_a_number(&self, key: &str, excerpt: &str) -> String;
    fn link_too_many_values(&self, key: &str, count: usize, max: usize) -> String;
    fn link_classes(&self, min: usize, max: usize) -> String;
    fn link_unknown_objective(&self, name: &str) -> String;
    fn link_values_without_objective(&self) -> String;
    fn link_probs_and_logits(&self) -> String;
    fn link_class_count(&self, k: usize, given: usize) -> String;
    fn link_schedule_arity(&self) -> String;
    fn link_update_interval(&self, min: &str, max: &str) -> String;
    fn link_cost_arity(&self) -> String;
    fn link_training(&self, excerpt: &str) -> String;

    fn mode_unknown_embed(&self, value: &str, known: &[&str]) -> String;
    fn mode_unknown_present(&self, value: &str, known: &[&str]) -> String;
    fn mode_repeated(&self, key: &str) -> String;
    fn mode_both(&self) -> String;
    fn unknown_preset(&self, name: &str, known: &[&str]) -> String;
    fn text_scale(&self, max: &str) -> String;
    fn unknown_language(&self, tag: &str, known: &[&str]) -> String;
}

/// The math core's refusals. `parameter` is the name the core gives a vector parameter
/// ("probability", "point", …), passed through [`MathWords::parameter`] first; `index` counts
/// from 1.
pub trait MathWords: Sync {
    fn parameter(&self, name: &str) -> String;
    fn empty(&self, parameter: &str) -> String;
    fn single_category(&self) -> String;
    fn too_many_categories(&self, k: usize, max: usize) -> String;
    fn not_a_number(&self, parameter: &str, index: usize) -> String;
    fn infinite(&self, parameter: &str, index: usize, value: &str) -> String;
    fn zero(&self, parameter: &str, index: usize) -> String;
    fn negative(&self, parameter: &str, index: usize, value: &str) -> String;
    fn temperature_not_finite(&self, value: &str) -> String;
    fn temperature_not_positive(&self, value: &str) -> String;
    fn temperature_out_of_range(&self, value: &str, min: &str, max: &str) -> String;
    fn length_mismatch(&self, parameter: &str, expected: usize, found: usize) -> String;
    fn not_on_simplex(&self, sum: &str) -> String;
    /// An argument the core refused in its own words (`detail`, English): only internal
    /// misuse reaches this, never a value a person typed.
    fn invalid_argument(&self, detail: &str) -> String;
}

/// View 9's refusals (its settings, its link and the trainer's configuration).
pub trait VaeWords: Sync {
    fn latents(&self, value: usize, max: usize) -> String;
    fn categories(&self, value: usize, max: usize) -> String;
    fn hidden(&self, value: usize, max: usize) -> String;
    fn learning_rate(&self, value: &str, max: &str) -> String;
    fn batch_size(&self, value: usize, max: usize) -> String;
    fn tau_outside(&self, tau: &str, min: &str, max: &str) -> String;
    fn tau0_outside(&self, tau: &str, min: &str, max: &str) -> String;
    fn tau_min_outside(&self, tau: &str, min: &str, max: &str) -> String;
    /// The annealing schedule refused; `reason` is already worded.
    fn schedule(&self, reason: &str) -> String;
    fn test_image(&self, index: usize, count: usize, last: usize) -> String;
    fn data(&self, detail: &str) -> String;
    fn setting_latents(&self) -> String;
    fn setting_categories(&self) -> String;
    fn setting_until(&self) -> String;
    fn setting_range(&self, name: &str, value: &str, min: u64, max: u64) -> String;
    /// The `vae=` part of a link could not be read: what it must hold.
    fn setting_link(&self, rule: &VaeLinkRule) -> String;
    fn seed(&self, value: &str, max: u64) -> String;
    fn no_offscreen_context(&self) -> String;
}

/// Notes, the sentences that read a run, table notes, headings and named cells, and the words
/// a figure's data carries.
pub trait ReportWords: Sync {
    // The estimator view.
    fn linear_note(&self) -> String;
    fn sampled_note(&self, k: usize, samples: &str) -> String;
    fn computing_note(&self, done: usize, total: usize) -> String;
    fn legend_sf_baseline(&self) -> String;
    fn legend_sf_optimal_baseline(&self) -> String;
    /// How the notes are joined into one text.
    fn note_separator(&self) -> &'static str;

    // The training view's sentence. `q` is the tracked probability ("π₁").
    fn optimum(&self, q: &str, optimum: &str, f: &str, minimise: bool) -> String;
    fn at_start(&self, learners: usize, q: &str, start: &str, optimum: &str) -> String;
    fn near_item(&self, name: &str, value: &str) -> String;
    fn settled(&self, name: &str, q: &str, value: &str) -> String;
    fn hovers(&self, name: &str, q: &str, mean: &str) -> String;
    fn moving(&self, name: &str, q: &str, value: &str) -> String;
    fn after(&self, steps: &str, optimum: &str) -> String;
    fn none_within(&self, within: &str) -> String;
    fn within(&self, within: &str, near: &[String]) -> String;
    fn away(&self, away: &[String]) -> String;
    fn rebar_eta(&self, from: &str, to: &str) -> String;

    // View 9's sentence and figure words.
    fn vae_nothing_yet(&self, every: u64) -> String;
    fn vae_level(&self, a: &str, b: &str) -> String;
    fn vae_ahead(&self, a: &str, nats: &str, b: &str) -> String;
    fn vae_behind(&self, a: &str, nats: &str, b: &str) -> String;
    fn vae_reference_level(&self, reference: &str) -> String;
    fn vae_reference_below(&self, nats: &str, reference: &str) -> String;
    fn vae_reference_above(&self, nats: &str, reference: &str) -> String;
    fn vae_sentence(&self, s: &VaeSentence) -> String;
    fn vae_waiting(&self, every: u64) -> String;
    fn vae_test_digit(&self) -> String;
    fn vae_left_title(&self) -> String;
    fn vae_right_title(&self) -> String;

    // What each view's table lists.
    fn table_gumbel_max(&self) -> String;
    fn table_components(&self) -> String;
    fn table_expectation(&self) -> String;
    fn table_strip(&self) -> String;
    fn table_figure1(&self) -> String;
    fn table_density_binary(&self) -> String;
    fn table_density_triangle(&self) -> String;
    fn table_density_polygon(&self) -> String;
    fn table_straight_through(&self) -> String;
    fn table_estimators(&self) -> String;
    fn table_annealing(&self) -> String;
    fn table_cost(&self) -> String;
    fn table_training(&self) -> String;

    /// A table's column heading, from its CSV key ("frequency_se", "y3", …); `None` for a key
    /// this table does not know.
    fn column(&self, key: &str) -> Option<String>;
    /// A named cell ("yes", "current", "paper", …); `None` for any other text (estimator
    /// abbreviations and numbers stay as they are).
    fn cell(&self, text: &str) -> Option<String>;
}
