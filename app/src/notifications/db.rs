//! Notifications in the database. `notify` is the one function every feature calls to tell someone
//! that something happened; it is written in the caller's transaction, so it exists exactly when
//! what it reports does.

use super::model::{EmailChoice, InboxEntry, Notice, NoticeKind, SmsChoice};
use crate::db::columns::Flag;
use sqlx::{AnyConnection, AnyPool};

/// How many notifications the inbox shows (newest first).
pub const INBOX_SIZE: i64 = 100;

/// Records a notification for `user_id`. It is marked for email when the person proved an email
/// address and has not turned email off for this kind; and for SMS when it is one of the few
/// notices that go by SMS, the person proved a mobile number and has not turned SMS off for it.
/// The outbox sends what is marked.
pub async fn notify(
    conn: &mut AnyConnection,
    user_id: i64,
    notice: &Notice,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let kind = notice.kind().as_str();
    let payload = serde_json::to_string(notice).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query_scalar(
        "INSERT INTO notifications (user_id, kind, payload, created_at, email_state, sms_state) \
         SELECT u.id, $2, $3, $4, \
           CASE WHEN u.contact_kind = 'email' AND u.contact_verified_at IS NOT NULL \
             AND COALESCE(s.email, 1) = 1 THEN 'pending' ELSE 'none' END, \
           CASE WHEN $5 = 1 AND u.contact_kind = 'mobile' AND u.contact_verified_at IS NOT NULL \
             AND COALESCE(s.sms, 1) = 1 THEN 'pending' ELSE 'none' END \
         FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id AND s.kind = $2 \
         WHERE u.id = $1 AND u.deleted_at IS NULL \
         RETURNING id",
    )
    .bind(user_id)
    .bind(kind)
    .bind(payload)
    .bind(now)
    .bind(i64::from(notice.by_sms().is_some()))
    .fetch_optional(conn)
    .await
    .map(|id| id.unwrap_or(0))
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    payload: String,
    created_at: i64,
    read_at: Option<i64>,
}

impl EntryRow {
    fn into_entry(self) -> Option<InboxEntry> {
        // A payload this version cannot read (written by a newer one) is skipped, not an error.
        let notice: Notice = serde_json::from_str(&self.payload).ok()?;
        Some(InboxEntry {
            id: self.id,
            notice,
            created_at: self.created_at,
            read: self.read_at.is_some(),
        })
    }
}

pub async fn inbox(pool: &AnyPool, user_id: i64) -> Result<Vec<InboxEntry>, sqlx::Error> {
    let rows: Vec<EntryRow> = sqlx::query_as(
        "SELECT id, payload, created_at, read_at FROM notifications WHERE user_id = $1 \
         ORDER BY created_at DESC, id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(INBOX_SIZE)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().filter_map(EntryRow::into_entry).collect())
}

/// Marks one of the person's notifications read; returns where it leads, `None` if it is not theirs.
pub async fn mark_read(
    conn: &mut AnyConnection,
    user_id: i64,
    id: i64,
    now: i64,
) -> Result<Option<Notice>, sqlx::Error> {
    let payload: Option<String> = sqlx::query_scalar(
        "UPDATE notifications SET read_at = COALESCE(read_at, $1) \
         WHERE id = $2 AND user_id = $3 RETURNING payload",
    )
    .bind(now)
    .bind(id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    Ok(payload.and_then(|p| serde_json::from_str(&p).ok()))
}

pub async fn mark_all_read(
    conn: &mut AnyConnection,
    user_id: i64,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let result =
        sqlx::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
            .bind(now)
            .bind(user_id)
            .execute(conn)
            .await?;
    Ok(result.rows_affected())
}

/// Email on or off for every kind (on unless turned off).
pub async fn email_choices(pool: &AnyPool, user_id: i64) -> Result<Vec<EmailChoice>, sqlx::Error> {
    let off: Vec<String> = sqlx::query_scalar(
        "SELECT kind FROM notification_settings WHERE user_id = $1 AND email = 0",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    Ok(NoticeKind::ALL
        .into_iter()
        .map(|kind| EmailChoice {
            kind,
            email: !off.iter().any(|k| k == kind.as_str()),
        })
        .collect())
}

pub async fn set_email_choice(
    conn: &mut AnyConnection,
    user_id: i64,
    kind: NoticeKind,
    email: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO notification_settings (user_id, kind, email) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, kind) DO UPDATE SET email = excluded.email",
    )
    .bind(user_id)
    .bind(kind.as_str())
    .bind(Flag(email))
    .execute(conn)
    .await?;
    Ok(())
}

/// SMS on or off for every kind that goes by SMS (on unless turned off).
pub async fn sms_choices(pool: &AnyPool, user_id: i64) -> Result<Vec<SmsChoice>, sqlx::Error> {
    let off: Vec<String> =
        sqlx::query_scalar("SELECT kind FROM notification_settings WHERE user_id = $1 AND sms = 0")
            .bind(user_id)
            .fetch_all(pool)
            .await?;
    Ok(NoticeKind::ALL
        .into_iter()
        .filter(|kind| kind.has_sms())
        .map(|kind| SmsChoice {
            kind,
            sms: !off.iter().any(|k| k == kind.as_str()),
        })
        .collect())
}

/// Turns SMS on or off for `kind` (one that goes by SMS); e-mail stays as it was (on, for a new
/// row).
pub async fn set_sms_choice(
    conn: &mut AnyConnection,
    user_id: i64,
    kind: NoticeKind,
    sms: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO notification_settings (user_id, kind, email, sms) VALUES ($1, $2, 1, $3) \
         ON CONFLICT (user_id, kind) DO UPDATE SET sms = excluded.sms",
    )
    .bind(user_id)
    .bind(kind.as_str())
    .bind(Flag(sms))
    .execute(conn)
    .await?;
    Ok(())
}

/// The kind of contact the person has, and whether they proved it.
pub async fn contact_kind(
    pool: &AnyPool,
    user_id: i64,
) -> Result<Option<(String, bool)>, sqlx::Error> {
    let row: Option<(Option<String>, Option<i64>)> = sqlx::query_as(
        "SELECT contact_kind, contact_verified_at FROM users WHERE id = $1 AND deleted_at IS NULL",
    )
    .bind(user_id)
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|(kind, proved)| Some((kind?, proved.is_some()))))
}

/// Whether the person signed up with an email address (only they can be mailed).
pub async fn has_email_address(pool: &AnyPool, user_id: i64) -> Result<bool, sqlx::Error> {
    let kind: Option<Option<String>> =
        sqlx::query_scalar("SELECT contact_kind FROM users WHERE id = $1 AND deleted_at IS NULL")
            .bind(user_id)
            .fetch_optional(pool)
            .await?;
    Ok(kind.flatten().as_deref() == Some("email"))
}
