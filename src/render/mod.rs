//! Figures, drawn with plotters onto any drawing area.
//!
//! Each figure is one function `draw_<figure>(area, data, theme)`, generic over the plotters
//! backend: the browser passes a canvas, the native tests an SVG string. A figure only draws the
//! numbers in its `data` struct (see [`data`]); it never samples, integrates or estimates. Any
//! data, however degenerate (empty, NaN, mismatched lengths), gives a drawing or an error, never
//! a panic.

mod annealing;
mod axes;
mod bars;
mod binary;
mod common;
mod components;
mod cost;
pub mod data;
mod estimators;
mod expectation;
mod figure1;
mod gumbel_max;
pub mod palette;
mod projection;
mod sample_strip;
mod simplex;
mod straight_through;

pub use annealing::draw_annealing;
pub use binary::draw_binary;
pub use common::{fmt_num, subscript, RenderError};
pub use components::draw_components;
pub use cost::draw_cost;
pub use data::*;
pub use estimators::draw_estimators;
pub use expectation::draw_expectation;
pub use figure1::draw_figure1;
pub use gumbel_max::draw_gumbel_max;
pub use palette::{class_colour, colour_map, lighten, CLASS_COLOURS};
pub use projection::draw_projection;
pub use sample_strip::draw_sample_strip;
pub use simplex::{draw_simplex, simplex_raster_rect, RasterElement};
pub use straight_through::draw_straight_through;
