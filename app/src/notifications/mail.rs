//! Email for notifications. `notify` marks a notification `pending` when its person wants email;
//! the outbox queues pending ones and sends them in the background, in the person's language,
//! and each is recorded here as sent. Nothing is mailed when no mailer is configured.

use super::model::Notice;
use crate::db::Db;
use crate::i18n::Lang;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, SinglePart};
use lettre::transport::file::AsyncFileTransport;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;

/// Notifications older than this are not mailed any more (the inbox still has them).
pub const MAIL_WITHIN_SECONDS: i64 = 24 * 60 * 60;

#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error("SMTP_URL is not a valid smtp:// or smtps:// address")]
    SmtpUrl,
    #[error("cannot create the mail folder {0}")]
    Folder(String),
    #[error("MAIL_FROM must be an address such as \"云益享 <noreply@example.cn>\"")]
    From,
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Each email written as an `.eml` file into a folder (for trying things out and for tests).
    Folder(AsyncFileTransport<Tokio1Executor>),
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// `https://...` of the site, to turn links into full addresses; none gives bare paths.
    site_url: Option<String>,
}

impl Mailer {
    /// A mailer sending through SMTP, e.g. `smtps://user:password@smtp.example.cn`.
    pub fn smtp(
        url: &str,
        from: &str,
        site_url: Option<String>,
    ) -> Result<Mailer, MailConfigError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|_| MailConfigError::SmtpUrl)?
            // Well within the outbox's lease on the message (60 s).
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        Mailer::with(Transport::Smtp(transport), from, site_url)
    }

    /// A mailer writing each email into `folder` instead of sending it.
    pub fn folder(
        folder: PathBuf,
        from: &str,
        site_url: Option<String>,
    ) -> Result<Mailer, MailConfigError> {
        std::fs::create_dir_all(&folder)
            .map_err(|_| MailConfigError::Folder(folder.display().to_string()))?;
        Mailer::with(
            Transport::Folder(AsyncFileTransport::new(folder)),
            from,
            site_url,
        )
    }

    fn with(
        transport: Transport,
        from: &str,
        site_url: Option<String>,
    ) -> Result<Mailer, MailConfigError> {
        let from = from.parse().map_err(|_| MailConfigError::From)?;
        let site_url = site_url.map(|url| url.trim_end_matches('/').to_string());
        Ok(Mailer {
            transport,
            from,
            site_url,
        })
    }

    fn message(&self, to: Mailbox, notice: &Notice, lang: Lang) -> Option<Message> {
        let (subject, body) = compose(notice, lang, self.site_url.as_deref());
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .singlepart(SinglePart::plain(body))
            .ok()
    }

    /// Sends a one-time code to `to` (already a checked address), in `lang`; whether it left.
    pub async fn send_code(&self, to: &str, code: &str, lang: Lang) -> bool {
        let Ok(to) = to.parse::<Mailbox>() else {
            return false;
        };
        let subject = format!(
            "{} · {}",
            crate::locales::notifications::code_email_subject(lang),
            crate::locales::shell::app_name(lang)
        );
        let body = format!(
            "{}\n\n-- \n{}",
            crate::t!(lang, sms::verification_code { code }),
            crate::locales::shell::app_name(lang)
        );
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            // Quoted-printable keeps the digits of the code readable in the raw message.
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .header(ContentTransferEncoding::QuotedPrintable)
                    .body(body),
            );
        match message {
            Ok(message) => self.send(message).await,
            Err(_) => false,
        }
    }

    async fn send(&self, message: Message) -> bool {
        let outcome = match &self.transport {
            // What kind of failure, never the server's words (they may quote the address).
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| {
                if e.is_timeout() {
                    "SMTP timed out"
                } else if e.is_permanent() {
                    "SMTP refused it"
                } else if e.is_transient() {
                    "SMTP busy"
                } else {
                    "SMTP connection failed"
                }
            }),
            Transport::Folder(folder) => folder
                .send(message)
                .await
                .map(|_| ())
                .map_err(|_| "mail folder not writable"),
        };
        if let Err(error) = &outcome {
            tracing::warn!(%error, "an e-mail was not sent");
        }
        outcome.is_ok()
    }
}

/// The subject and plain-text body of a notification's email, in `lang`.
pub fn compose(notice: &Notice, lang: Lang, site_url: Option<&str>) -> (String, String) {
    let text = notice.text(lang);
    let mut body = text.clone();
    if let Some(detail) = notice.detail() {
        body.push_str("\n\n");
        body.push_str(detail);
    }
    let link = format!("{}{}", site_url.unwrap_or(""), notice.link());
    body.push_str(&format!(
        "\n\n{link}\n\n-- \n{}\n{}",
        crate::locales::shell::app_name(lang),
        crate::locales::notifications::email_footer(lang)
    ));
    (
        format!("{text} · {}", crate::locales::shell::app_name(lang)),
        body,
    )
}

/// Gives up sending notifications marked for e-mail before `email_before` and for SMS before
/// `sms_before` (`None`: that channel is not sent here): they would tell late what the inbox
/// told on time. It reads first, so the rounds with nothing stale (nearly all) take no write lock.
pub async fn give_up_stale(
    db: &Db,
    email_before: Option<i64>,
    sms_before: Option<i64>,
) -> Result<(), sqlx::Error> {
    let stale: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM notifications \
         WHERE (email_state = 'pending' AND created_at < $1) \
            OR (sms_state = 'pending' AND created_at < $2) LIMIT 1",
    )
    .bind(email_before)
    .bind(sms_before)
    .fetch_optional(db.pool())
    .await?;
    if stale.is_none() {
        return Ok(());
    }
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE notifications SET email_state = 'failed' \
         WHERE email_state = 'pending' AND created_at < $1",
    )
    .bind(email_before)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE notifications SET sms_state = 'skipped' \
         WHERE sms_state = 'pending' AND created_at < $1",
    )
    .bind(sms_before)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Gives up e-mailing notification `id` (the outbox could not send it).
pub async fn give_up(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE notifications SET email_state = 'failed' WHERE id = $1 AND email_state = 'pending'",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

#[derive(sqlx::FromRow)]
struct PendingRow {
    payload: String,
    lang: String,
}

/// E-mails notification `id` to `to`, in its reader's language, and records that it was sent.
/// `None` when there is nothing to send any more: it was sent or given up, or `to` is no longer
/// its reader's proved address. Otherwise whether the mail server took it.
pub async fn send_notice(
    db: &Db,
    mailer: &Mailer,
    id: i64,
    to: &str,
) -> Result<Option<bool>, sqlx::Error> {
    let row: Option<PendingRow> = sqlx::query_as(
        "SELECT n.payload, u.lang FROM notifications n JOIN users u ON u.id = n.user_id \
         WHERE n.id = $1 AND n.email_state = 'pending' AND u.contact = $2 \
           AND u.contact_kind = 'email' AND u.contact_verified_at IS NOT NULL",
    )
    .bind(id)
    .bind(to)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let message = (|| {
        let notice: Notice = serde_json::from_str(&row.payload).ok()?;
        let lang = Lang::from_code(&row.lang).unwrap_or_default();
        mailer.message(to.parse().ok()?, &notice, lang)
    })();
    let Some(message) = message else {
        return Ok(None);
    };
    if !mailer.send(message).await {
        return Ok(Some(false));
    }
    // It left: a failure to record that must not send it again.
    let recorded = async {
        let mut tx = db.begin_write().await?;
        sqlx::query("UPDATE notifications SET email_state = 'sent' WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    };
    if let Err(error) = recorded.await {
        tracing::warn!(%error, "a notification e-mail left but was not marked sent");
    }
    Ok(Some(true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Verification;

    #[test]
    fn emails_say_what_happened_in_the_readers_language_with_a_full_link() {
        let notice = Notice::OrgReviewed {
            org_id: 4,
            org_name: "互助社".into(),
            outcome: Verification::Rejected,
            reason: Some("请补充地址".into()),
        };
        let (subject, body) = compose(&notice, Lang::En, Some("https://yyx.example.cn"));
        assert!(subject.starts_with("Your organisation") && subject.ends_with("· Yunyixiang"));
        assert!(body.contains("请补充地址") && body.contains("https://yyx.example.cn/orgs/4"));
        assert!(body.contains("Turn them off"));
        let (subject, body) = compose(&notice, Lang::Zh, None);
        assert!(subject.contains("未通过") && body.contains("\n/orgs/4\n"));
    }
}
