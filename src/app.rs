//! The app shell: contexts and the router, one line per route.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::commerce::web::WebTransport;
use crate::commerce::{CommerceClient, Purpose};
use crate::config::{Config, ConfigError};
use crate::pages::*;
use crate::session::Auth;

pub type Client = CommerceClient<WebTransport>;

/// The client shares one implicit token between pages; it is not `Send`, so it lives in
/// local storage of the reactive arena.
#[derive(Clone, Copy)]
struct ClientContext(StoredValue<Client, LocalStorage>);

/// What one page hands to the next within a flow, in memory.
#[derive(Clone, Copy)]
pub struct Flow {
    /// The username last typed or read from a link.
    pub username: RwSignal<String>,
    /// "We've sent a code", for the page of that code's purpose.
    pub code_sent: RwSignal<Option<(Purpose, String)>>,
}

pub fn use_config() -> Config {
    expect_context::<Config>()
}

pub fn use_client() -> Client {
    expect_context::<ClientContext>().0.get_value()
}

pub fn use_flow() -> Flow {
    expect_context::<Flow>()
}

impl Flow {
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

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// Mounted by `main` once `config.json` has been read.
#[component]
pub fn Root(config: Result<Config, ConfigError>) -> impl IntoView {
    match config {
        Ok(config) => view! { <App config=config /> }.into_any(),
        Err(error) => view! { <ConfigProblem error=error /> }.into_any(),
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
    provide_context(Flow {
        username: RwSignal::new(String::new()),
        code_sent: RwSignal::new(None),
    });
    provide_context(Auth::restore());
}

#[component]
pub fn App(config: Config) -> impl IntoView {
    let store = config.store_name.clone();
    provide_app_context(config);

    view! {
        <Router>
            <a class="skip" href="#main">"Skip to content"</a>
            <header class="site">
                <A href="/">{store.unwrap_or_else(|| "Your account".into())}</A>
            </header>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Start />
                <Route path=path!("/sign_in") view=SignIn />
                <Route path=path!("/forgot_password") view=ForgotPassword />
                <Route path=path!("/change_password") view=ChangePassword />
                <Route path=path!("/password_changed") view=PasswordChanged />
                <Route path=path!("/sign_in_with_code") view=RequestSignInCode />
                <Route path=path!("/passwordless") view=Passwordless />
                <Route path=path!("/choose_account") view=ChooseAccount />
                <Route path=path!("/account") view=Account />
            </Routes>
        </Router>
    }
}
