//! Choosing the language of a request: the remembered choice (cookie) wins, then the browser's
//! `Accept-Language`, then Simplified Chinese.

use super::Lang;
use http::{header, HeaderMap};

/// The cookie that remembers the reader's choice of language.
pub const LANG_COOKIE: &str = "lang";

pub fn lang_from_headers(headers: &HeaderMap) -> Lang {
    lang_from_cookies(headers)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(parse_accept_language)
        })
        .unwrap_or_default()
}

fn lang_from_cookies(headers: &HeaderMap) -> Option<Lang> {
    crate::cookies::cookie_value(headers, LANG_COOKIE).and_then(Lang::from_code)
}

/// The language we speak that the browser prefers most (`q` weights, ties by order), if any.
pub fn parse_accept_language(value: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for entry in value.split(',') {
        let mut parts = entry.split(';');
        let Some(lang) = parts.next().and_then(Lang::from_code) else {
            continue;
        };
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if q > 0.0 && best.is_none_or(|(best_q, _)| q > best_q) {
            best = Some((q, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[test]
    fn accept_language_weights() {
        assert_eq!(parse_accept_language("en-US,en;q=0.9"), Some(Lang::En));
        assert_eq!(
            parse_accept_language("zh-CN,zh;q=0.9,en;q=0.8"),
            Some(Lang::Zh)
        );
        assert_eq!(parse_accept_language("en;q=0.5, zh;q=0.8"), Some(Lang::Zh));
        assert_eq!(parse_accept_language("fr-FR, en;q=0.3"), Some(Lang::En));
        assert_eq!(parse_accept_language("en;q=0, zh;q=0.1"), Some(Lang::Zh));
        assert_eq!(parse_accept_language("fr, de"), None);
        assert_eq!(parse_accept_language("*"), None);
        assert_eq!(parse_accept_language(""), None);
        assert_eq!(parse_accept_language("en;q=abc"), Some(Lang::En));
    }

    #[test]
    fn cookie_beats_accept_language_and_default_is_chinese() {
        let mut headers = HeaderMap::new();
        assert_eq!(lang_from_headers(&headers), Lang::Zh);

        headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("en-GB"));
        assert_eq!(lang_from_headers(&headers), Lang::En);

        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; lang=zh-CN"),
        );
        assert_eq!(lang_from_headers(&headers), Lang::Zh);

        headers.insert(header::COOKIE, HeaderValue::from_static("lang=klingon"));
        assert_eq!(lang_from_headers(&headers), Lang::En);
    }
}
