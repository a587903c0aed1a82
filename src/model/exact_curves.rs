//! The exact curves of the estimator view: each estimator's exact bias and variance on the
//! sweep's τ grid. They depend on π and the objective only, so they are computed once per change
//! of those and never on a τ drag. The τ-independent estimators are exact at any k by
//! enumeration, at once; GS and ST-GS (k = 2 and 3) by quadrature, one τ after another from the
//! largest down (each sized by its neighbour), in slices of bounded work that the page runs
//! between frames, so that no task runs long.

use super::cache::ExactKey;
use super::estimators::sweep_taus;
use super::{Model, ModelError, View};
use crate::math::{
    exact_moments, Error as MathError, Estimator, ExactMoments, GumbelSoftmax, Objective,
    RelaxedMomentsJob,
};

/// Integrand evaluations per slice: two or three milliseconds in the browser at k = 3, so that the
/// page's scheduler can run steps back to back within its slice budget and stop before it
/// overruns (a step may end a little past its budget: at k = 3 it finishes the inner integral it
/// is in, one point of the outer rule). At k = 2 a whole curve takes a few slices.
pub const EXACT_SLICE_EVALUATIONS: usize = 7_500;

/// The exact moments known so far for one π and objective.
#[derive(Debug)]
pub(super) struct ExactCurves {
    pub key: ExactKey,
    logits: Vec<f64>,
    objective: Objective,
    taus: Vec<f64>,
    /// The τ-independent estimators, in the order of [`Estimator::ALL`].
    fixed: Vec<ExactMoments>,
    /// GS and ST-GS at each τ (k ≤ 3; empty above), `None` until computed.
    relaxed: Vec<Option<[ExactMoments; 2]>>,
    /// The τ being computed and its job.
    job: Option<(usize, RelaxedMomentsJob)>,
    /// Why the relaxed curves stopped, if they did.
    error: Option<MathError>,
}

impl ExactCurves {
    /// The curves for `logits` and `objective` on `taus`: the τ-independent estimators at once,
    /// the relaxed ones (k ≤ 3) still to compute.
    ///
    /// # Errors
    /// The math core's refusal of the distribution or the objective.
    pub fn new(
        key: ExactKey,
        logits: &[f64],
        objective: Objective,
        taus: &[f64],
    ) -> Result<ExactCurves, MathError> {
        let dist = GumbelSoftmax::new(logits, 1.0)?;
        let fixed = Estimator::ALL
            .into_iter()
            .filter(|e| !e.depends_on_tau())
            .map(|e| exact_moments(e, &dist, &objective))
            .collect::<Result<Vec<_>, _>>()?;
        let relaxed = if dist.k() <= 3 {
            vec![None; taus.len()]
        } else {
            Vec::new()
        };
        Ok(ExactCurves {
            key,
            logits: logits.to_vec(),
            objective,
            taus: taus.to_vec(),
            fixed,
            relaxed,
            job: None,
            error: None,
        })
    }

    /// Computes for about `budget` integrand evaluations. Returns whether work remains.
    pub fn advance(&mut self, budget: usize) -> bool {
        let mut spent = 0;
        while spent < budget && self.error.is_none() {
            let Some(index) = self.next_index() else {
                return false;
            };
            if self.job.as_ref().is_none_or(|(i, _)| *i != index) {
                let hint = self.relaxed.get(index + 1).and_then(|r| r.as_ref());
                let job = self
                    .taus
                    .get(index)
                    .ok_or_else(|| MathError::InvalidArgument("no such temperature".into()))
                    .and_then(|&tau| GumbelSoftmax::new(&self.logits, tau))
                    .and_then(|dist| RelaxedMomentsJob::new(&dist, &self.objective, hint));
                match job {
                    Ok(job) => self.job = Some((index, job)),
                    Err(e) => {
                        self.error = Some(e);
                        return false;
                    }
                }
            }
            let Some((_, job)) = self.job.as_mut() else {
                return false;
            };
            let before = job.evaluations();
            let finished = job.advance(budget - spent).cloned();
            // An unfinished job has spent its whole budget; a finished one says what it spent.
            spent = match finished {
                None => budget,
                Some(_) => spent + (job.evaluations() - before).max(1),
            };
            if let Some(results) = finished {
                if let Some(slot) = self.relaxed.get_mut(index) {
                    *slot = Some(results);
                }
                self.job = None;
            }
        }
        self.pending()
    }

    /// The largest-τ index not yet computed.
    fn next_index(&self) -> Option<usize> {
        self.relaxed.iter().rposition(|r| r.is_none())
    }

    /// Whether relaxed curves remain to be computed.
    pub fn pending(&self) -> bool {
        self.error.is_none() && self.next_index().is_some()
    }

    /// How many temperatures have their relaxed moments (for the view's fingerprint).
    pub fn progress(&self) -> usize {
        self.relaxed.iter().filter(|r| r.is_some()).count()
    }

    /// The exact moments of `estimator` at the `index`-th τ, if known.
    pub fn at(&self, estimator: Estimator, index: usize) -> Option<&ExactMoments> {
        if estimator.depends_on_tau() {
            let pair = self.relaxed.get(index)?.as_ref()?;
            pair.iter().find(|m| m.estimator == estimator)
        } else {
            self.fixed.iter().find(|m| m.estimator == estimator)
        }
    }

    /// The largest relative error of the relaxed moments computed so far.
    pub fn worst_relative_error(&self) -> f64 {
        self.relaxed
            .iter()
            .flatten()
            .flatten()
            .map(ExactMoments::relative_error)
            .fold(0.0, f64::max)
    }
}

impl Model {
    /// The exact curves for the current π and objective, started anew when those changed. The
    /// τ-independent estimators are exact at once; GS and ST-GS wait for
    /// [`refine_exact`](Self::refine_exact), so that a drag of π costs no quadrature per frame.
    ///
    /// # Errors
    /// [`ModelError::Math`] when the math core refuses π or the objective.
    pub(super) fn exact_curves(&mut self) -> Result<&ExactCurves, ModelError> {
        View::Estimators.require_module()?;
        let key = ExactKey::of(&self.settings);
        let current = self.exact.take().filter(|e| e.key == key);
        let curves = match current {
            Some(curves) => curves,
            None => {
                let s = &self.settings;
                ExactCurves::new(key, s.logits(), s.objective(), &sweep_taus())
                    .map_err(ModelError::Math)?
            }
        };
        Ok(self.exact.insert(curves))
    }

    /// Whether the exact curves of the current π and objective still have work to do.
    pub fn exact_pending(&self) -> bool {
        if !View::Estimators.in_module() {
            return false;
        }
        let key = ExactKey::of(&self.settings);
        self.exact
            .as_ref()
            .is_some_and(|e| e.key == key && e.pending())
    }

    /// Runs one slice of the exact curves' work; returns whether work remains.
    pub fn refine_exact(&mut self) -> bool {
        if !self.exact_pending() {
            return false;
        }
        self.exact
            .as_mut()
            .is_some_and(|e| e.advance(EXACT_SLICE_EVALUATIONS))
    }

    /// How many temperatures of the current exact curves are computed (0 when the curves are
    /// stale or not started).
    pub fn exact_progress(&self) -> usize {
        let key = ExactKey::of(&self.settings);
        self.exact
            .as_ref()
            .filter(|e| e.key == key)
            .map_or(0, ExactCurves::progress)
    }

    /// The largest relative error of the exact relaxed moments computed so far.
    pub fn exact_worst_relative_error(&self) -> f64 {
        self.exact
            .as_ref()
            .map_or(0.0, ExactCurves::worst_relative_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::settings::Settings;

    /// The curves on a few τ for π = `probs`, advanced `budget` evaluations at a time to the end.
    fn computed(probs: &[f64], budget: usize) -> (Vec<Option<[ExactMoments; 2]>>, usize) {
        let mut s = Settings::default();
        s.set_probs(probs).unwrap();
        let mut curves = ExactCurves::new(
            ExactKey::of(&s),
            s.logits(),
            s.objective(),
            &[0.1, 0.4, 2.0],
        )
        .unwrap();
        let mut steps = 0;
        while curves.advance(budget) {
            steps += 1;
        }
        assert!(curves.error.is_none() && !curves.pending());
        (curves.relaxed, steps)
    }

    #[test]
    fn the_smallest_budget_gives_the_curves_computed_at_once() {
        for probs in [[0.2, 0.3, 0.5].as_slice(), &[0.7, 0.3]] {
            let (whole, steps) = computed(probs, usize::MAX);
            assert_eq!(steps, 0);
            let (sliced, steps) = computed(probs, 1);
            assert!(steps > 100, "{steps} steps");
            assert_eq!(sliced, whole);
            let (sliced, _) = computed(probs, EXACT_SLICE_EVALUATIONS);
            assert_eq!(sliced, whole);
        }
    }
}
