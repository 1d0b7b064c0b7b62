//! A harness that drives the router in-process with `tower::ServiceExt::oneshot`.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use commerce_emulator::{api_router, Config, Emulator, Seed, Shared};
use serde_json::{json, Value};
use tower::ServiceExt;

pub const CLIENT_ID: &str = "emulator-demo-client";
pub const CLIENT_SECRET: &str = "test-secret";
pub const REALM: &str = "3418c54e-d768-42c1-a9db-d7afd2a18452";
pub const PROFILE: &str = "9a44bb7e-e377-4382-b36e-c8030aad1c2d";
pub const LEGACY_PROFILE: &str = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
pub const JOHN: &str = "459a2d49-ff3f-4589-b9fb-7e86ac7273f4";
pub const JOHN_INFO: &str = "d63be373-580d-4e16-818b-15513341e9b6";
pub const JOHN_EMAIL: &str = "john.doe@banks.com";
pub const JOHN_PASSWORD: &str = "Password-123";
pub const JOHN_ACCOUNT: &str = "e46ca02d-c4fb-42ec-81d1-26fd1ef9fc68";
pub const JANE: &str = "c825bd75-c12a-4918-ad46-11ffbe3ad616";
pub const JANE_INFO: &str = "95c190fb-ff06-4cae-a25e-988bce3bb426";
pub const JANE_EMAIL: &str = "jane.smith@example.com";
pub const STORE: &str = "5f8a3e7c-1d2b-4c6e-9a0f-3b7d2e1c4a55";

/// Sends `request` to `router` in-process and reads the whole answer.
pub async fn send(router: &Router, request: Request<Body>) -> Reply {
    let response = router.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    Reply {
        status,
        headers,
        bytes,
    }
}

/// `GET path` on `router`, in-process.
pub async fn get(router: &Router, path: &str) -> Reply {
    send(
        router,
        Request::get(path).body(Body::empty()).expect("request"),
    )
    .await
}

/// A fresh directory under the system temp dir, removed on drop.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    pub fn new() -> Self {
        let dir =
            std::env::temp_dir().join(format!("commerce-emulator-test-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self(dir)
    }

    /// Writes `contents` to `path` under the directory, making its folders.
    pub fn write(&self, path: &str, contents: &[u8]) {
        let path = self.0.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
        std::fs::write(path, contents).expect("written");
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.bytes)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Assert a JSON:API error with this status.
    pub fn assert_error(&self, status: u16) -> Value {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.text());
        assert_eq!(self.header("content-type"), Some("application/json"));
        let body = self.json();
        assert_eq!(
            body["errors"][0]["status"],
            json!(status.to_string()),
            "{body}"
        );
        assert!(body["errors"][0]["title"].is_string(), "{body}");
        body
    }
}

pub struct Harness {
    pub emu: Shared,
    pub router: Router,
}

impl Harness {
    pub fn new() -> Self {
        Self::with_seed(Seed::demo())
    }

    pub fn with_seed(seed: Seed) -> Self {
        let config = Config {
            api_url: "http://127.0.0.1:4010".into(),
            app_url: "http://127.0.0.1:9999".into(),
            token_ttl_secs: 3600,
            client_secret: Some(CLIENT_SECRET.into()),
        };
        let emu = Emulator::new(seed, config).expect("seed loads");
        Self {
            router: api_router(emu.clone()),
            emu,
        }
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        send(&self.router, req).await
    }

    /// A request with optional bearer token and JSON body.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        bearer: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        self.call_with(method, path, bearer, &[], body).await
    }

    pub async fn call_with(
        &self,
        method: Method,
        path: &str,
        bearer: Option<&str>,
        extra_headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> Reply {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "127.0.0.1:4010");
        if let Some(token) = bearer {
            req = req.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        for (name, value) in extra_headers {
            req = req.header(*name, *value);
        }
        let body = match body {
            Some(v) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(req.body(body).expect("request")).await
    }

    pub async fn form(&self, form: &str) -> Reply {
        let req = Request::post("/oauth/access_token")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form.to_owned()))
            .expect("request");
        self.send(req).await
    }

    pub async fn implicit(&self) -> String {
        let reply = self
            .form(&format!("grant_type=implicit&client_id={CLIENT_ID}"))
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        reply.json()["access_token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    pub async fn client_credentials(&self) -> String {
        let reply = self
            .form(&format!(
                "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
            ))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        reply.json()["access_token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    pub async fn request_code_in(
        &self,
        token: &str,
        profile: &str,
        username: &str,
        purpose: &str,
    ) -> Reply {
        let path = format!("/v2/authentication-realms/{REALM}/password-profiles/{profile}/one-time-password-token-request");
        let body = json!({"data": {"type": "one_time_password_token_request", "username": username, "purpose": purpose}});
        self.call(Method::POST, &path, Some(token), Some(body))
            .await
    }

    pub async fn request_code(&self, token: &str, username: &str, purpose: &str) -> Reply {
        self.request_code_in(token, PROFILE, username, purpose)
            .await
    }

    pub async fn outbox(&self) -> Vec<Value> {
        let reply = self
            .call(Method::GET, "/__emulator/outbox", None, None)
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        reply.json().as_array().expect("array").clone()
    }

    /// The code of the newest e-mail.
    pub async fn last_code(&self) -> String {
        let outbox = self.outbox().await;
        let last = outbox.last().expect("an e-mail");
        last["event"]["payload"]["one_time_password_token"]
            .as_str()
            .expect("code")
            .to_owned()
    }

    pub async fn tokens(&self, token: &str, data: Value) -> Reply {
        self.call(
            Method::POST,
            "/v2/account-members/tokens",
            Some(token),
            Some(json!({ "data": data })),
        )
        .await
    }

    pub async fn passwordless(&self, token: &str, username: &str, code: &str) -> Reply {
        self.tokens(
            token,
            json!({
                "type": "account_management_authentication_token",
                "authentication_mechanism": "passwordless",
                "password_profile_id": PROFILE,
                "username": username,
                "one_time_password_token": code,
            }),
        )
        .await
    }

    pub async fn password_login(&self, token: &str, username: &str, password: &str) -> Reply {
        self.tokens(
            token,
            json!({
                "type": "account_management_authentication_token",
                "authentication_mechanism": "password",
                "password_profile_id": PROFILE,
                "username": username,
                "password": password,
            }),
        )
        .await
    }

    /// John's (or Jane's) first account-management token, via the password mechanism.
    pub async fn am_token(&self, token: &str, username: &str, password: &str) -> String {
        let reply = self.password_login(token, username, password).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
        reply.json()["data"][0]["token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    pub async fn control(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        self.call(method, path, None, body).await
    }
}

/// The claims of a JWT, without checking its signature.
pub fn jwt_claims(token: &str) -> Value {
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "JWT has three parts");
    let header: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0]).expect("b64")).expect("json");
    assert_eq!(header["alg"], "HS256");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).expect("b64")).expect("json")
}

/// Starts the emulator binary (ready file, exit on stdin EOF, 60 s lifetime), after
/// `configure` adds its own arguments and environment; its API URL and the child.
pub async fn start_binary_with(
    configure: impl FnOnce(&mut std::process::Command),
) -> (String, std::process::Child) {
    let run_dir = TempDir::new();
    let ready = run_dir.0.join("ready.json");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_commerce-emulator"));
    command
        .args([
            "--ready-file",
            ready.to_str().unwrap(),
            "--exit-on-stdin-eof",
        ])
        .args(["--max-lifetime-secs", "60"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    configure(&mut command);
    let child = command.spawn().expect("the emulator starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let text = loop {
        if let Ok(text) = std::fs::read_to_string(&ready) {
            break text;
        }
        assert!(std::time::Instant::now() < deadline, "no ready file");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    let ready: Value = serde_json::from_str(&text).unwrap();
    (ready["api"].as_str().unwrap().to_owned(), child)
}

pub fn infos_path(uai: &str) -> String {
    format!("/v2/authentication-realms/{REALM}/user-authentication-info/{uai}/user-authentication-password-profile-info")
}
