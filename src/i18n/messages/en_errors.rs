//! The refusals in English: settings, links, the math core and view 9.

use super::{En, ErrorWords, MathWords, VaeLinkRule, VaeWords};

impl ErrorWords for En {
    fn control_classes(&self) -> String {
        "the number of classes k".into()
    }
    fn control_tau(&self) -> String {
        "τ".into()
    }
    fn control_samples(&self) -> String {
        "the number of samples N".into()
    }
    fn control_seed(&self) -> String {
        "the seed".into()
    }
    fn control_objective_value(&self, class: usize) -> String {
        format!("objective value {class}")
    }
    fn control_update_interval(&self) -> String {
        "the update interval".into()
    }
    fn control_step(&self) -> String {
        "the annealing step".into()
    }
    fn control_cost(&self, letter: &str) -> String {
        format!("the cost {letter}")
    }
    fn control_cost_classes(&self) -> String {
        "k".into()
    }
    fn control_learning_rate(&self) -> String {
        "the learning rate".into()
    }
    fn control_training_seed(&self) -> String {
        "the training seed".into()
    }
    fn control_training_steps(&self) -> String {
        "the step to run until".into()
    }

    fn rule_between(&self, lo: &str, hi: &str) -> String {
        format!("between {lo} and {hi}")
    }
    fn rule_whole(&self, lo: &str, hi: &str) -> String {
        format!("a whole number from {lo} to {hi}")
    }
    fn rule_within(&self, bound: &str) -> String {
        format!("within ±{bound}")
    }

    fn not_finite(&self, control: &str, value: &str) -> String {
        format!("{control} must be a finite number, got {value}")
    }
    fn out_of_range(&self, control: &str, rule: &str, value: &str) -> String {
        format!("{control} must be {rule}, got {value}")
    }
    fn not_whole(&self, control: &str, value: &str) -> String {
        format!("{control} must be a whole number, got {value}")
    }
    fn tau_not_positive(&self, value: &str) -> String {
        format!("τ must be positive (τ = 0 is the discrete limit, not a temperature), got {value}")
    }
    fn objective_length(&self, classes: usize, got: usize) -> String {
        format!("the objective needs one value per class ({classes}), got {got}")
    }
    fn no_positive_cost(&self) -> String {
        "at least one of the costs D, I, G must be positive".into()
    }
    fn unknown_objective(&self, kind: &str) -> String {
        format!("the objective must be \"linear\" or \"squared\", got \"{kind}\"")
    }
    fn unknown_optimiser(&self, name: &str) -> String {
        format!("the optimiser must be \"sgd\" or \"adam\", got \"{name}\"")
    }
    fn unknown_view(&self, name: &str) -> String {
        format!("there is no view called \"{name}\"")
    }
    fn link_not_restored(&self, reason: &str) -> String {
        format!("the link's state was not restored: {reason}")
    }
    fn no_drawing_context(&self) -> String {
        "this canvas has no 2-D drawing context".into()
    }
    fn drawing_failed(&self, view: &str, cause: &str) -> String {
        format!("drawing {view} failed: {cause}")
    }
    fn schedule_tau0(&self, value: &str) -> String {
        format!(
            "invalid argument: annealing: initial temperature τ₀ = {value}, must be finite and > 0"
        )
    }
    fn schedule_rate(&self, value: &str) -> String {
        format!("invalid argument: annealing: rate r = {value}, must be finite and ≥ 0")
    }
    fn schedule_tau_min(&self, value: &str) -> String {
        format!(
            "invalid argument: annealing: minimum temperature τ_min = {value}, must be finite \
             and > 0"
        )
    }
    fn unavailable_sweep(&self) -> String {
        "invalid argument: the estimator sweep is not available".into()
    }
    fn unavailable_training(&self) -> String {
        "invalid argument: no training run".into()
    }

    fn link_too_long(&self, len: usize, max: usize) -> String {
        format!("it is {len} characters long, at most {max} are allowed")
    }
    fn link_too_many_keys(&self) -> String {
        "it has too many keys".into()
    }
    fn link_repeated_key(&self, key: &str) -> String {
        format!("the key {key} appears twice")
    }
    fn link_unknown_key(&self, key: &str) -> String {
        format!("unknown key \"{key}\"")
    }
    fn link_not_a_number(&self, key: &str, excerpt: &str) -> String {
        format!("{key} is not a finite number (\"{excerpt}\")")
    }
    fn link_too_many_values(&self, key: &str, count: usize, max: usize) -> String {
        format!("{key} has {count} values, at most {max} are allowed")
    }
    fn link_classes(&self, min: usize, max: usize) -> String {
        format!("k must be a whole number from {min} to {max}")
    }
    fn link_unknown_objective(&self, name: &str) -> String {
        format!("unknown objective \"{name}\"")
    }
    fn link_values_without_objective(&self) -> String {
        "f is given without obj".into()
    }
    fn link_probs_and_logits(&self) -> String {
        "give p or logits, not both".into()
    }
    fn link_class_count(&self, k: usize, given: usize) -> String {
        format!("k = {k} but {given} class values are given")
    }
    fn link_schedule_arity(&self) -> String {
        "sched needs τ₀, rate, τ_min and the update interval".into()
    }
    fn link_update_interval(&self, min: &str, max: &str) -> String {
        format!("the schedule's update interval must be a whole number from {min} to {max}")
    }
    fn link_cost_arity(&self) -> String {
        "cost needs D, I, G and k".into()
    }
    fn link_training(&self, excerpt: &str) -> String {
        format!(
            "train must read optimiser,learning rate,seed or page,fixed or anneal,step \
             (\"{excerpt}\")"
        )
    }

    fn mode_unknown_embed(&self, value: &str, known: &[&str]) -> String {
        format!(
            "the link asks to embed \"{value}\", but no view has that name (the views are {})",
            known.join(", ")
        )
    }
    fn mode_unknown_present(&self, value: &str, known: &[&str]) -> String {
        format!(
            "the link's present=\"{value}\" is neither 1 nor a view's name (the views are {})",
            known.join(", ")
        )
    }
    fn mode_repeated(&self, key: &str) -> String {
        format!("the link gives {key}= more than once")
    }
    fn mode_both(&self) -> String {
        "the link asks for both embed and present; give one".into()
    }
    fn unknown_preset(&self, name: &str, known: &[&str]) -> String {
        format!(
            "there is no preset called \"{name}\" (known: {})",
            known.join(", ")
        )
    }
    fn text_scale(&self, max: &str) -> String {
        format!("the text scale must be a number from 1 to {max}")
    }
    fn unknown_language(&self, tag: &str, known: &[&str]) -> String {
        format!(
            "there is no language called \"{tag}\" (known: {})",
            known.join(", ")
        )
    }
}

impl MathWords for En {
    fn parameter(&self, name: &str) -> String {
        name.into()
    }
    fn empty(&self, parameter: &str) -> String {
        format!("{parameter}: empty, need at least 2 values")
    }
    fn single_category(&self) -> String {
        "k = 1: a single category is not a choice, need at least 2 categories".into()
    }
    fn too_many_categories(&self, k: usize, max: usize) -> String {
        format!("k = {k}: too many categories, at most {max} are supported")
    }
    fn not_a_number(&self, parameter: &str, index: usize) -> String {
        format!("{parameter} {index} is NaN (not a number)")
    }
    fn infinite(&self, parameter: &str, index: usize, value: &str) -> String {
        format!("{parameter} {index} is {value}, must be finite")
    }
    fn zero(&self, parameter: &str, index: usize) -> String {
        format!("{parameter} {index} is 0, must be strictly positive")
    }
    fn negative(&self, parameter: &str, index: usize, value: &str) -> String {
        format!("{parameter} {index} is {value}, must not be negative")
    }
    fn temperature_not_finite(&self, value: &str) -> String {
        format!("temperature τ is {value}, must be a finite number")
    }
    fn temperature_not_positive(&self, value: &str) -> String {
        format!("temperature τ is {value}, must be > 0 (τ → 0 is a limit, not a valid temperature)")
    }
    fn temperature_out_of_range(&self, value: &str, min: &str, max: &str) -> String {
        format!(
            "temperature τ is {value}, must be between {min} and {max} (beyond them double \
             precision overflows)"
        )
    }
    fn length_mismatch(&self, parameter: &str, expected: usize, found: usize) -> String {
        format!("{parameter}: expected {expected} values, found {found}")
    }
    fn not_on_simplex(&self, sum: &str) -> String {
        format!("point is not on the simplex: its components sum to {sum}, not 1")
    }
    fn invalid_argument(&self, detail: &str) -> String {
        format!("invalid argument: {detail}")
    }
}

impl VaeWords for En {
    fn latents(&self, value: usize, max: usize) -> String {
        format!("latent variables N = {value}: must be between 1 and {max}")
    }
    fn categories(&self, value: usize, max: usize) -> String {
        format!("categories per latent K = {value}: must be between 2 and {max}")
    }
    fn hidden(&self, value: usize, max: usize) -> String {
        format!("hidden units = {value}: must be between 1 and {max}")
    }
    fn learning_rate(&self, value: &str, max: &str) -> String {
        format!("learning rate = {value}: must be a number above 0 and at most {max}")
    }
    fn batch_size(&self, value: usize, max: usize) -> String {
        format!("batch size = {value}: must be between 1 and {max} (the training images)")
    }
    fn tau_outside(&self, tau: &str, min: &str, max: &str) -> String {
        format!("temperature: τ = {tau} is outside {min} to {max}")
    }
    fn tau0_outside(&self, tau: &str, min: &str, max: &str) -> String {
        format!("temperature: initial τ₀ = {tau} is outside {min} to {max}")
    }
    fn tau_min_outside(&self, tau: &str, min: &str, max: &str) -> String {
        format!("temperature: minimum τ_min = {tau} is outside {min} to {max}")
    }
    fn schedule(&self, reason: &str) -> String {
        format!("temperature: {reason}")
    }
    fn test_image(&self, index: usize, count: usize, last: usize) -> String {
        format!("test image {index}: there are {count} test images (0 to {last})")
    }
    fn data(&self, detail: &str) -> String {
        format!("embedded digits: {detail}")
    }
    fn setting_latents(&self) -> String {
        "latent variables N".into()
    }
    fn setting_categories(&self) -> String {
        "categories per latent K".into()
    }
    fn setting_until(&self) -> String {
        "run until step".into()
    }
    fn setting_range(&self, name: &str, value: &str, min: u64, max: u64) -> String {
        format!("{name} = {value}: must be a whole number from {min} to {max}")
    }
    fn setting_link(&self, rule: &VaeLinkRule) -> String {
        let VaeLinkRule {
            key,
            latents: (min_latents, max_latents),
            ..
        } = rule;
        let (min_categories, max_categories) = rule.categories;
        let max_until = rule.max_until;
        format!(
            "the link's state was not restored: {key} must be given once, as N,K,sched or \
             fixed,until with N from {min_latents} to {max_latents}, K from {min_categories} \
             to {max_categories} and until from 1 to {max_until}"
        )
    }
    fn seed(&self, value: &str, max: u64) -> String {
        format!("seed {value}: must be a whole number from 0 to {max}")
    }
    fn no_offscreen_context(&self) -> String {
        "the offscreen canvas has no 2-D context".into()
    }
}
