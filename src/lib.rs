//! Mitdenken: the idea and participation board of the Innovationsbüro Digitales Leben.
//!
//! `app(state)` builds the whole site; the URL map reads top to bottom in the area routers
//! merged here.

/// Registration, login, account settings, public profiles, the admin's user list.
pub mod accounts;
/// The read-only JSON API (/api/v1), its OpenAPI document and the page explaining it.
pub mod api;
/// Command line tasks beside `serve`: migrate, create-user, seed-demo.
pub mod cli;
/// Writing and editing comments and replies.
pub mod comments;
/// Flags and `MITDENKEN_*` environment variables.
pub mod config;
/// Status changes on the road to the ministry, with their public trail.
pub mod curation;
/// Pool, migrations and every SQL query, per area.
pub mod db;
/// Input newtypes and typed ids.
pub mod domain;
/// The one error type and its pages.
pub mod error;
/// Atom feeds of ideas, a theme, an idea's trail, the ministry's answers and the workshops.
pub mod feeds;
/// The message catalogue and the language of each request.
pub mod i18n;
/// Submitting, showing, editing, withdrawing and supporting ideas.
pub mod ideas;
/// The import rules between layers, checked by tests.
#[cfg(test)]
mod layers;
/// E-mail: the words of each mail and the outbox worker that sends them.
pub mod mail;
/// Reports, hiding, blocking, merging, and the public transparency page.
pub mod moderation;
/// The office's newsletter: double opt-in, issues through the outbox, the public archive.
pub mod newsletter;
/// Following, the inbox, delivery settings and the one-click unsubscribe.
pub mod notifications;
/// Open data: downloads under an open licence (/daten) and statistics as charts (/statistik).
pub mod opendata;
/// NGO organisations: profiles, members, verification.
pub mod organisations;
/// Impressum, privacy, accessibility statement with feedback, Leichte Sprache.
pub mod pages;
/// The person's rights: data download, account deletion, their sessions; retention.
pub mod privacy;
/// The ministry's review of forwarded ideas, with answers and CSV export.
pub mod review;
/// Full-text search over ideas, learnings and comments.
pub mod search;
/// The six themes of the office and demo content.
pub mod seed;
/// Shared state handed to every handler.
pub mod state;
/// Tags: each theme's short list, up to three per idea, filters in lists and search.
pub mod tags;
/// The home page, theme pages and theme administration.
pub mod themes;
/// The HTTP server loop: timeouts, connection cap, shutdown with a deadline.
pub mod transport;
/// Layout, forms, CSRF, session, context, Markdown, dates, limits, assets.
pub mod web;
/// The Innovationswerkstatt: workshops, registration, learnings linked to ideas.
pub mod workshops;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use state::AppState;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// The name of the only cookie the site sets.
pub const SESSION_COOKIE: &str = "mitdenken_sitzung";

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

async fn healthz(axum::extract::State(state): axum::extract::State<AppState>) -> impl IntoResponse {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check: database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// Readiness: 200 only while a write can commit (checked at most once a second), so a load
/// balancer or monitor sees a full disk; `/healthz` only says the process is alive.
async fn readyz(axum::extract::State(state): axum::extract::State<AppState>) -> impl IntoResponse {
    if state.db.check_write().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database cannot write")
    }
}

async fn not_found() -> error::AppError {
    error::AppError::NotFound
}

async fn method_not_allowed() -> error::AppError {
    error::AppError::MethodNotAllowed
}

fn header_layer(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

pub fn app(state: AppState) -> Router {
    let routes = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/static/app.css", get(web::assets::css))
        .route("/static/icon.svg", get(web::assets::icon))
        .route("/static/similar.js", get(web::assets::similar_js))
        .route("/static/share.js", get(web::assets::share_js))
        .merge(themes::routes::router())
        .merge(ideas::routes::router())
        .merge(comments::routes::router())
        .merge(accounts::routes::router())
        .merge(accounts::two_factor::router())
        .merge(privacy::routes::router())
        .merge(curation::routes::router())
        .merge(moderation::router())
        .merge(review::routes::router())
        .merge(organisations::routes::router())
        .merge(pages::routes::router())
        .merge(workshops::router())
        .merge(feeds::router())
        .merge(search::router())
        .merge(api::router())
        .merge(opendata::router())
        .merge(tags::router())
        .merge(notifications::routes::router())
        .merge(newsletter::routes::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state.clone())
        .layer(axum::middleware::from_fn(web::retry::keep_form))
        .layer(axum::middleware::from_fn(web::csrf::protect))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            api::guard,
        ))
        // Outside CSRF, so that its refusals are in the visitor's language too.
        .layer(axum::middleware::from_fn(web::lang::negotiate));

    let expiry = Expiry::OnInactivity(time::Duration::days(config::SESSION_IDLE_DAYS));
    let secure = state.config.secure_cookies;
    let routes = match &state.db.sessions {
        db::SessionPool::Sqlite(pool) => routes.layer(
            SessionManagerLayer::new(db::session_cache::CachedStore {
                store: tower_sessions_sqlx_store::SqliteStore::new(pool.clone()),
                cache: state.db.session_cache.clone(),
            })
            .with_name(SESSION_COOKIE)
            .with_secure(secure)
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_expiry(expiry),
        ),
        db::SessionPool::Postgres(pool) => routes.layer(
            SessionManagerLayer::new(tower_sessions_sqlx_store::PostgresStore::new(pool.clone()))
                .with_name(SESSION_COOKIE)
                .with_secure(secure)
                .with_http_only(true)
                .with_same_site(SameSite::Lax)
                .with_expiry(expiry),
        ),
    };
    let routes = routes.layer(axum::middleware::from_fn(web::retry::session_fault));
    // Behind HTTPS (secure cookies) browsers are also told to never use plain HTTP again.
    let routes = if secure {
        routes.layer(header_layer(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000",
        ))
    } else {
        routes
    };
    let routes = routes
        .layer(CompressionLayer::new())
        .layer(header_layer(header::CONTENT_SECURITY_POLICY, CSP))
        .layer(header_layer(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header_layer(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header_layer(header::REFERRER_POLICY, "same-origin"))
        .layer(header_layer(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ))
        .layer(header_layer(header::CACHE_CONTROL, "private, no-cache"));
    // Outermost, so that every response carries its request id.
    web::trace::traced(routes, state.config.trust_proxy, state.pages.clone())
}

/// Open the database, migrate, make sure the themes exist.
pub async fn prepare(config: &config::Config) -> Result<db::Db, Box<dyn std::error::Error>> {
    let db = db::Db::connect(&config.database_url).await?;
    db.migrate().await?;
    seed::ensure_themes(&db).await?;
    Ok(db)
}

/// Listen with a backlog of 4,096 (the kernel caps it at `net.core.somaxconn`), not tokio's
/// 1,024: when 2,000 clients connect at once, connections beyond the queue are dropped by the
/// kernel before the server sees them, and a client that never sends (a silent one) is left
/// believing it is connected while no timeout of ours can reach it.
fn listen(addr: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(4096)
}

/// Serve until Ctrl-C or SIGTERM, then give running requests the grace period and return.
pub async fn serve(config: config::Config) -> Result<(), Box<dyn std::error::Error>> {
    db::check_database_file(&config.database_url, false)?;
    let db = prepare(&config).await?;
    spawn_trend_job(&db);
    db.checkpoint_in_background();
    let listener = listen(config.bind)?;
    let addr = listener.local_addr()?;
    let mut config = config;
    // Mail links point at where this server listens unless MITDENKEN_BASE_URL says otherwise.
    config.bind = addr;
    let state = AppState::new(db, config);
    spawn_purge(&state);
    let mailer = mail::worker::spawn(state.db.clone(), &state.config, state.mail_wake.clone())?;
    let grace = std::time::Duration::from_secs(state.config.shutdown_grace);
    println!("Mitdenken läuft auf http://{addr}/");
    serve_on(listener, state, shutdown_signal()).await?;
    // Requests have ended: the mail in hand still goes out before the process ends.
    mailer.stop(grace).await;
    Ok(())
}

/// The site on a bound listener until `shutdown` completes (the tests start it this way).
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    state.db.listen_for_writes();
    let limits = transport::Limits::from_config(&state.config);
    transport::run(listener, app(state), limits, shutdown).await
}

/// Delete the sessions whose expiry has passed. A plain idempotent DELETE: several instances
/// running it against one database at the same moment simply find less to delete.
pub async fn delete_expired_sessions(
    db: &db::Db,
) -> Result<(), tower_sessions::session_store::Error> {
    use tower_sessions::session_store::ExpiredDeletion;
    match &db.sessions {
        db::SessionPool::Sqlite(pool) => {
            tower_sessions_sqlx_store::SqliteStore::new(pool.clone())
                .delete_expired()
                .await
        }
        db::SessionPool::Postgres(pool) => {
            tower_sessions_sqlx_store::PostgresStore::new(pool.clone())
                .delete_expired()
                .await
        }
    }
}

/// The retention purge: expired sessions, the rate limiters' forgotten addresses, and what
/// `privacy::retention` names. Several instances running it at once simply find less to
/// delete.
pub async fn purge(state: &AppState) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    delete_expired_sessions(&state.db).await?;
    state.auth_limiter.purge();
    state.invite_limiter.purge();
    state.code_limiter.purge();
    privacy::retention::purge(state).await?;
    Ok(())
}

/// Hourly purge; an error (database briefly away) is logged and the next hour tries again.
fn spawn_purge(state: &AppState) {
    let state = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(tokio::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            if let Err(e) = purge(&state).await {
                tracing::warn!(error = %e, "the retention purge failed; retrying in an hour");
            }
        }
    });
}

/// Every minute, supports older than a week leave "Im Trend" (db/ideas/trend.rs). Several
/// instances may run it at once: the cutoff's row lock takes them one after the other.
fn spawn_trend_job(db: &db::Db) {
    let db = db.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(tokio::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            if let Err(e) = db::ideas::trend::advance(&db, db::now()).await {
                tracing::warn!(error = %e, "could not move the trend's week; retrying in a minute");
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
