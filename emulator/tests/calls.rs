//! `GET /__emulator/calls`: the Commerce API calls answered, in order, as route and
//! status only; not the controls, not CORS preflights; emptied by `/__emulator/reset`.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::*;
use serde_json::{json, Value};
use tower::ServiceExt;

async fn calls(h: &Harness) -> Vec<Value> {
    let reply = h.control(Method::GET, "/__emulator/calls", None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.header("content-type"), Some("application/json"));
    reply.json().as_array().expect("an array").clone()
}

fn call(method: &str, path: &str, status: Option<u16>) -> Value {
    json!({ "method": method, "path": path, "status": status })
}

const INFOS: &str = "/v2/authentication-realms/{realm_id}/user-authentication-info/{uai_id}/user-authentication-password-profile-info";

#[tokio::test]
async fn a_reset_by_link_is_listed_call_by_call_with_its_routes_and_statuses() {
    let h = Harness::new();
    assert_eq!(calls(&h).await, Vec::<Value>::new());

    let token = h.implicit().await;
    h.request_code(&token, JOHN_EMAIL, "reset_password").await;
    let code = h.last_code().await;
    let login = h.passwordless(&token, JOHN_EMAIL, &code).await.json();
    let am = login["data"][0]["token"]
        .as_str()
        .expect("token")
        .to_owned();
    let headers = [("EP-Account-Management-Authentication-Token", am.as_str())];
    let list = h
        .call_with(Method::GET, &infos_path(JOHN), Some(&token), &headers, None)
        .await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text());
    let body = json!({"data": {"type": "user_authentication_password_profile_info", "password": "N3w-Passw0rd!"}});
    let put = h
        .call_with(
            Method::PUT,
            &format!("{}/{JOHN_INFO}?include=x", infos_path(JOHN)),
            Some(&token),
            &headers,
            Some(body),
        )
        .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.text());
    // A wrong code is a call too, with its answer.
    h.passwordless(&token, JOHN_EMAIL, "zzzzzz")
        .await
        .assert_error(401);

    let listed = calls(&h).await;
    assert_eq!(
        listed,
        vec![
            call("POST", "/oauth/access_token", Some(200)),
            call(
                "POST",
                "/v2/authentication-realms/{realm_id}/password-profiles/{profile_id}/one-time-password-token-request",
                Some(202)
            ),
            call("POST", "/v2/account-members/tokens", Some(201)),
            call("GET", INFOS, Some(200)),
            call("PUT", &format!("{INFOS}/{{info_id}}"), Some(200)),
            call("POST", "/v2/account-members/tokens", Some(401)),
        ]
    );
    // No id, query, token, code, username or password.
    let text = serde_json::to_string(&listed).expect("JSON");
    for secret in [
        REALM,
        PROFILE,
        JOHN,
        JOHN_INFO,
        "include",
        &token,
        &am,
        &code,
        JOHN_EMAIL,
        "N3w-Passw0rd!",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    let state = h
        .control(Method::GET, "/__emulator/state", None)
        .await
        .json();
    assert_eq!(state["calls"], 6);
}

#[tokio::test]
async fn controls_and_preflights_are_not_listed_faults_unknown_paths_and_refusals_are() {
    let h = Harness::new();
    h.control(Method::GET, "/__emulator/outbox", None).await;
    h.control(
        Method::POST,
        "/__emulator/faults",
        Some(json!({"path_prefix": "/v2/account-members/tokens", "status": 503})),
    )
    .await;
    let preflight = h
        .send(
            Request::options("/v2/account-members/tokens")
                .header(header::ORIGIN, "http://127.0.0.1:9999")
                .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert!(preflight.status.is_success());
    assert_eq!(calls(&h).await, Vec::<Value>::new());

    h.passwordless("not-a-token", JOHN_EMAIL, "abcdef")
        .await
        .assert_error(503);
    h.passwordless("not-a-token", JOHN_EMAIL, "abcdef")
        .await
        .assert_error(401);
    h.call(Method::GET, "/v2/nothing-here/x1", None, None)
        .await
        .assert_error(404);
    h.call(Method::DELETE, "/v2/account-members/tokens", None, None)
        .await
        .assert_error(405);
    h.control(
        Method::POST,
        "/__emulator/faults",
        Some(json!({"path_prefix": "/oauth", "kind": "drop"})),
    )
    .await;
    let dropped = h
        .router
        .clone()
        .oneshot(
            Request::post("/oauth/access_token")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("infallible");
    assert!(axum::body::to_bytes(dropped.into_body(), usize::MAX)
        .await
        .is_err());

    assert_eq!(
        calls(&h).await,
        vec![
            call("POST", "/v2/account-members/tokens", Some(503)),
            call("POST", "/v2/account-members/tokens", Some(401)),
            // No route: the path as sent (without its query).
            call("GET", "/v2/nothing-here/x1", Some(404)),
            call("DELETE", "/v2/account-members/tokens", Some(405)),
            // A dropped connection answered nothing.
            call("POST", "/oauth/access_token", None),
        ]
    );
}

#[tokio::test]
async fn reset_empties_the_list() {
    let h = Harness::new();
    h.implicit().await;
    assert_eq!(calls(&h).await.len(), 1);
    let reply = h.control(Method::POST, "/__emulator/reset", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(calls(&h).await, Vec::<Value>::new());
    h.implicit().await;
    assert_eq!(
        calls(&h).await,
        vec![call("POST", "/oauth/access_token", Some(200))]
    );
}
