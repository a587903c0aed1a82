//! Browser tests of the wasm build, run by wasm-bindgen-test in headless Chromium:
//! the value-stability draws are bit-for-bit those of the native tests (the math core computes
//! exp and ln with one implementation on every target), every view of the `Explorer` handle
//! draws onto a fresh canvas without error and leaves visible pixels (and, prepared in steps
//! first, the same picture as drawn at once), and a refused setting reaches JavaScript as an
//! `Error` whose message is the model's text.
#![cfg(target_arch = "wasm32")]

use gumbel_explorer::api::Explorer;
use gumbel_explorer::model::VIEW_NAMES;
use wasm_bindgen::{JsCast, JsError, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

mod stability_values;
mod training_values;

#[wasm_bindgen_test]
fn value_stability_matches_native() {
    let draws = stability_values::stability_draws();
    for (row, expected) in draws.iter().zip(stability_values::EXPECTED.iter()) {
        assert_eq!(row.len(), expected.len());
        for (a, b) in row.iter().zip(expected.iter()) {
            assert_eq!(
                a.to_bits(),
                b.to_bits(),
                "browser draw {a:e} differs from native {b:e}"
            );
        }
    }
    let categories = draws.last().expect("the category row");
    for (a, &b) in categories
        .iter()
        .zip(stability_values::EXPECTED_CATEGORIES.iter())
    {
        assert_eq!(*a as usize, b);
    }
}

fn fresh_canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas
        .set_attribute(
            "style",
            &format!("width:{width}px;height:{height}px;display:block"),
        )
        .unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

/// Draws `view` onto `canvas` at the canvas's CSS size, as the page does with the size its
/// `ResizeObserver` reported.
fn draw(ex: &mut Explorer, view: &str, canvas: HtmlCanvasElement) -> Result<bool, JsError> {
    let (w, h) = (canvas.client_width(), canvas.client_height());
    ex.draw_at(view, canvas, f64::from(w), f64::from(h))
}

/// Counts pixels that are neither transparent nor white.
fn inked_pixels(canvas: &HtmlCanvasElement) -> usize {
    picture(canvas)
        .chunks_exact(4)
        .filter(|p| p[3] > 0 && (p[0] < 240 || p[1] < 240 || p[2] < 240))
        .count()
}

#[wasm_bindgen_test]
fn every_view_draws_on_a_fresh_canvas() {
    for k in [2.0, 3.0, 5.0] {
        let mut ex = Explorer::new();
        ex.set_k(k).unwrap();
        ex.set_samples(2000.0).unwrap();
        for view in VIEW_NAMES {
            let canvas = fresh_canvas(480, 300);
            let drew = draw(&mut ex, view, canvas.clone()).unwrap();
            assert!(drew, "{view} (k = {k}) reported nothing drawn");
            let inked = inked_pixels(&canvas);
            assert!(
                inked > 500,
                "{view} (k = {k}) is blank: {inked} inked pixels"
            );
            // Same inputs, same size: the second call draws nothing.
            assert!(!draw(&mut ex, view, canvas.clone()).unwrap());
            canvas.remove();
        }
    }
}

#[wasm_bindgen_test]
fn a_handle_that_adopts_what_another_drew_draws_only_what_changed() {
    let mut first = Explorer::new();
    let canvases: Vec<HtmlCanvasElement> = ["gumbel-max", "density"]
        .iter()
        .map(|view| {
            let canvas = fresh_canvas(480, 300);
            assert!(draw(&mut first, view, canvas.clone()).unwrap());
            canvas
        })
        .collect();
    let keys = first.drawn_keys();
    assert_eq!(keys.split(',').count(), VIEW_NAMES.len());

    // Text of another form forgets nothing and adopts nothing.
    let mut next = Explorer::new();
    next.restore(&first.state()).unwrap();
    for bad in [
        "",
        "1,2",
        &keys.replacen(',', ",zz", 1),
        &(keys.clone() + ","),
    ] {
        next.adopt_drawn(bad);
        assert_eq!(
            next.drawn_keys(),
            ",".repeat(VIEW_NAMES.len() - 1),
            "{bad:?}"
        );
    }
    next.adopt_drawn(&keys);
    assert_eq!(next.drawn_keys(), keys);
    // The pictures on the canvases are the ones it would draw: it draws neither again.
    for (view, canvas) in ["gumbel-max", "density"].iter().zip(&canvases) {
        assert!(!draw(&mut next, view, canvas.clone()).unwrap(), "{view}");
    }
    // Once an input changes, it draws the view that depends on it.
    next.set_tau(0.25).unwrap();
    assert!(!draw(&mut next, "gumbel-max", canvases[0].clone()).unwrap());
    assert!(draw(&mut next, "density", canvases[1].clone()).unwrap());
    for canvas in canvases {
        canvas.remove();
    }
}

#[wasm_bindgen_test]
fn draw_at_sizes_the_backing_store_from_the_size_it_is_given() {
    let mut ex = Explorer::new();
    // Laid out at 480 × 300: draw_at follows the size given, not the layout.
    let canvas = fresh_canvas(480, 300);
    let ratio = web_sys::window()
        .unwrap()
        .device_pixel_ratio()
        .clamp(1.0, 4.0);
    assert!(ex.draw_at("cost", canvas.clone(), 321.0, 207.0).unwrap());
    assert_eq!(canvas.width(), (321.0 * ratio).round() as u32);
    assert_eq!(canvas.height(), (207.0 * ratio).round() as u32);
    assert!(inked_pixels(&canvas) > 500);
    // The same size and inputs: nothing to draw.
    assert!(!ex.draw_at("cost", canvas.clone(), 321.0, 207.0).unwrap());
    // No size (under a pixel, negative, NaN, infinite): nothing drawn, and no error.
    for (w, h) in [
        (0.0, 100.0),
        (100.0, 0.5),
        (-5.0, 10.0),
        (f64::NAN, 100.0),
        (100.0, f64::INFINITY),
    ] {
        assert!(
            !ex.draw_at("cost", canvas.clone(), w, h).unwrap(),
            "{w} × {h}"
        );
    }
    // draw reads the layout: the CSS box of 480 × 300.
    assert!(draw(&mut ex, "cost", canvas.clone()).unwrap());
    assert_eq!(canvas.width(), (480.0 * ratio).round() as u32);
    assert!(ex
        .draw_at("no-such-view", canvas.clone(), 10.0, 10.0)
        .is_err());
    canvas.remove();
}

/// Every byte of the canvas's picture.
fn picture(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let (w, h) = (canvas.width() as f64, canvas.height() as f64);
    ctx.get_image_data(0.0, 0.0, w, h).unwrap().data().to_vec()
}

#[wasm_bindgen_test]
fn a_view_prepared_in_steps_draws_the_picture_drawn_at_once() {
    // Large enough that the heatmap's raster is deferred to bands (not finished at once).
    let (w, h) = (900.0, 700.0);
    for view in ["density", "training", "cost"] {
        let mut at_once = Explorer::new();
        let whole = fresh_canvas(900, 700);
        assert!(at_once.draw_at(view, whole.clone(), w, h).unwrap());
        let mut ex = Explorer::new();
        ex.defer_raster_bands(true);
        let canvas = fresh_canvas(900, 700);
        let mut steps = 0;
        while ex.prepare_at(view, canvas.clone(), w, h).unwrap() {
            steps += 1;
            assert!(steps < 10_000, "{view}: the preparation never ends");
        }
        // The canvas's step, and for the heatmaps two buffers and more than one band of rows.
        let least = if view == "cost" { 1 } else { 4 };
        assert!(steps >= least, "{view}: prepared in {steps} steps");
        assert!(!ex.raster_pending(), "{view}: rows left to compute");
        assert!(ex.draw_at(view, canvas.clone(), w, h).unwrap());
        assert!(
            picture(&canvas) == picture(&whole),
            "{view}: not the picture drawn at once"
        );
        assert!(!ex.prepare_at(view, canvas.clone(), w, h).unwrap());
        assert!(ex.prepare_at("no-such-view", canvas.clone(), w, h).is_err());
        whole.remove();
        canvas.remove();
    }
}

#[wasm_bindgen_test]
fn a_rejected_setting_keeps_the_state() {
    let mut ex = Explorer::new();
    let tau = ex.tau();
    assert!(ex.set_tau(0.0).is_err());
    assert!(ex.set_tau(f64::NAN).is_err());
    assert!(ex.set_probs(vec![0.5, -0.5]).is_err());
    assert_eq!(ex.tau(), tau);
    assert_eq!(ex.k(), 3);
    assert!(draw(&mut ex, "no-such-view", fresh_canvas(10, 10)).is_err());
}

#[wasm_bindgen_test]
fn a_link_restores_the_same_state() {
    let mut ex = Explorer::new();
    ex.set_probs(vec![0.1, 0.2, 0.3, 0.4]).unwrap();
    ex.set_tau(0.25).unwrap();
    ex.set_seed(12345.0).unwrap();
    let state = ex.state();
    let mut other = Explorer::new();
    other.restore(&state).unwrap();
    assert_eq!(other.state(), state);
    assert_eq!(other.first_sample(), ex.first_sample());
}

/// The message of the JavaScript `Error` a setter's `JsError` becomes.
fn message(result: Result<(), JsError>) -> String {
    let error: JsValue = result.expect_err("the setting was accepted").into();
    let error: js_sys::Error = error.dyn_into().expect("a JavaScript Error");
    error.message().into()
}

#[wasm_bindgen_test]
fn a_refusal_reaches_the_page_with_the_model_text() {
    let mut ex = Explorer::new();
    assert_eq!(
        message(ex.set_tau(0.0)),
        "τ must be positive (τ = 0 is the discrete limit, not a temperature), got 0"
    );
    assert_eq!(
        message(ex.set_k(2.5)),
        "the number of classes k must be a whole number, got 2.5"
    );
    assert_eq!(
        message(ex.set_k(11.0)),
        "the number of classes k must be between 2 and 10, got 11"
    );
    assert_eq!(
        message(ex.set_schedule(1.0, 1e-4, 0.5, 0.0)),
        "the update interval must be a whole number from 1 to 1e9, got 0"
    );
    assert_eq!(
        message(ex.set_objective_kind("cubic")),
        "the objective must be \"linear\" or \"squared\", got \"cubic\""
    );
    assert_eq!(
        message(ex.restore("tau=0")),
        "the link's state was not restored: τ must be positive (τ = 0 is the discrete limit, \
         not a temperature), got 0"
    );
    assert_eq!(
        message(draw(&mut ex, "no-such-view", fresh_canvas(10, 10)).map(|_| ())),
        "there is no view called \"no-such-view\""
    );
    assert_eq!(ex.k(), 3);
}

#[wasm_bindgen_test]
fn training_matches_native_bit_for_bit() {
    let (hash, last) = training_values::training_bits();
    assert_eq!(
        hash,
        training_values::EXPECTED_HASH,
        "the browser's first {} training steps differ from the native run (ln π of SF: {last:?})",
        training_values::STEPS
    );
}

#[wasm_bindgen_test]
fn training_runs_in_slices_and_refuses_bad_input() {
    let mut ex = Explorer::new();
    assert_eq!(
        message(ex.set_learning_rate(0.0)),
        "the learning rate must be between 1e-6 and 10, got 0"
    );
    assert_eq!(
        message(ex.set_learning_rate(f64::INFINITY)),
        "the learning rate must be a finite number, got inf"
    );
    assert_eq!(
        message(ex.set_train_steps(1e7 + 1.0)),
        "the step to run until must be a whole number from 0 to 1e7, got 10000001"
    );
    assert_eq!(ex.learning_rate(), 0.05);
    ex.apply_preset("relax-toy").unwrap();
    ex.set_train_steps(100.0).unwrap();
    assert!(ex.train_pending());
    while ex.train(30.0).unwrap() {}
    assert_eq!(ex.train_step(), 100.0);
    let cells = ex.training_rows();
    assert_eq!(cells.len(), 24);
    assert_eq!(cells[0], "SF");
    assert_eq!(cells[1], "100");
    assert_eq!(cells[20], "REBAR");
    assert!(ex.state().ends_with("&train=adam,0.05,page,fixed,100"));
    assert!(ex.training_summary().starts_with("After 100 steps"));
}

#[wasm_bindgen_test]
fn the_language_switches_every_message_and_round_trips() {
    let mut ex = Explorer::new();
    assert_eq!(ex.language(), "en");
    // An unknown tag is refused, named, and changes nothing.
    let refusal = message(ex.set_language("fr"));
    assert!(
        refusal.contains("\"fr\"") && refusal.contains("zh-CN"),
        "{refusal}"
    );
    assert_eq!(ex.language(), "en");
    ex.set_language("zh-CN").unwrap();
    assert_eq!(ex.language(), "zh-CN");
    assert_eq!(
        message(ex.set_k(11.0)),
        "类别数 k 必须在 2 到 10 之间，输入的是 11"
    );
    assert!(message(ex.restore("tau=0")).starts_with("链接中的状态未能恢复：温度 τ 必须为正"));
    assert!(message(ex.set_language("xx")).starts_with("没有“xx”这种语言"));
    assert!(ex
        .table_note("gumbel-max")
        .unwrap()
        .starts_with("每个类别一行"));
    assert!(ex.table("gumbel-max").unwrap().starts_with("类别,π,次数,"));
    // Every view still draws in Chinese, and a language change redraws what was drawn.
    let canvas = fresh_canvas(320, 240);
    ex.set_language("en").unwrap();
    assert!(draw(&mut ex, "annealing", canvas.clone()).unwrap());
    assert!(!draw(&mut ex, "annealing", canvas.clone()).unwrap());
    ex.set_language("zh").unwrap();
    assert_eq!(ex.language(), "zh-CN");
    assert!(draw(&mut ex, "annealing", canvas).unwrap());
    for name in VIEW_NAMES {
        assert!(
            draw(&mut ex, name, fresh_canvas(320, 240)).is_ok(),
            "{name}"
        );
    }
    // Back to English: the messages are the English texts again.
    ex.set_language("en").unwrap();
    assert_eq!(
        message(ex.set_k(11.0)),
        "the number of classes k must be between 2 and 10, got 11"
    );
}
