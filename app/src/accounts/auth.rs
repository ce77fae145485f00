//! Who is asking: the one helper every server function uses to find the signed-in person, and
//! the cookie handling of signing in and out.

use super::model::SessionUser;
use super::session::{self, SESSION_COOKIE};
use crate::db::now_unix;
use crate::error::AppError;
use crate::state::AppState;
use crate::vocabulary::OrgRole;
use http::{header::SET_COOKIE, request::Parts, HeaderValue};
use leptos::prelude::use_context;

/// The session token the browser sent, if any.
fn request_token() -> Option<String> {
    let parts = use_context::<Parts>()?;
    crate::cookies::cookie_value(&parts.headers, SESSION_COOKIE)
        .filter(|token| !token.is_empty())
        .map(str::to_owned)
}

/// The signed-in person of one request, read from the database once: a page's list, its header's
/// unread count and its buttons each ask who is there.
#[derive(Clone, Default)]
pub struct RequestUser(std::sync::Arc<tokio::sync::Mutex<Option<Option<SessionUser>>>>);

/// Gives this request (page or server function) its own `RequestUser`.
pub fn provide_request_user() {
    leptos::prelude::provide_context(RequestUser::default());
}

/// The signed-in person, or `None` for a visitor.
pub async fn current_user(state: &AppState) -> Result<Option<SessionUser>, AppError> {
    let Some(token) = request_token() else {
        return Ok(None);
    };
    let Some(RequestUser(known)) = use_context::<RequestUser>() else {
        return Ok(session::user_for_request(&state.db, &token, now_unix()).await?);
    };
    // Held while reading, so the page's concurrent askers wait for the one read.
    let mut known = known.lock().await;
    if let Some(user) = known.as_ref() {
        return Ok(user.clone());
    }
    let user = session::user_for_request(&state.db, &token, now_unix()).await?;
    *known = Some(user.clone());
    Ok(user)
}

/// After signing in or out in this request, whoever asks again is read afresh.
async fn forget_request_user() {
    if let Some(RequestUser(known)) = use_context::<RequestUser>() {
        *known.lock().await = None;
    }
}

/// What a server function needs of the person asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Any signed-in person (a resident).
    SignedIn,
    /// A platform admin.
    Admin,
    /// The owner or a coordinator of this organisation.
    OrgStaff(i64),
    /// The owner of this organisation.
    OrgOwner(i64),
    /// The owner or a coordinator of this organisation, or a platform admin: whoever may run
    /// its events and records.
    OrgStaffOrAdmin(i64),
}

impl Rule {
    /// Whether a signed-in person with these rights passes the rule.
    pub fn permits(self, is_admin: bool, role_in_org: Option<OrgRole>) -> bool {
        match self {
            Rule::SignedIn => true,
            Rule::Admin => is_admin,
            Rule::OrgStaff(_) => role_in_org.is_some(),
            Rule::OrgOwner(_) => role_in_org == Some(OrgRole::Owner),
            Rule::OrgStaffOrAdmin(_) => is_admin || role_in_org.is_some(),
        }
    }

    fn org(self) -> Option<i64> {
        match self {
            Rule::OrgStaff(org) | Rule::OrgOwner(org) | Rule::OrgStaffOrAdmin(org) => Some(org),
            Rule::SignedIn | Rule::Admin => None,
        }
    }
}

/// The one authorisation check of every server function that needs more than a visitor: the
/// signed-in person when the rule lets them through, `SignInRequired` (401) for a visitor and
/// `Forbidden` (403) for someone without the right.
pub async fn authorize(state: &AppState, rule: Rule) -> Result<SessionUser, AppError> {
    permit(state, current_user(state).await?, rule).await
}

/// The same check for a person found another way (a plain HTTP handler reads the cookie itself).
pub async fn permit(
    state: &AppState,
    user: Option<SessionUser>,
    rule: Rule,
) -> Result<SessionUser, AppError> {
    let user = user.ok_or(AppError::SignInRequired)?;
    let role_in_org = match rule.org() {
        Some(org) => role_in_org(state.db.pool(), org, user.id).await?,
        None => None,
    };
    if rule.permits(user.is_admin, role_in_org) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// A person's role in an organisation, if they have one (its team is kept by `orgs`).
pub async fn role_in_org(
    pool: &sqlx::AnyPool,
    org_id: i64,
    user_id: i64,
) -> Result<Option<OrgRole>, sqlx::Error> {
    let role: Option<String> =
        sqlx::query_scalar("SELECT role FROM org_members WHERE org_id = $1 AND user_id = $2")
            .bind(org_id)
            .bind(user_id)
            .fetch_optional(pool)
            .await?;
    Ok(role.as_deref().and_then(OrgRole::parse))
}

/// Starts a fresh session for `user_id` (ending the one this browser had) and sets its cookie.
pub async fn sign_in_as(state: &AppState, user_id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    if let Some(old) = request_token() {
        session::end_session(&mut tx, &old).await?;
    }
    let new = session::start_session(&mut tx, user_id, now_unix()).await?;
    tx.commit().await?;
    forget_request_user().await;
    set_cookie(&session::session_cookie(
        &new.token,
        session::SESSION_SECONDS,
        state.secure_cookies,
    ));
    Ok(())
}

/// Ends this browser's session on the server and removes the cookie.
pub async fn sign_out_here(state: &AppState) -> Result<(), AppError> {
    if let Some(token) = request_token() {
        let mut tx = state.db.begin_write().await?;
        session::end_session(&mut tx, &token).await?;
        tx.commit().await?;
    }
    forget_request_user().await;
    set_cookie(&session::clear_session_cookie(state.secure_cookies));
    // A calendar address made in the last minutes is this person's, not the next one's.
    set_cookie(&crate::cookies::new_feed_cookie(None, state.secure_cookies));
    Ok(())
}

fn set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

/// Longest `next` followed back; a longer one is not an address of ours.
const NEXT_MAX_LEN: usize = 2048;

/// Where to go after signing in: a page on this site, never another site (open redirect).
///
/// The answer is what the browser will resolve, so it is checked the way a browser reads it (a
/// WHATWG URL parser drops tabs and newlines and reads `\` as `/`): it must start with one `/`,
/// hold no control characters, and resolve to this site's origin; anything else goes to `/me`.
/// The answer is always a valid header value (a newline in it made the redirect panic).
pub fn safe_next(next: Option<&str>) -> String {
    const HOME: &str = "/me";
    let site = url::Url::parse("http://site.invalid/").expect("a fixed, valid address");
    let on_site = |path: &str| {
        site.join(path)
            .ok()
            .filter(|resolved| resolved.origin() == site.origin())
    };
    next.filter(|path| {
        path.starts_with('/') && path.len() <= NEXT_MAX_LEN && !path.chars().any(char::is_control)
    })
    .and_then(on_site)
    // Written out again from the parsed form, then checked once more as written: "/..//x"
    // resolves on the site but is written "//x", which would not.
    .map(|resolved| resolved[url::Position::BeforePath..].to_string())
    .filter(|written| on_site(written).is_some())
    .unwrap_or_else(|| HOME.to_string())
}

#[cfg(test)]
mod tests {
    use super::{safe_next, OrgRole, Rule};

    #[test]
    fn rules_grant_what_they_name() {
        let people = [
            (false, None),
            (false, Some(OrgRole::Coordinator)),
            (false, Some(OrgRole::Owner)),
            (true, None),
        ];
        let passes = |rule: Rule| people.map(|(admin, role)| rule.permits(admin, role));
        assert_eq!(passes(Rule::SignedIn), [true, true, true, true]);
        assert_eq!(passes(Rule::Admin), [false, false, false, true]);
        assert_eq!(passes(Rule::OrgStaff(1)), [false, true, true, false]);
        assert_eq!(passes(Rule::OrgOwner(1)), [false, false, true, false]);
        assert_eq!(passes(Rule::OrgStaffOrAdmin(1)), [false, true, true, true]);
    }

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/events?x=1")), "/events?x=1");
        assert_eq!(safe_next(Some("/events#top")), "/events#top");
        assert_eq!(safe_next(Some("/items/%E9%97%B2")), "/items/%E9%97%B2");
        // Percent-encoded tabs and slashes are harmless paths on this site.
        assert_eq!(safe_next(Some("/%09/x")), "/%09/x");
        assert_eq!(safe_next(Some("/%2F/evil.example")), "/%2F/evil.example");
        assert_eq!(safe_next(None), "/me");
        for attack in [
            "",
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "/\u{0}/evil.example",
            "/\u{85}/evil.example",
            "/events\nSet-Cookie: sid=x",
            "javascript:alert(1)",
            "/..//evil.example",
            "/./\\evil.example",
            " //evil.example",
            "https:evil.example",
            "http:/evil.example",
        ] {
            assert_eq!(safe_next(Some(attack)), "/me", "{attack:?}");
        }
        assert_eq!(safe_next(Some(&format!("/{}", "a".repeat(5000)))), "/me");
    }

    proptest::proptest! {
        /// Whatever comes in, the answer is a header value that a browser resolves on this site.
        #[test]
        fn any_next_resolves_on_this_site(next in "/?[/\\\\a-z.:%0-9 \\x00-\\x1f\\x7f-\\xa0é]{0,40}") {
            let answer = safe_next(Some(&next));
            proptest::prop_assert!(http::HeaderValue::from_str(&answer).is_ok());
            let site = url::Url::parse("https://yunyixiang.example/").unwrap();
            let resolved = site.join(&answer).unwrap();
            proptest::prop_assert_eq!(resolved.origin(), site.origin());
        }
    }
}

#[cfg(test)]
mod request_user_tests {
    use super::*;
    use crate::db::testing::each_backend;
    use leptos::prelude::{provide_context, Owner};

    /// A page asks who is there several times: the session is read once, until this request signs
    /// in or out.
    #[tokio::test]
    async fn the_session_is_read_once_per_request() {
        for test in each_backend().await {
            let state = AppState::new(test.db.clone(), false);
            let resident: i64 = sqlx::query_scalar(
                "INSERT INTO users (contact, contact_kind, display_name, created_at) \
                 VALUES ('13900000001', 'mobile', '居民', 1) RETURNING id",
            )
            .fetch_one(test.db.pool())
            .await
            .unwrap();
            let mut tx = test.db.begin_write().await.unwrap();
            let started = session::start_session(&mut tx, resident, now_unix())
                .await
                .unwrap();
            tx.commit().await.unwrap();
            let request = http::Request::builder()
                .header(http::header::COOKIE, format!("sid={}", started.token))
                .body(())
                .unwrap();
            let owner = Owner::new();
            owner.set();
            provide_context(request.into_parts().0);
            provide_request_user();

            let first = current_user(&state).await.unwrap().expect("signed in");
            assert_eq!((first.id, first.is_admin), (resident, false));
            // Gone from the database: this request still knows who asked…
            sqlx::query("DELETE FROM sessions")
                .execute(test.db.pool())
                .await
                .unwrap();
            assert_eq!(current_user(&state).await.unwrap(), Some(first));
            // …until it signs out, after which it reads again.
            forget_request_user().await;
            assert_eq!(current_user(&state).await.unwrap(), None);
            test.finish().await;
        }
    }
}
