//! What a person sets for the training view, validated: the optimiser, its learning rate, the
//! seed of the run's noise, whether τ follows the annealing schedule, and the step the run
//! stands at. With the page's π, τ, objective and schedule it determines the run step for step.

use super::error::{Control, ModelError};
use super::limits::{MAX_LEARNING_RATE, MAX_SEED, MAX_TRAINING_STEPS, MIN_LEARNING_RATE};
use super::settings::{number_for, whole_for};
use crate::math::optimiser::Optimiser;

/// The optimiser of a new run.
pub const DEFAULT_OPTIMISER: Optimiser = Optimiser::Adam;
/// The learning rate of a new run: MATH.md's reference run (Adam, 0.05).
pub const DEFAULT_LEARNING_RATE: f64 = 0.05;

/// Where the run's noise comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TrainingSeed {
    /// The page's seed (the samples' seed), so one seed reproduces the whole page.
    Page,
    /// A seed of the training view's own.
    Own(u64),
}

/// The training view's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingSettings {
    optimiser: Optimiser,
    learning_rate: f64,
    seed: TrainingSeed,
    annealed: bool,
    steps: u64,
}

impl Default for TrainingSettings {
    fn default() -> Self {
        TrainingSettings {
            optimiser: DEFAULT_OPTIMISER,
            learning_rate: DEFAULT_LEARNING_RATE,
            seed: TrainingSeed::Page,
            annealed: false,
            steps: 0,
        }
    }
}

impl TrainingSettings {
    pub fn optimiser(&self) -> Optimiser {
        self.optimiser
    }
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }
    pub fn seed(&self) -> TrainingSeed {
        self.seed
    }
    /// Whether τ follows the annealing schedule (from step 0 of the run) instead of staying at
    /// the page's τ.
    pub fn annealed(&self) -> bool {
        self.annealed
    }
    /// The step the run stands at (or is being taken to).
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// The same optimiser, learning rate and τ mode as a new run's, at step 0; the seed stays.
    pub fn reset_to_defaults(&mut self) {
        *self = TrainingSettings {
            seed: self.seed,
            ..TrainingSettings::default()
        };
    }

    /// Sets the optimiser the page names "sgd" or "adam".
    ///
    /// # Errors
    /// [`ModelError::UnknownOptimiser`] for any other name.
    pub fn set_optimiser_name(&mut self, name: &str) -> Result<(), ModelError> {
        let optimiser = Optimiser::from_name(name)
            .ok_or_else(|| ModelError::UnknownOptimiser(name.chars().take(24).collect()))?;
        self.optimiser = optimiser;
        Ok(())
    }

    /// # Errors
    /// [`ModelError::NotFinite`] or [`ModelError::OutOfRange`] (from [`MIN_LEARNING_RATE`] to
    /// [`MAX_LEARNING_RATE`]) for [`Control::LearningRate`].
    pub fn set_learning_rate(&mut self, rate: f64) -> Result<(), ModelError> {
        let range = MIN_LEARNING_RATE..=MAX_LEARNING_RATE;
        self.learning_rate = number_for(Control::LearningRate, rate, range)?;
        Ok(())
    }

    /// The run's own seed (a whole number up to 2⁵³ − 1), or the page's seed for `None`.
    ///
    /// # Errors
    /// [`ModelError::NotFinite`] or [`ModelError::OutOfRange`] for [`Control::TrainingSeed`].
    pub fn set_seed(&mut self, seed: Option<f64>) -> Result<(), ModelError> {
        let Some(value) = seed else {
            self.seed = TrainingSeed::Page;
            return Ok(());
        };
        self.seed = TrainingSeed::Own(whole_for(Control::TrainingSeed, value, 0, MAX_SEED)?);
        Ok(())
    }

    pub fn set_annealed(&mut self, annealed: bool) {
        self.annealed = annealed;
    }

    /// Sets the step the run is to stand at, as the page sends it.
    ///
    /// # Errors
    /// [`ModelError::NotFinite`], [`ModelError::NotWhole`] or [`ModelError::OutOfRange`] (above
    /// [`MAX_TRAINING_STEPS`]) for [`Control::TrainingSteps`].
    pub fn set_steps(&mut self, steps: f64) -> Result<(), ModelError> {
        let control = Control::TrainingSteps;
        if steps.is_finite() && steps.fract() != 0.0 {
            return Err(ModelError::NotWhole {
                control,
                value: steps,
            });
        }
        self.steps = whole_for(control, steps, 0, MAX_TRAINING_STEPS)?;
        Ok(())
    }

    /// The step as the model sets it when the run moves (always within range).
    pub(super) fn set_steps_reached(&mut self, steps: u64) {
        self.steps = steps.min(MAX_TRAINING_STEPS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(r: Result<(), ModelError>) -> Result<(), String> {
        r.map_err(|e| e.to_string())
    }

    #[test]
    fn bad_learning_rates_are_refused_with_the_page_text_and_change_nothing() {
        let mut t = TrainingSettings::default();
        let cases = [
            (0.0, "the learning rate must be between 1e-6 and 10, got 0"),
            (
                -0.1,
                "the learning rate must be between 1e-6 and 10, got -0.1",
            ),
            (
                f64::INFINITY,
                "the learning rate must be a finite number, got inf",
            ),
            (
                f64::NAN,
                "the learning rate must be a finite number, got NaN",
            ),
            (
                11.0,
                "the learning rate must be between 1e-6 and 10, got 11",
            ),
        ];
        for (rate, message) in cases {
            assert_eq!(text(t.set_learning_rate(rate)), Err(message.to_string()));
            assert_eq!(t, TrainingSettings::default());
        }
        assert_eq!(t.set_learning_rate(0.5), Ok(()));
        assert_eq!(t.learning_rate(), 0.5);
    }

    #[test]
    fn steps_must_be_whole_and_at_most_ten_million() {
        let mut t = TrainingSettings::default();
        assert_eq!(
            text(t.set_steps(1e7 + 1.0)),
            Err("the step to run until must be a whole number from 0 to 1e7, got 10000001".into())
        );
        assert_eq!(
            text(t.set_steps(2.5)),
            Err("the step to run until must be a whole number, got 2.5".into())
        );
        assert_eq!(
            text(t.set_steps(-1.0)),
            Err("the step to run until must be a whole number from 0 to 1e7, got -1".into())
        );
        assert_eq!(t.steps(), 0);
        assert_eq!(t.set_steps(1e7), Ok(()));
        assert_eq!(t.steps(), MAX_TRAINING_STEPS);
    }

    #[test]
    fn seeds_and_optimisers() {
        let mut t = TrainingSettings::default();
        assert_eq!(t.set_seed(Some(42.0)), Ok(()));
        assert_eq!(t.seed(), TrainingSeed::Own(42));
        assert!(t.set_seed(Some(0.5)).is_err());
        assert!(t.set_seed(Some(2f64.powi(53))).is_err());
        assert_eq!(t.seed(), TrainingSeed::Own(42));
        assert_eq!(t.set_seed(None), Ok(()));
        assert_eq!(t.seed(), TrainingSeed::Page);
        assert_eq!(
            text(t.set_optimiser_name("rmsprop")),
            Err("the optimiser must be \"sgd\" or \"adam\", got \"rmsprop\"".into())
        );
        assert_eq!(t.set_optimiser_name("sgd"), Ok(()));
        assert_eq!(t.optimiser(), Optimiser::Sgd);
        t.set_annealed(true);
        t.set_seed(Some(7.0)).unwrap();
        t.reset_to_defaults();
        assert_eq!(t.optimiser(), DEFAULT_OPTIMISER);
        assert!(!t.annealed());
        assert_eq!(t.seed(), TrainingSeed::Own(7));
    }
}
