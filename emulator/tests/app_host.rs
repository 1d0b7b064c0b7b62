//! Hosting the built app: generated config.json, static files, SPA fallback.
//! Plus one run over a real socket.

mod common;

use axum::http::{header, StatusCode};
use commerce_emulator::{api_router, app_host, Config, Emulator, Seed};
use common::*;
use std::io::{Read, Write};

fn fake_dist() -> TempDir {
    let dir = TempDir::new();
    std::fs::write(
        dir.0.join("index.html"),
        "<!DOCTYPE html><title>app</title>",
    )
    .unwrap();
    dir.write("pkg/app_bg.wasm", b"\0asm\x01\0\0\0");
    std::fs::write(dir.0.join("config.json"), r#"{"client_id":"stale"}"#).unwrap();
    dir
}

fn app(dir: &TempDir) -> axum::Router {
    let emu = Emulator::new(Seed::demo(), Config::default()).unwrap();
    app_host::app_router(
        dir.0.clone(),
        app_host::config_json(&emu, "http://127.0.0.1:4010", &[]),
    )
}

#[tokio::test]
async fn generated_config_json_wins_and_is_not_cached() {
    let dir = fake_dist();
    let reply = get(&app(&dir), "/config.json").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(
        reply.json(),
        serde_json::json!({
            "client_id": CLIENT_ID,
            "api_base": "http://127.0.0.1:4010",
            "authentication_realm_id": REALM,
            "password_profile_id": PROFILE,
            "username_format": "email",
            "flows": ["reset_password", "passwordless_authentication"],
        })
    );
}

#[tokio::test]
async fn static_files_and_spa_fallback() {
    let dir = fake_dist();
    let router = app(&dir);
    let wasm = get(&router, "/pkg/app_bg.wasm").await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));

    let root = get(&router, "/").await;
    assert_eq!(root.status, StatusCode::OK);
    assert!(root.text().contains("<title>app</title>"));

    for deep_link in ["/change_password", "/passwordless", "/no_such_page"] {
        let reply = get(
            &router,
            &format!("{deep_link}?username=john.doe%40banks.com&token=lprvj4"),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{deep_link}");
        assert!(reply
            .header("content-type")
            .is_some_and(|c| c.starts_with("text/html")));
        assert!(reply.text().contains("<title>app</title>"));
    }
    // Not app pages: a missing file, and a nested path (the app's pages are one segment deep,
    // and its relative assets would not load below that).
    for missing in ["/missing.js", "/some/nested/route"] {
        assert_eq!(
            get(&router, missing).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

/// Over a real socket: the served router answers, and CORS lets another origin read it.
#[tokio::test]
async fn serves_over_tcp() {
    let emu = Emulator::new(Seed::demo(), Config::default()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, api_router(emu)).await });

    let response = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        let body = format!("grant_type=implicit&client_id={CLIENT_ID}");
        write!(
            stream,
            "POST /oauth/access_token HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://127.0.0.1:1\r\n\
             {}: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            header::CONTENT_TYPE,
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    })
    .await
    .unwrap();
    server.abort();

    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response
            .to_ascii_lowercase()
            .contains("access-control-allow-origin: *"),
        "{response}"
    );
    assert!(
        response.contains("\"identifier\":\"implicit\""),
        "{response}"
    );
}
