use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;

use crate::commerce::Purpose;
use crate::components::{
    CodeFormFields, ErrorMessage, NewCodeLink, Notice, Page, SignedInAlready, SubmitButton,
};
use crate::context::{use_auth, use_client, use_flow, use_nav};
use crate::hooks::calls::{self, preload_calls, Calls};
use crate::hooks::{use_code_form, use_page_lifetime, CodeSource, UseCodeFormOptions};
use crate::i18n::{tr, Arg, Message};
use crate::nav::Link;
use crate::routes;

/// Sign in with a code: typed after a request, or from the e-mail link, where the shopper
/// confirms with "Continue as …" (the code is exchanged on that click, not on opening).
#[component]
pub fn Passwordless() -> impl IntoView {
    let flow = use_flow();
    let client = use_client();
    let auth = use_auth();
    let nav = use_nav();
    let form = use_code_form(UseCodeFormOptions {
        purpose: Purpose::PasswordlessAuthentication,
    });

    let profile_id = form.ids().profile_id;
    preload_calls(Calls::ExchangeCode);
    crate::pages::preload_after_sign_in();
    let lifetime = use_page_lifetime();
    let sign_in = Action::new_local(move |(username, code): &(String, String)| {
        let (client, profile_id) = (client.clone(), profile_id.clone());
        let (username, code) = (username.clone(), code.clone());
        let lifetime = lifetime.clone();
        async move {
            let call = calls::exchange_code(client, profile_id, username.clone(), code);
            let Some(result) = lifetime.within(call).await else {
                return;
            };
            form.settle(&result);
            if let Ok(tokens) = result {
                flow.code_used();
                nav.after_sign_in(auth.complete(&username, tokens));
            }
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // One call at a time, however the form is submitted (click, Enter, a script).
        if sign_in.pending().get_untracked() {
            return;
        }
        if let Some(username_and_code) = form.check(&[]) {
            sign_in.dispatch(username_and_code);
        }
    };
    let busy = sign_in.pending();
    let label = move || match form.code_source.get() {
        CodeSource::Link => {
            Message::new("continue-as").with("username", Arg::Text(form.username.get()))
        }
        CodeSource::Typed => Message::new("sign-in-button"),
    };

    view! {
        <Page title=tr("code-sign-in-title")>
            <Notice message=flow.code_sent_for(Purpose::PasswordlessAuthentication) />
            <SignedInAlready />
            <form on:submit=on_submit novalidate>
                <CodeFormFields form=form lead="code-signing-in-as" submit_when_pasted=true />
                <ErrorMessage error=form.error() />
                <SubmitButton label=Signal::derive(label) busy_label="sign-in-busy" busy=busy />
            </form>
            <p class="aside">
                <NewCodeLink new_code=form.new_code />
                " · "
                <Link to=routes::SIGN_IN_WITH_CODE>{tr("other-address")}</Link>
            </p>
        </Page>
    }
}
