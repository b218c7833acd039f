//! The outbox worker: claims due mails (one instance per mail, with a lease), sends them over
//! SMTP or writes them as .eml files, retries with backoff, gives up after a day.

use super::{Sender, compose};
use crate::config::Config;
use crate::db::{self, Db};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Tokio1Executor};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// How long a claim holds: longer than one SMTP conversation may take (lettre's timeout is
/// a minute), so a live worker never loses its mail to another; a dead one's mail is free
/// again after it.
const LEASE_SECS: i64 = 300;
/// Mails claimed at once.
const BATCH: i64 = 20;
/// A mail not taken after this long is given up, with its reason in the log and the row.
const GIVE_UP_SECS: i64 = 24 * 3600;
/// The longest wait between two tries.
const MAX_BACKOFF_SECS: i64 = 3600;
/// Digests and cleanups are looked at this often.
const CHORES_EVERY_SECS: i64 = 60;
/// Looked at this often even when nobody wakes the worker (retries, other instances' mails).
const POLL: Duration = Duration::from_secs(5);

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

pub struct Worker {
    db: Db,
    transport: Transport,
    sender: Sender,
    retry_base: i64,
    /// This process's name on its claims.
    me: String,
    wake: Arc<Notify>,
}

/// What came of one try.
enum Outcome {
    Sent(String),
    /// The server is away or said 4xx: try again later.
    Later(String),
    /// 5xx or a mail that cannot be built: never.
    Never(String),
}

impl Worker {
    /// The worker for this configuration; an unusable SMTP URL or sender is an error at
    /// start-up, not a silent loss later.
    pub fn new(db: Db, config: &Config, wake: Arc<Notify>) -> Result<Worker, String> {
        let from = config
            .mail_from
            .parse()
            .map_err(|e| format!("MITDENKEN_MAIL_FROM {:?}: {e}", config.mail_from))?;
        let base = match (&config.base_url, &config.smtp_url) {
            (Some(b), _) => b.clone(),
            (None, None) => format!("http://{}", config.bind),
            (None, Some(_)) => {
                return Err(
                    "MITDENKEN_BASE_URL is required once MITDENKEN_SMTP_URL is set (the links in the mails)"
                        .into(),
                );
            }
        };
        let transport = match &config.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| format!("MITDENKEN_SMTP_URL: {e}"))?
                    .timeout(Some(Duration::from_secs(60)))
                    .build(),
            ),
            None => Transport::Files(config.mail_dir.clone()),
        };
        let (token, _) = db::mail::new_token();
        Ok(Worker {
            db,
            transport,
            sender: Sender { from, base },
            retry_base: i64::try_from(config.mail_retry_seconds.max(1)).unwrap_or(60),
            me: format!("{}-{}", std::process::id(), &token[..12]),
            wake,
        })
    }

    /// Run forever: send what is due, then wait for a wake-up or the poll interval. A
    /// database error is logged and tried again at the next round.
    pub async fn run(self, stop: tokio::sync::watch::Receiver<bool>) {
        let mut stop = stop;
        let mut last_chores = 0;
        loop {
            if *stop.borrow() {
                return;
            }
            if db::now() - last_chores >= CHORES_EVERY_SECS {
                last_chores = db::now();
                if let Err(e) = self.chores(db::now()).await {
                    tracing::warn!(error = %e, "mail worker: digest or cleanup failed; retrying");
                }
            }
            match self.round().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "mail worker: database error; retrying"),
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(POLL) => {}
                // A dropped sender (nobody will ever stop it) means: run on.
                _ = async {
                    if stop.changed().await.is_err() {
                        std::future::pending::<()>().await;
                    }
                } => {}
            }
        }
    }

    /// The daily digests that are due (one mail per person with what waited for it) and
    /// the cleanup of unconfirmed newsletter requests; returns the digests written.
    pub async fn chores(&self, now: i64) -> Result<usize, sqlx::Error> {
        let boundary = crate::domain::mail::last_digest_boundary(now);
        let mut tx = self.db.begin_write().await?;
        let n = db::notifications::collect_digests(&mut tx, boundary).await?;
        let reminded = db::notifications::remind_workshops(&mut tx, now).await?;
        let purged = db::newsletter::purge_unconfirmed(&mut *tx, now).await?;
        tx.commit().await?;
        if reminded > 0 {
            tracing::info!(
                reminded,
                "workshop reminders for tomorrow put into the outbox"
            );
        }
        if purged > 0 {
            tracing::info!(
                purged,
                "unconfirmed newsletter requests older than 7 days deleted"
            );
        }
        if n > 0 {
            tracing::info!(digests = n, "daily digests put into the outbox");
        }
        Ok(n)
    }

    /// Claim one batch and send it; returns how many were claimed.
    pub async fn round(&self) -> Result<usize, sqlx::Error> {
        // A plain read first: an idle poll never takes SQLite's write lock.
        if db::mail::due(&self.db.pool).await? == 0 {
            return Ok(0);
        }
        let mut tx = self.db.begin_write().await?;
        let rows = db::mail::claim(
            &mut tx,
            self.db.backend,
            &self.me,
            db::now() + LEASE_SECS,
            BATCH,
        )
        .await?;
        tx.commit().await?;
        let n = rows.len();
        for row in rows {
            let outcome = self.send(&row).await;
            let at = db::now();
            match outcome {
                Outcome::Sent(where_) => {
                    db::mail::mark_sent(&self.db.pool, row.id, &self.me).await?;
                    tracing::info!(mail = row.id, kind = row.kind.as_str(), to = %where_, "mail sent");
                }
                Outcome::Later(reason) if at - row.created_at < GIVE_UP_SECS => {
                    let wait = self
                        .retry_base
                        .saturating_mul(1 << row.attempts.clamp(0, 20))
                        .min(MAX_BACKOFF_SECS);
                    db::mail::mark_retry(&self.db.pool, row.id, &self.me, at + wait, &reason)
                        .await?;
                    tracing::warn!(mail = row.id, attempt = row.attempts + 1, retry_in = wait, error = %reason, "mail not sent; will retry");
                }
                Outcome::Never(reason) if undeliverable(&row.recipient) => {
                    db::mail::mark_failed(&self.db.pool, row.id, &self.me, &reason).await?;
                    tracing::debug!(mail = row.id, "mail to a reserved domain dropped");
                }
                Outcome::Later(reason) | Outcome::Never(reason) => {
                    db::mail::mark_failed(&self.db.pool, row.id, &self.me, &reason).await?;
                    tracing::error!(mail = row.id, kind = row.kind.as_str(), attempts = row.attempts + 1, error = %reason, "mail given up");
                }
            }
        }
        Ok(n)
    }

    async fn send(&self, row: &db::mail::OutboxRow) -> Outcome {
        if undeliverable(&row.recipient) {
            return Outcome::Never("reserved domain (RFC 2606/6761): never delivered".into());
        }
        let message = match compose(row, &self.sender).await {
            Ok(m) => m,
            Err(e) => return Outcome::Never(e.0),
        };
        match &self.transport {
            Transport::Smtp(smtp) => match smtp.send(message).await {
                Ok(_) => Outcome::Sent(row.recipient.clone()),
                Err(e) if e.is_permanent() => Outcome::Never(e.to_string()),
                Err(e) => Outcome::Later(e.to_string()),
            },
            Transport::Files(dir) => {
                // Named after the row: a second try writes the same file, never a second one.
                let path = dir.join(format!("{}-{}.eml", row.id, row.message_id));
                let bytes = message.formatted();
                let written = async {
                    tokio::fs::create_dir_all(dir).await?;
                    let tmp = path.with_extension("tmp");
                    tokio::fs::write(&tmp, &bytes).await?;
                    tokio::fs::rename(&tmp, &path).await
                }
                .await;
                match written {
                    Ok(()) => {
                        tracing::info!(path = %path.display(), "mail written as a file (no MITDENKEN_SMTP_URL)");
                        Outcome::Sent(path.display().to_string())
                    }
                    Err(e) => Outcome::Later(format!("{}: {e}", path.display())),
                }
            }
        }
    }
}

/// Addresses in the reserved top-level domains (the demo accounts are
/// `@demo.mitdenken.example`) can never receive mail: not even an .eml file is written.
fn undeliverable(address: &str) -> bool {
    let domain = address
        .rsplit('@')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    [".example", ".invalid", ".localhost", ".test"]
        .iter()
        .any(|tld| domain.ends_with(tld))
}

/// The running worker, to stop it with the server.
pub struct Running {
    stop: tokio::sync::watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    /// Let the mail in hand go out (or its try end) and claim nothing new, waiting at most
    /// `grace`; a worker still busy then is dropped, and its claims free up when their lease
    /// ends (the next start sends them).
    pub async fn stop(self, grace: Duration) {
        let _ = self.stop.send(true);
        if tokio::time::timeout(grace, self.task).await.is_err() {
            tracing::warn!(
                "mail worker still busy at shutdown; its mails go out after the next start"
            );
        }
    }
}

/// Start the worker beside the server.
pub fn spawn(db: Db, config: &Config, wake: Arc<Notify>) -> Result<Running, String> {
    let worker = Worker::new(db, config, wake)?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let task = tokio::spawn(worker.run(stopped));
    Ok(Running { stop, task })
}

#[cfg(test)]
mod tests {
    #[test]
    fn reserved_domains_are_never_mailed() {
        assert!(super::undeliverable("jana.koehler@demo.mitdenken.example"));
        assert!(super::undeliverable("x@host.INVALID"));
        assert!(!super::undeliverable("anna@example.org"));
        assert!(!super::undeliverable("anna@beispiel.de"));
    }
}
