//! Named leases: work that must run on one instance at a time (making reminders, the hourly
//! upkeep) runs where the lease is held. An instance takes a lease that is free or has run out,
//! and keeps it by taking it again before it runs out; one that stops lets it lapse, and another
//! takes over within one lease's length.

use crate::db::Db;

/// Takes or renews the lease `name` for `holder` until `now + seconds`; whether `holder` holds it.
pub async fn take(
    db: &Db,
    name: &str,
    holder: &str,
    now: i64,
    seconds: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    // One statement: on PostgreSQL two instances inserting at once meet on the primary key, and
    // the loser's conditional update finds the winner's unexpired lease and changes nothing.
    let taken = sqlx::query(
        "INSERT INTO job_leases (name, holder, until) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until \
         WHERE job_leases.holder = excluded.holder OR job_leases.until < $4",
    )
    .bind(name)
    .bind(holder)
    .bind(now + seconds)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(taken == 1)
}

/// Gives the lease up (at a clean stop), so another instance need not wait for it to run out.
pub async fn give_up(db: &Db, name: &str, holder: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM job_leases WHERE name = $1 AND holder = $2")
        .bind(name)
        .bind(holder)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// A name for this process as a lease holder: random, so two instances never share one.
pub fn holder_name() -> String {
    crate::secrets::hex(&rand::random::<[u8; 8]>())
}
