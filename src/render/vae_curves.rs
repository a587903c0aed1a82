//! View 9, the learning curves: each estimator's train and test −ELBO against training steps,
//! with the independent-pixel score as the line every curve should cross.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::Theme;
use super::error::RenderError;
use super::frame::{local, message, start_figure, sub_area};
use super::marks::{header_strip, marker, polyline, Dash, LegendEntry, Marker, Swatch};
use super::palette::class_colour;
use super::ranges::{finite_max, finite_min, linear_range};
use super::step_chart::step_chart;
use super::text::{text, words};
use super::theme::{px, small_font, stroke, SUBTLE, TEXT};
use crate::format;

/// One estimator's recorded curve: the −ELBO in nats per image at each recorded step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VaeCurve {
    /// The estimator's name as the page writes it (`GS`, `ST-GS`, `SF+baseline`).
    pub name: String,
    /// Training steps of the records.
    pub steps: Vec<f64>,
    /// Mean minibatch −ELBO over the steps before each record, as trained.
    pub train: Vec<f64>,
    /// Test −ELBO with hard samples at each record.
    pub test: Vec<f64>,
}

/// What the curves figure draws.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VaeCurvesData {
    /// One curve per estimator, in the order of the legend.
    pub curves: Vec<VaeCurve>,
    /// The independent-pixel model's test score (the reference line), in nats per image.
    pub reference: f64,
    /// Steps taken so far.
    pub step: f64,
    /// The temperature of the next step.
    pub tau: f64,
    /// The right end of the step axis (the step a run is heading for, or further).
    pub horizon: f64,
    /// Said in the plot while there is no record yet.
    pub waiting: String,
}

/// The marker of curve `i`, so curves differ by shape as well as by colour.
fn curve_marker(i: usize) -> Marker {
    [Marker::Circle, Marker::Square, Marker::Triangle][i % 3]
}

pub fn draw_vae_curves<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &VaeCurvesData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let Some(frame) = start_figure(area, theme, 240.0, 160.0)? else {
        return Ok(());
    };
    let words = words(theme);
    let mut entries: Vec<LegendEntry> = data
        .curves
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let swatch = Swatch::Line {
                colour: class_colour(i),
                dash: Dash::Solid,
                marker: curve_marker(i),
            };
            LegendEntry::new(words.curve_test(&c.name), swatch)
        })
        .collect();
    entries.push(LegendEntry::new(
        words.train_as_trained(),
        Swatch::Line {
            colour: SUBTLE,
            dash: Dash::Dashed,
            marker: Marker::None,
        },
    ));
    let note = words.step_note(
        &format::count(data.step.max(0.0) as u64),
        &format::rounded(data.tau, 3),
    );
    let top = header_strip(area, theme, &entries, &note, frame.margin)?;
    let plot = sub_area(area, (0, top, frame.w, frame.h - top));

    let values = data
        .curves
        .iter()
        .flat_map(|c| c.train.iter().chain(&c.test).copied());
    let all: Vec<f64> = values.chain([data.reference]).collect();
    let (lo, hi) = (finite_min(all.iter().copied()), finite_max(all));
    let (y0, y1) = match (lo, hi) {
        (Some(lo), Some(hi)) => {
            let pad = ((hi - lo) * 0.06).max(0.25);
            linear_range(lo - pad, hi + pad)
        }
        _ => return message(area, theme, &data.waiting),
    };
    let last = finite_max(data.curves.iter().flat_map(|c| c.steps.iter().copied()));
    let (x0, x1) = linear_range(0.0, data.horizon.max(last.unwrap_or(0.0)).max(100.0));

    let format_nats = |v: &f64| format::rounded(*v, 3);
    let chart = step_chart(
        &plot,
        theme,
        ((x0, x1), (y0, y1)),
        words.neg_elbo_axis(),
        Some(&format_nats),
    )?;
    let to_px = |x: f64, y: f64| {
        local(
            &plot,
            chart.backend_coord(&(x.clamp(x0, x1), y.clamp(y0, y1))),
        )
    };

    if data.reference.is_finite() {
        let (a, b) = (to_px(x0, data.reference), to_px(x1, data.reference));
        polyline(
            &plot,
            theme,
            &[a, b],
            TEXT.mix(0.7),
            stroke(theme, 1.0),
            Dash::Dotted,
        )?;
        text(
            &plot,
            &words.independent_pixels(&format::rounded(data.reference, 4)),
            (b.0 - px(theme, 4.0), b.1 - px(theme, 4.0)),
            &small_font(theme),
            HPos::Right,
            VPos::Bottom,
        )?;
    }

    for (i, curve) in data.curves.iter().enumerate() {
        let colour = class_colour(i);
        let points = |values: &[f64]| -> Vec<(i32, i32)> {
            curve
                .steps
                .iter()
                .zip(values)
                .filter(|(s, v)| s.is_finite() && v.is_finite())
                .map(|(&s, &v)| to_px(s, v))
                .collect()
        };
        let train = points(&curve.train);
        polyline(
            &plot,
            theme,
            &train,
            colour.mix(0.8),
            stroke(theme, 1.5),
            Dash::Dashed,
        )?;
        let test = points(&curve.test);
        polyline(
            &plot,
            theme,
            &test,
            colour.to_rgba(),
            stroke(theme, 2.0),
            Dash::Solid,
        )?;
        // Markers while they stay apart; a long run is read from the lines alone.
        if test.len() <= 40 {
            for &p in &test {
                let r = px(theme, 3.0);
                marker(&plot, theme, curve_marker(i), p, r, colour.to_rgba())?;
            }
        }
    }
    if data.curves.iter().all(|c| c.steps.is_empty()) {
        let (w, h) = plot.dim_in_pixel();
        let style = small_font(theme).color(&SUBTLE);
        let centre = (w as i32 / 2, h as i32 / 2 - px(theme, 16.0));
        text(
            &plot,
            &data.waiting,
            centre,
            &style,
            HPos::Center,
            VPos::Center,
        )?;
    }
    Ok(())
}
