//! The model's refusals in words, in either language: each [`ModelError`], [`LinkError`] and
//! [`Control`] is worded here from the tables of `crate::i18n::messages`, and `Display` is the
//! English wording (the text the page showed before it had two languages).

use super::error::{Control, ModelError, SchedulePart, Unavailable};
use super::limits::{
    MAX_COST, MAX_COST_K, MAX_K, MAX_LEARNING_RATE, MAX_OBJECTIVE, MAX_SAMPLES, MAX_SEED, MAX_STEP,
    MAX_TAU, MAX_TRAINING_STEPS, MAX_UPDATE_EVERY, MIN_COST_K, MIN_K, MIN_LEARNING_RATE,
    MIN_SAMPLES, MIN_TAU, MIN_UPDATE_EVERY,
};
use super::math_words::math_message;
use super::url::{LinkError, MAX_STATE_LEN};
use crate::i18n::messages::{errors, ErrorWords};
use crate::i18n::Lang;
use crate::math::error::Num;
use std::fmt;

/// `v` as a message writes it.
fn num(v: f64) -> String {
    Num(v).to_string()
}

impl Control {
    /// How a message names the control ("the number of samples N").
    pub fn noun(self) -> String {
        self.noun_in(Lang::En)
    }

    /// What the control accepts, as a message says it ("a whole number from 100 to 1000000").
    pub fn rule(self) -> String {
        self.rule_in(Lang::En)
    }

    /// [`noun`](Self::noun) in `lang`.
    pub fn noun_in(self, lang: Lang) -> String {
        let w = errors(lang);
        match self {
            Control::Classes => w.control_classes(),
            Control::Tau => w.control_tau(),
            Control::Samples => w.control_samples(),
            Control::Seed => w.control_seed(),
            Control::ObjectiveValue(i) => w.control_objective_value(i),
            Control::UpdateInterval => w.control_update_interval(),
            Control::Step => w.control_step(),
            Control::Cost(part) => w.control_cost(part.letter()),
            Control::CostClasses => w.control_cost_classes(),
            Control::LearningRate => w.control_learning_rate(),
            Control::TrainingSeed => w.control_training_seed(),
            Control::TrainingSteps => w.control_training_steps(),
        }
    }

    /// [`rule`](Self::rule) in `lang`.
    pub fn rule_in(self, lang: Lang) -> String {
        let w = errors(lang);
        // The whole-number bounds are powers of ten, exact in an f64, so they read as in
        // `{:e}` of the integer ("1e9"); one `f64` form keeps the integer one out of the module.
        let e = |v: f64| format!("{v:e}");
        match self {
            Control::Classes => w.rule_between(&MIN_K.to_string(), &MAX_K.to_string()),
            Control::Tau => w.rule_between(&MIN_TAU.to_string(), &MAX_TAU.to_string()),
            Control::Samples => w.rule_whole(&MIN_SAMPLES.to_string(), &MAX_SAMPLES.to_string()),
            Control::Seed | Control::TrainingSeed => w.rule_whole("0", &MAX_SEED.to_string()),
            Control::ObjectiveValue(_) => w.rule_within(&e(MAX_OBJECTIVE)),
            Control::UpdateInterval => {
                w.rule_whole(&MIN_UPDATE_EVERY.to_string(), &e(MAX_UPDATE_EVERY as f64))
            }
            Control::Step => w.rule_whole("0", &e(MAX_STEP as f64)),
            Control::Cost(_) => w.rule_between("0", &e(MAX_COST)),
            Control::CostClasses => w.rule_whole(&MIN_COST_K.to_string(), &MAX_COST_K.to_string()),
            Control::LearningRate => {
                w.rule_between(&e(MIN_LEARNING_RATE), &MAX_LEARNING_RATE.to_string())
            }
            Control::TrainingSteps => w.rule_whole("0", &e(MAX_TRAINING_STEPS as f64)),
        }
    }
}

impl ModelError {
    /// The message in `lang` (in English, the same text as `Display`).
    pub fn message(&self, lang: Lang) -> String {
        let w = errors(lang);
        match self {
            ModelError::NotFinite { control, value } => {
                w.not_finite(&control.noun_in(lang), &num(*value))
            }
            ModelError::OutOfRange { control, value } => {
                w.out_of_range(&control.noun_in(lang), &control.rule_in(lang), &num(*value))
            }
            ModelError::NotWhole { control, value } => {
                w.not_whole(&control.noun_in(lang), &num(*value))
            }
            ModelError::TauNotPositive { value } => w.tau_not_positive(&num(*value)),
            ModelError::ObjectiveLength { classes, got } => w.objective_length(*classes, *got),
            ModelError::NoPositiveCost => w.no_positive_cost(),
            ModelError::UnknownObjective(kind) => w.unknown_objective(kind),
            ModelError::UnknownOptimiser(name) => w.unknown_optimiser(name),
            ModelError::UnknownView(name) => w.unknown_view(name),
            ModelError::NotInModule(view) => w.not_in_module(view.name()),
            ModelError::Math(e) => math_message(e, lang),
            ModelError::Schedule { part, value } => match part {
                SchedulePart::InitialTau => w.schedule_tau0(&num(*value)),
                SchedulePart::Rate => w.schedule_rate(&num(*value)),
                SchedulePart::MinimumTau => w.schedule_tau_min(&num(*value)),
            },
            ModelError::Unavailable(Unavailable::Sweep) => w.unavailable_sweep(),
            ModelError::Unavailable(Unavailable::Training) => w.unavailable_training(),
            ModelError::Link(e) => w.link_not_restored(&e.message(lang)),
            // The figures' and the browser's own words.
            ModelError::Render(e) => e.to_string(),
            ModelError::Backend(message) => message.clone(),
            ModelError::NoDrawingContext => w.no_drawing_context(),
            ModelError::Drawing { view, cause } => {
                w.drawing_failed(view.name(), &cause.message(lang))
            }
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl LinkError {
    /// Why the link was not restored, in `lang` (in English, the same text as `Display`).
    pub fn message(&self, lang: Lang) -> String {
        let w: ErrorWords = errors(lang);
        match self {
            LinkError::TooLong { len } => w.link_too_long(*len, MAX_STATE_LEN),
            LinkError::TooManyKeys => w.link_too_many_keys(),
            LinkError::RepeatedKey(key) => w.link_repeated_key(key),
            LinkError::UnknownKey(key) => w.link_unknown_key(key),
            LinkError::NotANumber { key, excerpt } => w.link_not_a_number(key, excerpt),
            LinkError::TooManyValues { key, count, max } => {
                w.link_too_many_values(key, *count, *max)
            }
            LinkError::Classes => w.link_classes(MIN_K, MAX_K),
            LinkError::UnknownObjective(name) => w.link_unknown_objective(name),
            LinkError::ValuesWithoutObjective => w.link_values_without_objective(),
            LinkError::ProbsAndLogits => w.link_probs_and_logits(),
            LinkError::ClassCount { k, given } => w.link_class_count(*k, *given),
            LinkError::ScheduleArity => w.link_schedule_arity(),
            LinkError::UpdateInterval => w.link_update_interval(
                &MIN_UPDATE_EVERY.to_string(),
                &format!("{:e}", MAX_UPDATE_EVERY as f64),
            ),
            LinkError::CostArity => w.link_cost_arity(),
            LinkError::Training(excerpt) => w.link_training(excerpt),
            LinkError::Setting(e) => e.message(lang),
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole-number bounds the rules write through `f64` read as the integers would.
    #[test]
    fn whole_bounds_read_as_integers() {
        for n in [MAX_UPDATE_EVERY, MAX_STEP, MAX_TRAINING_STEPS] {
            assert_eq!(format!("{:e}", n as f64), format!("{n:e}"));
        }
    }
}
