//! `/sw.js`: the service worker in `public/sw.js`, with this build's version and app shell filled in.

use super::assets::BuiltAssets;
use axum::{
    extract::State,
    http::{header, HeaderValue},
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;

/// The files every page needs, cached when the worker installs (paths under the site root).
fn shell_files(bundle: &BuiltAssets) -> Vec<String> {
    let mut files: Vec<String> = bundle.all().map(String::from).to_vec();
    files.extend(
        [
            "/favicon.svg",
            "/icons/icon-192.png",
            "/icons/maskable-192.png",
        ]
        .map(String::from),
    );
    files
}

/// The worker's script, built once at start: the template with the version (a hash of the shell's
/// files, so any new build changes it) and the list to precache.
#[derive(Clone)]
pub struct ServiceWorker(Arc<String>);

impl ServiceWorker {
    pub fn build(site_root: &str, bundle: &BuiltAssets) -> ServiceWorker {
        let root = Path::new(site_root);
        let template = std::fs::read_to_string(root.join("sw.js")).unwrap_or_default();
        let files = shell_files(bundle);
        let mut hash = Sha256::new();
        hash.update(template.as_bytes());
        for file in &files {
            hash.update(file.as_bytes());
            hash.update(std::fs::read(root.join(file.trim_start_matches('/'))).unwrap_or_default());
        }
        let version: String = hash.finalize()[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let mut precache = vec![super::pwa::OFFLINE_PAGE.to_string()];
        precache.extend(files);
        let list = serde_json::to_string(&precache).unwrap_or_else(|_| "[]".into());
        let script = template
            .replace("'__VERSION__'", &format!("'{version}'"))
            .replace("__PRECACHE__", &list);
        ServiceWorker(Arc::new(script))
    }

    pub fn is_available(&self) -> bool {
        !self.0.is_empty()
    }
}

pub async fn script(State(worker): State<ServiceWorker>) -> Response {
    if !worker.is_available() {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    }
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            // Browsers check for a new worker on every visit; never serve a stale one.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            // The worker's own policy governs what it may fetch: this site only.
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'self'; frame-ancestors 'none'"),
            ),
        ],
        worker.0.as_str().to_owned(),
    )
        .into_response()
}
