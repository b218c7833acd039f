//! The request context every page needs: who is logged in, their CSRF token, a pending notice.

use crate::db;
use crate::domain::{Role, UserId};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::session::AppSession;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: UserId,
    pub name: String,
    pub role: Role,
}

pub struct Ctx {
    pub user: Option<CurrentUser>,
    pub csrf: Option<String>,
    pub flash: Option<String>,
    /// Path and query of this request, for "back here after login" links.
    pub path: String,
    pub session: AppSession,
}

impl Ctx {
    pub fn require_user(&self) -> AppResult<&CurrentUser> {
        self.user.as_ref().ok_or_else(|| AppError::LoginRequired {
            next: self.path.clone(),
        })
    }

    pub fn require_moderator(&self) -> AppResult<&CurrentUser> {
        let user = self.require_user()?;
        if user.role.can_moderate() {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn require_admin(&self) -> AppResult<&CurrentUser> {
        let user = self.require_user()?;
        if user.role.is_admin() {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn is_moderator(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role.can_moderate())
    }

    pub fn user_id(&self) -> Option<UserId> {
        self.user.as_ref().map(|u| u.id)
    }

    /// Pages that show a form call this first, so the form can carry a token.
    pub async fn ensure_csrf(&mut self) -> AppResult<()> {
        if self.csrf.is_none() {
            self.csrf = Some(self.session.ensure_csrf_token().await?);
        }
        Ok(())
    }

    pub fn csrf(&self) -> &str {
        self.csrf.as_deref().unwrap_or("")
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let session = AppSession::from_request_parts(parts, state).await?;
        let path = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".to_string());
        let user = match session.user_id().await? {
            Some(id) => db::users::session_user(&state.db.pool, id).await?,
            None => None,
        };
        let mut ctx = Ctx {
            csrf: session.csrf_token().await?,
            flash: None,
            user,
            path,
            session,
        };
        if ctx.user.is_some() {
            ctx.flash = ctx.session.take_flash().await?;
            // Every logged-in page has the logout form, which needs a token.
            ctx.ensure_csrf().await?;
        }
        Ok(ctx)
    }
}
