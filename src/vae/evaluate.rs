//! The −ELBO of held-out images with hard samples: the honest score of a trained model.
//!
//! For each image, −ELBO = KL(q(z|x) ‖ uniform) (exact) + the mean over `draws` one-hot
//! Gumbel-Max samples z ~ q(z|x) of −ln p(x | z). Hard samples make it a true bound on −ln p(x)
//! whatever the estimator was trained with (a relaxed sample is not a value the latent can take).

use rand::Rng;

use super::bernoulli::neg_log_likelihood_value;
use super::latent::{choose, draw_noise, one_hot};
use super::network::{Vae, Workspace};

/// Mean −ELBO in nats per image over `images`, each with `draws` hard samples drawn with
/// `rng` (0 for no images; with `draws` = 0 only the KL term is counted).
pub fn neg_elbo_hard<'a, R: Rng + ?Sized>(
    vae: &Vae,
    images: impl Iterator<Item = &'a [f32]>,
    draws: usize,
    rng: &mut R,
    ws: &mut Workspace,
) -> f64 {
    let k = vae.categories();
    let (mut total, mut count) = (0.0, 0usize);
    for x in images {
        let kl = vae.encode(x, ws);
        let mut reconstruction = 0.0;
        for _ in 0..draws {
            draw_noise(rng, &mut ws.noise);
            choose(&ws.logits, &ws.noise, k, &mut ws.perturbed, &mut ws.choices);
            one_hot(&ws.choices, k, &mut ws.code);
            vae.decode(ws);
            reconstruction += neg_log_likelihood_value(&ws.pixels, x);
        }
        total += kl + reconstruction / draws.max(1) as f64;
        count += 1;
    }
    total / count.max(1) as f64
}
