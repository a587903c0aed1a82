//! Showing one view on its own, for the page: the mode a link asks for, the controls that come
//! with a view, and how much larger figures may draw on a large canvas (the projector).
//!
//! The rules live in `model::single_view` and `render::zoom`; this file only exports them.

use super::Explorer;
use crate::model::single_view::{parse_mode, view_controls as controls_of};
use crate::model::View;
use crate::render::zoom::{figure_zoom, smallest_text_px, MAX_ZOOM};
use wasm_bindgen::prelude::*;

/// The mode the link's query asks for (`location.search`): `["full"]`, `["present", view]` or
/// `["embed", view]`. A bad mode is an error whose message says what was wrong.
#[wasm_bindgen]
pub fn page_mode(query: &str) -> Result<Vec<String>, JsError> {
    let mode = parse_mode(query).map_err(|e| JsError::new(&e.to_string()))?;
    let mut out = vec![mode.name().to_string()];
    out.extend(mode.view().map(|v| v.name().to_string()));
    Ok(out)
}

/// The ids of the shared controls view `name` is drawn from (`k`, `tau`, `samples`, `seed`,
/// `play`); the page shows the groups that hold them beside the view when it is alone.
#[wasm_bindgen]
pub fn view_controls(name: &str) -> Result<Vec<String>, JsError> {
    let view = View::parse(name).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(controls_of(view).iter().map(|s| s.to_string()).collect())
}

#[wasm_bindgen]
impl Explorer {
    /// How much larger than normal figures may draw their text, lines and markers when their
    /// canvas is large: 1 (the default) keeps the normal sizes; the projector mode asks for
    /// more. Between 1 and the largest zoom allowed.
    pub fn set_text_scale(&mut self, limit: f64) -> Result<(), JsError> {
        if !(1.0..=MAX_ZOOM).contains(&limit) {
            return Err(JsError::new(&format!(
                "the text scale must be a number from 1 to {MAX_ZOOM}"
            )));
        }
        self.zoom_limit = limit;
        Ok(())
    }

    /// The CSS size of the smallest text (tick labels) a figure on a canvas of `css_w` ×
    /// `css_h` CSS pixels draws at the current text scale.
    pub fn smallest_text_px(&self, css_w: f64, css_h: f64) -> f64 {
        smallest_text_px(figure_zoom(css_w, css_h, self.zoom_limit))
    }
}
