use leptos::prelude::*;

use crate::config::ConfigError;
use crate::platform;

/// Shown instead of the app when `config.json` is missing or wrong: a page, never a blank
/// screen. Shoppers get a plain sentence; the shop's developers get the list.
#[component]
pub fn ConfigProblem(error: ConfigError) -> impl IntoView {
    platform::set_document_title("Sign-in is unavailable");
    for problem in &error.problems {
        platform::warn(&format!("commerce-otp config: {problem}"));
    }
    view! {
        <main id="main" class="page">
            <h1>"Sign-in is unavailable right now"</h1>
            <p>"This page isn't set up correctly, so you can't sign in or reset your password here at the moment. Please try again later or contact the store."</p>
            <details>
                <summary>"Details for the store's developers"</summary>
                <ul class="problems">
                    {error.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            </details>
        </main>
    }
}
