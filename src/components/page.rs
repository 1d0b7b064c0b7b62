use leptos::prelude::*;

use crate::context::{use_config, use_host, use_nav};
use crate::embed::Embedding;
use crate::platform;

/// One page (one step). On the app's own page: a `<main>` landmark whose `<h1>` takes focus
/// as the page opens, so a screen reader announces where the shopper now is, and the document
/// title follows. Embedded, focus moves to the heading only when the shopper moved to this
/// step (never as the shop's page loads), and the title stays the shop's; in an element the
/// step is a named region with an `<h2>` (the shop's page has its own `<main>` and `<h1>`).
#[component]
pub fn Page(#[prop(into)] title: String, children: Children) -> impl IntoView {
    let embedding = use_host().embedding;
    let nav = use_nav();
    if embedding.owns_page() {
        let store = use_config().store_name;
        platform::set_document_title(&match store {
            Some(store) => format!("{title} · {store}"),
            None => title.clone(),
        });
    }
    let take_focus = embedding.owns_page() || nav.moved();
    let dom = crate::context::use_dom();
    let (h1, h2) = (
        NodeRef::<leptos::html::H1>::new(),
        NodeRef::<leptos::html::H2>::new(),
    );
    Effect::new(move |_| {
        // Not when a field of the page took it first (a link's value that needs fixing).
        if !take_focus || dom.focus_is_inside("main") {
            return;
        }
        if let Some(heading) = h1.get() {
            let _ = heading.focus();
        } else if let Some(heading) = h2.get() {
            let _ = heading.focus();
        }
    });
    match embedding {
        Embedding::Element => view! {
            <section id="main" class="page" aria-labelledby="otp-heading">
                <h2 id="otp-heading" class="title" tabindex="-1" node_ref=h2>{title}</h2>
                {children()}
            </section>
        }
        .into_any(),
        _ => view! {
            <main id="main" class="page" tabindex="-1">
                <h1 class="title" tabindex="-1" node_ref=h1>{title}</h1>
                {children()}
            </main>
        }
        .into_any(),
    }
}

/// On a page that signs in: who is signed in already, and that signing in replaces them.
#[component]
pub fn SignedInAlready() -> impl IntoView {
    let auth = crate::context::use_auth();
    view! {
        {move || {
            auth.session()
                .get()
                .map(|session| {
                    view! {
                        <p class="notice">
                            "You're signed in as " <strong><bdi>{session.username}</bdi></strong>
                            ". Signing in here replaces that sign-in."
                        </p>
                    }
                })
        }}
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
