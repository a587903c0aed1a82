//! A chart over training steps: the one layout and mesh of the figures whose x axis counts steps
//! (view 6's temperature schedule and view 9's learning curves).

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::chart_axis::{Chart, ChartAxis};
use super::data::Theme;
use super::error::RenderError;
use super::text::words;
use super::theme::{px, style_mesh};
use crate::format;

/// A chart with linear step and value axes.
pub type StepChart<'a, DB> = Chart<'a, DB>;

/// Lays out a chart of steps `x` against values `y` on `area` and draws its mesh: the steps'
/// tick labels rounded to three significant digits, `y_desc` as the y axis title, and the y tick
/// labels written by `y_label` (plotters' own when `None`).
pub fn step_chart<'a, DB: Backend>(
    area: &'a DrawingArea<DB, Shift>,
    theme: &Theme,
    (x, y): ((f64, f64), (f64, f64)),
    y_desc: &str,
    y_label: Option<&dyn Fn(&f64) -> String>,
) -> Result<StepChart<'a, DB>, RenderError> {
    let mut chart = ChartBuilder::on(area)
        .margin(px(theme, 10.0))
        .margin_right(px(theme, 18.0))
        .x_label_area_size(px(theme, 40.0))
        .y_label_area_size(px(theme, 52.0))
        .build_cartesian_2d(ChartAxis::from(x.0..x.1), ChartAxis::from(y.0..y.1))?;
    let format_step = |v: &f64| format::rounded(*v, 3);
    let mut mesh = chart.configure_mesh();
    style_mesh(&mut mesh, theme);
    mesh.x_labels(6)
        .y_labels(6)
        .x_label_formatter(&format_step)
        .x_desc(words(theme).training_step())
        .y_desc(y_desc);
    if let Some(y_label) = y_label {
        mesh.y_label_formatter(y_label);
    }
    mesh.draw()?;
    Ok(chart)
}
