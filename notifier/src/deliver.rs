//! The background half: accepted events wait in a bounded queue; a few at a time are
//! rendered and sent over SMTP (lettre, <https://docs.rs/lettre/0.11>), retried with
//! exponential backoff until the code expires, and dropped, never sent late, once it has.

use crate::config::{Config, Security, Smtp};
use crate::event::{OtpEvent, CODE_LIFETIME};
use crate::link::one_click_link;
use crate::seen::SeenIds;
use crate::templates::{MailContext, Templates};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, Semaphore};
use tokio::task::JoinSet;
use tokio::time::Instant;
use tracing::{error, info, warn};
use url::Url;

/// One accepted event and the instant its code expires.
pub(crate) struct Job {
    pub event: OtpEvent,
    pub deadline: Instant,
}

/// Where messages go.
pub(crate) enum Mailer {
    /// `log:`: each message is logged, not sent.
    Log,
    /// An SMTP server, with a small connection pool.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Mailer {
    /// The transport for `smtp`; each SMTP command may take `timeout`.
    ///
    /// Errors: TLS set-up failed (lettre's message, which names no secret).
    pub fn new(smtp: &Smtp, timeout: Duration) -> Result<Self, String> {
        let Smtp::Server {
            host,
            port,
            security,
            credentials,
        } = smtp
        else {
            return Ok(Self::Log);
        };
        let tls = match security {
            Security::StartTls => Tls::Required(tls_parameters(host)?),
            Security::Tls => Tls::Wrapper(tls_parameters(host)?),
            Security::Plain => Tls::None,
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host.as_str())
            .port(*port)
            .tls(tls)
            .timeout(Some(timeout));
        if let Some((user, password)) = credentials {
            builder = builder.credentials(Credentials::new(
                user.clone(),
                password.expose().to_string(),
            ));
        }
        Ok(Self::Smtp(builder.build()))
    }
}

fn tls_parameters(host: &str) -> Result<TlsParameters, String> {
    TlsParameters::new(host.to_string()).map_err(|e| format!("TLS set-up for {host}: {e}"))
}

/// What every e-mail shares, and the means to send it.
pub(crate) struct Deliverer {
    pub templates: Templates,
    pub mailer: Mailer,
    pub seen: Arc<SeenIds>,
    pub app_url: Url,
    pub store_name: String,
    pub from: Mailbox,
    pub locale: String,
    pub retry_initial: Duration,
    pub retry_max: Duration,
}

impl Deliverer {
    pub fn new(config: &Config, templates: Templates, mailer: Mailer, seen: Arc<SeenIds>) -> Self {
        Self {
            templates,
            mailer,
            seen,
            app_url: config.app_url.clone(),
            store_name: config.store_name.clone(),
            from: config.from.clone(),
            locale: config.locale.clone(),
            retry_initial: config.retry_initial,
            retry_max: config.retry_max,
        }
    }

    /// Renders and sends one e-mail, retrying until its code expires. On a final failure
    /// the event id is released, so that a redelivery may try again.
    async fn deliver(&self, job: Job) {
        let event = &job.event;
        let id = event.id.as_str();
        let to = redact(&event.email);
        let link = one_click_link(&self.app_url, event);
        // Anything that could quote these is scrubbed before it is logged.
        let hidden = [
            event.code.expose(),
            link.as_str(),
            event.username.as_str(),
            event.email.as_ref(),
        ];
        let locale = self.templates.locale_for(&self.locale, event.purpose);
        let email = event.email.to_string();
        let mail = MailContext {
            store_name: &self.store_name,
            link: &link,
            code: event.code.expose(),
            expires_in_minutes: CODE_LIFETIME.as_secs() / 60,
            name: &event.name,
            username: &event.username,
            email: &email,
        };
        let rendered = match self.templates.render(&locale, event.purpose, &mail) {
            Ok(rendered) => rendered,
            Err(e) => {
                error!(event_id = %id, error = %e, "cannot render the e-mail; not sent");
                self.release(id).await;
                return;
            }
        };
        let recipient = Mailbox::new(
            (!event.name.is_empty()).then(|| event.name.clone()),
            event.email.clone(),
        );
        let message = Message::builder()
            .from(self.from.clone())
            .to(recipient)
            .subject(rendered.subject)
            .message_id(Some(message_id(&self.from)))
            // RFC 3834: no out-of-office replies to a machine's mail.
            .raw_header(HeaderValue::new(AUTO_SUBMITTED, "auto-generated".into()))
            .multipart(MultiPart::alternative_plain_html(
                rendered.text,
                rendered.html,
            ));
        let message = match message {
            Ok(message) => message,
            Err(e) => {
                let detail = scrub(&e.to_string(), &hidden);
                error!(event_id = %id, error = %detail, "cannot build the e-mail; not sent");
                self.release(id).await;
                return;
            }
        };
        let transport = match &self.mailer {
            Mailer::Log => {
                info!(event_id = %id, purpose = %event.purpose, locale = %locale, "would send to {to}");
                return;
            }
            Mailer::Smtp(transport) => transport,
        };
        let envelope = message.envelope().clone();
        let bytes = message.formatted();
        let mut wait = self.retry_initial;
        let mut attempts = 0u32;
        loop {
            let now = Instant::now();
            if now >= job.deadline {
                warn!(
                    event_id = %id,
                    attempts, "the code expired before the e-mail could be sent; dropped"
                );
                self.release(id).await;
                return;
            }
            attempts += 1;
            match tokio::time::timeout(job.deadline - now, transport.send_raw(&envelope, &bytes))
                .await
            {
                Ok(Ok(_)) => {
                    info!(event_id = %id, purpose = %event.purpose, attempts, "sent to {to}");
                    return;
                }
                Ok(Err(e)) => {
                    let pause =
                        jitter(wait).min(job.deadline.saturating_duration_since(Instant::now()));
                    let detail = scrub(&e.to_string(), &hidden);
                    warn!(
                        event_id = %id,
                        attempt = attempts,
                        retry_in_ms = u64::try_from(pause.as_millis()).unwrap_or(u64::MAX),
                        error = %detail,
                        "sending failed; will retry"
                    );
                    tokio::time::sleep(pause).await;
                    wait = (wait * 2).min(self.retry_max);
                }
                // The deadline passed mid-send: the loop's top drops it.
                Err(_) => {}
            }
        }
    }

    async fn release(&self, id: &str) {
        if let Err(e) = self.seen.release(id).await {
            warn!(event_id = %id, error = %e, "could not release the event id; a redelivery waits for its expiry");
        }
    }
}

/// Takes jobs off the queue, `concurrency` at a time, until the queue is closed and empty
/// and every started job has finished (the drain on shutdown, bounded by the codes'
/// expiry).
pub(crate) async fn dispatch(
    mut queue: mpsc::Receiver<Job>,
    deliverer: Arc<Deliverer>,
    concurrency: usize,
) {
    let permits = Arc::new(Semaphore::new(concurrency));
    let mut running = JoinSet::new();
    while let Some(job) = queue.recv().await {
        let Ok(permit) = permits.clone().acquire_owned().await else {
            break;
        };
        let deliverer = deliverer.clone();
        running.spawn(async move {
            deliverer.deliver(job).await;
            drop(permit);
        });
        while let Some(done) = running.try_join_next() {
            report(done);
        }
    }
    while let Some(done) = running.join_next().await {
        report(done);
    }
}

fn report(done: Result<(), tokio::task::JoinError>) {
    if let Err(e) = done {
        error!(error = %e, "a delivery task failed");
    }
}

/// The `Auto-Submitted` header (RFC 3834, <https://www.rfc-editor.org/rfc/rfc3834>); checked
/// at compile time.
const AUTO_SUBMITTED: HeaderName = HeaderName::new_from_ascii_str("Auto-Submitted");

/// `<time.random@sender-domain>` (RFC 5322 §3.6.4): unique, and in the sender's domain
/// rather than the container's host name.
fn message_id(from: &Mailbox) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!(
        "<{nanos:x}.{:016x}@{}>",
        fastrand::u64(..),
        from.email.domain()
    )
}

/// `***@domain`: enough to tell which provider, not who.
pub fn redact(address: &Address) -> String {
    format!("***@{}", address.domain())
}

/// `text` with each of `hidden` replaced by `[redacted]`, longest first.
fn scrub(text: &str, hidden: &[&str]) -> String {
    let mut hidden: Vec<&str> = hidden.iter().copied().filter(|h| !h.is_empty()).collect();
    hidden.sort_by_key(|h| std::cmp::Reverse(h.len()));
    hidden
        .into_iter()
        .fold(text.to_string(), |text, h| text.replace(h, "[redacted]"))
}

/// Between half and all of `wait`, so that copies retrying together spread out.
fn jitter(wait: Duration) -> Duration {
    wait.mul_f64(0.5 + fastrand::f64() / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_keeps_the_domain_only() {
        let address: Address = "john.doe+x@banks.com".parse().expect("address");
        assert_eq!(redact(&address), "***@banks.com");
        assert_eq!(
            scrub(
                "550 <john@x.test> code ab12 refused",
                &["john@x.test", "ab12", ""]
            ),
            "550 <[redacted]> code [redacted] refused"
        );
    }

    #[test]
    fn jitter_stays_within_half_and_whole() {
        for _ in 0..100 {
            let j = jitter(Duration::from_millis(1000));
            assert!(j >= Duration::from_millis(500) && j <= Duration::from_millis(1000));
        }
    }
}
