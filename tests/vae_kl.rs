//! The closed-form KL(q(z|x) ‖ uniform) of the categorical code against the definition,
//! Σ_z q(z) ln(q(z) / p(z)) summed over all K^N joint configurations, for small N × K.

use gumbel_explorer::vae::latent::posterior;
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// KL by enumeration: every joint code z = (z₁ … z_N), q(z) = Πₙ qₙ(zₙ), p(z) = K^−N.
fn kl_by_enumeration(q: &[f64], n: usize, k: usize) -> f64 {
    let configurations = k.pow(n as u32);
    let ln_p = -(n as f64) * (k as f64).ln();
    (0..configurations)
        .map(|mut index| {
            let mut q_z = 1.0;
            for latent in 0..n {
                q_z *= q[latent * k + index % k];
                index /= k;
            }
            if q_z > 0.0 {
                q_z * (q_z.ln() - ln_p)
            } else {
                0.0
            }
        })
        .sum()
}

#[test]
fn closed_form_kl_equals_enumeration() {
    let mut rng = Pcg64Mcg::seed_from_u64(21);
    for (n, k) in [(2, 3), (3, 2), (1, 5), (3, 4)] {
        for scale in [0.1, 1.0, 5.0] {
            let logits: Vec<f64> = (0..n * k)
                .map(|_| scale * (2.0 * rng.random::<f64>() - 1.0))
                .collect();
            let (mut log_q, mut q) = (vec![0.0; n * k], vec![0.0; n * k]);
            let kl = posterior(&logits, k, &mut log_q, &mut q);
            let expected = kl_by_enumeration(&q, n, k);
            assert!(
                (kl - expected).abs() < 1e-12 * expected.abs().max(1.0),
                "N = {n}, K = {k}: {kl} vs {expected}"
            );
            assert!(kl >= 0.0);
        }
    }
}

#[test]
fn kl_bounds() {
    // Uniform q: KL = 0. A near one-hot q: KL → N ln K.
    let (n, k) = (2, 3);
    let (mut log_q, mut q) = (vec![0.0; 6], vec![0.0; 6]);
    assert!(posterior(&[0.7; 6], k, &mut log_q, &mut q).abs() < 1e-15);
    let peaked = [40.0, 0.0, 0.0, 0.0, 0.0, 40.0];
    let kl = posterior(&peaked, k, &mut log_q, &mut q);
    assert!((kl - n as f64 * (k as f64).ln()).abs() < 1e-12, "{kl}");
}
