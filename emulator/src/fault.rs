//! Injected failures: what a fault is and which request it hits. Tests add them
//! through `/__emulator/faults` (see [`crate::control`], which parses the JSON and
//! answers with the fault); they live in [`crate::state::World::faults`].

use serde::{Deserialize, Serialize};

/// What an injected failure answers, after its delay. The JSON names are kebab-case
/// (`"wrong-shape"`); a fault without a kind is [`FaultKind::Status`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FaultKind {
    /// `status` (400–599) as a JSON:API error; a `status` of 0 is the delay only, and the
    /// request then goes on as usual.
    #[default]
    Status,
    /// No HTTP answer at all: the connection is closed before a byte of the response is
    /// written (the browser's `fetch` rejects, as when a server or proxy dies mid-request).
    Drop,
    /// `status` (default 200) with a body that is not JSON: an HTML page, as a proxy or a
    /// gateway sends.
    Garbage,
    /// `status` (default 200) with JSON of the wrong shape: `{"data":{"unexpected":true}}`.
    WrongShape,
    /// The real answer (`status` 0) or the `status` error, with every `Access-Control-*`
    /// header removed, so a browser refuses to hand it to the page.
    NoCors,
}

impl FaultKind {
    /// The statuses this kind may be given; 0 is always allowed (its default).
    pub fn allows_status(self, status: u16) -> bool {
        match self {
            Self::Status | Self::NoCors => status == 0 || (400..=599).contains(&status),
            Self::Drop => status == 0,
            Self::Garbage | Self::WrongShape => status == 0 || (200..=599).contains(&status),
        }
    }
}

/// An injected failure: the next `times` requests whose method is `method` (any
/// when `None`; compared case-insensitively) and whose path starts with
/// `path_prefix` wait `delay_ms` milliseconds, then get what `kind` says: by default
/// `status` (400–599) as a JSON:API error titled `title` (the status' reason phrase
/// when `None`). A `status` of 0 means the kind's default: for [`FaultKind::Status`]
/// and [`FaultKind::NoCors`] the request then goes on as usual.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// An HTTP method such as `POST`; `None` matches every method.
    pub method: Option<String>,
    /// Matched against the start of the request path (never the query).
    pub path_prefix: String,
    /// What to answer.
    pub kind: FaultKind,
    /// The HTTP status to answer, or 0 for the kind's default (a delay only, for `Status`).
    pub status: u16,
    /// How many more requests it hits; at 0 it is spent.
    pub times: u32,
    /// Milliseconds to wait before answering (or before going on, for status 0).
    pub delay_ms: u64,
    /// The error's `title`; `None` uses the status' reason phrase.
    pub title: Option<String>,
    /// A `Retry-After` header, in seconds, on the answer (Commerce may send one with `429`).
    pub retry_after_secs: Option<u32>,
}

impl Fault {
    /// Whether this fault, with uses left, hits a request with `method` and `path`.
    pub fn matches(&self, method: &str, path: &str) -> bool {
        self.times > 0
            && path.starts_with(&self.path_prefix)
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
    }
}

/// Spend one use of the first fault that hits the request, and drop every spent
/// fault. Returns the fault applied (with its `times` already lowered), if any.
pub fn take(faults: &mut Vec<Fault>, method: &str, path: &str) -> Option<Fault> {
    let fault = faults
        .iter_mut()
        .find(|f| f.matches(method, path))
        .map(|f| {
            f.times -= 1;
            f.clone()
        });
    faults.retain(|f| f.times > 0);
    fault
}
