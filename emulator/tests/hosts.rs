//! The hosts as the embeddable widget needs them: the app origin readable and frameable
//! from the shop's origin (CORS, `frame-ancestors`, the config's embed keys), and the
//! shop origin's pages with the emulator's URLs filled in, and nothing outside its folder.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use commerce_emulator::{app_host, shop_host, Config, Emulator, Seed, Shared};
use common::*;
use serde_json::json;

const API: &str = "http://127.0.0.1:4010";
const APP: &str = "http://127.0.0.1:8080";
const SHOP: &str = "http://127.0.0.1:8081";

/// A dist/ as Trunk leaves it for the widget: the loader, the glue, the wasm, the CSS.
fn fake_dist() -> TempDir {
    let dir = TempDir::new();
    dir.write("index.html", b"<!DOCTYPE html><title>app</title>");
    dir.write("commerce-otp.js", b"export default function load() {}");
    dir.write("pkg/app.js", b"export function init() {}");
    dir.write("pkg/app_bg.wasm", b"\0asm\x01\0\0\0");
    dir.write("style.css", b"body { margin: 0 }");
    dir
}

const SHOP_PAGE: &str = r#"<!DOCTYPE html><title>shop</title>
<script type="module" src="__APP_URL__/commerce-otp.js"></script>
<commerce-otp app="__APP_URL__" api="__API_URL__"></commerce-otp>"#;

/// A folder holding the shop's folder and, beside it, a file the shop must not serve.
fn fake_shop() -> TempDir {
    let dir = TempDir::new();
    dir.write("secret.txt", b"not the shop's");
    dir.write("shop/index.html", SHOP_PAGE.as_bytes());
    dir.write(
        "shop/iframe.html",
        b"<iframe src=\"__APP_URL__/passwordless\"></iframe>",
    );
    dir.write(
        "shop/shop.css",
        b"/* __APP_URL__ stays */ body { color: red }",
    );
    dir.write("shop/logo.png", b"\x89PNG\r\n\x1a\n");
    dir
}

fn emulator() -> Shared {
    Emulator::new(Seed::demo(), Config::default()).unwrap()
}

fn app(dir: &TempDir, shop_origins: &[String]) -> axum::Router {
    app_host::app_router(
        dir.0.clone(),
        app_host::config_json(&emulator(), API, shop_origins),
    )
}

fn shop(dir: &TempDir) -> axum::Router {
    shop_host::shop_router(dir.0.join("shop"), APP, API)
}

#[test]
fn config_json_names_the_shop_origins_only_when_there_are_some() {
    let emu = emulator();
    let plain = app_host::config_json(&emu, API, &[]);
    assert!(plain.get("embed_origins").is_none(), "{plain}");
    assert!(plain.get("allowed_return_origins").is_none(), "{plain}");

    let shops = [SHOP.to_owned(), "https://shop.example".to_owned()];
    let embedding = app_host::config_json(&emu, API, &shops);
    assert_eq!(embedding["embed_origins"], json!(shops));
    assert_eq!(embedding["allowed_return_origins"], json!(shops));
    // The rest is the same config.
    let mut rest = embedding.clone();
    let object = rest.as_object_mut().unwrap();
    object.remove("embed_origins");
    object.remove("allowed_return_origins");
    assert_eq!(rest, plain);
}

#[test]
fn config_json_has_the_profiles_username_format() {
    // The demo's profile with one-time password tokens on takes e-mail usernames.
    let plain = app_host::config_json(&emulator(), API, &[]);
    assert_eq!(plain["password_profile_id"], PROFILE);
    assert_eq!(plain["username_format"], "email");

    // With tokens on only in the legacy profile, that one and its format are used.
    let mut seed = Seed::demo();
    for profile in &mut seed.password_profiles {
        profile.enable_one_time_password_token = profile.id == LEGACY_PROFILE;
    }
    let emu = Emulator::new(seed, Config::default()).unwrap();
    let legacy = app_host::config_json(&emu, API, &[]);
    assert_eq!(legacy["password_profile_id"], LEGACY_PROFILE);
    assert_eq!(legacy["username_format"], "any");

    // Without a profile, there is no format to name.
    let mut seed = Seed::demo();
    seed.password_profiles.clear();
    for user in &mut seed.users {
        user.password_profile_infos.clear();
    }
    let emu = Emulator::new(seed, Config::default()).unwrap();
    let none = app_host::config_json(&emu, API, &[]);
    assert!(none.get("username_format").is_none(), "{none}");
}

#[tokio::test]
async fn every_app_response_allows_any_origin() {
    let dist = fake_dist();
    let router = app(&dist, &[SHOP.to_owned()]);
    for path in [
        "/commerce-otp.js",
        "/pkg/app.js",
        "/pkg/app_bg.wasm",
        "/style.css",
        "/config.json",
        "/",
        "/passwordless",
        "/missing.js",
    ] {
        // With the shop's Origin, as a cross-origin import sends it, and without.
        for origin in [Some(SHOP), None] {
            let mut request = Request::get(path);
            if let Some(origin) = origin {
                request = request.header("origin", origin);
            }
            let reply = send(&router, request.body(Body::empty()).unwrap()).await;
            assert_eq!(
                reply.header("access-control-allow-origin"),
                Some("*"),
                "{path} {origin:?}"
            );
        }
    }
    let wasm = get(&router, "/pkg/app_bg.wasm").await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(wasm.bytes, b"\0asm\x01\0\0\0");
    let config = get(&router, "/config.json").await;
    assert_eq!(config.json()["embed_origins"], json!([SHOP]));
}

#[tokio::test]
async fn app_host_answers_a_preflight() {
    let dist = fake_dist();
    let router = app(&dist, &[]);
    let reply = send(
        &router,
        Request::builder()
            .method(Method::OPTIONS)
            .uri("/config.json")
            .header("origin", SHOP)
            .header("access-control-request-method", "GET")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    let methods = reply
        .header("access-control-allow-methods")
        .unwrap()
        .to_ascii_uppercase();
    assert!(
        methods.contains("GET") && methods.contains("HEAD"),
        "{methods}"
    );
    assert_eq!(
        reply.header("content-security-policy"),
        Some("frame-ancestors 'self'")
    );
}

#[tokio::test]
async fn frame_ancestors_are_self_and_the_embed_origins() {
    let dist = fake_dist();
    let cases: [(&[String], &str); 3] = [
        (&[], "frame-ancestors 'self'"),
        (
            &[SHOP.to_owned()],
            "frame-ancestors 'self' http://127.0.0.1:8081",
        ),
        (
            &[SHOP.to_owned(), "https://shop.example".to_owned()],
            "frame-ancestors 'self' http://127.0.0.1:8081 https://shop.example",
        ),
    ];
    for (origins, policy) in cases {
        let router = app(&dist, origins);
        for path in [
            "/",
            "/passwordless",
            "/config.json",
            "/pkg/app_bg.wasm",
            "/nope.js",
        ] {
            let reply = get(&router, path).await;
            assert_eq!(
                reply.header("content-security-policy"),
                Some(policy),
                "{path}"
            );
            assert_eq!(
                reply
                    .headers
                    .get_all("content-security-policy")
                    .iter()
                    .count(),
                1
            );
        }
    }
}

/// An entry that would add to the directive or start another is left out.
#[tokio::test]
async fn frame_ancestors_leave_out_what_is_not_one_origin() {
    let dist = fake_dist();
    let config = json!({
        "embed_origins": [SHOP, "https://a.example; script-src *", "https://b.example c", ""],
    });
    let router = app_host::app_router(dist.0.clone(), config);
    let reply = get(&router, "/").await;
    assert_eq!(
        reply.header("content-security-policy"),
        Some("frame-ancestors 'self' http://127.0.0.1:8081")
    );
}

#[tokio::test]
async fn shop_html_has_the_urls_filled_in() {
    let dir = fake_shop();
    let router = shop(&dir);
    for path in ["/", "/index.html"] {
        let reply = get(&router, path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(
            reply.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(reply.header("cache-control"), Some("no-cache"));
        assert_eq!(
            reply.header("referrer-policy"),
            Some("strict-origin-when-cross-origin")
        );
        assert!(reply.header("content-security-policy").is_none());
        assert_eq!(
            reply.header("content-length"),
            Some(reply.bytes.len().to_string().as_str())
        );
        assert_eq!(
            reply.text(),
            SHOP_PAGE
                .replace("__APP_URL__", APP)
                .replace("__API_URL__", API)
        );
        assert!(reply
            .text()
            .contains(r#"src="http://127.0.0.1:8080/commerce-otp.js""#));
        assert!(reply.text().contains(r#"api="http://127.0.0.1:4010""#));
        assert!(!reply.text().contains("__"));
    }
    let iframe = get(&router, "/iframe.html").await;
    assert_eq!(
        iframe.text(),
        "<iframe src=\"http://127.0.0.1:8080/passwordless\"></iframe>"
    );
}

/// Filled in whatever the request asks: a conditional or range request would get the
/// file's own bytes or dates, which do not describe the rewritten page.
#[tokio::test]
async fn shop_html_is_always_sent_whole_and_rewritten() {
    let dir = fake_shop();
    let router = shop(&dir);
    let expected = SHOP_PAGE
        .replace("__APP_URL__", APP)
        .replace("__API_URL__", API);
    let reply = send(
        &router,
        Request::get("/")
            .header("if-modified-since", "Sun, 01 Jan 2090 00:00:00 GMT")
            .header("range", "bytes=0-3")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.text(), expected);
    assert!(reply.header("last-modified").is_none());
    assert!(reply.header("accept-ranges").is_none());

    let head = send(
        &router,
        Request::head("/index.html").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.bytes.is_empty());
    assert_eq!(
        head.header("content-length"),
        Some(expected.len().to_string().as_str())
    );
}

#[tokio::test]
async fn shop_serves_other_files_as_they_are() {
    let dir = fake_shop();
    let router = shop(&dir);
    let css = get(&router, "/shop.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.header("content-type"), Some("text/css"));
    assert_eq!(css.text(), "/* __APP_URL__ stays */ body { color: red }");
    assert_eq!(
        css.header("referrer-policy"),
        Some("strict-origin-when-cross-origin")
    );
    let png = get(&router, "/logo.png").await;
    assert_eq!(png.status, StatusCode::OK);
    assert_eq!(png.header("content-type"), Some("image/png"));
    assert_eq!(png.bytes, b"\x89PNG\r\n\x1a\n");
}

#[tokio::test]
async fn shop_serves_nothing_outside_its_folder() {
    let dir = fake_shop();
    let router = shop(&dir);
    for path in [
        "/missing.html",
        "/missing.css",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/./../secret.txt",
        "/shop.css/../../secret.txt",
    ] {
        let reply = get(&router, path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!reply.text().contains("not the shop's"), "{path}");
        assert_eq!(
            reply.header("referrer-policy"),
            Some("strict-origin-when-cross-origin"),
            "{path}"
        );
    }
}
