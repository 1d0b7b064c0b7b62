//! commerce-otp: password reset and passwordless sign-in for Elastic Path Commerce shoppers,
//! with one-time password tokens, as a client-side Leptos app.
//!
//! Layers, each readable alone and using only those before it:
//! `commerce` (typed API client, no views) <- `config` (read once) <- `flows` (the steps,
//! natively testable), `session` (the signed-in shopper and the hand-off to the shop),
//! `messages` (every sentence about a problem) <- `context` (what pages read from context)
//! <- `hooks` (page behaviour written once) <- `components` <- `pages` <- `app` (the router).
//! `platform` (the few browser calls) and `routes` (the paths) are leaves any layer may use.
//! Sections cited as `docs/commerce-api.md §N` are the project's notes on the Commerce API.

pub mod app;
pub mod commerce;
pub mod components;
pub mod config;
pub mod context;
pub mod flows;
pub mod hooks;
pub mod messages;
pub mod pages;
pub mod platform;
pub mod routes;
pub mod session;

/// Works out where the app lives (`routes::entry`), reads `config.json` beside it, then mounts
/// the app (or the configuration-problem page) on `<body>`.
pub async fn start() {
    let (pathname, search, hash) = platform::address();
    let entry = routes::entry(&pathname, &search, &hash);
    if let Some(address) = &entry.replace_with {
        platform::replace_address(address);
    }
    let config = config::load().await;
    // index.html's "Loading…", shown until now (and for good if the app cannot load).
    platform::remove_element("loading");
    let base = entry.base;
    leptos::mount::mount_to_body(move || leptos::view! { <app::Root config=config base=base /> });
}
