//! Notices by SMS: the few where timing matters (`Notice::by_sms`), to proved mobile numbers,
//! each queued once, held through the quiet hours, and no more a month per person than the cap.

use super::queue::{self, Outcome, Window};
use super::sms_rules::{first_allowed, last_allowed, month_start, template_text};
use super::Outgoing;
use crate::db::Db;
use crate::locales::Lang;
use crate::notifications::model::Notice;
use crate::sms::{Sms, SmsError, SmsTransport};

/// How long a notice may wait for its SMS once it may be sent (past that, the inbox has told),
/// and never into the next quiet hours.
const SMS_WITHIN_SECONDS: i64 = 12 * 3600;
/// A notice marked for SMS that was not queued within this (no SMS was set up then) is not sent
/// late: it would say what is no longer news, and outside the month it was counted in.
pub const STALE_SECONDS: i64 = 6 * 3600;
/// How many notices one round queues.
const BATCH: i64 = 20;

#[derive(sqlx::FromRow)]
struct Waiting {
    id: i64,
    user_id: i64,
    contact: String,
    payload: String,
}

/// Queues the notices marked for SMS (the stale ones given up already): each once (its state moves from pending to queued in the
/// same transaction), after 08:00 if decided in the quiet hours; skipped when the person has had
/// `per_month` this calendar month, or when no template is set up for it.
pub async fn queue_due(
    db: &Db,
    sms: &SmsTransport,
    per_month: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    let waiting: Vec<Waiting> = sqlx::query_as(
        "SELECT n.id, n.user_id, u.contact, n.payload FROM notifications n \
         JOIN users u ON u.id = n.user_id \
         WHERE n.sms_state = 'pending' AND u.contact_kind = 'mobile' \
           AND u.contact_verified_at IS NOT NULL \
         ORDER BY n.id LIMIT $1",
    )
    .bind(BATCH)
    .fetch_all(db.pool())
    .await?;
    for notice in waiting {
        let mut tx = db.begin_write().await?;
        // One person's notices are counted one after another (PostgreSQL; SQLite's write lock
        // does this already), so two instances cannot both fit the last one under the cap.
        sqlx::query("UPDATE users SET contact_kind = contact_kind WHERE id = $1")
            .bind(notice.user_id)
            .execute(&mut *tx)
            .await?;
        let this_month: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE user_id = $1 \
               AND sms_state IN ('queued', 'sent') AND created_at >= $2",
        )
        .bind(notice.user_id)
        .bind(month_start(now))
        .fetch_one(&mut *tx)
        .await?;
        let template = serde_json::from_str::<Notice>(&notice.payload)
            .ok()
            .and_then(|n| n.by_sms().map(|(template, _)| template));
        let goes = this_month < per_month && template.is_some_and(|t| sms.sends(t));
        let moved = sqlx::query(
            "UPDATE notifications SET sms_state = $1 WHERE id = $2 AND sms_state = 'pending'",
        )
        .bind(if goes { "queued" } else { "skipped" })
        .bind(notice.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if goes && moved == 1 {
            let not_before = first_allowed(now);
            let message = Outgoing::NoticeSms {
                notification_id: notice.id,
                to: notice.contact,
            };
            let window = Window {
                not_before,
                give_up_at: last_allowed(not_before, SMS_WITHIN_SECONDS),
            };
            let key = format!("notice-sms:{}", notice.id);
            queue::enqueue_once(&mut tx, &message, Some(&key), now, window).await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

/// Sends notification `id` to `to` by SMS, if it is still queued for it, `to` is still its
/// reader's proved number and SMS is still on for its kind.
pub async fn send(db: &Db, sms: &SmsTransport, id: i64, to: &str, now: i64) -> Outcome {
    let row: Result<Option<(String, String)>, sqlx::Error> = sqlx::query_as(
        "SELECT n.payload, u.lang FROM notifications n JOIN users u ON u.id = n.user_id \
         LEFT JOIN notification_settings s ON s.user_id = u.id AND s.kind = n.kind \
         WHERE n.id = $1 AND n.sms_state = 'queued' AND u.contact = $2 \
           AND u.contact_kind = 'mobile' AND u.contact_verified_at IS NOT NULL \
           AND COALESCE(s.sms, 1) = 1",
    )
    .bind(id)
    .bind(to)
    .fetch_optional(db.pool())
    .await;
    let (payload, lang) = match row {
        Ok(Some(row)) => row,
        Ok(None) => return Outcome::Failed("readdressed, switched off or no longer queued".into()),
        Err(error) => return Outcome::Again(format!("database: {error}")),
    };
    let Some((template, title)) = serde_json::from_str::<Notice>(&payload)
        .ok()
        .and_then(|n| n.by_sms().map(|(t, title)| (t, template_text(title))))
    else {
        return Outcome::Failed("unreadable".into());
    };
    let lang = Lang::from_code(&lang).unwrap_or_default();
    match sms.send(&Sms::notice(to, template, title, lang), now).await {
        Ok(provider_id) => {
            if let Err(error) = set_state(db, id, "sent").await {
                tracing::warn!(%error, "a notice SMS left but was not marked sent");
            }
            Outcome::Sent(provider_id)
        }
        Err(SmsError::Retry(why)) => Outcome::Again(why),
        Err(SmsError::Refused(why)) => Outcome::Failed(why),
    }
}

/// Records what became of notification `id`'s SMS.
pub async fn set_state(db: &Db, id: i64, state: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE notifications SET sms_state = $1 WHERE id = $2 AND sms_state = 'queued'")
        .bind(state)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
