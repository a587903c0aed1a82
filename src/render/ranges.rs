//! Axis ranges made safe to plot, and curves cut where they leave the plot. Plain numbers, no
//! drawing: plotters asserts on NaN ranges and can loop forever on infinite ones, so every range
//! a figure hands to plotters passes through here, and clipping happens here instead of trusting
//! every data point to fall inside the plot.

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

/// The points whose two coordinates are finite, in their order: what a figure can place.
pub fn finite_points(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    points
        .iter()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect()
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
    // The generic part only finds the extremes; the rest is one function for every caller.
    let (mut lo, mut hi) = (f64::INFINITY, 0.0_f64);
    for v in values {
        if v.is_finite() && v > 0.0 {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    padded_log_range(lo, hi, max_ratio)
}

/// [`log_range`] from the smallest and largest positive finite value (`hi` = 0: there is none).
fn padded_log_range(lo: f64, hi: f64, max_ratio: f64) -> Option<(f64, f64)> {
    if hi <= 0.0 {
        return None;
    }
    let hi = hi.min(1e300);
    let lo = lo.max(1e-300);
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

#[cfg(test)]
mod tests {
    use super::*;

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
