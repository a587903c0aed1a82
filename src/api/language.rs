//! The language tags the page hands its handles (the page's `Explorer` and the training
//! worker's `VaeRun`): one reading of a tag for both modules.

use crate::i18n::messages::errors;
use crate::i18n::Lang;
use wasm_bindgen::JsError;

/// Hands `set` the language BCP 47 `tag` names; for a tag no language has, the refusal (worded
/// in `current`) that names the tag and the languages there are, and `set` is not called.
pub fn switch_language(tag: &str, current: Lang, set: impl FnOnce(Lang)) -> Result<(), JsError> {
    let lang = Lang::parse(tag).ok_or_else(|| {
        let known = Lang::ALL.map(Lang::tag);
        JsError::new(&errors(current).unknown_language(tag, &known))
    })?;
    set(lang);
    Ok(())
}

/// The language of an optional tag from the page: English without one, or for a tag no
/// language has (the functions that take one answer in English rather than fail).
pub fn language_or_english(tag: Option<String>) -> Lang {
    tag.as_deref().and_then(Lang::parse).unwrap_or_default()
}
