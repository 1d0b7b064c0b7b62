use leptos::prelude::*;

use crate::flows::validate::FieldError;
use crate::i18n::{tr, use_i18n, Arg, Message, Sentence};
use crate::messages;
use crate::platform;

/// A labelled text input with an optional hint and an error tied to it for screen readers.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// Called when a value is put in at once (pasted, autofilled), after `value` has it.
    #[prop(default = None)]
    on_insert: Option<Callback<web_sys::Event>>,
) -> impl IntoView {
    labelled_input(
        id,
        label,
        value,
        error,
        hint,
        Signal::stored(input_type),
        autocomplete,
        on_insert,
    )
}

/// A password input; `show` reveals it (one "Show passwords" switch drives several fields).
#[component]
pub fn PasswordField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
    show: RwSignal<bool>,
    autocomplete: &'static str,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let input_type = Signal::derive(move || if show.get() { "text" } else { "password" });
    labelled_input(
        id,
        label,
        value,
        error,
        hint,
        input_type,
        Some(autocomplete),
        None,
    )
}

/// The e-mail address a shopper signs in with: the username of every flow.
#[component]
pub fn UsernameField(
    value: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
) -> impl IntoView {
    view! {
        <TextField
            id="username"
            label=tr("username-label")
            value=value
            error=error
            input_type="email"
            autocomplete="username"
        />
    }
}

/// Who the flow is for: plain text when a link or an earlier page said so, with "Not you?"
/// (`not_you`) to type another, else the field. The text comes with a hidden
/// `autocomplete="username"` input, so that a password manager files a new password under the
/// right account.
#[component]
pub fn UsernameOrField(
    #[prop(into)] known: Signal<bool>,
    /// The message before the username, with it as `$username` (`code-for`).
    lead: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
    not_you: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || known.get() fallback=move || view! { <UsernameField value=value error=error /> }>
            // Isolated: a right-to-left address does not reorder the sentence around it.
            <p class="who">
                <Sentence message=Signal::derive(move || {
                    Message::new(lead).with("username", Arg::Text(value.get()))
                }) />
                " · "
                <button type="button" class="link" on:click=move |_| not_you.run(())>
                    {tr("not-you")}
                </button>
            </p>
            <input
                type="email"
                name="username"
                autocomplete="username"
                hidden
                readonly
                prop:value=move || value.get()
            />
        </Show>
    }
}

/// The switch that reveals the password fields of a form.
#[component]
pub fn ShowPasswords(show: RwSignal<bool>, #[prop(into)] label: Signal<String>) -> impl IntoView {
    view! {
        <div class="check">
            <input
                id="show-password"
                type="checkbox"
                prop:checked=move || show.get()
                on:change=move |ev| show.set(event_target_checked(&ev))
            />
            <label for="show-password">{label}</label>
        </div>
    }
}

#[allow(clippy::too_many_arguments)]
fn labelled_input(
    id: String,
    label: Signal<String>,
    value: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
    hint: Option<Signal<String>>,
    input_type: Signal<&'static str>,
    autocomplete: Option<&'static str>,
    on_insert: Option<Callback<web_sys::Event>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <input
                id=id.clone()
                name=id
                type=move || input_type.get()
                autocomplete=autocomplete
                autocapitalize="none"
                spellcheck="false"
                aria-describedby=described_by
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    // The message was about what was there before: the shopper is fixing it.
                    if error.get_untracked().is_some() {
                        error.set(None);
                    }
                    if let Some(on_insert) = on_insert.filter(|_| platform::inserted_at_once(&ev)) {
                        on_insert.run(ev);
                    }
                }
            />
            <p class="field-error" id=error_id>
                {move || error.get().map(|e| i18n.text(messages::field(e)))}
            </p>
        </div>
    }
}
