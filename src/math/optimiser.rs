//! The optimisers that train parameters from one noisy gradient per step: plain gradient
//! descent (SGD) and Adam.
//!
//! Both are written with additions, multiplications, divisions and square roots only (all
//! correctly rounded in IEEE 754), and Adam's bias corrections keep running products of β₁
//! and β₂ instead of powers: a run is bit-for-bit the same natively and in WebAssembly.

use super::error::{Error, Num};

/// Adam's decay rate of the gradient's running mean (Kingma & Ba's default).
pub const ADAM_BETA1: f64 = 0.9;
/// Adam's decay rate of the squared gradient's running mean.
pub const ADAM_BETA2: f64 = 0.999;
/// Adam's guard against dividing by a zero second moment.
pub const ADAM_EPSILON: f64 = 1e-8;

/// Which update rule turns a gradient into a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Optimiser {
    /// θ ← θ − α ĝ.
    Sgd,
    /// θ ← θ − α m̂ / (√v̂ + ε), with m̂ and v̂ the bias-corrected running means of ĝ and ĝ².
    Adam,
}

impl Optimiser {
    /// The name the page and links use: "sgd" or "adam".
    pub fn name(self) -> &'static str {
        match self {
            Optimiser::Sgd => "sgd",
            Optimiser::Adam => "adam",
        }
    }

    /// The optimiser called `name` ("sgd" or "adam").
    pub fn from_name(name: &str) -> Option<Optimiser> {
        match name {
            "sgd" => Some(Optimiser::Sgd),
            "adam" => Some(Optimiser::Adam),
            _ => None,
        }
    }
}

/// An optimiser with its learning rate and, for Adam, its moments for `n` parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct OptimiserState {
    kind: Optimiser,
    learning_rate: f64,
    first: Vec<f64>,
    second: Vec<f64>,
    /// β₁ᵗ and β₂ᵗ after t steps, for the bias corrections.
    beta1_power: f64,
    beta2_power: f64,
}

impl OptimiserState {
    /// A fresh optimiser for `n` parameters.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless the learning rate is finite and > 0.
    pub fn new(kind: Optimiser, learning_rate: f64, n: usize) -> Result<Self, Error> {
        if !(learning_rate.is_finite() && learning_rate > 0.0) {
            return Err(Error::InvalidArgument(format!(
                "learning rate is {}, must be finite and > 0",
                Num(learning_rate)
            )));
        }
        let moments = if kind == Optimiser::Adam { n } else { 0 };
        Ok(Self {
            kind,
            learning_rate,
            first: vec![0.0; moments],
            second: vec![0.0; moments],
            beta1_power: 1.0,
            beta2_power: 1.0,
        })
    }

    /// Moves `params` one step against `gradient` (a descent step; pass −ĝ to ascend). Only the
    /// components present in both slices (and, for Adam, in the moments) move.
    pub fn descend(&mut self, params: &mut [f64], gradient: &[f64]) {
        let lr = self.learning_rate;
        match self.kind {
            Optimiser::Sgd => {
                for (p, g) in params.iter_mut().zip(gradient) {
                    *p -= lr * g;
                }
            }
            Optimiser::Adam => {
                self.beta1_power *= ADAM_BETA1;
                self.beta2_power *= ADAM_BETA2;
                let correct1 = 1.0 / (1.0 - self.beta1_power);
                let correct2 = 1.0 / (1.0 - self.beta2_power);
                let moments = self.first.iter_mut().zip(self.second.iter_mut());
                for ((p, g), (m, v)) in params.iter_mut().zip(gradient).zip(moments) {
                    *m = ADAM_BETA1 * *m + (1.0 - ADAM_BETA1) * g;
                    *v = ADAM_BETA2 * *v + (1.0 - ADAM_BETA2) * g * g;
                    *p -= lr * (*m * correct1) / ((*v * correct2).sqrt() + ADAM_EPSILON);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learning_rates_must_be_positive_and_finite() {
        for lr in [0.0, -0.1, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                OptimiserState::new(Optimiser::Adam, lr, 2),
                Err(Error::InvalidArgument(_))
            ));
        }
        assert!(OptimiserState::new(Optimiser::Sgd, 1e-9, 2).is_ok());
    }

    #[test]
    fn sgd_steps_against_the_gradient() {
        let mut opt = OptimiserState::new(Optimiser::Sgd, 0.5, 2).unwrap();
        let mut p = [1.0, -1.0];
        opt.descend(&mut p, &[2.0, -4.0]);
        assert_eq!(p, [0.0, 1.0]);
    }

    #[test]
    fn adam_first_step_has_the_learning_rate_as_length() {
        // With bias correction, the first step is −α·g/(|g| + ε) in each component.
        let mut opt = OptimiserState::new(Optimiser::Adam, 0.05, 2).unwrap();
        let mut p = [0.0, 0.0];
        opt.descend(&mut p, &[3.0, -1e-3]);
        assert!((p[0] + 0.05).abs() < 1e-9, "{p:?}");
        assert!((p[1] - 0.05).abs() < 1e-6, "{p:?}");
    }

    #[test]
    fn adam_minimises_a_quadratic() {
        let mut opt = OptimiserState::new(Optimiser::Adam, 0.05, 1).unwrap();
        let mut p = [3.0];
        for _ in 0..2000 {
            let g = [2.0 * (p[0] - 1.0)];
            opt.descend(&mut p, &g);
        }
        assert!((p[0] - 1.0).abs() < 1e-3, "{p:?}");
    }

    #[test]
    fn names_lead_back_to_their_optimiser() {
        for o in [Optimiser::Sgd, Optimiser::Adam] {
            assert_eq!(Optimiser::from_name(o.name()), Some(o));
        }
        assert_eq!(Optimiser::from_name("rmsprop"), None);
    }
}
