//! The benchmark's kernels: the hot paths of a redraw as plain functions of their sizes, so
//! that the very same code is timed natively (`examples/bench_kernels.rs`) and inside the
//! browser (`bench_kernel` in the wasm api). Each returns a checksum of what it computed, which
//! keeps the optimiser from dropping the work and lets the two builds be compared.
//!
//! Nothing here is used by the page itself; `make bench` is the only caller.

use crate::math::elementary::Portable;
use crate::math::objective::Objective;
use crate::math::raster::TriangleGrid;
use crate::math::relaxed::GumbelSoftmax;
use crate::math::sweep::{log_tau_grid, variance_sweep};
use crate::model::density::log_density_raster;
use crate::model::sampling::{stream, summarise, Sampler};
use crate::model::{SWEEP_SAMPLES, SWEEP_TAUS, SWEEP_TAU_MAX, SWEEP_TAU_MIN};
use crate::render::{simplex_raster_rect, Theme};
use std::cell::RefCell;

/// The page's default class probabilities (k = 3).
pub const DEFAULT_PROBS: [f64; 3] = [0.2, 0.3, 0.5];
/// The page's default temperature.
pub const DEFAULT_TAU: f64 = 0.5;
/// The page's default sample count.
pub const DEFAULT_SAMPLES: usize = 20_000;
/// The largest sample count the page accepts.
pub const MAX_SAMPLES: usize = 1_000_000;
/// Draws per run of the raw sampling kernels.
pub const SAMPLE_DRAWS: usize = 200_000;
/// The density canvas in CSS pixels with a 1280 × 900 viewport (the benchmark's window);
/// the heatmap raster inside it comes from the render layer's own layout.
pub const DISPLAY_DENSITY_CANVAS: (u32, u32) = (734, 587);
/// Side of the notebook peer's density grid.
pub const NOTEBOOK_GRID: u32 = 200;

/// The distribution the kernels sample: the page's default π for k = 3, logits 0.3·i otherwise.
fn distribution(k: usize, tau: f64) -> Option<GumbelSoftmax> {
    if k == 3 {
        GumbelSoftmax::from_probs(&DEFAULT_PROBS, tau).ok()
    } else {
        let logits: Vec<f64> = (0..k).map(|i| 0.3 * i as f64).collect();
        GumbelSoftmax::new(&logits, tau).ok()
    }
}

/// Draws `n` samples of a fixed k-class distribution at τ = 0.5 with `sample_to_slice`;
/// returns Σ over draws of the last component (NaN for an invalid k).
pub fn sample_kernel(k: usize, n: usize, seed: u64) -> f64 {
    let Some(dist) = distribution(k, DEFAULT_TAU) else {
        return f64::NAN;
    };
    let mut rng = stream(seed);
    let mut y = vec![0.0; k];
    let mut checksum = 0.0;
    for _ in 0..n {
        dist.sample_to_slice(&mut rng, &mut y);
        checksum += y[k - 1];
    }
    checksum
}

thread_local! {
    /// The density kernels' grid of pixel logarithms and output buffer, kept between runs as
    /// the model keeps them between redraws (the first, untimed run builds the grid).
    static RASTER: RefCell<(TriangleGrid, Vec<f64>)> = RefCell::new(Default::default());
    /// The τ-change kernel's sampler and the τ of its last run.
    static SAMPLER: RefCell<(Sampler, bool)> = RefCell::new(Default::default());
}

/// The log-density raster of the default distribution, `width × height` pixels over the
/// triangle, as a redraw after a τ change computes it: the pixel logarithms are cached from the
/// previous run at the same size. Returns the sum of the finite values.
pub fn density_grid_kernel(width: u32, height: u32) -> f64 {
    let Some(dist) = distribution(3, DEFAULT_TAU) else {
        return f64::NAN;
    };
    RASTER.with(|cell| {
        let (grid, raster) = &mut *cell.borrow_mut();
        log_density_raster(&dist, width, height, grid, raster);
        raster.iter().filter(|v| v.is_finite()).sum()
    })
}

/// The raster size the density view draws on a canvas of `canvas` pixels at scale 1.
pub fn display_raster_size(canvas: (u32, u32)) -> (u32, u32) {
    let (_, _, w, h) = simplex_raster_rect(canvas.0, canvas.1, &Theme { scale: 1.0 });
    (w, h)
}

/// The page's default estimator sweep: 40 τ from 0.01 to 10, 2,000 samples, five estimators,
/// linear objective c = (0, 0.5, 1); returns the sum of every variance.
pub fn sweep_kernel(seed: u64) -> f64 {
    let logits: Vec<f64> = DEFAULT_PROBS.iter().map(|p| p.ln()).collect();
    let objective = Objective::Linear {
        c: vec![0.0, 0.5, 1.0],
    };
    let taus = log_tau_grid(SWEEP_TAU_MIN, SWEEP_TAU_MAX, SWEEP_TAUS);
    let mut rng = stream(seed);
    match variance_sweep(&logits, &objective, &taus, SWEEP_SAMPLES, &mut rng) {
        Ok(sweep) => sweep
            .rows
            .iter()
            .flat_map(|row| row.points.iter().map(|p| p.variance))
            .sum(),
        Err(_) => f64::NAN,
    }
}

/// The sample views' one pass (`summarise`) over `n` fresh draws of the default distribution,
/// as a change of N or of the seed recomputes it (and a τ change beyond the noise cache, e.g.
/// at N = 1,000,000); returns the sum of the class counts weighted by class index plus the
/// means.
pub fn summary_kernel(n: usize) -> f64 {
    let Some(dist) = distribution(3, DEFAULT_TAU) else {
        return f64::NAN;
    };
    let s = summarise(&dist, n, 1);
    let counts: f64 = s
        .counts
        .iter()
        .enumerate()
        .map(|(i, &c)| (i as f64 + 1.0) * c as f64)
        .sum();
    counts + s.mean.iter().sum::<f64>()
}

/// The sample views' work after a τ change at N = `n`: the sampler keeps the Gumbel noise of
/// its draws and only recomputes the tempered softmax and the summary. Successive runs
/// alternate τ between 0.5 and 0.55, as the benchmark's redraws do. Returns the sum of the means
/// weighted by class index.
pub fn tau_change_kernel(n: usize) -> f64 {
    SAMPLER.with(|cell| {
        let (sampler, flip) = &mut *cell.borrow_mut();
        *flip = !*flip;
        let tau = if *flip { 0.55 } else { DEFAULT_TAU };
        let Some(dist) = distribution(3, tau) else {
            return f64::NAN;
        };
        sampler.target(&dist, n, 1);
        sampler.advance(&dist, usize::MAX);
        let s = sampler.summary();
        s.mean
            .iter()
            .enumerate()
            .map(|(i, m)| (i as f64 + 1.0) * m)
            .sum()
    })
}

/// `n` exponentials and `n` natural logarithms, as every kernel above computes them (the
/// portable `libm` functions of `math::elementary`), to tell how much of a wasm/native gap is
/// the maths library's. (With std's `f64::exp`/`ln`, native runs glibc's table-driven code
/// and the gap is 2–3×; the math core uses one implementation on both sides instead.)
pub fn exp_ln_kernel(n: usize) -> f64 {
    let mut checksum = 0.0;
    let step = 1.0 / n.max(1) as f64;
    for i in 0..n {
        let x = std::hint::black_box(i as f64 * step);
        checksum += (-4.0 * x).portable_exp() + (x + 0.5).portable_ln();
    }
    checksum
}

/// One named kernel of the benchmark.
pub struct Kernel {
    /// The name the benchmark's table shows and `bench_kernel` takes.
    pub name: &'static str,
    /// What one run computes.
    pub description: &'static str,
    run: fn() -> f64,
}

impl Kernel {
    /// Runs the kernel once; returns its checksum.
    pub fn run(&self) -> f64 {
        (self.run)()
    }
}

/// Every kernel, in the order the table lists them.
pub static KERNELS: [Kernel; 9] = [
    Kernel {
        name: "sample_k3",
        description: "200,000 draws, k = 3, tau = 0.5 (sample_to_slice)",
        run: || sample_kernel(3, SAMPLE_DRAWS, 1),
    },
    Kernel {
        name: "sample_k10",
        description: "200,000 draws, k = 10, tau = 0.5 (sample_to_slice)",
        run: || sample_kernel(10, SAMPLE_DRAWS, 1),
    },
    Kernel {
        name: "tau_change_20k",
        description: "sample views after a tau change, N = 20,000, cached noise (Sampler)",
        run: || tau_change_kernel(DEFAULT_SAMPLES),
    },
    Kernel {
        name: "summary_20k",
        description: "sample views from fresh draws, N = 20,000, k = 3 (summarise)",
        run: || summary_kernel(DEFAULT_SAMPLES),
    },
    Kernel {
        name: "summary_1m",
        description: "sample views from fresh draws, N = 1,000,000, k = 3 (summarise)",
        run: || summary_kernel(MAX_SAMPLES),
    },
    Kernel {
        name: "density_display",
        description: "log-density raster for the 734x587 density canvas, cached pixel logs",
        run: || {
            let (w, h) = display_raster_size(DISPLAY_DENSITY_CANVAS);
            density_grid_kernel(w, h)
        },
    },
    Kernel {
        name: "density_200",
        description: "log-density raster, 200x200 (the notebook's grid), cached pixel logs",
        run: || density_grid_kernel(NOTEBOOK_GRID, NOTEBOOK_GRID),
    },
    Kernel {
        name: "sweep",
        description: "40 tau x 2,000 samples x 5 estimators, k = 3 (variance_sweep)",
        run: || sweep_kernel(1),
    },
    Kernel {
        name: "exp_ln_1m",
        description:
            "1,000,000 exp + 1,000,000 ln (the maths library alone, libm as in the kernels)",
        run: || exp_ln_kernel(1_000_000),
    },
];

/// The kernel called `name`.
pub fn kernel(name: &str) -> Option<&'static Kernel> {
    KERNELS.iter().find(|k| k.name == name)
}

/// Median of `times` (sorted in place); NaN when empty.
pub fn median(times: &mut [f64]) -> f64 {
    if times.is_empty() {
        return f64::NAN;
    }
    // Insertion sort: a few dozen timings, and no sorting code pulled into the wasm module.
    for i in 1..times.len() {
        let mut j = i;
        while j > 0 && times[j - 1].total_cmp(&times[j]).is_gt() {
            times.swap(j - 1, j);
            j -= 1;
        }
    }
    let mid = times.len() / 2;
    if times.len() % 2 == 1 {
        times[mid]
    } else {
        0.5 * (times[mid - 1] + times[mid])
    }
}

/// Runs `kernel` once to warm up, then `reps` times, each timed with `now` (milliseconds);
/// returns the median time in milliseconds and the last checksum.
pub fn time_kernel(kernel: &Kernel, reps: u32, mut now: impl FnMut() -> f64) -> (f64, f64) {
    let mut checksum = std::hint::black_box(kernel.run());
    let mut times = Vec::with_capacity(reps as usize);
    for _ in 0..reps.max(1) {
        let start = now();
        checksum = std::hint::black_box(kernel.run());
        times.push(now() - start);
    }
    (median(&mut times), checksum)
}
