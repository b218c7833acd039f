//! Reports of barriers sent through the accessibility statement's form (BITV 2.0 § 7).

use super::Exec;

pub struct Feedback<'a> {
    pub message: &'a str,
    pub contact: &'a str,
    /// The page the barrier is on, as the person named it.
    pub page: &'a str,
}

pub async fn insert<'e>(ex: impl Exec<'e>, f: &Feedback<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO accessibility_feedback (message, contact, page, created_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(f.message)
    .bind(f.contact)
    .bind(f.page)
    .bind(super::now())
    .execute(ex)
    .await
    .map(|_| ())
}

/// The newest reports for the admins: (message, contact, page, created_at).
pub async fn latest<'e>(
    ex: impl Exec<'e>,
    limit: i64,
) -> sqlx::Result<Vec<(String, String, String, i64)>> {
    sqlx::query_as(
        "SELECT message, contact, page, created_at FROM accessibility_feedback
         ORDER BY created_at DESC, id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(ex)
    .await
}
