//! The page's side of view 9: the VAE settings the page's handle keeps in its state and link
//! (N, K, the temperature's mode and the step to run until). Training itself happens in the
//! worker's own module (src/api/vae_worker.rs); the page only sends it these settings. One
//! setter for all four keeps the page's module small.

use super::Explorer;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Explorer {
    /// Sets one of view 9's settings: `"latents"` (N), `"categories"` (K), `"annealed"` (1: τ
    /// follows the classroom schedule, 0: τ stays at the page's τ) or `"until"` (the step to
    /// run until). On error nothing changes and the message names the control.
    pub fn set_vae(&mut self, name: &str, value: f64) -> Result<(), JsError> {
        let lang = self.model.language();
        let v = &mut self.vae;
        match name {
            "latents" => v.set_latents(value),
            "categories" => v.set_categories(value),
            "until" => v.set_until(value),
            _ => {
                v.set_annealed(value != 0.0);
                Ok(())
            }
        }
        .map_err(|e| JsError::new(&e.message(lang)))
    }

    /// [N, K, 1 if τ is annealed else 0, the step to run until].
    pub fn vae_settings(&self) -> Vec<f64> {
        let v = &self.vae;
        vec![
            v.latents() as f64,
            v.categories() as f64,
            f64::from(u8::from(v.annealed())),
            v.until() as f64,
        ]
    }
}
