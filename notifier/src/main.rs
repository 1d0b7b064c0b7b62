//! `commerce-otp-notifier`: receive Commerce's one-time password token events, send the
//! e-mails. Settings come from `NOTIFIER_*` environment variables (notifier/README.md).

use clap::Parser;
use commerce_otp_notifier::templates::Templates;
use commerce_otp_notifier::{Config, Notifier};
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tokio::net::TcpListener;
use tracing::{info, warn};
use tracing_subscriber::EnvFilter;

/// Webhook receiver for Elastic Path Commerce's one-time-password-token-request.created
/// event: checks X-MOLTIN-SECRET-KEY, answers 202, and e-mails the code with a one-click
/// link. Configured by NOTIFIER_* environment variables (see notifier/README.md).
#[derive(Parser, Debug)]
#[command(version)]
struct Cli {
    /// Write {"url": "<http://ADDRESS:PORT"}> to this file once listening.
    #[arg(long)]
    ready_file: Option<PathBuf>,
    /// Check the settings and render every template with sample values, then exit.
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("commerce-otp-notifier: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = init_logs(&config) {
        eprintln!("commerce-otp-notifier: NOTIFIER_LOG: {e}");
        return ExitCode::from(2);
    }
    if cli.check {
        return match Templates::load(config.templates.as_deref()).and_then(|t| t.check()) {
            Ok(()) => {
                println!("commerce-otp-notifier: settings and templates are fine");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("commerce-otp-notifier: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("commerce-otp-notifier: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(cli, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("commerce-otp-notifier: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to standard error (text or JSON lines); standard output has the one start line.
fn init_logs(config: &Config) -> Result<(), String> {
    let filter = EnvFilter::try_new(&config.log_filter).map_err(|e| e.to_string())?;
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    let installed = if config.log_json {
        logs.json().flatten_event(true).try_init()
    } else {
        logs.try_init()
    };
    installed.map_err(|e| e.to_string())
}

async fn serve(cli: Cli, config: Config) -> Result<(), String> {
    let listen = config.listen;
    let notifier = Notifier::new(config).await.map_err(|e| e.to_string())?;
    let listener = TcpListener::bind(listen)
        .await
        .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let url = format!("http://{addr}");
    let mut stdout = std::io::stdout();
    writeln!(stdout, "commerce-otp-notifier listening on {url}")
        .and_then(|()| stdout.flush())
        .map_err(|e| e.to_string())?;
    if let Some(path) = &cli.ready_file {
        write_atomically(path, &json!({ "url": url }).to_string())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    info!(%url, "listening");
    notifier
        .serve(listener, stop_signal())
        .await
        .map_err(|e| e.to_string())
}

/// The first SIGTERM or SIGINT starts the graceful stop; a second one ends the process
/// at once, leaving the queue unsent.
async fn stop_signal() {
    let which = next_signal().await;
    warn!(
        signal = which,
        "stopping; a second signal exits without draining"
    );
    tokio::spawn(async {
        let which = next_signal().await;
        warn!(signal = which, "second signal: exiting now");
        std::process::exit(130);
    });
}

#[cfg(unix)]
async fn next_signal() -> &'static str {
    use tokio::signal::unix::{signal, SignalKind};
    match (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) {
        (Ok(mut term), Ok(mut int)) => tokio::select! {
            _ = term.recv() => "SIGTERM",
            _ = int.recv() => "SIGINT",
        },
        _ => {
            let _ = tokio::signal::ctrl_c().await;
            "interrupt"
        }
    }
}

#[cfg(not(unix))]
async fn next_signal() -> &'static str {
    let _ = tokio::signal::ctrl_c().await;
    "interrupt"
}

/// Write to a temporary file beside `path`, then rename, so readers never see half a file
/// (the emulator's `--ready-file` does the same).
fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, path)
}
