//! Two axis types plotters lacks in the form the figures need.
//!
//! * [`ClassAxis`]: categories 1…k at integer positions of an `f64` axis, so grouped bars can sit
//!   at fractional offsets around each class while the ticks fall exactly on the classes (a plain
//!   `f64` axis picks "nice" ticks that need not be integers).
//! * [`LogAxis`]: a base-10 log axis whose ticks are always present (plotters' own log axis shows
//!   no tick at all when the range lies within one decade), labelled "10⁻³" rather than "0.001"
//!   far from 1, and which maps non-positive values to its floor instead of to NaN.

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};

use crate::format;

/// Linear map of `v` in [lo, hi] onto the pixel range `limit`, clamped so extreme values cannot
/// overflow the pixel type.
fn linear_map(v: f64, lo: f64, hi: f64, limit: (i32, i32)) -> i32 {
    let span = hi - lo;
    let t = if span.is_finite() && span > 0.0 {
        (v - lo) / span
    } else {
        0.5
    };
    let t = if t.is_nan() { 0.0 } else { t.clamp(-4.0, 5.0) };
    let span = f64::from(limit.1) - f64::from(limit.0);
    limit.0.saturating_add((span * t).round() as i32)
}

/// Classes 0…k−1 (shown as 1…k) on the interval [−0.5, k − 0.5].
#[derive(Clone, Debug)]
pub struct ClassAxis {
    k: usize,
}

impl ClassAxis {
    pub fn new(k: usize) -> ClassAxis {
        ClassAxis { k: k.max(1) }
    }

    fn hi(&self) -> f64 {
        self.k as f64 - 0.5
    }

    /// Every class, or every few so that at most `n` remain (the key points, one function
    /// whatever plotters' hint type).
    fn classes_at_most(&self, n: usize) -> Vec<f64> {
        if n == 0 {
            return Vec::new();
        }
        let step = self.k.div_ceil(n).max(1);
        (0..self.k).step_by(step).map(|i| i as f64).collect()
    }
}

impl Ranged for ClassAxis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        linear_map(*v, -0.5, self.hi(), limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        self.classes_at_most(hint.max_num_points())
    }

    fn range(&self) -> Range<f64> {
        -0.5..self.hi()
    }
}

impl ValueFormatter<f64> for ClassAxis {
    fn format(v: &f64) -> String {
        format!("{}", v.round() as i64 + 1)
    }
}

/// A base-10 logarithmic axis over [lo, hi], 0 < lo < hi.
#[derive(Clone, Debug)]
pub struct LogAxis {
    lo: f64,
    hi: f64,
}

impl LogAxis {
    /// The range is repaired if unusable (non-finite, non-positive or empty).
    pub fn new(lo: f64, hi: f64) -> LogAxis {
        let lo = if lo.is_finite() && lo > 0.0 {
            lo.clamp(1e-300, 1e300)
        } else {
            1e-3
        };
        let hi = if hi.is_finite() && hi > lo * (1.0 + 1e-9) {
            hi.min(1e300)
        } else {
            lo * 10.0
        };
        LogAxis { lo, hi }
    }

    pub fn lo(&self) -> f64 {
        self.lo
    }

    pub fn hi(&self) -> f64 {
        self.hi
    }

    /// Values at mantissas `m` × 10ⁿ inside the range.
    fn ticks(&self, mantissas: &[f64]) -> Vec<f64> {
        let (a, b) = (
            self.lo.log10().floor() as i32,
            self.hi.log10().ceil() as i32,
        );
        let mut out = Vec::new();
        for e in a..=b {
            for m in mantissas {
                let v = m * 10f64.powi(e);
                if v >= self.lo * (1.0 - 1e-9) && v <= self.hi * (1.0 + 1e-9) {
                    out.push(v);
                }
            }
        }
        out
    }
}

/// Every `stride`-th element so that at most `n` remain.
fn thin(values: Vec<f64>, n: usize) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let stride = values.len().div_ceil(n).max(1);
    values.into_iter().step_by(stride).collect()
}

impl Ranged for LogAxis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let v = if v.is_nan() || *v <= 0.0 { self.lo } else { *v };
        linear_map(v.log10(), self.lo.log10(), self.hi.log10(), limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        self.ticks_at_most(hint.max_num_points())
    }

    fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

impl LogAxis {
    /// At most `n` ticks (the key points, one function whatever plotters' hint type).
    fn ticks_at_most(&self, n: usize) -> Vec<f64> {
        if n == 0 {
            return Vec::new();
        }
        // Decades when the range spans enough of them, else 1-2-5, else every integer mantissa.
        let decades = self.ticks(&[1.0]);
        if decades.len() >= 3 {
            return thin(decades, n);
        }
        let one_two_five = self.ticks(&[1.0, 2.0, 5.0]);
        if one_two_five.len() >= 2 {
            return if one_two_five.len() <= n {
                one_two_five
            } else {
                thin(one_two_five, n)
            };
        }
        let all = self.ticks(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]);
        if all.len() >= 2 {
            return thin(all, n);
        }
        // Narrower than one step of 1…9: both ends, rounded to two digits.
        let round2 = |v: f64| {
            let p = 10f64.powi(v.log10().floor() as i32 - 1);
            (v / p).round() * p
        };
        let mut ends = vec![round2(self.lo * 1.02), round2(self.hi / 1.02)];
        ends.retain(|v| *v >= self.lo && *v <= self.hi);
        ends.dedup();
        thin(ends, n)
    }
}

impl ValueFormatter<f64> for LogAxis {
    fn format(v: &f64) -> String {
        log_label(*v)
    }
}

/// Tick label on a log axis: plain decimals near 1, powers of ten ("10⁻⁴", "2·10⁻⁵") far from it.
pub fn log_label(v: f64) -> String {
    if !(v.is_finite() && v > 0.0) {
        return String::new();
    }
    if (1e-3..1e5).contains(&v) {
        format::rounded(v, 2)
    } else {
        format::power_of_ten(v, 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_axis_ticks_are_the_classes() {
        let a = ClassAxis::new(3);
        assert_eq!(a.key_points(10usize), vec![0.0, 1.0, 2.0]);
        assert_eq!(ClassAxis::new(10).key_points(5usize).len(), 5);
        assert!(a.key_points(0usize).is_empty());
        assert_eq!(<ClassAxis as ValueFormatter<f64>>::format(&2.0), "3");
        assert_eq!(a.map(&-0.5, (0, 300)), 0);
        assert_eq!(a.map(&2.5, (0, 300)), 300);
    }

    #[test]
    fn log_axis_always_has_ticks() {
        let wide = LogAxis::new(1e-6, 1.0);
        assert_eq!(wide.key_points(10usize).len(), 7);
        let narrow = LogAxis::new(0.003, 0.008);
        assert!(narrow.key_points(10usize).len() >= 2);
        let tiny = LogAxis::new(0.0031, 0.0033);
        assert!(!tiny.key_points(10usize).is_empty());
        let broken = LogAxis::new(f64::NAN, -1.0);
        assert!(broken.lo() > 0.0 && broken.hi() > broken.lo());
        assert_eq!(wide.map(&0.0, (0, 100)), 0);
        assert_eq!(wide.map(&f64::NAN, (0, 100)), 0);
        assert_eq!(wide.map(&1.0, (0, 100)), 100);
    }

    #[test]
    fn log_labels() {
        assert_eq!(log_label(1e-6), "10⁻⁶");
        assert_eq!(log_label(2e-5), "2·10⁻⁵");
        assert_eq!(log_label(0.01), "0.01");
        assert_eq!(log_label(1000.0), "1000");
    }
}
