use leptos::prelude::*;

use crate::context::use_config;
use crate::platform;

/// One page: a `<main>` landmark whose heading takes focus when the page opens, so a screen
/// reader announces where the shopper now is, and the document title follows.
#[component]
pub fn Page(#[prop(into)] title: String, children: Children) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    let store = use_config().store_name;
    platform::set_document_title(&match store {
        Some(store) => format!("{title} · {store}"),
        None => title.clone(),
    });
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            let _ = h1.focus();
        }
    });
    view! {
        <main id="main" class="page" tabindex="-1">
            <h1 tabindex="-1" node_ref=heading>{title}</h1>
            {children()}
        </main>
    }
}

/// A polite status message, e.g. "we've sent a code".
#[component]
pub fn Notice(#[prop(into)] text: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div class="notice" role="status">
            {move || text.get().map(|t| view! { <p>{t}</p> })}
        </div>
    }
}
