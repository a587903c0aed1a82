//! The tables of the sample views (Gumbel-Max, component histograms, E[y], the strip, the
//! straight-through pass and the Figure 1 panel), built from the very data their figures draw.

use super::tables::{Cell, Table};
use super::Model;

impl Model {
    /// Per class: π, the argmax count and frequency, and the frequency's standard error.
    pub(super) fn gumbel_max_table(&mut self) -> Table {
        let d = self.gumbel_max_data();
        let mut t = Table::new(&["class", "pi", "count", "frequency", "frequency_se"]);
        let n = d.n as f64;
        for (i, &p) in d.probs.iter().enumerate() {
            let count = d.counts.get(i).copied().unwrap_or(0);
            let frequency = if d.n > 0 { count as f64 / n } else { f64::NAN };
            let se = d.std_err.get(i).copied().unwrap_or(f64::NAN);
            t.push(vec![
                (i as u64 + 1).into(),
                p.into(),
                count.into(),
                frequency.into(),
                se.into(),
            ]);
        }
        t
    }

    /// Per bin of [0, 1]: the fraction of the samples whose component yᵢ falls in it.
    pub(super) fn components_table(&mut self) -> Table {
        let d = self.components_data();
        let k = d.counts.len();
        let mut t = Table::with_classes(&["bin_from", "bin_to"], "fraction_y", k);
        let bins = d.counts.iter().map(Vec::len).max().unwrap_or(0);
        let n = d.n as f64;
        for b in 0..bins {
            let mut row: Vec<Cell> = vec![
                (b as f64 / bins as f64).into(),
                ((b + 1) as f64 / bins as f64).into(),
            ];
            for hist in &d.counts {
                let c = hist.get(b).copied().unwrap_or(0);
                row.push(if d.n > 0 { c as f64 / n } else { f64::NAN }.into());
            }
            t.push(row);
        }
        t
    }

    /// Per class: τ, π, the sample mean of yᵢ and its standard error.
    pub(super) fn expectation_table(&mut self) -> Table {
        let d = self.expectation_data();
        let mut t = Table::new(&["class", "tau", "pi", "mean_y", "mean_y_se"]);
        for (i, &p) in d.probs.iter().enumerate() {
            let at = |v: &[f64]| v.get(i).copied().unwrap_or(f64::NAN);
            t.push(vec![
                (i as u64 + 1).into(),
                d.tau.into(),
                p.into(),
                at(&d.mean).into(),
                at(&d.std_err).into(),
            ]);
        }
        t
    }

    /// The first samples y, one row each.
    pub(super) fn strip_table(&mut self) -> Table {
        let d = self.strip_data();
        let k = self.settings.k();
        let mut t = Table::with_classes(&["sample", "tau"], "y", k);
        for (s, y) in d.samples.iter().enumerate() {
            let mut row: Vec<Cell> = vec![(s as u64 + 1).into(), d.tau.into()];
            row.extend(y.iter().map(|&v| Cell::from(v)));
            t.push(row);
        }
        t
    }

    /// Per class: the one draw's soft y and its forward value z.
    pub(super) fn straight_through_table(&mut self) -> Table {
        let d = self.straight_through_data();
        let mut t = Table::new(&["class", "tau", "soft_y", "forward_z"]);
        for (i, &y) in d.soft.iter().enumerate() {
            let z = d.hard.get(i).copied().unwrap_or(f64::NAN);
            t.push(vec![
                (i as u64 + 1).into(),
                d.tau.into(),
                y.into(),
                z.into(),
            ]);
        }
        t
    }

    /// Per temperature and class: π, the estimated E[yᵢ] and the one sample shown.
    pub(super) fn figure1_table(&mut self) -> Table {
        let d = self.figure1_data();
        let mut t = Table::new(&["tau", "class", "pi", "mean_y", "sample_y"]);
        for (j, &tau) in d.taus.iter().enumerate() {
            let mean = d.mean.get(j).map_or(&[][..], Vec::as_slice);
            let sample = d.sample.get(j).map_or(&[][..], Vec::as_slice);
            for (i, &p) in d.probs.iter().enumerate() {
                let at = |v: &[f64]| v.get(i).copied().unwrap_or(f64::NAN);
                t.push(vec![
                    tau.into(),
                    (i as u64 + 1).into(),
                    p.into(),
                    at(mean).into(),
                    at(sample).into(),
                ]);
            }
        }
        t
    }
}
