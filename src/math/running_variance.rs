//! The variance of a stream of gradient estimates along a training path: exponentially
//! weighted, so it follows the estimator as the parameters move.
//!
//! Per component, with weight α on the newest estimate (West's incremental form):
//! d = x − m, m ← m + α d, s ← (1 − α)(s + α d²). The reported value is the trace Σ s, the
//! total variance the estimator showed over roughly its last 1/α steps.

/// Exponentially weighted mean and variance of a vector stream.
#[derive(Clone, Debug, PartialEq)]
pub struct RunningVariance {
    weight: f64,
    count: u64,
    mean: Vec<f64>,
    variance: Vec<f64>,
}

impl RunningVariance {
    /// An empty estimate for vectors of length `n`; `weight` α (clamped to (0, 1]) is the
    /// weight of the newest value.
    pub fn new(n: usize, weight: f64) -> Self {
        let weight = if weight.is_finite() {
            weight.clamp(f64::MIN_POSITIVE, 1.0)
        } else {
            1.0
        };
        Self {
            weight,
            count: 0,
            mean: vec![0.0; n],
            variance: vec![0.0; n],
        }
    }

    /// Adds one vector (the first one only sets the mean). Non-finite values are skipped whole,
    /// so one overflowing estimate cannot turn the whole record into NaN.
    pub fn push(&mut self, x: &[f64]) {
        if x.len() != self.mean.len() || x.iter().any(|v| !v.is_finite()) {
            return;
        }
        self.count += 1;
        if self.count == 1 {
            self.mean.copy_from_slice(x);
            return;
        }
        let a = self.weight;
        for ((m, s), &xi) in self.mean.iter_mut().zip(self.variance.iter_mut()).zip(x) {
            let d = xi - *m;
            *m += a * d;
            *s = (1.0 - a) * (*s + a * d * d);
        }
    }

    /// Values pushed so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The trace of the weighted covariance, Σᵢ sᵢ (NaN before two values).
    pub fn total(&self) -> f64 {
        if self.count < 2 {
            f64::NAN
        } else {
            self.variance.iter().sum()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};

    #[test]
    fn a_constant_stream_has_no_variance() {
        let mut r = RunningVariance::new(2, 0.01);
        assert!(r.total().is_nan());
        for _ in 0..100 {
            r.push(&[1.5, -2.0]);
        }
        assert_eq!(r.total(), 0.0);
        assert_eq!(r.count(), 100);
    }

    #[test]
    fn it_tracks_the_variance_of_a_stationary_stream() {
        // Uniform(−1, 1) in each of two components: variance 1/3 each, trace 2/3. With
        // α = 0.01 the estimate averages about 200 values, so its relative spread is near 10%;
        // averaging the estimate over 20,000 steps brings it within 2%.
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(5);
        let mut r = RunningVariance::new(2, 0.01);
        let mut sum = 0.0;
        let n = 20_000;
        for i in 0..(n + 1000) {
            let x = [rng.random_range(-1.0..1.0), rng.random_range(-1.0..1.0)];
            r.push(&x);
            if i >= 1000 {
                sum += r.total();
            }
        }
        let mean = sum / n as f64;
        assert!((mean - 2.0 / 3.0).abs() < 0.02, "{mean}");
    }

    #[test]
    fn non_finite_and_misshaped_values_are_skipped() {
        let mut r = RunningVariance::new(2, 0.5);
        r.push(&[0.0, 0.0]);
        r.push(&[f64::NAN, 1.0]);
        r.push(&[1.0]);
        assert_eq!(r.count(), 1);
        r.push(&[2.0, 0.0]);
        assert!(r.total().is_finite());
    }
}
