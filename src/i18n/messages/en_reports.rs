//! Notes, readouts and tables in English.

use super::{En, ReportWords, VaeSentence};

impl ReportWords for En {
    fn linear_note(&self) -> String {
        "With a linear f, ∇f is constant: ST is exact (bias 0, variance 0) and ST-GS = GS.".into()
    }
    fn sampled_note(&self, k: usize, samples: &str) -> String {
        format!(
            "k = {k}: GS and ST-GS are estimated from M = {samples} samples per τ (bias corrected \
             for noise); every other curve is exact."
        )
    }
    fn computing_note(&self, done: usize, total: usize) -> String {
        format!("Computing the exact GS and ST-GS curves: {done} of {total} temperatures.")
    }
    fn legend_sf_baseline(&self) -> String {
        "SF + b = E[f(z)] (exact, oracle)".into()
    }
    fn legend_sf_optimal_baseline(&self) -> String {
        "SF + b* (best constant)".into()
    }
    fn note_separator(&self) -> &'static str {
        " "
    }

    fn optimum(&self, q: &str, optimum: &str, f: &str, minimise: bool) -> String {
        let extreme = if minimise { "smallest" } else { "largest" };
        format!("the optimum is {q} = {optimum}, where F = {f} is {extreme}")
    }
    fn at_start(&self, learners: usize, q: &str, start: &str, optimum: &str) -> String {
        format!("Step 0: all {learners} estimators start at {q} = {start}; {optimum}.")
    }
    fn near_item(&self, name: &str, value: &str) -> String {
        format!("{name} ({value})")
    }
    fn settled(&self, name: &str, q: &str, value: &str) -> String {
        format!("{name} settled at {q} = {value}")
    }
    fn hovers(&self, name: &str, q: &str, mean: &str) -> String {
        format!("{name} hovers around {q} = {mean}")
    }
    fn moving(&self, name: &str, q: &str, value: &str) -> String {
        format!("{name} is at {q} = {value}, still moving")
    }
    fn after(&self, steps: &str, optimum: &str) -> String {
        format!("After {steps} steps, {optimum}.")
    }
    fn none_within(&self, within: &str) -> String {
        format!(" No estimator is within {within} of it yet.")
    }
    fn within(&self, within: &str, near: &[String]) -> String {
        format!(" Within {within} of it: {}.", near.join(", "))
    }
    fn away(&self, away: &[String]) -> String {
        format!(" Away from it: {}.", away.join("; "))
    }
    fn rebar_eta(&self, from: &str, to: &str) -> String {
        format!(" REBAR has tuned its control-variate weight η from {from} to {to}.")
    }

    fn vae_nothing_yet(&self, every: u64) -> String {
        format!("No −ELBO recorded yet: each model records one every {every} steps.")
    }
    fn vae_level(&self, a: &str, b: &str) -> String {
        format!("{a} is level with {b}")
    }
    fn vae_ahead(&self, a: &str, nats: &str, b: &str) -> String {
        format!("{a} is {nats} nats ahead of {b}")
    }
    fn vae_behind(&self, a: &str, nats: &str, b: &str) -> String {
        format!("{a} is {nats} nats behind {b}")
    }
    fn vae_reference_level(&self, reference: &str) -> String {
        format!("level with the independent-pixel score of {reference}")
    }
    fn vae_reference_below(&self, nats: &str, reference: &str) -> String {
        format!("{nats} nats below the independent-pixel score of {reference}")
    }
    fn vae_reference_above(&self, nats: &str, reference: &str) -> String {
        format!("{nats} nats above the independent-pixel score of {reference}")
    }
    fn vae_sentence(&self, s: &VaeSentence) -> String {
        let VaeSentence {
            steps,
            standing,
            gs_value,
            sf_value,
            st,
            st_value,
            gs,
            against_reference,
        } = s;
        format!(
            "After {steps} steps {standing} on the test −ELBO ({gs_value} against {sf_value} \
             nats; {st}: {st_value}), and {gs} is {against_reference}."
        )
    }
    fn vae_waiting(&self, every: u64) -> String {
        format!("The first −ELBO is recorded at step {every}.")
    }
    fn vae_test_digit(&self) -> String {
        "test digit".into()
    }
    fn vae_left_title(&self) -> String {
        "Test digits and each model's reconstruction".into()
    }
    fn vae_right_title(&self) -> String {
        "Samples from each model's prior".into()
    }

    fn table_gumbel_max(&self) -> String {
        "Per class: π, how many of the N draws the argmax chose, that fraction and its standard \
         error √(f(1 − f)/N) (the figure's whiskers are ±2 SE)."
            .into()
    }
    fn table_components(&self) -> String {
        "Per bin of [0, 1]: the fraction of the N samples whose component yᵢ falls in it (the \
         figure's bars). The figure's lines, πᵢ and the sample mean of yᵢ, are in the table of \
         E[y]."
            .into()
    }
    fn table_expectation(&self) -> String {
        "Per class: π, the mean of yᵢ over the N samples (a Monte Carlo estimate of E[yᵢ]) and \
         its standard error, at the current τ."
            .into()
    }
    fn table_strip(&self) -> String {
        "The first samples y, one row each, at the current τ.".into()
    }
    fn table_figure1(&self) -> String {
        "Per temperature and class: π, E[yᵢ] estimated from the panel's draws, and the one \
         sample shown (the same Gumbel noise at every τ)."
            .into()
    }
    fn table_density_binary(&self) -> String {
        "Per bin of y₁: the histogram of the samples as a density, and the exact density \
         averaged over the bin (from its closed-form CDF), which the histogram estimates."
            .into()
    }
    fn table_density_triangle(&self) -> String {
        "log p at the points of an even grid over the open triangle (step 1/10).".into()
    }
    fn table_density_polygon(&self) -> String {
        "Per class: the polygon's vertex, how many of the drawn samples have that class as \
         their largest component, and the centre of those samples."
            .into()
    }
    fn table_straight_through(&self) -> String {
        "Per class: the soft sample y and the forward value z = onehot(argmax y) of the one \
         draw shown."
            .into()
    }
    fn table_estimators(&self) -> String {
        "Per estimator and τ: bias ‖E[ĝ] − ∇F‖ and variance tr Cov[ĝ] with their standard \
         errors; exact says whether a value is computed exactly (yes) or estimated from Monte \
         Carlo samples (no)."
            .into()
    }
    fn table_annealing(&self) -> String {
        "The schedule's τ at evenly spaced steps, and at the current step.".into()
    }
    fn table_cost(&self) -> String {
        "The speed-up (D + k(I+G)) / (D + I + G) along k, the paper's measurements, and the \
         current k."
            .into()
    }
    fn table_training(&self) -> String {
        "Per estimator: the step the run stands at, its class probabilities π (joined by \";\") \
         and the exact objective F there."
            .into()
    }

    /// English headings are the CSV keys themselves.
    fn column(&self, key: &str) -> Option<String> {
        Some(key.into())
    }
    /// English cells are as the tables write them.
    fn cell(&self, text: &str) -> Option<String> {
        Some(text.into())
    }
}
