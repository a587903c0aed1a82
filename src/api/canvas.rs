//! A canvas backend for the figures: plotters-canvas for lines and text, plus two things it
//! lacks. The density heatmap's RGBA image (`Backend::blit_rgba`) goes to the canvas in one
//! `putImageData` call instead of one `fillRect` per pixel, and text is measured with the
//! canvas's own `measureText`, which needs no page layout, instead of a temporary DOM element
//! per label.
//!
//! A failure says which canvas call failed and why, and keeps its kind: a refused drawing call
//! (a line, a fill, the heatmap's blit) is a drawing error, which the figures report as
//! [`RenderError::Backend`](crate::render::RenderError::Backend); a text that could not be
//! measured or drawn is a font error, reported as
//! [`RenderError::Text`](crate::render::RenderError::Text).

use std::fmt;

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;

use crate::render::Backend;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// plotters-canvas does not export its error type by name.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

/// A canvas call that failed, and the browser's reason.
#[derive(Clone, PartialEq, Eq)]
pub struct CanvasFailure {
    /// What was asked of the canvas, e.g. "putImageData (the heatmap's pixels)".
    pub call: &'static str,
    /// The browser's reason, as it gave it.
    pub reason: String,
}

impl fmt::Display for CanvasFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed: {}", self.call, self.reason)
    }
}

/// The same text as `Display`: a derived `Debug` would bring Rust's escaping of strings (and its
/// Unicode tables) into the page's module for a text that nothing shows.
impl fmt::Debug for CanvasFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for CanvasFailure {}

/// What every method of the backend returns on failure.
type Failure = DrawingErrorKind<CanvasFailure>;

/// The browser's reason for a failed call: its text, else its JSON, else a plain word.
fn reason(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::JSON::stringify(e).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "no reason given".to_string())
}

/// A drawing call of ours that the canvas refused: a drawing error.
fn refused(call: &'static str) -> impl Fn(JsValue) -> Failure {
    move |e| {
        let reason = reason(&e);
        DrawingErrorKind::DrawingError(CanvasFailure { call, reason })
    }
}

/// A text the canvas could not measure: a font error.
fn unmeasured(e: JsValue) -> Failure {
    let reason = reason(&e);
    DrawingErrorKind::FontError(Box::new(CanvasFailure {
        call: "measureText",
        reason,
    }))
}

/// A failure of plotters-canvas's own drawing of `call`, in the kind plotters-canvas gave it.
fn forwarded(call: &'static str) -> impl Fn(DrawingErrorKind<CanvasError>) -> Failure {
    move |e| match e {
        DrawingErrorKind::DrawingError(e) => {
            let reason = e.to_string();
            DrawingErrorKind::DrawingError(CanvasFailure { call, reason })
        }
        DrawingErrorKind::FontError(e) => {
            let reason = e.to_string();
            DrawingErrorKind::FontError(Box::new(CanvasFailure { call, reason }))
        }
    }
}

/// Methods of [`DrawingBackend`] handed to plotters-canvas as they are, each failure said as
/// a failure of `$what` (see [`forwarded`]). Type parameters go in square brackets.
macro_rules! forward {
    ($($method:ident $([$($generics:tt)*])? ($($arg:ident: $ty:ty),* $(,)?) $what:literal;)*) => {
        $(
            fn $method $(<$($generics)*>)? (&mut self, $($arg: $ty),*) -> Result<(), Failure> {
                self.inner.$method($($arg),*).map_err(forwarded($what))
            }
        )*
    };
}

/// The figures' backend on a browser canvas.
pub struct FastCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl FastCanvas {
    /// Wraps a canvas; `None` when it has no 2-D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<FastCanvas> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(FastCanvas { inner, context })
    }
}

impl DrawingBackend for FastCanvas {
    type ErrorType = CanvasFailure;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    forward! {
        ensure_prepared() "preparing the canvas";
        present() "presenting the canvas";
        draw_pixel(point: BackendCoord, color: BackendColor) "drawing a pixel";
        draw_line[S: BackendStyle](from: BackendCoord, to: BackendCoord, style: &S)
            "drawing a line";
        draw_rect[S: BackendStyle](
            upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool
        ) "drawing a rectangle";
        draw_path[S: BackendStyle, I: IntoIterator<Item = BackendCoord>](path: I, style: &S)
            "drawing a path";
        draw_circle[S: BackendStyle](center: BackendCoord, radius: u32, style: &S, fill: bool)
            "drawing a circle";
        fill_polygon[S: BackendStyle, I: IntoIterator<Item = BackendCoord>](vert: I, style: &S)
            "filling a polygon";
        draw_text[S: BackendTextStyle](text: &str, style: &S, pos: BackendCoord) "drawing text";
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Failure> {
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        ));
        let metrics = self.context.measure_text(text).map_err(unmeasured)?;
        let width = metrics.width().max(0.0).ceil() as u32;
        // Line height as the font size: what plotters' own layout returns for one line.
        let height = style.size().max(0.0).ceil() as u32;
        let (w, h) = match style.transform() {
            plotters_backend::FontTransform::Rotate90
            | plotters_backend::FontTransform::Rotate270 => (height, width),
            _ => (width, height),
        };
        Ok((w, h))
    }
}

/// The heatmap's RGBA pixels go to the canvas as they are, in one `putImageData`.
impl Backend for FastCanvas {
    fn blit_rgba(
        &mut self,
        pos: BackendCoord,
        (w, h): (u32, u32),
        rgba: &[u8],
    ) -> Result<(), Failure> {
        if w == 0 || h == 0 || rgba.len() < w as usize * h as usize * 4 {
            return Ok(());
        }
        let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), w, h)
            .map_err(refused("ImageData (the heatmap's pixels)"))?;
        self.context
            .put_image_data(&image, f64::from(pos.0), f64::from(pos.1))
            .map_err(refused("putImageData (the heatmap's pixels)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::RenderError;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn a_refused_blit_is_a_drawing_failure_naming_the_call() {
        let e = refused("putImageData (the heatmap's pixels)")(JsValue::from_str("IndexSizeError"));
        assert_eq!(
            RenderError::from(e),
            RenderError::Backend(
                "putImageData (the heatmap's pixels) failed: IndexSizeError".into()
            )
        );
    }

    #[wasm_bindgen_test]
    fn a_failed_measurement_is_a_text_failure() {
        let e = unmeasured(JsValue::from_str("SyntaxError: bad font"));
        assert_eq!(
            RenderError::from(e),
            RenderError::Text("measureText failed: SyntaxError: bad font".into())
        );
        let inner = DrawingErrorKind::<CanvasError>::FontError(Box::new(CanvasFailure {
            call: "fillText",
            reason: "no font".into(),
        }));
        assert_eq!(
            RenderError::from(forwarded("drawing text")(inner)),
            RenderError::Text("drawing text failed: fillText failed: no font".into())
        );
    }

    #[wasm_bindgen_test]
    fn a_reason_is_the_browsers_text_or_json() {
        assert_eq!(reason(&JsValue::from_str("refused")), "refused");
        assert_eq!(reason(&JsValue::from_f64(3.5)), "3.5");
        assert_eq!(reason(&js_sys::Array::of1(&JsValue::TRUE).into()), "[true]");
        assert_eq!(reason(&JsValue::UNDEFINED), "no reason given");
    }
}
