//! Drawing a view: the model's numbers for it, handed to its figure. One function for every
//! backend, so the browser canvas and the native SVG tests draw through the same dispatch.

use super::{DensityView, Model, ModelError, View};
use crate::math::simplex::TRIANGLE_VERTICES;
use crate::render::Backend;
use crate::render::{self, Theme};
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;

/// Draws `view` of `model` onto `area`.
///
/// # Errors
/// [`ModelError::Render`] when the figure cannot be drawn, [`ModelError::Math`] when its
/// numbers cannot be computed (the estimator sweep of an invalid objective),
/// [`ModelError::NotInModule`] for a view this build does not draw ([`View::in_module`]).
pub fn draw_view<DB: Backend>(
    model: &mut Model,
    view: View,
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
) -> Result<(), ModelError> {
    view.require_module()?;
    let m = model;
    let result = match view {
        View::GumbelMax => render::draw_gumbel_max(area, &m.gumbel_max_data(), theme),
        View::Components => render::draw_components(area, &m.components_data(), theme),
        View::Expectation => render::draw_expectation(area, &m.expectation_data(), theme),
        View::Strip => render::draw_sample_strip(area, &m.strip_data(), theme),
        View::Figure1 => render::draw_figure1(area, &m.figure1_data(), theme),
        View::StraightThrough => {
            render::draw_straight_through(area, &m.straight_through_data(), theme)
        }
        View::Estimators => render::draw_estimators(area, &m.estimators_data()?, theme),
        View::Annealing => render::draw_annealing(area, &m.annealing_data(), theme),
        View::Cost => render::draw_cost(area, &m.cost_data(), theme),
        View::Training => {
            // The k = 3 background is computed at exactly the size the figure blits it.
            let (w, h) = area.dim_in_pixel();
            let rect = render::training_raster_rect(w, h, &TRIANGLE_VERTICES, theme);
            render::draw_training(area, &m.training_data((rect.2, rect.3))?, theme)
        }
        View::Density => {
            // The k = 3 raster is computed at exactly the size the figure blits it.
            let (w, h) = area.dim_in_pixel();
            let (_, _, rw, rh) = render::simplex_raster_rect(w, h, &TRIANGLE_VERTICES, theme);
            match m.density_view(rw, rh) {
                DensityView::Binary(d) => render::draw_binary(area, &d, theme),
                DensityView::Projection(d) => render::draw_projection(area, &d, theme),
                DensityView::Simplex(d) => {
                    let r = render::draw_simplex(area, &d, theme);
                    m.recycle_raster(d.log_density);
                    r
                }
            }
        }
    };
    Ok(result?)
}

/// One step (of up to `max_pixels` pixels) of the work that drawing `view` of `model` on an
/// area of `area` pixels with `theme` would do: the k = 3 raster of the density view or of the
/// training view's background, at the size its figure blits it, so that a view drawn later
/// draws at once. Returns whether steps remain (never for the other views, nor for a view this
/// build does not draw).
pub fn prepare_view(
    model: &mut Model,
    view: View,
    (w, h): (u32, u32),
    theme: &Theme,
    max_pixels: usize,
) -> bool {
    let v = &TRIANGLE_VERTICES;
    if !view.in_module() {
        return false;
    }
    match view {
        View::Density => {
            let (_, _, rw, rh) = render::simplex_raster_rect(w, h, v, theme);
            model.prepare_raster((rw, rh), max_pixels)
        }
        View::Training => {
            let (_, _, rw, rh) = render::training_raster_rect(w, h, v, theme);
            model.prepare_training((rw, rh), max_pixels)
        }
        _ => false,
    }
}
