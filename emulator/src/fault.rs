//! Injected failures: what a fault is and which request it hits. Tests add them
//! through `/__emulator/faults` (see [`crate::control`], which parses the JSON and
//! answers with the fault); they live in [`crate::state::World::faults`].

/// An injected failure: the next `times` requests whose method is `method` (any
/// when `None`; compared case-insensitively) and whose path starts with
/// `path_prefix` wait `delay_ms` milliseconds, then get `status` (400–599) as a
/// JSON:API error titled `title` (the status' reason phrase when `None`). A `status`
/// of 0 means the delay only: the request then goes on as usual.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// An HTTP method such as `POST`; `None` matches every method.
    pub method: Option<String>,
    /// Matched against the start of the request path (never the query).
    pub path_prefix: String,
    /// The HTTP status to answer, or 0 for a delay only.
    pub status: u16,
    /// How many more requests it hits; at 0 it is spent.
    pub times: u32,
    /// Milliseconds to wait before answering (or before going on, for status 0).
    pub delay_ms: u64,
    /// The error's `title`; `None` uses the status' reason phrase.
    pub title: Option<String>,
    /// A `Retry-After` header, in seconds, on the error (Commerce may send one with `429`).
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
