//! Statistics the explorer uses to check its own samplers: goodness-of-fit tests (chi-square,
//! Kolmogorov–Smirnov), the special functions they need, and a running mean and variance.

use super::elementary::Portable;
use super::error::{check_length, check_positive, Error};

/// Result of a chi-square goodness-of-fit test.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChiSquare {
    /// Pearson's statistic Σ (Oᵢ − Eᵢ)² / Eᵢ.
    pub statistic: f64,
    /// Degrees of freedom, k − 1.
    pub dof: usize,
    /// P(χ²_dof ≥ statistic): small values are evidence against the hypothesised probabilities.
    pub p_value: f64,
}

/// Pearson's chi-square test of observed counts against category probabilities.
///
/// `probs` must be finite and strictly positive; they are normalised to sum to 1. The p-value
/// is the regularized upper incomplete gamma function Q(dof/2, statistic/2). The usual rule of
/// thumb applies: every expected count n·πᵢ should be at least 5.
///
/// # Errors
/// [`Error::Empty`] / [`Error::SingleCategory`] for fewer than two categories,
/// [`Error::LengthMismatch`] (parameter "probabilities"), a non-finite, zero or negative
/// probability, or [`Error::InvalidArgument`] when there are no observations.
pub fn chi_square_test(observed: &[u64], probs: &[f64]) -> Result<ChiSquare, Error> {
    match observed.len() {
        0 => {
            return Err(Error::Empty {
                parameter: "observed",
            })
        }
        1 => return Err(Error::SingleCategory),
        _ => {}
    }
    check_length("probabilities", observed.len(), probs.len())?;
    check_positive("probability", probs)?;
    let n: f64 = observed.iter().map(|&o| o as f64).sum();
    if n == 0.0 {
        return Err(Error::InvalidArgument(
            "chi-square test: no observations (all counts are 0)".into(),
        ));
    }
    // Probabilities in units of the largest, so that their sum cannot overflow.
    let max = probs.iter().copied().fold(0.0, f64::max);
    let total_prob: f64 = probs.iter().map(|p| p / max).sum();
    let statistic = observed
        .iter()
        .zip(probs)
        .map(|(&o, &p)| {
            let expected = n * (p / max / total_prob);
            let diff = o as f64 - expected;
            if expected > 0.0 {
                diff * diff / expected
            } else if o == 0 {
                // πᵢ underflowed to 0 against the others and nothing was observed.
                0.0
            } else {
                f64::INFINITY
            }
        })
        .sum::<f64>();
    let dof = observed.len() - 1;
    let p_value = regularized_gamma_q(dof as f64 / 2.0, statistic / 2.0);
    Ok(ChiSquare {
        statistic,
        dof,
        p_value,
    })
}

/// Coefficients of the Lanczos approximation with g = 7, n = 9 (relative error ~1e-15).
const LANCZOS_G: f64 = 7.0;
const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_9,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_1,
    -176.615_029_162_140_6,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_572e-6,
    1.505_632_735_149_311_6e-7,
];

/// ln |Γ(x)| by the Lanczos approximation (reflection formula for x < 1/2).
///
/// Returns +∞ at the poles (0, −1, −2, …) and NaN for NaN.
pub fn ln_gamma(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return f64::INFINITY;
    }
    if x < 0.5 {
        if x == x.floor() {
            return f64::INFINITY;
        }
        // Γ(x) Γ(1 − x) = π / sin(πx)
        let s = (std::f64::consts::PI * x).sin().abs();
        return std::f64::consts::PI.portable_ln() - s.portable_ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = LANCZOS[0];
    for (i, &c) in LANCZOS.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    let t = x + LANCZOS_G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).portable_ln() + (x + 0.5) * t.portable_ln() - t
        + a.portable_ln()
}

const GAMMA_EPS: f64 = 1e-15;
const GAMMA_MAX_ITER: usize = 10_000;

/// ln(x^a e^{−x} / Γ(a)), the prefactor shared by the series and the continued fraction.
fn gamma_prefactor_ln(a: f64, x: f64) -> f64 {
    a * x.portable_ln() - x - ln_gamma(a)
}

/// P(a, x) by its power series; converges quickly for x < a + 1.
fn gamma_p_series(a: f64, x: f64) -> f64 {
    let mut term = 1.0 / a;
    let mut sum = term;
    let mut n = a;
    for _ in 0..GAMMA_MAX_ITER {
        n += 1.0;
        term *= x / n;
        sum += term;
        if term.abs() < sum.abs() * GAMMA_EPS {
            break;
        }
    }
    (sum.portable_ln() + gamma_prefactor_ln(a, x)).portable_exp()
}

/// Q(a, x) by its continued fraction (modified Lentz); converges quickly for x ≥ a + 1.
fn gamma_q_continued_fraction(a: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..GAMMA_MAX_ITER {
        let an = -(i as f64) * (i as f64 - a);
        b += 2.0;
        d = an * d + b;
        if d.abs() < TINY {
            d = TINY;
        }
        c = b + an / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < GAMMA_EPS {
            break;
        }
    }
    (h.portable_ln() + gamma_prefactor_ln(a, x)).portable_exp()
}

/// Regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
///
/// NaN for a ≤ 0, x < 0 or NaN arguments.
pub fn regularized_gamma_p(a: f64, x: f64) -> f64 {
    regularized_gamma(a, x).0
}

/// Regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x),
/// computed directly (not as 1 − P) in the upper tail so that tiny p-values keep their digits.
///
/// NaN for a ≤ 0, x < 0 or NaN arguments.
pub fn regularized_gamma_q(a: f64, x: f64) -> f64 {
    regularized_gamma(a, x).1
}

/// (P(a, x), Q(a, x)): the series below x = a + 1 gives P, the continued fraction above it
/// gives Q, and the other is its complement; both clamped to [0, 1].
fn regularized_gamma(a: f64, x: f64) -> (f64, f64) {
    if a.is_nan() || x.is_nan() || a <= 0.0 || x < 0.0 {
        return (f64::NAN, f64::NAN);
    }
    if x == 0.0 {
        return (0.0, 1.0);
    }
    if x == f64::INFINITY {
        return (1.0, 0.0);
    }
    if x < a + 1.0 {
        let p = gamma_p_series(a, x);
        (p.clamp(0.0, 1.0), (1.0 - p).clamp(0.0, 1.0))
    } else {
        let q = gamma_q_continued_fraction(a, x);
        ((1.0 - q).clamp(0.0, 1.0), q.clamp(0.0, 1.0))
    }
}

/// Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)| of a sample sorted in ascending order
/// against a continuous CDF. NaN for an empty sample.
pub fn ks_statistic(sorted_samples: &[f64], cdf: impl Fn(f64) -> f64) -> f64 {
    let n = sorted_samples.len();
    if n == 0 {
        return f64::NAN;
    }
    let inv_n = 1.0 / n as f64;
    let mut d = 0.0f64;
    for (i, &x) in sorted_samples.iter().enumerate() {
        let f = cdf(x);
        let below = f - i as f64 * inv_n;
        let above = (i + 1) as f64 * inv_n - f;
        d = d.max(below).max(above);
    }
    d
}

/// Kolmogorov distribution tail Q(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²} = P(K > λ).
pub fn kolmogorov_q(lambda: f64) -> f64 {
    if lambda.is_nan() {
        return f64::NAN;
    }
    if lambda <= 0.0 {
        return 1.0;
    }
    if lambda < 1.18 {
        // Jacobi-transformed series, fast for small λ:
        // P(K ≤ λ) = √(2π)/λ Σ_{j≥1} exp(−(2j − 1)² π² / (8λ²)).
        let c = -std::f64::consts::PI * std::f64::consts::PI / (8.0 * lambda * lambda);
        let mut sum = 0.0;
        for j in 1..=8 {
            let m = (2 * j - 1) as f64;
            sum += (c * m * m).portable_exp();
        }
        if sum == 0.0 {
            // λ < 0.04: P(K ≤ λ) < 1e-300, and √(2π)/λ may overflow (∞ · 0 would be NaN).
            return 1.0;
        }
        let cdf = (2.0 * std::f64::consts::PI).sqrt() / lambda * sum;
        (1.0 - cdf).clamp(0.0, 1.0)
    } else {
        let mut sum = 0.0;
        let mut sign = 1.0;
        for j in 1..=100 {
            let jf = j as f64;
            let term = (-2.0 * jf * jf * lambda * lambda).portable_exp();
            sum += sign * term;
            if term < 1e-17 * sum.abs() {
                break;
            }
            sign = -sign;
        }
        (2.0 * sum).clamp(0.0, 1.0)
    }
}

/// Approximate p-value of the Kolmogorov–Smirnov statistic `d` for a sample of size `n`:
/// Q(λ) with λ = (√n + 0.12 + 0.11/√n) · d (Stephens' small-sample correction of the
/// asymptotic Kolmogorov distribution). NaN for n = 0 or NaN d.
pub fn ks_p_value(d: f64, n: usize) -> f64 {
    if n == 0 || d.is_nan() {
        return f64::NAN;
    }
    let sqrt_n = (n as f64).sqrt();
    kolmogorov_q((sqrt_n + 0.12 + 0.11 / sqrt_n) * d)
}

/// Running mean and variance of a stream of numbers by Welford's update, in one pass and
/// constant memory.
///
/// Each observation x updates the count n, the mean m and the sum of squared deviations M₂:
/// δ = x − m, m ← m + δ/n, M₂ ← M₂ + δ·(x − m) (with the updated m). Unlike the raw sums
/// Σx and Σx², whose difference Σx² − (Σx)²/n cancels catastrophically when the mean is large
/// against the spread, every term here is a deviation from the running mean, so the variance
/// keeps its precision (values near 1e9 with a spread of a few units lose nothing).
///
/// ```
/// use gumbel_explorer::math::Welford;
///
/// let mut w = Welford::new();
/// for x in [1e9 + 4.0, 1e9 + 7.0, 1e9 + 13.0, 1e9 + 16.0] {
///     w.push(x);
/// }
/// assert_eq!(w.count(), 4);
/// assert_eq!(w.mean(), 1e9 + 10.0);
/// assert_eq!(w.variance(), 30.0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Welford {
    count: u64,
    mean: f64,
    m2: f64,
}

impl Welford {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one observation.
    pub fn push(&mut self, x: f64) {
        self.count += 1;
        let delta = x - self.mean;
        self.mean += delta / self.count as f64;
        self.m2 += delta * (x - self.mean);
    }

    /// Number of observations.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Sample mean (NaN when empty).
    pub fn mean(&self) -> f64 {
        if self.count == 0 {
            f64::NAN
        } else {
            self.mean
        }
    }

    /// Unbiased sample variance (divisor n − 1; NaN with fewer than two observations).
    pub fn variance(&self) -> f64 {
        if self.count < 2 {
            f64::NAN
        } else {
            self.m2 / (self.count - 1) as f64
        }
    }

    /// Sample standard deviation (NaN with fewer than two observations).
    pub fn std_dev(&self) -> f64 {
        self.variance().sqrt()
    }

    /// Standard error of the mean, √(variance / n) (NaN with fewer than two observations).
    pub fn std_error(&self) -> f64 {
        (self.variance() / self.count as f64).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_gamma_known_values() {
        assert!((ln_gamma(1.0)).abs() < 1e-14);
        assert!((ln_gamma(2.0)).abs() < 1e-14);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().portable_ln()).abs() < 1e-14);
        // ln 9! = ln 362880
        assert!((ln_gamma(10.0) - 362_880f64.portable_ln()).abs() < 1e-12);
        // Γ(−0.5) = −2√π
        assert!((ln_gamma(-0.5) - (2.0 * std::f64::consts::PI.sqrt()).portable_ln()).abs() < 1e-13);
        assert_eq!(ln_gamma(0.0), f64::INFINITY);
        assert_eq!(ln_gamma(-3.0), f64::INFINITY);
    }

    #[test]
    fn incomplete_gamma_closed_forms() {
        // a = 1: Q(1, x) = e^{−x}; a = 1/2: Q(1/2, x) = erfc(√x).
        for x in [0.01, 0.5, 1.0, 3.0, 10.0, 50.0] {
            let q = regularized_gamma_q(1.0, x);
            assert!(
                (q / (-x).portable_exp() - 1.0).abs() < 1e-12,
                "x = {x}: {q}"
            );
            assert!((regularized_gamma_p(1.0, x) + q - 1.0).abs() < 1e-14);
        }
        // Chi-square with 1 dof at 3.841458820694124 has upper tail 0.05.
        assert!((regularized_gamma_q(0.5, 3.841_458_820_694_124 / 2.0) - 0.05).abs() < 1e-10);
        // Chi-square with 10 dof at 18.307038053275146 has upper tail 0.05.
        assert!((regularized_gamma_q(5.0, 18.307_038_053_275_146 / 2.0) - 0.05).abs() < 1e-10);
        assert!(regularized_gamma_q(-1.0, 1.0).is_nan());
    }

    #[test]
    fn chi_square_of_perfect_fit_is_zero() {
        let r = chi_square_test(&[10, 20, 30, 40], &[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!(r.statistic.abs() < 1e-12);
        assert_eq!(r.dof, 3);
        assert!((r.p_value - 1.0).abs() < 1e-12);
        assert!(chi_square_test(&[0, 0], &[0.5, 0.5]).is_err());
        assert!(chi_square_test(&[1, 2], &[0.5]).is_err());
    }

    #[test]
    fn kolmogorov_tail_known_values() {
        // Classical critical values: P(K > 1.3581) ≈ 0.05, P(K > 1.6276) ≈ 0.01.
        assert!((kolmogorov_q(1.358_1) - 0.05).abs() < 1e-4);
        assert!((kolmogorov_q(1.627_6) - 0.01).abs() < 1e-4);
        // The two series agree where they switch.
        let below = kolmogorov_q(1.18 - 1e-12);
        let above = kolmogorov_q(1.18);
        assert!((below - above).abs() < 1e-10);
        assert_eq!(kolmogorov_q(0.0), 1.0);
    }

    #[test]
    fn ks_statistic_of_uniform_grid() {
        let n = 100;
        let xs: Vec<f64> = (0..n).map(|i| (i as f64 + 0.5) / n as f64).collect();
        let d = ks_statistic(&xs, |x| x);
        assert!((d - 0.5 / n as f64).abs() < 1e-12);
        assert!(ks_p_value(d, n) > 0.99);
    }

    #[test]
    fn welford_matches_two_pass() {
        let xs = [1e9 + 4.0, 1e9 + 7.0, 1e9 + 13.0, 1e9 + 16.0];
        let mut w = Welford::new();
        xs.iter().for_each(|&x| w.push(x));
        assert_eq!(w.count(), 4);
        assert!((w.mean() - (1e9 + 10.0)).abs() < 1e-6);
        assert!((w.variance() - 30.0).abs() < 1e-6);
        assert!(Welford::new().mean().is_nan());
    }

    #[test]
    fn welford_keeps_its_precision_where_raw_sums_cancel() {
        // 1,000 values 1e12 + (0, 1, …, 9) repeated: mean 1e12 + 4.5, variance 8.258258…
        // (population variance 8.25 times n/(n − 1)). The raw-sum formula loses every digit
        // here (Σx² is about 1e27, far beyond 2⁵³), Welford's update none that matter.
        let n = 1000;
        let mut w = Welford::new();
        let (mut sum, mut sum_sq) = (0.0, 0.0);
        for i in 0..n {
            let x = 1e12 + (i % 10) as f64;
            w.push(x);
            sum += x;
            sum_sq += x * x;
        }
        let exact = 8.25 * n as f64 / (n - 1) as f64;
        assert!((w.mean() - (1e12 + 4.5)).abs() < 1e-3);
        assert!(
            (w.variance() - exact).abs() < 1e-6 * exact,
            "{}",
            w.variance()
        );
        assert!((w.std_error() - (exact / n as f64).sqrt()).abs() < 1e-6);
        let raw = (sum_sq - sum * sum / n as f64) / (n - 1) as f64;
        assert!(
            (raw - exact).abs() > 1.0,
            "raw sums happened to survive: {raw}"
        );
    }

    #[test]
    fn welford_needs_two_observations_for_a_spread() {
        let mut w = Welford::new();
        assert!(w.std_error().is_nan());
        w.push(3.0);
        assert_eq!(w.mean(), 3.0);
        assert!(w.variance().is_nan());
        assert!(w.std_dev().is_nan());
        assert!(w.std_error().is_nan());
        w.push(5.0);
        assert_eq!(w.variance(), 2.0);
    }
}
