//! The math core's refusals as they reach the page, in each language. The core names a vector
//! parameter in English ("probability", "point", …); [`MathWords::parameter`] words it, and the
//! refusals quote it as worded. `index` counts from 1.

use super::MathWords;
use crate::i18n::table::phrases;
use crate::i18n::Lang;

phrases! { impl MathWords {
    empty(parameter: &str) = "{parameter}: empty, need at least 2 values" / "{parameter:#}为空，至少需要 2 个值";
    single_category() = "k = 1: a single category is not a choice, need at least 2 categories" / "k = 1：只有一个类别就谈不上选择，至少需要 2 个类别";
    too_many_categories(k: usize, max: usize) = "k = {k}: too many categories, at most {max} are supported" / "k = {k}：类别过多，最多支持 {max} 个";
    not_a_number(parameter: &str, index: usize) = "{parameter} {index} is NaN (not a number)" / "第 {index} 个{parameter:#}是 NaN（不是数）";
    infinite(parameter: &str, index: usize, value: &str) = "{parameter} {index} is {value}, must be finite" / "第 {index} 个{parameter:#}为 {value}，必须是有限数";
    zero(parameter: &str, index: usize) = "{parameter} {index} is 0, must be strictly positive" / "第 {index} 个{parameter:#}为 0，必须严格为正";
    negative(parameter: &str, index: usize, value: &str) = "{parameter} {index} is {value}, must not be negative" / "第 {index} 个{parameter:#}为 {value}，不能为负";
    temperature_not_finite(value: &str) = "temperature τ is {value}, must be a finite number" / "温度 τ 为 {value}，必须是有限数";
    temperature_not_positive(value: &str) = "temperature τ is {value}, must be > 0 (τ → 0 is a limit, not a valid temperature)" / "温度 τ 为 {value}，必须大于 0（τ → 0 是一个极限，不是有效的温度）";
    temperature_out_of_range(value: &str, min: &str, max: &str) = "temperature τ is {value}, must be between {min} and {max} (beyond them double precision overflows)" / "温度 τ 为 {value}，必须在 {min} 到 {max} 之间（超出这个范围，双精度浮点数会溢出）";
    length_mismatch(parameter: &str, expected: usize, found: usize) = "{parameter}: expected {expected} values, found {found}" / "{parameter:#}应有 {expected} 个值，实际有 {found} 个";
    not_on_simplex(sum: &str) = "point is not on the simplex: its components sum to {sum}, not 1" / "点不在单纯形上：各分量之和为 {sum}，而不是 1";
    /// An argument the core refused in its own words (`detail`, English): only internal
    /// misuse reaches this, never a value a person typed.
    invalid_argument(detail: &str) = "invalid argument: {detail}" / "数学核心拒绝了参数（{detail}）";
}}

impl MathWords {
    /// A vector parameter's name as the core gives it, in this language; a name the table does
    /// not know stays as it is.
    pub fn parameter(self, name: &str) -> String {
        match self.0 {
            Lang::En => name,
            Lang::ZhCn => match name {
                "logit" | "logits" => "对数几率",
                "perturbed logit" | "perturbed" => "加噪后的对数几率",
                "probability" | "probabilities" => "概率",
                "point" => "点的分量",
                "log point" => "点的对数分量",
                "observed" => "观测计数",
                "out" => "输出",
                "taus" => "温度列表",
                "c" => "收益 c",
                "target" => "目标 t",
                other => other,
            },
        }
        .into()
    }
}
