//! Adam (Kingma & Ba 2015): per-parameter steps scaled by running moments of the gradient.
//!
//! m ← β₁ m + (1 − β₁) g,  v ← β₂ v + (1 − β₂) g²,
//! θ ← θ − α √(1 − β₂ᵗ) / (1 − β₁ᵗ) · m / (√v + ε̂)
//! (the paper's efficient form, ε̂ = ε √(1 − β₂ᵗ)). β₁ = 0.9, β₂ = 0.999, ε = 1e-8.

const BETA1: f32 = 0.9;
const BETA2: f32 = 0.999;
const EPSILON: f64 = 1e-8;

/// The optimiser's step counter and the bias corrections of the current step; shared by all
/// the parameter slices of one model (each keeps its own [`Moments`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Adam {
    learning_rate: f64,
    steps: u64,
    beta1_power: f64,
    beta2_power: f64,
    step_size: f32,
    epsilon: f32,
}

/// The running first and second moments of one parameter slice.
#[derive(Clone, Debug, PartialEq)]
pub struct Moments {
    first: Vec<f32>,
    second: Vec<f32>,
}

impl Moments {
    /// Zero moments for `len` parameters.
    pub fn new(len: usize) -> Self {
        Self {
            first: vec![0.0; len],
            second: vec![0.0; len],
        }
    }
}

impl Adam {
    /// An optimiser with step size α = `learning_rate` (validated by the caller).
    pub fn new(learning_rate: f64) -> Self {
        Self {
            learning_rate,
            steps: 0,
            beta1_power: 1.0,
            beta2_power: 1.0,
            step_size: 0.0,
            epsilon: 0.0,
        }
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// Starts a step: advances t and the bias corrections. Call once per step, before the
    /// [`update`](Self::update)s of that step.
    pub fn begin_step(&mut self) {
        self.steps += 1;
        self.beta1_power *= f64::from(BETA1);
        self.beta2_power *= f64::from(BETA2);
        let root = (1.0 - self.beta2_power).sqrt();
        self.step_size = (self.learning_rate * root / (1.0 - self.beta1_power)) as f32;
        self.epsilon = (EPSILON * root) as f32;
    }

    /// Moves `params` against `grad`, updating their `moments`.
    pub fn update(&self, params: &mut [f32], grad: &[f32], moments: &mut Moments) {
        let Moments { first, second } = moments;
        for (((p, &g), m), v) in params.iter_mut().zip(grad).zip(first).zip(second) {
            *m = BETA1 * *m + (1.0 - BETA1) * g;
            *v = BETA2 * *v + (1.0 - BETA2) * (g * g);
            *p -= self.step_size * *m / (v.sqrt() + self.epsilon);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_step_moves_each_parameter_by_the_learning_rate() {
        // After one step m̂ = g and v̂ = g², so the step is α·sign(g) (up to ε).
        let mut adam = Adam::new(1e-3);
        let mut params = [1.0f32, -2.0, 0.5];
        let mut moments = Moments::new(3);
        adam.begin_step();
        adam.update(&mut params, &[0.3, -4.0, 0.0], &mut moments);
        assert!((params[0] - (1.0 - 1e-3)).abs() < 1e-6);
        assert!((params[1] - (-2.0 + 1e-3)).abs() < 1e-6);
        assert_eq!(params[2], 0.5);
        assert_eq!(adam.steps(), 1);
    }

    #[test]
    fn minimises_a_quadratic() {
        let mut adam = Adam::new(0.05);
        let mut x = [3.0f32, -1.0];
        let mut moments = Moments::new(2);
        for _ in 0..2000 {
            let grad = [2.0 * (x[0] - 1.0), 2.0 * (x[1] + 2.0)];
            adam.begin_step();
            adam.update(&mut x, &grad, &mut moments);
        }
        assert!(
            (x[0] - 1.0).abs() < 1e-2 && (x[1] + 2.0).abs() < 1e-2,
            "{x:?}"
        );
    }
}
