//! The numbers view 8 draws: each estimator's training run as recorded by the model (exact
//! objective, π's trajectory, running gradient variance) at the recorded steps.

use super::data::SimplexHeatmapData;

/// One estimator's run, at the recorded steps of [`TrainingData::steps`].
#[derive(Clone, Debug, Default)]
pub struct TrainingCurve {
    /// The estimator's label ("SF", "GS", "REBAR", …).
    pub name: String,
    /// The exact objective F(θ_t) at each recorded step.
    pub objective: Vec<f64>,
    /// The probability the trajectory panel plots against steps: π₁ for k = 2, the best
    /// class's π for k > 3 (empty for k = 3, which draws `path`).
    pub tracked: Vec<f64>,
    /// k = 3: π at each recorded step as a point of the triangle's plane.
    pub path: Vec<(f64, f64)>,
    /// The running trace of the covariance of the gradient estimates along the run.
    pub variance: Vec<f64>,
}

/// What the trajectory panel shows.
#[derive(Clone, Debug)]
pub enum Trajectory {
    /// k = 2: π₁ against steps, with the optimal π₁ (0 or 1) marked.
    FirstClass { optimum: f64 },
    /// k = 3: each estimator's path of π over the density heatmap of relaxed samples at the
    /// start π and τ; `optimum` is the best vertex in the plane (a dot marks it).
    Triangle {
        heatmap: Box<SimplexHeatmapData>,
        optimum: (f64, f64),
    },
    /// k > 3: the probability of the best class `class` (0-based) against steps.
    BestClass { class: usize },
}

impl Default for Trajectory {
    fn default() -> Self {
        Trajectory::FirstClass { optimum: f64::NAN }
    }
}

/// View 8: training the logits with each gradient estimator.
#[derive(Clone, Debug, Default)]
pub struct TrainingData {
    /// The recorded steps, increasing from 0: the x of every curve.
    pub steps: Vec<f64>,
    /// One run per estimator, in legend order.
    pub curves: Vec<TrainingCurve>,
    pub trajectory: Trajectory,
    /// F at the optimum (all mass on the best class), drawn as a reference line.
    pub optimum_objective: f64,
    /// The step the run stands at.
    pub step: f64,
    /// τ of the relaxed estimators at that step.
    pub tau: f64,
}
