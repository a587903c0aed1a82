//! One pass over N Gumbel-Softmax draws that fills every sample-based view at once.
//!
//! The draws come from a seeded stream, one Gumbel perturbation log π + g per draw, so the
//! same seed gives the same noise at every τ: dragging τ morphs the same samples instead of
//! drawing new ones, and the Gumbel-Max classes (which do not depend on τ) stay put.

use crate::math::elementary::Portable;
use crate::math::gumbel::argmax;
use crate::math::relaxed::{relax_log, GumbelSoftmax};
use crate::math::stats::Welford;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

/// Bins of the per-component histograms over [0, 1].
pub const COMPONENT_BINS: usize = 40;
/// Samples kept for the strip of individual draws.
pub const STRIP_SAMPLES: usize = 24;
/// Samples kept for scatter overlays (simplex, projection).
pub const OVERLAY_SAMPLES: usize = 1_500;
/// Draws used per temperature in the Figure 1 panel.
pub const FIGURE1_SAMPLES: usize = 20_000;
/// The Figure 1 temperatures of the paper.
pub const FIGURE1_TAUS: [f64; 4] = [0.1, 0.5, 1.0, 10.0];

/// The project's random stream: a named portable generator, identical on native and wasm32.
pub fn stream(seed: u64) -> Pcg64Mcg {
    Pcg64Mcg::seed_from_u64(seed)
}

/// What the sample-based views need, accumulated over the first `n` draws.
#[derive(Clone, Debug, Default)]
pub struct SampleSummary {
    /// Draws accumulated so far (the views show these while the rest is refined).
    pub n: u64,
    /// Draws asked for.
    pub target: u64,
    /// Gumbel-Max class counts.
    pub counts: Vec<u64>,
    /// `component_hist[i][b]`: draws whose y_i falls in bin b of [0, 1].
    pub component_hist: Vec<Vec<u64>>,
    /// E\[y\] estimated from the draws so far (0 before the first draw).
    pub mean: Vec<f64>,
    /// Standard error of each mean (0 before the second draw).
    pub std_err: Vec<f64>,
    /// The first draws, whole.
    pub strip: Vec<Vec<f64>>,
    /// The first `OVERLAY_SAMPLES` draws, flattened with stride k.
    pub overlay: Vec<f64>,
    /// Running mean and variance of each component.
    moments: Vec<Welford>,
}

impl SampleSummary {
    fn reset(&mut self, k: usize, target: usize) {
        self.n = 0;
        self.target = target as u64;
        self.counts.clear();
        self.counts.resize(k, 0);
        self.component_hist.resize_with(k, Vec::new);
        for h in &mut self.component_hist {
            h.clear();
            h.resize(COMPONENT_BINS, 0);
        }
        self.strip.clear();
        self.overlay.clear();
        self.moments.clear();
        self.moments.resize(k, Welford::new());
        self.mean.clear();
        self.mean.resize(k, 0.0);
        self.std_err.clear();
        self.std_err.resize(k, 0.0);
    }

    /// Adds one draw: its Gumbel-Max class (none if the perturbations were all NaN) and its
    /// relaxed sample `y`.
    #[inline]
    fn push(&mut self, class: Option<usize>, y: &[f64]) {
        let s = self.n as usize;
        if let Some(count) = class.and_then(|c| self.counts.get_mut(c)) {
            *count += 1;
        }
        let columns = self.moments.iter_mut().zip(&mut self.component_hist);
        for (&v, (moments, hist)) in y.iter().zip(columns) {
            moments.push(v);
            // y ∈ [0, 1]; the cast saturates, and min keeps y = 1 in the last bin.
            let bin = ((v * COMPONENT_BINS as f64) as usize).min(COMPONENT_BINS - 1);
            if let Some(c) = hist.get_mut(bin) {
                *c += 1;
            }
        }
        if s < STRIP_SAMPLES {
            self.strip.push(y.to_vec());
        }
        if s < OVERLAY_SAMPLES {
            self.overlay.extend_from_slice(y);
        }
        self.n += 1;
    }

    fn finish(&mut self) {
        let columns = self.mean.iter_mut().zip(&mut self.std_err);
        for ((mean, std_err), w) in columns.zip(&self.moments) {
            *mean = if w.count() > 0 { w.mean() } else { 0.0 };
            *std_err = if w.count() > 1 { w.std_error() } else { 0.0 };
        }
    }

    /// Whether all draws asked for are in.
    pub fn complete(&self) -> bool {
        self.n >= self.target
    }
}

/// Most perturbation values kept between redraws (8 bytes each): up to this many, a τ change
/// recomputes only the softmax of the stored noise; beyond, the noise is drawn again.
pub const NOISE_CACHE_VALUES: usize = 1 << 21;
/// Values (draws × k) accumulated before the first picture of new settings: all of the
/// default N = 20,000 at k = 3, and about 5 ms of sampling in the browser otherwise (a τ
/// change at a large N redraws within a frame; the rest of N follows in slices).
pub const FIRST_PASS_VALUES: usize = 60_000;

#[derive(Clone, Debug)]
struct NoiseKey {
    logits: Vec<f64>,
    n: usize,
    seed: u64,
}

/// Draws the N samples of the current settings in chunks, so a huge N first shows a partial
/// picture and then refines, and keeps their Gumbel noise so that a τ change is cheap.
#[derive(Default)]
pub struct Sampler {
    key: Option<NoiseKey>,
    tau: f64,
    rng: Option<Pcg64Mcg>,
    /// Perturbations ln π + g of the draws made so far, when N × k fits the cache.
    noise: Vec<f64>,
    summary: SampleSummary,
    perturbed: Vec<f64>,
    log_y: Vec<f64>,
    y: Vec<f64>,
}

impl Sampler {
    /// Points the sampler at `dist`, `n` draws from the stream of `seed`. Returns whether
    /// anything changed (then the summary restarts from zero draws).
    pub fn target(&mut self, dist: &GumbelSoftmax, n: usize, seed: u64) -> bool {
        // Called before every view is drawn: compare in place, allocate only on a change.
        let same_noise = self
            .key
            .as_ref()
            .is_some_and(|k| k.n == n && k.seed == seed && k.logits == dist.logits());
        if same_noise && self.tau.to_bits() == dist.tau().to_bits() {
            return false;
        }
        let k = dist.k();
        let cacheable = n.saturating_mul(k) <= NOISE_CACHE_VALUES;
        if !same_noise || !cacheable {
            // New noise: restart the stream; keep the buffer's capacity for reuse.
            self.noise.clear();
            self.rng = Some(stream(seed));
        }
        if !same_noise {
            self.key = Some(NoiseKey {
                logits: dist.logits().to_vec(),
                n,
                seed,
            });
        }
        self.tau = dist.tau();
        self.summary.reset(k, n);
        self.perturbed.resize(k, 0.0);
        self.log_y.resize(k, 0.0);
        self.y.resize(k, 0.0);
        true
    }

    /// Accumulates up to `max_values` more values (draws × k). Returns whether draws remain.
    pub fn advance(&mut self, dist: &GumbelSoftmax, max_values: usize) -> bool {
        let k = dist.k();
        let target = self.summary.target as usize;
        let cacheable = target.saturating_mul(k) <= NOISE_CACHE_VALUES;
        let start = self.summary.n as usize;
        let end = target.min(start.saturating_add((max_values / k.max(1)).max(1)));
        let Some(rng) = self.rng.as_mut() else {
            return false;
        };
        for s in start..end {
            let cached = cacheable && (s + 1) * k <= self.noise.len();
            if cached {
                self.perturbed
                    .copy_from_slice(&self.noise[s * k..(s + 1) * k]);
            } else {
                dist.perturb_to_slice(rng, &mut self.perturbed);
                if cacheable {
                    self.noise.extend_from_slice(&self.perturbed);
                }
            }
            let class = argmax(&self.perturbed);
            relax_log(&self.perturbed, self.tau, &mut self.log_y);
            for (y, l) in self.y.iter_mut().zip(&self.log_y) {
                *y = l.portable_exp();
            }
            self.summary.push(class, &self.y);
        }
        self.summary.finish();
        !self.summary.complete()
    }

    pub fn summary(&self) -> &SampleSummary {
        &self.summary
    }
}

/// Draws `n` samples of `dist` from the stream of `seed` and summarises them in one go.
pub fn summarise(dist: &GumbelSoftmax, n: usize, seed: u64) -> SampleSummary {
    let mut sampler = Sampler::default();
    sampler.target(dist, n, seed);
    sampler.advance(dist, usize::MAX);
    sampler.summary
}

/// The Figure 1 panel: E\[y\] at each of `taus` and the first draw at each, all from the
/// same Gumbel noise (draws from the stream of `seed`), in one go.
pub fn figure1(
    dist: &GumbelSoftmax,
    taus: &[f64],
    n: usize,
    seed: u64,
) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    super::figure1_slices::Figure1Run::new(dist.k(), taus.len(), n, seed).finish(dist, taus)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The draws of `summarise(dist, n, seed)`, made again one by one.
    fn draws(dist: &GumbelSoftmax, n: usize, seed: u64) -> Vec<Vec<f64>> {
        let k = dist.k();
        let mut rng = stream(seed);
        let (mut perturbed, mut log_y) = (vec![0.0; k], vec![0.0; k]);
        (0..n)
            .map(|_| {
                dist.perturb_to_slice(&mut rng, &mut perturbed);
                relax_log(&perturbed, dist.tau(), &mut log_y);
                log_y.iter().map(|l| l.portable_exp()).collect()
            })
            .collect()
    }

    #[test]
    fn summary_moments_agree_with_a_two_pass_computation() {
        let dist = GumbelSoftmax::from_probs(&[0.2, 0.3, 0.5], 0.5).unwrap();
        let n = 5_000;
        let s = summarise(&dist, n, 7);
        let ys = draws(&dist, n, 7);
        assert_eq!(s.n, n as u64);
        assert_eq!(s.counts.iter().sum::<u64>(), n as u64);
        for i in 0..3 {
            let mean = ys.iter().map(|y| y[i]).sum::<f64>() / n as f64;
            let var = ys.iter().map(|y| (y[i] - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
            let se = (var / n as f64).sqrt();
            assert!((s.mean[i] - mean).abs() < 1e-12, "{} vs {mean}", s.mean[i]);
            assert!(
                (s.std_err[i] - se).abs() < 1e-12 * se.max(1.0),
                "{}",
                s.std_err[i]
            );
        }
        assert_eq!(s.strip.first(), ys.first());
    }

    #[test]
    fn an_empty_or_single_draw_summary_is_zero_not_nan() {
        let dist = GumbelSoftmax::from_probs(&[0.5, 0.5], 1.0).unwrap();
        let mut sampler = Sampler::default();
        sampler.target(&dist, 1, 3);
        assert_eq!(sampler.summary().mean, vec![0.0, 0.0]);
        sampler.advance(&dist, usize::MAX);
        let s = sampler.summary();
        assert_eq!(s.n, 1);
        assert_eq!(s.std_err, vec![0.0, 0.0]);
        assert!((s.mean.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
}
