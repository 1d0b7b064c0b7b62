use leptos::prelude::*;

use crate::config::ConfigError;
use crate::embed::Embedding;
use crate::i18n::tr;
use crate::platform;

/// Shown instead of the app when `config.json` is missing or wrong: a page, never a blank
/// screen. Shoppers get a plain sentence; the shop's developers get the list. In an element
/// it is a region of the shop's page, and the page's title stays the shop's.
#[component]
pub fn ConfigProblem(error: ConfigError, embedding: Embedding) -> impl IntoView {
    // No language switcher here: the title is set once.
    let heading = tr("config-problem-title");
    if embedding.owns_page() {
        platform::set_document_title(&heading.get_untracked());
    }
    for problem in &error.problems {
        platform::warn(&format!("commerce-otp config: {problem}"));
    }
    let body = view! {
        <p>{tr("config-problem-text")}</p>
        <details>
            <summary>{tr("config-problem-details")}</summary>
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
