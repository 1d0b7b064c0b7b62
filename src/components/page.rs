use leptos::prelude::*;

use crate::context::{use_config, use_host, use_nav};
use crate::embed::Embedding;
use crate::i18n::{tr, Arg, Message, Sentence};
use crate::nav::Link;
use crate::platform;
use crate::routes;

/// One page (one step). On the app's own page: a `<main>` landmark whose `<h1>` takes focus
/// as the page opens, so a screen reader announces where the shopper now is, and the document
/// title follows. Embedded, focus moves to the heading only when the shopper moved to this
/// step (never as the shop's page loads), and the title stays the shop's; in an element the
/// step is a named region with an `<h2>` (the shop's page has its own `<main>` and `<h1>`).
#[component]
pub fn Page(#[prop(into)] title: Signal<String>, children: Children) -> impl IntoView {
    let embedding = use_host().embedding;
    let nav = use_nav();
    let store = embedding.owns_page().then(|| use_config().store_name);
    let take_focus = embedding.owns_page() || nav.moved();
    let dom = crate::context::use_dom();
    let (h1, h2) = (
        NodeRef::<leptos::html::H1>::new(),
        NodeRef::<leptos::html::H2>::new(),
    );
    Effect::new(move |first: Option<()>| {
        // The document's title follows the language (the shop's, embedded).
        if let Some(store) = &store {
            let title = title.get();
            platform::set_document_title(&match store {
                Some(store) => format!("{title} · {store}"),
                None => title,
            });
        }
        // Once, as the page opens; not when a field of the page took it first (a link's
        // value that needs fixing).
        if first.is_some() || !take_focus || dom.focus_is_inside("main") {
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
                    let message = Message::new("signed-in-already")
                        .with("username", Arg::Text(session.username));
                    view! {
                        <p class="notice">
                            <Sentence message=Signal::stored(message) />
                            " "
                            <Link to=routes::ACCOUNT>{tr("see-account")}</Link>
                        </p>
                    }
                })
        }}
    }
}

/// A polite status message, e.g. "we've sent a code".
#[component]
pub fn Notice(#[prop(into)] message: Signal<Option<Message>>) -> impl IntoView {
    view! {
        <div class="notice" role="status">
            {move || message.get().map(|m| view! { <p><Sentence message=Signal::stored(m) /></p> })}
        </div>
    }
}
