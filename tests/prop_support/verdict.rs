//! What every property asks of a call's verdict: it accepts exactly the inputs it should, and a
//! refusal says, in a message the page can show as it is, what was wrong.

use std::fmt::Display;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// A message that can be shown next to a control as it is: not blank, short, no markup.
pub fn check_message(message: &str) -> Result<(), TestCaseError> {
    prop_assert!(!message.trim().is_empty(), "empty message");
    prop_assert!(
        message.chars().count() < 300,
        "message of {} characters: {message}",
        message.chars().count()
    );
    prop_assert!(!message.contains('<'), "markup in message: {message}");
    Ok(())
}

/// The message of `e` can be shown as it is and names one of `words`.
pub fn check_names<W: AsRef<str>>(e: &impl Display, words: &[W]) -> Result<(), TestCaseError> {
    let message = e.to_string();
    check_message(&message)?;
    let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    prop_assert!(
        words.iter().any(|w| message.contains(w)),
        "message {message:?} names none of {words:?}"
    );
    Ok(())
}

/// The words of a refusal whose message need not name anything in particular (see
/// [`accepted`]).
pub const ANY_WORDS: &[&str] = &[];

/// `result` is `Ok` exactly when `valid` says the input was valid, and a refusal's message can
/// be shown as it is and names one of `words` (any such message for [`ANY_WORDS`]). Hands
/// back the accepted value, for the caller's checks of it.
pub fn accepted<T, E: Display, W: AsRef<str>>(
    result: Result<T, E>,
    valid: bool,
    words: &[W],
) -> Result<Option<T>, TestCaseError> {
    match result {
        Ok(value) => {
            prop_assert!(valid, "an invalid input was accepted");
            Ok(Some(value))
        }
        Err(e) => {
            prop_assert!(!valid, "rejected: {e}");
            if words.is_empty() {
                check_message(&e.to_string())?;
            } else {
                check_names(&e, words)?;
            }
            Ok(None)
        }
    }
}
