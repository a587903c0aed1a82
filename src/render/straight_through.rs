//! View 4, straight-through: the forward value is the hard one-hot z = onehot(argmax y), while the
//! backward pass uses the gradient of the soft sample y, as if the output had been y. Shown as two
//! bar groups in the same class colours, with the gradient's route drawn between them.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::ClassAxis;
use super::data::{StraightThroughData, Theme};
use super::error::{Drawn, RenderError};
use super::frame::{fits, local, message, start_figure, sub_area, Frame};
use super::palette::{class_colour, lighten};
use super::text::{fmt_tau, text, text_size};
use super::theme::{label_font, px, small_font, stroke, style_mesh, SUBTLE, TEXT};
use crate::format;

pub fn draw_straight_through<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &StraightThroughData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let k = data.soft.len().max(data.hard.len());
    if k == 0 {
        return message(area, theme, "No sample to show yet.");
    }
    let Some(Frame { w, h, margin }) = start_figure(area, theme, 300.0, 160.0)? else {
        return Ok(());
    };
    let title_h = px(theme, 24.0);
    let footer = px(theme, 24.0);
    let gap = px(theme, 96.0);
    let panel_w = (w - 2 * margin - gap) / 2;
    let panel_h = h - 2 * margin - title_h - footer;
    let chosen = (data.chosen < k).then_some(data.chosen);

    let title = label_font(theme);
    let left_x = margin;
    let right_x = margin + panel_w + gap;
    text(
        area,
        "forward: z = onehot(argmax y)",
        (left_x + panel_w / 2, margin),
        &title,
        HPos::Center,
        VPos::Top,
    )?;
    text(
        area,
        "backward: gradient of soft y",
        (right_x + panel_w / 2, margin),
        &title,
        HPos::Center,
        VPos::Top,
    )?;
    let top = margin + title_h;
    let left = sub_area(area, (left_x, top, panel_w, panel_h));
    let right = sub_area(area, (right_x, top, panel_w, panel_h));
    draw_bars(area, &left, theme, k, &data.hard, chosen, "zᵢ", |v| {
        format::rounded(v.round(), 1)
    })?;
    draw_bars(area, &right, theme, k, &data.soft, chosen, "yᵢ", soft_label)?;

    // Between the panels: the gradient that arrives at z is handed to y unchanged.
    let y_mid = top + panel_h / 2;
    let (x0, x1) = (left_x + panel_w + px(theme, 10.0), right_x - px(theme, 8.0));
    let pen = TEXT.stroke_width(stroke(theme, 1.5));
    area.draw(&PathElement::new(vec![(x0, y_mid), (x1, y_mid)], pen))?;
    let head = px(theme, 6.0);
    area.draw(&Polygon::new(
        vec![
            (x1, y_mid),
            (x1 - head, y_mid - head / 2 - 1),
            (x1 - head, y_mid + head / 2 + 1),
        ],
        TEXT.filled(),
    ))?;
    let small = small_font(theme);
    text(
        area,
        "∂L/∂z",
        ((x0 + x1) / 2, y_mid - px(theme, 4.0)),
        &small,
        HPos::Center,
        VPos::Bottom,
    )?;
    text(
        area,
        "copied to y",
        ((x0 + x1) / 2, y_mid + px(theme, 4.0)),
        &small,
        HPos::Center,
        VPos::Top,
    )?;

    let footer_text = format!(
        "y_ST = z + y − stop_gradient(y): its value is z, its gradient is that of y  ·  {}",
        fmt_tau(data.tau)
    );
    text(
        area,
        &footer_text,
        (w / 2, h - margin),
        &small.color(&SUBTLE),
        HPos::Center,
        VPos::Bottom,
    )
}

/// One bar group: `values` per class in class colours, the chosen class outlined, each bar
/// labelled with its value.
#[allow(clippy::too_many_arguments)]
fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    panel: &DrawingArea<DB, Shift>,
    theme: &Theme,
    k: usize,
    values: &[f64],
    chosen: Option<usize>,
    y_desc: &str,
    label: impl Fn(f64) -> String,
) -> Drawn {
    if !fits(panel, theme, 100.0, 80.0) {
        return Ok(());
    }
    let mut chart = ChartBuilder::on(panel)
        .margin_top(px(theme, 14.0))
        .margin_right(px(theme, 6.0))
        .x_label_area_size(px(theme, 36.0))
        .y_label_area_size(px(theme, 44.0))
        .build_cartesian_2d(ClassAxis::new(k), 0.0..1.1)?;
    let mut mesh = chart.configure_mesh();
    style_mesh(&mut mesh, theme);
    mesh.disable_x_mesh()
        .x_labels(k)
        .y_labels(3)
        .x_desc("class i")
        .y_desc(y_desc)
        .draw()?;
    let to_px = |x: f64, y: f64| local(area, chart.backend_coord(&(x, y.clamp(0.0, 1.1))));
    let value_font = small_font(theme);
    let slot = (to_px(1.0, 0.0).0 - to_px(0.0, 0.0).0 - px(theme, 2.0)).max(0);
    for i in 0..k {
        let x = i as f64;
        let c = class_colour(i);
        let v = values.get(i).copied().unwrap_or(f64::NAN);
        if !v.is_finite() {
            continue;
        }
        let (a, b) = (to_px(x - 0.36, v), to_px(x + 0.36, 0.0));
        let is_chosen = chosen == Some(i);
        let fill = if is_chosen { c } else { lighten(c, 0.25) };
        area.draw(&Rectangle::new([a, b], fill.filled()))?;
        if is_chosen {
            area.draw(&Rectangle::new(
                [a, b],
                TEXT.stroke_width(stroke(theme, 2.0)),
            ))?;
        }
        // A value label only where it fits over its bar; narrow bars (large k) go without.
        let label = label(v);
        let (tw, _) = text_size(area, &label, &value_font);
        if tw <= slot {
            let (tx, ty) = to_px(x, v);
            text(
                area,
                &label,
                (tx, ty - px(theme, 3.0)),
                &value_font,
                HPos::Center,
                VPos::Bottom,
            )?;
        }
    }
    Ok(())
}

/// Soft values to two decimals; tiny ones as a bound, since "6·10⁻⁵" over a bar only adds noise.
fn soft_label(v: f64) -> String {
    if v > 0.0 && v < 0.005 {
        "<0.01".to_string()
    } else {
        format::rounded(v, 2)
    }
}
