//! The web app manifest that makes the site installable, in the reader's language.

use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Response},
};
use serde_json::json;
use std::sync::Arc;

/// `/manifest.webmanifest`: name, description and start page in the language the reader chose
/// (cookie) or asked for (`Accept-Language`); Chinese otherwise.
pub async fn manifest(headers: HeaderMap) -> Response {
    let lang = app::i18n::lang_from_headers(&headers);
    let icon = |src: &str, size: &str, purpose: &str| json!({ "src": src, "sizes": size, "type": "image/png", "purpose": purpose });
    let manifest = json!({
        "id": "/",
        "name": format!("{} · {}", app::locales::shell::app_name(lang), app::locales::shell::district(lang)),
        "short_name": app::locales::shell::app_name(lang),
        "description": app::locales::shell::description(lang),
        "lang": lang.code(),
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": "#b83a1e",
        "background_color": "#faf7f2",
        "categories": ["social", "lifestyle"],
        "icons": [
            icon("/icons/icon-192.png", "192x192", "any"),
            icon("/icons/icon-512.png", "512x512", "any"),
            icon("/icons/maskable-192.png", "192x192", "maskable"),
            icon("/icons/maskable-512.png", "512x512", "maskable"),
        ],
    });
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/manifest+json; charset=utf-8"),
            ),
            // The words depend on the language, so caches keep one copy per language choice.
            (
                header::VARY,
                HeaderValue::from_static("Accept-Language, Cookie"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        manifest.to_string(),
    )
        .into_response()
}

/// The page the service worker shows for a page never visited while there is no network. Static
/// and in both languages: it must not hydrate as the page that was asked for.
pub const OFFLINE_PAGE: &str = "/offline.html";

/// The offline page with this build's stylesheet, made once at start.
#[derive(Clone)]
pub struct OfflinePage(Arc<str>);

impl OfflinePage {
    pub fn with_stylesheet(css_path: &str) -> OfflinePage {
        OfflinePage(
            include_str!("offline.html")
                .replace("__STYLESHEET__", css_path)
                .into(),
        )
    }
}

pub async fn offline_page(State(page): State<OfflinePage>) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            // Its own styles and icon only; no scripts at all.
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(
                    "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'",
                ),
            ),
        ],
        page.0.to_string(),
    )
        .into_response()
}
