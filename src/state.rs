//! What every request handler shares: the database, the configuration and the rate limiter.

use crate::config::Config;
use crate::db::Db;
use crate::web::pagecache::PageCache;
use crate::web::ratelimit::{AccountLimiter, RateLimiter};
use std::num::NonZeroU32;
use std::sync::Arc;

/// Invitations an organisation owner may send per hour (all at once, if need be).
const INVITATIONS_PER_HOUR: NonZeroU32 = match NonZeroU32::new(20) {
    Some(n) => n,
    None => NonZeroU32::MIN,
};

/// Two-factor codes an account may try per hour.
const CODES_PER_HOUR: NonZeroU32 = match NonZeroU32::new(10) {
    Some(n) => n,
    None => NonZeroU32::MIN,
};

/// Cloned by every layer and extractor of every request: one reference count to raise
/// instead of one per field.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    pub db: Db,
    pub config: Arc<Config>,
    pub auth_limiter: Arc<RateLimiter>,
    pub hashing: Arc<crate::web::hashing::Hashing>,
    /// Invitations per organisation owner, so the invite form cannot be used to probe many
    /// addresses or flood people with invitations.
    pub invite_limiter: Arc<AccountLimiter>,
    /// Pages kept for visitors without a session, until the next write.
    pub pages: Arc<PageCache>,
    /// Requests to the open-data API and downloads per address.
    pub api_limiter: Arc<RateLimiter>,
    /// Two-factor codes per account (at the login and at the setup), so guessing one of a
    /// million codes is hopeless.
    pub code_limiter: Arc<AccountLimiter>,
    /// Wakes the mail worker after a commit that put mail into the outbox.
    pub mail_wake: Arc<tokio::sync::Notify>,
}

impl AppState {
    pub fn new(db: Db, config: Config) -> Self {
        let auth_limiter = Arc::new(RateLimiter::per_minute(config.auth_rate_limit));
        let hashing = Arc::new(crate::web::hashing::Hashing::new(
            config.hash_workers,
            config.hash_queue,
        ));
        let pages = Arc::new(PageCache::new(
            db.changes.clone(),
            config.page_cache_mb.saturating_mul(1 << 20),
        ));
        let api_limiter = Arc::new(RateLimiter::per_minute(config.api_rate_limit));
        AppState(Arc::new(Shared {
            pages,
            hashing,
            db,
            config: Arc::new(config),
            auth_limiter,
            invite_limiter: Arc::new(AccountLimiter::per_hour(INVITATIONS_PER_HOUR)),
            api_limiter,
            code_limiter: Arc::new(AccountLimiter::per_hour(CODES_PER_HOUR)),
            mail_wake: Default::default(),
        }))
    }
}
