//! The τ sweep: bias, variance and MSE of every estimator on a grid of temperatures, from one
//! shared set of Gumbel perturbations (common random numbers).

use super::elementary::Portable;
use rand::Rng;

use super::error::{check_tau, Error};
use super::estimators::{
    exact_gradient, exact_objective, gumbel_softmax, optimal_baseline, score_function,
    straight_through, straight_through_gumbel_softmax, Estimator,
};
use super::gumbel::argmax;
use super::objective::{Objective, SeparableGradient};
use super::relaxed::{tempered_softmax, GumbelSoftmax};
use super::sweep_summary::{Summariser, SweepPoint};

/// Largest `samples × k` a sweep accepts (each of its three buffers holds that many f64).
pub const MAX_SWEEP_VALUES: usize = 1 << 22;
/// Largest number of temperatures in one sweep.
pub const MAX_SWEEP_TAUS: usize = 10_000;

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
/// categories z = argmax(ln π + g) feed the score functions and ST, and only the tempered
/// softmax is recomputed per τ for GS and ST-GS. Curves are therefore smooth in τ and
/// differences between estimators are not blurred by independent noise. The score functions
/// and ST do not depend on τ: they are computed once and the same point is repeated for every
/// τ. Each
/// estimate is the one [`Estimator::estimate`] gives for the same noise, bit for bit (both
/// call the estimator functions of [`estimators`](super::estimators)). The baseline of
/// SF+baseline is the exact mean E[f(z)]: an oracle, not the variance-optimal constant, which
/// SF+b* uses.
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
    Ok(SweepRun::new(logits, objective, taus, samples, rng)?.finish())
}

/// A [`variance_sweep`] done a few temperatures at a time, so that no single call is long:
/// [`new`](Self::new) draws the shared noise and computes the τ-independent estimators, each
/// [`advance`](Self::advance) the next temperatures, and [`finish`](Self::finish) the rest and
/// the result, the same [`Sweep`] bit for bit however the work was divided.
#[derive(Clone, Debug)]
pub struct SweepRun {
    taus: Vec<f64>,
    k: usize,
    objective: Objective,
    exact: Vec<f64>,
    shifted: Vec<f64>,
    categories: Vec<usize>,
    buf_a: Vec<f64>,
    buf_b: Vec<f64>,
    fixed: Vec<(Estimator, SweepPoint)>,
    gs_points: Vec<SweepPoint>,
    st_gs_points: Vec<SweepPoint>,
}

impl SweepRun {
    /// Checks the inputs, draws the shared noise and computes the τ-independent estimators.
    ///
    /// # Errors
    /// As [`variance_sweep`].
    pub fn new<R: Rng + ?Sized>(
        logits: &[f64],
        objective: &Objective,
        taus: &[f64],
        samples: usize,
        rng: &mut R,
    ) -> Result<Self, Error> {
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
        let gradient = objective.separable_gradient();
        let vertex_values: Vec<f64> = (0..k).map(|i| objective.value_at_vertex(i)).collect();
        let baseline = exact_objective(&dist, objective)?;
        let best_baseline = optimal_baseline(&dist, objective)?;

        // The shared noise: perturbed logits with each row's maximum subtracted (so the
        // tempered softmax needs no further shift), and each row's argmax.
        let mut shifted = vec![0.0; samples * k];
        let mut categories = vec![0usize; samples];
        for (row, z) in shifted.chunks_exact_mut(k).zip(categories.iter_mut()) {
            dist.perturb_to_slice(rng, row);
            *z = argmax(row).unwrap_or(0);
            let max = row.get(*z).copied().unwrap_or(0.0);
            row.iter_mut().for_each(|v| *v -= max);
        }

        let mut buf_a = vec![0.0; samples * k];
        let buf_b = vec![0.0; samples * k];
        let mut summary = Summariser::new(k, &exact);

        // τ-independent estimators: once.
        let mut fixed = Vec::with_capacity(4);
        for estimator in Estimator::ALL.into_iter().filter(|e| !e.depends_on_tau()) {
            let shift = match estimator {
                Estimator::ScoreFunctionBaseline => baseline,
                Estimator::ScoreFunctionOptimalBaseline => best_baseline,
                _ => 0.0,
            };
            for (out, &z) in buf_a.chunks_exact_mut(k).zip(&categories) {
                out.copy_from_slice(&probs);
                let fz = vertex_values.get(z).copied().unwrap_or(f64::NAN);
                if estimator == Estimator::StraightThrough {
                    straight_through(out, z, gradient);
                } else {
                    score_function(out, z, fz - shift);
                }
            }
            fixed.push((estimator, summary.summarise(&buf_a, f64::NAN)));
        }
        Ok(Self {
            taus: taus.to_vec(),
            k,
            objective: objective.clone(),
            exact,
            shifted,
            categories,
            buf_a,
            buf_b,
            fixed,
            gs_points: Vec::with_capacity(taus.len()),
            st_gs_points: Vec::with_capacity(taus.len()),
        })
    }

    /// Whether temperatures remain to be computed.
    pub fn pending(&self) -> bool {
        self.gs_points.len() < self.taus.len()
    }

    /// Computes the next temperatures, at least one, until `max_values` values (samples × k per
    /// temperature) are done; returns whether temperatures remain.
    pub fn advance(&mut self, max_values: usize) -> bool {
        let k = self.k;
        let gradient = self.objective.separable_gradient();
        let mut summary = Summariser::new(k, &self.exact);
        let mut done = 0usize;
        while let Some(&tau) = self.taus.get(self.gs_points.len()) {
            if done >= max_values.max(1) {
                break;
            }
            let relaxed = RelaxedPass {
                shifted: &self.shifted,
                categories: &self.categories,
                gradient,
                tau,
            };
            let (a, b) = (&mut self.buf_a, &mut self.buf_b);
            match k {
                2 => relaxed.fill(2, a, b),
                3 => relaxed.fill(3, a, b),
                4 => relaxed.fill(4, a, b),
                _ => relaxed.fill(k, a, b),
            }
            self.gs_points.push(summary.summarise(a, tau));
            self.st_gs_points.push(summary.summarise(b, tau));
            done = done.saturating_add(self.shifted.len());
        }
        self.pending()
    }

    /// The sweep: the temperatures not computed yet first, then every row.
    pub fn finish(mut self) -> Sweep {
        self.advance(usize::MAX);
        let taus = self.taus;
        let mut relaxed = [
            (Estimator::GumbelSoftmax, self.gs_points),
            (Estimator::StraightThroughGumbelSoftmax, self.st_gs_points),
        ]
        .into_iter();
        let mut fixed = self.fixed.into_iter();
        // In the order of Estimator::ALL.
        let rows: Vec<SweepRow> = Estimator::ALL
            .iter()
            .filter_map(|&estimator| {
                let points = if estimator.depends_on_tau() {
                    relaxed.next()?.1
                } else {
                    let (_, point) = fixed.next()?;
                    taus.iter()
                        .map(|&tau| SweepPoint {
                            tau,
                            ..point.clone()
                        })
                        .collect()
                };
                Some(SweepRow { estimator, points })
            })
            .collect();
        Sweep {
            taus,
            exact: self.exact,
            rows,
        }
    }
}

/// The per-τ work of the sweep: from the shared noise, the GS estimates into `soft_out` and the
/// ST-GS estimates into `hard_out` (both samples × k).
struct RelaxedPass<'a> {
    shifted: &'a [f64],
    categories: &'a [usize],
    gradient: SeparableGradient<'a>,
    tau: f64,
}

impl RelaxedPass<'_> {
    /// Inlined into each call so that a literal k (2, 3, 4) gives fixed-length inner loops the
    /// compiler unrolls.
    #[inline(always)]
    fn fill(&self, k: usize, soft_out: &mut [f64], hard_out: &mut [f64]) {
        let inv_tau = 1.0 / self.tau;
        for ((d, &z), (soft, hard)) in self.shifted.chunks_exact(k).zip(self.categories).zip(
            soft_out
                .chunks_exact_mut(k)
                .zip(hard_out.chunks_exact_mut(k)),
        ) {
            // y = softmax(d/τ); the row's maximum is exactly 0.
            soft.copy_from_slice(d);
            tempered_softmax(soft, 0.0, inv_tau);
            hard.copy_from_slice(soft);
            straight_through_gumbel_softmax(hard, z, self.tau, self.gradient);
            gumbel_softmax(soft, self.tau, self.gradient);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;

    #[test]
    fn a_sweep_in_steps_is_the_sweep_bit_for_bit() {
        let obj = Objective::SquaredDistance {
            target: vec![0.0, 1.0, 0.0, 0.0],
        };
        let logits = [0.3, -0.2, 0.8, 0.1];
        let taus = log_tau_grid(0.05, 5.0, 7);
        let whole = variance_sweep(&logits, &obj, &taus, 50, &mut Pcg64Mcg::seed_from_u64(9));
        for max_values in [0, 1, 200, 450] {
            let mut rng = Pcg64Mcg::seed_from_u64(9);
            let mut run = SweepRun::new(&logits, &obj, &taus, 50, &mut rng).unwrap();
            let mut steps = 0;
            while run.advance(max_values) {
                steps += 1;
            }
            assert!(!run.pending());
            // At least one temperature per step, at most as many as fit the values (200 each).
            let per_step = (max_values.div_ceil(200)).max(1);
            assert_eq!(steps + 1, taus.len().div_ceil(per_step), "{max_values}");
            assert_eq!(Ok(run.finish()), whole, "{max_values}");
        }
    }

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
        // Recompute every mean of the sweep from the same noise with the one-sample path,
        // summed as the summary sums (first estimate + mean difference to it): bit for bit.
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
            let mut firsts = [[0.0; 3]; 6];
            let mut sums = [[0.0; 3]; 6];
            for s in 0..samples {
                dist.perturb_to_slice(&mut rng, &mut perturbed);
                for (e, (first, sum)) in Estimator::ALL
                    .iter()
                    .zip(firsts.iter_mut().zip(sums.iter_mut()))
                {
                    e.estimate(&dist, &obj, &perturbed, &mut est).unwrap();
                    if s == 0 {
                        *first = est;
                    }
                    for ((acc, x), f) in sum.iter_mut().zip(&est).zip(first.iter()) {
                        *acc += x - f;
                    }
                }
            }
            assert_eq!(sweep.rows.len(), Estimator::ALL.len());
            for (row, (first, sum)) in sweep.rows.iter().zip(firsts.iter().zip(&sums)) {
                for ((m, f), s) in row.points[t].mean.iter().zip(first).zip(sum) {
                    assert_eq!(
                        m.to_bits(),
                        (f + s / samples as f64).to_bits(),
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
