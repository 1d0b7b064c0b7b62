use std::rc::Rc;

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::check_fields;
use super::links::LinkParams;
use super::request_code::code_request;
use crate::app::{use_client, use_config, use_flow};
use crate::commerce::{CommerceError, Purpose};
use crate::components::{
    CodeInput, ErrorMessage, Notice, Page, PasswordField, SubmitButton, TextField,
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
    let resend = code_request(Purpose::ResetPassword);

    // A rejected code from the link: show the code field so a new one can be typed.
    Effect::new(move |_| {
        if let Some(Err(CommerceError::CodeRejected)) = reset.value().get() {
            code_from_link.set(false);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = reset.value().get() {
            flow.notice.set(None);
            navigate(
                "/password_changed",
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    // A new code is on its way: clear the old one and the error about it.
    Effect::new(move |_| {
        if let Some(Ok(())) = resend.value().get() {
            code.set(String::new());
            code_from_link.set(false);
            reset.value().set(None);
        }
    });

    let request_ids = ids.clone();
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
        if !check_fields(&checks) {
            return;
        }
        if let (Ok(username), Ok(code)) = (name, typed_code) {
            reset.dispatch(ResetRequest {
                username,
                code,
                new_password,
                realm_id: request_ids.realm_id.clone(),
                profile_id: request_ids.profile_id.clone(),
                info_id: request_ids.info_id.clone(),
            });
        }
    };
    let send_new_code = Callback::new(move |()| {
        if let Ok(name) = validate::username(&username.get_untracked()) {
            resend.dispatch((name, ids.clone()));
        } else {
            check_fields(&[(
                "username",
                username_error,
                Some(validate::FieldError::UsernameMissing),
            )]);
        }
    });
    let error = Signal::derive(move || {
        resend
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| reset.value().get().and_then(Result::err))
    });

    view! {
        <Page title="Choose a new password">
            <Notice text=flow.notice />
            <form on:submit=on_submit novalidate>
                {if username_known {
                    view! {
                        <p class="who">"For " <strong>{move || username.get()}</strong></p>
                    }
                        .into_any()
                } else {
                    view! {
                        <TextField
                            id="username"
                            label="E-mail address"
                            value=username
                            error=username_error
                            input_type="email"
                            autocomplete="username"
                        />
                    }
                        .into_any()
                }}
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
                <div class="check">
                    <input
                        id="show-password"
                        type="checkbox"
                        prop:checked=move || show.get()
                        on:change=move |ev| show.set(event_target_checked(&ev))
                    />
                    <label for="show-password">"Show passwords"</label>
                </div>
                <ErrorMessage error=error on_new_code=send_new_code />
                <SubmitButton label="Change password" busy_label="Changing password…" busy=reset.pending() />
            </form>
            <p class="aside">
                <button type="button" class="link" on:click=move |_| send_new_code.run(()) disabled=move || resend.pending().get()>
                    {move || if resend.pending().get() { "Sending a new code…" } else { "Send me a new code" }}
                </button>
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
