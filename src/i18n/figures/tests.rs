//! The two tables side by side: every phrase of each language, with sample arguments, so that no
//! Chinese phrase is left empty or copied from the English.

use super::{words, FigureWords};
use crate::i18n::Lang;

/// Every phrase of `w`, named by its method, parameterised ones with sample arguments.
fn phrases(w: &dyn FigureWords) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = vec![
        ("too_small", w.too_small().into()),
        ("no_schedule", w.no_schedule().into()),
        ("no_classes", w.no_classes().into()),
        ("no_density", w.no_density().into()),
        ("no_samples", w.no_samples().into()),
        ("no_sample", w.no_sample().into()),
        ("no_cost_model", w.no_cost_model().into()),
        ("no_estimator_sweep", w.no_estimator_sweep().into()),
        ("no_temperatures", w.no_temperatures().into()),
        ("no_polygon", w.no_polygon().into()),
        ("no_triangle", w.no_triangle().into()),
        ("no_training_run", w.no_training_run().into()),
        ("training_step", w.training_step().into()),
        ("temperature_tau", w.temperature_tau().into()),
        ("class_i", w.class_i().into()),
        ("density", w.density().into()),
        ("density_log", w.density_log().into()),
        ("classes_log", w.classes_log().into()),
        ("speed_up_log", w.speed_up_log().into()),
        ("tau_log", w.tau_log().into()),
        ("sample", w.sample().into()),
        ("bins_axis", w.bins_axis().into()),
        ("exact_objective", w.exact_objective().into()),
        ("gradient_variance_log", w.gradient_variance_log().into()),
        ("best_class_pi", w.best_class_pi("4")),
        ("neg_elbo_axis", w.neg_elbo_axis().into()),
        ("sampled_y1", w.sampled_y1().into()),
        ("density_p_y1", w.density_p_y1().into()),
        ("sample_mean_yi", w.sample_mean_yi().into()),
        ("fraction_per_bin", w.fraction_per_bin().into()),
        ("paper_measured", w.paper_measured().into()),
        ("current_k", w.current_k().into()),
        ("line_exact", w.line_exact().into()),
        ("class_probability", w.class_probability().into()),
        ("mean_two_se", w.mean_two_se().into()),
        ("argmax_two_se", w.argmax_two_se().into()),
        ("pi_limit", w.pi_limit().into()),
        ("curve_test", w.curve_test("GS")),
        ("train_as_trained", w.train_as_trained().into()),
        ("step_tau", w.step_tau("1,200", "0.5")),
        ("no_samples_note", w.no_samples_note().into()),
        ("no_draws_note", w.no_draws_note().into()),
        ("paper_point", w.paper_point("9.9", "100")),
        ("paper_label", w.paper_label("9.9× at k=100")),
        ("no_positive_values", w.no_positive_values("D")),
        ("zero_on_floor", w.zero_on_floor(&["SF", "ST"])),
        ("below_floor", w.below_floor("10⁻⁶")),
        ("exact_gradient", w.exact_gradient("0.1, -0.1")),
        ("projection_note", w.projection_note().into()),
        ("first_of", w.first_of("200", "500")),
        ("forward_title", w.forward_title().into()),
        ("backward_title", w.backward_title().into()),
        ("copied_to_y", w.copied_to_y().into()),
        ("gradient_copied", w.gradient_copied().into()),
        ("optimum", w.optimum().into()),
        ("none_yet", w.none_yet("D")),
        ("paths_caption", w.paths_caption("τ = 0.5")),
        ("step_note", w.step_note("300", "0.5")),
        ("independent_pixels", w.independent_pixels("24.59")),
    ];
    // Phrases with several wordings: each wording, the languages may have more or fewer.
    let lists: [(&'static str, Vec<String>); 9] = [
        ("fraction_axis", owned(w.fraction_axis())),
        ("probability_axis", owned(w.probability_axis())),
        ("bias_log", owned(w.bias_log())),
        ("variance_log", owned(w.variance_log())),
        ("stacked_axis", owned(w.stacked_axis())),
        ("figure1_rows", owned(&w.figure1_rows())),
        ("st_rule", owned(&w.st_rule())),
        ("mark_monte_carlo", w.mark_monte_carlo("1,000")),
        ("unresolvable_shading", w.unresolvable_shading("1,000")),
    ];
    for (name, list) in lists {
        out.extend(list.into_iter().map(|s| (name, s)));
    }
    out
}

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Phrases the same in both languages: none, since every formula or symbol that reads alike in
/// both stays in the figures and out of the tables.
const SAME_IN_BOTH: &[&str] = &[];

#[test]
fn every_chinese_phrase_is_written_and_differs_from_the_english() {
    let (en, zh) = (phrases(words(Lang::En)), phrases(words(Lang::ZhCn)));
    let names = |p: &[(&'static str, String)]| {
        let mut n: Vec<&str> = p.iter().map(|(name, _)| *name).collect();
        n.dedup();
        n
    };
    assert_eq!(names(&en), names(&zh), "the two lists of phrases differ");
    for (name, e) in &en {
        assert!(!e.trim().is_empty(), "{name}: English is empty");
    }
    for (name, z) in &zh {
        assert!(!z.trim().is_empty(), "{name}: Chinese is empty");
        let copied = en.iter().any(|(n, e)| n == name && e == z);
        assert!(
            !copied || SAME_IN_BOTH.contains(name),
            "{name}: Chinese is the English «{z}»"
        );
    }
}

#[test]
fn phrases_with_numbers_keep_them_as_written() {
    for lang in Lang::ALL {
        let w = words(lang);
        assert!(w.step_tau("12,000", "0.25").contains("12,000"));
        assert!(w.step_tau("12,000", "0.25").contains("0.25"));
        for wording in w.mark_monte_carlo("1,000") {
            assert!(wording.contains("M = 1,000"), "{wording}");
        }
        for wording in w.unresolvable_shading("1,000") {
            assert!(wording.contains("M = 1,000"), "{wording}");
        }
        assert!(w.best_class_pi("7").contains('7'));
        assert!(w.zero_on_floor(&["SF", "ST"]).contains("SF"));
    }
}

#[test]
fn longer_wordings_come_first() {
    for lang in Lang::ALL {
        let w = words(lang);
        let lists = [
            owned(w.fraction_axis()),
            owned(w.probability_axis()),
            owned(w.stacked_axis()),
            owned(w.bias_log()),
            owned(w.variance_log()),
            w.mark_monte_carlo("1,000"),
            w.unresolvable_shading("1,000"),
        ];
        for list in lists {
            assert!(!list.is_empty(), "{lang:?}: no wording");
            let widths: Vec<usize> = list.iter().map(|s| s.chars().count()).collect();
            assert!(widths.windows(2).all(|p| p[0] > p[1]), "{lang:?}: {list:?}");
        }
    }
}
