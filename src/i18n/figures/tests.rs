//! The table's two languages side by side: every phrase of each, with sample arguments, so that no
//! Chinese phrase is left empty or copied from the English, and several wordings come longest
//! first.

use super::{phrases, words};
use crate::i18n::Lang;

/// Every phrase in `lang`, named, each with its wordings: the table's entries and the phrases
/// written by hand beside it.
fn all(lang: Lang) -> Vec<(&'static str, Vec<String>)> {
    let w = words(lang);
    let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
    let mut out = phrases(lang);
    out.push(("zero_on_floor", w.zero_on_floor(&["SF", "ST"])));
    out.push(("figure1_rows", owned(&w.figure1_rows())));
    out.push(("st_rule", owned(&w.st_rule())));
    out
}

/// Phrases whose wordings are pieces of one text, not alternatives.
const PIECES: &[&str] = &["figure1_rows", "st_rule"];

/// Phrases the same in both languages: none, since every formula or symbol that reads alike in
/// both stays in the figures and out of the table.
const SAME_IN_BOTH: &[&str] = &[];

#[test]
fn every_chinese_phrase_is_written_and_differs_from_the_english() {
    let (en, zh) = (all(Lang::En), all(Lang::ZhCn));
    assert_eq!(en.len(), zh.len(), "the two lists of phrases differ");
    for ((name, e), (zh_name, z)) in en.iter().zip(&zh) {
        assert_eq!(name, zh_name);
        assert!(!e.is_empty() && !z.is_empty(), "{name}: no wording");
        for wording in e {
            assert!(!wording.trim().is_empty(), "{name}: English is empty");
        }
        for wording in z {
            assert!(!wording.trim().is_empty(), "{name}: Chinese is empty");
            assert!(
                !e.contains(wording) || SAME_IN_BOTH.contains(name),
                "{name}: Chinese is the English «{wording}»"
            );
        }
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
        for wording in w.zero_on_floor(&["SF", "ST"]) {
            assert!(
                wording.contains("SF") && wording.contains("ST"),
                "{wording}"
            );
        }
    }
}

#[test]
fn longer_wordings_come_first() {
    for lang in Lang::ALL {
        let phrases = all(lang);
        assert!(phrases.iter().any(|(_, list)| list.len() > 2), "{lang:?}");
        for (name, list) in phrases
            .into_iter()
            .filter(|(name, _)| !PIECES.contains(name))
        {
            let widths: Vec<usize> = list.iter().map(|s| s.chars().count()).collect();
            assert!(
                widths.windows(2).all(|p| p[0] > p[1]),
                "{lang:?} {name}: {list:?}"
            );
        }
    }
}
