//! The Monte Carlo summary of one point of the estimator sweep: from M one-sample estimates
//! ĝ₁ … ĝ_M of a k-vector gradient, their mean, bias, variance and MSE with standard errors,
//! and the bias corrected for the noise of the mean.
//!
//! The plug-in ‖ḡ − ∇F‖ is not the bias: E‖ḡ − ∇F‖² = ‖b‖² + tr Cov/M, so it never falls
//! below a floor of about √(tr Cov/M) however small the bias (MATH.md §5).
//! `corrected_bias_sq` = ‖ḡ − ∇F‖² − tr Ĉov/M is an unbiased estimate of ‖b‖².

/// Monte Carlo summary of one estimator at one temperature, from M one-sample estimates ĝₛ.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepPoint {
    /// The temperature (for τ-independent estimators, the τ this copy is reported at).
    pub tau: f64,
    /// Sample mean ḡ of the estimates.
    pub mean: Vec<f64>,
    /// ‖ḡ − ∇F‖.
    pub bias: f64,
    /// Standard error of `bias` by the delta method: the standard error of the mean of the
    /// estimates projected on the unit vector (ḡ − ∇F)/‖ḡ − ∇F‖.
    pub bias_se: f64,
    /// Trace of the sample covariance, Σₛ ‖ĝₛ − ḡ‖² / (M − 1).
    pub variance: f64,
    /// Standard error of `variance`: the standard error of the mean of ‖ĝₛ − ḡ‖² (scaled by
    /// M/(M − 1)), ignoring the O(1/M) uncertainty of ḡ itself.
    pub variance_se: f64,
    /// Mean squared error Σₛ ‖ĝₛ − ∇F‖² / M, an unbiased estimate of E‖ĝ − ∇F‖²; it equals
    /// bias² + (M − 1)/M · variance.
    pub mse: f64,
    /// Standard error of the mean of ‖ĝₛ − ∇F‖².
    pub mse_se: f64,
    /// ‖ḡ − ∇F‖² − tr Ĉov/M: an unbiased estimate of the squared bias ‖E[ĝ] − ∇F‖² (it can
    /// be negative when the bias is below what M samples resolve).
    pub corrected_bias_sq: f64,
    /// Standard error of `corrected_bias_sq`: √(4 dᵀĈov d/M + 2 tr(Ĉov²)/M²) with
    /// d = ḡ − ∇F, the standard deviation of ‖ḡ − ∇F‖² for a normal ḡ. For k above
    /// [`EXACT_FROBENIUS_K`], tr(Ĉov²) is bounded by (tr Ĉov)², which overstates it.
    pub corrected_bias_sq_se: f64,
    /// √(tr Ĉov/M): the plug-in bias of an unbiased estimator; a bias well below it cannot be
    /// resolved with M samples.
    pub floor: f64,
}

impl SweepPoint {
    /// The noise-corrected bias √max(0, `corrected_bias_sq`).
    pub fn corrected_bias(&self) -> f64 {
        self.corrected_bias_sq.max(0.0).sqrt()
    }

    /// The interval √max(0, b̂² ∓ z·SE) of the corrected bias for `z` standard errors of b̂²
    /// (the interval of the squared bias mapped through the square root, which keeps it
    /// honest near zero where the delta method fails).
    pub fn corrected_bias_interval(&self, z: f64) -> (f64, f64) {
        let half = z * self.corrected_bias_sq_se;
        (
            (self.corrected_bias_sq - half).max(0.0).sqrt(),
            (self.corrected_bias_sq + half).max(0.0).sqrt(),
        )
    }

    /// One standard error of the corrected bias itself: by the delta method, SE(b̂²)/(2b̂),
    /// where b̂ is at least √SE(b̂²); at b̂ = 0 that is √SE(b̂²)/2, half the bias one
    /// standard error of b̂² allows.
    pub fn corrected_bias_se(&self) -> f64 {
        let se = self.corrected_bias_sq_se;
        let b = self.corrected_bias().max(se.sqrt());
        if b > 0.0 {
            se / (2.0 * b)
        } else {
            0.0
        }
    }
}

/// Largest k for which tr(Ĉov²) is computed from the k × k covariance (O(M k²) work).
pub const EXACT_FROBENIUS_K: usize = 16;

/// Largest k with a specialised (unrolled) summary loop.
const SMALL_K: usize = 4;

/// Turns a buffer of M estimates (M × k, row-major) into a [`SweepPoint`], reusing its scratch.
pub(crate) struct Summariser<'a> {
    k: usize,
    exact: &'a [f64],
    mean: Vec<f64>,
    /// Upper triangle of Σₛ (ĝₛ − ḡ)(ĝₛ − ḡ)ᵀ, row-major k × k.
    covariance: Vec<f64>,
}

/// Mean and variance of a scalar from sums shifted by its first value (the shift keeps the
/// one-pass formula free of cancellation when the values are nearly constant).
struct ShiftedSums {
    shift: f64,
    sum: f64,
    sum_sq: f64,
}

impl ShiftedSums {
    fn new(shift: f64) -> Self {
        Self {
            shift,
            sum: 0.0,
            sum_sq: 0.0,
        }
    }

    fn push(&mut self, x: f64) {
        let d = x - self.shift;
        self.sum += d;
        self.sum_sq += d * d;
    }

    /// (mean, standard error of the mean) over n values.
    fn mean_and_se(&self, n: f64) -> (f64, f64) {
        let mean_d = self.sum / n;
        let var = ((self.sum_sq - self.sum * mean_d) / (n - 1.0)).max(0.0);
        (self.shift + mean_d, (var / n).sqrt())
    }
}

impl<'a> Summariser<'a> {
    pub(crate) fn new(k: usize, exact: &'a [f64]) -> Self {
        Self {
            k,
            exact,
            mean: vec![0.0; k],
            covariance: Vec::new(),
        }
    }

    pub(crate) fn summarise(&mut self, buf: &[f64], tau: f64) -> SweepPoint {
        match self.k {
            2 => self.summarise_k(2, buf, tau),
            3 => self.summarise_k(3, buf, tau),
            4 => self.summarise_k(4, buf, tau),
            k => self.summarise_k(k, buf, tau),
        }
    }

    /// Inlined per literal k, so that a literal k (2, 3, 4) gives unrolled inner loops.
    #[inline(always)]
    fn summarise_k(&mut self, k: usize, buf: &[f64], tau: f64) -> SweepPoint {
        let n = (buf.len() / k) as f64;
        // Mean as first row + mean of the differences to it, so that constant estimates have
        // a mean equal to every sample and hence exactly zero variance.
        let first = buf.get(..k).unwrap_or(&[]);
        if k <= SMALL_K {
            // A local array the compiler keeps in registers once k is a literal.
            let mut acc = [0.0f64; SMALL_K];
            for row in buf.chunks_exact(k) {
                for (a, (&g, &f)) in acc.iter_mut().zip(row.iter().zip(first)) {
                    *a += g - f;
                }
            }
            for ((m, &f), &a) in self.mean.iter_mut().zip(first).zip(&acc) {
                *m = f + a / n;
            }
        } else {
            // Column by column, so the running sum stays in a register.
            for (j, (m, &f)) in self.mean.iter_mut().zip(first).enumerate() {
                let sum: f64 = buf.iter().skip(j).step_by(k).map(|&g| g - f).sum();
                *m = f + sum / n;
            }
        }
        let mean = &self.mean;
        let exact = self.exact;
        let bias = mean
            .iter()
            .zip(exact)
            .map(|(m, e)| (m - e) * (m - e))
            .sum::<f64>()
            .sqrt();
        let inv_bias = if bias > 0.0 { 1.0 / bias } else { 0.0 };

        // Per-sample scalars: q = ‖ĝ − ḡ‖², e = ‖ĝ − ∇F‖², p = u·ĝ with u the bias direction.
        let scalars = |row: &[f64]| {
            let mut q = 0.0;
            let mut e = 0.0;
            let mut p = 0.0;
            for ((&g, &m), &x) in row.iter().zip(mean).zip(exact) {
                q += (g - m) * (g - m);
                e += (g - x) * (g - x);
                p += (m - x) * g;
            }
            (q, e, p * inv_bias)
        };
        let (q0, e0, p0) = buf.chunks_exact(k).next().map_or((0.0, 0.0, 0.0), scalars);
        let mut q_sums = ShiftedSums::new(q0);
        let mut e_sums = ShiftedSums::new(e0);
        let mut p_sums = ShiftedSums::new(p0);
        for row in buf.chunks_exact(k) {
            let (q, e, p) = scalars(row);
            q_sums.push(q);
            e_sums.push(e);
            p_sums.push(p);
        }
        let correction = n / (n - 1.0);
        let (q_mean, q_se) = q_sums.mean_and_se(n);
        let (mse, mse_se) = e_sums.mean_and_se(n);
        let (_, p_se) = p_sums.mean_and_se(n);
        let variance = q_mean * correction;
        let bias_se = if bias > 0.0 {
            p_se
        } else {
            (variance / n).sqrt()
        };
        let frobenius_sq = self
            .covariance_frobenius_sq(buf, n)
            .unwrap_or(variance * variance);
        // p_se² = uᵀĈov u/M with u = d/‖d‖, so 4‖d‖² p_se² = 4 dᵀĈov d/M.
        let bias_sq_var = 4.0 * bias * bias * p_se * p_se + 2.0 * frobenius_sq / (n * n);
        SweepPoint {
            tau,
            mean: self.mean.clone(),
            bias,
            bias_se,
            variance,
            variance_se: q_se * correction,
            mse,
            mse_se,
            corrected_bias_sq: bias * bias - variance / n,
            corrected_bias_sq_se: bias_sq_var.max(0.0).sqrt(),
            floor: (variance / n).max(0.0).sqrt(),
        }
    }

    /// tr(Ĉov²) = Σᵢⱼ Ĉovᵢⱼ² from the k × k sample covariance, for k up to
    /// [`EXACT_FROBENIUS_K`] (`None` above it).
    fn covariance_frobenius_sq(&mut self, buf: &[f64], n: f64) -> Option<f64> {
        let k = self.k;
        if k > EXACT_FROBENIUS_K {
            return None;
        }
        self.covariance.clear();
        self.covariance.resize(k * k, 0.0);
        let mut d = [0.0f64; EXACT_FROBENIUS_K];
        for row in buf.chunks_exact(k) {
            for ((di, g), m) in d.iter_mut().zip(row).zip(&self.mean) {
                *di = g - m;
            }
            for (i, cov_row) in self.covariance.chunks_exact_mut(k).enumerate() {
                let di = d.get(i).copied().unwrap_or(0.0);
                for (c, dj) in cov_row.iter_mut().zip(&d).skip(i) {
                    *c += di * dj;
                }
            }
        }
        let scale = 1.0 / ((n - 1.0) * (n - 1.0));
        let mut total = 0.0;
        for (i, cov_row) in self.covariance.chunks_exact(k).enumerate() {
            for (j, c) in cov_row.iter().enumerate().skip(i) {
                let weight = if i == j { 1.0 } else { 2.0 };
                total += weight * c * c * scale;
            }
        }
        Some(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_of_three_estimates_by_hand() {
        // ĝ = (1, 0), (3, 0), (2, 3) around ∇F = 0: ḡ = (2, 1), column variances 1 and 3.
        let exact = [0.0, 0.0];
        let mut summary = Summariser::new(2, &exact);
        let point = summary.summarise(&[1.0, 0.0, 3.0, 0.0, 2.0, 3.0], 0.5);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        assert_eq!(point.tau, 0.5);
        assert!(close(point.mean[0], 2.0) && close(point.mean[1], 1.0));
        assert!(close(point.bias, 5f64.sqrt()));
        assert!(close(point.variance, 4.0));
        assert!(close(point.mse, 23.0 / 3.0));
        assert!(close(
            point.mse,
            point.bias.powi(2) + 2.0 / 3.0 * point.variance
        ));
        // Projections on (2, 1)/√5 are (2, 6, 7)/√5: sample variance 7/5.
        assert!(close(point.bias_se, (1.4f64 / 3.0).sqrt()));
        // Ĉov = diag(1, 3): corrected bias² = 5 − 4/3, its variance 4·dᵀĈov d/3 + 2·tr(Ĉov²)/9
        // with d = (2, 1): 28/3 + 20/9.
        assert!(close(point.corrected_bias_sq, 5.0 - 4.0 / 3.0));
        assert!(close(
            point.corrected_bias_sq_se,
            (28.0f64 / 3.0 + 20.0 / 9.0).sqrt()
        ));
        assert!(close(point.floor, (4.0f64 / 3.0).sqrt()));
        assert!(close(point.corrected_bias(), (5.0f64 - 4.0 / 3.0).sqrt()));
        let (lo, hi) = point.corrected_bias_interval(0.5);
        assert!(lo < point.corrected_bias() && point.corrected_bias() < hi);
    }

    #[test]
    fn constant_estimates_have_zero_spread() {
        let exact = [0.1, -0.1, 0.0, 0.0, 0.0];
        let row = [0.3, -0.2, 0.1, 0.0, 1e-3];
        let buf: Vec<f64> = row.iter().cycle().take(5 * 40).copied().collect();
        let point = Summariser::new(5, &exact).summarise(&buf, f64::NAN);
        assert_eq!(point.mean, row.to_vec());
        assert_eq!(point.variance, 0.0);
        assert_eq!(point.variance_se, 0.0);
        assert_eq!(point.mse_se, 0.0);
    }
}
