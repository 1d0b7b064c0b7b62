//! Webhook delivery: each one-time password token request is POSTed, in the background,
//! to the integrations that observe it, with `X-MOLTIN-SECRET-KEY`, retried on failure,
//! and every attempt is listed at `/__emulator/deliveries`. The receivers here are tiny
//! axum servers on 127.0.0.1.

mod common;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::routing::post;
use axum::Router;
use commerce_emulator::Seed;
use common::*;
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SEEDED_INTEGRATION: &str = "145d7084-7b00-4f10-9d55-0ecd49c1a2bb";
const SECRET: &str = "hook-secret-8d1f";

/// One POST as the receiver got it.
#[derive(Debug, Clone)]
struct Received {
    headers: HeaderMap,
    body: Value,
}

#[derive(Clone, Default)]
struct Receiver {
    got: Arc<Mutex<Vec<Received>>>,
    /// The statuses to answer, in order; 200 once they run out.
    script: Arc<Mutex<VecDeque<u16>>>,
}

impl Received {
    /// The header `name`, when it is there and readable as text.
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl Receiver {
    /// A receiver on 127.0.0.1 answering `script`, then 200; its `/hook` URL.
    async fn start(script: &[u16]) -> (Self, String) {
        let receiver = Self::default();
        receiver.script.lock().unwrap().extend(script);
        let router = Router::new()
            .route("/hook", post(receive))
            .with_state(receiver.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        (receiver, url)
    }

    fn got(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }

    /// Waits (up to 15 s) until `count` POSTs have arrived.
    async fn wait_for(&self, count: usize) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let got = self.got();
            if got.len() >= count || Instant::now() > deadline {
                assert_eq!(got.len(), count, "POSTs received: {got:?}");
                return got;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

async fn receive(State(receiver): State<Receiver>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let body = serde_json::from_slice(&body).unwrap_or(Value::Null);
    receiver
        .got
        .lock()
        .unwrap()
        .push(Received { headers, body });
    let status = receiver.script.lock().unwrap().pop_front().unwrap_or(200);
    StatusCode::from_u16(status).unwrap()
}

fn integration(url: &str, secret: &str) -> Value {
    json!({"data": {
        "type": "integration",
        "name": "One Time Password notification",
        "description": "Send one time password notification",
        "enabled": true,
        "integration_type": "webhook",
        "observes": ["one-time-password-token-request.created"],
        "configuration": {"url": url, "secret_key": secret},
    }})
}

/// Creates an integration; its id.
async fn create(h: &Harness, body: Value) -> String {
    let cc = h.client_credentials().await;
    let reply = h
        .call(Method::POST, "/v2/integrations", Some(&cc), Some(body))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json()["data"]["id"].as_str().unwrap().to_owned()
}

async fn request_code(h: &Harness) {
    let implicit = h.implicit().await;
    let reply = h
        .request_code(&implicit, JOHN_EMAIL, "reset_password")
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED, "{}", reply.text());
}

async fn deliveries(h: &Harness) -> Vec<Value> {
    let reply = h.control(Method::GET, "/__emulator/deliveries", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    reply.json().as_array().unwrap().clone()
}

/// Waits (up to 15 s) until `/__emulator/deliveries` lists `count` attempts.
async fn wait_for_deliveries(h: &Harness, count: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let list = deliveries(h).await;
        if list.len() >= count || Instant::now() > deadline {
            assert_eq!(list.len(), count, "{list:?}");
            return list;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The event without what differs between the outbox and a delivery.
fn common_part(event: &Value) -> Value {
    let mut event = event.clone();
    let fields = event.as_object_mut().unwrap();
    for key in ["configuration", "attempt", "integration"] {
        fields.remove(key);
    }
    event
}

#[tokio::test]
async fn an_integration_gets_the_event_with_its_secret() {
    let h = Harness::new();
    let (receiver, url) = Receiver::start(&[]).await;
    let id = create(&h, integration(&url, SECRET)).await;
    request_code(&h).await;

    let got = receiver.wait_for(1).await;
    let post = &got[0];
    assert_eq!(post.header("x-moltin-secret-key"), Some(SECRET));
    assert_eq!(post.header("content-type"), Some("application/json"));
    let body = &post.body;
    assert_eq!(body["attempt"], 1);
    assert_eq!(
        body["configuration"],
        json!({"url": url, "secret_key": SECRET})
    );
    assert_eq!(
        body["integration"],
        json!({
            "id": id,
            "integration_type": "webhook",
            "name": "One Time Password notification",
            "description": "Send one time password notification",
        })
    );
    assert_eq!(
        body["triggered_by"],
        "one-time-password-token-request.created"
    );
    assert_eq!(body["store_id"], STORE);
    // The outbox still has the e-mail, with the same event otherwise.
    let outbox = h.outbox().await;
    assert_eq!(outbox.len(), 1);
    let event = &outbox[0]["event"];
    assert_eq!(common_part(body), common_part(event));
    assert_eq!(
        body["payload"]["one_time_password_token"],
        h.last_code().await.as_str()
    );
    assert!(
        event.get("attempt").is_none(),
        "the outbox event is as before"
    );

    let list = wait_for_deliveries(&h, 1).await;
    let attempt = &list[0];
    assert_eq!(attempt["event_id"], event["id"]);
    assert_eq!(attempt["integration_id"], id.as_str());
    assert_eq!(attempt["url"], url.as_str());
    assert_eq!(attempt["attempt"], 1);
    assert_eq!(attempt["status"], 200);
    assert_eq!(attempt["error"], Value::Null);
    assert_eq!(attempt["succeeded"], true);
    assert!(attempt["at"].is_string());
    assert!(
        !attempt.to_string().contains(SECRET),
        "no secret in the list: {attempt}"
    );
    let state = h
        .control(Method::GET, "/__emulator/state", None)
        .await
        .json();
    assert_eq!(state["deliveries"], 1);
    assert!(!state.to_string().contains(SECRET), "{state}");
}

#[tokio::test]
async fn a_failing_receiver_gets_retries_until_it_answers_2xx() {
    let h = Harness::new();
    let (receiver, url) = Receiver::start(&[500, 500]).await;
    create(&h, integration(&url, SECRET)).await;
    request_code(&h).await;

    let got = receiver.wait_for(3).await;
    let attempts: Vec<&Value> = got.iter().map(|p| &p.body["attempt"]).collect();
    assert_eq!(attempts, [&json!(1), &json!(2), &json!(3)]);
    assert!(
        got.iter().all(|p| p.body["id"] == got[0].body["id"]),
        "one event, sent again"
    );
    let list = wait_for_deliveries(&h, 3).await;
    let outcomes: Vec<(Value, Value, Value)> = list
        .iter()
        .map(|a| {
            (
                a["attempt"].clone(),
                a["status"].clone(),
                a["succeeded"].clone(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            (json!(1), json!(500), json!(false)),
            (json!(2), json!(500), json!(false)),
            (json!(3), json!(200), json!(true)),
        ]
    );
    // Nothing more once it has succeeded.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(receiver.got().len(), 3);
}

#[tokio::test]
async fn an_unreachable_or_silent_receiver_does_not_hold_up_the_code() {
    let h = Harness::new();
    // A port nobody listens on.
    let closed = {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        format!("http://{}/hook", listener.local_addr().unwrap())
    };
    // A receiver that accepts the connection and never answers.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let silent_url = format!("http://{}/hook", silent.local_addr().unwrap());
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = silent.accept().await {
            held.push(socket);
        }
    });
    let unreachable = create(&h, integration(&closed, SECRET)).await;
    create(&h, integration(&silent_url, SECRET)).await;

    let started = Instant::now();
    request_code(&h).await;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "the 202 waited {:?}",
        started.elapsed()
    );
    assert_eq!(h.outbox().await.len(), 1, "the e-mail is in the outbox");
    let code = h.last_code().await;
    let implicit = h.implicit().await;
    let signed_in = h.passwordless(&implicit, JOHN_EMAIL, &code).await;
    assert_eq!(signed_in.status, StatusCode::CREATED, "the code works");

    let list = wait_for_deliveries(&h, 1).await;
    let attempt = &list[0];
    assert_eq!(attempt["integration_id"], unreachable.as_str());
    assert_eq!(attempt["status"], Value::Null);
    assert_eq!(attempt["succeeded"], false);
    assert!(
        attempt["error"]
            .as_str()
            .is_some_and(|e| e.contains("could not connect")),
        "{attempt}"
    );
}

#[tokio::test]
async fn only_enabled_webhooks_that_observe_the_event_get_it() {
    let h = Harness::new();
    let (receiver, url) = Receiver::start(&[]).await;
    let mut disabled = integration(&url, "a");
    disabled["data"]["enabled"] = json!(false);
    let mut other_event = integration(&url, "b");
    other_event["data"]["observes"] = json!(["order.created"]);
    let mut queue = integration(&url, "c");
    queue["data"]["integration_type"] = json!("stomp");
    let own_outbox = integration("http://127.0.0.1:4010/__emulator/outbox", "d");
    for body in [disabled, other_event, queue, own_outbox] {
        create(&h, body).await;
    }
    let mut no_description = integration(&url, "");
    let fields = no_description["data"].as_object_mut().unwrap();
    fields.remove("description");
    fields["configuration"] = json!({ "url": url });
    let wanted = create(&h, no_description).await;
    request_code(&h).await;

    let got = receiver.wait_for(1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(receiver.got().len(), 1, "only one integration qualifies");
    let post = &got[0];
    assert_eq!(post.body["integration"]["id"], wanted.as_str());
    assert_eq!(post.body["integration"]["description"], "");
    assert_eq!(post.body["configuration"]["secret_key"], "");
    assert!(
        post.headers.get("x-moltin-secret-key").is_none(),
        "no secret, no header"
    );
    assert_eq!(wait_for_deliveries(&h, 1).await.len(), 1);
}

#[tokio::test]
async fn the_seeded_integration_delivers_when_it_has_a_url() {
    let (receiver, url) = Receiver::start(&[]).await;
    let mut seed = Seed::demo();
    seed.integration.url = Some(url.clone());
    seed.integration.secret_key = Some(SECRET.into());
    let h = Harness::with_seed(seed);
    request_code(&h).await;

    let got = receiver.wait_for(1).await;
    let post = &got[0];
    assert_eq!(post.header("x-moltin-secret-key"), Some(SECRET));
    assert_eq!(post.body["integration"]["id"], SEEDED_INTEGRATION);
    assert_eq!(post.body["configuration"]["url"], url.as_str());
    let outbox = h.outbox().await;
    assert_eq!(common_part(&post.body), common_part(&outbox[0]["event"]));
    assert_eq!(
        outbox[0]["event"]["integration"]["id"], SEEDED_INTEGRATION,
        "the outbox names the same integration"
    );
    // It stays the emulator's own: not listed.
    let cc = h.client_credentials().await;
    let list = h
        .call(Method::GET, "/v2/integrations", Some(&cc), None)
        .await;
    assert_eq!(list.json()["data"], json!([]));
    let state = h
        .control(Method::GET, "/__emulator/state", None)
        .await
        .json();
    assert_eq!(state["webhook_url"], url.as_str());
}

#[tokio::test]
async fn a_reset_stops_the_retries() {
    let (receiver, url) = Receiver::start(&[500, 500, 500, 500]).await;
    let mut seed = Seed::demo();
    seed.integration.url = Some(url);
    let h = Harness::with_seed(seed);
    request_code(&h).await;
    receiver.wait_for(1).await;
    wait_for_deliveries(&h, 1).await;
    let reply = h.control(Method::POST, "/__emulator/reset", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(deliveries(&h).await, Vec::<Value>::new());
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(receiver.got().len(), 1, "no retry after the reset");
    assert_eq!(deliveries(&h).await, Vec::<Value>::new());
}

// ---------------------------------------------------------------- the binary

/// The emulator binary with `args`, `EMULATOR_WEBHOOK_SECRET` as given; its API URL
/// (from the ready file) and the child, which exits when its stdin closes.
async fn start_binary(args: &[&str], secret: Option<&str>) -> (String, std::process::Child) {
    start_binary_with(|command| {
        command.args(args).env_remove("EMULATOR_WEBHOOK_SECRET");
        if let Some(secret) = secret {
            command.env("EMULATOR_WEBHOOK_SECRET", secret);
        }
    })
    .await
}

#[tokio::test]
async fn webhook_url_points_the_seeded_integration_at_a_receiver() {
    let (receiver, url) = Receiver::start(&[]).await;
    let (api, mut child) = start_binary(&["--webhook-url", &url], Some(SECRET)).await;
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let token: Value = http
        .post(format!("{api}/oauth/access_token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("grant_type=implicit&client_id={CLIENT_ID}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .map(|text| serde_json::from_str(&text).unwrap())
        .unwrap();
    let status = http
        .post(format!(
            "{api}/v2/authentication-realms/{REALM}/password-profiles/{PROFILE}/one-time-password-token-request"
        ))
        .bearer_auth(token["access_token"].as_str().unwrap())
        .header("content-type", "application/json")
        .body(
            json!({"data": {"type": "one_time_password_token_request",
                            "username": JOHN_EMAIL, "purpose": "passwordless_authentication"}})
            .to_string(),
        )
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status.as_u16(), 202);

    let got = receiver.wait_for(1).await;
    drop(child.stdin.take());
    let _ = child.wait();
    let post = &got[0];
    assert_eq!(post.header("x-moltin-secret-key"), Some(SECRET));
    assert_eq!(post.body["integration"]["id"], SEEDED_INTEGRATION);
    assert_eq!(
        post.body["payload"]["purpose"],
        "passwordless_authentication"
    );
    assert_eq!(post.body["configuration"]["url"], url.as_str());
    assert_eq!(post.body["attempt"], 1);
}

#[test]
fn bad_webhook_flags_are_refused() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_commerce-emulator"))
            .args(args)
            .args(["--max-lifetime-secs", "5"])
            .stdin(std::process::Stdio::null())
            .output()
            .expect("runs")
    };
    let bad = run(&["--webhook-url", "ftp://example.com/hook"]);
    assert!(!bad.status.success());
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("--webhook-url"), "{stderr}");
    assert!(stderr.contains("not an http(s) URL"), "{stderr}");
    // A secret needs a URL to go with.
    let lonely = run(&["--webhook-secret", "s"]);
    assert_eq!(lonely.status.code(), Some(2));
}
