//! Colours shared by every figure.
//!
//! Class i has the same colour in every figure, so a reader who learned "class 2 is orange" in one
//! view can read the next one without a legend. The first seven colours are Okabe and Ito's
//! colour-blind-safe set (their black is left out: it would read as text or an axis); classes 8–10
//! continue with three of Paul Tol's "muted" colours, which stay distinguishable from the first
//! seven under the common colour-vision deficiencies.

use plotters::style::RGBColor;

/// The class colours, class 1 first.
pub const CLASS_COLOURS: [RGBColor; 10] = [
    RGBColor(0x00, 0x72, 0xB2), // Okabe–Ito blue
    RGBColor(0xE6, 0x9F, 0x00), // Okabe–Ito orange
    RGBColor(0x00, 0x9E, 0x73), // Okabe–Ito bluish green
    RGBColor(0xD5, 0x5E, 0x00), // Okabe–Ito vermillion
    RGBColor(0xCC, 0x79, 0xA7), // Okabe–Ito reddish purple
    RGBColor(0x56, 0xB4, 0xE9), // Okabe–Ito sky blue
    RGBColor(0xF0, 0xE4, 0x42), // Okabe–Ito yellow
    RGBColor(0x88, 0x22, 0x55), // Tol muted wine
    RGBColor(0x99, 0x99, 0x33), // Tol muted olive
    RGBColor(0x33, 0x22, 0x88), // Tol muted indigo
];

/// Colour of class `i` (0-based). Indices past the table wrap around rather than fail, so a
/// figure handed more classes than the explorer offers still draws.
pub fn class_colour(i: usize) -> RGBColor {
    CLASS_COLOURS[i % CLASS_COLOURS.len()]
}

/// `colour` blended towards white: `amount` = 0 keeps it, 1 gives white. Used for the light fill
/// of reference bars (π) next to the full-colour observed bars.
pub fn lighten(colour: RGBColor, amount: f64) -> RGBColor {
    let a = if amount.is_finite() {
        amount.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let mix = |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * a).round() as u8;
    RGBColor(mix(colour.0), mix(colour.1), mix(colour.2))
}

/// Viridis sampled at t = 0, 0.1, …, 1 (matplotlib's perceptually uniform sequential map).
/// Linear interpolation between eleven samples stays within a few units of the full 256-entry
/// table, which is far below what the eye separates in a heatmap.
const VIRIDIS: [(u8, u8, u8); 11] = [
    (0x44, 0x01, 0x54),
    (0x48, 0x24, 0x75),
    (0x41, 0x44, 0x87),
    (0x35, 0x5F, 0x8D),
    (0x2A, 0x78, 0x8E),
    (0x21, 0x91, 0x8C),
    (0x22, 0xA8, 0x84),
    (0x44, 0xBF, 0x70),
    (0x7A, 0xD1, 0x51),
    (0xBD, 0xDF, 0x26),
    (0xFD, 0xE7, 0x25),
];

/// The sequential colour map at `t` in [0, 1] (dark purple at 0, yellow at 1). Values outside
/// are clamped; NaN maps to the low end (callers draw "no value" as white themselves).
pub fn colour_map(t: f64) -> RGBColor {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let pos = t * (VIRIDIS.len() - 1) as f64;
    let i = (pos.floor() as usize).min(VIRIDIS.len() - 2);
    let f = pos - i as f64;
    let (a, b) = (VIRIDIS[i], VIRIDIS[i + 1]);
    let lerp = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * f).round() as u8;
    RGBColor(lerp(a.0, b.0), lerp(a.1, b.1), lerp(a.2, b.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_colours_wrap_and_differ() {
        assert_eq!(class_colour(0), class_colour(10));
        for (i, a) in CLASS_COLOURS.iter().enumerate() {
            assert!(CLASS_COLOURS[..i].iter().all(|b| b != a), "class {i}");
        }
    }

    #[test]
    fn colour_map_ends_and_clamps() {
        assert_eq!(colour_map(0.0), RGBColor(0x44, 0x01, 0x54));
        assert_eq!(colour_map(1.0), RGBColor(0xFD, 0xE7, 0x25));
        assert_eq!(colour_map(-3.0), colour_map(0.0));
        assert_eq!(colour_map(7.0), colour_map(1.0));
        assert_eq!(colour_map(f64::NAN), colour_map(0.0));
        // Lightness increases along viridis: the green channel is monotone.
        let greens: Vec<u8> = (0..=20).map(|i| colour_map(i as f64 / 20.0).1).collect();
        assert!(greens.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn lighten_moves_towards_white() {
        assert_eq!(lighten(RGBColor(0, 100, 200), 0.0), RGBColor(0, 100, 200));
        assert_eq!(lighten(RGBColor(0, 100, 200), 1.0), RGBColor(255, 255, 255));
        assert_eq!(lighten(RGBColor(0, 0, 0), f64::NAN), RGBColor(0, 0, 0));
    }
}
