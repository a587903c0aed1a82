//! Shared by the statistical tests of the samplers: the sample mean of every component of y
//! over a distribution's draws, with its standard error.

use gumbel_explorer::math::{GumbelSoftmax, Welford};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

/// One accumulator per component of y over `n` draws of `dist` from stream `seed`: mean and
/// standard error of each E[yᵢ].
pub fn mean_of_y(dist: &GumbelSoftmax, n: usize, seed: u64) -> Vec<Welford> {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let mut acc = vec![Welford::new(); dist.k()];
    let mut y = vec![0.0; dist.k()];
    for _ in 0..n {
        dist.sample_to_slice(&mut rng, &mut y);
        for (a, &v) in acc.iter_mut().zip(&y) {
            a.push(v);
        }
    }
    acc
}
