//! Every figure fed arbitrary numbers (NaN, infinities, huge and tiny values, negative counts
//! of classes, mismatched lengths) at arbitrary sizes and theme scales: it may draw or return an
//! error, but it must never panic.

mod render_support;

use gumbel_explorer::render::*;
use render_support::try_svg;

/// A fixed generator, so a failure reproduces.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 11
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn value(&mut self) -> f64 {
        const SPECIAL: [f64; 12] = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e300,
            -1e300,
            1e-300,
            f64::MIN_POSITIVE,
        ];
        if self.below(3) == 0 {
            SPECIAL[self.below(SPECIAL.len())]
        } else {
            (self.next() as f64 / (1u64 << 53) as f64) * 10f64.powi(self.below(9) as i32 - 6)
        }
    }

    fn values(&mut self) -> Vec<f64> {
        let n = [0, 1, 2, 3, 10, 11, 50][self.below(7)];
        (0..n).map(|_| self.value()).collect()
    }

    fn pairs(&mut self) -> Vec<(f64, f64)> {
        let n = [0, 1, 2, 5, 40][self.below(5)];
        (0..n).map(|_| (self.value(), self.value())).collect()
    }

    fn counts(&mut self) -> Vec<u64> {
        let n = [0, 1, 3, 10][self.below(4)];
        (0..n).map(|_| [0, 1, 7, u64::MAX][self.below(4)]).collect()
    }

    fn size(&mut self) -> (u32, u32) {
        const SIDES: [u32; 8] = [0, 1, 7, 60, 160, 333, 640, 1100];
        (SIDES[self.below(8)], SIDES[self.below(8)])
    }

    fn scale(&mut self) -> f64 {
        [1.0, 2.0, 0.5, 3.5, f64::NAN, 0.0, -1.0, 1e9][self.below(8)]
    }
}

const ROUNDS: usize = 150;

#[test]
fn bar_figures_never_panic() {
    let mut r = Lcg(1);
    for _ in 0..ROUNDS {
        let (size, scale) = (r.size(), r.scale());
        let d = GumbelMaxData {
            probs: r.values(),
            counts: r.counts(),
            n: [0, 1, 100, u64::MAX][r.below(4)],
            p_value: [None, Some(r.value())][r.below(2)],
        };
        let _ = try_svg(size, scale, |a, t| draw_gumbel_max(a, &d, t));
        let d = ExpectationData {
            probs: r.values(),
            mean: r.values(),
            std_err: r.values(),
            tau: r.value(),
        };
        let _ = try_svg(size, scale, |a, t| draw_expectation(a, &d, t));
        let d = ComponentHistogramsData {
            counts: (0..r.below(12)).map(|_| r.counts()).collect(),
            n: [0, 1, 100, u64::MAX][r.below(4)],
            mean: r.values(),
            probs: r.values(),
            tau: r.value(),
        };
        let _ = try_svg(size, scale, |a, t| draw_components(a, &d, t));
        let d = SampleStripData {
            samples: (0..r.below(40)).map(|_| r.values()).collect(),
            tau: r.value(),
        };
        let _ = try_svg(size, scale, |a, t| draw_sample_strip(a, &d, t));
        let d = Figure1Data {
            taus: r.values(),
            mean: (0..r.below(6)).map(|_| r.values()).collect(),
            sample: (0..r.below(6)).map(|_| r.values()).collect(),
            probs: r.values(),
        };
        let _ = try_svg(size, scale, |a, t| draw_figure1(a, &d, t));
        let d = StraightThroughData {
            soft: r.values(),
            hard: r.values(),
            chosen: [0, 1, 9, usize::MAX][r.below(4)],
            tau: r.value(),
        };
        let _ = try_svg(size, scale, |a, t| draw_straight_through(a, &d, t));
    }
}

#[test]
fn density_figures_never_panic() {
    let mut r = Lcg(2);
    for _ in 0..ROUNDS {
        let (size, scale) = (r.size(), r.scale());
        let (width, height) = [(0, 0), (3, 2), (60, 52), (u32::MAX, 2), (1, u32::MAX)][r.below(5)];
        let len = [0, 6, 3120, 100][r.below(4)];
        let d = SimplexHeatmapData {
            width,
            height,
            log_density: (0..len).map(|_| r.value()).collect(),
            lo: r.value(),
            hi: r.value(),
            points: r.pairs(),
            labels: Default::default(),
            tau: r.value(),
        };
        let _ = try_svg(size, scale, |a, t| draw_simplex(a, &d, t));
        let theme = Theme { scale };
        let (_, _, w, h) = simplex_raster_rect(size.0, size.1, &theme);
        if (w as usize) * (h as usize) <= 200_000 {
            let d = SimplexHeatmapData {
                width: w,
                height: h,
                log_density: (0..w * h).map(|_| r.value()).collect(),
                ..d
            };
            let _ = try_svg(size, scale, |a, t| draw_simplex(a, &d, t));
        }
        let d = BinaryDensityData {
            hist_density: r.values(),
            curve: r.pairs(),
            tau: r.value(),
            log_scale: r.below(2) == 0,
        };
        let _ = try_svg(size, scale, |a, t| draw_binary(a, &d, t));
        let d = ProjectionData {
            vertices: r.pairs(),
            points: r.pairs(),
            classes: (0..r.below(50)).map(|_| r.below(20)).collect(),
            tau: r.value(),
        };
        let _ = try_svg(size, scale, |a, t| draw_projection(a, &d, t));
    }
}

#[test]
fn training_figures_never_panic() {
    let mut r = Lcg(3);
    for _ in 0..ROUNDS {
        let (size, scale) = (r.size(), r.scale());
        let d = EstimatorsData {
            taus: r.values(),
            curves: (0..r.below(8))
                .map(|j| EstimatorCurve {
                    name: format!("e{j}"),
                    bias: r.values(),
                    bias_se: r.values(),
                    variance: r.values(),
                    variance_se: r.values(),
                })
                .collect(),
            current_tau: r.value(),
            exact: r.values(),
        };
        let _ = try_svg(size, scale, |a, t| draw_estimators(a, &d, t));
        let d = AnnealingData {
            curve: r.pairs(),
            current_step: r.value(),
            current_tau: r.value(),
            tau_min: r.value(),
        };
        let _ = try_svg(size, scale, |a, t| draw_annealing(a, &d, t));
        let d = CostData {
            curve: r.pairs(),
            paper: r.pairs(),
            current: (r.value(), r.value()),
        };
        let _ = try_svg(size, scale, |a, t| draw_cost(a, &d, t));
    }
}
