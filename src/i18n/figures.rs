//! The words the figures draw (axis titles, legends, annotations): one table, each phrase with
//! its English and its Simplified Chinese side by side.
//!
//! [`FigureWords`] has one method per phrase a figure writes, written by [`phrases!`] from the
//! table below, so a phrase one language lacks does not compile. English is what every figure
//! drew before there was a second language, unchanged; the Chinese is written for a reader of the
//! Gumbel-Softmax paper: the field's usual terms (温度 τ, 单纯形, 梯度估计器, 偏差, 方差, 标准误,
//! 蒙特卡洛), full-width punctuation in sentences, formulas, symbols and the estimators'
//! abbreviations as in English.
//!
//! Formulas and symbols that read the same in every language ("τ = 0.5", "n = 1,000",
//! "χ² p = 0.43", "log p") stay in the figures. A phrase that carries numbers takes them already
//! written (by the crate's `format`, as everywhere in the explorer), so both languages show
//! numbers alike. A phrase that may not fit where it goes comes as a list of wordings, longest
//! first (see `render::text::fitting`).

use super::table::phrases;
use super::Lang;

/// Every phrase the figures draw, in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FigureWords(Lang);

/// The figures' words in `lang`.
pub fn words(lang: Lang) -> FigureWords {
    FigureWords(lang)
}

phrases! { impl FigureWords {
    // Messages drawn instead of a plot.
    /// An area too small to hold the figure.
    too_small = "(too small to draw)" / "（区域太小，无法绘制）";
    no_schedule = "No schedule to show." / "没有可显示的退火计划。";
    no_classes = "No classes to show." / "没有可显示的类别。";
    no_density = "No density to show yet." / "暂无可显示的密度。";
    /// The sample views before any sample.
    no_samples = "No samples to show yet." / "暂无可显示的样本。";
    /// The straight-through view before its sample.
    no_sample = "No sample to show yet." / "暂无可显示的样本。";
    no_cost_model = "No cost model to show." / "没有可显示的计算代价模型。";
    no_estimator_sweep = "No estimator sweep to show yet." / "暂无可显示的梯度估计器扫描结果。";
    no_temperatures = "No temperatures to show." / "没有可显示的温度。";
    no_polygon = "No polygon to draw." / "没有可绘制的多边形。";
    no_triangle = "No triangle to draw: its corners span no area." / "无法绘制三角形：三个顶点围成的面积为零。";
    no_training_run = "No training run to show." / "没有可显示的训练过程。";

    // Axis descriptions.
    training_step = "training step" / "训练步数";
    temperature_tau = "temperature τ" / "温度 τ";
    class_i = "class i" / "类别 i";
    density = "density" / "密度";
    density_log = "density (log scale)" / "密度（对数坐标）";
    classes_log = "k, number of classes (log scale)" / "类别数 k（对数坐标）";
    speed_up_log = "speed-up × (log scale)" / "加速比 ×（对数坐标）";
    tau_log = "τ (log scale)" / "τ（对数坐标）";
    /// The estimator panels' y axes, longest wording first.
    bias_log = ["bias ‖E[ĝ] − ∇F‖ (log)"] / ["偏差 ‖E[ĝ] − ∇F‖（对数）", "偏差（对数）"];
    variance_log = ["variance tr Cov[ĝ] (log)"] / ["方差 tr Cov[ĝ]（对数）", "方差（对数）"];
    /// The sample strip's x axis: one bar per sample.
    sample = "sample" / "样本";
    /// The component histograms' shared x axis.
    bins_axis = "yᵢ (bins over [0, 1])" / "yᵢ（[0, 1] 等分成若干区间）";
    /// The component histograms' y axis, longest wording first.
    fraction_axis = ["fraction of samples (linear)", "fraction of samples", "fraction"] / ["样本比例（线性坐标）", "样本比例", "比例"];
    /// The Gumbel-Max bars' y axis, longest wording first.
    probability_axis = ["probability / frequency", "proportion"] / ["概率 / 频率", "比例"];
    /// The sample strip's y axis, longest wording first.
    stacked_axis = ["components yᵢ (stacked, sum 1)", "yᵢ (stacked)"] / ["分量 yᵢ（堆叠，和为 1）", "yᵢ（堆叠）"];
    exact_objective = "exact objective F(θ)" / "精确目标函数 F(θ)";
    gradient_variance_log = "gradient variance (log)" / "梯度方差（对数）";
    neg_elbo_axis = "−ELBO (nats per image)" / "−ELBO（奈特/图像）";
    /// The training figure's y axis for k > 3: π of class `class` (1-based, written).
    best_class_pi(class: &str) = "π of class {class} (the best)" / "最优类别 {class} 的 π";

    // Legend entries.
    /// What a mark of the estimator figure is: `m` Monte Carlo samples per τ. Longest wording
    /// first: the legend draws the first that fits its width.
    mark_monte_carlo(m: &str) = ["mark: Monte Carlo, M = {m} per τ, bar ±2 SE"] / ["点：蒙特卡洛估计，每个 τ 取 M = {m} 个样本，误差棒 ±2 标准误", "点：蒙特卡洛，M = {m}，误差棒 ±2 标准误"];
    /// The test curve of the estimator `name` (an abbreviation such as "GS").
    curve_test(name: &str) = "{name} test" / "{name} 测试集";
    sampled_y1 = "sampled y₁ (histogram as density)" / "y₁ 的样本（直方图按密度归一化）";
    density_p_y1 = "density p(y₁)" / "密度 p(y₁)";
    sample_mean_yi = "sample mean of yᵢ" / "yᵢ 的样本均值";
    fraction_per_bin = "fraction of samples per bin" / "各区间内的样本比例";
    paper_measured = "paper (measured)" / "论文（实测）";
    current_k = "current k" / "当前 k";
    line_exact = "line: exact" / "线：精确值";
    class_probability = "π (class probability)" / "π（类别概率）";
    mean_two_se = "E[yᵢ] ± 2 SE (Monte Carlo)" / "E[yᵢ] ± 2 标准误（蒙特卡洛）";
    argmax_two_se = "argmax frequency ± 2 SE" / "argmax 频率 ± 2 标准误";
    pi_limit = "πᵢ (the limit of E[yᵢ] as τ → 0)" / "πᵢ（τ → 0 时 E[yᵢ] 的极限）";
    train_as_trained = "train (as trained)" / "训练集（训练中记录）";

    // Notes and annotations.
    /// The current point of the annealing schedule.
    step_tau(step: &str, tau: &str) = "step {step}: τ = {tau}" / "第 {step} 步：τ = {tau}";
    no_samples_note = "no samples yet" / "暂无样本";
    no_draws_note = "no draws yet" / "尚未抽样";
    /// One of the paper's measured speed-ups: `speed_up` at `k` classes.
    paper_point(speed_up: &str, k: &str) = "{speed_up}× at k={k}" / "k={k} 时 {speed_up}×";
    /// The first of the paper's points, named as the paper's.
    paper_label(point: &str) = "paper: {point}" / "论文：{point}";
    /// A log panel whose quantity `desc` has nothing positive to draw.
    no_positive_values(desc: &str) = "{desc}: no positive values" / "{desc}：没有正值";
    /// The shading below the resolvable bias with `m` samples. Longest wording first: the
    /// panel draws the first that fits its width.
    unresolvable_shading(m: &str) = ["shaded: below √(tr Ĉov/M), not resolvable with M = {m} samples"] / ["阴影：低于 √(tr Ĉov/M)，用 M = {m} 个样本无法分辨", "阴影：M = {m} 个样本无法分辨"];
    /// Values below the floor `floor` of a log axis.
    below_floor(floor: &str) = "values below {floor} drawn at the floor" / "低于 {floor} 的值画在底边";
    /// The exact gradient, its components written and joined.
    exact_gradient(components: &str) = "exact gradient ∇F = ({components})" / "精确梯度 ∇F = ({components})";
    projection_note = "The density is drawn for k = 2 and 3 only; here the samples are projected into a k-gon." / "密度只在 k = 2 和 3 时绘制；这里把样本投影到正 k 边形中。";
    /// The sample strip shows the first `shown` of `total` samples.
    first_of(shown: &str, total: &str) = "first {shown} of {total}" / "前 {shown} 个（共 {total} 个）";
    forward_title = "forward: z = onehot(argmax y)" / "前向：z = onehot(argmax y)";
    backward_title = "backward: gradient of soft y" / "反向：软样本 y 的梯度";
    /// Under the gradient's arrow, beside "∂L/∂z" above it.
    copied_to_y = "copied to y" / "原样传给 y";
    /// The same on one line, for the vertical arrow.
    gradient_copied = "∂L/∂z copied to y" / "∂L/∂z 原样传给 y";
    optimum = "optimum" / "最优值";
    /// A log panel of the quantity `desc` before it has a value.
    none_yet(desc: &str) = "{desc}: none yet" / "{desc}：暂无";
    /// The caption of the k = 3 trajectory panel; `tau` is written "τ = 0.5".
    paths_caption(tau: &str) = "π's paths; background: log density of y at π₀, {tau}" / "π 的路径；背景：π₀ 处 y 的对数密度，{tau}";
    /// The learning curves' note: the step reached and the next τ.
    step_note(step: &str, tau: &str) = "step {step} · τ = {tau}" / "第 {step} 步 · τ = {tau}";
    /// The independent-pixel reference line at `nats`.
    independent_pixels(nats: &str) = "independent pixels: {nats} nats" / "独立像素模型：{nats} 奈特";
}}

/// Phrases that need more than a format string.
impl FigureWords {
    /// The estimators (short names) whose value is exactly 0, drawn on the floor, joined as the
    /// language joins a list. Longest wording first.
    pub fn zero_on_floor(self, names: &[&str]) -> Vec<String> {
        match self.0 {
            Lang::En => {
                let names = names.join(", ");
                vec![
                    format!("exactly 0, drawn on the floor: {names}"),
                    format!("exactly 0 (on the floor): {names}"),
                    format!("exactly 0: {names}"),
                ]
            }
            Lang::ZhCn => {
                let names = names.join("、");
                vec![
                    format!("恰为 0，画在底边：{names}"),
                    format!("恰为 0：{names}"),
                ]
            }
        }
    }

    /// What the two panels of each temperature of Figure 1 show.
    pub fn figure1_rows(self) -> [&'static str; 2] {
        match self.0 {
            Lang::En => ["E[yᵢ], estimated", "one sample yᵢ"],
            Lang::ZhCn => ["E[yᵢ] 的估计", "单个样本 yᵢ"],
        }
    }

    /// The straight-through rule, in two pieces the footer may wrap between.
    pub fn st_rule(self) -> [&'static str; 2] {
        match self.0 {
            Lang::En => [
                "y_ST = z + y − stop_gradient(y):",
                "its value is z, its gradient is that of y",
            ],
            Lang::ZhCn => [
                "y_ST = z + y − stop_gradient(y)：",
                "取值为 z，梯度为 y 的梯度",
            ],
        }
    }
}

#[cfg(test)]
mod tests;
