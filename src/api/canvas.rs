//! A canvas backend for the figures: plotters-canvas for lines and text, plus two things it
//! lacks. Bitmaps (the density heatmap) go to the canvas in one `putImageData` call instead of
//! one `fillRect` per pixel, and text is measured with the canvas's own `measureText`, which
//! needs no page layout, instead of a temporary DOM element per label.

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// plotters-canvas does not export its error type by name.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

pub struct FastCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    rgba: Vec<u8>,
}

fn js_error(e: JsValue) -> DrawingErrorKind<CanvasError> {
    let text = e
        .as_string()
        .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "canvas error".to_string());
    DrawingErrorKind::FontError(text.into())
}

impl FastCanvas {
    /// Wraps a canvas; `None` when it has no 2-D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<FastCanvas> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(FastCanvas {
            inner,
            context,
            rgba: Vec::new(),
        })
    }
}

impl DrawingBackend for FastCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.present()
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.fill_polygon(vert, style)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        ));
        let metrics = self.context.measure_text(text).map_err(js_error)?;
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

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (w, h): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let pixels = w as usize * h as usize;
        if w == 0 || h == 0 || src.len() < pixels * 3 {
            return Ok(());
        }
        self.rgba.clear();
        self.rgba.reserve(pixels * 4);
        for rgb in src[..pixels * 3].chunks_exact(3) {
            self.rgba.extend_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
        }
        let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&self.rgba), w, h)
            .map_err(js_error)?;
        self.context
            .put_image_data(&image, f64::from(pos.0), f64::from(pos.1))
            .map_err(js_error)
    }
}
