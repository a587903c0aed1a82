//! Native timing of the benchmark's kernels (src/kernels.rs), the same code the browser times
//! through the wasm export `bench_kernel`. Prints one JSON object; `make bench` reads it.
//!
//!   cargo run --release --example bench_kernels [-- REPS]

use gumbel_explorer::kernels::{time_kernel, KERNELS};
use std::time::Instant;

const DEFAULT_REPS: u32 = 15;

/// A finite number with `digits` decimals, or `null` (JSON has no NaN).
fn json_number(v: f64, digits: usize) -> String {
    if v.is_finite() {
        format!("{v:.digits$}")
    } else {
        "null".to_string()
    }
}

fn main() {
    let reps = std::env::args()
        .nth(1)
        .and_then(|a| a.parse::<u32>().ok())
        .filter(|&r| r > 0)
        .unwrap_or(DEFAULT_REPS);
    let origin = Instant::now();
    let now = || origin.elapsed().as_secs_f64() * 1e3;
    let rows: Vec<String> = KERNELS
        .iter()
        .map(|k| {
            let (median_ms, checksum) = time_kernel(k, reps, now);
            format!(
                "    {{\"name\": \"{}\", \"description\": \"{}\", \"median_ms\": {}, \"checksum\": {}}}",
                k.name,
                k.description(),
                json_number(median_ms, 4),
                json_number(checksum, 12)
            )
        })
        .collect();
    println!(
        "{{\n  \"reps\": {reps},\n  \"kernels\": [\n{}\n  ]\n}}",
        rows.join(",\n")
    );
}
