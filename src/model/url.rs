//! The whole state as a short text for the page's URL (`#k=3&p=0.2,0.3,0.5&tau=0.5…`), so a
//! copied link reproduces the view, seed included.
//!
//! Reading is strict: a link is either restored completely or rejected with a message that
//! names the first problem, and then the caller keeps the defaults. Nothing read here is ever
//! echoed back as markup: the message quotes at most a short, sanitised piece of the input.

use super::annealing::checked_schedule;
use super::error::{excerpt, ModelError};
use super::limits::{whole_in, MAX_K, MIN_K};
use super::settings::{update_interval, ClassInput, ObjectiveKind, Settings};
use super::training_link::{from_link, to_link};
use crate::math::error::Num;

/// Longest state text accepted; a real one is under 300 characters.
pub const MAX_STATE_LEN: usize = 2_000;

/// The objective of a link that does not name one. Links written by [`to_state`] always name
/// it, but a shorter hand-made link (`#k=2&p=0.5,0.5`) was read with the linear payoff, the page's
/// default objective of that time, and must keep opening the same view now that a new page
/// starts with the squared distance.
pub const OBJECTIVE_WITHOUT_OBJ: ObjectiveKind = ObjectiveKind::Linear;

/// Why a link's state was not restored (the message follows "the link's state was not
/// restored: "; worded in `error_words`). Pieces of the link are quoted only as sanitised
/// excerpts.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// The text is `len` characters long, over [`MAX_STATE_LEN`].
    TooLong { len: usize },
    /// More keys than the state has.
    TooManyKeys,
    /// A key given twice.
    RepeatedKey(String),
    /// A key the state does not have.
    UnknownKey(String),
    /// The value of `key` is not a finite number.
    NotANumber { key: &'static str, excerpt: String },
    /// `key` lists `count` values, more than `max`.
    TooManyValues {
        key: &'static str,
        count: usize,
        max: usize,
    },
    /// `k` is not a whole number of classes the page offers.
    Classes,
    /// `obj` names no objective.
    UnknownObjective(String),
    /// `f` without `obj`.
    ValuesWithoutObjective,
    /// Both `p` and `logits`.
    ProbsAndLogits,
    /// `k` disagrees with the number of class values given.
    ClassCount { k: usize, given: usize },
    /// `sched` does not have its four values.
    ScheduleArity,
    /// The schedule's update interval is not a whole number in range.
    UpdateInterval,
    /// `cost` does not have its four values.
    CostArity,
    /// `train` is not of the form optimiser,rate,seed,τ mode,step (an excerpt of it).
    Training(String),
    /// A value the settings refuse.
    Setting(Box<ModelError>),
}

/// Writes the settings as `key=value` pairs joined by `&`. Numbers use Rust's shortest
/// round-trip digits, in scientific notation where the plain form would be long (1e-300 is
/// "1e-300", not 300 zeros), so reading the text back gives exactly the same settings and the
/// text stays well under [`MAX_STATE_LEN`].
pub fn to_state(s: &Settings) -> String {
    let join = |v: &[f64]| {
        v.iter()
            .map(|&x| Num(x).to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let sch = s.schedule();
    let c = s.cost();
    let obj = match s.objective_kind() {
        ObjectiveKind::Linear => "lin",
        ObjectiveKind::SquaredDistance => "sq",
    };
    let classes = match s.class_input() {
        ClassInput::Probs(p) => format!("p={}", join(p)),
        ClassInput::Logits(l) => format!("logits={}", join(l)),
    };
    let train = match to_link(s.training()) {
        Some(t) => format!("&train={t}"),
        None => String::new(),
    };
    format!(
        "k={}&{}&tau={}&n={}&seed={}&obj={}&f={}&sched={},{},{},{}&step={}&cost={},{},{},{}{}",
        s.k(),
        classes,
        Num(s.tau()),
        s.samples(),
        s.seed(),
        obj,
        join(s.objective_values()),
        Num(sch.tau0),
        Num(sch.rate),
        Num(sch.tau_min),
        sch.update_every,
        s.step(),
        Num(c.d),
        Num(c.i),
        Num(c.g),
        c.k,
        train
    )
}

/// The characters besides letters and digits a link's excerpt keeps.
const LINK_EXCERPT: &str = ".,-+_=";

fn bad<T>(e: LinkError) -> Result<T, ModelError> {
    Err(ModelError::Link(e))
}

/// A setter's refusal, as the reason a link was not restored.
fn wrap(e: ModelError) -> ModelError {
    ModelError::Link(LinkError::Setting(Box::new(e)))
}

fn number(key: &'static str, text: &str) -> Result<f64, ModelError> {
    match super::decimal::parse_f64(text.trim()) {
        Some(v) if v.is_finite() => Ok(v),
        _ => bad(LinkError::NotANumber {
            key,
            excerpt: excerpt(text, LINK_EXCERPT),
        }),
    }
}

fn numbers(key: &'static str, text: &str, max: usize) -> Result<Vec<f64>, ModelError> {
    let parts: Vec<&str> = text.split(',').collect();
    if parts.len() > max {
        return bad(LinkError::TooManyValues {
            key,
            count: parts.len(),
            max,
        });
    }
    parts.iter().map(|p| number(key, p)).collect()
}

/// `text` with every "%2C" or "%2c" written as ",": the commas a chat client tends to escape in
/// a link. (Split at '%' rather than `str::replace("%2C", …)`: a substring search, with its
/// panic paths and their texts, adds about 5 KB (gzipped) to the page's module.)
pub(crate) fn decode_commas(text: &str) -> String {
    let mut parts = text.split('%');
    let mut out = String::from(parts.next().unwrap_or(""));
    for part in parts {
        match part.strip_prefix("2C").or_else(|| part.strip_prefix("2c")) {
            Some(rest) => {
                out.push(',');
                out.push_str(rest);
            }
            None => {
                out.push('%');
                out.push_str(part);
            }
        }
    }
    out
}

/// Reads a state text written by [`to_state`] (a leading `#` or `?` is allowed).
/// Unknown keys, repeated keys, malformed numbers and out-of-range values are errors.
pub fn from_state(text: &str) -> Result<Settings, ModelError> {
    if text.len() > MAX_STATE_LEN {
        return bad(LinkError::TooLong { len: text.len() });
    }
    let text = text.trim_start_matches(['#', '?']);
    // Commas are the only character a chat client tends to escape in these links.
    let text = decode_commas(text);
    let mut s = Settings::default();
    let mut seen: Vec<&str> = Vec::new();
    let mut k: Option<usize> = None;
    let mut probs: Option<Vec<f64>> = None;
    let mut logits: Option<Vec<f64>> = None;
    let mut objective: Option<(ObjectiveKind, Option<Vec<f64>>)> = None;
    let mut values: Option<Vec<f64>> = None;
    let mut rest: Vec<(&str, &str)> = Vec::new();
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if seen.contains(&key) {
            return bad(LinkError::RepeatedKey(excerpt(key, LINK_EXCERPT)));
        }
        if seen.len() >= 16 {
            return bad(LinkError::TooManyKeys);
        }
        seen.push(key);
        match key {
            "k" => {
                let v = number("k", value)?;
                match whole_in(v, MIN_K as u64, MAX_K as u64) {
                    Some(v) => k = Some(v as usize),
                    None => return bad(LinkError::Classes),
                }
            }
            "p" => probs = Some(numbers("p", value, MAX_K)?),
            "logits" => logits = Some(numbers("logits", value, MAX_K)?),
            "obj" => {
                let kind = match value {
                    "lin" => ObjectiveKind::Linear,
                    "sq" => ObjectiveKind::SquaredDistance,
                    other => return bad(LinkError::UnknownObjective(excerpt(other, LINK_EXCERPT))),
                };
                objective = Some((kind, None));
            }
            "f" => values = Some(numbers("f", value, MAX_K)?),
            "tau" | "n" | "seed" | "sched" | "step" | "cost" | "train" => rest.push((key, value)),
            other => return bad(LinkError::UnknownKey(excerpt(other, LINK_EXCERPT))),
        }
    }
    if let Some((kind, _)) = objective.take() {
        objective = Some((kind, values.take()));
    } else if values.is_some() {
        return bad(LinkError::ValuesWithoutObjective);
    }
    // τ first, so that the distribution below is built at the right temperature.
    for (key, value) in &rest {
        if *key == "tau" {
            s.set_tau(number("tau", value)?).map_err(wrap)?;
        }
    }
    match (probs, logits) {
        (Some(_), Some(_)) => return bad(LinkError::ProbsAndLogits),
        (Some(p), None) => s.set_probs(&p).map_err(wrap)?,
        (None, Some(l)) => s.set_logits(&l).map_err(wrap)?,
        (None, None) => {
            if let Some(k) = k {
                s.set_k(k).map_err(wrap)?;
            }
        }
    }
    if let Some(k) = k {
        if k != s.k() {
            return bad(LinkError::ClassCount { k, given: s.k() });
        }
    }
    match objective {
        Some((kind, Some(v))) => s.set_objective(kind, &v).map_err(wrap)?,
        Some((kind, None)) => s.set_objective_kind(kind),
        None => s.set_objective_kind(OBJECTIVE_WITHOUT_OBJ),
    }
    for (key, value) in rest {
        match key {
            "n" => s.set_samples(number("n", value)?).map_err(wrap)?,
            "seed" => s.set_seed(number("seed", value)?).map_err(wrap)?,
            "step" => s.set_step(number("step", value)?).map_err(wrap)?,
            "sched" => {
                let v = numbers("sched", value, 4)?;
                let [tau0, rate, tau_min, every] = v[..] else {
                    return bad(LinkError::ScheduleArity);
                };
                let Some(every) = update_interval(every) else {
                    return bad(LinkError::UpdateInterval);
                };
                let sch = checked_schedule(tau0, rate, tau_min, every).map_err(wrap)?;
                s.set_schedule(sch);
            }
            "cost" => {
                let v = numbers("cost", value, 4)?;
                let [d, i, g, k] = v[..] else {
                    return bad(LinkError::CostArity);
                };
                s.set_cost(d, i, g, k).map_err(wrap)?;
            }
            "train" => {
                *s.training_mut() = match from_link(value, excerpt(value, LINK_EXCERPT)) {
                    Err(ModelError::Link(e)) => return bad(e),
                    other => other.map_err(wrap)?,
                };
            }
            _ => {}
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::decode_commas;

    #[test]
    fn escaped_commas_read_as_commas() {
        assert_eq!(decode_commas("k=3&pi=1%2C2%2c3"), "k=3&pi=1,2,3");
        assert_eq!(decode_commas("%%2C%41%2"), "%,%41%2");
        assert_eq!(decode_commas("%2C"), ",");
        assert_eq!(decode_commas("plain"), "plain");
        assert_eq!(decode_commas(""), "");
    }
}
