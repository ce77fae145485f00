//! Bad input at every server function: each registered endpoint, called by a visitor, an
//! organisation's owner and an admin with malformed bodies (no fields, broken encoding, numbers
//! out of range, fields given twice, deep brackets, overlong text, bytes that are not text), and
//! with every field of a well-formed call replaced in turn by hostile values (script, nothing,
//! negative, huge, control characters). Nothing may answer 5xx: bad input is the asker's
//! mistake, told as a 4xx (or, where the input is merely odd, carried out).

use super::permissions::matrix;
use super::*;

/// Bodies that are wrong as a whole.
fn malformed() -> Vec<String> {
    let mut bodies: Vec<String> = [
        "",
        "=",
        "&&&",
        "%",
        "%ZZ=%ZZ",
        "a=%FF%FE%FD",
        "id=abc",
        "id=-1",
        "id=99999999999999999999999",
        "id=1.5",
        "id=1&id=2",
        "id=%00",
        "a[b][c][d][e][f][g]=1",
        "{\"id\":1}",
    ]
    .map(String::from)
    .to_vec();
    bodies.push(format!("id={}", "字".repeat(50_000)));
    bodies.push(String::from_utf8_lossy(&[0xC3, 0x28, 0xA0, 0xA1, 0xFF]).into_owned());
    bodies
}

/// Values put in place of each field of a well-formed call.
const HOSTILE: &[&str] = &[
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "",
    "-1",
    "0",
    "99999999999999999999",
    "9223372036854775807",
    "%E2%80%AE%E2%80%8B",
    "%0D%0A%0D%0Ax",
    "true",
];

/// `args` (`a=1&b={org}`) with `{…}` filled in.
fn filled(args: &str) -> String {
    let mut out = String::new();
    let mut rest = args;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map_or(rest.len(), |e| start + e + 1);
        out.push('1');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The call with field `i` set to `value`.
fn with_field(args: &str, i: usize, value: &str) -> String {
    args.split('&')
        .enumerate()
        .map(|(k, pair)| match (k == i, pair.split_once('=')) {
            (true, Some((name, _))) => format!("{name}={value}"),
            _ => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The call, as a query for a GET (`None` when too long for an address: hyper refuses those
/// before the app sees them) or a form otherwise.
fn call(path: &str, method: &Method, body: &str, cookie: Option<&str>) -> Option<Request<Body>> {
    if *method == Method::GET {
        // A query string carries only URL characters: the rest as %XX.
        let query: String = body
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z'
                | b'a'..=b'z'
                | b'0'..=b'9'
                | b'-'
                | b'_'
                | b'.'
                | b'~'
                | b'='
                | b'&'
                | b'%' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect();
        (query.len() < 8_000).then(|| get_with_cookie(&format!("{path}?{query}"), cookie))
    } else {
        Some(form(path, body, cookie))
    }
}

use axum::http::Method;

#[tokio::test]
async fn no_server_function_answers_bad_input_with_a_server_error() {
    let (router, test) = demo_app().await;
    let owner = session_of(&test, app::demo::DEMO_ACCOUNTS[2].0).await;
    let admin = session_of(&test, app::demo::DEMO_ACCOUNTS[3].0).await;
    let people = [None, Some(owner.as_str()), Some(admin.as_str())];
    let mut endpoints: Vec<(String, Method)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path.to_string(), method))
        // Signing out would end the sessions the other calls use.
        .filter(|(path, _)| !path.ends_with("/sign_out"))
        .collect();
    endpoints.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(endpoints.len() > 50, "{}", endpoints.len());
    let mut failures = Vec::new();
    let mut calls = 0;
    for (path, method) in &endpoints {
        for body in malformed() {
            for cookie in people {
                let Some(request) = call(path, method, &body, cookie) else {
                    continue;
                };
                let (status, _, answer) = send(&router, request).await;
                calls += 1;
                if status.is_server_error() {
                    failures.push(format!(
                        "{status} {path} [{}]: {answer}",
                        &body.chars().take(40).collect::<String>()
                    ));
                }
            }
        }
    }
    // Each field of the permission matrix's well-formed calls, in turn hostile.
    for (endpoint, args, _) in matrix() {
        if endpoint.ends_with("sign_out") {
            continue;
        }
        let path = format!("/api/{endpoint}");
        let Some((_, method)) = endpoints.iter().find(|(p, _)| *p == path) else {
            failures.push(format!("{path} is in the matrix but not registered"));
            continue;
        };
        let args = filled(args);
        let fields = if args.is_empty() {
            0
        } else {
            args.split('&').count()
        };
        for i in 0..fields {
            for value in HOSTILE {
                let body = with_field(&args, i, value);
                for cookie in people {
                    let Some(request) = call(&path, method, &body, cookie) else {
                        continue;
                    };
                    let (status, _, answer) = send(&router, request).await;
                    calls += 1;
                    if status.is_server_error() {
                        failures.push(format!("{status} {path} [{body}]: {answer}"));
                    }
                }
            }
        }
    }
    println!("{} server functions, {calls} bad calls", endpoints.len());
    assert!(
        failures.is_empty(),
        "{} of {calls} calls answered 5xx:\n{}",
        failures.len(),
        failures.join("\n")
    );
    test.finish().await;
}
