//! The notifier end to end: events posted over HTTP as Commerce posts them
//! (docs/commerce-api.md §7.1), e-mails received by a real SMTP server (aiosmtpd), the
//! seen ids in a real Redis. Every test ends by checking that no log line holds its code,
//! its link or the secret.

mod support;

use percent_encoding::percent_decode_str;
use serde_json::Value;
use std::time::Duration;
use support::*;
use url::Url;

const SOON: Duration = Duration::from_secs(10);

/// The link in a text part: the line that starts with the app's URL.
fn link_in(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|line| line.starts_with(APP_URL))
        .unwrap_or_else(|| panic!("no link in the text part:\n{text}"))
        .to_string()
}

/// The query's pairs as written (still encoded), in order.
fn raw_pairs(link: &Url) -> Vec<(String, String)> {
    link.query()
        .unwrap_or_default()
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').expect("key=value");
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// The keys of the query's pairs, in order.
fn keys(pairs: &[(String, String)]) -> Vec<&str> {
    pairs.iter().map(|(k, _)| k.as_str()).collect()
}

fn decoded(value: &str) -> String {
    percent_decode_str(value)
        .decode_utf8()
        .expect("UTF-8")
        .into_owned()
}

fn str_of<'a>(mail: &'a Value, key: &str) -> &'a str {
    mail[key].as_str().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_becomes_one_email_with_both_parts_and_a_working_link() {
    let (sink, notifier) = start_with_sink().await;
    let reset = Shopper {
        name: "Pat Plus",
        ..Shopper::by_email(
            "a1000000-0000-4000-8000-000000000001",
            "reset_password",
            "Rk7q2Z",
            "plus+shop@banks.test",
        )
    };
    let reply = deliver_event(&notifier.url, &reset, Duration::ZERO).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    assert_eq!(reply.body["status"], "queued");

    let mails = sink.wait_for(1, SOON).await;
    let mail = &mails[0];
    assert_eq!(
        mail["rcpt_tos"],
        serde_json::json!(["plus+shop@banks.test"])
    );
    assert!(str_of(mail, "to").contains("plus+shop@banks.test"));
    assert!(str_of(mail, "to").contains("Pat Plus"));
    assert_eq!(str_of(mail, "from"), "Test Store <no-reply@shop.example>");
    assert_eq!(str_of(mail, "subject"), "Reset your Test Store password");
    assert_eq!(str_of(mail, "content_type"), "multipart/alternative");
    let text = str_of(mail, "text");
    let html = str_of(mail, "html");
    assert!(!text.is_empty() && !html.is_empty(), "both parts: {mail}");
    assert!(
        text.contains("Rk7q2Z") && html.contains("Rk7q2Z"),
        "the code in both parts"
    );
    assert!(text.contains("10 minutes") && html.contains("10 minutes"));
    assert!(text.contains("ignore this e-mail"));
    assert!(html.contains("Test Store"));

    let link_text = link_in(text);
    let link = Url::parse(&link_text).expect("a URL");
    assert_eq!(link.scheme(), "https");
    assert_eq!(link.host_str(), Some("shop.example"));
    assert_eq!(link.path(), "/account/otp/change_password");
    let pairs = raw_pairs(&link);
    assert_eq!(
        keys(&pairs),
        [
            "username",
            "token",
            "password_profile_id",
            "user_authentication_password_profile_info_id",
            "authentication_realm_id"
        ]
    );
    assert_eq!(pairs[0].1, "plus%2Bshop%40banks.test", "+ and @ encoded");
    assert_eq!(decoded(&pairs[0].1), "plus+shop@banks.test", "+ stays a +");
    assert_eq!(decoded(&pairs[1].1), "Rk7q2Z");
    assert_eq!(decoded(&pairs[2].1), PROFILE);
    assert_eq!(decoded(&pairs[3].1), INFO);
    assert_eq!(decoded(&pairs[4].1), REALM);
    assert!(
        html.contains(&format!("href=\"{}\"", link_text.replace('&', "&amp;"))),
        "the same link in the HTML part"
    );

    let passwordless = Shopper {
        username: "pat",
        ..Shopper::by_email(
            "a1000000-0000-4000-8000-000000000002",
            "passwordless_authentication",
            "Wm4t8P",
            "pat@banks.test",
        )
    };
    let reply = deliver_event(&notifier.url, &passwordless, Duration::from_secs(30)).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    let mails = sink.wait_for(2, SOON).await;
    let mail = &mails[1];
    assert_eq!(str_of(mail, "subject"), "Your Test Store sign-in code");
    assert_eq!(mail["rcpt_tos"], serde_json::json!(["pat@banks.test"]));
    let second_link = link_in(str_of(mail, "text"));
    let link = Url::parse(&second_link).expect("a URL");
    assert_eq!(link.path(), "/account/otp/passwordless");
    let pairs = raw_pairs(&link);
    assert_eq!(
        keys(&pairs),
        [
            "username",
            "token",
            "password_profile_id",
            "authentication_realm_id"
        ]
    );
    assert_eq!(decoded(&pairs[0].1), "pat");
    assert_eq!(decoded(&pairs[1].1), "Wm4t8P");

    wait_for_log(
        &[
            "a1000000-0000-4000-8000-000000000002",
            "sent to ***@banks.test",
        ],
        SOON,
    )
    .await;
    notifier.stop(SOON).await.expect("a clean stop");
    assert_logs_hide(&["Rk7q2Z", "Wm4t8P", &link_text, &second_link, SECRET]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duplicate_delivery_sends_one_email() {
    let (sink, notifier) = start_with_sink().await;
    let shopper = Shopper {
        name: "Dee",
        ..Shopper::by_email(
            "b2000000-0000-4000-8000-000000000001",
            "passwordless_authentication",
            "Dq9v3N",
            "dup@banks.test",
        )
    };
    let body = event(&shopper, &created_ago(Duration::ZERO));
    // Three copies at once, then one more: exactly one is queued.
    let (a, b, c) = tokio::join!(
        deliver(&notifier.url, &body),
        deliver(&notifier.url, &body),
        deliver(&notifier.url, &body)
    );
    let mut statuses = vec![a.status, b.status, c.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 200, 202]);
    sink.wait_for(1, SOON).await;
    let again = deliver(&notifier.url, &body).await;
    assert_eq!(again.status, 200);
    assert_eq!(again.body["status"], "duplicate");
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(sink.mails().len(), 1, "one e-mail for one event id");
    wait_for_log(
        &["b2000000-0000-4000-8000-000000000001", "duplicate delivery"],
        SOON,
    )
    .await;
    assert_logs_hide(&["Dq9v3N", SECRET]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_or_missing_secret_is_refused_and_sends_nothing() {
    let (sink, notifier) = start_with_sink().await;
    let shopper = Shopper::by_email(
        "c3000000-0000-4000-8000-000000000001",
        "reset_password",
        "Hx5c1L",
        "sec@banks.test",
    );
    let body = event(&shopper, &created_ago(Duration::ZERO)).to_string();
    for secret in [Some("not-the-secret"), Some(""), None] {
        let reply = post_raw(
            &notifier.url,
            "/one-time-password-token-notification",
            secret,
            Some("application/json"),
            body.clone().into_bytes(),
        )
        .await;
        assert_eq!(reply.status, 401, "{secret:?}: {}", reply.text);
        assert_eq!(reply.body["errors"][0]["status"], "401");
        assert!(!reply.text.contains("Hx5c1L"));
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(sink.mails().is_empty(), "no e-mail without the secret");
    // The refusals claimed nothing: the same event with the secret is sent.
    let reply = post_raw(
        &notifier.url,
        "/one-time-password-token-notification",
        Some(SECRET),
        Some("application/json; charset=utf-8"),
        body.into_bytes(),
    )
    .await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    sink.wait_for(1, SOON).await;
    assert_logs_hide(&["Hx5c1L", SECRET, "not-the-secret"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mail_arrives_when_the_smtp_server_comes_up_late() {
    let (port, notifier) = start_before_sink().await;
    let shopper = Shopper::by_email(
        "d4000000-0000-4000-8000-000000000001",
        "reset_password",
        "Tz3m6Q",
        "late@banks.test",
    );
    let reply = deliver_event(&notifier.url, &shopper, Duration::ZERO).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    wait_for_log(
        &[
            "d4000000-0000-4000-8000-000000000001",
            "sending failed; will retry",
        ],
        SOON,
    )
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let sink = Sink::start(port).await;
    let mails = sink.wait_for(1, SOON).await;
    assert!(str_of(&mails[0], "text").contains("Tz3m6Q"));
    let sent = wait_for_log(&["d4000000-0000-4000-8000-000000000001", "sent to"], SOON).await;
    assert!(
        sent.contains("***@banks.test") && !sent.contains("late@"),
        "{sent}"
    );
    assert_logs_hide(&["Tz3m6Q", SECRET]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_code_is_dropped_never_sent_late() {
    let (port, notifier) = start_before_sink().await;
    // Expired on arrival: answered 2xx (a retry cannot help), logged, not sent.
    let old = Shopper::by_email(
        "e5000000-0000-4000-8000-000000000001",
        "passwordless_authentication",
        "Vb8n2K",
        "old@banks.test",
    );
    let reply = deliver_event(&notifier.url, &old, Duration::from_secs(660)).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["status"], "expired");
    wait_for_log(
        &[
            "e5000000-0000-4000-8000-000000000001",
            "the code has expired",
        ],
        SOON,
    )
    .await;

    // Valid for two more seconds while the SMTP server is down: dropped when it expires,
    // and its id released.
    let edge = Shopper::by_email(
        "e5000000-0000-4000-8000-000000000002",
        "reset_password",
        "Jp6w4R",
        "edge@banks.test",
    );
    let body = event(&edge, &created_ago(Duration::from_secs(598)));
    let reply = deliver(&notifier.url, &body).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    wait_for_log(
        &[
            "e5000000-0000-4000-8000-000000000002",
            "the code expired before the e-mail could be sent; dropped",
        ],
        SOON,
    )
    .await;
    let sink = Sink::start(port).await;
    let again = deliver(&notifier.url, &body).await;
    assert_eq!(again.body["status"], "expired", "{}", again.text);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(sink.mails().is_empty(), "nothing sent late");
    assert_logs_hide(&["Vb8n2K", "Jp6w4R", SECRET]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_bodies_get_their_4xx_and_no_email() {
    let (sink, notifier) = start_with_sink().await;
    let shopper = Shopper::by_email(
        "f6000000-0000-4000-8000-000000000001",
        "reset_password",
        "Ym2x7C",
        "bad@banks.test",
    );
    let good = event(&shopper, &created_ago(Duration::ZERO));
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut body = good.clone();
        edit(&mut body);
        body.to_string().into_bytes()
    };
    let json = Some("application/json");
    let mut huge = good.clone();
    huge["padding"] = Value::String("Ym2x7C".repeat(12_000));
    let cases: Vec<(&str, Option<&str>, Vec<u8>, u16)> = vec![
        ("not JSON", json, b"{\"id\": Ym2x7C".to_vec(), 400),
        (
            "plain text",
            Some("text/plain"),
            good.to_string().into_bytes(),
            415,
        ),
        (
            "form",
            Some("application/x-www-form-urlencoded"),
            b"a=Ym2x7C".to_vec(),
            415,
        ),
        ("over 64 KiB", json, huge.to_string().into_bytes(), 413),
        ("a JSON array", json, b"[1,2]".to_vec(), 422),
        (
            "another event",
            json,
            with(&|b| b["triggered_by"] = "order.paid".into()),
            422,
        ),
        (
            "no triggered_by",
            json,
            with(&|b| {
                b.as_object_mut().map(|o| o.remove("triggered_by"));
            }),
            422,
        ),
        (
            "no code",
            json,
            with(&|b| {
                b["payload"]
                    .as_object_mut()
                    .map(|o| o.remove("one_time_password_token"));
            }),
            422,
        ),
        (
            "unknown purpose",
            json,
            with(&|b| b["payload"]["purpose"] = "Ym2x7C".into()),
            422,
        ),
        (
            "bad created_at",
            json,
            with(&|b| b["payload"]["created_at"] = "yesterday".into()),
            422,
        ),
        (
            "bad e-mail",
            json,
            with(&|b| b["payload"]["user_authentication_info"]["email"] = "Ym2x7C".into()),
            422,
        ),
        (
            "no payload",
            json,
            with(&|b| b["payload"] = Value::Null),
            422,
        ),
    ];
    for (what, content_type, body, expected) in cases {
        let reply = post_raw(&notifier.url, "/", Some(SECRET), content_type, body).await;
        assert_eq!(reply.status, expected, "{what}: {}", reply.text);
        let error = &reply.body["errors"][0];
        assert_eq!(
            error["status"],
            expected.to_string(),
            "{what}: {}",
            reply.text
        );
        assert!(
            error["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{what}"
        );
        assert!(
            !reply.text.contains("Ym2x7C"),
            "{what}: the answer echoes the body"
        );
    }
    wait_for_log(&["delivery refused", "status=413"], SOON).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(sink.mails().is_empty(), "no e-mail for a malformed body");
    assert_logs_hide(&["Ym2x7C", SECRET]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_copies_sharing_redis_send_one_email() {
    let redis = Redis::start().await;
    let sink = Sink::start(free_port()).await;
    let shared = [("NOTIFIER_REDIS_URL", redis.url())];
    let shared: Vec<(&str, &str)> = shared.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let one = start(config(&sink.url(), &shared)).await;
    let two = start(config(&sink.url(), &shared)).await;
    let shopper = Shopper::by_email(
        "a7000000-0000-4000-8000-000000000001",
        "passwordless_authentication",
        "Gs5k9B",
        "lb@banks.test",
    );
    let body = event(&shopper, &created_ago(Duration::ZERO));
    let (a, b) = tokio::join!(deliver(&one.url, &body), deliver(&two.url, &body));
    let mut statuses = vec![a.status, b.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 202], "{} / {}", a.text, b.text);
    sink.wait_for(1, SOON).await;
    let later = deliver(&two.url, &body).await;
    assert_eq!(later.body["status"], "duplicate");
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(sink.mails().len(), 1, "one e-mail across both copies");
    let ready = get(&one.url, "/readyz").await;
    assert_eq!(ready.status, 200, "{}", ready.text);
    assert_eq!(ready.body["seen_ids"], "redis");
    drop(redis);
    let unready = get(&one.url, "/readyz").await;
    assert_eq!(unready.status, 503, "Redis gone: {}", unready.text);
    assert_logs_hide(&["Gs5k9B", SECRET]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_answers_503_and_drains_the_queue_first() {
    let (port, mut notifier) = start_before_sink().await;
    let health = get(&notifier.url, "/healthz").await;
    assert_eq!(
        (health.status, &health.body["status"]),
        (200, &Value::from("ok"))
    );
    let ready = get(&notifier.url, "/readyz").await;
    assert_eq!(ready.status, 200, "{}", ready.text);
    assert_eq!(ready.body["seen_ids"], "memory");

    let queued = Shopper::by_email(
        "b8000000-0000-4000-8000-000000000001",
        "reset_password",
        "Nc7r5F",
        "drain@banks.test",
    );
    let reply = deliver_event(&notifier.url, &queued, Duration::ZERO).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    wait_for_log(
        &["b8000000-0000-4000-8000-000000000001", "sending failed"],
        SOON,
    )
    .await;

    notifier.begin_stop();
    wait_for_log(&["stopping: new deliveries get 503"], SOON).await;
    let late = Shopper {
        event_id: "b8000000-0000-4000-8000-000000000002",
        code: "Ql3z8H",
        ..queued
    };
    let refused = deliver_event(&notifier.url, &late, Duration::ZERO).await;
    assert_eq!(refused.status, 503, "{}", refused.text);
    let unready = get(&notifier.url, "/readyz").await;
    assert_eq!(unready.status, 503);
    assert_eq!(unready.body["accepting"], false);

    // The queued e-mail still goes out once the server is up; then the notifier returns.
    let sink = Sink::start(port).await;
    notifier.join(SOON).await.expect("a clean stop");
    let mails = sink.mails();
    assert_eq!(mails.len(), 1, "the queued e-mail, and only it");
    assert!(str_of(&mails[0], "text").contains("Nc7r5F"));
    assert_logs_hide(&["Nc7r5F", "Ql3z8H", SECRET]);
}

/// One full run, every kind of delivery, then the whole captured log (every crate, every
/// level down to TRACE) is searched for the codes, the links and the secret.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_log_line_holds_a_code_a_link_or_the_secret() {
    let (sink, notifier) = start_with_sink().await;
    let mut hidden: Vec<String> = vec![SECRET.to_string()];
    for (n, purpose) in ["reset_password", "passwordless_authentication"]
        .iter()
        .enumerate()
    {
        let id = format!("c9000000-0000-4000-8000-00000000000{n}");
        let code = format!("Lg{n}q8U");
        let email = format!("log{n}+tag@banks.test");
        let shopper = Shopper {
            event_id: &id,
            purpose,
            code: &code,
            username: &email,
            email: &email,
            name: "Logan",
        };
        let body = event(&shopper, &created_ago(Duration::ZERO));
        assert_eq!(deliver(&notifier.url, &body).await.status, 202);
        assert_eq!(deliver(&notifier.url, &body).await.status, 200);
        let wrong = post_raw(
            &notifier.url,
            "/",
            Some("wrong"),
            None,
            body.to_string().into_bytes(),
        )
        .await;
        assert_eq!(wrong.status, 401);
        let mails = sink.wait_for(n + 1, SOON).await;
        let link = link_in(str_of(&mails[n], "text"));
        hidden.push(code);
        hidden.push(email);
        hidden.push(link.clone());
        // The link's query alone, as a log line might quote it.
        hidden.push(
            link.split_once('?')
                .map(|(_, q)| q.to_string())
                .unwrap_or_default(),
        );
        wait_for_log(&[&id, "sent to ***@banks.test"], SOON).await;
    }
    notifier.stop(SOON).await.expect("a clean stop");
    let hidden: Vec<&str> = hidden.iter().map(String::as_str).collect();
    assert_logs_hide(&hidden);
}
