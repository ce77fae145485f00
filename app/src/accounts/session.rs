//! Server-side sessions. The browser holds a random token in an HttpOnly cookie; the database holds
//! only its hash. Every sign-in makes a new token; signing out deletes the row, so the old cookie
//! is useless even if someone kept a copy.

use super::model::SessionUser;
use crate::db::columns::Flag;
use crate::secrets::token_hash;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use rand::RngCore as _;
use sqlx::{AnyConnection, AnyPool};

pub use super::SESSION_COOKIE;
/// How long a session lasts without signing in again.
pub const SESSION_SECONDS: i64 = 30 * 24 * 60 * 60;

/// A session just started: the token goes into the cookie and nowhere else.
#[derive(Debug)]
pub struct NewSession {
    pub token: String,
    pub expires_at: i64,
}

pub async fn start_session(
    conn: &mut AnyConnection,
    user_id: i64,
    now: i64,
) -> Result<NewSession, sqlx::Error> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let expires_at = now + SESSION_SECONDS;
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash(&token))
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(NewSession { token, expires_at })
}

#[derive(sqlx::FromRow)]
struct SessionUserRow {
    id: i64,
    display_name: String,
    is_admin: Flag,
    in_an_org: Flag,
    counted_month: i64,
    unread_notifications: i64,
}

/// The live session of a token (not expired, the account not deleted).
async fn lookup(
    pool: &AnyPool,
    token: &str,
    now: i64,
) -> Result<Option<SessionUserRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id, u.display_name, u.is_admin, s.counted_month, \
         CASE WHEN EXISTS (SELECT 1 FROM org_members m WHERE m.user_id = u.id) THEN 1 ELSE 0 END \
         AS in_an_org, \
         (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) \
         AS unread_notifications FROM sessions s \
         JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.deleted_at IS NULL",
    )
    .bind(token_hash(token))
    .bind(now)
    .fetch_optional(pool)
    .await
}

impl From<SessionUserRow> for SessionUser {
    fn from(r: SessionUserRow) -> SessionUser {
        SessionUser {
            id: r.id,
            display_name: r.display_name,
            is_admin: r.is_admin.into(),
            in_an_org: r.in_an_org.into(),
            unread_notifications: r.unread_notifications,
        }
    }
}

/// The person a cookie's token belongs to, if the session is live and the account not deleted.
pub async fn user_for_token(
    pool: &AnyPool,
    token: &str,
    now: i64,
) -> Result<Option<SessionUser>, sqlx::Error> {
    Ok(lookup(pool, token, now).await?.map(SessionUser::from))
}

/// The same, for a request: the first time a session is used in a month, its person is counted
/// among that month's active users (one small write per session and month). Counting is never
/// worth failing the request: a failed write is logged and tried again on the next one.
pub async fn user_for_request(
    db: &crate::db::Db,
    token: &str,
    now: i64,
) -> Result<Option<SessionUser>, sqlx::Error> {
    let Some(row) = lookup(db.pool(), token, now).await? else {
        return Ok(None);
    };
    let month = crate::china_time::Month::of(now).map_or(0, |m| m.starts_at());
    if row.counted_month != month {
        // A task of its own: if the request is dropped half-way (the browser went elsewhere),
        // the write still finishes instead of leaving a transaction open on a pooled connection.
        // The server's run_to_end layer covers handlers, but a page reads its user while its body
        // streams out, after the handler has returned: that part the layer does not cover.
        let counting = tokio::spawn(count_active(db.clone(), token.to_string(), row.id, month));
        match counting.await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::warn!(%error, "sessions: could not count an active user"),
            Err(error) => tracing::warn!(%error, "sessions: counting an active user stopped"),
        }
    }
    Ok(Some(row.into()))
}

async fn count_active(
    db: crate::db::Db,
    token: String,
    user_id: i64,
    month_start: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    note_active(&mut tx, user_id, month_start).await?;
    sqlx::query("UPDATE sessions SET counted_month = $1 WHERE token_hash = $2")
        .bind(month_start)
        .bind(token_hash(&token))
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Counts `user_id` among the active users of the month starting at `month_start` (once).
pub async fn note_active(
    conn: &mut AnyConnection,
    user_id: i64,
    month_start: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO user_active_months (user_id, month_start) VALUES ($1, $2) \
         ON CONFLICT DO NOTHING",
    )
    .bind(user_id)
    .bind(month_start)
    .execute(conn)
    .await?;
    Ok(())
}

/// Signs out one browser.
pub async fn end_session(conn: &mut AnyConnection, token: &str) -> Result<bool, sqlx::Error> {
    let result = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute(conn)
        .await?;
    Ok(result.rows_affected() > 0)
}

/// Signs out every browser of a person (after a password change or account deletion).
pub async fn end_all_sessions(conn: &mut AnyConnection, user_id: i64) -> Result<u64, sqlx::Error> {
    let result = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(result.rows_affected())
}

/// The `Set-Cookie` value that gives the browser its session.
pub fn session_cookie(token: &str, max_age_seconds: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{secure}")
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_session_cookie(secure: bool) -> String {
    session_cookie("", 0, secure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_http_only_and_lax() {
        let cookie = session_cookie("abc", 60, false);
        assert_eq!(
            cookie,
            "sid=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60"
        );
        assert!(session_cookie("abc", 60, true).ends_with("; Secure"));
        assert!(clear_session_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn tokens_are_stored_hashed() {
        let hash = token_hash("token");
        assert_eq!(hash.len(), 64);
        assert_ne!(hash, "token");
        assert_eq!(hash, token_hash("token"));
    }
}
