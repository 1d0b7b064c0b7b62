use leptos::prelude::*;

/// A form's submit button that shows progress and cannot be pressed twice. Busy, it stays
/// focusable (`aria-disabled`, not `disabled`, which would drop the keyboard's place to
/// `<body>`); the form ignores submits while its call is under way.
#[component]
pub fn SubmitButton(
    #[prop(into)] label: Signal<String>,
    busy_label: &'static str,
    #[prop(into)] busy: Signal<bool>,
) -> impl IntoView {
    view! {
        <button
            type="submit"
            class="primary"
            aria-disabled=move || busy.get().to_string()
            aria-busy=move || busy.get().to_string()
        >
            {move || if busy.get() { busy_label.to_owned() } else { label.get() }}
        </button>
    }
}
