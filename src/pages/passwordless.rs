use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;

use super::links::LinkParams;
use super::request_code::code_request;
use super::{check_fields, go_after_sign_in};
use crate::app::{use_auth, use_client, use_config, use_flow};
use crate::commerce::{CommerceError, Purpose};
use crate::components::{CodeInput, ErrorMessage, Notice, Page, SubmitButton, TextField};
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
    let resend = code_request(Purpose::PasswordlessAuthentication);

    Effect::new(move |_| match sign_in.value().get() {
        Some(Ok((name, tokens))) => {
            flow.notice.set(None);
            go_after_sign_in(auth.complete(&name, tokens));
        }
        Some(Err(CommerceError::CodeRejected)) => code_from_link.set(false),
        _ => (),
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = resend.value().get() {
            code.set(String::new());
            code_from_link.set(false);
            sign_in.value().set(None);
        }
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
            .or_else(|| sign_in.value().get().and_then(Result::err))
    });
    let busy = sign_in.pending();

    view! {
        <Page title="Sign in with a one-time code">
            <Notice text=flow.notice />
            <form on:submit=on_submit novalidate>
                {if username_known {
                    view! { <p class="who">"Signing in as " <strong>{move || username.get()}</strong></p> }.into_any()
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
                <Show when=move || !code_from_link.get()>
                    <CodeInput value=code error=code_error />
                </Show>
                <ErrorMessage error=error on_new_code=send_new_code />
                {move || {
                    if code_from_link.get() {
                        let label = format!("Continue as {}", username.get());
                        view! {
                            <button type="submit" class="primary" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                                {move || if busy.get() { "Signing in…".to_owned() } else { label.clone() }}
                            </button>
                        }
                            .into_any()
                    } else {
                        view! { <SubmitButton label="Sign in" busy_label="Signing in…" busy=busy /> }.into_any()
                    }
                }}
            </form>
            <p class="aside">
                <button type="button" class="link" on:click=move |_| send_new_code.run(()) disabled=move || resend.pending().get()>
                    {move || if resend.pending().get() { "Sending a new code…" } else { "Send me a new code" }}
                </button>
                " · "
                <A href="/sign_in_with_code">"Use a different e-mail address"</A>
            </p>
        </Page>
    }
}
