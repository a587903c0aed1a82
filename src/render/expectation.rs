//! View 2b: E[y] of the Gumbel-Softmax sample beside π. For a non-uniform π, E[y] tends to π as
//! τ → 0 and to uniform as τ → ∞ (for a uniform π it is π at every τ); the whiskers (±2 SE of
//! the Monte Carlo mean) show whether a gap is real.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::bars::{draw_paired_bars, PairedBars};
use super::data::{ExpectationData, Theme};
use super::error::RenderError;
use super::text::{fmt_tau, words};

pub fn draw_expectation<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &ExpectationData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let whisker: Vec<f64> = data.std_err.iter().map(|s| 2.0 * s).collect();
    let words = words(theme);
    draw_paired_bars(
        area,
        theme,
        &PairedBars {
            reference: &data.probs,
            observed: &data.mean,
            whisker: &whisker,
            reference_label: words.class_probability(),
            observed_label: words.mean_two_se(),
            y_desc: &["π / E[yᵢ]"],
            notes: vec![fmt_tau(data.tau)],
        },
    )
}
