//! The page's sentences about samples, checked:
//!
//! - for a uniform π, E[y] = π at every τ (exact by symmetry: permuting the classes permutes
//!   the components of y and leaves their law unchanged, so all E[yᵢ] are equal and sum to 1);
//!   the sampler's mean agrees within 4 standard errors at τ = 0.1, 1 and 10;
//! - for a non-uniform π, E[y] is not π: at τ = 1 the gap is far beyond 4 standard errors;
//! - τ plays no role in the Gumbel-Max trick: the argmax of y is the argmax of ln π + g, the
//!   Gumbel-Max class, at every τ;
//! - the Figure 1 panel draws all its columns from the same Gumbel noise: its one sample picks
//!   the same class at every τ;
//! - a categorical sample is a piecewise-constant function of the logits: for fixed noise, a
//!   small change of any logit leaves the class as it was unless two terms were within it.
//!
//! The limits (E[y] → π as τ → 0, y → the centre as τ → ∞, nearly one-hot samples at small
//! τ) are checked in `math_limits.rs`. Statistical tests: fixed seeds, 4 standard errors per
//! component (a two-sided level of about 6e-5 each).

mod moments_support;

use gumbel_explorer::math::{argmax, relax, GumbelSoftmax};
use gumbel_explorer::model::presets::FIGURE1_PROBS;
use gumbel_explorer::model::sampling::{figure1, FIGURE1_TAUS};
use moments_support::mean_of_y;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

#[test]
fn for_a_uniform_pi_the_mean_of_y_is_pi_at_every_tau() {
    for k in [2, 3, 5] {
        let probs = vec![1.0 / k as f64; k];
        for (j, tau) in [0.1, 1.0, 10.0].into_iter().enumerate() {
            let dist = GumbelSoftmax::from_probs(&probs, tau).unwrap();
            let acc = mean_of_y(&dist, 200_000, 10 * k as u64 + j as u64);
            for (i, a) in acc.iter().enumerate() {
                let gap = (a.mean() - probs[i]).abs();
                assert!(
                    gap < 4.0 * a.std_error(),
                    "k = {k}, τ = {tau}: E[y{}] = {} ± {}",
                    i + 1,
                    a.mean(),
                    a.std_error()
                );
            }
        }
    }
}

#[test]
fn for_a_non_uniform_pi_the_mean_of_y_is_not_pi_at_tau_one() {
    for probs in [&[0.2, 0.3, 0.5][..], &FIGURE1_PROBS[..]] {
        let dist = GumbelSoftmax::from_probs(probs, 1.0).unwrap();
        let acc = mean_of_y(&dist, 100_000, 7);
        // The smallest class gains and the largest loses, each by far more than 4 SE.
        let first = &acc[0];
        let last = &acc[probs.len() - 1];
        assert!(
            first.mean() - probs[0] > 4.0 * first.std_error(),
            "{probs:?}"
        );
        assert!(probs[probs.len() - 1] - last.mean() > 4.0 * last.std_error());
    }
}

#[test]
fn the_argmax_of_y_is_the_gumbel_max_class_at_every_tau() {
    let dist = GumbelSoftmax::from_probs(&[0.1, 0.2, 0.3, 0.4], 1.0).unwrap();
    let mut rng = Pcg64Mcg::seed_from_u64(11);
    let mut perturbed = [0.0; 4];
    let mut y = [0.0; 4];
    for _ in 0..10_000 {
        dist.perturb_to_slice(&mut rng, &mut perturbed);
        let class = argmax(&perturbed);
        for tau in [0.01, 0.1, 1.0, 10.0, 100.0] {
            relax(&perturbed, tau, &mut y);
            assert_eq!(argmax(&y), class, "τ = {tau}: {perturbed:?} → {y:?}");
        }
    }
}

#[test]
fn the_figure1_sample_uses_the_same_noise_at_every_tau() {
    for seed in 1..=20 {
        let dist = GumbelSoftmax::from_probs(&FIGURE1_PROBS, 1.0).unwrap();
        let (_, samples) = figure1(&dist, &FIGURE1_TAUS, 10, seed);
        let classes: Vec<_> = samples.iter().map(|y| argmax(y)).collect();
        assert!(
            classes.windows(2).all(|w| w[0] == w[1]),
            "seed {seed}: {classes:?}"
        );
        // And it is sharper at small τ than at large τ.
        let top = |y: &Vec<f64>| y.iter().copied().fold(0.0, f64::max);
        assert!(top(&samples[0]) > top(&samples[3]), "seed {seed}");
    }
}

#[test]
fn a_categorical_sample_is_piecewise_constant_in_the_logits() {
    let logits = [0.3, -1.2, 0.8, 0.0];
    let mut rng = Pcg64Mcg::seed_from_u64(12);
    let step = 1e-6;
    let mut moved = 0;
    for _ in 0..20_000 {
        let g: Vec<f64> = (0..4)
            .map(|_| gumbel_explorer::math::standard_gumbel(&mut rng))
            .collect();
        let perturbed = |shift: Option<(usize, f64)>| -> Vec<f64> {
            (0..4)
                .map(|i| logits[i] + g[i] + shift.filter(|s| s.0 == i).map_or(0.0, |s| s.1))
                .collect()
        };
        let base = perturbed(None);
        let class = argmax(&base);
        let mut sorted = base.clone();
        sorted.sort_by(|a, b| b.total_cmp(a));
        let near_tie = sorted[0] - sorted[1] < 2.0 * step;
        for j in 0..4 {
            for s in [step, -step] {
                if argmax(&perturbed(Some((j, s)))) != class {
                    assert!(near_tie, "the class moved without a near tie: {base:?}");
                    moved += 1;
                }
            }
        }
    }
    // Ties within 2e-6 are rare: the class is constant almost everywhere.
    assert!(
        moved < 20,
        "{moved} of 160000 perturbations moved the class"
    );
}
