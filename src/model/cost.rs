//! The numbers behind the cost view: the speed-up of one relaxed pass over marginalising all k
//! classes, along k and at the current costs, beside the paper's measurements.

use super::limits::{MAX_COST_K, MIN_COST_K};
use super::{Model, ModelError};
use crate::math::cost::{log_spaced_classes, speedup, PAPER_SPEEDUPS};
use crate::render::CostData;

/// Points (before rounding k to whole numbers) of the speed-up curve.
const CURVE_POINTS: usize = 200;

impl Model {
    /// Speed-up of one relaxed pass over marginalising all k classes, at the current costs.
    ///
    /// # Errors
    /// [`ModelError::Math`] when the costs give no speed-up (all zero).
    pub fn speedup(&self) -> Result<f64, ModelError> {
        let c = self.settings.cost();
        Ok(speedup(c.d, c.i, c.g, c.k as usize)?)
    }

    pub fn cost_data(&self) -> CostData {
        let c = self.settings.cost();
        let ks = log_spaced_classes(MIN_COST_K as usize, MAX_COST_K as usize, CURVE_POINTS);
        let curve = ks
            .into_iter()
            .filter_map(|k| speedup(c.d, c.i, c.g, k).ok().map(|s| (k as f64, s)))
            .collect();
        let paper = PAPER_SPEEDUPS.iter().map(|&(k, s)| (k as f64, s)).collect();
        let current = (c.k as f64, self.speedup().unwrap_or(f64::NAN));
        CostData {
            curve,
            paper,
            current,
        }
    }
}
