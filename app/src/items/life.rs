//! A listing's life after posting (PRODUCT §2.2): it expires 30 days after it was posted, and its
//! owner may withdraw it or post it again for another 30 days.

use super::model::EXPIRY_DAYS;
use crate::db::Db;
use crate::notifications::{db::notify, model::Notice};
use sqlx::AnyConnection;

const DAY: i64 = 86_400;

/// Marks available listings past their date as expired and tells their owners; how many.
pub async fn expire_due(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let expired: Vec<(i64, i64, String)> = sqlx::query_as(
        "UPDATE items SET status = 'expired', version = version + 1, updated_at = $1 \
         WHERE status = 'available' AND expires_at <= $1 RETURNING id, owner_id, title",
    )
    .bind(now)
    .fetch_all(&mut *tx)
    .await?;
    for (item_id, owner, title) in &expired {
        let notice = Notice::ItemExpired {
            item_id: *item_id,
            title: title.clone(),
        };
        notify(&mut tx, *owner, &notice, now).await?;
    }
    tx.commit().await?;
    Ok(expired.len() as u64)
}

/// The owner takes an available or expired listing down; anyone still waiting is told it is gone.
/// False when it is promised or already handed over (those end through the request).
pub async fn withdraw(
    conn: &mut AnyConnection,
    item_id: i64,
    owner: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let title: Option<String> = sqlx::query_scalar(
        "UPDATE items SET status = 'withdrawn', version = version + 1, updated_at = $1 \
         WHERE id = $2 AND owner_id = $3 AND status IN ('available', 'expired') RETURNING title",
    )
    .bind(now)
    .bind(item_id)
    .bind(owner)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(title) = title else {
        return Ok(false);
    };
    let waiting: Vec<i64> = sqlx::query_scalar(
        "UPDATE item_requests SET status = 'declined', updated_at = $1 \
         WHERE item_id = $2 AND status = 'open' RETURNING requester_id",
    )
    .bind(now)
    .bind(item_id)
    .fetch_all(&mut *conn)
    .await?;
    for person in waiting {
        let notice = Notice::ItemGone {
            item_id,
            title: title.clone(),
        };
        notify(conn, person, &notice, now).await?;
    }
    Ok(true)
}

/// The owner posts an expired or withdrawn listing again: available for another 30 days.
pub async fn repost(
    conn: &mut AnyConnection,
    item_id: i64,
    owner: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let reposted: Option<i64> = sqlx::query_scalar(
        "UPDATE items SET status = 'available', expires_at = $1, version = version + 1, updated_at = $2 \
         WHERE id = $3 AND owner_id = $4 AND hidden_at IS NULL \
         AND (status IN ('expired', 'withdrawn') OR (status = 'available' AND expires_at <= $2)) \
         RETURNING id",
    )
    .bind(now + EXPIRY_DAYS * DAY)
    .bind(now)
    .bind(item_id)
    .bind(owner)
    .fetch_optional(conn)
    .await?;
    Ok(reposted.is_some())
}

/// What a deleted account leaves of its listings and requests: its listings are taken down with
/// their photos, descriptions and pickup notes (the titles stay, for the other side's history);
/// people waiting for them are told they are gone; its own requests are withdrawn (a listing
/// promised to it is available again) and what it wrote in requests and threads is wiped, shown
/// to the other side as deleted.
pub async fn erase_person(
    conn: &mut AnyConnection,
    person: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM item_photos WHERE item_id IN (SELECT id FROM items WHERE owner_id = $1)",
    )
    .bind(person)
    .execute(&mut *conn)
    .await?;
    let waiting: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT r.requester_id, i.id, i.title FROM item_requests r JOIN items i ON i.id = r.item_id \
         WHERE i.owner_id = $1 AND r.status IN ('open', 'promised')",
    )
    .bind(person)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE item_requests SET status = 'declined', updated_at = $2 \
         WHERE status IN ('open', 'promised') \
         AND item_id IN (SELECT id FROM items WHERE owner_id = $1)",
    )
    .bind(person)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE items SET status = CASE WHEN status IN ('available', 'promised', 'expired') \
           THEN 'withdrawn' ELSE status END, \
         description = '', pickup_notes = '', version = version + 1, updated_at = $2 \
         WHERE owner_id = $1",
    )
    .bind(person)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    for (asker, item_id, title) in waiting {
        notify(conn, asker, &Notice::ItemGone { item_id, title }, now).await?;
    }
    // Listings promised to them go back to their owners' boards, and the owners are told.
    let handed_back: Vec<(i64, i64, String)> = sqlx::query_as(
        "UPDATE items SET status = 'available', version = version + 1, updated_at = $2 \
         WHERE status = 'promised' AND id IN \
         (SELECT item_id FROM item_requests WHERE requester_id = $1 AND status = 'promised') \
         RETURNING owner_id, id, title",
    )
    .bind(person)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    for (owner, item_id, title) in handed_back {
        notify(
            conn,
            owner,
            &Notice::PromiseCancelled { item_id, title },
            now,
        )
        .await?;
    }
    // The texts must hold a character; what is shown instead is "deleted".
    sqlx::query(
        "UPDATE item_requests SET message = '-', updated_at = $2, status = CASE \
           WHEN status IN ('open', 'promised') THEN 'withdrawn' ELSE status END \
         WHERE requester_id = $1",
    )
    .bind(person)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE item_messages SET body = '-' WHERE author_id = $1")
        .bind(person)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE item_reports SET details = '' WHERE reporter_id = $1")
        .bind(person)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
