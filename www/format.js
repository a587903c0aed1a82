// Text in and out of the editable fields: parsing what a person typed into numbers (Rust then
// decides whether the numbers are acceptable) and writing the state back into those fields; and
// the counts the readouts show.
//
// The fields need their own formatter: what they show must read back through parseNumber
// (plain decimals or 1e-5 notation), while Rust's figure formatter, which the readouts use,
// prints 1·10⁻⁵ and "–".
import { t } from './i18n.js';

// One number from a text field (`what` names it in the message, in the page's language). Empty or non-numeric text is an error here; a number that
// overflows (1e400) becomes Infinity and Rust reports that it is not finite.
export function parseNumber(text, what) {
  // A true minus sign (as the fields print it) is accepted as well as '-'.
  const typed = String(text).trim().replace(/\u2212/g, '-');
  if (typed === '') throw new Error(t('parse.empty', { what }));
  const v = Number(typed);
  if (Number.isNaN(v)) throw new Error(t('parse.notANumber', { text: typed.slice(0, 24), what }));
  return v;
}

// A comma- or space-separated list of numbers; Rust decides how many are acceptable.
export function parseList(text, what) {
  const parts = String(text).replace(/\u2212/g, '-').split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new Error(t('parse.emptyList', { what }));
  return parts.map((p, i) => parseNumber(p, t('parse.item', { what, i: i + 1 })));
}

// `x` with `digits` significant digits, in a form parseNumber reads back: 0.25, 1e-4, 2.5e6.
export function fieldNumber(x, digits) {
  if (!Number.isFinite(x)) return '–';
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5)) {
    // 1.000e-4 → 1e-4, 2.500e+6 → 2.5e6
    const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
    return String(Number(mantissa)) + 'e' + String(Number(exponent));
  }
  return String(Number(x.toPrecision(digits)));
}

// A list for a field, with a true minus sign (parseList accepts it).
export function fieldList(values, digits) {
  return Array.from(values, (v) => fieldNumber(v, digits).replace(/^-/, '−')).join(', ');
}

// A count with its digits grouped by commas (1,234,567), in every language, as
// toLocaleString('en-US') writes it, without the browser's number formatting, whose first use
// costs a task tens of milliseconds.
export function groupedCount(n) {
  const text = String(Math.round(n));
  return /^-?\d+$/.test(text) ? text.replace(/\B(?=(\d{3})+$)/g, ',') : text;
}
