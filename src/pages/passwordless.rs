use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;

use super::links::LinkParams;
use super::new_code::{NewCode, NewCodeLink};
use super::{check_fields, go_after_sign_in};
use crate::app::{use_auth, use_client, use_config, use_flow};
use crate::commerce::{CommerceError, Purpose};
use crate::components::{CodeInput, ErrorMessage, Notice, Page, SubmitButton, UsernameOrField};
use crate::flows::validate;

/// Sign in with a code: typed after a request, or from the e-mail link, where the shopper
/// confirms with "Continue as …" (the code is exchanged on that click, not on opening).
#[component]
pub fn Passwordless() -> impl IntoView {
    let config = use_config();
    let flow = use_flow();
    let client = use_client();
    let auth = use_auth();

    let link = LinkParams::take();
    let ids = link.ids(&config);
    if let Some(name) = &link.username {
        flow.username.set(name.clone());
    }
    let username = RwSignal::new(flow.username.get_untracked());
    let username_known = !username.get_untracked().is_empty();
    let code_from_link = RwSignal::new(link.code.is_some() && username_known);
    let code = RwSignal::new(link.code.clone().unwrap_or_default());
    let (username_error, code_error) = (RwSignal::new(None), RwSignal::new(None));

    let profile_id = ids.profile_id.clone();
    let sign_in = Action::new_local(move |(name, code): &(String, String)| {
        let (client, profile_id, name, code) = (
            client.clone(),
            profile_id.clone(),
            name.clone(),
            code.clone(),
        );
        async move {
            let tokens = client.exchange_code(&profile_id, &name, &code).await?;
            Ok::<_, CommerceError>((name, tokens))
        }
    });
    let new_code = NewCode::new(
        Purpose::PasswordlessAuthentication,
        ids,
        username,
        username_error,
        code,
        code_from_link,
        move || sign_in.value().set(None),
    );

    Effect::new(move |_| match sign_in.value().get() {
        Some(Ok((name, tokens))) => {
            flow.code_sent.set(None);
            go_after_sign_in(auth.complete(&name, tokens));
        }
        Some(Err(CommerceError::CodeRejected)) => code_from_link.set(false),
        _ => {}
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = validate::username(&username.get_untracked());
        let typed_code = validate::code(&code.get_untracked());
        let checks = [
            ("username", username_error, name.as_ref().err().copied()),
            ("code", code_error, typed_code.as_ref().err().copied()),
        ];
        if let (true, Ok(name), Ok(code)) = (check_fields(&checks), name, typed_code) {
            sign_in.dispatch((name, code));
        }
    };
    let error = Signal::derive(move || {
        new_code
            .error()
            .or_else(|| sign_in.value().get().and_then(Result::err))
    });
    let busy = sign_in.pending();
    let continue_label = move || format!("Continue as {}", username.get());

    view! {
        <Page title="Sign in with a one-time code">
            <Notice text=flow.code_sent_for(Purpose::PasswordlessAuthentication) />
            <form on:submit=on_submit novalidate>
                <UsernameOrField known=username_known lead="Signing in as" value=username error=username_error />
                <Show when=move || !code_from_link.get()>
                    <CodeInput value=code error=code_error />
                </Show>
                <ErrorMessage error=error on_new_code=new_code.send new_code_ready=new_code.ready />
                <Show
                    when=move || code_from_link.get()
                    fallback=move || view! { <SubmitButton label="Sign in" busy_label="Signing in…" busy=busy /> }
                >
                    <SubmitButton label=continue_label busy_label="Signing in…" busy=busy />
                </Show>
            </form>
            <p class="aside">
                <NewCodeLink new_code=new_code />
                " · "
                <A href="/sign_in_with_code">"Use a different e-mail address"</A>
            </p>
        </Page>
    }
}
