//! How much larger a figure draws its text, lines and markers on a large canvas: figures size
//! themselves from the canvas's CSS size, not from fixed pixels, up to a limit the page sets
//! (1 on the normal page, which keeps its look; larger on a projector).
//!
//! The factor multiplies the theme's scale, so every size grows together: a tick label of
//! [`TICK_TEXT_PX`] at zoom 2 is 24 CSS pixels, drawn with lines twice as thick.

pub use super::theme::TICK_TEXT_PX;

/// The canvas size (CSS pixels) at which a figure draws at its normal sizes; a canvas twice as
/// large in both directions draws everything twice as large.
pub const REFERENCE_CSS: (f64, f64) = (640.0, 360.0);

/// Largest limit a page may ask for.
pub const MAX_ZOOM: f64 = 4.0;

/// The zoom of a figure on a canvas of `css_w` × `css_h` CSS pixels: the smaller of the two
/// ratios to [`REFERENCE_CSS`], never below 1 and never above `limit` (itself kept within
/// 1 ..= [`MAX_ZOOM`]; a non-finite limit counts as 1).
pub fn figure_zoom(css_w: f64, css_h: f64, limit: f64) -> f64 {
    let limit = if limit.is_finite() {
        limit.clamp(1.0, MAX_ZOOM)
    } else {
        1.0
    };
    // `f64::min` would drop a NaN side; a canvas with no proper size draws at normal size.
    let ratio = (css_w / REFERENCE_CSS.0).min(css_h / REFERENCE_CSS.1);
    if css_w.is_finite() && css_h.is_finite() && ratio.is_finite() {
        ratio.clamp(1.0, limit)
    } else {
        1.0
    }
}

/// The CSS size of a figure's smallest text (its tick labels) at `zoom`.
pub fn smallest_text_px(zoom: f64) -> f64 {
    TICK_TEXT_PX * zoom
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_normal_page_keeps_its_sizes() {
        for (w, h) in [
            (300.0, 200.0),
            (900.0, 506.0),
            (1400.0, 788.0),
            (4000.0, 3000.0),
        ] {
            assert_eq!(figure_zoom(w, h, 1.0), 1.0);
        }
    }

    #[test]
    fn zoom_follows_the_smaller_side_up_to_the_limit() {
        assert_eq!(figure_zoom(1280.0, 1080.0, 3.0), 2.0);
        assert_eq!(figure_zoom(1920.0, 540.0, 3.0), 1.5);
        assert_eq!(figure_zoom(320.0, 180.0, 3.0), 1.0);
        assert_eq!(figure_zoom(6400.0, 3600.0, 3.0), 3.0);
        assert_eq!(figure_zoom(6400.0, 3600.0, 99.0), MAX_ZOOM);
    }

    #[test]
    fn degenerate_inputs_give_the_normal_size() {
        for (w, h, l) in [
            (f64::NAN, 500.0, 3.0),
            (0.0, 0.0, 3.0),
            (900.0, 600.0, f64::NAN),
            (900.0, 600.0, f64::INFINITY),
            (900.0, 600.0, -2.0),
        ] {
            assert_eq!(figure_zoom(w, h, l), 1.0, "{w} {h} {l}");
        }
        assert_eq!(smallest_text_px(2.0), 2.0 * TICK_TEXT_PX);
    }
}
