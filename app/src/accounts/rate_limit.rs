//! Limits on sign-up, sign-in and password attempts, per client address and per account, so
//! nobody can guess passwords or flood sign-ups (governor's GCRA limiter, kept in memory).

use crate::error::AppError;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;

/// Attempts one address may make per minute (a family or an office may share one address).
pub const PER_IP_PER_MINUTE: u32 = 20;
/// Attempts on one account per minute, from anywhere.
pub const PER_ACCOUNT_PER_MINUTE: u32 = 5;
/// Past this many remembered keys, forgotten ones are swept so memory stays bounded.
const SWEEP_ABOVE_KEYS: usize = 10_000;

pub struct AuthLimits {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_account: DefaultKeyedRateLimiter<String>,
}

impl std::fmt::Debug for AuthLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuthLimits")
    }
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN))
}

impl AuthLimits {
    pub fn new(per_ip_per_minute: u32, per_account_per_minute: u32) -> AuthLimits {
        AuthLimits {
            per_ip: RateLimiter::keyed(per_minute(per_ip_per_minute)),
            per_account: RateLimiter::keyed(per_minute(per_account_per_minute)),
        }
    }

    /// Counts one attempt; refuses it with 429 when the address or the account is over its limit.
    pub fn check(&self, ip: Option<IpAddr>, account: &str) -> Result<(), AppError> {
        if self.per_ip.len() > SWEEP_ABOVE_KEYS {
            self.per_ip.retain_recent();
        }
        if self.per_account.len() > SWEEP_ABOVE_KEYS {
            self.per_account.retain_recent();
        }
        let ip_ok = ip.is_none_or(|ip| self.per_ip.check_key(&ip).is_ok());
        let account_ok = self.per_account.check_key(&account.to_string()).is_ok();
        if ip_ok && account_ok {
            Ok(())
        } else {
            tracing::warn!(?ip, "sign-in/up attempts over the limit");
            Err(AppError::TooManyRequests)
        }
    }
}

impl Default for AuthLimits {
    fn default() -> Self {
        AuthLimits::new(PER_IP_PER_MINUTE, PER_ACCOUNT_PER_MINUTE)
    }
}

/// The address of the client making the current request (the TCP peer).
pub fn client_ip() -> Option<IpAddr> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allowed_attempts_pass_and_the_next_is_refused() {
        let limits = AuthLimits::new(100, 3);
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        for _ in 0..3 {
            assert_eq!(limits.check(Some(ip), "13808510001"), Ok(()));
        }
        assert_eq!(
            limits.check(Some(ip), "13808510001"),
            Err(AppError::TooManyRequests)
        );
        // Another account from the same address is still fine.
        assert_eq!(limits.check(Some(ip), "13808510002"), Ok(()));
    }

    #[test]
    fn one_address_cannot_try_many_accounts() {
        let limits = AuthLimits::new(2, 100);
        let ip: IpAddr = "10.0.0.7".parse().unwrap();
        assert!(limits.check(Some(ip), "a").is_ok());
        assert!(limits.check(Some(ip), "b").is_ok());
        assert_eq!(limits.check(Some(ip), "c"), Err(AppError::TooManyRequests));
        let other: IpAddr = "10.0.0.8".parse().unwrap();
        assert!(limits.check(Some(other), "c").is_ok());
    }
}
