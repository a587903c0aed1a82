//! Figures, drawn with plotters onto any drawing area.
//!
//! Each figure is one function `draw_<figure>(area, data, theme)`, generic over the plotters
//! backend: the browser passes a canvas, the native tests an SVG string. A figure only draws the
//! numbers in its `data` struct (see [`data`]); it never samples, integrates or estimates. Any
//! data, however degenerate (empty, NaN, mismatched lengths), gives a drawing, never a panic:
//! when there is nothing to plot, or no room, the drawing is a message saying so. A
//! [`RenderError`] means the drawing surface itself failed.
//!
//! What the figures share, one idea per file: [`RenderError`] (`error`), colours, sizes and
//! fonts (`theme`), text (`text`), the figure's start and layout (`frame`), safe axis ranges and
//! clipping (`ranges`), dashes, markers and legends (`marks`), axes (`axes`), colours of classes
//! and the colour map (`palette`), the heatmap's raster (`raster`), and the backend they draw on
//! (`backend`: any plotters backend that also takes an RGBA image). Numbers are written by
//! the crate's `format` module, as everywhere in the explorer; words come from the figures' word
//! table (`crate::i18n::figures`) in the theme's language.

mod annealing;
mod axes;
mod backend;
mod bars;
mod binary;
mod chart_axis;
mod components;
mod cost;
pub mod data;
mod error;
mod estimator_panel;
mod estimators;
mod expectation;
mod figure1;
mod frame;
mod gumbel_max;
mod marks;
pub mod palette;
mod projection;
mod ranges;
mod raster;
mod sample_strip;
mod simplex;
mod step_chart;
mod straight_through;
mod text;
mod theme;
mod training;
pub mod training_data;
mod training_panels;
mod training_simplex;
mod triangle;
mod uncertainty;
mod vae_curves;
mod vae_digits;
pub mod zoom;

pub use annealing::draw_annealing;
pub use backend::Backend;
pub use binary::draw_binary;
pub use components::draw_components;
pub use cost::draw_cost;
pub use data::*;
pub use error::RenderError;
pub use estimators::draw_estimators;
pub use expectation::draw_expectation;
pub use figure1::draw_figure1;
pub use frame::clear;
pub use gumbel_max::draw_gumbel_max;
pub use palette::{class_colour, colour_map, lighten, CLASS_COLOURS};
pub use projection::draw_projection;
pub use raster::RasterElement;
pub use sample_strip::draw_sample_strip;
pub use simplex::{draw_simplex, simplex_raster_rect};
pub use straight_through::draw_straight_through;
pub use training::{draw_training, training_raster_rect};
pub use training_data::{TrainingCurve, TrainingData, Trajectory};
pub use vae_curves::{draw_vae_curves, VaeCurve, VaeCurvesData};
pub use vae_digits::{draw_vae_digits, DigitRow, VaeDigitsData};
