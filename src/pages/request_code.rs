use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;

use crate::commerce::Purpose;
use crate::components::{ErrorMessage, Page, SubmitButton, UsernameField};
use crate::context::{use_client, use_config, use_dom, use_flow, use_nav};
use crate::flows::validate;
use crate::flows::FlowIds;
use crate::hooks::calls::{preload_calls, Calls};
use crate::hooks::{check_fields, request_code, use_page_lifetime};
use crate::i18n::{tr, Message};
use crate::nav::Link;
use crate::routes;

#[component]
pub fn ForgotPassword() -> impl IntoView {
    view! {
        <RequestCode
            purpose=Purpose::ResetPassword
            title="forgot-title"
            intro="forgot-intro"
            next=routes::CHANGE_PASSWORD
        />
    }
}

#[component]
pub fn RequestSignInCode() -> impl IntoView {
    view! {
        <RequestCode
            purpose=Purpose::PasswordlessAuthentication
            title="code-sign-in-title"
            intro="code-sign-in-intro"
            next=routes::PASSWORDLESS
        />
    }
}

/// Asks for the username and requests a code; the next page takes the code. `title` and
/// `intro` are message keys.
#[component]
fn RequestCode(
    purpose: Purpose,
    title: &'static str,
    intro: &'static str,
    next: &'static str,
) -> impl IntoView {
    let config = use_config();
    let flow = use_flow();
    let client = use_client();
    let nav = use_nav();
    let dom = use_dom();
    let username = RwSignal::new(flow.username());
    let username_error = RwSignal::new(None);
    let email_usernames = config.email_usernames;
    let ids = FlowIds {
        realm_id: config.realm_id,
        profile_id: config.password_profile_id,
        info_id: None,
    };

    preload_calls(Calls::RequestCode);
    let lifetime = use_page_lifetime();
    let send = Action::new_local(move |username: &String| {
        let (client, ids, username) = (client.clone(), ids.clone(), username.clone());
        let lifetime = lifetime.clone();
        async move {
            // A page left: nothing to show (`Ok`), and no move to the next page.
            let Some(sent) = lifetime
                .within(request_code(&client, flow, purpose, &username, &ids))
                .await
            else {
                return Ok(());
            };
            sent?;
            // Sent, or sent moments ago (the next page says which).
            nav.go(next);
            Ok(())
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // One call at a time, however the form is submitted (click, Enter, a script).
        if send.pending().get_untracked() {
            return;
        }
        let checked = validate::username_as(&username.get_untracked(), email_usernames);
        let check = ("username", username_error, checked.as_ref().err().copied());
        if let (true, Ok(name)) = (check_fields(dom, &[check]), checked) {
            send.dispatch(name);
        }
    };

    view! {
        <Page title=tr(title)>
            <p>{tr(intro)}</p>
            <form on:submit=on_submit novalidate>
                <UsernameField value=username error=username_error />
                <ErrorMessage error=Signal::derive(move || {
                    // Gone as a new attempt starts: what shows is about the last answer.
                    if send.pending().get() { None } else { send.value().get().and_then(Result::err) }
                }) />
                <SubmitButton label=Message::new("send-code") busy_label="send-code-busy" busy=send.pending() />
            </form>
            <p class="aside">
                <Link to=next>{tr("have-code")}</Link>
            </p>
        </Page>
    }
}
