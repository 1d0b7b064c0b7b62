use leptos::prelude::*;

use super::{TextField, UsernameOrField};
use crate::flows::validate::FieldError;
use crate::hooks::{CodeForm, CodeSource};

/// The one-time code: one input, typed or pasted, any case. Spaces and dashes a mail client
/// adds are ignored when the form is checked (`flows::validate::code`).
#[component]
pub fn CodeInput(value: RwSignal<String>, error: RwSignal<Option<FieldError>>) -> impl IntoView {
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

/// The top of a code-entry form: who it is for (`lead`, then the username, when known) and
/// the code field, which is left out while the code comes from the e-mail link. `link_hint`
/// says so in its place.
#[component]
pub fn CodeFormFields(
    form: CodeForm,
    lead: &'static str,
    #[prop(optional)] link_hint: Option<&'static str>,
) -> impl IntoView {
    let from_link = move || form.code_source.get() == CodeSource::Link;
    view! {
        <UsernameOrField
            known=form.username_known
            lead=lead
            value=form.username
            error=form.username_error
            not_you=Callback::new(move |()| form.not_me())
        />
        <Show
            when=move || !from_link()
            fallback=move || {
                link_hint.map(|hint| view! { <div class="field"><p class="hint">{hint}</p></div> })
            }
        >
            <CodeInput value=form.code error=form.code_error />
        </Show>
    }
}
