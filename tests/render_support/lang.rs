//! What the render tests of the two languages look for in an SVG: the text of each `<text>`
//! element, the Latin-script words in it (outside an explicit allow-list), CJK characters, and
//! an estimate of each horizontal text's extent with CJK glyphs one em wide.

/// One `<text>` element: its content (unescaped), its anchor x, its font size, its alignment
/// ("start", "middle", "end") and whether it is rotated.
#[derive(Clone, Debug)]
pub struct Text {
    pub content: String,
    pub x: f64,
    pub font_size: f64,
    pub anchor: String,
    pub rotated: bool,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

/// Every `<text>` element of `svg`, in order.
pub fn texts_of(svg: &str) -> Vec<Text> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find("<text") {
        let after = &rest[open..];
        let (Some(tag_end), Some(close)) = (after.find('>'), after.find("</text>")) else {
            break;
        };
        let tag = &after[..tag_end];
        let content = after[tag_end + 1..close]
            .trim()
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let number = |name| attribute(tag, name).and_then(|v| v.parse().ok());
        out.push(Text {
            content,
            x: number("x").unwrap_or(f64::NAN),
            font_size: number("font-size").unwrap_or(f64::NAN),
            anchor: attribute(tag, "text-anchor").unwrap_or_else(|| "start".into()),
            rotated: tag.contains("transform=\"rotate"),
        });
        rest = &after[close + "</text>".len()..];
    }
    out
}

/// A Chinese (CJK ideograph) or full-width punctuation character.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'      // CJK unified ideographs
        | '\u{3000}'..='\u{303F}'    // CJK punctuation: 、。
        | '\u{FF00}'..='\u{FFEF}') // full-width forms: （），：；
}

pub fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// A letter of the Latin script: ASCII and the accented letters of formulas (Ĉ of Ĉov).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// Latin-script words allowed in the Chinese figures, each for a reason:
pub const ALLOWED: &[&str] = &[
    // The estimators' abbreviations, as the paper and the page write them (ST-GS is ST and GS).
    "SF",
    "ST",
    "GS",
    "REBAR",
    "RELAX",
    // The evidence lower bound: "ELBO" is how Chinese texts on VAEs name it too.
    "ELBO",
    // Operators of formulas: log p on the colour bar, tr Cov[ĝ] and √(tr Ĉov/M) in the estimator
    // panels, z = onehot(argmax y) in the straight-through view (argmax also in its legend,
    // where Chinese texts keep the operator's name).
    "log",
    "tr",
    "Cov",
    "Ĉov",
    "onehot",
    "argmax",
    // Code: the operator's name in y_ST = z + y − stop_gradient(y), and the output it defines.
    "stop_gradient",
    "y_ST",
    // The subscript of τ_min, the annealing floor.
    "min",
];

/// The Latin-script words of `s` (runs of two or more Latin letters, with '_' inside a word)
/// that are not in [`ALLOWED`]. Single letters are the formulas' variables (k, n, y, M, …).
pub fn latin_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in s.chars().chain([' ']) {
        if is_latin(c) || (c == '_' && !word.is_empty()) {
            word.push(c);
        } else if !word.is_empty() {
            let w = word.trim_matches('_').to_string();
            if w.chars().filter(|c| is_latin(*c)).count() >= 2 && !ALLOWED.contains(&w.as_str()) {
                words.push(w);
            }
            word.clear();
        }
    }
    words
}

/// `s` with every occurrence of the model's own words removed: those are written by the model
/// (estimator legend labels, notes, the VAE panels' titles), not by the figures' word table.
pub fn without(s: &str, model_words: &[String]) -> String {
    let mut longest_first: Vec<&String> = model_words.iter().filter(|w| !w.is_empty()).collect();
    longest_first.sort_by_key(|w| std::cmp::Reverse(w.len()));
    longest_first
        .into_iter()
        .fold(s.to_string(), |s, w| s.replace(w.as_str(), " "))
}

/// The width of `s` at `font_size` pixels as a browser draws it, roughly: one em per CJK
/// character, 0.6 em for anything else (generous for Latin letters, digits and symbols).
pub fn drawn_width(s: &str, font_size: f64) -> f64 {
    s.chars()
        .map(|c| if is_cjk(c) { 1.0 } else { 0.6 })
        .sum::<f64>()
        * font_size
}

/// The horizontal span (left, right) a horizontal text takes, by [`drawn_width`].
pub fn span(t: &Text) -> (f64, f64) {
    let w = drawn_width(&t.content, t.font_size);
    match t.anchor.as_str() {
        "middle" => (t.x - w / 2.0, t.x + w / 2.0),
        "end" => (t.x - w, t.x),
        _ => (t.x, t.x + w),
    }
}
