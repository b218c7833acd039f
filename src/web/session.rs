//! Typed access to the session, so handlers never use raw string keys.

use crate::domain::{Message, UserId};
use crate::error::{AppError, AppResult};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use rand::RngCore;
use tower_sessions::Session;

const USER_ID: &str = "user_id";
const CSRF: &str = "csrf";
const FLASH: &str = "flash";
const AUTH_EPOCH: &str = "auth_epoch";
const SEEN_DAY: &str = "seen_day";
/// Password accepted, second factor still to come: (account, its auth_epoch, unix time).
const PENDING: &str = "pending_second_factor";
/// A two-factor secret shown on the setup page, until a first code confirms it.
const SETUP_SECRET: &str = "two_factor_setup";
/// When this session's row in `session_meta` was last refreshed.
const META_AT: &str = "meta_at";
/// A staff session's last request (minutes count there, see `touch_staff`).
const LAST_SEEN: &str = "last_seen";

#[derive(Clone)]
pub struct AppSession(pub Session);

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl AppSession {
    pub async fn user_id(&self) -> AppResult<Option<UserId>> {
        Ok(self.0.get::<UserId>(USER_ID).await?)
    }

    /// Log in with a new session id (no session fixation) and a new CSRF token. `epoch` is
    /// the account's `auth_epoch`: raising it (password change) ends every other session.
    pub async fn log_in(&self, id: UserId, epoch: i64) -> AppResult<()> {
        self.0.cycle_id().await?;
        self.0.remove_value(PENDING).await?;
        self.0.remove_value(META_AT).await?;
        self.0.insert(LAST_SEEN, crate::db::now()).await?;
        self.0.insert(USER_ID, id).await?;
        self.0.insert(AUTH_EPOCH, epoch).await?;
        self.0.insert(CSRF, new_token()).await?;
        Ok(())
    }

    /// The password was right and the account has two-factor sign-in: remember who is
    /// halfway in (a new session id, nobody logged in yet).
    pub async fn begin_second_factor(&self, id: UserId, epoch: i64) -> AppResult<()> {
        self.0.cycle_id().await?;
        self.0.remove_value(USER_ID).await?;
        self.0
            .insert(PENDING, (id, epoch, crate::db::now()))
            .await?;
        self.0.insert(CSRF, new_token()).await?;
        Ok(())
    }

    /// Who is halfway in, if it was less than `max_age` seconds ago.
    pub async fn pending_second_factor(&self, max_age: i64) -> AppResult<Option<(UserId, i64)>> {
        Ok(self
            .0
            .get::<(UserId, i64, i64)>(PENDING)
            .await?
            .filter(|(_, _, at)| crate::db::now() - at <= max_age)
            .map(|(id, epoch, _)| (id, epoch)))
    }

    pub async fn setup_secret(&self) -> AppResult<Option<String>> {
        Ok(self.0.get::<String>(SETUP_SECRET).await?)
    }

    pub async fn set_setup_secret(&self, secret: Option<&str>) -> AppResult<()> {
        match secret {
            Some(s) => self.0.insert(SETUP_SECRET, s).await?,
            None => {
                self.0.remove_value(SETUP_SECRET).await?;
            }
        }
        Ok(())
    }

    /// This session's id as the store keeps it (None before its first save).
    pub fn store_id(&self) -> Option<String> {
        self.0.id().map(|id| id.to_string())
    }

    /// Whether this session's row in `session_meta` is due for a refresh (every five minutes;
    /// marks it refreshed).
    pub async fn meta_due(&self, now: i64) -> AppResult<bool> {
        let due = self
            .0
            .get::<i64>(META_AT)
            .await?
            .is_none_or(|at| now - at >= 300);
        if due {
            self.0.insert(META_AT, now).await?;
        }
        Ok(due)
    }

    /// A staff session: false when it was unused for longer than `idle` seconds (the caller
    /// logs it out). Otherwise the last use is noted at most once a minute, and the store's
    /// expiry follows the shorter idle time.
    pub async fn touch_staff(&self, idle: i64) -> AppResult<bool> {
        let now = crate::db::now();
        let last = self.0.get::<i64>(LAST_SEEN).await?;
        if last.is_some_and(|at| now - at > idle) {
            return Ok(false);
        }
        if last.is_none_or(|at| now - at >= 60) {
            self.0.insert(LAST_SEEN, now).await?;
            self.0.set_expiry(Some(tower_sessions::Expiry::OnInactivity(
                time::Duration::seconds(idle),
            )));
        }
        Ok(true)
    }

    pub async fn auth_epoch(&self) -> AppResult<i64> {
        Ok(self.0.get::<i64>(AUTH_EPOCH).await?.unwrap_or(0))
    }

    /// tower-sessions extends a session's expiry only when it is saved; writing the day once
    /// a day makes the 14 days count from the last visit without a write per request.
    pub async fn touch_daily(&self) -> AppResult<()> {
        let day = crate::db::now() / 86_400;
        if self.0.get::<i64>(SEEN_DAY).await? != Some(day) {
            self.0.insert(SEEN_DAY, day).await?;
        }
        Ok(())
    }

    /// Forget everything: the row is deleted and the cookie removed.
    pub async fn log_out(&self) -> AppResult<()> {
        Ok(self.0.flush().await?)
    }

    pub async fn csrf_token(&self) -> AppResult<Option<String>> {
        Ok(self.0.get::<String>(CSRF).await?)
    }

    /// The CSRF token, created on first need; only pages with forms call this, so anonymous
    /// readers get no session and no cookie.
    pub async fn ensure_csrf_token(&self) -> AppResult<String> {
        if let Some(t) = self.csrf_token().await? {
            return Ok(t);
        }
        let t = new_token();
        self.0.insert(CSRF, &t).await?;
        Ok(t)
    }

    /// A one-time notice for the next page; stored as a message, so it is translated into
    /// the language of the page that shows it.
    pub async fn set_flash(&self, message: impl Into<Message>) -> AppResult<()> {
        Ok(self.0.insert(FLASH, message.into()).await?)
    }

    /// The one-time notice of the previous action, removed as it is read. A value that is not
    /// a message (a session from an older version) is dropped rather than failing the page.
    pub async fn take_flash(&self) -> AppResult<Option<Message>> {
        if self.0.get_value(FLASH).await?.is_none() {
            return Ok(None);
        }
        let value = self.0.remove_value(FLASH).await?;
        Ok(value.and_then(|v| serde_json::from_value(v).ok()))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for AppSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Session::from_request_parts(parts, state)
            .await
            .map(AppSession)
            .map_err(|(_, msg)| AppError::internal(format!("session layer missing: {msg}")))
    }
}
