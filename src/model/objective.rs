//! The objective the estimator views differentiate: its two kinds, the names the page and
//! links use for them, and each kind's default values.

use super::error::ModelError;
use crate::math::Objective;

/// The objective of a new page: the squared distance, under which GS and ST-GS differ and ST
/// is biased (with a linear payoff ST is exact and ST-GS = GS, which hides the comparison).
pub const DEFAULT_OBJECTIVE_KIND: ObjectiveKind = ObjectiveKind::SquaredDistance;

/// Which objective the estimator views differentiate.
#[derive(Clone, Debug, PartialEq)]
pub enum ObjectiveKind {
    /// f(y) = Σ c_i y_i.
    Linear,
    /// f(y) = ‖y − t‖².
    SquaredDistance,
}

impl ObjectiveKind {
    /// The name the page uses: "linear" or "squared".
    pub fn name(&self) -> &'static str {
        match self {
            ObjectiveKind::Linear => "linear",
            ObjectiveKind::SquaredDistance => "squared",
        }
    }

    /// The kind the page calls `name`.
    ///
    /// # Errors
    /// [`ModelError::UnknownObjective`] for any other name.
    pub fn parse(name: &str) -> Result<ObjectiveKind, ModelError> {
        match name {
            "linear" => Ok(ObjectiveKind::Linear),
            "squared" => Ok(ObjectiveKind::SquaredDistance),
            other => Err(ModelError::UnknownObjective(other.to_string())),
        }
    }

    /// This kind's objective with `values` as its payoffs c or its target t.
    pub fn objective(&self, values: Vec<f64>) -> Objective {
        match self {
            ObjectiveKind::Linear => Objective::Linear { c: values },
            ObjectiveKind::SquaredDistance => Objective::SquaredDistance { target: values },
        }
    }

    /// This kind's default values for k classes.
    pub fn default_values(&self, k: usize) -> Vec<f64> {
        match self {
            ObjectiveKind::Linear => default_payoff(k),
            ObjectiveKind::SquaredDistance => default_target(k),
        }
    }
}

/// The default linear payoff: cᵢ rises from 0 to 1 across the classes, so the best class is
/// the last.
pub fn default_payoff(k: usize) -> Vec<f64> {
    let last = (k.max(2) - 1) as f64;
    (0..k).map(|i| i as f64 / last).collect()
}

/// The default squared-distance target: 0.45 on the first class, the rest shared evenly
/// (for k = 2 this is the REBAR paper's toy problem with t = 0.45).
pub fn default_target(k: usize) -> Vec<f64> {
    let k = k.max(2);
    let rest = 0.55 / (k - 1) as f64;
    (0..k).map(|i| if i == 0 { 0.45 } else { rest }).collect()
}
