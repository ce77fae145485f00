//! A very short cache of the pages visitors read (PRODUCT §4: the events list must serve 2,000
//! requests a second on this machine; rendering it from the database each time did 1,867).
//!
//! Only for people who are not signed in: a request with any cookie but the language one is
//! never served from here nor stored, so nothing personal can reach anyone else. A page is kept
//! for one second at most, and a write committed by this server since it was rendered makes it
//! stale, so a coordinator's edit shows at once. Requests that write nothing (a refused post, an
//! unknown address) keep the pages: anyone could send those by the thousand. Each answer gets a nonce of its own, as if rendered.

use app::shell::csp::PageNonceSlot;
use axum::{
    body::Body,
    extract::Request,
    http::{
        header::{ACCEPT_LANGUAGE, CONTENT_TYPE, COOKIE, SET_COOKIE},
        HeaderMap, Method, StatusCode,
    },
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a page may be served again.
const FRESH_FOR: Duration = Duration::from_secs(1);
/// Pages kept at most (each a few tens of kilobytes).
const MAX_PAGES: usize = 512;
/// A page larger than this is not kept.
const MAX_PAGE_BYTES: usize = 512 * 1024;

#[derive(Clone)]
pub struct PageCache(Arc<Shared>);

struct Shared {
    pages: Mutex<HashMap<Key, Page>>,
    /// Counts the writes committed: pages rendered before the last one are not served.
    db: app::db::Db,
}

/// The address and what decides the page's language.
#[derive(Hash, PartialEq, Eq)]
struct Key {
    path_and_query: String,
    lang_cookie: Option<String>,
    accept_language: Option<String>,
}

#[derive(Clone)]
struct Page {
    stored: Instant,
    /// The database's count of commits when the page began rendering.
    writes: u64,
    headers: HeaderMap,
    html: Arc<str>,
    /// The nonce the page was rendered with: each answer gets its own in its place.
    nonce: String,
}

impl PageCache {
    pub fn new(db: app::db::Db) -> PageCache {
        PageCache(Arc::new(Shared {
            pages: Mutex::default(),
            db,
        }))
    }

    fn fresh(&self, key: &Key) -> Option<Page> {
        let pages = self.0.pages.lock().unwrap_or_else(|e| e.into_inner());
        let page = pages.get(key)?;
        let current = page.writes == self.0.db.commits();
        (current && page.stored.elapsed() < FRESH_FOR).then(|| page.clone())
    }

    fn store(&self, key: Key, page: Page) {
        let mut pages = self.0.pages.lock().unwrap_or_else(|e| e.into_inner());
        if pages.len() >= MAX_PAGES {
            pages.retain(|_, page| page.stored.elapsed() < FRESH_FOR);
            if pages.len() >= MAX_PAGES {
                pages.clear();
            }
        }
        pages.insert(key, page);
    }
}

/// The cache key of a request a visitor's page may be served for, or `None`.
fn visitor_page_key(request: &Request) -> Option<Key> {
    if request.method() != Method::GET || request.uri().path().starts_with("/api/") {
        return None;
    }
    let headers = request.headers();
    let mut lang_cookie = None;
    for header in headers.get_all(COOKIE) {
        for pair in header.to_str().ok()?.split(';') {
            let (name, value) = pair.trim().split_once('=')?;
            if name != app::i18n::LANG_COOKIE || lang_cookie.is_some() {
                return None;
            }
            lang_cookie = Some(value.to_string());
        }
    }
    let accept_language = match headers.get(ACCEPT_LANGUAGE) {
        Some(value) => Some(value.to_str().ok()?.to_string()),
        None => None,
    };
    Some(Key {
        path_and_query: request.uri().path_and_query()?.as_str().to_string(),
        lang_cookie,
        accept_language,
    })
}

pub async fn serve_visitors_from_cache(
    axum::extract::State(cache): axum::extract::State<PageCache>,
    request: Request,
    next: Next,
) -> Response {
    let Some(key) = visitor_page_key(&request) else {
        return next.run(request).await;
    };
    let slot = request.extensions().get::<PageNonceSlot>().cloned();
    if let (Some(page), Some(slot)) = (cache.fresh(&key), slot.as_ref()) {
        return answer_again(page, slot);
    }
    let writes = cache.0.db.commits();
    let response = next.run(request).await;
    let nonce = slot.and_then(|slot| slot.0.get().cloned());
    let keep = response.status() == StatusCode::OK
        && !response.headers().contains_key(SET_COOKIE)
        && response
            .headers()
            .get(CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let (Some(nonce), true) = (nonce, keep) else {
        return response;
    };
    let (parts, body) = response.into_parts();
    // Pages are bounded by what they list (a few hundred entries at most).
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(error) => {
            tracing::warn!(%error, "a page's body failed while it was read");
            return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
        }
    };
    if body.len() <= MAX_PAGE_BYTES {
        if let Ok(html) = std::str::from_utf8(&body) {
            let page = Page {
                stored: Instant::now(),
                writes,
                headers: parts.headers.clone(),
                html: html.into(),
                nonce,
            };
            cache.store(key, page);
        }
    }
    Response::from_parts(parts, Body::from(body))
}

/// The stored page with a new nonce of its own, handed to the security headers as a render would.
fn answer_again(page: Page, slot: &PageNonceSlot) -> Response {
    let nonce = new_nonce();
    let html = page.html.replace(&page.nonce, &nonce);
    let _ = slot.0.set(nonce);
    let mut response = Response::new(Body::from(html));
    *response.headers_mut() = page.headers;
    response
}

/// A fresh nonce, made as the renderer makes them (128 random bits).
fn new_nonce() -> String {
    leptos::nonce::Nonce::new().to_string()
}
