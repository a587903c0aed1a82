//! View 9's refusals in the page's language: the page's VAE settings ([`VaeSettingError`]),
//! the trainer's configuration ([`VaeError`]) and the worker's seed, worded from
//! `crate::i18n::messages`. In English each is the text its `Display` gives.

use super::vae_settings::{
    VaeControl, VaeSettingError, KEY, MAX_RUN_STEPS, MIN_CATEGORIES, MIN_LATENTS,
};
use crate::i18n::messages::{vae, VaeLinkRule};
use crate::i18n::Lang;
use crate::math::error::Num;
use crate::vae::config::{MAX_CATEGORIES, MAX_LATENTS, MAX_TAU, MIN_TAU};
use crate::vae::{TemperatureFault, VaeError};
use std::fmt;

/// The trainer's refusal `e` in `lang`.
pub fn vae_message(e: &VaeError, lang: Lang) -> String {
    let w = vae(lang);
    let (min, max) = (MIN_TAU.to_string(), MAX_TAU.to_string());
    match e {
        VaeError::Latents { value, max } => w.latents(*value, *max),
        VaeError::Categories { value, max } => w.categories(*value, *max),
        VaeError::Hidden { value, max } => w.hidden(*value, *max),
        VaeError::LearningRate { value, max } => {
            w.learning_rate(&Num(*value).to_string(), &Num(*max).to_string())
        }
        VaeError::BatchSize { value, max } => w.batch_size(*value, *max),
        VaeError::Temperature(TemperatureFault::Fixed(tau)) => {
            w.tau_outside(&tau.to_string(), &min, &max)
        }
        VaeError::Temperature(TemperatureFault::Initial(tau)) => {
            w.tau0_outside(&tau.to_string(), &min, &max)
        }
        VaeError::Temperature(TemperatureFault::Minimum(tau)) => {
            w.tau_min_outside(&tau.to_string(), &min, &max)
        }
        VaeError::Temperature(TemperatureFault::Schedule(reason)) => w.schedule(reason),
        VaeError::TestImage { index, count } => {
            w.test_image(*index, *count, count.saturating_sub(1))
        }
        VaeError::Data(detail) => w.data(detail),
    }
}

/// The worker's refusal of a seed that is not a whole number from 0 to `max`.
pub fn seed_message(seed: f64, max: u64, lang: Lang) -> String {
    vae(lang).seed(&seed.to_string(), max)
}

/// The worker's refusal of an offscreen canvas without a 2-D context.
pub fn no_offscreen_context(lang: Lang) -> String {
    vae(lang).no_offscreen_context()
}

impl VaeSettingError {
    /// The message in `lang` (in English, the same text as `Display`).
    pub fn message(&self, lang: Lang) -> String {
        let w = vae(lang);
        match self {
            Self::Range {
                setting,
                value,
                min,
                max,
            } => {
                let name = match setting {
                    VaeControl::Latents => w.setting_latents(),
                    VaeControl::Categories => w.setting_categories(),
                    VaeControl::Until => w.setting_until(),
                };
                w.setting_range(&name, &value.to_string(), *min, *max)
            }
            Self::Link => w.setting_link(&VaeLinkRule {
                key: KEY,
                latents: (MIN_LATENTS, MAX_LATENTS),
                categories: (MIN_CATEGORIES, MAX_CATEGORIES),
                max_until: MAX_RUN_STEPS,
            }),
        }
    }
}

impl fmt::Display for VaeSettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vae::error::one_of_each;

    #[test]
    fn english_is_the_trainers_own_text() {
        for e in one_of_each() {
            assert_eq!(vae_message(&e, Lang::En), e.to_string());
            assert_ne!(vae_message(&e, Lang::ZhCn), e.to_string());
        }
    }
}
