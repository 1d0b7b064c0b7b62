use leptos::prelude::*;

use crate::i18n::{Message, Sentence};

/// A form's submit button that shows progress and cannot be pressed twice. Busy, it stays
/// focusable (`aria-disabled`, not `disabled`, which would drop the keyboard's place to
/// `<body>`); the form ignores submits while its call is under way.
#[component]
pub fn SubmitButton(
    /// What it does, e.g. `Message::new("send-code")`.
    #[prop(into)]
    label: Signal<Message>,
    /// The message while busy, e.g. `"send-code-busy"`.
    busy_label: &'static str,
    #[prop(into)] busy: Signal<bool>,
) -> impl IntoView {
    // In the first forms rendered at build time (src/prerender.rs) only: the busy message,
    // which web/first-form.js shows when the shopper submits before the app is there.
    let busy_message = cfg!(feature = "prerender").then(|| crate::i18n::tr(busy_label));
    view! {
        <button
            type="submit"
            class="primary"
            aria-disabled=move || busy.get().to_string()
            aria-busy=move || busy.get().to_string()
            data-busy=busy_message
        >
            <Sentence message=Signal::derive(move || if busy.get() { Message::new(busy_label) } else { label.get() }) />
        </button>
    }
}
