use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{message, RenderError};
use super::data::{BinaryDensityData, Theme};

pub fn draw_binary<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    _data: &BinaryDensityData,
    theme: &Theme,
) -> Result<(), RenderError> {
    message(area, theme, "not drawn yet")
}
