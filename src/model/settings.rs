//! Everything a person can set on the page, validated, and nothing else.
//!
//! Each setter either accepts the new value or returns a `ModelError` and leaves the
//! settings untouched, so a typo never loses the last good view.

use crate::math::annealing::AnnealingSchedule;
use crate::math::elementary::Portable;
use crate::math::error::Num;
use crate::math::objective::Objective;
use crate::math::relaxed::GumbelSoftmax;
use std::fmt;

/// Smallest and largest number of classes the page offers.
pub const MIN_K: usize = 2;
pub const MAX_K: usize = 10;
/// Temperature range accepted from typed entry (the slider covers 0.01 … 10).
pub const MIN_TAU: f64 = 1e-3;
pub const MAX_TAU: f64 = 1e3;
/// Sample-count range.
pub const MIN_SAMPLES: usize = 100;
pub const MAX_SAMPLES: usize = 1_000_000;
/// Seeds are kept below 2^53 so that they survive a round trip through a JS number.
pub const MAX_SEED: u64 = (1u64 << 53) - 1;
/// Semi-supervised cost view: largest k and largest per-pass cost.
pub const MAX_COST_K: u32 = 1000;
pub const MAX_COST: f64 = 1e9;

/// A rejected setting, with a message meant for the person who typed it.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelError(pub String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ModelError {}

impl From<crate::math::error::Error> for ModelError {
    fn from(e: crate::math::error::Error) -> Self {
        ModelError(e.to_string())
    }
}

fn fail<T>(message: String) -> Result<T, ModelError> {
    Err(ModelError(message))
}

/// Which objective the estimator views differentiate.
#[derive(Clone, Debug, PartialEq)]
pub enum ObjectiveKind {
    /// f(y) = Σ c_i y_i.
    Linear,
    /// f(y) = ‖y − t‖².
    SquaredDistance,
}

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
}

/// The default linear payoff: c_i rises from 0 to 1 across the classes, so the best class is the last.
pub fn default_payoff(k: usize) -> Vec<f64> {
    let last = (k.max(2) - 1) as f64;
    (0..k).map(|i| i as f64 / last).collect()
}

/// The default squared-distance target: 0.45 on the first class, the rest shared evenly
/// (for k = 2 this is the t = 0.45 toy of MATH.md section 5).
pub fn default_target(k: usize) -> Vec<f64> {
    let k = k.max(2);
    let rest = 0.55 / (k - 1) as f64;
    (0..k).map(|i| if i == 0 { 0.45 } else { rest }).collect()
}

impl Default for Settings {
    fn default() -> Self {
        let probs = [0.2, 0.3, 0.5];
        // The literal parameters are valid; the fallback keeps this function panic-free.
        let dist = GumbelSoftmax::from_probs(&probs, 0.5)
            .or_else(|_| GumbelSoftmax::new(&[0.0, 0.0], 1.0))
            .expect("two equal logits at τ = 1 are always valid");
        Settings {
            dist,
            input: ClassInput::Probs(probs.to_vec()),
            samples: 20_000,
            seed: 1,
            objective_kind: ObjectiveKind::Linear,
            objective_values: default_payoff(3),
            schedule: AnnealingSchedule::paper_vae(),
            step: 0,
            cost: CostSettings {
                d: 1.0,
                i: 1.0,
                g: 1.0,
                k: 10,
            },
        }
    }
}

fn check_finite(what: &str, v: f64) -> Result<(), ModelError> {
    if v.is_finite() {
        Ok(())
    } else {
        fail(format!("{what} must be a finite number, got {}", Num(v)))
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
        match self.objective_kind {
            ObjectiveKind::Linear => Objective::Linear {
                c: self.objective_values.clone(),
            },
            ObjectiveKind::SquaredDistance => Objective::SquaredDistance {
                target: self.objective_values.clone(),
            },
        }
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

    fn check_k(k: usize) -> Result<(), ModelError> {
        if (MIN_K..=MAX_K).contains(&k) {
            Ok(())
        } else {
            fail(format!(
                "the number of classes k must be between {MIN_K} and {MAX_K}, got {k}"
            ))
        }
    }

    /// Sets π from (possibly unnormalised) positive probabilities.
    pub fn set_probs(&mut self, probs: &[f64]) -> Result<(), ModelError> {
        Self::check_k(probs.len())?;
        let dist = GumbelSoftmax::from_probs(probs, self.tau())?;
        self.input = ClassInput::Probs(probs.to_vec());
        self.replace_dist(dist);
        Ok(())
    }

    /// Sets π = softmax(logits).
    pub fn set_logits(&mut self, logits: &[f64]) -> Result<(), ModelError> {
        Self::check_k(logits.len())?;
        let dist = GumbelSoftmax::new(logits, self.tau())?;
        self.input = ClassInput::Logits(logits.to_vec());
        self.replace_dist(dist);
        Ok(())
    }

    fn replace_dist(&mut self, dist: GumbelSoftmax) {
        let k = dist.k();
        self.dist = dist;
        if self.objective_values.len() != k {
            self.objective_values = match self.objective_kind {
                ObjectiveKind::Linear => default_payoff(k),
                ObjectiveKind::SquaredDistance => default_target(k),
            };
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
        check_finite("τ", tau)?;
        if tau <= 0.0 {
            return fail(format!(
                "τ must be positive (τ = 0 is the discrete limit, not a temperature), got {}",
                Num(tau)
            ));
        }
        if !(MIN_TAU..=MAX_TAU).contains(&tau) {
            return fail(format!(
                "τ must be between {MIN_TAU} and {MAX_TAU}, got {}",
                Num(tau)
            ));
        }
        self.dist = self.dist.with_tau(tau)?;
        Ok(())
    }

    pub fn set_samples(&mut self, n: f64) -> Result<(), ModelError> {
        check_finite("the number of samples N", n)?;
        if n.fract() != 0.0 || n < MIN_SAMPLES as f64 || n > MAX_SAMPLES as f64 {
            return fail(format!(
                "the number of samples N must be a whole number from {MIN_SAMPLES} to {MAX_SAMPLES}, got {}",
                Num(n)
            ));
        }
        self.samples = n as usize;
        Ok(())
    }

    pub fn set_seed(&mut self, seed: f64) -> Result<(), ModelError> {
        check_finite("the seed", seed)?;
        if seed.fract() != 0.0 || seed < 0.0 || seed > MAX_SEED as f64 {
            return fail(format!(
                "the seed must be a whole number from 0 to {MAX_SEED}, got {}",
                Num(seed)
            ));
        }
        self.seed = seed as u64;
        Ok(())
    }

    /// Sets the objective; `values` are c (linear) or t (squared distance), one per class.
    pub fn set_objective(&mut self, kind: ObjectiveKind, values: &[f64]) -> Result<(), ModelError> {
        if values.len() != self.k() {
            return fail(format!(
                "the objective needs one value per class ({}), got {}",
                self.k(),
                values.len()
            ));
        }
        for (i, &v) in values.iter().enumerate() {
            check_finite(&format!("objective value {}", i + 1), v)?;
            if v.abs() > 1e6 {
                return fail(format!(
                    "objective value {} must be within ±1e6, got {}",
                    i + 1,
                    Num(v)
                ));
            }
        }
        let objective = match kind {
            ObjectiveKind::Linear => Objective::Linear { c: values.to_vec() },
            ObjectiveKind::SquaredDistance => Objective::SquaredDistance {
                target: values.to_vec(),
            },
        };
        objective.validate(self.k())?;
        self.objective_kind = kind;
        self.objective_values = values.to_vec();
        Ok(())
    }

    /// Switches the objective kind, resetting its values to that kind's defaults.
    pub fn set_objective_kind(&mut self, kind: ObjectiveKind) {
        if kind != self.objective_kind {
            self.objective_values = match kind {
                ObjectiveKind::Linear => default_payoff(self.k()),
                ObjectiveKind::SquaredDistance => default_target(self.k()),
            };
            self.objective_kind = kind;
        }
    }

    pub fn set_schedule(&mut self, schedule: AnnealingSchedule) {
        self.schedule = schedule;
    }

    pub fn set_step(&mut self, step: f64) -> Result<(), ModelError> {
        check_finite("the annealing step", step)?;
        if !(0.0..=1e12).contains(&step) || step.fract() != 0.0 {
            return fail(format!(
                "the annealing step must be a whole number from 0 to 1e12, got {}",
                Num(step)
            ));
        }
        self.step = step as u64;
        Ok(())
    }

    pub fn set_cost(&mut self, d: f64, i: f64, g: f64, k: f64) -> Result<(), ModelError> {
        for (name, v) in [("D", d), ("I", i), ("G", g)] {
            check_finite(&format!("the cost {name}"), v)?;
            if !(0.0..=MAX_COST).contains(&v) {
                return fail(format!(
                    "the cost {name} must be between 0 and {MAX_COST:e}, got {}",
                    Num(v)
                ));
            }
        }
        if d + i + g <= 0.0 {
            return fail("at least one of the costs D, I, G must be positive".to_string());
        }
        check_finite("k", k)?;
        if k.fract() != 0.0 || k < 2.0 || k > MAX_COST_K as f64 {
            return fail(format!(
                "k must be a whole number from 2 to {MAX_COST_K}, got {}",
                Num(k)
            ));
        }
        self.cost = CostSettings {
            d,
            i,
            g,
            k: k as u32,
        };
        Ok(())
    }
}
