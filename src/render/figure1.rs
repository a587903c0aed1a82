use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{message, RenderError};
use super::data::{Figure1Data, Theme};

pub fn draw_figure1<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    _data: &Figure1Data,
    theme: &Theme,
) -> Result<(), RenderError> {
    message(area, theme, "not drawn yet")
}
