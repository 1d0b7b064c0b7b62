use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::check_fields;
use super::links::FlowIds;
use crate::app::{use_client, use_config, use_flow};
use crate::commerce::{CommerceError, Purpose};
use crate::components::{ErrorMessage, Page, SubmitButton, TextField};
use crate::flows::validate;
use crate::messages;

/// Asks Commerce to e-mail a code; on success the next page shows the neutral confirmation.
/// Shared by the request pages and every "Send a new code" button.
pub fn code_request(purpose: Purpose) -> Action<(String, FlowIds), Result<(), CommerceError>> {
    let client = use_client();
    let flow = use_flow();
    Action::new_local(move |(username, ids): &(String, FlowIds)| {
        let client = client.clone();
        let (username, ids) = (username.clone(), ids.clone());
        async move {
            client
                .request_code(&ids.realm_id, &ids.profile_id, &username, purpose)
                .await?;
            flow.username.set(username.clone());
            flow.notice.set(Some(messages::code_sent(&username)));
            Ok(())
        }
    })
}

#[component]
pub fn ForgotPassword() -> impl IntoView {
    view! {
        <RequestCode
            purpose=Purpose::ResetPassword
            title="Reset your password"
            intro="Enter the e-mail address you sign in with. We'll send you a code to choose a new password."
            next="/change_password"
        />
    }
}

#[component]
pub fn RequestSignInCode() -> impl IntoView {
    view! {
        <RequestCode
            purpose=Purpose::PasswordlessAuthentication
            title="Sign in with a one-time code"
            intro="Enter the e-mail address you sign in with. We'll send you a code, no password needed."
            next="/passwordless"
        />
    }
}

#[component]
fn RequestCode(
    purpose: Purpose,
    title: &'static str,
    intro: &'static str,
    next: &'static str,
) -> impl IntoView {
    let config = use_config();
    let flow = use_flow();
    let navigate = use_navigate();
    let username = RwSignal::new(flow.username.get_untracked());
    let username_error = RwSignal::new(None);
    let send = code_request(purpose);
    let ids = FlowIds {
        realm_id: config.realm_id,
        profile_id: config.password_profile_id,
        info_id: None,
    };

    Effect::new(move |_| {
        if let Some(Ok(())) = send.value().get() {
            navigate(next, Default::default());
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let checked = validate::username(&username.get_untracked());
        if check_fields(&[("username", username_error, checked.as_ref().err().copied())]) {
            if let Ok(name) = checked {
                send.dispatch((name, ids.clone()));
            }
        }
    };

    view! {
        <Page title=title>
            <p>{intro}</p>
            <form on:submit=on_submit novalidate>
                <TextField
                    id="username"
                    label="E-mail address"
                    value=username
                    error=username_error
                    input_type="email"
                    autocomplete="username"
                />
                <ErrorMessage error=Signal::derive(move || send.value().get().and_then(Result::err)) />
                <SubmitButton label="Send code" busy_label="Sending code…" busy=send.pending() />
            </form>
            <p class="aside">
                <A href=next>"I already have a code"</A>
            </p>
        </Page>
    }
}
