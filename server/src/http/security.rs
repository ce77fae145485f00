//! Security middleware every request passes: the same-origin rule for anything that changes state,
//! and the headers that stop sniffing, framing and referrer leaks.

use app::shell::csp::{page_policy, PageNonceSlot};
use axum::{
    extract::Request,
    http::{
        header::{
            CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HOST, ORIGIN, REFERRER_POLICY,
            X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
        },
        HeaderMap, HeaderValue, Method, StatusCode,
    },
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Refuses a state-changing request that a page of another site made the browser send (CSRF).
/// Reads, and requests that no browser page sent (no `Origin`, no `Sec-Fetch-Site`), pass.
pub async fn same_origin_only(request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || is_same_origin(request.headers()) {
        return next.run(request).await;
    }
    tracing::warn!(path = request.uri().path(), "refused a cross-site request");
    let lang = app::i18n::lang_from_headers(request.headers());
    (
        StatusCode::FORBIDDEN,
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        app::locales::errors::cross_site(lang),
    )
        .into_response()
}

fn is_same_origin(headers: &HeaderMap) -> bool {
    // Browsers since 2020-2023 send Sec-Fetch-Site; it cannot be set by a page's script.
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(ORIGIN) else {
        return true;
    };
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, host)| host);
    let host = headers.get(HOST).and_then(|h| h.to_str().ok());
    matches!((origin_host, host), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b))
}

/// Headers for every response. Pages get their Content-Security-Policy with the nonce their
/// render recorded; everything else gets one that allows nothing. What a signed-in person is sent
/// may hold personal data, and so may every page of the neighbour-help board, so no cache
/// (browser, proxy or service worker) may keep them (privacy rule P7).
pub async fn security_headers(mut request: Request, next: Next) -> Response {
    let signed_in =
        app::cookies::cookie_value(request.headers(), app::accounts::SESSION_COOKIE).is_some();
    let path = request.uri().path().to_owned();
    // The neighbour-help board shows people as far as their consents allow: a page kept by a
    // browser or the service worker would outlive a consent withdrawn since (P2, P7).
    let about_people = path == "/help" || path.starts_with("/help/");
    let nonce = PageNonceSlot::default();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let status = response.status();
    let headers = response.headers_mut();
    // Files everyone gets alike (the bundle, icons, open data) say so with `public`; keep their
    // lifetimes, or signed-in people would download the app again on every page.
    let public = headers
        .get(CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("public"));
    if (signed_in || about_people) && !public {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store, private"));
    }
    let is_html = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    match (is_html, nonce.0.get()) {
        (true, Some(nonce)) => {
            if let Ok(policy) = HeaderValue::from_str(&page_policy(nonce)) {
                headers.insert(CONTENT_SECURITY_POLICY, policy);
            }
        }
        // A page that did not render through the app, nor bring its own policy, would run none
        // of its scripts.
        (true, None) if !headers.contains_key(CONTENT_SECURITY_POLICY) => {
            tracing::warn!(%path, %status, "an HTML response without a page nonce")
        }
        _ => {}
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // Same-origin requests keep the full referrer: forms without JavaScript are sent back there.
    headers.insert(
        REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !headers.contains_key(CONTENT_SECURITY_POLICY) {
        headers.insert(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::is_same_origin;
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn sec_fetch_site_decides_when_present() {
        assert!(is_same_origin(&headers(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(is_same_origin(&headers(&[("sec-fetch-site", "none")])));
        assert!(!is_same_origin(&headers(&[(
            "sec-fetch-site",
            "cross-site"
        )])));
        assert!(!is_same_origin(&headers(&[(
            "sec-fetch-site",
            "same-site"
        )])));
        // A matching Origin does not rescue a cross-site fetch.
        assert!(!is_same_origin(&headers(&[
            ("sec-fetch-site", "cross-site"),
            ("origin", "http://localhost:3000"),
            ("host", "localhost:3000"),
        ])));
    }

    #[test]
    fn origin_must_match_host() {
        assert!(is_same_origin(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000"),
        ])));
        assert!(!is_same_origin(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000"),
        ])));
        assert!(!is_same_origin(&headers(&[
            ("origin", "null"),
            ("host", "a")
        ])));
        assert!(!is_same_origin(&headers(&[("origin", "http://a")])));
        // No browser page involved (curl, scripts): nothing to forge.
        assert!(is_same_origin(&headers(&[("host", "a")])));
    }
}
