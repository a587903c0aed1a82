//! SVG render tests of view 9's figures: the learning curves with their reference line, and
//! the digits (originals, reconstructions, prior samples), from a short real run and from
//! degenerate data. The SVGs are kept under target/render/ for a person to look at.

mod render_support;

use gumbel_explorer::model::vae_run::VaeRun;
use gumbel_explorer::render::*;
use gumbel_explorer::vae::VaeConfig;
use render_support::{drawn, filled_rects, has_text, save, svg, too_small};

fn small_run(steps: u64) -> VaeRun {
    let mut run = VaeRun::new(VaeConfig::small()).unwrap();
    run.train_slice(steps, f64::INFINITY, &mut || 0.0);
    run
}

/// The curves of a run taken `steps` steps, with the step axis reaching `horizon`, and their
/// SVG at 800 × 450, kept as target/render/`name`.svg.
fn curves_svg(name: &str, steps: u64, horizon: f64) -> (VaeCurvesData, String) {
    let data = small_run(steps).curves(horizon);
    let text = svg(name, (800, 450), 1.0, |a, t| draw_vae_curves(a, &data, t));
    (data, text)
}

#[test]
fn curves_of_a_run_name_every_estimator_and_the_reference() {
    let (data, text) = curves_svg("vae-curves", 300, 1000.0);
    for name in [
        "GS test",
        "ST-GS test",
        "SF+baseline test",
        "train (as trained)",
    ] {
        assert!(has_text(&text, name), "no legend entry {name}");
    }
    assert!(has_text(&text, "independent pixels: 24.59 nats"));
    assert!(has_text(&text, "step 300"));
    assert!(has_text(&text, "training step"));
    // One solid and one dashed line per estimator, each through three records.
    for colour in CLASS_COLOURS.iter().take(3) {
        let c = format!("{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2);
        assert!(
            text.matches(&c).count() >= 2,
            "estimator colour #{c} missing"
        );
    }
    // Twice the pixels still draws, with the same texts.
    let large = drawn((1600, 900), 2.0, |a, t| draw_vae_curves(a, &data, t));
    assert!(has_text(&large, "SF+baseline test"));
}

#[test]
fn curves_before_the_first_record_say_when_it_comes() {
    let (data, text) = curves_svg("vae-curves-empty", 0, 2000.0);
    assert!(has_text(&text, "The first −ELBO is recorded at step 100."));
    assert!(has_text(&text, "independent pixels"));
    too_small((120, 80), 1.0, |a, t| draw_vae_curves(a, &data, t));
}

#[test]
fn curves_survive_degenerate_numbers() {
    let data = VaeCurvesData {
        curves: vec![VaeCurve {
            name: "GS".into(),
            steps: vec![100.0, f64::NAN, 300.0],
            train: vec![f64::INFINITY, 2.0, 1.0],
            test: vec![1.0],
        }],
        reference: f64::NAN,
        step: f64::NAN,
        tau: f64::NAN,
        horizon: -5.0,
        waiting: "waiting".into(),
    };
    drawn((640, 360), 1.0, |a, t| draw_vae_curves(a, &data, t));
    let nothing = VaeCurvesData {
        waiting: "nothing yet".into(),
        ..VaeCurvesData::default()
    };
    let text = drawn((640, 360), 1.0, |a, t| draw_vae_curves(a, &nothing, t));
    assert!(has_text(&text, "nothing yet"));
}

#[test]
fn digits_show_every_row_as_grey_pixels() {
    let run = small_run(100);
    let data = run.digits();
    let text = svg("vae-digits", (960, 320), 1.0, |a, t| {
        draw_vae_digits(a, &data, t)
    });
    for label in ["test digit", "GS", "ST-GS", "SF+baseline"] {
        assert!(has_text(&text, label), "no row {label}");
    }
    assert!(
        has_text(&text, "Test digits and each model") && has_text(&text, "Samples from each model")
    );
    // The originals are binary: every "on" pixel is the darkest ink.
    let on: usize = data.left[0]
        .images
        .iter()
        .map(|im| im.iter().filter(|&&p| p >= 1.0).count())
        .sum();
    assert!(on > 0);
    assert!(
        filled_rects(&text, "#222222") >= on,
        "fewer dark pixels than the originals have"
    );
    // Narrow: the panels stack, and everything is still drawn.
    let tall = drawn((400, 600), 1.0, |a, t| draw_vae_digits(a, &data, t));
    save("vae-digits-narrow", &tall);
    assert!(has_text(&tall, "SF+baseline"));
}

#[test]
fn digits_survive_missing_and_bad_pixels() {
    let data = VaeDigitsData {
        side: 8,
        left_title: "left".into(),
        left: vec![DigitRow {
            label: "odd".into(),
            images: vec![vec![f32::NAN; 64], vec![0.5; 3], vec![]],
        }],
        right_title: "right".into(),
        right: vec![],
    };
    drawn((600, 200), 1.0, |a, t| draw_vae_digits(a, &data, t));
    let empty = VaeDigitsData::default();
    drawn((600, 200), 1.0, |a, t| draw_vae_digits(a, &empty, t));
}
