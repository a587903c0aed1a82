//! The sentence under view 8, written from the run itself: where the optimum is and where each
//! estimator has got to, near it or away from it, settled or still moving.

use super::training_data::best_class;
use super::{Model, ModelError};
use crate::format::{self, subscript};
use crate::i18n::messages::reports;
use crate::math::trainers::Trainer;
use crate::math::training::REBAR_ETA_START;

/// How close to the optimal probability counts as "near the optimum".
pub const NEAR: f64 = 0.1;
/// A tracked probability whose range over the second half of the run is below this has
/// settled; one whose mean moved less than this from the third quarter to the fourth hovers
/// around its mean; anything else is still moving.
pub const SETTLED: f64 = 0.05;

/// How a tracked probability behaved over the second half of the run.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Motion {
    /// Its range is below [`SETTLED`].
    Still,
    /// It fluctuates, but the means of the third and fourth quarters differ by less than
    /// [`SETTLED`]: it hovers around the second half's mean.
    Hovering(f64),
    Moving,
}

/// How the recorded values (the second half of the record) and the value now behaved.
fn motion(recent: impl Iterator<Item = f64>, now: f64) -> Motion {
    let values: Vec<f64> = recent.chain([now]).filter(|v| v.is_finite()).collect();
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    if hi - lo < SETTLED {
        return Motion::Still;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let (first, second) = values.split_at(values.len() / 2);
    if first.len() >= 4 && (mean(first) - mean(second)).abs() < SETTLED {
        Motion::Hovering(mean(&values))
    } else {
        Motion::Moving
    }
}

impl Model {
    /// One or three sentences about the run as it stands.
    ///
    /// # Errors
    /// As [`training_run`](Self::training_run).
    pub fn training_summary(&mut self) -> Result<String, ModelError> {
        let k = self.settings.k();
        let lang = self.lang;
        let w = reports(lang);
        let run = self.training_run()?;
        let t = &run.training;
        let setup = t.setup();
        let best = best_class(&setup.objective, setup.goal, k);
        // For k = 2 the figure plots π₁, otherwise the best class's probability.
        let tracked = if k == 2 { 0 } else { best };
        let optimum = if tracked == best { 1.0 } else { 0.0 };
        let q = format!("π{}", subscript(tracked + 1));
        let optimum_f = format::rounded(setup.objective.value_at_vertex(best), 3);
        let minimise = setup.goal == crate::math::training::Goal::Minimise;
        let head = w.optimum(&q, &format::rounded(optimum, 1), &optimum_f, minimise);
        let value = |probs: &[f64]| probs.get(tracked).copied().unwrap_or(f64::NAN);
        let start = t.learners().first().map_or(f64::NAN, |l| value(&l.probs()));
        if t.step() == 0 {
            return Ok(w.at_start(t.learners().len(), &q, &format::rounded(start, 2), &head));
        }
        // The tracked probability over the second half of the record, per learner.
        let steps = run.history.steps();
        let from = steps.partition_point(|&s| 2 * s < t.step());
        let mut near = Vec::new();
        let mut away = Vec::new();
        for (learner, track) in t.learners().iter().zip(run.history.tracks()) {
            let now = value(&learner.probs());
            let name = &super::tables::word(learner.trainer().name(), lang);
            let text = format::rounded(now, 2);
            if (now - optimum).abs() <= NEAR {
                near.push(w.near_item(name, &text));
                continue;
            }
            match motion(track.probs.chunks(k.max(1)).skip(from).map(value), now) {
                Motion::Still => away.push(w.settled(name, &q, &text)),
                Motion::Hovering(mean) => away.push(w.hovers(name, &q, &format::rounded(mean, 2))),
                Motion::Moving => away.push(w.moving(name, &q, &text)),
            }
        }
        let mut out = w.after(&format::count(t.step()), &head);
        let within = format::rounded(NEAR, 1);
        if near.is_empty() {
            out += &w.none_within(&within);
        } else {
            out += &w.within(&within, &near);
        }
        if !away.is_empty() {
            out += &w.away(&away);
        }
        if let Some(rebar) = t.learners().iter().find(|l| l.trainer() == Trainer::Rebar) {
            out += &w.rebar_eta(
                &format::rounded(REBAR_ETA_START, 2),
                &format::rounded(rebar.eta(), 2),
            );
        }
        Ok(out)
    }
}
