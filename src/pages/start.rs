use leptos::prelude::*;
use leptos_router::components::A;

use crate::commerce::Purpose;
use crate::components::Page;
use crate::context::{href, use_auth, use_config};
use crate::routes;

#[component]
pub fn Start() -> impl IntoView {
    let config = use_config();
    let auth = use_auth();
    view! {
        <Page title="Sign in or recover your account">
            <Show when=move || auth.session().with(Option::is_some)>
                <p class="notice">
                    "You're signed in. " <A href=href(routes::ACCOUNT)>"See your account"</A>
                </p>
            </Show>
            <ul class="actions">
                <li><A href=href(routes::SIGN_IN)>"Sign in with your password"</A></li>
                {config.offers(Purpose::PasswordlessAuthentication).then(|| view! { <li><A href=href(routes::SIGN_IN_WITH_CODE)>"Sign in with a one-time code"</A></li> })}
                {config.offers(Purpose::ResetPassword).then(|| view! { <li><A href=href(routes::FORGOT_PASSWORD)>"Forgot your password?"</A></li> })}
            </ul>
        </Page>
    }
}
