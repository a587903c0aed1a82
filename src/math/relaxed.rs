//! The Gumbel-Softmax (Concrete) distribution: relaxed one-hot samples on the simplex.

use super::elementary::Portable;
use rand::distr::Distribution;
use rand::Rng;

use super::density::{check_log_point, check_point, log_density_core, log_normaliser};
use super::error::{check_finite, check_k, check_length, check_positive, check_tau, Error, Num};
use super::gumbel::standard_gumbel;

/// The Gumbel-Softmax distribution (Jang, Gu & Poole 2017), also called the Concrete
/// distribution (Maddison, Mnih & Teh 2017), over the open simplex of k categories.
///
/// A sample is
///
/// yᵢ = exp((ln πᵢ + gᵢ)/τ) / Σⱼ exp((ln πⱼ + gⱼ)/τ),  gᵢ ~ Gumbel(0, 1) independent,
///
/// computed as a tempered log-softmax (maximum subtracted first), so it is a valid simplex
/// point at any temperature. Its density with respect to Lebesgue measure on (y₁ … y_{k−1}) is
///
/// p(y) = Γ(k) τ^{k−1} (Σᵢ πᵢ / yᵢ^τ)^{−k} Πᵢ (πᵢ / yᵢ^{τ+1})
///
/// (see [`GumbelSoftmax::log_density`]). As τ → 0 samples become one-hot and the argmax is
/// distributed as Categorical(π); as τ → ∞ they tend to the centre (1/k, …, 1/k).
///
/// **Randomness.** Every vector draw ([`sample_to_slice`](Self::sample_to_slice),
/// [`sample_log_to_slice`](Self::sample_log_to_slice), [`perturb_to_slice`](Self::perturb_to_slice),
/// [`sample_category`](Self::sample_category), [`Distribution::sample`]) consumes exactly k
/// uniforms (one Gumbel per category, in index order), so from the same generator state they
/// all see the same noise: the category is the argmax of the relaxed sample.
///
/// Numerics are checked for 1e-3 ≤ τ ≤ 1e3, logits up to 50 apart and 2 ≤ k ≤ 64; any
/// finite τ > 0 and k ≤ [`MAX_CATEGORIES`](super::MAX_CATEGORIES) is accepted.
///
/// ```
/// use gumbel_explorer::math::GumbelSoftmax;
/// use rand::SeedableRng;
///
/// let dist = GumbelSoftmax::from_probs(&[0.1, 0.2, 0.3, 0.4], 0.5)?;
/// let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(42);
///
/// let mut y = [0.0; 4];
/// dist.sample_to_slice(&mut rng, &mut y);
/// assert!((y.iter().sum::<f64>() - 1.0).abs() < 1e-12);
/// assert!(dist.log_density(&y)?.is_finite());
///
/// // Too small a temperature is an error, not a limit.
/// assert!(dist.with_tau(0.0).is_err());
/// # Ok::<(), gumbel_explorer::math::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct GumbelSoftmax {
    /// Normalised log-probabilities ln πᵢ (logits minus their logsumexp).
    log_probs: Vec<f64>,
    tau: f64,
    /// ln Γ(k) + (k − 1) ln τ, cached for the density.
    log_norm: f64,
}

/// vᵢ − logsumexp(v), computed as (vᵢ − max v) − ln Σⱼ exp(vⱼ − max v) so that huge logits
/// (1e300 and 1e300) still normalise to ln ½.
///
/// Logits more than f64::MAX apart (−1e308 and 1e308) would give ln πᵢ = −∞; they are held at
/// the most negative double instead (πᵢ = 0 all the same), so that ln π is always finite and
/// can be passed back to [`GumbelSoftmax::new`] or to the sweep.
fn log_normalise(values: &[f64]) -> Vec<f64> {
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let ln_sum = values
        .iter()
        .map(|v| (v - max).portable_exp())
        .sum::<f64>()
        .portable_ln();
    values
        .iter()
        .map(|v| ((v - max) - ln_sum).max(f64::MIN))
        .collect()
}

impl GumbelSoftmax {
    /// Distribution with logits θ (π = softmax(θ)) and temperature τ.
    ///
    /// The logits are stored normalised (θ − logsumexp θ), so [`logits`](Self::logits) returns
    /// ln π.
    ///
    /// # Errors
    /// [`Error::Empty`], [`Error::SingleCategory`], [`Error::TooManyCategories`],
    /// [`Error::NotANumber`] or [`Error::Infinite`] for a logit (parameter "logit"),
    /// [`Error::TemperatureNotFinite`], [`Error::TemperatureNotPositive`] or
    /// [`Error::TemperatureOutOfRange`].
    pub fn new(logits: &[f64], tau: f64) -> Result<Self, Error> {
        check_k("logits", logits.len())?;
        check_finite("logit", logits)?;
        check_tau(tau)?;
        Ok(Self::from_parts(log_normalise(logits), tau))
    }

    /// Distribution with class probabilities π and temperature τ. The probabilities must be
    /// finite and strictly positive; they need not sum to 1 (they are normalised).
    ///
    /// # Errors
    /// As [`new`](Self::new), plus [`Error::Zero`] and [`Error::Negative`]; the parameter is
    /// named "probability".
    pub fn from_probs(probs: &[f64], tau: f64) -> Result<Self, Error> {
        check_k("probabilities", probs.len())?;
        check_positive("probability", probs)?;
        check_tau(tau)?;
        // Scale by the maximum first so the sum cannot overflow.
        let max = probs.iter().copied().fold(0.0, f64::max);
        let ln_sum = probs.iter().map(|p| p / max).sum::<f64>().portable_ln();
        let log_probs = probs
            .iter()
            .map(|&p| {
                let ratio = p / max;
                // A ratio below the normal range (weights more than ~308 decades apart) loses
                // digits or underflows to 0 (ln 0 = −∞): take the difference of logarithms.
                let ln_ratio = if ratio >= f64::MIN_POSITIVE {
                    ratio.portable_ln()
                } else {
                    p.portable_ln() - max.portable_ln()
                };
                ln_ratio - ln_sum
            })
            .collect();
        Ok(Self::from_parts(log_probs, tau))
    }

    fn from_parts(log_probs: Vec<f64>, tau: f64) -> Self {
        let log_norm = log_normaliser(log_probs.len(), tau);
        Self {
            log_probs,
            tau,
            log_norm,
        }
    }

    /// The same class probabilities at another temperature.
    ///
    /// # Errors
    /// [`Error::TemperatureNotFinite`], [`Error::TemperatureNotPositive`] or
    /// [`Error::TemperatureOutOfRange`].
    pub fn with_tau(&self, tau: f64) -> Result<Self, Error> {
        check_tau(tau)?;
        Ok(Self::from_parts(self.log_probs.clone(), tau))
    }

    /// Number of categories k.
    pub fn k(&self) -> usize {
        self.log_probs.len()
    }

    /// Temperature τ.
    pub fn tau(&self) -> f64 {
        self.tau
    }

    /// Class probabilities πᵢ = exp(ln πᵢ) (they may underflow to 0 for very negative logits).
    pub fn probs(&self) -> Vec<f64> {
        self.log_probs.iter().map(|l| l.portable_exp()).collect()
    }

    /// Normalised logits, i.e. the log-probabilities ln πᵢ (logsumexp = 0); always finite.
    pub fn logits(&self) -> &[f64] {
        &self.log_probs
    }

    /// Log density at the simplex point `y` (all yᵢ > 0, Σ yᵢ = 1 within 1e-9):
    ///
    /// ln p = ln Γ(k) + (k − 1) ln τ − k · logsumexp_i(ln πᵢ − τ ln yᵢ) + Σᵢ (ln πᵢ − (τ + 1) ln yᵢ).
    ///
    /// # Errors
    /// [`Error::LengthMismatch`] (parameter "point"), [`Error::NotANumber`],
    /// [`Error::Infinite`], [`Error::Zero`] or [`Error::Negative`] for a component (parameter
    /// "point"), [`Error::NotOnSimplex`].
    pub fn log_density(&self, y: &[f64]) -> Result<f64, Error> {
        check_point(self.k(), y)?;
        Ok(log_density_core(
            &self.log_probs,
            self.tau,
            self.log_norm,
            |i| y[i].portable_ln(),
        ))
    }

    /// Log density at the point given by its logarithms `log_y` (as written by
    /// [`sample_log_to_slice`](Self::sample_log_to_slice)); accurate where components of y
    /// underflow. Requires finite components with Σ exp(log yᵢ) = 1 within 1e-9.
    ///
    /// # Errors
    /// As [`log_density`](Self::log_density), with the parameter named "log point", and
    /// [`Error::InvalidArgument`] if a component is so negative that (τ + 1) ln yᵢ overflows
    /// double precision (|ln yᵢ| near 1e308 / (τ + 1)), where the formula would give NaN.
    pub fn log_density_from_log(&self, log_y: &[f64]) -> Result<f64, Error> {
        check_log_point(self.k(), log_y)?;
        let value = log_density_core(&self.log_probs, self.tau, self.log_norm, |i| log_y[i]);
        if value.is_nan() || value == f64::INFINITY {
            return Err(Error::InvalidArgument(format!(
                "log point: ln p overflows double precision at τ = {} (a component's ln y is \
                 too far below 0)",
                Num(self.tau)
            )));
        }
        Ok(value)
    }

    /// Writes the perturbed logits ln πᵢ + gᵢ (k fresh Gumbel draws) into `out`.
    ///
    /// This is the noise of one draw, kept so that the relaxed sample can be recomputed at any
    /// temperature with [`relax_log`] or [`relax`] (common random numbers), and its argmax
    /// ([`argmax`](super::argmax)) is the Gumbel-Max category. Consumes exactly k uniforms.
    /// If `out.len() != k` nothing is written and no randomness is consumed.
    pub fn perturb_to_slice<R: Rng + ?Sized>(&self, rng: &mut R, out: &mut [f64]) {
        if out.len() != self.k() {
            return;
        }
        for (o, &lp) in out.iter_mut().zip(&self.log_probs) {
            *o = lp + standard_gumbel(rng);
        }
    }

    /// Writes one sample y into `out`, without allocating. Consumes exactly k uniforms.
    ///
    /// If `out.len() != k` nothing is written and no randomness is consumed (use
    /// [`try_sample_to_slice`](Self::try_sample_to_slice) to get an error instead). At tiny τ
    /// components may underflow to exactly 0, but the sum stays 1 within a few ulps.
    pub fn sample_to_slice<R: Rng + ?Sized>(&self, rng: &mut R, out: &mut [f64]) {
        if out.len() != self.k() {
            return;
        }
        self.perturb_to_slice(rng, out);
        relax_in_place(out, self.tau);
    }

    /// As [`sample_to_slice`](Self::sample_to_slice) but reports a wrong buffer length.
    ///
    /// # Errors
    /// [`Error::LengthMismatch`] (parameter "out") if `out.len() != k`.
    pub fn try_sample_to_slice<R: Rng + ?Sized>(
        &self,
        rng: &mut R,
        out: &mut [f64],
    ) -> Result<(), Error> {
        check_length("out", self.k(), out.len())?;
        self.sample_to_slice(rng, out);
        Ok(())
    }

    /// Writes the logarithm of one sample, ln y, into `out_log`. Consumes exactly k uniforms.
    ///
    /// Every component is finite (the largest is ≤ 0 and ≥ −ln k), even where y itself would
    /// underflow to 0. If `out_log.len() != k` nothing is written and no randomness is consumed.
    pub fn sample_log_to_slice<R: Rng + ?Sized>(&self, rng: &mut R, out_log: &mut [f64]) {
        if out_log.len() != self.k() {
            return;
        }
        self.perturb_to_slice(rng, out_log);
        relax_log_in_place(out_log, self.tau);
    }

    /// One exact draw from Categorical(π) by the Gumbel-Max trick: argmaxᵢ (ln πᵢ + gᵢ).
    /// Consumes exactly k uniforms, the same noise as a vector draw from the same state, so it
    /// returns the argmax of the sample [`sample_to_slice`](Self::sample_to_slice) would give.
    pub fn sample_category<R: Rng + ?Sized>(&self, rng: &mut R) -> usize {
        let mut best = 0;
        let mut best_value = f64::NEG_INFINITY;
        for (i, &lp) in self.log_probs.iter().enumerate() {
            let v = lp + standard_gumbel(rng);
            if v > best_value {
                best = i;
                best_value = v;
            }
        }
        best
    }
}

impl Distribution<Vec<f64>> for GumbelSoftmax {
    /// One sample y as a new vector (k uniforms).
    fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> Vec<f64> {
        let mut y = vec![0.0; self.k()];
        self.sample_to_slice(rng, &mut y);
        y
    }
}

/// Tempered log-softmax of `values` in place: vᵢ ← (vᵢ − max v)/τ − ln Σⱼ exp((vⱼ − max v)/τ).
fn relax_log_in_place(values: &mut [f64], tau: f64) {
    let inv_tau = 1.0 / tau;
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for v in values.iter_mut() {
        *v = (*v - max) * inv_tau;
        sum += v.portable_exp();
    }
    let ln_sum = sum.portable_ln();
    for v in values.iter_mut() {
        *v -= ln_sum;
    }
}

/// Tempered softmax of `values` in place: vᵢ ← eᵢ / Σⱼ eⱼ with eᵢ = exp((vᵢ − max v)/τ).
pub(crate) fn relax_in_place(values: &mut [f64], tau: f64) {
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    tempered_softmax(values, max, 1.0 / tau);
}

/// The tempered softmax, the one the whole core uses: vᵢ ← eᵢ / Σⱼ eⱼ with
/// eᵢ = exp((vᵢ − max)·inv_tau), where `max` is the largest of the values (0 for values that
/// are already shifted, as the estimator sweep keeps its noise).
///
/// The largest value's exponential is exactly 1 and is not computed, which saves one of k
/// exponentials without changing a bit. Dividing (rather than exponentiating the log-softmax)
/// keeps the sum within a few ulps of 1. Inlined so that a caller's literal k unrolls the loops.
#[inline(always)]
pub(crate) fn tempered_softmax(values: &mut [f64], max: f64, inv_tau: f64) {
    let mut sum = 0.0;
    for v in values.iter_mut() {
        let shifted = *v - max;
        *v = if shifted == 0.0 {
            1.0
        } else {
            (shifted * inv_tau).portable_exp()
        };
        sum += *v;
    }
    let inv_sum = 1.0 / sum;
    for v in values.iter_mut() {
        *v *= inv_sum;
    }
}

/// True if `relax`/`relax_log` can work on these arguments.
fn relax_arguments_ok(input: &[f64], tau: f64, out: &[f64]) -> bool {
    !input.is_empty() && input.len() == out.len() && check_tau(tau).is_ok()
}

/// Tempered log-softmax of perturbed logits: out_logᵢ = ln yᵢ with
/// yᵢ = exp(pᵢ/τ) / Σⱼ exp(pⱼ/τ), computed with the maximum subtracted.
///
/// With `perturbed` from [`GumbelSoftmax::perturb_to_slice`] this recomputes the same draw at any
/// temperature from one noise draw (common random numbers). Nothing is written if the lengths
/// differ, the input is empty, or τ is not a valid temperature (finite, within
/// [`MIN_TEMPERATURE`](super::error::MIN_TEMPERATURE) … [`MAX_TEMPERATURE`](super::error::MAX_TEMPERATURE)).
pub fn relax_log(perturbed: &[f64], tau: f64, out_log: &mut [f64]) {
    if !relax_arguments_ok(perturbed, tau, out_log) {
        return;
    }
    out_log.copy_from_slice(perturbed);
    relax_log_in_place(out_log, tau);
}

/// Tempered softmax of perturbed logits: outᵢ = yᵢ = exp(pᵢ/τ) / Σⱼ exp(pⱼ/τ), maximum
/// subtracted. The sample-space counterpart of [`relax_log`]; the same argument rules apply.
pub fn relax(perturbed: &[f64], tau: f64, out: &mut [f64]) {
    if !relax_arguments_ok(perturbed, tau, out) {
        return;
    }
    out.copy_from_slice(perturbed);
    relax_in_place(out, tau);
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;

    #[test]
    fn logits_are_normalised() {
        let d = GumbelSoftmax::new(&[1.0, 2.0, 3.0], 1.0).unwrap();
        let s: f64 = d.probs().iter().sum();
        assert!((s - 1.0).abs() < 1e-15);
        let p = GumbelSoftmax::from_probs(&[1.0, 2.0, 3.0], 1.0).unwrap();
        assert!((p.probs()[2] - 0.5).abs() < 1e-15);
    }

    #[test]
    fn huge_logits_still_normalise() {
        let d = GumbelSoftmax::new(&[1e300, 1e300], 1.0).unwrap();
        assert!((d.probs()[0] - 0.5).abs() < 1e-15);
        let d = GumbelSoftmax::new(&[-1e300, 1e300], 1.0).unwrap();
        assert_eq!(d.probs(), vec![0.0, 1.0]);
    }

    #[test]
    fn every_vector_draw_consumes_exactly_k_uniforms() {
        let d = GumbelSoftmax::new(&[0.0, 1.0, 2.0, 3.0, 4.0], 0.3).unwrap();
        let mut reference = Pcg64Mcg::seed_from_u64(5);
        for _ in 0..5 {
            crate::math::standard_gumbel(&mut reference);
        }
        let expected = rand::Rng::next_u64(&mut reference);
        let draws: [&dyn Fn(&mut Pcg64Mcg); 5] = [
            &|r| d.sample_to_slice(r, &mut [0.0; 5]),
            &|r| d.sample_log_to_slice(r, &mut [0.0; 5]),
            &|r| d.perturb_to_slice(r, &mut [0.0; 5]),
            &|r| {
                d.sample_category(r);
            },
            &|r| {
                let _: Vec<f64> = d.sample(r);
            },
        ];
        for draw in draws {
            let mut rng = Pcg64Mcg::seed_from_u64(5);
            draw(&mut rng);
            assert_eq!(rand::Rng::next_u64(&mut rng), expected);
        }
    }

    #[test]
    fn huge_probabilities_do_not_overflow() {
        let p = GumbelSoftmax::from_probs(&[1e308, 1e308], 1.0).unwrap();
        assert!((p.probs()[0] - 0.5).abs() < 1e-15);
    }

    #[test]
    fn wrong_buffer_is_left_alone() {
        let d = GumbelSoftmax::new(&[0.0, 1.0, 2.0], 1.0).unwrap();
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        let mut out = [7.0; 2];
        d.sample_to_slice(&mut rng, &mut out);
        d.sample_log_to_slice(&mut rng, &mut out);
        d.perturb_to_slice(&mut rng, &mut out);
        assert_eq!(out, [7.0; 2]);
        assert!(d.try_sample_to_slice(&mut rng, &mut out).is_err());
        relax_log(&[1.0, 2.0, 3.0], 1.0, &mut out);
        relax(&[1.0, 2.0], 0.0, &mut out);
        assert_eq!(out, [7.0; 2]);
    }

    #[test]
    fn all_samplers_share_the_noise() {
        let d = GumbelSoftmax::new(&[0.3, -1.0, 2.0, 0.0], 0.7).unwrap();
        for seed in 0..50 {
            let mut y = [0.0; 4];
            let mut log_y = [0.0; 4];
            let mut perturbed = [0.0; 4];
            d.sample_to_slice(&mut Pcg64Mcg::seed_from_u64(seed), &mut y);
            d.sample_log_to_slice(&mut Pcg64Mcg::seed_from_u64(seed), &mut log_y);
            d.perturb_to_slice(&mut Pcg64Mcg::seed_from_u64(seed), &mut perturbed);
            let z = d.sample_category(&mut Pcg64Mcg::seed_from_u64(seed));
            assert_eq!(crate::math::argmax(&y), Some(z));
            assert_eq!(crate::math::argmax(&perturbed), Some(z));
            let mut again = [0.0; 4];
            relax_log(&perturbed, 0.7, &mut again);
            for i in 0..4 {
                assert!((log_y[i] - again[i]).abs() < 1e-15);
                assert!((log_y[i].portable_exp() - y[i]).abs() < 1e-15);
            }
        }
    }
}
