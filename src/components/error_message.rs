use leptos::prelude::*;

use crate::commerce::CommerceError;
use crate::hooks::NewCode;
use crate::messages::explain;
use crate::platform;

/// The one way an error is shown: what happened, in plain words, and what to do next.
/// The live region is always in the page so screen readers announce what appears in it.
#[component]
pub fn ErrorMessage(#[prop(into)] error: Signal<Option<CommerceError>>) -> impl IntoView {
    view! {
        <div class="alert-region" role="alert">
            {move || {
                error.get().map(|error| {
                    // For the shop's developers; the error never holds a token or a code.
                    platform::warn(&format!("commerce-otp: {error}"));
                    let explanation = explain(&error);
                    view! {
                        <div class="error">
                            <h2>{explanation.title}</h2>
                            <p>{explanation.text}</p>
                        </div>
                    }
                })
            }}
        </div>
    }
}

/// "Send a new code": the one control for it on a code page, below the form. While asking
/// must wait (a code was just sent, or Commerce asked for a pause) it counts down, as
/// "Send a new code in 0:27", and stays focusable.
#[component]
pub fn NewCodeLink(new_code: NewCode) -> impl IntoView {
    let label = move || match (new_code.sending.get(), new_code.wait_secs.get()) {
        (true, _) => "Sending a new code…".to_owned(),
        (false, 0) => "Send a new code".to_owned(),
        (false, secs) => format!("Send a new code in {}:{:02}", secs / 60, secs % 60),
    };
    view! {
        <button
            type="button"
            class="link"
            on:click=move |_| new_code.send.run(())
            aria-disabled=move || (!new_code.ready.get()).to_string()
        >
            {label}
        </button>
    }
}
