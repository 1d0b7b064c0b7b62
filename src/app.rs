//! The app shell: the context, the navigation (history on the app's own page, memory when
//! embedded), and one line per step.

use futures::FutureExt;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::components::Page;
use crate::config::{Config, ConfigError};
use crate::context::{provide_app_context, use_dom, use_host, use_nav};
use crate::embed::{Embedding, Host, ReturnTo};
use crate::flows::link::LinkParams;
use crate::handoff::{Announcement, Channel};
use crate::i18n::{tr, use_i18n, Catalogue, I18n, LanguageSwitcher, Overrides};
use crate::nav::Nav;
use crate::pages::*;
use crate::routes;
use crate::session::Auth;

/// What the app starts with, worked out by `start_app` or `mountWidget` (lib.rs).
pub struct Launch {
    /// `config.json`, read, or why it could not be.
    pub config: Result<Config, ConfigError>,
    /// The language to open in and its catalogue (`i18n::first_language`); English if `None`.
    pub language: Option<(String, Catalogue)>,
    pub host: Host,
    /// The e-mail link's parameters, already removed from the address bar.
    pub link: LinkParams,
    /// The `return_to` asked for (the link's, on the app's own page; the element's
    /// `return-to`), checked against `config.json` here.
    pub return_to: Option<String>,
    /// The path of the app's folder without its trailing `/` (`routes::Entry::base`), the
    /// router's base on the app's own page.
    pub base: String,
}

/// The view for `launch`, and the signed-in session when the app (not a problem page) runs:
/// the caller announces it once the view is in place ([`Auth::announce_ready`]).
pub fn build(launch: Launch) -> (AnyView, Option<Auth>) {
    let Launch {
        config,
        language,
        host,
        link,
        return_to,
        base,
    } = launch;
    let (offered, overrides) = match &config {
        Ok(config) => (config.locales.clone(), config.messages.clone()),
        Err(_) => (Vec::new(), Overrides::new()),
    };
    let sets_document = host.embedding != Embedding::Element;
    provide_context(I18n::new(
        language,
        offered,
        overrides,
        host.app_url.clone(),
        sets_document,
    ));
    let config = match config {
        Ok(config) => config,
        Err(error) => {
            let embedding = host.embedding;
            return (
                view! { <ConfigProblem error=error embedding=embedding /> }.into_any(),
                None,
            );
        }
    };
    if host.embedding == Embedding::Frame && matches!(host.channel, Channel::Nowhere) {
        let app_url = host.app_url;
        return (
            view! { <FramingRefused app_url=app_url /> }.into_any(),
            None,
        );
    }
    let return_to = ReturnTo::check(return_to.as_deref(), &config.allowed_return_origins);
    let theme = config.theme.attribute();
    if host.embedding != Embedding::Element {
        crate::platform::set_root_attribute("data-theme", theme);
    }
    let embedding = host.embedding;
    let (first, app_url) = (host.first, host.app_url.clone());
    let auth = provide_app_context(config, host, link);
    let view = match embedding {
        Embedding::Page => view! {
            <Router base=base.clone()>
                {
                    provide_context(Nav::history(base, return_to));
                    view! { <PageShell /> }
                }
            </Router>
        }
        .into_any(),
        Embedding::Frame | Embedding::Element => {
            let signed_in = auth.session().with_untracked(Option::is_some);
            let start = if signed_in && asks_to_sign_in(first) {
                routes::ACCOUNT
            } else {
                first
            };
            provide_context(Nav::memory(start, first, app_url, return_to));
            view! { <EmbeddedShell /> }.into_any()
        }
    };
    (view, Some(auth))
}

/// The app's own page: a skip link, the store's name, the step.
#[component]
fn PageShell() -> impl IntoView {
    let config = crate::context::use_config();
    let (store, logo) = (config.store_name, config.logo_url);
    let dom = use_dom();
    view! {
        // Moves focus itself: the router would take #main for a navigation, and the browser's
        // own jump does not move the keyboard's place on the page.
        <a
            class="skip"
            href="#main"
            on:click=move |ev| {
                ev.prevent_default();
                dom.focus("main");
            }
        >
            {tr("skip-to-content")}
        </a>
        <header class="site">
            {logo.map(|src| view! { <img src=src alt="" /> })}
            <crate::nav::Link to=routes::START>
                {match store {
                    Some(store) => Signal::stored(store),
                    None => tr("store-fallback"),
                }}
            </crate::nav::Link>
        </header>
        // One route for every address: `Steps` picks the page. The router's routes are what
        // complete each navigation (put the new address in the address bar); `FlatRoutes`, as
        // nothing is nested, costs 11 KB brotli less than `Routes`.
        <FlatRoutes fallback=NotFound>
            <Route path=path!("/*any") view=Steps />
        </FlatRoutes>
        <footer class="site">
            <LanguageSwitcher />
        </footer>
    }
}

/// Whether `step` asks the shopper to sign in (with a password or for a code): a shopper this
/// tab has signed in sees "You're signed in" there instead.
fn asks_to_sign_in(step: &str) -> bool {
    step == routes::SIGN_IN || step == routes::SIGN_IN_WITH_CODE
}

/// Embedded (a frame or an element): the step, and "Cancel" until the shopper is signed in.
/// The step follows the session when it changes elsewhere (another element of the page, the
/// shop, expiry): signed in, a sign-in step shows "You're signed in"; signed out, the signed-in
/// step goes back to the first step.
#[component]
fn EmbeddedShell() -> impl IntoView {
    let host = use_host();
    let nav = use_nav();
    let auth = crate::context::use_auth();
    let channel = host.channel;
    let offer_cancel = host.cancel;
    let theme = crate::context::use_config().theme.attribute();
    let i18n = use_i18n();
    Effect::new(move |was_signed_in: Option<bool>| {
        let signed_in = auth.session().with(Option::is_some);
        let screen = nav.screen().get_untracked();
        match (was_signed_in, signed_in) {
            (Some(false), true) if screen.is_some_and(asks_to_sign_in) => {
                nav.replace(routes::ACCOUNT);
            }
            (Some(true), false) if screen == Some(routes::ACCOUNT) => nav.restart(),
            _ => {}
        }
        signed_in
    });
    let signed_in_page = move || nav.screen().get() == Some(routes::ACCOUNT);
    view! {
        <div
            class="embedded"
            lang=move || i18n.tag()
            dir=move || crate::i18n::direction(&i18n.tag())
            data-theme=theme
        >
            <Steps />
            <Show when=move || offer_cancel && !signed_in_page()>
                <p class="cancel">
                    <button
                        type="button"
                        class="link"
                        on:click={
                            let channel = channel.clone();
                            move |_| {
                                channel.announce(Announcement::Cancelled);
                                nav.restart();
                            }
                        }
                    >
                        {tr("cancel")}
                    </button>
                </p>
            </Show>
            <LanguageSwitcher />
        </div>
    }
}

/// The current step's page. One reached only after a call (`pages::is_later_step`) shows once
/// its code is there, which is at once when its page before fetched it; else it is fetched
/// now, and if it cannot be, "we couldn't reach the store" and another try every few seconds
/// (what the flow holds is above this and waits). The view is always made here, in this
/// owner; the fetch only says when to look again, so nothing is built after the app is gone.
#[component]
fn Steps() -> impl IntoView {
    let nav = use_nav();
    let attempt = RwSignal::new(0_u32);
    // The later step whose code could not be fetched at the last try, if any.
    let failed = RwSignal::new(None::<&'static str>);
    move || match nav.screen().get() {
        Some(routes::START) => view! { <Start /> }.into_any(),
        Some(routes::SIGN_IN) => view! { <SignIn /> }.into_any(),
        Some(routes::FORGOT_PASSWORD) => view! { <ForgotPassword /> }.into_any(),
        Some(routes::CHANGE_PASSWORD) => view! { <ChangePassword /> }.into_any(),
        Some(routes::SIGN_IN_WITH_CODE) => view! { <RequestSignInCode /> }.into_any(),
        Some(routes::PASSWORDLESS) => view! { <Passwordless /> }.into_any(),
        Some(page) if crate::pages::is_later_step(page) => {
            attempt.track();
            if let Some(Ok(view)) = crate::pages::later_step(page).now_or_never() {
                return view;
            }
            leptos::task::spawn_local(async move {
                let fetched = crate::pages::preload_later_step(page).await.is_ok();
                failed.try_set((!fetched).then_some(page));
                if !fetched {
                    TimeoutFuture::new(STEP_RETRY_SECS * 1000).await;
                }
                attempt.try_update(|n| *n += 1);
            });
            // Until it comes: nothing, or why not, as a page of its own (its heading taking
            // focus, the title following), in the store-can't-be-reached words.
            view! {
                <Show when=move || failed.get() == Some(page)>
                    <Page title=tr("error-network-title")>
                        <p>{tr("error-network-text")}</p>
                    </Page>
                </Show>
            }
            .into_any()
        }
        _ => view! { <NotFound /> }.into_any(),
    }
}

/// Seconds between two tries to fetch a step's code that could not be fetched.
const STEP_RETRY_SECS: u32 = 3;
