//! commerce-otp: password reset and passwordless sign-in for Elastic Path Commerce shoppers,
//! with one-time password tokens, as a client-side Leptos app.
//!
//! Layers, each readable alone: `commerce` (typed API client, no views), `config` (read once,
//! provided by context), `flows` (the steps, natively testable), `session` (the signed-in
//! shopper and the hand-off to the shop), `components` and `pages` (views), `messages` (every
//! sentence about a problem).

pub mod app;
pub mod commerce;
pub mod components;
pub mod config;
pub mod flows;
pub mod messages;
pub mod pages;
pub mod platform;
pub mod session;

/// Reads `config.json`, then mounts the app (or the configuration-problem page) on `<body>`.
pub async fn start() {
    let config = config::load().await;
    leptos::mount::mount_to_body(move || leptos::view! { <app::Root config=config /> });
}
