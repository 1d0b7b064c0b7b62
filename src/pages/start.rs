use leptos::prelude::*;

use crate::commerce::Purpose;
use crate::components::Page;
use crate::context::{use_auth, use_config};
use crate::nav::Link;
use crate::routes;

#[component]
pub fn Start() -> impl IntoView {
    let config = use_config();
    let auth = use_auth();
    view! {
        <Page title="Sign in or recover your account">
            <Show when=move || auth.session().with(Option::is_some)>
                <p class="notice">
                    "You're signed in. " <Link to=routes::ACCOUNT>"See your account"</Link>
                </p>
            </Show>
            <ul class="actions">
                <li><Link to=routes::SIGN_IN>"Sign in with your password"</Link></li>
                {config.offers(Purpose::PasswordlessAuthentication).then(|| view! { <li><Link to=routes::SIGN_IN_WITH_CODE>"Sign in with a one-time code"</Link></li> })}
                {config.offers(Purpose::ResetPassword).then(|| view! { <li><Link to=routes::FORGOT_PASSWORD>"Forgot your password?"</Link></li> })}
            </ul>
        </Page>
    }
}
