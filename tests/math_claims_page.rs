//! The page's other mathematical sentences, checked through the model the page uses:
//!
//! - the k = 2 teaching case is the REBAR toy doubled: f(y) = ‖y − (0.45, 0.55)‖² equals
//!   2(y₁ − 0.45)² on the simplex, so ∇F = (0.05, −0.05) where the toy's is (0.025, −0.025);
//! - the k = 3 teaching case is the opening state, π = (0.2, 0.3, 0.5) at τ = 0.5;
//! - the τ slider's mark 1/(k − 1) is the readout's threshold;
//! - the speed-up (D + k(I+G)) / (D + I + G) grows linearly in k, and a classifier 8× the cost
//!   of inference plus generation gives 2× at k = 10 and 12× at k = 100;
//! - the annealed τ is max(τ_min, τ₀ e^{−rt}) with t recomputed every N steps, and never
//!   below τ_min;
//! - at a higher τ the Gumbel-Softmax gradient varies less from sample to sample (the reason
//!   training starts hot);
//! - the strip shows the same draws at every τ (the same Gumbel noise, relaxed at each τ).

use gumbel_explorer::math::cost::speedup;
use gumbel_explorer::math::{argmax, variance_sweep, AnnealingSchedule, Estimator};
use gumbel_explorer::model::presets::preset;
use gumbel_explorer::model::{Model, ObjectiveKind, Settings};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

fn after_preset(name: &str) -> Model {
    let mut m = Model::new();
    let p = preset(name).unwrap_or_else(|| panic!("no preset {name}"));
    m.update(|s| p.apply(s)).unwrap();
    m
}

#[test]
fn the_k2_teaching_case_is_the_rebar_toy_doubled() {
    let m = after_preset("k2");
    let s = m.settings().clone();
    assert_eq!(s.k(), 2);
    assert_eq!(s.probs(), [0.5, 0.5]);
    assert_eq!(s.tau(), 0.5);
    assert_eq!(*s.objective_kind(), ObjectiveKind::SquaredDistance);
    let t = 0.45;
    assert_eq!(s.objective_values(), [t, 1.0 - t]);
    // On the simplex, ‖y − (t, 1 − t)‖² = 2(y₁ − t)²: twice the toy's objective.
    let f = s.objective();
    for y1 in [0.0, 0.1, 0.45, 0.7, 1.0] {
        let toy = (y1 - t) * (y1 - t);
        assert!(
            (f.value(&[y1, 1.0 - y1]) - 2.0 * toy).abs() < 1e-15,
            "y₁ = {y1}"
        );
    }
    // The toy's gradient π₁π₂((1 − t)² − t²) = 0.025, doubled.
    let toy = 0.25 * ((1.0 - t) * (1.0 - t) - t * t);
    assert!((toy - 0.025).abs() < 1e-15);
    let g = m.exact_gradient().unwrap();
    assert!(
        (g[0] - 0.05).abs() < 1e-15 && (g[1] + 0.05).abs() < 1e-15,
        "{g:?}"
    );
}

#[test]
fn the_k3_teaching_case_is_the_opening_state() {
    let m = after_preset("k3");
    let d = Settings::default();
    assert_eq!(m.settings().probs(), d.probs());
    assert_eq!(m.settings().tau(), 0.5);
    for (p, want) in m.settings().probs().iter().zip([0.2, 0.3, 0.5]) {
        assert!((p - want).abs() < 1e-12);
    }
}

#[test]
fn the_log_convexity_mark_is_one_over_k_minus_one() {
    for k in 2..=10 {
        let mut m = Model::new();
        m.update(|s| s.set_k(k)).unwrap();
        assert_eq!(m.log_convex_threshold(), 1.0 / (k - 1) as f64);
    }
}

#[test]
fn the_speed_up_is_linear_in_k_and_gives_the_papers_two_at_ten() {
    let (d, i, g) = (8.0, 0.5, 0.5);
    assert!((speedup(d, i, g, 10).unwrap() - 2.0).abs() < 1e-12);
    assert!((speedup(d, i, g, 100).unwrap() - 12.0).abs() < 1e-12);
    // Equal increments per class: linear (affine) in k.
    let step = speedup(d, i, g, 3).unwrap() - speedup(d, i, g, 2).unwrap();
    for k in 2..200 {
        let inc = speedup(d, i, g, k + 1).unwrap() - speedup(d, i, g, k).unwrap();
        assert!((inc - step).abs() < 1e-12, "k = {k}");
    }
    // One pass when k = 1: no speed-up.
    assert!((speedup(d, i, g, 1).unwrap() - 1.0).abs() < 1e-15);
}

#[test]
fn the_annealed_tau_follows_the_formula_in_blocks_of_n_steps() {
    let s = AnnealingSchedule::new(1.0, 1e-4, 0.5, 1000).unwrap();
    for step in [0u64, 1, 999, 1000, 1500, 2000, 6931, 7000, 50_000] {
        let frozen = (step / 1000 * 1000) as f64;
        let want = (1.0_f64 * (-1e-4 * frozen).exp()).max(0.5);
        assert!((s.tau_at(step) - want).abs() < 1e-12, "step {step}");
        assert!(s.tau_at(step) >= 0.5);
    }
    assert_eq!(s.tau_at(999), 1.0);
    assert!(s.tau_at(1000) < 1.0);
}

#[test]
fn the_gumbel_softmax_gradient_varies_less_at_a_higher_tau() {
    // Both objectives at the opening π; 4000 samples per τ, so each variance is known to a few
    // per cent while the steps between these temperatures change it by a factor of two or more.
    let taus = [0.1, 0.3, 1.0, 3.0, 10.0];
    for kind in [ObjectiveKind::Linear, ObjectiveKind::SquaredDistance] {
        let mut s = Settings::default();
        s.set_objective_kind(kind.clone());
        let mut rng = Pcg64Mcg::seed_from_u64(5);
        let sweep = variance_sweep(s.logits(), &s.objective(), &taus, 4000, &mut rng).unwrap();
        let row = sweep.row(Estimator::GumbelSoftmax).unwrap();
        for w in row.points.windows(2) {
            let gap = w[0].variance - w[1].variance;
            let se = (w[0].variance_se.powi(2) + w[1].variance_se.powi(2)).sqrt();
            assert!(
                gap > 4.0 * se,
                "{kind:?}: τ {} → {}: {} → {}",
                w[0].tau,
                w[1].tau,
                w[0].variance,
                w[1].variance
            );
        }
    }
}

#[test]
fn the_strip_shows_the_same_draws_at_every_tau() {
    let mut m = Model::new();
    let classes = |m: &mut Model| -> Vec<Option<usize>> {
        m.strip_data().samples.iter().map(|y| argmax(y)).collect()
    };
    let at_half = classes(&mut m);
    assert!(at_half.len() > 10);
    for tau in [0.05, 2.0, 8.0] {
        m.update(|s| s.set_tau(tau)).unwrap();
        assert_eq!(classes(&mut m), at_half, "τ = {tau}");
    }
}
