//! The message tables' two languages side by side: every phrase of each, with sample arguments,
//! so that no Chinese message is left empty or copied from the English.

use super::*;

/// Every phrase in `lang`, named, each with its wordings: the tables' entries and the phrases
/// written by hand beside them.
fn all(lang: Lang) -> Vec<(&'static str, Vec<String>)> {
    let mut out = Vec::new();
    for block in [
        errors::phrases,
        math::phrases,
        vae::phrases,
        reports::phrases,
        tables::phrases,
    ] {
        out.extend(block(lang));
    }
    let (m, v, r) = (math(lang), vae(lang), reports(lang));
    let rule = VaeLinkRule {
        key: "vae",
        latents: (1, 30),
        categories: (2, 10),
        max_until: 100_000,
    };
    let sentence = VaeSentence {
        steps: "1,000",
        standing: "GS ≈ SF",
        gs_value: "1.5",
        sf_value: "2.5",
        st: "ST-GS",
        st_value: "3.5",
        gs: "GS",
        against_reference: "≈",
    };
    let near = ["GS (0.9)".to_string(), "ST (0.8)".to_string()];
    let hand = [
        ("parameter", m.parameter("probability")),
        ("setting_link", v.setting_link(&rule)),
        ("optimum", r.optimum("π₁", "1", "0.5", true)),
        ("within", r.within("0.05", &near)),
        ("away", r.away(&near)),
        ("vae_sentence", r.vae_sentence(&sentence)),
        ("column", r.column("frequency_se").unwrap_or_default()),
        ("cell", r.cell("paper").unwrap_or_default()),
    ];
    out.extend(hand.into_iter().map(|(name, s)| (name, vec![s])));
    out
}

/// Phrases the same in both languages, or empty in Chinese: Chinese joins its notes with
/// nothing between them.
const SAME_IN_BOTH: &[&str] = &["note_separator"];

#[test]
fn every_chinese_message_is_written_and_differs_from_the_english() {
    let (en, zh) = (all(Lang::En), all(Lang::ZhCn));
    assert!(en.len() > 120, "{} phrases", en.len());
    assert_eq!(en.len(), zh.len(), "the two lists of phrases differ");
    for ((name, e), (zh_name, z)) in en.iter().zip(&zh) {
        assert_eq!(name, zh_name);
        if SAME_IN_BOTH.contains(name) {
            continue;
        }
        assert!(
            e.iter().all(|s| !s.trim().is_empty()),
            "{name}: English is empty"
        );
        assert!(
            z.iter().all(|s| !s.trim().is_empty()),
            "{name}: Chinese is empty"
        );
        assert_ne!(e, z, "{name}: Chinese is the English");
    }
}

#[test]
fn chinese_quotes_names_and_spaces_a_formula_before_its_words() {
    let (en, zh) = (errors(Lang::En), errors(Lang::ZhCn));
    assert_eq!(
        en.unknown_language("fr", &["en", "zh-CN"]),
        "there is no language called \"fr\" (known: en, zh-CN)"
    );
    assert_eq!(
        zh.unknown_language("fr", &["en", "zh-CN"]),
        "没有“fr”这种语言（可选的语言：“en”、“zh-CN”）"
    );
    assert_eq!(
        zh.not_whole("温度 τ", "0.5"),
        "温度 τ 必须是整数，输入的是 0.5"
    );
    assert_eq!(
        zh.not_whole("学习率", "0.5"),
        "学习率必须是整数，输入的是 0.5"
    );
    let m = math(Lang::ZhCn);
    assert_eq!(m.zero("收益 c", 2), "第 2 个收益 c 为 0，必须严格为正");
    assert_eq!(m.zero("概率", 2), "第 2 个概率为 0，必须严格为正");
}
