//! The store administration calls (client_credentials only): settings, the realm,
//! password profiles, user authentication infos, their password profile infos and
//! integrations, and the account auto-created for a new member at first sign-in.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};

const SETTINGS: &str = "/v2/settings/account-authentication";

fn profiles_path() -> String {
    format!("/v2/authentication-realms/{REALM}/password-profiles")
}

fn users_path() -> String {
    format!("/v2/authentication-realms/{REALM}/user-authentication-info")
}

fn profile_body(name: &str, otp: bool) -> Value {
    json!({"data": {"type": "password_profile", "name": name, "username_format": "email", "enable_one_time_password_token": otp}})
}

fn user_body(name: &str, email: &str) -> Value {
    json!({"data": {"type": "user_authentication_info", "name": name, "email": email}})
}

fn info_body(username: &str, password: &str, profile: &str) -> Value {
    json!({"data": {
        "type": "user_authentication_password_profile_info",
        "username": username,
        "password": password,
        "password_profile_id": profile,
    }})
}

fn integration_body(url: &str) -> Value {
    json!({"data": {
        "type": "integration",
        "name": "One Time Password notification",
        "description": "Send one time password notification",
        "enabled": true,
        "integration_type": "webhook",
        "observes": ["one-time-password-token-request.created"],
        "configuration": {"url": url, "secret_key": "hook-secret"},
    }})
}

/// Every administrative call, with a body where it takes one.
fn admin_calls() -> Vec<(Method, String, Option<Value>)> {
    let profile = format!("{}/{PROFILE}", profiles_path());
    let user = format!("{}/{JOHN}", users_path());
    vec![
        (
            Method::PUT,
            SETTINGS.into(),
            Some(
                json!({"data": {"type": "account_authentication_settings", "enable_self_signup": true}}),
            ),
        ),
        (
            Method::POST,
            profiles_path(),
            Some(profile_body("New", true)),
        ),
        (Method::PUT, profile, Some(profile_body("Renamed", true))),
        (Method::GET, users_path(), None),
        (
            Method::POST,
            users_path(),
            Some(user_body("Ann", "ann@example.com")),
        ),
        (Method::GET, user, None),
        (
            Method::POST,
            infos_path(JOHN),
            Some(info_body("john.legacy", "Password-123", LEGACY_PROFILE)),
        ),
        (Method::GET, "/v2/integrations".into(), None),
        (
            Method::POST,
            "/v2/integrations".into(),
            Some(integration_body("https://example.com/hook")),
        ),
        (Method::GET, "/v2/integrations/any-id".into(), None),
        (
            Method::PUT,
            "/v2/integrations/any-id".into(),
            Some(json!({"data": {"type": "integration", "enabled": false}})),
        ),
        (Method::DELETE, "/v2/integrations/any-id".into(), None),
    ]
}

#[tokio::test]
async fn implicit_tokens_are_refused_by_every_administrative_call() {
    let h = Harness::new();
    let implicit = h.implicit().await;
    let am_token = h.am_token(&implicit, JOHN_EMAIL, JOHN_PASSWORD).await;
    let before = h
        .control(Method::GET, "/__emulator/state", None)
        .await
        .json();
    for (method, path, body) in admin_calls() {
        let reply = h
            .call(method.clone(), &path, Some(&implicit), body.clone())
            .await;
        let error = reply.assert_error(403);
        assert!(
            error["errors"][0]["detail"]
                .as_str()
                .is_some_and(|d| d.starts_with("An implicit token may not")),
            "{method} {path}: {error}"
        );
        // The member's own account-management token does not make it an administrator.
        h.call_with(
            method.clone(),
            &path,
            Some(&implicit),
            &[(
                "EP-Account-Management-Authentication-Token",
                am_token.as_str(),
            )],
            body.clone(),
        )
        .await
        .assert_error(403);
        // No bearer, or an unknown one, stays 401.
        h.call(method.clone(), &path, None, body.clone())
            .await
            .assert_error(401);
        h.call(method.clone(), &path, Some("0123456789abcdef"), body)
            .await
            .assert_error(401);
    }
    let after = h
        .control(Method::GET, "/__emulator/state", None)
        .await
        .json();
    assert_eq!(before["settings"], after["settings"], "nothing changed");
    assert_eq!(before["password_profiles"], after["password_profiles"]);
    assert_eq!(before["users"], after["users"]);
    assert_eq!(after["integrations"], json!([]));
}

// ---------------------------------------------------------------- settings

#[tokio::test]
async fn settings_put_changes_only_what_is_sent() {
    let h = Harness::new();
    let cc = h.client_credentials().await;
    let reply = h
        .call(
            Method::PUT,
            SETTINGS,
            Some(&cc),
            Some(json!({"data": {
                "type": "account_authentication_settings",
                "account_member_self_management": "disabled",
                "enable_self_signup": true,
            }})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let data = &reply.json()["data"];
    assert_eq!(data["type"], "account_authentication_settings");
    assert_eq!(data["account_member_self_management"], "disabled");
    assert_eq!(data["enable_self_signup"], true);
    assert_eq!(data["auto_create_account_for_account_members"], true);
    assert_eq!(
        data["account_management_authentication_token_timeout_secs"],
        86400
    );
    assert_eq!(
        data["relationships"]["authentication_realm"]["data"]["id"],
        REALM
    );

    let reply = h
        .call(
            Method::PUT,
            SETTINGS,
            Some(&cc),
            Some(json!({"data": {
                "type": "account_authentication_settings",
                "account_member_self_management": "update_only",
                "auto_create_account_for_account_members": false,
                "account_management_authentication_token_timeout_secs": 600,
            }})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let got = h.call(Method::GET, SETTINGS, Some(&cc), None).await.json();
    let data = &got["data"];
    assert_eq!(data["account_member_self_management"], "update_only");
    assert_eq!(data["enable_self_signup"], true);
    assert_eq!(data["auto_create_account_for_account_members"], false);
    assert_eq!(
        data["account_management_authentication_token_timeout_secs"],
        600
    );

    // The new lifetime applies to the next account-management token.
    let implicit = h.implicit().await;
    let token = h.am_token(&implicit, JOHN_EMAIL, JOHN_PASSWORD).await;
    let claims = jwt_claims(&token);
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        600
    );
}

#[tokio::test]
async fn settings_put_validation() {
    let h = Harness::new();
    let cc = h.client_credentials().await;
    for data in [
        json!({"type": "account_authentication_settings", "account_member_self_management": "update"}),
        json!({"type": "account_authentication_settings", "enable_self_signup": "yes"}),
        json!({"type": "account_authentication_settings", "account_management_authentication_token_timeout_secs": 0}),
        json!({"type": "account_authentication_settings", "account_management_authentication_token_timeout_secs": "60"}),
        json!({"type": "settings", "enable_self_signup": true}),
        json!({"enable_self_signup": true}),
    ] {
        h.call(
            Method::PUT,
            SETTINGS,
            Some(&cc),
            Some(json!({ "data": data })),
        )
        .await
        .assert_error(400);
    }
    let settings = h.call(Method::GET, SETTINGS, Some(&cc), None).await.json();
    assert_eq!(settings["data"]["enable_self_signup"], false, "unchanged");
}

// ---------------------------------------------------------------- realm and password profiles

#[tokio::test]
async fn realm_is_readable_like_its_profiles() {
    let h = Harness::new();
    let implicit = h.implicit().await;
    let reply = h
        .call(
            Method::GET,
            &format!("/v2/authentication-realms/{REALM}"),
            Some(&implicit),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let body = reply.json();
    assert_eq!(body["data"]["id"], REALM);
    assert_eq!(body["data"]["type"], "authentication-realm");
    assert!(body["data"]["name"].is_string());
    assert_eq!(
        body["links"]["self"],
        format!("http://127.0.0.1:4010/v2/authentication-realms/{REALM}")
    );
    h.call(
        Method::GET,
        "/v2/authentication-realms/nope",
        Some(&implicit),
        None,
    )
    .await
    .assert_error(404);
    h.call(
        Method::GET,
        &format!("/v2/authentication-realms/{REALM}"),
        None,
        None,
    )
    .await
    .assert_error(401);
}

#[tokio::test]
async fn password_profiles_are_created_and_updated() {
    let h = Harness::new();
    let cc = h.client_credentials().await;
    let implicit = h.implicit().await;

    let created = h
        .call(
            Method::POST,
            &profiles_path(),
            Some(&cc),
            Some(json!({"data": {"type": "password_profile", "name": "Members"}})),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let data = created.json()["data"].clone();
    let id = data["id"].as_str().expect("id").to_owned();
    assert_eq!(data["type"], "password_profile");
    assert_eq!(data["name"], "Members");
    assert_eq!(data["username_format"], "any", "the documented default");
    assert_eq!(data["enable_one_time_password_token"], false);
    assert!(data["meta"]["created_at"].is_string());
    assert_eq!(
        created.json()["links"]["self"],
        format!("http://127.0.0.1:4010/v2/authentication-realms/{REALM}/password-profiles/{id}")
    );

    // Listed and readable (with an implicit token too, like the seeded ones).
    let list = h
        .call(Method::GET, &profiles_path(), Some(&implicit), None)
        .await
        .json();
    assert_eq!(list["meta"]["results"]["total"], 3);
    assert_eq!(list["data"][2]["id"], id.as_str());

    // OTP requests are refused until the profile enables them.
    let path = format!("{}/{id}", profiles_path());
    h.request_code_in(&implicit, &id, "someone", "reset_password")
        .await
        .assert_error(422);
    let updated = h
        .call(
            Method::PUT,
            &path,
            Some(&cc),
            Some(json!({"data": {
                "type": "password_profile",
                "id": id,
                "name": "Member passwords",
                "username_format": "email",
                "enable_one_time_password_token": true,
            }})),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.text());
    let data = &updated.json()["data"];
    assert_eq!(data["name"], "Member passwords");
    assert_eq!(data["username_format"], "email");
    assert_eq!(data["enable_one_time_password_token"], true);
    assert_eq!(
        h.request_code_in(&implicit, &id, "someone@example.com", "reset_password")
            .await
            .status,
        StatusCode::ACCEPTED
    );

    // Only what is sent changes.
    let updated = h
        .call(
            Method::PUT,
            &path,
            Some(&cc),
            Some(json!({"data": {"type": "password_profile", "enable_one_time_password_token": false}})),
        )
        .await
        .json();
    assert_eq!(updated["data"]["name"], "Member passwords");
    assert_eq!(updated["data"]["enable_one_time_password_token"], false);

    // The seeded profile can be switched on and off the same way.
    let legacy = format!("{}/{LEGACY_PROFILE}", profiles_path());
    let reply = h
        .call(
            Method::PUT,
            &legacy,
            Some(&cc),
            Some(json!({"data": {"type": "password_profile", "enable_one_time_password_token": true}})),
        )
        .await;
    assert_eq!(reply.json()["data"]["enable_one_time_password_token"], true);
    assert_eq!(reply.json()["data"]["name"], "Legacy passwords");

    // A reset brings back the seed: the new profile is gone, the legacy one is off again.
    h.control(Method::POST, "/__emulator/reset", None).await;
    h.call(Method::GET, &path, Some(&cc), None)
        .await
        .assert_error(404);
    let legacy_now = h.call(Method::GET, &legacy, Some(&cc), None).await.json();
    assert_eq!(legacy_now["data"]["enable_one_time_password_token"], false);
}

#[tokio::test]
async fn password_profile_errors() {
    let h = Harness::new();
    let cc = h.client_credentials().await;
    let profile = format!("{}/{PROFILE}", profiles_path());
    for body in [
        json!({"data": {"type": "password_profile"}}),
        json!({"data": {"type": "password_profile", "name": ""}}),
        json!({"data": {"type": "password_profile", "name": "X", "username_format": "phone"}}),
        json!({"data": {"type": "password_profile", "name": "X", "enable_one_time_password_token": "true"}}),
        json!({"data": {"type": "password-profile", "name": "X"}}),
    ] {
        h.call(Method::POST, &profiles_path(), Some(&cc), Some(body))
            .await
            .assert_error(400);
    }
    h.call(
        Method::PUT,
        &profile,
        Some(&cc),
        Some(json!({"data": {"type": "password_profile", "id": LEGACY_PROFILE, "name": "X"}})),
    )
    .await
    .assert_error(400);
    h.call(
        Method::PUT,
        &format!("{}/nope", profiles_path()),
        Some(&cc),
        Some(profile_body("X", true)),
    )
    .await
    .assert_error(404);
    h.call(
        Method::POST,
        "/v2/authentication-realms/nope/password-profiles",
        Some(&cc),
        Some(profile_body("X", true)),
    )
    .await
    .assert_error(404);
    h.call(
        Method::PUT,
        &format!("/v2/authentication-realms/nope/password-profiles/{PROFILE}"),
        Some(&cc),
        Some(profile_body("X", true)),
    )
    .await
    .assert_error(404);
}

// ---------------------------------------------------------------- users

/// Create a user with a login in the shopper profile; returns (user id, info id).
async fn create_shopper(
    h: &Harness,
    cc: &str,
    name: &str,
    email: &str,
    password: &str,
) -> (String, String) {
    let user = h
        .call(
            Method::POST,
            &users_path(),
            Some(cc),
            Some(user_body(name, email)),
        )
        .await;
    assert_eq!(user.status, StatusCode::CREATED, "{}", user.text());
    let user_id = user.json()["data"]["id"].as_str().expect("id").to_owned();
    let info = h
        .call(
            Method::POST,
            &infos_path(&user_id),
            Some(cc),
            Some(info_body(email, password, PROFILE)),
        )
        .await;
    assert_eq!(info.status, StatusCode::CREATED, "{}", info.text());
    let info_id = info.json()["data"]["id"].as_str().expect("id").to_owned();
    (user_id, info_id)
}

#[tokio::test]
async fn user_authentication_infos_are_created_listed_and_read() {
    let h = Harness::new();
    let cc = h.client_credentials().await;
    let list = h.call(Method::GET, &users_path(), Some(&cc), None).await;
    assert_eq!(list.status, StatusCode::OK);
    let body = list.json();
    assert_eq!(body["meta"]["results"]["total"], 2);
    assert_eq!(body["data"][0]["id"], JOHN);
    assert_eq!(body["data"][0]["type"], "user_authentication_info");
    assert_eq!(body["data"][0]["name"], "John Doe");
    assert_eq!(body["data"][0]["email"], JOHN_EMAIL);

    let created = h
        .call(
            Method::POST,
            &users_path(),
            Some(&cc),
            Some(user_body("Ann Example", "ann@example.com")),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let data = created.json()["data"].clone();
    let id = data["id"].as_str().expect("id").to_owned();
    assert_eq!(data["name"], "Ann Example");
    assert_eq!(data["email"], "ann@example.com");
    assert_eq!(data["meta"]["creation_status"], "COMPLETE");

    let one = h
        .call(
            Method::GET,
            &format!("{}/{id}", users_path()),
            Some(&cc),
            None,
        )
        .await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.json()["data"]["email"], "ann@example.com");
    assert_eq!(
        one.json()["links"]["self"],
        format!(
            "http://127.0.0.1:4010/v2/authentication-realms/{REALM}/user-authentication-info/{id}"
        )
    );
    let list = h
        .call(Method::GET, &users_path(), Some(&cc), None)
        .await
        .json();
    assert_eq!(list["meta"]["results"]["total"], 3);
    // No logins yet.
    let infos = h
        .call(Method::GET, &infos_path(&id), Some(&cc), None)
        .await
        .json();
    assert_eq!(infos["data"], json!([]));

    h.call(
        Method::GET,
        &format!("{}/nope", users_path()),
        Some(&cc),
        None,
    )
    .await
    .assert_error(404);
    h.call(
        Method::GET,
        "/v2/authentication-realms/nope/user-authentication-info",
        Some(&cc),
        None,
    )
    .await
    .assert_error(404);
    for body in [
        json!({"data": {"type": "user_authentication_info", "name": "No Mail"}}),
        json!({"data": {"type": "user_authentication_info", "email": "x@example.com"}}),
        json!({"data": {"type": "user_authentication_info", "name": "Bad", "email": "not-an-email"}}),
        json!({"data": {"type": "user", "name": "Bad", "email": "x@example.com"}}),
    ] {
        h.call(Method::POST, &users_path(), Some(&cc), Some(body))
            .await
            .assert_error(400);
    }
}

#[tokio::test]
async fn password_profile_infos_are_created_once_per_username() {
    let h = Harness::new();
    let cc = h.client_credentials().await;
    let (ann, info_id) =
        create_shopper(&h, &cc, "Ann Example", "ann@example.com", "Ann-password-1").await;
    let listed = h
        .call(Method::GET, &infos_path(&ann), Some(&cc), None)
        .await
        .json();
    assert_eq!(listed["data"][0]["id"], info_id.as_str());
    assert_eq!(listed["data"][0]["username"], "ann@example.com");
    assert_eq!(listed["data"][0]["password_profile_id"], PROFILE);
    assert!(listed["data"][0].get("password").is_none());

    // The username is taken in that profile, whoever asks (any case for e-mail usernames).
    let other = h
        .call(
            Method::POST,
            &users_path(),
            Some(&cc),
            Some(user_body("Other", "other@example.com")),
        )
        .await
        .json()["data"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    for username in ["ann@example.com", "ANN@example.com", JOHN_EMAIL] {
        h.call(
            Method::POST,
            &infos_path(&other),
            Some(&cc),
            Some(info_body(username, "Long-enough-1", PROFILE)),
        )
        .await
        .assert_error(409);
    }
    // One login per user and profile.
    h.call(
        Method::POST,
        &infos_path(&ann),
        Some(&cc),
        Some(info_body("ann2@example.com", "Long-enough-1", PROFILE)),
    )
    .await
    .assert_error(409);
    // The same username is free in another profile.
    let legacy = h
        .call(
            Method::POST,
            &infos_path(&ann),
            Some(&cc),
            Some(info_body("ann", "Long-enough-1", LEGACY_PROFILE)),
        )
        .await;
    assert_eq!(legacy.status, StatusCode::CREATED, "{}", legacy.text());

    for (body, status) in [
        (info_body("o@example.com", "short", PROFILE), 400),
        (info_body("not-an-email", "Long-enough-1", PROFILE), 400),
        (info_body("o@example.com", "Long-enough-1", "nope"), 404),
        (
            json!({"data": {"type": "user_authentication_password_profile_info", "username": "o@example.com", "password_profile_id": PROFILE}}),
            400,
        ),
        (
            json!({"data": {"type": "user_authentication_password_profile_info", "username": "o@example.com", "password": "Long-enough-1"}}),
            400,
        ),
    ] {
        h.call(Method::POST, &infos_path(&other), Some(&cc), Some(body))
            .await
            .assert_error(status);
    }
    h.call(
        Method::POST,
        &infos_path("nope"),
        Some(&cc),
        Some(info_body("o@example.com", "Long-enough-1", PROFILE)),
    )
    .await
    .assert_error(404);
}

#[tokio::test]
async fn a_new_member_signs_in_and_gets_an_account_named_after_them() {
    let h = Harness::new();
    let cc = h.client_credentials().await;
    let implicit = h.implicit().await;
    let (ann, _) =
        create_shopper(&h, &cc, "Ann Example", "ann@example.com", "Ann-password-1").await;

    h.password_login(&implicit, "ann@example.com", "wrong-password")
        .await
        .assert_error(401);
    let state = h
        .control(Method::GET, "/__emulator/state", None)
        .await
        .json();
    assert_eq!(
        state["users"][2]["accounts"],
        json!([]),
        "no account before a sign-in"
    );

    let first = h
        .password_login(&implicit, "ann@example.com", "Ann-password-1")
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    let body = first.json();
    assert_eq!(body["meta"]["account_member_id"], ann.as_str());
    assert_eq!(body["data"].as_array().map(Vec::len), Some(1));
    assert_eq!(body["data"][0]["account_name"], "Ann Example");
    let account = body["data"][0]["account_id"]
        .as_str()
        .expect("id")
        .to_owned();
    assert_eq!(
        jwt_claims(body["data"][0]["token"].as_str().unwrap())["sub"],
        ann.as_str()
    );

    // Once only: the next sign-in (here with a code) finds the same account.
    assert_eq!(
        h.request_code(&implicit, "ann@example.com", "passwordless_authentication")
            .await
            .status,
        StatusCode::ACCEPTED
    );
    let code = h.last_code().await;
    let second = h
        .passwordless(&implicit, "ann@example.com", &code)
        .await
        .json();
    assert_eq!(second["data"].as_array().map(Vec::len), Some(1));
    assert_eq!(second["data"][0]["account_id"], account.as_str());

    // The member reads themselves like the seeded ones.
    let token = second["data"][0]["token"].as_str().unwrap();
    let member = h
        .call_with(
            Method::GET,
            &format!("/v2/account-members/{ann}"),
            Some(&implicit),
            &[("EP-Account-Management-Authentication-Token", token)],
            None,
        )
        .await;
    assert_eq!(member.json()["data"]["email"], "ann@example.com");
}

#[tokio::test]
async fn without_auto_create_a_new_member_has_no_account() {
    let h = Harness::new();
    let cc = h.client_credentials().await;
    let implicit = h.implicit().await;
    h.call(
        Method::PUT,
        SETTINGS,
        Some(&cc),
        Some(json!({"data": {"type": "account_authentication_settings", "auto_create_account_for_account_members": false}})),
    )
    .await;
    create_shopper(&h, &cc, "Bo", "bo@example.com", "Bo-password-1").await;
    let reply = h
        .password_login(&implicit, "bo@example.com", "Bo-password-1")
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert_eq!(reply.json()["data"], json!([]));
    // Seeded members keep their accounts either way.
    let john = h
        .password_login(&implicit, JOHN_EMAIL, JOHN_PASSWORD)
        .await
        .json();
    assert_eq!(john["data"][0]["account_id"], JOHN_ACCOUNT);
}

// ---------------------------------------------------------------- integrations

#[tokio::test]
async fn integrations_are_created_listed_updated_and_deleted() {
    let h = Harness::new();
    let cc = h.client_credentials().await;
    let empty = h
        .call(Method::GET, "/v2/integrations", Some(&cc), None)
        .await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(empty.json()["data"], json!([]));

    let created = h
        .call(
            Method::POST,
            "/v2/integrations",
            Some(&cc),
            Some(integration_body("https://example.com/hook")),
        )
        .await;
    assert_eq!(
        created.status,
        StatusCode::OK,
        "200, as the spec says: {}",
        created.text()
    );
    let data = created.json()["data"].clone();
    let id = data["id"].as_str().expect("id").to_owned();
    assert_eq!(data["type"], "integration");
    assert_eq!(data["name"], "One Time Password notification");
    assert_eq!(data["description"], "Send one time password notification");
    assert_eq!(data["enabled"], true);
    assert_eq!(data["integration_type"], "webhook");
    assert_eq!(
        data["observes"],
        json!(["one-time-password-token-request.created"])
    );
    assert_eq!(data["configuration"]["url"], "https://example.com/hook");
    assert_eq!(data["configuration"]["secret_key"], "hook-secret");
    assert_eq!(
        data["links"]["self"],
        format!("http://127.0.0.1:4010/v2/integrations/{id}")
    );
    assert!(data["meta"]["timestamps"]["created_at"].is_string());

    let list = h
        .call(Method::GET, "/v2/integrations", Some(&cc), None)
        .await
        .json();
    assert_eq!(list["meta"]["results"]["total"], 1);
    assert_eq!(list["data"][0]["id"], id.as_str());
    let path = format!("/v2/integrations/{id}");
    let one = h.call(Method::GET, &path, Some(&cc), None).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(
        one.json()["data"]["configuration"]["url"],
        "https://example.com/hook"
    );

    // Only what is sent changes, inside `configuration` too.
    let updated = h
        .call(
            Method::PUT,
            &path,
            Some(&cc),
            Some(json!({"data": {"type": "integration", "enabled": false, "configuration": {"url": "https://example.com/other"}}})),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.text());
    let data = &updated.json()["data"];
    assert_eq!(data["enabled"], false);
    assert_eq!(data["name"], "One Time Password notification");
    assert_eq!(
        data["observes"],
        json!(["one-time-password-token-request.created"])
    );
    assert_eq!(data["configuration"]["url"], "https://example.com/other");
    assert_eq!(data["configuration"]["secret_key"], "hook-secret");

    // A disabled integration gets nothing; the outbox still gets every code.
    let implicit = h.implicit().await;
    h.request_code(&implicit, JOHN_EMAIL, "reset_password")
        .await;
    assert_eq!(h.outbox().await.len(), 1);

    let deleted = h.call(Method::DELETE, &path, Some(&cc), None).await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert!(deleted.bytes.is_empty());
    h.call(Method::GET, &path, Some(&cc), None)
        .await
        .assert_error(404);
    h.call(Method::DELETE, &path, Some(&cc), None)
        .await
        .assert_error(404);
    h.call(
        Method::PUT,
        &path,
        Some(&cc),
        Some(json!({"data": {"type": "integration", "enabled": true}})),
    )
    .await
    .assert_error(404);
}

#[tokio::test]
async fn integration_validation() {
    let h = Harness::new();
    let cc = h.client_credentials().await;
    let mut missing_observes = integration_body("https://example.com/hook");
    missing_observes["data"]
        .as_object_mut()
        .unwrap()
        .remove("observes");
    let mut misspelt = missing_observes.clone();
    misspelt["data"]["observers"] = json!(["one-time-password-token-request.created"]);
    let mut bad_type = integration_body("https://example.com/hook");
    bad_type["data"]["integration_type"] = json!("email");
    let mut no_url = integration_body("https://example.com/hook");
    no_url["data"]["configuration"] = json!({"secret_key": "x"});
    let mut not_http = integration_body("ftp://example.com/hook");
    not_http["data"]["enabled"] = json!(true);
    let mut observes_string = integration_body("https://example.com/hook");
    observes_string["data"]["observes"] = json!("one-time-password-token-request.created");
    let mut enabled_string = integration_body("https://example.com/hook");
    enabled_string["data"]["enabled"] = json!("true");
    for body in [
        missing_observes,
        misspelt,
        bad_type,
        no_url,
        not_http,
        observes_string,
        enabled_string,
    ] {
        let error = h
            .call(Method::POST, "/v2/integrations", Some(&cc), Some(body))
            .await
            .assert_error(422);
        assert_eq!(error["errors"][0]["title"], "Validation Error");
    }
    let mut wrong_type = integration_body("https://example.com/hook");
    wrong_type["data"]["type"] = json!("webhook");
    h.call(
        Method::POST,
        "/v2/integrations",
        Some(&cc),
        Some(wrong_type),
    )
    .await
    .assert_error(400);
    let list = h
        .call(Method::GET, "/v2/integrations", Some(&cc), None)
        .await
        .json();
    assert_eq!(list["data"], json!([]), "nothing was created");

    let created = h
        .call(
            Method::POST,
            "/v2/integrations",
            Some(&cc),
            Some(integration_body("https://example.com/hook")),
        )
        .await
        .json();
    let path = format!(
        "/v2/integrations/{}",
        created["data"]["id"].as_str().unwrap()
    );
    h.call(
        Method::PUT,
        &path,
        Some(&cc),
        Some(json!({"data": {"type": "integration", "configuration": {"url": ""}}})),
    )
    .await
    .assert_error(422);
    h.call(
        Method::PUT,
        &path,
        Some(&cc),
        Some(json!({"data": {"type": "integration", "id": "other"}})),
    )
    .await
    .assert_error(400);
    let unchanged = h.call(Method::GET, &path, Some(&cc), None).await.json();
    assert_eq!(
        unchanged["data"]["configuration"]["url"],
        "https://example.com/hook"
    );
}

#[tokio::test]
async fn reset_forgets_created_users_and_integrations() {
    let h = Harness::new();
    let cc = h.client_credentials().await;
    create_shopper(&h, &cc, "Ann", "ann@example.com", "Ann-password-1").await;
    h.call(
        Method::POST,
        "/v2/integrations",
        Some(&cc),
        Some(integration_body("https://example.com/hook")),
    )
    .await;
    h.control(Method::POST, "/__emulator/reset", None).await;
    let users = h
        .call(Method::GET, &users_path(), Some(&cc), None)
        .await
        .json();
    assert_eq!(users["meta"]["results"]["total"], 2);
    let integrations = h
        .call(Method::GET, "/v2/integrations", Some(&cc), None)
        .await
        .json();
    assert_eq!(integrations["data"], json!([]));
}
