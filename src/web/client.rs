//! The client's address for rate limiting: the connecting peer, or behind a trusted reverse
//! proxy the address the proxy saw (last entry of `X-Forwarded-For`).

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

pub struct ClientIp(pub Option<IpAddr>);

/// The rightmost `X-Forwarded-For` entry is the one our own proxy appended; entries to its
/// left come from the client and can be forged.
fn forwarded_for(parts: &Parts) -> Option<IpAddr> {
    let last = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .last()?;
    last.trim().parse().ok()
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        if state.config.trust_proxy {
            if let Some(ip) = forwarded_for(parts) {
                return Ok(ClientIp(Some(ip)));
            }
        }
        Ok(ClientIp(peer))
    }
}

/// Login, registration and anonymous feedback share one per-address budget.
pub fn check_rate(state: &AppState, ip: &ClientIp) -> AppResult<()> {
    match ip.0 {
        Some(ip) if !state.auth_limiter.allow(ip) => Err(AppError::RateLimited),
        _ => Ok(()),
    }
}
