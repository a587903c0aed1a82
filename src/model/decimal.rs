//! Reading a decimal number as the nearest `f64`: the same results as `str::parse::<f64>` on
//! every input, in far less code (the standard library's reader carries a large table of powers
//! of five and several algorithms for speed; the numbers of a link or a table are few and short).
//!
//! The grammar is the standard library's: an optional sign, then `inf`, `infinity` or `nan` in
//! any case, or digits with an optional `.` (at least one digit on either side) and an optional
//! exponent `e`/`E` with an optional sign and at least one digit. The value is rounded to nearest,
//! ties to even, exactly: the digits become a big integer N and the power of ten a big integer
//! (a multiplier of N or a divisor D), and 56 bits of N/D plus whether anything is left over
//! decide the rounding. Digits past the 800th significant one only matter through whether any
//! of them is non-zero (a value halfway between two doubles has at most 767 significant
//! digits), so they are replaced by one final non-zero digit.

use std::cmp::Ordering;

/// The significant digits kept exactly; see the file's opening comment.
const MAX_DIGITS: usize = 800;
/// Where an exponent's digits stop counting (the standard library's rule, so that even an
/// exponent of more digits than anyone writes gives the same value): past it, the value is 0 or
/// infinite unless the number has tens of thousands of digits.
const MAX_EXPONENT: i64 = 0x10000;

/// The `f64` nearest to `text`, or `None` where `str::parse::<f64>` returns an error.
pub fn parse_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    let magnitude = special(rest).or_else(|| decimal(rest))?;
    Some(if negative { -magnitude } else { magnitude })
}

fn special(s: &[u8]) -> Option<f64> {
    if s.eq_ignore_ascii_case(b"inf") || s.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if s.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// The digits of a decimal number: its value is `digits × 10^exponent`.
struct Decimal {
    /// Significant digits (0–9), without leading zeros.
    digits: Vec<u8>,
    exponent: i64,
    /// Whether a non-zero digit past `MAX_DIGITS` was dropped.
    dropped: bool,
}

impl Decimal {
    fn push(&mut self, digit: u8, fraction: bool) {
        if fraction {
            self.exponent -= 1;
        }
        if self.digits.len() < MAX_DIGITS {
            if digit != 0 || !self.digits.is_empty() {
                self.digits.push(digit);
            }
        } else {
            // Keeping `digits` for `digits × 10 + digit` scales the value by ten.
            self.exponent += 1;
            self.dropped |= digit != 0;
        }
    }
}

/// A number without its sign, if `s` is one.
fn decimal(s: &[u8]) -> Option<f64> {
    let mut d = Decimal {
        digits: Vec::new(),
        exponent: 0,
        dropped: false,
    };
    let mut i = 0;
    let mut any = false;
    let mut fraction = false;
    while let Some(&c) = s.get(i) {
        if c.is_ascii_digit() {
            d.push(c - b'0', fraction);
            any = true;
        } else if c == b'.' && !fraction {
            fraction = true;
        } else {
            break;
        }
        i += 1;
    }
    if !any {
        return None;
    }
    if let Some(b'e' | b'E') = s.get(i) {
        i += 1;
        let sign = match s.get(i) {
            Some(b'-') => -1,
            Some(b'+') => 1,
            _ => 0,
        };
        if sign != 0 {
            i += 1;
        }
        let start = i;
        let mut e: i64 = 0;
        while let Some(&c) = s.get(i).filter(|c| c.is_ascii_digit()) {
            if e < MAX_EXPONENT {
                e = e * 10 + i64::from(c - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        d.exponent += if sign < 0 { -e } else { e };
    }
    if i != s.len() {
        return None;
    }
    if d.dropped {
        d.digits.push(1);
        d.exponent -= 1;
    }
    Some(nearest(&d))
}

/// The double nearest to `d`, ties to even.
fn nearest(d: &Decimal) -> f64 {
    let n = d.digits.len() as i64;
    if n == 0 || d.exponent + n < -324 {
        // Below 10^-325, less than half the smallest subnormal 2^-1074.
        return 0.0;
    }
    if d.exponent + n > 310 {
        return f64::INFINITY;
    }
    let mut num = vec![0u32];
    for &digit in &d.digits {
        mul_add(&mut num, 10, u32::from(digit));
    }
    let mut den = vec![1u32];
    for _ in 0..d.exponent.unsigned_abs() {
        mul_add(if d.exponent > 0 { &mut num } else { &mut den }, 10, 0);
    }
    // x = num/den lies in (2^(b-1), 2^(b+1)); q = ⌊x · 2^s⌋ lies in [2^54, 2^56).
    let b = bit_len(&num) as i64 - bit_len(&den) as i64;
    let s = 55 - b;
    let (mut num, den) = if s >= 0 {
        (shl(&num, s as u64), den)
    } else {
        (num, shl(&den, s.unsigned_abs()))
    };
    let mut q: u64 = 0;
    for i in (0..57).rev() {
        let part = shl(&den, i);
        if compare(&num, &part) != Ordering::Less {
            sub(&mut num, &part);
            q |= 1 << i;
        }
    }
    let sticky = num.iter().any(|&w| w != 0);
    round(q, s, sticky)
}

/// `q × 2^-s` (q with 55 or 56 bits, `sticky` when the true value is a little more) rounded to
/// a double: 53 bits for a normal result, fewer for a subnormal one.
fn round(q: u64, s: i64, sticky: bool) -> f64 {
    let q_bits = 64 - i64::from(q.leading_zeros());
    let shift = (q_bits - 53).max(s - 1074);
    if shift > q_bits {
        return 0.0;
    }
    let rest = q & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    let mut m = q >> shift;
    if rest > half || (rest == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    // The weight of m's last bit; at least 2^-1074 by the choice of `shift`.
    let e2 = shift - s;
    if e2 > 1023 {
        return f64::INFINITY;
    }
    let scale = if e2 >= -1022 {
        f64::from_bits(((e2 + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e2 + 1074))
    };
    // m ≤ 2^53 and the scale are exact, so the product is the rounded value (or infinity).
    m as f64 * scale
}

/// `v ← v × factor + add`.
fn mul_add(v: &mut Vec<u32>, factor: u32, add: u32) {
    let mut carry = u64::from(add);
    for w in v.iter_mut() {
        let t = u64::from(*w) * u64::from(factor) + carry;
        *w = t as u32;
        carry = t >> 32;
    }
    if carry != 0 {
        v.push(carry as u32);
    }
}

fn bit_len(v: &[u32]) -> u64 {
    match v.iter().rposition(|&w| w != 0) {
        Some(top) => top as u64 * 32 + 32 - u64::from(v[top].leading_zeros()),
        None => 0,
    }
}

/// `v × 2^bits`.
fn shl(v: &[u32], bits: u64) -> Vec<u32> {
    let words = (bits / 32) as usize;
    let bits = (bits % 32) as u32;
    let mut out = vec![0u32; words];
    let mut carry = 0u32;
    for &w in v {
        out.push((w << bits) | carry);
        carry = if bits == 0 { 0 } else { w >> (32 - bits) };
    }
    out.push(carry);
    out
}

fn compare(a: &[u32], b: &[u32]) -> Ordering {
    let len = a.len().max(b.len());
    for i in (0..len).rev() {
        let (x, y) = (a.get(i).copied(), b.get(i).copied());
        match x.unwrap_or(0).cmp(&y.unwrap_or(0)) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    Ordering::Equal
}

/// `a ← a − b`, for `a ≥ b`.
fn sub(a: &mut [u32], b: &[u32]) {
    let mut borrow = 0i64;
    for (i, w) in a.iter_mut().enumerate() {
        let t = i64::from(*w) - i64::from(b.get(i).copied().unwrap_or(0)) - borrow;
        *w = t as u32;
        borrow = i64::from(t < 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};

    /// Whether `parse_f64` agrees with the standard library on `text`, to the bit.
    fn agrees(text: &str) -> bool {
        match (parse_f64(text), text.parse::<f64>().ok()) {
            (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            (None, None) => true,
            _ => false,
        }
    }

    fn check(text: &str) {
        assert!(
            agrees(text),
            "{text:?}: {:?} against {:?}",
            parse_f64(text),
            text.parse::<f64>()
        );
    }

    #[test]
    fn reads_the_forms_the_standard_library_reads_and_refuses_the_rest() {
        for text in [
            "0",
            "-0",
            "+0",
            "1",
            "1.",
            ".5",
            "-.5",
            "0.1",
            "1e5",
            "1E5",
            "1e+5",
            "1e-5",
            "2.5e-3",
            "007",
            "0.000",
            "1.5e-7",
            "inf",
            "-inf",
            "+Infinity",
            "INF",
            "NaN",
            "-nan",
            "nan",
            "",
            ".",
            "-",
            "+",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "1..2",
            " 1",
            "1 ",
            "0x10",
            "1_000",
            "infinit",
            "nana",
            "1e5.0",
            "--1",
            "+-1",
            "1,5",
            "١",
        ] {
            check(text);
        }
    }

    /// 2^-n written out exactly: 5^n / 10^n.
    fn exact_power_of_half(n: usize) -> String {
        let mut digits = vec![1u32]; // little-endian decimal digits of 5^n
        for _ in 0..n {
            let mut carry = 0;
            for d in digits.iter_mut() {
                let t = *d * 5 + carry;
                *d = t % 10;
                carry = t / 10;
            }
            while carry > 0 {
                digits.push(carry % 10);
                carry /= 10;
            }
        }
        let text: String = digits
            .iter()
            .rev()
            .map(|d| char::from(b'0' + *d as u8))
            .collect();
        format!("0.{}{text}", "0".repeat(n - digits.len()))
    }

    #[test]
    fn rounds_the_hard_cases_as_the_standard_library_does() {
        let mut cases = vec![
            "1.7976931348623157e308".to_string(),
            "1.7976931348623158e308".to_string(), // rounds down to the largest double
            "1.7976931348623159e308".to_string(), // rounds to infinity
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791".to_string(),
            "4.9406564584124654e-324".to_string(), // the smallest subnormal
            "2.4703282292062327e-324".to_string(), // just below half of it: 0
            "2.4703282292062328e-324".to_string(), // just above half of it
            "2.2250738585072011e-308".to_string(), // the largest subnormal's neighbourhood
            "2.2250738585072012e-308".to_string(),
            "9007199254740993".to_string(), // 2^53 + 1: a tie, to even
            "9007199254740995".to_string(),
            "9007199254740993.0000000000000000000000000000001".to_string(),
            "0.1e-400".to_string(),
            "1e400".to_string(),
            "1e-99999999999999999999".to_string(),
            "1e99999999999999999999".to_string(),
            "0e99999999999999999999".to_string(),
            "0.30000000000000004".to_string(),
            "123456789012345678901234567890".to_string(),
        ];
        // 2^-1075 exactly (a tie between 0 and the smallest subnormal), and a hair above it,
        // far past the 800th digit.
        let tie = exact_power_of_half(1075);
        // 1 + 2^-53 exactly: halfway between 1 and the next double, to even (1).
        let one_tie = "1".to_string() + &exact_power_of_half(53)[1..];
        cases.push(one_tie.clone());
        cases.push(one_tie + "000000001");
        cases.push(tie.clone());
        cases.push(tie.clone() + "0000001");
        cases.push(tie.clone() + &"0".repeat(2000) + "1");
        cases.push("1".to_string() + &"0".repeat(900) + "e-900");
        cases.push("9007199254740993".to_string() + &"0".repeat(900) + "1e-900");
        // Exponents that only digits as many make sensible, and ones past counting.
        let zeros = "0".repeat(150_000);
        cases.push(format!("0.{zeros}1e150000"));
        cases.push(format!("1{zeros}e-150001"));
        cases.push(format!("0.{zeros}1e1500000"));
        cases.push(format!("1{zeros}e-1500000"));
        for text in cases {
            check(&text);
            check(&format!("-{text}"));
        }
    }

    #[test]
    fn agrees_with_the_standard_library_on_random_numbers() {
        // Random digit strings, exponents, signs and points, the shortest forms of random
        // doubles, and strings that are a few characters off the grammar; a fixed seed.
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(20);
        let alphabet = b"0123456789.eE+-in";
        for _ in 0..20_000 {
            let digits: String = (0..rng.random_range(1..40))
                .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
                .collect();
            let point = rng.random_range(0..=digits.len());
            let exponent = rng.random_range(-360..360);
            let text = format!("{}.{}e{exponent}", &digits[..point], &digits[point..]);
            check(&text);
            let double = f64::from_bits(rng.random::<u64>());
            check(&double.to_string());
            check(&format!("{double:e}"));
            check(&format!("{double:.25e}"));
            let noise: String = (0..rng.random_range(0..8))
                .map(|_| char::from(alphabet[rng.random_range(0..alphabet.len())]))
                .collect();
            check(&noise);
        }
    }
}
