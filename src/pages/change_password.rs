use std::rc::Rc;

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;

use crate::commerce::Purpose;
use crate::components::{
    CodeFormFields, ErrorMessage, NewCodeLink, Notice, Page, PasswordField, ShowPasswords,
    SubmitButton,
};
use crate::context::{use_auth, use_client, use_config, use_flow, use_host, use_nav};
use crate::flows::reset::{ResetAttempts, ResetRequest};
use crate::flows::validate;
use crate::handoff::Announcement;
use crate::hooks::calls::{self, preload_calls, Calls};
use crate::hooks::{use_code_form, use_page_lifetime, UseCodeFormOptions};
use crate::i18n::{tr, Message};
use crate::routes;

/// Enter the code (or arrive with it from the e-mail link) and choose a new password. The code
/// is exchanged only when the form is submitted. After the reset the shop hears of it, and
/// the shopper is signed in with the new password (`sign_in_after_reset`) or shown the
/// sign-in form, the username filled in.
#[component]
pub fn ChangePassword() -> impl IntoView {
    let flow = use_flow();
    let client = use_client();
    let auth = use_auth();
    let nav = use_nav();
    let channel = use_host().channel;
    let config = use_config();
    let sign_in_after = config.sign_in_after_reset;
    let profile_id = config.password_profile_id;
    let form = use_code_form(UseCodeFormOptions {
        purpose: Purpose::ResetPassword,
    });
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let show = RwSignal::new(false);
    let (password_error, confirm_error) = (RwSignal::new(None), RwSignal::new(None));

    let attempts = Rc::new(ResetAttempts::default());
    preload_calls(Calls::Reset);
    crate::pages::preload_after_reset(sign_in_after);
    let lifetime = use_page_lifetime();
    let reset = Action::new_local(move |request: &ResetRequest| {
        let (client, attempts, request) = (client.clone(), Rc::clone(&attempts), request.clone());
        let (channel, profile_id) = (channel.clone(), profile_id.clone());
        let lifetime = lifetime.clone();
        async move {
            let Some(result) = lifetime
                .within(calls::reset(attempts, client.clone(), request.clone()))
                .await
            else {
                return;
            };
            form.settle(&result);
            if result.is_err() {
                return;
            }
            flow.code_used();
            flow.remember_username(&request.username);
            channel.announce(Announcement::PasswordReset {
                username: &request.username,
            });
            if sign_in_after {
                // The password was just set, so this only fails if Commerce does; the
                // sign-in form is then the way on.
                let signed_in = lifetime
                    .within(calls::sign_in(
                        client,
                        profile_id,
                        request.username.clone(),
                        request.new_password.clone(),
                    ))
                    .await;
                if let Some(Ok(tokens)) = signed_in {
                    nav.after_sign_in(auth.complete(&request.username, tokens));
                    return;
                }
            }
            nav.replace(routes::PASSWORD_CHANGED);
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // One call at a time, however the form is submitted (click, Enter, a script).
        if reset.pending().get_untracked() {
            return;
        }
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
        <Page title=tr("change-title")>
            <Notice message=flow.code_sent_for(Purpose::ResetPassword) />
            <form on:submit=on_submit novalidate>
                <CodeFormFields form=form lead="code-for" link_hint="code-from-link" />
                <PasswordField
                    id="new-password"
                    label=tr("new-password-label")
                    hint=tr("new-password-hint")
                    value=password
                    error=password_error
                    show=show
                    autocomplete="new-password"
                />
                <PasswordField
                    id="confirm-password"
                    label=tr("confirm-password-label")
                    value=confirm
                    error=confirm_error
                    show=show
                    autocomplete="new-password"
                />
                <ShowPasswords show=show label=tr("show-passwords") />
                <ErrorMessage error=form.error() />
                <SubmitButton label=Message::new("change-button") busy_label="change-busy" busy=reset.pending() />
            </form>
            <p class="aside">
                <NewCodeLink new_code=form.new_code />
            </p>
        </Page>
    }
}
