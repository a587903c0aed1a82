//! The k = 3 trajectory panel of the training figure: each estimator's path of π across the
//! triangle, over the density heatmap of relaxed samples at the start (view 3's picture), with
//! the start, each path's end and the optimal vertex marked.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::{SimplexHeatmapData, Theme};
use super::error::Drawn;
use super::marks::{marker, polyline, Marker};
use super::raster::{colour_range, draw_scaled_cells, rgb_image, Bounds, RasterElement};
use super::text::{fmt_tau, text, words};
use super::theme::{label_font, px, small_font, stroke, TEXT};
use super::training::style_of;
use super::training_data::TrainingData;

/// Draws the panel; `rect` is where the raster goes, in the panel's pixels (from
/// [`training_raster_rect`](super::training::training_raster_rect)).
pub(super) fn draw_paths<DB: DrawingBackend>(
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
    let range = colour_range(heatmap.lo, heatmap.hi);
    let (dw, dh) = (heatmap.width as usize, heatmap.height as usize);
    let have = dw > 0
        && dh > 0
        && dw
            .checked_mul(dh)
            .is_some_and(|n| heatmap.log_density.len() >= n);
    if have && heatmap.width == w && heatmap.height == h {
        let rgb = rgb_image(
            &heatmap.log_density[..dw * dh],
            (dw, dh),
            range,
            &[],
            &bounds,
            theme,
        );
        panel.draw(&RasterElement {
            at: (x0, y0),
            size: (w, h),
            rgb,
        })?;
    } else if have {
        draw_scaled_cells(panel, heatmap, (x0, y0, w, h), range)?;
    }
    let (wf, hf) = (f64::from(w), f64::from(h));
    let to_px = |p: (f64, f64)| {
        let (fx, fy) = bounds.fraction(p);
        (
            x0 + (fx * wf).round() as i32,
            y0 + h as i32 - (fy * hf).round() as i32,
        )
    };
    let corners = heatmap.vertices.map(to_px);
    let mut outline = corners.to_vec();
    outline.push(corners[0]);
    panel.draw(&PathElement::new(
        outline,
        TEXT.stroke_width(stroke(theme, 1.5)),
    ))?;
    let gap = px(theme, 5.0);
    let style = label_font(theme);
    let anchors = [
        (HPos::Left, VPos::Top, gap),
        (HPos::Right, VPos::Top, gap),
        (HPos::Center, VPos::Bottom, -gap),
    ];
    for ((label, corner), (hp, vp, dy)) in heatmap.labels.iter().zip(corners).zip(anchors) {
        text(panel, label, (corner.0, corner.1 + dy), &style, hp, vp)?;
    }
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
