//! The sentence under view 8, written from the run itself: where the optimum is and where each
//! estimator has got to, near it or away from it, settled or still moving.

use super::training_data::best_class;
use super::{Model, ModelError};
use crate::format::{self, subscript};

/// How close to the optimal probability counts as "near the optimum".
pub const NEAR: f64 = 0.1;
/// A tracked probability that moved less than this over the last quarter of the run has
/// settled.
pub const SETTLED: f64 = 0.05;

impl Model {
    /// One or three sentences about the run as it stands.
    ///
    /// # Errors
    /// As [`training_run`](Self::training_run).
    pub fn training_summary(&mut self) -> Result<String, ModelError> {
        let k = self.settings.k();
        let run = self.training_run()?;
        let t = &run.training;
        let setup = t.setup();
        let best = best_class(&setup.objective, setup.goal, k);
        // For k = 2 the figure plots π₁, otherwise the best class's probability.
        let tracked = if k == 2 { 0 } else { best };
        let optimum = if tracked == best { 1.0 } else { 0.0 };
        let q = format!("π{}", subscript(tracked + 1));
        let optimum_f = format::rounded(setup.objective.value_at_vertex(best), 3);
        let head = format!(
            "the optimum is {q} = {}, where F = {optimum_f} is {}",
            format::rounded(optimum, 1),
            match setup.goal {
                crate::math::training::Goal::Minimise => "smallest",
                crate::math::training::Goal::Maximise => "largest",
            }
        );
        let value = |probs: &[f64]| probs.get(tracked).copied().unwrap_or(f64::NAN);
        let start = t.learners().first().map_or(f64::NAN, |l| value(&l.probs()));
        if t.step() == 0 {
            return Ok(format!(
                "Step 0: all {} estimators start at {q} = {}; {head}.",
                t.learners().len(),
                format::rounded(start, 2)
            ));
        }
        // The tracked probability over the last quarter of the record, per learner.
        let steps = run.history.steps();
        let from = steps.partition_point(|&s| 4 * s < 3 * t.step());
        let mut near = Vec::new();
        let mut away = Vec::new();
        for (learner, track) in t.learners().iter().zip(run.history.tracks()) {
            let now = value(&learner.probs());
            let name = learner.trainer().name();
            let text = format::rounded(now, 2);
            if (now - optimum).abs() <= NEAR {
                near.push(format!("{name} ({text})"));
                continue;
            }
            let recent = track
                .probs
                .chunks(k.max(1))
                .skip(from)
                .map(value)
                .chain([now]);
            let (lo, hi) = recent.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
            if hi - lo < SETTLED {
                away.push(format!("{name} settled at {q} = {text}"));
            } else {
                away.push(format!("{name} is at {q} = {text}, still moving"));
            }
        }
        let mut out = format!(
            "After {} steps, {head}.",
            format::count(t.step())
        );
        let within = format::rounded(NEAR, 1);
        if near.is_empty() {
            out += &format!(" No estimator is within {within} of it yet.");
        } else {
            out += &format!(" Within {within} of it: {}.", near.join(", "));
        }
        if !away.is_empty() {
            out += &format!(" Away from it: {}.", away.join("; "));
        }
        Ok(out)
    }
}
