//! The sentence under view 9's curves, read from the run itself: how far the Gumbel-Softmax
//! model is ahead of (or behind) the score-function model at the last record, and where both
//! stand against the independent-pixel score.

use crate::format;
use crate::vae::{Estimator, VaeTrainer, RECORD_EVERY};

/// Differences smaller than this (in nats) are reported as level: the sentence prints two
/// decimals.
const LEVEL: f64 = 0.005;

fn nats(v: f64) -> String {
    format!("{v:.2}")
}

/// "After 2,000 steps GS is 1.16 nats ahead of SF+baseline …", or a note that nothing is
/// recorded yet. Lower −ELBO is better, so "ahead" means lower.
pub fn run_sentence(trainer: &VaeTrainer, reference: f64) -> String {
    let last = |e: Estimator| trainer.history(e).last().copied();
    let (gs, st, sf) = (
        Estimator::GumbelSoftmax,
        Estimator::StraightThrough,
        Estimator::ScoreFunction,
    );
    let (Some(g), Some(t), Some(s)) = (last(gs), last(st), last(sf)) else {
        return format!(
            "No −ELBO recorded yet: each model records one every {RECORD_EVERY} steps."
        );
    };
    let gap = s.test_neg_elbo - g.test_neg_elbo;
    let standing = if gap.abs() < LEVEL {
        format!("{gs} is level with {sf}")
    } else if gap > 0.0 {
        format!("{gs} is {} nats ahead of {sf}", nats(gap))
    } else {
        format!("{gs} is {} nats behind {sf}", nats(-gap))
    };
    let below = reference - g.test_neg_elbo;
    let against_reference = if below.abs() < LEVEL {
        format!(
            "level with the independent-pixel score of {}",
            nats(reference)
        )
    } else if below > 0.0 {
        format!(
            "{} nats below the independent-pixel score of {}",
            nats(below),
            nats(reference)
        )
    } else {
        format!(
            "{} nats above the independent-pixel score of {}",
            nats(-below),
            nats(reference)
        )
    };
    format!(
        "After {} steps {standing} on the test −ELBO ({} against {} nats; {st}: {}), and {gs} is \
         {against_reference}.",
        format::count(g.step),
        nats(g.test_neg_elbo),
        nats(s.test_neg_elbo),
        nats(t.test_neg_elbo),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vae::VaeConfig;

    #[test]
    fn the_sentence_reads_the_last_record() {
        let config = VaeConfig {
            latents: 4,
            categories: 3,
            hidden: 16,
            ..VaeConfig::default()
        };
        let mut trainer = VaeTrainer::new(config).unwrap();
        assert!(run_sentence(&trainer, 24.59).starts_with("No −ELBO recorded yet"));
        trainer.step(200);
        let sentence = run_sentence(&trainer, 24.59);
        let g = trainer.history(Estimator::GumbelSoftmax)[1].test_neg_elbo;
        let s = trainer.history(Estimator::ScoreFunction)[1].test_neg_elbo;
        assert!(sentence.starts_with("After 200 steps GS is "), "{sentence}");
        let word = if (s - g).abs() < LEVEL {
            "level with"
        } else if s > g {
            "ahead of"
        } else {
            "behind"
        };
        assert!(sentence.contains(word), "{sentence}");
        assert!(
            sentence.contains(&format!("({:.2} against {:.2} nats", g, s)),
            "{sentence}"
        );
        // Against a reference far above or below every model.
        assert!(run_sentence(&trainer, 1e3).contains("nats below the independent-pixel score"));
        assert!(run_sentence(&trainer, 0.0).contains("nats above the independent-pixel score"));
    }
}
