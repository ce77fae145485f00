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
