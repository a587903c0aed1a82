//! A figure's frame: the start every figure shares (the too-small message, a white background,
//! the margin), the message drawn when there is nothing sensible to plot, and the sub-areas and
//! pixel coordinates a figure lays itself out in.
//!
//! Figures lay themselves out in pixels of their own drawing area; plotters' chart builder is used
//! for axes, ticks and grid only, and everything else is drawn at pixel positions obtained from the
//! chart's coordinate mapping (see [`local`]).

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::Theme;
use super::error::{Drawn, RenderError};
use super::text::{text, words};
use super::theme::{font, px, SUBTLE};

/// Size and margin of a figure that has room to draw, in device pixels.
pub struct Frame {
    pub w: i32,
    pub h: i32,
    pub margin: i32,
}

/// The start every figure shares: when the area is smaller than `min_w × min_h` (CSS pixels)
/// it says so inside the area and returns `None`; otherwise it clears the area and returns its
/// size and the standard margin.
pub fn start_figure<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    min_w: f64,
    min_h: f64,
) -> Result<Option<Frame>, RenderError> {
    start_figure_with_room(area, theme, fits(area, theme, min_w, min_h))
}

/// [`start_figure`] for a figure that works out itself whether it has room (the heatmap, whose
/// room depends on its layout): `has_room` false gives the too-small message (in the theme's
/// language) and `None`.
pub fn start_figure_with_room<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    has_room: bool,
) -> Result<Option<Frame>, RenderError> {
    if !has_room {
        message(area, theme, words(theme).too_small())?;
        return Ok(None);
    }
    clear(area)?;
    let (w, h) = area.dim_in_pixel();
    Ok(Some(Frame {
        w: w as i32,
        h: h as i32,
        margin: px(theme, 8.0),
    }))
}

/// True when the area is at least `min_w` × `min_h` CSS pixels (scaled by the theme).
pub fn fits<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    min_w: f64,
    min_h: f64,
) -> bool {
    let (w, h) = area.dim_in_pixel();
    w as i32 >= px(theme, min_w) && h as i32 >= px(theme, min_h)
}

/// Fills the area white: every figure starts from a clean background.
pub fn clear<DB: Backend>(area: &DrawingArea<DB, Shift>) -> Drawn {
    area.fill(&WHITE)?;
    Ok(())
}

/// Clears the area and writes `msg` (one line per '\n') in its centre. Used whenever the data
/// give nothing sensible to plot, so the reader sees why instead of an empty frame.
pub fn message<DB: Backend>(area: &DrawingArea<DB, Shift>, theme: &Theme, msg: &str) -> Drawn {
    clear(area)?;
    let (w, h) = area.dim_in_pixel();
    let style = font(theme, 13.0, SUBTLE);
    let lines: Vec<&str> = msg.lines().collect();
    let line_h = px(theme, 18.0);
    let top = h as i32 / 2 - line_h * (lines.len() as i32 - 1) / 2;
    for (i, line) in lines.iter().enumerate() {
        text(
            area,
            line,
            (w as i32 / 2, top + line_h * i as i32),
            &style,
            HPos::Center,
            VPos::Center,
        )?;
    }
    Ok(())
}

/// A sub-area at (x, y) of size (w, h) in the area's pixels, clamped to the area so it never has
/// a negative size (plotters' own splitting can produce one, and its size then wraps around).
pub fn sub_area<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    (x, y, w, h): (i32, i32, i32, i32),
) -> DrawingArea<DB, Shift> {
    let (aw, ah) = area.dim_in_pixel();
    let (aw, ah) = (
        aw.min(i32::MAX as u32) as i32,
        ah.min(i32::MAX as u32) as i32,
    );
    let x0 = x.clamp(0, aw);
    let y0 = y.clamp(0, ah);
    let x1 = x.saturating_add(w.max(0)).clamp(x0, aw);
    let y1 = y.saturating_add(h.max(0)).clamp(y0, ah);
    area.clone().shrink((x0, y0), (x1 - x0, y1 - y0))
}

/// Of `layouts` (in order of preference), the one whose panels are largest: the greatest
/// `smallest_side` among those that `fit`, the first of equals winning; `None` when none fits.
pub fn roomiest<T>(
    layouts: impl IntoIterator<Item = T>,
    fit: impl Fn(&T) -> bool,
    smallest_side: impl Fn(&T) -> i32,
) -> Option<T> {
    layouts
        .into_iter()
        .filter(|l| fit(l))
        .fold(None, |best, l| match best {
            Some(b) if smallest_side(&b) >= smallest_side(&l) => Some(b),
            _ => Some(l),
        })
}

/// The gap above a plot's chart and the room below it for the x tick labels, in CSS pixels.
const CHART_TOP: f64 = 6.0;
const CHART_X_LABELS: f64 = 40.0;

/// The plot below a figure's header strip (`top` pixels tall, inside the frame's `margin`), and
/// the height its y axis gets once [`chart_builder`] has taken its room above and below.
pub fn plot_below<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    (w, h, margin): (i32, i32, i32),
    top: i32,
) -> (DrawingArea<DB, Shift>, i32) {
    let plot_h = h - margin - top;
    let plot = sub_area(area, (0, margin + top, w, plot_h));
    (
        plot,
        plot_h - px(theme, CHART_X_LABELS) - px(theme, CHART_TOP),
    )
}

/// The chart builder for a plot from [`plot_below`]: its room for the x tick labels and the gap
/// above, a small gap to the left, `right` and `y_labels` CSS pixels to the right and for the y
/// tick labels.
pub fn chart_builder<'a, 'b, DB: Backend>(
    plot: &'a DrawingArea<DB, Shift>,
    theme: &Theme,
    right: f64,
    y_labels: f64,
) -> ChartBuilder<'a, 'b, DB> {
    let mut builder = ChartBuilder::on(plot);
    builder
        .margin_top(px(theme, CHART_TOP))
        .margin_left(px(theme, 4.0))
        .margin_right(px(theme, right))
        .x_label_area_size(px(theme, CHART_X_LABELS))
        .y_label_area_size(px(theme, y_labels));
    builder
}

/// A backend coordinate (what a chart's mapping returns) in the pixels of `area`.
pub fn local<DB: Backend>(area: &DrawingArea<DB, Shift>, p: (i32, i32)) -> (i32, i32) {
    let (bx, by) = area.get_base_pixel();
    (p.0.saturating_sub(bx), p.1.saturating_sub(by))
}
