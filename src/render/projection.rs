use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{message, RenderError};
use super::data::{ProjectionData, Theme};

pub fn draw_projection<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    _data: &ProjectionData,
    theme: &Theme,
) -> Result<(), RenderError> {
    message(area, theme, "not drawn yet")
}
