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
pub use super::graded_breakpoints::{graded_breakpoints, Grading};

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
/// evaluations at a time ([`begin`](Self::begin), [`resume`](Self::resume),
/// [`result`](Self::result)), stopping even midway through a rule's nodes.
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
    /// The step in progress: the integrand at its first `done` nodes (`dim` values each), and
    /// for a bisection the segment split (index, a, b).
    nodes: Vec<f64>,
    done: usize,
    split: Option<(usize, f64, f64)>,
    /// One value of the integrand.
    point: Vec<f64>,
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
        self.nodes.clear();
        self.done = 0;
        self.split = None;
        for buf in [&mut self.totals, &mut self.total_errors, &mut self.point] {
            buf.clear();
            buf.resize(dim, 0.0);
        }
        self.rule.reset(dim);
    }

    /// Evaluates `f` at most `max_evaluations` times (at least once), then stops, wherever it
    /// is: `f` must be the integrand given to every call since [`begin`](Self::begin). Returns
    /// the accuracy once the integral is finished, `None` while work remains. The result does
    /// not depend on how the work was divided into calls.
    pub fn resume(
        &mut self,
        f: &mut dyn FnMut(f64, &mut [f64]),
        max_evaluations: usize,
    ) -> Option<Accuracy> {
        if let Some(accuracy) = self.finished {
            return Some(accuracy);
        }
        let mut budget = max_evaluations.max(1);
        while let Some(&p) = self.points.get(self.next_point) {
            if p.is_finite() && p > self.last_point {
                let a = self.last_point;
                if !self.evaluate(f, &[(a, p)], &mut budget) {
                    return None;
                }
                self.push_rule(0, a, p);
                self.end_step();
                self.add_segment(self.segments.len() - 1, 1.0);
            }
            self.next_point += 1;
            if !p.is_finite() {
                continue;
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
            let (worst, a, b) = match self.split {
                Some(split) => split,
                None => match self.next_split() {
                    Ok(split) => *self.split.insert(split),
                    Err(accuracy) => return Some(accuracy),
                },
            };
            let mid = 0.5 * (a + b);
            if !self.evaluate(f, &[(mid, b), (a, mid)], &mut budget) {
                return None;
            }
            self.split = None;
            // Remove the old segment's share, then add both halves'.
            self.add_segment(worst, -1.0);
            self.replace_with_halves(worst, a, mid, b);
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

    /// The segment to bisect next (index, a, b), or the accuracy when the integral is finished
    /// (then recorded).
    fn next_split(&mut self) -> Result<(usize, f64, f64), Accuracy> {
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
        // Go on unless done, out of budget, or the segment cannot be split in double precision.
        let open = self.segments.get(worst).filter(|seg| {
            let mid = 0.5 * (seg.a + seg.b);
            !converged
                && finite
                && self.segments.len() < self.max_segments
                && mid > seg.a
                && mid < seg.b
        });
        if let Some(seg) = open {
            return Ok((worst, seg.a, seg.b));
        }
        self.sum_segments();
        let accuracy = Accuracy {
            // No interval at all: the integral over nothing is exactly zero.
            converged: self.segments.is_empty() || (converged && finite),
            evaluations: self.evaluations,
            segments: self.segments.len(),
        };
        self.finished = Some(accuracy);
        Err(accuracy)
    }

    /// Evaluates `f` at the rule's nodes on each of `segments` in turn, from where the last call
    /// stopped, while `budget` lasts (one per evaluation). Returns whether all are done.
    fn evaluate(
        &mut self,
        f: &mut dyn FnMut(f64, &mut [f64]),
        segments: &[(f64, f64)],
        budget: &mut usize,
    ) -> bool {
        while let Some(&(a, b)) = segments.get(self.done / RULE_POINTS) {
            if *budget == 0 {
                return false;
            }
            *budget -= 1;
            f(Rule::node(a, b, self.done % RULE_POINTS), &mut self.point);
            self.nodes.extend_from_slice(&self.point);
            self.done += 1;
            self.evaluations += 1;
        }
        true
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

    /// Applies the rule on [a, b] to the `rule`-th set of nodes the step evaluated and appends
    /// the segment.
    fn push_rule(&mut self, rule: usize, a: f64, b: f64) {
        let len = RULE_POINTS * self.dim;
        let nodes = self.nodes.get(rule * len..(rule + 1) * len).unwrap_or(&[]);
        self.rule.combine(nodes, a, b);
        self.values.extend_from_slice(&self.rule.value);
        self.errors.extend_from_slice(&self.rule.error);
        self.segments.push(Segment {
            a,
            b,
            score: f64::INFINITY,
        });
    }

    /// Forgets the nodes of the step just finished.
    fn end_step(&mut self) {
        self.nodes.clear();
        self.done = 0;
    }

    /// Replaces segment `s` = [a, b] by [a, mid] in place and appends [mid, b], from the nodes
    /// evaluated on [mid, b] then [a, mid].
    fn replace_with_halves(&mut self, s: usize, a: f64, mid: f64, b: f64) {
        let dim = self.dim;
        self.push_rule(0, mid, b);
        if let Some(last) = self.segments.last_mut() {
            last.score = score(&self.rule.error, &self.scales);
        }
        let nodes = self.nodes.get(RULE_POINTS * dim..).unwrap_or(&[]);
        self.rule.combine(nodes, a, mid);
        self.end_step();
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
    fn an_integral_resumed_one_evaluation_at_a_time_is_the_integral_at_once() {
        // A bump that takes bisections to resolve; every call stops after one evaluation,
        // midway through a rule's nodes or a bisection's two rules.
        let bump = |x: f64, o: &mut [f64]| {
            let s = sigmoid((x - 0.3) / 0.01);
            o[0] = s;
            o[1] = s * (1.0 - s) / 0.01;
        };
        let points = [-40.0, f64::NAN, 0.0, 40.0];
        let (whole, whole_errors, whole_accuracy): ([f64; 2], _, _) =
            integrated(bump, &points, tolerance(1e-10));
        let mut ws = Workspace::new();
        ws.begin(&points, tolerance(1e-10), 2);
        let mut calls = 0;
        let mut f = bump;
        let accuracy = loop {
            calls += 1;
            if let Some(accuracy) = ws.resume(&mut f, 1) {
                break accuracy;
            }
            assert_eq!(ws.evaluations(), calls);
        };
        assert_eq!(accuracy, whole_accuracy);
        assert!(accuracy.converged && accuracy.segments > 4);
        assert_eq!(calls, accuracy.evaluations);
        let (mut out, mut errors) = ([0.0; 2], [0.0; 2]);
        ws.result(&mut out, &mut errors);
        assert_eq!((out, errors), (whole, whole_errors));
    }
}
