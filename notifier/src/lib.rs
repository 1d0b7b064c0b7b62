//! `commerce-otp-notifier`: the webhook receiver a store runs beside the app. Elastic Path
//! Commerce sends no e-mail itself; it posts a `one-time-password-token-request.created`
//! event to the store's webhook integration (docs/commerce-api.md §7; the OTP guide,
//! <https://elasticpath.dev/guides/How-To/Authentication/how-to-utilize-one-time-password-tokens>).
//! This service checks the event's secret, answers at once, and sends the shopper an e-mail
//! with the code and a one-click link into the app.
//!
//! * [`config`]: settings from the environment (and a TOML file);
//! * [`event`]: the event, read and checked;
//! * [`link`]: the one-click link;
//! * [`templates`]: the e-mail's words, per purpose and language;
//! * [`seen`]: the event ids already accepted (memory or Redis);
//! * `http` and `deliver`: the routes, the queue and the sending.
//!
//! Start it with [`run`], or [`Notifier::new`] then [`Notifier::serve`]; notifier/README.md
//! is the operator's guide.

pub mod config;
mod deliver;
pub mod event;
mod http;
pub mod link;
pub mod seen;
pub mod templates;

pub use config::Config;
pub use deliver::redact;
pub use http::{MAX_BODY, SECRET_HEADER};

use deliver::{Deliverer, Mailer};
use event::Purpose;
use seen::{SeenIds, StoreError};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use templates::{TemplateError, Templates};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};
use tracing::{info, warn};

/// Why the notifier cannot start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// A template does not load or render.
    #[error(transparent)]
    Templates(#[from] TemplateError),
    /// The SMTP transport cannot be set up.
    #[error("SMTP: {0}")]
    Smtp(String),
    /// Redis cannot be reached at start.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The HTTP server failed.
    #[error("HTTP server: {0}")]
    Io(#[from] std::io::Error),
}

/// A notifier ready to serve: templates checked, transport built, seen-ids store reached.
pub struct Notifier {
    shared: Arc<http::Shared>,
    queue: mpsc::Receiver<deliver::Job>,
    deliverer: Arc<Deliverer>,
    concurrency: usize,
}

impl Notifier {
    /// Prepares everything `config` describes.
    ///
    /// Errors: a template that does not load or render with sample values, TLS set-up
    /// failing, or Redis not answering (when `NOTIFIER_REDIS_URL` is set).
    pub async fn new(config: Config) -> Result<Self, StartError> {
        let templates = Templates::load(config.templates.as_deref())?;
        templates.check()?;
        for purpose in Purpose::ALL {
            let used = templates.locale_for(&config.locale, purpose);
            if used != config.locale {
                warn!(
                    wanted = %config.locale,
                    used = %used,
                    purpose = %purpose,
                    "no complete templates for the configured language; falling back"
                );
            }
        }
        let mailer = Mailer::new(&config.smtp, config.smtp_timeout).map_err(StartError::Smtp)?;
        let seen = Arc::new(match &config.redis_url {
            Some(url) => {
                SeenIds::redis(url.expose(), &config.redis_prefix, config.seen_ttl).await?
            }
            None => SeenIds::memory(config.seen_ttl),
        });
        let (sender, queue) = mpsc::channel(config.queue_capacity);
        let shared = Arc::new(http::Shared::new(
            &config.secrets,
            seen.clone(),
            sender,
            config.queue_capacity,
        ));
        info!(
            smtp = %config.smtp_summary(),
            seen_ids = seen.kind(),
            locale = %config.locale,
            templates = config.templates.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "built-in".into()),
            "ready to accept deliveries"
        );
        let deliverer = Arc::new(Deliverer::new(&config, templates, mailer, seen));
        Ok(Self {
            shared,
            queue,
            deliverer,
            concurrency: config.send_concurrency,
        })
    }

    /// Serves on `listener` until `shutdown` completes; then answers 503 to new deliveries
    /// (so that Commerce retries them, perhaps at another copy), sends what is queued (each
    /// e-mail at most until its code expires), and returns.
    ///
    /// Errors: the HTTP server failing (after the queue has been drained).
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), StartError> {
        let (stop_http, mut http_stopped) = watch::channel(false);
        let router = http::router(self.shared.clone());
        let mut server = tokio::spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async move {
                    let _ = http_stopped.wait_for(|stop| *stop).await;
                })
                .await
        });
        let dispatcher = tokio::spawn(deliver::dispatch(
            self.queue,
            self.deliverer,
            self.concurrency,
        ));
        let failed = tokio::select! {
            () = shutdown => None,
            ended = &mut server => Some(ended),
        };
        info!("stopping: new deliveries get 503; sending what is queued");
        self.shared.stop_accepting();
        if let Err(e) = dispatcher.await {
            warn!(error = %e, "the dispatcher failed");
        }
        info!("queue drained");
        let _ = stop_http.send(true);
        let ended = match failed {
            Some(ended) => ended,
            None => match tokio::time::timeout(Duration::from_secs(5), server).await {
                Ok(ended) => ended,
                Err(_) => Ok(Ok(())),
            },
        };
        match ended {
            Ok(result) => result.map_err(StartError::Io),
            Err(e) => Err(StartError::Io(std::io::Error::other(e.to_string()))),
        }
    }
}

/// [`Notifier::new`] then [`Notifier::serve`].
pub async fn run(
    config: Config,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), StartError> {
    Notifier::new(config).await?.serve(listener, shutdown).await
}
