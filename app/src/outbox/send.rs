//! Sending what is in the outbox: each round claims what is due, one channel at a time, sends it
//! through the transport set for that channel and records the outcome. A round starts when a
//! request rings the bell (a code just queued leaves at once) and every few seconds besides
//! (retries, notification e-mails, and what another instance queued).

use super::queue::{self, Outcome, State};
use super::{notice_sms, Channel, Outgoing};
use crate::db::Db;
use crate::notifications::mail::{self, Mailer, MAIL_WITHIN_SECONDS};
use crate::notifications::model::SmsMonthlyCap;
use crate::sms::{Sms, SmsError, SmsTransport};
use std::sync::Arc;
use tokio::sync::Notify;

/// How many messages one round claims per channel.
const BATCH: i64 = 20;
/// The longest a queued message waits when no bell rings.
const POLL: std::time::Duration = std::time::Duration::from_secs(5);

/// The ways out the server was set up with, the key that opens the codes' seals, and the bell
/// that starts a round. No ways out by default: a site without them cannot send codes and says so.
#[derive(Default)]
pub struct Outbox {
    pub sms: Option<Arc<SmsTransport>>,
    pub mail: Option<Arc<Mailer>>,
    key: [u8; 32],
    /// How many notices one person gets by SMS in a calendar month.
    sms_per_month: i64,
    bell: Notify,
}

impl Outbox {
    /// `key` is the server key the codes are sealed with (`SECRET_KEY`).
    pub fn new(sms: Option<Arc<SmsTransport>>, mail: Option<Arc<Mailer>>, key: [u8; 32]) -> Outbox {
        Outbox {
            sms,
            mail,
            key,
            sms_per_month: SmsMonthlyCap::default().0,
            bell: Notify::new(),
        }
    }

    /// At most `cap` notices a month per person by SMS (`SMS_PER_PERSON_MONTH`).
    pub fn with_monthly_cap(mut self, cap: SmsMonthlyCap) -> Outbox {
        self.sms_per_month = cap.0;
        self
    }

    /// Whether messages can leave by `channel` at all.
    pub fn reaches(&self, channel: Channel) -> bool {
        match channel {
            Channel::Sms => self.sms.is_some(),
            Channel::Mail => self.mail.is_some(),
        }
    }

    /// Starts a round now (after committing what was queued).
    pub fn ring(&self) {
        self.bell.notify_one();
    }

    /// Sends `message` at `now`.
    async fn deliver(&self, db: &Db, message: &Outgoing, now: i64) -> Outcome {
        let (mail, sms) = (self.mail.as_deref(), self.sms.as_deref());
        match (message, message.channel()) {
            (Outgoing::NoticeMail { .. }, _) | (Outgoing::Code { .. }, Channel::Mail)
                if mail.is_none() =>
            {
                Outcome::Failed("no mail transport".into())
            }
            (Outgoing::Code { .. } | Outgoing::NoticeSms { .. }, _) if sms.is_none() => {
                Outcome::Failed("no SMS transport".into())
            }
            (
                Outgoing::NoticeSms {
                    notification_id,
                    to,
                },
                _,
            ) => notice_sms::send(db, sms.expect("checked"), *notification_id, to, now).await,
            (
                Outgoing::NoticeMail {
                    notification_id,
                    to,
                },
                _,
            ) => match mail::send_notice(db, mail.expect("checked"), *notification_id, to).await {
                Ok(Some(true)) => Outcome::Sent(String::new()),
                Ok(Some(false)) => Outcome::Again("mail not accepted".into()),
                Ok(None) => Outcome::Failed("sent, given up or readdressed meanwhile".into()),
                Err(error) => Outcome::Again(format!("database: {error}")),
            },
            (Outgoing::Code { to, seal, lang }, Channel::Mail) => {
                let code = crate::secrets::code_from_seal(&self.key, seal);
                match mail.expect("checked").send_code(to, &code, *lang).await {
                    true => Outcome::Sent(String::new()),
                    false => Outcome::Again("mail not accepted".into()),
                }
            }
            (Outgoing::Code { to, seal, lang }, Channel::Sms) => {
                let code = crate::secrets::code_from_seal(&self.key, seal);
                let sms_message = Sms::verification_code(to, &code, *lang);
                match sms.expect("checked").send(&sms_message, now).await {
                    Ok(id) => Outcome::Sent(id),
                    Err(SmsError::Retry(why)) => Outcome::Again(why),
                    Err(SmsError::Refused(why)) => Outcome::Failed(why),
                }
            }
        }
    }

    /// One round: claims and sends what is due on every channel that has a transport; how many
    /// messages were sent.
    pub async fn send_due(&self, db: &Db, now: i64) -> Result<usize, sqlx::Error> {
        let mut sent = 0;
        let mail_before = self
            .reaches(Channel::Mail)
            .then_some(now - MAIL_WITHIN_SECONDS);
        let sms_before = self
            .reaches(Channel::Sms)
            .then_some(now - notice_sms::STALE_SECONDS);
        mail::give_up_stale(db, mail_before, sms_before).await?;
        if self.reaches(Channel::Mail) {
            queue_notice_mail(db, now).await?;
        }
        if let Some(sms) = &self.sms {
            notice_sms::queue_due(db, sms, self.sms_per_month, now).await?;
        }
        for channel in Channel::ALL.into_iter().filter(|c| self.reaches(*c)) {
            for row in queue::claim_due(db, channel, BATCH, now).await? {
                // The clock moves on while a batch is sent: each message is judged at its turn.
                let at = now.max(crate::db::now_unix());
                if !queue::renew(db, &row, at).await? {
                    tracing::warn!(id = row.id, "a message's lease ran out before its turn");
                    continue;
                }
                let message = row.message();
                let outcome = match &message {
                    _ if at >= row.give_up_at => Outcome::Expired,
                    Some(message) => self.deliver(db, message, at).await,
                    None => Outcome::Failed("unreadable".into()),
                };
                if let Outcome::Again(why) | Outcome::Failed(why) = &outcome {
                    tracing::warn!(id = row.id, attempt = row.attempts, %why, "a message did not leave");
                }
                let was_sent = matches!(outcome, Outcome::Sent(_));
                match queue::finish(db, &row, outcome, at).await? {
                    None => {
                        tracing::warn!(id = row.id, "a message's lease ran out while it was sent")
                    }
                    Some(State::Failed | State::Expired) => match message {
                        Some(Outgoing::NoticeMail {
                            notification_id, ..
                        }) => mail::give_up(db, notification_id).await?,
                        Some(Outgoing::NoticeSms {
                            notification_id, ..
                        }) => notice_sms::set_state(db, notification_id, "failed").await?,
                        _ => {}
                    },
                    Some(State::Queued | State::Sent) => {}
                }
                sent += usize::from(was_sent);
            }
        }
        Ok(sent)
    }

    /// Sends rounds until the server stops. A failed round is logged and tried again.
    pub async fn run(self: Arc<Self>, db: Db) {
        loop {
            if let Err(error) = self.send_due(&db, crate::db::now_unix()).await {
                tracing::warn!(%error, "sending from the outbox failed; will try again");
            }
            // A ring while the round ran is kept by `Notify` and starts the next one at once.
            let _ = tokio::time::timeout(POLL, self.bell.notified()).await;
        }
    }
}

/// Queues the notifications waiting for e-mail that are not queued yet (each once, however many
/// instances do this at the same moment); those older than a day were given up already.
async fn queue_notice_mail(db: &Db, now: i64) -> Result<(), sqlx::Error> {
    let waiting: Vec<(i64, String)> = sqlx::query_as(
        "SELECT n.id, u.contact FROM notifications n JOIN users u ON u.id = n.user_id \
         WHERE n.email_state = 'pending' AND u.contact_kind = 'email' \
           AND u.contact_verified_at IS NOT NULL \
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.once_key = 'notice:' || n.id) \
         ORDER BY n.id LIMIT $1",
    )
    .bind(BATCH)
    .fetch_all(db.pool())
    .await?;
    if waiting.is_empty() {
        return Ok(());
    }
    let mut tx = db.begin_write().await?;
    for (notification_id, to) in waiting {
        let key = format!("notice:{notification_id}");
        let message = Outgoing::NoticeMail {
            notification_id,
            to,
        };
        let window = queue::Window::from_now(now, now + MAIL_WITHIN_SECONDS);
        queue::enqueue_once(&mut tx, &message, Some(&key), now, window).await?;
    }
    tx.commit().await
}
