//! Bad input at every address that is not a server function: every page and every other route
//! (open data, calendars, exports, photos) with hostile path segments and hostile queries, asked by
//! a visitor, an organisation's owner and an admin; and every upload form with broken multipart
//! bodies. Nothing may answer 5xx: bad input is the asker's mistake, told as a 4xx (or, where it
//! is merely odd, ignored).

use super::item_pages::bike_fields;
use super::multipart::{multipart_post, Part};
use super::*;
use crate::http::{file_routes, upload_routes};

/// What goes in place of an `{id}`, a `{token}` or a `{file}`.
const SEGMENTS: &[&str] = &[
    "0",
    "-1",
    "abc",
    "1.5",
    "1e3",
    "99999999999999999999",
    "9223372036854775807",
    "%00",
    "%FF%FE",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "..%2F..%2Fetc%2Fpasswd",
    "%E5%AD%97",
    "organisations.geojson.bak",
    "1%0D%0ASet-Cookie:%20x=1",
];

/// Values given to every query parameter the app reads (and a few it does not).
const QUERY_VALUES: &[&str] = &[
    "",
    "-1",
    "0",
    "99999999999999999999",
    "abc",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "%FF%FE",
    "%00",
    "%E2%80%AE",
    "javascript:alert(1)",
    "https%3A%2F%2Fevil.example%2F",
    "%2F%2Fevil.example",
    "2026-13-45",
    "NaN",
];

const QUERY_KEYS: &[&str] = &[
    "q", "page", "kind", "category", "mode", "area", "org", "from", "to", "months", "n", "code",
    "next", "done", "copy", "changed", "id", "m", "lat", "lng", "zoom", "south", "west", "north",
    "east", "when", "sort", "status", "format", "lang",
];

/// Queries that are wrong as a whole.
const WHOLE_QUERIES: &[&str] = &[
    "=",
    "&&&",
    "%",
    "page=1&page=2",
    "q[]=1",
    "a[b][c][d][e][f]=1",
];

/// Every GET address with `{…}` parts: pages, then the other routes.
fn templates() -> Vec<String> {
    let mut paths: Vec<String> = crate::http::page_routes()
        .iter()
        .map(|route| route.path().to_string())
        .chain(file_routes().into_iter().map(|(path, _)| path.to_string()))
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

/// `template` with every `{…}` part replaced by `value`.
pub(super) fn fill(template: &str, value: &str) -> String {
    template
        .split('/')
        .map(|part| {
            if part.starts_with('{') {
                value.to_string()
            } else if let Some(start) = part.find('{') {
                // `{id}.jpg` and the like.
                let end = part.find('}').map_or(part.len(), |end| end + 1);
                format!("{}{value}{}", &part[..start], &part[end..])
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Every query tried on each address.
fn queries() -> Vec<String> {
    let mut queries: Vec<String> = QUERY_VALUES
        .iter()
        .map(|value| {
            QUERY_KEYS
                .iter()
                .map(|key| format!("{key}={value}"))
                .collect::<Vec<_>>()
                .join("&")
        })
        .collect();
    queries.extend(WHOLE_QUERIES.iter().map(|query| query.to_string()));
    queries.push(format!("q={}", "%E5%AD%97".repeat(600)));
    queries
}

/// The asker's session cookies: a visitor, an organisation's owner, an admin.
async fn askers(test: &TestDb) -> [Option<String>; 3] {
    [
        None,
        Some(session_of(test, app::demo::DEMO_ACCOUNTS[2].0).await),
        Some(session_of(test, app::demo::DEMO_ACCOUNTS[3].0).await),
    ]
}

/// Sends every request and lists those answered 5xx.
async fn server_errors(
    router: &axum::Router,
    requests: impl IntoIterator<Item = (String, Request<Body>)>,
) -> (usize, Vec<String>) {
    let mut calls = 0;
    let mut failures = Vec::new();
    for (what, request) in requests {
        let (status, _, answer) = send(router, request).await;
        calls += 1;
        if status.is_server_error() {
            let answer: String = answer.chars().take(300).collect();
            failures.push(format!("{status} {what}: {answer}"));
        }
    }
    (calls, failures)
}

fn assert_none(what: &str, calls: usize, failures: &[String]) {
    println!("{what}: {calls} bad requests");
    assert!(
        failures.is_empty(),
        "{} of {calls} {what} answered 5xx:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn no_page_or_route_answers_bad_addresses_with_a_server_error() {
    let (router, test) = demo_app().await;
    let templates = templates();
    assert!(templates.len() > 40, "{templates:?}");
    assert!(templates.iter().any(|path| path == "/api/v1/{file}"));
    let mut requests = Vec::new();
    for cookie in askers(&test).await {
        for template in templates.iter().filter(|path| path.contains('{')) {
            for segment in SEGMENTS {
                let uri = fill(template, segment);
                requests.push((uri.clone(), get_with_cookie(&uri, cookie.as_deref())));
            }
        }
    }
    let (calls, failures) = server_errors(&router, requests).await;
    assert_none("addresses", calls, &failures);
    test.finish().await;
}

#[tokio::test]
async fn no_page_or_route_answers_bad_queries_with_a_server_error() {
    let (router, test) = demo_app().await;
    let queries = queries();
    let mut requests = Vec::new();
    for cookie in askers(&test).await {
        for template in templates() {
            let path = fill(&template, "1");
            for query in &queries {
                let uri = format!("{path}?{query}");
                let what: String = uri.chars().take(120).collect();
                requests.push((what, get_with_cookie(&uri, cookie.as_deref())));
            }
        }
    }
    let (calls, failures) = server_errors(&router, requests).await;
    assert_none("queries", calls, &failures);
    test.finish().await;
}

/// Text put in place of one field of a well-formed posting.
const HOSTILE_TEXT: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "",
    "-1",
    "99999999999999999999",
    "NaN",
    "inf",
    "\u{202E}\u{200B}",
    "\r\n\r\nx",
    "\0",
];

/// Multipart bodies that are broken as a whole: (content type, body).
fn broken_multipart() -> Vec<(String, Vec<u8>)> {
    const TYPE: &str = "multipart/form-data; boundary=b0undary";
    let part = |headers: &str, value: &[u8]| {
        let mut body = format!("--b0undary\r\n{headers}\r\n\r\n").into_bytes();
        body.extend_from_slice(value);
        body.extend_from_slice(b"\r\n");
        body
    };
    let closed = |mut body: Vec<u8>| {
        body.extend_from_slice(b"--b0undary--\r\n");
        body
    };
    let text = "Content-Disposition: form-data; name=\"item[title]\"";
    let photo = "Content-Disposition: form-data; name=\"photos\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg";
    let help_photo = "Content-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg";
    let mut jpeg_header = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    jpeg_header.extend_from_slice(b"JFIF\0");
    vec![
        (TYPE.into(), Vec::new()),
        (TYPE.into(), b"--b0undary--\r\n".to_vec()),
        (TYPE.into(), b"no boundary at all".to_vec()),
        (
            "multipart/form-data".into(),
            closed(part(text, "车".as_bytes())),
        ),
        (
            "multipart/form-data; boundary=".into(),
            b"----\r\n".to_vec(),
        ),
        ("text/plain".into(), b"item[title]=x".to_vec()),
        (
            "application/x-www-form-urlencoded".into(),
            b"item%5Btitle%5D=x".to_vec(),
        ),
        ("application/json".into(), b"{\"title\":1}".to_vec()),
        // Not closed: the client stopped half-way.
        (TYPE.into(), part(text, "车车车".as_bytes())),
        (TYPE.into(), b"--b0undary\r\nno headers here".to_vec()),
        (
            TYPE.into(),
            closed(part("Content-Disposition: form-data", b"nameless")),
        ),
        (TYPE.into(), closed(part("X-Other: 1", b"no disposition"))),
        (TYPE.into(), closed(part(text, &[0xC3, 0x28, 0xFF, 0xFE]))),
        (
            TYPE.into(),
            closed(part(text, "字".repeat(20_000).as_bytes())),
        ),
        (TYPE.into(), closed(part(photo, b"this is not a photo"))),
        (TYPE.into(), closed(part(photo, b""))),
        (TYPE.into(), closed(part(photo, &jpeg_header))),
        (TYPE.into(), closed(part(help_photo, b"GIF89a broken"))),
        (TYPE.into(), closed(part(help_photo, &jpeg_header))),
        (
            TYPE.into(),
            closed(part(
                "Content-Disposition: form-data; name=\"photos\"; filename=\"../../../etc/passwd\"",
                b"root:x:0:0",
            )),
        ),
        (
            TYPE.into(),
            closed([part(text, b"a"), part(text, b"b"), part(text, b"c")].concat()),
        ),
    ]
}

#[tokio::test]
async fn no_upload_form_answers_broken_multipart_with_a_server_error() {
    let (router, test) = demo_app().await;
    let uploads: Vec<String> = upload_routes()
        .into_iter()
        .map(|(path, _, _)| fill(path, "1"))
        .collect();
    assert_eq!(uploads.len(), 2);
    let mut requests = Vec::new();
    for cookie in askers(&test).await {
        for path in &uploads {
            for (content_type, body) in broken_multipart() {
                let mut request = multipart_post(path, body, cookie.as_deref());
                request.headers_mut().insert(
                    header::CONTENT_TYPE,
                    content_type.parse().expect("a header value"),
                );
                requests.push((format!("{path} [{content_type}]"), request));
            }
            // A well-formed posting (see `item_pages`), each field made hostile in turn.
            let posting = || {
                let mut parts = bike_fields();
                parts.push(Part::Text("item[resource]", ""));
                parts
            };
            for i in 0..posting().len() {
                for value in HOSTILE_TEXT {
                    let mut parts = posting();
                    let Part::Text(name, _) = parts[i] else {
                        continue;
                    };
                    parts[i] = Part::Text(name, value);
                    let what = format!("{path} [{name} = {value:?}]");
                    let body = super::multipart::multipart_body(&parts);
                    requests.push((what, multipart_post(path, body, cookie.as_deref())));
                }
            }
        }
    }
    let (calls, failures) = server_errors(&router, requests).await;
    assert_none("uploads", calls, &failures);
    test.finish().await;
}
