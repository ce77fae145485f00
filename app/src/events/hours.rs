//! Volunteer hours of an event: credit hours earned by checking in and out (or by an organiser
//! marking someone present), honour hours an organiser adds with a reason, and the organisers'
//! approval. Every change writes a log line with who, when and why.

use crate::locales::Lang;
use serde::{Deserialize, Serialize};

/// Whether someone who held a seat came.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attendance {
    Attended,
    NoShow,
}

impl Attendance {
    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::Attended => "attended",
            Attendance::NoShow => "no_show",
        }
    }

    pub fn parse(value: &str) -> Option<Attendance> {
        [Attendance::Attended, Attendance::NoShow]
            .into_iter()
            .find(|a| a.as_str() == value)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HoursKind {
    /// From check-in and check-out, capped by the event.
    Credit,
    /// Added by an organiser, with a reason.
    Honour,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HoursStatus {
    Pending,
    Approved,
    Rejected,
}

impl HoursStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            HoursStatus::Pending => "pending",
            HoursStatus::Approved => "approved",
            HoursStatus::Rejected => "rejected",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            HoursStatus::Pending => crate::locales::volunteering::status_pending(lang),
            HoursStatus::Approved => crate::locales::volunteering::status_approved(lang),
            HoursStatus::Rejected => crate::locales::volunteering::status_rejected(lang),
        }
    }

    pub fn parse(value: &str) -> HoursStatus {
        match value {
            "approved" => HoursStatus::Approved,
            "rejected" => HoursStatus::Rejected,
            _ => HoursStatus::Pending,
        }
    }
}

/// One record of hours at an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HoursEntry {
    pub id: i64,
    pub participant_id: i64,
    pub name: String,
    pub kind: HoursKind,
    pub minutes: i64,
    pub reason: String,
    pub status: HoursStatus,
    pub created_at: i64,
}

/// What happened to hours, as the change history shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HoursAction {
    Credited,
    Added,
    Approved,
    Rejected,
}

impl HoursAction {
    pub fn as_str(self) -> &'static str {
        match self {
            HoursAction::Credited => "credited",
            HoursAction::Added => "added",
            HoursAction::Approved => "approved",
            HoursAction::Rejected => "rejected",
        }
    }

    #[cfg(feature = "ssr")]
    fn parse(value: &str) -> HoursAction {
        match value {
            "added" => HoursAction::Added,
            "approved" => HoursAction::Approved,
            "rejected" => HoursAction::Rejected,
            _ => HoursAction::Credited,
        }
    }
}

/// One line of the change history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HoursLogEntry {
    pub hours_id: i64,
    /// Whose hours.
    pub name: String,
    pub action: HoursAction,
    pub minutes: i64,
    pub reason: String,
    /// Who did it; empty for an account since deleted.
    pub actor: String,
    pub at: i64,
}

/// An organiser's decision on hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Review {
    Approve,
    Reject,
}

/// Why a step on someone's hours was not taken, when it was not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoursRefusal {
    /// The participant holds no seat at the event (or the record is not of this event).
    NoSeat,
    /// Nobody adds, confirms or rejects hours for themselves.
    OwnHours,
    /// More minutes than the event lasted, added by the person now approving them: another
    /// organiser or a platform admin must approve.
    NeedsAnotherReviewer,
}

/// A refused step on hours as the error shown next to the form.
#[cfg(feature = "ssr")]
impl From<HoursRefusal> for crate::error::AppError {
    fn from(refusal: HoursRefusal) -> Self {
        use super::EventRefusal;
        match refusal {
            HoursRefusal::NoSeat => crate::error::AppError::NotFound,
            HoursRefusal::OwnHours => EventRefusal::OwnHours.into(),
            HoursRefusal::NeedsAnotherReviewer => EventRefusal::NeedsAnotherReviewer.into(),
        }
    }
}

/// The longest reason for honour hours or a rejection.
pub const REASON_MAX: usize = 500;
/// Honour hours at one event are at most a day.
pub const HONOUR_MAX_MINUTES: i64 = 24 * 60;

/// Reads hours typed as a decimal ("1.5", "２", "0.25") into whole minutes, 1 minute to a day.
pub fn parse_hours(typed: &str) -> Option<i64> {
    let typed: String = typed
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            c => c,
        })
        .collect();
    if typed.is_empty() || !typed.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let hours: f64 = typed.parse().ok()?;
    let minutes = (hours * 60.0).round() as i64;
    (1..=HONOUR_MAX_MINUTES)
        .contains(&minutes)
        .then_some(minutes)
}

#[cfg(feature = "ssr")]
pub use db::*;

#[cfg(feature = "ssr")]
mod db {
    use super::*;
    use sqlx::{AnyConnection, AnyPool, FromRow};

    #[derive(FromRow)]
    struct EntryRow {
        id: i64,
        participant_id: i64,
        name: Option<String>,
        kind: String,
        minutes: i64,
        reason: String,
        status: String,
        created_at: i64,
    }

    /// Who a participant is, for lists: their name on the roster or their account's name.
    const PERSON_NAME: &str = "COALESCE(p.guest_name, u.display_name)";

    /// Every record of hours at an event, pending ones first, then newest first.
    pub async fn event_hours(
        pool: &AnyPool,
        event_id: i64,
    ) -> Result<Vec<HoursEntry>, sqlx::Error> {
        let rows: Vec<EntryRow> = sqlx::query_as(&format!(
            "SELECT h.id, h.participant_id, {PERSON_NAME} AS name, h.kind, h.minutes, h.reason, \
             h.status, h.created_at \
             FROM volunteer_hours h JOIN event_participants p ON p.id = h.participant_id \
             LEFT JOIN users u ON u.id = p.user_id WHERE h.event_id = $1 \
             ORDER BY CASE h.status WHEN 'pending' THEN 0 ELSE 1 END, h.id DESC"
        ))
        .bind(event_id)
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| HoursEntry {
                id: row.id,
                participant_id: row.participant_id,
                name: row.name.unwrap_or_default(),
                kind: if row.kind == "honour" {
                    HoursKind::Honour
                } else {
                    HoursKind::Credit
                },
                minutes: row.minutes,
                reason: row.reason,
                status: HoursStatus::parse(&row.status),
                created_at: row.created_at,
            })
            .collect())
    }

    #[derive(FromRow)]
    struct LogRow {
        hours_id: i64,
        name: Option<String>,
        action: String,
        minutes: i64,
        reason: String,
        actor: Option<String>,
        at: i64,
    }

    /// The change history of an event's hours, newest first.
    pub async fn event_hours_log(
        pool: &AnyPool,
        event_id: i64,
    ) -> Result<Vec<HoursLogEntry>, sqlx::Error> {
        let rows: Vec<LogRow> = sqlx::query_as(&format!(
            "SELECT l.hours_id, {PERSON_NAME} AS name, l.action, l.minutes, l.reason, \
             a.display_name AS actor, l.at \
             FROM volunteer_hours_log l JOIN volunteer_hours h ON h.id = l.hours_id \
             JOIN event_participants p ON p.id = h.participant_id \
             LEFT JOIN users u ON u.id = p.user_id LEFT JOIN users a ON a.id = l.actor_id \
             WHERE h.event_id = $1 ORDER BY l.id DESC"
        ))
        .bind(event_id)
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| HoursLogEntry {
                hours_id: row.hours_id,
                name: row.name.unwrap_or_default(),
                action: HoursAction::parse(&row.action),
                minutes: row.minutes,
                reason: row.reason,
                actor: row.actor.unwrap_or_default(),
                at: row.at,
            })
            .collect())
    }

    async fn log(
        conn: &mut AnyConnection,
        hours_id: i64,
        action: HoursAction,
        minutes: i64,
        reason: &str,
        actor_id: i64,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO volunteer_hours_log (hours_id, action, minutes, reason, actor_id, at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(hours_id)
        .bind(action.as_str())
        .bind(minutes)
        .bind(reason)
        .bind(actor_id)
        .bind(now)
        .execute(conn)
        .await?;
        Ok(())
    }

    /// Records the minutes an attendance earned (pending approval), once per attendance: a
    /// second call (a resent check-out, an organiser marking someone who checked out) does
    /// nothing. Returns whether hours were recorded.
    pub async fn credit(
        conn: &mut AnyConnection,
        event_id: i64,
        participant_id: i64,
        minutes: i64,
        actor_id: i64,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO volunteer_hours (event_id, participant_id, kind, minutes, created_by, created_at) \
             VALUES ($1, $2, 'credit', $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(event_id)
        .bind(participant_id)
        .bind(minutes)
        .bind(actor_id)
        .bind(now)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(id) = id {
            log(conn, id, HoursAction::Credited, minutes, "", actor_id, now).await?;
        }
        Ok(id.is_some())
    }

    /// The account behind a seat at `event_id` (None for someone added by hand, without one);
    /// Err when there is no such seat.
    async fn seat_holder(
        conn: &mut AnyConnection,
        event_id: i64,
        participant_id: i64,
    ) -> Result<Result<Option<i64>, HoursRefusal>, sqlx::Error> {
        // A no-op update: the seat's row lock (PostgreSQL; SQLite holds the write lock), so
        // that hours added or approved at once for one person are counted one after another.
        let seat: Option<Option<i64>> = sqlx::query_scalar(
            "UPDATE event_participants SET updated_at = updated_at WHERE id = $1 AND event_id = $2 \
             AND status = 'going' RETURNING user_id",
        )
        .bind(participant_id)
        .bind(event_id)
        .fetch_optional(&mut *conn)
        .await?;
        Ok(seat.ok_or(HoursRefusal::NoSeat))
    }

    /// Whether `minutes` more for this participant would add up, with the hours they have
    /// already (those in `counted` states, leaving out record `except`), to more than the event
    /// lasted.
    async fn beyond_event_length(
        conn: &mut AnyConnection,
        event_id: i64,
        participant_id: i64,
        minutes: i64,
        counted: &str,
        except: i64,
    ) -> Result<bool, sqlx::Error> {
        let (length, already): (i64, i64) = sqlx::query_as(&format!(
            "SELECT (e.ends_at - e.starts_at) / 60, \
             CAST(COALESCE((SELECT SUM(h.minutes) FROM volunteer_hours h \
               WHERE h.participant_id = $2 AND h.id <> $3 AND h.status IN {counted}), 0) AS BIGINT) \
             FROM events e WHERE e.id = $1"
        ))
        .bind(event_id)
        .bind(participant_id)
        .bind(except)
        .fetch_one(&mut *conn)
        .await?;
        Ok(already + minutes > length)
    }

    /// Adds honour hours for someone who held a seat at the event, never for oneself. The
    /// organiser adding them vouches for them, so they count as approved at once, unless they
    /// take the person's hours at the event beyond its length: then they wait for another
    /// organiser or an admin. The record and whether it waits.
    pub async fn add_honour(
        conn: &mut AnyConnection,
        event_id: i64,
        participant_id: i64,
        minutes: i64,
        reason: &str,
        actor_id: i64,
        now: i64,
    ) -> Result<Result<(i64, HoursStatus), HoursRefusal>, sqlx::Error> {
        match seat_holder(conn, event_id, participant_id).await? {
            Err(refusal) => return Ok(Err(refusal)),
            Ok(Some(holder)) if holder == actor_id => return Ok(Err(HoursRefusal::OwnHours)),
            Ok(_) => {}
        }
        let counted = "('pending', 'approved')";
        let status =
            if beyond_event_length(conn, event_id, participant_id, minutes, counted, 0).await? {
                HoursStatus::Pending
            } else {
                HoursStatus::Approved
            };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO volunteer_hours \
             (event_id, participant_id, kind, minutes, reason, status, created_by, created_at) \
             VALUES ($1, $2, 'honour', $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(event_id)
        .bind(participant_id)
        .bind(minutes)
        .bind(reason)
        .bind(status.as_str())
        .bind(actor_id)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        log(conn, id, HoursAction::Added, minutes, reason, actor_id, now).await?;
        Ok(Ok((id, status)))
    }

    /// Approves or rejects hours of this event. Either can correct the other (hours rejected by
    /// mistake, or approved for someone who turns out not to have come). Nobody decides on their
    /// own hours, and hours beyond the event's length are approved by someone other than who
    /// recorded them. Ok(false) when nothing changed.
    pub async fn review(
        conn: &mut AnyConnection,
        event_id: i64,
        hours_id: i64,
        decision: Review,
        reason: &str,
        actor_id: i64,
        now: i64,
    ) -> Result<Result<bool, HoursRefusal>, sqlx::Error> {
        let record: Option<(i64, i64, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT h.participant_id, h.minutes, h.created_by, p.user_id FROM volunteer_hours h \
             JOIN event_participants p ON p.id = h.participant_id \
             WHERE h.id = $1 AND h.event_id = $2",
        )
        .bind(hours_id)
        .bind(event_id)
        .fetch_optional(&mut *conn)
        .await?;
        let Some((participant_id, minutes, created_by, holder)) = record else {
            return Ok(Ok(false));
        };
        if holder == Some(actor_id) {
            return Ok(Err(HoursRefusal::OwnHours));
        }
        // The seat's row lock, as in `seat_holder`.
        sqlx::query("UPDATE event_participants SET updated_at = updated_at WHERE id = $1")
            .bind(participant_id)
            .execute(&mut *conn)
            .await?;
        if decision == Review::Approve
            && created_by == Some(actor_id)
            && beyond_event_length(
                conn,
                event_id,
                participant_id,
                minutes,
                "('approved')",
                hours_id,
            )
            .await?
        {
            return Ok(Err(HoursRefusal::NeedsAnotherReviewer));
        }
        let (to, from, action) = match decision {
            Review::Approve => ("approved", "('pending', 'rejected')", HoursAction::Approved),
            Review::Reject => ("rejected", "('pending', 'approved')", HoursAction::Rejected),
        };
        let changed: Option<i64> = sqlx::query_scalar(&format!(
            "UPDATE volunteer_hours SET status = $1 WHERE id = $2 AND event_id = $3 \
             AND status IN {from} RETURNING minutes"
        ))
        .bind(to)
        .bind(hours_id)
        .bind(event_id)
        .fetch_optional(&mut *conn)
        .await?;
        if changed.is_some() {
            log(conn, hours_id, action, minutes, reason, actor_id, now).await?;
        }
        Ok(Ok(changed.is_some()))
    }

    /// Whether any hours are recorded at the event (its times are then fixed).
    pub async fn any_recorded(
        conn: &mut AnyConnection,
        event_id: i64,
    ) -> Result<bool, sqlx::Error> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM volunteer_hours WHERE event_id = $1 LIMIT 1")
                .bind(event_id)
                .fetch_optional(conn)
                .await?;
        Ok(found.is_some())
    }

    /// Approves every pending record of the event that `actor_id` may approve (not their own,
    /// not hours beyond the event's length that they recorded); returns how many.
    pub async fn approve_pending(
        conn: &mut AnyConnection,
        event_id: i64,
        actor_id: i64,
        now: i64,
    ) -> Result<usize, sqlx::Error> {
        let pending: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM volunteer_hours WHERE event_id = $1 AND status = 'pending' ORDER BY id",
        )
        .bind(event_id)
        .fetch_all(&mut *conn)
        .await?;
        let mut approved = 0;
        for id in pending {
            if review(conn, event_id, id, Review::Approve, "", actor_id, now).await? == Ok(true) {
                approved += 1;
            }
        }
        Ok(approved)
    }

    /// An organiser's word on whether someone else came. "Attended" credits the event's hours
    /// when the person has none yet (they did not check in, say, having no phone); "no-show"
    /// withdraws credit hours.
    pub async fn mark_attendance(
        conn: &mut AnyConnection,
        event_id: i64,
        participant_id: i64,
        attendance: Attendance,
        actor_id: i64,
        now: i64,
    ) -> Result<Result<(), HoursRefusal>, sqlx::Error> {
        match seat_holder(conn, event_id, participant_id).await? {
            Err(refusal) => return Ok(Err(refusal)),
            Ok(Some(holder)) if holder == actor_id => return Ok(Err(HoursRefusal::OwnHours)),
            Ok(_) => {}
        }
        let (starts_at, ends_at, credit_minutes): (i64, i64, Option<i64>) =
            sqlx::query_as("SELECT starts_at, ends_at, credit_minutes FROM events WHERE id = $1")
                .bind(event_id)
                .fetch_one(&mut *conn)
                .await?;
        sqlx::query("UPDATE event_participants SET attendance = $1, updated_at = $2 WHERE id = $3")
            .bind(attendance.as_str())
            .bind(now)
            .bind(participant_id)
            .execute(&mut *conn)
            .await?;
        match attendance {
            Attendance::Attended => {
                let minutes = credit_minutes.unwrap_or((ends_at - starts_at) / 60);
                credit(conn, event_id, participant_id, minutes, actor_id, now).await?;
            }
            Attendance::NoShow => {
                let credited: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM volunteer_hours WHERE participant_id = $1 AND kind = 'credit'",
                )
                .bind(participant_id)
                .fetch_optional(&mut *conn)
                .await?;
                if let Some(id) = credited {
                    if let Err(refusal) =
                        review(conn, event_id, id, Review::Reject, "", actor_id, now).await?
                    {
                        return Ok(Err(refusal));
                    }
                }
            }
        }
        Ok(Ok(()))
    }

    /// Once an event is over, everyone who held a seat and was not marked present is recorded as
    /// a no-show. Returns how many were recorded.
    pub async fn record_no_shows(
        conn: &mut AnyConnection,
        event_id: i64,
        now: i64,
    ) -> Result<u64, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE event_participants SET attendance = 'no_show', updated_at = $2 \
             WHERE event_id = $1 AND status = 'going' AND attendance IS NULL \
             AND EXISTS (SELECT 1 FROM events e WHERE e.id = $1 AND e.ends_at <= $2)",
        )
        .bind(event_id)
        .bind(now)
        .execute(conn)
        .await?;
        Ok(done.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_read_as_decimals_in_either_width() {
        assert_eq!(parse_hours("1.5"), Some(90));
        assert_eq!(parse_hours(" 2 "), Some(120));
        assert_eq!(parse_hours("０．５"), Some(30));
        assert_eq!(parse_hours("0.25"), Some(15));
        assert_eq!(parse_hours("24"), Some(1440));
        for bad in ["", "0", "25", "-1", "1,5", "两", "1e2", "."] {
            assert_eq!(parse_hours(bad), None, "{bad}");
        }
    }
}
