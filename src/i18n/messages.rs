//! The words the model and the page's handle report (error messages, notes, table headings), in
//! each language.
//!
//! Four tables, each a struct holding its language with one method per phrase: [`ErrorWords`]
//! (what a setting or a link is refused for), [`MathWords`] (the math core's refusals as they
//! reach the page), [`VaeWords`] (view 9's refusals) and [`ReportWords`] (notes, the sentences
//! that read a run, the data tables' notes, headings and named cells, and the few words the
//! model puts into a figure's data). Each phrase is one entry of a table (`table::phrases!`)
//! with its English and its Simplified Chinese side by side: `messages/errors.rs`, `math.rs`,
//! `vae.rs`, and for the reports `reports.rs` and `tables.rs`.
//!
//! Every value a phrase quotes arrives already written (numbers as `crate::format` writes them,
//! names as the caller has them), so the tables decide only the words and their order. English
//! phrases are the model's own texts from before there were two languages, character for
//! character.

mod errors;
mod math;
mod reports;
mod tables;
mod vae;

use super::Lang;

/// What view 9's sentence reads from a run, each value already written.
pub struct VaeSentence<'a> {
    /// Training steps so far.
    pub steps: &'a str,
    /// How GS stands against SF+baseline (a phrase of its own).
    pub standing: &'a str,
    /// The test −ELBO of GS, of SF+baseline and of ST-GS (`st`), in nats.
    pub gs_value: &'a str,
    pub sf_value: &'a str,
    pub st: &'a str,
    pub st_value: &'a str,
    /// GS's name, and how it stands against the independent-pixel score (a phrase of its own).
    pub gs: &'a str,
    pub against_reference: &'a str,
}

/// The form of the `vae=` part of a link: its key and the ranges of N, K and the last step.
pub struct VaeLinkRule<'a> {
    pub key: &'a str,
    pub latents: (usize, usize),
    pub categories: (usize, usize),
    pub max_until: u64,
}

/// What a setting or a link is refused for, in one language. A control's noun and a rule come
/// from this table; numbers arrive written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorWords(Lang);

/// The math core's refusals, in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MathWords(Lang);

/// View 9's refusals (its settings, its link and the trainer's configuration), in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VaeWords(Lang);

/// Notes, the sentences that read a run, table notes, headings and named cells, and the words
/// a figure's data carries, in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportWords(Lang);

/// The error table of `lang`.
pub fn errors(lang: Lang) -> ErrorWords {
    ErrorWords(lang)
}

/// The math core's error table of `lang`.
pub fn math(lang: Lang) -> MathWords {
    MathWords(lang)
}

/// View 9's error table of `lang`.
pub fn vae(lang: Lang) -> VaeWords {
    VaeWords(lang)
}

/// The notes, readouts and tables of `lang`.
pub fn reports(lang: Lang) -> ReportWords {
    ReportWords(lang)
}

#[cfg(test)]
mod tests;
