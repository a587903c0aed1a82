//! View 3 for k > 3: there is no heatmap on a simplex of more than two dimensions, so the samples
//! are projected into a regular k-gon (vertex i is the image of the one-hot eᵢ) and coloured by
//! their argmax class.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::{ProjectionData, Theme};
use super::error::RenderError;
use super::frame::{message, start_figure, Frame};
use super::marks::outline;
use super::palette::class_colour;
use super::ranges::finite_points;
use super::text::{fmt_tau, text, words};
use super::theme::{label_font, px, small_font, SUBTLE, TEXT};
use crate::format;

pub fn draw_projection<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &ProjectionData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let vertices = finite_points(&data.vertices);
    if vertices.is_empty() {
        return message(area, theme, words(theme).no_polygon());
    }
    let Some(Frame { w, h, margin }) = start_figure(area, theme, 160.0, 140.0)? else {
        return Ok(());
    };
    let label_room = px(theme, 30.0);
    let footer = px(theme, 22.0);

    text(
        area,
        &fmt_tau(data.tau),
        (margin, margin),
        &small_font(theme).color(&TEXT),
        HPos::Left,
        VPos::Top,
    )?;
    // The note every reader of this view needs.
    text(
        area,
        words(theme).projection_note(),
        (w / 2, h - margin),
        &small_font(theme),
        HPos::Center,
        VPos::Bottom,
    )?;

    // Fit the polygon's bounding box into the free region with equal scales on both axes
    // (y up in the data, down on screen).
    let (min_x, max_x) = bounds(vertices.iter().map(|v| v.0));
    let (min_y, max_y) = bounds(vertices.iter().map(|v| v.1));
    let span = (max_x - min_x).max(max_y - min_y).max(1e-9);
    let avail_w = f64::from(w - 2 * margin - 2 * label_room);
    let avail_h = f64::from(h - 2 * margin - 2 * label_room - footer);
    let s = (avail_w.min(avail_h) / span).max(0.0);
    let (cx, cy) = ((min_x + max_x) / 2.0, (min_y + max_y) / 2.0);
    let (ox, oy) = (
        f64::from(w) / 2.0,
        f64::from(margin + label_room) + avail_h / 2.0,
    );
    let to_px = |x: f64, y: f64| {
        (
            (ox + (x - cx) * s).clamp(-1e6, 1e6).round() as i32,
            (oy - (y - cy) * s).clamp(-1e6, 1e6).round() as i32,
        )
    };

    let corners: Vec<(i32, i32)> = vertices.iter().map(|&(x, y)| to_px(x, y)).collect();
    area.draw(&Polygon::new(
        corners.clone(),
        RGBColor(0xF7, 0xF7, 0xF7).filled(),
    ))?;

    let r = px(theme, 2.0).max(1) as u32;
    for (j, &(x, y)) in data.points.iter().enumerate() {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let colour = match data.classes.get(j) {
            Some(&c) => class_colour(c).mix(0.6),
            None => SUBTLE.mix(0.6),
        };
        area.draw(&Circle::new(to_px(x, y), r, colour.filled()))?;
    }

    outline(area, theme, &corners)?;

    // Vertex labels pushed outwards from the centre, anchored on the side facing the polygon.
    let style = label_font(theme);
    let push = f64::from(px(theme, 10.0));
    for (i, &(x, y)) in vertices.iter().enumerate() {
        let (dx, dy) = (x - cx, y - cy);
        let len = dx.hypot(dy).max(1e-12);
        let (ux, uy) = (dx / len, dy / len);
        let (px_, py) = to_px(x, y);
        let at = (
            px_ + (ux * push).round() as i32,
            py - (uy * push).round() as i32,
        );
        let hpos = by_side(ux, [HPos::Right, HPos::Center, HPos::Left]);
        let vpos = by_side(uy, [VPos::Top, VPos::Center, VPos::Bottom]);
        area.draw(&Circle::new(
            (px_, py),
            px(theme, 4.0).max(1) as u32,
            class_colour(i).filled(),
        ))?;
        text(
            area,
            &format!("e{}", format::subscript(i + 1)),
            at,
            &style,
            hpos,
            vpos,
        )?;
    }
    Ok(())
}

/// The first of `anchors` for a direction component `u` well below 0, the second near 0, the
/// third well above: a label pushed that way is anchored on the side that faces the polygon.
fn by_side<T>(u: f64, [below, near, above]: [T; 3]) -> T {
    if u > 0.3 {
        above
    } else if u < -0.3 {
        below
    } else {
        near
    }
}

fn bounds(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}
