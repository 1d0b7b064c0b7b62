use leptos::prelude::*;

use crate::i18n::tr;

/// Shown instead of the app in a frame whose parent page is not on `config.json`'s
/// `embed_origins` (or does not say where it is): a page that could be framed anywhere could
/// be used to trick shoppers into clicking, so it offers its own tab instead.
#[component]
pub fn FramingRefused(
    /// The app's own page, to open in a tab of its own.
    app_url: String,
) -> impl IntoView {
    view! {
        <main id="main" class="page">
            <h1 class="title">{tr("framing-title")}</h1>
            <p>{tr("framing-text")}</p>
            <p>
                <a href=app_url target="_blank" rel="noopener">{tr("open-in-new-tab")}</a>
            </p>
        </main>
    }
}
