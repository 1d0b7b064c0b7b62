use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::Page;
use crate::context::href;
use crate::routes;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title="Page not found">
            <p>"This page doesn't exist. If you followed a link from an e-mail, check it is complete."</p>
            <p><A href=href(routes::START)>"Go to the start page"</A></p>
        </Page>
    }
}
