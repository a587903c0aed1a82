//! A fixed little generator for the render tests' data (the render layer itself never
//! samples): a 64-bit linear congruential generator, its uniforms, and Gumbel-Softmax draws.

/// The generator's state; `Lcg(seed)` starts it.
pub struct Lcg(pub u64);

impl Lcg {
    /// A uniform number in (0, 1), from the top 53 bits of the next state.
    pub fn uniform(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// A Gumbel-Softmax draw for class probabilities `pi` at temperature `tau`.
    pub fn relaxed(&mut self, pi: &[f64], tau: f64) -> Vec<f64> {
        let z: Vec<f64> = pi
            .iter()
            .map(|p| (p.ln() - (-self.uniform().ln()).ln()) / tau)
            .collect();
        softmax(&z)
    }
}

/// The softmax of `z`, computed stably (max subtracted before exponentiating).
pub fn softmax(z: &[f64]) -> Vec<f64> {
    let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = z.iter().map(|v| (v - m).exp()).collect();
    let s: f64 = e.iter().sum();
    e.iter().map(|v| v / s).collect()
}
