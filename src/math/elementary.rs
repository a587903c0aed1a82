//! exp and ln computed by the same code on every target.
//!
//! `f64::exp` and `f64::ln` call the platform's maths library: glibc natively, a software
//! port of musl's in WebAssembly. The two may differ in the last bit, so the same seed would
//! give slightly different numbers in native tests and in the browser, and a native run would
//! time a different implementation than the page runs. The math core and the model use these
//! instead: the pure-Rust `libm` crate on every target, so a draw, a density or an estimator
//! sweep is bit-for-bit the same natively and in the browser.

/// Portable elementary functions for `f64`, named apart from the inherent methods (which
/// would otherwise take precedence).
pub trait Portable {
    /// e^x.
    fn portable_exp(self) -> Self;
    /// Natural logarithm.
    fn portable_ln(self) -> Self;
    /// ln(1 + x), accurate for small x.
    fn portable_ln_1p(self) -> Self;
}

impl Portable for f64 {
    #[inline]
    fn portable_exp(self) -> f64 {
        libm::exp(self)
    }
    #[inline]
    fn portable_ln(self) -> f64 {
        libm::log(self)
    }
    #[inline]
    fn portable_ln_1p(self) -> f64 {
        libm::log1p(self)
    }
}

#[cfg(test)]
mod tests {
    use super::Portable;

    #[test]
    fn agrees_with_std_to_an_ulp() {
        for i in -2000..2000 {
            let x = i as f64 * 0.37;
            let (a, b) = (x.portable_exp(), x.exp());
            assert!(
                a == b || (a - b).abs() <= 2.0 * f64::EPSILON * b.abs(),
                "exp({x}): {a} vs {b}"
            );
            let y = (i as f64 * 0.37).abs() + 1e-3;
            let (a, b) = (y.portable_ln(), y.ln());
            assert!(
                (a - b).abs() <= 2.0 * f64::EPSILON * b.abs().max(1e-300),
                "ln({y})"
            );
            let z = i as f64 * 1e-4;
            let (a, b) = (z.portable_ln_1p(), z.ln_1p());
            assert!(
                (a - b).abs() <= 2.0 * f64::EPSILON * b.abs().max(1e-300),
                "ln_1p({z})"
            );
        }
        assert!(f64::NAN.portable_exp().is_nan());
        assert_eq!(f64::NEG_INFINITY.portable_exp(), 0.0);
        assert_eq!(0.0f64.portable_ln(), f64::NEG_INFINITY);
        assert!((-1.0f64).portable_ln().is_nan());
    }
}
