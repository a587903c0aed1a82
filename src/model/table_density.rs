//! The table of the density view, whichever picture the current k calls for: the k = 2
//! histogram beside the exact density, the k = 3 log density on a grid over the triangle, or
//! the k > 3 projection summarised per class.

use super::density::{binary_density, projection};
use super::tables::{class_columns, Cell, Table};
use super::Model;
use crate::math::density::binary_cdf;

/// The k = 3 grid: the points (i, j, l)/`TRIANGLE_STEPS` with i, j, l ≥ 1 (36 points), an even
/// sample of the open triangle that the heatmap colours.
pub const TRIANGLE_STEPS: usize = 10;

impl Model {
    pub(super) fn density_table(&mut self) -> Table {
        match self.settings.k() {
            2 => self.binary_density_table(),
            3 => self.triangle_density_table(),
            _ => self.projection_table(),
        }
    }

    /// Per bin of y₁: the histogram as a density, and the exact density's mean over the bin,
    /// (F(to) − F(from)) / (to − from) from the closed-form CDF: what the histogram estimates.
    fn binary_density_table(&mut self) -> Table {
        let dist = self.settings.dist().clone();
        let s = self.summary();
        let hist = s.component_hist.first().cloned().unwrap_or_default();
        let data = binary_density(&dist, &hist, s.n);
        let logits = dist.logits();
        let diff = logits.first().copied().unwrap_or(0.0) - logits.get(1).copied().unwrap_or(0.0);
        let tau = dist.tau();
        let bins = data.hist_density.len();
        let mut t = Table::new(&[
            "tau",
            "y1_from",
            "y1_to",
            "sampled_density",
            "exact_density",
        ]);
        for (b, &sampled) in data.hist_density.iter().enumerate() {
            let (from, to) = (b as f64 / bins as f64, (b + 1) as f64 / bins as f64);
            let exact = (binary_cdf(to, diff, tau) - binary_cdf(from, diff, tau)) / (to - from);
            let sampled = if s.n > 0 { sampled } else { f64::NAN };
            t.push(vec![
                tau.into(),
                from.into(),
                to.into(),
                sampled.into(),
                exact.into(),
            ]);
        }
        t
    }

    /// ln p at the grid points of the open triangle.
    fn triangle_density_table(&mut self) -> Table {
        let dist = self.settings.dist();
        let mut headers = vec!["tau".to_string()];
        headers.extend(class_columns("y", 3));
        headers.push("log_density".to_string());
        let mut t = Table::new(&headers);
        let n = TRIANGLE_STEPS;
        for i in 1..n {
            for j in 1..n - i {
                let l = n - i - j;
                let y = [i, j, l].map(|c| c as f64 / n as f64);
                let log_p = dist.log_density(&y).unwrap_or(f64::NAN);
                let mut row: Vec<Cell> = vec![dist.tau().into()];
                row.extend(y.iter().map(|&v| Cell::from(v)));
                row.push(log_p.into());
                t.push(row);
            }
        }
        t
    }

    /// Per class: its vertex of the polygon, how many drawn samples have it as argmax, and
    /// the centre (mean position) of those samples.
    fn projection_table(&mut self) -> Table {
        let dist = self.settings.dist().clone();
        let overlay = self.summary().overlay.clone();
        let data = projection(&dist, &overlay);
        let mut t = Table::new(&[
            "tau", "class", "vertex_x", "vertex_y", "points", "centre_x", "centre_y",
        ]);
        for (c, &(vx, vy)) in data.vertices.iter().enumerate() {
            let (mut sx, mut sy, mut count) = (0.0, 0.0, 0u64);
            for (&(x, y), _) in data
                .points
                .iter()
                .zip(&data.classes)
                .filter(|(_, &class)| class == c)
            {
                sx += x;
                sy += y;
                count += 1;
            }
            let centre = |s: f64| {
                if count > 0 {
                    s / count as f64
                } else {
                    f64::NAN
                }
            };
            t.push(vec![
                data.tau.into(),
                (c as u64 + 1).into(),
                snap(vx).into(),
                snap(vy).into(),
                count.into(),
                centre(sx).into(),
                centre(sy).into(),
            ]);
        }
        t
    }
}

/// A vertex coordinate with the rounding residue of cos(π/2) and its kind (about 1e-16) written
/// as the 0 it stands for.
fn snap(v: f64) -> f64 {
    if v.abs() < 1e-12 {
        0.0
    } else {
        v
    }
}
