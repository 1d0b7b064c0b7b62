use leptos::prelude::*;

use super::TextField;
use crate::flows::validate::FieldError;

/// The one-time code: one input, typed or pasted, any case. Spaces and dashes a mail client
/// adds are ignored when the form is checked (`flows::validate::code`).
#[component]
pub fn CodeInput(
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<FieldError>>,
) -> impl IntoView {
    view! {
        <TextField
            id="code"
            label="Code from your e-mail"
            hint="6 letters and digits, for example lprvj4."
            value=value
            error=error
            autocomplete="one-time-code"
        />
    }
}
