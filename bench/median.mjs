// The median the benchmarks report: of the finite values only (a missing reading is NaN or
// null), the mean of the middle two for an even count, and null when there is none.
export function median(xs) {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}
