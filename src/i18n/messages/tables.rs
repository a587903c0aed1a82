//! The data tables' words, in each language: what each view's table lists, its column headings
//! and its named cells. English headings are the CSV keys themselves and English cells are as
//! the tables write them; Chinese translates both.

use super::ReportWords;
use crate::i18n::table::phrases;
use crate::i18n::Lang;

phrases! { impl ReportWords {
    // What each view's table lists.
    table_gumbel_max() = "Per class: π, how many of the N draws the argmax chose, that fraction and its standard error √(f(1 − f)/N) (the figure's whiskers are ±2 SE)." / "每个类别一行：π、N 次抽样中 argmax 选中它的次数、相应的频率 f 及其标准误 √(f(1 − f)/N)（图中的误差线为 ±2 倍标准误）。";
    table_components() = "Per bin of [0, 1]: the fraction of the N samples whose component yᵢ falls in it (the figure's bars). The figure's lines, πᵢ and the sample mean of yᵢ, are in the table of E[y]." / "[0, 1] 的每个区间一行：N 个样本中分量 yᵢ 落在该区间的比例（即图中的柱）。图中的两条线，πᵢ 与 yᵢ 的样本均值，见 E[y] 的表格。";
    table_expectation() = "Per class: π, the mean of yᵢ over the N samples (a Monte Carlo estimate of E[yᵢ]) and its standard error, at the current τ." / "每个类别一行：π、yᵢ 在 N 个样本上的均值（E[yᵢ] 的蒙特卡洛估计）及其标准误，温度为当前的 τ。";
    table_strip() = "The first samples y, one row each, at the current τ." / "前若干个样本 y，每行一个，温度为当前的 τ。";
    table_figure1() = "Per temperature and class: π, E[yᵢ] estimated from the panel's draws, and the one sample shown (the same Gumbel noise at every τ)." / "每个温度与类别一行：π、由该面板的抽样估计的 E[yᵢ]，以及图中显示的那一个样本（各个 τ 使用同一组 Gumbel 噪声）。";
    table_density_binary() = "Per bin of y₁: the histogram of the samples as a density, and the exact density averaged over the bin (from its closed-form CDF), which the histogram estimates." / "y₁ 的每个区间一行：样本直方图换算成的密度，以及精确密度在该区间上的平均值（由其闭式累积分布函数算出），后者正是直方图所估计的量。";
    table_density_triangle() = "log p at the points of an even grid over the open triangle (step 1/10)." / "开三角形内均匀网格（步长 1/10）各点处的 log p。";
    table_density_polygon() = "Per class: the polygon's vertex, how many of the drawn samples have that class as their largest component, and the centre of those samples." / "每个类别一行：多边形上对应的顶点、抽得的样本中以该类别为最大分量的个数，以及这些样本的中心。";
    table_straight_through() = "Per class: the soft sample y and the forward value z = onehot(argmax y) of the one draw shown." / "每个类别一行：图中那一次抽样的软样本 y 与前向值 z = onehot(argmax y)。";
    table_estimators() = "Per estimator and τ: bias ‖E[ĝ] − ∇F‖ and variance tr Cov[ĝ] with their standard errors; exact says whether a value is computed exactly (yes) or estimated from Monte Carlo samples (no)." / "每个梯度估计器与 τ 一行：偏差 ‖E[ĝ] − ∇F‖ 与方差 tr Cov[ĝ] 及其标准误；“精确”一列说明该值是精确计算的（是）还是由蒙特卡洛样本估计的（否）。";
    table_annealing() = "The schedule's τ at evenly spaced steps, and at the current step." / "退火计划在等间隔的步数处以及当前步数处的 τ。";
    table_cost() = "The speed-up (D + k(I+G)) / (D + I + G) along k, the paper's measurements, and the current k." / "加速比 (D + k(I+G)) / (D + I + G) 随 k 的变化、论文中的实测值，以及当前的 k。";
    table_training() = "Per estimator: the step the run stands at, its class probabilities π (joined by \";\") and the exact objective F there." / "每个梯度估计器一行：训练所处的步数、各类别的概率 π（以“;”连接），以及该处目标函数 F 的精确值。";
}}

impl ReportWords {
    /// A table's column heading, from its CSV key ("frequency_se", "y3", …); `None` for a key
    /// this table does not know.
    pub fn column(self, key: &str) -> Option<String> {
        match self.0 {
            Lang::En => Some(key.into()),
            Lang::ZhCn => chinese_column(key),
        }
    }

    /// A named cell ("yes", "current", "paper", …); `None` for any other text (estimator
    /// abbreviations and numbers stay as they are).
    pub fn cell(self, text: &str) -> Option<String> {
        let word = match (self.0, text) {
            (Lang::En, _) => text,
            (Lang::ZhCn, "yes") => "是",
            (Lang::ZhCn, "no") => "否",
            (Lang::ZhCn, "schedule") => "退火计划",
            (Lang::ZhCn, "current") => "当前",
            (Lang::ZhCn, "formula") => "公式",
            (Lang::ZhCn, "paper") => "论文",
            (Lang::ZhCn, "SF+baseline") => "SF+基线",
            (Lang::ZhCn, _) => return None,
        };
        Some(word.into())
    }
}

/// A column heading in Chinese.
fn chinese_column(key: &str) -> Option<String> {
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
