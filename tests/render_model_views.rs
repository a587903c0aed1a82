//! Every figure drawn from the model's own numbers (not hand-made test data), at k = 2, 3 and 10:
//! each must draw without error, and the SVGs are kept under `target/render/model_*.svg` to look at.

mod render_support;

use gumbel_explorer::model::{DensityView, Model};
use gumbel_explorer::render::*;
use render_support::svg;

fn draw_every_view(m: &mut Model, tag: &str) {
    let size = (640, 400);
    let name = |view: &str| format!("model_{tag}_{view}");
    // Draws the view's data `$data` with `$draw`, kept as target/render/model_<tag>_<$view>.svg.
    macro_rules! keep {
        ($view:literal, $data:expr, $draw:ident) => {{
            let d = $data;
            svg(&name($view), size, 1.0, |a, t| $draw(a, &d, t));
        }};
    }
    keep!("gumbel_max", m.gumbel_max_data(), draw_gumbel_max);
    keep!("components", m.components_data(), draw_components);
    keep!("expectation", m.expectation_data(), draw_expectation);
    keep!("sample_strip", m.strip_data(), draw_sample_strip);
    keep!("figure1", m.figure1_data(), draw_figure1);
    keep!(
        "straight_through",
        m.straight_through_data(),
        draw_straight_through
    );
    keep!(
        "estimators",
        m.estimators_data().expect("estimator sweep"),
        draw_estimators
    );
    keep!("annealing", m.annealing_data(), draw_annealing);
    keep!("cost", m.cost_data(), draw_cost);
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
    for (k, tau) in [(2, 0.2), (10, 0.1)] {
        let mut m = Model::new();
        m.update(|s| {
            s.set_k(k)?;
            s.set_tau(tau)
        })
        .unwrap_or_else(|e| panic!("k = {k}, τ = {tau}: {e}"));
        draw_every_view(&mut m, &format!("k{k}"));
    }
}
