//! The numbers behind the sample views (Gumbel-Max counts, component histograms, E[y], the
//! strip of draws, the straight-through pass and the Figure 1 panel), read from the one
//! sample summary the sampler keeps for the current settings.

use super::cache::Figure1Key;
use super::sampling::SampleSummary;
use super::Model;
use crate::math::gumbel::argmax;
use crate::math::stats::{chi_square_test, ChiSquare};
use crate::render::{
    ComponentHistogramsData, ExpectationData, Figure1Data, GumbelMaxData, SampleStripData,
    StraightThroughData,
};

impl Model {
    /// Chi-square test of the Gumbel-Max counts against π.
    pub fn chi_square(&mut self) -> Option<ChiSquare> {
        let probs = self.settings.probs();
        let counts = self.summary().counts.clone();
        chi_square_test(&counts, &probs).ok()
    }

    pub fn gumbel_max_data(&mut self) -> GumbelMaxData {
        let probs = self.settings.probs();
        let p_value = self.chi_square().map(|c| c.p_value);
        let s = self.summary();
        // Each frequency's binomial standard error, √(f(1 − f)/n).
        let n = s.n as f64;
        let std_err = s
            .counts
            .iter()
            .map(|&c| {
                let f = c as f64 / n;
                (f * (1.0 - f)).max(0.0).sqrt() / n.sqrt()
            })
            .collect();
        GumbelMaxData {
            probs,
            counts: s.counts.clone(),
            n: s.n,
            std_err,
            p_value,
        }
    }

    /// π, τ and the sample summary of the current settings: what the views of the relaxed
    /// draws are drawn from.
    fn relaxed_draws(&mut self) -> (Vec<f64>, f64, &SampleSummary) {
        let probs = self.settings.probs();
        let tau = self.settings.tau();
        (probs, tau, self.summary())
    }

    pub fn components_data(&mut self) -> ComponentHistogramsData {
        let (probs, tau, s) = self.relaxed_draws();
        ComponentHistogramsData {
            counts: s.component_hist.clone(),
            n: s.n,
            mean: s.mean.clone(),
            probs,
            tau,
        }
    }

    pub fn expectation_data(&mut self) -> ExpectationData {
        let (probs, tau, s) = self.relaxed_draws();
        ExpectationData {
            probs,
            mean: s.mean.clone(),
            std_err: s.std_err.clone(),
            tau,
        }
    }

    pub fn strip_data(&mut self) -> SampleStripData {
        let tau = self.settings.tau();
        SampleStripData {
            samples: self.summary().strip.clone(),
            tau,
        }
    }

    /// The first draw, its forward value onehot(argmax y) and the class that picks.
    pub fn straight_through_data(&mut self) -> StraightThroughData {
        let tau = self.settings.tau();
        let soft = self.summary().strip.first().cloned().unwrap_or_default();
        let chosen = argmax(&soft).unwrap_or(0);
        let hard = (0..soft.len())
            .map(|i| if i == chosen { 1.0 } else { 0.0 })
            .collect();
        StraightThroughData {
            soft,
            hard,
            chosen,
            tau,
        }
    }

    /// The Figure 1 panel, recomputed only when π, N or the seed change.
    pub fn figure1_data(&mut self) -> Figure1Data {
        let key = Figure1Key::of(&self.settings);
        if let Some((k, data)) = &self.figure1 {
            if *k == key {
                return data.clone();
            }
        }
        // A panel begun in slices (figure1_slices.rs) is finished, not begun again.
        let data = self.figure1_of(&key);
        self.figure1 = Some((key, data.clone()));
        data
    }
}
