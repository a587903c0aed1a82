//! Timing of the math core's hot paths, dependency-free (std::time::Instant, median of several
//! repetitions). Run with `cargo run --release --example bench_math`.

use std::hint::black_box;
use std::time::Instant;

use gumbel_explorer::math::{
    log_tau_grid, variance_sweep, xy_to_barycentric, GumbelSoftmax, Objective,
};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

const REPETITIONS: usize = 9;

/// Median wall time in seconds of `REPETITIONS` runs of `f`.
fn median_seconds(mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let mut times: Vec<f64> = (0..REPETITIONS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[REPETITIONS / 2]
}

fn bench_sampling(k: usize) {
    let logits: Vec<f64> = (0..k).map(|i| 0.3 * i as f64).collect();
    let dist = GumbelSoftmax::new(&logits, 0.5).expect("valid parameters");
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let mut y = vec![0.0; k];
    let draws = 1_000_000;
    let t = median_seconds(|| {
        for _ in 0..draws {
            dist.sample_to_slice(&mut rng, &mut y);
            black_box(&y);
        }
    });
    println!(
        "sample_to_slice, k = {k:>2}: {:7.1} ns per sample",
        t / draws as f64 * 1e9
    );
}

fn bench_density() {
    let dist = GumbelSoftmax::from_probs(&[0.2, 0.3, 0.5], 0.5).expect("valid parameters");
    // A 500 × 433 pixel grid over the triangle, as the heatmap evaluates it.
    let (w, h) = (500, 433);
    let points: Vec<[f64; 3]> = (0..h)
        .flat_map(|j| (0..w).map(move |i| (i, j)))
        .map(|(i, j)| xy_to_barycentric((i as f64 + 0.5) / w as f64, (j as f64 + 0.5) / w as f64))
        .filter(|y| y.iter().all(|&v| v > 0.0))
        .collect();
    let t = median_seconds(|| {
        for y in &points {
            black_box(dist.log_density(y).ok());
        }
    });
    println!(
        "log_density, k = 3: {:.1} million evaluations per second ({} points in {:.2} ms)",
        points.len() as f64 / t / 1e6,
        points.len(),
        t * 1e3
    );
}

fn bench_sweep() {
    let taus = log_tau_grid(0.01, 10.0, 40);
    let objective = Objective::Linear {
        c: vec![1.0, 2.0, 4.0],
    };
    let logits = [0.0, 0.5, -0.5];
    let mut seed = 0;
    let t = median_seconds(|| {
        seed += 1;
        let mut rng = Pcg64Mcg::seed_from_u64(seed);
        black_box(variance_sweep(&logits, &objective, &taus, 2000, &mut rng).ok());
    });
    println!(
        "variance_sweep, k = 3, 40 τ in [0.01, 10], 2000 samples, linear: {:.2} ms",
        t * 1e3
    );
}

fn main() {
    println!("median of {REPETITIONS} repetitions");
    bench_sampling(3);
    bench_sampling(10);
    bench_density();
    bench_sweep();
}
