//! The refusals in Simplified Chinese: settings, links, the math core and view 9.
//!
//! Keys of a link and words the page accepts as code ("linear", "sgd", "page") are quoted with
//! “”, so that a reader sees they are typed as they stand; everything else is Chinese.

use super::{ErrorWords, MathWords, VaeLinkRule, VaeWords, ZhCn};

/// Whether `c` is a Chinese character or full-width punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// `noun` followed by `rest`, with a space between a Latin or Greek end and a Chinese start
/// (as Chinese typesetting separates a formula from the words around it).
fn then(noun: &str, rest: &str) -> String {
    let gap =
        noun.chars().last().is_some_and(|c| !is_cjk(c)) && rest.chars().next().is_some_and(is_cjk);
    if gap {
        format!("{noun} {rest}")
    } else {
        format!("{noun}{rest}")
    }
}

/// Names the page accepts as code, each in “”, joined by 、.
fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join("、")
}

impl ErrorWords for ZhCn {
    fn control_classes(&self) -> String {
        "类别数 k".into()
    }
    fn control_tau(&self) -> String {
        "温度 τ".into()
    }
    fn control_samples(&self) -> String {
        "样本数 N".into()
    }
    fn control_seed(&self) -> String {
        "随机种子".into()
    }
    fn control_objective_value(&self, class: usize) -> String {
        format!("第 {class} 个目标函数值")
    }
    fn control_update_interval(&self) -> String {
        "更新间隔".into()
    }
    fn control_step(&self) -> String {
        "退火步数".into()
    }
    fn control_cost(&self, letter: &str) -> String {
        format!("代价 {letter}")
    }
    fn control_cost_classes(&self) -> String {
        "类别数 k".into()
    }
    fn control_learning_rate(&self) -> String {
        "学习率".into()
    }
    fn control_training_seed(&self) -> String {
        "训练的随机种子".into()
    }
    fn control_training_steps(&self) -> String {
        "目标步数".into()
    }

    fn rule_between(&self, lo: &str, hi: &str) -> String {
        format!("在 {lo} 到 {hi} 之间")
    }
    fn rule_whole(&self, lo: &str, hi: &str) -> String {
        format!("是 {lo} 到 {hi} 之间的整数")
    }
    fn rule_within(&self, bound: &str) -> String {
        format!("在 ±{bound} 以内")
    }

    fn not_finite(&self, control: &str, value: &str) -> String {
        then(control, &format!("必须是有限数，输入的是 {value}"))
    }
    fn out_of_range(&self, control: &str, rule: &str, value: &str) -> String {
        then(control, &format!("必须{rule}，输入的是 {value}"))
    }
    fn not_whole(&self, control: &str, value: &str) -> String {
        then(control, &format!("必须是整数，输入的是 {value}"))
    }
    fn tau_not_positive(&self, value: &str) -> String {
        format!("温度 τ 必须为正（τ = 0 是离散极限，而不是一个温度），输入的是 {value}")
    }
    fn objective_length(&self, classes: usize, got: usize) -> String {
        format!("目标函数需要每个类别一个值（共 {classes} 个），输入了 {got} 个")
    }
    fn no_positive_cost(&self) -> String {
        "代价 D、I、G 中至少要有一个为正".into()
    }
    fn unknown_objective(&self, kind: &str) -> String {
        format!("目标函数只能是“linear”（线性）或“squared”（平方距离），输入的是“{kind}”")
    }
    fn unknown_optimiser(&self, name: &str) -> String {
        format!("优化器只能是“sgd”或“adam”，输入的是“{name}”")
    }
    fn unknown_view(&self, name: &str) -> String {
        format!("没有名为“{name}”的视图")
    }
    fn link_not_restored(&self, reason: &str) -> String {
        format!("链接中的状态未能恢复：{reason}")
    }
    fn no_drawing_context(&self) -> String {
        "这个画布没有二维绘图上下文".into()
    }
    fn drawing_failed(&self, view: &str, cause: &str) -> String {
        format!("绘制视图“{view}”失败：{cause}")
    }
    fn schedule_tau0(&self, value: &str) -> String {
        format!("退火计划：初始温度 τ₀ = {value}，必须是大于 0 的有限数")
    }
    fn schedule_rate(&self, value: &str) -> String {
        format!("退火计划：衰减率 r = {value}，必须是不小于 0 的有限数")
    }
    fn schedule_tau_min(&self, value: &str) -> String {
        format!("退火计划：最低温度 τ_min = {value}，必须是大于 0 的有限数")
    }
    fn unavailable_sweep(&self) -> String {
        "梯度估计器的温度扫描结果暂不可用".into()
    }
    fn unavailable_training(&self) -> String {
        "还没有训练过程".into()
    }

    fn link_too_long(&self, len: usize, max: usize) -> String {
        format!("长度为 {len} 个字符，最多允许 {max} 个")
    }
    fn link_too_many_keys(&self) -> String {
        "其中的键过多".into()
    }
    fn link_repeated_key(&self, key: &str) -> String {
        format!("键“{key}”出现了两次")
    }
    fn link_unknown_key(&self, key: &str) -> String {
        format!("未知的键“{key}”")
    }
    fn link_not_a_number(&self, key: &str, excerpt: &str) -> String {
        format!("“{key}”的值不是有限数（“{excerpt}”）")
    }
    fn link_too_many_values(&self, key: &str, count: usize, max: usize) -> String {
        format!("“{key}”有 {count} 个值，最多允许 {max} 个")
    }
    fn link_classes(&self, min: usize, max: usize) -> String {
        format!("k 必须是 {min} 到 {max} 之间的整数")
    }
    fn link_unknown_objective(&self, name: &str) -> String {
        format!("未知的目标函数“{name}”")
    }
    fn link_values_without_objective(&self) -> String {
        "给出了“f”，却没有给出“obj”".into()
    }
    fn link_probs_and_logits(&self) -> String {
        "“p”和“logits”只能给出其中一个".into()
    }
    fn link_class_count(&self, k: usize, given: usize) -> String {
        format!("k = {k}，却给出了 {given} 个类别的值")
    }
    fn link_schedule_arity(&self) -> String {
        "“sched”需要 τ₀、衰减率、τ_min 和更新间隔四个值".into()
    }
    fn link_update_interval(&self, min: &str, max: &str) -> String {
        format!("退火计划的更新间隔必须是 {min} 到 {max} 之间的整数")
    }
    fn link_cost_arity(&self) -> String {
        "“cost”需要 D、I、G 和 k 四个值".into()
    }
    fn link_training(&self, excerpt: &str) -> String {
        format!(
            "“train”的格式应为：优化器,学习率,随机种子或“page”,“fixed”或“anneal”,步数\
             （输入的是“{excerpt}”）"
        )
    }

    fn mode_unknown_embed(&self, value: &str, known: &[&str]) -> String {
        format!(
            "链接要求嵌入“{value}”，但没有这个名字的视图（视图有：{}）",
            quoted(known)
        )
    }
    fn mode_unknown_present(&self, value: &str, known: &[&str]) -> String {
        format!(
            "链接中的“present={value}”既不是 1，也不是视图的名字（视图有：{}）",
            quoted(known)
        )
    }
    fn mode_repeated(&self, key: &str) -> String {
        format!("链接中的“{key}=”出现了不止一次")
    }
    fn mode_both(&self) -> String {
        "链接同时要求“embed”和“present”，只能给出其中一个".into()
    }
    fn unknown_preset(&self, name: &str, known: &[&str]) -> String {
        format!("没有名为“{name}”的预设（可用的预设：{}）", quoted(known))
    }
    fn text_scale(&self, max: &str) -> String {
        format!("文字缩放比例必须是 1 到 {max} 之间的数")
    }
    fn unknown_language(&self, tag: &str, known: &[&str]) -> String {
        format!("没有“{tag}”这种语言（可选的语言：{}）", quoted(known))
    }
}

impl MathWords for ZhCn {
    fn parameter(&self, name: &str) -> String {
        match name {
            "logit" | "logits" => "对数几率".into(),
            "perturbed logit" | "perturbed" => "加噪后的对数几率".into(),
            "probability" | "probabilities" => "概率".into(),
            "point" => "点的分量".into(),
            "log point" => "点的对数分量".into(),
            "observed" => "观测计数".into(),
            "out" => "输出".into(),
            "taus" => "温度列表".into(),
            "c" => "收益 c".into(),
            "target" => "目标 t".into(),
            other => other.into(),
        }
    }
    fn empty(&self, parameter: &str) -> String {
        then(parameter, "为空，至少需要 2 个值")
    }
    fn single_category(&self) -> String {
        "k = 1：只有一个类别就谈不上选择，至少需要 2 个类别".into()
    }
    fn too_many_categories(&self, k: usize, max: usize) -> String {
        format!("k = {k}：类别过多，最多支持 {max} 个")
    }
    fn not_a_number(&self, parameter: &str, index: usize) -> String {
        then(&format!("第 {index} 个{parameter}"), "是 NaN（不是数）")
    }
    fn infinite(&self, parameter: &str, index: usize, value: &str) -> String {
        then(
            &format!("第 {index} 个{parameter}"),
            &format!("为 {value}，必须是有限数"),
        )
    }
    fn zero(&self, parameter: &str, index: usize) -> String {
        then(&format!("第 {index} 个{parameter}"), "为 0，必须严格为正")
    }
    fn negative(&self, parameter: &str, index: usize, value: &str) -> String {
        then(
            &format!("第 {index} 个{parameter}"),
            &format!("为 {value}，不能为负"),
        )
    }
    fn temperature_not_finite(&self, value: &str) -> String {
        format!("温度 τ 为 {value}，必须是有限数")
    }
    fn temperature_not_positive(&self, value: &str) -> String {
        format!("温度 τ 为 {value}，必须大于 0（τ → 0 是一个极限，不是有效的温度）")
    }
    fn temperature_out_of_range(&self, value: &str, min: &str, max: &str) -> String {
        format!("温度 τ 为 {value}，必须在 {min} 到 {max} 之间（超出这个范围，双精度浮点数会溢出）")
    }
    fn length_mismatch(&self, parameter: &str, expected: usize, found: usize) -> String {
        then(
            parameter,
            &format!("应有 {expected} 个值，实际有 {found} 个"),
        )
    }
    fn not_on_simplex(&self, sum: &str) -> String {
        format!("点不在单纯形上：各分量之和为 {sum}，而不是 1")
    }
    fn invalid_argument(&self, detail: &str) -> String {
        format!("数学核心拒绝了参数（{detail}）")
    }
}

impl VaeWords for ZhCn {
    fn latents(&self, value: usize, max: usize) -> String {
        format!("隐变量个数 N = {value}：必须在 1 到 {max} 之间")
    }
    fn categories(&self, value: usize, max: usize) -> String {
        format!("每个隐变量的类别数 K = {value}：必须在 2 到 {max} 之间")
    }
    fn hidden(&self, value: usize, max: usize) -> String {
        format!("隐藏单元数 = {value}：必须在 1 到 {max} 之间")
    }
    fn learning_rate(&self, value: &str, max: &str) -> String {
        format!("学习率 = {value}：必须大于 0 且不超过 {max}")
    }
    fn batch_size(&self, value: usize, max: usize) -> String {
        format!("批大小 = {value}：必须在 1 到 {max}（训练图像数）之间")
    }
    fn tau_outside(&self, tau: &str, min: &str, max: &str) -> String {
        format!("温度：τ = {tau} 不在 {min} 到 {max} 之间")
    }
    fn tau0_outside(&self, tau: &str, min: &str, max: &str) -> String {
        format!("温度：初始温度 τ₀ = {tau} 不在 {min} 到 {max} 之间")
    }
    fn tau_min_outside(&self, tau: &str, min: &str, max: &str) -> String {
        format!("温度：最低温度 τ_min = {tau} 不在 {min} 到 {max} 之间")
    }
    fn schedule(&self, reason: &str) -> String {
        format!("温度：{reason}")
    }
    fn test_image(&self, index: usize, count: usize, last: usize) -> String {
        format!("测试图像 {index}：共有 {count} 张测试图像（编号 0 到 {last}）")
    }
    fn data(&self, detail: &str) -> String {
        format!("内置的手写数字数据有误（{detail}）")
    }
    fn setting_latents(&self) -> String {
        "隐变量个数 N".into()
    }
    fn setting_categories(&self) -> String {
        "每个隐变量的类别数 K".into()
    }
    fn setting_until(&self) -> String {
        "训练到的步数".into()
    }
    fn setting_range(&self, name: &str, value: &str, min: u64, max: u64) -> String {
        format!("{name} = {value}：必须是 {min} 到 {max} 之间的整数")
    }
    fn setting_link(&self, rule: &VaeLinkRule) -> String {
        let VaeLinkRule {
            key,
            latents: (min_latents, max_latents),
            ..
        } = rule;
        let (min_categories, max_categories) = rule.categories;
        let max_until = rule.max_until;
        format!(
            "链接中的状态未能恢复：“{key}”只能给出一次，格式为 N,K,“sched”或“fixed”,步数，\
             其中 N 在 {min_latents} 到 {max_latents} 之间，K 在 {min_categories} 到 \
             {max_categories} 之间，步数在 1 到 {max_until} 之间"
        )
    }
    fn seed(&self, value: &str, max: u64) -> String {
        format!("随机种子 {value}：必须是 0 到 {max} 之间的整数")
    }
    fn no_offscreen_context(&self) -> String {
        "这个离屏画布没有二维绘图上下文".into()
    }
}
