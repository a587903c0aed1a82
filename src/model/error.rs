//! What the model refuses, and why: one error type for settings, links and drawings. Each
//! variant says which control (or link key, or view) and what was wrong; its words, in either
//! language, are in `error_words` (`Display` is the English text the page shows next to that
//! control).

use super::url::LinkError;
use super::view::View;
use crate::math::error::Error as MathError;
use crate::render::RenderError;

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

/// Everything the model can refuse. The message (`Display`, or `message` in a language) is for the
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
    /// A view this build does not draw: the page's first module asked for a view only the
    /// full module draws ([`View::in_module`]).
    NotInModule(View),
    /// The math core refused the parameters; its message names the parameter.
    Math(MathError),
    /// A link's state that was not restored, and why.
    Link(LinkError),
    /// The annealing schedule's `part` is `value`, which it cannot be.
    Schedule { part: SchedulePart, value: f64 },
    /// Data the model computes on request is not there (an internal misuse, not a setting).
    Unavailable(Unavailable),
    /// A figure could not be drawn.
    Render(RenderError),
    /// The drawing backend failed; its own message.
    Backend(String),
    /// The canvas has no 2-D drawing context.
    NoDrawingContext,
    /// Drawing `view` failed because of `cause`.
    Drawing { view: View, cause: Box<ModelError> },
}

/// A number of the annealing schedule (the update interval has its own [`Control`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchedulePart {
    /// τ₀, finite and > 0.
    InitialTau,
    /// The rate r, finite and ≥ 0.
    Rate,
    /// τ_min, finite and > 0.
    MinimumTau,
}

/// Computed data asked for before it exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// The estimator sweep.
    Sweep,
    /// The training run.
    Training,
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

impl std::error::Error for ModelError {}

from_variants!(ModelError {
    Math(MathError),
    Render(RenderError),
    Link(LinkError),
});

/// A short, printable excerpt of untrusted text for a message: its first 24 ASCII letters, digits
/// and characters of `also`, or "…" when none is left.
pub(super) fn excerpt(text: &str, also: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|&c| c.is_ascii_alphanumeric() || also.chars().any(|a| a == c))
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
