//! `commerce-emulator`: run the local Commerce stand-in (and optionally host the app).

use axum::middleware;
use clap::Parser;
use commerce_emulator::{
    api_router, app_host, log_request, shop_host, webhook, Config, Emulator, Seed,
};
use serde_json::json;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;

/// Local emulator of the Elastic Path Commerce endpoints used by the
/// password-reset and passwordless sign-in app. Listens on 127.0.0.1 only.
#[derive(Parser, Debug)]
#[command(version)]
struct Cli {
    /// API port (0 = any free port).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Serve this directory (a Trunk dist/) as the app, on its own origin.
    #[arg(long)]
    app_dir: Option<PathBuf>,
    /// App port when --app-dir is given (0 = any free port).
    #[arg(long, default_value_t = 0)]
    app_port: u16,
    /// Serve this directory's example shop pages on a third origin (needs --app-dir).
    /// In its HTML files, __APP_URL__ and __API_URL__ become the app's and the API's origins.
    #[arg(long)]
    shop_dir: Option<PathBuf>,
    /// Shop port when --shop-dir is given (0 = any free port).
    #[arg(long, default_value_t = 0)]
    shop_port: u16,
    /// Base of the outbox's one-click links [default: the hosted app, else http://localhost:8080].
    #[arg(long)]
    app_url: Option<String>,
    /// Seed file to load instead of the built-in demo store.
    #[arg(long)]
    seed: Option<PathBuf>,
    /// Lifetime of /oauth/access_token tokens, in seconds.
    #[arg(long, default_value_t = 3600)]
    token_ttl_secs: u64,
    /// Write {"api","app","shop","outbox"} URLs to this file once listening (null: not served).
    #[arg(long)]
    ready_file: Option<PathBuf>,
    /// Exit when standard input reaches end of file.
    #[arg(long)]
    exit_on_stdin_eof: bool,
    /// Exit after this many seconds.
    #[arg(long)]
    max_lifetime_secs: Option<u64>,
    /// POST each one-time-password-token-request.created event to this http(s) URL, as
    /// the store's webhook integration (e.g. the notifier); the outbox gets it as well.
    #[arg(long, value_name = "URL")]
    webhook_url: Option<String>,
    /// The integration's secret_key, sent as X-MOLTIN-SECRET-KEY [default: the
    /// EMULATOR_WEBHOOK_SECRET environment variable, else none].
    #[arg(long, value_name = "SECRET", requires = "webhook_url")]
    webhook_secret: Option<String>,
    /// Show the e-mails a real SMTP server writes to this folder (NNNN.json, as the
    /// notifier's tests/smtp_sink.py writes them) on the outbox page, newest first, read
    /// at each request; also GET /__emulator/mails and /__emulator/mail/NNNN.html.
    #[arg(long, value_name = "DIR")]
    mail_dir: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("commerce-emulator: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn bind(port: u16, what: &str) -> Result<(TcpListener, SocketAddr), String> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .await
        .map_err(|e| format!("cannot listen for the {what} on 127.0.0.1:{port}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    Ok((listener, addr))
}

async fn run(cli: Cli) -> Result<(), String> {
    let mut seed = match &cli.seed {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Seed::parse(&text)?
        }
        None => Seed::parse(commerce_emulator::seed::DEMO_SEED_JSON)?,
    };
    if let Some(url) = &cli.webhook_url {
        let url = url.trim();
        // Only the URL's own problems here: the emulator's address is not known yet.
        if let Some(problem) = webhook::unusable(url, "http://0.0.0.0:0") {
            return Err(format!("--webhook-url: {problem}"));
        }
        seed.integration.url = Some(url.to_owned());
        seed.integration.secret_key = cli
            .webhook_secret
            .clone()
            .or_else(|| std::env::var("EMULATOR_WEBHOOK_SECRET").ok())
            .filter(|s| !s.is_empty());
    }
    if let Some(dir) = &cli.app_dir {
        if !dir.join("index.html").is_file() {
            return Err(format!("--app-dir {}: no index.html there", dir.display()));
        }
    }
    if let Some(dir) = &cli.shop_dir {
        if cli.app_dir.is_none() {
            return Err("--shop-dir needs --app-dir: the shop pages embed the hosted app".into());
        }
        if !dir.is_dir() {
            return Err(format!("--shop-dir {}: no such directory", dir.display()));
        }
    }

    let (api_listener, api_addr) = bind(cli.port, "API").await?;
    let app = match &cli.app_dir {
        Some(dir) => Some((dir.clone(), bind(cli.app_port, "app").await?)),
        None => None,
    };
    let shop = match &cli.shop_dir {
        Some(dir) => Some((dir.clone(), bind(cli.shop_port, "shop").await?)),
        None => None,
    };
    let api_url = format!("http://{api_addr}");
    let app_origin = app.as_ref().map(|(_, (_, addr))| format!("http://{addr}"));
    let shop_origin = shop.as_ref().map(|(_, (_, addr))| format!("http://{addr}"));
    // The origins that may embed the app: the shop's, spelt as it listens. Not its
    // `localhost` spelling, which tests use as a foreign origin on the same server.
    let embed_origins: Vec<String> = shop_origin.iter().cloned().collect();
    let config = Config {
        api_url: api_url.clone(),
        app_url: cli
            .app_url
            .clone()
            .or_else(|| app_origin.clone())
            .unwrap_or_else(|| "http://localhost:8080".into()),
        token_ttl_secs: cli.token_ttl_secs,
        client_secret: std::env::var("EMULATOR_CLIENT_SECRET")
            .ok()
            .filter(|s| !s.is_empty()),
    };
    let emu = Emulator::new(seed, config)?;
    if let Some(dir) = &cli.mail_dir {
        // Not checked: the SMTP server may create the folder later.
        let _ = emu.set_mail_dir(dir.clone());
    }
    if let Some(url) = &emu.store.integration.url {
        if let Some(problem) = webhook::unusable(url, &api_url) {
            return Err(format!("webhook url: {problem}"));
        }
    }

    let (stop_tx, stop_rx) = watch::channel(false);
    let mut servers = Vec::new();
    let api = api_router(emu.clone()).layer(middleware::from_fn(|req, next| {
        log_request("api", req, next)
    }));
    servers.push(tokio::spawn(serve(api_listener, api, stop_rx.clone())));
    if let Some((dir, (listener, _))) = app {
        let config = app_host::config_json(&emu, &api_url, &embed_origins);
        let router = app_host::app_router(dir, config).layer(middleware::from_fn(|req, next| {
            log_request("app", req, next)
        }));
        servers.push(tokio::spawn(serve(listener, router, stop_rx.clone())));
    }
    if let (Some((dir, (listener, _))), Some(app_url)) = (shop, &app_origin) {
        let router = shop_host::shop_router(dir, app_url, &api_url).layer(middleware::from_fn(
            |req, next| log_request("shop", req, next),
        ));
        servers.push(tokio::spawn(serve(listener, router, stop_rx.clone())));
    }

    let outbox_url = format!("{api_url}/__emulator/outbox.html");
    let mut banner =
        format!("commerce-emulator API     {api_url}\ncommerce-emulator outbox  {outbox_url}\n");
    if let Some(origin) = &app_origin {
        banner.push_str(&format!("commerce-emulator app     {origin}/\n"));
    }
    if let Some(url) = &emu.store.integration.url {
        let secret = if emu.store.integration.secret_key.is_some() {
            "with X-MOLTIN-SECRET-KEY"
        } else {
            "no secret"
        };
        banner.push_str(&format!("commerce-emulator webhook {url} ({secret})\n"));
    }
    if let Some(dir) = &cli.mail_dir {
        banner.push_str(&format!(
            "commerce-emulator mails   {} (on the outbox page)\n",
            dir.display()
        ));
    }
    if let Some(origin) = &shop_origin {
        banner.push_str(&format!("commerce-emulator shop    {origin}/\n"));
        // Each example page, so a newcomer can click through them.
        let mut pages: Vec<String> = cli
            .shop_dir
            .iter()
            .flat_map(|dir| std::fs::read_dir(dir).into_iter().flatten().flatten())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".html") && name != "index.html")
            .collect();
        pages.sort();
        for page in pages {
            banner.push_str(&format!("  example                 {origin}/{page}\n"));
        }
    }
    let mut stdout = std::io::stdout();
    stdout
        .write_all(banner.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| e.to_string())?;
    if let Some(path) = &cli.ready_file {
        let ready = json!({
            "api": api_url,
            "app": app_origin,
            "shop": shop_origin,
            "outbox": outbox_url,
        });
        write_atomically(path, &ready.to_string())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }

    let reason = wait_for_stop(&cli).await;
    eprintln!("commerce-emulator: stopping ({reason})");
    let _ = stop_tx.send(true);
    // Give open connections a moment to finish, then go regardless.
    let _ = tokio::time::timeout(Duration::from_secs(3), async {
        for server in servers {
            let _ = server.await;
        }
    })
    .await;
    Ok(())
}

async fn serve(listener: TcpListener, router: axum::Router, mut stop: watch::Receiver<bool>) {
    let shutdown = async move {
        let _ = stop.wait_for(|stopped| *stopped).await;
    };
    if let Err(e) = axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("commerce-emulator: server error: {e}");
    }
}

/// Ctrl-C, end of stdin (if asked) or the lifetime limit (if set), whichever comes first.
async fn wait_for_stop(cli: &Cli) -> &'static str {
    let stdin_eof = async {
        if !cli.exit_on_stdin_eof {
            return std::future::pending().await;
        }
        // A plain thread: a blocking stdin read cannot be cancelled, and must not
        // hold up the runtime's shutdown.
        let (tx, rx) = tokio::sync::oneshot::channel();
        std::thread::spawn(move || {
            let mut sink = [0u8; 1024];
            let mut stdin = std::io::stdin().lock();
            while matches!(stdin.read(&mut sink), Ok(n) if n > 0) {}
            let _ = tx.send(());
        });
        let _ = rx.await;
    };
    let lifetime = async {
        match cli.max_lifetime_secs {
            Some(secs) => tokio::time::sleep(Duration::from_secs(secs)).await,
            None => std::future::pending().await,
        }
    };
    let interrupted = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        () = interrupted => "interrupted",
        () = stdin_eof => "standard input closed",
        () = lifetime => "maximum lifetime reached",
    }
}

/// Write to a temporary file beside `path`, then rename, so readers never see half a file.
fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, path)
}
