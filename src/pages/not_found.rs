use leptos::prelude::*;

use crate::components::Page;
use crate::i18n::tr;
use crate::nav::Link;
use crate::routes;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title=tr("not-found-title")>
            <p>{tr("not-found-text")}</p>
            <p><Link to=routes::START>{tr("go-to-start")}</Link></p>
        </Page>
    }
}
