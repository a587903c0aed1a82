//! View 6: the temperature schedule τ(step) = max(τ_min, exp(−r·step)), updated every N steps, with
//! the floor τ_min and the step the page is currently playing.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::{AnnealingData, Theme};
use super::error::RenderError;
use super::frame::{local, message, start_figure};
use super::marks::{current_dot, main_curve, reference_line};
use super::palette::CLASS_COLOURS;
use super::ranges::{finite_max, finite_min, finite_points, linear_range};
use super::step_chart::step_chart;
use super::text::{text, words};
use super::theme::{px, small_font, TEXT};
use crate::format;

pub fn draw_annealing<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    data: &AnnealingData,
    theme: &Theme,
) -> Result<(), RenderError> {
    let curve = finite_points(&data.curve);
    if curve.is_empty() {
        return message(area, theme, words(theme).no_schedule());
    }
    if start_figure(area, theme, 160.0, 120.0)?.is_none() {
        return Ok(());
    }
    let step_lo = finite_min(curve.iter().map(|p| p.0))
        .unwrap_or(0.0)
        .min(0.0);
    let step_hi = finite_max(curve.iter().map(|p| p.0).chain([data.current_step])).unwrap_or(1.0);
    let tau_hi = finite_max(
        curve
            .iter()
            .map(|p| p.1)
            .chain([data.tau_min, data.current_tau]),
    )
    .unwrap_or(1.0);
    let (x0, x1) = linear_range(step_lo, step_hi);
    let (y0, y1) = linear_range(0.0, tau_hi * 1.12);

    let chart = step_chart(
        area,
        theme,
        ((x0, x1), (y0, y1)),
        words(theme).temperature_tau(),
        None,
    )?;
    let to_px = |x: f64, y: f64| {
        local(
            area,
            chart.backend_coord(&(x.clamp(x0, x1), y.clamp(y0, y1))),
        )
    };

    if data.tau_min.is_finite() && data.tau_min > 0.0 {
        let (a, b) = (to_px(x0, data.tau_min), to_px(x1, data.tau_min));
        reference_line(area, theme, a, b)?;
        text(
            area,
            &format!("τ_min = {}", format::rounded(data.tau_min, 2)),
            (b.0 - px(theme, 4.0), b.1 - px(theme, 4.0)),
            &small_font(theme),
            HPos::Right,
            VPos::Bottom,
        )?;
    }

    let pixels: Vec<(i32, i32)> = curve.iter().map(|&(s, t)| to_px(s, t)).collect();
    main_curve(area, theme, &pixels, CLASS_COLOURS[0])?;

    let (s, t) = (data.current_step, data.current_tau);
    if s.is_finite() && t.is_finite() {
        let at = to_px(s, t);
        current_dot(area, theme, at, CLASS_COLOURS[3])?;
        // Label on the side with more room.
        let (aw, _) = area.dim_in_pixel();
        let right_half = at.0 > aw as i32 / 2;
        let (dx, hpos) = if right_half {
            (-px(theme, 9.0), HPos::Right)
        } else {
            (px(theme, 9.0), HPos::Left)
        };
        text(
            area,
            &words(theme).step_tau(&step_text(s), &format::rounded(t, 3)),
            (at.0 + dx, at.1 - px(theme, 9.0)),
            &small_font(theme).color(&TEXT),
            hpos,
            VPos::Bottom,
        )?;
    }
    Ok(())
}

/// A step count as people write it ("12,000"); negative or huge values fall back to plain digits.
fn step_text(s: f64) -> String {
    if (0.0..1e15).contains(&s) {
        format::count(s.round() as u64)
    } else {
        format::rounded(s, 3)
    }
}
