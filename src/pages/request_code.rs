use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::check_fields;
use super::links::FlowIds;
use super::new_code::code_request;
use crate::app::{use_config, use_flow};
use crate::commerce::Purpose;
use crate::components::{ErrorMessage, Page, SubmitButton, UsernameField};
use crate::flows::validate;

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

/// Asks for the username and requests a code; the next page takes the code.
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
                <UsernameField value=username error=username_error />
                <ErrorMessage error=Signal::derive(move || send.value().get().and_then(Result::err)) />
                <SubmitButton label="Send code" busy_label="Sending code…" busy=send.pending() />
            </form>
            <p class="aside">
                <A href=next>"I already have a code"</A>
            </p>
        </Page>
    }
}
