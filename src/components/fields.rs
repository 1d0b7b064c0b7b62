use leptos::prelude::*;

use crate::flows::validate::FieldError;
use crate::messages;

/// A labelled text input with an optional hint and an error tied to it for screen readers.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    labelled_input(
        id,
        label,
        value,
        error,
        hint,
        Signal::stored(input_type),
        autocomplete,
    )
}

/// A password input; `show` reveals it (one "Show passwords" switch drives several fields).
#[component]
pub fn PasswordField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
    show: RwSignal<bool>,
    autocomplete: &'static str,
    #[prop(optional, into)] hint: Option<String>,
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
            label="E-mail address"
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
    lead: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
    not_you: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || known.get() fallback=move || view! { <UsernameField value=value error=error /> }>
            // Isolated: a right-to-left address does not reorder the sentence around it.
            <p class="who">
                {lead} " " <strong><bdi>{move || value.get()}</bdi></strong> " · "
                <button type="button" class="link" on:click=move |_| not_you.run(())>
                    "Not you?"
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
pub fn ShowPasswords(show: RwSignal<bool>, label: &'static str) -> impl IntoView {
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

fn labelled_input(
    id: String,
    label: String,
    value: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
    hint: Option<String>,
    input_type: Signal<&'static str>,
    autocomplete: Option<&'static str>,
) -> impl IntoView {
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
                }
            />
            <p class="field-error" id=error_id>{move || error.get().map(messages::field)}</p>
        </div>
    }
}
