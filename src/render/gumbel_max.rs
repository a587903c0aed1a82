//! View 1, the Gumbel-Max trick: for each class, π beside the observed frequency of argmax
//! (with a ±2 standard-error whisker), and the chi-square p-value when the model supplies one.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::bars::{draw_paired_bars, PairedBars};
use super::data::{GumbelMaxData, Theme};
use super::error::RenderError;
use super::text::words;
use crate::format;

pub fn draw_gumbel_max<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &GumbelMaxData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let k = data.probs.len().max(data.counts.len());
    let n = data.n as f64;
    // Frequencies only exist once something was drawn; missing counts stay NaN (no bar).
    let freq: Vec<f64> = (0..k)
        .map(|i| match data.counts.get(i) {
            Some(&c) if data.n > 0 => c as f64 / n,
            _ => f64::NAN,
        })
        .collect();
    let whisker: Vec<f64> = data.std_err.iter().map(|s| 2.0 * s).collect();
    let words = words(theme);
    let mut notes = Vec::new();
    if let Some(p) = data.p_value.filter(|p| p.is_finite()) {
        notes.push(format_p(p));
    }
    notes.push(if data.n > 0 {
        format!("n = {}", format::count(data.n))
    } else {
        words.no_draws_note().to_string()
    });
    draw_paired_bars(
        area,
        theme,
        &PairedBars {
            reference: &data.probs,
            observed: &freq,
            whisker: &whisker,
            reference_label: words.class_probability(),
            observed_label: words.argmax_two_se(),
            y_desc: words.probability_axis(),
            notes,
        },
    )
}

/// "χ² p = 0.43"; very small p-values as a bound, since their digits mean nothing.
fn format_p(p: f64) -> String {
    if p < 0.001 {
        "χ² p < 0.001".to_string()
    } else if p < 0.01 {
        format!("χ² p = {p:.3}")
    } else {
        format!("χ² p = {:.2}", p.min(1.0))
    }
}
