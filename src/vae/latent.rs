//! The categorical latent code: N independent categorical variables of K classes each, given by
//! the encoder's N·K logits, and the gradients that flow back through it.
//!
//! Everything here works on one example, in f64, latent by latent (consecutive runs of K
//! values). The softmaxes are the math core's: q = softmax(l) is [`relax_log`] at τ = 1, and a
//! relaxed sample is [`relax`] of the perturbed logits l + g, so the VAE draws exactly the
//! Gumbel-Softmax samples the rest of the explorer shows.

use rand::Rng;

use crate::math::elementary::Portable;
use crate::math::{argmax, relax, relax_log, standard_gumbel};

/// The posterior q(z|x) of one example: writes ln q and q for every latent (runs of `k`) and
/// returns KL(q ‖ uniform) = Σₙ (Σₖ qₙₖ ln qₙₖ + ln K), exact (no sampling).
pub fn posterior(logits: &[f64], k: usize, log_q: &mut [f64], q: &mut [f64]) -> f64 {
    let k = k.max(1);
    let ln_k = (k as f64).portable_ln();
    let mut kl = 0.0;
    for ((l, lq), qn) in logits
        .chunks_exact(k)
        .zip(log_q.chunks_exact_mut(k))
        .zip(q.chunks_exact_mut(k))
    {
        relax_log(l, 1.0, lq);
        for (p, &lp) in qn.iter_mut().zip(lq.iter()) {
            *p = lp.portable_exp();
        }
        kl += neg_entropy(qn, lq) + ln_k;
    }
    kl
}

/// Σₖ qₖ ln qₖ.
fn neg_entropy(q: &[f64], log_q: &[f64]) -> f64 {
    q.iter().zip(log_q).map(|(p, lp)| p * lp).sum()
}

/// Adds `scale` × the gradient of the KL term with respect to the logits:
/// ∂/∂lₖ Σⱼ qⱼ ln qⱼ = qₖ (ln qₖ − Σⱼ qⱼ ln qⱼ) (the ln K is constant).
pub fn add_kl_gradient(q: &[f64], log_q: &[f64], k: usize, scale: f64, grad: &mut [f64]) {
    let k = k.max(1);
    for ((qn, lq), gn) in q
        .chunks_exact(k)
        .zip(log_q.chunks_exact(k))
        .zip(grad.chunks_exact_mut(k))
    {
        let h = neg_entropy(qn, lq);
        for ((g, &p), &lp) in gn.iter_mut().zip(qn).zip(lq) {
            *g += scale * p * (lp - h);
        }
    }
}

/// Draws the Gumbel noise of one example: N·K standard Gumbel values, in index order.
pub fn draw_noise<R: Rng + ?Sized>(rng: &mut R, noise: &mut [f64]) {
    for g in noise {
        *g = standard_gumbel(rng);
    }
}

/// The Gumbel-Max category of every latent: `perturbed` ← l + g and `choices` ← argmax(l + g),
/// an exact draw from q for each latent.
pub fn choose(
    logits: &[f64],
    noise: &[f64],
    k: usize,
    perturbed: &mut [f64],
    choices: &mut [usize],
) {
    for ((p, &l), &g) in perturbed.iter_mut().zip(logits).zip(noise) {
        *p = l + g;
    }
    for (pn, c) in perturbed.chunks_exact(k.max(1)).zip(choices.iter_mut()) {
        *c = argmax(pn).unwrap_or(0);
    }
}

/// One Gumbel-Softmax draw per latent from its logits and the given noise: as [`choose`], and
/// `relaxed` ← softmax((l + g)/τ), the relaxed sample whose argmax is the chosen category.
/// `tau` must be a valid temperature.
pub fn sample(
    logits: &[f64],
    noise: &[f64],
    k: usize,
    tau: f64,
    perturbed: &mut [f64],
    relaxed: &mut [f64],
    choices: &mut [usize],
) {
    choose(logits, noise, k, perturbed, choices);
    let k = k.max(1);
    for (pn, yn) in perturbed.chunks_exact(k).zip(relaxed.chunks_exact_mut(k)) {
        relax(pn, tau, yn);
    }
}

/// Writes the one-hot code of `choices` (N runs of K, a 1 at each chosen class) into `code`.
pub fn one_hot(choices: &[usize], k: usize, code: &mut [f32]) {
    code.fill(0.0);
    for (run, &c) in code.chunks_exact_mut(k.max(1)).zip(choices) {
        if let Some(v) = run.get_mut(c) {
            *v = 1.0;
        }
    }
}

/// Adds the reparameterised gradient through the relaxation: with y = softmax((l + g)/τ),
/// ∂L/∂lₖ = (1/τ) yₖ (∂L/∂yₖ − Σⱼ yⱼ ∂L/∂yⱼ), given ∂L/∂y in `grad_y`.
///
/// For GS, ∂L/∂y is the decoder's gradient at y; for ST-GS it is the gradient at the one-hot
/// z, used as if it were taken at y (the straight-through rule).
pub fn add_relaxed_gradient(relaxed: &[f64], grad_y: &[f32], k: usize, tau: f64, grad: &mut [f64]) {
    let k = k.max(1);
    let inv_tau = 1.0 / tau;
    for ((yn, dn), gn) in relaxed
        .chunks_exact(k)
        .zip(grad_y.chunks_exact(k))
        .zip(grad.chunks_exact_mut(k))
    {
        let mean: f64 = yn.iter().zip(dn).map(|(y, &d)| y * f64::from(d)).sum();
        for ((g, &y), &d) in gn.iter_mut().zip(yn).zip(dn) {
            *g += inv_tau * y * (f64::from(d) - mean);
        }
    }
}

/// Adds the score-function (REINFORCE) gradient of a loss f(z) whose centred value f − b is
/// `weight`: ∂/∂lₖ ln q(z) = 1[k = zₙ] − qₙₖ for every latent n, times `weight`.
pub fn add_score_gradient(q: &[f64], choices: &[usize], k: usize, weight: f64, grad: &mut [f64]) {
    let k = k.max(1);
    for ((qn, gn), &c) in q.chunks_exact(k).zip(grad.chunks_exact_mut(k)).zip(choices) {
        for (i, (g, &p)) in gn.iter_mut().zip(qn).enumerate() {
            let indicator = if i == c { 1.0 } else { 0.0 };
            *g += weight * (indicator - p);
        }
    }
}
