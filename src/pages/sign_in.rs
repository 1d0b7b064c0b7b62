use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;

use crate::commerce::Purpose;
use crate::components::{
    ErrorMessage, Notice, Page, PasswordField, ShowPasswords, SignedInAlready, SubmitButton,
    UsernameField,
};
use crate::context::{use_auth, use_client, use_config, use_dom, use_flow, use_nav};
use crate::flows::validate;
use crate::hooks::{check_fields, use_page_lifetime};
use crate::nav::Link;
use crate::routes;

/// Sign in with username and password (`authentication_mechanism: password`).
#[component]
pub fn SignIn() -> impl IntoView {
    view! { <SignInForm title="Sign in" /> }
}

/// After a reset (unless `config.json` signs the shopper in at once): the sign-in form, the
/// username filled in.
#[component]
pub fn PasswordChanged() -> impl IntoView {
    view! {
        <SignInForm
            title="Your password has been changed"
            notice="Sign in with your new password."
        />
    }
}

#[component]
fn SignInForm(
    title: &'static str,
    #[prop(optional)] notice: Option<&'static str>,
) -> impl IntoView {
    let config = use_config();
    let flow = use_flow();
    let client = use_client();
    let auth = use_auth();
    let nav = use_nav();
    let dom = use_dom();

    let username = RwSignal::new(flow.username());
    let password = RwSignal::new(String::new());
    let show = RwSignal::new(false);
    let (username_error, password_error) = (RwSignal::new(None), RwSignal::new(None));

    let profile_id = config.password_profile_id.clone();
    let lifetime = use_page_lifetime();
    let sign_in = Action::new_local(move |(name, password): &(String, String)| {
        let (client, profile_id) = (client.clone(), profile_id.clone());
        let (name, password) = (name.clone(), password.clone());
        let lifetime = lifetime.clone();
        async move {
            // A page left: nothing to show (`Ok`), and nobody signed in behind the shopper's back.
            let Some(signed_in) = lifetime
                .within(client.sign_in(&profile_id, &name, &password))
                .await
            else {
                return Ok(());
            };
            let tokens = signed_in?;
            nav.after_sign_in(auth.complete(&name, tokens));
            Ok(())
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // One call at a time, however the form is submitted (click, Enter, a script).
        if sign_in.pending().get_untracked() {
            return;
        }
        let name = validate::username(&username.get_untracked());
        let typed = password.get_untracked();
        let checks = [
            ("username", username_error, name.as_ref().err().copied()),
            ("password", password_error, validate::password(&typed).err()),
        ];
        if let (true, Ok(name)) = (check_fields(dom, &checks), name) {
            flow.remember_username(&name);
            sign_in.dispatch((name, typed));
        }
    };

    let offer_reset = config.offers(Purpose::ResetPassword);
    let offer_passwordless = config.offers(Purpose::PasswordlessAuthentication);
    view! {
        <Page title=title>
            <Notice text=Signal::stored(notice.map(str::to_owned)) />
            <SignedInAlready />
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
                <ErrorMessage error=Signal::derive(move || {
                    // Gone as a new attempt starts: what shows is about the last answer.
                    if sign_in.pending().get() { None } else { sign_in.value().get().and_then(Result::err) }
                }) />
                <SubmitButton label="Sign in" busy_label="Signing in…" busy=sign_in.pending() />
            </form>
            <p class="aside">
                {offer_reset.then(|| view! { <Link to=routes::FORGOT_PASSWORD>"Forgot your password?"</Link> })}
                {(offer_reset && offer_passwordless).then_some(" · ")}
                {offer_passwordless
                    .then(|| view! { <Link to=routes::SIGN_IN_WITH_CODE>"Sign in with a one-time code"</Link> })}
            </p>
        </Page>
    }
}
