//! A plotters backend on an `OffscreenCanvas`, so the training worker draws view 9's figures
//! itself and hands the page finished pictures (plotters-canvas needs a page's canvas element,
//! which a worker does not have). Text is measured with the canvas's own `measureText`.

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
    FontTransform,
};
use std::f64::consts::PI;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{OffscreenCanvas, OffscreenCanvasRenderingContext2d};

/// What the canvas refused, in its own words.
#[derive(Debug)]
pub struct OffscreenError(String);

impl fmt::Display for OffscreenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OffscreenError {}

type Failure = DrawingErrorKind<OffscreenError>;

fn refused(e: JsValue) -> Failure {
    let text = e.as_string().unwrap_or_else(|| format!("{e:?}"));
    DrawingErrorKind::DrawingError(OffscreenError(text))
}

/// A CSS colour for the canvas's fill and stroke styles.
fn css(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("rgba({r},{g},{b},{})", c.alpha)
}

/// The 2-D context of an offscreen canvas, seen by plotters as a drawing backend.
pub struct OffscreenBackend {
    context: OffscreenCanvasRenderingContext2d,
    size: (u32, u32),
}

impl OffscreenBackend {
    /// Wraps `canvas`; `None` when it gives no 2-D context.
    pub fn new(canvas: &OffscreenCanvas) -> Option<Self> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Self {
            context,
            size: (canvas.width(), canvas.height()),
        })
    }

    fn set_stroke<S: BackendStyle>(&self, style: &S) {
        self.context.set_stroke_style_str(&css(style.color()));
        self.context.set_line_width(f64::from(style.stroke_width()));
    }

    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        self.context.begin_path();
        let mut any = false;
        for (i, (x, y)) in points.into_iter().enumerate() {
            let (x, y) = (f64::from(x), f64::from(y));
            if i == 0 {
                self.context.move_to(x, y);
            } else {
                self.context.line_to(x, y);
            }
            any = true;
        }
        any
    }

    /// Draws the points as one path in `style`'s colour: closed and filled with `fill`, else
    /// stroked; nothing for a transparent colour or no points.
    fn draw_traced<S: BackendStyle>(
        &self,
        points: impl IntoIterator<Item = BackendCoord>,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        if style.color().alpha == 0.0 || !self.trace(points) {
            return Ok(());
        }
        if fill {
            self.context.close_path();
        }
        self.paint(style, fill);
        Ok(())
    }

    /// Fills (with `fill`) or strokes the path just traced, in `style`'s colour.
    fn paint<S: BackendStyle>(&self, style: &S, fill: bool) {
        if fill {
            self.context.set_fill_style_str(&css(style.color()));
            self.context.fill();
        } else {
            self.set_stroke(style);
            self.context.stroke();
        }
    }

    fn set_font<S: BackendTextStyle>(&self, style: &S) {
        let slant = match style.style() {
            FontStyle::Italic | FontStyle::Oblique => "italic ",
            _ => "",
        };
        let weight = if matches!(style.style(), FontStyle::Bold) {
            "bold "
        } else {
            ""
        };
        self.context.set_font(&format!(
            "{slant}{weight}{}px {}",
            style.size(),
            style.family().as_str()
        ));
    }
}

impl DrawingBackend for OffscreenBackend {
    type ErrorType = OffscreenError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), Failure> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), Failure> {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result<(), Failure> {
        if color.alpha > 0.0 {
            self.context.set_fill_style_str(&css(color));
            self.context.fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failure> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(x0), f64::from(y0));
        let (w, h) = (f64::from(x1 - x0), f64::from(y1 - y0));
        if fill {
            self.context.set_fill_style_str(&css(style.color()));
            self.context.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        self.draw_traced(path, style, false)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), Failure> {
        self.draw_traced(vertices, style, true)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.context.begin_path();
        self.context
            .arc(f64::from(x), f64::from(y), f64::from(radius), 0.0, 2.0 * PI)
            .map_err(refused)?;
        self.paint(style, fill);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), Failure> {
        use plotters_backend::text_anchor::{HPos, VPos};
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let angle = match style.transform() {
            FontTransform::Rotate90 => PI / 2.0,
            FontTransform::Rotate180 => PI,
            FontTransform::Rotate270 => -PI / 2.0,
            _ => 0.0,
        };
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        };
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let ctx = &self.context;
        ctx.save();
        ctx.translate(f64::from(x), f64::from(y)).map_err(refused)?;
        if angle != 0.0 {
            ctx.rotate(angle).map_err(refused)?;
        }
        self.set_font(style);
        ctx.set_text_align(align);
        ctx.set_text_baseline(baseline);
        ctx.set_fill_style_str(&css(colour));
        let drawn = ctx.fill_text(text, 0.0, 0.0).map_err(refused);
        ctx.restore();
        drawn
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Failure> {
        self.set_font(style);
        let metrics = self.context.measure_text(text).map_err(refused)?;
        let width = metrics.width().max(0.0).ceil() as u32;
        // One line is as tall as the font is large, as plotters lays text out.
        let height = style.size().max(0.0).ceil() as u32;
        Ok(match style.transform() {
            FontTransform::Rotate90 | FontTransform::Rotate270 => (height, width),
            _ => (width, height),
        })
    }
}

/// The digits are drawn as rectangles; an RGBA image would go through plotters' bitmap.
impl crate::render::Backend for OffscreenBackend {}
