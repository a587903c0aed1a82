//! The training view's settings in a link: one key, `train=adam,0.05,page,fixed,2000`
//! (optimiser, learning rate, seed or "page", "fixed" or "anneal" for τ, the step the run
//! stands at). Written only when they differ from a new page's, so every link written before the
//! view existed reads and writes back exactly as it did.

use super::error::ModelError;
use super::training_settings::{TrainingSeed, TrainingSettings};
use super::url::LinkError;
use crate::format;

/// The value of the `train` key, or `None` when the settings are a new page's.
pub fn to_link(t: &TrainingSettings) -> Option<String> {
    if *t == TrainingSettings::default() {
        return None;
    }
    let seed = match t.seed() {
        TrainingSeed::Page => "page".to_string(),
        TrainingSeed::Own(s) => s.to_string(),
    };
    Some(format!(
        "{},{},{},{},{}",
        t.optimiser().name(),
        format::exact(t.learning_rate()),
        seed,
        if t.annealed() { "anneal" } else { "fixed" },
        t.steps()
    ))
}

fn number(text: &str, malformed: &dyn Fn() -> ModelError) -> Result<f64, ModelError> {
    match super::decimal::parse_f64(text.trim()) {
        Some(v) if v.is_finite() => Ok(v),
        _ => Err(malformed()),
    }
}

/// Reads the value of the `train` key; `excerpt` is how an error message may quote it.
///
/// # Errors
/// [`LinkError::Training`] for a value not of the form above, or the setters' refusals (as
/// [`ModelError`]s for the caller to wrap).
pub fn from_link(text: &str, excerpt: String) -> Result<TrainingSettings, ModelError> {
    let malformed = || ModelError::Link(LinkError::Training(excerpt.clone()));
    let parts: Vec<&str> = text.split(',').collect();
    let [optimiser, rate, seed, tau, steps] = parts[..] else {
        return Err(malformed());
    };
    let mut t = TrainingSettings::default();
    t.set_optimiser_name(optimiser).map_err(|_| malformed())?;
    t.set_learning_rate(number(rate, &malformed)?)?;
    if seed != "page" {
        t.set_seed(Some(number(seed, &malformed)?))?;
    }
    match tau {
        "fixed" => t.set_annealed(false),
        "anneal" => t.set_annealed(true),
        _ => return Err(malformed()),
    }
    t.set_steps(number(steps, &malformed)?)?;
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_not_written_and_anything_else_reads_back() {
        let mut t = TrainingSettings::default();
        assert_eq!(to_link(&t), None);
        t.set_steps(2000.0).unwrap();
        assert_eq!(to_link(&t).as_deref(), Some("adam,0.05,page,fixed,2000"));
        t.set_optimiser_name("sgd").unwrap();
        t.set_learning_rate(0.3).unwrap();
        t.set_seed(Some(12.0)).unwrap();
        t.set_annealed(true);
        let text = to_link(&t).unwrap();
        assert_eq!(text, "sgd,0.3,12,anneal,2000");
        assert_eq!(from_link(&text, String::new()), Ok(t));
    }

    #[test]
    fn malformed_values_are_refused() {
        for bad in [
            "adam,0.05,page,fixed",
            "adam,0.05,page,fixed,1,2",
            "rmsprop,0.05,page,fixed,0",
            "adam,x,page,fixed,0",
            "adam,0.05,page,cold,0",
            "adam,0.05,seed,fixed,0",
        ] {
            assert_eq!(
                from_link(bad, "e".into()),
                Err(ModelError::Link(LinkError::Training("e".into()))),
                "{bad}"
            );
        }
        // A well-formed value the settings refuse says why.
        assert!(matches!(
            from_link("adam,0,page,fixed,0", String::new()),
            Err(ModelError::OutOfRange { .. })
        ));
        assert!(matches!(
            from_link("adam,0.05,page,fixed,1e8", String::new()),
            Err(ModelError::OutOfRange { .. })
        ));
    }
}
