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
//! for `make bench`. `vae` trains the categorical VAE of view 9; with the `vae-worker` feature
//! `api` is instead the training worker's handle (src/api/vae_worker.rs), built into a module
//! of its own that only the page's Web Worker loads.

pub mod format;
#[cfg(feature = "bench")]
pub mod kernels;
pub mod math;
pub mod model;
pub mod render;
pub mod vae;

#[cfg(all(target_arch = "wasm32", not(feature = "vae-worker")))]
pub mod api;
// The training worker's module (feature `vae-worker`, view 9): the VAE trainer's handle and
// nothing of the page's, so that each module carries only what its side needs.
#[cfg(all(target_arch = "wasm32", feature = "vae-worker"))]
#[path = "api/vae_worker.rs"]
pub mod api;
