//! What every page reads from context, provided once by the app shell: the configuration, the
//! Commerce client, the app's surroundings, the e-mail link, the hand-over between the pages
//! of a flow, and the signed-in session.

use leptos::prelude::*;

use crate::commerce::web::WebTransport;
use crate::commerce::{CommerceClient, Purpose};
use crate::config::Config;
use crate::embed::Host;
use crate::flows::link::LinkParams;
use crate::messages;
use crate::nav::Nav;
use crate::platform;
use crate::session::Auth;

/// The client the browser uses: gloo-net underneath.
pub type Client = CommerceClient<WebTransport>;

/// The client shares one implicit token between pages; it is not `Send`, so it lives in
/// local storage of the reactive arena.
#[derive(Clone, Copy)]
struct ClientContext(StoredValue<Client, LocalStorage>);

/// What one page hands to the next within a flow, in memory only.
#[derive(Clone, Copy)]
pub struct Flow {
    /// The username last typed or read from a link.
    username: RwSignal<String>,
    /// "We've sent a code": the confirmation of the last code requested, and its purpose.
    code_sent: RwSignal<Option<(Purpose, String)>>,
}

impl Flow {
    fn new() -> Self {
        Self {
            username: RwSignal::new(String::new()),
            code_sent: RwSignal::new(None),
        }
    }

    /// The username the shopper last gave, or `""`; read once by a page as it opens.
    pub fn username(&self) -> String {
        self.username.get_untracked()
    }

    /// Keeps the username for the next page, so it is not asked twice.
    pub fn remember_username(&self, username: &str) {
        self.username.set(username.to_owned());
    }

    /// A code for `purpose` went out to `username`: the next page of that flow says so, in
    /// words that do not tell whether the account exists.
    pub fn code_sent(&self, purpose: Purpose, username: &str) {
        self.remember_username(username);
        self.code_sent
            .set(Some((purpose, messages::code_sent(username))));
    }

    /// A code for `purpose` was asked for again moments after the last, so none was sent:
    /// the next page says so, and in how many seconds another may be asked for.
    pub fn code_recently_sent(&self, purpose: Purpose, username: &str, wait_secs: u32) {
        self.remember_username(username);
        self.code_sent.set(Some((
            purpose,
            messages::code_recently_sent(username, wait_secs),
        )));
    }

    /// A new code for `purpose` went out in place of the last: the page says the old one no
    /// longer works.
    pub fn code_resent(&self, purpose: Purpose, username: &str) {
        self.remember_username(username);
        self.code_sent
            .set(Some((purpose, messages::code_resent(username))));
    }

    /// The code was used: the confirmation is no longer news.
    pub fn code_used(&self) {
        self.code_sent.set(None);
    }

    /// The confirmation of a code sent for `purpose`, if that is the last code sent.
    pub fn code_sent_for(&self, purpose: Purpose) -> Signal<Option<String>> {
        let code_sent = self.code_sent;
        Signal::derive(move || {
            code_sent
                .get()
                .filter(|(p, _)| *p == purpose)
                .map(|(_, text)| text)
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
    provide_context(ClientContext(StoredValue::new_local(client)));
    provide_context(config);
    provide_context(Dom(StoredValue::new_local(host.root.clone())));
    provide_context(HostContext(StoredValue::new_local(host)));
    provide_context(LinkContext(StoredValue::new(Some(link))));
    provide_context(Flow::new());
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
            .try_with_value(|root| platform::focus_element(root.as_ref(), id));
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
