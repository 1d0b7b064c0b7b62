//! The parameters of an e-mail link (`?username=…&token=…`, optional ids and `return_to`),
//! read by hand rather than as a form: each value is percent-decoded exactly once, and a `+`
//! stays a `+`. The username is Commerce's stored value, put in the link by the store's
//! template from the event payload; an e-mail address has no spaces, so form decoding (`+`
//! as a space) would send Commerce an address that does not exist.

use percent_encoding::percent_decode_str;

/// Every parameter an e-mail link may carry (`docs/commerce-api.md` §9.2 and §9.3), and
/// `return_to`. These, and only these, are removed from the address once read.
pub const KEYS: [&str; 6] = [
    "username",
    "token",
    "authentication_realm_id",
    "password_profile_id",
    "user_authentication_password_profile_info_id",
    "return_to",
];

/// The link's values, decoded; `None` when a key is absent. The first of repeated keys wins.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkParams {
    pub username: Option<String>,
    /// The one-time password token (the code), as the link has it; checked on submit.
    pub token: Option<String>,
    pub authentication_realm_id: Option<String>,
    pub password_profile_id: Option<String>,
    pub user_authentication_password_profile_info_id: Option<String>,
    /// Where to send the shopper afterwards; honoured only for an allowed origin.
    pub return_to: Option<String>,
}

/// The `key=value` pairs of a query (`?a=b&c=d`, the `?` optional), values decoded once.
/// Bytes that are not UTF-8 after decoding become U+FFFD, which no check accepts.
fn pairs(search: &str) -> impl Iterator<Item = (&str, String)> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (
                key,
                percent_decode_str(value).decode_utf8_lossy().into_owned(),
            )
        })
}

impl LinkParams {
    /// Reads the link's parameters from `location.search`, as the browser gives it.
    pub fn parse(search: &str) -> Self {
        let mut link = Self::default();
        for (key, value) in pairs(search) {
            let slot = match key {
                "username" => &mut link.username,
                "token" => &mut link.token,
                "authentication_realm_id" => &mut link.authentication_realm_id,
                "password_profile_id" => &mut link.password_profile_id,
                "user_authentication_password_profile_info_id" => {
                    &mut link.user_authentication_password_profile_info_id
                }
                "return_to" => &mut link.return_to,
                _ => continue,
            };
            slot.get_or_insert(value);
        }
        link
    }
}

/// `search` without the link's parameters (`KEYS`), the others kept as written and in order:
/// `""` when none is left, else `"?…"`.
pub fn without_link_params(search: &str) -> String {
    let kept: Vec<&str> = search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| !KEYS.contains(&pair.split_once('=').map_or(*pair, |x| x.0)))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guides_link() {
        let link = LinkParams::parse("?username=john.doe@banks.com&token=lprvj4");
        assert_eq!(link.username.as_deref(), Some("john.doe@banks.com"));
        assert_eq!(link.token.as_deref(), Some("lprvj4"));
        assert_eq!(link.return_to, None);
    }

    #[test]
    fn a_plus_stays_a_plus_and_values_are_decoded_once() {
        let link = LinkParams::parse("username=plus+shop@banks.com&token=lprvj4");
        assert_eq!(link.username.as_deref(), Some("plus+shop@banks.com"));
        let encoded = LinkParams::parse("?username=plus%2Bshop%40banks.com");
        assert_eq!(encoded.username.as_deref(), Some("plus+shop@banks.com"));
        let twice = LinkParams::parse("?username=a%2525b@x.test");
        assert_eq!(twice.username.as_deref(), Some("a%25b@x.test"));
    }

    #[test]
    fn broken_encoding_cannot_pass_for_a_code() {
        let link = LinkParams::parse("?token=%FF%FEab12&username&return_to=");
        assert!(link.token.is_some_and(|t| t.contains('\u{FFFD}')));
        assert_eq!(link.username.as_deref(), Some(""));
        assert_eq!(link.return_to.as_deref(), Some(""));
    }

    #[test]
    fn the_first_of_repeated_keys_wins() {
        let link = LinkParams::parse("?token=first&token=second");
        assert_eq!(link.token.as_deref(), Some("first"));
    }

    #[test]
    fn only_the_links_parameters_are_removed() {
        assert_eq!(without_link_params("?username=a&token=b"), "");
        assert_eq!(
            without_link_params("?utm_source=mail&token=b&x=1&return_to=%2F"),
            "?utm_source=mail&x=1"
        );
        assert_eq!(without_link_params(""), "");
    }
}
