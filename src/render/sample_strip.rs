use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{message, RenderError};
use super::data::{SampleStripData, Theme};

pub fn draw_sample_strip<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    _data: &SampleStripData,
    theme: &Theme,
) -> Result<(), RenderError> {
    message(area, theme, "not drawn yet")
}
