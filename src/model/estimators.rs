//! The numbers behind the estimator view: the Monte Carlo sweep of the six gradient estimators
//! over a fixed τ grid (once per π, objective and seed) and their exact curves (once per π and
//! objective), put together as the figure draws them. A τ drag only moves the marker of the
//! current τ.
//!
//! What is drawn is what is true: an exact value wherever one is known (the τ-independent
//! estimators at every k, GS and ST-GS for k ≤ 3), exactly zero for an estimator unbiased by a
//! theorem, and otherwise the Monte Carlo estimate with its uncertainty, the bias corrected for
//! the noise of the mean.

use super::cache::SweepKey;
use super::sampling::stream;
use super::{Model, ModelError, ObjectiveKind, View};
use crate::format;
use crate::i18n::messages::reports;
use crate::i18n::Lang;
use crate::math::{
    exact_gradient, log_tau_grid, Error as MathError, Estimator, GumbelSoftmax, Sweep, SweepRun,
};
use crate::render::{EstimatorCurve, EstimatorsData};

/// Temperatures of the estimator sweep: 40 values, log-spaced from 0.01 to 10.
pub const SWEEP_TAUS: usize = 40;
pub const SWEEP_TAU_MIN: f64 = 0.01;
pub const SWEEP_TAU_MAX: f64 = 10.0;
/// Samples per τ and estimator in the sweep.
pub const SWEEP_SAMPLES: usize = 2_000;
/// Offset that gives the sweep its own random stream, separate from the sample views'.
const SWEEP_STREAM: u64 = 0x9E37_79B9_7F4A_7C15;
/// Standard errors on each side of a Monte Carlo point's bar.
pub const ERROR_BAR_SE: f64 = 2.0;

/// The order the figure and its table list the estimators in: the score functions, then the
/// straight-through and relaxed ones.
pub const DISPLAY_ORDER: [Estimator; 6] = [
    Estimator::ScoreFunction,
    Estimator::ScoreFunctionBaseline,
    Estimator::ScoreFunctionOptimalBaseline,
    Estimator::StraightThrough,
    Estimator::GumbelSoftmax,
    Estimator::StraightThroughGumbelSoftmax,
];

/// The figure's legend label of an estimator in `lang`: the baselines say which constant they
/// use.
pub fn legend_label(estimator: Estimator, lang: Lang) -> String {
    let w = reports(lang);
    match estimator {
        Estimator::ScoreFunction => "SF".into(),
        Estimator::ScoreFunctionBaseline => w.legend_sf_baseline(),
        Estimator::ScoreFunctionOptimalBaseline => w.legend_sf_optimal_baseline(),
        Estimator::StraightThrough => "ST".into(),
        Estimator::GumbelSoftmax => "GS".into(),
        Estimator::StraightThroughGumbelSoftmax => "ST-GS".into(),
    }
}

/// An enumerated value within rounding of 0 (below 1e-12 of `scale`), as 0: enumeration is exact
/// but for rounding, so such a value is exactly 0 (ST's bias at π = (½, ½), the oracle baseline's
/// variance at k = 2). Quadrature results are kept as they are.
fn rounding_to_zero(m: &crate::math::ExactMoments, value: f64, scale: f64) -> f64 {
    let enumerated = m.bias_error == 0.0 && m.variance_error == 0.0;
    if enumerated && value.abs() <= 1e-12 * scale {
        0.0
    } else {
        value
    }
}

/// The temperatures of the sweep and of the exact curves.
pub fn sweep_taus() -> Vec<f64> {
    log_tau_grid(SWEEP_TAU_MIN, SWEEP_TAU_MAX, SWEEP_TAUS)
}

impl Model {
    /// The estimator sweep for the current π, objective and seed (independent of τ).
    ///
    /// # Errors
    /// [`ModelError::Math`] when the math core refuses the sweep's inputs.
    pub fn sweep(&mut self) -> Result<&Sweep, ModelError> {
        View::Estimators.require_module()?;
        let key = SweepKey::of(&self.settings);
        let entry = match self.sweep.take() {
            Some((cached, result)) if cached == key => (cached, result),
            // A sweep begun in slices (sweep_slices.rs) is finished, not begun again.
            _ => {
                let run = match self.take_sweep_run(&key) {
                    Some(run) => Ok(run),
                    None => self.begin_sweep(&key),
                };
                (key, run.map(SweepRun::finish))
            }
        };
        let (_, result) = self.sweep.insert(entry);
        result.as_ref().map_err(|e| ModelError::Math(e.clone()))
    }

    /// The sweep of `key` begun: its noise drawn from the sweep's own stream and the
    /// τ-independent estimators computed; the temperatures are left to [`SweepRun::advance`]
    /// or [`SweepRun::finish`].
    ///
    /// # Errors
    /// When the math core refuses the sweep's inputs.
    pub(super) fn begin_sweep(&self, key: &SweepKey) -> Result<SweepRun, MathError> {
        let s = &self.settings;
        let mut rng = stream(key.seed ^ SWEEP_STREAM);
        SweepRun::new(
            s.logits(),
            &s.objective(),
            &sweep_taus(),
            SWEEP_SAMPLES,
            &mut rng,
        )
    }

    /// The estimator view's numbers: exact where known, Monte Carlo otherwise.
    ///
    /// # Errors
    /// As [`sweep`](Self::sweep).
    pub fn estimators_data(&mut self) -> Result<EstimatorsData, ModelError> {
        let current_tau = self.settings.tau();
        let objective = self.settings.objective();
        let lang = self.lang;
        self.sweep()?;
        self.exact_curves()?;
        let (Some((_, Ok(sweep))), Some(exact)) = (&self.sweep, &self.exact) else {
            return Err(ModelError::Unavailable(super::error::Unavailable::Sweep));
        };
        let n = sweep.taus.len();
        let gradient_sq: f64 = sweep.exact.iter().map(|g| g * g).sum();
        let curves = DISPLAY_ORDER
            .iter()
            .filter_map(|&estimator| {
                let row = sweep.row(estimator)?;
                let unbiased = estimator.known_unbiased(&objective);
                let exact_at = |i: usize| exact.at(estimator, i);
                let mut curve = EstimatorCurve {
                    name: legend_label(estimator, lang),
                    short_name: super::tables::word(estimator.name(), lang),
                    independent_of_tau: !estimator.depends_on_tau(),
                    ..EstimatorCurve::default()
                };
                for (i, point) in row.points.iter().enumerate().take(n) {
                    let known = exact_at(i);
                    let exact_bias = match known {
                        _ if unbiased => 0.0,
                        Some(m) => rounding_to_zero(m, m.bias, gradient_sq.sqrt()),
                        None => f64::NAN,
                    };
                    curve.exact_bias.push(exact_bias);
                    curve.exact_variance.push(known.map_or(f64::NAN, |m| {
                        rounding_to_zero(m, m.variance, gradient_sq + m.variance)
                    }));
                    // An estimator unbiased by a theorem gets no Monte Carlo bias points: they
                    // could only show noise.
                    let (lo, hi) = point.corrected_bias_interval(ERROR_BAR_SE);
                    let drawn = !unbiased;
                    curve.bias.push(if drawn {
                        point.corrected_bias()
                    } else {
                        f64::NAN
                    });
                    curve.bias_lo.push(if drawn { lo } else { f64::NAN });
                    curve.bias_hi.push(if drawn { hi } else { f64::NAN });
                    curve.floor.push(point.floor);
                    curve.variance.push(point.variance);
                    curve.variance_se.push(point.variance_se);
                }
                Some(curve)
            })
            .collect();
        Ok(EstimatorsData {
            taus: sweep.taus.clone(),
            curves,
            current_tau,
            exact: sweep.exact.clone(),
            samples: SWEEP_SAMPLES,
            notes: self.estimators_notes(),
        })
    }

    /// The sentences printed beside the estimator figure (and under it, in the figure): what
    /// the objective makes exact, and which curves are Monte Carlo.
    pub fn estimators_notes(&self) -> Vec<String> {
        let s = &self.settings;
        let w = reports(self.lang);
        let mut notes = Vec::new();
        if *s.objective_kind() == ObjectiveKind::Linear {
            notes.push(w.linear_note());
        }
        let k = s.k();
        if k > 3 {
            notes.push(w.sampled_note(k, &format::count(SWEEP_SAMPLES as u64)));
        } else if let Some(exact) = &self.exact {
            let done = exact.progress();
            if done < SWEEP_TAUS && exact.pending() {
                notes.push(w.computing_note(done, SWEEP_TAUS));
            }
        }
        notes
    }

    /// The notes of [`estimators_notes`](Self::estimators_notes) as one text.
    pub fn estimators_note(&self) -> String {
        self.estimators_notes()
            .join(reports(self.lang).note_separator())
    }

    /// The exact gradient ∇θF of the current objective, by enumeration over the k categories:
    /// the sweep's own `exact`, bit for bit, without running the sweep.
    ///
    /// # Errors
    /// [`ModelError::Math`] for logits or an objective the math core refuses.
    pub fn exact_gradient(&self) -> Result<Vec<f64>, ModelError> {
        let s = &self.settings;
        let dist = GumbelSoftmax::new(s.logits(), 1.0)?;
        Ok(exact_gradient(&dist, &s.objective())?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exact_gradient_is_the_sweeps_and_needs_no_sweep() {
        let mut m = Model::new();
        for k in [2, 3, 5, 10] {
            m.update(|s| s.set_k(k)).unwrap();
            for kind in [ObjectiveKind::Linear, ObjectiveKind::SquaredDistance] {
                m.update(|s| {
                    s.set_objective_kind(kind.clone());
                    Ok(())
                })
                .unwrap();
                m.sweep = None;
                let gradient = m.exact_gradient().unwrap();
                assert!(m.sweep.is_none(), "k = {k}, {kind:?}: the sweep ran");
                assert_eq!(gradient, m.sweep().unwrap().exact, "k = {k}, {kind:?}");
            }
        }
    }
}
