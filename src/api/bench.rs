//! Timing of the benchmark's kernels inside the browser, for `make bench` only: compiled with
//! the `bench` feature into the benchmark's own module, never into the page's. The kernels are
//! the same functions `examples/bench_kernels.rs` times natively.

use crate::kernels::{kernel, time_kernel};
use wasm_bindgen::prelude::*;

/// Runs kernel `name` once to warm up, then `reps` times, each timed with `performance.now()`;
/// returns the median in milliseconds. Fails for an unknown name or without a window.
#[wasm_bindgen]
pub fn bench_kernel(name: &str, reps: u32) -> Result<f64, JsError> {
    let kernel = kernel(name).map_err(|message| JsError::new(&message))?;
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsError::new("performance.now() is not available here"))?;
    let (median_ms, _) = time_kernel(kernel, reps, || performance.now());
    Ok(median_ms)
}
