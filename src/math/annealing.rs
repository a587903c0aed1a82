//! Temperature annealing: the paper's schedule τ(t) = max(τ_min, τ₀ · exp(−r t)), with t
//! frozen between updates every N steps.

use super::elementary::Portable;
use super::error::{Error, Num};

/// τ(step) = max(τ_min, τ₀ · exp(−r · ⌊step/N⌋ · N)).
///
/// The paper's schedule is exp(−r t), i.e. τ₀ = 1. Fields are public so a page can show them;
/// [`AnnealingSchedule::new`] validates them, and [`tau_at`](Self::tau_at) stays finite and
/// non-panicking even for a hand-built schedule (N = 0 is treated as N = 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AnnealingSchedule {
    /// Starting temperature τ₀ (default 1.0).
    pub tau0: f64,
    /// Decay rate r per step.
    pub rate: f64,
    /// Floor τ_min.
    pub tau_min: f64,
    /// N: τ is updated every N steps.
    pub update_every: u64,
}

impl Default for AnnealingSchedule {
    /// The paper's VAE schedule, [`AnnealingSchedule::paper_vae`].
    fn default() -> Self {
        Self::paper_vae()
    }
}

impl AnnealingSchedule {
    /// A validated schedule.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless τ₀ and τ_min are finite and > 0, r is finite and ≥ 0
    /// and N ≥ 1.
    pub fn new(tau0: f64, rate: f64, tau_min: f64, update_every: u64) -> Result<Self, Error> {
        if !(tau0.is_finite() && tau0 > 0.0) {
            return Err(Error::InvalidArgument(format!(
                "annealing: initial temperature τ₀ = {}, must be finite and > 0",
                Num(tau0)
            )));
        }
        if !(rate.is_finite() && rate >= 0.0) {
            return Err(Error::InvalidArgument(format!(
                "annealing: rate r = {}, must be finite and ≥ 0",
                Num(rate)
            )));
        }
        if !(tau_min.is_finite() && tau_min > 0.0) {
            return Err(Error::InvalidArgument(format!(
                "annealing: minimum temperature τ_min = {}, must be finite and > 0",
                Num(tau_min)
            )));
        }
        if update_every == 0 {
            return Err(Error::InvalidArgument(
                "annealing: update interval N = 0, must be at least 1 step".into(),
            ));
        }
        Ok(Self {
            tau0,
            rate,
            tau_min,
            update_every,
        })
    }

    /// The paper's VAE setting: τ₀ = 1, r = 1e-4, τ_min = 0.5, N = 1000.
    pub fn paper_vae() -> Self {
        Self {
            tau0: 1.0,
            rate: 1e-4,
            tau_min: 0.5,
            update_every: 1000,
        }
    }

    /// The paper's semi-supervised setting: τ₀ = 1, r = 3e-5, τ_min = 0.5, N = 2000.
    pub fn paper_semi_supervised() -> Self {
        Self {
            tau0: 1.0,
            rate: 3e-5,
            tau_min: 0.5,
            update_every: 2000,
        }
    }

    /// Temperature at a training step.
    pub fn tau_at(&self, step: u64) -> f64 {
        let n = self.update_every.max(1);
        let frozen_step = (step / n) * n;
        (self.tau0 * (-self.rate * frozen_step as f64).portable_exp()).max(self.tau_min)
    }

    /// The last step worth plotting: half as far again as the steps τ takes to fall from τ₀
    /// to τ_min (ln(τ₀/τ_min)/r, so the floor is seen), at least ten updates, and at most
    /// `max_steps`.
    pub fn horizon(&self, max_steps: u64) -> u64 {
        let every = self.update_every.max(1);
        let to_min = if self.tau0 > self.tau_min && self.rate > 0.0 {
            1.5 * (self.tau0 / self.tau_min).portable_ln() / self.rate
        } else {
            0.0
        };
        // f64::max and min ignore a NaN (of a hand-built schedule); the cast saturates.
        let steps = to_min.max(10.0 * every as f64).min(max_steps as f64);
        (steps.ceil() as u64).min(max_steps)
    }

    /// `points` samples (step, τ) evenly spaced from step 0 to `steps` (both included) for
    /// plotting; empty for 0 points, `[(0, τ₀)]` for one.
    pub fn curve(&self, steps: u64, points: usize) -> Vec<(u64, f64)> {
        match points {
            0 => Vec::new(),
            1 => vec![(0, self.tau_at(0))],
            _ => (0..points)
                .map(|i| {
                    // min: steps near u64::MAX round up in f64.
                    let step =
                        ((steps as f64 * i as f64 / (points - 1) as f64).round() as u64).min(steps);
                    (step, self.tau_at(step))
                })
                .collect(),
        }
    }
}

/// The temperature of a relaxation along a run: one τ at every step, or τ following a schedule.
/// The toy training (`math::training`) and the VAE (`vae`) both take one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Temperature {
    /// The same τ at every step.
    Fixed(f64),
    /// τ follows the schedule from step 0 of the run.
    Annealed(AnnealingSchedule),
}

impl Temperature {
    /// τ at step `step` (0 for the first), as the setting gives it.
    pub fn at(&self, step: u64) -> f64 {
        match self {
            Self::Fixed(tau) => *tau,
            Self::Annealed(schedule) => schedule.tau_at(step),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_is_piecewise_constant_and_floored() {
        let s = AnnealingSchedule::paper_vae();
        assert_eq!(s.tau_at(0), 1.0);
        assert_eq!(s.tau_at(999), 1.0);
        assert!((s.tau_at(1000) - (-0.1f64).portable_exp()).abs() < 1e-15);
        assert_eq!(s.tau_at(1_000_000), 0.5);
        let c = s.curve(10_000, 11);
        assert_eq!(c.len(), 11);
        assert_eq!(c[10].0, 10_000);
        assert!(c.windows(2).all(|w| w[0].1 >= w[1].1));
    }

    #[test]
    fn horizon_shows_the_floor_and_stays_bounded() {
        let s = AnnealingSchedule::paper_vae();
        // τ reaches 0.5 after ln 2 / 1e-4 ≈ 6,931 steps; the view runs half as far again.
        let h = s.horizon(u64::MAX);
        assert_eq!(h, (1.5 * 2f64.portable_ln() / 1e-4).ceil() as u64);
        assert!(s.tau_at(h) == s.tau_min && s.tau_at(h / 2) > s.tau_min);
        // No decay: ten updates.
        let flat = AnnealingSchedule::new(1.0, 0.0, 0.5, 1000).unwrap();
        assert_eq!(flat.horizon(u64::MAX), 10_000);
        // τ₀ already at the floor: ten updates.
        let floored = AnnealingSchedule::new(0.5, 1.0, 0.5, 7).unwrap();
        assert_eq!(floored.horizon(u64::MAX), 70);
        // A very slow decay is cut at the bound, as is a huge interval.
        let slow = AnnealingSchedule::new(1e300, 1e-300, 1e-300, 1).unwrap();
        assert_eq!(slow.horizon(1_000_000_000_000), 1_000_000_000_000);
        let sparse = AnnealingSchedule::new(1.0, 1.0, 0.5, u64::MAX).unwrap();
        assert_eq!(sparse.horizon(5), 5);
        // A hand-built schedule with NaN fields still gives a finite horizon.
        let odd = AnnealingSchedule {
            rate: f64::NAN,
            ..AnnealingSchedule::paper_vae()
        };
        assert_eq!(odd.horizon(u64::MAX), 10_000);
    }

    #[test]
    fn bad_schedules_are_rejected() {
        assert!(AnnealingSchedule::new(1.0, 1e-4, 0.5, 0).is_err());
        assert!(AnnealingSchedule::new(0.0, 1e-4, 0.5, 10).is_err());
        assert!(AnnealingSchedule::new(1.0, -1.0, 0.5, 10).is_err());
        assert!(AnnealingSchedule::new(1.0, 1e-4, f64::NAN, 10).is_err());
        let odd = AnnealingSchedule {
            update_every: 0,
            ..AnnealingSchedule::paper_semi_supervised()
        };
        assert!((odd.tau_at(5) - (-5.0 * 3e-5f64).portable_exp()).abs() < 1e-15);
    }
}
