use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;

use super::{check_fields, go_after_sign_in};
use crate::app::{use_auth, use_client, use_config, use_flow};
use crate::commerce::CommerceError;
use crate::components::{
    ErrorMessage, Page, PasswordField, ShowPasswords, SubmitButton, UsernameField,
};
use crate::flows::validate;

/// Sign in with username and password (`authentication_mechanism: password`).
#[component]
pub fn SignIn() -> impl IntoView {
    let config = use_config();
    let flow = use_flow();
    let client = use_client();
    let auth = use_auth();

    let username = RwSignal::new(flow.username.get_untracked());
    let password = RwSignal::new(String::new());
    let show = RwSignal::new(false);
    let (username_error, password_error) = (RwSignal::new(None), RwSignal::new(None));

    let profile_id = config.password_profile_id.clone();
    let sign_in = Action::new_local(move |(name, password): &(String, String)| {
        let (client, profile_id, name, password) = (
            client.clone(),
            profile_id.clone(),
            name.clone(),
            password.clone(),
        );
        async move {
            let tokens = client.sign_in(&profile_id, &name, &password).await?;
            Ok::<_, CommerceError>((name, tokens))
        }
    });
    Effect::new(move |_| {
        if let Some(Ok((name, tokens))) = sign_in.value().get() {
            flow.username.set(name.clone());
            go_after_sign_in(auth.complete(&name, tokens));
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
            flow.username.set(name.clone());
            sign_in.dispatch((name, typed));
        }
    };

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
                {config.offer_reset.then(|| view! { <A href="/forgot_password">"Forgot your password?"</A> })}
                {(config.offer_reset && config.offer_passwordless).then_some(" · ")}
                {config
                    .offer_passwordless
                    .then(|| view! { <A href="/sign_in_with_code">"Sign in with a one-time code"</A> })}
            </p>
        </Page>
    }
}
