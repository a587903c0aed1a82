//! The record of a training run that its figure draws: every learner's exact objective, π and
//! running gradient variance at evenly spaced steps. When the record is full every other entry
//! is dropped and the spacing doubles, so a run of ten million steps is drawn from at most
//! [`MAX_RECORDS`] points per learner, as cheaply as one of a thousand.

use crate::math::training::Training;

/// Most entries kept per learner; after thinning about half of them remain.
pub const MAX_RECORDS: usize = 512;

/// One learner's values at the recorded steps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Track {
    /// The exact objective F(θ) by enumeration.
    pub objective: Vec<f64>,
    /// π, k values per recorded step, one after the other.
    pub probs: Vec<f64>,
    /// The running trace of the gradient estimates' covariance.
    pub variance: Vec<f64>,
}

/// The recorded steps and each learner's track, in the order of the run's learners.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    stride: u64,
    k: usize,
    steps: Vec<u64>,
    tracks: Vec<Track>,
}

impl History {
    /// An empty record for `run`'s learners.
    pub fn new(run: &Training) -> History {
        History {
            stride: 1,
            k: run.setup().start_logits.len(),
            steps: Vec::new(),
            tracks: vec![Track::default(); run.learners().len()],
        }
    }

    /// The recorded steps.
    pub fn steps(&self) -> &[u64] {
        &self.steps
    }

    /// Each learner's track.
    pub fn tracks(&self) -> &[Track] {
        &self.tracks
    }

    /// Records `run`'s state if its step is one the record keeps (a multiple of the spacing).
    pub fn record_if_due(&mut self, run: &Training) {
        let step = run.step();
        if !step.is_multiple_of(self.stride) || self.steps.last() == Some(&step) {
            return;
        }
        let objective = &run.setup().objective;
        self.steps.push(step);
        for (track, learner) in self.tracks.iter_mut().zip(run.learners()) {
            track.objective.push(learner.objective_value(objective));
            track.probs.extend(learner.probs());
            track.variance.push(learner.gradient_variance());
        }
        if self.steps.len() > MAX_RECORDS {
            self.thin();
        }
    }

    /// Keeps the entries at even positions (steps that are multiples of twice the spacing,
    /// the record starting at step 0) and doubles the spacing.
    fn thin(&mut self) {
        let keep = |i: usize| i.is_multiple_of(2);
        let k = self.k;
        retain_indexed(&mut self.steps, 1, keep);
        for t in &mut self.tracks {
            retain_indexed(&mut t.objective, 1, keep);
            retain_indexed(&mut t.variance, 1, keep);
            retain_indexed(&mut t.probs, k, keep);
        }
        self.stride = self.stride.saturating_mul(2);
    }
}

/// Keeps the chunks of `width` values whose index passes `keep`.
fn retain_indexed<T: Copy>(values: &mut Vec<T>, width: usize, keep: impl Fn(usize) -> bool) {
    let width = width.max(1);
    let mut out = 0;
    for i in 0..values.len() / width {
        if keep(i) {
            for j in 0..width {
                values[out * width + j] = values[i * width + j];
            }
            out += 1;
        }
    }
    values.truncate(out * width);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::objective::Objective;
    use crate::math::optimiser::Optimiser;
    use crate::math::training::{Goal, Temperature, TrainingSetup};
    use rand::SeedableRng;

    fn run() -> Training {
        Training::new(TrainingSetup {
            start_logits: vec![0.0, 0.0, 0.0],
            objective: Objective::Linear {
                c: vec![0.0, 0.5, 1.0],
            },
            goal: Goal::Maximise,
            temperature: Temperature::Fixed(0.5),
            optimiser: Optimiser::Adam,
            learning_rate: 0.05,
        })
        .unwrap()
    }

    #[test]
    fn the_record_stays_bounded_and_evenly_spaced_from_step_0() {
        let mut training = run();
        let mut history = History::new(&training);
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(1);
        history.record_if_due(&training);
        for _ in 0..5_000 {
            training.advance(&mut rng);
            history.record_if_due(&training);
        }
        let steps = history.steps();
        assert!(steps.len() <= MAX_RECORDS && steps.len() > MAX_RECORDS / 4);
        assert_eq!(steps[0], 0);
        let gap = steps[1] - steps[0];
        assert!(steps.windows(2).all(|w| w[1] - w[0] == gap), "uneven");
        assert!(gap.is_power_of_two() && gap > 1);
        for t in history.tracks() {
            assert_eq!(t.objective.len(), steps.len());
            assert_eq!(t.variance.len(), steps.len());
            assert_eq!(t.probs.len(), 3 * steps.len());
            // Each π sums to one.
            for p in t.probs.chunks(3) {
                assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            }
        }
        // The first record is the start: uniform π, F = mean payoff.
        let first = &history.tracks()[0];
        assert!((first.objective[0] - 0.5).abs() < 1e-15);
    }

    #[test]
    fn a_step_is_recorded_once() {
        let training = run();
        let mut history = History::new(&training);
        history.record_if_due(&training);
        history.record_if_due(&training);
        assert_eq!(history.steps(), &[0]);
    }
}
