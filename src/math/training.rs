//! Training the logits with each gradient estimator: from the same start and the same noise,
//! one learner per estimator takes one-sample gradient steps on F(θ) = E_{z~Cat(softmax θ)}[f(z)]
//! (MATH.md §8), so a student can see where each estimator leads.
//!
//! Every step draws its noise once ([`StepNoise`]: k Gumbel values and k uniforms) and hands
//! the same noise to every learner (common random numbers): each learner perturbs its own ln π
//! with the same g. A run is therefore a pure function of the setup and the generator, and
//! bit-for-bit the same natively and in WebAssembly (exp and ln are the portable ones, the
//! optimisers use only correctly rounded operations).

use rand::Rng;

pub use super::annealing::Temperature;
use super::elementary::Portable;
use super::error::{check_finite, check_k, check_tau, Error, MAX_TEMPERATURE, MIN_TEMPERATURE};
use super::estimators::exact_objective;
use super::objective::Objective;
use super::optimiser::{Optimiser, OptimiserState};
use super::rebar::RebarScratch;
use super::relaxed::GumbelSoftmax;
use super::running_variance::RunningVariance;
use super::trainers::{estimate, StepNoise, Trainer, TrainerState};

/// Weight of the newest value in a running-mean baseline: b ← 0.99 b + 0.01 f.
pub const BASELINE_WEIGHT: f64 = 0.01;
/// Weight of the newest estimate in each learner's running gradient variance.
pub const VARIANCE_WEIGHT: f64 = 0.01;
/// REBAR's control-variate weight at the start of a run.
pub const REBAR_ETA_START: f64 = 1.0;
/// REBAR's η is kept within ±this, so a wild learning rate cannot take it to infinity.
pub const REBAR_ETA_BOUND: f64 = 10.0;

/// Whether the run lowers F (a cost such as a squared distance) or raises it (a payoff).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Goal {
    Minimise,
    Maximise,
}

/// Everything a run depends on besides its noise.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingSetup {
    /// θ₀ (any finite logits; π₀ = softmax θ₀).
    pub start_logits: Vec<f64>,
    pub objective: Objective,
    pub goal: Goal,
    pub temperature: Temperature,
    pub optimiser: Optimiser,
    pub learning_rate: f64,
}

/// One estimator's learner: its logits, optimiser and running records.
#[derive(Clone, Debug, PartialEq)]
pub struct Learner {
    trainer: Trainer,
    /// ln π, kept normalised (logsumexp 0).
    log_probs: Vec<f64>,
    optimiser: OptimiserState,
    state: TrainerState,
    eta_optimiser: OptimiserState,
    variance: RunningVariance,
}

impl Learner {
    pub fn trainer(&self) -> Trainer {
        self.trainer
    }
    /// ln π, normalised.
    pub fn log_probs(&self) -> &[f64] {
        &self.log_probs
    }
    /// π = exp(ln π).
    pub fn probs(&self) -> Vec<f64> {
        self.log_probs.iter().map(|l| l.portable_exp()).collect()
    }
    /// REBAR's control-variate weight η (REBAR only).
    pub fn eta(&self) -> f64 {
        self.state.eta
    }
    /// The running trace of the covariance of the estimates this learner took (NaN before two).
    pub fn gradient_variance(&self) -> f64 {
        self.variance.total()
    }
    /// The exact objective F at the learner's π, by enumeration (NaN if it cannot be computed).
    pub fn objective_value(&self, objective: &Objective) -> f64 {
        GumbelSoftmax::new(&self.log_probs, 1.0)
            .and_then(|d| exact_objective(&d, objective))
            .unwrap_or(f64::NAN)
    }
}

/// A run: one learner per [`Trainer`], all at the same step.
#[derive(Clone, Debug, PartialEq)]
pub struct Training {
    setup: TrainingSetup,
    learners: Vec<Learner>,
    step: u64,
    noise: StepNoise,
    estimate: Vec<f64>,
    previous: Vec<f64>,
    scratch: RebarScratch,
}

/// ln π from logits, in place: θᵢ − logsumexp θ, shifted by the maximum first.
fn log_normalise(values: &mut [f64]) {
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let sum: f64 = values.iter().map(|v| (v - max).portable_exp()).sum();
    let shift = max + sum.portable_ln();
    for v in values.iter_mut() {
        *v -= shift;
    }
}

impl Training {
    /// A run at step 0: every learner at π₀ = softmax θ₀.
    ///
    /// # Errors
    /// Invalid start logits (parameter "logit"), an objective invalid for k, an invalid fixed
    /// temperature, or a learning rate that is not finite and > 0.
    pub fn new(setup: TrainingSetup) -> Result<Self, Error> {
        Self::with_trainers(setup, &Trainer::ALL)
    }

    /// A run with only the learners of `trainers` (in that order): what a benchmark of one
    /// estimator times. The noise stream is the same, so each learner follows the same path
    /// it follows in a run of all six.
    ///
    /// # Errors
    /// As [`new`](Self::new).
    pub fn with_trainers(setup: TrainingSetup, trainers: &[Trainer]) -> Result<Self, Error> {
        let k = setup.start_logits.len();
        check_k("logits", k)?;
        check_finite("logit", &setup.start_logits)?;
        setup.objective.validate(k)?;
        if let Temperature::Fixed(tau) = setup.temperature {
            check_tau(tau)?;
        }
        let mut start = setup.start_logits.clone();
        log_normalise(&mut start);
        let learners = trainers
            .iter()
            .map(|&trainer| {
                Ok(Learner {
                    trainer,
                    log_probs: start.clone(),
                    optimiser: OptimiserState::new(setup.optimiser, setup.learning_rate, k)?,
                    state: TrainerState {
                        baseline: 0.0,
                        eta: REBAR_ETA_START,
                    },
                    eta_optimiser: OptimiserState::new(setup.optimiser, setup.learning_rate, 1)?,
                    variance: RunningVariance::new(k, VARIANCE_WEIGHT),
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(Self {
            setup,
            learners,
            step: 0,
            noise: StepNoise::default(),
            estimate: vec![0.0; k],
            previous: vec![0.0; k],
            scratch: RebarScratch::default(),
        })
    }

    pub fn setup(&self) -> &TrainingSetup {
        &self.setup
    }
    /// Steps taken.
    pub fn step(&self) -> u64 {
        self.step
    }
    /// The learners, in the order of [`Trainer::ALL`] (or as given to
    /// [`with_trainers`](Self::with_trainers)).
    pub fn learners(&self) -> &[Learner] {
        &self.learners
    }
    /// τ of the relaxed estimators at the current step.
    pub fn tau(&self) -> f64 {
        // A fixed τ was checked to lie in the range; a schedule is kept within it.
        (self.setup.temperature.at(self.step)).clamp(MIN_TEMPERATURE, MAX_TEMPERATURE)
    }

    /// One step of every learner from the same fresh noise: exactly 2k uniforms from `rng`.
    pub fn advance<R: Rng + ?Sized>(&mut self, rng: &mut R) {
        let k = self.setup.start_logits.len();
        self.noise.draw(k, rng);
        let tau = self.tau();
        let sign = match self.setup.goal {
            Goal::Minimise => 1.0,
            Goal::Maximise => -1.0,
        };
        for learner in self.learners.iter_mut() {
            let buf = &mut self.estimate;
            let info = estimate(
                learner.trainer,
                &learner.log_probs,
                &self.setup.objective,
                tau,
                learner.state,
                &self.noise,
                &mut self.scratch,
                buf,
            );
            learner.variance.push(buf);
            update_state(learner, info.signal, info.eta_gradient);
            for g in buf.iter_mut() {
                *g *= sign;
            }
            self.previous.copy_from_slice(&learner.log_probs);
            learner.optimiser.descend(&mut learner.log_probs, buf);
            log_normalise(&mut learner.log_probs);
            // An update that overflowed (a huge learning rate) is dropped, never kept as NaN.
            if learner.log_probs.iter().any(|l| !l.is_finite()) {
                learner.log_probs.copy_from_slice(&self.previous);
            }
        }
        self.step += 1;
    }
}

/// After an estimate: the running-mean baseline takes in the new signal, and REBAR's η moves
/// down the one-sample gradient of the estimator's variance, with the run's optimiser.
fn update_state(learner: &mut Learner, signal: f64, eta_gradient: f64) {
    let state = &mut learner.state;
    match learner.trainer {
        Trainer::ScoreFunctionRunningMean => {
            state.baseline += BASELINE_WEIGHT * (signal - state.baseline);
        }
        Trainer::Rebar => {
            state.baseline += BASELINE_WEIGHT * (signal - state.baseline);
            let mut eta = [state.eta];
            learner.eta_optimiser.descend(&mut eta, &[eta_gradient]);
            if eta[0].is_finite() {
                state.eta = eta[0].clamp(-REBAR_ETA_BOUND, REBAR_ETA_BOUND);
            }
        }
        _ => {}
    }
    if !state.baseline.is_finite() {
        state.baseline = 0.0;
    }
}
