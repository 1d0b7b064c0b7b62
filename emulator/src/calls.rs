//! The Commerce API calls the emulator answered, in the order they arrived, for tests
//! that count what a flow costs. Each is a method, a path template and a status; never
//! a body, query, header, token, code or password. They live in
//! [`crate::state::World::calls`] (so `/__emulator/reset` empties the list); the middleware
//! that records them, and `GET /__emulator/calls`, are in [`crate::control`].

use percent_encoding::percent_decode_str;
use serde::Serialize;

/// One API call, as `GET /__emulator/calls` lists it:
/// `{"method":"POST","path":"/oauth/access_token","status":200}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Call {
    /// `GET`, `POST`, `PUT`, `DELETE`.
    pub method: String,
    /// The route the call took, each id as the route names it
    /// (`/v2/account-members/{member_id}`); see [`template`].
    pub path: String,
    /// The status answered; `null` while the call is under way, or when no answer was
    /// written (the caller left first, or a `drop` fault closed the connection).
    pub status: Option<u16>,
}

/// `path` with each segment that is a route parameter's value (`params`: name and
/// percent-decoded value, in path order, as the router matched them) written as
/// `{name}`, matched left to right (a value equal to a literal segment before it would
/// take that segment's place; the emulator's ids are UUIDs). A path no route matched
/// has no parameters and stays as it was sent.
pub fn template<'a>(path: &str, params: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut params = params.into_iter().peekable();
    let mut out = String::with_capacity(path.len());
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        let decoded = percent_decode_str(segment).decode_utf8_lossy();
        match params.next_if(|(_, value)| *value == decoded) {
            Some((name, _)) => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
            None => out.push_str(segment),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::template;

    #[test]
    fn route_parameters_become_their_names() {
        assert_eq!(
            template(
                "/v2/authentication-realms/r-1/user-authentication-info/u%2D2/user-authentication-password-profile-info/i-3",
                [("realm_id", "r-1"), ("uai_id", "u-2"), ("info_id", "i-3")],
            ),
            "/v2/authentication-realms/{realm_id}/user-authentication-info/{uai_id}/user-authentication-password-profile-info/{info_id}"
        );
        assert_eq!(template("/oauth/access_token", []), "/oauth/access_token");
        assert_eq!(template("/v2/nowhere/x-1", []), "/v2/nowhere/x-1");
        // Matched left to right, each value once.
        assert_eq!(template("/v2/x/x", [("id", "x")]), "/v2/{id}/x");
    }
}
