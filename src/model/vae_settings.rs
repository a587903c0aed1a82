//! The settings of the page's VAE view (view 9) and their place in the link: the latent shape
//! N × K, whether τ follows the classroom schedule or stays at the page's τ, and the step
//! "run until" stops at. With the page's seed they define a training run, so a link that holds
//! them reproduces its curves.
//!
//! The link carries them as one key, `vae=N,K,sched|fixed,until`, written only when they differ
//! from the defaults: links written before the view existed, and links of a page whose VAE
//! settings were never touched, read and write exactly as they did.
//!
//! This file is part of the page's module, whose size has a budget, so it checks the ranges
//! itself with short messages instead of building the trainer's configuration (the tests make
//! sure both agree).

use crate::model::limits::whole_in;
use crate::model::url::{decode_commas, MAX_STATE_LEN};
use crate::vae::config::{MAX_CATEGORIES, MAX_LATENTS};
use crate::vae::{classroom_schedule, Temperature, VaeConfig};

/// The most steps a run may be asked to reach (about ten minutes of training in a browser).
pub const MAX_RUN_STEPS: u64 = 100_000;
/// The step "run until" stops at unless told otherwise.
pub const DEFAULT_UNTIL: u64 = 2_000;
/// Smallest N the trainer accepts.
pub const MIN_LATENTS: usize = 1;
/// Smallest K the trainer accepts.
pub const MIN_CATEGORIES: usize = 2;
/// The link's key for these settings.
pub(super) const KEY: &str = "vae";

/// A control of view 9 that takes a whole number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VaeControl {
    /// N, the number of latent variables.
    Latents,
    /// K, the number of classes of each.
    Categories,
    /// The step "run until" stops at.
    Until,
}

/// A setting of view 9 that was refused, with a message naming its control (worded in
/// `vae_words`).
#[derive(Clone, Debug, PartialEq)]
pub enum VaeSettingError {
    /// A value that is not a whole number in its range.
    Range {
        /// The control.
        setting: VaeControl,
        /// The value given.
        value: f64,
        /// The smallest value accepted.
        min: u64,
        /// The largest value accepted.
        max: u64,
    },
    /// The link's `vae=` value cannot be used (or is given twice).
    Link,
}

/// View 9's settings. Every value held is valid: the setters refuse anything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VaeSettings {
    latents: usize,
    categories: usize,
    annealed: bool,
    until: u64,
}

impl Default for VaeSettings {
    /// 16 × 10 latents, τ on the classroom schedule, run until 2,000.
    fn default() -> Self {
        Self {
            latents: 16,
            categories: 10,
            annealed: true,
            until: DEFAULT_UNTIL,
        }
    }
}

/// `value` as a whole number from `min` to `max`, or the error naming `setting`.
fn whole(setting: VaeControl, value: f64, min: u64, max: u64) -> Result<u64, VaeSettingError> {
    whole_in(value, min, max).ok_or(VaeSettingError::Range {
        setting,
        value,
        min,
        max,
    })
}

impl VaeSettings {
    /// N, the number of latent variables.
    pub fn latents(&self) -> usize {
        self.latents
    }
    /// K, the number of classes of each.
    pub fn categories(&self) -> usize {
        self.categories
    }
    /// Whether τ follows [`classroom_schedule`] (else it stays at the page's τ).
    pub fn annealed(&self) -> bool {
        self.annealed
    }
    /// The step "run until" stops at.
    pub fn until(&self) -> u64 {
        self.until
    }

    /// Sets N.
    ///
    /// # Errors
    /// When N is not a whole number from [`MIN_LATENTS`] to [`MAX_LATENTS`]; nothing changes.
    pub fn set_latents(&mut self, n: f64) -> Result<(), VaeSettingError> {
        let (min, max) = (MIN_LATENTS as u64, MAX_LATENTS as u64);
        self.latents = whole(VaeControl::Latents, n, min, max)? as usize;
        Ok(())
    }

    /// Sets K.
    ///
    /// # Errors
    /// When K is not a whole number from [`MIN_CATEGORIES`] to [`MAX_CATEGORIES`]; nothing
    /// changes.
    pub fn set_categories(&mut self, k: f64) -> Result<(), VaeSettingError> {
        let (min, max) = (MIN_CATEGORIES as u64, MAX_CATEGORIES as u64);
        self.categories = whole(VaeControl::Categories, k, min, max)? as usize;
        Ok(())
    }

    /// Chooses the classroom schedule (`true`) or a fixed τ.
    pub fn set_annealed(&mut self, annealed: bool) {
        self.annealed = annealed;
    }

    /// Sets the step "run until" stops at.
    ///
    /// # Errors
    /// Unless a whole number from 1 to [`MAX_RUN_STEPS`]; nothing changes.
    pub fn set_until(&mut self, until: f64) -> Result<(), VaeSettingError> {
        self.until = whole(VaeControl::Until, until, 1, MAX_RUN_STEPS)?;
        Ok(())
    }

    /// The training run these settings define with the page's `seed` and, when τ is fixed, the
    /// page's `tau`. [`crate::vae::VaeTrainer::new`] checks it (τ against the trainer's range).
    pub fn config(&self, seed: u64, tau: f64) -> VaeConfig {
        VaeConfig {
            latents: self.latents,
            categories: self.categories,
            temperature: if self.annealed {
                Temperature::Annealed(classroom_schedule())
            } else {
                Temperature::Fixed(tau)
            },
            seed,
            ..VaeConfig::default()
        }
    }

    /// The link's piece for these settings: `&vae=…`, or nothing for the defaults.
    pub fn link_suffix(&self) -> String {
        if *self == Self::default() {
            return String::new();
        }
        let mode = if self.annealed { "sched" } else { "fixed" };
        format!(
            "&{KEY}={},{},{mode},{}",
            self.latents, self.categories, self.until
        )
    }

    /// Splits a link's state into the settings its `vae=` key holds (the defaults without
    /// one) and the rest of the state, unchanged apart from that key.
    ///
    /// # Errors
    /// [`VaeSettingError::Link`] when `vae=` is given twice or cannot be read; the caller then
    /// keeps its state, as for any bad link.
    pub fn split_link(state: &str) -> Result<(VaeSettings, String), VaeSettingError> {
        if state.len() > MAX_STATE_LEN {
            // The rest of the reader refuses it, with the message that says so.
            return Ok((Self::default(), state.to_string()));
        }
        let mut rest = String::new();
        let mut found = None;
        for pair in state.trim_start_matches(['#', '?']).split('&') {
            if let Some(value) = pair.strip_prefix("vae=") {
                if found.replace(value).is_some() {
                    return Err(VaeSettingError::Link);
                }
            } else {
                if !rest.is_empty() {
                    rest.push('&');
                }
                rest.push_str(pair);
            }
        }
        let settings = match found {
            Some(value) => Self::from_link_value(value).ok_or(VaeSettingError::Link)?,
            None => Self::default(),
        };
        Ok((settings, rest))
    }

    /// The settings a link's `vae=` value holds (commas may be written %2C), if it holds any.
    fn from_link_value(value: &str) -> Option<Self> {
        let text = decode_commas(value);
        let parts: Vec<&str> = text.split(',').collect();
        let [n, k, mode, until] = parts[..] else {
            return None;
        };
        let number = super::decimal::parse_f64;
        let mut settings = Self::default();
        settings.set_latents(number(n)?).ok()?;
        settings.set_categories(number(k)?).ok()?;
        settings.set_until(number(until)?).ok()?;
        settings.annealed = match mode {
            "sched" => true,
            "fixed" => false,
            _ => return None,
        };
        Some(settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_leave_the_link_as_it_was_and_match_the_trainer() {
        let s = VaeSettings::default();
        let trainer = VaeConfig::default();
        assert_eq!(
            (s.latents(), s.categories()),
            (trainer.latents, trainer.categories)
        );
        assert!(s.annealed());
        assert_eq!(s.until(), DEFAULT_UNTIL);
        assert_eq!(s.link_suffix(), "");
        let old = "#k=3&tau=0.5&seed=7";
        assert_eq!(
            VaeSettings::split_link(old),
            Ok((s, "k=3&tau=0.5&seed=7".to_string()))
        );
    }

    #[test]
    fn the_ranges_are_the_trainers() {
        let shape = |latents, categories| {
            let config = VaeConfig {
                latents,
                categories,
                ..VaeConfig::default()
            };
            config.validate(usize::MAX).is_ok()
        };
        let mut s = VaeSettings::default();
        for (n, k) in [(MIN_LATENTS, MIN_CATEGORIES), (MAX_LATENTS, MAX_CATEGORIES)] {
            assert!(shape(n, k));
            assert!(s.set_latents(n as f64).is_ok() && s.set_categories(k as f64).is_ok());
        }
        assert!(!shape(MIN_LATENTS - 1, 10) && !shape(MAX_LATENTS + 1, 10));
        assert!(!shape(16, MIN_CATEGORIES - 1) && !shape(16, MAX_CATEGORIES + 1));
    }

    #[test]
    fn settings_round_trip_through_the_link() {
        let mut s = VaeSettings::default();
        s.set_latents(8.0).unwrap();
        s.set_categories(4.0).unwrap();
        s.set_annealed(false);
        s.set_until(5000.0).unwrap();
        let suffix = s.link_suffix();
        assert_eq!(suffix, "&vae=8,4,fixed,5000");
        let state = format!("k=3&tau=0.5{suffix}&seed=7");
        let (back, rest) = VaeSettings::split_link(&state).unwrap();
        assert_eq!(back, s);
        assert_eq!(rest, "k=3&tau=0.5&seed=7");
        let (first, rest) = VaeSettings::split_link("#vae=8,4,fixed,5000&k=3").unwrap();
        assert_eq!((first, rest.as_str()), (s, "k=3"));
        let (escaped, _) = VaeSettings::split_link("vae=8%2C4%2cfixed%2C5000").unwrap();
        assert_eq!(escaped, s);
    }

    #[test]
    fn bad_values_are_refused_and_change_nothing() {
        let mut s = VaeSettings::default();
        for n in [0.0, MAX_LATENTS as f64 + 1.0, 2.5, f64::NAN, -3.0] {
            let e = s.set_latents(n).unwrap_err();
            assert!(e.to_string().starts_with("latent variables N = "), "{e}");
        }
        for k in [1.0, MAX_CATEGORIES as f64 + 1.0, 0.5, f64::INFINITY] {
            let e = s.set_categories(k).unwrap_err();
            assert!(
                e.to_string().starts_with("categories per latent K = "),
                "{e}"
            );
        }
        for until in [0.0, MAX_RUN_STEPS as f64 + 1.0, 10.5, f64::NAN] {
            assert!(s
                .set_until(until)
                .unwrap_err()
                .to_string()
                .starts_with("run until step"));
        }
        assert_eq!(s, VaeSettings::default());
    }

    #[test]
    fn unreadable_links_are_refused() {
        for state in [
            "vae=8,4,fixed",
            "vae=8,4,fixed,100,7",
            "vae=8,4,warm,100",
            "vae=x,4,sched,100",
            "vae=0,4,sched,100",
            "vae=8,4,sched,0",
            "vae=8,4,sched,100&vae=8,4,sched,100",
            "vae=<script>,4,sched,1",
        ] {
            let e = VaeSettings::split_link(state).unwrap_err();
            assert_eq!(e, VaeSettingError::Link, "{state}");
            assert!(e
                .to_string()
                .starts_with("the link's state was not restored"));
        }
    }

    #[test]
    fn the_run_follows_the_settings() {
        let mut s = VaeSettings::default();
        let c = s.config(9, 0.3);
        assert_eq!(c.temperature, Temperature::Annealed(classroom_schedule()));
        assert_eq!((c.seed, c.latents, c.categories), (9, 16, 10));
        s.set_annealed(false);
        assert_eq!(s.config(9, 0.3).temperature, Temperature::Fixed(0.3));
    }
}
