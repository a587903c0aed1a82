//! The estimator sweep in slices: asked for ahead of a view or table that needs it, the sweep
//! is begun and then computed a few temperatures at a time by the refinement steps (`refine`),
//! so that a change of π costs no long task; whoever needs it before it is done finishes it at
//! once. Either way the sweep is the same, bit for bit.

use super::cache::SweepKey;
use super::{Model, View};
use crate::math::SweepRun;

/// Values (samples × k per temperature) a refinement step of the sweep computes: two or three
/// milliseconds, about one temperature at k = 10, a few at k = 3.
pub const SWEEP_SLICE_VALUES: usize = 10_000;

impl Model {
    /// Whether the estimator sweep of the current settings is computed; if not, begins it in
    /// slices (when not begun yet), which [`refine`](Self::refine) carries on. In a build
    /// without the estimator view there is nothing to begin: true.
    pub fn sweep_ready(&mut self) -> bool {
        if !View::Estimators.in_module() {
            return true;
        }
        let key = SweepKey::of(&self.settings);
        if self
            .sweep
            .as_ref()
            .is_some_and(|(cached, _)| *cached == key)
        {
            return true;
        }
        if self.sweep_pending() {
            return false;
        }
        match self.begin_sweep(&key) {
            Ok(run) => {
                self.sweep_run = Some((key, Box::new(run)));
                false
            }
            // Refused inputs: the sweep's answer is known at once.
            Err(e) => {
                self.sweep = Some((key, Err(e)));
                true
            }
        }
    }

    /// Whether a sweep of the current settings is begun in slices and not done.
    pub fn sweep_pending(&self) -> bool {
        if !View::Estimators.in_module() {
            return false;
        }
        let key = SweepKey::of(&self.settings);
        self.sweep_run.as_ref().is_some_and(|(k, _)| *k == key)
    }

    /// One slice of the sweep begun for the current settings; returns whether work remains.
    pub(super) fn refine_sweep(&mut self) -> bool {
        if !self.sweep_pending() {
            return false;
        }
        let more = self
            .sweep_run
            .as_mut()
            .is_some_and(|(_, run)| run.advance(SWEEP_SLICE_VALUES));
        if !more {
            // The finished run becomes the cached sweep (an error is kept there too).
            let _ = self.sweep();
        }
        more
    }

    /// The sweep run begun for `key`, if any (a run for other settings is dropped).
    pub(super) fn take_sweep_run(&mut self, key: &SweepKey) -> Option<SweepRun> {
        match self.sweep_run.take() {
            Some((k, run)) if k == *key => Some(*run),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sweep_in_slices_is_the_sweep_at_once() {
        let mut m = Model::new();
        m.update(|s| s.set_k(5)).unwrap();
        let at_once = m.sweep().unwrap().clone();
        m.sweep = None;
        assert!(!m.sweep_pending());
        assert!(!m.sweep_ready(), "the sweep was not begun in slices");
        assert!(m.sweep_pending() && m.refining());
        let mut steps = 0;
        while m.refine(1) {
            steps += 1;
        }
        assert!(steps > 1, "one step did the whole sweep");
        assert!(m.sweep_ready() && !m.sweep_pending());
        assert_eq!(m.sweep().unwrap(), &at_once);
        // Asked for before its slices are done, it is finished at once.
        m.sweep = None;
        assert!(!m.sweep_ready());
        m.refine(1);
        assert_eq!(m.sweep().unwrap(), &at_once);
        assert!(!m.sweep_pending());
    }
}
