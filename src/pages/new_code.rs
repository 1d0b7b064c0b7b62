//! Asking Commerce to e-mail a code: from the request pages, and as "Send a new code" on the
//! pages that take a code.

use std::time::Duration;

use leptos::prelude::*;

use super::check_fields;
use super::links::FlowIds;
use crate::app::{use_client, use_flow};
use crate::commerce::{CommerceError, Purpose};
use crate::flows::validate::{self, FieldError};
use crate::messages;

pub type CodeRequest = Action<(String, FlowIds), Result<(), CommerceError>>;

/// Requests a code; on success the flow's next page shows the neutral confirmation, which
/// reads the same whether or not the account exists.
pub fn code_request(purpose: Purpose) -> CodeRequest {
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
            flow.code_sent
                .set(Some((purpose, messages::code_sent(&username))));
            Ok(())
        }
    })
}

/// After a new code is sent, asking for another waits this long: each request replaces the
/// code, and a second e-mail racing the first only leaves the shopper with a dead code.
const REST_AFTER_SENDING: Duration = Duration::from_secs(30);

/// "Send a new code" on a page that takes a code.
#[derive(Clone, Copy)]
pub struct NewCode {
    pub request: CodeRequest,
    /// Run by the error message's button and the page's link.
    pub send: Callback<()>,
    /// Whether asking for another code is possible now (not sending, not just sent).
    pub ready: Signal<bool>,
}

impl NewCode {
    /// Once the new code is on its way, `code` is emptied, shown as a field (`from_link`
    /// false) and `on_sent` clears the page's error about the old one.
    pub fn new(
        purpose: Purpose,
        ids: FlowIds,
        username: RwSignal<String>,
        username_error: RwSignal<Option<FieldError>>,
        code: RwSignal<String>,
        from_link: RwSignal<bool>,
        on_sent: impl Fn() + 'static,
    ) -> Self {
        let request = code_request(purpose);
        let resting = RwSignal::new(false);
        Effect::new(move |_| {
            if let Some(Ok(())) = request.value().get() {
                code.set(String::new());
                from_link.set(false);
                on_sent();
                resting.set(true);
                set_timeout(move || resting.set(false), REST_AFTER_SENDING);
            }
        });
        let pending = request.pending();
        let ready = Signal::derive(move || !pending.get() && !resting.get());
        let send = Callback::new(move |()| {
            if !ready.get_untracked() {
                return;
            }
            match validate::username(&username.get_untracked()) {
                Ok(name) => {
                    request.dispatch((name, ids.clone()));
                }
                Err(error) => {
                    check_fields(&[("username", username_error, Some(error))]);
                }
            }
        });
        Self {
            request,
            send,
            ready,
        }
    }

    pub fn error(&self) -> Option<CommerceError> {
        self.request.value().get().and_then(Result::err)
    }
}

/// The page's own "Send me a new code" link.
#[component]
pub fn NewCodeLink(new_code: NewCode) -> impl IntoView {
    let pending = new_code.request.pending();
    let label = move || match (pending.get(), new_code.ready.get()) {
        (true, _) => "Sending a new code…",
        (false, false) => "New code sent: check your e-mail",
        (false, true) => "Send me a new code",
    };
    view! {
        <button type="button" class="link" on:click=move |_| new_code.send.run(()) disabled=move || !new_code.ready.get()>
            {label}
        </button>
    }
}
