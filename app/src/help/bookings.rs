//! Booking a member's service, or offering help with a need, and what follows (PRODUCT §2.3): the
//! member's side (the member through their linked account, or a coordinator acting for them —
//! logged) accepts or declines and later confirms it was done; the resident may cancel before it
//! is done and say thanks after. Every step tells the other side; notices name the service or
//! need, never the member.

use super::db::log_proxy;
use super::model::{BookingKind, BookingStatus, ProxyAction};
pub use super::records::Booking;
use crate::notifications::{db::notify, model::Notice};
use sqlx::AnyConnection;

/// Who acts on the member's side: the member themselves, or a coordinator for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberSide<'a> {
    Member(i64),
    /// A coordinator acting for the member: (their id, their name), written to the proxy log.
    Coordinator(i64, &'a str),
}

impl MemberSide<'_> {
    fn user(self) -> i64 {
        match self {
            MemberSide::Member(id) | MemberSide::Coordinator(id, _) => id,
        }
    }
}

/// What asking came to.
#[derive(Debug, PartialEq, Eq)]
pub enum BookOutcome {
    Booked(i64),
    /// No such service or open need of a listed member.
    NotOpen,
    /// One does not book one's own service.
    OwnService,
}

/// What a step came to.
#[derive(Debug, PartialEq, Eq)]
pub enum BookingStep {
    Done,
    /// The booking is not in the state this step needs.
    NotNow,
}

/// What the resident asks for.
#[derive(Clone, Debug)]
pub struct BookingRequest<'a> {
    pub kind: BookingKind,
    /// The service's or need's id.
    pub target: i64,
    pub time_preference: &'a str,
    pub message: &'a str,
}

/// The booked service's or need's member, title, price in fen, unit, and the member's account.
type BookedRow = (i64, String, i64, Option<String>, Option<i64>);

pub async fn book(
    conn: &mut AnyConnection,
    resident: i64,
    request: BookingRequest<'_>,
    now: i64,
) -> Result<BookOutcome, sqlx::Error> {
    let sql = match request.kind {
        BookingKind::Service => {
            "SELECT s.member_id, s.title, s.price_fen, s.unit, m.user_id FROM coop_services s \
             JOIN coop_members m ON m.id = s.member_id WHERE s.id = $1 AND m.deleted_at IS NULL"
        }
        BookingKind::Help => {
            "SELECT n.member_id, n.title, 0 AS price_fen, NULL AS unit, m.user_id FROM coop_needs n \
             JOIN coop_members m ON m.id = n.member_id WHERE n.id = $1 AND n.met_at IS NULL \
             AND m.deleted_at IS NULL"
        }
    };
    let target: Option<BookedRow> = sqlx::query_as(sql)
        .bind(request.target)
        .fetch_optional(&mut *conn)
        .await?;
    let Some((member, title, price_fen, unit, linked)) = target else {
        return Ok(BookOutcome::NotOpen);
    };
    if linked == Some(resident) {
        return Ok(BookOutcome::OwnService);
    }
    let (service_id, need_id) = match request.kind {
        BookingKind::Service => (Some(request.target), None),
        BookingKind::Help => (None, Some(request.target)),
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO coop_bookings (member_id, kind, service_id, need_id, title, price_fen, unit, \
         resident_id, time_preference, message, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
    )
    .bind(member)
    .bind(request.kind.as_str())
    .bind(service_id)
    .bind(need_id)
    .bind(&title)
    .bind(price_fen)
    .bind(unit)
    .bind(resident)
    .bind(request.time_preference)
    .bind(request.message)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    let notice = Notice::HelpBooking {
        booking_id: id,
        title,
        status: BookingStatus::Requested,
    };
    for person in member_side(conn, member).await? {
        notify(conn, person, &notice, now).await?;
    }
    Ok(BookOutcome::Booked(id))
}

/// Who hears about a booking on the member's side: the member's own account if linked, else the
/// cooperative's coordinators (who answer for members without a phone).
async fn member_side(conn: &mut AnyConnection, member: i64) -> Result<Vec<i64>, sqlx::Error> {
    let linked: Option<i64> = sqlx::query_scalar("SELECT user_id FROM coop_members WHERE id = $1")
        .bind(member)
        .fetch_optional(&mut *conn)
        .await?
        .flatten();
    if let Some(user) = linked {
        return Ok(vec![user]);
    }
    sqlx::query_scalar(
        "SELECT s.user_id FROM org_members s JOIN coop_members m ON m.org_id = s.org_id \
         WHERE m.id = $1 ORDER BY s.user_id",
    )
    .bind(member)
    .fetch_all(conn)
    .await
}

/// A resident's name, or none once their account is deleted (shown as such).
const SELECT: &str =
    "SELECT b.id, b.member_id, m.org_id, b.kind, b.title, b.price_fen, b.resident_id, \
     CASE WHEN u.deleted_at IS NULL THEN u.display_name END, b.time_preference, b.message, b.status, b.thanks, b.created_at \
     FROM coop_bookings b JOIN coop_members m ON m.id = b.member_id \
     LEFT JOIN users u ON u.id = b.resident_id";

type BookingRow = (
    i64,
    i64,
    i64,
    String,
    String,
    i64,
    Option<i64>,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
    i64,
);

fn booking(row: BookingRow) -> Option<Booking> {
    let (id, member_id, org_id, kind, title, price_fen, resident_id, resident_name) =
        (row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7);
    Some(Booking {
        id,
        member_id,
        org_id,
        kind: BookingKind::parse(&kind)?,
        title,
        price_fen,
        resident_id,
        resident_name,
        time_preference: row.8,
        message: row.9,
        status: BookingStatus::parse(&row.10)?,
        thanks: row.11,
        created_at: row.12,
    })
}

pub async fn find(conn: &mut AnyConnection, id: i64) -> Result<Option<Booking>, sqlx::Error> {
    let row: Option<BookingRow> = sqlx::query_as(&format!("{SELECT} WHERE b.id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.and_then(booking))
}

/// A member's bookings, newest first.
pub async fn of_member(conn: &mut AnyConnection, member: i64) -> Result<Vec<Booking>, sqlx::Error> {
    let rows: Vec<BookingRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE b.member_id = $1 ORDER BY b.created_at DESC, b.id DESC"
    ))
    .bind(member)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().filter_map(booking).collect())
}

/// How many bookings wait for an answer, for each of `members` that has any.
pub async fn waiting_counts(
    conn: &mut AnyConnection,
    members: &[i64],
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT member_id, COUNT(*) FROM coop_bookings WHERE status = $1 \
         AND member_id IN ({}) GROUP BY member_id",
        super::db::id_list(members)
    ))
    .bind(BookingStatus::Requested.as_str())
    .fetch_all(conn)
    .await
}

/// A resident's bookings, newest first.
pub async fn of_resident(
    conn: &mut AnyConnection,
    resident: i64,
) -> Result<Vec<Booking>, sqlx::Error> {
    let rows: Vec<BookingRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE b.resident_id = $1 ORDER BY b.created_at DESC, b.id DESC"
    ))
    .bind(resident)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().filter_map(booking).collect())
}

/// Moves a booking from one of `from` to `to`, stamping who and when; false when it was in none.
async fn move_status(
    conn: &mut AnyConnection,
    id: i64,
    from: &[BookingStatus],
    to: BookingStatus,
    by: Option<i64>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let from: Vec<String> = from.iter().map(|s| format!("'{}'", s.as_str())).collect();
    // $3 appears in every form: PostgreSQL must see each parameter to know its type.
    let stamp = match to {
        BookingStatus::Accepted | BookingStatus::Declined => "answered_by = $3, answered_at = $2",
        BookingStatus::Done => "answered_by = COALESCE(answered_by, $3), done_at = $2",
        _ => "answered_by = COALESCE(answered_by, $3)",
    };
    let sql = format!(
        "UPDATE coop_bookings SET status = $1, updated_at = $2, {stamp} \
         WHERE id = $4 AND status IN ({})",
        from.join(", ")
    );
    let moved = sqlx::query(&sql)
        .bind(to.as_str())
        .bind(now)
        .bind(by)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(moved.rows_affected() == 1)
}

/// The member's side answers a request, or confirms an accepted booking was done. A coordinator
/// acting for the member is written to the proxy log.
pub async fn answer(
    conn: &mut AnyConnection,
    booking: &Booking,
    side: MemberSide<'_>,
    to: BookingStatus,
    now: i64,
) -> Result<BookingStep, sqlx::Error> {
    let from: &[BookingStatus] = match to {
        BookingStatus::Accepted | BookingStatus::Declined => &[BookingStatus::Requested],
        BookingStatus::Done => &[BookingStatus::Accepted],
        _ => return Ok(BookingStep::NotNow),
    };
    if !move_status(conn, booking.id, from, to, Some(side.user()), now).await? {
        return Ok(BookingStep::NotNow);
    }
    if let (MemberSide::Coordinator(id, name), Some(action)) = (side, ProxyAction::answering(to)) {
        let member = booking.member_id;
        log_proxy(conn, member, (id, name), action, &booking.title, now).await?;
    }
    if let Some(resident) = booking.resident_id {
        let notice = Notice::HelpBooking {
            booking_id: booking.id,
            title: booking.title.clone(),
            status: to,
        };
        notify(conn, resident, &notice, now).await?;
    }
    Ok(BookingStep::Done)
}

/// The resident cancels a booking that is not done yet; the member's side is told.
pub async fn cancel(
    conn: &mut AnyConnection,
    booking: &Booking,
    now: i64,
) -> Result<BookingStep, sqlx::Error> {
    let open = [BookingStatus::Requested, BookingStatus::Accepted];
    if !move_status(conn, booking.id, &open, BookingStatus::Cancelled, None, now).await? {
        return Ok(BookingStep::NotNow);
    }
    let notice = Notice::HelpBooking {
        booking_id: booking.id,
        title: booking.title.clone(),
        status: BookingStatus::Cancelled,
    };
    for person in member_side(conn, booking.member_id).await? {
        notify(conn, person, &notice, now).await?;
    }
    Ok(BookingStep::Done)
}

/// The resident says thanks for a booking that was done (once).
pub async fn thank(
    conn: &mut AnyConnection,
    booking: &Booking,
    text: &str,
    now: i64,
) -> Result<BookingStep, sqlx::Error> {
    let thanked = sqlx::query(
        "UPDATE coop_bookings SET thanks = $1, thanked_at = $2, updated_at = $2 \
         WHERE id = $3 AND status = 'done' AND thanked_at IS NULL",
    )
    .bind(text)
    .bind(now)
    .bind(booking.id)
    .execute(&mut *conn)
    .await?;
    if thanked.rows_affected() != 1 {
        return Ok(BookingStep::NotNow);
    }
    let notice = Notice::HelpThanks {
        booking_id: booking.id,
        title: booking.title.clone(),
        text: text.to_string(),
    };
    for person in member_side(conn, booking.member_id).await? {
        notify(conn, person, &notice, now).await?;
    }
    Ok(BookingStep::Done)
}

/// What a deleted account leaves of its bookings: the ones still waiting or accepted are
/// cancelled (the member's side is told, as when a resident cancels), and what it wrote
/// (message, time, thanks) is blanked; the rest stays for the cooperative's figures.
pub async fn erase_resident(
    conn: &mut AnyConnection,
    resident: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    for booking in of_resident(conn, resident).await? {
        if matches!(
            booking.status,
            BookingStatus::Requested | BookingStatus::Accepted
        ) {
            cancel(conn, &booking, now).await?;
        }
    }
    sqlx::query(
        "UPDATE coop_bookings SET message = '', time_preference = '', thanks = NULL, \
         updated_at = $2 WHERE resident_id = $1",
    )
    .bind(resident)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
