//! One training run of view 9, as the page drives it: the trainer advanced in time-boxed
//! slices (so the worker stays free to hear "pause"), its speed, and the numbers the page
//! shows from it (the figures' data, the data table's cells).
//!
//! Slicing never changes the result: the trainer gives bit-identical curves however its steps
//! are split, so a run is a function of its settings alone.

use super::vae_report::{estimator_name, run_sentence};
use crate::i18n::messages::reports;
use crate::i18n::Lang;
use crate::render::{DigitRow, VaeCurve, VaeCurvesData, VaeDigitsData};
use crate::vae::data::SIDE;
use crate::vae::{Estimator, VaeConfig, VaeError, VaeTrainer, ESTIMATORS, RECORD_EVERY};

/// Test digits shown with their reconstructions: the first test image of each of these labels.
const SHOWN_LABELS: [u8; 8] = [0, 1, 2, 3, 4, 5, 6, 7];
/// Samples drawn from each model's prior.
const PRIOR_SAMPLES: usize = 8;
/// Mixed into the run's seed for the prior samples' codes, so they are fixed for a run but
/// independent of the training noise.
const PRIOR_SEED_MIX: u64 = 0x9E37_79B9_7F4A_7C15;
/// Chunks are sized to take about this share of a slice's time budget.
const CHUNK_SHARE: f64 = 0.25;

/// A run: the trainer, the reference score and what the page shows.
#[derive(Clone, Debug)]
pub struct VaeRun {
    trainer: VaeTrainer,
    reference: f64,
    shown: Vec<usize>,
    chunk: u64,
    timed_steps: u64,
    timed_ms: f64,
    /// The language of the words the figures' data and the table carry.
    lang: Lang,
}

impl VaeRun {
    /// A run of `config` at step 0.
    ///
    /// # Errors
    /// The trainer's [`VaeError`] for a setting out of range.
    pub fn new(config: VaeConfig) -> Result<Self, VaeError> {
        let trainer = VaeTrainer::new(config)?;
        let data = trainer.data();
        let train = data.train_len();
        let shown = SHOWN_LABELS
            .iter()
            .filter_map(|&label| {
                (0..data.test_len()).find(|&i| data.label(train + i) == Some(label))
            })
            .collect();
        let (reference, _) = trainer.independent_pixel_scores();
        Ok(Self {
            trainer,
            reference,
            shown,
            chunk: 1,
            timed_steps: 0,
            timed_ms: 0.0,
            lang: Lang::En,
        })
    }

    /// Words the figures' data, the table's names and the run's sentence in `lang` from now on.
    pub fn set_language(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// The language of the run's words.
    pub fn language(&self) -> Lang {
        self.lang
    }

    /// The sentence that reads the run, in the run's language.
    pub fn sentence(&self) -> String {
        run_sentence(&self.trainer, self.reference, self.lang)
    }

    /// The trainer (its history, models and settings).
    pub fn trainer(&self) -> &VaeTrainer {
        &self.trainer
    }

    /// The independent-pixel model's test score, in nats per image.
    pub fn reference(&self) -> f64 {
        self.reference
    }

    /// Trains towards step `until` for about `budget_ms` milliseconds by the clock `now`
    /// (milliseconds), in chunks sized from the speed so far; returns the steps taken. At least
    /// one step is taken unless `until` is reached already.
    pub fn train_slice(&mut self, until: u64, budget_ms: f64, now: &mut dyn FnMut() -> f64) -> u64 {
        let start = now();
        let mut taken = 0;
        while self.trainer.steps() < until {
            let chunk = self.chunk.min(until - self.trainer.steps());
            let t0 = now();
            self.trainer.step(chunk);
            let t1 = now();
            taken += chunk;
            self.timed_steps += chunk;
            self.timed_ms += (t1 - t0).max(0.0);
            let per_step = self.timed_ms / self.timed_steps as f64;
            if per_step > 0.0 && per_step.is_finite() {
                let target = (budget_ms * CHUNK_SHARE / per_step).clamp(1.0, RECORD_EVERY as f64);
                self.chunk = target as u64;
            }
            if t1 - start >= budget_ms {
                break;
            }
        }
        taken
    }

    /// Steps per second of each model (the three train side by side, evaluation included),
    /// over all the slices so far; NaN before the first.
    pub fn steps_per_second(&self) -> f64 {
        if self.timed_ms > 0.0 {
            self.timed_steps as f64 / self.timed_ms * 1000.0
        } else {
            f64::NAN
        }
    }

    /// Records every model has (one per [`RECORD_EVERY`] steps).
    pub fn records(&self) -> usize {
        ESTIMATORS
            .iter()
            .map(|&e| self.trainer.history(e).len())
            .min()
            .unwrap_or(0)
    }

    /// The data table's cells from record `from` on: per record step, one row per estimator
    /// (name, step, train −ELBO, test −ELBO), four cells a row.
    pub fn table_cells(&self, from: usize) -> Vec<String> {
        let mut cells = Vec::new();
        for r in from..self.records() {
            for e in ESTIMATORS {
                if let Some(record) = self.trainer.history(e).get(r) {
                    cells.push(estimator_name(e, self.lang));
                    cells.push(record.step.to_string());
                    cells.push(format!("{:.3}", record.train_neg_elbo));
                    cells.push(format!("{:.3}", record.test_neg_elbo));
                }
            }
        }
        cells
    }

    /// The learning curves' data; the step axis reaches at least `horizon`.
    pub fn curves(&self, horizon: f64) -> VaeCurvesData {
        let w = reports(self.lang);
        let curves = ESTIMATORS
            .iter()
            .map(|&e| {
                let history = self.trainer.history(e);
                VaeCurve {
                    name: estimator_name(e, self.lang),
                    steps: history.iter().map(|r| r.step as f64).collect(),
                    train: history.iter().map(|r| r.train_neg_elbo).collect(),
                    test: history.iter().map(|r| r.test_neg_elbo).collect(),
                }
            })
            .collect();
        VaeCurvesData {
            curves,
            reference: self.reference,
            step: self.trainer.steps() as f64,
            tau: self.trainer.tau(),
            horizon,
            waiting: w.vae_waiting(RECORD_EVERY),
        }
    }

    /// The digits' data: the shown test digits and each model's reconstructions of them, and
    /// each model's samples from its prior.
    pub fn digits(&self) -> VaeDigitsData {
        let w = reports(self.lang);
        let data = self.trainer.data();
        let originals = self
            .shown
            .iter()
            .filter_map(|&i| data.test_image(i).map(<[f32]>::to_vec))
            .collect();
        let mut left = vec![DigitRow {
            label: w.vae_test_digit(),
            images: originals,
        }];
        // The shown indices come from the test set itself, so this cannot fail.
        if let Ok(models) = self.trainer.reconstructions(&self.shown) {
            left.extend(
                models
                    .into_iter()
                    .map(|m| row(m.estimator, m.images, self.lang)),
            );
        }
        let seed = self.trainer.config().seed ^ PRIOR_SEED_MIX;
        let right = self
            .trainer
            .prior_samples(PRIOR_SAMPLES, seed)
            .into_iter()
            .map(|m| row(m.estimator, m.images, self.lang))
            .collect();
        VaeDigitsData {
            side: SIDE,
            left_title: w.vae_left_title(),
            left,
            right_title: w.vae_right_title(),
            right,
        }
    }
}

fn row(estimator: Estimator, images: Vec<Vec<f32>>, lang: Lang) -> DigitRow {
    DigitRow {
        label: estimator_name(estimator, lang),
        images,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_reach_the_goal_exactly_and_match_one_long_run() {
        let mut sliced = VaeRun::new(VaeConfig::small()).unwrap();
        let mut clock = 0.0;
        // A fake clock: every reading advances by 1 ms, so slices of 5 ms are a few chunks.
        let mut now = || {
            clock += 1.0;
            clock
        };
        let mut slices = 0;
        while sliced.trainer().steps() < 250 {
            assert!(sliced.train_slice(250, 5.0, &mut now) >= 1);
            slices += 1;
        }
        assert!(slices > 1, "one slice did everything");
        assert_eq!(sliced.trainer().steps(), 250);
        assert_eq!(sliced.train_slice(250, 5.0, &mut now), 0);
        let mut whole = VaeTrainer::new(VaeConfig::small()).unwrap();
        whole.step(250);
        assert_eq!(sliced.trainer().table(), whole.table());
        assert!(sliced.steps_per_second() > 0.0);
    }

    #[test]
    fn the_table_lists_every_estimator_at_every_record() {
        let mut run = VaeRun::new(VaeConfig::small()).unwrap();
        assert_eq!(run.records(), 0);
        assert!(run.table_cells(0).is_empty());
        run.train_slice(200, f64::INFINITY, &mut || 0.0);
        assert_eq!(run.records(), 2);
        let cells = run.table_cells(0);
        assert_eq!(cells.len(), 2 * ESTIMATORS.len() * 4);
        let names: Vec<&str> = cells.iter().step_by(4).map(String::as_str).collect();
        assert_eq!(
            names,
            ["GS", "ST-GS", "SF+baseline", "GS", "ST-GS", "SF+baseline"]
        );
        let steps: Vec<&str> = cells
            .iter()
            .skip(1)
            .step_by(4)
            .map(String::as_str)
            .collect();
        assert_eq!(steps, ["100", "100", "100", "200", "200", "200"]);
        for number in cells
            .iter()
            .skip(2)
            .step_by(4)
            .chain(cells.iter().skip(3).step_by(4))
        {
            assert!(number.parse::<f64>().is_ok_and(f64::is_finite), "{number}");
        }
        assert_eq!(run.table_cells(1), cells[12..].to_vec());
    }

    #[test]
    fn figures_show_eight_labelled_digits_and_every_model() {
        let run = VaeRun::new(VaeConfig::small()).unwrap();
        let digits = run.digits();
        assert_eq!(digits.left.len(), 1 + ESTIMATORS.len());
        assert_eq!(digits.right.len(), ESTIMATORS.len());
        for row in digits.left.iter().chain(&digits.right) {
            assert_eq!(row.images.len(), 8, "{}", row.label);
            assert!(row.images.iter().all(|im| im.len() == SIDE * SIDE));
        }
        // The originals are the first test images of the digits 0 to 7, in that order.
        let data = run.trainer().data();
        let labels: Vec<u8> = run
            .shown
            .iter()
            .filter_map(|&i| data.label(data.train_len() + i))
            .collect();
        assert_eq!(labels, SHOWN_LABELS);
        let curves = run.curves(2000.0);
        assert_eq!(curves.curves.len(), ESTIMATORS.len());
        assert!(
            (curves.reference - 24.59).abs() < 0.01,
            "{}",
            curves.reference
        );
        assert!(curves.curves.iter().all(|c| c.steps.is_empty()));
    }
}
