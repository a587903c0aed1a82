//! Shared by the render tests: draw a figure into an SVG string, keep a copy under
//! `target/render/` for a person to look at, and small queries on the SVG text. (Their test
//! data's random numbers come from `lcg.rs`.)

#![allow(dead_code)]

use std::path::PathBuf;

use gumbel_explorer::i18n::figures::words;
use gumbel_explorer::render::{RenderError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;

pub mod lang;
pub mod lcg;

/// Draws with `draw` on a `w` × `h` SVG at the given theme scale and returns the SVG text.
/// Panics if drawing returned an error (use [`try_svg`] where an error is acceptable).
pub fn svg<F>(name: &str, (w, h): (u32, u32), scale: f64, draw: F) -> String
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>, &Theme) -> Result<(), RenderError>,
{
    let (result, text) = try_svg((w, h), scale, draw);
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    save(name, &text);
    text
}

/// Like [`svg`] but hands back the result instead of requiring success; nothing is saved.
pub fn try_svg<F>(size: (u32, u32), scale: f64, draw: F) -> (Result<(), RenderError>, String)
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>, &Theme) -> Result<(), RenderError>,
{
    let theme = Theme {
        scale,
        ..Theme::default()
    };
    try_svg_with(size, &theme, draw)
}

/// Like [`try_svg`] with the whole theme given (its language as well as its scale).
pub fn try_svg_with<F>(
    (w, h): (u32, u32),
    theme: &Theme,
    draw: F,
) -> (Result<(), RenderError>, String)
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>, &Theme) -> Result<(), RenderError>,
{
    let mut text = String::new();
    let result;
    {
        let root = SVGBackend::with_string(&mut text, (w, h)).into_drawing_area();
        result = draw(&root, theme);
        root.present().expect("SVG backend present");
    }
    (result, text)
}

/// Like [`try_svg`] but requires success: the figure returned Ok and wrote a picture (an SVG
/// element with something inside it). Returns the SVG text; nothing is saved.
pub fn drawn<F>(size: (u32, u32), scale: f64, draw: F) -> String
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>, &Theme) -> Result<(), RenderError>,
{
    let (result, text) = try_svg(size, scale, draw);
    if let Err(e) = result {
        panic!("{size:?} at scale {scale}: {e}");
    }
    assert!(
        text.starts_with("<svg") && text.lines().count() > 2,
        "{size:?} at scale {scale}: an empty picture"
    );
    text
}

/// Draws where the figure cannot plot (an area too small for it, or data with nothing to show):
/// it must succeed with a white background and one centred line of text, nothing else. Returns
/// that text.
pub fn message_only<F>(size: (u32, u32), scale: f64, draw: F) -> String
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>, &Theme) -> Result<(), RenderError>,
{
    let text = drawn(size, scale, draw);
    let elements: Vec<&str> = text.lines().filter(|l| l.starts_with('<')).collect();
    // <svg>, the background <rect>, <text>, </text>, </svg>.
    assert!(
        elements.len() == 5
            && elements[1].contains("fill=\"#FFFFFF\"")
            && elements[2].starts_with("<text"),
        "{size:?} at scale {scale}: more than a message:\n{text}"
    );
    let start = text
        .find("<text")
        .and_then(|i| text[i..].find('>').map(|j| i + j + 1));
    let end = text.find("</text>");
    match (start, end) {
        (Some(a), Some(b)) if a < b => text[a..b].trim().to_string(),
        _ => panic!("{size:?}: no message in\n{text}"),
    }
}

/// Draws into an area too small for the figure: it must succeed and say so in the picture.
pub fn too_small<F>(size: (u32, u32), scale: f64, draw: F)
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>, &Theme) -> Result<(), RenderError>,
{
    assert_eq!(
        message_only(size, scale, draw),
        words(Theme::default().lang).too_small(),
        "{size:?} at scale {scale}"
    );
}

/// Draws at the two sizes every figure is checked at, 640 × 400 at scale 1 and twice that at
/// scale 2 (a high-density screen), saving them as `name` and `name@2x` (see [`svg`]); returns
/// each picture's name and SVG text.
pub fn at_both_scales<F>(name: &str, draw: F) -> [(String, String); 2]
where
    F: Fn(&DrawingArea<SVGBackend, Shift>, &Theme) -> Result<(), RenderError>,
{
    [
        (name.to_string(), (640, 400), 1.0),
        (format!("{name}@2x"), (1280, 800), 2.0),
    ]
    .map(|(name, size, scale)| {
        let text = svg(&name, size, scale, &draw);
        (name, text)
    })
}

/// What a figure must cope with. `good` data in an area too small to plot in (`small` pixels,
/// or none at all): the figure says so (see [`too_small`]). Empty data (the default) and each
/// of `cases` (numbers it must cope with: not numbers, of mismatched lengths): a picture at
/// 640 × 400, never an error (see [`drawn`]), and in those small areas only a message (see
/// [`message_only`]).
pub fn survives<D, F>(good: &D, cases: &[D], small: (u32, u32), draw: F)
where
    D: Default,
    F: Fn(&DrawingArea<SVGBackend, Shift>, &D, &Theme) -> Result<(), RenderError>,
{
    let empty = D::default();
    let every = || std::iter::once(&empty).chain(cases);
    for size in [small, (0, 0)] {
        too_small(size, 1.0, |a, t| draw(a, good, t));
        for d in every() {
            message_only(size, 1.0, |a, t| draw(a, d, t));
        }
    }
    for d in every() {
        drawn((640, 400), 1.0, |a, t| draw(a, d, t));
    }
}

/// Writes `target/render/<name>.svg`.
pub fn save(name: &str, text: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/render");
    std::fs::create_dir_all(&dir).expect("create target/render");
    std::fs::write(dir.join(format!("{name}.svg")), text).expect("write SVG");
}

/// Number of `<rect>` elements filled with `colour` ("#RRGGBB").
pub fn filled_rects(svg: &str, colour: &str) -> usize {
    svg.lines()
        .filter(|l| l.contains("<rect") && l.contains(&format!("fill=\"{colour}\"")))
        .count()
}

/// Number of elements of any kind drawn with `colour` as their stroke.
pub fn stroked(svg: &str, colour: &str) -> usize {
    svg.lines()
        .filter(|l| l.contains(&format!("stroke=\"{colour}\"")))
        .count()
}

/// Number of `<text>` elements whose content is exactly `s`.
pub fn texts(svg: &str, s: &str) -> usize {
    let escaped = escape(s);
    svg.matches(&format!(">\n{escaped}\n</text>")).count()
        + svg.matches(&format!(">{escaped}</text>")).count()
}

/// Each of `labels` is the text of exactly one element of the picture called `name`.
pub fn once_each(svg: &str, labels: &[&str], name: &str) {
    for label in labels {
        assert_eq!(texts(svg, label), 1, "{name}: {label}");
    }
}

/// True when the SVG contains `s` (escaped as the SVG backend escapes text).
pub fn has_text(svg: &str, s: &str) -> bool {
    svg.contains(&escape(s))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}
