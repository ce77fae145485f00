//! Asking for a listing and what follows (PRODUCT §2.2): the owner promises it to one person,
//! either side may back out, both confirm the handover (the taker with the giver's code, or each
//! with a tap), and a lent item is confirmed back. Every step runs in the caller's write
//! transaction and locks the listing's row first, so concurrent steps on one listing happen one
//! after another; the database also refuses a second taker (`item_requests_one_taker`).

use super::model::{ItemLimits, ItemMode, ItemRequest, ItemStatus, RequestStatus, EXPIRY_DAYS};
use crate::notifications::{db::notify, model::Notice};
use sqlx::{AnyConnection, FromRow};

const DAY: i64 = 86_400;
/// The window of the "received" fairness limit.
const RECEIVED_WINDOW: i64 = 28 * DAY;

#[derive(Debug, PartialEq, Eq)]
pub enum AskOutcome {
    Sent(i64),
    /// One does not ask for one's own listing.
    OwnItem,
    /// Promised, gone, withdrawn, expired or hidden.
    NotOpen,
    AlreadyAsked,
    TooManyOpen,
    TooManyReceived,
}

/// What a step on a request came to.
#[derive(Debug, PartialEq, Eq)]
pub enum StepOutcome {
    Done,
    /// The request or listing is not in the state this step needs (someone else acted first).
    NotNow,
    /// The person is not the owner or the asker this step needs.
    NotYours,
    /// The handover code typed is not the one the giver shows.
    WrongCode,
    /// Too many wrong codes from this person in the last minute: not checked.
    TooManyTries,
}

/// Wrong handover codes typed for one request before its code changes (the giver's page then
/// shows the new one), so that guessing starts over.
const HANDOVER_TRIES_PER_CODE: i64 = 3;

#[derive(FromRow)]
struct RequestRow {
    id: i64,
    item_id: i64,
    item_title: String,
    owner_id: i64,
    requester_id: i64,
    requester_name: String,
    requester_deleted_at: Option<i64>,
    message: String,
    status: String,
    giver_confirmed_at: Option<i64>,
    taker_confirmed_at: Option<i64>,
    due_at: Option<i64>,
    returned_at: Option<i64>,
    created_at: i64,
}

impl RequestRow {
    fn into_request(self) -> Option<ItemRequest> {
        Some(ItemRequest {
            id: self.id,
            item_id: self.item_id,
            item_title: self.item_title,
            owner_id: self.owner_id,
            requester_id: self.requester_id,
            requester_name: self.requester_name,
            requester_deleted: self.requester_deleted_at.is_some(),
            message: self.message,
            status: RequestStatus::parse(&self.status)?,
            giver_confirmed: self.giver_confirmed_at.is_some(),
            taker_confirmed: self.taker_confirmed_at.is_some(),
            due_at: self.due_at,
            returned_at: self.returned_at,
            created_at: self.created_at,
        })
    }
}

const SELECT: &str = "SELECT r.id, r.item_id, i.title AS item_title, i.owner_id, r.requester_id, \
     u.display_name AS requester_name, u.deleted_at AS requester_deleted_at, r.message, r.status, r.giver_confirmed_at, \
     r.taker_confirmed_at, r.due_at, r.returned_at, r.created_at \
     FROM item_requests r JOIN items i ON i.id = r.item_id JOIN users u ON u.id = r.requester_id";

pub async fn find(conn: &mut AnyConnection, id: i64) -> Result<Option<ItemRequest>, sqlx::Error> {
    let row: Option<RequestRow> = sqlx::query_as(&format!("{SELECT} WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.and_then(RequestRow::into_request))
}

/// Every request for a listing, oldest first (the owner's view).
pub async fn of_item(
    conn: &mut AnyConnection,
    item_id: i64,
) -> Result<Vec<ItemRequest>, sqlx::Error> {
    let rows: Vec<RequestRow> =
        sqlx::query_as(&format!("{SELECT} WHERE r.item_id = $1 ORDER BY r.id"))
            .bind(item_id)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(RequestRow::into_request)
        .collect())
}

/// This person's request for a listing, if any.
pub async fn mine(
    conn: &mut AnyConnection,
    item_id: i64,
    requester_id: i64,
) -> Result<Option<ItemRequest>, sqlx::Error> {
    let row: Option<RequestRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE r.item_id = $1 AND r.requester_id = $2"
    ))
    .bind(item_id)
    .bind(requester_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.and_then(RequestRow::into_request))
}

/// The code the giver shows at the handover (the owner's view only).
pub async fn handover_code(
    conn: &mut AnyConnection,
    request_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT handover_code FROM item_requests WHERE id = $1")
        .bind(request_id)
        .fetch_optional(conn)
        .await
        .map(Option::flatten)
}

/// The listing's owner, mode, status and title, with its row locked for this transaction (a
/// no-op update: PostgreSQL takes the row lock, SQLite already holds the write lock).
async fn lock_item(
    conn: &mut AnyConnection,
    item_id: i64,
    now: i64,
) -> Result<Option<(i64, ItemMode, ItemStatus, String, bool)>, sqlx::Error> {
    let row: Option<(i64, String, String, String, Option<i64>, i64)> = sqlx::query_as(
        "UPDATE items SET updated_at = updated_at WHERE id = $1 \
         RETURNING owner_id, mode, status, title, hidden_at, expires_at",
    )
    .bind(item_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(
        row.and_then(|(owner, mode, status, title, hidden, expires)| {
            let open = hidden.is_none() && expires > now;
            Some((
                owner,
                ItemMode::parse(&mode)?,
                ItemStatus::parse(&status)?,
                title,
                open,
            ))
        }),
    )
}

async fn set_item_status(
    conn: &mut AnyConnection,
    item_id: i64,
    status: ItemStatus,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE items SET status = $1, version = version + 1, updated_at = $2 WHERE id = $3",
    )
    .bind(status.as_str())
    .bind(now)
    .bind(item_id)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Asks for an available listing, within the fairness limits; the owner is told.
pub async fn ask(
    conn: &mut AnyConnection,
    item_id: i64,
    requester: i64,
    message: &str,
    limits: ItemLimits,
    now: i64,
) -> Result<AskOutcome, sqlx::Error> {
    let Some((owner, _, status, title, listed)) = lock_item(conn, item_id, now).await? else {
        return Ok(AskOutcome::NotOpen);
    };
    if owner == requester {
        return Ok(AskOutcome::OwnItem);
    }
    if !listed || status != ItemStatus::Available {
        return Ok(AskOutcome::NotOpen);
    }
    // The fairness limits count this person's requests: requests for other listings sent at the
    // same moment wait here, so they cannot all pass the count (after the listing's lock, the
    // order every claim takes, so that none waits on another in a circle).
    crate::accounts::db::lock_person(conn, requester).await?;
    let asked: Option<i64> =
        sqlx::query_scalar("SELECT id FROM item_requests WHERE item_id = $1 AND requester_id = $2")
            .bind(item_id)
            .bind(requester)
            .fetch_optional(&mut *conn)
            .await?;
    if asked.is_some() {
        return Ok(AskOutcome::AlreadyAsked);
    }
    let (open, received): (i64, i64) = sqlx::query_as(
        "SELECT \
           COALESCE(SUM(CASE WHEN status IN ('open', 'promised') THEN 1 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN status IN ('handed_over', 'returned') AND updated_at > $2 THEN 1 ELSE 0 END), 0) \
         FROM item_requests WHERE requester_id = $1",
    )
    .bind(requester)
    .bind(now - RECEIVED_WINDOW)
    .fetch_one(&mut *conn)
    .await?;
    if open >= i64::from(limits.open_requests) {
        return Ok(AskOutcome::TooManyOpen);
    }
    if received >= i64::from(limits.received_per_28_days) {
        return Ok(AskOutcome::TooManyReceived);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO item_requests (item_id, requester_id, message, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $4) RETURNING id",
    )
    .bind(item_id)
    .bind(requester)
    .bind(message)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    notify(conn, owner, &Notice::ItemRequested { item_id, title }, now).await?;
    Ok(AskOutcome::Sent(id))
}

/// The asker takes back a request the owner has not acted on.
pub async fn withdraw(
    conn: &mut AnyConnection,
    request_id: i64,
    requester: i64,
    now: i64,
) -> Result<StepOutcome, sqlx::Error> {
    let Some(request) = find(conn, request_id).await? else {
        return Ok(StepOutcome::NotYours);
    };
    if request.requester_id != requester {
        return Ok(StepOutcome::NotYours);
    }
    lock_item(conn, request.item_id, now).await?;
    Ok(
        match set_request_status(
            conn,
            request_id,
            RequestStatus::Open,
            RequestStatus::Withdrawn,
            now,
        )
        .await?
        {
            true => StepOutcome::Done,
            false => StepOutcome::NotNow,
        },
    )
}

/// Moves a request from `from` to `to`; false when it was not in `from` (someone acted first).
async fn set_request_status(
    conn: &mut AnyConnection,
    request_id: i64,
    from: RequestStatus,
    to: RequestStatus,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let changed: Option<i64> = sqlx::query_scalar(
        "UPDATE item_requests SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4 RETURNING id",
    )
    .bind(to.as_str())
    .bind(now)
    .bind(request_id)
    .bind(from.as_str())
    .fetch_optional(conn)
    .await?;
    Ok(changed.is_some())
}

/// Counts a wrong code typed for a request; the last one allowed changes the code.
async fn wrong_handover_code(conn: &mut AnyConnection, request_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE item_requests SET handover_wrong_tries = handover_wrong_tries + 1 WHERE id = $1",
    )
    .bind(request_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE item_requests SET handover_code = $1, handover_wrong_tries = 0 \
         WHERE id = $2 AND handover_wrong_tries >= $3",
    )
    .bind(crate::secrets::six_digit_code())
    .bind(request_id)
    .bind(HANDOVER_TRIES_PER_CODE)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The owner promises the listing to one asker (a lent item with its due date). The asker and the
/// others still waiting are told.
pub async fn promise(
    conn: &mut AnyConnection,
    request_id: i64,
    owner: i64,
    due_at: Option<i64>,
    now: i64,
) -> Result<StepOutcome, sqlx::Error> {
    let Some(request) = find(conn, request_id).await? else {
        return Ok(StepOutcome::NotYours);
    };
    if request.owner_id != owner {
        return Ok(StepOutcome::NotYours);
    }
    let Some((_, mode, status, title, listed)) = lock_item(conn, request.item_id, now).await?
    else {
        return Ok(StepOutcome::NotNow);
    };
    if !listed || status != ItemStatus::Available {
        return Ok(StepOutcome::NotNow);
    }
    let due_at = if mode == ItemMode::Lend { due_at } else { None };
    let promised: Option<i64> = sqlx::query_scalar(
        "UPDATE item_requests SET status = 'promised', handover_code = $1, handover_wrong_tries = 0, due_at = $2, \
         promised_at = $3, giver_confirmed_at = NULL, taker_confirmed_at = NULL, updated_at = $3 \
         WHERE id = $4 AND status = 'open' RETURNING id",
    )
    .bind(crate::secrets::six_digit_code())
    .bind(due_at)
    .bind(now)
    .bind(request_id)
    .fetch_optional(&mut *conn)
    .await?;
    if promised.is_none() {
        return Ok(StepOutcome::NotNow);
    }
    set_item_status(conn, request.item_id, ItemStatus::Promised, now).await?;
    let item_id = request.item_id;
    notify(
        conn,
        request.requester_id,
        &Notice::ItemPromised {
            item_id,
            title: title.clone(),
        },
        now,
    )
    .await?;
    for other in waiting(conn, item_id, request_id).await? {
        notify(
            conn,
            other,
            &Notice::ItemPromisedToOther {
                item_id,
                title: title.clone(),
            },
            now,
        )
        .await?;
    }
    Ok(StepOutcome::Done)
}

/// The people whose requests for the listing are still open, but for `except`.
async fn waiting(
    conn: &mut AnyConnection,
    item_id: i64,
    except: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT requester_id FROM item_requests WHERE item_id = $1 AND status = 'open' AND id <> $2 ORDER BY id",
    )
    .bind(item_id)
    .bind(except)
    .fetch_all(conn)
    .await
}

/// Either side backs out of a promise: the listing is available again and the other side is
/// told. The owner backing out declines the request; the asker backing out withdraws it.
pub async fn back_out(
    conn: &mut AnyConnection,
    request_id: i64,
    person: i64,
    now: i64,
) -> Result<StepOutcome, sqlx::Error> {
    let Some(request) = find(conn, request_id).await? else {
        return Ok(StepOutcome::NotYours);
    };
    let (to, other) = if person == request.owner_id {
        (RequestStatus::Declined, request.requester_id)
    } else if person == request.requester_id {
        (RequestStatus::Withdrawn, request.owner_id)
    } else {
        return Ok(StepOutcome::NotYours);
    };
    lock_item(conn, request.item_id, now).await?;
    if !set_request_status(conn, request_id, RequestStatus::Promised, to, now).await? {
        return Ok(StepOutcome::NotNow);
    }
    set_item_status(conn, request.item_id, ItemStatus::Available, now).await?;
    let notice = Notice::PromiseCancelled {
        item_id: request.item_id,
        title: request.item_title,
    };
    notify(conn, other, &notice, now).await?;
    Ok(StepOutcome::Done)
}

/// One side confirms the handover of a promised listing. The taker may type the giver's code,
/// which confirms for both (they met). When both have confirmed the listing is handed over, and
/// everyone else still waiting is told it is gone.
pub async fn confirm_handover(
    conn: &mut AnyConnection,
    request_id: i64,
    person: i64,
    code: Option<&str>,
    now: i64,
) -> Result<StepOutcome, sqlx::Error> {
    let Some(request) = find(conn, request_id).await? else {
        return Ok(StepOutcome::NotYours);
    };
    let is_giver = person == request.owner_id;
    if !is_giver && person != request.requester_id {
        return Ok(StepOutcome::NotYours);
    }
    lock_item(conn, request.item_id, now).await?;
    let (status, stored_code): (String, Option<String>) =
        sqlx::query_as("SELECT status, handover_code FROM item_requests WHERE id = $1")
            .bind(request_id)
            .fetch_one(&mut *conn)
            .await?;
    if status != RequestStatus::Promised.as_str() {
        return Ok(StepOutcome::NotNow);
    }
    let sql = match (is_giver, code) {
        (true, _) => "UPDATE item_requests SET giver_confirmed_at = COALESCE(giver_confirmed_at, $1), updated_at = $1 WHERE id = $2",
        (false, None) => "UPDATE item_requests SET taker_confirmed_at = COALESCE(taker_confirmed_at, $1), updated_at = $1 WHERE id = $2",
        (false, Some(typed)) => {
            use crate::accounts::code_tries::{may_try, record_wrong, CodePurpose::Handover};
            if !may_try(conn, person, Handover, now).await? {
                return Ok(StepOutcome::TooManyTries);
            }
            if stored_code.as_deref() != Some(typed.trim()) {
                record_wrong(conn, person, Handover, now).await?;
                wrong_handover_code(conn, request_id).await?;
                return Ok(StepOutcome::WrongCode);
            }
            "UPDATE item_requests SET giver_confirmed_at = COALESCE(giver_confirmed_at, $1), \
             taker_confirmed_at = COALESCE(taker_confirmed_at, $1), updated_at = $1 WHERE id = $2"
        }
    };
    sqlx::query(sql)
        .bind(now)
        .bind(request_id)
        .execute(&mut *conn)
        .await?;
    let both: Option<i64> = sqlx::query_scalar(
        "UPDATE item_requests SET status = 'handed_over', updated_at = $1 WHERE id = $2 \
         AND giver_confirmed_at IS NOT NULL AND taker_confirmed_at IS NOT NULL RETURNING id",
    )
    .bind(now)
    .bind(request_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (item_id, title) = (request.item_id, request.item_title);
    if both.is_none() {
        // Waiting for the other side: tell them.
        let other = if is_giver {
            request.requester_id
        } else {
            request.owner_id
        };
        notify(
            conn,
            other,
            &Notice::HandoverConfirmed { item_id, title },
            now,
        )
        .await?;
        return Ok(StepOutcome::Done);
    }
    set_item_status(conn, item_id, ItemStatus::HandedOver, now).await?;
    for other in waiting(conn, item_id, request_id).await? {
        notify(
            conn,
            other,
            &Notice::ItemGone {
                item_id,
                title: title.clone(),
            },
            now,
        )
        .await?;
    }
    sqlx::query(
        "UPDATE item_requests SET status = 'declined', updated_at = $1 WHERE item_id = $2 AND status = 'open'",
    )
    .bind(now)
    .bind(item_id)
    .execute(&mut *conn)
    .await?;
    let done = Notice::HandedOver { item_id, title };
    notify(conn, request.owner_id, &done, now).await?;
    notify(conn, request.requester_id, &done, now).await?;
    Ok(StepOutcome::Done)
}

/// The owner confirms a lent item came back: it is available again for another 30 days.
pub async fn confirm_return(
    conn: &mut AnyConnection,
    request_id: i64,
    owner: i64,
    now: i64,
) -> Result<StepOutcome, sqlx::Error> {
    let Some(request) = find(conn, request_id).await? else {
        return Ok(StepOutcome::NotYours);
    };
    if request.owner_id != owner {
        return Ok(StepOutcome::NotYours);
    }
    let Some((_, mode, _, title, _)) = lock_item(conn, request.item_id, now).await? else {
        return Ok(StepOutcome::NotNow);
    };
    if mode != ItemMode::Lend {
        return Ok(StepOutcome::NotNow);
    }
    let returned: Option<i64> = sqlx::query_scalar(
        "UPDATE item_requests SET status = 'returned', returned_at = $1, updated_at = $1 \
         WHERE id = $2 AND status = 'handed_over' RETURNING id",
    )
    .bind(now)
    .bind(request_id)
    .fetch_optional(&mut *conn)
    .await?;
    if returned.is_none() {
        return Ok(StepOutcome::NotNow);
    }
    sqlx::query(
        "UPDATE items SET status = 'available', expires_at = $1, version = version + 1, updated_at = $2 WHERE id = $3",
    )
    .bind(now + EXPIRY_DAYS * DAY)
    .bind(now)
    .bind(request.item_id)
    .execute(&mut *conn)
    .await?;
    let notice = Notice::ItemReturned {
        item_id: request.item_id,
        title,
    };
    notify(conn, request.requester_id, &notice, now).await?;
    Ok(StepOutcome::Done)
}
