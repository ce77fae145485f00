//! Reading cookies from request headers, and the cookies that more than one domain sets.

use http::{header::COOKIE, HeaderMap};

/// The value of the first cookie called `name`, if the request has one.
pub fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// The cookie that holds a newly made calendar address's secret for a few minutes, on 我的 only
/// (`events::feed` sets it; signing out, in `accounts`, forgets it).
pub const NEW_FEED_COOKIE: &str = "new_calendar";
const NEW_FEED_SECONDS: i64 = 600;

/// The `Set-Cookie` value that hands this browser a new address's secret, or (`None`) forgets it.
pub fn new_feed_cookie(token: Option<&str>, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    let (value, max_age) = token.map_or(("", 0), |token| (token, NEW_FEED_SECONDS));
    format!(
        "{NEW_FEED_COOKIE}={value}; Path=/me; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"
    )
}

#[cfg(test)]
mod tests {
    use super::cookie_value;
    use http::{header::COOKIE, HeaderMap, HeaderValue};

    #[test]
    fn finds_a_cookie_among_others() {
        let mut headers = HeaderMap::new();
        assert_eq!(cookie_value(&headers, "sid"), None);
        headers.insert(COOKIE, HeaderValue::from_static("lang=en; sid=abc=; x=1"));
        assert_eq!(cookie_value(&headers, "sid"), Some("abc="));
        assert_eq!(cookie_value(&headers, "lang"), Some("en"));
        assert_eq!(cookie_value(&headers, "si"), None);
    }
}
