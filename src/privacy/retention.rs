//! How long the board keeps what it stores: the periods come from the settings, the hourly
//! purge deletes what is due, and the privacy page states the same periods, so the two cannot
//! disagree.

use crate::config::{Config, SESSION_IDLE_DAYS};
use crate::db;
use crate::i18n::{t, ta};
use crate::state::AppState;
use maud::{Markup, html};

/// Delete what is past its period (expired sessions are the store's, see `crate::purge`).
pub async fn purge(state: &AppState) -> Result<db::sessions::Purged, sqlx::Error> {
    let feedback_before = db::now() - i64::from(state.config.feedback_retention_days) * 86_400;
    // Hook: unconfirmed registrations and newsletter requests join here with their own
    // periods (settings in config.rs, a line in `periods` below) once they exist.
    db::sessions::purge(&state.db.pool, state.db.backend, feedback_before).await
}

/// Each kind of record and how long it is kept, as sentences of the catalogue.
pub fn periods(config: &Config) -> Vec<String> {
    vec![
        ta(
            "ret-sessions",
            &[
                ("days", SESSION_IDLE_DAYS.into()),
                ("minutes", i64::from(config.staff_idle_minutes).into()),
            ],
        ),
        ta(
            "ret-rate-limit",
            &[("per_minute", i64::from(config.auth_rate_limit).into())],
        ),
        ta(
            "ret-feedback",
            &[("days", i64::from(config.feedback_retention_days).into())],
        ),
        t("ret-accounts"),
    ]
}

/// The section the privacy page ends with.
pub fn section(config: &Config) -> Markup {
    html! {
        section aria-labelledby="retention-title" {
            h2 #retention-title { (t("ret-title")) }
            ul { @for p in periods(config) { li { (p) } } }
        }
    }
}
