//! The explorer's state and the numbers behind every view, in plain Rust.
//!
//! The api layer holds one `Model`, forwards the page's settings to it and asks it for the
//! data of a view; the model computes from the math core and caches by input, so a view
//! whose inputs did not change costs nothing (a τ drag does not rerun the estimator sweep).

pub mod density;
pub mod draw;
pub mod sampling;
pub mod settings;
pub mod url;

use crate::math::cost::{speedup, PAPER_SPEEDUPS};
use crate::math::elementary::Portable;
use crate::math::raster::TriangleGrid;
use crate::math::stats::{chi_square_test, ChiSquare};
use crate::math::sweep::{log_tau_grid, variance_sweep, Sweep};
use crate::render::{
    AnnealingData, ComponentHistogramsData, CostData, EstimatorCurve, EstimatorsData,
    ExpectationData, Figure1Data, GumbelMaxData, SampleStripData, StraightThroughData,
};
use density::{binary_density, log_density_raster, projection, simplex_heatmap};
use sampling::{
    argmax, figure1, SampleSummary, Sampler, FIGURE1_SAMPLES, FIGURE1_TAUS, FIRST_PASS_VALUES,
    OVERLAY_SAMPLES, STRIP_SAMPLES,
};
pub use settings::{ModelError, ObjectiveKind, Settings};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// Temperatures of the estimator sweep: 40 values, log-spaced from 0.01 to 10.
pub const SWEEP_TAUS: usize = 40;
pub const SWEEP_TAU_MIN: f64 = 0.01;
pub const SWEEP_TAU_MAX: f64 = 10.0;
/// Samples per τ and estimator in the sweep.
pub const SWEEP_SAMPLES: usize = 2_000;
/// Offset that gives the sweep its own random stream, separate from the sample views'.
const SWEEP_STREAM: u64 = 0x9E37_79B9_7F4A_7C15;

/// The views of the page, each drawn onto its own canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    GumbelMax,
    Components,
    Expectation,
    Strip,
    Figure1,
    Density,
    StraightThrough,
    Estimators,
    Annealing,
    Cost,
}

impl View {
    pub const ALL: [View; 10] = [
        View::GumbelMax,
        View::Components,
        View::Expectation,
        View::Strip,
        View::Figure1,
        View::Density,
        View::StraightThrough,
        View::Estimators,
        View::Annealing,
        View::Cost,
    ];

    /// The name the page uses for the view (its canvas is `#view-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            View::GumbelMax => "gumbel-max",
            View::Components => "components",
            View::Expectation => "expectation",
            View::Strip => "strip",
            View::Figure1 => "figure1",
            View::Density => "density",
            View::StraightThrough => "straight-through",
            View::Estimators => "estimators",
            View::Annealing => "annealing",
            View::Cost => "cost",
        }
    }

    pub fn from_name(name: &str) -> Option<View> {
        View::ALL.iter().copied().find(|v| v.name() == name)
    }
}

/// What the density view shows for the current k.
#[derive(Clone, Debug)]
pub enum DensityView {
    Binary(crate::render::BinaryDensityData),
    Simplex(crate::render::SimplexHeatmapData),
    Projection(crate::render::ProjectionData),
}

/// What the Figure 1 panel depends on (its temperatures are fixed, so not τ).
#[derive(Clone, Debug, PartialEq)]
struct Figure1Key {
    logits: Vec<f64>,
    n: usize,
    seed: u64,
}

#[derive(Clone, Debug, PartialEq)]
struct SweepKey {
    logits: Vec<f64>,
    objective: Vec<f64>,
    kind: ObjectiveKind,
    seed: u64,
}

/// The explorer's state with its caches.
#[derive(Default)]
pub struct Model {
    settings: Settings,
    sampler: Sampler,
    figure1: Option<(Figure1Key, Figure1Data)>,
    sweep: Option<(SweepKey, Result<Sweep, ModelError>)>,
    raster: Vec<f64>,
    grid: TriangleGrid,
}

fn hash_f64s<H: Hasher>(h: &mut H, values: &[f64]) {
    for v in values {
        v.to_bits().hash(h);
    }
}

impl Model {
    pub fn new() -> Model {
        Model::default()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Changes settings through `f`; on error nothing changes.
    pub fn update<F>(&mut self, f: F) -> Result<(), ModelError>
    where
        F: FnOnce(&mut Settings) -> Result<(), ModelError>,
    {
        let mut next = self.settings.clone();
        f(&mut next)?;
        self.settings = next;
        Ok(())
    }

    /// Replaces every setting at once (used when a link is restored).
    pub fn replace_settings(&mut self, settings: Settings) {
        self.settings = settings;
    }

    /// A fingerprint of everything view `view` depends on: equal fingerprints draw equal
    /// pictures. Call [`prepare`](Self::prepare) first, so that the sample progress it includes
    /// is that of the current settings.
    pub fn inputs_fingerprint(&self, view: View) -> u64 {
        let s = &self.settings;
        let mut h = DefaultHasher::new();
        view.hash(&mut h);
        // Views that show only the first draws stop changing once those are in, so refining
        // a large N redraws only the views that summarise all draws.
        let n = self.sampler.summary().n;
        let dist_inputs = |h: &mut DefaultHasher, with_tau: bool, progress: u64| {
            hash_f64s(h, s.logits());
            if with_tau {
                s.tau().to_bits().hash(h);
            }
            s.samples().hash(h);
            s.seed().hash(h);
            progress.hash(h);
        };
        let first = |count: usize| n.min(count as u64);
        match view {
            View::Figure1 => {
                hash_f64s(&mut h, s.logits());
                s.samples().min(FIGURE1_SAMPLES).hash(&mut h);
                s.seed().hash(&mut h);
            }
            View::GumbelMax => dist_inputs(&mut h, false, n),
            View::Components | View::Expectation => dist_inputs(&mut h, true, n),
            View::Strip => dist_inputs(&mut h, true, first(STRIP_SAMPLES)),
            View::StraightThrough => dist_inputs(&mut h, true, first(1)),
            // k = 2 draws the histogram of all draws; k ≥ 3 overlays the first draws.
            View::Density if s.k() == 2 => dist_inputs(&mut h, true, n),
            View::Density => dist_inputs(&mut h, true, first(OVERLAY_SAMPLES)),
            View::Estimators => {
                hash_f64s(&mut h, s.logits());
                hash_f64s(&mut h, s.objective_values());
                (*s.objective_kind() == ObjectiveKind::Linear).hash(&mut h);
                s.seed().hash(&mut h);
                s.tau().to_bits().hash(&mut h);
            }
            View::Annealing => {
                let sch = s.schedule();
                hash_f64s(&mut h, &[sch.tau0, sch.rate, sch.tau_min]);
                sch.update_every.hash(&mut h);
                s.step().hash(&mut h);
            }
            View::Cost => {
                let c = s.cost();
                hash_f64s(&mut h, &[c.d, c.i, c.g]);
                c.k.hash(&mut h);
            }
        }
        h.finish()
    }

    /// Points the sampler at the current settings; new settings get a first pass of
    /// `FIRST_PASS_VALUES` values (all of the default N) before anything is drawn.
    pub fn prepare(&mut self) {
        let s = &self.settings;
        if self.sampler.target(s.dist(), s.samples(), s.seed()) {
            self.sampler.advance(s.dist(), FIRST_PASS_VALUES);
        }
    }

    /// The sample summary for the current settings (possibly still being refined).
    pub fn summary(&mut self) -> &SampleSummary {
        self.prepare();
        self.sampler.summary()
    }

    /// Adds up to `max_values` more values (draws × k) to the summary of a large N.
    /// Returns whether draws remain after this step.
    pub fn refine(&mut self, max_values: usize) -> bool {
        self.prepare();
        if self.sampler.summary().complete() {
            return false;
        }
        self.sampler.advance(self.settings.dist(), max_values)
    }

    /// Whether the summary has fewer draws than N.
    pub fn refining(&mut self) -> bool {
        !self.summary().complete()
    }

    /// Chi-square test of the Gumbel-Max counts against π.
    pub fn chi_square(&mut self) -> Option<ChiSquare> {
        let probs = self.settings.probs();
        let counts = self.summary().counts.clone();
        chi_square_test(&counts, &probs).ok()
    }

    pub fn gumbel_max_data(&mut self) -> GumbelMaxData {
        let probs = self.settings.probs();
        let p_value = self.chi_square().map(|c| c.p_value);
        let s = self.summary();
        GumbelMaxData {
            probs,
            counts: s.counts.clone(),
            n: s.n,
            p_value,
        }
    }

    pub fn components_data(&mut self) -> ComponentHistogramsData {
        let probs = self.settings.probs();
        let tau = self.settings.tau();
        let s = self.summary();
        ComponentHistogramsData {
            counts: s.component_hist.clone(),
            n: s.n,
            mean: s.mean.clone(),
            probs,
            tau,
        }
    }

    pub fn expectation_data(&mut self) -> ExpectationData {
        let probs = self.settings.probs();
        let tau = self.settings.tau();
        let s = self.summary();
        ExpectationData {
            probs,
            mean: s.mean.clone(),
            std_err: s.std_err.clone(),
            tau,
        }
    }

    pub fn strip_data(&mut self) -> SampleStripData {
        let tau = self.settings.tau();
        SampleStripData {
            samples: self.summary().strip.clone(),
            tau,
        }
    }

    pub fn straight_through_data(&mut self) -> StraightThroughData {
        let tau = self.settings.tau();
        let soft = self.summary().strip.first().cloned().unwrap_or_default();
        let chosen = argmax(&soft);
        let hard = (0..soft.len())
            .map(|i| if i == chosen { 1.0 } else { 0.0 })
            .collect();
        StraightThroughData {
            soft,
            hard,
            chosen,
            tau,
        }
    }

    pub fn figure1_data(&mut self) -> Figure1Data {
        let key = Figure1Key {
            logits: self.settings.logits().to_vec(),
            n: self.settings.samples().min(FIGURE1_SAMPLES),
            seed: self.settings.seed(),
        };
        if let Some((k, data)) = &self.figure1 {
            if *k == key {
                return data.clone();
            }
        }
        let (mean, sample) = figure1(self.settings.dist(), &FIGURE1_TAUS, key.n, key.seed);
        let data = Figure1Data {
            taus: FIGURE1_TAUS.to_vec(),
            mean,
            sample,
            probs: self.settings.probs(),
        };
        self.figure1 = Some((key, data.clone()));
        data
    }

    /// The density view; for k = 3 the raster is `width × height` pixels.
    pub fn density_view(&mut self, width: u32, height: u32) -> DensityView {
        let k = self.settings.k();
        let dist = self.settings.dist().clone();
        match k {
            2 => {
                let s = self.summary();
                let hist = s.component_hist.first().cloned().unwrap_or_default();
                let n = s.n;
                DensityView::Binary(binary_density(&dist, &hist, n))
            }
            3 => {
                let mut raster = std::mem::take(&mut self.raster);
                log_density_raster(&dist, width, height, &mut self.grid, &mut raster);
                let overlay = self.summary().overlay.clone();
                let data = simplex_heatmap(&dist, width, height, &overlay, raster);
                DensityView::Simplex(data)
            }
            _ => {
                let overlay = self.summary().overlay.clone();
                DensityView::Projection(projection(&dist, &overlay))
            }
        }
    }

    /// Gives the raster buffer back for reuse by the next heatmap.
    pub fn recycle_raster(&mut self, raster: Vec<f64>) {
        self.raster = raster;
    }

    /// The estimator sweep for the current π, objective and seed (independent of τ).
    pub fn sweep(&mut self) -> Result<&Sweep, ModelError> {
        let s = &self.settings;
        let key = SweepKey {
            logits: s.logits().to_vec(),
            objective: s.objective_values().to_vec(),
            kind: s.objective_kind().clone(),
            seed: s.seed(),
        };
        let fresh = matches!(&self.sweep, Some((k, _)) if *k == key);
        if !fresh {
            let taus = log_tau_grid(SWEEP_TAU_MIN, SWEEP_TAU_MAX, SWEEP_TAUS);
            let mut rng = sampling::stream(key.seed ^ SWEEP_STREAM);
            let result = variance_sweep(s.logits(), &s.objective(), &taus, SWEEP_SAMPLES, &mut rng)
                .map_err(ModelError::from);
            self.sweep = Some((key, result));
        }
        match &self.sweep {
            Some((_, Ok(sweep))) => Ok(sweep),
            Some((_, Err(e))) => Err(e.clone()),
            None => unreachable!("the sweep was just stored"),
        }
    }

    pub fn estimators_data(&mut self) -> Result<EstimatorsData, ModelError> {
        let current_tau = self.settings.tau();
        let sweep = self.sweep()?;
        let curves = sweep
            .rows
            .iter()
            .map(|row| EstimatorCurve {
                name: row.estimator.name().to_string(),
                bias: row.points.iter().map(|p| p.bias).collect(),
                bias_se: row.points.iter().map(|p| p.bias_se).collect(),
                variance: row.points.iter().map(|p| p.variance).collect(),
                variance_se: row.points.iter().map(|p| p.variance_se).collect(),
            })
            .collect();
        Ok(EstimatorsData {
            taus: sweep.taus.clone(),
            curves,
            current_tau,
            exact: sweep.exact.clone(),
        })
    }

    /// The last step the annealing view shows: far enough for τ to reach τ_min.
    pub fn annealing_horizon(&self) -> u64 {
        let sch = self.settings.schedule();
        let every = sch.update_every.max(1);
        let to_min = if sch.tau0 > sch.tau_min && sch.rate > 0.0 {
            1.5 * (sch.tau0 / sch.tau_min).portable_ln() / sch.rate
        } else {
            0.0
        };
        let steps = to_min.max(10.0 * every as f64).min(1e12);
        steps.ceil() as u64
    }

    /// τ of the schedule at the current step.
    pub fn annealed_tau(&self) -> f64 {
        self.settings.schedule().tau_at(self.settings.step())
    }

    pub fn annealing_data(&self) -> AnnealingData {
        let sch = self.settings.schedule();
        let horizon = self.annealing_horizon();
        let curve = sch
            .curve(horizon, 400)
            .into_iter()
            .map(|(t, tau)| (t as f64, tau))
            .collect();
        let step = self.settings.step();
        AnnealingData {
            curve,
            current_step: step as f64,
            current_tau: sch.tau_at(step),
            tau_min: sch.tau_min,
        }
    }

    /// Speed-up of one relaxed pass over marginalising all k classes, at the current costs.
    pub fn speedup(&self) -> Result<f64, ModelError> {
        let c = self.settings.cost();
        Ok(speedup(c.d, c.i, c.g, c.k as usize)?)
    }

    pub fn cost_data(&self) -> CostData {
        let c = self.settings.cost();
        // Whole k from 2 to 1000, log-spaced, each once.
        let mut ks: Vec<usize> = (0..200)
            .map(|j| (2.0 * 500f64.powf(j as f64 / 199.0)).round() as usize)
            .collect();
        ks.dedup();
        let curve = ks
            .into_iter()
            .filter_map(|k| speedup(c.d, c.i, c.g, k).ok().map(|s| (k as f64, s)))
            .collect();
        let paper = PAPER_SPEEDUPS.iter().map(|&(k, s)| (k as f64, s)).collect();
        let current = (c.k as f64, self.speedup().unwrap_or(f64::NAN));
        CostData {
            curve,
            paper,
            current,
        }
    }
}
