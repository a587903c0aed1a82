//! What the model refuses, and why: one error type for settings, links and drawings. Each
//! variant says which control (or link key, or view) and what was wrong; its `Display` is the
//! exact text the page shows next to that control.

use super::limits::{
    MAX_COST, MAX_COST_K, MAX_K, MAX_LEARNING_RATE, MAX_OBJECTIVE, MAX_SAMPLES, MAX_SEED, MAX_STEP,
    MAX_TAU, MAX_TRAINING_STEPS, MAX_UPDATE_EVERY, MIN_COST_K, MIN_K, MIN_LEARNING_RATE,
    MIN_SAMPLES, MIN_TAU, MIN_UPDATE_EVERY,
};
use super::url::LinkError;
use super::view::View;
use crate::math::error::{Error as MathError, Num};
use crate::render::RenderError;
use std::fmt;

/// One of the semi-supervised model's three costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostPart {
    /// D, the classifier.
    Classifier,
    /// I, the inference network.
    Inference,
    /// G, the generator.
    Generator,
}

impl CostPart {
    /// The letter the page labels the cost with.
    pub fn letter(self) -> &'static str {
        match self {
            CostPart::Classifier => "D",
            CostPart::Inference => "I",
            CostPart::Generator => "G",
        }
    }
}

/// A control of the page: the thing a refused number was meant for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// The number of classes k.
    Classes,
    /// The temperature τ.
    Tau,
    /// The number of samples N.
    Samples,
    /// The random seed.
    Seed,
    /// The objective's value for class `i`, counted from 1 as the page shows it.
    ObjectiveValue(usize),
    /// The annealing schedule's update interval.
    UpdateInterval,
    /// The annealing step t.
    Step,
    /// One of the costs D, I, G.
    Cost(CostPart),
    /// The number of classes k of the cost view.
    CostClasses,
    /// The training view's learning rate.
    LearningRate,
    /// The training view's own seed.
    TrainingSeed,
    /// The step the training view runs to.
    TrainingSteps,
}

impl Control {
    /// How a message names the control ("the number of samples N").
    pub fn noun(self) -> String {
        match self {
            Control::Classes => "the number of classes k".into(),
            Control::Tau => "τ".into(),
            Control::Samples => "the number of samples N".into(),
            Control::Seed => "the seed".into(),
            Control::ObjectiveValue(i) => format!("objective value {i}"),
            Control::UpdateInterval => "the update interval".into(),
            Control::Step => "the annealing step".into(),
            Control::Cost(part) => format!("the cost {}", part.letter()),
            Control::CostClasses => "k".into(),
            Control::LearningRate => "the learning rate".into(),
            Control::TrainingSeed => "the training seed".into(),
            Control::TrainingSteps => "the step to run until".into(),
        }
    }

    /// What the control accepts, as a message says it ("a whole number from 100 to 1000000").
    pub fn rule(self) -> String {
        match self {
            Control::Classes => format!("between {MIN_K} and {MAX_K}"),
            Control::Tau => format!("between {MIN_TAU} and {MAX_TAU}"),
            Control::Samples => format!("a whole number from {MIN_SAMPLES} to {MAX_SAMPLES}"),
            Control::Seed => format!("a whole number from 0 to {MAX_SEED}"),
            Control::ObjectiveValue(_) => format!("within ±{MAX_OBJECTIVE:e}"),
            Control::UpdateInterval => {
                format!("a whole number from {MIN_UPDATE_EVERY} to {MAX_UPDATE_EVERY:e}")
            }
            Control::Step => format!("a whole number from 0 to {MAX_STEP:e}"),
            Control::Cost(_) => format!("between 0 and {MAX_COST:e}"),
            Control::CostClasses => format!("a whole number from {MIN_COST_K} to {MAX_COST_K}"),
            Control::LearningRate => {
                format!("between {MIN_LEARNING_RATE:e} and {MAX_LEARNING_RATE}")
            }
            Control::TrainingSeed => format!("a whole number from 0 to {MAX_SEED}"),
            Control::TrainingSteps => format!("a whole number from 0 to {MAX_TRAINING_STEPS:e}"),
        }
    }
}

/// Everything the model can refuse. The message ([`Display`](fmt::Display)) is meant for the
/// person at the control: it names the control and the value, and never holds markup of its
/// own making.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelError {
    /// `value` must be a finite number and is NaN or ±∞.
    NotFinite { control: Control, value: f64 },
    /// `value` is outside what `control` accepts ([`Control::rule`]).
    OutOfRange { control: Control, value: f64 },
    /// `value` must be a whole number and is not.
    NotWhole { control: Control, value: f64 },
    /// τ ≤ 0: the discrete limit, not a temperature.
    TauNotPositive { value: f64 },
    /// The objective got `got` values for `classes` classes.
    ObjectiveLength { classes: usize, got: usize },
    /// The costs D, I and G are all zero.
    NoPositiveCost,
    /// An objective kind other than "linear" and "squared".
    UnknownObjective(String),
    /// An optimiser other than "sgd" and "adam".
    UnknownOptimiser(String),
    /// A view name the page does not have.
    UnknownView(String),
    /// The math core refused the parameters; its message names the parameter.
    Math(MathError),
    /// A link's state that was not restored, and why.
    Link(LinkError),
    /// A figure could not be drawn.
    Render(RenderError),
    /// The drawing backend failed; its own message.
    Backend(String),
    /// The canvas has no 2-D drawing context.
    NoDrawingContext,
    /// Drawing `view` failed because of `cause`.
    Drawing { view: View, cause: Box<ModelError> },
}

impl ModelError {
    /// Drawing `view` failed because of `cause`.
    pub fn drawing(view: View, cause: ModelError) -> ModelError {
        ModelError::Drawing {
            view,
            cause: Box::new(cause),
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotFinite { control, value } => write!(
                f,
                "{} must be a finite number, got {}",
                control.noun(),
                Num(*value)
            ),
            ModelError::OutOfRange { control, value } => write!(
                f,
                "{} must be {}, got {}",
                control.noun(),
                control.rule(),
                Num(*value)
            ),
            ModelError::NotWhole { control, value } => write!(
                f,
                "{} must be a whole number, got {}",
                control.noun(),
                Num(*value)
            ),
            ModelError::TauNotPositive { value } => write!(
                f,
                "τ must be positive (τ = 0 is the discrete limit, not a temperature), got {}",
                Num(*value)
            ),
            ModelError::ObjectiveLength { classes, got } => write!(
                f,
                "the objective needs one value per class ({classes}), got {got}"
            ),
            ModelError::NoPositiveCost => {
                f.write_str("at least one of the costs D, I, G must be positive")
            }
            ModelError::UnknownObjective(kind) => write!(
                f,
                "the objective must be \"linear\" or \"squared\", got \"{kind}\""
            ),
            ModelError::UnknownOptimiser(name) => write!(
                f,
                "the optimiser must be \"sgd\" or \"adam\", got \"{name}\""
            ),
            ModelError::UnknownView(name) => write!(f, "there is no view called \"{name}\""),
            ModelError::Math(e) => write!(f, "{e}"),
            ModelError::Link(e) => write!(f, "the link's state was not restored: {e}"),
            ModelError::Render(e) => write!(f, "{e}"),
            ModelError::Backend(message) => f.write_str(message),
            ModelError::NoDrawingContext => f.write_str("this canvas has no 2-D drawing context"),
            ModelError::Drawing { view, cause } => {
                write!(f, "drawing {} failed: {cause}", view.name())
            }
        }
    }
}

impl std::error::Error for ModelError {}

impl From<MathError> for ModelError {
    fn from(e: MathError) -> Self {
        ModelError::Math(e)
    }
}

impl From<RenderError> for ModelError {
    fn from(e: RenderError) -> Self {
        ModelError::Render(e)
    }
}

impl From<LinkError> for ModelError {
    fn from(e: LinkError) -> Self {
        ModelError::Link(e)
    }
}

/// A short, printable excerpt of untrusted text for a message: its first 24 ASCII letters, digits
/// and characters of `also`, or "…" when none is left.
pub(super) fn excerpt(text: &str, also: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || also.contains(*c))
        .take(24)
        .collect();
    if cleaned.is_empty() {
        "…".to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_the_page_texts() {
        let cases: [(ModelError, &str); 8] = [
            (
                ModelError::NotFinite {
                    control: Control::Tau,
                    value: f64::NAN,
                },
                "τ must be a finite number, got NaN",
            ),
            (
                ModelError::OutOfRange {
                    control: Control::Classes,
                    value: 11.0,
                },
                "the number of classes k must be between 2 and 10, got 11",
            ),
            (
                ModelError::OutOfRange {
                    control: Control::Tau,
                    value: 1e-9,
                },
                "τ must be between 0.001 and 1000, got 1e-9",
            ),
            (
                ModelError::OutOfRange {
                    control: Control::UpdateInterval,
                    value: 0.0,
                },
                "the update interval must be a whole number from 1 to 1e9, got 0",
            ),
            (
                ModelError::OutOfRange {
                    control: Control::Cost(CostPart::Inference),
                    value: 2e9,
                },
                "the cost I must be between 0 and 1e9, got 2000000000",
            ),
            (
                ModelError::OutOfRange {
                    control: Control::ObjectiveValue(2),
                    value: 2e6,
                },
                "objective value 2 must be within ±1e6, got 2000000",
            ),
            (
                ModelError::NotWhole {
                    control: Control::Classes,
                    value: 2.5,
                },
                "the number of classes k must be a whole number, got 2.5",
            ),
            (
                ModelError::drawing(View::Cost, ModelError::Backend("lost".into())),
                "drawing cost failed: lost",
            ),
        ];
        for (error, text) in cases {
            assert_eq!(error.to_string(), text);
        }
    }
}
