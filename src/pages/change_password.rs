use std::rc::Rc;

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::replace_history;
use crate::commerce::Purpose;
use crate::components::{
    CodeFormFields, ErrorMessage, NewCodeLink, Notice, Page, PasswordField, ShowPasswords,
    SubmitButton,
};
use crate::context::{href, use_client, use_flow};
use crate::flows::reset::{ResetAttempts, ResetRequest};
use crate::flows::validate;
use crate::hooks::{use_code_form, UseCodeFormOptions};
use crate::routes;

/// Enter the code (or arrive with it from the e-mail link) and choose a new password. The code
/// is exchanged only when the form is submitted.
#[component]
pub fn ChangePassword() -> impl IntoView {
    let flow = use_flow();
    let client = use_client();
    let navigate = use_navigate();
    let form = use_code_form(UseCodeFormOptions {
        purpose: Purpose::ResetPassword,
    });
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let show = RwSignal::new(false);
    let (password_error, confirm_error) = (RwSignal::new(None), RwSignal::new(None));

    let attempts = Rc::new(ResetAttempts::default());
    let reset = Action::new_local(move |request: &ResetRequest| {
        let (client, attempts, request) = (client.clone(), Rc::clone(&attempts), request.clone());
        let navigate = navigate.clone();
        async move {
            let result = attempts.reset(&client, &request).await;
            form.settle(&result);
            if result.is_ok() {
                flow.code_used();
                navigate(routes::PASSWORD_CHANGED, replace_history());
            }
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let new_password = password.get_untracked();
        let own = [
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
        if let Some((username, code)) = form.check(&own) {
            reset.dispatch(ResetRequest {
                username,
                code,
                new_password,
                ids: form.ids(),
            });
        }
    };

    view! {
        <Page title="Choose a new password">
            <Notice text=flow.code_sent_for(Purpose::ResetPassword) />
            <form on:submit=on_submit novalidate>
                <CodeFormFields form=form lead="For" link_hint="We'll use the code from your e-mail." />
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
                <ErrorMessage error=form.error() new_code=form.new_code />
                <SubmitButton label="Change password" busy_label="Changing password…" busy=reset.pending() />
            </form>
            <p class="aside">
                <NewCodeLink new_code=form.new_code />
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
                <A href=href(routes::SIGN_IN) attr:class="button primary">"Sign in"</A>
            </p>
        </Page>
    }
}
