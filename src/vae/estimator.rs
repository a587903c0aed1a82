//! The gradient estimators the VAE is trained with, and their names (one list, used by the
//! trainer, the data table and the page).

use std::fmt;

/// How the encoder's gradient is estimated through the discrete latent code. The KL term's
/// gradient is exact for all of them, and the decoder always gets its ordinary gradient at the
/// code it was fed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Estimator {
    /// Gumbel-Softmax: the decoder sees the relaxed sample y = softmax((l + g)/τ) and the
    /// gradient flows through it (reparameterisation).
    GumbelSoftmax,
    /// Straight-through Gumbel-Softmax: the decoder sees the one-hot z = onehot(argmax(l + g));
    /// the gradient at z is passed back as if taken at the relaxed y.
    StraightThrough,
    /// Score function (REINFORCE) with a running-mean baseline b: the decoder sees the one-hot
    /// z and the encoder's reconstruction gradient is (f(z) − b) ∇ ln q(z|x).
    ScoreFunction,
}

/// Every estimator, in the order the trainer keeps its models and the table lists them.
pub const ESTIMATORS: [Estimator; 3] = [
    Estimator::GumbelSoftmax,
    Estimator::StraightThrough,
    Estimator::ScoreFunction,
];

impl Estimator {
    /// The name shown on the page and in the data table: `GS`, `ST-GS`, `SF+baseline`.
    pub fn name(self) -> &'static str {
        match self {
            Self::GumbelSoftmax => "GS",
            Self::StraightThrough => "ST-GS",
            Self::ScoreFunction => "SF+baseline",
        }
    }

    /// The estimator with this [`name`](Self::name).
    pub fn from_name(name: &str) -> Option<Self> {
        ESTIMATORS.into_iter().find(|e| e.name() == name)
    }

    /// True if the decoder is fed the relaxed sample, false if the one-hot code.
    pub fn feeds_relaxed(self) -> bool {
        self == Self::GumbelSoftmax
    }
}

impl fmt::Display for Estimator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for e in ESTIMATORS {
            assert_eq!(Estimator::from_name(e.name()), Some(e));
        }
        assert_eq!(Estimator::from_name("REBAR"), None);
    }
}
