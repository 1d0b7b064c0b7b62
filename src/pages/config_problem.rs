use leptos::prelude::*;

use crate::config::ConfigError;
use crate::embed::Embedding;
use crate::platform;

/// Shown instead of the app when `config.json` is missing or wrong: a page, never a blank
/// screen. Shoppers get a plain sentence; the shop's developers get the list. In an element
/// it is a region of the shop's page, and the page's title stays the shop's.
#[component]
pub fn ConfigProblem(error: ConfigError, embedding: Embedding) -> impl IntoView {
    if embedding.owns_page() {
        platform::set_document_title("Sign-in is unavailable");
    }
    for problem in &error.problems {
        platform::warn(&format!("commerce-otp config: {problem}"));
    }
    let heading = "Sign-in is unavailable right now";
    let body = view! {
        <p>"Sign-in isn't set up correctly here, so you can't sign in or reset your password at the moment. Please try again later or contact the store."</p>
        <details>
            <summary>"Details for the store's developers"</summary>
            <ul class="problems">
                {error.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
        </details>
    };
    match embedding {
        Embedding::Element => view! {
            <section class="page" aria-labelledby="otp-heading">
                <h2 id="otp-heading" class="title">{heading}</h2>
                {body}
            </section>
        }
        .into_any(),
        _ => view! {
            <main id="main" class="page">
                <h1 class="title">{heading}</h1>
                {body}
            </main>
        }
        .into_any(),
    }
}
