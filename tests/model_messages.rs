//! Every word the model reports, in both languages: each refusal (settings, links, modes, the
//! math core, view 9), each note and readout, each table. English is the `Display` text the page
//! has always shown; Chinese is non-empty, holds Chinese, and has no Latin-script word outside
//! the allow-list below.

use gumbel_explorer::i18n::Lang;
use gumbel_explorer::math::Error as MathError;
use gumbel_explorer::model::error::{SchedulePart, Unavailable};
use gumbel_explorer::model::presets::preset;
use gumbel_explorer::model::single_view::ModeError;
use gumbel_explorer::model::tables::table_note;
use gumbel_explorer::model::url::LinkError;
use gumbel_explorer::model::vae_run::VaeRun;
use gumbel_explorer::model::vae_settings::{VaeControl, VaeSettingError};
use gumbel_explorer::model::vae_words::vae_message;
use gumbel_explorer::model::{Control, CostPart, Model, ModelError, ObjectiveKind, View};
use gumbel_explorer::vae::{TemperatureFault, VaeConfig, VaeError};

/// The Latin-script words a Chinese text may hold, each for a reason:
/// - estimator abbreviations, as the papers and the figures' legends write them: SF, ST, GS
///   (ST-GS is ST and GS), REBAR;
/// - names of functions and quantities inside formulas: log (log p), argmax and onehot
///   (z = onehot(argmax y)), tr and Cov (tr Cov[ĝ]), min (the subscript of τ_min), ELBO (−ELBO,
///   the VAE's objective as its paper writes it);
/// - numbers as `crate::format` writes them in every language: NaN, inf (and the e of 1e-9,
///   a single letter);
/// - a proper name: Gumbel (the noise).
///
/// Single letters are variables of formulas (k, N, τ's neighbours f, p, y, z, D, I, G, F, K, …)
/// and always allowed.
const ALLOWED: [&str; 14] = [
    "SF", "ST", "GS", "REBAR", "log", "argmax", "onehot", "tr", "Cov", "min", "ELBO", "NaN",
    "inf", "Gumbel",
];

/// Text in “” or "" quotes is code the page accepts as typed ("linear", a link's key, a view's
/// name) or a person's own input echoed back, so it stays as it is in every language.
fn without_quotes(text: &str) -> String {
    let mut out = String::new();
    let mut quoted: Option<char> = None;
    for c in text.chars() {
        match (quoted, c) {
            (None, '“') => quoted = Some('”'),
            (None, '"') => quoted = Some('"'),
            (Some(end), c) if c == end => quoted = None,
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    out
}

/// The Latin words of `text` (outside quotes) that the allow-list does not hold.
fn stray_latin(text: &str) -> Vec<String> {
    without_quotes(text)
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1 && !ALLOWED.contains(w))
        .map(str::to_string)
        .collect()
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// `zh` is a Chinese text with no stray Latin word (`what` names it in a failure).
fn check_chinese(zh: &str, what: &str) {
    assert!(has_chinese(zh), "{what}: no Chinese in {zh:?}");
    let stray = stray_latin(zh);
    assert!(stray.is_empty(), "{what}: Latin words {stray:?} in {zh:?}");
}

fn every_control() -> Vec<Control> {
    vec![
        Control::Classes,
        Control::Tau,
        Control::Samples,
        Control::Seed,
        Control::ObjectiveValue(3),
        Control::UpdateInterval,
        Control::Step,
        Control::Cost(CostPart::Classifier),
        Control::Cost(CostPart::Inference),
        Control::Cost(CostPart::Generator),
        Control::CostClasses,
        Control::LearningRate,
        Control::TrainingSeed,
        Control::TrainingSteps,
    ]
}

/// One math error of every variant, with every parameter name the core gives.
fn every_math_error() -> Vec<MathError> {
    let mut errors = vec![
        MathError::SingleCategory,
        MathError::TooManyCategories { k: 300, max: 256 },
        MathError::TemperatureNotFinite { value: f64::NAN },
        MathError::TemperatureNotPositive { value: -1.0 },
        MathError::TemperatureOutOfRange { value: 1e-301 },
        MathError::NotOnSimplex { sum: 0.9 },
    ];
    let parameters = [
        "logit",
        "logits",
        "perturbed logit",
        "perturbed",
        "probability",
        "probabilities",
        "point",
        "log point",
        "observed",
        "out",
        "taus",
        "c",
        "target",
    ];
    for parameter in parameters {
        errors.extend([
            MathError::Empty { parameter },
            MathError::NotANumber {
                parameter,
                index: 0,
            },
            MathError::Infinite {
                parameter,
                index: 1,
                value: f64::INFINITY,
            },
            MathError::Zero {
                parameter,
                index: 2,
            },
            MathError::Negative {
                parameter,
                index: 0,
                value: -0.5,
            },
            MathError::LengthMismatch {
                parameter,
                expected: 3,
                found: 2,
            },
        ]);
    }
    errors
}

fn every_link_error() -> Vec<LinkError> {
    vec![
        LinkError::TooLong { len: 2001 },
        LinkError::TooManyKeys,
        LinkError::RepeatedKey("tau".into()),
        LinkError::UnknownKey("colour".into()),
        LinkError::NotANumber {
            key: "tau",
            excerpt: "abc".into(),
        },
        LinkError::TooManyValues {
            key: "p",
            count: 12,
            max: 10,
        },
        LinkError::Classes,
        LinkError::UnknownObjective("cubic".into()),
        LinkError::ValuesWithoutObjective,
        LinkError::ProbsAndLogits,
        LinkError::ClassCount { k: 3, given: 4 },
        LinkError::ScheduleArity,
        LinkError::UpdateInterval,
        LinkError::CostArity,
        LinkError::Training("adam.x".into()),
        LinkError::Setting(Box::new(ModelError::NotWhole {
            control: Control::Samples,
            value: 2.5,
        })),
    ]
}

/// Every model error a person can meet, each variant at least once.
fn every_model_error() -> Vec<ModelError> {
    let mut errors = Vec::new();
    for control in every_control() {
        errors.extend([
            ModelError::NotFinite {
                control,
                value: f64::NAN,
            },
            ModelError::OutOfRange {
                control,
                value: -3.0,
            },
            ModelError::NotWhole {
                control,
                value: 2.5,
            },
        ]);
    }
    errors.extend([
        ModelError::TauNotPositive { value: 0.0 },
        ModelError::ObjectiveLength { classes: 3, got: 2 },
        ModelError::NoPositiveCost,
        ModelError::UnknownObjective("cubic".into()),
        ModelError::UnknownOptimiser("rmsprop".into()),
        ModelError::UnknownView("no-such-view".into()),
        ModelError::NoDrawingContext,
        ModelError::Unavailable(Unavailable::Sweep),
        ModelError::Unavailable(Unavailable::Training),
        ModelError::drawing(View::Cost, ModelError::NoDrawingContext),
    ]);
    for part in [
        SchedulePart::InitialTau,
        SchedulePart::Rate,
        SchedulePart::MinimumTau,
    ] {
        errors.push(ModelError::Schedule { part, value: -1.0 });
    }
    errors.extend(every_math_error().into_iter().map(ModelError::Math));
    errors.extend(every_link_error().into_iter().map(ModelError::Link));
    errors
}

#[test]
fn every_refusal_is_worded_in_both_languages() {
    for e in every_model_error() {
        let en = e.message(Lang::En);
        assert_eq!(en, e.to_string(), "English is the Display text");
        assert!(!en.is_empty());
        check_chinese(&e.message(Lang::ZhCn), &en);
    }
    for e in every_link_error() {
        assert_eq!(e.message(Lang::En), e.to_string());
        check_chinese(&e.message(Lang::ZhCn), &e.to_string());
    }
    let modes = [
        ModeError::UnknownEmbed("x".into()),
        ModeError::UnknownPresent("y".into()),
        ModeError::Repeated("embed"),
        ModeError::Both,
    ];
    for e in modes {
        assert_eq!(e.message(Lang::En), e.to_string());
        check_chinese(&e.message(Lang::ZhCn), &e.to_string());
    }
}

#[test]
fn view_nines_refusals_are_worded_in_both_languages() {
    let settings = [
        VaeSettingError::Range {
            setting: VaeControl::Latents,
            value: 0.5,
            min: 1,
            max: 64,
        },
        VaeSettingError::Range {
            setting: VaeControl::Categories,
            value: 1.0,
            min: 2,
            max: 64,
        },
        VaeSettingError::Range {
            setting: VaeControl::Until,
            value: 0.0,
            min: 1,
            max: 100_000,
        },
        VaeSettingError::Link,
    ];
    for e in settings {
        assert_eq!(e.message(Lang::En), e.to_string());
        check_chinese(&e.message(Lang::ZhCn), &e.to_string());
    }
    let trainer = [
        VaeError::Latents { value: 0, max: 64 },
        VaeError::Categories { value: 1, max: 64 },
        VaeError::Hidden { value: 0, max: 1024 },
        VaeError::LearningRate {
            value: f64::NAN,
            max: 1.0,
        },
        VaeError::BatchSize { value: 0, max: 1500 },
        VaeError::Temperature(TemperatureFault::Fixed(0.005)),
        VaeError::Temperature(TemperatureFault::Initial(200.0)),
        VaeError::Temperature(TemperatureFault::Minimum(1e-3)),
        VaeError::TestImage {
            index: 300,
            count: 297,
        },
    ];
    for e in trainer {
        assert_eq!(vae_message(&e, Lang::En), e.to_string());
        check_chinese(&vae_message(&e, Lang::ZhCn), &e.to_string());
    }
}

/// The refusals only a misuse of the code can cause carry the core's English detail in
/// Chinese too (a person cannot type them): they are still Chinese sentences.
#[test]
fn internal_refusals_are_chinese_sentences_around_their_detail() {
    let math = ModelError::Math(MathError::InvalidArgument("no such temperature".into()));
    assert!(has_chinese(&math.message(Lang::ZhCn)));
    let schedule = VaeError::Temperature(TemperatureFault::Schedule("annealing: x".into()));
    assert!(has_chinese(&vae_message(&schedule, Lang::ZhCn)));
    assert!(has_chinese(&vae_message(
        &VaeError::Data("short".into()),
        Lang::ZhCn
    )));
}

#[test]
fn a_refused_setting_is_worded_in_the_models_language() {
    let mut m = Model::new();
    let e = m.update(|s| s.set_tau(-1.0)).unwrap_err();
    assert_eq!(e.to_string(), e.message(Lang::En));
    m.set_language(Lang::ZhCn);
    assert_eq!(m.language(), Lang::ZhCn);
    let zh = e.message(m.language());
    assert!(zh.starts_with("温度 τ"), "{zh}");
    let e = m.update(|s| s.set_k_number(11.0)).unwrap_err();
    assert_eq!(
        e.message(Lang::ZhCn),
        "类别数 k 必须在 2 到 10 之间，输入的是 11"
    );
    let e = m
        .update(|s| s.set_schedule_values(-1.0, 1e-4, 0.5, 10.0))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid argument: annealing: initial temperature τ₀ = -1, must be finite and > 0"
    );
    check_chinese(&e.message(Lang::ZhCn), "schedule");
}

/// Every view's table, note and the estimator notes in Chinese, at several k and both
/// objectives.
#[test]
fn tables_and_notes_in_chinese_have_no_stray_english() {
    for (k, kind) in [
        (2, ObjectiveKind::Linear),
        (3, ObjectiveKind::SquaredDistance),
        (5, ObjectiveKind::Linear),
    ] {
        let mut m = Model::new();
        m.update(|s| {
            s.set_k(k)?;
            s.set_objective_kind(kind);
            Ok(())
        })
        .unwrap();
        m.set_language(Lang::ZhCn);
        for view in View::ALL {
            let what = format!("{} at k = {k}", view.name());
            let table = m.table(view).unwrap();
            for h in &table.headers {
                assert!(stray_latin(h).is_empty(), "{what}: heading {h:?}");
            }
            for cell in table.rows.iter().flatten() {
                let text = cell.text();
                assert!(stray_latin(&text).is_empty(), "{what}: cell {text:?}");
            }
            check_chinese(&table_note(view, k, Lang::ZhCn), &what);
        }
        let csv = m.estimators_csv().unwrap();
        assert!(csv.starts_with("梯度估计器,τ,偏差,"), "{csv}");
        for note in m.estimators_notes() {
            check_chinese(&note, "estimator note");
        }
    }
}

#[test]
fn english_tables_keep_their_keys() {
    let mut m = Model::new();
    let csv = m.estimators_csv().unwrap();
    assert!(csv.starts_with("estimator,tau,bias,bias_se,variance,variance_se,exact\n"));
    let t = m.table(View::GumbelMax).unwrap();
    assert_eq!(
        t.headers,
        ["class", "pi", "count", "frequency", "frequency_se"]
    );
    m.set_language(Lang::ZhCn);
    let t = m.table(View::GumbelMax).unwrap();
    assert_eq!(t.headers, ["类别", "π", "次数", "频率", "频率的标准误"]);
}

#[test]
fn the_training_sentence_reads_the_run_in_chinese() {
    let mut m = Model::new();
    let p = preset("relax-toy").unwrap();
    m.update(|s| {
        p.apply(s)?;
        s.set_seed(1.0)
    })
    .unwrap();
    m.set_language(Lang::ZhCn);
    let start = m.training_summary().unwrap();
    assert_eq!(
        start,
        "第 0 步：全部 6 个估计器都从 π₁ = 0.5 出发；最优点是 π₁ = 0，此处 F = 0.498 最小。"
    );
    m.update(|s| s.training_mut().set_steps(600.0)).unwrap();
    while m.train_toward_goal(300).unwrap() {}
    let text = m.training_summary().unwrap();
    assert!(text.starts_with("经过 600 步，最优点是 π₁ = 0"), "{text}");
    check_chinese(&text, "training summary");
    // The same run in English reads the same numbers.
    m.set_language(Lang::En);
    let english = m.training_summary().unwrap();
    assert!(english.starts_with("After 600 steps, the optimum is π₁ = 0"));
    for table in [m.table(View::Training).unwrap()] {
        assert_eq!(table.headers, ["estimator", "step", "pi", "objective"]);
    }
}

#[test]
fn view_nines_words_follow_the_runs_language() {
    let config = VaeConfig {
        latents: 4,
        categories: 3,
        hidden: 16,
        ..VaeConfig::default()
    };
    let mut run = VaeRun::new(config).unwrap();
    run.set_language(Lang::ZhCn);
    check_chinese(&run.sentence(), "no record yet");
    check_chinese(&run.curves(1000.0).waiting, "waiting");
    let mut clock = 0.0;
    run.train_slice(100, 1e9, &mut || {
        clock += 1.0;
        clock
    });
    check_chinese(&run.sentence(), "sentence");
    let digits = run.digits();
    check_chinese(&digits.left_title, "left title");
    check_chinese(&digits.right_title, "right title");
    for row in digits.left.iter().chain(&digits.right) {
        assert!(stray_latin(&row.label).is_empty(), "{}", row.label);
    }
    for curve in run.curves(1000.0).curves {
        assert!(stray_latin(&curve.name).is_empty(), "{}", curve.name);
    }
    for cell in run.table_cells(0) {
        assert!(stray_latin(&cell).is_empty(), "{cell}");
    }
    run.set_language(Lang::En);
    assert!(run.sentence().starts_with("After 100 steps"));
    assert!(run.table_cells(0).contains(&"SF+baseline".to_string()));
}
