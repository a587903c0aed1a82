//! Notes, readouts and tables in Simplified Chinese, worded for a reader of the Gumbel-Softmax
//! paper (梯度估计器, 偏差, 方差, 直通估计器 …); estimator abbreviations (SF, ST, GS, ST-GS,
//! REBAR) and formulas stay as the paper writes them.

use super::{ReportWords, VaeSentence, ZhCn};

impl ReportWords for ZhCn {
    fn linear_note(&self) -> String {
        "f 为线性函数时 ∇f 是常数：ST 是精确的（偏差为 0，方差为 0），且 ST-GS = GS。".into()
    }
    fn sampled_note(&self, k: usize, samples: &str) -> String {
        format!(
            "k = {k}：GS 与 ST-GS 在每个 τ 处由 M = {samples} 个样本估计（已扣除噪声带来的偏差）；\
             其余曲线都是精确值。"
        )
    }
    fn computing_note(&self, done: usize, total: usize) -> String {
        format!("正在计算 GS 与 ST-GS 的精确曲线：已完成 {done} / {total} 个温度。")
    }
    fn legend_sf_baseline(&self) -> String {
        "SF + b = E[f(z)]（精确的理想基线）".into()
    }
    fn legend_sf_optimal_baseline(&self) -> String {
        "SF + b*（最优常数基线）".into()
    }
    fn note_separator(&self) -> &'static str {
        ""
    }

    fn optimum(&self, q: &str, optimum: &str, f: &str, minimise: bool) -> String {
        let extreme = if minimise { "最小" } else { "最大" };
        format!("最优点是 {q} = {optimum}，此处 F = {f} {extreme}")
    }
    fn at_start(&self, learners: usize, q: &str, start: &str, optimum: &str) -> String {
        format!("第 0 步：全部 {learners} 个估计器都从 {q} = {start} 出发；{optimum}。")
    }
    fn near_item(&self, name: &str, value: &str) -> String {
        format!("{name}（{value}）")
    }
    fn settled(&self, name: &str, q: &str, value: &str) -> String {
        format!("{name} 已稳定在 {q} = {value}")
    }
    fn hovers(&self, name: &str, q: &str, mean: &str) -> String {
        format!("{name} 在 {q} = {mean} 附近波动")
    }
    fn moving(&self, name: &str, q: &str, value: &str) -> String {
        format!("{name} 位于 {q} = {value}，仍在变化")
    }
    fn after(&self, steps: &str, optimum: &str) -> String {
        format!("经过 {steps} 步，{optimum}。")
    }
    fn none_within(&self, within: &str) -> String {
        format!("还没有估计器与它相差在 {within} 以内。")
    }
    fn within(&self, within: &str, near: &[String]) -> String {
        format!("与它相差在 {within} 以内的有：{}。", near.join("、"))
    }
    fn away(&self, away: &[String]) -> String {
        format!("离它较远的有：{}。", away.join("；"))
    }
    fn rebar_eta(&self, from: &str, to: &str) -> String {
        format!("REBAR 已把控制变量的权重 η 从 {from} 调整到 {to}。")
    }

    fn vae_nothing_yet(&self, every: u64) -> String {
        format!("还没有记录 −ELBO：每个模型每 {every} 步记录一次。")
    }
    fn vae_level(&self, a: &str, b: &str) -> String {
        format!("{a} 与 {b} 持平")
    }
    fn vae_ahead(&self, a: &str, nats: &str, b: &str) -> String {
        format!("{a} 领先 {b} {nats} 奈特")
    }
    fn vae_behind(&self, a: &str, nats: &str, b: &str) -> String {
        format!("{a} 落后 {b} {nats} 奈特")
    }
    fn vae_reference_level(&self, reference: &str) -> String {
        format!("与像素独立模型的得分 {reference} 持平")
    }
    fn vae_reference_below(&self, nats: &str, reference: &str) -> String {
        format!("比像素独立模型的得分 {reference} 低 {nats} 奈特")
    }
    fn vae_reference_above(&self, nats: &str, reference: &str) -> String {
        format!("比像素独立模型的得分 {reference} 高 {nats} 奈特")
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
            "经过 {steps} 步，在测试集 −ELBO 上 {standing}（{gs_value} 对 {sf_value} 奈特；\
             {st}：{st_value}），且 {gs} {against_reference}。"
        )
    }
    fn vae_waiting(&self, every: u64) -> String {
        format!("第一个 −ELBO 在第 {every} 步记录。")
    }
    fn vae_test_digit(&self) -> String {
        "测试数字".into()
    }
    fn vae_left_title(&self) -> String {
        "测试数字及各模型的重构".into()
    }
    fn vae_right_title(&self) -> String {
        "从各模型的先验中抽取的样本".into()
    }

    fn table_gumbel_max(&self) -> String {
        "每个类别一行：π、N 次抽样中 argmax 选中它的次数、相应的频率 f 及其标准误 √(f(1 − f)/N)\
         （图中的误差线为 ±2 倍标准误）。"
            .into()
    }
    fn table_components(&self) -> String {
        "[0, 1] 的每个区间一行：N 个样本中分量 yᵢ 落在该区间的比例（即图中的柱）。图中的两条线，\
         πᵢ 与 yᵢ 的样本均值，见 E[y] 的表格。"
            .into()
    }
    fn table_expectation(&self) -> String {
        "每个类别一行：π、yᵢ 在 N 个样本上的均值（E[yᵢ] 的蒙特卡洛估计）及其标准误，\
         温度为当前的 τ。"
            .into()
    }
    fn table_strip(&self) -> String {
        "前若干个样本 y，每行一个，温度为当前的 τ。".into()
    }
    fn table_figure1(&self) -> String {
        "每个温度与类别一行：π、由该面板的抽样估计的 E[yᵢ]，以及图中显示的那一个样本\
         （各个 τ 使用同一组 Gumbel 噪声）。"
            .into()
    }
    fn table_density_binary(&self) -> String {
        "y₁ 的每个区间一行：样本直方图换算成的密度，以及精确密度在该区间上的平均值\
         （由其闭式累积分布函数算出），后者正是直方图所估计的量。"
            .into()
    }
    fn table_density_triangle(&self) -> String {
        "开三角形内均匀网格（步长 1/10）各点处的 log p。".into()
    }
    fn table_density_polygon(&self) -> String {
        "每个类别一行：多边形上对应的顶点、抽得的样本中以该类别为最大分量的个数，\
         以及这些样本的中心。"
            .into()
    }
    fn table_straight_through(&self) -> String {
        "每个类别一行：图中那一次抽样的软样本 y 与前向值 z = onehot(argmax y)。".into()
    }
    fn table_estimators(&self) -> String {
        "每个梯度估计器与 τ 一行：偏差 ‖E[ĝ] − ∇F‖ 与方差 tr Cov[ĝ] 及其标准误；\
         “精确”一列说明该值是精确计算的（是）还是由蒙特卡洛样本估计的（否）。"
            .into()
    }
    fn table_annealing(&self) -> String {
        "退火计划在等间隔的步数处以及当前步数处的 τ。".into()
    }
    fn table_cost(&self) -> String {
        "加速比 (D + k(I+G)) / (D + I + G) 随 k 的变化、论文中的实测值，以及当前的 k。".into()
    }
    fn table_training(&self) -> String {
        "每个梯度估计器一行：训练所处的步数、各类别的概率 π（以“;”连接），\
         以及该处目标函数 F 的精确值。"
            .into()
    }

    fn column(&self, key: &str) -> Option<String> {
        // Class columns: "y3", "fraction_y3".
        if let Some(i) = key.strip_prefix("fraction_y") {
            return Some(format!("y{i} 的占比"));
        }
        let text = match key {
            "class" => "类别",
            "pi" => "π",
            "count" => "次数",
            "frequency" => "频率",
            "frequency_se" => "频率的标准误",
            "bin_from" => "区间起点",
            "bin_to" => "区间终点",
            "tau" => "τ",
            "mean_y" => "y 的均值",
            "mean_y_se" => "均值的标准误",
            "sample" => "样本",
            "soft_y" => "软样本 y",
            "forward_z" => "前向值 z",
            "sample_y" => "样本 y",
            "y1_from" => "y₁ 起点",
            "y1_to" => "y₁ 终点",
            "sampled_density" => "样本密度",
            "exact_density" => "精确密度",
            "log_density" => "log p",
            "vertex_x" => "顶点 x",
            "vertex_y" => "顶点 y",
            "points" => "样本数",
            "centre_x" => "中心 x",
            "centre_y" => "中心 y",
            "step" => "步数",
            "point" => "位置",
            "k" => "k",
            "speedup" => "加速比",
            "source" => "来源",
            "estimator" => "梯度估计器",
            "bias" => "偏差",
            "bias_se" => "偏差的标准误",
            "variance" => "方差",
            "variance_se" => "方差的标准误",
            "exact" => "精确",
            "objective" => "目标函数 F",
            "train_neg_elbo" => "训练集 −ELBO",
            "test_neg_elbo" => "测试集 −ELBO",
            _ => {
                return key
                    .strip_prefix('y')
                    .filter(|i| !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit()))
                    .map(|i| format!("y{i}"))
            }
        };
        Some(text.into())
    }

    fn cell(&self, text: &str) -> Option<String> {
        let word = match text {
            "yes" => "是",
            "no" => "否",
            "schedule" => "退火计划",
            "current" => "当前",
            "formula" => "公式",
            "paper" => "论文",
            "SF+baseline" => "SF+基线",
            _ => return None,
        };
        Some(word.into())
    }
}
