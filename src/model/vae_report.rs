//! The sentence under view 9's curves, read from the run itself: how far the Gumbel-Softmax
//! model is ahead of (or behind) the score-function model at the last record, and where both
//! stand against the independent-pixel score.

use crate::format;
use crate::i18n::messages::{reports, VaeSentence};
use crate::i18n::Lang;
use crate::vae::{Estimator, VaeTrainer, RECORD_EVERY};

/// Differences smaller than this (in nats) are reported as level: the sentence prints two
/// decimals.
const LEVEL: f64 = 0.005;

fn nats(v: f64) -> String {
    format!("{v:.2}")
}

/// The name of VAE estimator `e` in `lang` (the abbreviations stay; "baseline" is a word).
pub fn estimator_name(e: Estimator, lang: Lang) -> String {
    super::tables::word(e.name(), lang)
}

/// "After 2,000 steps GS is 1.16 nats ahead of SF+baseline …", or a note that nothing is
/// recorded yet, in `lang`. Lower −ELBO is better, so "ahead" means lower.
pub fn run_sentence(trainer: &VaeTrainer, reference: f64, lang: Lang) -> String {
    let w = reports(lang);
    let last = |e: Estimator| trainer.history(e).last().copied();
    let (gs, st, sf) = (
        Estimator::GumbelSoftmax,
        Estimator::StraightThrough,
        Estimator::ScoreFunction,
    );
    let (Some(g), Some(t), Some(s)) = (last(gs), last(st), last(sf)) else {
        return w.vae_nothing_yet(RECORD_EVERY);
    };
    let [gs, st, sf] = [gs, st, sf].map(|e| estimator_name(e, lang));
    let gap = s.test_neg_elbo - g.test_neg_elbo;
    let standing = if gap.abs() < LEVEL {
        w.vae_level(&gs, &sf)
    } else if gap > 0.0 {
        w.vae_ahead(&gs, &nats(gap), &sf)
    } else {
        w.vae_behind(&gs, &nats(-gap), &sf)
    };
    let below = reference - g.test_neg_elbo;
    let against_reference = if below.abs() < LEVEL {
        w.vae_reference_level(&nats(reference))
    } else if below > 0.0 {
        w.vae_reference_below(&nats(below), &nats(reference))
    } else {
        w.vae_reference_above(&nats(-below), &nats(reference))
    };
    w.vae_sentence(&VaeSentence {
        steps: &format::count(g.step),
        standing: &standing,
        gs_value: &nats(g.test_neg_elbo),
        sf_value: &nats(s.test_neg_elbo),
        st: &st,
        st_value: &nats(t.test_neg_elbo),
        gs: &gs,
        against_reference: &against_reference,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vae::VaeConfig;

    #[test]
    fn the_sentence_reads_the_last_record() {
        let mut trainer = VaeTrainer::new(VaeConfig::small()).unwrap();
        assert!(run_sentence(&trainer, 24.59, Lang::En).starts_with("No −ELBO recorded yet"));
        trainer.step(200);
        let sentence = run_sentence(&trainer, 24.59, Lang::En);
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
        assert!(run_sentence(&trainer, 1e3, Lang::En)
            .contains("nats below the independent-pixel score"));
        assert!(run_sentence(&trainer, 0.0, Lang::En)
            .contains("nats above the independent-pixel score"));
        // The same run read in Chinese: the same numbers, no English word.
        let chinese = run_sentence(&trainer, 24.59, Lang::ZhCn);
        assert!(chinese.starts_with("经过 200 步，"), "{chinese}");
        assert!(
            chinese.contains(&format!("{:.2} 对 {:.2} 奈特", g, s)),
            "{chinese}"
        );
        assert!(
            !chinese.contains("nats") && !chinese.contains("baseline"),
            "{chinese}"
        );
    }
}
