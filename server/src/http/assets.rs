//! The built bundle's files (JS, WASM, CSS) and how long browsers may keep static files.
//!
//! With `hash-files` (Cargo.toml), cargo-leptos puts a content hash in each bundle file's name and
//! writes the hashes to `hash.txt` beside the server binary. A hashed name never changes content, so
//! browsers may keep it for a year; every new build has new names, which also renews the service
//! worker's cache.

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::Response,
};
use leptos::config::LeptosOptions;
use std::path::{Path, PathBuf};
use tower_http::services::ServeDir;

/// Site paths of this build's bundle, e.g. `/pkg/yunyixiang.Xb3….wasm`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuiltAssets {
    pub js: String,
    pub wasm: String,
    pub css: String,
    /// The names carry content hashes (so they may be cached for good).
    pub hashed: bool,
}

impl BuiltAssets {
    pub fn of(options: &LeptosOptions) -> BuiltAssets {
        let hashes = options
            .hash_files
            .then(|| std::fs::read_to_string(hash_file(&options.hash_file)).ok())
            .flatten();
        BuiltAssets::named(
            &options.output_name,
            &options.site_pkg_dir,
            hashes.as_deref(),
        )
    }

    /// The names given cargo-leptos's `hash.txt` (lines like `wasm: Xb3…`), or the plain names.
    pub fn named(output_name: &str, pkg_dir: &str, hash_txt: Option<&str>) -> BuiltAssets {
        let hash_of = |kind: &str| {
            hash_txt?.lines().find_map(|line| {
                let (file, hash) = line.split_once(':')?;
                (file.trim() == kind).then(|| hash.trim().to_string())
            })
        };
        let path = |kind: &str| match hash_of(kind) {
            Some(hash) => format!("/{pkg_dir}/{output_name}.{hash}.{kind}"),
            None => format!("/{pkg_dir}/{output_name}.{kind}"),
        };
        BuiltAssets {
            js: path("js"),
            wasm: path("wasm"),
            css: path("css"),
            hashed: ["js", "wasm", "css"]
                .iter()
                .all(|kind| hash_of(kind).is_some()),
        }
    }

    pub fn all(&self) -> [&str; 3] {
        [&self.js, &self.wasm, &self.css]
    }
}

/// Where cargo-leptos writes the hashes: beside the server binary (Leptos reads it from there too).
pub fn hash_file(name: &str) -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
        .unwrap_or_default()
        .join(name)
}

/// Hashed bundle files: a year, never revalidated.
const FOREVER: &str = "public, max-age=31536000, immutable";
/// Unhashed bundle files (a build without hashes): ask each time (a 304 is cheap).
const REVALIDATE: &str = "no-cache";
/// Icons and other files under fixed names: a day.
const A_DAY: &str = "public, max-age=86400";

/// How long a static file at `path` may be kept; `None` for anything that is not a static file.
pub fn cache_policy(path: &str, pkg_dir: &str, hashed: bool) -> Option<&'static str> {
    let in_pkg = path
        .strip_prefix('/')
        .and_then(|rest| rest.strip_prefix(pkg_dir))
        .is_some_and(|rest| rest.starts_with('/'));
    if in_pkg {
        Some(if hashed { FOREVER } else { REVALIDATE })
    } else if path.starts_with("/icons/") || path == "/favicon.svg" {
        Some(A_DAY)
    } else {
        None
    }
}

/// The site's static files, sent precompressed when the browser accepts it; every other address
/// (and a method other than GET or HEAD) goes to `not_found`.
///
/// Not leptos_axum's `file_and_error_handler`: for a file it finds, that runs the page context
/// under a new reactive owner whose parent is whatever owner the worker thread last left set,
/// another request's page, and answers with that page's status (browser tests saw 400 and 404 on
/// `/favicon.svg` and the stylesheet).
pub fn static_files<F>(site_root: &str, not_found: F) -> ServeDir<F> {
    ServeDir::new(site_root)
        .precompressed_br()
        .precompressed_gzip()
        // A folder is not a page: `/pkg` is a 404, not a redirect to `/pkg/`.
        .append_index_html_on_directories(false)
        .call_fallback_on_method_not_allowed(true)
        .fallback(not_found)
}

/// Adds `Cache-Control` and `Vary: Accept-Encoding` (the same path may be sent brotli, gzip or
/// plain) to static files that were found.
pub async fn static_cache_headers(
    State(assets): State<BuiltAssetsState>,
    request: Request,
    next: Next,
) -> Response {
    let policy = cache_policy(request.uri().path(), &assets.pkg_dir, assets.built.hashed);
    let mut response = next.run(request).await;
    let found = matches!(response.status(), StatusCode::OK | StatusCode::NOT_MODIFIED);
    if let (Some(policy), true) = (policy, found) {
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
    response
}

/// What the cache middleware needs to know about the build.
#[derive(Clone)]
pub struct BuiltAssetsState {
    pub built: BuiltAssets,
    pub pkg_dir: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_hash_file() {
        let txt = "js: AbC_1\nwasm: dEf-2\ncss: gHi3\n";
        let built = BuiltAssets::named("yunyixiang", "pkg", Some(txt));
        assert_eq!(built.js, "/pkg/yunyixiang.AbC_1.js");
        assert_eq!(built.wasm, "/pkg/yunyixiang.dEf-2.wasm");
        assert_eq!(built.css, "/pkg/yunyixiang.gHi3.css");
        assert!(built.hashed);
    }

    #[test]
    fn without_hashes_the_names_are_plain_and_not_cached_for_good() {
        for txt in [None, Some(""), Some("js: A\nwasm: B\n")] {
            let built = BuiltAssets::named("yunyixiang", "pkg", txt);
            assert_eq!(built.css, "/pkg/yunyixiang.css");
            assert!(!built.hashed);
        }
        assert_eq!(
            cache_policy("/pkg/yunyixiang.wasm", "pkg", false),
            Some(REVALIDATE)
        );
    }

    #[test]
    fn only_static_files_get_a_cache_policy() {
        assert_eq!(
            cache_policy("/pkg/yunyixiang.Ab.wasm", "pkg", true),
            Some(FOREVER)
        );
        assert_eq!(
            cache_policy("/icons/icon-192.png", "pkg", true),
            Some(A_DAY)
        );
        assert_eq!(cache_policy("/favicon.svg", "pkg", true), Some(A_DAY));
        for page in [
            "/",
            "/pkgs",
            "/pkg",
            "/events",
            "/api/x",
            "/sw.js",
            "/offline.html",
        ] {
            assert_eq!(cache_policy(page, "pkg", true), None, "{page}");
        }
    }
}
