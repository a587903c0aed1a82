use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{message, RenderError};
use super::data::{ComponentHistogramsData, Theme};

pub fn draw_components<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    _data: &ComponentHistogramsData,
    theme: &Theme,
) -> Result<(), RenderError> {
    message(area, theme, "not drawn yet")
}
