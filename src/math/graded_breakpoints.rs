//! Starting points for an adaptive integral whose integrand changes quickly next to known
//! points: the ends, each such point, and points graded geometrically away from it.

/// Where an integrand changes quickly: next to each centre, on the scale `width`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grading {
    /// The scale of the feature at each centre.
    pub width: f64,
    /// Factor between successive distances from a centre (2 for a fine start, more for a
    /// rough one).
    pub ratio: f64,
    /// Distance from a centre beyond which no point is placed.
    pub reach: f64,
}

/// Breakpoints for an integral over [lo, hi] whose integrand changes on the scale
/// `grading.width` next to each of `centres`: the ends, each centre, and points at
/// centre ± width·ratioʲ/2 (j = 0, 1, …) below a distance of `reach`, sorted, deduplicated and
/// inside [lo, hi]. Written into `out` (cleared first); non-finite centres are skipped.
pub fn graded_breakpoints(lo: f64, hi: f64, centres: &[f64], grading: Grading, out: &mut Vec<f64>) {
    out.clear();
    out.push(lo);
    out.push(hi);
    let ratio = if grading.ratio > 1.0 {
        grading.ratio
    } else {
        2.0
    };
    for &c in centres {
        if !(c > lo && c < hi) {
            continue;
        }
        out.push(c);
        let mut d = 0.5 * grading.width;
        while d > 0.0 && d < grading.reach {
            for p in [c - d, c + d] {
                if p > lo && p < hi {
                    out.push(p);
                }
            }
            d *= ratio;
        }
    }
    out.sort_by(f64::total_cmp);
    out.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grading(width: f64, reach: f64) -> Grading {
        Grading {
            width,
            ratio: 2.0,
            reach,
        }
    }

    #[test]
    fn graded_breakpoints_stay_inside_and_sorted() {
        let mut pts = Vec::new();
        graded_breakpoints(
            -1.0,
            1.0,
            &[0.9, 5.0, f64::NAN],
            grading(0.1, 4.0),
            &mut pts,
        );
        assert_eq!(pts.first(), Some(&-1.0));
        assert_eq!(pts.last(), Some(&1.0));
        assert!(pts.windows(2).all(|w| w[0] < w[1]));
        let near = |pts: &[f64], x: f64| pts.iter().any(|p| (p - x).abs() < 1e-12);
        assert!([0.9, 0.85, 0.95, 0.5, 0.1].iter().all(|&x| near(&pts, x)));
        graded_breakpoints(-1.0, 1.0, &[0.9], grading(0.1, 0.5), &mut pts);
        assert!(near(&pts, 0.5) && !near(&pts, 0.1));
    }
}
