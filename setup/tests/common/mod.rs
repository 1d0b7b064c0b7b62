//! The emulator served in-process on 127.0.0.1 (a free port), a record of the requests
//! it gets, and helpers to run the real `commerce-otp-setup` binary against it.
#![allow(dead_code)]

use axum::extract::Request;
use axum::middleware::{self, Next};
use commerce_emulator::seed::SelfManagement;
use commerce_emulator::{api_router, Config, Emulator, Seed, Shared};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

pub const CLIENT_ID: &str = "emulator-demo-client";
pub const CLIENT_SECRET: &str = "setup-test-secret-7d41e9";
pub const REALM: &str = "3418c54e-d768-42c1-a9db-d7afd2a18452";
pub const PROFILE: &str = "9a44bb7e-e377-4382-b36e-c8030aad1c2d";
pub const WEBHOOK_URL: &str = "https://hooks.example.com/otp";

/// The demo store before set-up: self management `disabled`, OTP off on "Shopper passwords".
pub fn unprepared_seed() -> Seed {
    let mut seed = Seed::demo();
    seed.account_authentication_settings
        .account_member_self_management = SelfManagement::Disabled;
    for profile in &mut seed.password_profiles {
        profile.enable_one_time_password_token = false;
    }
    seed
}

pub struct TestEmulator {
    /// First, so that it stops (and its thread is joined) before the rest is dropped.
    server: Server,
    pub emu: Shared,
    pub base: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl TestEmulator {
    pub fn start(seed: Seed) -> Self {
        let listener = local_listener();
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let config = Config {
            api_url: base.clone(),
            app_url: "http://127.0.0.1:9".into(),
            token_ttl_secs: 3600,
            client_secret: Some(CLIENT_SECRET.into()),
        };
        let emu = Emulator::new(seed, config).expect("seed loads");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = requests.clone();
        let router = api_router(emu.clone()).layer(middleware::from_fn(
            move |request: Request, next: Next| {
                let log = log.clone();
                async move {
                    let line = format!("{} {}", request.method(), request.uri().path());
                    log.lock().expect("log").push(line);
                    next.run(request).await
                }
            },
        ));
        Self {
            server: Server::serve(listener, router),
            emu,
            base,
            requests,
        }
    }

    /// The requests so far ("METHOD /path"), and forget them.
    pub fn take_requests(&self) -> Vec<String> {
        std::mem::take(&mut *self.requests.lock().expect("log"))
    }

    /// Every access token the emulator has issued.
    pub fn access_tokens(&self) -> Vec<String> {
        self.emu.world().access_tokens.keys().cloned().collect()
    }

    /// A client_credentials token, for checking the store afterwards.
    pub fn admin_token(&self) -> String {
        self.token(&format!(
            "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
        ))
    }

    pub fn implicit_token(&self) -> String {
        self.token(&format!("grant_type=implicit&client_id={CLIENT_ID}"))
    }

    fn token(&self, form: &str) -> String {
        let response = reqwest::blocking::Client::new()
            .post(format!("{}/oauth/access_token", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form.to_owned())
            .send()
            .expect("token");
        assert!(response.status().is_success());
        let body: Value = response.json().expect("json");
        body["access_token"].as_str().expect("token").to_owned()
    }

    /// `GET path` with a client_credentials token; the JSON body.
    pub fn get(&self, path: &str) -> Value {
        let response = reqwest::blocking::Client::new()
            .get(format!("{}{path}", self.base))
            .bearer_auth(self.admin_token())
            .send()
            .expect("get");
        assert!(
            response.status().is_success(),
            "GET {path}: {}",
            response.status()
        );
        response.json().expect("json")
    }

    /// `method path` with a JSON body and a client_credentials token, or no token for
    /// the `/__emulator` controls; the status and JSON body.
    pub fn send(&self, method: reqwest::Method, path: &str, body: Value) -> (u16, Value) {
        let mut request = reqwest::blocking::Client::new()
            .request(method, format!("{}{path}", self.base))
            .json(&body);
        if !path.starts_with("/__emulator") {
            request = request.bearer_auth(self.admin_token());
        }
        let response = request.send().expect("send");
        let status = response.status().as_u16();
        (status, response.json().unwrap_or(Value::Null))
    }

    /// Ask for a one-time password (implicit token), as the app does; the status.
    pub fn request_code(&self, profile: &str, username: &str, purpose: &str) -> u16 {
        reqwest::blocking::Client::new()
            .post(format!(
                "{}/v2/authentication-realms/{REALM}/password-profiles/{profile}/one-time-password-token-request",
                self.base
            ))
            .bearer_auth(self.implicit_token())
            .json(&json!({"data": {
                "type": "one_time_password_token_request",
                "username": username,
                "purpose": purpose,
            }}))
            .send()
            .expect("code request")
            .status()
            .as_u16()
    }

    /// Sign in with a password (implicit token), as the app does; the status and body.
    pub fn password_sign_in(&self, profile: &str, username: &str, password: &str) -> (u16, Value) {
        let response = reqwest::blocking::Client::new()
            .post(format!("{}/v2/account-members/tokens", self.base))
            .bearer_auth(self.implicit_token())
            .json(&json!({"data": {
                "type": "account_management_authentication_token",
                "authentication_mechanism": "password",
                "password_profile_id": profile,
                "username": username,
                "password": password,
            }}))
            .send()
            .expect("sign in");
        let status = response.status().as_u16();
        (status, response.json().unwrap_or(Value::Null))
    }
}

/// A non-blocking listener on 127.0.0.1, at a free port.
fn local_listener() -> std::net::TcpListener {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    listener.set_nonblocking(true).expect("non-blocking");
    listener
}

/// A router served on its own thread until dropped (then stopped and joined).
struct Server {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn serve(listener: std::net::TcpListener, router: axum::Router) -> Self {
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                tokio::select! {
                    _ = axum::serve(listener, router) => {}
                    _ = stopped => {}
                }
            });
        });
        Self {
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A fresh directory for one test's files, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("otp-setup-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir");
        Self(path)
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a run printed.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }

    /// The step line that starts with `[n/` (`[n/6]`, or `[n/7]` with `--app-url`).
    pub fn step(&self, n: usize) -> &str {
        let prefix = format!("[{n}/");
        self.stdout
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no step {n} in:\n{}", self.stdout))
    }

    pub fn last_line(&self) -> &str {
        self.stdout.lines().last().unwrap_or("")
    }

    /// The summary: the line after the last step line (the last line, unless the link
    /// templates follow it).
    pub fn summary(&self) -> &str {
        self.stdout
            .lines()
            .skip_while(|l| !l.starts_with('['))
            .find(|l| !l.starts_with('['))
            .unwrap_or("")
    }

    pub fn all(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Run the binary in `dir` with exactly these set-up variables (others removed).
pub fn run_setup(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_commerce-otp-setup"));
    command.current_dir(dir).args(args);
    for name in [
        "EPCC_CLIENT_ID",
        "EPCC_CLIENT_SECRET",
        "SETUP_TEST_USER_PASSWORD",
        "SETUP_WEBHOOK_SECRET",
        "COMMERCE_OTP_WEBHOOK_SECRET",
    ] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().expect("run commerce-otp-setup");
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// The credentials the emulator accepts.
pub fn credentials() -> Vec<(&'static str, &'static str)> {
    vec![
        ("EPCC_CLIENT_ID", CLIENT_ID),
        ("EPCC_CLIENT_SECRET", CLIENT_SECRET),
    ]
}

/// [`credentials`] and `extra` on top.
pub fn credentials_with(
    extra: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    let mut env = credentials();
    env.extend_from_slice(extra);
    env
}

/// The arguments of a webhook run: `--api-base`, `--webhook-url` and `--out`.
pub fn webhook_args<'a>(api_base: &'a str, webhook_url: &'a str, out: &'a str) -> Vec<&'a str> {
    vec![
        "--api-base",
        api_base,
        "--webhook-url",
        webhook_url,
        "--out",
        out,
    ]
}

/// Whether any request changed something (anything but reads and the token grant).
pub fn writes(requests: &[String]) -> Vec<&String> {
    requests
        .iter()
        .filter(|r| !r.starts_with("GET ") && r.as_str() != "POST /oauth/access_token")
        .collect()
}

/// One POST a [`Receiver`] got: the `X-MOLTIN-SECRET-KEY` header and the JSON body.
#[derive(Debug, Clone)]
pub struct Received {
    pub secret_header: Option<String>,
    pub body: Value,
}

/// A webhook receiver on 127.0.0.1 (a free port) that answers 200 and keeps what it got.
pub struct Receiver {
    /// First, so that it stops (and its thread is joined) before the rest is dropped.
    server: Server,
    pub url: String,
    got: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    pub fn start() -> Self {
        let listener = local_listener();
        let url = format!(
            "http://{}/otp-hook",
            listener.local_addr().expect("address")
        );
        let got = Arc::new(Mutex::new(Vec::new()));
        let log = got.clone();
        let router = axum::Router::new().route(
            "/otp-hook",
            axum::routing::post(
                move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
                    let log = log.clone();
                    async move {
                        log.lock().expect("log").push(Received {
                            secret_header: headers
                                .get("x-moltin-secret-key")
                                .and_then(|v| v.to_str().ok())
                                .map(str::to_owned),
                            body: serde_json::from_slice(&body).unwrap_or(Value::Null),
                        });
                        axum::http::StatusCode::OK
                    }
                },
            ),
        );
        Self {
            server: Server::serve(listener, router),
            url,
            got,
        }
    }

    /// Waits (up to 15 s) for `count` POSTs; what arrived.
    pub fn wait_for(&self, count: usize) -> Vec<Received> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            let got = self.got.lock().expect("log").clone();
            if got.len() >= count || std::time::Instant::now() > deadline {
                assert_eq!(got.len(), count, "POSTs received: {got:?}");
                return got;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}
