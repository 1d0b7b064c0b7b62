//! Showing the checks of a form's fields.

use leptos::prelude::*;

use crate::context::Dom;
use crate::flows::validate::FieldError;

/// One field's check: the input's id, the signal its message shows from, and what failed.
pub type FieldCheck = (
    &'static str,
    RwSignal<Option<FieldError>>,
    Option<FieldError>,
);

/// Shows the message of each check (clearing those that passed) and focuses the first failed
/// field (in `dom`); `checks` are in the order of the fields on the page. Returns whether all
/// passed.
pub fn check_fields(dom: Dom, checks: &[FieldCheck]) -> bool {
    let mut first = None;
    for (id, signal, error) in checks {
        signal.set(*error);
        if error.is_some() && first.is_none() {
            first = Some(*id);
        }
    }
    if let Some(id) = first {
        dom.focus(id);
    }
    first.is_none()
}
