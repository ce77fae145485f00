//! Rows of the outbox claimed with a lease. `claim_due` marks up to n due rows of one channel as
//! being sent by one claimer (a random token) until the lease runs out; `renew` extends it just
//! before a row is sent; `finish` records what happened, only for the claimer that still holds
//! the row. Claiming re-checks each row's state in the `UPDATE` itself, so on PostgreSQL a second
//! instance waiting on the same rows finds them taken and skips them; on SQLite writes run one at
//! a time anyway.

use super::{Channel, Outgoing};
use crate::db::Db;
use sqlx::AnyConnection;

/// How long a claim holds a row: far longer than one send may take (an SMS is cut off after
/// 10 s, an e-mail after 20 s).
pub const LEASE_SECONDS: i64 = 60;
/// Tries before a message that keeps failing is given up.
pub const MAX_ATTEMPTS: i64 = 5;

/// When a message may leave: not before `not_before`, and not at all from `give_up_at`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub not_before: i64,
    pub give_up_at: i64,
}

impl Window {
    /// From `now` until `give_up_at`.
    pub fn from_now(now: i64, give_up_at: i64) -> Window {
        Window {
            not_before: now,
            give_up_at,
        }
    }
}

/// Puts `message` in the outbox, to be sent within `window`. Part of the caller's transaction: a
/// message is queued exactly when what it tells about is committed.
pub async fn enqueue(
    conn: &mut AnyConnection,
    message: &Outgoing,
    now: i64,
    window: Window,
) -> Result<(), sqlx::Error> {
    enqueue_once(conn, message, None, now, window)
        .await
        .map(|_| ())
}

/// Puts `message` in the outbox unless one with the same `key` (`notice:42`) is there already,
/// however many senders try at once; its id, or `None` when it was there.
pub async fn enqueue_once(
    conn: &mut AnyConnection,
    message: &Outgoing,
    key: Option<&str>,
    now: i64,
    window: Window,
) -> Result<Option<i64>, sqlx::Error> {
    let payload = serde_json::to_string(message).expect("outgoing messages serialise");
    sqlx::query_scalar(
        "INSERT INTO outbox \
           (channel, payload, recipient, not_before, give_up_at, created_at, once_key) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (once_key) DO NOTHING RETURNING id",
    )
    .bind(message.channel().as_str())
    .bind(payload)
    .bind(message.masked_recipient())
    .bind(window.not_before)
    .bind(window.give_up_at)
    .bind(now)
    .bind(key)
    .fetch_optional(&mut *conn)
    .await
}

/// A row this sender holds.
#[derive(Debug, sqlx::FromRow)]
pub struct Claimed {
    pub id: i64,
    payload: String,
    /// This try's number, from 1.
    pub attempts: i64,
    pub give_up_at: i64,
    #[sqlx(skip)]
    token: String,
}

impl Claimed {
    /// The message; `None` if the row holds something this version cannot read.
    pub fn message(&self) -> Option<Outgoing> {
        serde_json::from_str(&self.payload).ok()
    }
}

/// Claims up to `limit` rows of `channel` that are due at `now`: queued ones whose time has come,
/// and ones whose claimer's lease ran out (it stopped mid-way). The nearest deadline first: a
/// code (5 minutes) never waits behind notices held overnight for 08:00.
pub async fn claim_due(
    db: &Db,
    channel: Channel,
    limit: i64,
    now: i64,
) -> Result<Vec<Claimed>, sqlx::Error> {
    // PostgreSQL passes over rows another claimer is locking rather than waiting for them (and
    // two claimers locking in different orders cannot deadlock); SQLite writes one at a time.
    let claim = match db.kind() {
        crate::db::DbKind::Postgres => {
            "UPDATE outbox SET state = 'sending', claim = $1, lease_until = $2, \
               attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox WHERE channel = $3 \
                 AND ((state = 'queued' AND not_before <= $4) \
                   OR (state = 'sending' AND lease_until < $4)) \
                 ORDER BY give_up_at, id LIMIT $5 FOR UPDATE SKIP LOCKED) \
               AND ((state = 'queued' AND not_before <= $4) \
                 OR (state = 'sending' AND lease_until < $4)) \
             RETURNING id, payload, attempts, give_up_at"
        }
        crate::db::DbKind::Sqlite => {
            "UPDATE outbox SET state = 'sending', claim = $1, lease_until = $2, \
               attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox WHERE channel = $3 \
                 AND ((state = 'queued' AND not_before <= $4) \
                   OR (state = 'sending' AND lease_until < $4)) \
                 ORDER BY give_up_at, id LIMIT $5) \
             RETURNING id, payload, attempts, give_up_at"
        }
    };
    let token = crate::secrets::hex(&rand::random::<[u8; 16]>());
    let mut tx = db.begin_write().await?;
    let mut claimed: Vec<Claimed> = sqlx::query_as(claim)
        .bind(&token)
        .bind(now + LEASE_SECONDS)
        .bind(channel.as_str())
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    for row in &mut claimed {
        row.token.clone_from(&token);
    }
    claimed.sort_by_key(|row| (row.give_up_at, row.id));
    Ok(claimed)
}

/// Renews `row`'s lease from `now`, just before it is sent: rows later in a batch would otherwise
/// wait out part of their lease behind the ones before. False when the row is no longer this
/// sender's, which must then not send it.
pub async fn renew(db: &Db, row: &Claimed, now: i64) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let renewed = sqlx::query(
        "UPDATE outbox SET lease_until = $1 WHERE id = $2 AND claim = $3 AND lease_until >= $4",
    )
    .bind(now + LEASE_SECONDS)
    .bind(row.id)
    .bind(&row.token)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(renewed == 1)
}

/// What became of a claimed message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It left; the provider's id of it.
    Sent(String),
    /// Not this time; why.
    Again(String),
    /// It will not leave; why.
    Failed(String),
    /// Its time ran out before it could leave (a code that has expired).
    Expired,
}

/// How long to wait before try `attempts + 1`: 15 s, 1 min, 4 min, 16 min.
pub fn backoff(attempts: i64) -> i64 {
    15 * 4_i64.pow(u32::try_from(attempts.clamp(1, 4) - 1).unwrap_or(0))
}

/// What a message came to: sent, waiting for another try, or given up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Queued,
    Sent,
    Failed,
    Expired,
}

impl State {
    fn as_str(self) -> &'static str {
        match self {
            State::Queued => "queued",
            State::Sent => "sent",
            State::Failed => "failed",
            State::Expired => "expired",
        }
    }
}

/// Records `outcome` for `row`: the state it came to, or `None` when the row was no longer this
/// sender's (its lease ran out and another took it over), in which case nothing is written.
pub async fn finish(
    db: &Db,
    row: &Claimed,
    outcome: Outcome,
    now: i64,
) -> Result<Option<State>, sqlx::Error> {
    let retry_at = now + backoff(row.attempts);
    let (state, detail) = match outcome {
        Outcome::Sent(id) => (State::Sent, id),
        Outcome::Expired => (State::Expired, String::new()),
        Outcome::Again(why) if row.attempts >= MAX_ATTEMPTS => (State::Failed, why),
        Outcome::Again(why) if retry_at >= row.give_up_at => (State::Expired, why),
        Outcome::Again(why) => (State::Queued, why),
        Outcome::Failed(why) => (State::Failed, why),
    };
    let done = state != State::Queued;
    let mut tx = db.begin_write().await?;
    let changed = sqlx::query(
        "UPDATE outbox SET state = $1, outcome = $2, not_before = $3, done_at = $4, \
           payload = CASE WHEN $5 = 1 THEN '' ELSE payload END, claim = NULL, lease_until = NULL \
         WHERE id = $6 AND claim = $7",
    )
    .bind(state.as_str())
    .bind(detail)
    .bind(retry_at)
    .bind(done.then_some(now))
    .bind(i64::from(done))
    .bind(row.id)
    .bind(&row.token)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok((changed == 1).then_some(state))
}

/// Gives up and empties what is past its time but was never sent (say, SMS queued before the
/// SMS setting was removed), then forgets messages done with for more than a week.
pub async fn forget_old(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE outbox SET state = 'expired', payload = '', done_at = $1, claim = NULL \
         WHERE give_up_at < $1 AND (state = 'queued' OR (state = 'sending' AND lease_until < $1))",
    )
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let gone = sqlx::query("DELETE FROM outbox WHERE done_at < $1")
        .bind(now - 7 * 24 * 3600)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(gone)
}

#[cfg(test)]
mod tests {
    #[test]
    fn retries_wait_longer_each_time() {
        let waits: Vec<i64> = (1..=5).map(super::backoff).collect();
        assert_eq!(waits, [15, 60, 240, 960, 960]);
    }
}
