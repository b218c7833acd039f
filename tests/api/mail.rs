//! E-mail against a real SMTP server (Debian's python3-aiosmtpd, writing a Maildir that the
//! tests read back with Python's own MIME parser): confirmation, held-back supports, password
//! reset, retries while the server is away, exactly once across restarts and instances.
//!
//! `.ci/run` installs python3-aiosmtpd and sets MITDENKEN_REQUIRE_SMTPD=1, so that a missing
//! server fails instead of skipping.

use crate::helpers::*;
use reqwest::StatusCode;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PYTHON: &str = "/usr/bin/python3";

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub fn smtpd_available() -> bool {
    let ok = Command::new(PYTHON)
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var("MITDENKEN_REQUIRE_SMTPD").is_err(),
            "python3-aiosmtpd is required but not installed"
        );
        eprintln!("skipped: python3-aiosmtpd is not installed");
    }
    ok
}

/// A real SMTP server on a port of its own, keeping every message in a Maildir.
pub struct Smtpd {
    pub port: u16,
    pub dir: PathBuf,
    child: Option<Child>,
}

impl Drop for Smtpd {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One received mail, as Python's `email` package reads it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub headers: Vec<(String, String)>,
    pub text: String,
    pub html: String,
}

impl Mail {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The first link in the text part that contains `needle`.
    pub fn link(&self, needle: &str) -> String {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(needle))
            .unwrap_or_else(|| panic!("no link with {needle} in {}", self.text))
            .to_string()
    }
}

const READ_MAILDIR: &str = r#"
import email, email.policy, json, os, sys
out = []
d = os.path.join(sys.argv[1], "new")
for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
    with open(os.path.join(d, name), "rb") as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    text = m.get_body(("plain",))
    html = m.get_body(("html",))
    out.append({
        "to": str(m["To"]), "subject": str(m["Subject"]),
        "headers": [[k, str(v)] for k, v in m.items()],
        "text": text.get_content() if text else "",
        "html": html.get_content() if html else "",
    })
print(json.dumps(out))
"#;

impl Smtpd {
    /// Start a server on `port` (a fresh one when `None`); waits until it accepts.
    pub fn start(port: Option<u16>, dir: Option<PathBuf>) -> Smtpd {
        let port = port.unwrap_or_else(free_port);
        let dir = dir.unwrap_or_else(|| {
            std::env::temp_dir().join(format!(
                "mitdenken-smtpd-{}-{port}-{}",
                std::process::id(),
                Instant::now().elapsed().as_nanos()
            ))
        });
        let mut s = Smtpd {
            port,
            dir,
            child: None,
        };
        s.restart();
        s
    }

    pub fn restart(&mut self) {
        let child = Command::new(PYTHON)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{}", self.port))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&self.dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start aiosmtpd");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(15);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn mails(&self) -> Vec<Mail> {
        let out = Command::new(PYTHON)
            .args(["-c", READ_MAILDIR])
            .arg(&self.dir)
            .output()
            .expect("read the maildir");
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "maildir reader: {e}: {}",
                String::from_utf8_lossy(&out.stderr)
            )
        })
    }

    /// The mails to `to`, once at least `n` have arrived (or panics after a while).
    pub async fn wait_for(&self, to: &str, n: usize) -> Vec<Mail> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let mine: Vec<Mail> = self.mails().into_iter().filter(|m| m.to == to).collect();
            if mine.len() >= n {
                return mine;
            }
            assert!(
                Instant::now() < deadline,
                "{n} mails to {to} expected, {} arrived",
                mine.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Register with an English browser (the language the account's mails will speak) and log
/// in with the password, as English, the address not yet confirmed.
pub async fn register_in_english(app: &TestApp, client: &reqwest::Client, name: &str, email: &str) {
    let token = app.csrf(client).await;
    let r = client
        .post(app.url("/register"))
        .header("accept-language", "en")
        .form(&[
            ("csrf", token.as_str()),
            ("display_name", name),
            ("email", email),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
            ("rules", "1"),
        ])
        .send()
        .await
        .expect("register");
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = client
        .post(app.url("/login"))
        .header("accept-language", "en")
        .form(&[
            ("csrf", token.as_str()),
            ("email", email),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("log in");
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

/// The app with its worker sending to `smtpd`.
pub async fn app_with(smtpd: &Smtpd) -> TestApp {
    let url = smtpd.url();
    spawn_mail_app(move |c| c.smtp_url = Some(url)).await
}

async fn support_count(app: &TestApp, idea: i64) -> i64 {
    app.scalar("SELECT support_count FROM ideas WHERE id = $1", idea)
        .await
}

#[tokio::test]
async fn registration_mails_a_link_that_confirms_once() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    app.register_unconfirmed(&app.client, "Clara Confirm", "clara@example.org")
        .await
        .assert_redirect_to("/");
    let account = app.get("/account").await;
    assert!(
        account.body.contains("Link erneut senden"),
        "{}",
        account.body
    );

    let mail = smtpd.wait_for("clara@example.org", 1).await.remove(0);
    assert_eq!(mail.subject, "Bitte bestätigen Sie Ihre E-Mail-Adresse");
    assert_eq!(mail.header("Auto-Submitted"), Some("auto-generated"));
    assert_eq!(mail.header("Content-Language"), Some("de"));
    assert!(mail.header("Date").is_some());
    let id = mail.header("Message-ID").unwrap_or("");
    assert!(id.starts_with('<') && id.ends_with("@localhost>"), "{id}");
    assert!(
        mail.header("List-Unsubscribe").is_none(),
        "account mails are no list"
    );
    assert!(mail.html.contains("<a href=\""), "{}", mail.html);

    let link = mail.link("/konto/bestaetigen/");
    let path = link.trim_start_matches(&app.url(""));
    app.get(path).await.assert_redirect_to("/");
    assert!(
        app.get("/")
            .await
            .body
            .contains("Ihre E-Mail-Adresse ist bestätigt")
    );
    let account = app.get("/account").await;
    assert!(!account.body.contains("Link erneut senden"));
    // Single use: the same link a second time does nothing.
    let again = app.get(path).await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(again.body.contains("abgelaufen oder wurde schon benutzt"));
    // Only the hash is stored.
    let token = path.rsplit('/').next().unwrap_or("");
    let raw: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM account_tokens WHERE token_hash = $1")
        .bind(token)
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(raw, 0);
    let in_outbox: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE link LIKE $1")
        .bind(format!("%{token}%"))
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(in_outbox, 0, "the sent link is forgotten");
}

#[tokio::test]
async fn english_speakers_get_english_mail() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    register_in_english(&app, &app.client, "Emma English", "emma@example.org").await;
    let mail = smtpd.wait_for("emma@example.org", 1).await.remove(0);
    assert_eq!(mail.subject, "Please confirm your e-mail address");
    assert_eq!(mail.header("Content-Language"), Some("en"));
    assert!(mail.text.contains("Welcome to Mitdenken"));
}

#[tokio::test]
async fn supports_and_ideas_wait_for_the_confirmed_address() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    let author = app
        .user(
            "Alma Autorin",
            "alma@example.org",
            mitdenken::domain::Role::Participant,
        )
        .await;
    let idea = app
        .submit_idea_with(
            &author,
            "digitale-ethik",
            "Offene Protokolle der Ethikkommission",
            "Jede Sitzung bekommt ein öffentliches Protokoll mit den Abstimmungen.",
        )
        .await;

    let newcomer = new_client();
    app.register_unconfirmed(&newcomer, "Nele Neu", "nele@example.org")
        .await
        .assert_redirect_to("/");
    app.post_with(&newcomer, &format!("/ideas/{idea}/support"), &[])
        .await
        .assert_redirect_to(&format!("/ideas/{idea}"));
    assert_eq!(support_count(&app, idea).await, 0, "held back");
    let page = app.get_with(&newcomer, &format!("/ideas/{idea}")).await;
    assert!(
        page.body
            .contains("sobald Sie Ihre E-Mail-Adresse bestätigt haben")
    );
    let own = app
        .submit_idea_with(
            &newcomer,
            "digitale-ethik",
            "Sprechstunde für Algorithmen",
            "Einmal im Monat beantwortet das Amt Fragen zu seinen Algorithmen.",
        )
        .await;
    let own_page = app.get_with(&newcomer, &format!("/ideas/{own}")).await;
    assert_eq!(
        own_page.status,
        StatusCode::OK,
        "the author sees their held-back idea"
    );
    let theme = app.get("/themes/digitale-ethik").await;
    assert!(
        !theme.body.contains("Sprechstunde für Algorithmen"),
        "not listed yet"
    );
    let listed = app
        .scalar("SELECT listed FROM ideas WHERE id = $1", own)
        .await;
    assert_eq!(listed, 0);

    let mail = smtpd.wait_for("nele@example.org", 1).await.remove(0);
    let link = mail.link("/konto/bestaetigen/");
    app.get_with(&newcomer, link.trim_start_matches(&app.url("")))
        .await
        .assert_redirect_to("/");
    assert_eq!(support_count(&app, idea).await, 1, "counted once confirmed");
    let theme = app.get("/themes/digitale-ethik").await;
    assert!(theme.body.contains("Sprechstunde für Algorithmen"));
}

#[tokio::test]
async fn password_reset_by_mail_once_and_within_the_hour() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    app.register("Rita Reset", "rita@example.org").await;
    let other_device = new_client();
    app.login_with(&other_device, "rita@example.org", PASSWORD)
        .await
        .assert_redirect_to("/");
    let anonymous = new_client();
    let login = app.get_with(&anonymous, "/login").await;
    assert!(login.body.contains("href=\"/passwort-vergessen\""));
    let page = app
        .post_with(
            &anonymous,
            "/passwort-vergessen",
            &[("email", "RITA@example.org")],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("Wenn es zu dieser Adresse ein Konto gibt")
    );
    let mail = smtpd.wait_for("rita@example.org", 2).await;
    let reset = mail
        .iter()
        .find(|m| m.subject == "Ihr Link für ein neues Passwort")
        .expect("the reset mail");
    let path = reset.link("/passwort-neu/").replace(&app.url(""), "");
    let form = app.get_with(&anonymous, &path).await;
    assert!(form.body.contains("new_password"));
    let new_password = "Wiesen-Blumen-Garten-77";
    app.post_with(
        &anonymous,
        &path,
        &[
            ("new_password", new_password),
            ("new_password_confirm", new_password),
        ],
    )
    .await
    .assert_redirect_to("/account");
    // The other sessions ended; the old password no longer works, the new one does.
    assert_eq!(
        app.get_with(&other_device, "/account").await.status,
        StatusCode::SEE_OTHER
    );
    let old = app
        .login_with(&new_client(), "rita@example.org", PASSWORD)
        .await;
    assert_eq!(old.status, StatusCode::OK);
    app.login_with(&new_client(), "rita@example.org", new_password)
        .await
        .assert_redirect_to("/");
    // Single use.
    let again = app.get_with(&new_client(), &path).await;
    assert!(again.body.contains("abgelaufen oder wurde schon benutzt"));
    let c = new_client();
    let replay = app
        .post_with(
            &c,
            &path,
            &[
                ("new_password", "Noch-ein-Passwort-99"),
                ("new_password_confirm", "Noch-ein-Passwort-99"),
            ],
        )
        .await;
    assert!(replay.body.contains("abgelaufen oder wurde schon benutzt"));

    // A link older than an hour no longer works.
    app.post_with(
        &new_client(),
        "/passwort-vergessen",
        &[("email", "rita@example.org")],
    )
    .await;
    let mails = smtpd.wait_for("rita@example.org", 3).await;
    // The second reset mail (mails arrive in no fixed order: pick it by subject and link).
    let late = mails
        .iter()
        .filter(|m| m.subject == "Ihr Link für ein neues Passwort")
        .map(|m| m.link("/passwort-neu/"))
        .find(|l| l.replace(&app.url(""), "") != path)
        .expect("a second reset mail");
    sqlx::query("UPDATE account_tokens SET expires_at = expires_at - 3601 WHERE purpose = 'reset'")
        .execute(&app.db.pool)
        .await
        .expect("age the link");
    let expired = app
        .get_with(&new_client(), &late.replace(&app.url(""), ""))
        .await;
    assert!(expired.body.contains("abgelaufen oder wurde schon benutzt"));
}

#[tokio::test]
async fn the_reset_answer_does_not_tell_whether_an_account_exists() {
    let app = spawn_app().await;
    app.register("Kai Known", "kai@example.org").await;
    let mut answers = Vec::new();
    for email in ["kai@example.org", "niemand@example.org"] {
        let c = new_client();
        app.get_with(&c, "/passwort-vergessen").await;
        let token = app.csrf(&c).await;
        let started = Instant::now();
        let page = app
            .post_raw(
                &c,
                "/passwort-vergessen",
                &[("csrf", &token), ("email", email)],
            )
            .await;
        let took = started.elapsed();
        // The CSRF field differs per response; everything else is the same page.
        let body = page
            .body
            .split("name=\"csrf\" value=\"")
            .map(|part| part.split_once('"').map_or(part, |(_, rest)| rest))
            .collect::<Vec<_>>()
            .join("");
        answers.push((page.status, body, took));
    }
    assert_eq!(answers[0].0, answers[1].0);
    assert_eq!(answers[0].1, answers[1].1, "the same page for both");
    let (a, b) = (answers[0].2, answers[1].2);
    let gap = a.abs_diff(b);
    assert!(gap < Duration::from_millis(150), "{a:?} vs {b:?}");
    let queued = app
        .scalar(
            "SELECT COUNT(*) FROM outbox WHERE kind = 'reset' AND id > $1",
            0,
        )
        .await;
    assert_eq!(queued, 1, "only the known address gets a mail");
}

#[tokio::test]
async fn mail_waits_while_the_server_is_away_and_goes_out_once() {
    if !smtpd_available() {
        return;
    }
    let port = free_port();
    let url = format!("smtp://127.0.0.1:{port}");
    let app = spawn_mail_app(move |c| c.smtp_url = Some(url)).await;
    app.register_unconfirmed(&app.client, "Paula Pause", "paula@example.org")
        .await
        .assert_redirect_to("/");
    // The worker tries, fails and schedules a retry.
    let deadline = Instant::now() + Duration::from_secs(20);
    while app
        .scalar("SELECT COUNT(*) FROM outbox WHERE attempts >= $1", 1)
        .await
        == 0
    {
        assert!(Instant::now() < deadline, "no attempt was made");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let error: Option<String> = sqlx::query_scalar("SELECT last_error FROM outbox")
        .fetch_one(&app.db.pool)
        .await
        .expect("row");
    assert!(error.is_some_and(|e| !e.is_empty()));
    let smtpd = Smtpd::start(Some(port), None);
    let mails = smtpd.wait_for("paula@example.org", 1).await;
    assert_eq!(mails.len(), 1);
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        smtpd.wait_for("paula@example.org", 1).await.len(),
        1,
        "none twice"
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND id > $1",
            0
        )
        .await,
        0
    );
}

/// The real binary: killed with SIGKILL while the server is away, started again when it is
/// back: the mail goes out exactly once; a further restart sends nothing again.
#[tokio::test]
async fn kill_and_restart_lose_nothing_and_repeat_nothing() {
    if !smtpd_available() {
        return;
    }
    let url = fresh_database().await;
    let port = free_port();
    let smtp = format!("smtp://127.0.0.1:{port}");
    let envs = [
        ("MITDENKEN_SMTP_URL", smtp.as_str()),
        ("MITDENKEN_BASE_URL", "http://mitdenken.test"),
        ("MITDENKEN_MAIL_RETRY_SECONDS", "1"),
    ];
    let (mut server, addr) = start_binary(&url, &envs).await;
    let client = new_client();
    let base = format!("http://{addr}");
    let page = client
        .get(format!("{base}/register"))
        .send()
        .await
        .expect("get");
    let html = page.text().await.expect("body");
    let token = csrf_of(&html).expect("token");
    let r = client
        .post(format!("{base}/register"))
        .form(&[
            ("csrf", token.as_str()),
            ("display_name", "Kim Kill"),
            ("email", "kim@example.org"),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
            ("rules", "1"),
        ])
        .send()
        .await
        .expect("register");
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let deadline = Instant::now() + Duration::from_secs(20);
    while server.log_lines("will retry") == 0 {
        assert!(Instant::now() < deadline, "the worker did not try");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = server.child.kill();
    let _ = server.child.wait();
    drop(server);

    let smtpd = Smtpd::start(Some(port), None);
    let (server, _) = start_binary(&url, &envs).await;
    let mails = smtpd.wait_for("kim@example.org", 1).await;
    assert!(
        mails[0]
            .text
            .contains("http://mitdenken.test/konto/bestaetigen/")
    );
    drop(server);
    let (_server, _) = start_binary(&url, &envs).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(smtpd.mails().len(), 1, "no mail twice after a restart");
}

/// Two workers on one database (two instances): each mail is sent by exactly one of them.
#[tokio::test]
async fn two_workers_send_each_mail_once() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let url = fresh_database().await;
    let mut config = mitdenken::config::Config::for_tests(url.clone());
    config.smtp_url = Some(smtpd.url());
    config.base_url = Some("http://mitdenken.test".into());
    let db = mitdenken::prepare(&config).await.expect("prepare");
    let mut tx = db.begin_write().await.expect("tx");
    for n in 0..40 {
        let to = format!("person{n}@example.org");
        mitdenken::db::mail::enqueue(
            &mut *tx,
            &mitdenken::db::mail::NewMail {
                recipient: &to,
                language: "de",
                kind: Some(mitdenken::domain::mail::MailKind::ChangeNotice),
                body: "neu@example.org",
                ..Default::default()
            },
        )
        .await
        .expect("enqueue");
    }
    tx.commit().await.expect("commit");
    let second = mitdenken::db::Db::connect(&url).await.expect("second pool");
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    let a = mitdenken::mail::worker::Worker::new(db.clone(), &config, wake.clone()).expect("a");
    let b = mitdenken::mail::worker::Worker::new(second, &config, wake).expect("b");
    let (ra, rb) = tokio::join!(
        async {
            let mut n = 0;
            while let Ok(k @ 1..) = a.round().await {
                n += k;
            }
            n
        },
        async {
            let mut n = 0;
            while let Ok(k @ 1..) = b.round().await {
                n += k;
            }
            n
        }
    );
    assert_eq!(ra + rb, 40, "every mail claimed once ({ra} + {rb})");
    let mails = smtpd.mails();
    assert_eq!(mails.len(), 40);
    let mut to: Vec<_> = mails.iter().map(|m| m.to.clone()).collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), 40, "none twice");
}

#[tokio::test]
async fn a_new_address_is_confirmed_at_the_new_one_and_the_old_one_is_told() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    app.register("Umzug Ulla", "ulla@example.org").await;
    // An address that has an account answers alike but gets no link.
    app.register_with(&new_client(), "Andere Anna", "anna@example.org")
        .await;
    app.post("/account/email", &[("email", "anna@example.org")])
        .await
        .assert_redirect_to("/account");
    app.post("/account/email", &[("email", "Ulla.Neu@Example.org")])
        .await
        .assert_redirect_to("/account");
    let new = smtpd.wait_for("ulla.neu@example.org", 1).await.remove(0);
    assert_eq!(new.subject, "Bitte bestätigen Sie Ihre neue E-Mail-Adresse");
    let old = smtpd
        .wait_for("ulla@example.org", 2)
        .await
        .into_iter()
        .find(|m| m.subject == "Ihre E-Mail-Adresse wird geändert")
        .expect("the notice to the old address");
    assert!(old.text.contains("ulla.neu@example.org"));
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM outbox WHERE kind = 'change_confirm' AND id > $1",
            0
        )
        .await,
        1,
        "no link to an address that has an account"
    );
    let link = new.link("/konto/adresse-bestaetigen/");
    app.get(link.trim_start_matches(&app.url("")))
        .await
        .assert_redirect_to("/");
    app.login_with(&new_client(), "ulla.neu@example.org", PASSWORD)
        .await
        .assert_redirect_to("/");
    let old_login = app
        .login_with(&new_client(), "ulla@example.org", PASSWORD)
        .await;
    assert_eq!(old_login.status, StatusCode::OK, "the old address is gone");
    // Single use.
    let again = app.get(link.trim_start_matches(&app.url(""))).await;
    assert!(again.body.contains("abgelaufen oder wurde schon benutzt"));
}

#[tokio::test]
async fn delivery_settings_are_saved_per_kind() {
    let app = spawn_app().await;
    app.register("Sina Setting", "sina@example.org").await;
    let page = app.get("/benachrichtigungen/einstellungen").await;
    assert!(
        page.body.contains(
            "name=\"followed_theme\" value=\"digest\" id=\"followed_theme-digest\" checked"
        ),
        "{}",
        page.body
    );
    app.post(
        "/benachrichtigungen/einstellungen",
        &[
            ("own", "inbox"),
            ("followed_theme", "immediate"),
            ("reply", "nonsense"),
        ],
    )
    .await
    .assert_redirect_to("/benachrichtigungen/einstellungen");
    let page = app.get("/benachrichtigungen/einstellungen").await;
    assert!(
        page.body
            .contains("value=\"inbox\" id=\"own-inbox\" checked")
    );
    assert!(
        page.body
            .contains("value=\"immediate\" id=\"followed_theme-immediate\" checked")
    );
    assert!(
        page.body
            .contains("value=\"immediate\" id=\"reply-immediate\" checked"),
        "unknown values change nothing"
    );
}

/// Without MITDENKEN_SMTP_URL every mail becomes an .eml file in the mail folder (its path is
/// logged at info level): `cargo run` needs no mail server.
#[tokio::test]
async fn without_a_server_mails_are_written_as_eml_files() {
    let dir = std::env::temp_dir().join(format!(
        "mitdenken-eml-{}-{}",
        std::process::id(),
        mitdenken::db::now()
    ));
    let folder = dir.clone();
    let app = spawn_mail_app(move |c| c.mail_dir = folder).await;
    app.register_unconfirmed(&app.client, "Erna Eml", "erna@example.org")
        .await
        .assert_redirect_to("/");
    let deadline = Instant::now() + Duration::from_secs(20);
    let file = loop {
        let found = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "eml"));
        if let Some(f) = found {
            break f;
        }
        assert!(
            Instant::now() < deadline,
            "no .eml file in {}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let text = std::fs::read_to_string(&file).expect("read the file");
    assert!(text.contains("To: erna@example.org"), "{text}");
    assert!(text.contains("Auto-Submitted: auto-generated"));
    assert!(text.contains("Message-ID: <"));
}

/// A mail the server keeps refusing is given up after a day, with its reason kept.
#[tokio::test]
async fn a_mail_that_cannot_go_out_for_a_day_is_given_up_with_its_reason() {
    // No app is spawned here: the log that keeps the warnings must be set up all the same
    // (run alone, the test found no line).
    init_test_log();
    let url = fresh_database().await;
    let mut config = mitdenken::config::Config::for_tests(url);
    config.smtp_url = Some(format!("smtp://127.0.0.1:{}", free_port()));
    config.base_url = Some("http://mitdenken.test".into());
    let db = mitdenken::prepare(&config).await.expect("prepare");
    let id = mitdenken::db::mail::enqueue(
        &db.pool,
        &mitdenken::db::mail::NewMail {
            recipient: "lange@example.org",
            language: "de",
            kind: Some(mitdenken::domain::mail::MailKind::ChangeNotice),
            body: "neu@example.org",
            ..Default::default()
        },
    )
    .await
    .expect("enqueue");
    sqlx::query("UPDATE outbox SET created_at = created_at - 90000 WHERE id = $1")
        .bind(id)
        .execute(&db.pool)
        .await
        .expect("a day old");
    let worker = mitdenken::mail::worker::Worker::new(db.clone(), &config, Default::default())
        .expect("worker");
    assert_eq!(worker.round().await.expect("round"), 1);
    let (failed, error): (Option<i64>, Option<String>) =
        sqlx::query_as("SELECT failed_at, last_error FROM outbox WHERE id = $1")
            .bind(id)
            .fetch_one(&db.pool)
            .await
            .expect("row");
    assert!(failed.is_some(), "given up");
    assert!(error.is_some_and(|e| !e.is_empty()), "with its reason");
    assert_eq!(
        worker.round().await.expect("round"),
        0,
        "and never tried again"
    );
    assert!(!logged_lines_with("mail given up").is_empty());
}

#[tokio::test]
async fn the_link_is_sent_again_at_most_once_a_minute() {
    let app = spawn_app().await;
    app.register_unconfirmed(&app.client, "Rudi Resend", "rudi@example.org")
        .await
        .assert_redirect_to("/");
    let queued = |app: &TestApp| {
        let pool = app.db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM outbox WHERE kind = 'confirm'")
                .fetch_one(&pool)
                .await
                .expect("count")
        }
    };
    assert_eq!(queued(&app).await, 1);
    app.post("/konto/bestaetigung-senden", &[])
        .await
        .assert_redirect_to("/account");
    assert!(
        app.get("/account")
            .await
            .body
            .contains("Bitte warten Sie eine Minute")
    );
    assert_eq!(queued(&app).await, 1, "not again within the minute");
    sqlx::query("UPDATE account_tokens SET created_at = created_at - 61")
        .execute(&app.db.pool)
        .await
        .expect("a minute later");
    app.post("/konto/bestaetigung-senden", &[])
        .await
        .assert_redirect_to("/account");
    assert!(
        app.get("/account")
            .await
            .body
            .contains("noch einmal geschickt")
    );
    assert_eq!(queued(&app).await, 2);
}

/// Links in mails need the public address: with SMTP on and no MITDENKEN_BASE_URL the
/// server refuses to start, with a sentence saying why.
#[tokio::test]
async fn smtp_without_a_base_url_refuses_to_start() {
    let url = fresh_database().await;
    let out = Command::new(env!("CARGO_BIN_EXE_mitdenken"))
        .arg("serve")
        .env("DATABASE_URL", &url)
        .env("MITDENKEN_BIND", "127.0.0.1:0")
        .env("MITDENKEN_SMTP_URL", "smtp://127.0.0.1:2525")
        .env_remove("MITDENKEN_BASE_URL")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("MITDENKEN_BASE_URL"), "{err}");
}

/// Regression: a reset link signed the browser in directly, past the second factor. A mailed
/// link is one factor; with two-factor sign-in on, the new password leads to the code step.
#[tokio::test]
async fn a_reset_link_does_not_get_past_the_second_factor() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    let moderator = app
        .user(
            "Jana Moderation",
            "jana@example.org",
            mitdenken::domain::Role::Moderator,
        )
        .await;
    drop(moderator);
    let anonymous = new_client();
    app.post_with(
        &anonymous,
        "/passwort-vergessen",
        &[("email", "jana@example.org")],
    )
    .await;
    let mail = smtpd.wait_for("jana@example.org", 1).await;
    let reset = mail
        .iter()
        .find(|m| m.subject == "Ihr Link für ein neues Passwort")
        .expect("the reset mail");
    let path = reset.link("/passwort-neu/").replace(&app.url(""), "");
    let new_password = "Wiesen-Blumen-Garten-77";
    let done = app
        .post_with(
            &anonymous,
            &path,
            &[
                ("new_password", new_password),
                ("new_password_confirm", new_password),
            ],
        )
        .await;
    done.assert_redirect_to("/login/code");
    // Not signed in until the code is given.
    assert_eq!(
        app.get_with(&anonymous, "/account").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.get_with(&anonymous, "/moderation").await.status,
        StatusCode::SEE_OTHER
    );
}

/// The owner of a taken address hears that someone tried, with the login and the reset, in
/// the account's language; the one who tried sees only "we sent you a mail".
#[tokio::test]
async fn the_owner_of_a_taken_address_is_told_with_login_and_reset() {
    if !smtpd_available() {
        return;
    }
    let smtpd = Smtpd::start(None, None);
    let app = app_with(&smtpd).await;
    register_in_english(&app, &app.client, "Olga Owner", "olga@example.org").await;
    let confirm = smtpd.wait_for("olga@example.org", 1).await.remove(0);
    let link = confirm.link("/konto/bestaetigen/");
    app.get(link.trim_start_matches(&app.url("")))
        .await
        .assert_redirect_to("/");
    app.post_register(&new_client(), "Someone Else", "Olga@Example.org")
        .await
        .assert_redirect_to(SENT_PAGE);
    let mails = smtpd.wait_for("olga@example.org", 2).await;
    let told = mails
        .iter()
        .find(|m| m.subject == "Sign-up attempt with your e-mail address")
        .unwrap_or_else(|| panic!("no notice among {mails:?}"));
    assert!(told.text.contains("Someone tried"), "{}", told.text);
    assert!(told.text.contains(&app.url("/login")), "{}", told.text);
    assert!(told.text.contains(&app.url("/passwort-vergessen")));
    assert!(told.header("List-Unsubscribe").is_none());
    assert_eq!(
        mails
            .iter()
            .filter(|m| m.text.contains("/konto/bestaetigen/"))
            .count(),
        1,
        "only the owner's own confirmation link, none for the attempt"
    );
}
