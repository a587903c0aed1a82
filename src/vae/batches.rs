//! The order in which training images are visited: epochs of a seeded shuffle, cut into
//! minibatches (a batch may straddle two epochs).

use rand::{Rng, RngExt};

/// An endless stream of training-row indices: each epoch is a fresh Fisher–Yates shuffle of
/// 0..rows drawn from the generator given to [`next_batch`](Self::next_batch). Only `u32`
/// ranges are drawn, so the order is the same on 32- and 64-bit targets.
#[derive(Clone, Debug, PartialEq)]
pub struct EpochOrder {
    order: Vec<usize>,
    cursor: usize,
}

impl EpochOrder {
    /// An order over `rows` training rows (the first shuffle happens on the first batch).
    pub fn new(rows: usize) -> Self {
        let order = (0..rows).collect::<Vec<_>>();
        let cursor = order.len();
        Self { order, cursor }
    }

    /// Fills `batch` with the next indices, reshuffling at each epoch's end. Leaves `batch`
    /// untouched if there are no rows.
    pub fn next_batch<R: Rng + ?Sized>(&mut self, rng: &mut R, batch: &mut [usize]) {
        if self.order.is_empty() {
            return;
        }
        for slot in batch {
            if self.cursor >= self.order.len() {
                shuffle(&mut self.order, rng);
                self.cursor = 0;
            }
            if let Some(&row) = self.order.get(self.cursor) {
                *slot = row;
            }
            self.cursor += 1;
        }
    }
}

/// Fisher–Yates shuffle with `u32` draws.
fn shuffle<R: Rng + ?Sized>(values: &mut [usize], rng: &mut R) {
    for i in (1..values.len()).rev() {
        let j = rng.random_range(0..=i as u32) as usize;
        values.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn every_epoch_visits_every_row_once() {
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(3);
        let mut order = EpochOrder::new(10);
        let mut seen = Vec::new();
        let mut batch = [0usize; 4];
        for _ in 0..5 {
            order.next_batch(&mut rng, &mut batch);
            seen.extend(batch);
        }
        let (first, second) = (&mut seen[..10].to_vec(), &mut seen[10..20].to_vec());
        first.sort_unstable();
        second.sort_unstable();
        assert_eq!(*first, (0..10).collect::<Vec<_>>());
        assert_eq!(*second, (0..10).collect::<Vec<_>>());
        assert_ne!(seen[..10], seen[10..20]);
    }
}
