//! The τ sweep: bias, variance and MSE of every estimator on a grid of temperatures, from one
//! shared set of Gumbel perturbations (common random numbers).

use super::elementary::Portable;
use rand::Rng;

use super::error::{check_tau, Error};
use super::estimators::{argmax_unchecked, diagonal_gradient, exact_mean};
use super::estimators::{exact_gradient, Estimator, Objective};
use super::relaxed::GumbelSoftmax;

/// Largest `samples × k` a sweep accepts (each of its three buffers holds that many f64).
pub const MAX_SWEEP_VALUES: usize = 1 << 22;
/// Largest number of temperatures in one sweep.
pub const MAX_SWEEP_TAUS: usize = 10_000;

/// Monte Carlo summary of one estimator at one temperature, from M one-sample estimates ĝₛ.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepPoint {
    /// The temperature (for τ-independent estimators, the τ this copy is reported at).
    pub tau: f64,
    /// Sample mean ḡ of the estimates.
    pub mean: Vec<f64>,
    /// ‖ḡ − ∇F‖.
    pub bias: f64,
    /// Standard error of `bias` by the delta method: the standard error of the mean of the
    /// estimates projected on the unit vector (ḡ − ∇F)/‖ḡ − ∇F‖.
    pub bias_se: f64,
    /// Trace of the sample covariance, Σₛ ‖ĝₛ − ḡ‖² / (M − 1).
    pub variance: f64,
    /// Standard error of `variance`: the standard error of the mean of ‖ĝₛ − ḡ‖² (scaled by
    /// M/(M − 1)), ignoring the O(1/M) uncertainty of ḡ itself.
    pub variance_se: f64,
    /// Mean squared error Σₛ ‖ĝₛ − ∇F‖² / M, an unbiased estimate of E‖ĝ − ∇F‖²; it equals
    /// bias² + (M − 1)/M · variance.
    pub mse: f64,
    /// Standard error of the mean of ‖ĝₛ − ∇F‖².
    pub mse_se: f64,
}

/// One estimator's points, one per temperature of the sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepRow {
    /// Which estimator.
    pub estimator: Estimator,
    /// One point per τ, in the order of [`Sweep::taus`].
    pub points: Vec<SweepPoint>,
}

/// Result of [`variance_sweep`].
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    /// The temperatures, as given.
    pub taus: Vec<f64>,
    /// The exact gradient ∇θF by enumeration.
    pub exact: Vec<f64>,
    /// One row per estimator, in the order of [`Estimator::ALL`].
    pub rows: Vec<SweepRow>,
}

impl Sweep {
    /// The row of one estimator.
    pub fn row(&self, estimator: Estimator) -> Option<&SweepRow> {
        self.rows.iter().find(|r| r.estimator == estimator)
    }
}

/// `n` temperatures spaced evenly in log τ from `lo` to `hi` (both included, exactly).
/// Empty if n = 0 or a bound is not finite and positive; `[lo]` if n = 1.
pub fn log_tau_grid(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if n == 0 || !(lo.is_finite() && hi.is_finite() && lo > 0.0 && hi > 0.0) {
        return Vec::new();
    }
    if n == 1 {
        return vec![lo];
    }
    let (a, b) = (lo.portable_ln(), hi.portable_ln());
    let step = (b - a) / (n - 1) as f64;
    (0..n)
        .map(|i| match i {
            0 => lo,
            i if i == n - 1 => hi,
            i => (a + step * i as f64).portable_exp(),
        })
        .collect()
}

/// Bias, variance and MSE of every estimator of ∇θF for logits θ and a payoff f, at each τ in
/// `taus`, from `samples` one-sample estimates per point.
///
/// The samples × k Gumbel perturbations are drawn once (k uniforms per sample, the same noise
/// as [`GumbelSoftmax::perturb_to_slice`]) and reused for every τ and every estimator: the
/// categories z = argmax(ln π + g) feed SF, SF+baseline and ST, and only the tempered softmax
/// is recomputed per τ for GS and ST-GS. Curves are therefore smooth in τ and differences
/// between estimators are not blurred by independent noise. SF, SF+baseline and ST do not
/// depend on τ: they are computed once and the same point is repeated for every τ. The
/// baseline of SF+baseline is the exact mean E[f(z)] (an oracle baseline).
///
/// Cost: samples × k exponentials per τ; no allocation inside the loops.
///
/// # Errors
/// Invalid logits, an objective that does not fit k, an empty `taus`
/// ([`Error::Empty`], parameter "taus") or an invalid τ in it, fewer than 2 samples, more than
/// [`MAX_SWEEP_TAUS`] temperatures or more than [`MAX_SWEEP_VALUES`] samples × k
/// ([`Error::InvalidArgument`]).
pub fn variance_sweep<R: Rng + ?Sized>(
    logits: &[f64],
    objective: &Objective,
    taus: &[f64],
    samples: usize,
    rng: &mut R,
) -> Result<Sweep, Error> {
    let dist = GumbelSoftmax::new(logits, 1.0)?;
    let k = dist.k();
    objective.validate(k)?;
    if taus.is_empty() {
        return Err(Error::Empty { parameter: "taus" });
    }
    if taus.len() > MAX_SWEEP_TAUS {
        return Err(Error::InvalidArgument(format!(
            "{} temperatures: a sweep takes at most {MAX_SWEEP_TAUS}",
            taus.len()
        )));
    }
    for &tau in taus {
        check_tau(tau)?;
    }
    if samples < 2 {
        return Err(Error::InvalidArgument(format!(
            "samples = {samples}: need at least 2 samples to estimate a variance"
        )));
    }
    if samples.saturating_mul(k) > MAX_SWEEP_VALUES {
        return Err(Error::InvalidArgument(format!(
            "samples × k = {samples} × {k} exceeds the sweep limit of {MAX_SWEEP_VALUES} values"
        )));
    }

    let exact = exact_gradient(&dist, objective)?;
    let probs = dist.probs();
    let (slope, offsets) = diagonal_gradient(objective);
    let vertex_values: Vec<f64> = (0..k).map(|i| objective.value_at_vertex(i)).collect();
    // Row z holds ∇f(e_z) = slope·e_z + offsets.
    let mut vertex_grads = Vec::with_capacity(k * k);
    for z in 0..k {
        vertex_grads.extend(
            offsets
                .iter()
                .enumerate()
                .map(|(i, &b)| if i == z { slope + b } else { b }),
        );
    }
    let baseline = exact_mean(&dist, objective);

    // The shared noise: perturbed logits with each row's maximum subtracted (so the tempered
    // softmax needs no further shift), and each row's argmax.
    let mut shifted = vec![0.0; samples * k];
    let mut categories = vec![0usize; samples];
    for (row, z) in shifted.chunks_exact_mut(k).zip(categories.iter_mut()) {
        dist.perturb_to_slice(rng, row);
        *z = argmax_unchecked(row);
        let max = row[*z];
        row.iter_mut().for_each(|v| *v -= max);
    }

    let mut buf_a = vec![0.0; samples * k];
    let mut buf_b = vec![0.0; samples * k];
    let mut summary = Summariser::new(k, &exact);

    // τ-independent estimators: once.
    let mut fixed = Vec::with_capacity(3);
    for estimator in [
        Estimator::ScoreFunction,
        Estimator::ScoreFunctionBaseline,
        Estimator::StraightThrough,
    ] {
        for (out, &z) in buf_a.chunks_exact_mut(k).zip(&categories) {
            match estimator {
                Estimator::StraightThrough => {
                    // J_s(π) ∇f(e_z)
                    let g = &vertex_grads[z * k..(z + 1) * k];
                    let dot: f64 = probs.iter().zip(g).map(|(p, g)| p * g).sum();
                    for ((o, &p), &gi) in out.iter_mut().zip(&probs).zip(g) {
                        *o = p * (gi - dot);
                    }
                }
                _ => {
                    let b = if estimator == Estimator::ScoreFunction {
                        0.0
                    } else {
                        baseline
                    };
                    let w = vertex_values[z] - b;
                    for (o, &p) in out.iter_mut().zip(&probs) {
                        *o = -w * p;
                    }
                    out[z] += w;
                }
            }
        }
        fixed.push((estimator, summary.summarise(&buf_a, f64::NAN)));
    }

    let mut gs_points = Vec::with_capacity(taus.len());
    let mut st_gs_points = Vec::with_capacity(taus.len());
    for &tau in taus {
        let inv_tau = 1.0 / tau;
        let relaxed = RelaxedPass {
            shifted: &shifted,
            categories: &categories,
            vertex_grads: &vertex_grads,
            offsets: &offsets,
            slope,
            inv_tau,
        };
        match k {
            2 => relaxed.fill(2, &mut buf_a, &mut buf_b),
            3 => relaxed.fill(3, &mut buf_a, &mut buf_b),
            4 => relaxed.fill(4, &mut buf_a, &mut buf_b),
            _ => relaxed.fill(k, &mut buf_a, &mut buf_b),
        }
        gs_points.push(summary.summarise(&buf_a, tau));
        st_gs_points.push(summary.summarise(&buf_b, tau));
    }

    let mut rows: Vec<SweepRow> = fixed
        .into_iter()
        .map(|(estimator, point)| SweepRow {
            estimator,
            points: taus
                .iter()
                .map(|&tau| SweepPoint {
                    tau,
                    ..point.clone()
                })
                .collect(),
        })
        .collect();
    rows.push(SweepRow {
        estimator: Estimator::GumbelSoftmax,
        points: gs_points,
    });
    rows.push(SweepRow {
        estimator: Estimator::StraightThroughGumbelSoftmax,
        points: st_gs_points,
    });
    Ok(Sweep {
        taus: taus.to_vec(),
        exact,
        rows,
    })
}

/// The per-τ work of the sweep: from the shared noise, the GS estimates into `soft_out` and the
/// ST-GS estimates into `hard_out` (both samples × k).
struct RelaxedPass<'a> {
    shifted: &'a [f64],
    categories: &'a [usize],
    vertex_grads: &'a [f64],
    offsets: &'a [f64],
    slope: f64,
    inv_tau: f64,
}

impl RelaxedPass<'_> {
    /// Inlined into each call so that a literal k (2, 3, 4) gives fixed-length inner loops the
    /// compiler unrolls.
    #[inline(always)]
    fn fill(&self, k: usize, soft_out: &mut [f64], hard_out: &mut [f64]) {
        for ((d, &z), (soft, hard)) in self.shifted.chunks_exact(k).zip(self.categories).zip(
            soft_out
                .chunks_exact_mut(k)
                .zip(hard_out.chunks_exact_mut(k)),
        ) {
            // y = softmax(d/τ) into `soft`; the row's maximum is exactly 0, so its
            // exponential is 1 and k − 1 exponentials suffice.
            let mut sum = 0.0;
            for (y, &dv) in soft.iter_mut().zip(d) {
                *y = if dv == 0.0 {
                    1.0
                } else {
                    (dv * self.inv_tau).portable_exp()
                };
                sum += *y;
            }
            let inv_sum = 1.0 / sum;
            let g_hard = &self.vertex_grads[z * k..(z + 1) * k];
            let mut dot_soft = 0.0;
            let mut dot_hard = 0.0;
            for ((y, &b), &h) in soft.iter_mut().zip(self.offsets).zip(g_hard) {
                *y *= inv_sum;
                dot_soft += *y * (self.slope * *y + b);
                dot_hard += *y * h;
            }
            // GS: (1/τ) J_s(y) ∇f(y); ST-GS: (1/τ) J_s(y) ∇f(e_z).
            for (((s, h_out), &b), &h) in soft
                .iter_mut()
                .zip(hard.iter_mut())
                .zip(self.offsets)
                .zip(g_hard)
            {
                let y = *s;
                *s = y * (self.slope * y + b - dot_soft) * self.inv_tau;
                *h_out = y * (h - dot_hard) * self.inv_tau;
            }
        }
    }
}

/// Largest k with a specialised (unrolled) summary loop.
const SMALL_K: usize = 4;

/// Turns a buffer of M estimates (M × k, row-major) into a [`SweepPoint`], reusing its scratch.
struct Summariser<'a> {
    k: usize,
    exact: &'a [f64],
    mean: Vec<f64>,
}

/// Mean and variance of a scalar from sums shifted by its first value (the shift keeps the
/// one-pass formula free of cancellation when the values are nearly constant).
struct ShiftedSums {
    shift: f64,
    sum: f64,
    sum_sq: f64,
}

impl ShiftedSums {
    fn new(shift: f64) -> Self {
        Self {
            shift,
            sum: 0.0,
            sum_sq: 0.0,
        }
    }

    fn push(&mut self, x: f64) {
        let d = x - self.shift;
        self.sum += d;
        self.sum_sq += d * d;
    }

    /// (mean, standard error of the mean) over n values.
    fn mean_and_se(&self, n: f64) -> (f64, f64) {
        let mean_d = self.sum / n;
        let var = ((self.sum_sq - self.sum * mean_d) / (n - 1.0)).max(0.0);
        (self.shift + mean_d, (var / n).sqrt())
    }
}

impl<'a> Summariser<'a> {
    fn new(k: usize, exact: &'a [f64]) -> Self {
        Self {
            k,
            exact,
            mean: vec![0.0; k],
        }
    }

    fn summarise(&mut self, buf: &[f64], tau: f64) -> SweepPoint {
        match self.k {
            2 => self.summarise_k(2, buf, tau),
            3 => self.summarise_k(3, buf, tau),
            4 => self.summarise_k(4, buf, tau),
            k => self.summarise_k(k, buf, tau),
        }
    }

    /// Inlined per literal k, as [`RelaxedPass::fill`].
    #[inline(always)]
    fn summarise_k(&mut self, k: usize, buf: &[f64], tau: f64) -> SweepPoint {
        let n = (buf.len() / k) as f64;
        // Mean as first row + mean of the differences to it, so that constant estimates have
        // a mean equal to every sample and hence exactly zero variance.
        let first = buf.get(..k).unwrap_or(&[]);
        if k <= SMALL_K {
            // A local array the compiler keeps in registers once k is a literal.
            let mut acc = [0.0f64; SMALL_K];
            for row in buf.chunks_exact(k) {
                for (a, (&g, &f)) in acc.iter_mut().zip(row.iter().zip(first)) {
                    *a += g - f;
                }
            }
            for ((m, &f), &a) in self.mean.iter_mut().zip(first).zip(&acc) {
                *m = f + a / n;
            }
        } else {
            // Column by column, so the running sum stays in a register.
            for (j, (m, &f)) in self.mean.iter_mut().zip(first).enumerate() {
                let sum: f64 = buf.iter().skip(j).step_by(k).map(|&g| g - f).sum();
                *m = f + sum / n;
            }
        }
        let mean = &self.mean;
        let exact = self.exact;
        let bias = mean
            .iter()
            .zip(exact)
            .map(|(m, e)| (m - e) * (m - e))
            .sum::<f64>()
            .sqrt();
        let inv_bias = if bias > 0.0 { 1.0 / bias } else { 0.0 };

        // Per-sample scalars: q = ‖ĝ − ḡ‖², e = ‖ĝ − ∇F‖², p = u·ĝ with u the bias direction.
        let scalars = |row: &[f64]| {
            let mut q = 0.0;
            let mut e = 0.0;
            let mut p = 0.0;
            for ((&g, &m), &x) in row.iter().zip(mean).zip(exact) {
                q += (g - m) * (g - m);
                e += (g - x) * (g - x);
                p += (m - x) * g;
            }
            (q, e, p * inv_bias)
        };
        let (q0, e0, p0) = buf.chunks_exact(k).next().map_or((0.0, 0.0, 0.0), scalars);
        let mut q_sums = ShiftedSums::new(q0);
        let mut e_sums = ShiftedSums::new(e0);
        let mut p_sums = ShiftedSums::new(p0);
        for row in buf.chunks_exact(k) {
            let (q, e, p) = scalars(row);
            q_sums.push(q);
            e_sums.push(e);
            p_sums.push(p);
        }
        let correction = n / (n - 1.0);
        let (q_mean, q_se) = q_sums.mean_and_se(n);
        let (mse, mse_se) = e_sums.mean_and_se(n);
        let (_, p_se) = p_sums.mean_and_se(n);
        let variance = q_mean * correction;
        let bias_se = if bias > 0.0 {
            p_se
        } else {
            (variance / n).sqrt()
        };
        SweepPoint {
            tau,
            mean: mean.clone(),
            bias,
            bias_se,
            variance,
            variance_se: q_se * correction,
            mse,
            mse_se,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;

    #[test]
    fn grid_endpoints_are_exact() {
        let g = log_tau_grid(0.01, 10.0, 40);
        assert_eq!(g.len(), 40);
        assert_eq!(g[0], 0.01);
        assert_eq!(g[39], 10.0);
        assert!(g.windows(2).all(|w| w[0] < w[1]));
        assert!((g[1] / g[0] - g[39] / g[38]).abs() < 1e-12);
        assert!(log_tau_grid(0.0, 1.0, 5).is_empty());
        assert_eq!(log_tau_grid(2.0, 3.0, 1), vec![2.0]);
    }

    #[test]
    fn sweep_rejects_bad_arguments() {
        let obj = Objective::Linear {
            c: vec![1.0, 2.0, 3.0],
        };
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        let logits = [0.0, 0.5, 1.0];
        assert!(matches!(
            variance_sweep(&logits, &obj, &[], 10, &mut rng),
            Err(Error::Empty { parameter: "taus" })
        ));
        assert!(matches!(
            variance_sweep(&logits, &obj, &[1.0], 1, &mut rng),
            Err(Error::InvalidArgument(_))
        ));
        assert!(matches!(
            variance_sweep(&logits, &obj, &[1.0, -1.0], 10, &mut rng),
            Err(Error::TemperatureNotPositive { .. })
        ));
        assert!(matches!(
            variance_sweep(&logits, &obj, &[1.0], usize::MAX, &mut rng),
            Err(Error::InvalidArgument(_))
        ));
        assert!(matches!(
            variance_sweep(&logits[..2], &obj, &[1.0], 10, &mut rng),
            Err(Error::LengthMismatch { .. })
        ));
    }

    #[test]
    fn sweep_agrees_with_one_sample_estimates() {
        // Recompute the sweep's GS and SF means from the same noise with the public estimators.
        let logits = [0.3, -0.2, 0.8];
        let obj = Objective::SquaredDistance {
            target: vec![0.0, 1.0, 0.0],
        };
        let taus = [0.2, 1.5];
        let samples = 50;
        let sweep = variance_sweep(
            &logits,
            &obj,
            &taus,
            samples,
            &mut Pcg64Mcg::seed_from_u64(9),
        )
        .unwrap();
        for (t, &tau) in taus.iter().enumerate() {
            let dist = GumbelSoftmax::new(&logits, tau).unwrap();
            let mut rng = Pcg64Mcg::seed_from_u64(9);
            let mut perturbed = [0.0; 3];
            let mut est = [0.0; 3];
            let mut sums = [[0.0; 3]; 5];
            for _ in 0..samples {
                dist.perturb_to_slice(&mut rng, &mut perturbed);
                for (e, sum) in Estimator::ALL.iter().zip(sums.iter_mut()) {
                    e.estimate(&dist, &obj, &perturbed, &mut est).unwrap();
                    sum.iter_mut().zip(&est).for_each(|(s, x)| *s += x);
                }
            }
            for (row, sum) in sweep.rows.iter().zip(&sums) {
                for (m, s) in row.points[t].mean.iter().zip(sum) {
                    assert!(
                        (m - s / samples as f64).abs() < 1e-12,
                        "{} τ = {tau}",
                        row.estimator.name()
                    );
                }
            }
        }
        // τ-independent rows repeat their point.
        let sf = sweep.row(Estimator::ScoreFunction).unwrap();
        assert_eq!(sf.points[0].variance, sf.points[1].variance);
        assert_eq!(sf.points[1].tau, 1.5);
    }

    #[test]
    fn constant_estimates_have_zero_variance() {
        // ST with a linear payoff is the constant J_s(π) c, which is also the exact gradient.
        let obj = Objective::Linear {
            c: vec![1.0, 2.0, 3.0],
        };
        let sweep = variance_sweep(
            &[0.1, 0.2, 0.3],
            &obj,
            &[1.0],
            100,
            &mut Pcg64Mcg::seed_from_u64(2),
        )
        .unwrap();
        let st = &sweep.row(Estimator::StraightThrough).unwrap().points[0];
        assert_eq!(st.variance, 0.0);
        assert_eq!(st.variance_se, 0.0);
        assert!(st.bias < 1e-15);
        assert!(st.mse < 1e-30);
    }
}
