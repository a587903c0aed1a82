//! The look every figure shares: its colours, sizes scaled by the theme, its two fonts, and the
//! styling of a chart's axes and grid.

use super::backend::Backend;
use plotters::chart::MeshStyle;
use plotters::prelude::*;
// Generic family, so the browser and any SVG viewer pick their own sans-serif.
use plotters::style::FontFamily;

use super::chart_axis::Chart;
use super::data::Theme;
use super::error::Drawn;

/// Body text: dark grey rather than black, as on Distill pages.
pub const TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);
/// Secondary text: tick labels, notes.
pub const SUBTLE: RGBColor = RGBColor(0x70, 0x70, 0x70);
/// Grid lines: barely there, only to guide the eye.
pub const GRID: RGBColor = RGBColor(0xE6, 0xE6, 0xE6);
/// Axis lines and tick marks.
pub const AXIS: RGBColor = RGBColor(0xA0, 0xA0, 0xA0);

/// The theme's scale, made safe: a zero, negative or non-finite scale would collapse every size.
pub fn scale(theme: &Theme) -> f64 {
    if theme.scale.is_finite() && theme.scale > 0.0 {
        theme.scale.clamp(0.25, 8.0)
    } else {
        1.0
    }
}

/// `v` CSS pixels in device pixels.
pub fn px(theme: &Theme, v: f64) -> i32 {
    (v * scale(theme)).round() as i32
}

/// Line width of `w` CSS pixels, never thinner than one device pixel.
pub fn stroke(theme: &Theme, w: f64) -> u32 {
    ((w * scale(theme)).round() as u32).max(1)
}

pub fn font(theme: &Theme, size: f64, colour: RGBColor) -> TextStyle<'static> {
    // The enum variant, not `FontFamily::from("sans-serif")`: parsing the name lower-cases it,
    // which pulls Unicode case tables into the wasm module for nothing.
    (FontFamily::SansSerif, size * scale(theme))
        .into_font()
        .color(&colour)
}

/// The size of tick labels in CSS pixels at scale 1: the smallest text of most figures.
pub const TICK_TEXT_PX: f64 = 12.0;

/// Small grey text: tick labels and short notes inside a plot.
pub fn small_font(theme: &Theme) -> TextStyle<'static> {
    font(theme, TICK_TEXT_PX, SUBTLE)
}

/// Axis descriptions, legend entries, captions.
pub fn label_font(theme: &Theme) -> TextStyle<'static> {
    font(theme, 13.0, TEXT)
}

/// Theme-scaled styling of a chart's axes and grid: light grey grid at the labelled ticks only,
/// grey axes, small grey tick labels, dark axis descriptions.
pub fn style_mesh<'a, 'b, X, Y, DB>(mesh: &mut MeshStyle<'a, 'b, X, Y, DB>, theme: &Theme)
where
    X: Ranged,
    Y: Ranged,
    DB: Backend,
{
    mesh.bold_line_style(GRID.stroke_width(stroke(theme, 1.0)))
        .max_light_lines(0)
        .axis_style(AXIS.stroke_width(stroke(theme, 1.0)))
        .label_style(small_font(theme))
        .axis_desc_style(label_font(theme))
        .set_all_tick_mark_size(px(theme, 4.0));
}

/// Which grid lines a chart draws at its labelled ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridLines {
    Both,
    /// Horizontal lines only: the x axis counts things shown as bars (classes, samples).
    Across,
}

/// Draws a chart's axes and `grid` as [`style_mesh`] styles them, with `x_labels` and `y_labels`
/// ticks and the two axis descriptions.
pub fn draw_axes<DB: Backend>(
    chart: &mut Chart<'_, DB>,
    theme: &Theme,
    (x_labels, y_labels): (usize, usize),
    (x_desc, y_desc): (&str, &str),
    grid: GridLines,
) -> Drawn {
    let mut mesh = chart.configure_mesh();
    style_mesh(&mut mesh, theme);
    if grid == GridLines::Across {
        mesh.disable_x_mesh();
    }
    mesh.x_labels(x_labels)
        .y_labels(y_labels)
        .x_desc(x_desc)
        .y_desc(y_desc)
        .draw()?;
    Ok(())
}
