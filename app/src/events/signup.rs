//! Who holds a place at an event, and the one way places change hands. Every function here runs
//! inside a write transaction and begins by taking the event's row lock (`lock`), so sign-ups for
//! one event happen one after another on both databases: seats are never over-given, the waitlist
//! is numbered in arrival order, and a freed seat goes to the first person waiting in the same
//! transaction that freed it.

use super::model::{EventStatus, JoinOutcome, LeaveOutcome, Place};
use crate::notifications::db::notify;
use crate::notifications::model::Notice;
use sqlx::{AnyConnection, AnyPool, FromRow};

/// The parts of an event that sign-ups depend on, read under its row lock.
#[derive(FromRow)]
struct Locked {
    title: String,
    status: String,
    capacity: Option<i64>,
    seats_taken: i64,
    starts_at: i64,
    signup_deadline: Option<i64>,
    cancel_deadline: Option<i64>,
    /// This change's number: later changes get larger ones.
    signup_seq: i64,
}

impl Locked {
    fn has_free_seat(&self) -> bool {
        self.capacity.is_none_or(|c| self.seats_taken < c)
    }

    fn is_published(&self) -> bool {
        self.status == EventStatus::Published.as_str()
    }
}

/// Takes the event's row lock until the transaction ends. An `UPDATE` locks the row on PostgreSQL;
/// on SQLite the write transaction (`BEGIN IMMEDIATE`) already excludes other writers.
async fn lock(conn: &mut AnyConnection, event_id: i64) -> Result<Locked, sqlx::Error> {
    sqlx::query_as(
        "UPDATE events SET signup_seq = signup_seq + 1 WHERE id = $1 \
         RETURNING title, status, capacity, seats_taken, starts_at, signup_deadline, \
         cancel_deadline, signup_seq",
    )
    .bind(event_id)
    .fetch_optional(conn)
    .await?
    .ok_or(sqlx::Error::RowNotFound)
}

#[derive(FromRow)]
struct ParticipantRow {
    id: i64,
    status: String,
    queue_no: Option<i64>,
}

async fn participant(
    conn: &mut AnyConnection,
    event_id: i64,
    user_id: i64,
) -> Result<Option<ParticipantRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, status, queue_no FROM event_participants WHERE event_id = $1 AND user_id = $2",
    )
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

/// 1 for the first person waiting.
async fn waitlist_position(
    conn: &mut AnyConnection,
    event_id: i64,
    queue_no: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_participants \
         WHERE event_id = $1 AND status = 'waitlisted' AND queue_no <= $2",
    )
    .bind(event_id)
    .bind(queue_no)
    .fetch_one(conn)
    .await
}

async fn place_of_row(
    conn: &mut AnyConnection,
    event_id: i64,
    row: &ParticipantRow,
) -> Result<Option<Place>, sqlx::Error> {
    Ok(match (row.status.as_str(), row.queue_no) {
        ("going", _) => Some(Place::Going),
        ("waitlisted", Some(queue_no)) => Some(Place::Waitlisted {
            position: waitlist_position(conn, event_id, queue_no).await?,
        }),
        _ => None,
    })
}

/// Where `user_id` stands at an event: a seat, a place in the queue, or nothing.
pub async fn place_of(
    pool: &AnyPool,
    event_id: i64,
    user_id: i64,
) -> Result<Option<Place>, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    match participant(&mut conn, event_id, user_id).await? {
        Some(row) => place_of_row(&mut conn, event_id, &row).await,
        None => Ok(None),
    }
}

async fn log(
    conn: &mut AnyConnection,
    event_id: i64,
    participant_id: i64,
    action: &str,
    actor_id: Option<i64>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO event_signup_log (event_id, participant_id, action, actor_id, at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(event_id)
    .bind(participant_id)
    .bind(action)
    .bind(actor_id)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Gives `user_id` a seat, or a place at the end of the waitlist when the event is full. One
/// place per person: asking again changes nothing.
pub async fn join(
    conn: &mut AnyConnection,
    event_id: i64,
    user_id: i64,
    now: i64,
) -> Result<JoinOutcome, sqlx::Error> {
    take_place(conn, event_id, Some(user_id), None, user_id, now).await
}

/// A seat if one is free, else the end of the waitlist: for a person with an account
/// (`user_id`), or for someone an organiser (`actor_id`) adds by name and phone (`guest`), to
/// whom the sign-up deadline does not apply.
pub(crate) async fn take_place(
    conn: &mut AnyConnection,
    event_id: i64,
    user_id: Option<i64>,
    guest: Option<(&str, &str)>,
    actor_id: i64,
    now: i64,
) -> Result<JoinOutcome, sqlx::Error> {
    let event = lock(conn, event_id).await?;
    if !event.is_published() {
        return Ok(JoinOutcome::NotOpen);
    }
    let existing = match user_id {
        Some(user_id) => participant(conn, event_id, user_id).await?,
        None => None,
    };
    if let Some(row) = &existing {
        if let Some(place) = place_of_row(conn, event_id, row).await? {
            return Ok(JoinOutcome::AlreadyIn(place));
        }
    }
    let by_organiser = guest.is_some();
    if !by_organiser && now >= event.signup_deadline.unwrap_or(event.starts_at) {
        return Ok(JoinOutcome::SignupClosed);
    }
    let (status, queue_no) = if event.has_free_seat() {
        ("going", None)
    } else {
        ("waitlisted", Some(event.signup_seq))
    };
    let added_by = by_organiser.then_some(actor_id);
    let participant_id = match existing {
        Some(row) => {
            sqlx::query(
                "UPDATE event_participants SET status = $1, queue_no = $2, joined_at = $3, \
                 updated_at = $3, added_by = NULL WHERE id = $4",
            )
            .bind(status)
            .bind(queue_no)
            .bind(now)
            .bind(row.id)
            .execute(&mut *conn)
            .await?;
            row.id
        }
        None => {
            let (guest_name, guest_phone) = guest.unzip();
            sqlx::query_scalar(
                "INSERT INTO event_participants (event_id, user_id, guest_name, guest_phone, status, \
                 queue_no, joined_at, updated_at, added_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) \
                 RETURNING id",
            )
            .bind(event_id)
            .bind(user_id)
            .bind(guest_name)
            .bind(guest_phone)
            .bind(status)
            .bind(queue_no)
            .bind(now)
            .bind(added_by)
            .fetch_one(&mut *conn)
            .await?
        }
    };
    let counter = if queue_no.is_none() {
        "UPDATE events SET seats_taken = seats_taken + 1 WHERE id = $1"
    } else {
        "UPDATE events SET waitlist_length = waitlist_length + 1 WHERE id = $1"
    };
    sqlx::query(counter)
        .bind(event_id)
        .execute(&mut *conn)
        .await?;
    let action = if queue_no.is_none() {
        "joined"
    } else {
        "waitlisted"
    };
    log(conn, event_id, participant_id, action, Some(actor_id), now).await?;
    Ok(JoinOutcome::Joined(match queue_no {
        None => Place::Going,
        Some(queue_no) => Place::Waitlisted {
            position: waitlist_position(conn, event_id, queue_no).await?,
        },
    }))
}

/// An organiser takes someone off the roster (whatever the deadlines); a freed seat goes to the
/// first person waiting. False when that person held no place here.
pub async fn remove(
    conn: &mut AnyConnection,
    event_id: i64,
    participant_id: i64,
    actor_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let event = lock(conn, event_id).await?;
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM event_participants WHERE id = $1 AND event_id = $2")
            .bind(participant_id)
            .bind(event_id)
            .fetch_optional(&mut *conn)
            .await?;
    let held_seat = match status.as_deref() {
        Some("going") => true,
        Some("waitlisted") => false,
        _ => return Ok(false),
    };
    release(
        conn,
        event_id,
        participant_id,
        held_seat,
        "removed",
        Some(actor_id),
        now,
    )
    .await?;
    if held_seat && event.is_published() {
        fill_free_seats(conn, event_id, &event.title, now).await?;
    }
    Ok(true)
}

/// Gives up `user_id`'s place. A freed seat goes at once to the first person waiting, who is told.
pub async fn leave(
    conn: &mut AnyConnection,
    event_id: i64,
    user_id: i64,
    now: i64,
) -> Result<LeaveOutcome, sqlx::Error> {
    give_up(conn, event_id, user_id, now, false).await
}

/// A deleted account's places at events still to come are given up, whatever the cancellation
/// deadline (nobody is coming), and the seats freed go to the people waiting.
pub async fn give_up_upcoming(
    conn: &mut AnyConnection,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    let events: Vec<i64> = sqlx::query_scalar(
        "SELECT p.event_id FROM event_participants p JOIN events e ON e.id = p.event_id \
         WHERE p.user_id = $1 AND p.status IN ('going', 'waitlisted') AND e.starts_at > $2 \
         ORDER BY p.event_id",
    )
    .bind(user_id)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    for event_id in events {
        give_up(conn, event_id, user_id, now, true).await?;
    }
    Ok(())
}

/// Gives up a place, read again under the event's lock (a seat may have come free for them
/// meanwhile); past the cancellation deadline only when `whatever_the_deadline`.
async fn give_up(
    conn: &mut AnyConnection,
    event_id: i64,
    user_id: i64,
    now: i64,
    whatever_the_deadline: bool,
) -> Result<LeaveOutcome, sqlx::Error> {
    let event = lock(conn, event_id).await?;
    let Some(row) = participant(conn, event_id, user_id).await? else {
        return Ok(LeaveOutcome::NotIn);
    };
    let held_seat = match row.status.as_str() {
        "going" => true,
        "waitlisted" => false,
        _ => return Ok(LeaveOutcome::NotIn),
    };
    // Once the event is near (or past) only its organisers change who comes; a cancelled event
    // needs nobody to leave.
    let too_late = !event.is_published() || now >= event.cancel_deadline.unwrap_or(event.starts_at);
    if too_late && !whatever_the_deadline {
        return Ok(LeaveOutcome::TooLate);
    }
    release(
        conn,
        event_id,
        row.id,
        held_seat,
        "left",
        Some(user_id),
        now,
    )
    .await?;
    if held_seat && event.is_published() {
        fill_free_seats(conn, event_id, &event.title, now).await?;
    }
    Ok(LeaveOutcome::Left)
}

/// Marks a place as given up (`left` by the person, `removed` by an organiser) and updates the
/// event's counters.
async fn release(
    conn: &mut AnyConnection,
    event_id: i64,
    participant_id: i64,
    held_seat: bool,
    how: &str,
    actor_id: Option<i64>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE event_participants SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(how)
        .bind(now)
        .bind(participant_id)
        .execute(&mut *conn)
        .await?;
    let counter = if held_seat {
        "UPDATE events SET seats_taken = seats_taken - 1 WHERE id = $1"
    } else {
        "UPDATE events SET waitlist_length = waitlist_length - 1 WHERE id = $1"
    };
    sqlx::query(counter)
        .bind(event_id)
        .execute(&mut *conn)
        .await?;
    let action = match (held_seat, how) {
        (false, "left") => "left_waitlist",
        (_, action) => action,
    };
    log(conn, event_id, participant_id, action, actor_id, now).await
}

/// Seats the people waiting longest while there are free seats (after someone leaves, or the
/// capacity grows), and tells each of them. The caller holds the event's lock. Returns how many
/// moved up.
pub(crate) async fn fill_free_seats(
    conn: &mut AnyConnection,
    event_id: i64,
    title: &str,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let mut promoted = 0;
    loop {
        let (capacity, taken): (Option<i64>, i64) =
            sqlx::query_as("SELECT capacity, seats_taken FROM events WHERE id = $1")
                .bind(event_id)
                .fetch_one(&mut *conn)
                .await?;
        if capacity.is_some_and(|c| taken >= c) {
            return Ok(promoted);
        }
        let next: Option<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT id, user_id FROM event_participants WHERE event_id = $1 AND status = 'waitlisted' \
             ORDER BY queue_no LIMIT 1",
        )
        .bind(event_id)
        .fetch_optional(&mut *conn)
        .await?;
        let Some((participant_id, user_id)) = next else {
            return Ok(promoted);
        };
        sqlx::query(
            "UPDATE event_participants SET status = 'going', updated_at = $1 WHERE id = $2",
        )
        .bind(now)
        .bind(participant_id)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "UPDATE events SET seats_taken = seats_taken + 1, waitlist_length = waitlist_length - 1 \
             WHERE id = $1",
        )
        .bind(event_id)
        .execute(&mut *conn)
        .await?;
        log(conn, event_id, participant_id, "promoted", None, now).await?;
        if let Some(user_id) = user_id {
            let notice = Notice::PromotedFromWaitlist {
                event_id,
                title: title.to_owned(),
            };
            notify(conn, user_id, &notice, now).await?;
        }
        promoted += 1;
    }
}

/// Everyone holding a seat or waiting, who has an account: those told when the event changes.
pub async fn people_with_places(
    conn: &mut AnyConnection,
    event_id: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT user_id FROM event_participants WHERE event_id = $1 \
         AND status IN ('going', 'waitlisted') AND user_id IS NOT NULL ORDER BY id",
    )
    .bind(event_id)
    .fetch_all(conn)
    .await
}

/// Takes the event's lock for an edit that may change its capacity; returns the seats taken.
pub(crate) async fn lock_for_edit(
    conn: &mut AnyConnection,
    event_id: i64,
) -> Result<i64, sqlx::Error> {
    Ok(lock(conn, event_id).await?.seats_taken)
}

/// Calls an event off (from draft or published) and tells everyone holding a seat or waiting;
/// false when it was neither any more.
pub(crate) async fn cancel(
    conn: &mut AnyConnection,
    event_id: i64,
    title: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut moved = false;
    for from in [EventStatus::Published, EventStatus::Draft] {
        moved = moved
            || super::db::set_status(conn, event_id, from, EventStatus::Cancelled, now).await?;
    }
    if moved {
        let notice = Notice::EventCancelled {
            event_id,
            title: title.to_owned(),
        };
        for person in people_with_places(conn, event_id).await? {
            notify(conn, person, &notice, now).await?;
        }
    }
    Ok(moved)
}
