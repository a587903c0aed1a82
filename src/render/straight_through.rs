use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{message, RenderError};
use super::data::{StraightThroughData, Theme};

pub fn draw_straight_through<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    _data: &StraightThroughData,
    theme: &Theme,
) -> Result<(), RenderError> {
    message(area, theme, "not drawn yet")
}
