//! The app's paths, one constant each: the router, links and navigation all use these.

/// Sign in with a password, with a code, or reset the password.
pub const START: &str = "/";
/// Username and password.
pub const SIGN_IN: &str = "/sign_in";
/// Request a code to reset the password.
pub const FORGOT_PASSWORD: &str = "/forgot_password";
/// Enter the code and a new password; the reset e-mail's link opens it.
pub const CHANGE_PASSWORD: &str = "/change_password";
/// The reset is done.
pub const PASSWORD_CHANGED: &str = "/password_changed";
/// Request a code to sign in without a password.
pub const SIGN_IN_WITH_CODE: &str = "/sign_in_with_code";
/// Enter the code to sign in; the passwordless e-mail's link opens it.
pub const PASSWORDLESS: &str = "/passwordless";
/// Pick one of several accounts after signing in.
pub const CHOOSE_ACCOUNT: &str = "/choose_account";
/// The signed-in shopper.
pub const ACCOUNT: &str = "/account";

/// Every page, in the router's order. `deploy/_redirects` lists all but the start page (a
/// test checks it).
pub const ALL: [&str; 9] = [
    START,
    SIGN_IN,
    FORGOT_PASSWORD,
    CHANGE_PASSWORD,
    PASSWORD_CHANGED,
    SIGN_IN_WITH_CODE,
    PASSWORDLESS,
    CHOOSE_ACCOUNT,
    ACCOUNT,
];

/// The app page at `path` (relative to the app's folder, e.g. `/sign_in`), if there is one.
/// `""` is the start page.
pub fn page(path: &str) -> Option<&'static str> {
    let path = if path.is_empty() { START } else { path };
    ALL.into_iter().find(|page| *page == path)
}

/// Where the app was opened, worked out before the router starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The path of the app's folder without its trailing `/`: `""` at the root of an origin,
    /// `"/account/otp"` for an app at `https://shop.example/account/otp/`. The router's base:
    /// every path above is relative to it.
    pub base: String,
    /// The address (path and query) to put in the address bar before the router reads it,
    /// when the one opened is another spelling of an app page.
    pub replace_with: Option<String>,
}

/// Reads the address the app was opened at (`location.pathname`, `.search`, `.hash`, as the
/// browser gives them, still percent-encoded). The app lives in the folder of the page, so it
/// works under any path prefix; every route is one segment below that folder. Two spellings
/// are turned into the page they mean:
/// * the fragment form of an e-mail link, `APP/#/change_password?username=…&token=…`, which a
///   host that only serves files can answer (it asks for `APP/` alone) and which keeps the
///   code out of the host's access logs, becomes `APP/change_password?username=…&token=…`;
///   the page then reads the query and scrubs it;
/// * `APP/index.html` becomes `APP/`.
pub fn entry(pathname: &str, search: &str, hash: &str) -> Entry {
    let (folder, file) = pathname.rsplit_once('/').unwrap_or(("", pathname));
    let replace_with = match hash.strip_prefix("#/") {
        Some(link) => Some(format!("{folder}/{link}")),
        None if file == "index.html" => Some(format!("{folder}/{search}")),
        None => None,
    };
    Entry {
        base: folder.to_owned(),
        replace_with,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(pathname: &str) -> String {
        entry(pathname, "", "").base
    }

    #[test]
    fn the_base_is_the_folder_of_the_page() {
        assert_eq!(base("/"), "");
        assert_eq!(base("/change_password"), "");
        assert_eq!(base("/account/otp/"), "/account/otp");
        assert_eq!(base("/account/otp/passwordless"), "/account/otp");
        assert_eq!(entry("/account/otp/", "?x=1", "#main").replace_with, None);
    }

    #[test]
    fn the_fragment_form_of_a_link_opens_its_page() {
        let opened = entry(
            "/account/otp/",
            "",
            "#/change_password?username=plus%2Bshop%40banks.com&token=lprvj4",
        );
        assert_eq!(opened.base, "/account/otp");
        assert_eq!(
            opened.replace_with.as_deref(),
            Some("/account/otp/change_password?username=plus%2Bshop%40banks.com&token=lprvj4")
        );
        let at_root = entry("/index.html", "", "#/passwordless?token=abd1g5");
        assert_eq!(
            at_root.replace_with.as_deref(),
            Some("/passwordless?token=abd1g5")
        );
    }

    #[test]
    fn the_pages_rewrite_rules_list_every_page() {
        let listed: Vec<&str> = include_str!("../deploy/_redirects")
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| line.split_whitespace().next())
            .map(|from| from.trim_start_matches("/account/otp"))
            .collect();
        assert_eq!(listed, ALL[1..]);
        // And each is one segment of lower case letters and `_`: what the nginx and Apache
        // rules rewrite.
        assert!(ALL[1..].iter().all(|page| page[1..]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_')));
    }

    #[test]
    fn pages_by_path() {
        assert_eq!(page(""), Some(START));
        assert_eq!(page("/passwordless"), Some(PASSWORDLESS));
        assert_eq!(page("/passwordless/"), None);
        assert_eq!(page("/elsewhere"), None);
    }

    #[test]
    fn index_html_is_the_start_page() {
        let opened = entry("/account/otp/index.html", "?utm=mail", "");
        assert_eq!(opened.base, "/account/otp");
        assert_eq!(
            opened.replace_with.as_deref(),
            Some("/account/otp/?utm=mail")
        );
    }
}
