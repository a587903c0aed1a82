//! What each view depends on: the cache keys of the slow views (Figure 1, the estimator sweep
//! and its exact curves) and the fingerprint of every view's inputs, so that a view whose inputs
//! did not change is neither recomputed nor redrawn.

use super::fingerprint::Fingerprint;
use super::sampling::{FIGURE1_SAMPLES, OVERLAY_SAMPLES, STRIP_SAMPLES};
use super::{Model, ObjectiveKind, Settings, View};
use std::hash::{Hash, Hasher};

/// What the Figure 1 panel depends on (its temperatures are fixed, so not τ).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Figure1Key {
    pub logits: Vec<f64>,
    pub n: usize,
    pub seed: u64,
}

impl Figure1Key {
    pub fn of(s: &Settings) -> Figure1Key {
        Figure1Key {
            logits: s.logits().to_vec(),
            n: s.samples().min(FIGURE1_SAMPLES),
            seed: s.seed(),
        }
    }
}

/// What the exact curves depend on: π and the objective, not the seed and not the current τ.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ExactKey {
    pub logits: Vec<f64>,
    pub objective: Vec<f64>,
    pub kind: ObjectiveKind,
}

impl ExactKey {
    pub fn of(s: &Settings) -> ExactKey {
        ExactKey {
            logits: s.logits().to_vec(),
            objective: s.objective_values().to_vec(),
            kind: s.objective_kind().clone(),
        }
    }
}

/// What the estimator sweep depends on: what the exact curves depend on, and the seed of its
/// Monte Carlo estimates (it covers a fixed τ grid, so not the current τ either).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct SweepKey {
    pub exact: ExactKey,
    pub seed: u64,
}

impl SweepKey {
    pub fn of(s: &Settings) -> SweepKey {
        SweepKey {
            exact: ExactKey::of(s),
            seed: s.seed(),
        }
    }
}

fn hash_f64s<H: Hasher>(h: &mut H, values: &[f64]) {
    for v in values {
        v.to_bits().hash(h);
    }
}

impl Model {
    /// A fingerprint of everything view `view` depends on: equal fingerprints draw equal
    /// pictures. Call [`prepare`](Self::prepare) first, so that the sample progress it includes
    /// is that of the current settings.
    pub fn inputs_fingerprint(&self, view: View) -> u64 {
        let s = &self.settings;
        let mut h = Fingerprint::new();
        view.hash(&mut h);
        // Views that show only the first draws stop changing once those are in, so refining
        // a large N redraws only the views that summarise all draws.
        let n = self.sampler.summary().n;
        let dist_inputs = |h: &mut Fingerprint, with_tau: bool, progress: u64| {
            hash_f64s(h, s.logits());
            if with_tau {
                s.tau().to_bits().hash(h);
            }
            s.samples().hash(h);
            s.seed().hash(h);
            progress.hash(h);
        };
        let first = |count: usize| n.min(count as u64);
        match view {
            View::Figure1 => {
                hash_f64s(&mut h, s.logits());
                s.samples().min(FIGURE1_SAMPLES).hash(&mut h);
                s.seed().hash(&mut h);
            }
            View::GumbelMax => dist_inputs(&mut h, false, n),
            View::Components | View::Expectation => dist_inputs(&mut h, true, n),
            View::Strip => dist_inputs(&mut h, true, first(STRIP_SAMPLES)),
            View::StraightThrough => dist_inputs(&mut h, true, first(1)),
            // k = 2 draws the histogram of all draws; k ≥ 3 overlays the first draws.
            View::Density if s.k() == 2 => dist_inputs(&mut h, true, n),
            View::Density => {
                dist_inputs(&mut h, true, first(OVERLAY_SAMPLES));
                // A picture drawn while its raster was still in bands is drawn again once the
                // raster is complete.
                self.raster_generation().hash(&mut h);
            }
            View::Estimators => {
                hash_f64s(&mut h, s.logits());
                hash_f64s(&mut h, s.objective_values());
                (*s.objective_kind() == ObjectiveKind::Linear).hash(&mut h);
                s.seed().hash(&mut h);
                s.tau().to_bits().hash(&mut h);
                // The exact curves arrive a few temperatures at a time.
                self.exact_progress().hash(&mut h);
            }
            View::Annealing => {
                let sch = s.schedule();
                hash_f64s(&mut h, &[sch.tau0, sch.rate, sch.tau_min]);
                sch.update_every.hash(&mut h);
                s.step().hash(&mut h);
            }
            View::Cost => {
                let c = s.cost();
                hash_f64s(&mut h, &[c.d, c.i, c.g]);
                c.k.hash(&mut h);
            }
            View::Training => self.hash_training(&mut h),
        }
        h.finish()
    }
}
