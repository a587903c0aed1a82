//! Gumbel-Softmax Explorer: an interactive explorer of the Gumbel-Softmax (Concrete)
//! distribution, compiled to WebAssembly.
//!
//! Layers, imports one way: `math` (pure Rust on rand) ← `render` (plotters figures, generic
//! over the backend) and `model` (the explorer's state and the numbers behind each view) ←
//! `api` (wasm-bindgen, the only part that touches the browser).

pub mod kernels;
pub mod math;
pub mod model;
pub mod render;
pub mod vae;

#[cfg(target_arch = "wasm32")]
pub mod api;
