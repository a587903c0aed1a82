//! Helpers every figure shares: the error type, sizes scaled by the theme, fonts, text placement,
//! number formatting, range guards for linear and log axes, line dashes, markers, a compact
//! legend, and the message drawn when there is nothing sensible to plot.
//!
//! Figures lay themselves out in pixels of their own drawing area; plotters' chart builder is used
//! for axes, ticks and grid only, and everything else is drawn at pixel positions obtained from the
//! chart's coordinate mapping. That keeps clamping and clipping in one place (here) instead of
//! trusting every data point to fall inside the plot.

use std::fmt;

use plotters::chart::MeshStyle;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
// Generic family, so the browser and any SVG viewer pick their own sans-serif.
use plotters::style::FontFamily;

use super::data::Theme;

/// Why a figure could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderError {
    message: String,
}

impl RenderError {
    pub fn new(message: impl Into<String>) -> RenderError {
        RenderError {
            message: message.into(),
        }
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "drawing failed: {}", self.message)
    }
}

impl std::error::Error for RenderError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for RenderError {
    fn from(e: DrawingAreaErrorKind<E>) -> RenderError {
        RenderError::new(e.to_string())
    }
}

/// Result of every drawing helper.
pub type Drawn = Result<(), RenderError>;

/// Body text: dark grey rather than black, as on Distill pages.
pub const TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);
/// Secondary text: tick labels, notes.
pub const SUBTLE: RGBColor = RGBColor(0x70, 0x70, 0x70);
/// Grid lines: barely there, only to guide the eye.
pub const GRID: RGBColor = RGBColor(0xE6, 0xE6, 0xE6);
/// Axis lines and tick marks.
pub const AXIS: RGBColor = RGBColor(0xA0, 0xA0, 0xA0);

/// The theme's scale, made safe: a zero, negative or non-finite scale would collapse every size.
pub fn scale(theme: &Theme) -> f64 {
    if theme.scale.is_finite() && theme.scale > 0.0 {
        theme.scale.clamp(0.25, 8.0)
    } else {
        1.0
    }
}

/// `v` CSS pixels in device pixels.
pub fn px(theme: &Theme, v: f64) -> i32 {
    (v * scale(theme)).round() as i32
}

/// Line width of `w` CSS pixels, never thinner than one device pixel.
pub fn stroke(theme: &Theme, w: f64) -> u32 {
    ((w * scale(theme)).round() as u32).max(1)
}

pub fn font(theme: &Theme, size: f64, colour: RGBColor) -> TextStyle<'static> {
    // The enum variant, not `FontFamily::from("sans-serif")`: parsing the name lower-cases it,
    // which pulls Unicode case tables into the wasm module for nothing.
    (FontFamily::SansSerif, size * scale(theme))
        .into_font()
        .color(&colour)
}

/// Tick labels.
pub fn tick_font(theme: &Theme) -> TextStyle<'static> {
    font(theme, 12.0, SUBTLE)
}

/// Axis descriptions, legend entries, captions.
pub fn label_font(theme: &Theme) -> TextStyle<'static> {
    font(theme, 13.0, TEXT)
}

/// Short notes inside a plot.
pub fn note_font(theme: &Theme) -> TextStyle<'static> {
    font(theme, 12.0, SUBTLE)
}

/// Draws `text` anchored at `at` (area pixels) with the given alignment.
pub fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    at: (i32, i32),
    style: &TextStyle,
    h: HPos,
    v: VPos,
) -> Drawn {
    if s.is_empty() {
        return Ok(());
    }
    area.draw_text(s, &style.pos(Pos::new(h, v)), at)?;
    Ok(())
}

/// Size of `s` in pixels as the backend will draw it; a rough estimate if the backend cannot say.
pub fn text_size<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    style: &TextStyle,
) -> (i32, i32) {
    match area.estimate_text_size(s, style) {
        Ok((w, h)) => (w.min(1 << 20) as i32, h.min(1 << 20) as i32),
        Err(_) => {
            let size = style.font.get_size();
            (
                (0.6 * size * s.chars().count() as f64).round() as i32,
                size.round() as i32,
            )
        }
    }
}

/// Fills the area white: every figure starts from a clean background.
pub fn clear<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> Drawn {
    area.fill(&WHITE)?;
    Ok(())
}

/// Clears the area and writes `msg` (one line per '\n') in its centre. Used whenever the data
/// give nothing sensible to plot, so the reader sees why instead of an empty frame.
pub fn message<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    msg: &str,
) -> Drawn {
    clear(area)?;
    let (w, h) = area.dim_in_pixel();
    let style = font(theme, 13.0, SUBTLE);
    let lines: Vec<&str> = msg.lines().collect();
    let line_h = px(theme, 18.0);
    let top = h as i32 / 2 - line_h * (lines.len() as i32 - 1) / 2;
    for (i, line) in lines.iter().enumerate() {
        text(
            area,
            line,
            (w as i32 / 2, top + line_h * i as i32),
            &style,
            HPos::Center,
            VPos::Center,
        )?;
    }
    Ok(())
}

/// True when the area is at least `min_w` × `min_h` CSS pixels (scaled by the theme).
pub fn fits<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    min_w: f64,
    min_h: f64,
) -> bool {
    let (w, h) = area.dim_in_pixel();
    w as i32 >= px(theme, min_w) && h as i32 >= px(theme, min_h)
}

/// The message for an area too small to hold a figure.
pub const TOO_SMALL: &str = "(too small to draw)";

/// A sub-area at (x, y) of size (w, h) in the area's pixels, clamped to the area so it never has
/// a negative size (plotters' own splitting can produce one, and its size then wraps around).
pub fn sub_area<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y, w, h): (i32, i32, i32, i32),
) -> DrawingArea<DB, Shift> {
    let (aw, ah) = area.dim_in_pixel();
    let (aw, ah) = (
        aw.min(i32::MAX as u32) as i32,
        ah.min(i32::MAX as u32) as i32,
    );
    let x0 = x.clamp(0, aw);
    let y0 = y.clamp(0, ah);
    let x1 = x.saturating_add(w.max(0)).clamp(x0, aw);
    let y1 = y.saturating_add(h.max(0)).clamp(y0, ah);
    area.clone().shrink((x0, y0), (x1 - x0, y1 - y0))
}

/// A backend coordinate (what a chart's mapping returns) in the pixels of `area`.
pub fn local<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, p: (i32, i32)) -> (i32, i32) {
    let (bx, by) = area.get_base_pixel();
    (p.0.saturating_sub(bx), p.1.saturating_sub(by))
}

/// Theme-scaled styling of a chart's axes and grid: light grey grid at the labelled ticks only,
/// grey axes, small grey tick labels, dark axis descriptions.
pub fn style_mesh<'a, 'b, X, Y, DB>(mesh: &mut MeshStyle<'a, 'b, X, Y, DB>, theme: &Theme)
where
    X: Ranged,
    Y: Ranged,
    DB: DrawingBackend,
{
    mesh.bold_line_style(GRID.stroke_width(stroke(theme, 1.0)))
        .max_light_lines(0)
        .axis_style(AXIS.stroke_width(stroke(theme, 1.0)))
        .label_style(tick_font(theme))
        .axis_desc_style(label_font(theme))
        .set_all_tick_mark_size(px(theme, 4.0));
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// `v` with `sig` significant digits, trailing zeros trimmed, a real minus sign, and
/// "m·10ⁿ" for very small or large magnitudes. Non-finite values print as "–" or "∞".
pub fn fmt_num(v: f64, sig: usize) -> String {
    if v.is_nan() {
        return "–".to_string();
    }
    if v.is_infinite() {
        return if v > 0.0 { "∞" } else { "−∞" }.to_string();
    }
    if v == 0.0 {
        return "0".to_string();
    }
    let sig = sig.clamp(1, 12);
    let mut mag = v.abs().log10().floor() as i32;
    let s = if (-4..6).contains(&mag) {
        let decimals = (sig as i32 - 1 - mag).max(0) as usize;
        trim_zeros(format!("{v:.decimals$}"))
    } else {
        let mut m = v / 10f64.powi(mag);
        let mut ms = trim_zeros(format!("{:.*}", sig - 1, m));
        // Rounding can carry into the next power of ten (9.99 → "10").
        if ms.parse::<f64>().map(|x| x.abs() >= 10.0).unwrap_or(false) {
            mag += 1;
            m /= 10.0;
            ms = trim_zeros(format!("{:.*}", sig - 1, m));
        }
        let power = format!("10{}", superscript(mag));
        match ms.as_str() {
            "1" => power,
            "-1" => format!("-{power}"),
            _ => format!("{ms}·{power}"),
        }
    };
    s.replace('-', "−")
}

fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// "τ = 0.5": the temperature as every figure labels it.
pub fn fmt_tau(tau: f64) -> String {
    format!("τ = {}", fmt_num(tau, 2))
}

/// A count with thousands separators ("10,000").
pub fn fmt_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n` in Unicode subscript digits, for class labels such as "y₁".
pub fn subscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(0x2080 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

/// `n` in Unicode superscript digits (with a superscript minus), for powers of ten.
pub fn superscript(n: i32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut out = String::new();
    if n < 0 {
        out.push('⁻');
    }
    for c in n.unsigned_abs().to_string().chars() {
        out.push(DIGITS[c.to_digit(10).unwrap_or(0) as usize]);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Ranges

/// Largest finite value, if any.
pub fn finite_max(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(None, |m, v| Some(m.map_or(v, |m: f64| m.max(v))))
}

/// Smallest finite value, if any.
pub fn finite_min(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(None, |m, v| Some(m.map_or(v, |m: f64| m.min(v))))
}

/// A usable linear axis range: finite, increasing, non-empty. plotters asserts on NaN ranges and
/// can loop forever on infinite ones, so every range passes through here.
pub fn linear_range(lo: f64, hi: f64) -> (f64, f64) {
    let lo = if lo.is_finite() {
        lo.clamp(-1e12, 1e12)
    } else {
        0.0
    };
    let hi = if hi.is_finite() {
        hi.clamp(-1e12, 1e12)
    } else {
        lo + 1.0
    };
    if hi > lo && (hi - lo) > 1e-12 * lo.abs().max(hi.abs()) {
        (lo, hi)
    } else {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        (lo - pad, lo + pad)
    }
}

/// A usable log axis range from the positive finite values given: `[lo, hi]` with lo > 0,
/// hi > lo, and lo no lower than `hi · max_ratio⁻¹` (values below that floor are drawn at it).
/// `None` when no value is positive.
pub fn log_range(values: impl IntoIterator<Item = f64>, max_ratio: f64) -> Option<(f64, f64)> {
    let positive: Vec<f64> = values
        .into_iter()
        .filter(|v| v.is_finite() && *v > 0.0)
        .collect();
    let hi = finite_max(positive.iter().copied())?.min(1e300);
    let lo = finite_min(positive.iter().copied())?.max(1e-300);
    let ratio = if max_ratio.is_finite() && max_ratio > 1.0 {
        max_ratio
    } else {
        1e6
    };
    let lo = lo.max(hi / ratio);
    // Pad a little on the log scale so points do not sit on the frame; widen a degenerate range.
    let (lo, hi) = if hi / lo < 1.5 {
        (lo / 1.5, hi * 1.5)
    } else {
        (lo / 1.15, hi * 1.15)
    };
    Some((lo.max(1e-300), hi.min(1e300)))
}

/// Splits a polyline into the runs whose y lies within [lo, hi], cutting segments that leave the
/// range at the crossing (interpolated linearly in the transformed y given by `ty`, e.g. log10
/// for a log axis). Non-finite points break the line. Used to clip curves that shoot off the top
/// (a density near the simplex edges) instead of drawing them along the frame.
pub fn clip_runs(
    points: &[(f64, f64)],
    (lo, hi): (f64, f64),
    ty: impl Fn(f64) -> f64,
) -> Vec<Vec<(f64, f64)>> {
    let inside = |y: f64| y >= lo && y <= hi;
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    let mut prev: Option<(f64, f64)> = None;
    for &(x, y) in points {
        if !x.is_finite() || y.is_nan() {
            if current.len() > 1 {
                runs.push(std::mem::take(&mut current));
            }
            current.clear();
            prev = None;
            continue;
        }
        if let Some((px_, py)) = prev {
            let (a_in, b_in) = (inside(py), inside(y));
            let cross = |edge: f64| -> (f64, f64) {
                let (ta, tb, te) = (ty(py), ty(y), ty(edge));
                let t = if (tb - ta).is_finite() && tb != ta {
                    ((te - ta) / (tb - ta)).clamp(0.0, 1.0)
                } else {
                    0.5
                };
                (px_ + (x - px_) * t, edge)
            };
            match (a_in, b_in) {
                (true, true) => current.push((x, y)),
                (true, false) => {
                    current.push(cross(if y > hi { hi } else { lo }));
                    if current.len() > 1 {
                        runs.push(std::mem::take(&mut current));
                    }
                    current.clear();
                }
                (false, true) => {
                    current.clear();
                    current.push(cross(if py > hi { hi } else { lo }));
                    current.push((x, y));
                }
                (false, false) => {}
            }
        } else if inside(y) {
            current.push((x, y));
        }
        prev = Some((x, y));
    }
    if current.len() > 1 {
        runs.push(current);
    }
    runs
}

// ---------------------------------------------------------------------------------------------
// Lines, markers, legend

/// Line patterns, so curves stay apart for readers who cannot tell their colours apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
    Long,
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
pub fn polyline<DB: DrawingBackend>(
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
pub fn marker<DB: DrawingBackend>(
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

/// Size and margin of a figure that has room to draw, in device pixels.
pub struct Frame {
    pub w: i32,
    pub h: i32,
    pub margin: i32,
}

/// The start every figure shares: when the area is smaller than `min_w × min_h` (CSS pixels)
/// it says so inside the area and returns `None`; otherwise it clears the area and returns its
/// size and the standard margin.
pub fn start_figure<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    min_w: f64,
    min_h: f64,
) -> Result<Option<Frame>, RenderError> {
    if !fits(area, theme, min_w, min_h) {
        message(area, theme, TOO_SMALL)?;
        return Ok(None);
    }
    clear(area)?;
    let (w, h) = area.dim_in_pixel();
    Ok(Some(Frame {
        w: w as i32,
        h: h as i32,
        margin: px(theme, 8.0),
    }))
}

/// The strip at the top of a figure: the legend on the left, a short note (τ, n, a p-value)
/// right-aligned beside it. Returns the strip's height; the plot goes below it.
pub fn header_strip<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    entries: &[LegendEntry],
    note: &str,
    margin: i32,
) -> Result<i32, RenderError> {
    let (w, _) = area.dim_in_pixel();
    let w = w as i32;
    let note_style = label_font(theme).color(&SUBTLE);
    let (note_w, _) = text_size(area, note, &note_style);
    let legend_w = (w - 2 * margin - note_w - px(theme, 16.0)).max(px(theme, 80.0));
    let top = legend(area, theme, entries, (margin, margin), legend_w, true)?;
    text(
        area,
        note,
        (w - margin, margin + px(theme, 10.0)),
        &note_style,
        HPos::Right,
        VPos::Center,
    )?;
    Ok(top)
}

/// Lays a legend out left to right from `origin` (area pixels), wrapping to a new row at
/// `max_width`; draws it when `draw` is set. Returns the height it takes, so a figure can measure
/// first and reserve the room above its plot. There is no frame: the entries read as a caption line.
pub fn legend<DB: DrawingBackend>(
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
        let sw = match entry.swatch {
            Swatch::Line { .. } => px(theme, 26.0),
            _ => px(theme, 12.0),
        };
        let (tw, _) = text_size(area, &entry.label, &style);
        let w = sw + gap + tw;
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
                        super::palette::lighten(*c, 0.75).filled(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(fmt_num(0.5, 2), "0.5");
        assert_eq!(fmt_num(0.012, 2), "0.012");
        assert_eq!(fmt_num(-0.0344, 2), "−0.034");
        assert_eq!(fmt_num(12000.0, 3), "12000");
        assert_eq!(fmt_num(2.0e-6, 2), "2·10⁻⁶");
        assert_eq!(fmt_num(1.0e-6, 2), "10⁻⁶");
        assert_eq!(fmt_num(9.99e-6, 2), "10⁻⁵");
        assert_eq!(fmt_num(f64::NAN, 2), "–");
        assert_eq!(fmt_tau(0.5), "τ = 0.5");
        assert_eq!(fmt_tau(10.0), "τ = 10");
        assert_eq!(fmt_count(10000), "10,000");
        assert_eq!(fmt_count(999), "999");
        assert_eq!(subscript(10), "₁₀");
        assert_eq!(superscript(-12), "⁻¹²");
    }

    #[test]
    fn ranges_are_always_usable() {
        assert_eq!(linear_range(0.0, 1.0), (0.0, 1.0));
        let (a, b) = linear_range(f64::NAN, f64::INFINITY);
        assert!(a.is_finite() && b.is_finite() && b > a);
        let (a, b) = linear_range(3.0, 3.0);
        assert!(b > a);
        assert_eq!(log_range([0.0, -1.0, f64::NAN], 1e6), None);
        let (lo, hi) = log_range([1e-12, 1.0, 0.0], 1e6).unwrap();
        assert!(lo >= 1e-6 / 1.2 && hi > 1.0);
        let (lo, hi) = log_range([2.0], 1e6).unwrap();
        assert!(lo < 2.0 && hi > 2.0);
    }

    #[test]
    fn clipping_cuts_at_the_edge() {
        let runs = clip_runs(
            &[
                (0.0, 0.5),
                (1.0, 2.0),
                (2.0, 0.5),
                (3.0, f64::NAN),
                (4.0, 0.2),
                (5.0, 0.3),
            ],
            (0.0, 1.0),
            |y| y,
        );
        assert_eq!(runs.len(), 3);
        assert_eq!(runs[0], vec![(0.0, 0.5), (1.0 / 3.0, 1.0)]);
        assert_eq!(runs[1], vec![(1.0 + 2.0 / 3.0, 1.0), (2.0, 0.5)]);
        assert_eq!(runs[2], vec![(4.0, 0.2), (5.0, 0.3)]);
    }
}
