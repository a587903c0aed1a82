//! The 15-point Gauss–Kronrod rule on one segment, for vector-valued integrands: the Kronrod
//! estimate of each component and QUADPACK's estimate of its error.

/// Abscissae of the 15-point Kronrod rule on [−1, 1] (non-negative half, largest first); the odd
/// positions 1, 3, 5 and 7 are the 7-point Gauss nodes.
const XGK: [f64; 8] = [
    0.991_455_371_120_812_6,
    0.949_107_912_342_758_5,
    0.864_864_423_359_769_1,
    0.741_531_185_599_394_4,
    0.586_087_235_467_691_1,
    0.405_845_151_377_397_2,
    0.207_784_955_007_898_5,
    0.0,
];
/// Kronrod weights for [`XGK`].
const WGK: [f64; 8] = [
    0.022_935_322_010_529_225,
    0.063_092_092_629_978_55,
    0.104_790_010_322_250_18,
    0.140_653_259_715_525_92,
    0.169_004_726_639_267_9,
    0.190_350_578_064_785_4,
    0.204_432_940_075_298_9,
    0.209_482_141_084_727_83,
];
/// Gauss weights for the nodes XGK[1], XGK[3], XGK[5] and XGK[7].
const WG: [f64; 4] = [
    0.129_484_966_168_869_7,
    0.279_705_391_489_276_7,
    0.381_830_050_505_118_9,
    0.417_959_183_673_469_4,
];

/// Integrand evaluations of one application of the rule.
pub const RULE_POINTS: usize = 15;

/// One application of the rule: the estimate and error of each component on the last segment,
/// with the buffers reused from one application to the next.
#[derive(Debug, Default)]
pub(crate) struct Rule {
    /// The Kronrod estimate of each component on the last segment.
    pub value: Vec<f64>,
    /// The error estimate of each component on the last segment.
    pub error: Vec<f64>,
    /// ∫|f − mean f| over the segment, per component.
    spread: Vec<f64>,
}

impl Rule {
    /// Prepares the buffers for a `dim`-valued integrand.
    pub fn reset(&mut self, dim: usize) {
        for buf in [&mut self.value, &mut self.error] {
            buf.clear();
            buf.resize(dim, 0.0);
        }
    }

    /// The `i`-th node of the rule on [a, b] (i < [`RULE_POINTS`]), in the order
    /// [`combine`](Self::combine) takes the integrand's values: each Kronrod abscissa from the
    /// largest, left of the centre then right, the centre last.
    pub fn node(a: f64, b: f64, i: usize) -> f64 {
        let centre = 0.5 * (a + b);
        let half = 0.5 * (b - a);
        let x = XGK.get(i / 2).copied().unwrap_or(0.0);
        let sign = if i.is_multiple_of(2) && x != 0.0 {
            -1.0
        } else {
            1.0
        };
        centre + sign * half * x
    }

    /// The estimate and error of each component on [a, b] from `nodes`, the integrand at the
    /// rule's nodes ([`node`](Self::node) 0, 1, …, `dim` values each). The error estimate per
    /// component is QUADPACK's ρ·min(1, (200 |K − G| / ρ)^{3/2}), where ρ = ∫|f − mean f| by the
    /// Kronrod rule: the power rewards a rule that has converged (the 15-point result is then
    /// far better than |K − G| says) and the factor 200 keeps an unresolved segment's estimate
    /// large. A non-finite value gives an infinite error.
    pub fn combine(&mut self, nodes: &[f64], a: f64, b: f64) {
        let half = 0.5 * (b - a);
        let dim = self.value.len();
        self.value.iter_mut().for_each(|v| *v = 0.0);
        self.error.iter_mut().for_each(|v| *v = 0.0);
        // `error` holds the Gauss sum until the end.
        for (i, row) in nodes.chunks_exact(dim.max(1)).take(RULE_POINTS).enumerate() {
            let j = i / 2;
            let w = WGK.get(j).copied().unwrap_or(0.0);
            for (kv, p) in self.value.iter_mut().zip(row) {
                *kv += w * p;
            }
            if j % 2 == 1 {
                let wg = WG.get(j / 2).copied().unwrap_or(0.0);
                for (gv, p) in self.error.iter_mut().zip(row) {
                    *gv += wg * p;
                }
            }
        }
        // ρ per component, over the nodes in the same order.
        self.spread.clear();
        self.spread.resize(dim, 0.0);
        let mut rows = nodes.chunks_exact(dim.max(1));
        for (&x, &w) in XGK.iter().zip(&WGK) {
            let count = if x == 0.0 { 1 } else { 2 };
            for row in rows.by_ref().take(count) {
                for ((r, p), kv) in self.spread.iter_mut().zip(row).zip(&self.value) {
                    *r += w * (p - 0.5 * kv).abs();
                }
            }
        }
        for ((kv, gv), r) in self
            .value
            .iter_mut()
            .zip(self.error.iter_mut())
            .zip(&self.spread)
        {
            let raw = ((*kv - *gv) * half).abs();
            *kv *= half;
            let rho = r * half.abs();
            let e = if rho > 0.0 && raw > 0.0 {
                let t = 200.0 * raw / rho;
                rho * (t * t.sqrt()).min(1.0)
            } else {
                raw
            };
            *gv = if e.is_nan() { f64::INFINITY } else { e };
        }
    }
}
