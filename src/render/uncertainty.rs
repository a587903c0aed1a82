//! Marks of uncertainty: a Monte Carlo point with its error bar, and a band between two curves.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::data::Theme;
use super::error::Drawn;
use super::marks::{marker, Marker};
use super::theme::{px, stroke};

/// A point (t, v) with its bar from `lo` to `hi` in the colour and marker given; `to_px` maps data
/// to pixels and puts 0 and values below the axis on its floor, so a bar reaching 0 runs to the
/// floor. A value of 0 or less (a bias estimated at 0, below what the samples resolve) keeps its
/// bar, an upper bound, and gets no mark. Nothing is drawn for a non-finite value.
pub fn point_with_bar<DB: Backend>(
    panel: &DrawingArea<DB, Shift>,
    theme: &Theme,
    (t, v, lo, hi): (f64, f64, f64, f64),
    to_px: &impl Fn(f64, f64) -> (i32, i32),
    colour: RGBColor,
    kind: Marker,
) -> Drawn {
    if !v.is_finite() {
        return Ok(());
    }
    let colour = colour.to_rgba();
    if lo.is_finite() && hi.is_finite() {
        let (a, b) = (to_px(t, lo.max(0.0)), to_px(t, hi));
        let cap = px(theme, 3.0);
        let style = colour.stroke_width(stroke(theme, 1.0));
        panel.draw(&PathElement::new(vec![a, b], style))?;
        for y in [a.1, b.1] {
            panel.draw(&PathElement::new(
                vec![(a.0 - cap, y), (a.0 + cap, y)],
                style,
            ))?;
        }
    }
    if v <= 0.0 {
        return Ok(());
    }
    let kind = if kind == Marker::None {
        Marker::Circle
    } else {
        kind
    };
    marker(panel, theme, kind, to_px(t, v), px(theme, 3.0), colour)
}

/// Fills the band between `top` and `bottom` (the axis floor where `bottom` is empty or not
/// finite), in runs broken where `top` is not finite.
pub fn band<DB: Backend>(
    panel: &DrawingArea<DB, Shift>,
    top: &[(usize, f64)],
    bottom: &[(usize, f64)],
    tau_at: &impl Fn(usize) -> Option<f64>,
    to_px: &impl Fn(f64, f64) -> (i32, i32),
    colour: RGBAColor,
) -> Drawn {
    let mut run: Vec<(f64, f64, f64)> = Vec::new();
    let flush = |run: &mut Vec<(f64, f64, f64)>| -> Drawn {
        if run.len() >= 2 {
            let mut poly: Vec<(i32, i32)> = run.iter().map(|&(t, h, _)| to_px(t, h)).collect();
            poly.extend(run.iter().rev().map(|&(t, _, l)| to_px(t, l)));
            panel.draw(&Polygon::new(poly, colour.filled()))?;
        }
        run.clear();
        Ok(())
    };
    for &(i, h) in top {
        let l = bottom.get(i).map_or(0.0, |&(_, l)| l);
        match tau_at(i) {
            Some(t) if h.is_finite() && h > 0.0 => {
                run.push((t, h, if l.is_finite() { l } else { 0.0 }))
            }
            _ => flush(&mut run)?,
        }
    }
    flush(&mut run)
}
