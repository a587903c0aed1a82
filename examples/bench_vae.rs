//! The categorical VAE natively: training steps per second per model (batch 32, median of
//! several runs) and the test −ELBO at 1,000 / 2,000 / 5,000 steps per estimator for 8 × 4 and
//! 16 × 10 latents, beside MATH.md's JAX reference.
//!
//! Run with `cargo run --release --example bench_vae [-- SEED]` (default seed 1).

use std::time::Instant;

use gumbel_explorer::vae::learner::Learner;
use gumbel_explorer::vae::{Digits, Estimator, VaeConfig, VaeTrainer, ESTIMATORS};

const RUNS: usize = 7;
const STEPS_PER_RUN: u64 = 300;
const CHECKPOINTS: [u64; 3] = [1000, 2000, 5000];
/// The independent-pixel model's test score, the line to beat.
const INDEPENDENT_PIXELS: f64 = 24.59;

/// MATH.md section 9: JAX reference test −ELBO at 1,000 / 2,000 / 5,000 steps (16 × 10: the
/// last column is at 3,000 steps).
fn reference(latents: usize, estimator: Estimator) -> [f64; 3] {
    match (latents, estimator) {
        (8, Estimator::GumbelSoftmax) => [20.96, 20.27, 19.84],
        (8, Estimator::StraightThrough) => [21.13, 20.33, 19.43],
        (8, Estimator::ScoreFunction) => [23.99, 21.76, 19.71],
        (_, Estimator::GumbelSoftmax) => [22.49, 22.02, 21.53],
        (_, Estimator::StraightThrough) => [22.45, 21.73, 21.42],
        (_, Estimator::ScoreFunction) => [24.60, 24.59, 23.80],
    }
}

/// Median steps per second of one model trained alone with `estimator` (no evaluation).
fn steps_per_second(config: &VaeConfig, data: &Digits, estimator: Estimator) -> f64 {
    let mut learner = Learner::alone(estimator, config, data.train_len());
    let mut rates: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            for t in 0..STEPS_PER_RUN {
                learner.train_step(data, config.temperature.at(t));
            }
            STEPS_PER_RUN as f64 / start.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    rates[RUNS / 2]
}

fn main() {
    let seed = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let data = Digits::embedded().expect("embedded digits");
    let defaults = VaeConfig {
        seed,
        ..VaeConfig::default()
    };

    println!(
        "Training speed natively, batch {}, median of {RUNS} runs of {STEPS_PER_RUN} steps:",
        defaults.batch_size
    );
    for (latents, categories) in [(8, 4), (16, 10)] {
        let config = VaeConfig {
            latents,
            categories,
            ..defaults
        };
        for estimator in ESTIMATORS {
            let rate = steps_per_second(&config, &data, estimator);
            println!(
                "  {latents:>2} × {categories:<2} {:<12} {rate:8.0} steps/s",
                estimator.name()
            );
        }
    }

    println!();
    println!(
        "Test −ELBO (nats per image, hard samples, 10 draws), seed {seed}; reference in brackets"
    );
    println!("(JAX, MATH.md §9; the 16 × 10 reference's last column is at 3,000 steps).");
    println!("Independent pixels: {INDEPENDENT_PIXELS} test.");
    for (latents, categories) in [(8, 4), (16, 10)] {
        let config = VaeConfig {
            latents,
            categories,
            ..defaults
        };
        let mut trainer = VaeTrainer::new(config).expect("valid settings");
        let start = Instant::now();
        trainer.step(*CHECKPOINTS.last().unwrap_or(&0));
        let seconds = start.elapsed().as_secs_f64();
        println!(
            "{latents} × {categories} ({:.1} s for {} steps of {} models, evaluation included)",
            seconds,
            trainer.steps(),
            ESTIMATORS.len()
        );
        println!(
            "  {:<12} {:>17} {:>17} {:>17}   train at 5,000",
            "estimator", "1,000", "2,000", "5,000"
        );
        let at = |estimator: Estimator, step: u64| {
            trainer
                .history(estimator)
                .iter()
                .find(|r| r.step == step)
                .map_or(f64::NAN, |r| r.test_neg_elbo)
        };
        let mut scores = Vec::new();
        for estimator in ESTIMATORS {
            let values = CHECKPOINTS.map(|s| at(estimator, s));
            let reference = reference(latents, estimator);
            let train = trainer
                .history(estimator)
                .last()
                .map_or(f64::NAN, |r| r.train_neg_elbo);
            println!(
                "  {:<12} {:>7.2} [{:>6.2}]  {:>7.2} [{:>6.2}]  {:>7.2} [{:>6.2}]   {train:6.2}",
                estimator.name(),
                values[0],
                reference[0],
                values[1],
                reference[1],
                values[2],
                reference[2],
            );
            scores.push(values);
        }
        let gs = scores[0];
        let sf = scores[2];
        println!(
            "  targets: GS at 2,000 ≤ {:.2}: {}; GS below SF at 1,000: {}, at 2,000: {}",
            INDEPENDENT_PIXELS - 2.0,
            verdict(gs[1] <= INDEPENDENT_PIXELS - 2.0),
            verdict(gs[0] < sf[0]),
            verdict(gs[1] < sf[1]),
        );
    }
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "NOT met"
    }
}
