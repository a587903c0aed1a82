//! The figures' words in English, the explorer's first language: every figure drew these words
//! before there was a second language, and draws them unchanged.

use super::FigureWords;

/// English.
pub struct En;

impl FigureWords for En {
    fn too_small(&self) -> &'static str {
        "(too small to draw)"
    }
    fn no_schedule(&self) -> &'static str {
        "No schedule to show."
    }
    fn no_classes(&self) -> &'static str {
        "No classes to show."
    }
    fn no_density(&self) -> &'static str {
        "No density to show yet."
    }
    fn no_samples(&self) -> &'static str {
        "No samples to show yet."
    }
    fn no_sample(&self) -> &'static str {
        "No sample to show yet."
    }
    fn no_cost_model(&self) -> &'static str {
        "No cost model to show."
    }
    fn no_estimator_sweep(&self) -> &'static str {
        "No estimator sweep to show yet."
    }
    fn no_temperatures(&self) -> &'static str {
        "No temperatures to show."
    }
    fn no_polygon(&self) -> &'static str {
        "No polygon to draw."
    }
    fn no_triangle(&self) -> &'static str {
        "No triangle to draw: its corners span no area."
    }
    fn no_training_run(&self) -> &'static str {
        "No training run to show."
    }

    fn training_step(&self) -> &'static str {
        "training step"
    }
    fn temperature_tau(&self) -> &'static str {
        "temperature τ"
    }
    fn class_i(&self) -> &'static str {
        "class i"
    }
    fn density(&self) -> &'static str {
        "density"
    }
    fn density_log(&self) -> &'static str {
        "density (log scale)"
    }
    fn classes_log(&self) -> &'static str {
        "k, number of classes (log scale)"
    }
    fn speed_up_log(&self) -> &'static str {
        "speed-up × (log scale)"
    }
    fn tau_log(&self) -> &'static str {
        "τ (log scale)"
    }
    fn bias_log(&self) -> &'static [&'static str] {
        &["bias ‖E[ĝ] − ∇F‖ (log)"]
    }
    fn variance_log(&self) -> &'static [&'static str] {
        &["variance tr Cov[ĝ] (log)"]
    }
    fn sample(&self) -> &'static str {
        "sample"
    }
    fn bins_axis(&self) -> &'static str {
        "yᵢ (bins over [0, 1])"
    }
    fn fraction_axis(&self) -> &'static [&'static str] {
        &[
            "fraction of samples (linear)",
            "fraction of samples",
            "fraction",
        ]
    }
    fn probability_axis(&self) -> &'static [&'static str] {
        &["probability / frequency", "proportion"]
    }
    fn stacked_axis(&self) -> &'static [&'static str] {
        &["components yᵢ (stacked, sum 1)", "yᵢ (stacked)"]
    }
    fn exact_objective(&self) -> &'static str {
        "exact objective F(θ)"
    }
    fn gradient_variance_log(&self) -> &'static str {
        "gradient variance (log)"
    }
    fn best_class_pi(&self, class: &str) -> String {
        format!("π of class {class} (the best)")
    }
    fn neg_elbo_axis(&self) -> &'static str {
        "−ELBO (nats per image)"
    }

    fn sampled_y1(&self) -> &'static str {
        "sampled y₁ (histogram as density)"
    }
    fn density_p_y1(&self) -> &'static str {
        "density p(y₁)"
    }
    fn sample_mean_yi(&self) -> &'static str {
        "sample mean of yᵢ"
    }
    fn fraction_per_bin(&self) -> &'static str {
        "fraction of samples per bin"
    }
    fn paper_measured(&self) -> &'static str {
        "paper (measured)"
    }
    fn current_k(&self) -> &'static str {
        "current k"
    }
    fn line_exact(&self) -> &'static str {
        "line: exact"
    }
    fn mark_monte_carlo(&self, m: &str) -> Vec<String> {
        vec![format!("mark: Monte Carlo, M = {m} per τ, bar ±2 SE")]
    }
    fn class_probability(&self) -> &'static str {
        "π (class probability)"
    }
    fn mean_two_se(&self) -> &'static str {
        "E[yᵢ] ± 2 SE (Monte Carlo)"
    }
    fn argmax_two_se(&self) -> &'static str {
        "argmax frequency ± 2 SE"
    }
    fn pi_limit(&self) -> &'static str {
        "πᵢ (the limit of E[yᵢ] as τ → 0)"
    }
    fn curve_test(&self, name: &str) -> String {
        format!("{name} test")
    }
    fn train_as_trained(&self) -> &'static str {
        "train (as trained)"
    }

    fn step_tau(&self, step: &str, tau: &str) -> String {
        format!("step {step}: τ = {tau}")
    }
    fn no_samples_note(&self) -> &'static str {
        "no samples yet"
    }
    fn no_draws_note(&self) -> &'static str {
        "no draws yet"
    }
    fn paper_point(&self, speed_up: &str, k: &str) -> String {
        format!("{speed_up}× at k={k}")
    }
    fn paper_label(&self, point: &str) -> String {
        format!("paper: {point}")
    }
    fn no_positive_values(&self, desc: &str) -> String {
        format!("{desc}: no positive values")
    }
    fn zero_on_floor(&self, names: &[&str]) -> String {
        format!("exactly 0, drawn on the floor: {}", names.join(", "))
    }
    fn unresolvable_shading(&self, m: &str) -> Vec<String> {
        vec![format!(
            "shaded: below √(tr Ĉov/M), not resolvable with M = {m} samples"
        )]
    }
    fn below_floor(&self, floor: &str) -> String {
        format!("values below {floor} drawn at the floor")
    }
    fn exact_gradient(&self, components: &str) -> String {
        format!("exact gradient ∇F = ({components})")
    }
    fn figure1_rows(&self) -> [&'static str; 2] {
        ["E[yᵢ], estimated", "one sample yᵢ"]
    }
    fn projection_note(&self) -> &'static str {
        "The density is drawn for k = 2 and 3 only; here the samples are projected into a k-gon."
    }
    fn first_of(&self, shown: &str, total: &str) -> String {
        format!("first {shown} of {total}")
    }
    fn st_rule(&self) -> [&'static str; 2] {
        [
            "y_ST = z + y − stop_gradient(y):",
            "its value is z, its gradient is that of y",
        ]
    }
    fn forward_title(&self) -> &'static str {
        "forward: z = onehot(argmax y)"
    }
    fn backward_title(&self) -> &'static str {
        "backward: gradient of soft y"
    }
    fn copied_to_y(&self) -> &'static str {
        "copied to y"
    }
    fn gradient_copied(&self) -> &'static str {
        "∂L/∂z copied to y"
    }
    fn optimum(&self) -> &'static str {
        "optimum"
    }
    fn none_yet(&self, desc: &str) -> String {
        format!("{desc}: none yet")
    }
    fn paths_caption(&self, tau: &str) -> String {
        format!("π's paths; background: log density of y at π₀, {tau}")
    }
    fn step_note(&self, step: &str, tau: &str) -> String {
        format!("step {step} · τ = {tau}")
    }
    fn independent_pixels(&self, nats: &str) -> String {
        format!("independent pixels: {nats} nats")
    }
}
