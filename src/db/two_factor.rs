//! Two-factor sign-in of an account: its TOTP secret with the last accepted time step (so a
//! code is never accepted twice) and its recovery codes (hashed, each used once).

use super::{Exec, Tx, now};
use crate::domain::UserId;

/// The account's secret (base32) and the last time step a code was accepted for.
pub async fn secret<'e>(ex: impl Exec<'e>, user: UserId) -> sqlx::Result<Option<(String, i64)>> {
    sqlx::query_as("SELECT secret, last_step FROM two_factor WHERE user_id = $1")
        .bind(user)
        .fetch_optional(ex)
        .await
}

/// Turn two-factor sign-in on with a confirmed secret (replacing an earlier one) and fresh
/// recovery codes; `step` is the step of the confirming code, so it cannot be used again.
pub async fn enable(
    tx: &mut Tx,
    user: UserId,
    secret: &str,
    step: i64,
    recovery_hashes: &[String],
) -> sqlx::Result<()> {
    reset(tx, user).await?;
    sqlx::query(
        "INSERT INTO two_factor (user_id, secret, last_step, enabled_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user)
    .bind(secret)
    .bind(step)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    for hash in recovery_hashes {
        sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
            .bind(user)
            .bind(hash)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Accept a code of `step` once: true only if no code of this or a later step was accepted
/// before (a replayed or older code is refused, also when two requests race).
pub async fn accept_step<'e>(ex: impl Exec<'e>, user: UserId, step: i64) -> sqlx::Result<bool> {
    let r =
        sqlx::query("UPDATE two_factor SET last_step = $1 WHERE user_id = $2 AND last_step < $1")
            .bind(step)
            .bind(user)
            .execute(ex)
            .await?;
    Ok(r.rows_affected() == 1)
}

/// Use a recovery code: true once per code.
pub async fn use_recovery_code<'e>(
    ex: impl Exec<'e>,
    user: UserId,
    hash: &str,
) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "UPDATE recovery_codes SET used_at = $1
         WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(now())
    .bind(user)
    .bind(hash)
    .execute(ex)
    .await?;
    Ok(r.rows_affected() >= 1)
}

/// Recovery codes not used yet.
pub async fn codes_left<'e>(ex: impl Exec<'e>, user: UserId) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
        .bind(user)
        .fetch_one(ex)
        .await
}

/// Turn two-factor sign-in off (the person, or an admin resetting it).
pub async fn reset(tx: &mut Tx, user: UserId) -> sqlx::Result<bool> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user)
        .execute(&mut **tx)
        .await?;
    let r = sqlx::query("DELETE FROM two_factor WHERE user_id = $1")
        .bind(user)
        .execute(&mut **tx)
        .await?;
    Ok(r.rows_affected() == 1)
}
