//! The numbers behind the estimator view: the variance sweep of the five gradient estimators
//! over a fixed τ grid, computed once per π, objective and seed (a τ drag only moves the
//! marker of the current τ).

use super::cache::SweepKey;
use super::sampling::stream;
use super::{Model, ModelError};
use crate::math::{log_tau_grid, variance_sweep, Sweep};
use crate::render::{EstimatorCurve, EstimatorsData};

/// Temperatures of the estimator sweep: 40 values, log-spaced from 0.01 to 10.
pub const SWEEP_TAUS: usize = 40;
pub const SWEEP_TAU_MIN: f64 = 0.01;
pub const SWEEP_TAU_MAX: f64 = 10.0;
/// Samples per τ and estimator in the sweep.
pub const SWEEP_SAMPLES: usize = 2_000;
/// Offset that gives the sweep its own random stream, separate from the sample views'.
const SWEEP_STREAM: u64 = 0x9E37_79B9_7F4A_7C15;

impl Model {
    /// The estimator sweep for the current π, objective and seed (independent of τ).
    ///
    /// # Errors
    /// [`ModelError::Math`] when the math core refuses the sweep's inputs.
    pub fn sweep(&mut self) -> Result<&Sweep, ModelError> {
        let key = SweepKey::of(&self.settings);
        let entry = match self.sweep.take() {
            Some((cached, result)) if cached == key => (cached, result),
            _ => {
                let s = &self.settings;
                let taus = log_tau_grid(SWEEP_TAU_MIN, SWEEP_TAU_MAX, SWEEP_TAUS);
                let mut rng = stream(key.seed ^ SWEEP_STREAM);
                let objective = s.objective();
                let result = variance_sweep(s.logits(), &objective, &taus, SWEEP_SAMPLES, &mut rng);
                (key, result)
            }
        };
        let (_, result) = self.sweep.insert(entry);
        result.as_ref().map_err(|e| ModelError::Math(e.clone()))
    }

    pub fn estimators_data(&mut self) -> Result<EstimatorsData, ModelError> {
        let current_tau = self.settings.tau();
        let sweep = self.sweep()?;
        let curves = sweep
            .rows
            .iter()
            .map(|row| EstimatorCurve {
                name: row.estimator.name().to_string(),
                bias: row.points.iter().map(|p| p.bias).collect(),
                bias_se: row.points.iter().map(|p| p.bias_se).collect(),
                variance: row.points.iter().map(|p| p.variance).collect(),
                variance_se: row.points.iter().map(|p| p.variance_se).collect(),
            })
            .collect();
        Ok(EstimatorsData {
            taus: sweep.taus.clone(),
            curves,
            current_tau,
            exact: sweep.exact.clone(),
        })
    }

    /// The exact gradient ∇θF of the current objective, by enumeration.
    ///
    /// # Errors
    /// As [`sweep`](Self::sweep).
    pub fn exact_gradient(&mut self) -> Result<Vec<f64>, ModelError> {
        Ok(self.sweep()?.exact.clone())
    }
}
