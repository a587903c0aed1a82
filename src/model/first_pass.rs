//! The first pass of the samples in steps. [`Model::prepare`] draws the first pass of new
//! settings (all of the default N) at once, inside the redraw that needs it, which keeps an
//! input's picture whole. At the page's start the same values would be one task of about 20 ms
//! on a laptop (the module's code has not been optimised yet), four times that on a phone; the
//! page draws them in steps instead, between which the browser has the thread.

use super::sampling::FIRST_PASS_VALUES;
use super::Model;

impl Model {
    /// Draws up to `max_values` (draws × k) more of the first pass of the current settings'
    /// samples, the values [`prepare`](Self::prepare) would draw at once. Returns whether any
    /// of the first pass remain. Once it returns false, the summary is the one `prepare` gives.
    pub fn prepare_step(&mut self, max_values: usize) -> bool {
        let s = &self.settings;
        let dist = s.dist();
        let k = dist.k().max(1);
        self.sampler.target(dist, s.samples(), s.seed());
        let first_draws = (FIRST_PASS_VALUES / k).max(1).min(s.samples());
        let done = self.sampler.summary().n as usize;
        if done >= first_draws {
            return false;
        }
        let values = max_values.max(k).min((first_draws - done) * k);
        self.sampler.advance(dist, values);
        (self.sampler.summary().n as usize) < first_draws
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary_bits(m: &mut Model) -> (u64, Vec<u64>, Vec<u64>, Vec<u64>) {
        let s = m.summary().clone();
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect();
        (s.n, s.counts, bits(&s.mean), bits(&s.std_err))
    }

    #[test]
    fn the_first_pass_in_steps_is_the_first_pass_at_once() {
        for (probs, n) in [
            (vec![0.2, 0.3, 0.5], 20_000.0),
            (vec![0.1, 0.2, 0.3, 0.4], 1e6),
            (vec![0.5, 0.5], 100.0),
        ] {
            let mut at_once = Model::new();
            let mut stepped = Model::new();
            for m in [&mut at_once, &mut stepped] {
                m.update(|s| s.set_probs(&probs)).unwrap();
                m.update(|s| s.set_samples(n)).unwrap();
            }
            let mut steps = 0;
            while stepped.prepare_step(7_000) {
                steps += 1;
                assert!(steps < 1_000, "the steps end");
            }
            let k = probs.len();
            let first = (FIRST_PASS_VALUES / k).min(n as usize);
            assert_eq!(steps, first.div_ceil(7_000 / k) - 1, "k = {k}, N = {n}");
            assert!(!stepped.prepare_step(7_000), "nothing is left once done");
            assert_eq!(summary_bits(&mut stepped), summary_bits(&mut at_once));
        }
    }

    #[test]
    fn steps_follow_a_change_of_settings() {
        let mut m = Model::new();
        while m.prepare_step(10_000) {}
        m.update(|s| s.set_seed(2.0)).unwrap();
        assert!(
            m.prepare_step(10_000),
            "new settings begin a new first pass"
        );
        assert!(
            m.summary().n < 20_000,
            "a redraw now does not redo the first pass"
        );
        let mut at_once = Model::new();
        at_once.update(|s| s.set_seed(2.0)).unwrap();
        while m.prepare_step(10_000) {}
        assert_eq!(summary_bits(&mut m), summary_bits(&mut at_once));
    }
}
