//! Shared by the tests of the model's words in two languages (`tests/model_messages.rs`,
//! `tests/model_reports.rs`): what a Chinese text may hold, and the check that it does.

#![allow(dead_code)]

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
pub const ALLOWED: [&str; 14] = [
    "SF", "ST", "GS", "REBAR", "log", "argmax", "onehot", "tr", "Cov", "min", "ELBO", "NaN", "inf",
    "Gumbel",
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
pub fn stray_latin(text: &str) -> Vec<String> {
    without_quotes(text)
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1 && !ALLOWED.contains(w))
        .map(str::to_string)
        .collect()
}

pub fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// `zh` is a Chinese text with no stray Latin word (`what` names it in a failure).
pub fn check_chinese(zh: &str, what: &str) {
    assert!(has_chinese(zh), "{what}: no Chinese in {zh:?}");
    let stray = stray_latin(zh);
    assert!(stray.is_empty(), "{what}: Latin words {stray:?} in {zh:?}");
}
