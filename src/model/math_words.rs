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

// Tested in tests/model_messages.rs, with every variant and every parameter name the core gives.
