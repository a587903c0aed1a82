use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{message, RenderError};
use super::data::{AnnealingData, Theme};

pub fn draw_annealing<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    _data: &AnnealingData,
    theme: &Theme,
) -> Result<(), RenderError> {
    message(area, theme, "not drawn yet")
}
