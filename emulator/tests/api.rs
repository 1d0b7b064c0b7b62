//! The Commerce endpoints and test controls, driven in-process.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::json;

// ---------------------------------------------------------------- /oauth/access_token

#[tokio::test]
async fn implicit_token_is_unwrapped_and_expires_in_an_hour() {
    let h = Harness::new();
    let reply = h
        .form(&format!("grant_type=implicit&client_id={CLIENT_ID}"))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let body = reply.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["identifier"], "implicit");
    assert_eq!(body["expires_in"], 3600);
    assert!(body["access_token"].as_str().is_some_and(|t| t.len() == 40));
    let expires = body["expires"].as_i64().expect("epoch seconds");
    let now = h.emu.now_ms() / 1000;
    assert!(
        (now + 3590..=now + 3610).contains(&expires),
        "{expires} vs {now}"
    );
    assert!(body.get("data").is_none());
}

#[tokio::test]
async fn token_request_errors() {
    let h = Harness::new();
    h.form("grant_type=implicit&client_id=nobody")
        .await
        .assert_error(401);
    h.form(&format!("grant_type=password&client_id={CLIENT_ID}"))
        .await
        .assert_error(400);
    h.form(&format!("client_id={CLIENT_ID}"))
        .await
        .assert_error(400);
    h.form("grant_type=implicit").await.assert_error(400);
    // Form fields sent as JSON: the doc's curl mistake (docs/commerce-api.md §1).
    let json_body = json!({"grant_type": "implicit", "client_id": CLIENT_ID});
    h.call(Method::POST, "/oauth/access_token", None, Some(json_body))
        .await
        .assert_error(400);
}

#[tokio::test]
async fn client_credentials_needs_the_configured_secret() {
    let h = Harness::new();
    let reply = h
        .form(&format!(
            "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
        ))
        .await;
    assert_eq!(reply.json()["identifier"], "client_credentials");
    h.form(&format!(
        "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret=wrong"
    ))
    .await
    .assert_error(401);
    h.form(&format!(
        "grant_type=client_credentials&client_id={CLIENT_ID}"
    ))
    .await
    .assert_error(401);

    let no_secret = commerce_emulator::Emulator::new(
        commerce_emulator::Seed::demo(),
        commerce_emulator::Config {
            client_secret: None,
            ..Default::default()
        },
    )
    .expect("seed");
    let h2 = Harness {
        router: commerce_emulator::api_router(no_secret.clone()),
        emu: no_secret,
    };
    h2.form(&format!(
        "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret="
    ))
    .await
    .assert_error(401);
}

#[tokio::test]
async fn v2_calls_need_a_valid_unexpired_bearer() {
    let h = Harness::new();
    let path = format!("/v2/authentication-realms/{REALM}/password-profiles");
    let missing = h
        .call(Method::GET, &path, None, None)
        .await
        .assert_error(401);
    assert_eq!(
        missing["errors"][0]["title"],
        "Unable to validate access token"
    );
    h.call(Method::GET, &path, Some("0123456789abcdef"), None)
        .await
        .assert_error(401);

    let token = h.implicit().await;
    assert_eq!(
        h.call(Method::GET, &path, Some(&token), None).await.status,
        StatusCode::OK
    );
    h.control(
        Method::POST,
        "/__emulator/clock",
        Some(json!({"advance_secs": 3601})),
    )
    .await;
    let expired = h
        .call(Method::GET, &path, Some(&token), None)
        .await
        .assert_error(401);
    assert_eq!(
        expired["errors"][0]["title"],
        "Unable to validate access token"
    );
}

// ---------------------------------------------------------------- settings and profiles

#[tokio::test]
async fn settings_are_for_client_credentials_only() {
    let h = Harness::new();
    let implicit = h.implicit().await;
    h.call(
        Method::GET,
        "/v2/settings/account-authentication",
        Some(&implicit),
        None,
    )
    .await
    .assert_error(403);

    let cc = h.client_credentials().await;
    let reply = h
        .call(
            Method::GET,
            "/v2/settings/account-authentication",
            Some(&cc),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let data = &reply.json()["data"];
    assert_eq!(data["type"], "account_authentication_settings");
    assert_eq!(data["account_member_self_management"], "update_only");
    assert_eq!(data["enable_self_signup"], false);
    assert_eq!(data["auto_create_account_for_account_members"], true);
    assert_eq!(
        data["account_management_authentication_token_timeout_secs"],
        86400
    );
    assert_eq!(
        data["relationships"]["authentication_realm"]["data"]["id"],
        REALM
    );
    assert_eq!(
        data["relationships"]["authentication_realm"]["data"]["type"],
        "authentication_realm"
    );
}

#[tokio::test]
async fn password_profiles_list_and_get() {
    let h = Harness::new();
    let token = h.implicit().await;
    let list = h
        .call(
            Method::GET,
            &format!("/v2/authentication-realms/{REALM}/password-profiles"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let body = list.json();
    assert_eq!(body["data"].as_array().map(Vec::len), Some(2));
    assert_eq!(body["data"][0]["id"], PROFILE);
    assert_eq!(body["data"][0]["type"], "password_profile");
    assert_eq!(body["data"][0]["username_format"], "email");
    assert_eq!(body["data"][0]["enable_one_time_password_token"], true);
    assert_eq!(body["meta"]["results"]["total"], 2);
    assert_eq!(body["links"]["next"], json!(null));

    let one = h
        .call(
            Method::GET,
            &format!("/v2/authentication-realms/{REALM}/password-profiles/{LEGACY_PROFILE}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(one.json()["data"]["name"], "Legacy passwords");
    assert!(one.json()["links"]["self"]
        .as_str()
        .is_some_and(|s| s.starts_with("http://127.0.0.1:4010/v2/")));

    h.call(
        Method::GET,
        &format!("/v2/authentication-realms/{REALM}/password-profiles/nope"),
        Some(&token),
        None,
    )
    .await
    .assert_error(404);
    h.call(
        Method::GET,
        "/v2/authentication-realms/nope/password-profiles",
        Some(&token),
        None,
    )
    .await
    .assert_error(404);
}

// ---------------------------------------------------------------- one-time password token request

#[tokio::test]
async fn code_request_is_202_empty_and_records_the_event() {
    let h = Harness::new();
    let token = h.implicit().await;
    let reply = h.request_code(&token, JOHN_EMAIL, "reset_password").await;
    assert_eq!(reply.status, StatusCode::ACCEPTED);
    assert!(reply.bytes.is_empty());

    let outbox = h.outbox().await;
    assert_eq!(outbox.len(), 1);
    let mail = &outbox[0];
    assert_eq!(mail["to"], JOHN_EMAIL);
    assert_eq!(mail["subject"], "Reset your password");
    assert!(mail["sent_at"].as_str().is_some_and(|s| s.ends_with('Z')));
    let event = &mail["event"];
    let code = event["payload"]["one_time_password_token"]
        .as_str()
        .expect("code")
        .to_owned();
    assert_eq!(code.len(), 6);
    assert!(code
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));

    // Every key of docs/commerce-api.md §7.1, and no others.
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(event),
        [
            "configuration",
            "id",
            "integration",
            "payload",
            "store_id",
            "triggered_by"
        ]
    );
    assert_eq!(
        keys(&event["integration"]),
        ["description", "id", "integration_type", "name"]
    );
    assert_eq!(
        keys(&event["payload"]),
        [
            "authentication_realm_id",
            "created_at",
            "one_time_password_token",
            "password_profile_id",
            "purpose",
            "updated_at",
            "user_authentication_info",
            "user_authentication_password_profile_info"
        ]
    );
    assert_eq!(keys(&event["configuration"]), ["secret_key", "url"]);
    assert_eq!(
        event["configuration"]["url"],
        "http://127.0.0.1:4010/__emulator/outbox"
    );
    assert_eq!(event["store_id"], STORE);
    assert_eq!(
        event["triggered_by"],
        "one-time-password-token-request.created"
    );
    assert_eq!(event["integration"]["integration_type"], "webhook");
    let payload = &event["payload"];
    assert_eq!(payload["authentication_realm_id"], REALM);
    assert_eq!(payload["password_profile_id"], PROFILE);
    assert_eq!(payload["purpose"], "reset_password");
    assert!(payload["created_at"]
        .as_str()
        .is_some_and(|s| s.ends_with("+00:00") && s.len() == 29));
    assert_eq!(
        payload["user_authentication_info"],
        json!({"id": JOHN, "name": "John Doe", "email": JOHN_EMAIL})
    );
    assert_eq!(
        payload["user_authentication_password_profile_info"],
        json!({"id": JOHN_INFO, "password_profile_id": PROFILE, "username": JOHN_EMAIL})
    );
    assert_eq!(
        mail["link"],
        format!(
            "http://127.0.0.1:9999/change_password?username=john.doe%40banks.com&token={code}&password_profile_id={PROFILE}\
             &user_authentication_password_profile_info_id={JOHN_INFO}&authentication_realm_id={REALM}"
        )
    );
}

#[tokio::test]
async fn passwordless_code_mail_links_to_the_sign_in_page() {
    let h = Harness::new();
    let token = h.implicit().await;
    assert_eq!(
        h.request_code(&token, JANE_EMAIL, "passwordless_authentication")
            .await
            .status,
        StatusCode::ACCEPTED
    );
    let mail = &h.outbox().await[0];
    assert_eq!(
        mail["event"]["payload"]["purpose"],
        "passwordless_authentication"
    );
    let link = mail["link"].as_str().expect("link");
    assert!(
        link.starts_with(
            "http://127.0.0.1:9999/passwordless?username=jane.smith%40example.com&token="
        ),
        "{link}"
    );
    assert!(
        link.ends_with(&format!(
            "&password_profile_id={PROFILE}&authentication_realm_id={REALM}"
        )),
        "{link}"
    );
}

#[tokio::test]
async fn unknown_username_is_202_without_an_event() {
    let h = Harness::new();
    let token = h.implicit().await;
    let reply = h
        .request_code(&token, "nobody@example.com", "reset_password")
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED);
    assert!(reply.bytes.is_empty());
    assert!(h.outbox().await.is_empty());
}

#[tokio::test]
async fn code_request_validation() {
    let h = Harness::new();
    let token = h.implicit().await;
    let path = format!("/v2/authentication-realms/{REALM}/password-profiles/{PROFILE}/one-time-password-token-request");
    let post = |body: serde_json::Value| h.call(Method::POST, &path, Some(&token), Some(body));

    // The hyphenated type of the 2025 spec is refused (docs/commerce-api.md §11 #3).
    post(json!({"data": {"type": "one-time-password-token-request", "username": JOHN_EMAIL, "purpose": "reset_password"}}))
        .await
        .assert_error(400);
    post(json!({"data": {"username": JOHN_EMAIL, "purpose": "reset_password"}}))
        .await
        .assert_error(400);
    // The guide's misspelling.
    post(json!({"data": {"type": "one_time_password_token_request", "username": JOHN_EMAIL, "purpose": "passwordless_authenication"}}))
        .await
        .assert_error(400);
    post(json!({"data": {"type": "one_time_password_token_request", "purpose": "reset_password"}}))
        .await
        .assert_error(400);
    // Not wrapped in data (docs/commerce-api.md §11 #16).
    post(json!({"type": "one_time_password_token_request", "username": JOHN_EMAIL, "purpose": "reset_password"}))
        .await
        .assert_error(400);

    let malformed = axum::http::Request::post(&path)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(axum::body::Body::from("{\"data\": {\"type\": \"x\",}}"))
        .expect("request");
    h.send(malformed).await.assert_error(400);
    assert!(h.outbox().await.is_empty());
}

#[tokio::test]
async fn code_request_profile_errors() {
    let h = Harness::new();
    let token = h.implicit().await;
    h.request_code_in(&token, LEGACY_PROFILE, JOHN_EMAIL, "reset_password")
        .await
        .assert_error(422);
    h.request_code_in(
        &token,
        "00000000-0000-4000-8000-000000000000",
        JOHN_EMAIL,
        "reset_password",
    )
    .await
    .assert_error(404);
    let wrong_realm = format!("/v2/authentication-realms/nope/password-profiles/{PROFILE}/one-time-password-token-request");
    let body = json!({"data": {"type": "one_time_password_token_request", "username": JOHN_EMAIL, "purpose": "reset_password"}});
    h.call(Method::POST, &wrong_realm, Some(&token), Some(body))
        .await
        .assert_error(404);
}

// ---------------------------------------------------------------- POST /v2/account-members/tokens

#[tokio::test]
async fn passwordless_exchange_for_john_gives_one_account_token() {
    let h = Harness::new();
    let token = h.implicit().await;
    h.request_code(&token, JOHN_EMAIL, "passwordless_authentication")
        .await;
    let code = h.last_code().await;
    let reply = h.passwordless(&token, JOHN_EMAIL, &code).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    let body = reply.json();
    assert_eq!(body["meta"]["account_member_id"], JOHN);
    assert_eq!(body["meta"]["results"]["total"], 1);
    assert_eq!(
        body["meta"]["page"],
        json!({"limit": 20, "offset": 0, "current": 1, "total": 1})
    );
    assert_eq!(body["links"]["next"], json!(null));
    assert_eq!(body["links"]["prev"], json!(null));
    assert!(body["links"]["current"]
        .as_str()
        .is_some_and(|s| s.contains("/v2/account-members/tokens?page[offset]=0")));
    let entry = &body["data"][0];
    assert_eq!(entry["type"], "account_management_authentication_token");
    assert_eq!(entry["account_id"], JOHN_ACCOUNT);
    assert_eq!(entry["account_name"], "Personal Account");
    let expires = entry["expires"].as_str().expect("expires");
    assert_eq!(expires.len(), 24, "{expires}");
    assert!(
        expires.ends_with('Z') && expires.as_bytes()[19] == b'.',
        "{expires}"
    );

    let claims = jwt_claims(entry["token"].as_str().expect("token"));
    assert_eq!(claims["sub"], JOHN);
    assert_eq!(claims["scope"], JOHN_ACCOUNT);
    assert_eq!(claims["realm_id"], REALM);
    assert_eq!(claims["store_id"], STORE);
    assert_eq!(claims["account_member_self_management"], "update_only");
    assert_eq!(claims["ancestors"], "");
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        86400
    );
}

#[tokio::test]
async fn passwordless_exchange_for_jane_gives_two_account_tokens() {
    let h = Harness::new();
    let token = h.implicit().await;
    h.request_code(&token, JANE_EMAIL, "passwordless_authentication")
        .await;
    let code = h.last_code().await;
    let body = h.passwordless(&token, JANE_EMAIL, &code).await.json();
    assert_eq!(body["meta"]["account_member_id"], JANE);
    let names: Vec<&str> = body["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|d| d["account_name"].as_str())
        .collect();
    assert_eq!(names, ["Personal Account", "Banks Garden Supplies"]);
    assert_eq!(body["meta"]["results"]["total"], 2);
    let scopes: Vec<String> = body["data"]
        .as_array()
        .expect("data")
        .iter()
        .map(|d| jwt_claims(d["token"].as_str().unwrap())["scope"].to_string())
        .collect();
    assert_ne!(scopes[0], scopes[1]);
}

#[tokio::test]
async fn codes_are_single_use_replaced_by_new_ones_and_expire() {
    let h = Harness::new();
    let token = h.implicit().await;

    h.request_code(&token, JOHN_EMAIL, "passwordless_authentication")
        .await;
    let code = h.last_code().await;
    assert_eq!(
        h.passwordless(&token, JOHN_EMAIL, &code).await.status,
        StatusCode::CREATED
    );
    let reuse = h
        .passwordless(&token, JOHN_EMAIL, &code)
        .await
        .assert_error(401);
    assert_eq!(reuse["errors"][0]["title"], "Unauthorized");

    h.request_code(&token, JOHN_EMAIL, "passwordless_authentication")
        .await;
    let old = h.last_code().await;
    h.control(
        Method::POST,
        "/__emulator/next-codes",
        Some(json!({"codes": ["second"]})),
    )
    .await;
    h.request_code(&token, JOHN_EMAIL, "passwordless_authentication")
        .await;
    let wrong = h
        .passwordless(&token, JOHN_EMAIL, &old)
        .await
        .assert_error(401);
    assert_eq!(wrong, reuse, "same body whatever the cause");
    // A wrong guess did not spend the live code.
    assert_eq!(
        h.passwordless(&token, JOHN_EMAIL, "second").await.status,
        StatusCode::CREATED
    );

    h.request_code(&token, JOHN_EMAIL, "passwordless_authentication")
        .await;
    let code = h.last_code().await;
    h.control(
        Method::POST,
        "/__emulator/clock",
        Some(json!({"advance_secs": 601})),
    )
    .await;
    assert_eq!(
        h.passwordless(&token, JOHN_EMAIL, &code)
            .await
            .assert_error(401),
        reuse
    );

    // Unknown users get the same answer.
    assert_eq!(
        h.passwordless(&token, "nobody@example.com", "abc123")
            .await
            .assert_error(401),
        reuse
    );
}

#[tokio::test]
async fn codes_match_exactly_but_email_usernames_ignore_case() {
    let h = Harness::new();
    let token = h.implicit().await;
    h.control(
        Method::POST,
        "/__emulator/next-codes",
        Some(json!({"codes": ["abc123"]})),
    )
    .await;
    assert_eq!(
        h.request_code(&token, "John.Doe@Banks.com", "reset_password")
            .await
            .status,
        StatusCode::ACCEPTED
    );
    assert_eq!(
        h.outbox().await.len(),
        1,
        "case-insensitive match in an email profile"
    );
    h.passwordless(&token, JOHN_EMAIL, " abc123")
        .await
        .assert_error(401);
    h.passwordless(&token, JOHN_EMAIL, "ABC123")
        .await
        .assert_error(401);
    assert_eq!(
        h.passwordless(&token, "JOHN.DOE@banks.com", "abc123")
            .await
            .status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn token_request_validation() {
    let h = Harness::new();
    let token = h.implicit().await;
    let base = || {
        json!({
            "type": "account_management_authentication_token",
            "authentication_mechanism": "passwordless",
            "password_profile_id": PROFILE,
            "username": JOHN_EMAIL,
            "one_time_password_token": "abc123",
        })
    };
    for field in [
        "password_profile_id",
        "username",
        "one_time_password_token",
        "authentication_mechanism",
        "type",
    ] {
        let mut data = base();
        data.as_object_mut().unwrap().remove(field);
        h.tokens(&token, data).await.assert_error(400);
    }
    let mut data = base();
    data["authentication_mechanism"] = json!("oidc");
    h.tokens(&token, data).await.assert_error(400);
    let mut data = base();
    data["type"] = json!("token");
    h.tokens(&token, data).await.assert_error(400);
    h.call(
        Method::POST,
        "/v2/account-members/tokens",
        None,
        Some(json!({"data": base()})),
    )
    .await
    .assert_error(401);
}

#[tokio::test]
async fn password_mechanism_and_token_refresh() {
    let h = Harness::new();
    let token = h.implicit().await;
    let reply = h.password_login(&token, JOHN_EMAIL, JOHN_PASSWORD).await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert_eq!(reply.json()["meta"]["account_member_id"], JOHN);
    h.password_login(&token, JOHN_EMAIL, "password-123")
        .await
        .assert_error(401);
    h.password_login(&token, "nobody@example.com", JOHN_PASSWORD)
        .await
        .assert_error(401);

    // Refresh / switch: the account-management token itself is the credential.
    let am = reply.json()["data"][0]["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let refresh = json!({"type": "account_management_authentication_token", "authentication_mechanism": "account_management_authentication_token"});
    let refreshed = h
        .call_with(
            Method::POST,
            "/v2/account-members/tokens",
            Some(&token),
            &[("EP-Account-Management-Authentication-Token", &am)],
            Some(json!({"data": refresh})),
        )
        .await;
    assert_eq!(
        refreshed.status,
        StatusCode::CREATED,
        "{}",
        refreshed.text()
    );
    assert_eq!(refreshed.json()["meta"]["account_member_id"], JOHN);
    h.tokens(&token, refresh.clone()).await.assert_error(401);
    h.call_with(
        Method::POST,
        "/v2/account-members/tokens",
        Some(&token),
        &[(
            "EP-Account-Management-Authentication-Token",
            "forged.token.value",
        )],
        Some(json!({"data": refresh})),
    )
    .await
    .assert_error(401);
}

// ---------------------------------------------------------------- password profile infos

#[tokio::test]
async fn members_list_their_own_profile_infos_only() {
    let h = Harness::new();
    let token = h.implicit().await;
    let john_am = h.am_token(&token, JOHN_EMAIL, JOHN_PASSWORD).await;
    let headers = [(
        "EP-Account-Management-Authentication-Token",
        john_am.as_str(),
    )];
    let reply = h
        .call_with(Method::GET, &infos_path(JOHN), Some(&token), &headers, None)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let body = reply.json();
    assert_eq!(body["data"][0]["id"], JOHN_INFO);
    assert_eq!(
        body["data"][0]["type"],
        "user_authentication_password_profile_info"
    );
    assert_eq!(body["data"][0]["username"], JOHN_EMAIL);
    assert_eq!(body["data"][0]["password_profile_id"], PROFILE);
    assert!(body["data"][0].get("password").is_none());

    h.call_with(Method::GET, &infos_path(JANE), Some(&token), &headers, None)
        .await
        .assert_error(403);
    h.call(Method::GET, &infos_path(JOHN), Some(&token), None)
        .await
        .assert_error(403);
    let one = h
        .call_with(
            Method::GET,
            &format!("{}/{JOHN_INFO}", infos_path(JOHN)),
            Some(&token),
            &headers,
            None,
        )
        .await;
    assert_eq!(one.json()["data"]["id"], JOHN_INFO);

    let cc = h.client_credentials().await;
    assert_eq!(
        h.call(Method::GET, &infos_path(JANE), Some(&cc), None)
            .await
            .status,
        StatusCode::OK
    );
    h.call(Method::GET, &infos_path("nobody"), Some(&cc), None)
        .await
        .assert_error(404);
    let wrong_realm = infos_path(JOHN).replace(REALM, "nope");
    h.call(Method::GET, &wrong_realm, Some(&cc), None)
        .await
        .assert_error(404);
}

fn put_body(password: &str) -> serde_json::Value {
    json!({"data": {
        "type": "user_authentication_password_profile_info",
        "id": JOHN_INFO,
        "password_profile_id": PROFILE,
        "username": JOHN_EMAIL,
        "password": password,
    }})
}

#[tokio::test]
async fn reset_flow_changes_the_password() {
    let h = Harness::new();
    let token = h.implicit().await;
    h.request_code(&token, JOHN_EMAIL, "reset_password").await;
    let code = h.last_code().await;
    let login = h.passwordless(&token, JOHN_EMAIL, &code).await.json();
    let am = login["data"][0]["token"].as_str().unwrap().to_owned();
    let member = login["meta"]["account_member_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("{}/{JOHN_INFO}", infos_path(&member));
    let headers = [("EP-Account-Management-Authentication-Token", am.as_str())];

    let reply = h
        .call_with(
            Method::PUT,
            &path,
            Some(&token),
            &headers,
            Some(put_body("N3w-Passw0rd!")),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let body = reply.json();
    assert_eq!(body["data"]["id"], JOHN_INFO);
    assert_eq!(body["data"]["username"], JOHN_EMAIL);
    assert!(body["data"].get("password").is_none());
    assert!(!reply.text().contains("N3w-Passw0rd!"));

    h.password_login(&token, JOHN_EMAIL, JOHN_PASSWORD)
        .await
        .assert_error(401);
    assert_eq!(
        h.password_login(&token, JOHN_EMAIL, "N3w-Passw0rd!")
            .await
            .status,
        StatusCode::CREATED
    );

    // Only type is needed; the rest is optional.
    let minimal = json!({"data": {"type": "user_authentication_password_profile_info", "password": "Another-1"}});
    assert_eq!(
        h.call_with(Method::PUT, &path, Some(&token), &headers, Some(minimal))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        h.password_login(&token, JOHN_EMAIL, "Another-1")
            .await
            .status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn password_update_refusals() {
    let h = Harness::new();
    let token = h.implicit().await;
    let john_am = h.am_token(&token, JOHN_EMAIL, JOHN_PASSWORD).await;
    let jane_am = h.am_token(&token, JANE_EMAIL, "Garden-Path-7").await;
    let path = format!("{}/{JOHN_INFO}", infos_path(JOHN));
    let john = [(
        "EP-Account-Management-Authentication-Token",
        john_am.as_str(),
    )];
    let jane = [(
        "EP-Account-Management-Authentication-Token",
        jane_am.as_str(),
    )];

    let short = h
        .call_with(
            Method::PUT,
            &path,
            Some(&token),
            &john,
            Some(put_body("short1!")),
        )
        .await
        .assert_error(400);
    assert!(
        short["errors"][0]["detail"]
            .as_str()
            .is_some_and(|d| d.contains("8 characters")),
        "{short}"
    );
    h.call_with(
        Method::PUT,
        &path,
        Some(&token),
        &jane,
        Some(put_body("Long-enough-1")),
    )
    .await
    .assert_error(403);
    // Missing header with an implicit bearer: 403 (valid bearer, no permission).
    h.call(
        Method::PUT,
        &path,
        Some(&token),
        Some(put_body("Long-enough-1")),
    )
    .await
    .assert_error(403);
    let forged = [("EP-Account-Management-Authentication-Token", "a.b.c")];
    h.call_with(
        Method::PUT,
        &path,
        Some(&token),
        &forged,
        Some(put_body("Long-enough-1")),
    )
    .await
    .assert_error(401);

    let mut wrong_type = put_body("Long-enough-1");
    wrong_type["data"]["type"] = json!("user-authentication-password-profile-info");
    h.call_with(Method::PUT, &path, Some(&token), &john, Some(wrong_type))
        .await
        .assert_error(400);
    let mut wrong_id = put_body("Long-enough-1");
    wrong_id["data"]["id"] = json!(JANE_INFO);
    h.call_with(Method::PUT, &path, Some(&token), &john, Some(wrong_id))
        .await
        .assert_error(400);
    h.call_with(
        Method::PUT,
        &format!("{}/nope", infos_path(JOHN)),
        Some(&token),
        &john,
        Some(put_body("Long-enough-1")),
    )
    .await
    .assert_error(404);

    h.control(
        Method::POST,
        "/__emulator/settings",
        Some(json!({"account_member_self_management": "disabled"})),
    )
    .await;
    h.call_with(
        Method::PUT,
        &path,
        Some(&token),
        &john,
        Some(put_body("Long-enough-1")),
    )
    .await
    .assert_error(403);

    // Nothing changed the password.
    assert_eq!(
        h.password_login(&token, JOHN_EMAIL, JOHN_PASSWORD)
            .await
            .status,
        StatusCode::CREATED
    );

    // An expired account-management token is 401.
    h.control(
        Method::POST,
        "/__emulator/settings",
        Some(json!({"account_member_self_management": "update_only"})),
    )
    .await;
    h.control(
        Method::POST,
        "/__emulator/clock",
        Some(json!({"advance_secs": 86_401})),
    )
    .await;
    let fresh_bearer = h.implicit().await;
    h.call_with(
        Method::PUT,
        &path,
        Some(&fresh_bearer),
        &john,
        Some(put_body("Long-enough-1")),
    )
    .await
    .assert_error(401);

    // client_credentials needs no member token.
    let cc = h.client_credentials().await;
    assert_eq!(
        h.call(
            Method::PUT,
            &path,
            Some(&cc),
            Some(put_body("Long-enough-1"))
        )
        .await
        .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn account_member_is_readable_by_itself() {
    let h = Harness::new();
    let token = h.implicit().await;
    let jane_am = h.am_token(&token, JANE_EMAIL, "Garden-Path-7").await;
    let headers = [(
        "EP-Account-Management-Authentication-Token",
        jane_am.as_str(),
    )];
    let reply = h
        .call_with(
            Method::GET,
            &format!("/v2/account-members/{JANE}"),
            Some(&token),
            &headers,
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let data = &reply.json()["data"];
    assert_eq!(
        (data["type"].as_str(), data["id"].as_str()),
        (Some("account_member"), Some(JANE))
    );
    assert_eq!(
        (data["name"].as_str(), data["email"].as_str()),
        (Some("Jane Smith"), Some(JANE_EMAIL))
    );
    h.call_with(
        Method::GET,
        &format!("/v2/account-members/{JOHN}"),
        Some(&token),
        &headers,
        None,
    )
    .await
    .assert_error(403);
    h.call(
        Method::GET,
        &format!("/v2/account-members/{JANE}"),
        Some(&token),
        None,
    )
    .await
    .assert_error(403);
    let cc = h.client_credentials().await;
    h.call(Method::GET, "/v2/account-members/nobody", Some(&cc), None)
        .await
        .assert_error(404);
}

// ---------------------------------------------------------------- controls, CORS, routing

#[tokio::test]
async fn next_codes_make_the_guides_link_work() {
    let h = Harness::new();
    let token = h.implicit().await;
    h.control(
        Method::POST,
        "/__emulator/next-codes",
        Some(json!({"codes": ["lprvj4", "abd1g5"]})),
    )
    .await;
    h.request_code(&token, JOHN_EMAIL, "reset_password").await;
    h.request_code(&token, JANE_EMAIL, "reset_password").await;
    let outbox = h.outbox().await;
    assert!(outbox[0]["link"]
        .as_str()
        .unwrap()
        .contains("?username=john.doe%40banks.com&token=lprvj4&"));
    assert_eq!(
        outbox[1]["event"]["payload"]["one_time_password_token"],
        "abd1g5"
    );
    assert_eq!(
        h.passwordless(&token, JOHN_EMAIL, "lprvj4").await.status,
        StatusCode::CREATED
    );
    h.control(
        Method::POST,
        "/__emulator/next-codes",
        Some(json!({"codes": [""]})),
    )
    .await
    .assert_error(400);
}

#[tokio::test]
async fn faults_answer_before_auth_and_run_out() {
    let h = Harness::new();
    let token = h.implicit().await;
    let fault = json!({"method": "POST", "path_prefix": "/v2/account-members/tokens", "status": 503, "times": 1});
    assert_eq!(
        h.control(Method::POST, "/__emulator/faults", Some(fault))
            .await
            .status,
        StatusCode::OK
    );
    // No bearer at all: the fault still answers first.
    h.call(
        Method::POST,
        "/v2/account-members/tokens",
        None,
        Some(json!({})),
    )
    .await
    .assert_error(503);
    h.call(
        Method::POST,
        "/v2/account-members/tokens",
        None,
        Some(json!({})),
    )
    .await
    .assert_error(401);

    let fault = json!({"path_prefix": "/v2/authentication-realms", "status": 429, "times": 5, "title": "Too many"});
    h.control(Method::POST, "/__emulator/faults", Some(fault))
        .await;
    let limited = h
        .request_code(&token, JOHN_EMAIL, "reset_password")
        .await
        .assert_error(429);
    assert_eq!(limited["errors"][0]["title"], "Too many");
    // Controls are never faulted, and DELETE clears the rest.
    assert_eq!(
        h.control(Method::DELETE, "/__emulator/faults", None)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        h.request_code(&token, JOHN_EMAIL, "reset_password")
            .await
            .status,
        StatusCode::ACCEPTED
    );

    // Method filter, and a delay-only fault lets the request through.
    let get_only = json!({"method": "GET", "path_prefix": "/v2/", "status": 500});
    h.control(Method::POST, "/__emulator/faults", Some(get_only))
        .await;
    assert_eq!(
        h.request_code(&token, JOHN_EMAIL, "reset_password")
            .await
            .status,
        StatusCode::ACCEPTED
    );
    h.control(Method::DELETE, "/__emulator/faults", None).await;
    let delay = json!({"path_prefix": "/v2/", "delay_ms": 50});
    h.control(Method::POST, "/__emulator/faults", Some(delay))
        .await;
    let started = std::time::Instant::now();
    assert_eq!(
        h.request_code(&token, JOHN_EMAIL, "reset_password")
            .await
            .status,
        StatusCode::ACCEPTED
    );
    assert!(started.elapsed() >= std::time::Duration::from_millis(50));
    h.control(
        Method::POST,
        "/__emulator/faults",
        Some(json!({"path_prefix": "/", "status": 200})),
    )
    .await
    .assert_error(400);
}

#[tokio::test]
async fn reset_restores_the_seed() {
    let h = Harness::new();
    let token = h.implicit().await;
    let cc = h.client_credentials().await;
    let path = format!("{}/{JOHN_INFO}", infos_path(JOHN));
    h.call(
        Method::PUT,
        &path,
        Some(&cc),
        Some(put_body("Changed-pass-1")),
    )
    .await;
    h.request_code(&token, JANE_EMAIL, "passwordless_authentication")
        .await;
    let jane_code = h.last_code().await;
    h.control(
        Method::POST,
        "/__emulator/next-codes",
        Some(json!({"codes": ["queued"]})),
    )
    .await;
    h.control(
        Method::POST,
        "/__emulator/faults",
        Some(json!({"path_prefix": "/nowhere", "status": 500})),
    )
    .await;
    h.control(
        Method::POST,
        "/__emulator/clock",
        Some(json!({"advance_secs": 100})),
    )
    .await;

    assert_eq!(
        h.control(Method::POST, "/__emulator/reset", None)
            .await
            .status,
        StatusCode::OK
    );
    assert!(h.outbox().await.is_empty());
    let state = h
        .control(Method::GET, "/__emulator/state", None)
        .await
        .json();
    assert_eq!(state["clock_offset_secs"], 0);
    assert_eq!(state["faults"], json!([]));
    assert_eq!(state["queued_codes"], 0);
    assert_eq!(state["live_codes"], 0);
    // Access tokens survive a reset; passwords and codes do not.
    assert_eq!(
        h.password_login(&token, JOHN_EMAIL, JOHN_PASSWORD)
            .await
            .status,
        StatusCode::CREATED
    );
    h.passwordless(&token, JANE_EMAIL, &jane_code)
        .await
        .assert_error(401);
}

#[tokio::test]
async fn state_and_outbox_pages_never_show_passwords() {
    let h = Harness::new();
    let token = h.implicit().await;
    h.request_code(&token, JOHN_EMAIL, "reset_password").await;
    let state = h.control(Method::GET, "/__emulator/state", None).await;
    assert_eq!(state.status, StatusCode::OK);
    for secret in [JOHN_PASSWORD, "Garden-Path-7", "argon2", "password_hash"] {
        assert!(!state.text().contains(secret), "state shows {secret}");
    }
    assert_eq!(
        state.json()["users"][1]["accounts"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    let html = h
        .control(Method::GET, "/__emulator/outbox.html", None)
        .await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html
        .header("content-type")
        .is_some_and(|c| c.starts_with("text/html")));
    let code = h.last_code().await;
    let text = html.text();
    assert!(text.contains(JOHN_EMAIL) && text.contains(&code) && text.contains("reset_password"));
    assert!(text.contains(
        "<a href=\"http://127.0.0.1:9999/change_password?username=john.doe%40banks.com&amp;token="
    ));
}

#[tokio::test]
async fn cors_preflight_allows_the_app_headers() {
    let h = Harness::new();
    let req = axum::http::Request::builder()
        .method(Method::OPTIONS)
        .uri("/v2/account-members/tokens")
        .header("origin", "http://127.0.0.1:5555")
        .header("access-control-request-method", "PUT")
        .header(
            "access-control-request-headers",
            "authorization,content-type,ep-account-management-authentication-token",
        )
        .body(axum::body::Body::empty())
        .expect("request");
    let reply = h.send(req).await;
    assert!(reply.status.is_success());
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    let methods = reply
        .header("access-control-allow-methods")
        .unwrap_or_default()
        .to_ascii_uppercase();
    for m in ["GET", "POST", "PUT", "DELETE", "OPTIONS"] {
        assert!(methods.contains(m), "{methods}");
    }
    let headers = reply
        .header("access-control-allow-headers")
        .unwrap_or_default()
        .to_ascii_lowercase();
    for name in [
        "authorization",
        "content-type",
        "ep-account-management-authentication-token",
        "accept",
    ] {
        assert!(headers.contains(name), "{headers}");
    }

    // Actual responses, errors included, carry the header too.
    let req = axum::http::Request::get("/v2/settings/account-authentication")
        .header("origin", "http://127.0.0.1:5555")
        .body(axum::body::Body::empty())
        .expect("request");
    let reply = h.send(req).await;
    reply.assert_error(401);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
}

#[tokio::test]
async fn unknown_paths_and_methods_are_json_api_errors() {
    let h = Harness::new();
    let token = h.implicit().await;
    h.call(Method::GET, "/v2/nothing-here", Some(&token), None)
        .await
        .assert_error(404);
    h.call(Method::GET, "/", None, None).await.assert_error(404);
    h.call(Method::GET, "/oauth/access_token", None, None)
        .await
        .assert_error(405);
    h.call(
        Method::DELETE,
        "/v2/account-members/tokens",
        Some(&token),
        None,
    )
    .await
    .assert_error(405);
    h.call(Method::GET, "/__emulator/reset", None, None)
        .await
        .assert_error(405);
}
