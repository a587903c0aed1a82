//! Everything a person can set on the page, validated, and nothing else.
//!
//! Each setter either accepts the new value or returns a `ModelError` and leaves the
//! settings untouched, so a typo never loses the last good view.

pub use super::error::ModelError;
use super::error::{Control, CostPart};
use super::limits::whole_in;
use std::ops::RangeInclusive;
// The bounds are re-exported here, beside the setters that check them.
pub use super::limits::{
    MAX_COST, MAX_COST_K, MAX_K, MAX_OBJECTIVE, MAX_SAMPLES, MAX_SEED, MAX_STEP, MAX_TAU,
    MAX_UPDATE_EVERY, MIN_COST_K, MIN_K, MIN_SAMPLES, MIN_TAU, MIN_UPDATE_EVERY,
};
pub use super::objective::{default_payoff, default_target, ObjectiveKind, DEFAULT_OBJECTIVE_KIND};
use super::training_settings::TrainingSettings;
use crate::math::annealing::AnnealingSchedule;
use crate::math::elementary::Portable;
use crate::math::objective::Objective;
use crate::math::relaxed::GumbelSoftmax;

/// Costs of the semi-supervised model's parts (classifier D, inference net I, generator G)
/// and the number of classes k whose speed-up is marked.
#[derive(Clone, Debug, PartialEq)]
pub struct CostSettings {
    pub d: f64,
    pub i: f64,
    pub g: f64,
    pub k: u32,
}

/// π exactly as it was given, so that a link rebuilds the very same distribution
/// (normalising is not idempotent to the last bit).
#[derive(Clone, Debug, PartialEq)]
pub enum ClassInput {
    /// Positive weights, normalised to π.
    Probs(Vec<f64>),
    /// Logits θ, π = softmax(θ).
    Logits(Vec<f64>),
}

/// The validated state of the explorer.
#[derive(Clone, Debug)]
pub struct Settings {
    dist: GumbelSoftmax,
    input: ClassInput,
    samples: usize,
    seed: u64,
    objective_kind: ObjectiveKind,
    /// Coefficients c (linear) or target t (squared distance), length k.
    objective_values: Vec<f64>,
    schedule: AnnealingSchedule,
    step: u64,
    cost: CostSettings,
    training: TrainingSettings,
}

/// The default class probabilities and temperature: the k = 3 teaching case.
pub const DEFAULT_PROBS: [f64; 3] = [0.2, 0.3, 0.5];
pub const DEFAULT_TAU: f64 = 0.5;

impl Default for Settings {
    fn default() -> Self {
        // The one panic of the model, on constants rather than input: the π and τ above are
        // valid (the unit test `the_default_distribution_is_valid` builds them), so it cannot
        // fire. (Not `expect`, which would keep the error's `Debug` text in the page's module.)
        let Ok(dist) = GumbelSoftmax::from_probs(&DEFAULT_PROBS, DEFAULT_TAU) else {
            panic!("the default π and τ are valid");
        };
        Settings {
            dist,
            input: ClassInput::Probs(DEFAULT_PROBS.to_vec()),
            samples: 20_000,
            seed: 1,
            objective_kind: DEFAULT_OBJECTIVE_KIND,
            objective_values: DEFAULT_OBJECTIVE_KIND.default_values(DEFAULT_PROBS.len()),
            schedule: AnnealingSchedule::paper_vae(),
            step: 0,
            cost: CostSettings {
                d: 1.0,
                i: 1.0,
                g: 1.0,
                k: 10,
            },
            training: TrainingSettings::default(),
        }
    }
}

fn check_finite(control: Control, value: f64) -> Result<(), ModelError> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(ModelError::NotFinite { control, value })
    }
}

fn out_of_range<T>(control: Control, value: f64) -> Result<T, ModelError> {
    Err(ModelError::OutOfRange { control, value })
}

/// `value` for `control` as a whole number from `lo` to `hi`: [`ModelError::NotFinite`] for NaN
/// and ±∞, [`ModelError::OutOfRange`] for any other number outside (a fraction included).
pub(super) fn whole_for(control: Control, value: f64, lo: u64, hi: u64) -> Result<u64, ModelError> {
    check_finite(control, value)?;
    whole_in(value, lo, hi).ok_or(ModelError::OutOfRange { control, value })
}

/// `value` for `control` when it is finite and in `range`: else [`ModelError::NotFinite`] or
/// [`ModelError::OutOfRange`].
pub(super) fn number_for(
    control: Control,
    value: f64,
    range: RangeInclusive<f64>,
) -> Result<f64, ModelError> {
    check_finite(control, value)?;
    if range.contains(&value) {
        Ok(value)
    } else {
        out_of_range(control, value)
    }
}

impl Settings {
    pub fn dist(&self) -> &GumbelSoftmax {
        &self.dist
    }
    pub fn k(&self) -> usize {
        self.dist.k()
    }
    pub fn tau(&self) -> f64 {
        self.dist.tau()
    }
    pub fn probs(&self) -> Vec<f64> {
        self.dist.probs()
    }
    /// π as it was given (weights or logits).
    pub fn class_input(&self) -> &ClassInput {
        &self.input
    }
    /// Normalised logits (log π).
    pub fn logits(&self) -> &[f64] {
        self.dist.logits()
    }
    pub fn samples(&self) -> usize {
        self.samples
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    pub fn objective_kind(&self) -> &ObjectiveKind {
        &self.objective_kind
    }
    pub fn objective_values(&self) -> &[f64] {
        &self.objective_values
    }
    pub fn objective(&self) -> Objective {
        self.objective_kind.objective(self.objective_values.clone())
    }
    pub fn schedule(&self) -> &AnnealingSchedule {
        &self.schedule
    }
    pub fn step(&self) -> u64 {
        self.step
    }
    pub fn cost(&self) -> &CostSettings {
        &self.cost
    }
    /// The training view's own settings.
    pub fn training(&self) -> &TrainingSettings {
        &self.training
    }
    /// The training view's settings, to change through their validating setters.
    pub fn training_mut(&mut self) -> &mut TrainingSettings {
        &mut self.training
    }

    fn check_k(k: usize) -> Result<(), ModelError> {
        if (MIN_K..=MAX_K).contains(&k) {
            Ok(())
        } else {
            out_of_range(Control::Classes, k as f64)
        }
    }

    /// Sets π from (possibly unnormalised) positive probabilities.
    pub fn set_probs(&mut self, probs: &[f64]) -> Result<(), ModelError> {
        self.set_input(ClassInput::Probs(probs.to_vec()))
    }

    /// Sets π = softmax(logits).
    pub fn set_logits(&mut self, logits: &[f64]) -> Result<(), ModelError> {
        self.set_input(ClassInput::Logits(logits.to_vec()))
    }

    /// Sets π as `input` gives it, and keeps `input` for links.
    fn set_input(&mut self, input: ClassInput) -> Result<(), ModelError> {
        let values = match &input {
            ClassInput::Probs(v) | ClassInput::Logits(v) => v,
        };
        Self::check_k(values.len())?;
        let dist = match &input {
            ClassInput::Probs(probs) => GumbelSoftmax::from_probs(probs, self.tau())?,
            ClassInput::Logits(logits) => GumbelSoftmax::new(logits, self.tau())?,
        };
        self.input = input;
        self.replace_dist(dist);
        Ok(())
    }

    fn replace_dist(&mut self, dist: GumbelSoftmax) {
        let k = dist.k();
        self.dist = dist;
        if self.objective_values.len() != k {
            self.objective_values = self.objective_kind.default_values(k);
        }
    }

    /// [`set_k`](Self::set_k) for a number as the page sends it, which may not be whole.
    pub fn set_k_number(&mut self, k: f64) -> Result<(), ModelError> {
        if !(k.is_finite() && k.fract() == 0.0 && k >= 0.0) {
            return Err(ModelError::NotWhole {
                control: Control::Classes,
                value: k,
            });
        }
        match whole_in(k, MIN_K as u64, MAX_K as u64) {
            Some(k) => self.set_k(k as usize),
            None => out_of_range(Control::Classes, k),
        }
    }

    /// Changes the number of classes, keeping the first classes' probabilities and giving
    /// each new class the average probability of the old ones.
    pub fn set_k(&mut self, k: usize) -> Result<(), ModelError> {
        Self::check_k(k)?;
        let old = self.probs();
        if old.len() == k {
            return Ok(());
        }
        let n = old.len() as f64;
        if old.iter().all(|&p| p > 0.0) {
            let avg = 1.0 / n;
            let probs: Vec<f64> = (0..k).map(|i| old.get(i).copied().unwrap_or(avg)).collect();
            return self.set_probs(&probs);
        }
        // Some πᵢ underflowed to 0 (the weights span more than ~308 decades), which set_probs
        // would refuse: work on the values as they were given (positive weights or finite
        // logits) instead, the new classes again getting the average probability.
        match self.input.clone() {
            ClassInput::Probs(w) => {
                let max = w.iter().copied().fold(0.0, f64::max);
                let mean = max * (w.iter().map(|x| x / max).sum::<f64>() / n);
                let w: Vec<f64> = (0..k).map(|i| w.get(i).copied().unwrap_or(mean)).collect();
                self.set_probs(&w)
            }
            ClassInput::Logits(l) => {
                let max = l.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let mean = max
                    + l.iter()
                        .map(|x| (x - max).portable_exp())
                        .sum::<f64>()
                        .portable_ln()
                    - n.portable_ln();
                let l: Vec<f64> = (0..k).map(|i| l.get(i).copied().unwrap_or(mean)).collect();
                self.set_logits(&l)
            }
        }
    }

    pub fn set_tau(&mut self, tau: f64) -> Result<(), ModelError> {
        check_finite(Control::Tau, tau)?;
        if tau <= 0.0 {
            return Err(ModelError::TauNotPositive { value: tau });
        }
        if !(MIN_TAU..=MAX_TAU).contains(&tau) {
            return out_of_range(Control::Tau, tau);
        }
        self.dist = self.dist.with_tau(tau)?;
        Ok(())
    }

    pub fn set_samples(&mut self, n: f64) -> Result<(), ModelError> {
        self.samples =
            whole_for(Control::Samples, n, MIN_SAMPLES as u64, MAX_SAMPLES as u64)? as usize;
        Ok(())
    }

    pub fn set_seed(&mut self, seed: f64) -> Result<(), ModelError> {
        self.seed = whole_for(Control::Seed, seed, 0, MAX_SEED)?;
        Ok(())
    }

    /// Sets the objective; `values` are c (linear) or t (squared distance), one per class.
    pub fn set_objective(&mut self, kind: ObjectiveKind, values: &[f64]) -> Result<(), ModelError> {
        if values.len() != self.k() {
            return Err(ModelError::ObjectiveLength {
                classes: self.k(),
                got: values.len(),
            });
        }
        for (i, &v) in values.iter().enumerate() {
            number_for(
                Control::ObjectiveValue(i + 1),
                v,
                -MAX_OBJECTIVE..=MAX_OBJECTIVE,
            )?;
        }
        kind.objective(values.to_vec()).validate(self.k())?;
        self.objective_kind = kind;
        self.objective_values = values.to_vec();
        Ok(())
    }

    /// Switches the objective kind, resetting its values to that kind's defaults.
    pub fn set_objective_kind(&mut self, kind: ObjectiveKind) {
        if kind != self.objective_kind {
            self.objective_values = kind.default_values(self.k());
            self.objective_kind = kind;
        }
    }

    pub fn set_schedule(&mut self, schedule: AnnealingSchedule) {
        self.schedule = schedule;
    }

    /// Sets the schedule from the numbers the page sends: τ₀, rate, τ_min and the update
    /// interval (a whole number of steps).
    pub fn set_schedule_values(
        &mut self,
        tau0: f64,
        rate: f64,
        tau_min: f64,
        every: f64,
    ) -> Result<(), ModelError> {
        let Some(every) = update_interval(every) else {
            return out_of_range(Control::UpdateInterval, every);
        };
        self.schedule = super::annealing::checked_schedule(tau0, rate, tau_min, every)?;
        Ok(())
    }

    pub fn set_step(&mut self, step: f64) -> Result<(), ModelError> {
        self.step = whole_for(Control::Step, step, 0, MAX_STEP)?;
        Ok(())
    }

    pub fn set_cost(&mut self, d: f64, i: f64, g: f64, k: f64) -> Result<(), ModelError> {
        let parts = [
            (CostPart::Classifier, d),
            (CostPart::Inference, i),
            (CostPart::Generator, g),
        ];
        for (part, v) in parts {
            number_for(Control::Cost(part), v, 0.0..=MAX_COST)?;
        }
        if d + i + g <= 0.0 {
            return Err(ModelError::NoPositiveCost);
        }
        let k = whole_for(
            Control::CostClasses,
            k,
            MIN_COST_K.into(),
            MAX_COST_K.into(),
        )?;
        self.cost = CostSettings {
            d,
            i,
            g,
            k: k as u32,
        };
        Ok(())
    }
}

/// The annealing schedule's update interval as a number of steps, if `every` is a whole number
/// from [`MIN_UPDATE_EVERY`] to [`MAX_UPDATE_EVERY`].
pub fn update_interval(every: f64) -> Option<u64> {
    whole_in(every, MIN_UPDATE_EVERY, MAX_UPDATE_EVERY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_distribution_is_valid() {
        assert!(GumbelSoftmax::from_probs(&DEFAULT_PROBS, DEFAULT_TAU).is_ok());
        assert_eq!(
            default_target(DEFAULT_PROBS.len()),
            Settings::default().objective_values()
        );
    }

    #[test]
    fn a_typed_k_is_checked_for_wholeness_then_range() {
        let mut s = Settings::default();
        let text = |r: Result<(), ModelError>| r.map_err(|e| e.to_string());
        assert_eq!(
            text(s.set_k_number(2.5)),
            Err("the number of classes k must be a whole number, got 2.5".into())
        );
        assert_eq!(
            text(s.set_k_number(f64::NAN)),
            Err("the number of classes k must be a whole number, got NaN".into())
        );
        assert_eq!(
            text(s.set_k_number(11.0)),
            Err("the number of classes k must be between 2 and 10, got 11".into())
        );
        assert_eq!(
            text(s.set_k_number(1e300)),
            Err("the number of classes k must be between 2 and 10, got 1e300".into())
        );
        assert_eq!(s.set_k_number(4.0), Ok(()));
        assert_eq!(s.k(), 4);
    }

    #[test]
    fn a_schedule_from_page_numbers_checks_the_interval_first() {
        let mut s = Settings::default();
        let before = *s.schedule();
        let e = s.set_schedule_values(1.0, 1e-4, 0.5, 0.5).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the update interval must be a whole number from 1 to 1e9, got 0.5"
        );
        assert!(matches!(
            s.set_schedule_values(-1.0, 1e-4, 0.5, 10.0),
            Err(ModelError::Schedule { .. })
        ));
        assert_eq!(*s.schedule(), before);
        s.set_schedule_values(2.0, 1e-3, 0.1, 1e9).unwrap();
        assert_eq!(s.schedule().update_every, MAX_UPDATE_EVERY);
    }
}
