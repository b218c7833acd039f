//! `spawn_app()` and a browser-like client: the real router on port 0 over a fresh, migrated
//! database (SQLite by default, PostgreSQL when MITDENKEN_TEST_POSTGRES names a server).

use mitdenken::config::{Config, LogFormat};
use mitdenken::db::Db;
use mitdenken::domain::Role;
use mitdenken::state::AppState;
use reqwest::StatusCode;
use reqwest::redirect::Policy;
use std::io::BufRead;
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::util::SubscriberInitExt;

pub const PASSWORD: &str = "Sonnenblumen-Feld-42";
/// Where every registration that passed the form's checks is sent, whatever the address.
pub const SENT_PAGE: &str = "/register/gesendet";

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "mitdenken_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        nanos
    )
}

/// A fresh database URL: a new SQLite file, or a new database on the PostgreSQL server.
pub async fn fresh_database() -> String {
    match std::env::var("MITDENKEN_TEST_POSTGRES") {
        Ok(server) if !server.is_empty() => {
            use sqlx::Connection;
            let name = unique_name();
            let mut conn = sqlx::PgConnection::connect(&server)
                .await
                .expect("connect to MITDENKEN_TEST_POSTGRES");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let base = match server.rfind('/') {
                Some(i) if i > "postgres://".len() => &server[..i],
                _ => server.as_str(),
            };
            format!("{base}/{name}")
        }
        _ => {
            let path = std::env::temp_dir().join(format!("{}.db", unique_name()));
            format!("sqlite://{}", path.display())
        }
    }
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub database_url: String,
    pub db: Db,
    pub client: reqwest::Client,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Warnings and errors of the whole test process, for tests that look for the lines of one
/// of their requests (by its request id).
static LOG: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// The kept log lines that contain `needle`.
pub fn logged_lines_with(needle: &str) -> Vec<String> {
    let log = LOG.lock().unwrap_or_else(|e| e.into_inner());
    String::from_utf8_lossy(&log)
        .lines()
        .filter(|l| l.contains(needle))
        .map(str::to_string)
        .collect()
}

/// Every line goes to the test's own output (shown when it fails); warnings and errors are
/// also kept in `LOG`.
struct TestLog;

struct TestLogWriter {
    keep: bool,
}

impl std::io::Write for TestLogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        print!("{}", String::from_utf8_lossy(buf));
        if self.keep {
            LOG.lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for TestLog {
    type Writer = TestLogWriter;

    fn make_writer(&'a self) -> TestLogWriter {
        TestLogWriter { keep: false }
    }

    fn make_writer_for(&'a self, meta: &tracing::Metadata<'_>) -> TestLogWriter {
        TestLogWriter {
            keep: *meta.level() <= tracing::Level::WARN,
        }
    }
}

/// The app's own log setup, once per test process; errors of the app show up in a failing
/// test's output, and warnings and errors are kept for `logged_lines_with`.
pub fn init_test_log() {
    let _ = mitdenken::web::trace::subscriber(
        LogFormat::Text,
        EnvFilter::new("warn,mitdenken=info"),
        TestLog,
        false,
    )
    .try_init();
}

/// A fresh database with the adjusted configuration, and a listener on port 0.
async fn prepare_app(
    adjust: impl FnOnce(&mut Config),
) -> (TestApp, AppState, tokio::net::TcpListener) {
    init_test_log();
    let database_url = fresh_database().await;
    prepare_app_on(database_url, adjust).await
}

/// `prepare_app` on an existing database (a second instance beside the first).
async fn prepare_app_on(
    database_url: String,
    adjust: impl FnOnce(&mut Config),
) -> (TestApp, AppState, tokio::net::TcpListener) {
    let mut config = Config::for_tests(database_url.clone());
    adjust(&mut config);
    let db = mitdenken::prepare(&config).await.expect("prepare database");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let test_app = TestApp {
        addr,
        database_url,
        db: db.clone(),
        client: new_client(),
    };
    (test_app, AppState::new(db, config), listener)
}

pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let (test_app, state, listener) = prepare_app(adjust).await;
    serve_in_background(listener, state);
    test_app
}

/// Another instance serving the database of `first`, as two instances behind a balancer do.
pub async fn spawn_instance_beside(first: &TestApp) -> TestApp {
    let (test_app, state, listener) = prepare_app_on(first.database_url.clone(), |_| {}).await;
    serve_in_background(listener, state);
    test_app
}

fn serve_in_background(listener: tokio::net::TcpListener, state: AppState) {
    // As `serve_on` does: on PostgreSQL, kept pages are served only while writes are heard.
    state.db.listen_for_writes();
    let app = mitdenken::app(state);
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .expect("serve");
    });
}

/// Like `spawn_app_with`, with the mail worker running (links in mails point at the app).
pub async fn spawn_mail_app(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let (test_app, state, listener) = prepare_app(adjust).await;
    let mut config = (*state.config).clone();
    if config.base_url.is_none() {
        config.base_url = Some(test_app.url(""));
    }
    // Runs until the test ends (its runtime with it).
    let _running =
        mitdenken::mail::worker::spawn(state.db.clone(), &config, state.mail_wake.clone())
            .expect("start the mail worker");
    serve_in_background(listener, state);
    test_app
}

/// A client like a browser: keeps cookies, does not follow redirects (tests look at them).
pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .expect("client")
}

pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub body: String,
    pub set_cookies: Vec<String>,
}

impl Page {
    async fn from(r: reqwest::Response) -> Page {
        let status = r.status();
        let location = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let set_cookies = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect();
        let body = r.text().await.unwrap_or_default();
        Page {
            status,
            location,
            body,
            set_cookies,
        }
    }

    pub fn assert_redirect_to(&self, prefix: &str) {
        assert_eq!(self.status, StatusCode::SEE_OTHER, "body: {}", self.body);
        let loc = self.location.as_deref().unwrap_or("");
        assert!(
            loc.starts_with(prefix),
            "redirect to {loc}, expected {prefix}"
        );
    }
}

/// Send one raw form POST in a task of its own, for tests that fire many at once; the task
/// resolves to the answer's status.
pub fn spawn_post(
    client: &reqwest::Client,
    url: String,
    body: String,
) -> tokio::task::JoinHandle<Result<StatusCode, reqwest::Error>> {
    let client = client.clone();
    tokio::spawn(async move {
        client
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .map(|r| r.status())
    })
}

/// The value of the first `name="csrf"` field of a page.
pub fn csrf_of(html: &str) -> Option<String> {
    let i = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let rest = &html[i..];
    Some(rest[..rest.find('"')?].to_string())
}

/// The two-factor secret shown as text on the setup page (`<code id="secret">`).
pub fn secret_of(html: &str) -> Option<String> {
    let i = html.find("id=\"secret\">")? + "id=\"secret\">".len();
    let rest = &html[i..];
    Some(rest[..rest.find('<')?].replace(' ', ""))
}

/// The current TOTP code of a secret, as an authenticator app shows it.
pub fn totp_now(secret: &str) -> String {
    let secret = mitdenken::domain::totp::Secret::parse(secret).expect("a base32 secret");
    secret.code_at(mitdenken::db::now())
}

/// Pull the number out of "/ideas/123..." in a Location header.
pub fn id_from_location(loc: &str, prefix: &str) -> i64 {
    loc.strip_prefix(prefix)
        .and_then(|r| r.split(['#', '/', '?']).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no id in {loc}"))
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub async fn get(&self, path: &str) -> Page {
        self.get_with(&self.client, path).await
    }

    pub async fn get_with(&self, client: &reqwest::Client, path: &str) -> Page {
        Page::from(client.get(self.url(path)).send().await.expect("get")).await
    }

    /// POST a form exactly as given (no token added).
    pub async fn post_raw(
        &self,
        client: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Page {
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        Page::from(
            client
                .post(self.url(path))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .expect("post"),
        )
        .await
    }

    /// The CSRF token this client's session holds, read from a page with a form.
    pub async fn csrf(&self, client: &reqwest::Client) -> String {
        let page = self.get_with(client, "/login").await;
        if let Some(t) = csrf_of(&page.body) {
            return t;
        }
        // Logged in: /login redirects, but every page carries the logout form.
        let page = self.get_with(client, "/").await;
        csrf_of(&page.body).expect("a csrf token on the page")
    }

    /// POST a form like a browser would, with this client's CSRF token.
    pub async fn post_with(
        &self,
        client: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Page {
        let token = self.csrf(client).await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(client, path, &all).await
    }

    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        self.post_with(&self.client, path, fields).await
    }

    /// Register and follow the mailed link, which confirms the address and logs in
    /// (registration itself logs nobody in). Where a mail worker has sent the link already,
    /// the address is confirmed directly and the person logs in with the password. Returns
    /// the link's (or login's) answer, or the registration's when it did not go through.
    pub async fn register_with(&self, client: &reqwest::Client, name: &str, email: &str) -> Page {
        let page = self.post_register(client, name, email).await;
        if page.location.as_deref() != Some(SENT_PAGE) {
            return page;
        }
        let normalised = mitdenken::domain::Email::normalise(email);
        let link: Option<String> = sqlx::query_scalar(
            "SELECT o.link FROM outbox o JOIN users u ON u.email = o.recipient
             WHERE o.recipient = $1 AND o.kind = 'confirm' AND o.link <> ''
               AND u.email_confirmed_at IS NULL
             ORDER BY o.id DESC LIMIT 1",
        )
        .bind(&normalised)
        .fetch_optional(&self.db.pool)
        .await
        .expect("read the outbox");
        if let Some(link) = link {
            return self.get_with(client, &link).await;
        }
        sqlx::query("UPDATE users SET email_confirmed_at = created_at WHERE email = $1")
            .bind(&normalised)
            .execute(&self.db.pool)
            .await
            .expect("confirm the address");
        self.login_with(client, email, PASSWORD).await
    }

    /// Register as a person would and log in with the password, the address not yet
    /// confirmed. Returns the login's answer, or the registration's when it did not go through.
    pub async fn register_unconfirmed(
        &self,
        client: &reqwest::Client,
        name: &str,
        email: &str,
    ) -> Page {
        let page = self.post_register(client, name, email).await;
        if page.location.as_deref() != Some(SENT_PAGE) {
            return page;
        }
        self.login_with(client, email, PASSWORD).await
    }

    /// The registration form sent once, the rules accepted: its answer as it is.
    pub async fn post_register(&self, client: &reqwest::Client, name: &str, email: &str) -> Page {
        self.post_with(
            client,
            "/register",
            &[
                ("display_name", name),
                ("email", email),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("rules", "1"),
            ],
        )
        .await
    }

    /// The link of the newest confirmation mail to `email` still waiting in the outbox (the
    /// apps without a mail worker keep it there).
    pub async fn confirmation_link(&self, email: &str) -> String {
        sqlx::query_scalar(
            "SELECT link FROM outbox WHERE recipient = $1 AND kind = 'confirm' AND link <> ''
             ORDER BY id DESC LIMIT 1",
        )
        .bind(mitdenken::domain::Email::normalise(email))
        .fetch_one(&self.db.pool)
        .await
        .expect("a confirmation link in the outbox")
    }

    /// Register with the app's own client and stay logged in.
    pub async fn register(&self, name: &str, email: &str) -> Page {
        let page = self.register_with(&self.client, name, email).await;
        page.assert_redirect_to("/");
        page
    }

    pub async fn login_with(&self, client: &reqwest::Client, email: &str, password: &str) -> Page {
        self.post_with(
            client,
            "/login",
            &[("email", email), ("password", password)],
        )
        .await
    }

    /// A new browser with a new account of the given role, logged in.
    /// Staff names may claim their role ("Moritz Moderation"), which registration refuses:
    /// such accounts register under a neutral name and get theirs with the role, as an admin
    /// would give it.
    pub async fn user(&self, name: &str, email: &str, role: Role) -> reqwest::Client {
        let client = new_client();
        let first_name = if role == Role::Participant {
            name.to_string()
        } else {
            format!("Neues Konto {}", COUNTER.fetch_add(1, Ordering::SeqCst))
        };
        self.register_with(&client, &first_name, email)
            .await
            .assert_redirect_to("/");
        if role != Role::Participant {
            sqlx::query("UPDATE users SET role = $1 WHERE email = $2")
                .bind(role.as_str())
                .bind(email)
                .execute(&self.db.pool)
                .await
                .expect("set role");
            let user = mitdenken::db::users::by_email(&self.db.pool, email)
                .await
                .expect("read account")
                .expect("the account");
            mitdenken::db::users::set_display_name(&self.db.pool, user.id, name)
                .await
                .expect("set name");
            // Staff need two-factor sign-in (issue 16): set it up as a person would.
            self.enrol_two_factor(&client).await;
        }
        client
    }

    /// Set up two-factor sign-in for the logged-in account of `client` through the setup
    /// page; returns the secret and the page with the recovery codes.
    pub async fn enrol_two_factor(&self, client: &reqwest::Client) -> (String, Page) {
        let setup = self.get_with(client, "/account/zwei-faktor").await;
        assert_eq!(setup.status, StatusCode::OK, "{}", setup.body);
        let secret = secret_of(&setup.body).expect("the secret as text on the setup page");
        let code = totp_now(&secret);
        let done = self
            .post_with(client, "/account/zwei-faktor", &[("code", code.as_str())])
            .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert!(done.body.contains("recovery-codes"), "{}", done.body);
        (secret, done)
    }

    /// Submit an idea with the given client; returns its id.
    pub async fn submit_idea_with(
        &self,
        client: &reqwest::Client,
        theme: &str,
        title: &str,
        body: &str,
    ) -> i64 {
        let page = self
            .post_with(
                client,
                "/ideas",
                &[("theme", theme), ("title", title), ("body", body)],
            )
            .await;
        page.assert_redirect_to("/ideas/");
        id_from_location(page.location.as_deref().unwrap_or(""), "/ideas/")
    }

    pub async fn submit_idea(&self, theme: &str, title: &str, body: &str) -> i64 {
        self.submit_idea_with(&self.client, theme, title, body)
            .await
    }

    /// The owner invites the account with `email` to the organisation `slug`, and its person
    /// (logged in with `member`) accepts: members join only by consent.
    pub async fn invite_and_accept(
        &self,
        owner: &reqwest::Client,
        slug: &str,
        member: &reqwest::Client,
        email: &str,
    ) {
        self.post_with(
            owner,
            &format!("/organisations/{slug}/members"),
            &[("email", email)],
        )
        .await
        .assert_redirect_to(&format!("/organisations/{slug}"));
        self.post_with(
            member,
            &format!("/organisations/{slug}/invitation/accept"),
            &[],
        )
        .await
        .assert_redirect_to(&format!("/organisations/{slug}"));
    }

    /// How many mails of `kind` (its stored name) the outbox holds for `recipient`.
    pub async fn mails_of_kind(&self, recipient: &str, kind: &str) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE recipient = $1 AND kind = $2")
            .bind(recipient)
            .bind(kind)
            .fetch_one(&self.db.pool)
            .await
            .expect("count the outbox")
    }

    pub async fn scalar(&self, sql: &str, id: i64) -> i64 {
        sqlx::query_scalar(sql)
            .bind(id)
            .fetch_one(&self.db.pool)
            .await
            .expect("scalar query")
    }
}

/// An app behind the real server loop (`mitdenken::serve_on`: timeouts, connection cap,
/// shutdown), with the means to stop it like SIGTERM does.
pub struct ServedApp {
    pub app: TestApp,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    pub server: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl ServedApp {
    /// What SIGTERM does: stop accepting, give running requests the grace period.
    pub fn shut_down(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

pub async fn spawn_served_app_with(adjust: impl FnOnce(&mut Config)) -> ServedApp {
    let (app, state, listener) = prepare_app(adjust).await;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(mitdenken::serve_on(listener, state, async move {
        let _ = stopped.await;
    }));
    ServedApp {
        app,
        stop: Some(stop),
        server,
    }
}

/// The real binary serving a database, with its log collected.
pub struct BinaryServer {
    pub child: Child,
    log: Arc<Mutex<Vec<String>>>,
}

impl Drop for BinaryServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl BinaryServer {
    /// How many lines of its log contain `needle`.
    pub fn log_lines(&self, needle: &str) -> usize {
        self.log
            .lock()
            .map(|l| l.iter().filter(|l| l.contains(needle)).count())
            .unwrap_or(0)
    }
}

/// Start `mitdenken serve` on `database_url` with extra settings; returns it and its
/// address. SIGXFSZ is ignored (an ignored signal stays ignored across exec), so that writes
/// past a file-size limit fail with EFBIG instead of killing the process.
pub async fn start_binary(
    database_url: &str,
    envs: &[(&str, &str)],
) -> (BinaryServer, std::net::SocketAddr) {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; exec \"$0\" serve")
        .arg(env!("CARGO_BIN_EXE_mitdenken"))
        .env("DATABASE_URL", database_url)
        .env("MITDENKEN_BIND", "127.0.0.1:0")
        .env("MITDENKEN_AUTH_RATE_LIMIT", "10000")
        .env("RUST_LOG", "info,sqlx=warn,tower_sessions=warn")
        .env("NO_COLOR", "1")
        // Mails of test servers without SMTP go to a temporary folder, not the checkout.
        .env(
            "MITDENKEN_MAIL_DIR",
            std::env::temp_dir().join("mitdenken-test-mail"),
        )
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start mitdenken serve");
    let stdout = child.stdout.take().expect("stdout");
    let log = Arc::new(Mutex::new(Vec::new()));
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    {
        let log = log.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if let Some(rest) = line.strip_prefix("Mitdenken läuft auf http://") {
                    let _ = addr_tx.send(rest.trim_end_matches('/').to_string());
                }
                if let Ok(mut l) = log.lock() {
                    l.push(line);
                }
            }
        });
    }
    let addr = tokio::task::spawn_blocking(move || addr_rx.recv_timeout(Duration::from_secs(30)))
        .await
        .expect("wait")
        .expect("the server says where it listens");
    (
        BinaryServer { child, log },
        addr.parse().expect("an address"),
    )
}
