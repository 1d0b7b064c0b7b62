//! Property tests (proptest) over what reads untrusted text: the e-mail link's parser, the code
//! and username checks, and every decoder of a Commerce answer. Native only; the link parser is
//! also fuzzed (`scripts/fuzz`, `fuzz/fuzz_targets/link_params.rs`).
#![cfg(not(target_arch = "wasm32"))]

use commerce_otp::commerce::compat::{normalize_code, normalize_username};
use commerce_otp::commerce::error::{classify, parse_error_items, CommerceError, Operation};
use commerce_otp::commerce::http::{HttpResponse, StatusCode};
use commerce_otp::commerce::responses::{
    error_of, expect_success, parse_access_token, parse_account_tokens,
    parse_password_profile_infos,
};
use commerce_otp::flows::link::{without_link_params, LinkParams, KEYS};
use commerce_otp::flows::validate;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// A few hundred cases each keeps the whole file to a few seconds; failures are not written
/// beside the sources (a failing case is printed, and belongs in a unit test).
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// The e-mail link
// ---------------------------------------------------------------------------------------------

/// Strict: everything but ASCII letters and digits is encoded.
fn encode(value: &str) -> String {
    utf8_percent_encode(value, NON_ALPHANUMERIC).to_string()
}

/// Strict but for `+`, which stays literal in the query.
const ALL_BUT_PLUS: &AsciiSet = &NON_ALPHANUMERIC.remove(b'+');

/// Text a link value may hold: anything, with the query's own punctuation and non-ASCII likely.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z0-9+%&=?#@. \u{e9}\u{4e2d}\u{1F600}\u{FFFD}]{0,16}",
        "[+%]{0,4}[0-9A-Fa-f]{0,3}",
    ]
}

fn slot(link: &LinkParams, key: &str) -> Option<String> {
    match key {
        "username" => link.username.clone(),
        "token" => link.token.clone(),
        "authentication_realm_id" => link.authentication_realm_id.clone(),
        "password_profile_id" => link.password_profile_id.clone(),
        "user_authentication_password_profile_info_id" => {
            link.user_authentication_password_profile_info_id.clone()
        }
        "return_to" => link.return_to.clone(),
        other => panic!("not a link key: {other}"),
    }
}

fn no_link_keys(link: &LinkParams) -> bool {
    *link == LinkParams::default()
}

/// A key that is not the link's, as a query may carry (`utm_source`, `lang`, `x`).
fn other_key() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9_.~-]{1,12}".prop_filter("a link key", |k| !KEYS.contains(&k.as_str()))
}

/// One `key=value` (or a bare `key`) of another party, as written (already encoded).
fn other_pair() -> impl Strategy<Value = String> {
    (other_key(), proptest::option::of(value())).prop_map(|(key, value)| match value {
        Some(value) => format!("{key}={}", encode(&value)),
        None => key,
    })
}

/// A link pair, encoded strictly.
fn link_pair() -> impl Strategy<Value = String> {
    (proptest::sample::select(KEYS.to_vec()), value())
        .prop_map(|(key, value)| format!("{key}={}", encode(&value)))
}

fn query(pairs: &[String], question_mark: bool) -> String {
    format!(
        "{}{}",
        if question_mark { "?" } else { "" },
        pairs.join("&")
    )
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn link_parse_and_strip_never_panic(search in any::<String>()) {
        let _ = LinkParams::parse(&search);
        let _ = without_link_params(&search);
    }

    #[test]
    fn link_parse_never_panics_on_query_like_text(
        search in "[?&=%+a-z_0-9\u{e9}]{0,40}",
    ) {
        let _ = LinkParams::parse(&search);
        let _ = without_link_params(&search);
    }
}

proptest! {
    #![proptest_config(config(500))]

    /// Values percent-encoded once come back exactly: decoded once, never twice, `+` kept.
    #[test]
    fn link_values_round_trip(
        values in proptest::collection::vec(proptest::option::of(value()), KEYS.len()),
        others in proptest::collection::vec(other_pair(), 0..4),
        order in any::<u64>(),
        question_mark in any::<bool>(),
    ) {
        let mut pairs: Vec<String> = KEYS
            .iter()
            .zip(&values)
            .filter_map(|(key, value)| value.as_ref().map(|v| format!("{key}={}", encode(v))))
            .chain(others)
            .collect();
        // Any order of the pairs.
        let n = pairs.len();
        for i in (1..n).rev() {
            pairs.swap(i, (order.rotate_left(i as u32) as usize) % (i + 1));
        }
        let link = LinkParams::parse(&query(&pairs, question_mark));
        for (key, value) in KEYS.iter().zip(&values) {
            prop_assert_eq!(slot(&link, key), value.clone(), "key {}", key);
        }
    }

    /// A literal `+` is a `+`, not a space.
    #[test]
    fn a_literal_plus_stays_a_plus(raw in value(), key in proptest::sample::select(KEYS.to_vec())) {
        let written: String = utf8_percent_encode(&raw, ALL_BUT_PLUS).to_string();
        let link = LinkParams::parse(&format!("?{key}={written}"));
        prop_assert_eq!(slot(&link, key), Some(raw));
    }

    #[test]
    fn the_first_of_repeated_keys_wins(
        key in proptest::sample::select(KEYS.to_vec()),
        first in value(),
        later in proptest::collection::vec(value(), 1..4),
        between in proptest::collection::vec(other_pair(), 0..3),
    ) {
        let mut pairs = vec![format!("{key}={}", encode(&first))];
        for (i, v) in later.iter().enumerate() {
            if let Some(other) = between.get(i) {
                pairs.push(other.clone());
            }
            pairs.push(format!("{key}={}", encode(v)));
        }
        let link = LinkParams::parse(&query(&pairs, true));
        prop_assert_eq!(slot(&link, key), Some(first));
    }

    #[test]
    fn unknown_keys_are_ignored(
        others in proptest::collection::vec(other_pair(), 0..6),
        links in proptest::collection::vec(link_pair(), 0..4),
    ) {
        prop_assert!(no_link_keys(&LinkParams::parse(&query(&others, true))));
        let mixed: Vec<String> = links.iter().chain(&others).cloned().collect();
        prop_assert_eq!(
            LinkParams::parse(&query(&mixed, true)),
            LinkParams::parse(&query(&links, true))
        );
    }

    /// Exactly the link's pairs are removed; the others stay as written and in order.
    #[test]
    fn only_the_link_pairs_are_removed(
        pairs in proptest::collection::vec(
            prop_oneof![link_pair().prop_map(|p| (true, p)), other_pair().prop_map(|p| (false, p))],
            0..8,
        ),
        question_mark in any::<bool>(),
    ) {
        let written: Vec<String> = pairs.iter().map(|(_, p)| p.clone()).collect();
        let kept: Vec<String> = pairs.iter().filter(|(link, _)| !link).map(|(_, p)| p.clone()).collect();
        let expected = if kept.is_empty() { String::new() } else { query(&kept, true) };
        let stripped = without_link_params(&query(&written, question_mark));
        prop_assert_eq!(&stripped, &expected);
        prop_assert_eq!(without_link_params(&stripped), stripped.clone());
        prop_assert!(no_link_keys(&LinkParams::parse(&stripped)));
    }
}

proptest! {
    #![proptest_config(config(2000))]

    /// What is left of any address holds none of the link's parameters, and stripping twice
    /// changes nothing.
    #[test]
    fn stripping_any_address_leaves_no_link_keys(search in prop_oneof![
            any::<String>(),
            "[?&=a-z_]{0,24}",
            "[?&]{0,3}(token|username|x)(=[a-z]{0,3})?",
        ]) {
        let stripped = without_link_params(&search);
        prop_assert!(no_link_keys(&LinkParams::parse(&stripped)), "{:?} -> {:?}", search, stripped);
        prop_assert_eq!(without_link_params(&stripped), stripped.clone(), "{:?}", search);
    }
}

// The smallest inputs that once broke the property above (only one leading `?` is the query's):
// kept as plain tests.
#[test]
fn stripped_link_keys_cannot_come_back() {
    let stripped = without_link_params("&?token");
    assert!(no_link_keys(&LinkParams::parse(&stripped)), "{stripped:?}");
}

#[test]
fn stripping_is_idempotent() {
    let once = without_link_params("&?a");
    assert_eq!(without_link_params(&once), once);
}

// ---------------------------------------------------------------------------------------------
// Codes and usernames
// ---------------------------------------------------------------------------------------------

/// What copying, pasting and dictating put between a code's characters.
const SEPARATORS: &[char] = &[
    ' ', '\t', '\n', '\u{00A0}', '\u{2009}', '\u{3000}', '-', '\u{00AD}', '\u{2010}', '\u{2011}',
    '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}', '\u{200B}', '\u{200C}', '\u{200D}',
    '\u{2060}', '\u{FEFF}',
];

/// What a sentence puts around it.
const WRAPPERS: &[char] = &[
    '"', '\'', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{00AB}', '\u{00BB}', '.', ',',
    ':', ';', '(', ')', '[', ']', '\u{3002}', '\u{300C}', '\u{300D}',
];

fn separators(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(SEPARATORS), 0..=max)
        .prop_map(|cs| cs.into_iter().collect())
}

fn surroundings() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select([SEPARATORS, WRAPPERS].concat()),
        0..5,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

/// Text near a code: letters and digits (ASCII and full-width), separators, wrappers, junk.
fn near_code() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9\u{FF10}-\u{FF19}\u{FF21}-\u{FF3A}\u{FF41}-\u{FF5A} .,'\"()\u{2010}-\u{2015}\u{2212}\u{200B}\u{FEFF}*!]{0,12}",
    ]
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn code_checks_never_panic_and_normalising_is_idempotent(raw in near_code()) {
        let once = normalize_code(&raw);
        prop_assert_eq!(normalize_code(&once), once.clone());
        if let Ok(code) = validate::code(&raw) {
            prop_assert_eq!(code.len(), 6);
            prop_assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
                "{:?}",
                code
            );
            prop_assert_eq!(validate::code(&code), Ok(code.clone()));
        }
    }

    /// A code survives any mix of spaces, dashes and invisible characters inside and around
    /// it, quotes and a full stop around it, and any case.
    #[test]
    fn a_decorated_code_normalises_back(
        code in "[a-z0-9]{6}",
        upper in proptest::collection::vec(any::<bool>(), 6),
        inside in proptest::collection::vec(separators(3), 5),
        before in surroundings(),
        after in surroundings(),
    ) {
        let mut typed = before.clone();
        for (i, c) in code.chars().enumerate() {
            typed.push(if upper[i] { c.to_ascii_uppercase() } else { c });
            if let Some(gap) = inside.get(i) {
                typed.push_str(gap);
            }
        }
        typed.push_str(&after);
        prop_assert_eq!(normalize_code(&typed), code.clone(), "{:?}", typed);
        prop_assert_eq!(validate::code(&typed), Ok(code), "{:?}", typed);
    }
}

/// Control characters and the invisible formatting ones: bidi marks, embeddings, overrides and
/// isolates, zero-width spaces and joiners, the byte order mark.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

fn near_username() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-Z0-9@.+_\u{0130}\u{03A3}\u{00C9}\u{0000}-\u{001F}\u{007F}\u{0085}\u{061C}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FEFF}]{0,20}",
    ]
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn usernames_never_panic_and_hide_nothing(raw in near_username()) {
        let _ = normalize_username(&raw);
        if let Ok(username) = validate::username(&raw) {
            prop_assert!(!username.is_empty());
            prop_assert!(!username.chars().any(is_hidden), "{:?}", username);
            prop_assert_eq!(validate::username(&username), Ok(username.clone()));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Commerce's answers
// ---------------------------------------------------------------------------------------------

const OPERATIONS: [Operation; 6] = [
    Operation::ImplicitToken,
    Operation::RequestCode,
    Operation::ExchangeCode,
    Operation::PasswordSignIn,
    Operation::ListPasswordProfileInfos,
    Operation::UpdatePassword,
];

/// The names the decoders look for, so that generated JSON often has their shape.
const FIELDS: &[&str] = &[
    "data",
    "meta",
    "errors",
    "access_token",
    "expires",
    "expires_in",
    "account_member_id",
    "account_id",
    "account_name",
    "token",
    "id",
    "password_profile_id",
    "status",
    "title",
    "detail",
];

fn json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // NaN and infinities become null
        any::<String>().prop_map(Value::String),
        "[a-z0-9.:-]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            3 => proptest::sample::select(FIELDS).prop_map(str::to_owned),
            1 => any::<String>(),
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn body() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        json().prop_map(|v| v.to_string()),
        Just(String::new()),
        Just("<html>Bad gateway</html>".to_owned()),
    ]
}

fn response(status: u16, body: String, retry_after_secs: Option<u32>) -> HttpResponse {
    HttpResponse {
        status: StatusCode::from_u16(status).expect("100..=599 is a status"),
        body,
        retry_after_secs,
    }
}

/// Runs every decoder on `response`, returning nothing: only panics matter here.
fn decode_all(response: &HttpResponse) {
    let _ = parse_access_token(response);
    let _ = parse_password_profile_infos(response);
    let _ = parse_error_items(&response.body);
    for op in OPERATIONS {
        let _ = parse_account_tokens(op, response);
        let _ = expect_success(op, response);
        let _ = error_of(op, response);
        let _ = classify(op, response.status, &response.body);
    }
}

proptest! {
    #![proptest_config(config(500))]

    /// Any status, any body: no decoder panics, and a non-2xx answer is never read as a
    /// success or as an unreadable one.
    #[test]
    fn decoders_never_panic(
        status in 100u16..=599,
        body in body(),
        retry_after in proptest::option::of(any::<u32>()),
    ) {
        let response = response(status, body, retry_after);
        decode_all(&response);
        let success = (200..300).contains(&status);
        for op in OPERATIONS {
            prop_assert_eq!(expect_success(op, &response).is_ok(), success);
            if !success {
                let error = error_of(op, &response);
                prop_assert!(!matches!(error, CommerceError::Decode(_) | CommerceError::NoAccounts));
                prop_assert_eq!(parse_account_tokens(op, &response), Err(error));
            }
        }
    }

    /// A 2xx answer with any JSON is read, or refused as unreadable (`Decode`); the tokens
    /// answer may also say the member has no account.
    #[test]
    fn a_success_with_any_json_is_read_or_refused(
        status in 200u16..=299,
        value in json(),
        wrap in 0..3u8,
    ) {
        let value = match wrap {
            0 => value,
            1 => serde_json::json!({ "data": value }),
            _ => serde_json::json!({ "data": value, "meta": { "account_member_id": "m" } }),
        };
        let response = response(status, value.to_string(), None);
        decode_all(&response);
        prop_assert!(matches!(parse_access_token(&response), Ok(_) | Err(CommerceError::Decode(_))));
        prop_assert!(matches!(
            parse_password_profile_infos(&response),
            Ok(_) | Err(CommerceError::Decode(_))
        ));
        for op in OPERATIONS {
            prop_assert!(matches!(
                parse_account_tokens(op, &response),
                Ok(_) | Err(CommerceError::Decode(_) | CommerceError::NoAccounts)
            ));
        }
    }

    /// `429` is always the rate limit (with the answer's `Retry-After`), `5xx` always the
    /// server's, whatever the call and the body.
    #[test]
    fn rate_limits_and_server_errors_win(
        server in 500u16..=599,
        body in body(),
        retry_after in proptest::option::of(any::<u32>()),
    ) {
        for op in OPERATIONS {
            let limited = response(429, body.clone(), retry_after);
            prop_assert_eq!(
                classify(op, limited.status, &body),
                CommerceError::RateLimited { retry_after_secs: None }
            );
            prop_assert_eq!(
                error_of(op, &limited),
                CommerceError::RateLimited { retry_after_secs: retry_after }
            );
            let failed = response(server, body.clone(), retry_after);
            let expected = CommerceError::Server { status: failed.status };
            prop_assert_eq!(classify(op, failed.status, &body), expected.clone());
            prop_assert_eq!(error_of(op, &failed), expected);
        }
    }
}
