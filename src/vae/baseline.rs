//! The independent-pixel model: the score any VAE on these digits must beat.
//!
//! Each pixel is an independent Bernoulli variable whose probability is its frequency among the
//! training images, clipped to [0.001, 0.999] so that a pixel never on in training costs a
//! finite amount when it is on in a test image. Its negative log-likelihood is 24.59 nats per
//! test image and 25.24 per training image (MATH.md's reference; add-one smoothing instead of the
//! clip gives 24.585 and 25.235).

use super::data::{Digits, PIXELS};
use crate::math::elementary::Portable;

/// Smallest (and one minus the largest) pixel probability the model uses.
pub const PROBABILITY_CLIP: f64 = 1e-3;

/// Per-pixel probabilities fitted on the training images.
#[derive(Clone, Debug, PartialEq)]
pub struct IndependentPixels {
    probs: Vec<f64>,
}

impl IndependentPixels {
    /// Fits the pixel frequencies of the training images of `data`.
    pub fn fit(data: &Digits) -> Self {
        let mut on = vec![0.0f64; PIXELS];
        for image in data.train_images() {
            for (count, &p) in on.iter_mut().zip(image) {
                *count += f64::from(p);
            }
        }
        let n = data.train_len().max(1) as f64;
        let probs = on
            .iter()
            .map(|c| (c / n).clamp(PROBABILITY_CLIP, 1.0 - PROBABILITY_CLIP))
            .collect();
        Self { probs }
    }

    /// The probability of each pixel being on.
    pub fn probs(&self) -> &[f64] {
        &self.probs
    }

    /// The logits ln(p / (1 − p)) of the pixel probabilities: a decoder's output bias that
    /// reproduces this model.
    pub fn logits(&self) -> Vec<f64> {
        self.probs
            .iter()
            .map(|&p| p.portable_ln() - (-p).portable_ln_1p())
            .collect()
    }

    /// Negative log-likelihood of one image in nats.
    pub fn neg_log_likelihood(&self, image: &[f32]) -> f64 {
        self.probs
            .iter()
            .zip(image)
            .map(|(&p, &x)| {
                if x > 0.5 {
                    -p.portable_ln()
                } else {
                    -(-p).portable_ln_1p()
                }
            })
            .sum()
    }

    /// Mean negative log-likelihood in nats per image over `images` (0 for none).
    pub fn mean_neg_log_likelihood<'a>(&self, images: impl Iterator<Item = &'a [f32]>) -> f64 {
        let (mut total, mut count) = (0.0, 0usize);
        for image in images {
            total += self.neg_log_likelihood(image);
            count += 1;
        }
        total / count.max(1) as f64
    }
}
