//! The words the figures draw (axis titles, legends, annotations), in each language.
//!
//! [`FigureWords`] has one method per phrase a figure writes; [`en`] and [`zh_cn`] implement it,
//! so a phrase one language lacks does not compile. Formulas and symbols that read the same in
//! every language ("τ = 0.5", "n = 1,000", "χ² p = 0.43", "log p") stay in the figures. A phrase
//! that carries numbers takes them already written (by the crate's `format`, as everywhere in
//! the explorer), so both languages show numbers alike. A phrase that may not fit where it goes
//! comes as a list of wordings, longest first (see `render::text::fitting`).

mod en;
mod zh_cn;

use super::Lang;

/// Every phrase the figures draw.
pub trait FigureWords: Sync {
    // Messages drawn instead of a plot.
    /// An area too small to hold the figure.
    fn too_small(&self) -> &'static str;
    fn no_schedule(&self) -> &'static str;
    fn no_classes(&self) -> &'static str;
    fn no_density(&self) -> &'static str;
    /// The sample views before any sample.
    fn no_samples(&self) -> &'static str;
    /// The straight-through view before its sample.
    fn no_sample(&self) -> &'static str;
    fn no_cost_model(&self) -> &'static str;
    fn no_estimator_sweep(&self) -> &'static str;
    fn no_temperatures(&self) -> &'static str;
    fn no_polygon(&self) -> &'static str;
    fn no_triangle(&self) -> &'static str;
    fn no_training_run(&self) -> &'static str;

    // Axis descriptions.
    fn training_step(&self) -> &'static str;
    fn temperature_tau(&self) -> &'static str;
    fn class_i(&self) -> &'static str;
    fn density(&self) -> &'static str;
    fn density_log(&self) -> &'static str;
    fn classes_log(&self) -> &'static str;
    fn speed_up_log(&self) -> &'static str;
    fn tau_log(&self) -> &'static str;
    /// The estimator panels' y axes, longest wording first.
    fn bias_log(&self) -> &'static [&'static str];
    fn variance_log(&self) -> &'static [&'static str];
    /// The sample strip's x axis: one bar per sample.
    fn sample(&self) -> &'static str;
    /// The component histograms' shared x axis.
    fn bins_axis(&self) -> &'static str;
    /// The component histograms' y axis, longest wording first.
    fn fraction_axis(&self) -> &'static [&'static str];
    /// The Gumbel-Max bars' y axis, longest wording first.
    fn probability_axis(&self) -> &'static [&'static str];
    /// The sample strip's y axis, longest wording first.
    fn stacked_axis(&self) -> &'static [&'static str];
    fn exact_objective(&self) -> &'static str;
    fn gradient_variance_log(&self) -> &'static str;
    /// The training figure's y axis for k > 3: π of class `class` (1-based, written).
    fn best_class_pi(&self, class: &str) -> String;
    fn neg_elbo_axis(&self) -> &'static str;

    // Legend entries.
    fn sampled_y1(&self) -> &'static str;
    fn density_p_y1(&self) -> &'static str;
    fn sample_mean_yi(&self) -> &'static str;
    fn fraction_per_bin(&self) -> &'static str;
    fn paper_measured(&self) -> &'static str;
    fn current_k(&self) -> &'static str;
    fn line_exact(&self) -> &'static str;
    /// What a mark of the estimator figure is: `m` Monte Carlo samples per τ. Longest wording
    /// first: the legend draws the first that fits its width.
    fn mark_monte_carlo(&self, m: &str) -> Vec<String>;
    fn class_probability(&self) -> &'static str;
    fn mean_two_se(&self) -> &'static str;
    fn argmax_two_se(&self) -> &'static str;
    fn pi_limit(&self) -> &'static str;
    /// The test curve of the estimator `name` (an abbreviation such as "GS").
    fn curve_test(&self, name: &str) -> String;
    fn train_as_trained(&self) -> &'static str;

    // Notes and annotations.
    /// The current point of the annealing schedule.
    fn step_tau(&self, step: &str, tau: &str) -> String;
    fn no_samples_note(&self) -> &'static str;
    fn no_draws_note(&self) -> &'static str;
    /// One of the paper's measured speed-ups: `speed_up` at `k` classes.
    fn paper_point(&self, speed_up: &str, k: &str) -> String;
    /// The first of the paper's points, named as the paper's.
    fn paper_label(&self, point: &str) -> String;
    /// A log panel whose quantity `desc` has nothing positive to draw.
    fn no_positive_values(&self, desc: &str) -> String;
    /// The estimators (short names) whose exact value is 0, drawn on the floor.
    fn zero_on_floor(&self, names: &[&str]) -> String;
    /// The shading below the resolvable bias with `m` samples. Longest wording first: the
    /// panel draws the first that fits its width.
    fn unresolvable_shading(&self, m: &str) -> Vec<String>;
    /// Values below the floor `floor` of a log axis.
    fn below_floor(&self, floor: &str) -> String;
    /// The exact gradient, its components written and joined.
    fn exact_gradient(&self, components: &str) -> String;
    /// What the two panels of each temperature of Figure 1 show.
    fn figure1_rows(&self) -> [&'static str; 2];
    fn projection_note(&self) -> &'static str;
    /// The sample strip shows the first `shown` of `total` samples.
    fn first_of(&self, shown: &str, total: &str) -> String;
    /// The straight-through rule, in two pieces the footer may wrap between.
    fn st_rule(&self) -> [&'static str; 2];
    fn forward_title(&self) -> &'static str;
    fn backward_title(&self) -> &'static str;
    /// Under the gradient's arrow, beside "∂L/∂z" above it.
    fn copied_to_y(&self) -> &'static str;
    /// The same on one line, for the vertical arrow.
    fn gradient_copied(&self) -> &'static str;
    fn optimum(&self) -> &'static str;
    /// A log panel of the quantity `desc` before it has a value.
    fn none_yet(&self, desc: &str) -> String;
    /// The caption of the k = 3 trajectory panel; `tau` is written "τ = 0.5".
    fn paths_caption(&self, tau: &str) -> String;
    /// The learning curves' note: the step reached and the next τ.
    fn step_note(&self, step: &str, tau: &str) -> String;
    /// The independent-pixel reference line at `nats`.
    fn independent_pixels(&self, nats: &str) -> String;
}

/// The figures' words in `lang`.
pub fn words(lang: Lang) -> &'static dyn FigureWords {
    match lang {
        Lang::En => &en::En,
        Lang::ZhCn => &zh_cn::ZhCn,
    }
}

#[cfg(test)]
mod tests;
