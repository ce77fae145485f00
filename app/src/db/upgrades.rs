//! Upgrades that SQL cannot do (hashing needs Rust), run after the migrations. Each does nothing
//! once done.

use crate::secrets::token_hash;
use sqlx::AnyPool;

/// Calendar-address secrets stored before they were hashed (migration 28): hashed now, so the
/// addresses people already use keep working. How many.
pub async fn hash_stored_tokens(pool: &AnyPool) -> Result<usize, sqlx::Error> {
    let stored: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, calendar_token FROM users WHERE calendar_token IS NOT NULL")
            .fetch_all(pool)
            .await?;
    for (id, token) in &stored {
        sqlx::query(
            "UPDATE users SET calendar_token_hash = $1, calendar_token = NULL \
             WHERE id = $2 AND calendar_token = $3",
        )
        .bind(token_hash(token))
        .bind(id)
        .bind(token)
        .execute(pool)
        .await?;
    }
    Ok(stored.len())
}
