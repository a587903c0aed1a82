//! The whole state as a short text for the page's URL (`#k=3&p=0.2,0.3,0.5&tau=0.5…`), so a
//! copied link reproduces the view, seed included.
//!
//! Reading is strict: a link is either restored completely or rejected with a message that
//! names the first problem, and then the caller keeps the defaults. Nothing read here is ever
//! echoed back as markup: the message quotes at most a short, sanitised piece of the input.

use super::settings::{ClassInput, ModelError, ObjectiveKind, Settings, MAX_K};
use crate::math::annealing::AnnealingSchedule;
use crate::math::error::Num;

/// Longest state text accepted; a real one is under 300 characters.
pub const MAX_STATE_LEN: usize = 2_000;

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
    format!(
        "k={}&{}&tau={}&n={}&seed={}&obj={}&f={}&sched={},{},{},{}&step={}&cost={},{},{},{}",
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
        c.k
    )
}

/// A short, printable excerpt of untrusted text for an error message.
fn excerpt(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || ".,-+_=".contains(*c))
        .take(24)
        .collect();
    if cleaned.is_empty() {
        "…".to_string()
    } else {
        cleaned
    }
}

fn bad<T>(message: String) -> Result<T, ModelError> {
    Err(ModelError(format!(
        "the link's state was not restored: {message}"
    )))
}

fn number(key: &str, text: &str) -> Result<f64, ModelError> {
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => bad(format!(
            "{key} is not a finite number (\"{}\")",
            excerpt(text)
        )),
    }
}

fn numbers(key: &str, text: &str, max: usize) -> Result<Vec<f64>, ModelError> {
    let parts: Vec<&str> = text.split(',').collect();
    if parts.len() > max {
        return bad(format!(
            "{key} has {} values, at most {max} are allowed",
            parts.len()
        ));
    }
    parts.iter().map(|p| number(key, p)).collect()
}

/// Reads a state text written by [`to_state`] (a leading `#` or `?` is allowed).
/// Unknown keys, repeated keys, malformed numbers and out-of-range values are errors.
pub fn from_state(text: &str) -> Result<Settings, ModelError> {
    if text.len() > MAX_STATE_LEN {
        return bad(format!(
            "it is {} characters long, at most {MAX_STATE_LEN} are allowed",
            text.len()
        ));
    }
    let text = text.trim_start_matches(['#', '?']);
    // Commas are the only character a chat client tends to escape in these links.
    let text = text.replace("%2C", ",").replace("%2c", ",");
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
            return bad(format!("the key {} appears twice", excerpt(key)));
        }
        if seen.len() >= 16 {
            return bad("it has too many keys".to_string());
        }
        seen.push(key);
        match key {
            "k" => {
                let v = number("k", value)?;
                if v.fract() != 0.0 || !(2.0..=MAX_K as f64).contains(&v) {
                    return bad(format!("k must be a whole number from 2 to {MAX_K}"));
                }
                k = Some(v as usize);
            }
            "p" => probs = Some(numbers("p", value, MAX_K)?),
            "logits" => logits = Some(numbers("logits", value, MAX_K)?),
            "obj" => {
                let kind = match value {
                    "lin" => ObjectiveKind::Linear,
                    "sq" => ObjectiveKind::SquaredDistance,
                    other => return bad(format!("unknown objective \"{}\"", excerpt(other))),
                };
                objective = Some((kind, None));
            }
            "f" => values = Some(numbers("f", value, MAX_K)?),
            "tau" | "n" | "seed" | "sched" | "step" | "cost" => rest.push((key, value)),
            other => return bad(format!("unknown key \"{}\"", excerpt(other))),
        }
    }
    if let Some((kind, _)) = objective.take() {
        objective = Some((kind, values.take()));
    } else if values.is_some() {
        return bad("f is given without obj".to_string());
    }
    // τ first, so that the distribution below is built at the right temperature.
    for (key, value) in &rest {
        if *key == "tau" {
            s.set_tau(number("tau", value)?).map_err(wrap)?;
        }
    }
    match (probs, logits) {
        (Some(_), Some(_)) => return bad("give p or logits, not both".to_string()),
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
            return bad(format!("k = {k} but {} class values are given", s.k()));
        }
    }
    if let Some((kind, vals)) = objective {
        match vals {
            Some(v) => s.set_objective(kind, &v).map_err(wrap)?,
            None => s.set_objective_kind(kind),
        }
    }
    for (key, value) in rest {
        match key {
            "n" => s.set_samples(number("n", value)?).map_err(wrap)?,
            "seed" => s.set_seed(number("seed", value)?).map_err(wrap)?,
            "step" => s.set_step(number("step", value)?).map_err(wrap)?,
            "sched" => {
                let v = numbers("sched", value, 4)?;
                if v.len() != 4 {
                    return bad("sched needs τ₀, rate, τ_min and the update interval".to_string());
                }
                if v[3].fract() != 0.0 || v[3] < 1.0 || v[3] > 1e9 {
                    return bad(
                        "the schedule's update interval must be a whole number from 1 to 1e9"
                            .to_string(),
                    );
                }
                let sch = AnnealingSchedule::new(v[0], v[1], v[2], v[3] as u64)
                    .map_err(|e| wrap(e.into()))?;
                s.set_schedule(sch);
            }
            "cost" => {
                let v = numbers("cost", value, 4)?;
                if v.len() != 4 {
                    return bad("cost needs D, I, G and k".to_string());
                }
                s.set_cost(v[0], v[1], v[2], v[3]).map_err(wrap)?;
            }
            _ => {}
        }
    }
    Ok(s)
}

fn wrap(e: ModelError) -> ModelError {
    ModelError(format!("the link's state was not restored: {}", e.0))
}
