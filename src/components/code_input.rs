use leptos::prelude::*;

use super::{TextField, UsernameOrField};
use crate::flows::validate;
use crate::flows::validate::FieldError;
use crate::hooks::{CodeForm, CodeSource};
use crate::i18n::tr;
use crate::platform;

/// The one-time code: one input, typed or pasted, any case. Spaces and dashes a mail client
/// adds are ignored when the form is checked (`flows::validate::code`). `submit_when_pasted`:
/// a complete code pasted or autofilled submits the form by itself (typed, it waits for the
/// button).
#[component]
pub fn CodeInput(
    value: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
    #[prop(optional)] submit_when_pasted: bool,
) -> impl IntoView {
    let on_insert = submit_when_pasted.then(|| {
        Callback::new(move |ev: web_sys::Event| {
            if validate::code(&value.get_untracked()).is_ok() {
                if let Some(input) = ev.target() {
                    platform::submit_form_of(&input);
                }
            }
        })
    });
    view! {
        <TextField
            id="code"
            label=tr("code-label")
            hint=tr("code-hint")
            value=value
            error=error
            autocomplete="one-time-code"
            on_insert=on_insert
        />
    }
}

/// The top of a code-entry form: who it is for (`lead`, then the username, when known) and
/// the code field, which is left out while the code comes from the e-mail link. `link_hint`
/// says so in its place.
#[component]
pub fn CodeFormFields(
    form: CodeForm,
    /// The message before the username, with it as `$username`.
    lead: &'static str,
    /// The message in place of the code field while the link's code is used.
    #[prop(optional)]
    link_hint: Option<&'static str>,
    /// A complete code pasted or autofilled submits the form (`CodeInput`).
    #[prop(optional)]
    submit_when_pasted: bool,
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
                link_hint.map(|hint| view! { <div class="field"><p class="hint">{tr(hint)}</p></div> })
            }
        >
            <CodeInput value=form.code error=form.code_error submit_when_pasted=submit_when_pasted />
        </Show>
    }
}
