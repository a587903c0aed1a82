//! REBAR (Tucker et al. 2017): an unbiased gradient estimator that uses the relaxation as a
//! control variate, and the derivative of its square with respect to the control variate's
//! weight η, by which η is tuned to minimise the estimator's own variance.
//!
//! With z = ln π + g (g Gumbel), b = argmax z, and z̃ ~ p(z | b) drawn from fresh uniforms v:
//! z̃_b = −ln(−ln v_b), z̃ᵢ = −ln(−ln vᵢ / πᵢ − ln v_b) for i ≠ b, the estimate is
//!
//! ĝ = [f(e_b) − η f(σ_τ(z̃))] ∇θ ln π_b + η ∇θ f(σ_τ(z)) − η ∇θ f(σ_τ(z̃)),
//!
//! σ_τ the tempered softmax and z̃ depending on θ through π. Writing aᵢ = −ln vᵢ and c = a_b,
//! z̃ᵢ = ln πᵢ − ln(aᵢ + c πᵢ), so ∂z̃ᵢ/∂θⱼ = rᵢ (δᵢⱼ − πⱼ) with rᵢ = aᵢ / (aᵢ + c πᵢ) (and
//! r_b = 0): every quantity stays finite even where πᵢ underflows to 0.
//!
//! The three pieces are the estimators' own kernels: ∇θ ln π_b weighted is the score function,
//! and ∇ f(σ_τ(·)) with respect to the perturbed logits is the Gumbel-Softmax estimate.

use super::elementary::Portable;
use super::estimators::{gumbel_softmax, score_function};
use super::gumbel::argmax;
use super::objective::Objective;
use super::relaxed::relax_in_place;

/// Scratch space for one REBAR estimate of k components, reused between steps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RebarScratch {
    probs: Vec<f64>,
    relaxed: Vec<f64>,
    conditional: Vec<f64>,
}

/// What one REBAR estimate computes besides ĝ itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RebarSample {
    /// The forward value f(e_b) of the discrete sample.
    pub forward: f64,
    /// The score-function term's learning signal before the baseline, f(e_b) − η f(σ_τ(z̃)):
    /// what a running-mean baseline for REBAR averages.
    pub signal: f64,
    /// ∂‖ĝ‖²/∂η = 2 ĝ · ∂ĝ/∂η: a one-sample gradient of the estimator's variance with respect to
    /// η (its mean does not depend on η, the estimator being unbiased for every η).
    pub eta_gradient: f64,
}

/// One REBAR estimate of ∇θF at normalised logits `log_probs` (ln π), written into `out`,
/// with control-variate weight η and a constant `baseline` subtracted from the score-function
/// term's learning signal (0 gives the formula above; any constant keeps the estimate unbiased,
/// since E[∇θ ln π_b] = 0).
///
/// `gumbel` holds the k Gumbel draws g of z = ln π + g, `exponentials` the k values aᵢ = −ln vᵢ
/// (vᵢ fresh uniforms) that make the conditional sample z̃. `out` must have length k like
/// both; the objective must be valid for k (the caller checks both once).
pub fn rebar(
    log_probs: &[f64],
    objective: &Objective,
    tau: f64,
    (eta, baseline): (f64, f64),
    (gumbel, exponentials): (&[f64], &[f64]),
    scratch: &mut RebarScratch,
    out: &mut [f64],
) -> RebarSample {
    let k = log_probs.len();
    let gradient = objective.separable_gradient();
    let RebarScratch {
        probs,
        relaxed,
        conditional,
    } = scratch;
    probs.clear();
    probs.extend(log_probs.iter().map(|l| l.portable_exp()));
    // z = ln π + g, its argmax b, and ∇θ f(σ_τ(z)) (the Gumbel-Softmax estimate).
    relaxed.clear();
    relaxed.extend(log_probs.iter().zip(gumbel).map(|(l, g)| l + g));
    let b = argmax(relaxed).unwrap_or(0);
    relax_in_place(relaxed, tau);
    gumbel_softmax(relaxed, tau, gradient);
    // z̃ given b, then the derivative of f(σ_τ(z̃)) with respect to z̃ …
    let c = exponentials.get(b).copied().unwrap_or(1.0);
    conditional.clear();
    conditional.extend((0..k).map(|i| {
        if i == b {
            -c.portable_ln()
        } else {
            log_probs[i] - (exponentials[i] + c * probs[i]).portable_ln()
        }
    }));
    relax_in_place(conditional, tau);
    let relaxed_value = objective.value(conditional);
    gumbel_softmax(conditional, tau, gradient);
    // … carried back to θ through π: qᵢ = hᵢ rᵢ, ∇θⱼ = qⱼ − πⱼ Σ q.
    for (i, h) in conditional.iter_mut().enumerate() {
        *h = if i == b {
            0.0
        } else {
            *h * exponentials[i] / (exponentials[i] + c * probs[i])
        };
    }
    let q_sum: f64 = conditional.iter().sum();
    for (h, p) in conditional.iter_mut().zip(probs.iter()) {
        *h -= p * q_sum;
    }
    // ∂ĝ/∂η = −f(σ_τ(z̃)) ∇θ ln π_b + ∇θ f(σ_τ(z)) − ∇θ f(σ_τ(z̃)), into `relaxed`.
    let forward = objective.value_at_vertex(b);
    out.copy_from_slice(probs);
    score_function(out, b, -relaxed_value);
    for ((r, cv), s) in relaxed.iter_mut().zip(conditional.iter()).zip(out.iter()) {
        *r = s + *r - cv;
    }
    // ĝ = (f(e_b) − baseline) ∇θ ln π_b + η ∂ĝ/∂η.
    out.copy_from_slice(probs);
    score_function(out, b, forward - baseline);
    let mut eta_gradient = 0.0;
    for (o, d) in out.iter_mut().zip(relaxed.iter()) {
        *o += eta * d;
        eta_gradient += 2.0 * *o * d;
    }
    RebarSample {
        forward,
        signal: forward - eta * relaxed_value,
        eta_gradient,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// f(σ_τ(z̃(θ))) for fixed noise, by direct formula: the function whose θ-derivative the
    /// reparameterised term is.
    fn relaxed_conditional_value(
        theta: &[f64],
        objective: &Objective,
        tau: f64,
        b: usize,
        a: &[f64],
    ) -> f64 {
        let max = theta.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let lse = max + theta.iter().map(|t| (t - max).exp()).sum::<f64>().ln();
        let probs: Vec<f64> = theta.iter().map(|t| (t - lse).exp()).collect();
        let z: Vec<f64> = (0..theta.len())
            .map(|i| {
                if i == b {
                    -(a[b]).ln()
                } else {
                    -(a[i] / probs[i] + a[b]).ln()
                }
            })
            .collect();
        let mut y = vec![0.0; z.len()];
        crate::math::relax(&z, tau, &mut y);
        objective.value(&y)
    }

    #[test]
    fn the_estimate_matches_its_formula_by_finite_differences() {
        let objective = Objective::SquaredDistance {
            target: vec![0.2, 0.5, 0.3],
        };
        let theta = [0.3, -0.2, 0.1];
        let lse = theta.iter().map(|t: &f64| t.exp()).sum::<f64>().ln();
        let log_probs: Vec<f64> = theta.iter().map(|t| t - lse).collect();
        let probs: Vec<f64> = log_probs.iter().map(|l| l.exp()).collect();
        let gumbel = [0.4, 1.3, -0.2];
        let a = [0.7, 0.2, 1.9];
        let (tau, eta) = (0.6, 0.8);
        let mut out = [0.0; 3];
        let mut scratch = RebarScratch::default();
        let sample = rebar(
            &log_probs,
            &objective,
            tau,
            (eta, 0.0),
            (&gumbel, &a),
            &mut scratch,
            &mut out,
        );
        let z: Vec<f64> = log_probs.iter().zip(&gumbel).map(|(l, g)| l + g).collect();
        let b = argmax(&z).unwrap();
        assert_eq!(b, 1);
        assert_eq!(sample.forward, objective.value_at_vertex(b));
        let h = 1e-6;
        let fd = |f: &dyn Fn(&[f64]) -> f64, j: usize| {
            let (mut up, mut down) = (theta, theta);
            up[j] += h;
            down[j] -= h;
            (f(&up) - f(&down)) / (2.0 * h)
        };
        let soft = |t: &[f64]| {
            let mut y = [0.0; 3];
            let p: Vec<f64> = t.iter().zip(&gumbel).map(|(l, g)| l + g).collect();
            crate::math::relax(&p, tau, &mut y);
            objective.value(&y)
        };
        let conditional = |t: &[f64]| relaxed_conditional_value(t, &objective, tau, b, &a);
        let f_tilde = conditional(&theta);
        let mut expected_eta = 0.0;
        for j in 0..3 {
            let score = if j == b { 1.0 } else { 0.0 } - probs[j];
            let cv = -f_tilde * score + fd(&soft, j) - fd(&conditional, j);
            let want = sample.forward * score + eta * cv;
            assert!((out[j] - want).abs() < 1e-7, "{j}: {} vs {want}", out[j]);
            expected_eta += 2.0 * want * cv;
        }
        assert!((sample.eta_gradient - expected_eta).abs() < 1e-6);
    }

    #[test]
    fn the_conditional_sample_keeps_its_argmax_and_stays_finite_where_pi_underflows() {
        let objective = Objective::Linear {
            c: vec![1.0, 0.0, 2.0],
        };
        let log_probs = [0.0, -1e4, -2e4];
        let mut out = [0.0; 3];
        let mut scratch = RebarScratch::default();
        let s = rebar(
            &log_probs,
            &objective,
            0.5,
            (1.0, 0.3),
            (&[0.1, 0.2, 0.3], &[1.0, 1e-300, 2.0]),
            &mut scratch,
            &mut out,
        );
        assert!(out.iter().all(|v| v.is_finite()), "{out:?}");
        assert!(s.eta_gradient.is_finite());
        assert_eq!(s.forward, 1.0);
    }
}
