//! View 4, straight-through: the forward value is the hard one-hot z = onehot(argmax y), while the
//! backward pass uses the gradient of the soft sample y, as if the output had been y. Shown as two
//! bar groups in the same class colours, with the gradient's route drawn between them: side by
//! side in a wide box, one above the other in a narrow one, whichever gives larger panels.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::ClassAxis;
use super::chart_axis::ChartAxis;
use super::data::{StraightThroughData, Theme};
use super::error::{Drawn, RenderError};
use super::frame::{fits, local, message, roomiest, start_figure_with_room, sub_area};
use super::palette::{class_colour, lighten};
use super::text::{fmt_tau, text, text_size, words};
use super::theme::{draw_axes, label_font, px, small_font, stroke, GridLines, SUBTLE, TEXT};
use crate::format;

/// The smallest bar panel (CSS pixels) whose bars, value labels and axes stay readable.
const PANEL_MIN: (f64, f64) = (100.0, 80.0);

/// The two panels side by side with the gradient's arrow between them (a wide box), or one above
/// the other with the arrow pointing down (a narrow box such as a phone's).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Layout {
    SideBySide,
    Stacked,
}

/// Where the two panels go: the top-left corners of the forward and backward panels and their
/// common size.
struct Panels {
    layout: Layout,
    forward: (i32, i32),
    backward: (i32, i32),
    w: i32,
    h: i32,
}

/// The layout whose panels are largest in a `w` × `h` figure with `footer_h` of footer, or
/// `None` when neither gives both panels at least [`PANEL_MIN`]; side by side wins a tie.
fn choose_panels(theme: &Theme, (w, h, margin): (i32, i32, i32), footer_h: i32) -> Option<Panels> {
    let title_h = px(theme, 24.0);
    let side_gap = px(theme, 96.0);
    let stack_gap = px(theme, 36.0);
    let side_w = (w - 2 * margin - side_gap) / 2;
    let side = Panels {
        layout: Layout::SideBySide,
        forward: (margin, margin + title_h),
        backward: (margin + side_w + side_gap, margin + title_h),
        w: side_w,
        h: h - 2 * margin - title_h - footer_h,
    };
    let stack_h = (h - 2 * margin - 2 * title_h - stack_gap - footer_h) / 2;
    let stacked = Panels {
        layout: Layout::Stacked,
        forward: (margin, margin + title_h),
        backward: (margin, margin + 2 * title_h + stack_h + stack_gap),
        w: w - 2 * margin,
        h: stack_h,
    };
    roomiest(
        [side, stacked],
        |p| p.w >= px(theme, PANEL_MIN.0) && p.h >= px(theme, PANEL_MIN.1),
        |p| p.w.min(p.h),
    )
}

/// `pieces` joined by spaces into as few lines as fit in `max_w` pixels (a piece wider than
/// that gets a line of its own).
fn wrap<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    pieces: &[&str],
    style: &TextStyle,
    max_w: i32,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for piece in pieces {
        match lines.last_mut() {
            Some(line) if text_size(area, &format!("{line} {piece}"), style).0 <= max_w => {
                line.push(' ');
                line.push_str(piece);
            }
            _ => lines.push(piece.to_string()),
        }
    }
    lines
}

pub fn draw_straight_through<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &StraightThroughData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let k = data.soft.len().max(data.hard.len());
    if k == 0 {
        return message(area, theme, words(theme).no_sample());
    }
    let words = words(theme);
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w.min(1 << 20) as i32, h.min(1 << 20) as i32);
    let margin = px(theme, 8.0);
    let small = small_font(theme);
    let tau = fmt_tau(data.tau);
    let [rule, meaning] = words.st_rule();
    let footer = wrap(area, &[rule, meaning, "·", &tau], &small, w - 2 * margin);
    let line_h = px(theme, 16.0);
    let footer_h = px(theme, 8.0) + line_h * footer.len() as i32;
    let panels = choose_panels(theme, (w, h, margin), footer_h);
    if start_figure_with_room(area, theme, panels.is_some())?.is_none() {
        return Ok(());
    }
    let Some(panels) = panels else {
        return Ok(());
    };
    let chosen = (data.chosen < k).then_some(data.chosen);

    let title = label_font(theme);
    let titles = [
        (words.forward_title(), panels.forward),
        (words.backward_title(), panels.backward),
    ];
    for (label, (x, y)) in titles {
        text(
            area,
            label,
            (x + panels.w / 2, y - px(theme, 24.0)),
            &title,
            HPos::Center,
            VPos::Top,
        )?;
    }
    let (fx, fy) = panels.forward;
    let (bx, by) = panels.backward;
    let left = sub_area(area, (fx, fy, panels.w, panels.h));
    let right = sub_area(area, (bx, by, panels.w, panels.h));
    draw_bars(area, &left, theme, k, &data.hard, chosen, "zᵢ", &|v| {
        format::rounded(v.round(), 1)
    })?;
    draw_bars(
        area,
        &right,
        theme,
        k,
        &data.soft,
        chosen,
        "yᵢ",
        &soft_label,
    )?;
    draw_route(area, theme, &panels)?;

    let first = h - margin - line_h * (footer.len() as i32 - 1);
    for (i, line) in footer.iter().enumerate() {
        text(
            area,
            line,
            (w / 2, first + line_h * i as i32),
            &small.color(&SUBTLE),
            HPos::Center,
            VPos::Bottom,
        )?;
    }
    Ok(())
}

/// Between the panels: the gradient that arrives at z is handed to y unchanged, drawn as an
/// arrow from the forward panel to the backward one with its two labels.
fn draw_route<DB: Backend>(area: &DrawingArea<DB, Shift>, theme: &Theme, panels: &Panels) -> Drawn {
    let small = small_font(theme);
    let words = words(theme);
    match panels.layout {
        Layout::SideBySide => {
            let y = panels.forward.1 + panels.h / 2;
            let x0 = panels.forward.0 + panels.w + px(theme, 10.0);
            let x1 = panels.backward.0 - px(theme, 8.0);
            arrow(area, theme, (x0, y), (x1, y), (1, 0))?;
            let mid = (x0 + x1) / 2;
            let at = |dy: i32| (mid, y + dy);
            text(
                area,
                "∂L/∂z",
                at(-px(theme, 4.0)),
                &small,
                HPos::Center,
                VPos::Bottom,
            )?;
            text(
                area,
                words.copied_to_y(),
                at(px(theme, 4.0)),
                &small,
                HPos::Center,
                VPos::Top,
            )
        }
        Layout::Stacked => {
            let x = panels.forward.0 + panels.w / 2;
            let y0 = panels.forward.1 + panels.h + px(theme, 4.0);
            let y1 = panels.backward.1 - px(theme, 26.0);
            arrow(area, theme, (x, y0), (x, y1), (0, 1))?;
            let label = (x + px(theme, 8.0), (y0 + y1) / 2);
            text(
                area,
                words.gradient_copied(),
                label,
                &small,
                HPos::Left,
                VPos::Center,
            )
        }
    }
}

/// An arrow from `from` to `to`, with its head at `to` pointing along `dir`: (1, 0) to the
/// right, (0, 1) down.
fn arrow<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    from: (i32, i32),
    to: (i32, i32),
    (dx, dy): (i32, i32),
) -> Drawn {
    area.draw(&PathElement::new(
        vec![from, to],
        TEXT.stroke_width(stroke(theme, 1.5)),
    ))?;
    let head = px(theme, 6.0);
    let (bx, by) = (to.0 - head * dx, to.1 - head * dy);
    let half = head / 2 + 1;
    area.draw(&Polygon::new(
        vec![
            to,
            (bx - half * dy, by - half * dx),
            (bx + half * dy, by + half * dx),
        ],
        TEXT.filled(),
    ))?;
    Ok(())
}

/// One bar group: `values` per class in class colours, the chosen class outlined, each bar
/// labelled with its value.
#[allow(clippy::too_many_arguments)]
fn draw_bars<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    panel: &DrawingArea<DB, Shift>,
    theme: &Theme,
    k: usize,
    values: &[f64],
    chosen: Option<usize>,
    y_desc: &str,
    label: &dyn Fn(f64) -> String,
) -> Drawn {
    if !fits(panel, theme, 100.0, 80.0) {
        return Ok(());
    }
    let mut chart = ChartBuilder::on(panel)
        .margin_top(px(theme, 14.0))
        .margin_right(px(theme, 6.0))
        .x_label_area_size(px(theme, 36.0))
        .y_label_area_size(px(theme, 44.0))
        .build_cartesian_2d(
            ChartAxis::from(ClassAxis::new(k)),
            ChartAxis::from(0.0..1.1),
        )?;
    let desc = (words(theme).class_i(), y_desc);
    draw_axes(&mut chart, theme, (k, 3), desc, GridLines::Across)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(w: i32, h: i32) -> Option<Layout> {
        choose_panels(&Theme::default(), (w, h, 8), 24).map(|p| p.layout)
    }

    #[test]
    fn wide_boxes_put_the_panels_side_by_side_and_narrow_ones_stack_them() {
        assert_eq!(layout(640, 360), Some(Layout::SideBySide));
        assert_eq!(layout(400, 300), Some(Layout::SideBySide));
        // A phone's portrait box (320- and 390-px windows).
        assert_eq!(layout(288, 384), Some(Layout::Stacked));
        assert_eq!(layout(356, 475), Some(Layout::Stacked));
        assert_eq!(layout(200, 150), None);
    }

    #[test]
    fn the_panels_never_overlap_and_stay_inside_the_figure() {
        for (w, h) in [(640, 360), (288, 384), (356, 475), (300, 800), (900, 260)] {
            let Some(p) = choose_panels(&Theme::default(), (w, h, 8), 40) else {
                continue;
            };
            let (f, b) = (p.forward, p.backward);
            let apart = f.0 + p.w <= b.0 || f.1 + p.h <= b.1;
            assert!(apart, "{w}×{h}: the panels overlap");
            assert!(b.0 + p.w <= w && b.1 + p.h <= h - 40, "{w}×{h}: outside");
        }
    }
}
