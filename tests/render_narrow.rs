//! Every view draws on a phone: at the boxes the page gives its canvases in windows 320 and 390
//! CSS pixels wide, at device-pixel ratios 1 and 2, every figure reflows to its box and draws
//! (never "(too small to draw)"), for k = 2, 3 and 10. The SVGs are kept under
//! `target/render/narrow_*.svg` to look at.

mod render_support;

use gumbel_explorer::i18n::figures::words;
use gumbel_explorer::i18n::Lang;
use gumbel_explorer::model::draw::draw_view;
use gumbel_explorer::model::{Model, View};
use render_support::{drawn, has_text, save};

/// Canvas widths (CSS pixels) in the narrowest windows: a 320-px window with a classic
/// scrollbar, the same without one, and a 390-px phone.
const WIDTHS: [u32; 3] = [270, 288, 358];

/// Height over width of a view's canvas in a window at most 480 CSS pixels wide, as
/// www/style.css sets it: portrait for figures of several panels, square for the estimators,
/// 5:4 for the density, 4:3 for the rest (and for any view added later).
fn narrow_aspect(view: View) -> f64 {
    match view.name() {
        "figure1" | "straight-through" | "components" | "training" => 4.0 / 3.0,
        "estimators" => 1.0,
        "density" => 4.0 / 5.0,
        _ => 3.0 / 4.0,
    }
}

fn model(k: usize) -> Model {
    let mut m = Model::new();
    m.update(|s| s.set_k(k)).expect("a valid k");
    m
}

#[test]
fn every_view_draws_in_a_phones_width() {
    let mut failures = Vec::new();
    for k in [2, 3, 10] {
        let mut m = model(k);
        for view in View::ALL {
            for css_w in WIDTHS {
                let css_h = (f64::from(css_w) * narrow_aspect(view)).round() as u32;
                for ratio in [1, 2] {
                    let size = (css_w * ratio, css_h * ratio);
                    let svg = drawn(size, f64::from(ratio), |area, theme| {
                        draw_view(&mut m, view, area, theme).map_err(|e| {
                            panic!("{} at {size:?}: {e:?}", view.name());
                        })
                    });
                    if has_text(&svg, words(Lang::En).too_small()) {
                        failures.push(format!(
                            "{} at k = {k}, {css_w}×{css_h} CSS px, ratio {ratio}",
                            view.name()
                        ));
                    }
                    if ratio == 1 && css_w == WIDTHS[1] {
                        save(&format!("narrow_k{k}_{}", view.name()), &svg);
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "too small to draw:\n{}",
        failures.join("\n")
    );
}
