//! Drawing a view onto its canvas: the backing store sized to the canvas's CSS box times the
//! device pixel ratio, and a view drawn again only when its inputs or that size changed.
//!
//! The page knows each canvas's CSS size from a `ResizeObserver` and passes it in
//! (`draw_at`), so that a draw never reads the page's layout: after a canvas's backing store
//! was resized, reading the next canvas's size would make the browser lay out the whole page
//! again in the middle of the redraw.
//!
//! A view drawn later out of sight can be prepared first in bounded steps (`prepare_at`), so
//! that its draw is short.

use super::{Explorer, FastCanvas};
use crate::model::draw::{draw_view, prepare_view};
use crate::model::fingerprint::Fingerprint;
use crate::model::raster_bands::BAND_PIXELS;
use crate::model::view::VIEW_COUNT;
use crate::model::{ModelError, View};
use crate::render::Theme;
use plotters::prelude::*;
use std::hash::{Hash, Hasher};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The largest backing store a side gets, in device pixels.
const MAX_SIDE: f64 = 8192.0;

/// The device pixel ratio, between 1 and 4 (1 when the browser gives none that makes sense).
fn device_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
        .clamp(1.0, 4.0)
}

#[wasm_bindgen]
impl Explorer {
    /// While `on` (a slider is being dragged, a key repeats), `draw_at` computes the k = 3 heatmap
    /// at half the CSS-pixel resolution (whatever the device's ratio) and scales it up; text and
    /// lines stay at full resolution. When it goes off, the next `draw_at` refines the heatmap.
    pub fn set_interactive(&mut self, on: bool) {
        self.interactive = on;
    }

    /// Forgets which views are drawn, so the next `draw_at` of each redraws it.
    pub fn invalidate(&mut self) {
        self.drawn = [None; VIEW_COUNT];
    }

    /// What each view's canvas shows, as text for `adopt_drawn`: one fingerprint per view in
    /// page order (hexadecimal, empty when the view is not drawn), separated by commas.
    pub fn drawn_keys(&self) -> String {
        let keys: Vec<String> = self
            .drawn
            .iter()
            .map(|d| d.map(|f| format!("{f:x}")).unwrap_or_default())
            .collect();
        keys.join(",")
    }

    /// Takes over what another handle drew on the same canvases (its `drawn_keys`), so that a
    /// view it drew is not drawn again while nothing it depends on changes. The handle the
    /// full module makes when it takes over from the first module's starts from these; the
    /// two modules draw the same picture from the same inputs. Text of another form (another
    /// number of views, a field that is not a fingerprint) is ignored and forgets nothing.
    pub fn adopt_drawn(&mut self, keys: &str) {
        let parsed: Vec<Option<Option<u64>>> = keys
            .split(',')
            .map(|k| match k {
                "" => Some(None),
                _ => u64::from_str_radix(k, 16).ok().map(Some),
            })
            .collect();
        if parsed.len() != VIEW_COUNT || parsed.iter().any(Option::is_none) {
            return;
        }
        for (slot, key) in self.drawn.iter_mut().zip(parsed) {
            *slot = key.flatten();
        }
    }

    /// Draws view `name` onto `canvas`, whose CSS box (its `clientWidth` × `clientHeight`) is
    /// `css_w` × `css_h` pixels: the backing store gets that size times the device pixel ratio,
    /// rounded. Reads nothing of the page's layout. Returns whether anything was drawn (false
    /// when nothing it depends on changed, or when the size is under a pixel or not finite).
    pub fn draw_at(
        &mut self,
        name: &str,
        canvas: HtmlCanvasElement,
        css_w: f64,
        css_h: f64,
    ) -> Result<bool, JsError> {
        let view = View::parse(name).map_err(self.js())?;
        let Some((w, h, theme)) = self.sized(css_w, css_h) else {
            return Ok(false);
        };
        let ratio = device_ratio();
        self.model.prepare();
        let coarse = self.interactive && view == View::Density && self.model.settings().k() == 3;
        let divisor = if coarse {
            2 * (ratio.round() as u32).max(1)
        } else {
            1
        };
        let inputs = self.model.inputs_fingerprint(view);
        let fingerprint_at = |divisor: u32| {
            let mut hasher = Fingerprint::new();
            inputs.hash(&mut hasher);
            (w, h, theme.scale.to_bits(), divisor, theme.lang).hash(&mut hasher);
            hasher.finish()
        };
        let fingerprint = fingerprint_at(divisor);
        // A full-resolution picture of the same inputs needs no coarse one.
        let full = fingerprint_at(1);
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
        } else if [Some(fingerprint), Some(full)].contains(&self.drawn(view)) {
            return Ok(false);
        }
        self.model.set_raster_divisor(divisor);
        // Forget the old picture first: if drawing fails, the next call tries again.
        self.set_drawn(view, None);
        let js = self.js();
        let backend = FastCanvas::new(canvas).ok_or_else(|| js(ModelError::NoDrawingContext))?;
        let area = backend.into_drawing_area();
        draw_view(&mut self.model, view, &area, &theme)
            .and_then(|()| {
                area.present()
                    .map_err(|e| ModelError::Backend(e.to_string()))
            })
            .map_err(|e| js(ModelError::drawing(view, e)))?;
        self.set_drawn(view, Some(fingerprint));
        Ok(true)
    }

    /// One bounded step of the work that the next `draw_at` of view `name` at this size would
    /// otherwise do in one go, for a view drawn later out of sight: first the canvas's backing
    /// store, resized and allocated (white, as every figure begins), then for a k = 3 heatmap
    /// (the density view's, the training view's background) the buffers of its full-resolution
    /// raster, one a step, and its rows, a band a step. Returns whether steps remain; `draw_at`
    /// draws the same picture whether they ran or not.
    pub fn prepare_at(
        &mut self,
        name: &str,
        canvas: HtmlCanvasElement,
        css_w: f64,
        css_h: f64,
    ) -> Result<bool, JsError> {
        let view = View::parse(name).map_err(self.js())?;
        let Some((w, h, theme)) = self.sized(css_w, css_h) else {
            return Ok(false);
        };
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
            // Resizing cleared the picture.
            self.set_drawn(view, None);
            // The browser allocates the pixels at the first drawing; a canvas that cannot be
            // drawn on says so when the view is drawn.
            if let Some(backend) = FastCanvas::new(canvas) {
                let _ = crate::render::clear(&backend.into_drawing_area());
            }
            return Ok(true);
        }
        // While a slider moves, the heatmap is drawn coarse: nothing to prepare.
        let heatmap = view == View::Density && self.interactive;
        Ok(!heatmap && prepare_view(&mut self.model, view, (w, h), &theme, BAND_PIXELS))
    }

    /// The backing store's size for a CSS box of `css_w` × `css_h` pixels (times the device
    /// pixel ratio, rounded) and the theme its figure is drawn with; `None` below a pixel, for
    /// NaN or an infinite side.
    fn sized(&self, css_w: f64, css_h: f64) -> Option<(u32, u32, Theme)> {
        let laid_out = |side: f64| side.is_finite() && side >= 1.0;
        if !laid_out(css_w) || !laid_out(css_h) {
            return None;
        }
        let ratio = device_ratio();
        let w = (css_w * ratio).round().min(MAX_SIDE) as u32;
        let h = (css_h * ratio).round().min(MAX_SIDE) as u32;
        let theme = Theme {
            scale: ratio * crate::render::zoom::figure_zoom(css_w, css_h, self.zoom_limit),
            lang: self.model.language(),
        };
        Some((w, h, theme))
    }
}
