//! The error type shared by every module of the math core.

use std::fmt;

/// Largest number of categories the math core accepts.
///
/// Everything in the core stays in log space, so nothing overflows for much larger `k`; the
/// limit keeps the cost of one draw (k uniforms, k exponentials) and of exact enumeration
/// bounded, and 256 is far beyond what the explorer can display (a k-gon with 256 corners is
/// already a circle).
pub const MAX_CATEGORIES: usize = 256;

/// Smallest temperature the math core accepts. Below it 1/τ overflows double precision (from
/// about 5.6e-309 on) and a relaxed draw would divide 0 by 0.
pub const MIN_TEMPERATURE: f64 = 1e-300;

/// Largest temperature the math core accepts. Above it τ · ln y overflows double precision for
/// points near a corner (ln y ≥ −745) and the density would be ∞ − ∞.
pub const MAX_TEMPERATURE: f64 = 1e300;

/// Everything that can be wrong with the inputs of the math core.
///
/// Every variant's [`Display`](fmt::Display) message names the parameter, the index and the
/// value at fault, so it can be shown to the user as it is.
///
/// `PartialEq` compares floating-point fields so that a NaN equals a NaN: an error carrying a
/// NaN temperature compares equal to itself.
#[derive(Clone, Debug)]
pub enum Error {
    /// A vector parameter (`parameter`) has no elements.
    Empty {
        /// Which parameter: "logits", "probabilities", "point", ...
        parameter: &'static str,
    },
    /// Only one category: a distribution over a single category is a point mass, not a
    /// relaxation of a choice.
    SingleCategory,
    /// More than [`MAX_CATEGORIES`] categories.
    TooManyCategories {
        /// The number of categories given.
        k: usize,
        /// The largest number accepted ([`MAX_CATEGORIES`]).
        max: usize,
    },
    /// Element `index` of `parameter` is NaN.
    NotANumber {
        /// Which parameter: "logit", "probability", "point", ...
        parameter: &'static str,
        /// Position of the offending element.
        index: usize,
    },
    /// Element `index` of `parameter` is +∞ or −∞.
    Infinite {
        /// Which parameter: "logit", "probability", "point", ...
        parameter: &'static str,
        /// Position of the offending element.
        index: usize,
        /// The offending value (±∞).
        value: f64,
    },
    /// Element `index` of `parameter` is zero where a strictly positive value is required.
    Zero {
        /// Which parameter: "probability", "point", ...
        parameter: &'static str,
        /// Position of the offending element.
        index: usize,
    },
    /// Element `index` of `parameter` is negative where a positive value is required.
    Negative {
        /// Which parameter: "probability", "point", ...
        parameter: &'static str,
        /// Position of the offending element.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// The temperature τ is NaN or infinite.
    TemperatureNotFinite {
        /// The temperature given.
        value: f64,
    },
    /// The temperature τ is zero or negative. τ → 0 is a limit of the family, τ = 0 is not a
    /// member of it.
    TemperatureNotPositive {
        /// The temperature given.
        value: f64,
    },
    /// The temperature τ is positive but outside [`MIN_TEMPERATURE`] … [`MAX_TEMPERATURE`],
    /// where the core's arithmetic would overflow.
    TemperatureOutOfRange {
        /// The temperature given.
        value: f64,
    },
    /// A vector (`parameter`) has the wrong number of elements.
    LengthMismatch {
        /// Which parameter: "point", "observed", "c", "target", ...
        parameter: &'static str,
        /// The number of elements required (usually k).
        expected: usize,
        /// The number of elements given.
        found: usize,
    },
    /// A point's components do not sum to 1 (tolerance 1e-9).
    NotOnSimplex {
        /// The sum of the components.
        sum: f64,
    },
    /// Any other invalid argument (sample count 0, a bad annealing schedule, ...); the message
    /// says what and why.
    InvalidArgument(String),
}

/// Float equality in which NaN equals NaN (the errors report NaN inputs).
fn same(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

impl PartialEq for Error {
    fn eq(&self, other: &Self) -> bool {
        use Error::*;
        match (self, other) {
            (Empty { parameter: a }, Empty { parameter: b }) => a == b,
            (SingleCategory, SingleCategory) => true,
            (TooManyCategories { k: a, max: m }, TooManyCategories { k: b, max: n }) => {
                a == b && m == n
            }
            (
                NotANumber {
                    parameter: p,
                    index: i,
                },
                NotANumber {
                    parameter: q,
                    index: j,
                },
            ) => p == q && i == j,
            (
                Infinite {
                    parameter: p,
                    index: i,
                    value: a,
                },
                Infinite {
                    parameter: q,
                    index: j,
                    value: b,
                },
            ) => p == q && i == j && same(*a, *b),
            (
                Zero {
                    parameter: p,
                    index: i,
                },
                Zero {
                    parameter: q,
                    index: j,
                },
            ) => p == q && i == j,
            (
                Negative {
                    parameter: p,
                    index: i,
                    value: a,
                },
                Negative {
                    parameter: q,
                    index: j,
                    value: b,
                },
            ) => p == q && i == j && same(*a, *b),
            (TemperatureNotFinite { value: a }, TemperatureNotFinite { value: b }) => same(*a, *b),
            (TemperatureNotPositive { value: a }, TemperatureNotPositive { value: b }) => {
                same(*a, *b)
            }
            (TemperatureOutOfRange { value: a }, TemperatureOutOfRange { value: b }) => {
                same(*a, *b)
            }
            (
                LengthMismatch {
                    parameter: p,
                    expected: e,
                    found: f,
                },
                LengthMismatch {
                    parameter: q,
                    expected: g,
                    found: h,
                },
            ) => p == q && e == g && f == h,
            (NotOnSimplex { sum: a }, NotOnSimplex { sum: b }) => same(*a, *b),
            (InvalidArgument(a), InvalidArgument(b)) => a == b,
            _ => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty { parameter } => write!(f, "{parameter}: empty, need at least 2 values"),
            Error::SingleCategory => write!(
                f,
                "k = 1: a single category is not a choice, need at least 2 categories"
            ),
            Error::TooManyCategories { k, max } => {
                write!(
                    f,
                    "k = {k}: too many categories, at most {max} are supported"
                )
            }
            // Messages count from 1, as people do; the `index` fields count from 0.
            Error::NotANumber { parameter, index } => {
                write!(f, "{parameter} {} is NaN (not a number)", index + 1)
            }
            Error::Infinite {
                parameter,
                index,
                value,
            } => write!(
                f,
                "{parameter} {} is {}, must be finite",
                index + 1,
                Num(*value)
            ),
            Error::Zero { parameter, index } => {
                write!(
                    f,
                    "{parameter} {} is 0, must be strictly positive",
                    index + 1
                )
            }
            Error::Negative {
                parameter,
                index,
                value,
            } => write!(
                f,
                "{parameter} {} is {}, must not be negative",
                index + 1,
                Num(*value)
            ),
            Error::TemperatureNotFinite { value } => {
                write!(
                    f,
                    "temperature τ is {}, must be a finite number",
                    Num(*value)
                )
            }
            Error::TemperatureNotPositive { value } => write!(
                f,
                "temperature τ is {}, must be > 0 (τ → 0 is a limit, not a valid temperature)",
                Num(*value)
            ),
            Error::TemperatureOutOfRange { value } => write!(
                f,
                "temperature τ is {}, must be between {MIN_TEMPERATURE:e} and {MAX_TEMPERATURE:e} \
                 (beyond them double precision overflows)",
                Num(*value)
            ),
            Error::LengthMismatch {
                parameter,
                expected,
                found,
            } => write!(f, "{parameter}: expected {expected} values, found {found}"),
            Error::NotOnSimplex { sum } => write!(
                f,
                "point is not on the simplex: its components sum to {}, not 1",
                Num(*sum)
            ),
            Error::InvalidArgument(message) => write!(f, "invalid argument: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// A number as a message shows it: exactly, as [`crate::format::exact`] writes every number
/// that must read back (scientific beyond 1e16 and below 1e-5, so that a message never spells
/// out the hundreds of digits of 1e308 or of a subnormal).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Num(pub f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::format::exact(self.0).fmt(f)
    }
}

/// Checks a temperature: finite, strictly positive, and within [`MIN_TEMPERATURE`] …
/// [`MAX_TEMPERATURE`].
pub(crate) fn check_tau(tau: f64) -> Result<(), Error> {
    if !tau.is_finite() {
        Err(Error::TemperatureNotFinite { value: tau })
    } else if tau <= 0.0 {
        Err(Error::TemperatureNotPositive { value: tau })
    } else if !(MIN_TEMPERATURE..=MAX_TEMPERATURE).contains(&tau) {
        Err(Error::TemperatureOutOfRange { value: tau })
    } else {
        Ok(())
    }
}

/// Checks the number of categories of a vector parameter: 2 ≤ k ≤ [`MAX_CATEGORIES`].
pub(crate) fn check_k(parameter: &'static str, k: usize) -> Result<(), Error> {
    match k {
        0 => Err(Error::Empty { parameter }),
        1 => Err(Error::SingleCategory),
        k if k > MAX_CATEGORIES => Err(Error::TooManyCategories {
            k,
            max: MAX_CATEGORIES,
        }),
        _ => Ok(()),
    }
}

/// Checks that a vector parameter has the `expected` length.
pub(crate) fn check_length(
    parameter: &'static str,
    expected: usize,
    found: usize,
) -> Result<(), Error> {
    if found == expected {
        Ok(())
    } else {
        Err(Error::LengthMismatch {
            parameter,
            expected,
            found,
        })
    }
}

/// Checks that every element is finite (no NaN, no ±∞).
pub(crate) fn check_finite(parameter: &'static str, values: &[f64]) -> Result<(), Error> {
    for (index, &value) in values.iter().enumerate() {
        if value.is_nan() {
            return Err(Error::NotANumber { parameter, index });
        }
        if value.is_infinite() {
            return Err(Error::Infinite {
                parameter,
                index,
                value,
            });
        }
    }
    Ok(())
}

/// Checks that every element is finite and strictly positive.
pub(crate) fn check_positive(parameter: &'static str, values: &[f64]) -> Result<(), Error> {
    check_finite(parameter, values)?;
    for (index, &value) in values.iter().enumerate() {
        if value == 0.0 {
            return Err(Error::Zero { parameter, index });
        }
        if value < 0.0 {
            return Err(Error::Negative {
                parameter,
                index,
                value,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nan_temperature_errors_compare_equal() {
        let e = Error::TemperatureNotFinite { value: f64::NAN };
        assert_eq!(e, e.clone());
        assert_ne!(e, Error::TemperatureNotFinite { value: 1.0 });
    }

    #[test]
    fn messages_name_the_parameter_and_index() {
        let e = Error::Negative {
            parameter: "probability",
            index: 2,
            value: -0.5,
        };
        let text = e.to_string();
        // Index 2 is the third probability: messages count from 1.
        assert!(
            text.contains("probability 3") && text.contains("-0.5"),
            "{text}"
        );
    }

    #[test]
    fn check_positive_reports_first_fault_in_order() {
        assert_eq!(
            check_positive("point", &[1.0, f64::NEG_INFINITY]),
            Err(Error::Infinite {
                parameter: "point",
                index: 1,
                value: f64::NEG_INFINITY
            })
        );
        assert_eq!(
            check_positive("point", &[1.0, -0.0]),
            Err(Error::Zero {
                parameter: "point",
                index: 1
            })
        );
    }
}
