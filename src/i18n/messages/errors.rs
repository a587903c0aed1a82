//! What a setting or a link is refused for, in each language: the controls' nouns, the rules
//! they break, and the refusals themselves.
//!
//! Keys of a link and words the page accepts as code ("linear", "sgd", "page") are quoted with
//! “” in Chinese, so that a reader sees they are typed as they stand; everything else is Chinese.
//! A control's noun arrives worded by this table (`control_*`), a rule too (`rule_*`).

use super::ErrorWords;
use crate::i18n::table::phrases;

phrases! { impl ErrorWords {
    // The controls, as a refusal names them.
    control_objective_value(class: usize) = "objective value {class}" / "第 {class} 个目标函数值";
    control_cost(letter: &str) = "the cost {letter}" / "代价 {letter}";
    control_classes() = "the number of classes k" / "类别数 k";
    control_tau() = "τ" / "温度 τ";
    control_samples() = "the number of samples N" / "样本数 N";
    control_seed() = "the seed" / "随机种子";
    control_update_interval() = "the update interval" / "更新间隔";
    control_step() = "the annealing step" / "退火步数";
    control_cost_classes() = "k" / "类别数 k";
    control_learning_rate() = "the learning rate" / "学习率";
    control_training_seed() = "the training seed" / "训练的随机种子";
    control_training_steps() = "the step to run until" / "目标步数";

    // What a control must be.
    rule_within(bound: &str) = "within ±{bound}" / "在 ±{bound} 以内";
    rule_between(lo: &str, hi: &str) = "between {lo} and {hi}" / "在 {lo} 到 {hi} 之间";
    rule_whole(lo: &str, hi: &str) = "a whole number from {lo} to {hi}" / "是 {lo} 到 {hi} 之间的整数";

    // A setting refused.
    not_finite(control: &str, value: &str) = "{control} must be a finite number, got {value}" / "{control:#}必须是有限数，输入的是 {value}";
    out_of_range(control: &str, rule: &str, value: &str) = "{control} must be {rule}, got {value}" / "{control:#}必须{rule}，输入的是 {value}";
    not_whole(control: &str, value: &str) = "{control} must be a whole number, got {value}" / "{control:#}必须是整数，输入的是 {value}";
    tau_not_positive(value: &str) = "τ must be positive (τ = 0 is the discrete limit, not a temperature), got {value}" / "温度 τ 必须为正（τ = 0 是离散极限，而不是一个温度），输入的是 {value}";
    objective_length(classes: usize, got: usize) = "the objective needs one value per class ({classes}), got {got}" / "目标函数需要每个类别一个值（共 {classes} 个），输入了 {got} 个";
    no_positive_cost() = "at least one of the costs D, I, G must be positive" / "代价 D、I、G 中至少要有一个为正";
    unknown_objective(kind: &str) = "the objective must be \"linear\" or \"squared\", got \"{kind}\"" / "目标函数只能是“linear”（线性）或“squared”（平方距离），输入的是“{kind}”";
    unknown_optimiser(name: &str) = "the optimiser must be \"sgd\" or \"adam\", got \"{name}\"" / "优化器只能是“sgd”或“adam”，输入的是“{name}”";
    unknown_view(name: &str) = "there is no view called \"{name}\"" / "没有名为“{name}”的视图";
    not_in_module(name: &str) = "the view \"{name}\" is drawn by the page's full module, which has not loaded yet" / "视图“{name}”由页面的完整模块绘制，该模块尚未加载";

    // The page, its canvas and its long tasks.
    link_not_restored(reason: &str) = "the link's state was not restored: {reason}" / "链接中的状态未能恢复：{reason}";
    no_drawing_context() = "this canvas has no 2-D drawing context" / "这个画布没有二维绘图上下文";
    drawing_failed(view: &str, cause: &str) = "drawing {view} failed: {cause}" / "绘制视图“{view}”失败：{cause}";
    schedule_tau0(value: &str) = "invalid argument: annealing: initial temperature τ₀ = {value}, must be finite and > 0" / "退火计划：初始温度 τ₀ = {value}，必须是大于 0 的有限数";
    schedule_rate(value: &str) = "invalid argument: annealing: rate r = {value}, must be finite and ≥ 0" / "退火计划：衰减率 r = {value}，必须是不小于 0 的有限数";
    schedule_tau_min(value: &str) = "invalid argument: annealing: minimum temperature τ_min = {value}, must be finite and > 0" / "退火计划：最低温度 τ_min = {value}，必须是大于 0 的有限数";
    unavailable_sweep() = "invalid argument: the estimator sweep is not available" / "梯度估计器的温度扫描结果暂不可用";
    unavailable_training() = "invalid argument: no training run" / "还没有训练过程";

    // Why a link's state was not restored.
    link_too_long(len: usize, max: usize) = "it is {len} characters long, at most {max} are allowed" / "长度为 {len} 个字符，最多允许 {max} 个";
    link_too_many_keys() = "it has too many keys" / "其中的键过多";
    link_repeated_key(key: &str) = "the key {key} appears twice" / "键“{key}”出现了两次";
    link_unknown_key(key: &str) = "unknown key \"{key}\"" / "未知的键“{key}”";
    link_not_a_number(key: &str, excerpt: &str) = "{key} is not a finite number (\"{excerpt}\")" / "“{key}”的值不是有限数（“{excerpt}”）";
    link_too_many_values(key: &str, count: usize, max: usize) = "{key} has {count} values, at most {max} are allowed" / "“{key}”有 {count} 个值，最多允许 {max} 个";
    link_classes(min: usize, max: usize) = "k must be a whole number from {min} to {max}" / "k 必须是 {min} 到 {max} 之间的整数";
    link_unknown_objective(name: &str) = "unknown objective \"{name}\"" / "未知的目标函数“{name}”";
    link_values_without_objective() = "f is given without obj" / "给出了“f”，却没有给出“obj”";
    link_probs_and_logits() = "give p or logits, not both" / "“p”和“logits”只能给出其中一个";
    link_class_count(k: usize, given: usize) = "k = {k} but {given} class values are given" / "k = {k}，却给出了 {given} 个类别的值";
    link_schedule_arity() = "sched needs τ₀, rate, τ_min and the update interval" / "“sched”需要 τ₀、衰减率、τ_min 和更新间隔四个值";
    link_update_interval(min: &str, max: &str) = "the schedule's update interval must be a whole number from {min} to {max}" / "退火计划的更新间隔必须是 {min} 到 {max} 之间的整数";
    link_cost_arity() = "cost needs D, I, G and k" / "“cost”需要 D、I、G 和 k 四个值";
    link_training(excerpt: &str) = "train must read optimiser,learning rate,seed or page,fixed or anneal,step (\"{excerpt}\")" / "“train”的格式应为：优化器,学习率,随机种子或“page”,“fixed”或“anneal”,步数（输入的是“{excerpt}”）";

    // A link's mode (`embed=`, `present=`), preset, text scale and language.
    mode_unknown_embed(value: &str, known: &[&str]) = "the link asks to embed \"{value}\", but no view has that name (the views are {known})" / "链接要求嵌入“{value}”，但没有这个名字的视图（视图有：{known:#}）";
    mode_unknown_present(value: &str, known: &[&str]) = "the link's present=\"{value}\" is neither 1 nor a view's name (the views are {known})" / "链接中的“present={value}”既不是 1，也不是视图的名字（视图有：{known:#}）";
    mode_repeated(key: &str) = "the link gives {key}= more than once" / "链接中的“{key}=”出现了不止一次";
    mode_both() = "the link asks for both embed and present; give one" / "链接同时要求“embed”和“present”，只能给出其中一个";
    unknown_preset(name: &str, known: &[&str]) = "there is no preset called \"{name}\" (known: {known})" / "没有名为“{name}”的预设（可用的预设：{known:#}）";
    text_scale(max: &str) = "the text scale must be a number from 1 to {max}" / "文字缩放比例必须是 1 到 {max} 之间的数";
    unknown_language(tag: &str, known: &[&str]) = "there is no language called \"{tag}\" (known: {known})" / "没有“{tag}”这种语言（可选的语言：{known:#}）";
}}
