use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;

use crate::commerce::Purpose;
use crate::components::{
    ErrorMessage, Notice, Page, PasswordField, ShowPasswords, SignedInAlready, SubmitButton,
    UsernameField,
};
use crate::context::{use_auth, use_client, use_config, use_dom, use_flow, use_host, use_nav};
use crate::flows::validate;
use crate::hooks::calls::{self, preload_calls, Calls};
use crate::hooks::{check_fields, use_page_lifetime};
use crate::i18n::{tr, Message};
use crate::nav::Link;
use crate::routes;

/// The first page, and sign-in with username and password (`authentication_mechanism:
/// password`): the form, then "E-mail me a code" and "Forgot your password?" beneath it.
#[component]
pub fn SignIn() -> impl IntoView {
    view! { <SignInForm title="sign-in-title" /> }
}

/// After a reset (unless `config.json` signs the shopper in at once): the sign-in form, the
/// username filled in, focus in the password.
#[component]
pub fn PasswordChanged() -> impl IntoView {
    view! { <SignInForm title="password-changed-title" notice="password-changed-notice" /> }
}

/// `title` and `notice` are message keys; with a `notice` (after a reset) focus goes to the
/// password, which is all that is left to type.
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
    let email_usernames = config.email_usernames;
    let lifetime = use_page_lifetime();
    let sign_in = Action::new_local(move |(name, password): &(String, String)| {
        let (client, profile_id) = (client.clone(), profile_id.clone());
        let (name, password) = (name.clone(), password.clone());
        let lifetime = lifetime.clone();
        async move {
            // A page left: nothing to show (`Ok`), and nobody signed in behind the shopper's back.
            let Some(signed_in) = lifetime
                .within(calls::sign_in(client, profile_id, name.clone(), password))
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
        let name = validate::username_as(&username.get_untracked(), email_usernames);
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

    if notice.is_some() && (use_host().embedding.owns_page() || nav.moved()) {
        // After the page's heading has taken focus (an effect, which runs first).
        request_animation_frame(move || dom.focus("password"));
    }
    preload_calls(Calls::SignIn);
    crate::pages::preload_after_sign_in();
    let offer_reset = config.offers(Purpose::ResetPassword);
    let offer_passwordless = config.offers(Purpose::PasswordlessAuthentication);
    view! {
        <Page title=tr(title)>
            <Notice message=Signal::stored(notice.map(Message::new)) />
            <SignedInAlready />
            <form on:submit=on_submit novalidate>
                <UsernameField value=username error=username_error />
                <PasswordField
                    id="password"
                    label=tr("password-label")
                    value=password
                    error=password_error
                    show=show
                    autocomplete="current-password"
                />
                <ShowPasswords show=show label=tr("show-password") />
                <ErrorMessage error=Signal::derive(move || {
                    // Gone as a new attempt starts: what shows is about the last answer.
                    if sign_in.pending().get() { None } else { sign_in.value().get().and_then(Result::err) }
                }) />
                <SubmitButton label=Message::new("sign-in-button") busy_label="sign-in-busy" busy=sign_in.pending() />
            </form>
            <ul class="actions">
                {offer_passwordless
                    .then(|| view! { <li><Link to=routes::SIGN_IN_WITH_CODE>{tr("email-me-a-code")}</Link></li> })}
                {offer_reset.then(|| view! { <li><Link to=routes::FORGOT_PASSWORD>{tr("forgot-password")}</Link></li> })}
            </ul>
        </Page>
    }
}
