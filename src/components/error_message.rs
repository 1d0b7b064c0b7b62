use leptos::prelude::*;

use crate::commerce::CommerceError;
use crate::messages::{explain, Remedy};
use crate::platform;

/// The one way an error is shown: what happened, in plain words, and what to do next.
/// The live region is always in the page so screen readers announce what appears in it.
#[component]
pub fn ErrorMessage(
    #[prop(into)] error: Signal<Option<CommerceError>>,
    /// Offered as "Send a new code" when the code did not work.
    #[prop(optional)]
    on_new_code: Option<Callback<()>>,
    /// Whether that button can be pressed now (a code was not just sent).
    #[prop(optional, into)]
    new_code_ready: Option<Signal<bool>>,
) -> impl IntoView {
    let ready = move || new_code_ready.is_none_or(|r| r.get());
    view! {
        <div class="alert-region" role="alert">
            {move || {
                error.get().map(|error| {
                    // For the shop's developers; the error never holds a token or a code.
                    platform::warn(&format!("commerce-otp: {error}"));
                    let explanation = explain(&error);
                    let new_code = (explanation.remedy == Remedy::RequestNewCode)
                        .then_some(on_new_code)
                        .flatten()
                        .map(|cb| {
                            view! {
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| cb.run(())
                                    disabled=move || !ready()
                                >
                                    {move || if ready() { "Send a new code" } else { "New code sent" }}
                                </button>
                            }
                        });
                    view! {
                        <div class="error">
                            <h2>{explanation.title}</h2>
                            <p>{explanation.text}</p>
                            {new_code}
                        </div>
                    }
                })
            }}
        </div>
    }
}
