//! Training steps per second, natively: one step of one learner per estimator, and one step of
//! the page's run (all six learners from the same noise), at k = 2 (the RELAX toy) and k = 10
//! (squared distance to the default target), Adam with the default learning rate.
//!
//!   cargo run --release --example bench_training [-- --json] [-- --steps N]
//!
//! Each figure is the median of five timings of N steps (default 200,000) after a warm-up.

use gumbel_explorer::math::objective::Objective;
use gumbel_explorer::math::optimiser::Optimiser;
use gumbel_explorer::math::trainers::Trainer;
use gumbel_explorer::math::training::{Goal, Temperature, Training, TrainingSetup};
use rand::SeedableRng;
use std::time::Instant;

fn setup(k: usize) -> TrainingSetup {
    let target = if k == 2 {
        vec![0.499, 0.501]
    } else {
        let rest = 0.55 / (k - 1) as f64;
        (0..k).map(|i| if i == 0 { 0.45 } else { rest }).collect()
    };
    TrainingSetup {
        start_logits: vec![0.0; k],
        objective: Objective::SquaredDistance { target },
        goal: Goal::Minimise,
        temperature: Temperature::Fixed(0.5),
        optimiser: Optimiser::Adam,
        learning_rate: 0.05,
    }
}

/// Median steps per second of `trainers` over five timings of `steps` steps.
fn steps_per_second(k: usize, trainers: &[Trainer], steps: u64) -> f64 {
    let mut rates = Vec::new();
    for rep in 0..6 {
        let mut run = match Training::with_trainers(setup(k), trainers) {
            Ok(run) => run,
            Err(e) => panic!("k = {k}: {e}"),
        };
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(rep);
        let start = Instant::now();
        for _ in 0..steps {
            run.advance(&mut rng);
        }
        let seconds = start.elapsed().as_secs_f64();
        std::hint::black_box(run.learners());
        if rep > 0 {
            rates.push(steps as f64 / seconds);
        }
    }
    rates.sort_by(f64::total_cmp);
    rates[rates.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let steps = args
        .iter()
        .position(|a| a == "--steps")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(200_000u64);
    let mut rows = Vec::new();
    for k in [2, 10] {
        for t in Trainer::ALL {
            rows.push((k, t.name().to_string(), steps_per_second(k, &[t], steps)));
        }
        rows.push((
            k,
            "all six".to_string(),
            steps_per_second(k, &Trainer::ALL, steps / 4),
        ));
    }
    if json {
        let items: Vec<String> = rows
            .iter()
            .map(|(k, name, rate)| {
                format!("{{\"k\":{k},\"estimator\":\"{name}\",\"steps_per_second\":{rate:.0}}}")
            })
            .collect();
        println!("{{\"steps\":{steps},\"training\":[{}]}}", items.join(","));
    } else {
        println!("training steps per second (native, median of 5 × {steps} steps)");
        for (k, name, rate) in rows {
            println!("  k = {k:2}  {name:12} {rate:>12.0}");
        }
    }
}
