//! The k = 3 trajectory panel of the training figure: each estimator's path of π across the
//! triangle, over the density heatmap of relaxed samples at the start (view 3's picture), with
//! the start, each path's end and the optimal vertex marked.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::{SimplexHeatmapData, Theme};
use super::error::Drawn;
use super::marks::{marker, polyline, Marker};
use super::raster::Bounds;
use super::text::{fmt_tau, text, words};
use super::theme::{label_font, px, small_font, stroke, TEXT};
use super::training::style_of;
use super::training_data::TrainingData;
use super::triangle::{draw_heatmap, outline_with_labels, Placement};

/// Draws the panel; `rect` is where the raster goes, in the panel's pixels (from
/// [`training_raster_rect`](super::training::training_raster_rect)).
pub(super) fn draw_paths<DB: Backend>(
    panel: &DrawingArea<DB, Shift>,
    theme: &Theme,
    data: &TrainingData,
    (heatmap, optimum): (&SimplexHeatmapData, (f64, f64)),
    (x0, y0, w, h): (i32, i32, u32, u32),
) -> Drawn {
    let Some(bounds) = Bounds::of(&heatmap.vertices) else {
        return Ok(());
    };
    if w == 0 || h == 0 {
        return Ok(());
    }
    let place = Placement {
        bounds,
        rect: (x0, y0, w, h),
    };
    draw_heatmap(panel, theme, heatmap, &place, &[])?;
    let corners = place.corners(&heatmap.vertices);
    outline_with_labels(panel, theme, corners, &heatmap.labels, &label_font(theme))?;
    let to_px = |p: (f64, f64)| place.px(p);
    text(
        panel,
        &words(theme).paths_caption(&fmt_tau(heatmap.tau)),
        (0, 0),
        &small_font(theme).color(&TEXT),
        HPos::Left,
        VPos::Top,
    )?;
    if bounds.plausible(optimum) {
        let at = to_px(optimum);
        let r = px(theme, 7.0).max(3) as u32;
        panel.draw(&Circle::new(at, r, WHITE.stroke_width(stroke(theme, 3.0))))?;
        panel.draw(&Circle::new(at, r, TEXT.stroke_width(stroke(theme, 1.5))))?;
    }

    for (j, curve) in data.curves.iter().enumerate().rev() {
        let (colour, dash, mark) = style_of(j);
        let pixels: Vec<(i32, i32)> = curve
            .path
            .iter()
            .copied()
            .filter(|&p| bounds.plausible(p))
            .map(to_px)
            .collect();
        // A white halo keeps each path visible over the dark and the light ends of the map.
        polyline(
            panel,
            theme,
            &pixels,
            WHITE.mix(0.8),
            stroke(theme, 3.5),
            dash,
        )?;
        polyline(
            panel,
            theme,
            &pixels,
            colour.to_rgba(),
            stroke(theme, 1.5),
            dash,
        )?;
        if let Some(&end) = pixels.last() {
            marker(panel, theme, mark, end, px(theme, 4.0), colour.to_rgba())?;
        }
    }
    if let Some(&start) = data.curves.first().and_then(|c| c.path.first()) {
        if bounds.plausible(start) {
            marker(
                panel,
                theme,
                Marker::Circle,
                to_px(start),
                px(theme, 3.0),
                TEXT.to_rgba(),
            )?;
        }
    }
    Ok(())
}
