//! The fault kinds of `/__emulator/faults`: what each answers, in-process, and the
//! dropped connection over a real socket.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::*;
use serde_json::{json, Value};
use std::io::{Read, Write};
use tower::ServiceExt;

async fn add_fault(h: &Harness, fault: Value) -> Value {
    let reply = h
        .control(Method::POST, "/__emulator/faults", Some(fault))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json()
}

/// The implicit token request, as a browser on another origin sends it.
fn token_request() -> Request<Body> {
    Request::post("/oauth/access_token")
        .header(header::ORIGIN, "http://127.0.0.1:9999")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "grant_type=implicit&client_id={CLIENT_ID}"
        )))
        .expect("request")
}

fn cors_headers(reply: &Reply) -> Vec<String> {
    reply
        .headers
        .keys()
        .map(|name| name.as_str().to_owned())
        .filter(|name| name.starts_with("access-control-"))
        .collect()
}

#[tokio::test]
async fn a_fault_without_a_kind_is_a_status_fault_and_lists_its_kind() {
    let h = Harness::new();
    let listed = add_fault(
        &h,
        json!({"path_prefix": "/oauth", "status": 502, "times": 2}),
    )
    .await;
    assert_eq!(listed["faults"][0]["kind"], "status");
    let reply = h.send(token_request()).await;
    reply.assert_error(502);
    // Errors keep their CORS headers: the browser hands them to the page.
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    let state = h
        .control(Method::GET, "/__emulator/state", None)
        .await
        .json();
    assert_eq!(state["faults"][0]["kind"], "status");
    assert_eq!(state["faults"][0]["times"], 1);
}

#[tokio::test]
async fn garbage_answers_html_with_the_status_given_or_200() {
    let h = Harness::new();
    add_fault(&h, json!({"path_prefix": "/oauth", "kind": "garbage"})).await;
    let reply = h.send(token_request()).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(reply.text().starts_with("<html>"), "{}", reply.text());
    assert!(serde_json::from_slice::<Value>(&reply.bytes).is_err());
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));

    add_fault(
        &h,
        json!({"path_prefix": "/oauth", "kind": "garbage", "status": 502, "retry_after_secs": 7}),
    )
    .await;
    let reply = h.send(token_request()).await;
    assert_eq!(reply.status, StatusCode::BAD_GATEWAY);
    assert_eq!(reply.header("retry-after"), Some("7"));
    assert!(reply.text().contains("oops"));
    // Spent: the next request is answered as usual.
    assert_eq!(h.send(token_request()).await.status, StatusCode::OK);
}

#[tokio::test]
async fn wrong_shape_answers_json_that_is_not_what_the_call_returns() {
    let h = Harness::new();
    let token = h.implicit().await;
    add_fault(
        &h,
        json!({"method": "POST", "path_prefix": "/v2/account-members/tokens", "kind": "wrong-shape", "status": 201}),
    )
    .await;
    let reply = h
        .call(
            Method::POST,
            "/v2/account-members/tokens",
            Some(&token),
            Some(json!({})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.json(), json!({"data": {"unexpected": true}}));

    add_fault(&h, json!({"path_prefix": "/oauth", "kind": "wrong-shape"})).await;
    let reply = h.send(token_request()).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.json().get("access_token").is_none());
}

#[tokio::test]
async fn no_cors_strips_every_access_control_header_from_the_real_answer_or_an_error() {
    let h = Harness::new();
    let normal = h.send(token_request()).await;
    assert!(!cors_headers(&normal).is_empty());

    add_fault(&h, json!({"path_prefix": "/oauth", "kind": "no-cors"})).await;
    let stripped = h.send(token_request()).await;
    // The real answer, a token and all, that a browser will not hand to the page.
    assert_eq!(stripped.status, StatusCode::OK);
    assert!(stripped.json()["access_token"].is_string());
    assert_eq!(cors_headers(&stripped), Vec::<String>::new());

    add_fault(
        &h,
        json!({"path_prefix": "/oauth", "kind": "no-cors", "status": 503, "retry_after_secs": 3}),
    )
    .await;
    let error = h.send(token_request()).await;
    error.assert_error(503);
    assert_eq!(error.header("retry-after"), Some("3"));
    assert_eq!(cors_headers(&error), Vec::<String>::new());

    // A preflight never reaches the faults: the CORS layer answers it, headers intact.
    add_fault(
        &h,
        json!({"path_prefix": "/v2/account-members/tokens", "kind": "no-cors"}),
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
    assert_eq!(
        preflight.header("access-control-allow-origin"),
        Some("*"),
        "{:?}",
        preflight.headers
    );
    let state = h
        .control(Method::GET, "/__emulator/state", None)
        .await
        .json();
    assert_eq!(
        state["faults"][0]["times"], 1,
        "the preflight spent nothing"
    );
}

#[tokio::test]
async fn drop_gives_a_body_that_fails_before_its_first_byte() {
    let h = Harness::new();
    add_fault(&h, json!({"path_prefix": "/oauth", "kind": "drop"})).await;
    let response = h
        .router
        .clone()
        .oneshot(token_request())
        .await
        .expect("infallible");
    assert!(axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .is_err());
    assert_eq!(h.send(token_request()).await.status, StatusCode::OK);
}

/// Sends one raw HTTP/1.1 request to `addr` and reads until the server closes.
fn raw_exchange(addr: std::net::SocketAddr, request: &str) -> std::io::Result<Vec<u8>> {
    let mut stream = std::net::TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(5)))?;
    stream.write_all(request.as_bytes())?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer)?;
    Ok(answer)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drop_closes_the_connection_without_a_byte_of_answer() {
    let h = Harness::new();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let router = h.router.clone();
    let server = tokio::spawn(async move { axum::serve(listener, router).await });
    add_fault(
        &h,
        json!({"path_prefix": "/oauth", "kind": "drop", "times": 1}),
    )
    .await;

    let body = format!("grant_type=implicit&client_id={CLIENT_ID}");
    let request = format!(
        "POST /oauth/access_token HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: keep-alive\r\n\r\n{body}",
        body.len()
    );
    let dropped = {
        let request = request.clone();
        tokio::task::spawn_blocking(move || raw_exchange(addr, &request))
            .await
            .expect("joined")
    };
    // Closed cleanly or reset: either way, not one byte of an HTTP answer.
    assert!(
        dropped.as_ref().map_or(true, Vec::is_empty),
        "{:?}",
        dropped.map(|b| String::from_utf8_lossy(&b).into_owned())
    );

    // The fault is spent: the same request now gets its answer.
    let answered = tokio::task::spawn_blocking(move || {
        raw_exchange(addr, &request.replace("keep-alive", "close"))
    })
    .await
    .expect("joined")
    .expect("answered");
    assert!(String::from_utf8_lossy(&answered).starts_with("HTTP/1.1 200 OK"));
    server.abort();
}

#[tokio::test]
async fn each_kind_takes_only_the_statuses_that_mean_something() {
    let h = Harness::new();
    for (fault, ok) in [
        (
            json!({"path_prefix": "/", "kind": "drop", "status": 500}),
            false,
        ),
        (
            json!({"path_prefix": "/", "kind": "drop", "status": 0}),
            true,
        ),
        (
            json!({"path_prefix": "/", "kind": "garbage", "status": 200}),
            true,
        ),
        (
            json!({"path_prefix": "/", "kind": "garbage", "status": 199}),
            false,
        ),
        (
            json!({"path_prefix": "/", "kind": "wrong-shape", "status": 201}),
            true,
        ),
        (
            json!({"path_prefix": "/", "kind": "no-cors", "status": 200}),
            false,
        ),
        (
            json!({"path_prefix": "/", "kind": "no-cors", "status": 502}),
            true,
        ),
        (
            json!({"path_prefix": "/", "kind": "status", "status": 200}),
            false,
        ),
        (json!({"path_prefix": "/", "kind": "teapot"}), false),
    ] {
        let reply = h
            .control(Method::POST, "/__emulator/faults", Some(fault.clone()))
            .await;
        if ok {
            assert_eq!(reply.status, StatusCode::OK, "{fault}: {}", reply.text());
        } else {
            reply.assert_error(400);
        }
    }
}
