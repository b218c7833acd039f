//! The client's address for rate limiting: the connecting peer, or behind a trusted reverse
//! proxy the address the proxy saw (from `X-Forwarded-For`).

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

pub struct ClientIp(pub Option<IpAddr>);

/// One entry of `MITDENKEN_TRUSTED_PROXIES`: an address (`10.0.0.5`, `::1`) or a network in
/// CIDR notation (`10.0.0.0/8`, `fd00::/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProxyNet {
    addr: IpAddr,
    prefix: u8,
}

impl FromStr for ProxyNet {
    type Err = String;

    fn from_str(s: &str) -> Result<ProxyNet, String> {
        let s = s.trim();
        let bad = || format!("„{s}“ ist keine IP-Adresse und kein Netz wie 10.0.0.0/8");
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p.parse::<u8>().map_err(|_| bad())?)),
            None => (s, None),
        };
        let addr: IpAddr = addr.parse().map_err(|_| bad())?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        if prefix > max {
            return Err(bad());
        }
        Ok(ProxyNet { addr, prefix })
    }
}

impl ProxyNet {
    pub fn contains(&self, ip: IpAddr) -> bool {
        // A peer may show up as an IPv4-mapped IPv6 address on a dual-stack socket.
        match (self.addr, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// `MITDENKEN_TRUSTED_PROXIES`: comma-separated `ProxyNet`s; empty (or unset) for none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(pub Vec<ProxyNet>);

impl FromStr for TrustedProxies {
    type Err = String;

    fn from_str(s: &str) -> Result<TrustedProxies, String> {
        s.split(',')
            .filter(|p| !p.trim().is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }
}

fn trusted(proxies: &[ProxyNet], ip: IpAddr) -> bool {
    proxies.iter().any(|p| p.contains(ip))
}

/// The `X-Forwarded-For` entries, left (the client's claim) to right (added by the proxy
/// nearest to us).
fn forwarded_for(parts: &Parts) -> Vec<&str> {
    parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect()
}

/// The client behind our proxies. Each proxy appends the address it saw, so entries are read
/// from the right: without a list of proxies the rightmost one (our own proxy appended it;
/// everything to its left can be forged); with a list, the first one from the right that is
/// not one of our proxies (a chain of them, e.g. a load balancer behind a CDN).
fn client_of(entries: &[&str], proxies: &[ProxyNet]) -> Option<IpAddr> {
    if proxies.is_empty() {
        return entries.last()?.parse().ok();
    }
    let mut last = None;
    for entry in entries.iter().rev() {
        let ip: IpAddr = entry.parse().ok()?;
        if !trusted(proxies, ip) {
            return Some(ip);
        }
        last = Some(ip);
    }
    last
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        let proxies = &state.config.trusted_proxies.0;
        // With a list, only those peers may speak for a client; anyone else reaching the port
        // directly is counted by their own address, whatever header they send.
        let honour = if proxies.is_empty() {
            state.config.trust_proxy
        } else {
            peer.is_some_and(|p| trusted(proxies, p))
        };
        if honour {
            if let Some(ip) = client_of(&forwarded_for(parts), proxies) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> ProxyNet {
        s.parse().unwrap_or(ProxyNet {
            addr: IpAddr::from([255, 255, 255, 255]),
            prefix: 32,
        })
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    #[test]
    fn networks_contain_their_addresses() {
        assert!(net("10.0.0.0/8").contains(ip("10.200.1.2")));
        assert!(!net("10.0.0.0/8").contains(ip("11.0.0.1")));
        assert!(net("10.0.0.5").contains(ip("10.0.0.5")));
        assert!(!net("10.0.0.5").contains(ip("10.0.0.6")));
        assert!(net("0.0.0.0/0").contains(ip("192.0.2.1")));
        assert!(net("127.0.0.1").contains(ip("::ffff:127.0.0.1")), "mapped");
        assert!(net("fd00::/8").contains(ip("fd12::1")));
        assert!(!net("fd00::/8").contains(ip("10.0.0.1")));
        assert!("10.0.0.0/33".parse::<ProxyNet>().is_err());
        assert!("proxy.local".parse::<ProxyNet>().is_err());
        assert_eq!("".parse(), Ok(TrustedProxies(Vec::new())));
        assert_eq!(
            " 10.0.0.5 , fd00::/8,".parse(),
            Ok(TrustedProxies(vec![net("10.0.0.5"), net("fd00::/8")]))
        );
        assert!("10.0.0.5,kaputt".parse::<TrustedProxies>().is_err());
    }

    #[test]
    fn the_client_is_the_first_untrusted_entry_from_the_right() {
        let proxies = [net("10.0.0.0/8")];
        assert_eq!(
            client_of(&["6.6.6.6", "203.0.113.7", "10.0.0.2"], &proxies),
            Some(ip("203.0.113.7")),
            "the forged entry on the left is never reached"
        );
        assert_eq!(
            client_of(&["6.6.6.6", "203.0.113.7"], &[]),
            Some(ip("203.0.113.7"))
        );
        assert_eq!(
            client_of(&["10.0.0.3", "10.0.0.2"], &proxies),
            Some(ip("10.0.0.3"))
        );
        assert_eq!(client_of(&["kaputt", "10.0.0.2"], &proxies), None);
    }
}
