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

#[cfg(test)]
mod tests {
    use super::*;

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
