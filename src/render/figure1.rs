//! View 2d, after the paper's Figure 1: one column per temperature. Top row: E[y] per class
//! (estimated from the draws), close to π at small τ and flattening towards uniform as τ grows.
//! Bottom row: one sample drawn with the same Gumbel noise in every column, one-hot at small τ
//! and nearly uniform at large τ.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;

use super::axes::ClassAxis;
use super::data::{Figure1Data, Theme};
use super::error::{Drawn, RenderError};
use super::frame::{fits, local, message, start_figure, sub_area, Frame};
use super::marks::{legend, Dash, LegendEntry, Marker, Swatch};
use super::palette::class_colour;
use super::ranges::{finite_max, linear_range};
use super::text::{fmt_tau, text};
use super::theme::{label_font, px, stroke, style_mesh, TEXT};

pub fn draw_figure1<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Figure1Data,
    theme: &Theme,
) -> Result<(), RenderError> {
    let columns = data.taus.len().min(8);
    let k = data
        .mean
        .iter()
        .chain(&data.sample)
        .map(Vec::len)
        .chain([data.probs.len()])
        .max()
        .unwrap_or(0);
    if columns == 0 || k == 0 {
        return message(area, theme, "No temperatures to show.");
    }
    let Some(Frame { w, h, margin }) =
        start_figure(area, theme, 90.0 * columns as f64 + 40.0, 200.0)?
    else {
        return Ok(());
    };

    let entries = [LegendEntry::new(
        "πᵢ (the limit of E[yᵢ] as τ → 0)",
        Swatch::Line {
            colour: TEXT,
            dash: Dash::Solid,
            marker: Marker::None,
        },
    )];
    let top = legend(
        area,
        theme,
        &entries,
        (margin, margin),
        w - 2 * margin,
        true,
    )?;

    // Row descriptions in a left gutter, τ headers above each column.
    let gutter = px(theme, 20.0);
    let header = px(theme, 22.0);
    let grid_top = margin + top + header;
    let grid_h = h - grid_top - margin;
    let grid_w = w - 2 * margin - gutter;
    let row_h = grid_h / 2;
    let col_w = grid_w / columns as i32;
    let rotated = label_font(theme).transform(FontTransform::Rotate270);
    for (row, desc) in ["E[yᵢ], estimated", "one sample yᵢ"].iter().enumerate() {
        text(
            area,
            desc,
            (margin, grid_top + row_h * row as i32 + row_h / 2),
            &rotated,
            HPos::Center,
            VPos::Top,
        )?;
    }

    let top_max = data
        .mean
        .iter()
        .flatten()
        .chain(&data.probs)
        .copied()
        .filter(|v| v.is_finite());
    let top_max = (finite_max(top_max).unwrap_or(1.0) * 1.15).clamp(0.05, 1.05);
    for j in 0..columns {
        let x = margin + gutter + col_w * j as i32;
        text(
            area,
            &fmt_tau(data.taus[j]),
            (x + col_w / 2, grid_top - header / 2),
            &label_font(theme),
            HPos::Center,
            VPos::Center,
        )?;
        let empty = Vec::new();
        let mean = data.mean.get(j).unwrap_or(&empty);
        let sample = data.sample.get(j).unwrap_or(&empty);
        let cell = sub_area(area, (x, grid_top, col_w, row_h));
        draw_cell(&cell, theme, k, mean, &data.probs, top_max)?;
        let cell = sub_area(area, (x, grid_top + row_h, col_w, row_h));
        draw_cell(&cell, theme, k, sample, &[], 1.0)?;
    }
    Ok(())
}

/// Bars of `values` per class, with π drawn as a short dark line across each bar when given.
fn draw_cell<DB: DrawingBackend>(
    cell: &DrawingArea<DB, Shift>,
    theme: &Theme,
    k: usize,
    values: &[f64],
    probs: &[f64],
    ymax: f64,
) -> Drawn {
    if !fits(cell, theme, 60.0, 60.0) {
        return Ok(());
    }
    let (y0, y1) = linear_range(0.0, ymax);
    let mut chart = ChartBuilder::on(cell)
        .margin_top(px(theme, 6.0))
        .margin_right(px(theme, 8.0))
        .x_label_area_size(px(theme, 20.0))
        .y_label_area_size(px(theme, 34.0))
        .build_cartesian_2d(ClassAxis::new(k), y0..y1)?;
    let mut mesh = chart.configure_mesh();
    style_mesh(&mut mesh, theme);
    mesh.disable_x_mesh().x_labels(k).y_labels(4).draw()?;
    let to_px = |x: f64, y: f64| local(cell, chart.backend_coord(&(x, y.clamp(y0, y1))));
    for (i, &v) in values.iter().enumerate().take(k) {
        if v.is_finite() && v > 0.0 {
            let (a, b) = (to_px(i as f64 - 0.38, v), to_px(i as f64 + 0.38, 0.0));
            cell.draw(&Rectangle::new([a, b], class_colour(i).filled()))?;
        }
    }
    for (i, &p) in probs.iter().enumerate().take(k) {
        if p.is_finite() {
            let (a, b) = (to_px(i as f64 - 0.45, p), to_px(i as f64 + 0.45, p));
            cell.draw(&PathElement::new(
                vec![a, b],
                TEXT.stroke_width(stroke(theme, 2.0)),
            ))?;
        }
    }
    Ok(())
}
