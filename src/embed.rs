//! Where the app is shown, and so what it may touch: its own page (the standalone app), its
//! page inside an `<iframe>` on a shop's page, or a `<commerce-otp>` element on the shop's
//! own page. Worked out once as the app starts and provided by context ([`Host`]).

use crate::handoff::Channel;
use crate::platform;
use crate::routes;

/// How the app is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Embedding {
    /// Its own page (`index.html`): the address bar, history, title and focus are the app's.
    Page,
    /// Its page inside an `<iframe>`: it moves between steps in memory (no entries in the
    /// shop's history), takes no focus until the shopper acts, and talks to an allowed parent.
    Frame,
    /// A `<commerce-otp>` element in its own shadow DOM: as in a frame, and it never changes
    /// the shop's address, history, title, styles or focus.
    Element,
}

/// Everything about the app's surroundings that the views need.
#[derive(Clone, Debug)]
pub struct Host {
    pub embedding: Embedding,
    /// Where sign-ins, sign-outs, resets and cancels are announced.
    pub channel: Channel,
    /// The element's shadow root, where its ids live; `None` on the app's own page.
    pub root: Option<web_sys::ShadowRoot>,
    /// The address of the app's folder, ending in `/` (`https://app.example/otp/`): links to
    /// a step open the app's own page there in a new tab.
    pub app_url: String,
    /// The step the app opens on, and "Cancel" goes back to (embedded only).
    pub first: &'static str,
    /// Whether embedded steps offer "Cancel" (the element's `no-cancel` turns it off).
    pub cancel: bool,
}

impl Embedding {
    /// Whether the app owns the page: its address, history, title and focus.
    pub fn owns_page(self) -> bool {
        self == Self::Page
    }
}

/// The step an element (attribute `flow`: `sign-in`, `reset` or `passwordless`) opens on:
/// the code page when it has a link's code, else the page that asks for one; `None` for a
/// `flow` it does not know.
pub fn first_step(flow: &str, has_code: bool) -> Option<&'static str> {
    match (flow.trim(), has_code) {
        ("" | "sign-in", _) => Some(routes::SIGN_IN),
        ("reset", false) => Some(routes::FORGOT_PASSWORD),
        ("reset", true) => Some(routes::CHANGE_PASSWORD),
        ("passwordless", false) => Some(routes::SIGN_IN_WITH_CODE),
        ("passwordless", true) => Some(routes::PASSWORDLESS),
        _ => None,
    }
}

/// Where the shopper goes after signing in (or after a reset), as a link or the element's
/// `return-to` asked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ReturnTo {
    /// Nothing was asked: the app shows its own next step.
    #[default]
    Stay,
    /// An address on an allowed origin (absolute).
    Allowed(String),
    /// An address that is not on an allowed origin (or not http/https): refused, the shopper
    /// is told, and the app stays.
    Refused,
}

impl ReturnTo {
    /// Checks `requested` (absolute, or relative to the page) against `allowed`
    /// (`config.json` `allowed_return_origins`). An empty value asks nothing.
    pub fn check(requested: Option<&str>, allowed: &[String]) -> Self {
        let Some(requested) = requested.map(str::trim).filter(|r| !r.is_empty()) else {
            return Self::Stay;
        };
        match platform::resolve_http_url(requested) {
            Some((url, origin)) if allowed.contains(&origin) => Self::Allowed(url),
            _ => {
                platform::warn(
                    "commerce-otp: return_to is not on an origin listed in allowed_return_origins; ignored",
                );
                Self::Refused
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_elements_first_step() {
        assert_eq!(first_step("sign-in", true), Some(routes::SIGN_IN));
        assert_eq!(first_step("", false), Some(routes::SIGN_IN));
        assert_eq!(first_step("reset", false), Some(routes::FORGOT_PASSWORD));
        assert_eq!(first_step("reset", true), Some(routes::CHANGE_PASSWORD));
        assert_eq!(
            first_step("passwordless", false),
            Some(routes::SIGN_IN_WITH_CODE)
        );
        assert_eq!(first_step("passwordless", true), Some(routes::PASSWORDLESS));
        assert_eq!(first_step("checkout", false), None);
    }
}
