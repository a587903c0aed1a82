//! Showing one view on its own: the two ways a link asks for it (`?present=…` for the
//! projector, `?embed=<view>` for an `<iframe>` next to a post) and, for each view, the page's
//! controls that come with it (the settings its figure is drawn from).
//!
//! The mode lives in the link's query, apart from the state in its hash: the hash is rewritten
//! as the state changes, and the mode must outlive that. Keys other than the two are left to
//! whatever else reads the query (a host's tracking parameters, say) and ignored here.

use super::error::excerpt;
use super::view::{View, VIEW_NAMES};
use crate::i18n::messages::errors;
use crate::i18n::Lang;
use std::fmt;

/// How the page shows itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageMode {
    /// The whole page, every view in order.
    Full,
    /// One view at a time, large, with its controls beside it, starting at this view.
    Present(View),
    /// Only this view and its controls, sized to the frame around it.
    Embed(View),
}

impl PageMode {
    /// The mode's name as the page uses it ("full", "present", "embed").
    pub fn name(self) -> &'static str {
        match self {
            PageMode::Full => "full",
            PageMode::Present(_) => "present",
            PageMode::Embed(_) => "embed",
        }
    }

    /// The view shown alone, if any.
    pub fn view(self) -> Option<View> {
        match self {
            PageMode::Full => None,
            PageMode::Present(v) | PageMode::Embed(v) => Some(v),
        }
    }
}

/// Why a link's mode was not used (the page then shows the whole page and says why).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModeError {
    /// `embed=` names no view (the value is a sanitised excerpt).
    UnknownEmbed(String),
    /// `present=` is neither 1 nor a view's name (sanitised excerpt).
    UnknownPresent(String),
    /// The same key twice.
    Repeated(&'static str),
    /// Both `embed` and `present`.
    Both,
}

impl ModeError {
    /// The message in `lang` (in English, the same text as `Display`).
    pub fn message(&self, lang: Lang) -> String {
        let w = errors(lang);
        match self {
            ModeError::UnknownEmbed(v) => w.mode_unknown_embed(v, &VIEW_NAMES),
            ModeError::UnknownPresent(v) => w.mode_unknown_present(v, &VIEW_NAMES),
            ModeError::Repeated(key) => w.mode_repeated(key),
            ModeError::Both => w.mode_both(),
        }
    }
}

impl fmt::Display for ModeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The mode a link's query asks for (`location.search`, with or without its leading `?`).
///
/// # Errors
/// A [`ModeError`] naming what was wrong; the caller then shows the whole page.
pub fn parse_mode(query: &str) -> Result<PageMode, ModeError> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut embed = None;
    let mut present = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let slot = match key {
            "embed" => &mut embed,
            "present" => &mut present,
            _ => continue,
        };
        if slot.replace(value).is_some() {
            return Err(ModeError::Repeated(if key == "embed" {
                "embed"
            } else {
                "present"
            }));
        }
    }
    match (embed, present) {
        (None, None) => Ok(PageMode::Full),
        (Some(_), Some(_)) => Err(ModeError::Both),
        (Some(name), None) => View::from_name(name)
            .map(PageMode::Embed)
            .ok_or_else(|| ModeError::UnknownEmbed(excerpt(name, "-_."))),
        (None, Some("1")) => Ok(PageMode::Present(View::ALL[0])),
        (None, Some(name)) => View::from_name(name)
            .map(PageMode::Present)
            .ok_or_else(|| ModeError::UnknownPresent(excerpt(name, "-_."))),
    }
}

/// The ids of the page's shared controls a view is drawn from; the page shows the groups
/// holding them beside the view when it is shown alone. A view's own controls (the objective,
/// the schedule, the costs) sit in its section and come with it anyway.
pub fn view_controls(view: View) -> &'static [&'static str] {
    const DISTRIBUTION: [&str; 4] = ["k", "tau", "samples", "seed"];
    match view {
        // τ plays no role in which class wins, nor in the paper's fixed temperatures.
        View::GumbelMax | View::Figure1 => &["k", "samples", "seed"],
        View::Components
        | View::Expectation
        | View::Strip
        | View::Density
        | View::StraightThrough
        | View::Estimators => &DISTRIBUTION,
        // Play walks τ down the schedule the view draws.
        View::Annealing => &["play"],
        View::Cost => &[],
        // Trained on the page's π, objective and seed, at τ (or along the schedule); N plays
        // no role.
        View::Training => &["k", "tau", "seed"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_mode_is_the_full_page_and_other_keys_are_ignored() {
        for q in ["", "?", "?utm_source=x", "a=1&&b", "?fbclid=abc&x"] {
            assert_eq!(parse_mode(q), Ok(PageMode::Full), "{q}");
        }
    }

    #[test]
    fn every_view_can_be_embedded_and_presented() {
        for view in View::ALL {
            let q = format!("?embed={}", view.name());
            assert_eq!(parse_mode(&q), Ok(PageMode::Embed(view)));
            let q = format!("x=1&present={}", view.name());
            assert_eq!(parse_mode(&q), Ok(PageMode::Present(view)));
        }
        assert_eq!(
            parse_mode("?present=1"),
            Ok(PageMode::Present(View::ALL[0]))
        );
    }

    #[test]
    fn bad_values_are_refused_with_a_message_naming_them() {
        let err = parse_mode("?embed=densty").unwrap_err();
        assert_eq!(err, ModeError::UnknownEmbed("densty".into()));
        assert!(err.to_string().contains("\"densty\""));
        assert!(err.to_string().contains("density"));
        assert!(matches!(
            parse_mode("?present=2"),
            Err(ModeError::UnknownPresent(_))
        ));
        assert!(matches!(
            parse_mode("?present="),
            Err(ModeError::UnknownPresent(_))
        ));
        assert!(matches!(
            parse_mode("?embed"),
            Err(ModeError::UnknownEmbed(_))
        ));
        assert_eq!(
            parse_mode("?embed=cost&embed=cost"),
            Err(ModeError::Repeated("embed"))
        );
        assert_eq!(parse_mode("?embed=cost&present=1"), Err(ModeError::Both));
    }

    #[test]
    fn markup_in_a_value_never_reaches_the_message() {
        let err = parse_mode("?embed=%3Cscript%3E<img src=x onerror=alert(1)>").unwrap_err();
        let text = err.to_string();
        assert!(!text.contains('<') && !text.contains('>'), "{text}");
        let long = format!("?present={}", "a".repeat(500));
        assert!(parse_mode(&long).unwrap_err().to_string().len() < 400);
    }

    #[test]
    fn controls_name_only_known_shared_controls_without_repeats() {
        let known = ["k", "tau", "samples", "seed", "play"];
        for view in View::ALL {
            let ids = view_controls(view);
            for (i, id) in ids.iter().enumerate() {
                assert!(known.contains(id), "{view:?}: {id}");
                assert!(!ids[..i].contains(id), "{view:?}: {id} twice");
            }
        }
        assert!(!view_controls(View::GumbelMax).contains(&"tau"));
        assert!(view_controls(View::Density).contains(&"tau"));
    }
}
