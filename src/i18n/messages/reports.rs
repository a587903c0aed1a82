//! The notes and the sentences that read a run, in each language: the estimator view's notes,
//! the training view's sentence, view 9's sentence and the words of its figure. Estimator
//! abbreviations (SF, ST, GS, ST-GS, REBAR) and formulas stay as the paper writes them; the
//! Chinese is worded for a reader of the Gumbel-Softmax paper (梯度估计器, 偏差, 方差 …).

use super::{ReportWords, VaeSentence};
use crate::i18n::table::phrases;
use crate::i18n::Lang;

phrases! { impl ReportWords {
    // The estimator view.
    linear_note() = "With a linear f, ∇f is constant: ST is exact (bias 0, variance 0) and ST-GS = GS." / "f 为线性函数时 ∇f 是常数：ST 是精确的（偏差为 0，方差为 0），且 ST-GS = GS。";
    sampled_note(k: usize, samples: &str) = "k = {k}: GS and ST-GS are estimated from M = {samples} samples per τ (bias corrected for noise); every other curve is exact." / "k = {k}：GS 与 ST-GS 在每个 τ 处由 M = {samples} 个样本估计（已扣除噪声带来的偏差）；其余曲线都是精确值。";
    computing_note(done: usize, total: usize) = "Computing the exact GS and ST-GS curves: {done} of {total} temperatures." / "正在计算 GS 与 ST-GS 的精确曲线：已完成 {done} / {total} 个温度。";
    legend_sf_baseline() = "SF + b = E[f(z)] (exact, oracle)" / "SF + b = E[f(z)]（精确的理想基线）";
    legend_sf_optimal_baseline() = "SF + b* (best constant)" / "SF + b*（最优常数基线）";
    /// How the notes are joined into one text.
    note_separator = " " / "";

    // The training view's sentence. `q` is the tracked probability ("π₁").
    at_start(learners: usize, q: &str, start: &str, optimum: &str) = "Step 0: all {learners} estimators start at {q} = {start}; {optimum}." / "第 0 步：全部 {learners} 个估计器都从 {q} = {start} 出发；{optimum}。";
    near_item(name: &str, value: &str) = "{name} ({value})" / "{name}（{value}）";
    settled(name: &str, q: &str, value: &str) = "{name} settled at {q} = {value}" / "{name} 已稳定在 {q} = {value}";
    hovers(name: &str, q: &str, mean: &str) = "{name} hovers around {q} = {mean}" / "{name} 在 {q} = {mean} 附近波动";
    moving(name: &str, q: &str, value: &str) = "{name} is at {q} = {value}, still moving" / "{name} 位于 {q} = {value}，仍在变化";
    after(steps: &str, optimum: &str) = "After {steps} steps, {optimum}." / "经过 {steps} 步，{optimum}。";
    none_within(within: &str) = " No estimator is within {within} of it yet." / "还没有估计器与它相差在 {within} 以内。";
    rebar_eta(from: &str, to: &str) = " REBAR has tuned its control-variate weight η from {from} to {to}." / "REBAR 已把控制变量的权重 η 从 {from} 调整到 {to}。";

    // View 9's sentence and figure words.
    vae_nothing_yet(every: u64) = "No −ELBO recorded yet: each model records one every {every} steps." / "还没有记录 −ELBO：每个模型每 {every} 步记录一次。";
    vae_level(a: &str, b: &str) = "{a} is level with {b}" / "{a} 与 {b} 持平";
    vae_ahead(a: &str, nats: &str, b: &str) = "{a} is {nats} nats ahead of {b}" / "{a} 领先 {b} {nats} 奈特";
    vae_behind(a: &str, nats: &str, b: &str) = "{a} is {nats} nats behind {b}" / "{a} 落后 {b} {nats} 奈特";
    vae_reference_level(reference: &str) = "level with the independent-pixel score of {reference}" / "与像素独立模型的得分 {reference} 持平";
    vae_reference_below(nats: &str, reference: &str) = "{nats} nats below the independent-pixel score of {reference}" / "比像素独立模型的得分 {reference} 低 {nats} 奈特";
    vae_reference_above(nats: &str, reference: &str) = "{nats} nats above the independent-pixel score of {reference}" / "比像素独立模型的得分 {reference} 高 {nats} 奈特";
    vae_waiting(every: u64) = "The first −ELBO is recorded at step {every}." / "第一个 −ELBO 在第 {every} 步记录。";
    vae_test_digit() = "test digit" / "测试数字";
    vae_left_title() = "Test digits and each model's reconstruction" / "测试数字及各模型的重构";
    vae_right_title() = "Samples from each model's prior" / "从各模型的先验中抽取的样本";
}}

/// The sentences that need more than a format string.
impl ReportWords {
    /// Where the optimum of the training view's objective lies; `q` is the tracked probability
    /// ("π₁").
    pub fn optimum(self, q: &str, optimum: &str, f: &str, minimise: bool) -> String {
        match self.0 {
            Lang::En => {
                let extreme = if minimise { "smallest" } else { "largest" };
                format!("the optimum is {q} = {optimum}, where F = {f} is {extreme}")
            }
            Lang::ZhCn => {
                let extreme = if minimise { "最小" } else { "最大" };
                format!("最优点是 {q} = {optimum}，此处 F = {f} {extreme}")
            }
        }
    }

    /// The estimators near the optimum (each a `near_item`).
    pub fn within(self, within: &str, near: &[String]) -> String {
        match self.0 {
            Lang::En => format!(" Within {within} of it: {}.", near.join(", ")),
            Lang::ZhCn => format!("与它相差在 {within} 以内的有：{}。", near.join("、")),
        }
    }

    /// The estimators away from the optimum (each settled, hovering or moving).
    pub fn away(self, away: &[String]) -> String {
        match self.0 {
            Lang::En => format!(" Away from it: {}.", away.join("; ")),
            Lang::ZhCn => format!("离它较远的有：{}。", away.join("；")),
        }
    }

    /// View 9's sentence: how the estimators stand on the test −ELBO.
    pub fn vae_sentence(self, s: &VaeSentence) -> String {
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
        match self.0 {
            Lang::En => format!(
                "After {steps} steps {standing} on the test −ELBO ({gs_value} against {sf_value} \
                 nats; {st}: {st_value}), and {gs} is {against_reference}."
            ),
            Lang::ZhCn => format!(
                "经过 {steps} 步，在测试集 −ELBO 上 {standing}（{gs_value} 对 {sf_value} 奈特；\
                 {st}：{st_value}），且 {gs} {against_reference}。"
            ),
        }
    }
}
