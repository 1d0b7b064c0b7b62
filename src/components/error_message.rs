use leptos::prelude::*;

use crate::commerce::CommerceError;
use crate::hooks::NewCode;
use crate::i18n::{use_i18n, Arg, Message, Sentence};
use crate::messages::explain;
use crate::platform;

/// The one way an error is shown: what happened, in plain words, and what to do next.
/// The live region is always in the page so screen readers announce what appears in it.
#[component]
pub fn ErrorMessage(#[prop(into)] error: Signal<Option<CommerceError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="alert-region" role="alert">
            {move || {
                error.get().map(|error| {
                    // For the shop's developers; the error never holds a token or a code.
                    platform::warn(&format!("commerce-otp: {error}"));
                    let explanation = explain(&error);
                    view! {
                        <div class="error">
                            <h2>{i18n.text(explanation.title.key)}</h2>
                            <p><Sentence message=Signal::stored(explanation.text) /></p>
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
    let label = Signal::derive(
        move || match (new_code.sending.get(), new_code.wait_secs.get()) {
            (true, _) => Message::new("new-code-busy"),
            (false, 0) => Message::new("new-code"),
            (false, secs) => {
                let time = format!("{}:{:02}", secs / 60, secs % 60);
                Message::new("new-code-wait").with("time", Arg::Text(time))
            }
        },
    );
    view! {
        <button
            type="button"
            class="link"
            on:click=move |_| new_code.send.run(())
            aria-disabled=move || (!new_code.ready.get()).to_string()
        >
            <Sentence message=label />
        </button>
    }
}
