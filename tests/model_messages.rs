//! Every refusal the model words, in both languages (settings, links, modes, the math core,
//! view 9). English is the `Display` text the page has always shown; Chinese is non-empty,
//! holds Chinese, and has no Latin-script word outside the allow-list of `messages_support`.

mod messages_support;

use gumbel_explorer::i18n::Lang;
use gumbel_explorer::math::Error as MathError;
use gumbel_explorer::model::error::{SchedulePart, Unavailable};
use gumbel_explorer::model::math_words::math_message;
use gumbel_explorer::model::single_view::ModeError;
use gumbel_explorer::model::url::LinkError;
use gumbel_explorer::model::vae_settings::{VaeControl, VaeSettingError};
use gumbel_explorer::model::vae_words::vae_message;
use gumbel_explorer::model::{Control, CostPart, Model, ModelError, View};
use gumbel_explorer::vae::{TemperatureFault, VaeError};
use messages_support::{check_chinese, has_chinese};

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
fn a_free_text_math_refusal_is_the_cores_own_text_in_english() {
    // Only a code bug can produce one (so its detail stays English inside a Chinese sentence).
    let e = MathError::InvalidArgument("k = 0 classes: need at least 1".into());
    assert_eq!(math_message(&e, Lang::En), e.to_string());
    let zh = math_message(&e, Lang::ZhCn);
    assert!(has_chinese(&zh) && zh.contains("k = 0 classes"), "{zh}");
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
        VaeError::Hidden {
            value: 0,
            max: 1024,
        },
        VaeError::LearningRate {
            value: f64::NAN,
            max: 1.0,
        },
        VaeError::BatchSize {
            value: 0,
            max: 1500,
        },
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
