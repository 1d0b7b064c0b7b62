use std::rc::Rc;

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::check_fields;
use super::links::LinkParams;
use super::new_code::{NewCode, NewCodeLink};
use crate::app::{use_client, use_config, use_flow};
use crate::commerce::{CommerceError, Purpose};
use crate::components::{
    CodeInput, ErrorMessage, Notice, Page, PasswordField, ShowPasswords, SubmitButton,
    UsernameOrField,
};
use crate::flows::reset::{ResetAttempts, ResetRequest};
use crate::flows::validate;

/// Enter the code (or arrive with it from the e-mail link) and choose a new password. The code
/// is exchanged only when the form is submitted.
#[component]
pub fn ChangePassword() -> impl IntoView {
    let config = use_config();
    let flow = use_flow();
    let client = use_client();
    let navigate = use_navigate();

    let link = LinkParams::take();
    let ids = link.ids(&config);
    if let Some(name) = &link.username {
        flow.username.set(name.clone());
    }
    let username = RwSignal::new(flow.username.get_untracked());
    let username_known = !username.get_untracked().is_empty();
    let code_from_link = RwSignal::new(link.code.is_some());
    let code = RwSignal::new(link.code.clone().unwrap_or_default());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let show = RwSignal::new(false);
    let (username_error, code_error, password_error, confirm_error) = (
        RwSignal::new(None),
        RwSignal::new(None),
        RwSignal::new(None),
        RwSignal::new(None),
    );

    let attempts = Rc::new(ResetAttempts::default());
    let reset = Action::new_local(move |request: &ResetRequest| {
        let (client, attempts, request) = (client.clone(), Rc::clone(&attempts), request.clone());
        async move { attempts.reset(&client, &request).await }
    });
    let new_code = NewCode::new(
        Purpose::ResetPassword,
        ids.clone(),
        username,
        username_error,
        code,
        code_from_link,
        move || reset.value().set(None),
    );

    Effect::new(move |_| match reset.value().get() {
        Some(Ok(())) => {
            flow.code_sent.set(None);
            navigate(
                "/password_changed",
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
        // A rejected code from the link: show the code field so a new one can be typed.
        Some(Err(CommerceError::CodeRejected)) => code_from_link.set(false),
        _ => {}
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = validate::username(&username.get_untracked());
        let typed_code = validate::code(&code.get_untracked());
        let new_password = password.get_untracked();
        let checks = [
            ("username", username_error, name.as_ref().err().copied()),
            ("code", code_error, typed_code.as_ref().err().copied()),
            (
                "new-password",
                password_error,
                validate::new_password(&new_password).err(),
            ),
            (
                "confirm-password",
                confirm_error,
                validate::confirmation(&new_password, &confirm.get_untracked()).err(),
            ),
        ];
        if let (true, Ok(username), Ok(code)) = (check_fields(&checks), name, typed_code) {
            reset.dispatch(ResetRequest {
                username,
                code,
                new_password,
                realm_id: ids.realm_id.clone(),
                profile_id: ids.profile_id.clone(),
                info_id: ids.info_id.clone(),
            });
        }
    };
    let error = Signal::derive(move || {
        new_code
            .error()
            .or_else(|| reset.value().get().and_then(Result::err))
    });

    view! {
        <Page title="Choose a new password">
            <Notice text=flow.code_sent_for(Purpose::ResetPassword) />
            <form on:submit=on_submit novalidate>
                <UsernameOrField known=username_known lead="For" value=username error=username_error />
                <Show
                    when=move || !code_from_link.get()
                    fallback=|| view! { <p class="hint">"We'll use the code from your e-mail."</p> }
                >
                    <CodeInput value=code error=code_error />
                </Show>
                <PasswordField
                    id="new-password"
                    label="New password"
                    hint="At least 8 characters."
                    value=password
                    error=password_error
                    show=show
                    autocomplete="new-password"
                />
                <PasswordField
                    id="confirm-password"
                    label="New password again"
                    value=confirm
                    error=confirm_error
                    show=show
                    autocomplete="new-password"
                />
                <ShowPasswords show=show label="Show passwords" />
                <ErrorMessage error=error on_new_code=new_code.send new_code_ready=new_code.ready />
                <SubmitButton label="Change password" busy_label="Changing password…" busy=reset.pending() />
            </form>
            <p class="aside">
                <NewCodeLink new_code=new_code />
            </p>
        </Page>
    }
}

#[component]
pub fn PasswordChanged() -> impl IntoView {
    view! {
        <Page title="Your password has been changed">
            <p>"You can now sign in with your new password."</p>
            <p>
                <A href="/sign_in" attr:class="button primary">"Sign in"</A>
            </p>
        </Page>
    }
}
