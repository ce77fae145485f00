//! Stored script injection: every piece of text people typed (each text column of the demo data
//! that holds Chinese, so every name, title, description, note and message) gets markup appended,
//! then every page is rendered for a visitor, an organisation's owner and an admin. The markup
//! must come out as text, never as tags, in the HTML and in the data handed to the browser.

use super::bad_routes::fill;
use super::*;

/// Appended to every stored text: tags, an attribute break-out, and break-outs of the elements
/// whose content is text (`<title>`, `<textarea>`) and of script blocks.
const PAYLOAD: &str = "</title></textarea><img src=x onerror=alert(1)>\"'><svg onload=alert(2)></script><script>alert(3)</script>";

/// For columns too short for [`PAYLOAD`].
const SHORT_PAYLOAD: &str = "</title></textarea><img src=x>";

/// What would show that the payload came through as markup.
const AS_MARKUP: &[&str] = &["<img src=x", "<svg onload", "<script>alert"];

/// Appends [`PAYLOAD`] to every stored text that a person could have typed. Keys, states and
/// kinds are ASCII, JSON starts with a bracket: those are left alone so the data stays valid.
async fn poison_every_typed_text(test: &TestDb) -> usize {
    let pool = test.db.pool();
    let mut poisoned = 0;
    for (table, column) in app::db::testing::sqlite_text_columns(pool).await {
        // Names come from the schema, not from input.
        let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
            "SELECT rowid, {column} FROM {table} WHERE {column} IS NOT NULL"
        ))
        .fetch_all(pool)
        .await
        .unwrap();
        for (rowid, text) in rows {
            if text.is_ascii() || text.starts_with(['{', '[']) {
                continue;
            }
            // Columns have length limits: the whole payload where it fits, else the tag alone.
            for payload in [PAYLOAD, SHORT_PAYLOAD] {
                let stored =
                    sqlx::query(&format!("UPDATE {table} SET {column} = ? WHERE rowid = ?"))
                        .bind(format!("{text}{payload}"))
                        .bind(rowid)
                        .execute(pool)
                        .await;
                if stored.is_ok() {
                    poisoned += 1;
                    break;
                }
            }
        }
    }
    poisoned
}

/// Every page address, with ids 1 to 4 for those that take one.
fn page_addresses() -> Vec<String> {
    let mut addresses: Vec<String> = crate::http::page_routes()
        .iter()
        .map(|route| route.path().to_string())
        .flat_map(|path| (1..=4).map(move |id| fill(&path, &id.to_string())))
        .collect();
    addresses.sort();
    addresses.dedup();
    addresses
}

#[tokio::test]
async fn typed_text_with_markup_is_shown_as_text_on_every_page() {
    let (router, test) = demo_app().await;
    let owner = session_of(&test, app::demo::DEMO_ACCOUNTS[2].0).await;
    let admin = session_of(&test, app::demo::DEMO_ACCOUNTS[3].0).await;
    let poisoned = poison_every_typed_text(&test).await;
    assert!(poisoned > 200, "only {poisoned} texts were given markup");
    let mut failures = Vec::new();
    let mut pages_showing_it = Vec::new();
    let mut pages = 0;
    for cookie in [None, Some(owner.as_str()), Some(admin.as_str())] {
        for address in page_addresses() {
            let (status, _, body) = send(&router, with_cookie_or_not(&address, cookie)).await;
            pages += 1;
            if status.is_server_error() {
                failures.push(format!("{status} {address}"));
            }
            let body = markup_of(&body);
            for markup in AS_MARKUP {
                if let Some(at) = body.find(markup) {
                    let from = body.floor_char_boundary(at.saturating_sub(120));
                    let to = body.ceil_char_boundary((at + 80).min(body.len()));
                    failures.push(format!("{address}: {markup}… in …{}…", &body[from..to]));
                }
            }
            if body.contains("&lt;img src=x") {
                pages_showing_it.push(address);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The check above would pass on pages that show nothing: the text must be there, escaped.
    for shown in [
        "/events",
        "/events/1",
        "/items",
        "/items/1",
        "/orgs",
        "/orgs/1",
        "/help",
    ] {
        assert!(
            pages_showing_it.iter().any(|address| address == shown),
            "{shown} does not show the stored text; shown on {pages_showing_it:?}"
        );
    }
    println!("{poisoned} texts, {pages} pages rendered");
    test.finish().await;
}

/// The page without the content of its `<title>` and `<textarea>` elements, which a browser
/// reads as text up to the first closing tag: markup there is harmless, unless it ends them.
fn markup_of(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    loop {
        let next = ["<title>", "<textarea"]
            .iter()
            .filter_map(|open| rest.find(open).map(|at| (at, *open)))
            .min();
        let Some((at, open)) = next else {
            out.push_str(rest);
            return out;
        };
        let close = if open == "<title>" {
            "</title>"
        } else {
            "</textarea>"
        };
        let content_start = rest[at..].find('>').map_or(rest.len(), |end| at + end + 1);
        out.push_str(&rest[..content_start]);
        rest = &rest[content_start..];
        let end = rest.find(close).unwrap_or(rest.len());
        rest = &rest[end..];
    }
}

/// A page as a browser asks for it, with the session if there is one.
fn with_cookie_or_not(address: &str, cookie: Option<&str>) -> Request<Body> {
    match cookie {
        Some(cookie) => with_cookie(address, cookie),
        None => page(address),
    }
}
