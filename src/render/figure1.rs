//! View 2d, after the paper's Figure 1: for each temperature, E[y] per class (estimated from
//! the draws; close to π at small τ, flattening towards uniform as τ grows) and one sample
//! drawn with the same Gumbel noise at every τ (one-hot at small τ, nearly uniform at large τ).
//!
//! The panels reflow to the figure's box: one column per temperature with E[y] above the sample,
//! as in the paper, when the box is wide; one row per temperature with E[y] beside the sample
//! when it is narrow and tall (a phone). Whichever arrangement gives the larger panels is drawn;
//! the figure is too small only when neither gives every panel the room to stay legible.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;

use super::axes::ClassAxis;
use super::chart_axis::ChartAxis;
use super::data::{Figure1Data, Theme};
use super::error::{Drawn, RenderError};
use super::frame::{local, message, roomiest, start_figure_with_room, sub_area, Frame};
use super::marks::{top_legend, Dash, LegendEntry, Marker, Swatch};
use super::palette::class_colour;
use super::ranges::{finite_max, linear_range};
use super::text::{fmt_tau, text, words};
use super::theme::{label_font, px, stroke, style_mesh, TEXT};

/// The smallest panel (CSS pixels) whose bars, ticks and labels stay readable.
const PANEL_MIN: (f64, f64) = (90.0, 70.0);
/// Horizontal room per class label on a panel's axis (CSS pixels).
const CLASS_LABEL_W: f64 = 16.0;
/// How many panels each temperature has: E[yᵢ] and one sample (their names are the word
/// table's `figure1_rows`).
const ROWS: usize = 2;
/// At most this many temperatures are drawn.
const MAX_TAUS: usize = 8;

/// How the panels are laid out: `Across` puts one temperature per column (the paper's layout),
/// `Down` one temperature per row.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Arrangement {
    Across,
    Down,
}

/// The panel grid: where it starts, the size of one panel, and the room for labels around it.
struct Grid {
    arrangement: Arrangement,
    left: i32,
    top: i32,
    panel_w: i32,
    panel_h: i32,
}

impl Grid {
    /// The panel of temperature `j`, row `r` (0: E[yᵢ], 1: the sample): (x, y) of its corner.
    fn corner(&self, j: usize, r: usize) -> (i32, i32) {
        let (col, row) = match self.arrangement {
            Arrangement::Across => (j, r),
            Arrangement::Down => (r, j),
        };
        (
            self.left + self.panel_w * col as i32,
            self.top + self.panel_h * row as i32,
        )
    }
}

/// The arrangement whose panels are largest in a `w` × `h` figure, or `None` when no arrangement
/// gives every panel at least [`PANEL_MIN`]. `legend_h` is the room the legend takes on top.
fn choose_grid(
    theme: &Theme,
    (w, h, margin): (i32, i32, i32),
    legend_h: i32,
    taus: usize,
) -> Option<Grid> {
    let gutter = px(theme, 20.0);
    let header = px(theme, 22.0);
    let left = margin + gutter;
    let top = margin + legend_h + header;
    let (grid_w, grid_h) = (w - left - margin, h - top - margin);
    let grids = [Arrangement::Across, Arrangement::Down].map(|arrangement| {
        let (cols, rows) = match arrangement {
            Arrangement::Across => (taus, ROWS),
            Arrangement::Down => (ROWS, taus),
        };
        Grid {
            arrangement,
            left,
            top,
            panel_w: grid_w / cols as i32,
            panel_h: grid_h / rows as i32,
        }
    });
    // The first of equals wins, so the paper's layout is kept when it is as good.
    roomiest(
        grids,
        |g| g.panel_w >= px(theme, PANEL_MIN.0) && g.panel_h >= px(theme, PANEL_MIN.1),
        |g| g.panel_w.min(g.panel_h),
    )
}

pub fn draw_figure1<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &Figure1Data,
    theme: &Theme,
) -> Result<(), RenderError> {
    let taus = data.taus.len().min(MAX_TAUS);
    let k = data
        .mean
        .iter()
        .chain(&data.sample)
        .map(Vec::len)
        .chain([data.probs.len()])
        .max()
        .unwrap_or(0);
    if taus == 0 || k == 0 {
        return message(area, theme, words(theme).no_temperatures());
    }
    let entries = [LegendEntry::new(
        words(theme).pi_limit(),
        Swatch::Line {
            colour: TEXT,
            dash: Dash::Solid,
            marker: Marker::None,
        },
    )];
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w.min(1 << 20) as i32, h.min(1 << 20) as i32);
    let margin = px(theme, 8.0);
    let legend_h = top_legend(area, theme, &entries, (w, margin), false)?;
    let grid = choose_grid(theme, (w, h, margin), legend_h, taus);
    let Some(Frame { margin, .. }) = start_figure_with_room(area, theme, grid.is_some())? else {
        return Ok(());
    };
    let Some(grid) = grid else {
        return Ok(());
    };
    top_legend(area, theme, &entries, (w, margin), true)?;
    draw_labels(area, theme, &grid, data, taus, margin)?;

    let top_max = data
        .mean
        .iter()
        .flatten()
        .chain(&data.probs)
        .copied()
        .filter(|v| v.is_finite());
    let top_max = (finite_max(top_max).unwrap_or(1.0) * 1.15).clamp(0.05, 1.05);
    let empty = Vec::new();
    for j in 0..taus {
        let mean = data.mean.get(j).unwrap_or(&empty);
        let sample = data.sample.get(j).unwrap_or(&empty);
        let (x, y) = grid.corner(j, 0);
        let panel = sub_area(area, (x, y, grid.panel_w, grid.panel_h));
        draw_panel(&panel, theme, k, mean, &data.probs, top_max)?;
        let (x, y) = grid.corner(j, 1);
        let panel = sub_area(area, (x, y, grid.panel_w, grid.panel_h));
        draw_panel(&panel, theme, k, sample, &[], 1.0)?;
    }
    Ok(())
}

/// The labels around the grid: headers above its columns, and rotated labels in the gutter left
/// of its rows. Across, the columns are the temperatures; down, the rows are.
fn draw_labels<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    grid: &Grid,
    data: &Figure1Data,
    taus: usize,
    margin: i32,
) -> Drawn {
    let tau_labels: Vec<String> = data.taus.iter().take(taus).map(|&t| fmt_tau(t)).collect();
    let row_labels: Vec<String> = words(theme)
        .figure1_rows()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let (columns, rows) = match grid.arrangement {
        Arrangement::Across => (&tau_labels, &row_labels),
        Arrangement::Down => (&row_labels, &tau_labels),
    };
    let header_y = grid.top - px(theme, 11.0);
    for (c, label) in columns.iter().enumerate() {
        let x = grid.left + grid.panel_w * c as i32 + grid.panel_w / 2;
        text(
            area,
            label,
            (x, header_y),
            &label_font(theme),
            HPos::Center,
            VPos::Center,
        )?;
    }
    let rotated = label_font(theme).transform(FontTransform::Rotate270);
    for (r, label) in rows.iter().enumerate() {
        let y = grid.top + grid.panel_h * r as i32 + grid.panel_h / 2;
        text(area, label, (margin, y), &rotated, HPos::Center, VPos::Top)?;
    }
    Ok(())
}

/// Bars of `values` per class, with π drawn as a short dark line across each bar when given.
fn draw_panel<DB: Backend>(
    panel: &DrawingArea<DB, Shift>,
    theme: &Theme,
    k: usize,
    values: &[f64],
    probs: &[f64],
    ymax: f64,
) -> Drawn {
    let (pw, _) = panel.dim_in_pixel();
    let (y0, y1) = linear_range(0.0, ymax);
    let y_labels = px(theme, 34.0);
    let mut chart = ChartBuilder::on(panel)
        .margin_top(px(theme, 6.0))
        .margin_right(px(theme, 8.0))
        .x_label_area_size(px(theme, 20.0))
        .y_label_area_size(y_labels)
        .build_cartesian_2d(ChartAxis::from(ClassAxis::new(k)), ChartAxis::from(y0..y1))?;
    let mut mesh = chart.configure_mesh();
    style_mesh(&mut mesh, theme);
    // As many class labels as fit side by side.
    let room = (pw as i32 - y_labels) / px(theme, CLASS_LABEL_W).max(1);
    mesh.disable_x_mesh()
        .x_labels(k.min(room.max(2) as usize))
        .y_labels(4)
        .draw()?;
    let to_px = |x: f64, y: f64| local(panel, chart.backend_coord(&(x, y.clamp(y0, y1))));
    for (i, &v) in values.iter().enumerate().take(k) {
        if v.is_finite() && v > 0.0 {
            let (a, b) = (to_px(i as f64 - 0.38, v), to_px(i as f64 + 0.38, 0.0));
            panel.draw(&Rectangle::new([a, b], class_colour(i).filled()))?;
        }
    }
    for (i, &p) in probs.iter().enumerate().take(k) {
        if p.is_finite() {
            let (a, b) = (to_px(i as f64 - 0.45, p), to_px(i as f64 + 0.45, p));
            panel.draw(&PathElement::new(
                vec![a, b],
                TEXT.stroke_width(stroke(theme, 2.0)),
            ))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arrangement(w: i32, h: i32) -> Option<Arrangement> {
        choose_grid(&Theme::default(), (w, h, 8), 20, 4).map(|g| g.arrangement)
    }

    #[test]
    fn wide_boxes_keep_the_papers_columns_and_tall_ones_turn_them_into_rows() {
        assert_eq!(arrangement(640, 360), Some(Arrangement::Across));
        assert_eq!(arrangement(1200, 500), Some(Arrangement::Across));
        // A phone's portrait box (320- and 390-px windows).
        assert_eq!(arrangement(288, 384), Some(Arrangement::Down));
        assert_eq!(arrangement(356, 475), Some(Arrangement::Down));
        // Room for neither.
        assert_eq!(arrangement(288, 216), None);
        assert_eq!(arrangement(100, 100), None);
    }

    #[test]
    fn every_panel_keeps_the_legible_minimum() {
        for (w, h) in [(288, 384), (400, 300), (640, 360), (250, 700)] {
            let theme = Theme::default();
            if let Some(g) = choose_grid(&theme, (w, h, 8), 20, 4) {
                assert!(g.panel_w >= 90 && g.panel_h >= 70, "{w}×{h}");
            }
        }
    }
}
