use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::go_after_sign_in;
use crate::commerce::Purpose;
use crate::components::{
    ErrorMessage, Page, PasswordField, ShowPasswords, SubmitButton, UsernameField,
};
use crate::context::{href, use_auth, use_client, use_config, use_flow};
use crate::flows::validate;
use crate::hooks::check_fields;
use crate::routes;

/// Sign in with username and password (`authentication_mechanism: password`).
#[component]
pub fn SignIn() -> impl IntoView {
    let config = use_config();
    let flow = use_flow();
    let client = use_client();
    let auth = use_auth();
    let navigate = use_navigate();

    let username = RwSignal::new(flow.username());
    let password = RwSignal::new(String::new());
    let show = RwSignal::new(false);
    let (username_error, password_error) = (RwSignal::new(None), RwSignal::new(None));

    let profile_id = config.password_profile_id.clone();
    let sign_in = Action::new_local(move |(name, password): &(String, String)| {
        let (client, profile_id, navigate) = (client.clone(), profile_id.clone(), navigate.clone());
        let (name, password) = (name.clone(), password.clone());
        async move {
            let tokens = client.sign_in(&profile_id, &name, &password).await?;
            go_after_sign_in(&navigate, auth.complete(&name, tokens));
            Ok(())
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = validate::username(&username.get_untracked());
        let typed = password.get_untracked();
        let checks = [
            ("username", username_error, name.as_ref().err().copied()),
            ("password", password_error, validate::password(&typed).err()),
        ];
        if let (true, Ok(name)) = (check_fields(&checks), name) {
            flow.remember_username(&name);
            sign_in.dispatch((name, typed));
        }
    };

    let offer_reset = config.offers(Purpose::ResetPassword);
    let offer_passwordless = config.offers(Purpose::PasswordlessAuthentication);
    view! {
        <Page title="Sign in">
            <form on:submit=on_submit novalidate>
                <UsernameField value=username error=username_error />
                <PasswordField
                    id="password"
                    label="Password"
                    value=password
                    error=password_error
                    show=show
                    autocomplete="current-password"
                />
                <ShowPasswords show=show label="Show password" />
                <ErrorMessage error=Signal::derive(move || sign_in.value().get().and_then(Result::err)) />
                <SubmitButton label="Sign in" busy_label="Signing in…" busy=sign_in.pending() />
            </form>
            <p class="aside">
                {offer_reset.then(|| view! { <A href=href(routes::FORGOT_PASSWORD)>"Forgot your password?"</A> })}
                {(offer_reset && offer_passwordless).then_some(" · ")}
                {offer_passwordless
                    .then(|| view! { <A href=href(routes::SIGN_IN_WITH_CODE)>"Sign in with a one-time code"</A> })}
            </p>
        </Page>
    }
}
