//! The request context every page needs: who is logged in, their CSRF token, a pending notice.

use crate::db;
use crate::domain::{Role, UserId};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::csrf;
use crate::web::session::AppSession;
use axum::extract::FromRequestParts;
use axum::http::Method;
use axum::http::request::Parts;

#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: UserId,
    pub name: String,
    pub role: Role,
    /// Blocked people can read but not post, support or report.
    pub blocked: bool,
    pub unseen_notices: i64,
    /// Staff past their grace period without two-factor sign-in: they may only set it up.
    pub must_set_up_two_factor: bool,
}

pub struct Ctx {
    pub user: Option<CurrentUser>,
    /// The masked CSRF token for this response's forms (see `csrf::mask`).
    pub csrf: Option<String>,
    pub flash: Option<String>,
    /// Where to come back to after logging in: this page, or for a form post the page the
    /// form was on (a POST-only address cannot be opened after the login).
    pub path: String,
    pub session: AppSession,
    /// Where this site lives (`https://host[:port][/path]`, no final slash), for absolute
    /// links such as the idea page's share field: `MITDENKEN_BASE_URL`, else the request's
    /// plain Host header; None when neither is usable.
    pub origin: Option<String>,
}

/// "/ideas/3/support" -> "/ideas/3": the page a POST form lives on.
fn page_of_action(path: &str) -> String {
    match path.rsplit_once('/') {
        Some(("", _)) | None => "/".to_string(),
        Some((parent, _)) => parent.to_string(),
    }
}

impl Ctx {
    pub fn require_user(&self) -> AppResult<&CurrentUser> {
        let user = self.require_login()?;
        if user.must_set_up_two_factor {
            return Err(AppError::TwoFactorSetupRequired);
        }
        Ok(user)
    }

    /// Logged in, even if the account must set up two-factor sign-in first (the setup pages).
    pub fn require_login(&self) -> AppResult<&CurrentUser> {
        self.user.as_ref().ok_or_else(|| AppError::LoginRequired {
            next: self.path.clone(),
        })
    }

    /// A logged-in person who may contribute (not blocked).
    pub fn require_active_user(&self) -> AppResult<&CurrentUser> {
        let user = self.require_user()?;
        if user.blocked {
            Err(AppError::Blocked)
        } else {
            Ok(user)
        }
    }

    pub fn require_moderator(&self) -> AppResult<&CurrentUser> {
        let user = self.require_active_user()?;
        if user.role.can_moderate() {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Ministry staff and admins: the review of forwarded ideas.
    pub fn require_ministry(&self) -> AppResult<&CurrentUser> {
        let user = self.require_active_user()?;
        if matches!(user.role, Role::Ministry | Role::Admin) {
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
        self.user
            .as_ref()
            .is_some_and(|u| u.role.can_moderate() && !u.blocked)
    }

    /// Staff who are not blocked: they see the internal notes of status changes.
    pub fn reads_internal_notes(&self) -> bool {
        self.user.as_ref().is_some_and(|u| {
            u.role.reads_internal_notes() && !u.blocked && !u.must_set_up_two_factor
        })
    }

    pub fn user_id(&self) -> Option<UserId> {
        self.user.as_ref().map(|u| u.id)
    }

    /// Pages that show a form call this first, so the form can carry a token.
    pub async fn ensure_csrf(&mut self) -> AppResult<()> {
        if self.csrf.is_none() {
            self.csrf = Some(csrf::mask(&self.session.ensure_csrf_token().await?));
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
        let uri_path = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".to_string());
        let path = if parts.method == Method::GET || parts.method == Method::HEAD {
            uri_path
        } else {
            page_of_action(parts.uri.path())
        };
        let now = db::now();
        let mut user = match session.user_id().await? {
            Some(id) => match db::users::session_user(&state.db.pool, id).await? {
                // A raised epoch (password changed elsewhere) ends this session.
                Some(u) if u.auth_epoch == session.auth_epoch().await? => Some(CurrentUser {
                    id: u.id,
                    name: u.display_name,
                    role: u.role,
                    blocked: u.blocked,
                    unseen_notices: u.unseen_notices,
                    must_set_up_two_factor: crate::domain::totp::setup_required(
                        u.role,
                        u.two_factor,
                        u.staff_since,
                        state.config.staff_2fa_grace_secs(),
                        now,
                    ),
                }),
                _ => None,
            },
            None => None,
        };
        // Staff sessions end after a shorter idle time than participants'.
        if let Some(u) = &user {
            if u.role != Role::Participant
                && !session.touch_staff(state.config.staff_idle_secs()).await?
            {
                session.log_out().await?;
                user = None;
            }
        }
        // The person's list of sessions on /account: when, and with what (coarsely).
        if let (Some(u), Some(sid)) = (&user, session.store_id()) {
            if session.meta_due(now).await? {
                let agent = parts
                    .headers
                    .get(axum::http::header::USER_AGENT)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                // Only a list for the person: a database that cannot write right now (full
                // disk) must not take the page down with it.
                if let Err(e) =
                    db::sessions::touch(&state.db.pool, &sid, u.id, &coarse_agent(agent), now).await
                {
                    tracing::debug!(error = %e, "could not record the session for the list");
                }
            }
        }
        if let Some(user) = &user {
            // Every later log line of this request names the person (see `web::trace`).
            crate::web::trace::record_user(user.id.0);
        }
        let origin = match &state.config.base_url {
            Some(base) => Some(base.trim_end_matches('/').to_string()),
            None => parts
                .headers
                .get(axum::http::header::HOST)
                .and_then(|h| h.to_str().ok())
                .filter(|h| super::plain_host(h))
                .map(|host| {
                    let scheme = if state.config.secure_cookies {
                        "https"
                    } else {
                        "http"
                    };
                    format!("{scheme}://{host}")
                }),
        };
        let mut ctx = Ctx {
            csrf: session.csrf_token().await?.map(|t| csrf::mask(&t)),
            flash: None,
            user,
            path,
            session,
            origin,
        };
        // Anonymous visitors get notices too (the accessibility feedback); reading an absent
        // session creates none.
        ctx.flash = ctx
            .session
            .take_flash()
            .await?
            .map(|m| crate::i18n::render(&m));
        if ctx.user.is_some() {
            ctx.session.touch_daily().await?;
            // Every logged-in page has the logout form, which needs a token.
            ctx.ensure_csrf().await?;
        }
        Ok(ctx)
    }
}

/// "Firefox · Linux" without version numbers or anything else that would single a person
/// out: browser and system names only.
fn coarse_agent(ua: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chromium/", "Chromium"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .iter()
    .find(|(needle, _)| ua.contains(needle))
    .map_or("", |(_, name)| *name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(needle, _)| ua.contains(needle))
    .map_or("", |(_, name)| *name);
    match (browser, system) {
        ("", "") => String::new(),
        (b, "") => b.to_string(),
        ("", s) => s.to_string(),
        (b, s) => format!("{b} · {s}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn user_agents_are_kept_coarse() {
        assert_eq!(
            super::coarse_agent(
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
            ),
            "Firefox · Linux"
        );
        assert_eq!(
            super::coarse_agent(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1"
            ),
            "Safari · iOS"
        );
        assert_eq!(super::coarse_agent("reqwest"), "");
    }

    #[test]
    fn actions_lead_back_to_their_page() {
        assert_eq!(super::page_of_action("/ideas/3/support"), "/ideas/3");
        assert_eq!(super::page_of_action("/ideas"), "/");
        assert_eq!(super::page_of_action("/"), "/");
    }
}
