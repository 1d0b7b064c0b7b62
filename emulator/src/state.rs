//! The emulator's memory: the store loaded from the seed, and the parts that
//! change (passwords, codes, outbox, test controls), all behind one mutex.

use crate::auth::{hash_password, AccessKind};
use crate::calls::Call;
use crate::clock;
use crate::fault::Fault;
use crate::outbox::OutboxEntry;
use crate::seed::{Account, Integration, PasswordProfile, Seed, Settings};
use serde::Serialize;
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

pub type Shared = Arc<Emulator>;

/// How the emulator is run; fixed for its lifetime.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the API is reached, e.g. `http://127.0.0.1:4010` (named in each event's
    /// `configuration.url`).
    pub api_url: String,
    /// Base of the one-click links in the outbox, e.g. `http://127.0.0.1:8080`.
    pub app_url: String,
    /// Lifetime of `/oauth/access_token` tokens.
    pub token_ttl_secs: u64,
    /// The secret `grant_type=client_credentials` needs; `None` refuses that grant.
    pub client_secret: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            api_url: "http://127.0.0.1".into(),
            app_url: "http://localhost:8080".into(),
            token_ttl_secs: 3600,
            client_secret: None,
        }
    }
}

/// The parts of the store that never change after loading.
#[derive(Debug)]
pub struct Store {
    pub store_id: String,
    pub client_id: String,
    pub created_at: String,
    /// The integration named in every outbox event. It is the emulator's own and not
    /// listed by `GET /v2/integrations`; with a `url` (seed or `--webhook-url`) it also
    /// delivers each event there, like an enabled webhook integration.
    pub integration: Integration,
}

/// A user: user-authentication-info and account member in one (they share the id).
#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub name: String,
    pub email: String,
    pub created_at: String,
    pub accounts: Vec<Account>,
    pub infos: Vec<ProfileInfo>,
}

/// An integration created through `/v2/integrations`. Every event still goes to the
/// outbox; an enabled webhook observing the event also gets it POSTed to its
/// `configuration.url` (`crate::webhook`).
#[derive(Debug, Clone)]
pub struct IntegrationRecord {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub enabled: bool,
    pub integration_type: String,
    pub observes: Vec<String>,
    /// As sent (for a webhook: `url` and optionally `secret_key`).
    pub configuration: serde_json::Map<String, serde_json::Value>,
    pub created_at: String,
    pub updated_at: String,
}

/// A user-authentication-password-profile-info: the user's login in one password profile.
#[derive(Debug, Clone)]
pub struct ProfileInfo {
    pub id: String,
    pub password_profile_id: String,
    pub username: String,
    pub password_hash: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A one-time password token handed out and not yet spent.
#[derive(Debug, Clone)]
pub struct IssuedCode {
    pub code: String,
    pub expires_ms: i64,
}

/// One attempt to POST an event to an integration's URL, as `GET /__emulator/deliveries`
/// lists it. No secret and no body: the event is the outbox entry's (`event_id`).
#[derive(Debug, Clone, Serialize)]
pub struct DeliveryAttempt {
    pub event_id: String,
    pub integration_id: String,
    pub url: String,
    /// 1 for the first try; the event's `attempt`.
    pub attempt: u32,
    /// The receiver's status, when it answered.
    pub status: Option<u16>,
    /// Why the attempt failed without an answer (connection, timeout).
    pub error: Option<String>,
    /// A 2xx answer within the timeout.
    pub succeeded: bool,
    /// When the attempt started (the emulator's clock).
    pub at: String,
    pub duration_ms: u64,
}

/// An `/oauth/access_token` token.
#[derive(Debug, Clone, Copy)]
pub struct AccessToken {
    pub kind: AccessKind,
    pub expires_secs: i64,
}

/// Everything that changes. `/__emulator/reset` puts it back as loaded, except
/// access tokens: they are not part of the seed, and a running app keeps its own.
#[derive(Debug, Clone)]
pub struct World {
    pub settings: Settings,
    pub password_profiles: Vec<PasswordProfile>,
    pub users: Vec<User>,
    pub integrations: Vec<IntegrationRecord>,
    /// Keyed by profile-info id, i.e. one live code per user and password profile.
    pub codes: HashMap<String, IssuedCode>,
    pub outbox: Vec<OutboxEntry>,
    /// Webhook delivery attempts, oldest first.
    pub deliveries: Vec<DeliveryAttempt>,
    /// The Commerce API calls answered, in the order they arrived (`crate::calls`).
    pub calls: Vec<Call>,
    /// Injected failures, in the order added; the first that matches a request wins.
    pub faults: Vec<Fault>,
    pub next_codes: VecDeque<String>,
    pub clock_offset_secs: i64,
    pub access_tokens: HashMap<String, AccessToken>,
}

impl World {
    /// The emulator's "now" in epoch milliseconds: the wall clock moved by `/__emulator/clock`.
    pub fn now_ms(&self) -> i64 {
        clock::system_now_ms().saturating_add(self.clock_offset_secs.saturating_mul(1000))
    }

    pub fn profile(&self, id: &str) -> Option<&PasswordProfile> {
        self.password_profiles.iter().find(|p| p.id == id)
    }

    pub fn user(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    /// The user and profile-info that log in with `username` in `profile`.
    pub fn find_login(
        &self,
        profile: &PasswordProfile,
        username: &str,
    ) -> Option<(&User, &ProfileInfo)> {
        self.users.iter().find_map(|user| {
            user.infos
                .iter()
                .find(|i| {
                    i.password_profile_id == profile.id
                        && profile.username_format.matches(&i.username, username)
                })
                .map(|info| (user, info))
        })
    }
}

pub struct Emulator {
    pub config: Config,
    pub store: Store,
    seed_world: World,
    world: Mutex<World>,
    /// How many resets so far: a delivery started before a reset stops retrying and
    /// records nothing more.
    resets: AtomicU64,
    /// HS256 key for account-management tokens; new on every start.
    pub jwt_key: [u8; 32],
    /// Where a real SMTP server writes the e-mails it receives (`--mail-dir`), shown on
    /// the outbox page; set once, after [`Emulator::new`] (see [`Emulator::set_mail_dir`]).
    mail_dir: OnceLock<PathBuf>,
}

impl Emulator {
    pub fn new(seed: Seed, config: Config) -> Result<Shared, String> {
        let mut users = Vec::with_capacity(seed.users.len());
        for u in seed.users {
            let mut infos = Vec::with_capacity(u.password_profile_infos.len());
            for i in u.password_profile_infos {
                infos.push(ProfileInfo {
                    id: i.id,
                    password_profile_id: i.password_profile_id,
                    username: i.username,
                    password_hash: hash_password(&i.password)?,
                    created_at: seed.created_at.clone(),
                    updated_at: seed.created_at.clone(),
                });
            }
            users.push(User {
                id: u.id,
                name: u.name,
                email: u.email,
                created_at: seed.created_at.clone(),
                accounts: u.accounts,
                infos,
            });
        }
        let seed_world = World {
            settings: seed.account_authentication_settings,
            password_profiles: seed.password_profiles,
            users,
            integrations: Vec::new(),
            codes: HashMap::new(),
            outbox: Vec::new(),
            deliveries: Vec::new(),
            calls: Vec::new(),
            faults: Vec::new(),
            next_codes: VecDeque::new(),
            clock_offset_secs: 0,
            access_tokens: HashMap::new(),
        };
        let store = Store {
            store_id: seed.store_id,
            client_id: seed.client_id,
            created_at: seed.created_at,
            integration: seed.integration,
        };
        Ok(Arc::new(Self {
            config,
            store,
            world: Mutex::new(seed_world.clone()),
            seed_world,
            resets: AtomicU64::new(0),
            jwt_key: rand::random(),
            mail_dir: OnceLock::new(),
        }))
    }

    /// The mutable state. A panic while it was held cannot leave it half-written
    /// in a way that matters here, so a poisoned lock is simply taken over.
    pub fn world(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Back to the seed (see [`World`] for what survives).
    pub fn reset(&self) {
        let mut world = self.world();
        self.resets.fetch_add(1, Ordering::SeqCst);
        let tokens = std::mem::take(&mut world.access_tokens);
        *world = self.seed_world.clone();
        world.access_tokens = tokens;
    }

    /// Show the e-mails an SMTP server writes to `dir` (`crate::mailbox`) on the outbox
    /// page. Once only: a second call changes nothing and gives its `dir` back.
    pub fn set_mail_dir(&self, dir: PathBuf) -> Result<(), PathBuf> {
        self.mail_dir.set(dir)
    }

    /// The folder of [`Emulator::set_mail_dir`], if any.
    pub fn mail_dir(&self) -> Option<&Path> {
        self.mail_dir.get().map(PathBuf::as_path)
    }

    /// Changes at every [`Emulator::reset`].
    pub fn generation(&self) -> u64 {
        self.resets.load(Ordering::SeqCst)
    }

    /// The emulator's "now" in epoch milliseconds.
    pub fn now_ms(&self) -> i64 {
        self.world().now_ms()
    }
}
