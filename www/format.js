// Text in and out of the controls: parsing what a person typed into numbers (Rust then
// decides whether the numbers are acceptable) and formatting numbers for readouts.

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

// "12" → "₁₂", for class labels such as π₁₂.
export function subscript(n) {
  return String(n).split('').map((d) => SUBSCRIPT_DIGITS[Number(d)] ?? d).join('');
}

// One number from a text field. Empty or non-numeric text is an error here; a number that
// overflows (1e400) becomes Infinity and Rust reports that it is not finite.
export function parseNumber(text, what) {
  // A true minus sign (as the readouts print it) is accepted as well as '-'.
  const t = String(text).trim().replace(/\u2212/g, '-');
  if (t === '') throw new Error('enter a number for ' + what);
  const v = Number(t);
  if (Number.isNaN(v)) throw new Error('"' + t.slice(0, 24) + '" is not a number (' + what + ')');
  return v;
}

// A comma- or space-separated list of numbers.
export function parseList(text, what) {
  const parts = String(text).replace(/\u2212/g, '-').split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new Error('enter one ' + what + ' per class, separated by commas');
  if (parts.length > 64) throw new Error('too many values: at most one ' + what + ' per class');
  return parts.map((p, i) => parseNumber(p, what + ' ' + (i + 1)));
}

export function formatNumber(x, digits) {
  if (!Number.isFinite(x)) return '–';
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5)) {
    // 1.000e-4 → 1e-4, 2.500e+6 → 2.5e6
    const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
    return String(Number(mantissa)) + 'e' + String(Number(exponent));
  }
  return String(Number(x.toPrecision(digits)));
}

// Lists are shown with a true minus sign, as the figures print them.
export function formatList(values, digits) {
  return Array.from(values, (v) => formatNumber(v, digits).replace(/^-/, '−')).join(', ');
}
