//! The part of a page that takes a one-time code: who it is for, the code (typed, or from the
//! e-mail link), their checks, the last error, and "Send a new code". `ChangePassword` and
//! `Passwordless` both build on it and add only their own fields and call.

use futures::future::{AbortHandle, Abortable, FutureExt};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::fields::{check_fields, FieldCheck};
use super::lifetime::use_page_lifetime;
use super::link::use_link;
use super::request_code;
use super::rest;
use super::Requested;
use crate::commerce::{CommerceError, Purpose};
use crate::context::{use_client, use_config, use_dom, use_flow, use_host, use_nav, Dom, Flow};
use crate::flows::validate::{self, FieldError};
use crate::flows::FlowIds;

/// Where the form's code comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeSource {
    /// The e-mail link carried it, and the username with it: the code field is not shown,
    /// and the page says the code from the e-mail will be used.
    Link,
    /// The shopper types it: after a request, when a link lacked the username, after a
    /// link's code was rejected, and after a new code was sent.
    Typed,
}

/// What the form needs to know.
#[derive(Clone, Copy, Debug)]
pub struct UseCodeFormOptions {
    /// What the codes of this page are for; "Send a new code" asks for that purpose.
    pub purpose: Purpose,
}

/// "Send a new code": one control wherever it is offered (the error message, the page's link).
#[derive(Clone, Copy)]
pub struct NewCode {
    /// Asks for a new code after checking the username; does nothing unless `ready`.
    pub send: Callback<()>,
    /// Whether asking is possible now: not sending, and not resting (`rest`).
    pub ready: Signal<bool>,
    /// Whether a request is on its way.
    pub sending: Signal<bool>,
    /// Seconds until asking is possible again, counting down each second; 0 when it is.
    pub wait_secs: Signal<u32>,
}

/// The state of a code-entry form. `Copy`: pass it to closures and components freely.
#[derive(Clone, Copy)]
pub struct CodeForm {
    /// The username: from the link, an earlier page, or typed.
    pub username: RwSignal<String>,
    pub username_error: RwSignal<Option<FieldError>>,
    /// Whether the username was known as the page opened; it is then shown, not asked.
    pub username_known: RwSignal<bool>,
    /// The code as typed or as the link had it, checked on submit.
    pub code: RwSignal<String>,
    pub code_error: RwSignal<Option<FieldError>>,
    pub code_source: RwSignal<CodeSource>,
    pub new_code: NewCode,
    error: RwSignal<Option<CommerceError>>,
    ids: StoredValue<FlowIds>,
    dom: Dom,
    /// `config.json` `username_format` is `email`.
    email_usernames: bool,
    flow: Flow,
}

/// Builds the form from the e-mail link (read once and scrubbed), the flow's earlier pages
/// and `config.json`. A link's code is used as it is only when the link names the username
/// too; a link without one is incomplete, so both fields are shown, the code filled in.
pub fn use_code_form(options: UseCodeFormOptions) -> CodeForm {
    let UseCodeFormOptions { purpose } = options;
    let config = use_config();
    let flow = use_flow();
    let client = use_client();
    let dom = use_dom();

    let link = use_link(&config);
    // What a link brings is used unseen only when it can be what it claims: a username that
    // is one, a code that is one. Else its field shows, with the problem; a username with
    // hidden characters is not even shown (it would display as another address).
    let username_problem = link
        .username
        .as_deref()
        .and_then(|name| config.check_username(name).err());
    if let (Some(name), None) = (&link.username, username_problem) {
        flow.remember_username(name);
    }
    let username = RwSignal::new(flow.username());
    let code_problem = link
        .code
        .as_deref()
        .and_then(|code| validate::code(code).err());
    let username_known = !username.get_untracked().is_empty() && username_problem.is_none();
    let source = match (&link.code, username_known, code_problem) {
        (Some(_), true, None) => CodeSource::Link,
        _ => CodeSource::Typed,
    };
    let code = RwSignal::new(link.code.unwrap_or_default());
    let code_source = RwSignal::new(source);
    let username_error = RwSignal::new(username_problem);
    let code_error = RwSignal::new(code_problem);
    // The shopper's first task is then to fix it: focus goes there (unless embedded and the
    // shop's page has just loaded), before the page's heading would take it.
    let first_problem = match (username_problem, code_problem) {
        (Some(_), _) => Some("username"),
        (None, Some(_)) => Some("code"),
        (None, None) => None,
    };
    if let Some(id) =
        first_problem.filter(|_| use_host().embedding.owns_page() || use_nav().moved())
    {
        Effect::new(move |_| dom.focus(id));
    }
    let error = RwSignal::new(None);
    let ids = StoredValue::new(link.ids);

    let lifetime = use_page_lifetime();
    // "Send a new code" rests while the tab's rest for this purpose and username lasts
    // (`rest`): from a code sent on any page, or a `Retry-After`.
    let wait_secs = RwSignal::new(0_u32);
    let resting = Signal::derive(move || wait_secs.get() > 0);
    // The countdown: one task ticking each second until asking is possible, aborted (its
    // timer with it) when another starts or the page is left.
    let ticker = StoredValue::new_local(None::<AbortHandle>);
    let stop_ticking = move || {
        if let Some(Some(running)) = ticker.try_update_value(Option::take) {
            running.abort();
        }
    };
    let rest_until_allowed = move |name: &str| {
        let left =
            move |name: &str| rest::rest_left(purpose, name).map_or(0, |(ms, _)| ms.div_ceil(1000));
        stop_ticking();
        let secs = left(name);
        wait_secs.try_set(secs);
        if secs == 0 {
            return;
        }
        let name = name.to_owned();
        let (handle, registration) = AbortHandle::new_pair();
        ticker.try_set_value(Some(handle));
        let ticking = async move {
            loop {
                TimeoutFuture::new(1000).await;
                let secs = left(&name);
                if wait_secs.try_set(secs).is_some() || secs == 0 {
                    break;
                }
            }
        };
        leptos::task::spawn_local(Abortable::new(ticking, registration).map(|_| ()));
    };
    if username_known {
        rest_until_allowed(&username.get_untracked());
    }
    // Leaving the page ends the countdown.
    on_cleanup(stop_ticking);
    let request = Action::new_local(move |username: &String| {
        let (client, username, ids) = (client.clone(), username.clone(), ids.get_value());
        let lifetime = lifetime.clone();
        async move {
            let result = lifetime
                .within(request_code(&client, flow, purpose, &username, &ids))
                .await?;
            match &result {
                Ok(Requested::Sent) => {
                    let resent = crate::messages::code_sent("code-resent", &username, None);
                    flow.code_sent(purpose, resent);
                    // The old code is dead: an empty field for the new one.
                    code.set(String::new());
                    code_source.set(CodeSource::Typed);
                    error.set(None);
                }
                // None was sent: the code in the field may be the fresh one.
                Ok(Requested::Earlier { .. }) => error.set(None),
                Err(failure) => error.set(Some(failure.clone())),
            }
            rest_until_allowed(&username);
            Some(result)
        }
    });
    let sending = request.pending();
    let ready = Signal::derive(move || !sending.get() && !resting.get());
    let email_usernames = config.email_usernames;
    let send = Callback::new(move |()| {
        if !ready.get_untracked() {
            return;
        }
        let checked = validate::username_as(&username.get_untracked(), email_usernames);
        let check = ("username", username_error, checked.as_ref().err().copied());
        if let (true, Ok(name)) = (check_fields(dom, &[check]), checked) {
            request.dispatch(name);
        }
    });

    CodeForm {
        username,
        username_error,
        username_known: RwSignal::new(username_known),
        code,
        code_error,
        code_source,
        new_code: NewCode {
            send,
            ready,
            sending: sending.into(),
            wait_secs: wait_secs.into(),
        },
        error,
        ids,
        dom,
        email_usernames,
        flow,
    }
}

impl CodeForm {
    /// The realm, profile and (when the link had it) login the flow acts on.
    pub fn ids(&self) -> FlowIds {
        self.ids.get_value()
    }

    /// The last failure of the form's calls, the page's own or a new code's; `None` after a
    /// new code was sent.
    pub fn error(&self) -> Signal<Option<CommerceError>> {
        self.error.into()
    }

    /// Checks the username, the code and then the page's `own` fields, in that order (the
    /// order on the page): every message shows, the first failed field gets focus. Returns
    /// the username and the code, normalised, when everything passed.
    pub fn check(&self, own: &[FieldCheck]) -> Option<(String, String)> {
        let username = validate::username_as(&self.username.get_untracked(), self.email_usernames);
        let code = validate::code(&self.code.get_untracked());
        let mut checks = vec![
            (
                "username",
                self.username_error,
                username.as_ref().err().copied(),
            ),
            ("code", self.code_error, code.as_ref().err().copied()),
        ];
        checks.extend_from_slice(own);
        match (check_fields(self.dom, &checks), username, code) {
            (true, Ok(username), Ok(code)) => {
                // A new attempt starts: the last one's error is no longer news.
                self.error.set(None);
                Some((username, code))
            }
            _ => None,
        }
    }

    /// "Not you?": the username shown is not the shopper's. The field comes back, empty and
    /// focused, and so does an empty code field (a link's code was sent to the other address).
    pub fn not_me(&self) {
        self.flow.forget_username();
        self.username.set(String::new());
        self.username_known.set(false);
        self.code.set(String::new());
        self.code_source.set(CodeSource::Typed);
        self.error.set(None);
        let dom = self.dom;
        request_animation_frame(move || dom.focus("username"));
    }

    /// The follow-up of the page's own call: a rejected code shows on the code field (back
    /// if the link's code was used), which takes focus with its text selected, to be typed
    /// over; any other failure shows in the error box.
    pub fn settle<T>(&self, result: &Result<T, CommerceError>) {
        match result {
            Err(CommerceError::CodeRejected) => {
                self.code_source.set(CodeSource::Typed);
                self.error.set(None);
                self.code_error.set(Some(FieldError::CodeRejected));
                let dom = self.dom;
                // The field may only now come back: focus it once it is there.
                request_animation_frame(move || dom.focus_and_select("code"));
            }
            Err(failure) => self.error.set(Some(failure.clone())),
            Ok(_) => self.error.set(None),
        }
    }
}
