//! The math core's refusals in the page's language. The core stays free of languages: its
//! errors are typed, and the model words each variant here from `crate::i18n::messages`. In
//! English the wording is the core's own `Display` text, character for character (a test
//! checks every variant).

use crate::i18n::messages::math;
use crate::i18n::Lang;
use crate::math::error::{Error, Num, MAX_TEMPERATURE, MIN_TEMPERATURE};

/// `e` worded in `lang`.
pub fn math_message(e: &Error, lang: Lang) -> String {
    let w = math(lang);
    let num = |v: f64| Num(v).to_string();
    // Messages count from 1, as people do; the `index` fields count from 0.
    match e {
        Error::Empty { parameter } => w.empty(&w.parameter(parameter)),
        Error::SingleCategory => w.single_category(),
        Error::TooManyCategories { k, max } => w.too_many_categories(*k, *max),
        Error::NotANumber { parameter, index } => {
            w.not_a_number(&w.parameter(parameter), index + 1)
        }
        Error::Infinite {
            parameter,
            index,
            value,
        } => w.infinite(&w.parameter(parameter), index + 1, &num(*value)),
        Error::Zero { parameter, index } => w.zero(&w.parameter(parameter), index + 1),
        Error::Negative {
            parameter,
            index,
            value,
        } => w.negative(&w.parameter(parameter), index + 1, &num(*value)),
        Error::TemperatureNotFinite { value } => w.temperature_not_finite(&num(*value)),
        Error::TemperatureNotPositive { value } => w.temperature_not_positive(&num(*value)),
        Error::TemperatureOutOfRange { value } => w.temperature_out_of_range(
            &num(*value),
            &format!("{MIN_TEMPERATURE:e}"),
            &format!("{MAX_TEMPERATURE:e}"),
        ),
        Error::LengthMismatch {
            parameter,
            expected,
            found,
        } => w.length_mismatch(&w.parameter(parameter), *expected, *found),
        Error::NotOnSimplex { sum } => w.not_on_simplex(&num(*sum)),
        Error::InvalidArgument(detail) => w.invalid_argument(detail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One error of every variant, with every parameter name the core uses.
    fn every_math_error() -> Vec<Error> {
        let mut errors = vec![
            Error::SingleCategory,
            Error::TooManyCategories { k: 300, max: 256 },
            Error::TemperatureNotFinite { value: f64::NAN },
            Error::TemperatureNotPositive { value: -1.0 },
            Error::TemperatureOutOfRange { value: 1e-301 },
            Error::NotOnSimplex { sum: 0.9 },
            Error::InvalidArgument("k = 0 classes: need at least 1".into()),
        ];
        for parameter in [
            "logit",
            "logits",
            "perturbed logit",
            "perturbed",
            "probability",
            "probabilities",
            "point",
            "log point",
            "observed",
            "out",
            "taus",
            "c",
            "target",
        ] {
            errors.extend([
                Error::Empty { parameter },
                Error::NotANumber {
                    parameter,
                    index: 0,
                },
                Error::Infinite {
                    parameter,
                    index: 1,
                    value: f64::NEG_INFINITY,
                },
                Error::Zero {
                    parameter,
                    index: 2,
                },
                Error::Negative {
                    parameter,
                    index: 0,
                    value: -0.5,
                },
                Error::LengthMismatch {
                    parameter,
                    expected: 3,
                    found: 2,
                },
            ]);
        }
        errors
    }

    #[test]
    fn english_is_the_cores_own_text() {
        for e in every_math_error() {
            assert_eq!(math_message(&e, Lang::En), e.to_string());
        }
    }

    #[test]
    fn chinese_names_every_parameter_in_chinese() {
        for e in every_math_error() {
            let text = math_message(&e, Lang::ZhCn);
            assert!(
                text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{text}"
            );
            assert_ne!(text, e.to_string());
        }
    }
}
