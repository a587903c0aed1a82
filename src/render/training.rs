//! View 8: training the logits with each gradient estimator. A legend names the estimators; the
//! exact objective F(θ_t) and the gradient variance each estimator saw are drawn against the
//! training step, beside π's trajectory (π₁ for k = 2, paths on the triangle for k = 3, the
//! best class's probability for k > 3). Each estimator keeps one colour, dash and marker in
//! every panel, so the figure reads without colour vision.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::data::Theme;
use super::error::RenderError;
use super::frame::{message, start_figure, sub_area, Frame};
use super::marks::{legend, Dash, LegendEntry, Marker, Swatch};
use super::palette::CLASS_COLOURS;
use super::raster::Bounds;
use super::text::words;
use super::theme::px;
use super::training_data::{TrainingData, Trajectory};
use super::training_panels::{draw_series, Series};
use super::training_simplex::draw_paths;
use super::triangle::fitted_size;

/// Per-estimator look, in the order the model lists the estimators: the estimator view's
/// colours, dashes and markers for the five it shares, and a sixth for REBAR.
const STYLES: [(usize, Dash, Marker); 6] = [
    (0, Dash::Solid, Marker::Circle),
    (3, Dash::Dashed, Marker::Square),
    (2, Dash::Dotted, Marker::Triangle),
    (4, Dash::Long, Marker::Diamond),
    (1, Dash::Solid, Marker::Cross),
    (7, Dash::Dashed, Marker::Circle),
];

/// The colour, dash and marker of estimator `j`.
pub(super) fn style_of(j: usize) -> (RGBColor, Dash, Marker) {
    let (c, d, m) = STYLES[j % STYLES.len()];
    (CLASS_COLOURS[c], d, m)
}

/// Smallest area the figure draws in, in CSS pixels.
const MIN_W: f64 = 260.0;
const MIN_H: f64 = 240.0;
/// Room reserved above the panels for the legend: two rows of entries.
const HEADER_ROWS: f64 = 2.0;
const ROW_H: f64 = 20.0;

/// A rectangle of the figure's area: x, y, width, height in pixels.
type Rect = (i32, i32, i32, i32);

/// Where the legend and the three panels go in an area of `w` × `h` pixels.
struct Layout {
    margin: i32,
    objective: Rect,
    variance: Rect,
    trajectory: Rect,
}

impl Layout {
    fn new(w: i32, h: i32, theme: &Theme) -> Layout {
        let margin = px(theme, 8.0);
        let header = px(theme, HEADER_ROWS * ROW_H) + margin;
        let (top, body_h) = (margin + header, (h - 2 * margin - header).max(0));
        let body_w = (w - 2 * margin).max(0);
        let wide = body_w >= px(theme, 560.0) && f64::from(body_w) >= 1.25 * f64::from(body_h);
        if wide {
            // Two stacked panels on the left, the trajectory on the right.
            let left = body_w * 11 / 20;
            let half = body_h / 2;
            Layout {
                margin,
                objective: (margin, top, left, half),
                variance: (margin, top + half, left, body_h - half),
                trajectory: (margin + left, top, body_w - left, body_h),
            }
        } else {
            let third = body_h / 3;
            Layout {
                margin,
                objective: (margin, top, body_w, third),
                variance: (margin, top + third, body_w, third),
                trajectory: (margin, top + 2 * third, body_w, body_h - 2 * third),
            }
        }
    }
}

/// Label rows above and below the triangle, and the room left and right of it, in CSS pixels.
const TRIANGLE_LABEL_ROW: f64 = 22.0;
const TRIANGLE_SIDE: f64 = 16.0;

/// Where the k = 3 heatmap raster goes in an area of `area_w` × `area_h` pixels: its top-left
/// corner (relative to the area) and its size, the bounding box of the triangle `vertices` at
/// its own aspect ratio inside the trajectory panel. (0, 0) sizes when there is no room. Pure,
/// so the model can size the raster before the figure is drawn.
pub fn training_raster_rect(
    area_w: u32,
    area_h: u32,
    vertices: &[(f64, f64); 3],
    theme: &Theme,
) -> (i32, i32, u32, u32) {
    let (aw, ah) = (area_w.min(1 << 20) as i32, area_h.min(1 << 20) as i32);
    let Some(bounds) = Bounds::of(vertices) else {
        return (0, 0, 0, 0);
    };
    if aw < px(theme, MIN_W) || ah < px(theme, MIN_H) {
        return (0, 0, 0, 0);
    }
    let (x, y, w, h) = Layout::new(aw, ah, theme).trajectory;
    let avail_w = w - 2 * px(theme, TRIANGLE_SIDE);
    let avail_h = h - 2 * px(theme, TRIANGLE_LABEL_ROW);
    let Some((rw, rh)) = fitted_size(&bounds, avail_w, avail_h) else {
        return (0, 0, 0, 0);
    };
    (
        x + (w - rw) / 2,
        y + px(theme, TRIANGLE_LABEL_ROW) + (avail_h - rh) / 2,
        rw as u32,
        rh as u32,
    )
}

pub fn draw_training<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &TrainingData,
    theme: &Theme,
) -> Result<(), RenderError> {
    if data.curves.is_empty() || data.steps.is_empty() {
        return message(area, theme, words(theme).no_training_run());
    }
    let words = words(theme);
    let Some(Frame { w, h, .. }) = start_figure(area, theme, MIN_W, MIN_H)? else {
        return Ok(());
    };
    let layout = Layout::new(w, h, theme);
    let entries: Vec<LegendEntry> = data
        .curves
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let (colour, dash, marker) = style_of(j);
            LegendEntry::new(
                c.name.clone(),
                Swatch::Line {
                    colour,
                    dash,
                    marker,
                },
            )
        })
        .collect();
    let m = layout.margin;
    legend(area, theme, &entries, (m, m), w - 2 * m, true)?;

    let objective = Series {
        desc: words.exact_objective(),
        values: |c| &c.objective,
        log: false,
        reference: Some((data.optimum_objective, words.optimum())),
        fixed: None,
    };
    draw_series(&sub_area(area, layout.objective), theme, data, &objective)?;
    let variance = Series {
        desc: words.gradient_variance_log(),
        values: |c| &c.variance,
        log: true,
        reference: None,
        fixed: None,
    };
    draw_series(&sub_area(area, layout.variance), theme, data, &variance)?;

    let panel = sub_area(area, layout.trajectory);
    match &data.trajectory {
        Trajectory::FirstClass { optimum } => {
            let series = Series {
                desc: "π₁",
                values: |c| &c.tracked,
                log: false,
                reference: Some((*optimum, words.optimum())),
                fixed: Some((0.0, 1.0)),
            };
            draw_series(&panel, theme, data, &series)
        }
        Trajectory::BestClass { class } => {
            let desc = words.best_class_pi(&(class + 1).to_string());
            let series = Series {
                desc: &desc,
                values: |c| &c.tracked,
                log: false,
                reference: Some((1.0, words.optimum())),
                fixed: Some((0.0, 1.0)),
            };
            draw_series(&panel, theme, data, &series)
        }
        Trajectory::Triangle { heatmap, optimum } => {
            let (x, y, _, _) = layout.trajectory;
            let (rx, ry, rw, rh) =
                training_raster_rect(w as u32, h as u32, &heatmap.vertices, theme);
            draw_paths(
                &panel,
                theme,
                data,
                (heatmap, *optimum),
                (rx - x, ry - y, rw, rh),
            )
        }
    }
}
