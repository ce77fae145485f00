//! Wrong one-time codes typed (an event's check-in code, a listing's handover code). A six-digit
//! code falls to enough guesses, so each person gets a few wrong tries a minute, counted in the
//! database (several servers share one count) inside the transaction that checks the code.

use sqlx::AnyConnection;

/// Wrong tries one person may make per minute, for each kind of code.
pub const WRONG_TRIES_PER_MINUTE: i64 = 5;
const MINUTE: i64 = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodePurpose {
    Checkin,
    Handover,
}

impl CodePurpose {
    fn as_str(self) -> &'static str {
        match self {
            CodePurpose::Checkin => "checkin",
            CodePurpose::Handover => "handover",
        }
    }
}

/// Whether `user_id` may try a code now: fewer wrong tries than allowed in the last minute. Takes
/// the person's row lock first (PostgreSQL; SQLite's write lock is held already), so tries sent
/// at once are counted one after another.
pub async fn may_try(
    conn: &mut AnyConnection,
    user_id: i64,
    purpose: CodePurpose,
    now: i64,
) -> Result<bool, sqlx::Error> {
    super::db::lock_person(conn, user_id).await?;
    let wrong: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM code_tries WHERE user_id = $1 AND purpose = $2 AND at > $3",
    )
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(now - MINUTE)
    .fetch_one(&mut *conn)
    .await?;
    Ok(wrong < WRONG_TRIES_PER_MINUTE)
}

/// Records one wrong try, and forgets this person's tries that no longer count.
pub async fn record_wrong(
    conn: &mut AnyConnection,
    user_id: i64,
    purpose: CodePurpose,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM code_tries WHERE user_id = $1 AND at <= $2")
        .bind(user_id)
        .bind(now - MINUTE)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO code_tries (user_id, purpose, at) VALUES ($1, $2, $3)")
        .bind(user_id)
        .bind(purpose.as_str())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
