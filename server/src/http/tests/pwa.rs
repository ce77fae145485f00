//! What makes the site installable: the manifest in the reader's language and its icons.

use super::*;

/// Width and height of a PNG file, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

#[tokio::test]
async fn the_manifest_speaks_the_readers_language_and_its_icons_exist() {
    let (router, test) = bare_app().await;
    let (status, headers, body) = send(&router, get("/manifest.webmanifest")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/manifest+json"));
    let zh: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(zh["short_name"], "云益享");
    assert_eq!(zh["lang"], "zh-CN");
    assert_eq!(
        (&zh["start_url"], &zh["scope"], &zh["display"]),
        (&"/".into(), &"/".into(), &"standalone".into())
    );
    assert!(zh["description"].as_str().unwrap().contains("公益"));

    let english = Request::get("/manifest.webmanifest")
        .header(header::ACCEPT_LANGUAGE, "en-US,en;q=0.8")
        .body(Body::empty())
        .unwrap();
    let (_, _, body) = send(&router, english).await;
    let en: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(en["lang"], "en");
    assert!(en["description"].as_str().unwrap().contains("charity"));

    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
    let mut purposes = Vec::new();
    for icon in zh["icons"].as_array().unwrap() {
        let src = icon["src"].as_str().unwrap();
        let bytes = std::fs::read(public.join(src.trim_start_matches('/'))).unwrap();
        let (w, h) = png_size(&bytes);
        assert_eq!(format!("{w}x{h}"), icon["sizes"], "{src}");
        purposes.push((w, icon["purpose"].as_str().unwrap().to_string()));
    }
    for size in [192, 512] {
        for purpose in ["any", "maskable"] {
            assert!(
                purposes.contains(&(size, purpose.to_string())),
                "{size} {purpose}"
            );
        }
    }
    test.finish().await;
}

#[tokio::test]
async fn the_offline_page_is_static_bilingual_and_runs_no_script() {
    let (router, test) = bare_app().await;
    let (status, headers, body) = send(&router, get("/offline.html")).await;
    assert_eq!(status, StatusCode::OK);
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(policy.starts_with("default-src 'none'") && !policy.contains("script-src"));
    assert!(body.contains("现在没有网络") && body.contains("No connection right now"));
    assert!(!body.contains("<script"));
    test.finish().await;
}
