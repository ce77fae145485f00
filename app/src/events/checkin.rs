//! Checking in and out with the event's code, in the database. Like sign-ups, each attempt takes
//! the event's row lock first, so two attempts by one person (a double tap, a resent form) are
//! handled one after the other: the second finds the first done, and an attendance is credited
//! once (a unique index makes sure of it too).

use super::attendance::{accepts, credited_minutes, window_open};
use super::hours::{credit, HoursStatus};
use crate::db::columns::Flag;
use sqlx::{AnyConnection, AnyPool, FromRow};

/// What a check-in attempt did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CheckinOutcome {
    CheckedIn,
    /// Checked out; this many minutes are credited, waiting for the organisers' approval.
    CheckedOut {
        minutes: i64,
    },
    /// Checked in and out already: nothing more to do.
    AlreadyDone,
    WrongCode,
    /// Too many wrong codes from this person in the last minute: not checked.
    TooManyTries,
    /// Not during the event (with its margin), or the event is not on.
    Closed,
    /// No seat at this event, and it takes no walk-ins.
    NotJoined,
}

#[derive(FromRow)]
struct EventRow {
    status: String,
    starts_at: i64,
    ends_at: i64,
    credit_minutes: Option<i64>,
    checkin_secret: Option<String>,
    walk_ins: Flag,
}

/// The event's secret if it has one yet (a read: the code screen refreshes every few seconds).
pub async fn stored_secret(pool: &AnyPool, event_id: i64) -> Result<Option<Vec<u8>>, sqlx::Error> {
    let stored: Option<Option<String>> =
        sqlx::query_scalar("SELECT checkin_secret FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_optional(pool)
            .await?;
    Ok(stored.flatten().map(String::into_bytes))
}

/// The event's secret, made the first time it is needed. The caller holds a write transaction.
pub async fn secret_of(conn: &mut AnyConnection, event_id: i64) -> Result<Vec<u8>, sqlx::Error> {
    let existing: Option<Option<String>> =
        sqlx::query_scalar("SELECT checkin_secret FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_optional(&mut *conn)
            .await?;
    match existing {
        None => Err(sqlx::Error::RowNotFound),
        Some(Some(hex)) => Ok(hex.into_bytes()),
        Some(None) => {
            use rand::RngCore as _;
            let mut bytes = [0u8; 32];
            rand::rng().fill_bytes(&mut bytes);
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            sqlx::query(
                "UPDATE events SET checkin_secret = $1 WHERE id = $2 AND checkin_secret IS NULL",
            )
            .bind(&hex)
            .bind(event_id)
            .execute(&mut *conn)
            .await?;
            Ok(hex.into_bytes())
        }
    }
}

/// Checks `user_id` in with `typed` (the first time) or out (the second), at `now`.
pub async fn check_in(
    conn: &mut AnyConnection,
    event_id: i64,
    user_id: i64,
    typed: &str,
    now: i64,
) -> Result<CheckinOutcome, sqlx::Error> {
    // The event's row lock, as in `signup`.
    let event: EventRow = sqlx::query_as(
        "UPDATE events SET signup_seq = signup_seq + 1 WHERE id = $1 \
         RETURNING status, starts_at, ends_at, credit_minutes, checkin_secret, walk_ins",
    )
    .bind(event_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(sqlx::Error::RowNotFound)?;
    let on = matches!(event.status.as_str(), "published" | "completed");
    let Some(secret) = event
        .checkin_secret
        .filter(|_| on && window_open(event.starts_at, event.ends_at, now))
    else {
        return Ok(CheckinOutcome::Closed);
    };
    use crate::accounts::code_tries::{may_try, record_wrong, CodePurpose::Checkin};
    if !may_try(conn, user_id, Checkin, now).await? {
        return Ok(CheckinOutcome::TooManyTries);
    }
    if !accepts(secret.as_bytes(), event_id, typed, now) {
        record_wrong(conn, user_id, Checkin, now).await?;
        return Ok(CheckinOutcome::WrongCode);
    }
    let row: Option<(i64, String, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT id, status, checked_in_at, checked_out_at FROM event_participants \
         WHERE event_id = $1 AND user_id = $2",
    )
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (participant_id, checked_in_at, checked_out_at) = match row {
        Some((id, status, checked_in, checked_out)) if status == "going" => {
            (id, checked_in, checked_out)
        }
        _ if bool::from(event.walk_ins) => (
            walk_in(conn, event_id, user_id, row.map(|r| r.0), now).await?,
            None,
            None,
        ),
        _ => return Ok(CheckinOutcome::NotJoined),
    };
    match (checked_in_at, checked_out_at) {
        (None, _) => {
            sqlx::query(
                "UPDATE event_participants SET checked_in_at = $1, attendance = 'attended', updated_at = $1 \
                 WHERE id = $2",
            )
            .bind(now)
            .bind(participant_id)
            .execute(&mut *conn)
            .await?;
            Ok(CheckinOutcome::CheckedIn)
        }
        (Some(checked_in), None) => {
            sqlx::query(
                "UPDATE event_participants SET checked_out_at = $1, updated_at = $1 WHERE id = $2",
            )
            .bind(now)
            .bind(participant_id)
            .execute(&mut *conn)
            .await?;
            let cap = event
                .credit_minutes
                .unwrap_or((event.ends_at - event.starts_at) / 60);
            let minutes = credited_minutes(checked_in, now, event.starts_at, event.ends_at, cap);
            credit(conn, event_id, participant_id, minutes, user_id, now).await?;
            Ok(CheckinOutcome::CheckedOut { minutes })
        }
        (Some(_), Some(_)) => Ok(CheckinOutcome::AlreadyDone),
    }
}

/// Someone who did not sign up, at an event that welcomes walk-ins: they hold a seat from now
/// (beyond the capacity if need be: they are there).
async fn walk_in(
    conn: &mut AnyConnection,
    event_id: i64,
    user_id: i64,
    existing: Option<i64>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let id = match existing {
        Some(id) => {
            sqlx::query(
                "UPDATE event_participants SET status = 'going', queue_no = NULL, updated_at = $1 WHERE id = $2",
            )
            .bind(now)
            .bind(id)
            .execute(&mut *conn)
            .await?;
            id
        }
        None => sqlx::query_scalar(
            "INSERT INTO event_participants (event_id, user_id, status, joined_at, updated_at) \
                 VALUES ($1, $2, 'going', $3, $3) RETURNING id",
        )
        .bind(event_id)
        .bind(user_id)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?,
    };
    // A walk-in takes a seat only where seats are not counted against a limit already full.
    sqlx::query(
        "UPDATE events SET seats_taken = seats_taken + 1 WHERE id = $1 \
         AND (capacity IS NULL OR seats_taken < capacity)",
    )
    .bind(event_id)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// How many hold a seat at the event, and how many of them have checked in or were marked present.
pub async fn counts(pool: &AnyPool, event_id: i64) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN attendance = 'attended' THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM event_participants WHERE event_id = $1 AND status = 'going'",
    )
    .bind(event_id)
    .fetch_one(pool)
    .await
}

/// One person's check-in state at an event.
pub struct AttendanceOf {
    pub checked_in_at: Option<i64>,
    pub checked_out_at: Option<i64>,
    pub credit: Option<(i64, HoursStatus)>,
    pub walk_ins: bool,
}

/// Check-in, check-out, and the credited minutes with their status, of one seat.
type AttendanceRow = (Option<i64>, Option<i64>, Option<i64>, Option<String>);

pub async fn attendance_of(
    pool: &AnyPool,
    event_id: i64,
    user_id: i64,
) -> Result<AttendanceOf, sqlx::Error> {
    let row: Option<AttendanceRow> = sqlx::query_as(
        "SELECT p.checked_in_at, p.checked_out_at, h.minutes, h.status FROM event_participants p \
         LEFT JOIN volunteer_hours h ON h.participant_id = p.id AND h.kind = 'credit' \
         WHERE p.event_id = $1 AND p.user_id = $2 AND p.status = 'going'",
    )
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(pool)
    .await?;
    let walk_ins: Flag = sqlx::query_scalar("SELECT walk_ins FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_one(pool)
        .await?;
    let (checked_in_at, checked_out_at, minutes, status) = row.unwrap_or_default();
    Ok(AttendanceOf {
        checked_in_at,
        checked_out_at,
        credit: minutes.zip(status.as_deref().map(HoursStatus::parse)),
        walk_ins: walk_ins.into(),
    })
}
