//! A panic in the wasm module must not leave a frozen page: the hook logs it to the console
//! and calls the page's `explorerPanicked(message)` (defined by www/main.js, and by
//! www/vae-worker.js in the training worker), which shows a visible message offering a reload.
//!
//! The message is formatted once, here, and goes to both places; a separate console hook
//! crate would format it a second time and add its own code to the page's module.

use wasm_bindgen::JsValue;

pub fn install() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = JsValue::from_str(&info.to_string());
            web_sys::console::error_1(&message);
            let global = js_sys::global();
            if let Ok(f) = js_sys::Reflect::get(&global, &JsValue::from_str("explorerPanicked")) {
                if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
                    let _ = f.call1(&JsValue::NULL, &message);
                }
            }
        }));
    });
}
