//! Telling the shop what happened: `commerce-otp:*` events on `window` (the app's own page)
//! or on the `<commerce-otp>` element, and versioned `postMessage`s to an allowed parent page
//! (iframe mode). The names and shapes are the documented interface (README, "Embedding").

use serde::Serialize;

use crate::platform;
use crate::session::Session;

/// `source` of every message posted to a parent page, and the events' name prefix.
pub const SOURCE: &str = "commerce-otp";
/// `version` of every message posted to a parent page; a new version for any change that
/// breaks a reader.
pub const VERSION: u32 = 1;
/// The `BroadcastChannel` the app's instances of one origin share (sign-out).
pub const BROADCAST_CHANNEL: &str = "commerce-otp";

/// What the shop hears about.
#[derive(Clone, Copy, Debug)]
pub enum Announcement<'a> {
    /// The app is showing its first step and has restored any session of this tab:
    /// `detail` `{ session }` (the session object or `null`).
    Ready { session: Option<&'a Session> },
    /// A sign-in, or a session restored as the app opened (`restored: true`): `detail` is
    /// the [`Session`] plus `restored`.
    SignedIn {
        session: &'a Session,
        restored: bool,
    },
    /// The password was changed: `detail` `{ username }`.
    PasswordReset { username: &'a str },
    /// The session ended (the shopper, the shop, another tab, or its expiry): `detail` `null`.
    SignedOut,
    /// The shopper chose "Cancel" (embedded only): `detail` `null`.
    Cancelled,
    /// The framed page's height changed (iframe mode only): `detail` `{ height }`, in CSS
    /// pixels.
    Resize { height: u32 },
}

#[derive(Serialize)]
struct ReadyDetail<'a> {
    session: Option<&'a Session>,
}

#[derive(Serialize)]
struct SignedInDetail<'a> {
    #[serde(flatten)]
    session: &'a Session,
    restored: bool,
}

#[derive(Serialize)]
struct PasswordResetDetail<'a> {
    username: &'a str,
}

#[derive(Serialize)]
struct ResizeDetail {
    height: u32,
}

impl Announcement<'_> {
    /// The event name's last part and the message's `type`: `signed-in`, …
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Ready { .. } => "ready",
            Self::SignedIn { .. } => "signed-in",
            Self::PasswordReset { .. } => "password-reset",
            Self::SignedOut => "signed-out",
            Self::Cancelled => "cancelled",
            Self::Resize { .. } => "resize",
        }
    }

    /// The `detail`, as JSON.
    pub fn detail_json(&self) -> String {
        let json = match *self {
            Self::Ready { session } => serde_json::to_string(&ReadyDetail { session }),
            Self::SignedIn { session, restored } => {
                serde_json::to_string(&SignedInDetail { session, restored })
            }
            Self::PasswordReset { username } => {
                serde_json::to_string(&PasswordResetDetail { username })
            }
            Self::Resize { height } => serde_json::to_string(&ResizeDetail { height }),
            Self::SignedOut | Self::Cancelled => Ok("null".to_owned()),
        };
        json.unwrap_or_else(|_| "null".to_owned())
    }

    /// The message posted to a parent page:
    /// `{ "source": "commerce-otp", "version": 1, "type": …, "detail": … }`.
    pub fn message_json(&self) -> String {
        format!(
            r#"{{"source":"{SOURCE}","version":{VERSION},"type":"{}","detail":{}}}"#,
            self.kind(),
            self.detail_json()
        )
    }
}

/// Where announcements go.
#[derive(Clone, Debug)]
pub enum Channel {
    /// `window`: the app's own page.
    Window,
    /// The `<commerce-otp>` element (events bubble and cross the shadow boundary).
    Element(web_sys::HtmlElement),
    /// The parent page of a frame, at this origin exactly.
    Parent { origin: String },
    /// A frame whose parent is not allowed: nothing leaves the frame.
    Nowhere,
}

impl Channel {
    /// Tells the shop; `Resize` goes to a parent page only.
    pub fn announce(&self, announcement: Announcement) {
        let name = || format!("{SOURCE}:{}", announcement.kind());
        match self {
            Self::Window if !matches!(announcement, Announcement::Resize { .. }) => {
                if let Some(window) = platform::window_target() {
                    platform::dispatch_event(&window, &name(), &announcement.detail_json());
                }
            }
            Self::Element(element) if !matches!(announcement, Announcement::Resize { .. }) => {
                platform::dispatch_event(element, &name(), &announcement.detail_json());
            }
            Self::Parent { origin } => {
                platform::post_to_parent(origin, &announcement.message_json());
            }
            _ => {}
        }
    }
}

/// The parent page the framed app may talk to: the parent's origin (`stated`, from
/// [`platform::parent_origin`]) when it is the app's own (`own`) or in `allowed`
/// (`config.json` `embed_origins`); `None` otherwise, and then nothing is posted.
pub fn allowed_parent(own: &str, stated: Option<String>, allowed: &[String]) -> Option<String> {
    stated.filter(|parent| parent == own || allowed.iter().any(|a| a == parent))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commerce::{AccountManagementToken, AccountMemberId};

    fn session() -> Session {
        Session {
            username: "john.doe@banks.com".into(),
            account_member_id: AccountMemberId::new("m-1"),
            account_id: "a-1".into(),
            account_name: "Personal Account".into(),
            token: AccountManagementToken::new("secret-token"),
            expires: "2026-12-01T00:00:00Z".into(),
            ends_at_ms: None,
        }
    }

    #[test]
    fn messages_are_versioned_and_carry_the_detail() {
        let s = session();
        let message: serde_json::Value = serde_json::from_str(
            &Announcement::SignedIn {
                session: &s,
                restored: true,
            }
            .message_json(),
        )
        .unwrap();
        assert_eq!(message["source"], "commerce-otp");
        assert_eq!(message["version"], 1);
        assert_eq!(message["type"], "signed-in");
        assert_eq!(message["detail"]["account_id"], "a-1");
        assert_eq!(message["detail"]["token"], "secret-token");
        assert_eq!(message["detail"]["restored"], true);
        let ready: serde_json::Value =
            serde_json::from_str(&Announcement::Ready { session: None }.message_json()).unwrap();
        assert_eq!(ready["detail"]["session"], serde_json::Value::Null);
        let resize: serde_json::Value =
            serde_json::from_str(&Announcement::Resize { height: 412 }.message_json()).unwrap();
        assert_eq!(resize["detail"]["height"], 412);
        assert_eq!(Announcement::Cancelled.detail_json(), "null");
    }

    #[test]
    fn only_a_listed_or_same_origin_parent_is_talked_to() {
        let allowed = ["https://shop.example".to_owned()];
        let parent =
            |stated: &str| allowed_parent("https://app.example", Some(stated.to_owned()), &allowed);
        assert_eq!(
            parent("https://shop.example").as_deref(),
            Some("https://shop.example")
        );
        assert_eq!(
            parent("https://app.example").as_deref(),
            Some("https://app.example")
        );
        assert_eq!(parent("https://evil.example"), None);
        assert_eq!(parent("https://shop.example.evil.example"), None);
        assert_eq!(parent("null"), None);
        assert_eq!(allowed_parent("https://app.example", None, &allowed), None);
    }
}
