//! Showing the checks of a form's fields.

use leptos::prelude::*;

use crate::flows::validate::FieldError;
use crate::platform;

/// One field's check: the input's id, the signal its message shows from, and what failed.
pub type FieldCheck = (
    &'static str,
    RwSignal<Option<FieldError>>,
    Option<FieldError>,
);

/// Shows the message of each check (clearing those that passed) and focuses the first failed
/// field; `checks` are in the order of the fields on the page. Returns whether all passed.
pub fn check_fields(checks: &[FieldCheck]) -> bool {
    let mut first = None;
    for (id, signal, error) in checks {
        signal.set(*error);
        if error.is_some() && first.is_none() {
            first = Some(*id);
        }
    }
    if let Some(id) = first {
        platform::focus_element(id);
    }
    first.is_none()
}
