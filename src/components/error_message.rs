use leptos::prelude::*;

use crate::commerce::CommerceError;
use crate::hooks::NewCode;
use crate::messages::{explain, Remedy};
use crate::platform;

/// The one way an error is shown: what happened, in plain words, and what to do next.
/// The live region is always in the page so screen readers announce what appears in it.
#[component]
pub fn ErrorMessage(
    #[prop(into)] error: Signal<Option<CommerceError>>,
    /// Offered as "Send a new code" when the code did not work.
    #[prop(optional)]
    new_code: Option<NewCode>,
) -> impl IntoView {
    view! {
        <div class="alert-region" role="alert">
            {move || {
                error.get().map(|error| {
                    // For the shop's developers; the error never holds a token or a code.
                    platform::warn(&format!("commerce-otp: {error}"));
                    let explanation = explain(&error);
                    let resend = new_code
                        .filter(|_| explanation.remedy == Remedy::RequestNewCode)
                        .map(|new_code| {
                            let ready = new_code.ready;
                            view! {
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| new_code.send.run(())
                                    aria-disabled=move || (!ready.get()).to_string()
                                >
                                    {move || if ready.get() { "Send a new code" } else { "New code sent" }}
                                </button>
                            }
                        });
                    view! {
                        <div class="error">
                            <h2>{explanation.title}</h2>
                            <p>{explanation.text}</p>
                            {resend}
                        </div>
                    }
                })
            }}
        </div>
    }
}

/// The page's own "Send me a new code", below the form.
#[component]
pub fn NewCodeLink(new_code: NewCode) -> impl IntoView {
    let label = move || match (new_code.sending.get(), new_code.ready.get()) {
        (true, _) => "Sending a new code…",
        (false, false) => "New code sent: check your e-mail",
        (false, true) => "Send me a new code",
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
