//! Property test of drawing, the work behind the wasm `draw`: a model in an arbitrary valid
//! state (k from 2 to 10, π with ratios down to 1e-300, τ at 1e-3 and 1e3, any seed, extreme
//! schedules and costs) computes every view's numbers and draws every view into a small SVG
//! without panicking; each drawing is Ok or an Err with a message, and the sampled numbers the
//! views show lie on the simplex.
//!
//! Case counts are in `prop_support::budget`.

mod prop_support;

use gumbel_explorer::model::draw::draw_view;
use gumbel_explorer::model::{Model, View};
use gumbel_explorer::render::Theme;
use plotters::prelude::*;
use prop_support::*;
use proptest::prelude::*;

#[test]
fn every_view_of_every_valid_state_draws() {
    let size = prop_oneof![4 => Just((160u32, 120u32)), 1 => Just((120u32, 160u32))];
    let scale = prop_oneof![Just(1.0), Just(1.5), Just(2.0)];
    run(
        "DRAW_EVERY_VIEW",
        budget::DRAW_EVERY_VIEW,
        (valid_settings(100..=2_000), size, scale),
        |(settings, (w, h), scale)| {
            let k = settings.k();
            let mut m = Model::new();
            m.replace_settings(settings);

            // The numbers behind the sample views.
            let summary = m.summary().clone();
            prop_assert!(summary.n <= summary.target);
            prop_assert_eq!(summary.counts.iter().sum::<u64>(), summary.n);
            if summary.n > 0 {
                prop_assert!(on_simplex(&summary.mean), "E[y] = {:?}", summary.mean);
            }
            for y in &summary.strip {
                prop_assert_eq!(y.len(), k);
                prop_assert!(on_simplex(y), "draw {y:?}");
            }
            for y in summary.overlay.chunks_exact(k) {
                prop_assert!(on_simplex(y), "overlay draw {y:?}");
            }
            if let Some(c) = m.chi_square() {
                prop_assert!((0.0..=1.0).contains(&c.p_value), "p = {}", c.p_value);
            }
            let st = m.straight_through_data();
            prop_assert!(on_simplex(&st.soft) && st.chosen < k);
            prop_assert!(
                m.estimators_data().is_ok(),
                "the sweep of a valid state failed"
            );
            let annealing = m.annealing_data();
            prop_assert!(annealing
                .curve
                .iter()
                .all(|(t, tau)| t.is_finite() && tau.is_finite() && *tau > 0.0));
            let cost = m.cost_data();
            prop_assert!(cost
                .curve
                .iter()
                .all(|(x, y)| x.is_finite() && y.is_finite()));

            // Every view into an SVG: Ok or an Err that says something, never a panic.
            let theme = Theme { scale };
            for view in View::ALL {
                let mut text = String::new();
                let result = {
                    let area = SVGBackend::with_string(&mut text, (w, h)).into_drawing_area();
                    let drawn = draw_view(&mut m, view, &area, &theme).map_err(|e| e.to_string());
                    drawn.and_then(|()| area.present().map_err(|e| e.to_string()))
                };
                if let Err(message) = result {
                    prop_assert!(
                        !message.trim().is_empty(),
                        "{} failed without a message",
                        view.name()
                    );
                }
            }
            Ok(())
        },
    );
}
