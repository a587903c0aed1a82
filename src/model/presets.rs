//! The page's presets as data: each is a named fragment of the state (the fields it sets and
//! the values it gives them), applied to the settings in one step.
//!
//! A preset sets π, and optionally τ, the objective of the estimator view and a fresh start of
//! the training view; everything else (N, the seed, the schedule, the costs) stays as it was. Values shared with
//! `Settings::default()` come from the same constants.

use super::objective::{default_payoff, default_target, ObjectiveKind, DEFAULT_OBJECTIVE_KIND};
use super::settings::{Settings, DEFAULT_PROBS, DEFAULT_TAU};
use super::ModelError;

/// How a preset sets the class weights π (normalised by the settings).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ClassWeights {
    /// Equal weights for the current number of classes k.
    Uniform,
    /// Weight `others` on every class and 1 on the last, for the current k.
    PeakedLast { others: f64 },
    /// Exactly these weights; their number sets k.
    Given(&'static [f64]),
}

/// How a preset sets the objective of the estimator view.
#[derive(Clone, Debug, PartialEq)]
pub enum ObjectivePart {
    /// This kind; its values are reset to the kind's defaults only if the kind changes.
    Kind(ObjectiveKind),
    /// This kind with its default values for the preset's k.
    KindWithDefaults(ObjectiveKind),
    /// This kind with exactly these values (their number must match the preset's k).
    Given(ObjectiveKind, &'static [f64]),
}

/// A named fragment of the state.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// The name the page's `button[data-preset]` carries.
    pub name: &'static str,
    pub probs: ClassWeights,
    /// τ, if the preset sets it.
    pub tau: Option<f64>,
    /// The objective, if the preset sets it.
    pub objective: Option<ObjectivePart>,
    /// Whether the training view starts over with its default optimiser, learning rate and
    /// fixed τ (its seed choice stays).
    pub restarts_training: bool,
}

/// π of the Figure 1 preset (k = 4): the paper does not state its Figure 1's π; this one shows
/// the same effect.
pub const FIGURE1_PROBS: [f64; 4] = [0.1, 0.2, 0.3, 0.4];
/// τ at which the Figure 1 preset opens.
pub const FIGURE1_TAU: f64 = 1.0;
/// π of the k = 2 teaching case.
pub const TWO_CLASS_PROBS: [f64; 2] = [0.5, 0.5];
/// Weight of every class but the last in the peaked preset (the last has weight 1).
pub const PEAKED_OTHERS: f64 = 0.02;
/// The RELAX toy (Grathwohl et al. 2018): squared distance to (t, 1 − t), t = 0.499, written
/// as the page writes it, ‖y − t‖² = 2(y₁ − t)².
pub const RELAX_TOY_TARGET: [f64; 2] = [0.499, 0.501];
/// The REBAR toy (Tucker et al. 2017): t = 0.45.
pub const REBAR_TOY_TARGET: [f64; 2] = [0.45, 0.55];

/// Every preset the page offers, in the order of its buttons.
pub static PRESETS: [Preset; 7] = [
    Preset {
        name: "uniform",
        probs: ClassWeights::Uniform,
        tau: None,
        objective: None,
        restarts_training: false,
    },
    Preset {
        name: "peaked",
        probs: ClassWeights::PeakedLast {
            others: PEAKED_OTHERS,
        },
        tau: None,
        objective: None,
        restarts_training: false,
    },
    Preset {
        name: "figure1",
        probs: ClassWeights::Given(&FIGURE1_PROBS),
        tau: Some(FIGURE1_TAU),
        objective: None,
        restarts_training: false,
    },
    // The t = 0.45 toy of MATH.md section 5: the squared-distance objective's default target.
    Preset {
        name: "k2",
        probs: ClassWeights::Given(&TWO_CLASS_PROBS),
        tau: Some(DEFAULT_TAU),
        objective: Some(ObjectivePart::KindWithDefaults(
            ObjectiveKind::SquaredDistance,
        )),
        restarts_training: false,
    },
    // The default distribution with the default objective.
    Preset {
        name: "k3",
        probs: ClassWeights::Given(&DEFAULT_PROBS),
        tau: Some(DEFAULT_TAU),
        objective: Some(ObjectivePart::Kind(DEFAULT_OBJECTIVE_KIND)),
        restarts_training: false,
    },
    training_toy("relax-toy", &RELAX_TOY_TARGET),
    training_toy("rebar-toy", &REBAR_TOY_TARGET),
];

/// One of the training view's toys (MATH.md section 8): from π = (0.5, 0.5) at τ = 0.5, the
/// squared distance to `target`, the training view started over.
const fn training_toy(name: &'static str, target: &'static [f64; 2]) -> Preset {
    Preset {
        name,
        probs: ClassWeights::Given(&TWO_CLASS_PROBS),
        tau: Some(DEFAULT_TAU),
        objective: Some(ObjectivePart::Given(ObjectiveKind::SquaredDistance, target)),
        restarts_training: true,
    }
}

/// The preset called `name`, if there is one.
pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

impl Preset {
    /// Sets the fields this preset names: π first (which may change k), then τ, then the
    /// objective for the new k, then (for the training toys) the training view's defaults.
    ///
    /// # Errors
    /// A setter's `ModelError`; the settings may then be half changed, so apply a preset
    /// through `Model::update`, which keeps the old settings on error.
    pub fn apply(&self, s: &mut Settings) -> Result<(), ModelError> {
        let weights = match self.probs {
            ClassWeights::Uniform => vec![1.0; s.k()],
            ClassWeights::PeakedLast { others } => {
                let mut w = vec![others; s.k()];
                if let Some(last) = w.last_mut() {
                    *last = 1.0;
                }
                w
            }
            ClassWeights::Given(w) => w.to_vec(),
        };
        s.set_probs(&weights)?;
        if let Some(tau) = self.tau {
            s.set_tau(tau)?;
        }
        match &self.objective {
            None => {}
            Some(ObjectivePart::Kind(kind)) => s.set_objective_kind(kind.clone()),
            Some(ObjectivePart::KindWithDefaults(kind)) => {
                let values = match kind {
                    ObjectiveKind::Linear => default_payoff(s.k()),
                    ObjectiveKind::SquaredDistance => default_target(s.k()),
                };
                s.set_objective(kind.clone(), &values)?;
            }
            Some(ObjectivePart::Given(kind, values)) => s.set_objective(kind.clone(), values)?,
        }
        if self.restarts_training {
            s.training_mut().reset_to_defaults();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::url::to_state;

    fn applied(name: &str, mut s: Settings) -> Settings {
        preset(name)
            .unwrap_or_else(|| panic!("no preset {name}"))
            .apply(&mut s)
            .unwrap_or_else(|e| panic!("preset {name}: {e}"));
        s
    }

    fn with_k(k: usize) -> Settings {
        let mut s = Settings::default();
        s.set_k(k).unwrap();
        s
    }

    #[test]
    fn names_are_unique_and_unknown_names_are_none() {
        for (i, p) in PRESETS.iter().enumerate() {
            assert!(PRESETS[..i].iter().all(|q| q.name != p.name), "{}", p.name);
            assert_eq!(preset(p.name), Some(p));
        }
        assert_eq!(preset("nope"), None);
        assert_eq!(preset(""), None);
        assert_eq!(preset("Uniform"), None);
    }

    #[test]
    fn every_preset_applies_from_every_k() {
        for k in 2..=10 {
            for p in &PRESETS {
                let mut s = with_k(k);
                p.apply(&mut s)
                    .unwrap_or_else(|e| panic!("{} at k = {k}: {e}", p.name));
            }
        }
    }

    #[test]
    fn uniform_and_peaked_keep_k_and_set_pi() {
        let s = applied("uniform", with_k(5));
        assert_eq!(s.k(), 5);
        for p in s.probs() {
            assert!((p - 0.2).abs() < 1e-15, "{:?}", s.probs());
        }
        let s = applied("peaked", with_k(4));
        let total = 3.0 * PEAKED_OTHERS + 1.0;
        let want = [
            PEAKED_OTHERS / total,
            PEAKED_OTHERS / total,
            PEAKED_OTHERS / total,
            1.0 / total,
        ];
        for (p, w) in s.probs().iter().zip(want) {
            assert!((p - w).abs() < 1e-15, "{:?}", s.probs());
        }
        // Neither touches τ or the objective.
        let before = Settings::default();
        let s = applied("peaked", before.clone());
        assert_eq!(s.tau(), before.tau());
        assert_eq!(s.objective_values(), before.objective_values());
    }

    #[test]
    fn figure1_sets_k4_pi_and_tau_1() {
        let s = applied("figure1", with_k(7));
        assert_eq!(s.k(), 4);
        assert_eq!(s.tau(), 1.0);
        for (p, w) in s.probs().iter().zip([0.1, 0.2, 0.3, 0.4]) {
            assert!((p - w).abs() < 1e-15, "{:?}", s.probs());
        }
    }

    #[test]
    fn k2_is_the_squared_toy_with_target_045() {
        let s = applied("k2", Settings::default());
        assert_eq!(s.k(), 2);
        assert_eq!(s.tau(), 0.5);
        assert_eq!(s.probs(), vec![0.5, 0.5]);
        assert_eq!(*s.objective_kind(), ObjectiveKind::SquaredDistance);
        assert_eq!(s.objective_values(), &[0.45, 0.55]);
        // A squared objective with other values is reset to the toy's target too.
        let mut other = with_k(2);
        other
            .set_objective(ObjectiveKind::SquaredDistance, &[0.9, 0.1])
            .unwrap();
        assert_eq!(applied("k2", other).objective_values(), &[0.45, 0.55]);
    }

    #[test]
    fn k3_restores_the_default_distribution_and_objective() {
        // From the defaults it changes nothing at all.
        let d = Settings::default();
        assert_eq!(to_state(&applied("k3", d.clone())), to_state(&d));
        // From the k = 2 toy it comes back to the defaults' π, τ and objective.
        let s = applied("k3", applied("k2", d.clone()));
        assert_eq!(to_state(&s), to_state(&d));
        // An objective of the default kind keeps its typed values (only a change of kind
        // resets them).
        let mut typed = Settings::default();
        typed
            .set_objective(DEFAULT_OBJECTIVE_KIND, &[0.0, 0.0, 1.0])
            .unwrap();
        assert_eq!(applied("k3", typed).objective_values(), &[0.0, 0.0, 1.0]);
        let mut linear = Settings::default();
        linear.set_objective_kind(ObjectiveKind::Linear);
        assert_eq!(
            *applied("k3", linear).objective_kind(),
            DEFAULT_OBJECTIVE_KIND
        );
    }

    #[test]
    fn a_preset_leaves_n_seed_schedule_and_costs_alone() {
        let mut s = Settings::default();
        s.set_samples(500.0).unwrap();
        s.set_seed(42.0).unwrap();
        s.set_step(77.0).unwrap();
        s.set_cost(2.0, 3.0, 4.0, 50.0).unwrap();
        for p in &PRESETS {
            let t = applied(p.name, s.clone());
            assert_eq!(t.samples(), 500, "{}", p.name);
            assert_eq!(t.seed(), 42, "{}", p.name);
            assert_eq!(t.step(), 77, "{}", p.name);
            assert_eq!(t.schedule(), s.schedule(), "{}", p.name);
            assert_eq!(t.cost(), s.cost(), "{}", p.name);
        }
    }
}
