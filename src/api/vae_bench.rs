//! The VAE's training speed inside the browser, for `make bench` only: compiled with the `bench`
//! feature into the benchmark's copy of the worker's module, never into the one the page
//! loads. It times what `examples/bench_vae.rs` times natively: one model trained alone.

use crate::vae::learner::Learner;
use crate::vae::{Digits, Estimator, VaeConfig};
use wasm_bindgen::prelude::*;

/// Steps per second of one model with `estimator` (`GS`, `ST-GS`, `SF+baseline`) and the
/// default settings (16 × 10, batch 32), trained alone for `steps` steps after 20 unmeasured
/// ones, timed with `performance.now()`.
#[wasm_bindgen]
pub fn bench_vae_steps(estimator: &str, steps: u32) -> Result<f64, JsError> {
    let estimator = Estimator::from_name(estimator)
        .ok_or_else(|| JsError::new(&format!("there is no estimator called \"{estimator}\"")))?;
    let data = Digits::embedded().map_err(|e| JsError::new(&e.to_string()))?;
    let config = VaeConfig::default();
    let mut learner = Learner::alone(estimator, &config, data.train_len());
    for t in 0..20 {
        learner.train_step(&data, config.temperature.at(t));
    }
    let start = super::performance_now();
    for t in 0..u64::from(steps) {
        learner.train_step(&data, config.temperature.at(t));
    }
    let seconds = (super::performance_now() - start) / 1000.0;
    Ok(f64::from(steps) / seconds)
}
