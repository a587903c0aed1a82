//! Every note, readout and table the model writes, in both languages: English keeps its texts
//! and keys, Chinese has no Latin-script word outside the allow-list of `messages_support`, and
//! the numbers are the same in both.

mod messages_support;

use gumbel_explorer::i18n::messages::{errors, reports};
use gumbel_explorer::i18n::Lang;
use gumbel_explorer::model::presets::preset;
use gumbel_explorer::model::tables::table_note;
use gumbel_explorer::model::vae_run::VaeRun;
use gumbel_explorer::model::{Model, ObjectiveKind, View};
use gumbel_explorer::vae::VaeConfig;
use messages_support::{check_chinese, stray_latin};

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
    let table = m.table(View::Training).unwrap();
    assert_eq!(table.headers, ["estimator", "step", "pi", "objective"]);
}

#[test]
fn view_nines_words_follow_the_runs_language() {
    let mut run = VaeRun::new(VaeConfig::small()).unwrap();
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

/// The phrases a single run reaches only on some of its paths, each in both languages.
#[test]
fn phrases_of_rarer_paths_are_worded_in_both_languages() {
    let near = ["GS（0.95）".to_string(), "ST（0.93）".to_string()];
    for lang in Lang::ALL {
        let r = reports(lang);
        let e = errors(lang);
        let texts = [
            r.computing_note(3, 40),
            r.within("0.1", &near),
            r.none_within("0.1"),
            r.away(&near),
            r.hovers("GS", "π₁", "0.4"),
            r.vae_level("GS", "SF"),
            r.vae_ahead("GS", "1.20", "SF"),
            r.vae_behind("GS", "1.20", "SF"),
            r.vae_reference_level("24.59"),
            r.vae_reference_below("0.50", "24.59"),
            r.vae_reference_above("0.50", "24.59"),
            e.unknown_preset("flat", &["uniform", "peaked"]),
            e.text_scale("4"),
            e.unknown_language("fr", &["en", "zh-CN"]),
        ];
        for text in texts {
            assert!(!text.trim().is_empty());
            if lang == Lang::ZhCn {
                check_chinese(&text, "phrase");
            }
        }
    }
}

#[test]
fn the_estimator_figure_names_its_curves_in_the_models_language() {
    let mut m = Model::new();
    m.set_language(Lang::ZhCn);
    let data = m.estimators_data().unwrap();
    for curve in &data.curves {
        assert!(stray_latin(&curve.name).is_empty(), "{}", curve.name);
        assert!(
            stray_latin(&curve.short_name).is_empty(),
            "{}",
            curve.short_name
        );
    }
    for note in &data.notes {
        check_chinese(note, "figure note");
    }
    m.set_language(Lang::En);
    let names: Vec<String> = m
        .estimators_data()
        .unwrap()
        .curves
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert!(names.contains(&"SF + b = E[f(z)] (exact, oracle)".to_string()));
}
