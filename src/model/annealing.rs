//! The numbers behind the annealing view: the schedule's τ over the steps it takes to reach
//! τ_min, and τ at the current step.

use super::error::SchedulePart;
use super::limits::MAX_STEP;
use super::{Model, ModelError};
use crate::math::annealing::AnnealingSchedule;
use crate::render::AnnealingData;

/// Points of the plotted schedule curve.
const CURVE_POINTS: usize = 400;

impl Model {
    /// The last step the annealing view shows: far enough for τ to reach τ_min.
    pub fn annealing_horizon(&self) -> u64 {
        self.settings.schedule().horizon(MAX_STEP)
    }

    /// τ of the schedule at the current step.
    pub fn annealed_tau(&self) -> f64 {
        self.settings.schedule().tau_at(self.settings.step())
    }

    pub fn annealing_data(&self) -> AnnealingData {
        let sch = self.settings.schedule();
        let curve = sch
            .curve(self.annealing_horizon(), CURVE_POINTS)
            .into_iter()
            .map(|(t, tau)| (t as f64, tau))
            .collect();
        let step = self.settings.step();
        AnnealingData {
            curve,
            current_step: step as f64,
            current_tau: sch.tau_at(step),
            tau_min: sch.tau_min,
        }
    }
}

/// The schedule of τ₀, `rate`, τ_min and an update interval of `every` steps (≥ 1), or the
/// model's error naming the first number the schedule cannot have (so that it can be worded in
/// the page's language; the math core's own check then always passes).
///
/// # Errors
/// [`ModelError::Schedule`] for τ₀ or τ_min not finite and > 0, or a rate not finite and ≥ 0.
pub fn checked_schedule(
    tau0: f64,
    rate: f64,
    tau_min: f64,
    every: u64,
) -> Result<AnnealingSchedule, ModelError> {
    let positive = |v: f64| v.is_finite() && v > 0.0;
    let fault = if !positive(tau0) {
        Some((SchedulePart::InitialTau, tau0))
    } else if !(rate.is_finite() && rate >= 0.0) {
        Some((SchedulePart::Rate, rate))
    } else if !positive(tau_min) {
        Some((SchedulePart::MinimumTau, tau_min))
    } else {
        None
    };
    if let Some((part, value)) = fault {
        return Err(ModelError::Schedule { part, value });
    }
    Ok(AnnealingSchedule::new(tau0, rate, tau_min, every)?)
}
