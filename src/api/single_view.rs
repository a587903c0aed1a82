//! Showing one view on its own, for the page: the mode a link asks for, the controls that come
//! with a view, and how much larger figures may draw on a large canvas (the projector).
//!
//! The rules live in `model::single_view` and `render::zoom`; this file only exports them.

use super::{language_or_english, Explorer};
use crate::i18n::messages::errors;
use crate::model::single_view::{parse_mode, view_controls as controls_of};
use crate::model::View;
use crate::render::zoom::{figure_zoom, smallest_text_px, MAX_ZOOM};
use wasm_bindgen::prelude::*;

/// The mode the link's query asks for (`location.search`): `["full"]`, `["present", view]` or
/// `["embed", view]`. A bad mode is an error whose message says what was wrong, in the language
/// of the optional tag `lang` (English without one).
#[wasm_bindgen]
pub fn page_mode(query: &str, lang: Option<String>) -> Result<Vec<String>, JsError> {
    let lang = language_or_english(lang);
    let mode = parse_mode(query).map_err(|e| JsError::new(&e.message(lang)))?;
    let mut out = vec![mode.name().to_string()];
    out.extend(mode.view().map(|v| v.name().to_string()));
    Ok(out)
}

/// The ids of the shared controls view `name` is drawn from (`k`, `tau`, `samples`, `seed`,
/// `play`); the page shows the groups that hold them beside the view when it is alone. An
/// unknown name is refused in the language of the optional tag `lang` (English without one).
#[wasm_bindgen]
pub fn view_controls(name: &str, lang: Option<String>) -> Result<Vec<String>, JsError> {
    let lang = language_or_english(lang);
    let view = View::parse(name).map_err(|e| JsError::new(&e.message(lang)))?;
    Ok(controls_of(view).iter().map(|s| s.to_string()).collect())
}

#[wasm_bindgen]
impl Explorer {
    /// How much larger than normal figures may draw their text, lines and markers when their
    /// canvas is large: 1 (the default) keeps the normal sizes; the projector mode asks for
    /// more. Between 1 and the largest zoom allowed.
    pub fn set_text_scale(&mut self, limit: f64) -> Result<(), JsError> {
        if !(1.0..=MAX_ZOOM).contains(&limit) {
            let words = errors(self.model.language());
            return Err(JsError::new(&words.text_scale(&MAX_ZOOM.to_string())));
        }
        self.zoom_limit = limit;
        Ok(())
    }

    /// The text scale set last (1 by default).
    pub fn text_scale(&self) -> f64 {
        self.zoom_limit
    }

    /// The CSS size of the smallest text (tick labels) a figure on a canvas of `css_w` ×
    /// `css_h` CSS pixels draws at the current text scale.
    pub fn smallest_text_px(&self, css_w: f64, css_h: f64) -> f64 {
        smallest_text_px(figure_zoom(css_w, css_h, self.zoom_limit))
    }
}
