//! Adaptive Gauss–Kronrod quadrature (7-point Gauss, 15-point Kronrod) of vector-valued
//! integrands over a finite interval cut at given breakpoints.
//!
//! The exact expectations of the gradient estimators are one- and two-dimensional integrals whose
//! integrands change on the scale of τ next to known points (the decision boundaries of the
//! argmax). A fixed rule would miss a feature of width 0.01 next to an interval's end, so the
//! caller passes those points and the integrator starts from a grid graded towards them
//! ([`graded_breakpoints`]), then bisects the segment with the largest scaled error until every
//! checked component meets its tolerance or the segment budget is spent.
//!
//! The rule on each segment, with its error estimate, is in `gauss_kronrod`.

use super::gauss_kronrod::Rule;
pub use super::gauss_kronrod::RULE_POINTS;

/// Accuracy requested from [`Workspace::integrate`]. Component c is accurate enough when its
/// summed error estimate is at most max(`absolute[c]`, `relative` · |integral_c|).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tolerance<'a> {
    /// Absolute error accepted for each component (0 for a component beyond its end).
    pub absolute: &'a [f64],
    /// Error accepted relative to each component's own integral.
    pub relative: f64,
    /// Most segments kept; past it the integrator stops with what it has.
    pub max_segments: usize,
    /// How many leading components must meet the tolerance; the others are integrated along
    /// (an inner integral's error estimate, say) but never cause a bisection.
    pub checked: usize,
}

/// What an integration achieved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Accuracy {
    /// Whether every checked component met the tolerance within the segment budget.
    pub converged: bool,
    /// Integrand evaluations spent.
    pub evaluations: usize,
    /// Segments at the end.
    pub segments: usize,
}

#[derive(Clone, Copy, Debug)]
struct Segment {
    a: f64,
    b: f64,
    /// Largest checked error of the segment in units of its component's tolerance.
    score: f64,
}

/// An integration in progress, and the buffers it reuses: an inner integral of an iterated one
/// allocates nothing after its first call, and an expensive integral can be advanced a few
/// rules at a time ([`begin`](Self::begin), [`resume`](Self::resume), [`result`](Self::result)).
#[derive(Debug, Default)]
pub struct Workspace {
    dim: usize,
    absolute: Vec<f64>,
    relative: f64,
    max_segments: usize,
    checked: usize,
    /// The starting points, the next one to use and the last one used.
    points: Vec<f64>,
    next_point: usize,
    last_point: f64,
    evaluations: usize,
    finished: Option<Accuracy>,
    segments: Vec<Segment>,
    /// Kronrod estimate of each segment, `dim` values per segment.
    values: Vec<f64>,
    /// Error estimate of each segment, `dim` values per segment.
    errors: Vec<f64>,
    /// Per-component scale the scores are measured in.
    scales: Vec<f64>,
    /// Running sums of the segments' values and errors.
    totals: Vec<f64>,
    total_errors: Vec<f64>,
    rule: Rule,
}

impl Workspace {
    pub fn new() -> Self {
        Self::default()
    }

    /// ∫ f over [points[0], points[last]], where `f(x, out)` writes `out.len()` values and the
    /// points are sorted ascending (a non-finite point or one not above its predecessor is
    /// skipped). The integral is written into `out` and each component's error estimate into
    /// `errors` (`errors` should be as long as `out`; only the common length is written). Fewer
    /// than two usable points give exactly zero. A non-finite integrand value stops the
    /// integration, unconverged, with non-finite results.
    pub fn integrate<F: FnMut(f64, &mut [f64])>(
        &mut self,
        mut f: F,
        points: &[f64],
        tolerance: Tolerance<'_>,
        out: &mut [f64],
        errors: &mut [f64],
    ) -> Accuracy {
        self.begin(points, tolerance, out.len());
        let accuracy = loop {
            if let Some(accuracy) = self.resume(&mut f, usize::MAX) {
                break accuracy;
            }
        };
        self.result(out, errors);
        accuracy
    }

    /// Starts the integral of a `dim`-valued integrand from `points` (as in
    /// [`integrate`](Self::integrate)); nothing is evaluated until [`resume`](Self::resume).
    pub fn begin(&mut self, points: &[f64], tolerance: Tolerance<'_>, dim: usize) {
        self.dim = dim;
        self.absolute.clear();
        self.absolute.extend_from_slice(tolerance.absolute);
        self.relative = tolerance.relative;
        self.max_segments = tolerance.max_segments;
        self.checked = tolerance.checked.min(dim);
        self.points.clear();
        self.points.extend_from_slice(points);
        self.next_point = 0;
        self.last_point = f64::NAN;
        self.evaluations = 0;
        self.finished = None;
        self.segments.clear();
        self.values.clear();
        self.errors.clear();
        for buf in [&mut self.totals, &mut self.total_errors] {
            buf.clear();
            buf.resize(dim, 0.0);
        }
        self.rule.reset(dim);
    }

    /// Applies the rule at most `max_rules` times (at least once; each is [`RULE_POINTS`]
    /// evaluations of `f`, which must be the integrand given to every call since
    /// [`begin`](Self::begin)). Returns the accuracy once the integral is finished, `None` while
    /// work remains.
    pub fn resume(
        &mut self,
        f: &mut dyn FnMut(f64, &mut [f64]),
        max_rules: usize,
    ) -> Option<Accuracy> {
        if let Some(accuracy) = self.finished {
            return Some(accuracy);
        }
        let max_rules = max_rules.max(1);
        let mut rules = 0;
        while let Some(&p) = self.points.get(self.next_point) {
            if rules >= max_rules {
                return None;
            }
            self.next_point += 1;
            if !p.is_finite() {
                continue;
            }
            if p > self.last_point {
                self.push_rule(f, self.last_point, p);
                self.add_segment(self.segments.len() - 1, 1.0);
                rules += 1;
            }
            if self.last_point.is_nan() || p > self.last_point {
                self.last_point = p;
            }
            if self.next_point == self.points.len() {
                self.sum_segments();
                self.rescale();
            }
        }
        loop {
            let converged = (0..self.checked).all(|c| {
                let value = self.totals.get(c).copied().unwrap_or(0.0);
                let error = self.total_errors.get(c).copied().unwrap_or(0.0);
                error <= self.target(c, value)
            });
            let finite = self
                .totals
                .iter()
                .chain(&self.total_errors)
                .all(|v| v.is_finite());
            let worst = self
                .segments
                .iter()
                .enumerate()
                .fold((0, f64::NEG_INFINITY), |best, (s, seg)| {
                    if seg.score > best.1 {
                        (s, seg.score)
                    } else {
                        best
                    }
                })
                .0;
            let split = self.segments.get(worst).map(|seg| (seg.a, seg.b));
            let finished = match split {
                // No interval at all: the integral over nothing is exactly zero.
                None => Some(true),
                Some((a, b)) => {
                    let mid = 0.5 * (a + b);
                    // Done, out of budget, or the segment cannot be split in double precision.
                    let stop = converged
                        || !finite
                        || self.segments.len() >= self.max_segments
                        || !(mid > a && mid < b);
                    stop.then_some(converged && finite)
                }
            };
            if let Some(converged) = finished {
                self.sum_segments();
                let accuracy = Accuracy {
                    converged,
                    evaluations: self.evaluations,
                    segments: self.segments.len(),
                };
                self.finished = Some(accuracy);
                return Some(accuracy);
            }
            if rules > 0 && rules + 2 > max_rules {
                return None;
            }
            let (a, b) = split.unwrap_or_default();
            // Remove the old segment's share, then add both halves'.
            self.add_segment(worst, -1.0);
            self.replace_with_halves(f, worst, a, 0.5 * (a + b), b);
            rules += 2;
            self.add_segment(worst, 1.0);
            self.add_segment(self.segments.len() - 1, 1.0);
            // The scales follow the integral as it is resolved: refresh them (and every score)
            // each time the number of segments doubles.
            if self.segments.len().is_power_of_two() {
                self.sum_segments();
                self.rescale();
            }
        }
    }

    /// The integral so far into `out` and its error estimates into `errors` (common lengths).
    pub fn result(&self, out: &mut [f64], errors: &mut [f64]) {
        for (o, v) in out.iter_mut().zip(&self.totals) {
            *o = *v;
        }
        for (e, v) in errors.iter_mut().zip(&self.total_errors) {
            *e = *v;
        }
    }

    /// Integrand evaluations since [`begin`](Self::begin).
    pub fn evaluations(&self) -> usize {
        self.evaluations
    }

    /// Components of the integral in progress.
    pub fn result_len(&self) -> usize {
        self.dim
    }

    /// The error component `c` may have when its integral is `value`.
    fn target(&self, c: usize, value: f64) -> f64 {
        let absolute = self.absolute.get(c).copied().unwrap_or(0.0);
        absolute.max(self.relative * value.abs())
    }

    /// Adds `sign` times segment `s`'s integral and error to the running totals.
    fn add_segment(&mut self, s: usize, sign: f64) {
        let dim = self.dim;
        let range = s * dim..(s + 1) * dim;
        if let (Some(values), Some(errors)) =
            (self.values.get(range.clone()), self.errors.get(range))
        {
            for (o, v) in self.totals.iter_mut().zip(values) {
                *o += sign * v;
            }
            for (o, v) in self.total_errors.iter_mut().zip(errors) {
                *o += sign * v;
            }
        }
    }

    /// The exact sums over the segments (the running totals drift by rounding).
    fn sum_segments(&mut self) {
        let dim = self.dim;
        self.totals.iter_mut().for_each(|o| *o = 0.0);
        self.total_errors.iter_mut().for_each(|e| *e = 0.0);
        if dim == 0 {
            return;
        }
        for (v, e) in self
            .values
            .chunks_exact(dim)
            .zip(self.errors.chunks_exact(dim))
        {
            for (o, x) in self.totals.iter_mut().zip(v) {
                *o += x;
            }
            for (o, x) in self.total_errors.iter_mut().zip(e) {
                *o += x;
            }
        }
    }

    /// Sets each checked component's scale from the current integral and rescores every segment.
    fn rescale(&mut self) {
        let mut scales = std::mem::take(&mut self.scales);
        scales.clear();
        scales.extend(
            (0..self.checked).map(|c| self.target(c, self.totals.get(c).copied().unwrap_or(0.0))),
        );
        self.scales = scales;
        let dim = self.dim.max(1);
        for (seg, e) in self.segments.iter_mut().zip(self.errors.chunks_exact(dim)) {
            seg.score = score(e, &self.scales);
        }
    }

    /// Applies the rule on [a, b] and appends the segment.
    fn push_rule(&mut self, f: &mut dyn FnMut(f64, &mut [f64]), a: f64, b: f64) {
        self.rule.apply(f, a, b);
        self.evaluations += RULE_POINTS;
        self.values.extend_from_slice(&self.rule.value);
        self.errors.extend_from_slice(&self.rule.error);
        self.segments.push(Segment {
            a,
            b,
            score: f64::INFINITY,
        });
    }

    /// Replaces segment `s` = [a, b] by [a, mid] in place and appends [mid, b].
    fn replace_with_halves(
        &mut self,
        f: &mut dyn FnMut(f64, &mut [f64]),
        s: usize,
        a: f64,
        mid: f64,
        b: f64,
    ) {
        let dim = self.dim;
        self.push_rule(f, mid, b);
        if let Some(last) = self.segments.last_mut() {
            last.score = score(&self.rule.error, &self.scales);
        }
        self.rule.apply(f, a, mid);
        self.evaluations += RULE_POINTS;
        let range = s * dim..(s + 1) * dim;
        if let Some(values) = self.values.get_mut(range.clone()) {
            values.copy_from_slice(&self.rule.value);
        }
        if let Some(errors) = self.errors.get_mut(range) {
            errors.copy_from_slice(&self.rule.error);
        }
        if let Some(seg) = self.segments.get_mut(s) {
            *seg = Segment {
                a,
                b: mid,
                score: score(&self.rule.error, &self.scales),
            };
        }
    }
}

/// Largest error over the checked components, each in units of its scale.
fn score(errors: &[f64], scales: &[f64]) -> f64 {
    errors
        .iter()
        .zip(scales)
        .map(|(e, s)| {
            if *e == 0.0 {
                0.0
            } else if *s > 0.0 {
                e / s
            } else {
                f64::INFINITY
            }
        })
        .fold(0.0, f64::max)
}

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

    const FLOOR: [f64; 4] = [1e-15; 4];

    fn grading(width: f64, reach: f64) -> Grading {
        Grading {
            width,
            ratio: 2.0,
            reach,
        }
    }

    fn tolerance(relative: f64) -> Tolerance<'static> {
        Tolerance {
            absolute: &FLOOR,
            relative,
            max_segments: 2_000,
            checked: usize::MAX,
        }
    }

    /// `f` integrated over `points` in a fresh workspace: the N values, their error estimates
    /// and the accuracy reached.
    fn integrated<const N: usize>(
        f: impl FnMut(f64, &mut [f64]),
        points: &[f64],
        tolerance: Tolerance<'_>,
    ) -> ([f64; N], [f64; N], Accuracy) {
        let (mut out, mut err) = ([0.0; N], [0.0; N]);
        let acc = Workspace::new().integrate(f, points, tolerance, &mut out, &mut err);
        (out, err, acc)
    }

    /// σ(x) without overflow, and ln(1 + eˣ).
    fn sigmoid(x: f64) -> f64 {
        if x >= 0.0 {
            1.0 / (1.0 + (-x).exp())
        } else {
            x.exp() / (1.0 + x.exp())
        }
    }
    fn softplus(x: f64) -> f64 {
        x.max(0.0) + (-x.abs()).exp().ln_1p()
    }

    #[test]
    fn polynomials_are_exact() {
        // The 15-point Kronrod rule integrates degree ≤ 22 exactly: one segment suffices.
        let powers = |x: f64, o: &mut [f64]| {
            for (p, v) in o.iter_mut().enumerate() {
                *v = x.powi(p as i32);
            }
        };
        let (out, _, acc): ([f64; 4], _, _) = integrated(powers, &[0.0, 2.0], tolerance(1e-13));
        assert!(acc.converged);
        assert_eq!(acc.evaluations, RULE_POINTS);
        for (p, v) in out.iter().enumerate() {
            let exact = 2f64.powi(p as i32 + 1) / (p as f64 + 1.0);
            assert!((v - exact).abs() < 1e-14 * exact, "x^{p}: {v} vs {exact}");
        }
    }

    #[test]
    fn a_narrow_sigmoid_step_and_its_bump_are_found_from_graded_breakpoints() {
        // f₀ = σ((x − c)/w) and f₁ = σ'((x − c)/w)/w over [−40, 40]: a step and a bump of width
        // w = 0.01, as the estimators' integrands have next to an argmax boundary.
        let (c, w) = (0.3, 0.01);
        let mut points = Vec::new();
        graded_breakpoints(-40.0, 40.0, &[c], grading(w, 4.0), &mut points);
        assert!(points.contains(&c) && points.contains(&(c + 0.005)));
        let step_and_bump = |x: f64, o: &mut [f64]| {
            let s = sigmoid((x - c) / w);
            o[0] = s;
            o[1] = s * (1.0 - s) / w;
        };
        let (out, err, acc): ([f64; 2], _, _) =
            integrated(step_and_bump, &points, tolerance(1e-10));
        assert!(acc.converged);
        let step = w * (softplus((40.0 - c) / w) - softplus((-40.0 - c) / w));
        let bump = sigmoid((40.0 - c) / w) - sigmoid((-40.0 - c) / w);
        for (v, (exact, e)) in out.iter().zip([step, bump].iter().zip(&err)) {
            // The achieved error is below the tolerance, and the truth is within it.
            assert!(*e <= 1e-10 * exact.abs(), "estimate {e}");
            assert!((v - exact).abs() <= *e, "{v} vs {exact}: error {e}");
        }
    }

    #[test]
    fn the_logistic_density_integrates_to_one_minus_its_tails() {
        let density = |x: f64, o: &mut [f64]| {
            let a = -x.abs();
            o[0] = (a - 2.0 * a.exp().ln_1p()).exp();
        };
        let (out, _, acc): ([f64; 1], _, _) =
            integrated(density, &[-40.0, 0.0, 40.0], tolerance(1e-12));
        assert!(acc.converged);
        let exact = 1.0 - 2.0 * sigmoid(-40.0);
        assert!((out[0] - exact).abs() < 1e-12, "{}", out[0]);
    }

    #[test]
    fn unchecked_components_are_integrated_but_never_refine() {
        // Component 1 is a bump of width 0.05 that one rule cannot resolve; component 0 is a
        // polynomial the rule integrates exactly.
        let integrand = |x: f64, o: &mut [f64]| {
            o[0] = x * x;
            let s = sigmoid((x - 0.123) / 0.05);
            o[1] = s * (1.0 - s) / 0.05;
        };
        let mut ws = Workspace::new();
        let mut out = [0.0; 2];
        let mut err = [0.0; 2];
        let only_first = Tolerance {
            checked: 1,
            ..tolerance(1e-12)
        };
        let acc = ws.integrate(integrand, &[-1.0, 1.0], only_first, &mut out, &mut err);
        assert!(acc.converged);
        assert_eq!(acc.segments, 1);
        let acc = ws.integrate(
            integrand,
            &[-1.0, 1.0],
            tolerance(1e-12),
            &mut out,
            &mut err,
        );
        assert!(acc.converged && acc.segments > 1);
        let exact = sigmoid((1.0 - 0.123) / 0.05) - sigmoid((-1.0 - 0.123) / 0.05);
        assert!((out[1] - exact).abs() < 1e-11, "{} vs {exact}", out[1]);
    }

    #[test]
    fn bad_integrands_and_points_do_not_panic() {
        let mut ws = Workspace::new();
        let mut out = [0.0; 2];
        let mut err = [0.0; 2];
        let acc = ws.integrate(
            |x, o| {
                o[0] = 1.0 / x;
                o[1] = f64::NAN;
            },
            &[-1.0, 1.0],
            tolerance(1e-8),
            &mut out,
            &mut err,
        );
        assert!(!acc.converged);
        assert!(out[1].is_nan() || err[1].is_infinite());
        // Unsorted, repeated and non-finite points are skipped; no interval gives exactly 0.
        let acc = ws.integrate(
            |_, o| o.iter_mut().for_each(|v| *v = 1.0),
            &[f64::NAN, 2.0, 1.0, 2.0, f64::INFINITY, 3.0],
            tolerance(1e-8),
            &mut out,
            &mut err,
        );
        assert!(acc.converged);
        assert!((out[0] - 1.0).abs() < 1e-15);
        let acc = ws.integrate(|_, _| {}, &[1.0], tolerance(1e-8), &mut out, &mut err);
        assert!(acc.converged && out == [0.0, 0.0]);
        // The segment budget stops a hopeless integrand.
        let budget = Tolerance {
            max_segments: 10,
            ..tolerance(1e-15)
        };
        let acc = ws.integrate(
            |x, o| {
                o.iter_mut()
                    .for_each(|v| *v = (1.0 / x.abs().max(1e-300)).sqrt())
            },
            &[-1.0, 1.0],
            budget,
            &mut out,
            &mut err,
        );
        assert!(!acc.converged && acc.segments <= 10);
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
