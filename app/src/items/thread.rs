//! The message thread of one request: only the listing's owner and the asker read and write it.
//! The pickup address is shared here, never on the listing.

use super::model::{ItemRequest, ThreadMessage};
use crate::notifications::{db::notify, model::Notice};
use sqlx::AnyConnection;

/// The most a message may hold, in characters.
pub const MESSAGE_MAX: usize = 1000;

pub async fn messages(
    conn: &mut AnyConnection,
    request_id: i64,
) -> Result<Vec<ThreadMessage>, sqlx::Error> {
    let rows: Vec<(i64, String, Option<i64>, String, i64)> = sqlx::query_as(
        "SELECT m.author_id, u.display_name, u.deleted_at, m.body, m.created_at FROM item_messages m \
         JOIN users u ON u.id = m.author_id WHERE m.request_id = $1 ORDER BY m.id",
    )
    .bind(request_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(author_id, author_name, deleted_at, body, created_at)| ThreadMessage {
                author_id,
                author_name,
                author_deleted: deleted_at.is_some(),
                body,
                created_at,
            },
        )
        .collect())
}

/// Adds a message from one side (already checked to be the owner or the asker) and tells the
/// other side.
pub async fn post(
    conn: &mut AnyConnection,
    request: &ItemRequest,
    author: i64,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO item_messages (request_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(request.id)
    .bind(author)
    .bind(body)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    let other = if author == request.owner_id {
        request.requester_id
    } else {
        request.owner_id
    };
    let notice = Notice::ItemMessage {
        item_id: request.item_id,
        request_id: request.id,
        title: request.item_title.clone(),
        text: body.chars().take(200).collect(),
    };
    notify(conn, other, &notice, now).await.map(|_| ())
}
