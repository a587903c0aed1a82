//! Gumbel-Softmax Explorer: an interactive explorer of the Gumbel-Softmax (Concrete)
//! distribution, compiled to WebAssembly.
//!
//! Layers, imports one way (an arrow reads "uses"):
//!
//! ```text
//! api ──▶ model ──▶ math      pure Rust on rand: distributions, estimators, statistics
//!  │        │
//!  └────────┴────▶ render    plotters figures of plain data, generic over the backend
//! ```
//!
//! `model` holds the explorer's validated state and computes the numbers behind each view
//! from `math`, handing them to `render`'s figures; `render` needs nothing from `math`. `api`
//! (wasm-bindgen, the only part that touches the browser) drives the model and gives `render`
//! its canvas. `kernels`, compiled only with the `bench` feature, times model and math code
//! for `make bench`.

pub mod format;
#[cfg(feature = "bench")]
pub mod kernels;
pub mod math;
pub mod model;
pub mod render;
pub mod vae;

#[cfg(target_arch = "wasm32")]
pub mod api;
