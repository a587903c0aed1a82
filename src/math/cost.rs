//! The cost argument of the semi-supervised model: marginalising over k classes needs k
//! inference + generator passes, a Gumbel-Softmax sample needs one.

use super::error::{Error, Num};

/// Speed-ups the paper measured (training steps per second, MNIST with random labels):
/// (k, speed-up).
pub const PAPER_SPEEDUPS: [(usize, f64); 2] = [(10, 2.0), (100, 9.9)];

/// Speed-up of one Gumbel-Softmax sample over marginalising k classes:
/// (D + k(I + G)) / (D + I + G), with D the classifier's cost, I the inference network's and G
/// the generator's.
///
/// # Errors
/// [`Error::InvalidArgument`] if a cost is negative or not finite, if D + I + G = 0, or if
/// k = 0.
pub fn speedup(d: f64, i: f64, g: f64, k: usize) -> Result<f64, Error> {
    for (name, value) in [("D", d), ("I", i), ("G", g)] {
        if !(value.is_finite() && value >= 0.0) {
            return Err(Error::InvalidArgument(format!(
                "cost {name} = {}, must be finite and ≥ 0",
                Num(value)
            )));
        }
    }
    let unit = d.max(i).max(g);
    if unit == 0.0 {
        return Err(Error::InvalidArgument(
            "costs D + I + G = 0: at least one cost must be positive".into(),
        ));
    }
    // Costs in units of the largest one, so that neither sum can overflow.
    let (d, i, g) = (d / unit, i / unit, g / unit);
    let one_pass = d + i + g;
    if k == 0 {
        return Err(Error::InvalidArgument(
            "k = 0 classes: need at least 1".into(),
        ));
    }
    Ok((d + k as f64 * (i + g)) / one_pass)
}

/// Whole numbers of classes from `lo` to `hi`, log-spaced over `points` positions and each
/// listed once (rounding merges neighbours at the small end): the k axis of a speed-up curve.
/// Empty for no points; `lo` alone for one point or `hi ≤ lo`; `lo` is taken as at least 1.
pub fn log_spaced_classes(lo: usize, hi: usize, points: usize) -> Vec<usize> {
    let lo = lo.max(1);
    if points == 0 {
        return Vec::new();
    }
    if points == 1 || hi <= lo {
        return vec![lo];
    }
    let ratio = hi as f64 / lo as f64;
    let last = (points - 1) as f64;
    let mut ks: Vec<usize> = (0..points)
        .map(|j| ((lo as f64 * ratio.powf(j as f64 / last)).round() as usize).clamp(lo, hi))
        .collect();
    ks.dedup();
    ks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_grid_runs_from_lo_to_hi_once_each() {
        let ks = log_spaced_classes(2, 1000, 200);
        assert_eq!(ks.first(), Some(&2));
        assert_eq!(ks.last(), Some(&1000));
        assert!(ks.windows(2).all(|w| w[0] < w[1]));
        assert!(ks.len() > 100 && ks.len() <= 200, "{}", ks.len());
        // Log-spaced: the large-k end is as densely covered (in ratio) as the small end.
        assert!(ks.windows(2).all(|w| (w[1] as f64 / w[0] as f64) < 1.6));
        assert_eq!(log_spaced_classes(2, 1000, 0), Vec::<usize>::new());
        assert_eq!(log_spaced_classes(2, 1000, 1), vec![2]);
        assert_eq!(log_spaced_classes(5, 3, 10), vec![5]);
        assert_eq!(log_spaced_classes(0, 4, 4), vec![1, 2, 3, 4]);
    }

    #[test]
    fn speedup_formula() {
        assert_eq!(speedup(1.0, 1.0, 1.0, 1).unwrap(), 1.0);
        assert!((speedup(0.0, 1.0, 2.0, 10).unwrap() - 10.0).abs() < 1e-12);
        assert!((speedup(2.0, 1.0, 1.0, 10).unwrap() - 5.5).abs() < 1e-12);
        assert!(speedup(0.0, 0.0, 0.0, 10).is_err());
        assert!(speedup(-1.0, 1.0, 1.0, 10).is_err());
        assert!(speedup(1.0, f64::NAN, 1.0, 10).is_err());
        assert!(speedup(1.0, 1.0, 1.0, 0).is_err());
    }
}
