use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{use_auth, use_config};
use crate::components::Page;

#[component]
pub fn Start() -> impl IntoView {
    let config = use_config();
    let auth = use_auth();
    view! {
        <Page title="Sign in or recover your account">
            <Show when=move || auth.session.with(Option::is_some)>
                <p class="notice">
                    "You're signed in. " <A href="/account">"See your account"</A>
                </p>
            </Show>
            <ul class="actions">
                <li><A href="/sign_in">"Sign in with your password"</A></li>
                {config.offer_passwordless.then(|| view! { <li><A href="/sign_in_with_code">"Sign in with a one-time code"</A></li> })}
                {config.offer_reset.then(|| view! { <li><A href="/forgot_password">"Forgot your password?"</A></li> })}
            </ul>
        </Page>
    }
}
