//! One panel of the estimator figure (bias or variance against τ, log-log): exact values as
//! lines, Monte Carlo estimates as points with error bars on top, and, where nothing is exact,
//! the Monte Carlo curve with its band and the region a bias cannot be resolved in shaded.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::{log_label, LogAxis};
use super::chart_axis::ChartAxis;
use super::data::{EstimatorCurve, EstimatorsData, Theme};
use super::error::Drawn;
use super::frame::{fits, local};
use super::marks::{polyline, Dash, Marker};
use super::ranges::log_range;
use super::text::{fitting, fmt_tau, text, words};
use super::theme::{draw_axes, label_font, px, small_font, stroke, GridLines, SUBTLE, TEXT};
use super::uncertainty::{band, point_with_bar};
use crate::format;

/// Which quantity a panel shows, and the columns of a curve it reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    Bias,
    Variance,
}

/// The look of one curve.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    pub colour: RGBColor,
    pub dash: Dash,
    pub marker: Marker,
}

/// The columns of one curve for one quantity: (exact, estimate, low end, high end, floor).
struct Columns<'a> {
    exact: &'a [f64],
    estimate: Vec<f64>,
    lo: Vec<f64>,
    hi: Vec<f64>,
    floor: &'a [f64],
}

fn columns(curve: &EstimatorCurve, quantity: Quantity, bar_se: f64) -> Columns<'_> {
    match quantity {
        Quantity::Bias => Columns {
            exact: &curve.exact_bias,
            estimate: curve.bias.clone(),
            lo: curve.bias_lo.clone(),
            hi: curve.bias_hi.clone(),
            floor: &curve.floor,
        },
        Quantity::Variance => {
            let band = |sign: f64| -> Vec<f64> {
                curve
                    .variance
                    .iter()
                    .zip(&curve.variance_se)
                    .map(|(v, se)| v + sign * bar_se * se)
                    .collect()
            };
            Columns {
                exact: &curve.exact_variance,
                estimate: curve.variance.clone(),
                lo: band(-1.0),
                hi: band(1.0),
                floor: &[],
            }
        }
    }
}

/// Most Monte Carlo points per τ-dependent curve on top of an exact line.
const MAX_POINTS: usize = 12;
/// Share of the axis's decades added below the data for each note line.
const NOTE_BAND: f64 = 0.07;

/// Whether a curve has Monte Carlo values and nothing exact (GS and ST-GS for k ≥ 4).
fn monte_carlo_only(c: &Columns) -> bool {
    c.exact.iter().all(|v| v.is_nan()) && c.estimate.iter().any(|v| v.is_finite())
}

/// Draws one panel: `descs` name the y axis, longest wording first (the first that fits is
/// drawn); `bar_se` is the half-width of an error bar in
/// standard errors (variance bars; the bias bars come with the data); `ratio` is the most the
/// log axis spans.
#[allow(clippy::too_many_arguments)]
pub fn draw_panel<DB: Backend>(
    panel: &DrawingArea<DB, Shift>,
    theme: &Theme,
    data: &EstimatorsData,
    looks: &[Look],
    x_axis: &LogAxis,
    quantity: Quantity,
    descs: &[&str],
    bar_se: f64,
    ratio: f64,
) -> Drawn {
    if !fits(panel, theme, 120.0, 90.0) {
        return Ok(());
    }
    let words = words(theme);
    // The plot's height: the panel less the chart's top margin and its x labels (below).
    let (_, panel_h) = panel.dim_in_pixel();
    let plot_h = panel_h.min(1 << 20) as i32 - px(theme, 48.0);
    let desc = fitting(panel, descs, &label_font(theme), plot_h);
    let all: Vec<Columns> = data
        .curves
        .iter()
        .map(|c| columns(c, quantity, bar_se))
        .collect();
    let values = all.iter().flat_map(|c| {
        c.exact
            .iter()
            .chain(&c.estimate)
            .chain(&c.hi)
            .copied()
            .collect::<Vec<_>>()
    });
    let Some((lo, hi)) = log_range(values, ratio) else {
        let (w, h) = panel.dim_in_pixel();
        return text(
            panel,
            &words.no_positive_values(desc),
            (w as i32 / 2, h as i32 / 2),
            &small_font(theme),
            HPos::Center,
            VPos::Center,
        );
    };
    // Notes sit at the bottom left, upwards: what is drawn on the floor, what the shading means.
    // The axis reaches a little lower to leave them a band of their own.
    let zeros: Vec<&str> = data
        .curves
        .iter()
        .zip(&all)
        .filter(|(_, c)| !c.exact.is_empty() && c.exact.iter().all(|v| *v == 0.0))
        .map(|(curve, _)| curve.short_name.as_str())
        .collect();
    let shading = quantity == Quantity::Bias && all.iter().any(monte_carlo_only);
    // Each note is its wordings, longest first: the first that fits the plot's width is drawn.
    let mut notes: Vec<Vec<String>> = Vec::new();
    if !zeros.is_empty() {
        notes.push(words.zero_on_floor(&zeros));
    }
    if shading {
        notes.push(words.unresolvable_shading(&format::count(data.samples as u64)));
    }
    let lo = lo / (hi / lo).powf(NOTE_BAND * notes.len() as f64);
    let y_axis = LogAxis::new(lo, hi);
    let (lo, hi) = (y_axis.lo(), y_axis.hi());
    let below = all.iter().any(|c| {
        c.exact
            .iter()
            .chain(&c.estimate)
            .any(|v| v.is_finite() && *v > 0.0 && *v < lo)
    });
    if zeros.is_empty() && below {
        notes.insert(0, vec![words.below_floor(&log_label(lo))]);
    }
    let mut chart = ChartBuilder::on(panel)
        .margin_top(px(theme, 8.0))
        .margin_right(px(theme, 14.0))
        .x_label_area_size(px(theme, 40.0))
        .y_label_area_size(px(theme, 62.0))
        .build_cartesian_2d(ChartAxis::from(x_axis.clone()), ChartAxis::from(y_axis))?;
    draw_axes(
        &mut chart,
        theme,
        (6, 6),
        (words.tau_log(), desc),
        GridLines::Both,
    )?;
    let to_px = |t: f64, v: f64| {
        let v = if v.is_finite() { v.clamp(lo, hi) } else { lo };
        local(panel, chart.backend_coord(&(t, v)))
    };
    let taus = &data.taus;
    let tau_at = |i: usize| taus.get(i).copied().filter(|t| t.is_finite() && *t > 0.0);

    // Shading first, under everything: grey below each Monte-Carlo-only curve's floor (where
    // two overlap, darker).
    for c in all.iter().filter(|c| shading && monte_carlo_only(c)) {
        let top: Vec<(usize, f64)> = c.floor.iter().copied().enumerate().collect();
        band(panel, &top, &[], &tau_at, &to_px, SUBTLE.mix(0.15))?;
        let edge: Vec<(i32, i32)> = top
            .iter()
            .filter_map(|&(i, v)| Some(to_px(tau_at(i)?, v)))
            .collect();
        polyline(
            panel,
            theme,
            &edge,
            SUBTLE.mix(0.8),
            stroke(theme, 1.0),
            Dash::Dotted,
        )?;
    }
    // Current temperature.
    let t = data.current_tau;
    if t.is_finite() && t > 0.0 {
        let (a, b) = (to_px(t, lo), to_px(t, hi));
        polyline(
            panel,
            theme,
            &[a, b],
            TEXT.mix(0.6),
            stroke(theme, 1.0),
            Dash::Dashed,
        )?;
        // Clear of a marker drawn on the line itself (the sweep's τ grid holds the current τ).
        text(
            panel,
            &fmt_tau(t),
            (b.0 + px(theme, 10.0), b.1 + px(theme, 2.0)),
            &small_font(theme),
            HPos::Left,
            VPos::Top,
        )?;
    }
    let n = all.len().max(1);
    // Drawn in order, so that where curves coincide (GS and ST-GS for a linear payoff, the
    // exact zeros on the floor) the later one's dashes show the earlier one beneath.
    for (j, (c, look)) in all.iter().zip(looks).enumerate() {
        let has_exact = c.exact.iter().any(|v| !v.is_nan());
        if has_exact {
            // The exact line; exact zeros (and values below the axis) run along the floor.
            let pixels: Vec<(i32, i32)> = c
                .exact
                .iter()
                .enumerate()
                .filter_map(|(i, v)| Some(to_px(tau_at(i)?, (!v.is_nan()).then_some(*v)?)))
                .collect();
            polyline(
                panel,
                theme,
                &pixels,
                look.colour.to_rgba(),
                stroke(theme, 2.0),
                look.dash,
            )?;
            // Monte Carlo points with bars, thinned and staggered between curves; a τ-independent
            // estimate is one number, drawn once.
            let count = taus.len();
            let stride = count.div_ceil(MAX_POINTS).max(1);
            let offset = j * stride / n;
            let chosen: Vec<usize> = if data.curves.get(j).is_some_and(|c| c.independent_of_tau) {
                vec![(count.saturating_sub(1)) * (j + 1) / (n + 1)]
            } else {
                (0..count)
                    .filter(|i| (i + offset).is_multiple_of(stride))
                    .collect()
            };
            for i in chosen {
                let at = |v: &[f64]| v.get(i).copied().unwrap_or(f64::NAN);
                if let Some(t) = tau_at(i) {
                    let (v, lo, hi) = (at(&c.estimate), at(&c.lo), at(&c.hi));
                    point_with_bar(
                        panel,
                        theme,
                        (t, v, lo, hi),
                        &to_px,
                        look.colour,
                        look.marker,
                    )?;
                }
            }
        } else {
            // Monte Carlo only: the estimate as a line with its band, both where the estimate is
            // positive (a bias estimated at 0 is left to the shading below the floor).
            let edges = |v: &[f64]| -> Vec<(usize, f64)> {
                v.iter()
                    .zip(&c.estimate)
                    .map(|(x, e)| if *e > 0.0 { *x } else { f64::NAN })
                    .enumerate()
                    .collect()
            };
            band(
                panel,
                &edges(&c.hi),
                &edges(&c.lo),
                &tau_at,
                &to_px,
                look.colour.mix(0.14),
            )?;
            // One line per run of drawable points; a gap wherever the estimate is not.
            let points: Vec<Option<(i32, i32)>> = (c.estimate.iter().enumerate())
                .map(|(i, v)| match tau_at(i) {
                    Some(t) if v.is_finite() && *v > 0.0 => Some(to_px(t, *v)),
                    _ => None,
                })
                .collect();
            for run in points.split(Option::is_none) {
                let run: Vec<(i32, i32)> = run.iter().flatten().copied().collect();
                polyline(
                    panel,
                    theme,
                    &run,
                    look.colour.to_rgba(),
                    stroke(theme, 2.0),
                    look.dash,
                )?;
            }
        }
    }
    let (x, mut y) = to_px(x_axis.lo(), lo);
    let room = to_px(x_axis.hi(), lo).0 - x - px(theme, 12.0);
    for wordings in notes {
        let wordings: Vec<&str> = wordings.iter().map(String::as_str).collect();
        text(
            panel,
            fitting(panel, &wordings, &small_font(theme), room),
            (x + px(theme, 6.0), y - px(theme, 4.0)),
            &small_font(theme),
            HPos::Left,
            VPos::Bottom,
        )?;
        y -= px(theme, 15.0);
    }
    Ok(())
}
