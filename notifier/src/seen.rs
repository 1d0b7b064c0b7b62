//! The event ids already accepted. Commerce delivers each event at least once, so a
//! duplicate is possible (the integrations spec, `contract/specs/integrations.yaml`;
//! docs/commerce-api.md §7.1): an id is claimed when its e-mail is queued, and released if
//! the e-mail finally cannot be sent, so that a redelivery can try again.
//!
//! In memory for one copy; in Redis (`SET key 1 NX EX ttl`, <https://redis.io/docs/latest/commands/set/>)
//! when several copies run behind a load balancer.

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long one Redis command may take before the delivery is answered 503.
const REDIS_TIMEOUT: Duration = Duration::from_secs(2);

/// The store cannot be reached; the delivery is answered 503 so that Commerce retries.
#[derive(Debug, thiserror::Error)]
#[error("the seen-ids store is unavailable: {0}")]
pub struct StoreError(String);

/// Where the ids are kept.
pub enum SeenIds {
    /// This process only: ids with the instant they were claimed.
    Memory {
        /// Claimed ids and when.
        ids: Mutex<HashMap<String, Instant>>,
        /// How long an id is remembered.
        ttl: Duration,
    },
    /// Shared by every copy.
    Redis {
        /// Reconnects by itself.
        conn: ConnectionManager,
        /// Prepended to `seen:<id>`.
        prefix: String,
        /// The keys' expiry, in whole seconds.
        ttl: Duration,
    },
}

impl SeenIds {
    /// An in-memory store remembering each id for `ttl`.
    pub fn memory(ttl: Duration) -> Self {
        Self::Memory {
            ids: Mutex::new(HashMap::new()),
            ttl,
        }
    }

    /// Connects to Redis at `url` (`redis://host:port`, `rediss://…` for TLS).
    ///
    /// Errors: a malformed URL, or no answer within a few seconds. The message never holds
    /// the URL, which may carry a password.
    pub async fn redis(url: &str, prefix: &str, ttl: Duration) -> Result<Self, StoreError> {
        let client = redis::Client::open(url)
            .map_err(|e| StoreError(format!("the Redis URL is not valid ({:?})", e.kind())))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(REDIS_TIMEOUT))
            .set_response_timeout(Some(REDIS_TIMEOUT))
            .set_number_of_retries(2);
        let conn = tokio::time::timeout(
            REDIS_TIMEOUT * 3,
            client.get_connection_manager_with_config(config),
        )
        .await
        .map_err(|_| StoreError("Redis did not answer in time".into()))?
        .map_err(redis_error)?;
        Ok(Self::Redis {
            conn,
            prefix: prefix.to_string(),
            ttl,
        })
    }

    /// `memory` or `redis`, for logs and `/readyz`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Memory { .. } => "memory",
            Self::Redis { .. } => "redis",
        }
    }

    /// Claims `id`: `true` if it was not claimed before (the caller sends the e-mail),
    /// `false` for a duplicate.
    ///
    /// Errors: Redis unreachable or too slow.
    pub async fn claim(&self, id: &str) -> Result<bool, StoreError> {
        match self {
            Self::Memory { ids, ttl } => {
                let now = Instant::now();
                let mut ids = ids.lock().map_err(|_| StoreError("poisoned".into()))?;
                // Forget expired ids now and then, so memory stays bounded by the ttl.
                if ids.len() % 1024 == 1023 {
                    ids.retain(|_, at| now.duration_since(*at) < *ttl);
                }
                match ids.get(id) {
                    Some(at) if now.duration_since(*at) < *ttl => Ok(false),
                    _ => {
                        ids.insert(id.to_string(), now);
                        Ok(true)
                    }
                }
            }
            Self::Redis { conn, prefix, ttl } => {
                let mut conn = conn.clone();
                let answer: Option<String> = redis::cmd("SET")
                    .arg(format!("{prefix}seen:{id}"))
                    .arg(1)
                    .arg("NX")
                    .arg("EX")
                    .arg(ttl.as_secs().max(1))
                    .query_async(&mut conn)
                    .await
                    .map_err(redis_error)?;
                Ok(answer.is_some())
            }
        }
    }

    /// Forgets `id`, so that a redelivery of the event is sent again.
    ///
    /// Errors: Redis unreachable; the id then stays until its expiry.
    pub async fn release(&self, id: &str) -> Result<(), StoreError> {
        match self {
            Self::Memory { ids, .. } => {
                ids.lock()
                    .map_err(|_| StoreError("poisoned".into()))?
                    .remove(id);
                Ok(())
            }
            Self::Redis { conn, prefix, .. } => {
                let mut conn = conn.clone();
                redis::cmd("DEL")
                    .arg(format!("{prefix}seen:{id}"))
                    .query_async::<i64>(&mut conn)
                    .await
                    .map(|_| ())
                    .map_err(redis_error)
            }
        }
    }

    /// Whether the store answers (always for memory; a `PING` for Redis).
    pub async fn ping(&self) -> Result<(), StoreError> {
        match self {
            Self::Memory { .. } => Ok(()),
            Self::Redis { conn, .. } => {
                let mut conn = conn.clone();
                tokio::time::timeout(
                    REDIS_TIMEOUT,
                    redis::cmd("PING").query_async::<String>(&mut conn),
                )
                .await
                .map_err(|_| StoreError("Redis did not answer in time".into()))?
                .map(|_| ())
                .map_err(redis_error)
            }
        }
    }
}

/// Redis's error kind and category, without its text (which may quote the URL).
fn redis_error(e: redis::RedisError) -> StoreError {
    StoreError(format!("Redis error ({:?}, {})", e.kind(), e.category()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_claims_once_and_releases() {
        let seen = SeenIds::memory(Duration::from_secs(60));
        assert!(seen.claim("a").await.expect("ok"));
        assert!(!seen.claim("a").await.expect("ok"));
        seen.release("a").await.expect("ok");
        assert!(seen.claim("a").await.expect("ok"));
    }

    #[tokio::test]
    async fn memory_forgets_after_the_ttl() {
        let seen = SeenIds::memory(Duration::from_millis(20));
        assert!(seen.claim("a").await.expect("ok"));
        tokio::time::sleep(Duration::from_millis(30)).await;
        assert!(seen.claim("a").await.expect("ok"));
    }
}
