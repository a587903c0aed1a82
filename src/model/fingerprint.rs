//! The hasher behind every fingerprint (a view's inputs, a table's rows, a drawn picture): a
//! small deterministic one, so that the page's module carries no SipHash.
//!
//! Each word written goes through `state = (state.rotate_left(5) ^ word) · K` with an odd `K`,
//! a bijection of the state for a fixed word and of the word for a fixed state: two sequences
//! of words of the same length that differ in one word always end in different states. The
//! result is mixed once more (SplitMix64's finaliser, also a bijection) so that nearby inputs
//! give far-apart fingerprints. Fingerprints only compare inputs; they are never shown or stored.

use std::hash::Hasher;

/// An odd multiplier with well-spread bits.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// A deterministic [`Hasher`] for fingerprints: equal inputs give equal fingerprints, on every
/// platform (a `usize` is hashed as the `u64` of its value).
#[derive(Clone, Copy, Debug)]
pub struct Fingerprint {
    state: u64,
}

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint::new()
    }
}

impl Fingerprint {
    /// A hasher that has seen nothing. Its state is not 0, which every word of zeros would
    /// keep at 0: then a run of zeros in front would not change a fingerprint.
    pub fn new() -> Fingerprint {
        Fingerprint {
            state: 0x243f_6a88_85a3_08d3,
        }
    }

    fn word(&mut self, word: u64) {
        self.state = (self.state.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for Fingerprint {
    fn write(&mut self, bytes: &[u8]) {
        // The length first, so that ("ab", "c") and ("a", "bc") differ.
        self.word(bytes.len() as u64);
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.word(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.word(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.word(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.word(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.word(i as u64);
    }

    fn finish(&self) -> u64 {
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    fn of<T: Hash + ?Sized>(value: &T) -> u64 {
        let mut h = Fingerprint::new();
        value.hash(&mut h);
        h.finish()
    }

    #[test]
    fn equal_inputs_give_equal_fingerprints() {
        let a = (
            vec![0.2f64.to_bits(), 0.3f64.to_bits()],
            "linear",
            7usize,
            true,
        );
        assert_eq!(of(&a), of(&a.clone()));
        assert_eq!(of("gumbel-max"), of(&String::from("gumbel-max")));
    }

    #[test]
    fn different_inputs_give_different_fingerprints() {
        // Every one-word change of a view-like input, and inputs that differ only in how
        // their bytes are split, each give a fingerprint of their own.
        let base = [0.2f64, 0.3, 0.5, 0.5].map(f64::to_bits);
        let mut seen = vec![of(&base)];
        for i in 0..base.len() {
            for bits in [1u64, 1 << 31, 1 << 52, 1 << 63] {
                let mut changed = base;
                changed[i] ^= bits;
                seen.push(of(&changed));
            }
        }
        seen.push(of(&("ab", "c")));
        seen.push(of(&("a", "bc")));
        seen.push(of(&(1u32, 2u64)));
        seen.push(of(&(2u32, 1u64)));
        seen.push(of(&0u64));
        seen.push(of(&()));
        let count = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(
            seen.len(),
            count,
            "two different inputs share a fingerprint"
        );
    }

    #[test]
    fn a_fingerprint_spreads_a_one_bit_change() {
        // SplitMix64's finaliser flips about half of the 64 bits for a one-bit change.
        let flipped = (of(&1u64) ^ of(&0u64)).count_ones();
        assert!((16..=48).contains(&flipped), "{flipped} bits flipped");
    }
}
