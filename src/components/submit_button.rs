use leptos::prelude::*;

/// A form's submit button that shows progress and cannot be pressed twice.
#[component]
pub fn SubmitButton(
    #[prop(into)] label: Signal<String>,
    busy_label: &'static str,
    #[prop(into)] busy: Signal<bool>,
) -> impl IntoView {
    view! {
        <button type="submit" class="primary" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
            {move || if busy.get() { busy_label.to_owned() } else { label.get() }}
        </button>
    }
}
