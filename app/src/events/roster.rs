//! The roster: who holds a place, with the contact details only an event's organisers may see;
//! people added by hand (no phone or no account), and people removed by an organiser.

use super::hours::Attendance;
use super::model::Place;
use serde::{Deserialize, Serialize};

/// One person on the roster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub participant_id: i64,
    pub name: String,
    /// Mobile number or email; empty when unknown (an account since deleted).
    pub contact: String,
    /// The account proved its contact by a code (people added by hand have no account).
    pub contact_verified: bool,
    pub place: Place,
    /// Unix seconds.
    pub joined_at: i64,
    /// Added by an organiser for someone without the app.
    pub by_hand: bool,
    pub attendance: Option<Attendance>,
    /// Unix seconds; when they checked in and out with the event's code.
    pub checked_in_at: Option<i64>,
    pub checked_out_at: Option<i64>,
}

#[cfg(feature = "ssr")]
pub use db::*;

#[cfg(feature = "ssr")]
mod db {
    use super::*;
    use crate::db::columns::Flag;
    use crate::events::model::JoinOutcome;
    use sqlx::{AnyConnection, AnyPool, FromRow};

    #[derive(FromRow)]
    struct Row {
        id: i64,
        name: Option<String>,
        contact: Option<String>,
        contact_verified: Flag,
        status: String,
        joined_at: i64,
        by_hand: Flag,
        attendance: Option<String>,
        checked_in_at: Option<i64>,
        checked_out_at: Option<i64>,
    }

    /// Everyone holding a seat (in the order they got it) and then everyone waiting, in order.
    pub async fn roster(pool: &AnyPool, event_id: i64) -> Result<Vec<RosterEntry>, sqlx::Error> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT p.id, COALESCE(p.guest_name, u.display_name) AS name, \
             COALESCE(p.guest_phone, u.contact) AS contact, \
             CASE WHEN u.contact_verified_at IS NULL THEN 0 ELSE 1 END AS contact_verified, \
             p.status, p.joined_at, \
             CASE WHEN p.user_id IS NULL AND p.guest_name IS NOT NULL THEN 1 ELSE 0 END AS by_hand, \
             p.attendance, p.checked_in_at, p.checked_out_at \
             FROM event_participants p LEFT JOIN users u ON u.id = p.user_id \
             WHERE p.event_id = $1 AND p.status IN ('going', 'waitlisted') \
             ORDER BY CASE p.status WHEN 'going' THEN 0 ELSE 1 END, p.queue_no, p.updated_at, p.id",
        )
        .bind(event_id)
        .fetch_all(pool)
        .await?;
        let mut position = 0;
        Ok(rows
            .into_iter()
            .map(|row| {
                let place = if row.status == "going" {
                    Place::Going
                } else {
                    position += 1;
                    Place::Waitlisted { position }
                };
                RosterEntry {
                    participant_id: row.id,
                    name: row.name.unwrap_or_default(),
                    contact: row.contact.unwrap_or_default(),
                    contact_verified: row.contact_verified.into(),
                    place,
                    joined_at: row.joined_at,
                    by_hand: row.by_hand.into(),
                    attendance: row.attendance.as_deref().and_then(Attendance::parse),
                    checked_in_at: row.checked_in_at,
                    checked_out_at: row.checked_out_at,
                }
            })
            .collect())
    }

    /// Adds someone without the app: a seat if one is free, else the end of the waitlist. The
    /// deadlines do not apply (the organiser decides); a closed event takes nobody.
    pub async fn add_by_hand(
        conn: &mut AnyConnection,
        event_id: i64,
        name: &str,
        phone: &str,
        actor_id: i64,
        now: i64,
    ) -> Result<JoinOutcome, sqlx::Error> {
        super::super::signup::take_place(conn, event_id, None, Some((name, phone)), actor_id, now)
            .await
    }
}
