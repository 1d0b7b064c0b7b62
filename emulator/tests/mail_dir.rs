//! `--mail-dir`: the e-mails a real SMTP server wrote to a folder (as the notifier's
//! tests/smtp_sink.py writes them), on the outbox page, at `/__emulator/mails` and at
//! `/__emulator/mail/NNNN.html`.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const LINK_1: &str = "http://127.0.0.1:8080/change_password?username=john.doe%40banks.com&token=abc123&password_profile_id=p";
const LINK_2: &str =
    "https://shop.example/passwordless?username=jane.smith%40example.com&token=zz9";

/// A record as smtp_sink.py writes it.
fn record(to: &str, subject: &str, text: Option<&str>, html: Option<&str>) -> Value {
    json!({
        "mail_from": "shop@example.com",
        "rcpt_tos": [to],
        "from": "Shop <shop@example.com>",
        "to": to,
        "subject": subject,
        "content_type": "multipart/alternative",
        "text": text,
        "html": html,
    })
}

fn first() -> Value {
    record(
        JOHN_EMAIL,
        "Reset your password",
        Some(&format!(
            "Hello John & co,\n\nReset it here: {LINK_1}.\nIgnore <b>this</b> if it wasn't you."
        )),
        Some("<html><body><p>Reset</p><script>alert(1)</script></body></html>"),
    )
}

fn second() -> Value {
    // A subject with markup, a link in angle brackets, a javascript: "link", no HTML part.
    let text = format!("Sign in: <{}>\nNot a link: javascript:alert(1)\n", LINK_2);
    record(
        JANE_EMAIL,
        "<script>alert('x')</script> Your sign-in code",
        Some(&text),
        None,
    )
}

fn write_json(dir: &TempDir, name: &str, value: &Value) {
    dir.write(name, value.to_string().as_bytes());
}

/// The emulator binary with `--mail-dir dir`: its API URL and the child, which exits
/// when its stdin closes.
async fn start_binary(dir: &std::path::Path) -> (String, std::process::Child) {
    start_binary_with(|command| {
        command.arg("--mail-dir").arg(dir);
    })
    .await
}

/// Status, content type, CSP and body of `GET url`.
async fn fetch(http: &reqwest::Client, url: &str) -> (u16, Option<String>, Option<String>, String) {
    let response = http.get(url).send().await.expect("answered");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (content_type, csp) = (header("content-type"), header("content-security-policy"));
    let status = response.status().as_u16();
    (status, content_type, csp, response.text().await.unwrap())
}

fn position(page: &str, needle: &str) -> usize {
    page.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the page:\n{page}"))
}

#[tokio::test]
async fn mail_dir_shows_the_received_mails() {
    let dir = TempDir::new();
    write_json(&dir, "0001.json", &first());
    dir.write("0001.eml", b"From: shop@example.com\r\n\r\nraw");
    let (api, mut child) = start_binary(&dir.0).await;
    let http = reqwest::Client::builder().no_proxy().build().unwrap();

    // Read at each request: a mail written after the start shows up.
    let (_, _, _, page) = fetch(&http, &format!("{api}/__emulator/outbox.html")).await;
    assert!(page.contains("Received by the SMTP server (1)"), "{page}");
    write_json(&dir, "0002.json", &second());

    let (status, content_type, _, page) =
        fetch(&http, &format!("{api}/__emulator/outbox.html")).await;
    assert_eq!(status, 200);
    assert!(content_type.unwrap().starts_with("text/html"));
    assert!(page.contains("Received by the SMTP server (2)"), "{page}");
    assert!(page.contains("Emulator outbox (0)"), "{page}");
    // Newest first, and the SMTP server's mails above the emulator's own outbox.
    let jane = position(&page, "<dd>jane.smith@example.com</dd>");
    let john = position(&page, "<dd>john.doe@banks.com</dd>");
    assert!(jane < john && john < position(&page, "Emulator outbox (0)"));
    // Everything escaped: the subject, the text part (in a <pre>), the links.
    assert!(!page.contains("<script"), "{page}");
    assert!(
        page.contains("<h3>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Your sign-in code</h3>")
    );
    assert!(page.contains(
        "<pre>Hello John &amp; co,\n\nReset it here: http://127.0.0.1:8080/change_password?"
    ));
    assert!(page.contains("Ignore &lt;b&gt;this&lt;/b&gt; if it wasn&#39;t you.</pre>"));
    let link_1 = LINK_1.replace('&', "&amp;");
    assert!(
        page.contains(&format!("<p><a href=\"{link_1}\">{link_1}</a></p>")),
        "{page}"
    );
    let link_2 = LINK_2.replace('&', "&amp;");
    assert!(
        page.contains(&format!("<p><a href=\"{link_2}\">{link_2}</a></p>")),
        "{page}"
    );
    assert!(!page.contains("href=\"javascript"), "{page}");
    // Only the first has an HTML part.
    assert_eq!(page.matches("view HTML").count(), 1, "{page}");
    assert!(page.contains("<a href=\"/__emulator/mail/0001.html\">view HTML</a>"));
    assert!(page.contains("No HTML part."));

    // The HTML part, as sent, under a CSP that lets nothing run.
    let (status, content_type, csp, body) =
        fetch(&http, &format!("{api}/__emulator/mail/0001.html")).await;
    assert_eq!(status, 200);
    assert_eq!(content_type.as_deref(), Some("text/html; charset=utf-8"));
    assert_eq!(csp.as_deref(), Some(CSP));
    assert_eq!(body, first()["html"].as_str().unwrap());
    let (status, ..) = fetch(&http, &format!("{api}/__emulator/mail/0002.html")).await;
    assert_eq!(status, 404, "no HTML part");

    // The records, oldest first, each with its id.
    let (status, _, _, body) = fetch(&http, &format!("{api}/__emulator/mails")).await;
    assert_eq!(status, 200);
    let mut expected = vec![first(), second()];
    for (record, id) in expected.iter_mut().zip(["0001", "0002"]) {
        record["id"] = json!(id);
    }
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap(),
        json!(expected)
    );

    drop(child.stdin.take());
    let _ = child.wait();
}

/// The router, in-process, with `dir` as its mail folder.
fn harness_with(dir: &std::path::Path) -> Harness {
    let h = Harness::new();
    h.emu.set_mail_dir(dir.to_owned()).unwrap();
    h
}

#[tokio::test]
async fn unreadable_files_are_skipped_and_bad_names_are_404() {
    let dir = TempDir::new();
    write_json(&dir, "0001.json", &first());
    dir.write("0002.json", b"{ not json");
    dir.write("0003.json", b"[1, 2]");
    dir.write("0004.json/inside", b"a folder, not a file");
    dir.write("0005.tmp", b"{}");
    dir.write("notes.json", b"{}");
    dir.write("0006.json", &[0xff, 0xfe, b'{', b'}']);
    write_json(&dir, "0010.json", &second());
    let h = harness_with(&dir.0);

    let page = h
        .control(Method::GET, "/__emulator/outbox.html", None)
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let page = page.text();
    assert!(page.contains("Received by the SMTP server (2)"), "{page}");
    // By number: 0010 is newer than 0001.
    assert!(position(&page, "0010.json") < position(&page, "0001.json"));

    let mails = h
        .control(Method::GET, "/__emulator/mails", None)
        .await
        .json();
    let ids: Vec<&str> = mails
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["0001", "0010"]);

    for path in [
        "/__emulator/mail/0002.html",
        "/__emulator/mail/0004.html",
        "/__emulator/mail/0009.html",
        "/__emulator/mail/0001.json",
        "/__emulator/mail/0001",
        "/__emulator/mail/..%2F0001.html",
        "/__emulator/mail/%2E%2E.html",
        "/__emulator/mail/notes.html",
    ] {
        let reply = h.control(Method::GET, path, None).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(reply.header("content-security-policy"), None, "{path}");
    }
    let reply = h
        .control(Method::GET, "/__emulator/mail/0001.html", None)
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-security-policy"), Some(CSP));
}

#[tokio::test]
async fn a_missing_or_empty_folder_is_said_so() {
    let dir = TempDir::new();
    let missing = dir.0.join("not-yet");
    let h = harness_with(&missing);
    let page = h
        .control(Method::GET, "/__emulator/outbox.html", None)
        .await
        .text();
    assert!(page.contains("is missing or unreadable"), "{page}");
    assert!(page.contains("Received by the SMTP server (0)"), "{page}");
    let mails = h.control(Method::GET, "/__emulator/mails", None).await;
    assert_eq!(mails.status, StatusCode::OK);
    assert_eq!(mails.json(), json!([]));
    let reply = h
        .control(Method::GET, "/__emulator/mail/0001.html", None)
        .await;
    reply.assert_error(404);

    std::fs::create_dir(&missing).unwrap();
    let page = h
        .control(Method::GET, "/__emulator/outbox.html", None)
        .await
        .text();
    assert!(page.contains("is empty: no e-mails received yet"), "{page}");
}

#[tokio::test]
async fn the_outbox_stays_below_the_received_mails() {
    let dir = TempDir::new();
    write_json(&dir, "0001.json", &first());
    let h = harness_with(&dir.0);
    let implicit = h.implicit().await;
    let reply = h
        .request_code(&implicit, JOHN_EMAIL, "reset_password")
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED, "{}", reply.text());
    let code = h.last_code().await;
    let page = h
        .control(Method::GET, "/__emulator/outbox.html", None)
        .await
        .text();
    let outbox = position(&page, "<h2>Emulator outbox (1)</h2>");
    assert!(position(&page, "<h2>Received by the SMTP server (1)</h2>") < outbox);
    assert!(position(&page, &format!("<code>{code}</code>")) > outbox);
    let state = h
        .control(Method::GET, "/__emulator/state", None)
        .await
        .json();
    assert_eq!(state["mail_dir"], dir.0.display().to_string());
}

#[tokio::test]
async fn without_mail_dir_the_page_is_as_before() {
    let h = Harness::new();
    let page = h
        .control(Method::GET, "/__emulator/outbox.html", None)
        .await
        .text();
    assert!(page.contains("<h1>Outbox (0)</h1>"), "{page}");
    assert!(!page.contains("SMTP"), "{page}");
    h.control(Method::GET, "/__emulator/mails", None)
        .await
        .assert_error(404);
    h.control(Method::GET, "/__emulator/mail/0001.html", None)
        .await
        .assert_error(404);
    let state = h
        .control(Method::GET, "/__emulator/state", None)
        .await
        .json();
    assert_eq!(state["mail_dir"], Value::Null);
}
