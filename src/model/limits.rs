//! The bounds of every setting, each stated once: the setters and the link reader check them,
//! the error messages quote them, and the page reads them through the api instead of keeping
//! copies of its own.

/// Smallest and largest number of classes k the page offers.
pub const MIN_K: usize = 2;
pub const MAX_K: usize = 10;
/// Temperature range accepted from typed entry and links (the slider covers 0.01 … 10).
pub const MIN_TAU: f64 = 1e-3;
pub const MAX_TAU: f64 = 1e3;
/// Sample-count range.
pub const MIN_SAMPLES: usize = 100;
pub const MAX_SAMPLES: usize = 1_000_000;
/// Seeds are kept below 2^53 so that they survive a round trip through a JS number.
pub const MAX_SEED: u64 = (1u64 << 53) - 1;
/// Largest magnitude of an objective value (a payoff cᵢ or a target tᵢ) the page accepts.
pub const MAX_OBJECTIVE: f64 = 1e6;
/// The annealing schedule's update interval N, in steps.
pub const MIN_UPDATE_EVERY: u64 = 1;
pub const MAX_UPDATE_EVERY: u64 = 1_000_000_000;
/// Largest annealing step t; the annealing view never plots beyond it either.
pub const MAX_STEP: u64 = 1_000_000_000_000;
/// Semi-supervised cost view: range of its number of classes k and largest per-pass cost.
pub const MIN_COST_K: u32 = 2;
pub const MAX_COST_K: u32 = 1000;
pub const MAX_COST: f64 = 1e9;
/// The training view's learning rate and the step a run can be taken to.
pub const MIN_LEARNING_RATE: f64 = 1e-6;
pub const MAX_LEARNING_RATE: f64 = 10.0;
pub const MAX_TRAINING_STEPS: u64 = 10_000_000;

/// `value` as a whole number in `lo ..= hi`, or `None` (also for NaN and ±∞).
pub fn whole_in(value: f64, lo: u64, hi: u64) -> Option<u64> {
    let whole = value.is_finite() && value.fract() == 0.0;
    (whole && value >= lo as f64 && value <= hi as f64).then_some(value as u64)
}

/// τ moved into [`MIN_TAU`] … [`MAX_TAU`], for a temperature that comes from elsewhere (the
/// annealing schedule's τ at the current step); NaN stays NaN, which the τ setter refuses.
pub fn clamp_tau(tau: f64) -> f64 {
    tau.clamp(MIN_TAU, MAX_TAU)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_in_accepts_exactly_the_whole_numbers_of_the_range() {
        assert_eq!(whole_in(1.0, 1, 3), Some(1));
        assert_eq!(whole_in(3.0, 1, 3), Some(3));
        assert_eq!(whole_in(0.0, 1, 3), None);
        assert_eq!(whole_in(4.0, 1, 3), None);
        assert_eq!(whole_in(2.5, 1, 3), None);
        assert_eq!(whole_in(f64::NAN, 1, 3), None);
        assert_eq!(whole_in(f64::INFINITY, 1, 3), None);
        assert_eq!(whole_in(MAX_SEED as f64, 0, MAX_SEED), Some(MAX_SEED));
        assert_eq!(whole_in(MAX_SEED as f64 + 1.0, 0, MAX_SEED), None);
    }

    #[test]
    fn clamp_tau_lands_in_the_accepted_range() {
        assert_eq!(clamp_tau(1e-9), MIN_TAU);
        assert_eq!(clamp_tau(1e9), MAX_TAU);
        assert_eq!(clamp_tau(0.5), 0.5);
        assert!(clamp_tau(f64::NAN).is_nan());
    }
}
