//! View 9, the digits: test digits beside each model's reconstruction of them, and each
//! model's samples from the prior, as small grey images (dark = pixel probably on).

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::Theme;
use super::error::RenderError;
use super::frame::{start_figure, sub_area};
use super::text::{text, text_size};
use super::theme::{label_font, px, small_font, stroke, AXIS, GRID};

/// A labelled row of images, each `side × side` pixel probabilities, row-major.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DigitRow {
    /// Written left of the row ("original", "GS", …).
    pub label: String,
    /// The images, left to right.
    pub images: Vec<Vec<f32>>,
}

/// What the digits figure draws: two panels of rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VaeDigitsData {
    /// Pixels per image side (8 for the digits).
    pub side: usize,
    /// The first panel's title.
    pub left_title: String,
    /// Its rows: the originals, then one row of reconstructions per model.
    pub left: Vec<DigitRow>,
    /// The second panel's title.
    pub right_title: String,
    /// Its rows: one row of prior samples per model.
    pub right: Vec<DigitRow>,
}

/// A panel to draw: its title, its rows, and its rectangle (x, y, width, height) in pixels.
type Panel<'a> = (&'a str, &'a [DigitRow], (i32, i32, i32, i32));

/// Ink of a pixel that is on with probability `p`: white for 0, near-black for 1.
fn ink(p: f32) -> RGBColor {
    let p = if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let level = (255.0 - 221.0 * f64::from(p)).round() as u8;
    RGBColor(level, level, level)
}

/// The columns a panel needs: its widest row, at least one.
fn columns(rows: &[DigitRow]) -> usize {
    rows.iter()
        .map(|r| r.images.len())
        .max()
        .unwrap_or(0)
        .max(1)
}

pub fn draw_vae_digits<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &VaeDigitsData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let Some(frame) = start_figure(area, theme, 240.0, 100.0)? else {
        return Ok(());
    };
    let m = frame.margin;
    let (w, h) = (frame.w - 2 * m, frame.h - 2 * m);
    // Side by side on a wide canvas, one above the other on a narrow one.
    let side_by_side = w >= 2 * h;
    let gap = px(theme, 24.0);
    let panels: [Panel; 2] = if side_by_side {
        let left_w = (w - gap) * columns(&data.left) as i32
            / (columns(&data.left) + columns(&data.right)).max(1) as i32;
        [
            (&data.left_title, &data.left, (m, m, left_w, h)),
            (
                &data.right_title,
                &data.right,
                (m + left_w + gap, m, w - left_w - gap, h),
            ),
        ]
    } else {
        let rows = (data.left.len() + data.right.len()).max(1) as i32;
        let top_h = (h - gap) * data.left.len().max(1) as i32 / rows;
        [
            (&data.left_title, &data.left, (m, m, w, top_h)),
            (
                &data.right_title,
                &data.right,
                (m, m + top_h + gap, w, h - top_h - gap),
            ),
        ]
    };
    // One label column wide enough for every row label, the same in both panels.
    let label_style = small_font(theme);
    let label_w = data
        .left
        .iter()
        .chain(&data.right)
        .map(|r| text_size(area, &r.label, &label_style).0)
        .max()
        .unwrap_or(0)
        + px(theme, 8.0);
    for (title, rows, rect) in panels {
        let panel = sub_area(area, rect);
        draw_panel(&panel, theme, title, rows, data.side, label_w)?;
    }
    Ok(())
}

fn draw_panel<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    title: &str,
    rows: &[DigitRow],
    side: usize,
    label_w: i32,
) -> Result<(), RenderError> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let title_h = px(theme, 22.0);
    text(
        area,
        title,
        (0, title_h / 2),
        &label_font(theme),
        HPos::Left,
        VPos::Center,
    )?;
    if rows.is_empty() || side == 0 {
        return Ok(());
    }
    let cols = columns(rows) as i32;
    let pad = px(theme, 4.0).max(1);
    let cell = ((w - label_w) / cols)
        .min((h - title_h) / rows.len() as i32)
        .max(2);
    let box_size = (cell - pad).max(1);
    // Whole device pixels per image pixel, so every image pixel has the same size.
    let unit = (box_size / side as i32).max(1);
    let image_size = unit * side as i32;
    for (r, row) in rows.iter().enumerate() {
        let y = title_h + r as i32 * cell;
        text(
            area,
            &row.label,
            (label_w - px(theme, 8.0), y + image_size / 2),
            &small_font(theme),
            HPos::Right,
            VPos::Center,
        )?;
        for c in 0..cols {
            let x = label_w + c * cell;
            let image = row.images.get(c as usize);
            if let Some(image) = image {
                draw_image(area, image, side, (x, y), unit)?;
            }
            let outline = if image.is_some() { AXIS } else { GRID };
            area.draw(&Rectangle::new(
                [(x, y), (x + image_size, y + image_size)],
                outline.stroke_width(stroke(theme, 1.0)),
            ))?;
        }
    }
    Ok(())
}

/// One image: `side × side` squares of `unit` pixels from `at` (top left).
fn draw_image<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    image: &[f32],
    side: usize,
    at: (i32, i32),
    unit: i32,
) -> Result<(), RenderError> {
    for (i, &p) in image.iter().take(side * side).enumerate() {
        // White pixels are the background already.
        if p.is_finite() && p <= 0.0 {
            continue;
        }
        let (row, col) = ((i / side) as i32, (i % side) as i32);
        let x = at.0 + col * unit;
        let y = at.1 + row * unit;
        area.draw(&Rectangle::new(
            [(x, y), (x + unit, y + unit)],
            ink(p).filled(),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ink_is_darker_for_likelier_pixels_and_safe_for_any_number() {
        assert_eq!(ink(0.0), RGBColor(255, 255, 255));
        assert_eq!(ink(1.0), RGBColor(34, 34, 34));
        assert!(ink(0.7).0 < ink(0.3).0);
        assert_eq!(ink(f32::NAN), ink(0.0));
        assert_eq!(ink(7.0), ink(1.0));
    }
}
