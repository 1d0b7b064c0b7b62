use leptos::prelude::*;

use crate::components::Page;
use crate::nav::Link;
use crate::routes;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title="Page not found">
            <p>"This page doesn't exist. If you followed a link from an e-mail, check it is complete."</p>
            <p><Link to=routes::START>"Go to the start page"</Link></p>
        </Page>
    }
}
