//! Every figure drawn from the model's own numbers (not hand-made test data), at k = 2, 3 and 10:
//! each must draw without error, and the SVGs are kept under `target/render/model_*.svg` to look at.

mod render_support;

use gumbel_explorer::model::{DensityView, Model};
use gumbel_explorer::render::*;
use render_support::svg;

fn draw_every_view(m: &mut Model, tag: &str) {
    let size = (640, 400);
    let name = |view: &str| format!("model_{tag}_{view}");
    let d = m.gumbel_max_data();
    svg(&name("gumbel_max"), size, 1.0, |a, t| {
        draw_gumbel_max(a, &d, t)
    });
    let d = m.components_data();
    svg(&name("components"), size, 1.0, |a, t| {
        draw_components(a, &d, t)
    });
    let d = m.expectation_data();
    svg(&name("expectation"), size, 1.0, |a, t| {
        draw_expectation(a, &d, t)
    });
    let d = m.strip_data();
    svg(&name("sample_strip"), size, 1.0, |a, t| {
        draw_sample_strip(a, &d, t)
    });
    let d = m.figure1_data();
    svg(&name("figure1"), size, 1.0, |a, t| draw_figure1(a, &d, t));
    let d = m.straight_through_data();
    svg(&name("straight_through"), size, 1.0, |a, t| {
        draw_straight_through(a, &d, t)
    });
    let d = m.estimators_data().expect("estimator sweep");
    svg(&name("estimators"), size, 1.0, |a, t| {
        draw_estimators(a, &d, t)
    });
    let d = m.annealing_data();
    svg(&name("annealing"), size, 1.0, |a, t| {
        draw_annealing(a, &d, t)
    });
    let d = m.cost_data();
    svg(&name("cost"), size, 1.0, |a, t| draw_cost(a, &d, t));
    // A small density area, so the exact-size heatmap (one SVG rect per pixel) stays small.
    let small = (320, 240);
    let (_, _, rw, rh) = simplex_raster_rect(
        small.0,
        small.1,
        &gumbel_explorer::math::simplex::TRIANGLE_VERTICES,
        &Theme::default(),
    );
    match m.density_view(rw, rh) {
        DensityView::Binary(d) => svg(&name("density"), size, 1.0, |a, t| draw_binary(a, &d, t)),
        DensityView::Projection(d) => svg(&name("density"), size, 1.0, |a, t| {
            draw_projection(a, &d, t)
        }),
        DensityView::Simplex(d) => svg(&name("density"), small, 1.0, |a, t| draw_simplex(a, &d, t)),
    };
}

#[test]
fn every_view_draws_the_models_numbers() {
    draw_every_view(&mut Model::new(), "k3");
    let mut m = Model::new();
    m.update(|s| {
        s.set_k(2)?;
        s.set_tau(0.2)
    })
    .expect("k = 2, τ = 0.2");
    draw_every_view(&mut m, "k2");
    let mut m = Model::new();
    m.update(|s| {
        s.set_k(10)?;
        s.set_tau(0.1)
    })
    .expect("k = 10, τ = 0.1");
    draw_every_view(&mut m, "k10");
}
