//! The numbers behind the annealing view: the schedule's τ over the steps it takes to reach
//! τ_min, and τ at the current step.

use super::limits::MAX_STEP;
use super::Model;
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
