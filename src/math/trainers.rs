//! The six estimators a training run compares, each as one step's estimate of ∇θF from given
//! noise: the five of the estimator view (with a running-mean baseline in place of the oracle
//! one) and REBAR.
//!
//! Every formula is the estimator module's own kernel ([`score_function`],
//! [`straight_through`], [`gumbel_softmax`], [`straight_through_gumbel_softmax`]) or REBAR's
//! ([`rebar`]); this file only feeds them the step's noise at a learner's π.

use rand::distr::Open01;
use rand::{Rng, RngExt};

use super::elementary::Portable;
use super::estimators::{
    gumbel_softmax, score_function, straight_through, straight_through_gumbel_softmax, Estimator,
};
use super::gumbel::{argmax, standard_gumbel};
use super::objective::Objective;
use super::rebar::{rebar, RebarScratch};
use super::relaxed::relax_in_place;

/// The estimators a run trains with, in the order they are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trainer {
    /// Score function, no baseline.
    ScoreFunction,
    /// Score function with a running mean of f as its baseline (taken before it is updated
    /// with the current sample, so the estimate stays unbiased).
    ScoreFunctionRunningMean,
    /// Straight-through.
    StraightThrough,
    /// Gumbel-Softmax at the run's temperature.
    GumbelSoftmax,
    /// Straight-through Gumbel-Softmax at the run's temperature.
    StraightThroughGumbelSoftmax,
    /// REBAR, its score-function term centred by a running mean of its learning signal, its
    /// control-variate weight η tuned online.
    Rebar,
}

impl Trainer {
    pub const ALL: [Trainer; 6] = [
        Trainer::ScoreFunction,
        Trainer::ScoreFunctionRunningMean,
        Trainer::StraightThrough,
        Trainer::GumbelSoftmax,
        Trainer::StraightThroughGumbelSoftmax,
        Trainer::Rebar,
    ];

    /// The label, as the estimator view names the estimators, plus "REBAR".
    pub fn name(self) -> &'static str {
        match self {
            Trainer::ScoreFunction => Estimator::ScoreFunction.name(),
            Trainer::ScoreFunctionRunningMean => Estimator::ScoreFunctionBaseline.name(),
            Trainer::StraightThrough => Estimator::StraightThrough.name(),
            Trainer::GumbelSoftmax => Estimator::GumbelSoftmax.name(),
            Trainer::StraightThroughGumbelSoftmax => Estimator::StraightThroughGumbelSoftmax.name(),
            Trainer::Rebar => "REBAR",
        }
    }
}

/// One step's noise, shared by every learner: k Gumbel draws g and k exponentials aᵢ = −ln vᵢ
/// (vᵢ uniform), from which REBAR builds its conditional sample.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepNoise {
    pub gumbel: Vec<f64>,
    pub exponentials: Vec<f64>,
}

impl StepNoise {
    /// Fresh noise for k classes: exactly 2k uniforms from `rng`, the Gumbel draws first.
    pub fn draw<R: Rng + ?Sized>(&mut self, k: usize, rng: &mut R) {
        self.gumbel.clear();
        self.gumbel.extend((0..k).map(|_| standard_gumbel(rng)));
        self.exponentials.clear();
        self.exponentials.extend((0..k).map(|_| {
            let v: f64 = rng.sample(Open01);
            -v.portable_ln()
        }));
    }
}

/// What an estimator keeps between steps: a baseline b and REBAR's η.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainerState {
    pub baseline: f64,
    pub eta: f64,
}

/// What one estimate reports besides ĝ, for the learner to update its state.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EstimateInfo {
    /// The value a running-mean baseline averages: f(e_z) for SF with a baseline, REBAR's
    /// learning signal f(e_b) − η f(σ_τ(z̃)) for REBAR.
    pub signal: f64,
    /// REBAR's one-sample ∂‖ĝ‖²/∂η (0 for the others).
    pub eta_gradient: f64,
}

/// One estimate of ∇θF by `trainer` at normalised logits `log_probs`, from `noise`, into `out`
/// (all of length k; the objective valid for k, τ a valid temperature: the run checks both once).
#[allow(clippy::too_many_arguments)]
pub fn estimate(
    trainer: Trainer,
    log_probs: &[f64],
    objective: &Objective,
    tau: f64,
    state: TrainerState,
    noise: &StepNoise,
    scratch: &mut RebarScratch,
    out: &mut [f64],
) -> EstimateInfo {
    let gradient = objective.separable_gradient();
    for ((o, l), g) in out.iter_mut().zip(log_probs).zip(&noise.gumbel) {
        *o = l + g;
    }
    let z = argmax(out).unwrap_or(0);
    let write_probs = |out: &mut [f64]| {
        for (o, l) in out.iter_mut().zip(log_probs) {
            *o = l.portable_exp();
        }
    };
    let mut info = EstimateInfo {
        signal: 0.0,
        eta_gradient: 0.0,
    };
    match trainer {
        Trainer::ScoreFunction => {
            write_probs(out);
            score_function(out, z, objective.value_at_vertex(z));
        }
        Trainer::ScoreFunctionRunningMean => {
            info.signal = objective.value_at_vertex(z);
            write_probs(out);
            score_function(out, z, info.signal - state.baseline);
        }
        Trainer::StraightThrough => {
            write_probs(out);
            straight_through(out, z, gradient);
        }
        Trainer::GumbelSoftmax => {
            relax_in_place(out, tau);
            gumbel_softmax(out, tau, gradient);
        }
        Trainer::StraightThroughGumbelSoftmax => {
            relax_in_place(out, tau);
            straight_through_gumbel_softmax(out, z, tau, gradient);
        }
        Trainer::Rebar => {
            let sample = rebar(
                log_probs,
                objective,
                tau,
                (state.eta, state.baseline),
                (&noise.gumbel, &noise.exponentials),
                scratch,
                out,
            );
            info.signal = sample.signal;
            info.eta_gradient = sample.eta_gradient;
        }
    }
    info
}
