//! Marks that tell curves apart without relying on colour: line dashes, point markers, the marks
//! figures draw alike (main curve, reference line, current-value dot), and the legend (with the
//! header strip that carries it) that names them.

use super::backend::Backend;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::Theme;
use super::error::{Drawn, RenderError};
use super::palette::lighten;
use super::text::{text, text_size};
use super::theme::{label_font, px, scale, stroke, SUBTLE, TEXT};

/// Line patterns, so curves stay apart for readers who cannot tell their colours apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
    Long,
}

/// A reference line from `a` to `b` (a floor, the current value): thin, dashed and muted, so it
/// stays behind the curves it is read against.
pub fn reference_line<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    a: (i32, i32),
    b: (i32, i32),
) -> Drawn {
    polyline(
        area,
        theme,
        &[a, b],
        TEXT.mix(0.6),
        stroke(theme, 1.0),
        Dash::Dashed,
    )
}

/// A figure's main curve: a solid line two pens wide through pixel points.
pub fn main_curve<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    points: &[(i32, i32)],
    colour: RGBColor,
) -> Drawn {
    polyline(
        area,
        theme,
        points,
        colour.to_rgba(),
        stroke(theme, 2.0),
        Dash::Solid,
    )
}

/// The dot that marks the current value on a curve: filled, ringed in white so it stands out.
pub fn current_dot<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    at: (i32, i32),
    colour: RGBColor,
) -> Drawn {
    let radius = px(theme, 5.0).max(2) as u32;
    area.draw(&Circle::new(at, radius, colour.filled()))?;
    area.draw(&Circle::new(
        at,
        radius,
        WHITE.stroke_width(stroke(theme, 1.5)),
    ))?;
    Ok(())
}

/// A closed outline through pixel `corners` (a polygon's edge): dark, one and a half pens wide.
pub fn outline<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    corners: &[(i32, i32)],
) -> Drawn {
    let mut path = corners.to_vec();
    path.extend(corners.first());
    area.draw(&PathElement::new(
        path,
        TEXT.stroke_width(stroke(theme, 1.5)),
    ))?;
    Ok(())
}

/// Point markers, for the same reason as [`Dash`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    None,
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

/// A polyline through pixel points in the given dash pattern.
pub fn polyline<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    points: &[(i32, i32)],
    colour: RGBAColor,
    width: u32,
    dash: Dash,
) -> Drawn {
    if points.len() < 2 {
        return Ok(());
    }
    let style = colour.stroke_width(width);
    let (on, off) = match dash {
        Dash::Solid => {
            area.draw(&PathElement::new(points.to_vec(), style))?;
            return Ok(());
        }
        Dash::Dashed => (6.0, 4.0),
        Dash::Dotted => (2.0, 3.0),
        Dash::Long => (12.0, 4.0),
    };
    // Dots are drawn as short dashes; a wide pen needs longer gaps to stay visibly dotted.
    let w = f64::from(width);
    let on = (on * scale(theme)).max(w);
    let off = (off * scale(theme)).max(w + 1.0);
    area.draw(&DashedPathElement::new(
        points.iter().copied(),
        on,
        off,
        style,
    ))?;
    Ok(())
}

/// A marker of radius `r` pixels centred at `at`.
pub fn marker<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    kind: Marker,
    at: (i32, i32),
    r: i32,
    colour: RGBAColor,
) -> Drawn {
    let (x, y) = at;
    let r = r.max(1);
    let filled = colour.filled();
    match kind {
        Marker::None => {}
        Marker::Circle => area.draw(&Circle::new(at, r as u32, filled))?,
        Marker::Square => {
            let s = (f64::from(r) * 0.85).round() as i32;
            area.draw(&Rectangle::new([(x - s, y - s), (x + s, y + s)], filled))?
        }
        Marker::Triangle => {
            let s = r + 1;
            area.draw(&Polygon::new(
                vec![(x, y - s), (x + s, y + s * 3 / 4), (x - s, y + s * 3 / 4)],
                filled,
            ))?
        }
        Marker::Diamond => {
            let s = r + 1;
            area.draw(&Polygon::new(
                vec![(x, y - s), (x + s, y), (x, y + s), (x - s, y)],
                filled,
            ))?
        }
        Marker::Cross => {
            let style = colour.stroke_width(stroke(theme, 2.0));
            area.draw(&PathElement::new(
                vec![(x - r, y - r), (x + r, y + r)],
                style,
            ))?;
            area.draw(&PathElement::new(
                vec![(x - r, y + r), (x + r, y - r)],
                style,
            ))?;
        }
    }
    Ok(())
}

/// What a legend entry shows before its label.
#[derive(Clone, Debug)]
pub enum Swatch {
    /// A filled box (observed values, histogram bars).
    Filled(RGBColor),
    /// A light box with a coloured outline (reference values such as π).
    Outlined(RGBColor),
    /// A short line with an optional marker in its middle.
    Line {
        colour: RGBColor,
        dash: Dash,
        marker: Marker,
    },
    /// A single marker.
    Point(RGBColor, Marker),
}

#[derive(Clone, Debug)]
pub struct LegendEntry {
    pub label: String,
    pub swatch: Swatch,
}

impl LegendEntry {
    pub fn new(label: impl Into<String>, swatch: Swatch) -> LegendEntry {
        LegendEntry {
            label: label.into(),
            swatch,
        }
    }
}

/// The strip at the top of a figure: the legend on the left, a short note (τ, n, a p-value)
/// right-aligned beside it; in a figure too narrow for an entry of the legend beside the note,
/// the note takes a row of its own above the legend. Returns the strip's height; the plot goes
/// below it.
pub fn header_strip<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    entries: &[LegendEntry],
    note: &str,
    margin: i32,
) -> Result<i32, RenderError> {
    let (w, _) = area.dim_in_pixel();
    let w = w.min(1 << 20) as i32;
    let note_style = label_font(theme).color(&SUBTLE);
    let (note_w, _) = text_size(area, note, &note_style);
    let beside_w = w - 2 * margin - note_w - px(theme, 16.0);
    let widest = entries
        .iter()
        .map(|e| entry_width(area, theme, e))
        .max()
        .unwrap_or(0);
    text(
        area,
        note,
        (w - margin, margin + px(theme, 10.0)),
        &note_style,
        HPos::Right,
        VPos::Center,
    )?;
    if widest <= beside_w {
        legend(area, theme, entries, (margin, margin), beside_w, true)
    } else {
        let row_h = px(theme, 20.0);
        let legend_w = w - 2 * margin;
        Ok(row_h
            + legend(
                area,
                theme,
                entries,
                (margin, margin + row_h),
                legend_w,
                true,
            )?)
    }
}

/// Width of a legend entry's swatch: a line sample is longer than a box or a marker.
fn swatch_width(theme: &Theme, swatch: &Swatch) -> i32 {
    match swatch {
        Swatch::Line { .. } => px(theme, 26.0),
        _ => px(theme, 12.0),
    }
}

/// Width of one legend entry: its swatch, the gap, its label.
fn entry_width<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    entry: &LegendEntry,
) -> i32 {
    let label = text_size(area, &entry.label, &label_font(theme)).0;
    swatch_width(theme, &entry.swatch) + px(theme, 6.0) + label
}

/// A legend across the top of a figure inside its `margin`, as wide as the figure (`w` pixels)
/// allows; returns the height it takes (see [`legend`]).
pub fn top_legend<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    entries: &[LegendEntry],
    (w, margin): (i32, i32),
    draw: bool,
) -> Result<i32, RenderError> {
    legend(area, theme, entries, (margin, margin), w - 2 * margin, draw)
}

/// Lays a legend out left to right from `origin` (area pixels), wrapping to a new row at
/// `max_width`; draws it when `draw` is set. Returns the height it takes, so a figure can measure
/// first and reserve the room above its plot. There is no frame: the entries read as a caption line.
pub fn legend<DB: Backend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    entries: &[LegendEntry],
    origin: (i32, i32),
    max_width: i32,
    draw: bool,
) -> Result<i32, RenderError> {
    if entries.is_empty() {
        return Ok(0);
    }
    let style = label_font(theme);
    let row_h = px(theme, 20.0);
    let gap = px(theme, 6.0);
    let spacing = px(theme, 16.0);
    let (mut x, mut y) = origin;
    for entry in entries {
        let sw = swatch_width(theme, &entry.swatch);
        let w = entry_width(area, theme, entry);
        if x > origin.0 && x + w > origin.0 + max_width {
            x = origin.0;
            y += row_h;
        }
        if draw {
            let cy = y + row_h / 2;
            let half = px(theme, 6.0);
            match &entry.swatch {
                Swatch::Filled(c) => {
                    area.draw(&Rectangle::new(
                        [(x, cy - half), (x + sw, cy + half)],
                        c.filled(),
                    ))?;
                }
                Swatch::Outlined(c) => {
                    area.draw(&Rectangle::new(
                        [(x, cy - half), (x + sw, cy + half)],
                        lighten(*c, 0.75).filled(),
                    ))?;
                    area.draw(&Rectangle::new(
                        [(x, cy - half), (x + sw, cy + half)],
                        c.stroke_width(stroke(theme, 1.5)),
                    ))?;
                }
                Swatch::Line {
                    colour,
                    dash,
                    marker: m,
                } => {
                    polyline(
                        area,
                        theme,
                        &[(x, cy), (x + sw, cy)],
                        colour.to_rgba(),
                        stroke(theme, 2.0),
                        *dash,
                    )?;
                    marker(
                        area,
                        theme,
                        *m,
                        (x + sw / 2, cy),
                        px(theme, 3.5),
                        colour.to_rgba(),
                    )?;
                }
                Swatch::Point(c, m) => {
                    marker(
                        area,
                        theme,
                        *m,
                        (x + sw / 2, cy),
                        px(theme, 4.0),
                        c.to_rgba(),
                    )?;
                }
            }
            text(
                area,
                &entry.label,
                (x + sw + gap, cy),
                &style,
                HPos::Left,
                VPos::Center,
            )?;
        }
        x += w + spacing;
    }
    Ok(y + row_h - origin.1)
}
