//! What the delivery tests share: a real SMTP server (aiosmtpd, `smtp_sink.py`), a real
//! Redis, notifiers started in-process, events, and every log line the notifiers write.
#![allow(dead_code)]

use commerce_otp_notifier::{Config, StartError};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Mutex, Once, OnceLock};
use std::time::Duration;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::process::{Child, ChildStdin, Command};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const SECRET: &str = "whsec-Test-0f9e8d7c";
pub const APP_URL: &str = "https://shop.example/account/otp/";
pub const STORE: &str = "Test Store";
pub const REALM: &str = "063623f1-9182-4c8f-bb17-91d326e06e69";
pub const PROFILE: &str = "9a44bb7e-e377-4382-b36e-c8030aad1c2d";
pub const INFO: &str = "d63be373-580d-4e16-818b-15513341e9b6";

// ---------------------------------------------------------------------------------------
// Logs

static LOGS: Mutex<Vec<u8>> = Mutex::new(Vec::new());

struct Capture;

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut logs) = LOGS.lock() {
            logs.extend_from_slice(buf);
        }
        if std::env::var_os("NOTIFIER_TEST_LOGS").is_some() {
            let _ = std::io::stderr().write_all(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures every log line of this test binary, of every crate and level (once).
pub fn capture_logs() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(|| Capture)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
    });
}

/// Everything logged so far.
pub fn logs() -> String {
    String::from_utf8_lossy(&LOGS.lock().expect("logs")).into_owned()
}

/// Fails if any log line so far holds one of `hidden` (the code, the link, the secret).
pub fn assert_logs_hide(hidden: &[&str]) {
    let logs = logs();
    assert!(!logs.is_empty(), "no logs captured at all");
    for h in hidden {
        assert!(
            !logs.contains(h),
            "a log line holds a secret value ({} characters); the logs:\n{logs}",
            h.len()
        );
    }
}

/// Waits until a log line holds every one of `needles`.
pub async fn wait_for_log(needles: &[&str], within: Duration) -> String {
    let start = tokio::time::Instant::now();
    loop {
        if let Some(line) = logs()
            .lines()
            .find(|line| needles.iter().all(|n| line.contains(n)))
        {
            return line.to_string();
        }
        assert!(
            start.elapsed() < within,
            "no log line with {needles:?} within {within:?}; the logs:\n{}",
            logs()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

// ---------------------------------------------------------------------------------------
// Ports and tools

/// A port free at the time of asking.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// The Python that has aiosmtpd: `NOTIFIER_TEST_PYTHON`, else the one scripts/install
/// prepares (`$COMMERCE_OTP_TOOLS/python`, by default ~/.local/share/commerce-otp/python),
/// else `python3` on PATH.
pub fn python() -> &'static str {
    static PYTHON: OnceLock<String> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let tools = std::env::var_os("COMMERCE_OTP_TOOLS")
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("XDG_DATA_HOME").map(|d| PathBuf::from(d).join("commerce-otp"))
            })
            .or_else(|| {
                std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share/commerce-otp"))
            });
        let candidates: Vec<String> = std::env::var("NOTIFIER_TEST_PYTHON")
            .ok()
            .into_iter()
            .chain(
                tools
                    .map(|t| t.join("python/bin/python3"))
                    .filter(|p| p.is_file())
                    .map(|p| p.display().to_string()),
            )
            .chain(["python3".to_string()])
            .collect();
        for candidate in &candidates {
            let ok = std::process::Command::new(candidate)
                .args(["-c", "import aiosmtpd"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if ok {
                return candidate.clone();
            }
        }
        panic!(
            "no Python with aiosmtpd (tried {candidates:?}): run scripts/install --test, \
             or set NOTIFIER_TEST_PYTHON to a python3 that has it (pip install aiosmtpd)"
        );
    })
}

fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/bin"), PathBuf::from("/usr/sbin")])
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// A fresh folder, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(label: &str) -> Self {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("notifier-test-{label}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ---------------------------------------------------------------------------------------
// The SMTP server

/// aiosmtpd on 127.0.0.1:`port`, writing each message to a folder; stopped on drop.
pub struct Sink {
    pub port: u16,
    pub dir: TempDir,
    child: Child,
    stdin: Option<ChildStdin>,
}

impl Sink {
    /// Starts the server on `port` and waits until it accepts connections.
    pub async fn start(port: u16) -> Self {
        let dir = TempDir::new("smtp");
        Self::start_in(port, dir).await
    }

    async fn start_in(port: u16, dir: TempDir) -> Self {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_sink.py");
        let mut child = Command::new(python())
            .arg("-u")
            .arg(&script)
            .arg(port.to_string())
            .arg(&dir.0)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("the SMTP server starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        tokio::time::timeout(
            Duration::from_secs(20),
            BufReader::new(stdout).read_line(&mut line),
        )
        .await
        .expect("the SMTP server is ready within 20 s")
        .expect("reads its output");
        assert_eq!(line.trim(), "ready", "the SMTP server did not start");
        let stdin = child.stdin.take();
        Self {
            port,
            dir,
            child,
            stdin,
        }
    }

    /// `smtp+plain://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        smtp_url(self.port)
    }

    /// The messages received so far, oldest first (the JSON smtp_sink.py writes).
    pub fn mails(&self) -> Vec<Value> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.dir.0)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .map(|p| {
                serde_json::from_slice(&std::fs::read(p).expect("read mail")).expect("mail JSON")
            })
            .collect()
    }

    /// Waits until `n` messages have arrived (failing after `within`) and returns them.
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Value> {
        let start = tokio::time::Instant::now();
        loop {
            let mails = self.mails();
            if mails.len() >= n {
                return mails;
            }
            assert!(
                start.elapsed() < within,
                "{} e-mail(s) after {within:?}, expected {n}; the logs:\n{}",
                mails.len(),
                logs()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        // Closing its input stops it; the kill is for a server that hangs.
        drop(self.stdin.take());
        let _ = self.child.start_kill();
    }
}

pub fn smtp_url(port: u16) -> String {
    format!("smtp+plain://127.0.0.1:{port}")
}

// ---------------------------------------------------------------------------------------
// Redis

/// `redis-server` on 127.0.0.1 at a free port, without persistence; stopped on drop.
pub struct Redis {
    pub port: u16,
    child: Child,
}

impl Redis {
    pub async fn start() -> Self {
        let program = find_program("redis-server").unwrap_or_else(|| {
            panic!(
                "redis-server is not installed: run scripts/install --test \
                 (it installs Debian's redis-server)"
            )
        });
        let port = free_port();
        let child = Command::new(program)
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no", "--daemonize", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("redis-server starts");
        let start = tokio::time::Instant::now();
        loop {
            if ping_redis(port).await {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "redis-server did not answer within 10 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Self { port, child }
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }
}

async fn ping_redis(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)).await else {
        return false;
    };
    if stream.write_all(b"PING\r\n").await.is_err() {
        return false;
    }
    let mut answer = [0u8; 7];
    matches!(
        tokio::time::timeout(Duration::from_secs(1), stream.read_exact(&mut answer)).await,
        Ok(Ok(_))
    ) && &answer == b"+PONG\r\n"
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}

// ---------------------------------------------------------------------------------------
// The notifier

/// A notifier running in this process.
pub struct Running {
    pub url: String,
    stop: Option<oneshot::Sender<()>>,
    handle: JoinHandle<Result<(), StartError>>,
}

impl Running {
    /// Starts the graceful stop and waits (up to `within`) until the notifier has drained
    /// its queue and returned.
    pub async fn stop(mut self, within: Duration) -> Result<(), StartError> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        tokio::time::timeout(within, &mut self.handle)
            .await
            .expect("the notifier stops in time")
            .expect("the notifier task does not panic")
    }

    /// Starts the graceful stop without waiting.
    pub fn begin_stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Waits for the notifier to return, after [`Self::begin_stop`].
    pub async fn join(&mut self, within: Duration) -> Result<(), StartError> {
        tokio::time::timeout(within, &mut self.handle)
            .await
            .expect("the notifier stops in time")
            .expect("the notifier task does not panic")
    }
}

/// The settings every test uses, `extra` on top (fast retries).
pub fn config(smtp_url: &str, extra: &[(&str, &str)]) -> Config {
    let mut vars: HashMap<String, String> = [
        ("NOTIFIER_SECRET", SECRET),
        ("NOTIFIER_APP_URL", APP_URL),
        ("NOTIFIER_STORE_NAME", STORE),
        ("NOTIFIER_FROM", "Test Store <no-reply@shop.example>"),
        ("NOTIFIER_SMTP_URL", smtp_url),
        ("NOTIFIER_RETRY_INITIAL_MS", "200"),
        ("NOTIFIER_RETRY_MAX_MS", "1000"),
        ("NOTIFIER_SMTP_TIMEOUT_SECS", "5"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in extra {
        vars.insert(k.to_string(), v.to_string());
    }
    Config::from_lookup(|name| vars.get(name).cloned()).expect("valid settings")
}

/// A fresh SMTP server on a free port, and a notifier with the usual settings sending to it.
pub async fn start_with_sink() -> (Sink, Running) {
    let sink = Sink::start(free_port()).await;
    let notifier = start(config(&sink.url(), &[])).await;
    (sink, notifier)
}

/// A notifier with the usual settings, sending to a free port where no SMTP server listens
/// yet; the port (for a [`Sink`] started later) and the notifier.
pub async fn start_before_sink() -> (u16, Running) {
    let port = free_port();
    let notifier = start(config(&smtp_url(port), &[])).await;
    (port, notifier)
}

/// Starts a notifier with `config` on a free port.
pub async fn start(config: Config) -> Running {
    capture_logs();
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let (stop, stopped) = oneshot::channel::<()>();
    let handle = tokio::spawn(commerce_otp_notifier::run(config, listener, async move {
        let _ = stopped.await;
    }));
    Running {
        url,
        stop: Some(stop),
        handle,
    }
}

// ---------------------------------------------------------------------------------------
// Events and requests

/// What varies between test events.
pub struct Shopper<'a> {
    pub event_id: &'a str,
    pub purpose: &'a str,
    pub code: &'a str,
    pub username: &'a str,
    pub email: &'a str,
    pub name: &'a str,
}

impl<'a> Shopper<'a> {
    /// A shopper without a name whose username is their e-mail address.
    pub fn by_email(event_id: &'a str, purpose: &'a str, code: &'a str, email: &'a str) -> Self {
        Self {
            event_id,
            purpose,
            code,
            username: email,
            email,
            name: "",
        }
    }
}

/// `created_at` `age` ago, as RFC 3339.
pub fn created_ago(age: Duration) -> String {
    (OffsetDateTime::now_utc() - age)
        .format(&Rfc3339)
        .expect("formats")
}

/// The event as docs/commerce-api.md §7.1 shows it, with the integrations spec's `attempt`.
pub fn event(s: &Shopper<'_>, created_at: &str) -> Value {
    json!({
        "id": s.event_id,
        "store_id": "877baaf1-50b7-4cae-afa5-2431fa7b5ee4",
        "triggered_by": "one-time-password-token-request.created",
        "attempt": 1,
        "integration": {
            "id": "145d7084-7b00-4f10-9d55-0ecd49c1a2bb",
            "integration_type": "webhook",
            "name": "One Time Password notification",
            "description": "Send one time password notification"
        },
        "payload": {
            "authentication_realm_id": REALM,
            "password_profile_id": PROFILE,
            "purpose": s.purpose,
            "one_time_password_token": s.code,
            "created_at": created_at,
            "updated_at": created_at,
            "user_authentication_info": {
                "id": "459a2d49-ff3f-4589-b9fb-7e86ac7273f4",
                "name": s.name,
                "email": s.email
            },
            "user_authentication_password_profile_info": {
                "id": INFO,
                "password_profile_id": PROFILE,
                "username": s.username
            }
        },
        "configuration": { "url": "https://example.com/otp-hook", "secret_key": "" }
    })
}

/// An answer: status and JSON body (`Null` when the body is not JSON).
pub struct Reply {
    pub status: u16,
    pub body: Value,
    pub text: String,
}

/// Reads the whole answer: its status, its text and that text as JSON.
async fn read_reply(response: reqwest::Response) -> Reply {
    let status = response.status().as_u16();
    let text = response.text().await.expect("a body");
    Reply {
        status,
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
        text,
    }
}

/// `POST {url}{path}` with `body`, the secret header when given, and `content_type`.
pub async fn post_raw(
    url: &str,
    path: &str,
    secret: Option<&str>,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> Reply {
    let client = reqwest::Client::new();
    let mut request = client.post(format!("{url}{path}")).body(body);
    if let Some(secret) = secret {
        request = request.header("X-MOLTIN-SECRET-KEY", secret);
    }
    if let Some(content_type) = content_type {
        request = request.header("Content-Type", content_type);
    }
    let response = request.send().await.expect("the notifier answers");
    read_reply(response).await
}

/// Delivers `event` as Commerce does: JSON, with the right secret, to `/`.
pub async fn deliver(url: &str, event: &Value) -> Reply {
    post_raw(
        url,
        "/",
        Some(SECRET),
        Some("application/json"),
        event.to_string().into_bytes(),
    )
    .await
}

/// Delivers `shopper`'s event, created `age` ago, as Commerce does.
pub async fn deliver_event(url: &str, shopper: &Shopper<'_>, age: Duration) -> Reply {
    deliver(url, &event(shopper, &created_ago(age))).await
}

pub async fn get(url: &str, path: &str) -> Reply {
    let response = reqwest::get(format!("{url}{path}"))
        .await
        .expect("the notifier answers");
    read_reply(response).await
}
