//! The app shell: the context and the router, one line per route.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, StaticSegment};

use crate::config::{Config, ConfigError};
use crate::context::{href, provide_app_base, provide_app_context};
use crate::pages::*;
use crate::platform;
use crate::routes;

/// Mounted by `start` once `config.json` has been read. `base` is the path of the app's
/// folder (`routes::Entry::base`), `""` at the root of an origin.
#[component]
pub fn Root(
    config: Result<Config, ConfigError>,
    #[prop(optional, into)] base: String,
) -> impl IntoView {
    match config {
        Ok(config) => view! { <App config=config base=base /> }.into_any(),
        Err(error) => view! { <ConfigProblem error=error /> }.into_any(),
    }
}

/// The router's segment for one of the paths in `routes`.
fn segment(path: &'static str) -> StaticSegment<&'static str> {
    StaticSegment(path.trim_start_matches('/'))
}

/// The app under `base` (see [`Root`]).
#[component]
pub fn App(config: Config, #[prop(optional, into)] base: String) -> impl IntoView {
    let store = config.store_name.clone();
    provide_app_context(config);
    provide_app_base(base.clone());

    view! {
        <Router base=base>
            // Moves focus itself: the router would take #main for a navigation, and the
            // browser's own jump does not move the keyboard's place on the page.
            <a
                class="skip"
                href="#main"
                on:click=|ev| {
                    ev.prevent_default();
                    platform::focus_element("main");
                }
            >
                "Skip to content"
            </a>
            <header class="site">
                <A href=href(routes::START)>{store.unwrap_or_else(|| "Your account".into())}</A>
            </header>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Start />
                <Route path=segment(routes::SIGN_IN) view=SignIn />
                <Route path=segment(routes::FORGOT_PASSWORD) view=ForgotPassword />
                <Route path=segment(routes::CHANGE_PASSWORD) view=ChangePassword />
                <Route path=segment(routes::PASSWORD_CHANGED) view=PasswordChanged />
                <Route path=segment(routes::SIGN_IN_WITH_CODE) view=RequestSignInCode />
                <Route path=segment(routes::PASSWORDLESS) view=Passwordless />
                <Route path=segment(routes::CHOOSE_ACCOUNT) view=ChooseAccount />
                <Route path=segment(routes::ACCOUNT) view=Account />
            </Routes>
        </Router>
    }
}
