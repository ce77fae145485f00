//! Static files: precompressed bodies with the right `Content-Encoding`, lifetimes by name, and the
//! hashed names in the offline page and the service worker's precache list.

use super::*;
use crate::http::{assets::BuiltAssets, router_for_bundle};

const CSS: &str = "body{color:#222}";

/// A built site in a temporary folder: a hashed stylesheet with its brotli and gzip copies, an icon,
/// and the service worker template from `public/`.
fn built_site() -> (tempfile::TempDir, BuiltAssets) {
    let root = tempfile::tempdir().unwrap();
    let pkg = root.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::create_dir_all(root.path().join("icons")).unwrap();
    std::fs::write(pkg.join("yunyixiang.H4sh.css"), CSS).unwrap();
    std::fs::write(pkg.join("yunyixiang.H4sh.css.br"), b"brotli bytes").unwrap();
    std::fs::write(pkg.join("yunyixiang.H4sh.css.gz"), b"gzip bytes").unwrap();
    std::fs::write(root.path().join("icons/icon-192.png"), b"png").unwrap();
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
    std::fs::copy(public.join("sw.js"), root.path().join("sw.js")).unwrap();
    let bundle = BuiltAssets::named(
        "yunyixiang",
        "pkg",
        Some("js: H4sh\nwasm: H4sh\ncss: H4sh\n"),
    );
    (root, bundle)
}

async fn site_app() -> (axum::Router, TestDb, tempfile::TempDir) {
    let test = TestDb::sqlite().await;
    let (root, bundle) = built_site();
    let options = LeptosOptions::builder()
        .output_name("yunyixiang")
        .site_root(root.path().to_str().unwrap())
        .build();
    let router = router_for_bundle(AppState::new(test.db.clone(), false), options, bundle);
    (router, test, root)
}

fn get_encoded(uri: &str, accept_encoding: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::ACCEPT_ENCODING, accept_encoding)
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn bundle_files_are_sent_precompressed_and_kept_for_a_year() {
    let (router, test, _root) = site_app().await;
    let css = "/pkg/yunyixiang.H4sh.css";
    let cases = [
        ("br, gzip", Some("br"), "brotli bytes"),
        ("gzip", Some("gzip"), "gzip bytes"),
        ("identity", None, CSS),
    ];
    for (accepted, encoding, body) in cases {
        let (status, headers, sent) = send(&router, get_encoded(css, accepted)).await;
        assert_eq!(status, StatusCode::OK, "{accepted}");
        assert_eq!(
            headers
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap()),
            encoding,
            "{accepted}"
        );
        assert_eq!(sent, body);
        assert!(headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/css"));
        assert_eq!(
            headers[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        assert_eq!(headers[header::VARY], "Accept-Encoding");
    }
    // Signed-in people keep the bundle too (it holds nothing of theirs); their pages are not kept.
    let signed_in = |uri: &str| {
        Request::get(uri)
            .header(
                header::COOKIE,
                format!("{}=any", app::accounts::SESSION_COOKIE),
            )
            .body(Body::empty())
            .unwrap()
    };
    let (_, headers, _) = send(&router, signed_in(css)).await;
    assert_eq!(
        headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    let (_, headers, _) = send(&router, signed_in("/")).await;
    assert_eq!(headers[header::CACHE_CONTROL], "no-store, private");

    let (_, headers, _) = send(&router, get("/icons/icon-192.png")).await;
    assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=86400");

    // A name that is not built is a plain 404 page, never cached for good.
    let (status, headers, _) = send(&router, get("/pkg/yunyixiang.Old.css")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(headers.get(header::CACHE_CONTROL).is_none());
    // Pages are not static files.
    let (_, headers, _) = send(&router, get("/")).await;
    assert_ne!(
        headers
            .get(header::CACHE_CONTROL)
            .map(|v| v.to_str().unwrap()),
        Some("public, max-age=31536000, immutable")
    );
    test.finish().await;
}

#[tokio::test]
async fn the_offline_page_and_the_service_worker_name_the_hashed_bundle() {
    let (router, test, _root) = site_app().await;
    let (_, _, offline) = send(&router, get("/offline.html")).await;
    assert!(
        offline.contains(r#"href="/pkg/yunyixiang.H4sh.css""#),
        "{offline}"
    );

    let (status, headers, worker) = send(&router, get("/sw.js")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    for file in [
        "/pkg/yunyixiang.H4sh.js",
        "/pkg/yunyixiang.H4sh.wasm",
        "/pkg/yunyixiang.H4sh.css",
        "/offline.html",
    ] {
        assert!(
            worker.contains(&format!("\"{file}\"")),
            "{file} not precached"
        );
    }
    assert!(!worker.contains("__VERSION__") && !worker.contains("__PRECACHE__"));
    test.finish().await;
}

/// A worker thread can be left with another request's reactive owner set (leptos sets it while a
/// page renders). A static file must not take that page's status: browser tests saw `/favicon.svg`
/// answered 400 after a refused filter, and the stylesheet 404 after a missing page.
#[tokio::test]
async fn a_static_file_never_takes_another_pages_status() {
    use leptos::prelude::{provide_context, Owner};
    use leptos_axum::ResponseOptions;
    let (router, test, _root) = site_app().await;
    // This test's runtime has one thread: every request below runs on the one the owner is left on.
    let other_page = Owner::new();
    other_page.set();
    let options = ResponseOptions::default();
    options.set_status(StatusCode::BAD_REQUEST);
    provide_context(options);
    for file in ["/icons/icon-192.png", "/pkg/yunyixiang.H4sh.css"] {
        let (status, _, _) = send(&router, get(file)).await;
        assert_eq!(status, StatusCode::OK, "{file}");
    }
    let (status, _, _) = send(&router, get("/pkg")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = send(
        &router,
        Request::post("/icons/icon-192.png")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    drop(other_page);
    test.finish().await;
}
