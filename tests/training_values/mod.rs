//! Training stability: the first 100 steps of the RELAX toy's run (the page's path: preset,
//! seed 1, every learner's ln π after every step) hash to a fixed number, natively and in the
//! browser alike. A support module, not a test binary: `mod training_values;` in
//! `tests/math_training.rs` (native) and in the wasm-bindgen browser test `tests/web.rs`. The
//! constant was recorded from a native run; if it changes, the training noise or arithmetic
//! changed and a shared link would no longer reproduce its run step for step.
#![allow(dead_code)]

use gumbel_explorer::model::presets::preset;
use gumbel_explorer::model::Model;

/// Steps whose every value is hashed.
pub const STEPS: u64 = 100;

/// FNV-1a (64 bit) over the bits of every learner's ln π after each of the first
/// [`STEPS`] steps of the RELAX toy at the page's seed 1, and ln π of the first learner after
/// the last step.
pub fn training_bits() -> (u64, Vec<f64>) {
    let mut model = Model::new();
    let toy = preset("relax-toy").expect("the relax-toy preset");
    model.update(|s| toy.apply(s)).expect("the preset applies");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = Vec::new();
    for step in 1..=STEPS {
        model
            .update(|s| s.training_mut().set_steps(step as f64))
            .expect("a valid step");
        model.train_toward_goal(1).expect("a run");
        let run = model.training_run().expect("a run");
        for learner in run.training.learners() {
            for v in learner.log_probs() {
                for byte in v.to_bits().to_le_bytes() {
                    hash ^= u64::from(byte);
                    hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
                }
            }
        }
        last = run.training.learners()[0].log_probs().to_vec();
    }
    (hash, last)
}

/// The hash recorded from a native run.
pub const EXPECTED_HASH: u64 = 0xe5e7_4d54_c1a4_9004;
