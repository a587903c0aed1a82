//! Figure 1's panel in slices: E[y] and the first draw at each of its temperatures, summed over
//! its draws a chunk at a time, so that a change of π costs no long task. Asked for ahead of the
//! view or table that needs it, the panel is begun and then carried on by the refinement steps
//! (`refine`); whoever needs it before it is done finishes it at once. However the draws are
//! divided, the panel is the same, bit for bit.

use super::cache::Figure1Key;
use super::sampling::{stream, FIGURE1_TAUS};
use super::Model;
use crate::math::elementary::Portable;
use crate::math::relaxed::{relax_log, GumbelSoftmax};
use crate::render::Figure1Data;
use rand_pcg::Pcg64Mcg;

/// Values (draws × k) a refinement step of the panel sums: two or three milliseconds at any k
/// (about five before the browser has optimised the module's code).
pub const FIGURE1_SLICE_VALUES: usize = 10_000;

/// The panel's sums so far.
#[derive(Clone, Debug)]
pub struct Figure1Run {
    rng: Pcg64Mcg,
    perturbed: Vec<f64>,
    log_y: Vec<f64>,
    sums: Vec<Vec<f64>>,
    first: Vec<Vec<f64>>,
    done: usize,
    n: usize,
}

impl Figure1Run {
    /// A panel of `n` draws of a k-class distribution from the stream of `seed`, at `taus`.
    pub fn new(k: usize, taus: usize, n: usize, seed: u64) -> Self {
        Self {
            rng: stream(seed),
            perturbed: vec![0.0; k],
            log_y: vec![0.0; k],
            sums: vec![vec![0.0; k]; taus],
            first: vec![vec![0.0; k]; taus],
            done: 0,
            n,
        }
    }

    /// Whether draws remain.
    pub fn pending(&self) -> bool {
        self.done < self.n
    }

    /// Sums the next draws of `dist` at `taus`, at least one, until `max_values` values (draws
    /// × k) are done; returns whether draws remain.
    pub fn advance(&mut self, dist: &GumbelSoftmax, taus: &[f64], max_values: usize) -> bool {
        let k = dist.k();
        let draws = (max_values / k.max(1)).max(1);
        let end = self.n.min(self.done.saturating_add(draws));
        for s in self.done..end {
            dist.perturb_to_slice(&mut self.rng, &mut self.perturbed);
            for ((sums, first), &tau) in self.sums.iter_mut().zip(&mut self.first).zip(taus) {
                relax_log(&self.perturbed, tau, &mut self.log_y);
                for ((sum, f), &log_y) in sums.iter_mut().zip(first.iter_mut()).zip(&self.log_y) {
                    let v = log_y.portable_exp();
                    *sum += v;
                    if s == 0 {
                        *f = v;
                    }
                }
            }
        }
        self.done = end;
        self.pending()
    }

    /// (E[y] at each temperature, the first draw at each): the draws not summed yet first.
    pub fn finish(mut self, dist: &GumbelSoftmax, taus: &[f64]) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
        self.advance(dist, taus, usize::MAX);
        let nf = self.n.max(1) as f64;
        let means = self
            .sums
            .into_iter()
            .map(|row| row.into_iter().map(|s| s / nf).collect())
            .collect();
        (means, self.first)
    }
}

impl Model {
    /// Whether Figure 1's panel of the current settings is computed; if not, begins it in
    /// slices (when not begun yet), which [`refine`](Self::refine) carries on.
    pub fn figure1_ready(&mut self) -> bool {
        let key = Figure1Key::of(&self.settings);
        if self
            .figure1
            .as_ref()
            .is_some_and(|(cached, _)| *cached == key)
        {
            return true;
        }
        if !self.figure1_pending() {
            let run = Figure1Run::new(self.settings.k(), FIGURE1_TAUS.len(), key.n, key.seed);
            self.figure1_run = Some((key, Box::new(run)));
        }
        false
    }

    /// Whether a panel of the current settings is begun in slices and not done.
    pub fn figure1_pending(&self) -> bool {
        let key = Figure1Key::of(&self.settings);
        self.figure1_run.as_ref().is_some_and(|(k, _)| *k == key)
    }

    /// One slice of the panel begun for the current settings; returns whether work remains.
    pub(super) fn refine_figure1(&mut self) -> bool {
        if !self.figure1_pending() {
            return false;
        }
        let dist = self.settings.dist();
        let more = self
            .figure1_run
            .as_mut()
            .is_some_and(|(_, run)| run.advance(dist, &FIGURE1_TAUS, FIGURE1_SLICE_VALUES));
        if !more {
            // The finished run becomes the cached panel.
            self.figure1_data();
        }
        more
    }

    /// The panel run begun for `key`, if any (a run for other settings is dropped).
    pub(super) fn take_figure1_run(&mut self, key: &Figure1Key) -> Option<Figure1Run> {
        match self.figure1_run.take() {
            Some((k, run)) if k == *key => Some(*run),
            _ => None,
        }
    }

    /// The panel for `key` from the run begun for it, or computed now.
    pub(super) fn figure1_of(&mut self, key: &Figure1Key) -> Figure1Data {
        let run = self.take_figure1_run(key);
        let dist = self.settings.dist();
        let run =
            run.unwrap_or_else(|| Figure1Run::new(dist.k(), FIGURE1_TAUS.len(), key.n, key.seed));
        let (mean, sample) = run.finish(dist, &FIGURE1_TAUS);
        Figure1Data {
            taus: FIGURE1_TAUS.to_vec(),
            mean,
            sample,
            probs: self.settings.probs(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The panel's numbers, bit for bit.
    fn panel(d: Figure1Data) -> Vec<u64> {
        let rows = d.mean.iter().chain(&d.sample).flatten();
        d.taus
            .iter()
            .chain(&d.probs)
            .chain(rows)
            .map(|v| v.to_bits())
            .collect()
    }

    #[test]
    fn the_panel_in_slices_is_the_panel_at_once() {
        let mut m = Model::new();
        m.update(|s| s.set_k(4)).unwrap();
        let at_once = m.figure1_data();
        m.figure1 = None;
        assert!(!m.figure1_pending());
        assert!(!m.figure1_ready(), "the panel was not begun in slices");
        assert!(m.figure1_pending() && m.refining());
        let mut steps = 0;
        while m.refine(1) {
            steps += 1;
        }
        assert!(steps > 1, "one step did the whole panel");
        assert!(m.figure1_ready() && !m.figure1_pending());
        assert_eq!(panel(m.figure1_data()), panel(at_once.clone()));
        // Asked for before its slices are done, it is finished at once.
        m.figure1 = None;
        assert!(!m.figure1_ready());
        m.refine(1);
        assert_eq!(panel(m.figure1_data()), panel(at_once.clone()));
        assert!(!m.figure1_pending());
    }
}
