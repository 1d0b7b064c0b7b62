//! What every page reads from context, provided once by the app shell: the configuration, the
//! Commerce client, the hand-over between the pages of a flow, and the signed-in session.

use leptos::prelude::*;

use crate::commerce::web::WebTransport;
use crate::commerce::{CommerceClient, Purpose};
use crate::config::Config;
use crate::messages;
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

/// Provides what every page reads: config, the Commerce client, the flow hand-over and the
/// signed-in session. Called once by `App` (and by component tests).
pub fn provide_app_context(config: Config) {
    let client = CommerceClient::new(
        WebTransport,
        config.api_base.clone(),
        config.client_id.clone(),
    );
    provide_context(ClientContext(StoredValue::new_local(client)));
    provide_context(config);
    provide_context(Flow::new());
    provide_context(Auth::restore());
}

/// The path of the app's folder (`routes::Entry::base`), for links.
#[derive(Clone, Debug, Default)]
struct AppBase(String);

/// Tells links where the app lives: `base` is the path of its folder without the trailing
/// `/` (`""` at the root of an origin). Provided by the router shell.
pub fn provide_app_base(base: String) {
    provide_context(AppBase(base));
}

/// The `href` of an app page, one of the paths in `routes`, under the app's folder:
/// `/account/otp` + `/sign_in`. Leptos' `<A>` takes an absolute `href` as it is (only
/// `navigate` adds the router's base), so every link goes through here.
pub fn href(path: &str) -> String {
    let base = use_context::<AppBase>().unwrap_or_default().0;
    format!("{base}{path}")
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
