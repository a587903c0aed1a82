//! A dense (fully connected) layer y = b + Σᵢ xᵢ Wᵢ in f32 with its hand-written backward pass,
//! and the ReLU between layers.
//!
//! The weights are stored input-major: row i holds the weights leaving input i. The forward
//! pass and the weight gradient then add whole rows scaled by xᵢ (loops the compiler
//! vectorises without reordering a sum), and skip the rows whose xᵢ is 0, which is most of them:
//! binary pixels, ReLU outputs and one-hot codes are mostly zeros. Every sum runs in a fixed
//! order, so results are bit-for-bit the same on every target.

use rand::{Rng, RngExt};

/// One dense layer's parameters: the weights (inputs × outputs, input-major) followed by the
/// biases (outputs), in one flat vector so an optimiser can treat them as one slice.
#[derive(Clone, Debug, PartialEq)]
pub struct Dense {
    inputs: usize,
    outputs: usize,
    params: Vec<f32>,
}

impl Dense {
    /// A layer with Glorot-uniform weights, U(−a, a) with a = √(6 / (inputs + outputs)), and zero
    /// biases. Uses one `u32` of `rng` per weight (portable across targets).
    pub fn new<R: Rng + ?Sized>(inputs: usize, outputs: usize, rng: &mut R) -> Self {
        let limit = (6.0 / (inputs + outputs).max(1) as f32).sqrt();
        let mut params: Vec<f32> = (0..inputs * outputs)
            .map(|_| (2.0 * rng.random::<f32>() - 1.0) * limit)
            .collect();
        params.resize(inputs * outputs + outputs, 0.0);
        Self {
            inputs,
            outputs,
            params,
        }
    }

    /// Number of inputs.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Number of outputs.
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// All parameters: weights (input-major) then biases.
    pub fn params(&self) -> &[f32] {
        &self.params
    }

    /// All parameters, writable (for the optimiser and for gradient checks).
    pub fn params_mut(&mut self) -> &mut [f32] {
        &mut self.params
    }

    /// The biases, writable.
    pub fn bias_mut(&mut self) -> &mut [f32] {
        let start = self.inputs * self.outputs;
        self.params.get_mut(start..).unwrap_or_default()
    }

    /// A zero gradient of the same shape as [`params`](Self::params).
    pub fn zero_gradient(&self) -> Vec<f32> {
        vec![0.0; self.params.len()]
    }

    /// (weights, biases).
    fn split(&self) -> (&[f32], &[f32]) {
        self.params
            .split_at_checked(self.inputs * self.outputs)
            .unwrap_or((&[], &[]))
    }

    /// y = b + Σᵢ xᵢ Wᵢ. `x` has `inputs` values, `y` `outputs`.
    pub fn forward(&self, x: &[f32], y: &mut [f32]) {
        let (weights, bias) = self.split();
        for (yo, &b) in y.iter_mut().zip(bias) {
            *yo = b;
        }
        for (&xi, row) in x.iter().zip(weights.chunks_exact(self.outputs.max(1))) {
            if xi != 0.0 {
                axpy(xi, row, y);
            }
        }
    }

    /// Adds one example's parameter gradient to `grad`: ∂/∂Wᵢ += xᵢ dy, ∂/∂b += dy, where dy is
    /// the loss gradient with respect to the outputs.
    pub fn accumulate_gradient(&self, x: &[f32], dy: &[f32], grad: &mut [f32]) {
        let (grad_w, grad_b) = grad
            .split_at_mut_checked(self.inputs * self.outputs)
            .unwrap_or((&mut [], &mut []));
        for (&xi, row) in x.iter().zip(grad_w.chunks_exact_mut(self.outputs.max(1))) {
            if xi != 0.0 {
                axpy(xi, dy, row);
            }
        }
        axpy(1.0, dy, grad_b);
    }

    /// The loss gradient with respect to the inputs: dxᵢ = ⟨Wᵢ, dy⟩.
    pub fn backward_input(&self, dy: &[f32], dx: &mut [f32]) {
        let (weights, _) = self.split();
        for (d, row) in dx.iter_mut().zip(weights.chunks_exact(self.outputs.max(1))) {
            *d = dot(row, dy);
        }
    }
}

/// Width of the blocks of a dot product: fixed-size arrays of partial sums the compiler maps
/// onto vector registers (SSE natively, simd128 in WebAssembly when enabled).
const LANES: usize = 8;

/// y += a·x, element by element (a loop the compiler vectorises as it stands).
#[inline]
fn axpy(a: f32, x: &[f32], y: &mut [f32]) {
    for (yi, &xi) in y.iter_mut().zip(x) {
        *yi += a * xi;
    }
}

/// ⟨a, b⟩ summed in [`LANES`] interleaved partial sums (vector lanes), combined in a fixed
/// order, then the tail.
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (Some(a), Some(b)) = (a.get(..n), b.get(..n)) else {
        return 0.0;
    };
    let (a_blocks, a_tail) = a.as_chunks::<LANES>();
    let (b_blocks, b_tail) = b.as_chunks::<LANES>();
    let mut acc = [0.0f32; LANES];
    for (ab, bb) in a_blocks.iter().zip(b_blocks) {
        for l in 0..LANES {
            acc[l] += ab[l] * bb[l];
        }
    }
    let [a0, a1, a2, a3, a4, a5, a6, a7] = acc;
    let tail: f32 = a_tail.iter().zip(b_tail).map(|(x, y)| x * y).sum();
    ((a0 + a4) + (a1 + a5)) + ((a2 + a6) + (a3 + a7)) + tail
}

/// ReLU in place: v ← max(v, 0).
pub fn relu(values: &mut [f32]) {
    for v in values {
        *v = v.max(0.0);
    }
}

/// Backward through a ReLU: zeroes the gradient where the unit's output was not positive.
pub fn relu_backward(outputs: &[f32], grad: &mut [f32]) {
    for (g, &h) in grad.iter_mut().zip(outputs) {
        if h <= 0.0 {
            *g = 0.0;
        }
    }
}
