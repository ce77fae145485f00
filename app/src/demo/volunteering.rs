//! Demo attendance and hours on the demo events that are over: most people came, checked in
//! and out and had their hours confirmed; the newest hours still wait for confirmation; and at
//! larger events one person did not come.

use crate::events::hours::{credit, mark_attendance, record_no_shows, review, Attendance, Review};
use sqlx::AnyConnection;

/// Records what happened at a finished event `event_id` (which ran from `starts_at` to
/// `ends_at`), with `coordinator` confirming hours a day later if that is a week before `now`.
pub async fn attendance(
    conn: &mut AnyConnection,
    event_id: i64,
    starts_at: i64,
    ends_at: i64,
    coordinator: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    let seated: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, user_id FROM event_participants WHERE event_id = $1 AND status = 'going' \
         ORDER BY id",
    )
    .bind(event_id)
    .fetch_all(&mut *conn)
    .await?;
    // At larger events the last person did not come.
    let came = if seated.len() > 3 {
        seated.len() - 1
    } else {
        seated.len()
    };
    let confirmed_at = ends_at + 86_400;
    for (turn, (participant, user)) in seated.iter().take(came).enumerate() {
        let Some(user) = *user else {
            // The coordinator marks people added by hand (never themselves: they hold an account).
            let _marked = mark_attendance(
                conn,
                event_id,
                *participant,
                Attendance::Attended,
                coordinator,
                ends_at,
            )
            .await?;
            continue;
        };
        let checked_in = starts_at - 600 + 60 * turn as i64;
        sqlx::query(
            "UPDATE event_participants SET checked_in_at = $1, checked_out_at = $2, \
             attendance = 'attended' WHERE id = $3",
        )
        .bind(checked_in)
        .bind(ends_at)
        .bind(participant)
        .execute(&mut *conn)
        .await?;
        let minutes = (ends_at - starts_at) / 60;
        credit(conn, event_id, *participant, minutes, user, ends_at).await?;
    }
    record_no_shows(conn, event_id, ends_at + 3_600).await?;
    // Hours of events more than a week ago are confirmed; newer ones wait.
    if confirmed_at < now - 6 * 86_400 {
        let pending: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM volunteer_hours WHERE event_id = $1 AND status = 'pending'",
        )
        .bind(event_id)
        .fetch_all(&mut *conn)
        .await?;
        for id in pending {
            // Refused only for the coordinator's own hours, which then stay pending.
            let _reviewed = review(
                conn,
                event_id,
                id,
                Review::Approve,
                "",
                coordinator,
                confirmed_at,
            )
            .await?;
        }
    }
    Ok(())
}
