//! Plain numbers each figure draws. The model layer fills these from the math core;
//! the figures only draw them, so a figure never samples, integrates or estimates anything itself.

use crate::i18n::Lang;

/// Look shared by every figure: `scale` multiplies font sizes, line widths and margins
/// (the canvas is sized in device pixels, so on a HiDPI screen `scale` is the device pixel ratio);
/// `lang` is the language of every word the figure draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub scale: f64,
    pub lang: Lang,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            scale: 1.0,
            lang: Lang::En,
        }
    }
}

/// View 1: Gumbel-Max. Empirical argmax frequencies next to π.
#[derive(Clone, Debug, Default)]
pub struct GumbelMaxData {
    /// Class probabilities π (normalised), length k.
    pub probs: Vec<f64>,
    /// How many of the `n` draws chose each class, length k.
    pub counts: Vec<u64>,
    /// Number of draws.
    pub n: u64,
    /// Standard error of each class's argmax frequency, √(f(1 − f)/n), length k: the figure
    /// draws a ±2 SE whisker.
    pub std_err: Vec<f64>,
    /// Chi-square goodness-of-fit p-value of `counts` against `probs` (None when undefined).
    pub p_value: Option<f64>,
}

/// View 2a: per-component histograms of y_i over [0, 1].
#[derive(Clone, Debug, Default)]
pub struct ComponentHistogramsData {
    /// `counts[i][b]`: samples whose component i falls in bin b; bins split [0, 1] evenly.
    pub counts: Vec<Vec<u64>>,
    /// Number of samples.
    pub n: u64,
    /// E[y_i] estimated from the samples, length k.
    pub mean: Vec<f64>,
    /// π, length k.
    pub probs: Vec<f64>,
    pub tau: f64,
}

/// View 2b: E[y] next to π (grouped bars).
#[derive(Clone, Debug, Default)]
pub struct ExpectationData {
    pub probs: Vec<f64>,
    pub mean: Vec<f64>,
    /// Standard error of each mean component (for error bars).
    pub std_err: Vec<f64>,
    pub tau: f64,
}

/// View 2c: a strip of individual samples, each a stacked bar of its k components.
#[derive(Clone, Debug, Default)]
pub struct SampleStripData {
    /// Each inner vector is one sample y (length k, sums to 1).
    pub samples: Vec<Vec<f64>>,
    pub tau: f64,
}

/// View 2d, after the paper's Figure 1. One column per temperature: E[y] above, one sample below.
#[derive(Clone, Debug, Default)]
pub struct Figure1Data {
    pub taus: Vec<f64>,
    /// `mean[j]`: E[y] at `taus[j]`.
    pub mean: Vec<Vec<f64>>,
    /// `sample[j]`: one sample at `taus[j]` (the same Gumbel noise for every column).
    pub sample: Vec<Vec<f64>>,
    /// Categorical π for reference (the τ → 0 limit of E[y]).
    pub probs: Vec<f64>,
}

/// View 3 (k = 3): log density over the triangle with the samples overlaid.
#[derive(Clone, Debug, Default)]
pub struct SimplexHeatmapData {
    /// The triangle's corners in the plane, for e₁, e₂ and e₃: e₁ bottom left, e₂ bottom right,
    /// e₃ the apex (the model passes the maths' equilateral triangle, (0, 0), (1, 0), (½, √3/2)).
    /// The raster covers their bounding box, and `points` lie in the same plane.
    pub vertices: [(f64, f64); 3],
    /// Raster size in pixels of the rectangle that holds the triangle (its bounding box).
    pub width: u32,
    pub height: u32,
    /// Row-major `width * height` log-density values; NaN outside the triangle. With the
    /// bounding box [x₀, x₁] × [y₀, y₁] of `vertices`, pixel (px, py) is the point
    /// x = x₀ + (px + 0.5) / width · (x₁ − x₀), y = y₀ + (height − py − 0.5) / height · (y₁ − y₀).
    pub log_density: Vec<f64>,
    /// The pixel size the raster is shown at when it is a coarse one (while an input is in
    /// progress), each pixel taking the raster pixel under its centre; `None`: its own size.
    pub scaled_to: Option<(u32, u32)>,
    /// Colour-bar range (log-density values mapped to the two ends of the colour map).
    pub lo: f64,
    pub hi: f64,
    /// Samples to overlay, already mapped to triangle coordinates (x, y).
    pub points: Vec<(f64, f64)>,
    /// Vertex labels, e.g. "e₁  π₁ = 0.20".
    pub labels: [String; 3],
    pub tau: f64,
}

/// View 3 (k = 2): the density of y₁ over the histogram of sampled y₁.
#[derive(Clone, Debug, Default)]
pub struct BinaryDensityData {
    /// Histogram of y₁ over [0, 1], evenly split bins, normalised as a density.
    pub hist_density: Vec<f64>,
    /// Density curve: (x, p(x)) points, x increasing in (0, 1).
    pub curve: Vec<(f64, f64)>,
    pub tau: f64,
    /// Plot p(x) on a log axis (the density spans orders of magnitude at small τ).
    pub log_scale: bool,
}

/// View 3 (k > 3): samples projected into a regular k-gon.
#[derive(Clone, Debug, Default)]
pub struct ProjectionData {
    /// Polygon vertices in the plane (the images of e_1 … e_k).
    pub vertices: Vec<(f64, f64)>,
    /// Projected samples, and the class (argmax) of each, used for colour.
    pub points: Vec<(f64, f64)>,
    pub classes: Vec<usize>,
    pub tau: f64,
}

/// View 4: straight-through. Forward value (hard one-hot z) beside the soft y.
#[derive(Clone, Debug, Default)]
pub struct StraightThroughData {
    pub soft: Vec<f64>,
    pub hard: Vec<f64>,
    /// Class chosen by argmax (index into `soft`).
    pub chosen: usize,
    pub tau: f64,
}

/// One estimator in view 5. Every vector holds one value per τ of `EstimatorsData::taus`; NaN
/// means "nothing to draw there".
#[derive(Clone, Debug, Default)]
pub struct EstimatorCurve {
    /// Legend label, e.g. "GS" or "SF + b* (best constant)".
    pub name: String,
    /// Short name for notes inside the plot, e.g. "SF+b*".
    pub short_name: String,
    /// Whether the estimator ignores τ (its Monte Carlo variance is one number, drawn once).
    pub independent_of_tau: bool,
    /// Exact bias ‖E[ĝ] − ∇F‖, drawn as a line; exactly 0 for an estimator unbiased by a
    /// theorem, drawn on the floor of the log axis and said so.
    pub exact_bias: Vec<f64>,
    /// Exact variance tr Cov[ĝ], drawn as a line (0 for an estimator with no variance).
    pub exact_variance: Vec<f64>,
    /// Monte Carlo bias, corrected for the noise of the mean, and the ends of its error bar.
    pub bias: Vec<f64>,
    pub bias_lo: Vec<f64>,
    pub bias_hi: Vec<f64>,
    /// √(tr Ĉov/M): a bias below it is not resolvable with M samples.
    pub floor: Vec<f64>,
    /// Monte Carlo variance and its standard error.
    pub variance: Vec<f64>,
    pub variance_se: Vec<f64>,
}

/// View 5: bias and variance of the gradient estimators against τ (log-log): exact curves as
/// lines, Monte Carlo estimates as points with error bars (or, where nothing is exact, as a line
/// with a band).
#[derive(Clone, Debug, Default)]
pub struct EstimatorsData {
    pub taus: Vec<f64>,
    pub curves: Vec<EstimatorCurve>,
    /// Current τ, marked with a vertical line.
    pub current_tau: f64,
    /// The exact gradient ∇θF, shown as text.
    pub exact: Vec<f64>,
    /// M, the Monte Carlo samples per τ.
    pub samples: usize,
    /// Sentences printed under the plots.
    pub notes: Vec<String>,
}

/// View 6: the annealing schedule τ(step) with the current step marked.
#[derive(Clone, Debug, Default)]
pub struct AnnealingData {
    /// (step, τ) points of the schedule, step increasing.
    pub curve: Vec<(f64, f64)>,
    pub current_step: f64,
    pub current_tau: f64,
    pub tau_min: f64,
}

/// View 7: semi-supervised speed-up (D + k(I+G)) / (D + I + G) against k.
#[derive(Clone, Debug, Default)]
pub struct CostData {
    /// (k, speed-up) points, k from 2 to 1000 on a log axis.
    pub curve: Vec<(f64, f64)>,
    /// The paper's measured speed-ups (k, speed-up).
    pub paper: Vec<(f64, f64)>,
    /// Current k and its speed-up, marked.
    pub current: (f64, f64),
}
