//! The numbers behind every figure, for the page's data tables: each view's table as CSV (the
//! page shows it as an HTML table under the figure and offers it for download), a fingerprint
//! that tells the page when a table changed, and the sentence that says what a table lists.

use super::Explorer;
use crate::i18n::Lang;
use crate::model::tables::table_note as note;
use crate::model::View;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Explorer {
    /// The table of what view `name` draws, as CSV: a header line, then one line per row;
    /// numbers in plain decimals or `1.2e-5` notation, an empty field where there is no value.
    ///
    /// # Errors
    /// An unknown view name, or the view's data cannot be computed (the message says why).
    pub fn table(&mut self, name: &str) -> Result<String, JsError> {
        let view = View::parse(name).map_err(self.js())?;
        Ok(self.model.table(view).map_err(self.js())?.to_csv())
    }

    /// A fingerprint (hexadecimal text) of everything the table of view `name` depends on:
    /// while it stays the same, so does the table.
    ///
    /// # Errors
    /// An unknown view name.
    pub fn table_key(&mut self, name: &str) -> Result<String, JsError> {
        let view = View::parse(name).map_err(self.js())?;
        // A table's words change with the language, its numbers with the fingerprint.
        let key = self.model.table_fingerprint(view) ^ language_bits(self.model.language());
        Ok(format!("{key:016x}"))
    }

    /// Whether the figure and the table of view `name` can be had at once, without long work.
    /// If not (Figure 1's panel or the estimator sweep of a new π), that work begins, [`refine`](Self::refine)
    /// carries it on in slices, and [`refining`](Self::refining) is true until it is done.
    ///
    /// # Errors
    /// An unknown view name, or a view this module does not draw.
    pub fn data_ready(&mut self, name: &str) -> Result<bool, JsError> {
        let view = View::parse(name).map_err(self.js())?;
        view.require_module().map_err(self.js())?;
        Ok(match view {
            View::Figure1 => self.model.figure1_ready(),
            View::Estimators => self.model.sweep_ready(),
            _ => true,
        })
    }

    /// What the table of view `name` lists, in one sentence, for the current k.
    ///
    /// # Errors
    /// An unknown view name.
    pub fn table_note(&self, name: &str) -> Result<String, JsError> {
        let view = View::parse(name).map_err(self.js())?;
        Ok(note(view, self.model.settings().k(), self.model.language()))
    }
}

/// What a language changes in a table's fingerprint: nothing for English (so the keys the page
/// knows stay as they were), a fixed odd pattern for any other language.
fn language_bits(lang: Lang) -> u64 {
    match lang {
        Lang::En => 0,
        Lang::ZhCn => 0x9E37_79B9_7F4A_7C15,
    }
}
