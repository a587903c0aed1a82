//! The numbers behind view 8 and its table: the run's record turned into the figure's curves
//! (with the run's current state as the last point), the optimum they are measured against, the
//! k = 3 background, and one table row per estimator.

use super::density::colour_range;
use super::tables::word;
use super::training::Run;
use super::{Model, ModelError};
use crate::format::{self, subscript};
use crate::i18n::Lang;
use crate::math::gumbel::argmax;
use crate::math::objective::Objective;
use crate::math::simplex::{barycentric_to_xy, TRIANGLE_VERTICES};
use crate::math::training::Goal;
use crate::render::{SimplexHeatmapData, TrainingCurve, TrainingData, Trajectory};

/// The class whose vertex is optimal (all mass on it): the smallest f(eᵢ) when minimising,
/// the largest when maximising (the first on ties).
pub fn best_class(objective: &Objective, goal: Goal, k: usize) -> usize {
    let sign = match goal {
        Goal::Minimise => -1.0,
        Goal::Maximise => 1.0,
    };
    let values: Vec<f64> = (0..k)
        .map(|i| sign * objective.value_at_vertex(i))
        .collect();
    argmax(&values).unwrap_or(0)
}

/// The training table's header cells, in order.
pub const TABLE_HEADER: [&str; 4] = ["estimator", "step", "pi", "objective"];

/// One row of the training table: the estimator, the step, π and the exact objective there.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingRow {
    pub estimator: String,
    pub step: u64,
    pub probs: Vec<f64>,
    pub objective: f64,
}

impl TrainingRow {
    /// The row's cells as the page's table shows them: π joined by ";", numbers exactly.
    pub fn cells(&self) -> [String; 4] {
        let pi: Vec<String> = self
            .probs
            .iter()
            .map(|p| format::exact(*p).to_string())
            .collect();
        [
            self.estimator.clone(),
            self.step.to_string(),
            pi.join(";"),
            format::exact(self.objective).to_string(),
        ]
    }
}

impl Model {
    /// One row per estimator at the step the run stands at.
    ///
    /// # Errors
    /// As [`training_run`](Self::training_run).
    pub fn training_rows(&mut self) -> Result<Vec<TrainingRow>, ModelError> {
        let lang = self.lang;
        let run = self.training_run()?;
        let t = &run.training;
        let objective = &t.setup().objective;
        Ok(t.learners()
            .iter()
            .map(|l| TrainingRow {
                estimator: word(l.trainer().name(), lang),
                step: t.step(),
                probs: l.probs(),
                objective: l.objective_value(objective),
            })
            .collect())
    }

    /// The figure's data; for k = 3 the background raster is `raster` = (width, height) pixels.
    ///
    /// # Errors
    /// As [`training_run`](Self::training_run).
    pub fn training_data(&mut self, raster: (u32, u32)) -> Result<TrainingData, ModelError> {
        let k = self.settings.k();
        let lang = self.lang;
        let heatmap = if k == 3 {
            Some(self.training_heatmap(raster))
        } else {
            None
        };
        let run = self.training_run()?;
        let setup = run.training.setup();
        let best = best_class(&setup.objective, setup.goal, k);
        let optimum_objective = setup.objective.value_at_vertex(best);
        let (steps, mut curves) = curves(run, k, best, lang);
        let trajectory = match heatmap {
            Some(heatmap) => Trajectory::Triangle {
                heatmap: Box::new(heatmap),
                optimum: TRIANGLE_VERTICES[best.min(2)],
            },
            None if k == 2 => Trajectory::FirstClass {
                optimum: if best == 0 { 1.0 } else { 0.0 },
            },
            None => Trajectory::BestClass { class: best },
        };
        if k == 3 {
            for c in &mut curves {
                c.tracked.clear();
            }
        }
        Ok(TrainingData {
            steps,
            curves,
            trajectory,
            optimum_objective,
            step: run.training.step() as f64,
            tau: run.training.tau(),
        })
    }

    /// The cached background's key when it is the one for `size` at the page's π and τ.
    fn heatmap_key(&self, (width, height): (u32, u32)) -> (Vec<u64>, bool) {
        let dist = self.settings.dist();
        let mut key: Vec<u64> = dist.logits().iter().map(|l| l.to_bits()).collect();
        key.extend([dist.tau().to_bits(), width.into(), height.into()]);
        let cached = matches!(&self.training.heatmap, Some((c, _)) if *c == key);
        (key, cached)
    }

    /// One step towards the k = 3 background at `size` before the view is drawn: the grid's
    /// buffer, the raster's, then up to `max_pixels` of whole rows a step (model::raster_bands).
    /// Returns whether steps remain; false at once when it is cached or k is not 3.
    pub fn prepare_training(&mut self, size: (u32, u32), max_pixels: usize) -> bool {
        let dist = self.settings.dist().clone();
        if dist.k() != 3 || size.0 == 0 || size.1 == 0 || self.heatmap_key(size).1 {
            return false;
        }
        let (bands, raster) = (&mut self.training.bands, &mut self.training.raster);
        bands.aim(&dist, size, raster, true) || bands.advance(&dist, max_pixels, raster)
    }

    /// The density heatmap of relaxed samples at the page's π and τ (view 3's picture), cached
    /// by what it depends on; its rows prepared so far are kept.
    fn training_heatmap(&mut self, (width, height): (u32, u32)) -> SimplexHeatmapData {
        let dist = self.settings.dist().clone();
        let (key, cached) = self.heatmap_key((width, height));
        if let (true, Some((_, data))) = (cached, &self.training.heatmap) {
            return data.clone();
        }
        let mut values = std::mem::take(&mut self.training.raster);
        let bands = &mut self.training.bands;
        bands.aim(&dist, (width, height), &mut values, false);
        while bands.advance(&dist, usize::MAX, &mut values) {}
        let (lo, hi) = colour_range(&values);
        let labels = [1, 2, 3].map(|i| format!("e{}", subscript(i)));
        let data = SimplexHeatmapData {
            vertices: TRIANGLE_VERTICES,
            width,
            height,
            log_density: values,
            scaled_to: None,
            lo,
            hi,
            points: Vec::new(),
            labels,
            tau: dist.tau(),
        };
        self.training.heatmap = Some((key, data.clone()));
        data
    }
}

/// The recorded steps and every learner's curve, with the run's current state appended when
/// the record has not kept it.
fn curves(run: &Run, k: usize, best: usize, lang: Lang) -> (Vec<f64>, Vec<TrainingCurve>) {
    let t = &run.training;
    let objective = &t.setup().objective;
    let history = &run.history;
    let mut steps: Vec<f64> = history.steps().iter().map(|&s| s as f64).collect();
    let current = history.steps().last() != Some(&t.step());
    if current {
        steps.push(t.step() as f64);
    }
    let tracked_class = if k == 2 { 0 } else { best };
    let curves = t
        .learners()
        .iter()
        .zip(history.tracks())
        .map(|(learner, track)| {
            let mut probs: Vec<&[f64]> = track.probs.chunks(k.max(1)).collect();
            let now = learner.probs();
            let mut objective_values = track.objective.clone();
            let mut variance = track.variance.clone();
            if current {
                probs.push(&now);
                objective_values.push(learner.objective_value(objective));
                variance.push(learner.gradient_variance());
            }
            TrainingCurve {
                name: word(learner.trainer().name(), lang),
                objective: objective_values,
                tracked: probs
                    .iter()
                    .map(|p| p.get(tracked_class).copied().unwrap_or(f64::NAN))
                    .collect(),
                path: if k == 3 {
                    probs
                        .iter()
                        .map(|p| match p {
                            [a, b, c] => barycentric_to_xy([*a, *b, *c]),
                            _ => (f64::NAN, f64::NAN),
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                variance,
            }
        })
        .collect();
    (steps, curves)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heatmap(m: &mut Model, size: (u32, u32)) -> Vec<u64> {
        match m.training_data(size).unwrap().trajectory {
            Trajectory::Triangle { heatmap, .. } => {
                assert_eq!((heatmap.width, heatmap.height), size);
                heatmap.log_density.iter().map(|v| v.to_bits()).collect()
            }
            other => panic!("k = 3 draws a triangle, got {other:?}"),
        }
    }

    fn at_tau(m: &mut Model, tau: f64) {
        m.update(|s| s.set_tau(tau)).unwrap();
    }

    #[test]
    fn a_background_prepared_in_steps_equals_one_computed_at_once() {
        use crate::math::raster::TriangleGrid;
        use crate::model::density::log_density_raster;
        let size = (301, 260);
        let mut m = Model::new();
        let mut steps = 0;
        while m.prepare_training(size, 10_000) {
            steps += 1;
            assert!(steps < 1_000, "the preparation never ends");
        }
        assert!(steps > 4, "prepared in {steps} steps");
        let mut want = Vec::new();
        let mut grid = TriangleGrid::default();
        log_density_raster(m.settings().dist(), size.0, size.1, &mut grid, &mut want);
        let want: Vec<u64> = want.iter().map(|v| v.to_bits()).collect();
        assert_eq!(heatmap(&mut m, size), want);
        assert!(
            !m.prepare_training(size, 10_000),
            "a cached background prepared again"
        );
        m.update(|s| s.set_k(4)).unwrap();
        assert!(
            !m.prepare_training(size, 10_000),
            "a background prepared for k = 4"
        );
    }

    #[test]
    fn the_kept_pixel_grid_gives_the_heatmap_a_fresh_model_gives() {
        let mut m = Model::new();
        heatmap(&mut m, (120, 90));
        // τ changes at the same size (the grid is kept), then the size changes (it is rebuilt).
        for (tau, size) in [
            (1.7, (120, 90)),
            (0.3, (120, 90)),
            (0.3, (64, 40)),
            (2.5, (120, 90)),
        ] {
            at_tau(&mut m, tau);
            let mut fresh = Model::new();
            at_tau(&mut fresh, tau);
            assert_eq!(
                heatmap(&mut m, size),
                heatmap(&mut fresh, size),
                "τ = {tau}, {size:?}"
            );
        }
    }
}
