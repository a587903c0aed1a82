//! The figures in Simplified Chinese. Every view at k = 2, 3 and 10 (the training view after a
//! short run), and view 9's learning curves and digits, drawn from the model's own numbers in
//! zh-CN at 640 × 400 (scale 1), twice that at scale 2 and a phone's portrait box; and every
//! figure's "nothing to show" and "too small" messages. Each Chinese picture must draw, contain
//! Chinese, write no Latin-script word outside `render_support::lang::ALLOWED`, and keep each
//! horizontal line of Chinese inside the picture (CJK glyphs counted one em wide, as browsers
//! draw them); the English picture of the same numbers must contain no CJK character.
//!
//! Words the model writes into the figures' data (estimator legend labels and notes, the VAE
//! panels' titles and row labels, its "waiting" line) are the model's word table's, not the
//! figures': they are taken out of the text before the Latin-word check.
//!
//! The Chinese SVGs are kept as `target/render/zh_*.svg` to look at.

mod render_support;

use gumbel_explorer::i18n::figures::words;
use gumbel_explorer::i18n::Lang;
use gumbel_explorer::model::draw::draw_view;
use gumbel_explorer::model::vae_run::VaeRun;
use gumbel_explorer::model::{Model, ModelError, View};
use gumbel_explorer::render::*;
use gumbel_explorer::vae::VaeConfig;
use plotters::coord::Shift;
use plotters::prelude::*;
use render_support::lang::{drawn_width, has_cjk, latin_words, span, texts_of, without};
use render_support::{save, try_svg_with};

/// The sizes every figure is drawn at: (width, height) in device pixels and the theme's scale.
const SIZES: [((u32, u32), f64, &str); 3] = [
    ((640, 400), 1.0, ""),
    ((1280, 800), 2.0, "@2x"),
    ((288, 384), 1.0, "_phone"),
];

/// Draws in `lang` and requires success.
fn draw_in<F>(lang: Lang, size: (u32, u32), scale: f64, what: &str, draw: F) -> String
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>, &Theme) -> Result<(), RenderError>,
{
    let theme = Theme { scale, lang };
    let (result, svg) = try_svg_with(size, &theme, draw);
    if let Err(e) = result {
        panic!("{what} in {}: {e}", lang.tag());
    }
    svg
}

/// Pictures that draw no word of the figures' own, only symbols, so they have no Chinese: the
/// k = 3 density (its corners "e₁  π₁ = 0.20", "τ = 0.5" and the colour bar's "log p").
const SYMBOLS_ONLY: &[&str] = &["k3_density"];

/// Whether a line may be wider than the picture: the exact gradient's line is as long as its
/// numbers, and at k = 10 on a phone they overflow it in English as well.
fn long_by_its_numbers(line: &str) -> bool {
    let gradient = words(Lang::ZhCn).exact_gradient("");
    line.starts_with(gradient.trim_end_matches(')'))
}

/// What is wrong with the Chinese picture `zh` of `what` (drawn `width` pixels wide) and its
/// English twin `en`: one line per fault.
fn faults(what: &str, zh: &str, en: &str, width: u32, model_words: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let symbols_only = SYMBOLS_ONLY.iter().any(|s| what.starts_with(s));
    if !has_cjk(zh) && !symbols_only {
        out.push(format!("{what}: no Chinese in the Chinese picture"));
    }
    if has_cjk(en) {
        out.push(format!("{what}: Chinese in the English picture"));
    }
    if zh.contains(words(Lang::ZhCn).too_small()) {
        out.push(format!("{what}: too small to draw"));
    }
    for t in texts_of(zh) {
        let latin = latin_words(&without(&t.content, model_words));
        if !latin.is_empty() {
            out.push(format!("{what}: Latin words {latin:?} in «{}»", t.content));
        }
        // Lines of Chinese stay inside the picture (a pixel of slack for rounding).
        if has_cjk(&t.content) && !t.rotated && !long_by_its_numbers(&t.content) {
            let (left, right) = span(&t);
            if left < -1.0 || right > f64::from(width) + 1.0 {
                out.push(format!(
                    "{what}: «{}» runs from {left:.0} to {right:.0} px, outside 0‥{width}",
                    t.content
                ));
            }
        }
    }
    out
}

/// Draws `draw` in both languages at every size, saves the Chinese pictures as
/// `zh_<name><size tag>` and returns the faults found.
fn check<F>(name: &str, model_words: &[String], mut draw: F) -> Vec<String>
where
    F: FnMut(&DrawingArea<SVGBackend, Shift>, &Theme) -> Result<(), RenderError>,
{
    let mut out = Vec::new();
    for (size, scale, tag) in SIZES {
        let what = format!("{name}{tag}");
        let zh = draw_in(Lang::ZhCn, size, scale, &what, &mut draw);
        let en = draw_in(Lang::En, size, scale, &what, &mut draw);
        save(&format!("zh_{what}"), &zh);
        out.extend(faults(&what, &zh, &en, size.0, model_words));
    }
    out
}

fn model(k: usize) -> Model {
    let mut m = Model::new();
    m.update(|s| {
        s.set_k(k)?;
        s.training_mut().set_steps(300.0)
    })
    .unwrap_or_else(|e| panic!("k = {k}: {e}"));
    while m.train_toward_goal(500).expect("training") {}
    m
}

/// The words the model writes into the data of the estimator and training views.
fn model_words(m: &mut Model) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(d) = m.estimators_data() {
        for c in &d.curves {
            out.push(c.name.clone());
            out.push(c.short_name.clone());
        }
        out.extend(d.notes);
    }
    if let Ok(d) = m.training_data((100, 80)) {
        out.extend(d.curves.iter().map(|c| c.name.clone()));
    }
    out
}

fn as_render_error(e: ModelError) -> RenderError {
    match e {
        ModelError::Render(r) => r,
        other => panic!("{other}"),
    }
}

#[test]
fn every_view_speaks_chinese() {
    let mut failures = Vec::new();
    for k in [2, 3, 10] {
        let mut m = model(k);
        let words = model_words(&mut m);
        for view in View::ALL {
            let name = format!("k{k}_{}", view.name());
            failures.extend(check(&name, &words, |a, t| {
                draw_view(&mut m, view, a, t).map_err(as_render_error)
            }));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn view_9_speaks_chinese() {
    let mut run = VaeRun::new(VaeConfig::small()).expect("a small VAE");
    let mut failures = Vec::new();
    for steps in [0, 300] {
        run.train_slice(steps, f64::INFINITY, &mut || 0.0);
        let curves = run.curves(1000.0);
        let digits = run.digits();
        let mut words: Vec<String> = curves.curves.iter().map(|c| c.name.clone()).collect();
        words.push(curves.waiting.clone());
        words.extend([digits.left_title.clone(), digits.right_title.clone()]);
        words.extend(
            digits
                .left
                .iter()
                .chain(&digits.right)
                .map(|r| r.label.clone()),
        );
        let name = format!("vae_curves_{steps}");
        failures.extend(check(&name, &words, |a, t| draw_vae_curves(a, &curves, t)));
        if steps > 0 {
            // The digits draw no word of the figures' own: only the model's titles and labels,
            // so the Chinese picture is kept to look at but has no Chinese to check.
            let (size, scale, _) = SIZES[0];
            let zh = draw_in(Lang::ZhCn, size, scale, "digits", |a, t| {
                draw_vae_digits(a, &digits, t)
            });
            save("zh_vae_digits", &zh);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Draws `draw` with no data in both languages: the Chinese message, and the too-small one.
fn messages<F>(name: &str, draw: F) -> Vec<String>
where
    F: Fn(&DrawingArea<SVGBackend, Shift>, &Theme) -> Result<(), RenderError>,
{
    let mut out = Vec::new();
    for (size, what) in [((640, 400), "empty"), ((40, 30), "tiny")] {
        let what = format!("{name} ({what})");
        let zh = draw_in(Lang::ZhCn, size, 1.0, &what, &draw);
        let en = draw_in(Lang::En, size, 1.0, &what, &draw);
        out.extend(
            faults(&what, &zh, &en, size.0, &[])
                .into_iter()
                .filter(|f| {
                    // The tiny area is meant to be too small, and its message may be wider than it.
                    !(size.0 == 40 && (f.ends_with("too small to draw") || f.contains("outside")))
                }),
        );
    }
    out
}

#[test]
fn empty_figures_say_so_in_chinese() {
    let mut failures = Vec::new();
    failures.extend(messages("gumbel_max", |a, t| {
        draw_gumbel_max(a, &GumbelMaxData::default(), t)
    }));
    failures.extend(messages("components", |a, t| {
        draw_components(a, &ComponentHistogramsData::default(), t)
    }));
    failures.extend(messages("expectation", |a, t| {
        draw_expectation(a, &ExpectationData::default(), t)
    }));
    failures.extend(messages("strip", |a, t| {
        draw_sample_strip(a, &SampleStripData::default(), t)
    }));
    failures.extend(messages("figure1", |a, t| {
        draw_figure1(a, &Figure1Data::default(), t)
    }));
    failures.extend(messages("simplex", |a, t| {
        draw_simplex(a, &SimplexHeatmapData::default(), t)
    }));
    failures.extend(messages("binary", |a, t| {
        draw_binary(a, &BinaryDensityData::default(), t)
    }));
    failures.extend(messages("projection", |a, t| {
        draw_projection(a, &ProjectionData::default(), t)
    }));
    failures.extend(messages("straight_through", |a, t| {
        draw_straight_through(a, &StraightThroughData::default(), t)
    }));
    failures.extend(messages("estimators", |a, t| {
        draw_estimators(a, &EstimatorsData::default(), t)
    }));
    failures.extend(messages("annealing", |a, t| {
        draw_annealing(a, &AnnealingData::default(), t)
    }));
    failures.extend(messages("cost", |a, t| {
        draw_cost(a, &CostData::default(), t)
    }));
    failures.extend(messages("training", |a, t| {
        draw_training(a, &TrainingData::default(), t)
    }));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_word_scan_finds_what_it_should() {
    assert!(latin_words("τ_min = 0.1，温度 τ").is_empty());
    assert!(latin_words("偏差 tr Cov[ĝ]（对数）; √(tr Ĉov/M)").is_empty());
    assert!(latin_words("y_ST = z + y − stop_gradient(y)：").is_empty());
    assert_eq!(latin_words("ST-GS 测试集 and SF+b*"), vec!["and"]);
    assert_eq!(latin_words("class i"), vec!["class"]);
    assert!(has_cjk("（") && !has_cjk("τ = 0.5 · n = 1,000"));
    let found = texts_of("<svg>\n<text x=\"5\" font-size=\"10\">\na &lt; b\n</text>\n</svg>");
    assert_eq!(found[0].content, "a < b");
    assert_eq!(span(&found[0]), (5.0, 5.0 + 30.0));
    assert_eq!(drawn_width("温度", 10.0), 20.0);
    assert_eq!(without("GS 测试集", &["GS".into()]).trim(), "测试集");
}
