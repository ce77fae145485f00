//! Reading cookies from request headers.

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
