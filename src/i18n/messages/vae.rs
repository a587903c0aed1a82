//! View 9's refusals, in each language: its settings, its link and the trainer's configuration.

use super::{VaeLinkRule, VaeWords};
use crate::i18n::table::phrases;
use crate::i18n::Lang;

phrases! { impl VaeWords {
    latents(value: usize, max: usize) = "latent variables N = {value}: must be between 1 and {max}" / "隐变量个数 N = {value}：必须在 1 到 {max} 之间";
    categories(value: usize, max: usize) = "categories per latent K = {value}: must be between 2 and {max}" / "每个隐变量的类别数 K = {value}：必须在 2 到 {max} 之间";
    hidden(value: usize, max: usize) = "hidden units = {value}: must be between 1 and {max}" / "隐藏单元数 = {value}：必须在 1 到 {max} 之间";
    learning_rate(value: &str, max: &str) = "learning rate = {value}: must be a number above 0 and at most {max}" / "学习率 = {value}：必须大于 0 且不超过 {max}";
    batch_size(value: usize, max: usize) = "batch size = {value}: must be between 1 and {max} (the training images)" / "批大小 = {value}：必须在 1 到 {max}（训练图像数）之间";
    tau_outside(tau: &str, min: &str, max: &str) = "temperature: τ = {tau} is outside {min} to {max}" / "温度：τ = {tau} 不在 {min} 到 {max} 之间";
    tau0_outside(tau: &str, min: &str, max: &str) = "temperature: initial τ₀ = {tau} is outside {min} to {max}" / "温度：初始温度 τ₀ = {tau} 不在 {min} 到 {max} 之间";
    tau_min_outside(tau: &str, min: &str, max: &str) = "temperature: minimum τ_min = {tau} is outside {min} to {max}" / "温度：最低温度 τ_min = {tau} 不在 {min} 到 {max} 之间";
    /// The annealing schedule refused; `reason` is already worded.
    schedule(reason: &str) = "temperature: {reason}" / "温度：{reason}";
    test_image(index: usize, count: usize, last: usize) = "test image {index}: there are {count} test images (0 to {last})" / "测试图像 {index}：共有 {count} 张测试图像（编号 0 到 {last}）";
    data(detail: &str) = "embedded digits: {detail}" / "内置的手写数字数据有误（{detail}）";
    setting_latents() = "latent variables N" / "隐变量个数 N";
    setting_categories() = "categories per latent K" / "每个隐变量的类别数 K";
    setting_until() = "run until step" / "训练到的步数";
    setting_range(name: &str, value: &str, min: u64, max: u64) = "{name} = {value}: must be a whole number from {min} to {max}" / "{name} = {value}：必须是 {min} 到 {max} 之间的整数";
    seed(value: &str, max: u64) = "seed {value}: must be a whole number from 0 to {max}" / "随机种子 {value}：必须是 0 到 {max} 之间的整数";
    no_offscreen_context() = "the offscreen canvas has no 2-D context" / "这个离屏画布没有二维绘图上下文";
}}

impl VaeWords {
    /// The `vae=` part of a link could not be read: what it must hold.
    pub fn setting_link(self, rule: &VaeLinkRule) -> String {
        let VaeLinkRule {
            key,
            latents: (min_latents, max_latents),
            categories: (min_categories, max_categories),
            max_until,
        } = rule;
        match self.0 {
            Lang::En => format!(
                "the link's state was not restored: {key} must be given once, as N,K,sched or \
                 fixed,until with N from {min_latents} to {max_latents}, K from {min_categories} \
                 to {max_categories} and until from 1 to {max_until}"
            ),
            Lang::ZhCn => format!(
                "链接中的状态未能恢复：“{key}”只能给出一次，格式为 N,K,“sched”或“fixed”,步数，\
                 其中 N 在 {min_latents} 到 {max_latents} 之间，K 在 {min_categories} 到 \
                 {max_categories} 之间，步数在 1 到 {max_until} 之间"
            ),
        }
    }
}
