//! A sliding one-minute limit per client address for login and registration.
//!
//! It lives in memory, so with several instances each counts on its own (the README says so);
//! that is enough to slow down password guessing without a shared store.

use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;
use std::time::Instant;

const WINDOW_MS: u128 = 60_000;

pub struct RateLimiter {
    per_minute: usize,
    started: Instant,
    /// The times (ms since `started`) of each address's attempts in the last minute.
    attempts: Mutex<HashMap<IpAddr, VecDeque<u128>>>,
}

/// IPv6 clients are counted per /64, the block one household or server usually holds.
fn bucket(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

impl RateLimiter {
    pub fn per_minute(per_minute: u32) -> Self {
        RateLimiter {
            per_minute: per_minute as usize,
            started: Instant::now(),
            attempts: Mutex::new(HashMap::new()),
        }
    }

    /// Count one attempt from `ip`; false when it already made the allowed number of
    /// attempts within the last 60 seconds (refused attempts do not count).
    pub fn allow(&self, ip: IpAddr) -> bool {
        self.allow_at(ip, self.started.elapsed().as_millis())
    }

    fn allow_at(&self, ip: IpAddr, now_ms: u128) -> bool {
        // A poisoned lock only means another request panicked mid-update; the data is fine.
        let mut attempts = self.attempts.lock().unwrap_or_else(|p| p.into_inner());
        if attempts.len() > 50_000 {
            attempts.retain(|_, times| times.back().is_some_and(|t| now_ms - t < WINDOW_MS));
        }
        let times = attempts.entry(bucket(ip)).or_default();
        while times.front().is_some_and(|t| now_ms - t >= WINDOW_MS) {
            times.pop_front();
        }
        if times.len() >= self.per_minute {
            return false;
        }
        times.push_back(now_ms);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_address_within_a_sliding_minute() {
        let l = RateLimiter::per_minute(2);
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        assert!(l.allow_at(a, 1_000));
        assert!(l.allow_at(a, 59_000));
        assert!(!l.allow_at(a, 60_500), "two attempts in the last minute");
        assert!(
            l.allow_at(b, 60_500),
            "other addresses have their own budget"
        );
        assert!(
            l.allow_at(a, 61_000),
            "the first attempt has left the window"
        );
        assert!(!l.allow_at(a, 61_001));
    }

    #[test]
    fn ipv6_counts_per_64() {
        let l = RateLimiter::per_minute(1);
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap_or(IpAddr::from([0u8; 16]));
        let b: IpAddr = "2001:db8:1:2::ffff"
            .parse()
            .unwrap_or(IpAddr::from([0u8; 16]));
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap_or(IpAddr::from([0u8; 16]));
        assert!(l.allow_at(a, 1));
        assert!(!l.allow_at(b, 2), "same /64, same budget");
        assert!(l.allow_at(c, 3));
    }
}
