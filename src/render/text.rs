//! Writing on a figure: the words in the theme's language, text placed at a pixel with an
//! alignment, the size it will take, the wording that fits, and the temperature label every
//! figure writes the same way.
//!
//! Sizes come from the backend: the browser's canvas measures text with `measureText`; plotters'
//! SVG backend without a font library estimates 0.455 × the font size per UTF-8 byte, which
//! makes a CJK character (three bytes) about 1.37 em wide where it draws 1 em. Native SVGs of the
//! Chinese figures therefore give their text more room than it takes, never less.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::data::Theme;
use super::error::Drawn;
use crate::format::rounded;
use crate::i18n::figures::FigureWords;

/// The words of the theme's language.
pub fn words(theme: &Theme) -> FigureWords {
    crate::i18n::figures::words(theme.lang)
}

/// Draws `text` anchored at `at` (area pixels) with the given alignment.
pub fn text<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    at: (i32, i32),
    style: &TextStyle,
    h: HPos,
    v: VPos,
) -> Drawn {
    if s.is_empty() {
        return Ok(());
    }
    area.draw_text(s, &style.pos(Pos::new(h, v)), at)?;
    Ok(())
}

/// Size of `s` in pixels as the backend will draw it; a rough estimate if the backend cannot say.
pub fn text_size<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    style: &TextStyle,
) -> (i32, i32) {
    match area.estimate_text_size(s, style) {
        Ok((w, h)) => (w.min(1 << 20) as i32, h.min(1 << 20) as i32),
        Err(_) => {
            let size = style.font.get_size();
            (
                (0.6 * size * s.chars().count() as f64).round() as i32,
                size.round() as i32,
            )
        }
    }
}

/// The first of `options` (a description, longest wording first) whose width fits in `room`
/// pixels, or the last one: a narrow figure gets the short wording instead of a clipped one.
pub fn fitting<'a, DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    options: &[&'a str],
    style: &TextStyle,
    room: i32,
) -> &'a str {
    options
        .iter()
        .find(|s| text_size(area, s, style).0 <= room)
        .or(options.last())
        .copied()
        .unwrap_or("")
}

/// "τ = 0.5": the temperature as every figure labels it.
pub fn fmt_tau(tau: f64) -> String {
    format!("τ = {}", rounded(tau, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temperatures_read_well() {
        assert_eq!(fmt_tau(0.5), "τ = 0.5");
        assert_eq!(fmt_tau(10.0), "τ = 10");
        assert_eq!(fmt_tau(0.0123), "τ = 0.012");
    }
}
