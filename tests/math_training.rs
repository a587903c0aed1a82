//! The training view's maths: each estimator's expected step at the toy start against MATH.md
//! (sections 5 and 8), REBAR's unbiasedness and variance, and the bit stability of a run.
//!
//! Statistical checks use fixed seeds and a 4-standard-error band (a two-sided significance
//! level of about 6e-5 per check under the normal approximation), widened by the rounding of
//! MATH.md's printed values where a check compares against them.

mod training_values;

use gumbel_explorer::math::estimators::exact_gradient;
use gumbel_explorer::math::objective::Objective;
use gumbel_explorer::math::rebar::RebarScratch;
use gumbel_explorer::math::trainers::{estimate, StepNoise, Trainer, TrainerState};
use gumbel_explorer::math::GumbelSoftmax;
use rand::SeedableRng;

/// The REBAR toy as the page writes it: ‖y − (t, 1 − t)‖² = 2(y₁ − t)², t = 0.45.
fn toy() -> Objective {
    Objective::SquaredDistance {
        target: vec![0.45, 0.55],
    }
}

/// Mean and standard error of the first component of M estimates at θ = 0, τ = 0.5, and the
/// mean of its square's standard error for variance checks: (mean, se, var, var_se).
fn first_component(trainer: Trainer, state: TrainerState, m: usize, seed: u64) -> [f64; 4] {
    let objective = toy();
    let log_probs = [0.5f64.ln(), 0.5f64.ln()];
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(seed);
    let mut noise = StepNoise::default();
    let mut scratch = RebarScratch::default();
    let mut out = [0.0; 2];
    let (mut s1, mut s2, mut s3, mut s4) = (0.0, 0.0, 0.0, 0.0);
    for _ in 0..m {
        noise.draw(2, &mut rng);
        estimate(
            trainer,
            &log_probs,
            &objective,
            0.5,
            state,
            &noise,
            &mut scratch,
            &mut out,
        );
        // Both components are ±: the estimate lies on (1, −1).
        assert!(
            (out[0] + out[1]).abs() < 1e-12,
            "{}: {out:?}",
            trainer.name()
        );
        let x = out[0];
        s1 += x;
        s2 += x * x;
        s3 += x * x * x;
        s4 += x * x * x * x;
    }
    let n = m as f64;
    let mean = s1 / n;
    let var = s2 / n - mean * mean;
    // Var of the sample variance ≈ (μ₄ − σ⁴)/n, with μ₄ the fourth central moment.
    let mu4 = s4 / n - 4.0 * mean * s3 / n + 6.0 * mean * mean * s2 / n - 3.0 * mean.powi(4);
    [
        mean,
        (var / n).sqrt(),
        var,
        ((mu4 - var * var) / n).max(0.0).sqrt(),
    ]
}

const PLAIN: TrainerState = TrainerState {
    baseline: 0.0,
    eta: 1.0,
};

#[test]
fn each_estimator_steps_as_math_md_says_at_the_toy_start() {
    let m = 400_000;
    let dist = GumbelSoftmax::from_probs(&[0.5, 0.5], 0.5).unwrap();
    // ∇F by enumeration: (0.05, −0.05) for the doubled toy.
    let exact = exact_gradient(&dist, &toy()).unwrap()[0];
    assert!((exact - 0.05).abs() < 1e-15);
    // Straight-through's expectation by enumeration: J_s(π) Σᵢ πᵢ ∇f(eᵢ).
    let st_mean = {
        let grad = |z: usize| 2.0 * (if z == 0 { 1.0 } else { 0.0 } - 0.45);
        let g1 = 0.5 * grad(0) + 0.5 * grad(1);
        let g2 = 0.5 * (2.0 * (0.0 - 0.55)) + 0.5 * (2.0 * (1.0 - 0.55));
        0.5 * (g1 - (0.5 * g1 + 0.5 * g2))
    };
    // MATH.md's quadrature for GS and ST-GS at τ = 0.5: 0.0215 per unit objective, doubled,
    // printed to three digits (±5e-5, doubled ±1e-4).
    let cases = [
        (Trainer::ScoreFunction, PLAIN, exact, 0.0),
        (
            Trainer::ScoreFunctionRunningMean,
            TrainerState {
                baseline: 0.37,
                eta: 1.0,
            },
            exact,
            0.0,
        ),
        (Trainer::StraightThrough, PLAIN, st_mean, 0.0),
        (Trainer::GumbelSoftmax, PLAIN, 2.0 * 0.0215, 1e-4),
        (
            Trainer::StraightThroughGumbelSoftmax,
            PLAIN,
            2.0 * 0.0215,
            1e-4,
        ),
        (Trainer::Rebar, PLAIN, exact, 0.0),
        (
            Trainer::Rebar,
            TrainerState {
                baseline: 0.5,
                eta: 0.3,
            },
            exact,
            0.0,
        ),
    ];
    for (i, (trainer, state, want, rounding)) in cases.into_iter().enumerate() {
        let [mean, se, ..] = first_component(trainer, state, m, 100 + i as u64);
        assert!(
            (mean - want).abs() < 4.0 * se + rounding,
            "{}: mean {mean} ± {se}, want {want}",
            trainer.name()
        );
    }
}

#[test]
fn rebar_variance_at_eta_1_is_math_md_s() {
    // MATH.md: 0.023 per component for the unit toy at η = 1, τ = 0.5 (two digits, ±5e-4);
    // the doubled objective has four times that per component.
    let [_, _, var, var_se] = first_component(Trainer::Rebar, PLAIN, 400_000, 7);
    let want = 4.0 * 0.023;
    assert!(
        (var - want).abs() < 4.0 * var_se + 4.0 * 5e-4,
        "{var} ± {var_se}"
    );
    // And the score function's, against its exact variance by enumeration:
    // Var = Σ πᵢ (f(eᵢ)(1 − πᵢ))² − (∇F₁)² for the first component.
    let f = [2.0 * 0.55f64.powi(2), 2.0 * 0.45f64.powi(2)];
    let exact_var = 0.5 * (f[0] * 0.5).powi(2) + 0.5 * (f[1] * 0.5).powi(2) - 0.05f64.powi(2);
    let [_, _, var, var_se] = first_component(Trainer::ScoreFunction, PLAIN, 400_000, 8);
    assert!(
        (var - exact_var).abs() < 4.0 * var_se,
        "{var} vs {exact_var}"
    );
}

#[test]
fn the_first_100_steps_are_bit_stable() {
    let (hash, last) = training_values::training_bits();
    assert_eq!(
        hash,
        training_values::EXPECTED_HASH,
        "the training run changed (ln π of SF after 100 steps: {last:?})"
    );
}

/// E[‖y − (t, 1 − t)‖²] for the binary Concrete y₁ = σ((logit π₁ + L)/τ), L logistic, by the
/// midpoint rule over L's quantiles (n nodes).
fn relaxed_objective(p1: f64, t: f64, tau: f64, n: usize) -> f64 {
    let logit = (p1 / (1.0 - p1)).ln();
    (0..n)
        .map(|i| {
            let u = (i as f64 + 0.5) / n as f64;
            let l = (u / (1.0 - u)).ln();
            let y = 1.0 / (1.0 + (-(logit + l) / tau).exp());
            2.0 * (y - t) * (y - t)
        })
        .sum::<f64>()
        / n as f64
}

#[test]
fn the_relaxed_relax_toy_is_smallest_near_the_middle() {
    // The page says: the RELAX toy's optimum is π₁ = 0, but the relaxed objective is smallest
    // near π₁ ≈ 0.5 (MATH.md: 0.45–0.5 for every τ).
    let t = 0.499;
    let f = |i: usize| 2.0 * if i == 0 { (1.0 - t) * (1.0 - t) } else { t * t };
    assert!(f(1) < f(0));
    for tau in [0.1, 0.5, 1.0, 2.0] {
        let grid: Vec<f64> = (1..1000).map(|i| i as f64 / 1000.0).collect();
        let values: Vec<f64> = grid
            .iter()
            .map(|&p| relaxed_objective(p, t, tau, 20_000))
            .collect();
        let best = (0..grid.len())
            .min_by(|&a, &b| values[a].total_cmp(&values[b]))
            .unwrap();
        let at = grid[best];
        assert!(
            (0.44..=0.51).contains(&at),
            "τ = {tau}: minimum at π₁ = {at}"
        );
        // And it is an interior minimum: both ends are higher.
        assert!(values[best] < values[0] && values[best] < values[grid.len() - 1]);
    }
}
