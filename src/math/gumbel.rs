//! Standard Gumbel noise and the Gumbel-Max trick.

use super::elementary::Portable;
use rand::distr::Open01;
use rand::{Rng, RngExt};

/// One draw of standard Gumbel(0, 1) noise: g = −ln(−ln u) with u ~ Uniform on the **open**
/// interval (0, 1).
///
/// The open interval matters: u = 1 would give g = +∞ and u = 0 would give g = −∞, and either
/// turns the softmax of a relaxed sample into NaN. `Open01` yields u ∈ [2⁻⁵³, 1 − 2⁻⁵³], so
/// g lies in about [−3.6, 36.7] and is always finite. Consumes exactly one uniform (one
/// `u64` from the generator).
///
/// ```
/// use rand::SeedableRng;
/// let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(1);
/// let g = gumbel_explorer::math::standard_gumbel(&mut rng);
/// assert!(g.is_finite());
/// ```
#[inline]
pub fn standard_gumbel<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    let u: f64 = rng.sample(Open01);
    -(-u.portable_ln()).portable_ln()
}

/// Index of the largest element (the first one on ties); `None` for an empty slice or one
/// holding only NaNs.
///
/// Applied to perturbed logits log πᵢ + gᵢ this is the Gumbel-Max trick: the index is an exact
/// draw from Categorical(π).
pub fn argmax(values: &[f64]) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, &v) in values.iter().enumerate() {
        if v.is_nan() {
            continue;
        }
        match best {
            Some((_, b)) if v <= b => {}
            _ => best = Some((i, v)),
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn argmax_takes_first_maximum_and_skips_nan() {
        assert_eq!(argmax(&[]), None);
        assert_eq!(argmax(&[f64::NAN]), None);
        assert_eq!(argmax(&[1.0, 3.0, 3.0]), Some(1));
        assert_eq!(argmax(&[f64::NAN, -1.0, f64::NAN, 0.5]), Some(3));
    }

    #[test]
    fn gumbel_draws_are_finite() {
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(7);
        for _ in 0..10_000 {
            assert!(standard_gumbel(&mut rng).is_finite());
        }
    }

    #[test]
    fn gumbel_of_extreme_uniforms_is_finite() {
        // The extreme values Open01 can return for f64.
        for u in [f64::EPSILON / 2.0, 1.0 - f64::EPSILON / 2.0] {
            let g: f64 = -(-u.portable_ln()).portable_ln();
            assert!(g.is_finite(), "u = {u:e} gives g = {g}");
        }
    }
}
