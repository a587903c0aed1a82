use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{message, RenderError};
use super::data::{CostData, Theme};

pub fn draw_cost<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    _data: &CostData,
    theme: &Theme,
) -> Result<(), RenderError> {
    message(area, theme, "not drawn yet")
}
