//! A panic in the wasm module must not leave a frozen page: the hook logs it to the console
//! and calls the page's `explorerPanicked(message)` (defined by www/main.js), which shows a
//! visible message offering a reload.

use wasm_bindgen::JsValue;

pub fn install() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            let global = js_sys::global();
            if let Ok(f) = js_sys::Reflect::get(&global, &JsValue::from_str("explorerPanicked")) {
                if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
                    let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&info.to_string()));
                }
            }
        }));
    });
}
