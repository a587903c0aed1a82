//! The figures' words in Simplified Chinese, written for a reader of the Gumbel-Softmax paper:
//! the field's usual terms (温度 τ, 单纯形, 梯度估计器, 偏差, 方差, 标准误, 蒙特卡洛), full-width
//! punctuation in sentences, formulas, symbols and the estimators' abbreviations as in English.

use super::FigureWords;

/// Simplified Chinese.
pub struct ZhCn;

impl FigureWords for ZhCn {
    fn too_small(&self) -> &'static str {
        "（区域太小，无法绘制）"
    }
    fn no_schedule(&self) -> &'static str {
        "没有可显示的退火计划。"
    }
    fn no_classes(&self) -> &'static str {
        "没有可显示的类别。"
    }
    fn no_density(&self) -> &'static str {
        "暂无可显示的密度。"
    }
    fn no_samples(&self) -> &'static str {
        "暂无可显示的样本。"
    }
    fn no_sample(&self) -> &'static str {
        "暂无可显示的样本。"
    }
    fn no_cost_model(&self) -> &'static str {
        "没有可显示的计算代价模型。"
    }
    fn no_estimator_sweep(&self) -> &'static str {
        "暂无可显示的梯度估计器扫描结果。"
    }
    fn no_temperatures(&self) -> &'static str {
        "没有可显示的温度。"
    }
    fn no_polygon(&self) -> &'static str {
        "没有可绘制的多边形。"
    }
    fn no_triangle(&self) -> &'static str {
        "无法绘制三角形：三个顶点围成的面积为零。"
    }
    fn no_training_run(&self) -> &'static str {
        "没有可显示的训练过程。"
    }

    fn training_step(&self) -> &'static str {
        "训练步数"
    }
    fn temperature_tau(&self) -> &'static str {
        "温度 τ"
    }
    fn class_i(&self) -> &'static str {
        "类别 i"
    }
    fn density(&self) -> &'static str {
        "密度"
    }
    fn density_log(&self) -> &'static str {
        "密度（对数坐标）"
    }
    fn classes_log(&self) -> &'static str {
        "类别数 k（对数坐标）"
    }
    fn speed_up_log(&self) -> &'static str {
        "加速比 ×（对数坐标）"
    }
    fn tau_log(&self) -> &'static str {
        "τ（对数坐标）"
    }
    fn bias_log(&self) -> &'static [&'static str] {
        &["偏差 ‖E[ĝ] − ∇F‖（对数）", "偏差（对数）"]
    }
    fn variance_log(&self) -> &'static [&'static str] {
        &["方差 tr Cov[ĝ]（对数）", "方差（对数）"]
    }
    fn sample(&self) -> &'static str {
        "样本"
    }
    fn bins_axis(&self) -> &'static str {
        "yᵢ（[0, 1] 等分成若干区间）"
    }
    fn fraction_axis(&self) -> &'static [&'static str] {
        &["样本比例（线性坐标）", "样本比例", "比例"]
    }
    fn probability_axis(&self) -> &'static [&'static str] {
        &["概率 / 频率", "比例"]
    }
    fn stacked_axis(&self) -> &'static [&'static str] {
        &["分量 yᵢ（堆叠，和为 1）", "yᵢ（堆叠）"]
    }
    fn exact_objective(&self) -> &'static str {
        "精确目标函数 F(θ)"
    }
    fn gradient_variance_log(&self) -> &'static str {
        "梯度方差（对数）"
    }
    fn best_class_pi(&self, class: &str) -> String {
        format!("最优类别 {class} 的 π")
    }
    fn neg_elbo_axis(&self) -> &'static str {
        "−ELBO（奈特/图像）"
    }

    fn sampled_y1(&self) -> &'static str {
        "y₁ 的样本（直方图按密度归一化）"
    }
    fn density_p_y1(&self) -> &'static str {
        "密度 p(y₁)"
    }
    fn sample_mean_yi(&self) -> &'static str {
        "yᵢ 的样本均值"
    }
    fn fraction_per_bin(&self) -> &'static str {
        "各区间内的样本比例"
    }
    fn paper_measured(&self) -> &'static str {
        "论文（实测）"
    }
    fn current_k(&self) -> &'static str {
        "当前 k"
    }
    fn line_exact(&self) -> &'static str {
        "线：精确值"
    }
    fn mark_monte_carlo(&self, m: &str) -> Vec<String> {
        vec![
            format!("点：蒙特卡洛估计，每个 τ 取 M = {m} 个样本，误差棒 ±2 标准误"),
            format!("点：蒙特卡洛，M = {m}，误差棒 ±2 标准误"),
        ]
    }
    fn class_probability(&self) -> &'static str {
        "π（类别概率）"
    }
    fn mean_two_se(&self) -> &'static str {
        "E[yᵢ] ± 2 标准误（蒙特卡洛）"
    }
    fn argmax_two_se(&self) -> &'static str {
        "argmax 频率 ± 2 标准误"
    }
    fn pi_limit(&self) -> &'static str {
        "πᵢ（τ → 0 时 E[yᵢ] 的极限）"
    }
    fn curve_test(&self, name: &str) -> String {
        format!("{name} 测试集")
    }
    fn train_as_trained(&self) -> &'static str {
        "训练集（训练中记录）"
    }

    fn step_tau(&self, step: &str, tau: &str) -> String {
        format!("第 {step} 步：τ = {tau}")
    }
    fn no_samples_note(&self) -> &'static str {
        "暂无样本"
    }
    fn no_draws_note(&self) -> &'static str {
        "尚未抽样"
    }
    fn paper_point(&self, speed_up: &str, k: &str) -> String {
        format!("k={k} 时 {speed_up}×")
    }
    fn paper_label(&self, point: &str) -> String {
        format!("论文：{point}")
    }
    fn no_positive_values(&self, desc: &str) -> String {
        format!("{desc}：没有正值")
    }
    fn zero_on_floor(&self, names: &[&str]) -> String {
        format!("恰为 0，画在底边：{}", names.join("、"))
    }
    fn unresolvable_shading(&self, m: &str) -> Vec<String> {
        vec![
            format!("阴影：低于 √(tr Ĉov/M)，用 M = {m} 个样本无法分辨"),
            format!("阴影：M = {m} 个样本无法分辨"),
        ]
    }
    fn below_floor(&self, floor: &str) -> String {
        format!("低于 {floor} 的值画在底边")
    }
    fn exact_gradient(&self, components: &str) -> String {
        format!("精确梯度 ∇F = ({components})")
    }
    fn figure1_rows(&self) -> [&'static str; 2] {
        ["E[yᵢ] 的估计", "单个样本 yᵢ"]
    }
    fn projection_note(&self) -> &'static str {
        "密度只在 k = 2 和 3 时绘制；这里把样本投影到正 k 边形中。"
    }
    fn first_of(&self, shown: &str, total: &str) -> String {
        format!("前 {shown} 个（共 {total} 个）")
    }
    fn st_rule(&self) -> [&'static str; 2] {
        [
            "y_ST = z + y − stop_gradient(y)：",
            "取值为 z，梯度为 y 的梯度",
        ]
    }
    fn forward_title(&self) -> &'static str {
        "前向：z = onehot(argmax y)"
    }
    fn backward_title(&self) -> &'static str {
        "反向：软样本 y 的梯度"
    }
    fn copied_to_y(&self) -> &'static str {
        "原样传给 y"
    }
    fn gradient_copied(&self) -> &'static str {
        "∂L/∂z 原样传给 y"
    }
    fn optimum(&self) -> &'static str {
        "最优值"
    }
    fn none_yet(&self, desc: &str) -> String {
        format!("{desc}：暂无")
    }
    fn paths_caption(&self, tau: &str) -> String {
        format!("π 的路径；背景：π₀ 处 y 的对数密度，{tau}")
    }
    fn step_note(&self, step: &str, tau: &str) -> String {
        format!("第 {step} 步 · τ = {tau}")
    }
    fn independent_pixels(&self, nats: &str) -> String {
        format!("独立像素模型：{nats} 奈特")
    }
}
