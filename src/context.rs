//! What every page reads from context, provided once by the app shell: the configuration, the
//! Commerce client, the app's surroundings, the e-mail link, the hand-over between the pages
//! of a flow, and the signed-in session.

use leptos::prelude::*;

use crate::commerce::web::WebTransport;
use crate::commerce::{CommerceClient, Purpose};
use crate::config::Config;
use crate::embed::Host;
use crate::flows::link::LinkParams;
use crate::i18n::Message;
use crate::nav::Nav;
use crate::platform;
use crate::session::Auth;

/// The client the browser uses: gloo-net underneath.
pub type Client = CommerceClient<WebTransport>;

/// The client shares one implicit token between pages; it is not `Send`, so it lives in
/// local storage of the reactive arena.
#[derive(Clone, Copy)]
struct ClientContext(StoredValue<Client, LocalStorage>);

/// Where the last username is kept on this device when `config.json` `remember_username` is
/// on: localStorage, the username only.
pub const USERNAME_KEY: &str = "commerce-otp.username";

/// What one page hands to the next within a flow, in memory only (and, when the shop turns
/// it on, the username on this device).
#[derive(Clone, Copy)]
pub struct Flow {
    /// The username last typed or read from a link.
    username: RwSignal<String>,
    /// "We've sent a code": the confirmation of the last code requested, and its purpose.
    code_sent: RwSignal<Option<(Purpose, Message)>>,
    /// Whether the username is kept on this device (`config.json` `remember_username`).
    remembers: bool,
}

impl Flow {
    fn new(remembers: bool) -> Self {
        let kept = if remembers {
            platform::device_storage_get(USERNAME_KEY).unwrap_or_default()
        } else {
            // Turned off: what an earlier setting kept goes.
            platform::device_storage_remove(USERNAME_KEY);
            String::new()
        };
        Self {
            username: RwSignal::new(kept),
            code_sent: RwSignal::new(None),
            remembers,
        }
    }

    /// The username the shopper last gave, or `""`; read once by a page as it opens.
    pub fn username(&self) -> String {
        self.username.get_untracked()
    }

    /// Keeps the username for the next page, so it is not asked twice (and for next time,
    /// when the shop turns that on). Only call it with a username that passed its check.
    pub fn remember_username(&self, username: &str) {
        self.username.set(username.to_owned());
        if self.remembers {
            platform::device_storage_set(USERNAME_KEY, username);
        }
    }

    /// "Not you?": the username shown was someone else's; this device forgets it too.
    pub fn forget_username(&self) {
        self.username.set(String::new());
        platform::device_storage_remove(USERNAME_KEY);
    }

    /// A code for `purpose` went out to `username` (`code-sent`), was asked for again moments
    /// after the last so none was (`code-recently-sent`, with the wait), or went out in place
    /// of the last (`code-resent`): the next page of that flow says so, in words that do not
    /// tell whether the account exists.
    pub fn code_sent(&self, purpose: Purpose, message: Message) {
        self.code_sent.set(Some((purpose, message)));
    }

    /// The code was used: the confirmation is no longer news.
    pub fn code_used(&self) {
        self.code_sent.set(None);
    }

    /// The confirmation of a code sent for `purpose`, if that is the last code sent.
    pub fn code_sent_for(&self, purpose: Purpose) -> Signal<Option<Message>> {
        let code_sent = self.code_sent;
        Signal::derive(move || {
            code_sent
                .get()
                .filter(|(p, _)| *p == purpose)
                .map(|(_, message)| message)
        })
    }
}

/// Provides what every page reads: config, the Commerce client, the app's surroundings, the
/// e-mail link the app was opened with (read once, by the first code page), the flow
/// hand-over and the signed-in session, which is returned. Called once by the app shell (and
/// by component tests); the navigation ([`Nav`]) is provided beside it.
pub fn provide_app_context(config: Config, host: Host, link: LinkParams) -> Auth {
    let client = CommerceClient::new(
        WebTransport,
        config.api_base.clone(),
        config.client_id.clone(),
    );
    let auth = Auth::restore(host.channel.clone());
    let remembers = config.remember_username;
    provide_context(ClientContext(StoredValue::new_local(client)));
    provide_context(config);
    provide_context(Dom(StoredValue::new_local(host.root.clone())));
    provide_context(HostContext(StoredValue::new_local(host)));
    provide_context(LinkContext(StoredValue::new(Some(link))));
    provide_context(Flow::new(remembers));
    provide_context(auth);
    auth
}

#[derive(Clone, Copy)]
struct HostContext(StoredValue<Host, LocalStorage>);

#[derive(Clone, Copy)]
struct LinkContext(StoredValue<Option<LinkParams>>);

/// Where the app's elements live: the document, or the element's shadow root. `Copy`, for
/// event handlers (which run outside the reactive owner, so cannot read context).
#[derive(Clone, Copy)]
pub struct Dom(StoredValue<Option<web_sys::ShadowRoot>, LocalStorage>);

impl Dom {
    /// Focuses the app's element with this id, if it is there.
    pub fn focus(&self, id: &str) {
        self.0
            .try_with_value(|root| platform::focus_element(root.as_ref(), id, false));
    }

    /// Focuses the app's input with this id and selects its text, to be typed over.
    pub fn focus_and_select(&self, id: &str) {
        self.0
            .try_with_value(|root| platform::focus_element(root.as_ref(), id, true));
    }

    /// Whether focus is inside the app's element with this id.
    pub fn focus_is_inside(&self, id: &str) -> bool {
        self.0
            .try_with_value(|root| platform::focus_is_inside(root.as_ref(), id))
            .unwrap_or(false)
    }
}

/// The app's surroundings: how it is shown and where it announces.
pub fn use_host() -> Host {
    expect_context::<HostContext>().0.get_value()
}

/// Where the app's elements live, for moving focus.
pub fn use_dom() -> Dom {
    expect_context::<Dom>()
}

/// The e-mail link's parameters, the first time they are asked for; `None` after (a link
/// fills in one page, once).
pub fn take_link() -> Option<LinkParams> {
    expect_context::<LinkContext>()
        .0
        .try_update_value(Option::take)
        .flatten()
}

/// Where the shopper is, and how to move.
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

/// The shop's configuration. Panics outside the app (a programming error, not a user path).
pub fn use_config() -> Config {
    expect_context::<Config>()
}

/// The Commerce client; clones share the implicit token.
pub fn use_client() -> Client {
    expect_context::<ClientContext>().0.get_value()
}

/// The hand-over between the pages of a flow.
pub fn use_flow() -> Flow {
    expect_context::<Flow>()
}

/// The signed-in session of this tab.
pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
