//! SVG render tests of the estimator figure (view 5), drawn from the model's own numbers at the
//! default state, with a linear payoff, at k = 2 and at k = 5, and from degenerate data. The
//! SVGs are kept under `target/render/estimators_*.svg` for a person to look at.

mod render_support;

use gumbel_explorer::i18n::figures::words;
use gumbel_explorer::i18n::Lang;
use gumbel_explorer::model::presets::preset;
use gumbel_explorer::model::settings::ObjectiveKind;
use gumbel_explorer::model::Model;
use gumbel_explorer::render::*;
use render_support::{drawn, has_text, message_only, svg, texts, too_small};

/// The model's estimator data once its exact curves are complete.
fn finished(m: &mut Model) -> EstimatorsData {
    m.estimators_data().expect("estimator sweep");
    while m.refining() {
        m.refine(100_000);
    }
    m.estimators_data().expect("estimator sweep")
}

fn model_with(f: impl FnOnce(&mut gumbel_explorer::model::Settings)) -> Model {
    let mut m = Model::new();
    m.update(|s| {
        f(s);
        Ok(())
    })
    .expect("settings");
    m
}

const ORACLE: &str = "SF + b = E[f(z)] (exact, oracle)";
const BEST: &str = "SF + b* (best constant)";

/// What every drawing of the model's numbers shows: the six legend entries, the key, both
/// panels with the current τ, and ∇F.
fn check_common(s: &str, name: &str) {
    for label in ["SF", ORACLE, BEST, "ST", "GS", "ST-GS", "line: exact"] {
        assert_eq!(texts(s, label), 1, "{name}: legend entry {label}");
    }
    assert!(
        has_text(s, "mark: Monte Carlo, M = 2,000 per τ, bar ±2 SE"),
        "{name}"
    );
    assert_eq!(texts(s, "bias ‖E[ĝ] − ∇F‖ (log)"), 1, "{name}");
    assert_eq!(texts(s, "variance tr Cov[ĝ] (log)"), 1, "{name}");
    assert_eq!(texts(s, "τ (log scale)"), 2, "{name}");
    assert!(has_text(s, "exact gradient ∇F = ("), "{name}");
}

#[test]
fn the_default_state_draws_exact_curves_with_monte_carlo_points_on_top() {
    let d = finished(&mut Model::new());
    for (name, size, scale) in [
        ("estimators_default", (760, 440), 1.0),
        ("estimators_default@2x", (1520, 880), 2.0),
        ("estimators_default_tall", (420, 700), 1.0),
    ] {
        let s = svg(name, size, scale, |a, t| draw_estimators(a, &d, t));
        check_common(&s, name);
        assert_eq!(texts(&s, "τ = 0.5"), 2, "{name}: current τ in both panels");
        // The score functions are unbiased: exactly 0, on the floor, no noise drawn as bias.
        assert_eq!(
            texts(&s, "exactly 0, drawn on the floor: SF, SF+baseline, SF+b*"),
            1,
            "{name}"
        );
        assert!(
            !has_text(&s, "shaded"),
            "{name}: every curve is exact at k = 3"
        );
        assert!(!has_text(&s, "ST is exact"), "{name}");
    }
}

#[test]
fn a_linear_payoff_says_st_is_exact() {
    let mut m = model_with(|s| s.set_objective_kind(ObjectiveKind::Linear));
    let d = finished(&mut m);
    let s = svg("estimators_linear", (760, 440), 1.0, |a, t| {
        draw_estimators(a, &d, t)
    });
    check_common(&s, "linear");
    assert!(has_text(
        &s,
        "ST is exact (bias 0, variance 0) and ST-GS = GS"
    ));
    // Each panel names its exact zeros once, in the longest wording that fits the panel.
    let once = |names: &[&str]| {
        (words(Lang::En).zero_on_floor(names).iter())
            .map(|wording| texts(&s, wording))
            .sum::<usize>()
    };
    assert_eq!(once(&["SF", "SF+baseline", "SF+b*", "ST"]), 1);
    assert_eq!(once(&["ST"]), 1);
}

#[test]
fn the_k2_teaching_case_and_k5_draw() {
    let mut m = Model::new();
    m.update(|s| preset("k2").expect("k2 preset").apply(s))
        .expect("k2 preset");
    let d = finished(&mut m);
    let s = svg("estimators_k2", (760, 440), 1.0, |a, t| {
        draw_estimators(a, &d, t)
    });
    check_common(&s, "k2");
    assert!(has_text(&s, "exact gradient ∇F = (0.05, −0.05)"));

    let mut m = model_with(|s| {
        let _ = s.set_k(5);
    });
    let d = finished(&mut m);
    let s = svg("estimators_k5", (760, 440), 1.0, |a, t| {
        draw_estimators(a, &d, t)
    });
    check_common(&s, "k5");
    assert_eq!(
        texts(
            &s,
            "shaded: below √(tr Ĉov/M), not resolvable with M = 2,000 samples"
        ),
        1
    );
    assert!(has_text(
        &s,
        "k = 5: GS and ST-GS are estimated from M = 2,000 samples"
    ));
}

#[test]
fn estimators_survive_degenerate_data() {
    let base = finished(&mut Model::new());
    let mut cases = vec![EstimatorsData::default()];
    let mut d = base.clone();
    d.curves.clear();
    cases.push(d);
    let mut d = base.clone();
    d.taus = vec![f64::NAN, -1.0, 0.0, 1.0];
    cases.push(d);
    let mut d = base.clone();
    for c in &mut d.curves {
        c.bias = vec![0.0; 3];
        c.bias_lo = vec![f64::NAN, -1.0];
        c.exact_bias = vec![f64::INFINITY, -1.0];
        c.variance = vec![f64::NAN, f64::INFINITY];
        c.floor = vec![1e300, 0.0, f64::NAN];
    }
    d.current_tau = f64::NAN;
    d.exact = vec![f64::NAN];
    d.notes = vec![String::new(); 3];
    cases.push(d);
    let mut d = base.clone();
    d.taus = vec![1.0];
    d.curves.truncate(1);
    d.current_tau = 1e300;
    cases.push(d);
    let mut d = base;
    for j in 0..7 {
        let mut c = d.curves[j % 6].clone();
        c.name = format!("estimator {j}");
        c.exact_bias = vec![f64::NAN; 40];
        d.curves.push(c);
    }
    cases.push(d);
    for d in &cases {
        drawn((640, 400), 1.0, |a, t| draw_estimators(a, d, t));
        message_only((100, 60), 1.0, |a, t| draw_estimators(a, d, t));
    }
    too_small((100, 60), 1.0, |a, t| draw_estimators(a, &cases[5], t));
}
