//! What every request handler shares: the database, the configuration and the rate limiter.

use crate::config::Config;
use crate::db::Db;
use crate::web::ratelimit::RateLimiter;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub auth_limiter: Arc<RateLimiter>,
    pub hashing: Arc<crate::web::hashing::Hashing>,
}

impl AppState {
    pub fn new(db: Db, config: Config) -> Self {
        let auth_limiter = Arc::new(RateLimiter::per_minute(config.auth_rate_limit));
        let hashing = Arc::new(crate::web::hashing::Hashing::new(
            config.hash_workers,
            config.hash_queue,
        ));
        AppState {
            hashing,
            db,
            config: Arc::new(config),
            auth_limiter,
        }
    }
}
