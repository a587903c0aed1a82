//! The tables of the two curve views: the annealing schedule's τ along the training steps,
//! and the semi-supervised speed-up along k with the paper's measurements.

use super::tables::Table;
use super::Model;

/// Rows of the schedule in the annealing table (evenly spaced steps, both ends included).
pub const SCHEDULE_ROWS: usize = 41;

impl Model {
    /// τ at evenly spaced steps up to the figure's horizon (`point` = "schedule"), then at
    /// the current step (`point` = "current").
    pub(super) fn annealing_table(&self) -> Table {
        let sch = self.settings.schedule();
        let mut t = Table::new(&["step", "tau", "point"]);
        for (step, tau) in sch.curve(self.annealing_horizon(), SCHEDULE_ROWS) {
            t.push(vec![step.into(), tau.into(), "schedule".into()]);
        }
        let step = self.settings.step();
        t.push(vec![step.into(), sch.tau_at(step).into(), "current".into()]);
        t
    }

    /// The speed-up curve the figure draws (`source` = "formula"), the paper's measurements
    /// ("paper") and the current k ("current").
    pub(super) fn cost_table(&self) -> Table {
        let d = self.cost_data();
        let mut t = Table::new(&["k", "speedup", "source"]);
        let rows = d
            .curve
            .iter()
            .map(|p| (p, "formula"))
            .chain(d.paper.iter().map(|p| (p, "paper")))
            .chain([(&d.current, "current")]);
        for (&(k, s), source) in rows {
            t.push(vec![
                (k.max(0.0).round() as u64).into(),
                s.into(),
                source.into(),
            ]);
        }
        t
    }
}
