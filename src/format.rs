//! How the explorer writes numbers: one set of rules for the figures' labels, the error messages
//! and the page's links.
//!
//! A number is written either exactly (the shortest digits that read back to the same `f64`,
//! for links and error messages) or rounded to a few significant digits (for figures). Either
//! way it is written in plain decimals over a middle range of magnitudes and in scientific
//! notation outside it, in one of two notations: ASCII text ("-2.5e-7", "inf"), which any
//! program reads back, or typeset ("−2.5·10⁻⁷", "∞") for people.
//!
//! A leaf module: it depends on nothing else in the crate, so the maths, the model and the
//! figures all write numbers the same way.

use std::fmt;

/// How many digits a number keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digits {
    /// The shortest digits that read back to the same value. Plain decimals from 1e-5 up to
    /// 1e16, where every digit of the plain form is still significant.
    Exact,
    /// Rounded to this many significant digits (1 to 17). Plain decimals from 1e-4 up to 1e6, the
    /// widths a tick label can afford; the plain form keeps every digit left of the point.
    Significant(usize),
}

/// The symbols a number is written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notation {
    /// ASCII: "-", "1.5e-7", "inf", "NaN". Reads back with `str::parse::<f64>`.
    Text,
    /// For people: a real minus sign "−", "1.5·10⁻⁷" ("10⁻⁷" for a mantissa of 1), "∞", and "–"
    /// for a value that is not a number.
    Typeset,
}

/// A number and how to write it; `Display` writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    pub digits: Digits,
    pub notation: Notation,
}

/// `v` exactly, in ASCII: links and error messages ("0.1", "-0.5", "1e-300", "inf").
pub fn exact(v: f64) -> Number {
    Number {
        value: v,
        digits: Digits::Exact,
        notation: Notation::Text,
    }
}

/// `v` with `sig` significant digits, typeset for a figure ("0.034", "−2·10⁻⁶", "12000").
pub fn rounded(v: f64, sig: usize) -> String {
    Number {
        value: v,
        digits: Digits::Significant(sig),
        notation: Notation::Typeset,
    }
    .to_string()
}

/// `v` as a power of ten whatever its size, typeset with `sig` significant digits in the
/// mantissa ("2·10⁻⁵", "10³"): labels of a logarithmic axis.
pub fn power_of_ten(v: f64, sig: usize) -> String {
    if !v.is_finite() || v == 0.0 {
        return rounded(v, sig);
    }
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_form(&mut out, significant_scientific(v, sig), Notation::Typeset);
    out
}

/// A count with thousands separators ("10,000").
pub fn count(n: u64) -> String {
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

/// A finite, non-zero number as written before the notation's symbols are applied.
enum Form {
    /// Plain decimals with an ASCII minus, e.g. "-0.034".
    Plain(String),
    /// Mantissa (plain decimals, ASCII minus, trailing zeros trimmed) and power of ten.
    Scientific(String, i32),
}

fn form(v: f64, digits: Digits) -> Form {
    match digits {
        Digits::Exact => {
            if (1e-5..1e16).contains(&v.abs()) {
                Form::Plain(format!("{v}"))
            } else {
                scientific(&format!("{v:e}"))
            }
        }
        Digits::Significant(sig) => {
            let sig = sig.clamp(1, 17);
            let mag = v.abs().log10().floor() as i32;
            if (-4..6).contains(&mag) {
                let decimals = (sig as i32 - 1 - mag).max(0) as usize;
                Form::Plain(trim_zeros(format!("{v:.decimals$}")))
            } else {
                significant_scientific(v, sig)
            }
        }
    }
}

fn significant_scientific(v: f64, sig: usize) -> Form {
    // Rust rounds the mantissa itself, carrying into the power (9.99e-6 → 1.0e-5).
    scientific(&format!("{:.*e}", sig.clamp(1, 17) - 1, v))
}

/// Splits Rust's "1.50e-7" into a trimmed mantissa and the power.
fn scientific(s: &str) -> Form {
    let (m, e) = s.split_once('e').unwrap_or((s, "0"));
    Form::Scientific(trim_zeros(m.to_string()), e.parse().unwrap_or(0))
}

fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.value;
        let typeset = self.notation == Notation::Typeset;
        if !v.is_finite() || v == 0.0 {
            return f.write_str(match (typeset, v) {
                (true, v) if v.is_nan() => "–",
                (true, v) if v == f64::INFINITY => "∞",
                (true, v) if v == f64::NEG_INFINITY => "−∞",
                (true, _) => "0",
                // Exact keeps the sign of zero; rounded text writes both zeros as "0".
                (false, v) if v == 0.0 && self.digits != Digits::Exact => "0",
                (false, v) => return write!(f, "{v}"),
            });
        }
        write_form(f, form(v, self.digits), self.notation)
    }
}

/// Writes a finite, non-zero number's form in the notation's symbols.
fn write_form(out: &mut impl fmt::Write, form: Form, notation: Notation) -> fmt::Result {
    let typeset = notation == Notation::Typeset;
    let minus = if typeset { "−" } else { "-" };
    match form {
        Form::Plain(s) => out.write_str(&s.replace('-', minus)),
        Form::Scientific(m, e) if typeset => {
            let power = format!("10{}", superscript(e));
            match m.as_str() {
                "1" => out.write_str(&power),
                "-1" => write!(out, "{minus}{power}"),
                _ => write!(out, "{}·{power}", m.replace('-', minus)),
            }
        }
        Form::Scientific(m, e) => write!(out, "{m}e{e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_well() {
        assert_eq!(rounded(0.5, 2), "0.5");
        assert_eq!(rounded(0.012, 2), "0.012");
        assert_eq!(rounded(-0.0344, 2), "−0.034");
        assert_eq!(rounded(12000.0, 3), "12000");
        assert_eq!(rounded(12345.0, 2), "12345");
        assert_eq!(rounded(2.0e-6, 2), "2·10⁻⁶");
        assert_eq!(rounded(1.0e-6, 2), "10⁻⁶");
        assert_eq!(rounded(-1.0e-6, 2), "−10⁻⁶");
        assert_eq!(rounded(-2.5e7, 2), "−2.5·10⁷");
        assert_eq!(rounded(9.99e-6, 2), "10⁻⁵");
        assert_eq!(rounded(0.0, 2), "0");
        assert_eq!(rounded(-0.0, 2), "0");
        assert_eq!(rounded(f64::NAN, 2), "–");
        assert_eq!(rounded(f64::NEG_INFINITY, 2), "−∞");
        assert_eq!(power_of_ten(1e-6, 2), "10⁻⁶");
        assert_eq!(power_of_ten(2e-5, 2), "2·10⁻⁵");
        assert_eq!(power_of_ten(1000.0, 2), "10³");
        assert_eq!(power_of_ten(9.99999999e4, 2), "10⁵");
        assert_eq!(count(10000), "10,000");
        assert_eq!(count(999), "999");
        assert_eq!(subscript(10), "₁₀");
        assert_eq!(superscript(-12), "⁻¹²");
    }

    #[test]
    fn exact_numbers_read_back() {
        // Plain where every digit counts, scientific where the plain form would be long.
        for (v, s) in [
            (0.1, "0.1"),
            (-0.5, "-0.5"),
            (1e-5, "0.00001"),
            (9.9e-6, "9.9e-6"),
            (1e15, "1000000000000000"),
            (1e16, "1e16"),
            (-1e-300, "-1e-300"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e308"),
            (0.0, "0"),
            (-0.0, "-0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "NaN"),
        ] {
            let written = exact(v).to_string();
            assert_eq!(written, s);
            let back: f64 = written.parse().unwrap();
            assert!(back.to_bits() == v.to_bits() || v.is_nan() && back.is_nan());
        }
    }

    #[test]
    fn rounded_text_is_ascii() {
        let n = |v| Number {
            value: v,
            digits: Digits::Significant(2),
            notation: Notation::Text,
        };
        assert_eq!(n(-1.234e-5).to_string(), "-1.2e-5");
        assert_eq!(n(1e-7).to_string(), "1e-7");
        assert_eq!(n(-0.0344).to_string(), "-0.034");
        assert_eq!(n(-0.0).to_string(), "0");
        assert_eq!(n(f64::NAN).to_string(), "NaN");
    }
}
