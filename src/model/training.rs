//! The training run behind view 8: built from the settings (the page's π, τ, objective and
//! schedule, and the training view's own settings), advanced in slices toward the step the
//! settings name, and rebuilt from step 0 whenever anything it depends on changes, so that the
//! run shown is always a pure function of the state a link holds.

use super::error::ModelError;
use super::limits::MAX_TRAINING_STEPS;
use super::raster_bands::RasterBands;
use super::sampling::stream;
use super::training_history::History;
use super::training_settings::TrainingSeed;
use super::{Model, ObjectiveKind, Settings, View};
use crate::math::error::Error as MathError;
use crate::math::training::{Goal, Temperature, Training, TrainingSetup};
use crate::render::SimplexHeatmapData;
use rand_pcg::Pcg64Mcg;
use std::hash::{Hash, Hasher};

/// Offset that gives training its own random stream, apart from the samples' and the sweep's.
const TRAINING_STREAM: u64 = 0xD1B5_4A32_D192_ED03;

/// What a run depends on: its setup and the seed of its noise.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct RunKey {
    pub setup: TrainingSetup,
    pub seed: u64,
}

impl RunKey {
    pub fn of(s: &Settings) -> RunKey {
        let t = s.training();
        let setup = TrainingSetup {
            start_logits: s.logits().to_vec(),
            objective: s.objective(),
            goal: goal_of(s.objective_kind()),
            temperature: if t.annealed() {
                Temperature::Annealed(*s.schedule())
            } else {
                Temperature::Fixed(s.tau())
            },
            optimiser: t.optimiser(),
            learning_rate: t.learning_rate(),
        };
        let seed = match t.seed() {
            TrainingSeed::Page => s.seed(),
            TrainingSeed::Own(seed) => seed,
        };
        RunKey { setup, seed }
    }
}

/// A payoff is raised, a distance lowered.
pub fn goal_of(kind: &ObjectiveKind) -> Goal {
    match kind {
        ObjectiveKind::Linear => Goal::Maximise,
        ObjectiveKind::SquaredDistance => Goal::Minimise,
    }
}

/// A run with its noise generator and its record.
#[derive(Clone, Debug)]
pub struct Run {
    pub training: Training,
    rng: Pcg64Mcg,
    pub history: History,
}

impl Run {
    fn new(key: &RunKey) -> Result<Run, MathError> {
        let training = Training::new(key.setup.clone())?;
        let mut history = History::new(&training);
        history.record_if_due(&training);
        Ok(Run {
            training,
            rng: stream(key.seed ^ TRAINING_STREAM),
            history,
        })
    }

    fn advance(&mut self, steps: u64) {
        for _ in 0..steps {
            self.training.advance(&mut self.rng);
            self.history.record_if_due(&self.training);
        }
    }
}

/// The model's training state: the run for the current settings and the cached background of
/// the k = 3 figure, with its raster's bands (the pixel grid depends only on its size).
#[derive(Clone, Debug, Default)]
pub struct TrainingState {
    run: Option<(RunKey, Result<Run, MathError>)>,
    pub(super) heatmap: Option<(Vec<u64>, SimplexHeatmapData)>,
    /// The background's raster, computed in bands ahead of a draw (`prepare_training`).
    pub(super) bands: RasterBands,
    pub(super) raster: Vec<f64>,
}

impl Model {
    /// The run for the current settings, rebuilt at step 0 when its inputs changed or when it
    /// is past the step the settings name (a run cannot go back).
    ///
    /// # Errors
    /// [`ModelError::Math`] when the math core refuses the setup.
    pub fn training_run(&mut self) -> Result<&mut Run, ModelError> {
        View::Training.require_module()?;
        let key = RunKey::of(&self.settings);
        let goal = self.settings.training().steps();
        let stale = match &self.training.run {
            Some((cached, Ok(run))) => *cached != key || run.training.step() > goal,
            Some((cached, Err(_))) => *cached != key,
            None => true,
        };
        if stale {
            let run = Run::new(&key);
            self.training.run = Some((key, run));
        }
        match &mut self.training.run {
            Some((_, Ok(run))) => Ok(run),
            Some((_, Err(e))) => Err(ModelError::Math(e.clone())),
            None => Err(ModelError::Unavailable(super::error::Unavailable::Training)),
        }
    }

    /// The step the run stands at now.
    pub fn training_step(&mut self) -> u64 {
        self.training_run().map_or(0, |r| r.training.step())
    }

    /// Whether the run is behind the step the settings name (or must be rebuilt).
    pub fn training_pending(&mut self) -> bool {
        let goal = self.settings.training().steps();
        self.training_run()
            .is_ok_and(|run| run.training.step() != goal)
    }

    /// Takes the run at most `max_steps` steps toward the step the settings name; returns
    /// whether it is still behind.
    ///
    /// # Errors
    /// As [`training_run`](Self::training_run).
    pub fn train_toward_goal(&mut self, max_steps: u64) -> Result<bool, ModelError> {
        let goal = self.settings.training().steps();
        let run = self.training_run()?;
        let todo = goal.saturating_sub(run.training.step()).min(max_steps);
        run.advance(todo);
        Ok(run.training.step() < goal)
    }

    /// Runs on: once the run has reached the step the settings name, that step moves `steps`
    /// further (up to the largest step) and the run follows; before, it catches up first.
    /// Returns the step reached.
    ///
    /// # Errors
    /// As [`training_run`](Self::training_run).
    pub fn train_for(&mut self, steps: u64) -> Result<u64, ModelError> {
        let goal = self.settings.training().steps();
        let at = self.training_run()?.training.step();
        if at >= goal {
            let next = goal.saturating_add(steps).min(MAX_TRAINING_STEPS);
            self.settings.training_mut().set_steps_reached(next);
        }
        self.train_toward_goal(steps)?;
        Ok(self.training_step())
    }

    /// Stops a run on its way to a later step: the settings' step becomes the step reached.
    pub fn pause_training(&mut self) {
        let at = self.training_step();
        self.settings.training_mut().set_steps_reached(at);
    }

    /// Feeds what the training figure depends on into a view fingerprint: the run's inputs
    /// (which include what the k = 3 background depends on) and the step it shows.
    pub(super) fn hash_training<H: Hasher>(&self, h: &mut H) {
        let s = &self.settings;
        let t = s.training();
        let sch = s.schedule();
        for v in s.logits().iter().chain(s.objective_values()) {
            v.to_bits().hash(h);
        }
        (s.tau().to_bits(), t.learning_rate().to_bits()).hash(h);
        (s.objective_kind().name(), s.seed()).hash(h);
        // The schedule matters only to a run that follows it.
        if t.annealed() {
            let numbers = [sch.tau0, sch.rate, sch.tau_min].map(f64::to_bits);
            (numbers, sch.update_every).hash(h);
        }
        (t.optimiser(), t.seed(), t.annealed(), t.steps()).hash(h);
        // The step the figure shows: a run that no longer fits the settings is drawn after it
        // has been rebuilt, at step 0.
        let shown = match &self.training.run {
            Some((key, Ok(run))) if *key == RunKey::of(s) && run.training.step() <= t.steps() => {
                run.training.step()
            }
            _ => 0,
        };
        shown.hash(h);
    }
}
