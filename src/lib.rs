//! Gumbel-Softmax Explorer: an interactive explorer of the Gumbel-Softmax (Concrete)
//! distribution, compiled to WebAssembly.
//!
//! Layers, imports one way (an arrow reads "uses"):
//!
//! ```text
//! api ──▶ model ──▶ math ◀── vae   pure Rust on rand: distributions, estimators, statistics
//!  │        │
//!  └────────┴────▶ render          plotters figures of plain data, generic over the backend
//!
//! format        how a number is written: a leaf module, used by math, model, render and api
//! macros        `from_variants!`, the `From` impls of enums that wrap other types
//! i18n          the two languages and their word tables: a leaf module, used by model, render, api
//! ```
//!
//! `model` holds the explorer's validated state and computes the numbers behind each view from
//! `math`, handing them to `render`'s figures; `render` needs nothing from `math`. `api`
//! (wasm-bindgen, the only part that touches the browser) drives the model and gives `render` its
//! canvas. `vae`, the categorical VAE the page trains, is pure Rust like `math` and uses only
//! `math`: no plotting, no web APIs. `format` depends on nothing in the crate; `math`, `model`,
//! `render` and `api` all write their numbers with it, so a figure's label, an error message and a
//! link spell a number the same way. `kernels`, compiled only with the `bench` feature, times model
//! and math code for `make bench`. With the
//! `vae-worker` feature `api` is instead the training worker's handle (src/api/vae_worker.rs),
//! built into a module of its own that only the page's Web Worker loads.

#[macro_use]
mod macros;

pub mod format;
pub mod i18n;
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
