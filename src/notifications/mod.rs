//! Notifications: following ideas, themes and workshops, the inbox at /benachrichtigungen,
//! each person's delivery settings, and the one-click unsubscribe of the mails.

pub mod routes;
pub mod views;

use crate::db::notifications::Target;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::Ctx;
use maud::{Markup, html};

/// The follow button for a page of another area, with whether the viewer follows already.
pub async fn follow_control(
    state: &AppState,
    ctx: &Ctx,
    target: Target,
    back: &str,
) -> AppResult<Markup> {
    let Some(me) = ctx.user_id() else {
        return Ok(html! {});
    };
    let following = crate::db::notifications::is_following(&state.db.pool, me, target).await?;
    Ok(views::follow_button(ctx, target, following, back))
}
