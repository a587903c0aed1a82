//! The benchmark's kernels: the hot paths of a redraw as plain functions of their sizes, so
//! that the very same code is timed natively (`examples/bench_kernels.rs`) and inside the
//! browser (`bench_kernel` in the wasm api). Each returns a checksum of what it computed, which
//! keeps the optimiser from dropping the work and lets the two builds be compared.
//!
//! Nothing here is used by the page itself: the module is compiled only with the `bench`
//! feature, which `make bench` turns on for its own build, so the page's wasm does not carry it.
//! The sizes the kernels share with the page (default π, τ and N, the sweep's grid) are read
//! from the model rather than restated.

use crate::format::count;
use crate::math::elementary::Portable;
use crate::math::raster::TriangleGrid;
use crate::math::relaxed::GumbelSoftmax;
use crate::math::{log_tau_grid, variance_sweep, ExactMoments, RelaxedMomentsJob};
use crate::model::density::log_density_raster;
use crate::model::limits::MAX_SAMPLES;
use crate::model::sampling::{stream, summarise, Sampler};
use crate::model::{Settings, SWEEP_SAMPLES, SWEEP_TAUS, SWEEP_TAU_MAX, SWEEP_TAU_MIN};
use crate::render::{simplex_raster_rect, Theme};
use std::cell::RefCell;

/// Draws per run of the raw sampling kernels.
pub const SAMPLE_DRAWS: usize = 200_000;
/// The density canvas in CSS pixels with a 1280 × 900 viewport (the benchmark's window);
/// the heatmap raster inside it comes from the render layer's own layout.
pub const DISPLAY_DENSITY_CANVAS: (u32, u32) = (734, 587);
/// Side of the notebook peer's density grid.
pub const NOTEBOOK_GRID: u32 = 200;
/// Exponentials (and as many logarithms) per run of the maths-library kernel.
pub const EXP_LN_VALUES: usize = 1_000_000;
/// The second temperature of the τ-change kernel, which alternates it with the default τ.
const OTHER_TAU: f64 = 0.55;

/// The page's default temperature.
fn default_tau() -> f64 {
    Settings::default().tau()
}

/// The page's default sample count.
fn default_samples() -> usize {
    Settings::default().samples()
}

/// The distribution the kernels sample at temperature `tau`: the page's default π for its
/// default k, logits 0.3·i otherwise.
fn distribution(k: usize, tau: f64) -> Option<GumbelSoftmax> {
    let defaults = Settings::default();
    if k == defaults.k() {
        defaults.dist().with_tau(tau).ok()
    } else {
        let logits: Vec<f64> = (0..k).map(|i| 0.3 * i as f64).collect();
        GumbelSoftmax::new(&logits, tau).ok()
    }
}

/// Draws `n` samples of a fixed k-class distribution at the default τ with
/// `sample_to_slice`; returns Σ over draws of the last component (NaN for an invalid k).
pub fn sample_kernel(k: usize, n: usize, seed: u64) -> f64 {
    let Some(dist) = distribution(k, default_tau()) else {
        return f64::NAN;
    };
    let mut rng = stream(seed);
    let mut y = vec![0.0; k];
    let mut checksum = 0.0;
    for _ in 0..n {
        dist.sample_to_slice(&mut rng, &mut y);
        checksum += y.last().copied().unwrap_or(f64::NAN);
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
    let Some(dist) = distribution(3, default_tau()) else {
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
    let (_, _, w, h) = simplex_raster_rect(
        canvas.0,
        canvas.1,
        &crate::math::simplex::TRIANGLE_VERTICES,
        &Theme::default(),
    );
    (w, h)
}

/// The page's default estimator sweep (the model's τ grid and sample count, the default π and
/// objective); returns the sum of every variance.
pub fn sweep_kernel(seed: u64) -> f64 {
    let defaults = Settings::default();
    let taus = log_tau_grid(SWEEP_TAU_MIN, SWEEP_TAU_MAX, SWEEP_TAUS);
    let mut rng = stream(seed);
    let objective = defaults.objective();
    match variance_sweep(
        defaults.logits(),
        &objective,
        &taus,
        SWEEP_SAMPLES,
        &mut rng,
    ) {
        Ok(sweep) => sweep
            .rows
            .iter()
            .flat_map(|row| row.points.iter().map(|p| p.variance))
            .sum(),
        Err(_) => f64::NAN,
    }
}

/// The estimator view's exact curves of GS and ST-GS over the sweep's 40 τ, as the page computes
/// them (from the largest τ down, each sized by its neighbour), for the default objective with k
/// classes: the default π for k = 3, the uniform π of the k = 2 toy for k = 2. Returns the sum of
/// the biases.
pub fn exact_curves_kernel(k: usize) -> f64 {
    let mut s = Settings::default();
    if s.set_probs(&vec![1.0; k]).is_err() || (k == 3 && s.set_probs(&[0.2, 0.3, 0.5]).is_err()) {
        return f64::NAN;
    }
    let objective = s.objective();
    let mut hint: Option<[ExactMoments; 2]> = None;
    let mut total = 0.0;
    for &tau in log_tau_grid(SWEEP_TAU_MIN, SWEEP_TAU_MAX, SWEEP_TAUS)
        .iter()
        .rev()
    {
        let job = GumbelSoftmax::new(s.logits(), tau)
            .and_then(|dist| RelaxedMomentsJob::new(&dist, &objective, hint.as_ref()));
        let Ok(mut job) = job else {
            return f64::NAN;
        };
        let Some(results) = job.advance(usize::MAX).cloned() else {
            return f64::NAN;
        };
        total += results.iter().map(|m| m.bias).sum::<f64>();
        hint = Some(results);
    }
    total
}

/// The sample views' one pass (`summarise`) over `n` fresh draws of the default distribution,
/// as a change of N or of the seed recomputes it (and a τ change beyond the noise cache, e.g.
/// at N = 1,000,000); returns the sum of the class counts weighted by class index plus the
/// means.
pub fn summary_kernel(n: usize) -> f64 {
    let Some(dist) = distribution(3, default_tau()) else {
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
/// alternate τ between the default and [`OTHER_TAU`], as the benchmark's redraws do. Returns
/// the sum of the means weighted by class index.
pub fn tau_change_kernel(n: usize) -> f64 {
    SAMPLER.with(|cell| {
        let (sampler, flip) = &mut *cell.borrow_mut();
        *flip = !*flip;
        let tau = if *flip { OTHER_TAU } else { default_tau() };
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
    describe: fn() -> String,
    run: fn() -> f64,
}

impl Kernel {
    /// What one run computes.
    pub fn description(&self) -> String {
        (self.describe)()
    }

    /// Runs the kernel once; returns its checksum.
    pub fn run(&self) -> f64 {
        (self.run)()
    }
}

/// What a run of [`sample_kernel`] on k classes computes.
fn sample_description(k: usize) -> String {
    let (n, tau) = (count(SAMPLE_DRAWS as u64), default_tau());
    format!("{n} draws, k = {k}, tau = {tau} (sample_to_slice)")
}

/// What a run of [`summary_kernel`] on `n` draws computes.
fn summary_description(n: usize) -> String {
    let n = count(n as u64);
    format!("sample views from fresh draws, N = {n}, k = 3 (summarise)")
}

/// Every kernel, in the order the table lists them.
pub static KERNELS: [Kernel; 11] = [
    Kernel {
        name: "sample_k3",
        describe: || sample_description(3),
        run: || sample_kernel(3, SAMPLE_DRAWS, 1),
    },
    Kernel {
        name: "sample_k10",
        describe: || sample_description(10),
        run: || sample_kernel(10, SAMPLE_DRAWS, 1),
    },
    Kernel {
        name: "tau_change_20k",
        describe: || {
            let n = count(default_samples() as u64);
            format!("sample views after a tau change, N = {n}, cached noise (Sampler)")
        },
        run: || tau_change_kernel(default_samples()),
    },
    Kernel {
        name: "summary_20k",
        describe: || summary_description(default_samples()),
        run: || summary_kernel(default_samples()),
    },
    Kernel {
        name: "summary_1m",
        describe: || summary_description(MAX_SAMPLES),
        run: || summary_kernel(MAX_SAMPLES),
    },
    Kernel {
        name: "density_display",
        describe: || {
            let (w, h) = DISPLAY_DENSITY_CANVAS;
            format!("log-density raster for the {w}x{h} density canvas, cached pixel logs")
        },
        run: || {
            let (w, h) = display_raster_size(DISPLAY_DENSITY_CANVAS);
            density_grid_kernel(w, h)
        },
    },
    Kernel {
        name: "density_200",
        describe: || {
            let n = NOTEBOOK_GRID;
            format!("log-density raster, {n}x{n} (the notebook's grid), cached pixel logs")
        },
        run: || density_grid_kernel(NOTEBOOK_GRID, NOTEBOOK_GRID),
    },
    Kernel {
        name: "sweep",
        describe: || {
            let n = count(SWEEP_SAMPLES as u64);
            format!("{SWEEP_TAUS} tau x {n} samples x 6 estimators, k = 3 (variance_sweep)")
        },
        run: || sweep_kernel(1),
    },
    Kernel {
        name: "exact_curves_k2",
        describe: || format!("exact GS and ST-GS moments at {SWEEP_TAUS} tau, k = 2 (quadrature)"),
        run: || exact_curves_kernel(2),
    },
    Kernel {
        name: "exact_curves_k3",
        describe: || format!("exact GS and ST-GS moments at {SWEEP_TAUS} tau, k = 3 (quadrature)"),
        run: || exact_curves_kernel(3),
    },
    Kernel {
        name: "exp_ln_1m",
        describe: || {
            let n = count(EXP_LN_VALUES as u64);
            format!("{n} exp + {n} ln (the maths library alone, libm as in the kernels)")
        },
        run: || exp_ln_kernel(EXP_LN_VALUES),
    },
];

/// The kernel called `name`, or a message naming the kernels there are.
pub fn kernel(name: &str) -> Result<&'static Kernel, String> {
    KERNELS.iter().find(|k| k.name == name).ok_or_else(|| {
        let known: Vec<&str> = KERNELS.iter().map(|k| k.name).collect();
        format!(
            "there is no kernel called \"{name}\" (known: {})",
            known.join(", ")
        )
    })
}

/// Median of `times` (sorted in place); NaN when empty.
pub fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    let mid = times.len() / 2;
    match times.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => times[mid],
        _ => 0.5 * (times[mid - 1] + times[mid]),
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
