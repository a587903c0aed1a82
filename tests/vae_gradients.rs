//! The VAE's hand-written backward passes against central finite differences: each layer on
//! its own, the latent code's gradients, and the whole −ELBO of one example on the
//! Gumbel-Softmax path at fixed noise (and the decoder's gradient on the hard-sample paths).
//!
//! The network is single precision, so differences use a step of 1e-2 and a tolerance of
//! 2e-3 + 1e-2·|gradient| (f32 rounding of a loss of ~40 nats, divided by 2h, is ~1e-4). A
//! parameter whose perturbation flips a ReLU or an argmax (a kink, where finite differences
//! say nothing about the derivative) is skipped; at most a tenth may be.

use gumbel_explorer::vae::bernoulli::neg_log_likelihood;
use gumbel_explorer::vae::dense::{relu, relu_backward, Dense};
use gumbel_explorer::vae::latent::{
    add_kl_gradient, add_relaxed_gradient, add_score_gradient, posterior, sample,
};
use gumbel_explorer::vae::objective::{backward, forward, Backprop};
use gumbel_explorer::vae::{Digits, Estimator, Vae};
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;

const H: f32 = 1e-2;

fn close(analytic: f64, numeric: f64) -> bool {
    (analytic - numeric).abs() <= 2e-3 + 1e-2 * analytic.abs()
}

/// L(y) = Σ cₒ yₒ + ½ Σ yₒ², a nonlinear scalar of a layer's outputs; returns L and ∂L/∂y.
fn probe_loss(y: &[f32], c: &[f32]) -> (f64, Vec<f32>) {
    let value = y
        .iter()
        .zip(c)
        .map(|(&y, &c)| f64::from(c * y) + 0.5 * f64::from(y * y))
        .sum();
    (value, y.iter().zip(c).map(|(y, c)| c + y).collect())
}

#[test]
fn dense_layer_matches_finite_differences() {
    let mut rng = Pcg64Mcg::seed_from_u64(11);
    let mut layer = Dense::new(13, 9, &mut rng);
    for b in layer.bias_mut() {
        *b = rng.random::<f32>() - 0.5;
    }
    let x: Vec<f32> = (0..13)
        .map(|i| {
            if i % 4 == 0 {
                0.0
            } else {
                rng.random::<f32>() * 2.0 - 1.0
            }
        })
        .collect();
    let c: Vec<f32> = (0..9).map(|_| rng.random::<f32>() - 0.5).collect();
    let loss = |layer: &Dense, x: &[f32]| {
        let mut y = vec![0.0; 9];
        layer.forward(x, &mut y);
        probe_loss(&y, &c)
    };
    let (_, dy) = loss(&layer, &x);
    let mut grad = layer.zero_gradient();
    layer.accumulate_gradient(&x, &dy, &mut grad);
    let mut dx = vec![0.0; 13];
    layer.backward_input(&dy, &mut dx);
    for (i, &analytic) in grad.iter().enumerate() {
        let keep = layer.params()[i];
        layer.params_mut()[i] = keep + H;
        let up = loss(&layer, &x).0;
        layer.params_mut()[i] = keep - H;
        let down = loss(&layer, &x).0;
        layer.params_mut()[i] = keep;
        let numeric = (up - down) / (2.0 * f64::from(H));
        assert!(
            close(f64::from(analytic), numeric),
            "param {i}: {analytic} vs {numeric}"
        );
    }
    for i in 0..13 {
        let mut xp = x.clone();
        xp[i] += H;
        let up = loss(&layer, &xp).0;
        xp[i] -= 2.0 * H;
        let down = loss(&layer, &xp).0;
        let numeric = (up - down) / (2.0 * f64::from(H));
        assert!(
            close(f64::from(dx[i]), numeric),
            "input {i}: {} vs {numeric}",
            dx[i]
        );
    }
}

#[test]
fn relu_and_its_backward_pass() {
    let mut h = vec![-1.0f32, 0.0, 2.0, -0.5, 3.0];
    relu(&mut h);
    assert_eq!(h, vec![0.0, 0.0, 2.0, 0.0, 3.0]);
    let mut g = vec![1.0f32; 5];
    relu_backward(&h, &mut g);
    assert_eq!(g, vec![0.0, 0.0, 1.0, 0.0, 1.0]);
}

#[test]
fn bernoulli_likelihood_matches_finite_differences() {
    let logits = [-4.0f32, -0.3, 0.0, 1.7, 6.0];
    let x = [0.0f32, 1.0, 1.0, 0.0, 1.0];
    let mut grad = [0.0f32; 5];
    neg_log_likelihood(&logits, &x, &mut grad);
    let mut scratch = [0.0f32; 5];
    for i in 0..5 {
        let mut a = logits;
        a[i] += H;
        let up = neg_log_likelihood(&a, &x, &mut scratch);
        a[i] -= 2.0 * H;
        let down = neg_log_likelihood(&a, &x, &mut scratch);
        let numeric = (up - down) / (2.0 * f64::from(H));
        assert!((f64::from(grad[i]) - numeric).abs() < 1e-4, "pixel {i}");
    }
}

/// Central difference of a function of f64 logits, step 1e-6.
fn numeric_gradient(logits: &[f64], f: impl Fn(&[f64]) -> f64) -> Vec<f64> {
    (0..logits.len())
        .map(|i| {
            let mut l = logits.to_vec();
            l[i] += 1e-6;
            let up = f(&l);
            l[i] -= 2e-6;
            (up - f(&l)) / 2e-6
        })
        .collect()
}

#[test]
fn latent_gradients_match_finite_differences() {
    let (n, k) = (3, 4);
    let mut rng = Pcg64Mcg::seed_from_u64(5);
    let logits: Vec<f64> = (0..n * k)
        .map(|_| 3.0 * rng.random::<f64>() - 1.5)
        .collect();
    let noise: Vec<f64> = (0..n * k)
        .map(|_| 2.0 * rng.random::<f64>() - 0.5)
        .collect();
    let mut q = vec![0.0; n * k];
    let mut log_q = vec![0.0; n * k];
    let kl = |l: &[f64]| posterior(l, k, &mut vec![0.0; n * k], &mut vec![0.0; n * k]);
    posterior(&logits, k, &mut log_q, &mut q);

    let mut analytic = vec![0.0; n * k];
    add_kl_gradient(&q, &log_q, k, 1.0, &mut analytic);
    for (a, b) in analytic.iter().zip(numeric_gradient(&logits, kl)) {
        assert!((a - b).abs() < 1e-7, "KL: {a} vs {b}");
    }

    // Through the relaxation, for f(y) = Σ cᵢ yᵢ + yᵢ² at τ = 0.7.
    let tau = 0.7;
    let c: Vec<f64> = (0..n * k).map(|i| (i as f64 * 0.37).sin()).collect();
    let relaxed_of = |l: &[f64]| {
        let (mut p, mut y, mut z) = (vec![0.0; n * k], vec![0.0; n * k], vec![0; n]);
        sample(l, &noise, k, tau, &mut p, &mut y, &mut z);
        y
    };
    let f = |y: &[f64]| y.iter().zip(&c).map(|(y, c)| c * y + y * y).sum::<f64>();
    let y = relaxed_of(&logits);
    let grad_y: Vec<f32> = y
        .iter()
        .zip(&c)
        .map(|(y, c)| (c + 2.0 * y) as f32)
        .collect();
    let mut analytic = vec![0.0; n * k];
    add_relaxed_gradient(&y, &grad_y, k, tau, &mut analytic);
    for (a, b) in analytic
        .iter()
        .zip(numeric_gradient(&logits, |l| f(&relaxed_of(l))))
    {
        assert!((a - b).abs() < 1e-5, "relaxed: {a} vs {b}");
    }

    // The score: ∂ ln q(z)/∂l for a fixed z.
    let z = [2usize, 0, 3];
    let mut analytic = vec![0.0; n * k];
    add_score_gradient(&q, &z, k, 1.0, &mut analytic);
    let ln_q_z = |l: &[f64]| {
        let mut lq = vec![0.0; n * k];
        posterior(l, k, &mut lq, &mut vec![0.0; n * k]);
        z.iter()
            .enumerate()
            .map(|(i, &c)| lq[i * k + c])
            .sum::<f64>()
    };
    for (a, b) in analytic.iter().zip(numeric_gradient(&logits, ln_q_z)) {
        assert!((a - b).abs() < 1e-7, "score: {a} vs {b}");
    }
}

/// The kink signature of the example just passed forward: ReLU patterns and hard choices.
fn kinks(ws: &gumbel_explorer::vae::network::Workspace) -> Vec<usize> {
    let on = |h: &[f32]| h.iter().map(|&v| usize::from(v > 0.0)).collect::<Vec<_>>();
    let mut s = on(ws.encoder_hidden());
    s.extend(on(ws.decoder_hidden()));
    s.extend(ws.choices());
    s
}

/// Checks `layers` of the −ELBO gradient of training image `row` under `estimator` against
/// finite differences, at fixed noise, on every `stride`-th parameter.
fn check_whole_loss(estimator: Estimator, layers: &[usize], stride: usize) {
    let data = Digits::embedded().unwrap();
    let x = data.train_image(7).unwrap();
    let mut vae = Vae::new(5, 4, 24, &mut Pcg64Mcg::seed_from_u64(3));
    let mut ws = vae.workspace();
    let mut noise_rng = Pcg64Mcg::seed_from_u64(9);
    for g in ws.noise_mut() {
        *g = gumbel_explorer::math::standard_gumbel(&mut noise_rng);
    }
    let tau = 0.8;
    let mut bp = Backprop::new(&vae);
    forward(&vae, x, estimator, tau, &mut ws, &mut bp);
    let base = kinks(&ws);
    backward(&vae, x, estimator, tau, 0.0, &ws, &mut bp);
    let grads = bp.layers.clone();
    let (mut checked, mut skipped) = (0, 0);
    for &layer in layers {
        for i in (0..vae.layers()[layer].params().len()).step_by(stride) {
            let keep = vae.layers()[layer].params()[i];
            let mut value_at = |v: f32, ws: &mut _| {
                vae.layers_mut()[layer].params_mut()[i] = v;
                let loss = forward(&vae, x, estimator, tau, ws, &mut bp).neg_elbo();
                (loss, kinks(ws))
            };
            let (up, kinks_up) = value_at(keep + H, &mut ws);
            let (down, kinks_down) = value_at(keep - H, &mut ws);
            vae.layers_mut()[layer].params_mut()[i] = keep;
            if kinks_up != base || kinks_down != base {
                skipped += 1;
                continue;
            }
            let numeric = (up - down) / (2.0 * f64::from(H));
            let analytic = f64::from(grads[layer][i]);
            assert!(
                close(analytic, numeric),
                "{estimator}, layer {layer}, param {i}: {analytic} vs {numeric}"
            );
            checked += 1;
        }
    }
    assert!(
        skipped * 10 <= checked + skipped,
        "{skipped} kinks of {checked}"
    );
    assert!(checked > 100, "only {checked} parameters checked");
}

#[test]
fn whole_loss_on_the_gumbel_softmax_path_matches_finite_differences() {
    check_whole_loss(Estimator::GumbelSoftmax, &[0, 1, 2, 3], 3);
}

#[test]
fn decoder_gradient_on_the_hard_paths_matches_finite_differences() {
    // With a hard code the decoder's gradient is the true one (the code does not move).
    check_whole_loss(Estimator::StraightThrough, &[2, 3], 2);
    check_whole_loss(Estimator::ScoreFunction, &[2, 3], 2);
}
