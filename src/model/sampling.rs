//! One pass over N Gumbel-Softmax draws that fills every sample-based view at once.
//!
//! The draws come from a seeded stream, one Gumbel perturbation log π + g per draw, so the
//! same seed gives the same noise at every τ: dragging τ morphs the same samples instead of
//! drawing new ones, and the Gumbel-Max classes (which do not depend on τ) stay put.

use crate::math::relaxed::{relax_log, GumbelSoftmax};
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

/// Index of the largest value (the first one on ties); 0 for an empty slice.
pub fn argmax(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if v > values[best] {
            best = i;
        }
    }
    best
}

/// What the sample-based views need, gathered in one pass.
#[derive(Clone, Debug, Default)]
pub struct SampleSummary {
    pub n: u64,
    /// Gumbel-Max class counts.
    pub counts: Vec<u64>,
    /// `component_hist[i][b]`: draws whose y_i falls in bin b of [0, 1].
    pub component_hist: Vec<Vec<u64>>,
    pub mean: Vec<f64>,
    pub std_err: Vec<f64>,
    /// The first draws, whole.
    pub strip: Vec<Vec<f64>>,
    /// The first `OVERLAY_SAMPLES` draws, flattened with stride k.
    pub overlay: Vec<f64>,
}

/// Draws `n` samples of `dist` from the stream of `seed` and summarises them.
pub fn summarise(dist: &GumbelSoftmax, n: usize, seed: u64) -> SampleSummary {
    let k = dist.k();
    let tau = dist.tau();
    let mut rng = stream(seed);
    let mut perturbed = vec![0.0; k];
    let mut log_y = vec![0.0; k];
    let mut y = vec![0.0; k];
    let mut counts = vec![0u64; k];
    let mut hist = vec![vec![0u64; COMPONENT_BINS]; k];
    let mut sum = vec![0.0; k];
    let mut sum_sq = vec![0.0; k];
    let mut strip = Vec::with_capacity(STRIP_SAMPLES.min(n));
    let mut overlay = Vec::with_capacity(OVERLAY_SAMPLES.min(n) * k);
    for s in 0..n {
        dist.perturb_to_slice(&mut rng, &mut perturbed);
        counts[argmax(&perturbed)] += 1;
        relax_log(&perturbed, tau, &mut log_y);
        for i in 0..k {
            let v = log_y[i].exp();
            y[i] = v;
            sum[i] += v;
            sum_sq[i] += v * v;
            // y ∈ [0, 1]; the cast saturates, and min keeps y = 1 in the last bin.
            let bin = ((v * COMPONENT_BINS as f64) as usize).min(COMPONENT_BINS - 1);
            hist[i][bin] += 1;
        }
        if s < STRIP_SAMPLES {
            strip.push(y.clone());
        }
        if s < OVERLAY_SAMPLES {
            overlay.extend_from_slice(&y);
        }
    }
    let nf = n.max(1) as f64;
    let mean: Vec<f64> = sum.iter().map(|s| s / nf).collect();
    let std_err = sum_sq
        .iter()
        .zip(&mean)
        .map(|(sq, m)| ((sq / nf - m * m).max(0.0) / nf).sqrt())
        .collect();
    SampleSummary {
        n: n as u64,
        counts,
        component_hist: hist,
        mean,
        std_err,
        strip,
        overlay,
    }
}

/// The Figure 1 panel: E[y] at each of `taus` and the first draw at each, all from the
/// same Gumbel noise (draws from the stream of `seed`).
pub fn figure1(
    dist: &GumbelSoftmax,
    taus: &[f64],
    n: usize,
    seed: u64,
) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let k = dist.k();
    let mut rng = stream(seed);
    let mut perturbed = vec![0.0; k];
    let mut log_y = vec![0.0; k];
    let mut sums = vec![vec![0.0; k]; taus.len()];
    let mut first = vec![vec![0.0; k]; taus.len()];
    for s in 0..n {
        dist.perturb_to_slice(&mut rng, &mut perturbed);
        for (j, &tau) in taus.iter().enumerate() {
            relax_log(&perturbed, tau, &mut log_y);
            for i in 0..k {
                let v = log_y[i].exp();
                sums[j][i] += v;
                if s == 0 {
                    first[j][i] = v;
                }
            }
        }
    }
    let nf = n.max(1) as f64;
    let means = sums
        .into_iter()
        .map(|row| row.into_iter().map(|s| s / nf).collect())
        .collect();
    (means, first)
}
