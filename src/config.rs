//! Command line and environment configuration: every option is a flag and a `MITDENKEN_*` variable.

use crate::domain::NewAccountLimit;
use clap::{Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;

#[derive(Debug, Parser)]
#[command(
    name = "mitdenken",
    version,
    about = "Mitdenken – Ideen- und Beteiligungsplattform"
)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// Address the web server listens on.
    #[arg(
        long,
        env = "MITDENKEN_BIND",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub bind: SocketAddr,
    /// sqlite://path/to/file.db or postgres://user@host/db
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/mitdenken.db",
        global = true
    )]
    pub database_url: String,
    /// Mark the session cookie `Secure` (set this behind HTTPS).
    #[arg(
        long,
        env = "MITDENKEN_SECURE_COOKIES",
        default_value_t = false,
        global = true
    )]
    pub secure_cookies: bool,
    /// Behind a reverse proxy: take the client address from the last X-Forwarded-For entry.
    #[arg(
        long,
        env = "MITDENKEN_TRUST_PROXY",
        default_value_t = false,
        global = true
    )]
    pub trust_proxy: bool,
    /// Comma-separated addresses or networks (10.0.0.5, 10.0.0.0/8) of our reverse proxies:
    /// when set, `X-Forwarded-For` counts only on connections from these (implies trust-proxy).
    #[arg(
        long,
        env = "MITDENKEN_TRUSTED_PROXIES",
        default_value = "",
        global = true
    )]
    pub trusted_proxies: crate::web::client::TrustedProxies,
    /// Distinct reporters after which an item is hidden until a moderator decides.
    #[arg(
        long,
        env = "MITDENKEN_REPORT_THRESHOLD",
        default_value_t = 3,
        global = true
    )]
    pub report_threshold: i64,
    /// Hours an account must have existed when it reports for the report to count toward the
    /// provisional hide (the report is still stored and shown to the moderation). Throwaway
    /// accounts made for a report brigade are that young.
    #[arg(
        long,
        env = "MITDENKEN_REPORT_MIN_ACCOUNT_AGE",
        default_value_t = 24,
        global = true
    )]
    pub report_min_account_age: u32,
    /// Hours after registration in which an account counts as new: its ideas and comments
    /// are limited per hour and the links in what it writes then are marked `ugc`.
    #[arg(
        long,
        env = "MITDENKEN_NEW_ACCOUNT_HOURS",
        default_value_t = 24,
        global = true
    )]
    pub new_account_hours: u32,
    /// Ideas a new account may submit per hour (staff accounts are never limited).
    #[arg(
        long,
        env = "MITDENKEN_NEW_ACCOUNT_IDEAS_PER_HOUR",
        default_value_t = 3,
        global = true
    )]
    pub new_account_ideas_per_hour: u32,
    /// Comments a new account may write per hour (staff accounts are never limited).
    #[arg(
        long,
        env = "MITDENKEN_NEW_ACCOUNT_COMMENTS_PER_HOUR",
        default_value_t = 20,
        global = true
    )]
    pub new_account_comments_per_hour: u32,
    /// A folder with the operator's own page texts (impressum.de.md, datenschutz.en.md, ...).
    #[arg(long, env = "MITDENKEN_CONTENT_DIR", global = true)]
    pub content_dir: Option<std::path::PathBuf>,
    /// How supports count, in the operator's words, for the support box of every idea
    /// (instead of the built-in text in both languages).
    #[arg(long, env = "MITDENKEN_SUPPORT_RULE", global = true)]
    pub support_rule: Option<String>,
    /// Login and registration attempts allowed per client address and minute.
    #[arg(
        long,
        env = "MITDENKEN_AUTH_RATE_LIMIT",
        default_value_t = 10,
        global = true
    )]
    pub auth_rate_limit: u32,
    /// Requests to the open-data API (/api/v1) and the downloads (/daten) allowed per client
    /// address and minute.
    #[arg(
        long,
        env = "MITDENKEN_API_RATE_LIMIT",
        default_value_t = 120,
        global = true
    )]
    pub api_rate_limit: u32,
    /// The licence the open data is published under (named on /api and /daten and in every
    /// download).
    #[arg(
        long,
        env = "MITDENKEN_DATA_LICENCE",
        default_value = "CC BY 4.0",
        global = true
    )]
    pub data_licence: String,
    /// The address of that licence's text.
    #[arg(
        long,
        env = "MITDENKEN_DATA_LICENCE_URL",
        default_value = "https://creativecommons.org/licenses/by/4.0/deed.de",
        global = true
    )]
    pub data_licence_url: String,
    /// `text` for people, `json` (one object per line) for log collectors.
    #[arg(
        long,
        env = "MITDENKEN_LOG_FORMAT",
        value_enum,
        default_value_t = LogFormat::Text,
        global = true
    )]
    pub log_format: LogFormat,
    /// Seconds a client has to send the request line and headers (also bounds a kept-alive
    /// connection waiting for its next request).
    #[arg(
        long,
        env = "MITDENKEN_HEADER_TIMEOUT",
        default_value_t = 10,
        global = true
    )]
    pub header_timeout: u64,
    /// Seconds a connection may stay open without a request in hand and without a byte moving.
    #[arg(
        long,
        env = "MITDENKEN_IDLE_TIMEOUT",
        default_value_t = 5,
        global = true
    )]
    pub idle_timeout: u64,
    /// Seconds a client has to send a whole request body.
    #[arg(
        long,
        env = "MITDENKEN_BODY_TIMEOUT",
        default_value_t = 30,
        global = true
    )]
    pub body_timeout: u64,
    /// Open connections at most; beyond it clients get a short 503 page. 0: the open-files
    /// limit of the process minus a reserve.
    #[arg(
        long,
        env = "MITDENKEN_MAX_CONNECTIONS",
        default_value_t = 0,
        global = true
    )]
    pub max_connections: usize,
    /// Seconds running requests may take to finish after SIGTERM before the process exits.
    #[arg(
        long,
        env = "MITDENKEN_SHUTDOWN_GRACE",
        default_value_t = 10,
        global = true
    )]
    pub shutdown_grace: u64,
    /// Password checks (argon2) running at once; 0: one per processor core.
    #[arg(
        long,
        env = "MITDENKEN_HASH_WORKERS",
        default_value_t = 0,
        global = true
    )]
    pub hash_workers: usize,
    /// Password checks that may wait for a free worker; beyond them a login gets a 503 page.
    #[arg(
        long,
        env = "MITDENKEN_HASH_QUEUE",
        default_value_t = 16,
        global = true
    )]
    pub hash_queue: usize,
    /// Megabytes of rendered pages kept for visitors without a session (served until the next
    /// write); 0 renders every page.
    #[arg(
        long,
        env = "MITDENKEN_PAGE_CACHE_MB",
        default_value_t = 64,
        global = true
    )]
    pub page_cache_mb: usize,
    /// The site's public address (https://mitdenken.example.de), for the absolute links and
    /// ids of the Atom feeds; unset: taken from each request's Host header.
    #[arg(long, env = "MITDENKEN_BASE_URL", value_parser = parse_base_url, global = true)]
    pub base_url: Option<String>,
    /// Days a staff account (moderation, ministry, admin) may sign in without two-factor
    /// sign-in, counted from the day it got its role; after that it can only set it up.
    #[arg(
        long,
        env = "MITDENKEN_STAFF_2FA_GRACE_DAYS",
        default_value_t = 0,
        global = true
    )]
    pub staff_2fa_grace_days: u32,
    /// Minutes without a request after which a staff account's session ends (participants'
    /// sessions end after 14 days).
    #[arg(
        long,
        env = "MITDENKEN_STAFF_IDLE_MINUTES",
        default_value_t = 120,
        global = true
    )]
    pub staff_idle_minutes: u32,
    /// Days feedback on barriers (accessibility statement) is kept before the hourly purge
    /// deletes it.
    #[arg(
        long,
        env = "MITDENKEN_FEEDBACK_RETENTION_DAYS",
        default_value_t = 365,
        global = true
    )]
    pub feedback_retention_days: u32,
    /// Where mail goes: `smtp://user:pass@host:587?tls=required`, `smtps://…`, or
    /// `smtp://127.0.0.1:2525` for a local relay. Unset: each mail is written as an .eml
    /// file into the mail folder (and its path logged).
    #[arg(long, env = "MITDENKEN_SMTP_URL", global = true)]
    pub smtp_url: Option<String>,
    /// The sender of every mail, e.g. `Mitdenken <mitdenken@example.de>`.
    #[arg(
        long,
        env = "MITDENKEN_MAIL_FROM",
        default_value = "Mitdenken <mitdenken@localhost>",
        global = true
    )]
    pub mail_from: String,
    /// The folder the .eml files go to while no SMTP server is set.
    #[arg(
        long,
        env = "MITDENKEN_MAIL_DIR",
        default_value = "data/mail",
        global = true
    )]
    pub mail_dir: std::path::PathBuf,
    /// Seconds before the first retry of a mail the server did not take; each further try
    /// waits twice as long (at most an hour); after a day the mail is given up.
    #[arg(
        long,
        env = "MITDENKEN_MAIL_RETRY_SECONDS",
        default_value_t = 60,
        global = true
    )]
    pub mail_retry_seconds: u64,
}

/// Days of inactivity after which a participant's session ends.
pub const SESSION_IDLE_DAYS: i64 = 14;

/// `http(s)://host[:port][/path]` without query or fragment; stored without the final slash.
fn parse_base_url(s: &str) -> Result<String, String> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or("must start with https:// or http://")?;
    let host = rest.split('/').next().unwrap_or("");
    let fine = |c: char| c.is_ascii_alphanumeric() || "-._~/:[]%".contains(c);
    if host.is_empty() || !rest.chars().all(fine) {
        return Err("expected http(s)://host[:port][/path], without query or fragment".into());
    }
    Ok(s.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::parse_base_url;

    #[test]
    fn base_urls_are_plain_http_addresses() {
        assert_eq!(
            parse_base_url("https://mitdenken.example.de/").as_deref(),
            Ok("https://mitdenken.example.de")
        );
        assert!(parse_base_url("https://example.de:8443/board").is_ok());
        assert!(parse_base_url("ftp://example.de").is_err());
        assert!(parse_base_url("https://").is_err());
        assert!(parse_base_url("https://example.de/?x=1").is_err());
        assert!(parse_base_url("https://exa mple.de").is_err());
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the web server (the default).
    Serve,
    /// Run the database migrations and exit.
    Migrate,
    /// Create an account; the password comes from MITDENKEN_PASSWORD or is asked for.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_enum, default_value = "participant")]
        role: RoleArg,
    },
    /// Write a consistent copy of the SQLite database while the server keeps running.
    Backup {
        /// The file to write; it must not exist yet.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Fill the board with example users, ideas, comments and supports.
    SeedDemo {
        /// Also generate this many extra ideas (with ~10 supports and ~3 comments each) for benchmarks.
        #[arg(long, default_value_t = 0)]
        ideas: u64,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Admin,
    Moderator,
    Ministry,
    Participant,
}

impl Config {
    /// The configuration the integration tests start from: everything else as in production.
    pub fn for_tests(database_url: String) -> Self {
        Config {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url,
            secure_cookies: false,
            trust_proxy: false,
            trusted_proxies: Default::default(),
            report_threshold: 3,
            // Tests report, submit and comment from accounts made a moment before; the tests
            // of these limits set them (tests/api/abuse.rs).
            report_min_account_age: 0,
            new_account_hours: 24,
            new_account_ideas_per_hour: 10_000,
            new_account_comments_per_hour: 10_000,
            content_dir: None,
            support_rule: None,
            auth_rate_limit: 10_000,
            api_rate_limit: 10_000,
            data_licence: "CC BY 4.0".into(),
            data_licence_url: "https://creativecommons.org/licenses/by/4.0/deed.de".into(),
            log_format: LogFormat::Text,
            header_timeout: 10,
            idle_timeout: 5,
            body_timeout: 30,
            max_connections: 0,
            shutdown_grace: 10,
            hash_workers: 0,
            hash_queue: 16,
            page_cache_mb: 64,
            base_url: None,
            staff_2fa_grace_days: 0,
            staff_idle_minutes: 120,
            feedback_retention_days: 365,
            smtp_url: None,
            mail_from: "Mitdenken <mitdenken@localhost>".into(),
            // No test starts the mail worker unless it asks for it (then with its own folder).
            mail_dir: std::env::temp_dir().join("mitdenken-test-mail"),
            mail_retry_seconds: 1,
        }
    }

    /// Seconds a staff session may stay unused.
    pub fn staff_idle_secs(&self) -> i64 {
        i64::from(self.staff_idle_minutes) * 60
    }

    /// Seconds of the two-factor grace period of new staff.
    pub fn staff_2fa_grace_secs(&self) -> i64 {
        i64::from(self.staff_2fa_grace_days) * 86_400
    }

    /// Seconds an account must have existed for its reports to count toward hiding.
    pub fn report_min_account_age_secs(&self) -> i64 {
        i64::from(self.report_min_account_age) * 3600
    }

    /// The limits for new accounts' ideas.
    pub fn new_account_ideas(&self) -> NewAccountLimit {
        NewAccountLimit {
            window_secs: self.new_account_secs(),
            per_hour: i64::from(self.new_account_ideas_per_hour),
        }
    }

    /// The limits for new accounts' comments.
    pub fn new_account_comments(&self) -> NewAccountLimit {
        NewAccountLimit {
            window_secs: self.new_account_secs(),
            per_hour: i64::from(self.new_account_comments_per_hour),
        }
    }

    /// How long an account counts as new, in seconds.
    pub fn new_account_secs(&self) -> i64 {
        i64::from(self.new_account_hours) * 3600
    }
}
