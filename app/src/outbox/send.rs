//! Sending what is in the outbox: each round claims what is due, one channel at a time, sends it
//! through the transport set for that channel and records the outcome. A round starts when a
//! request rings the bell (a code just queued leaves at once) and every few seconds besides
//! (retries, and what another instance queued).

use super::queue::{self, Claimed, Outcome};
use super::{Channel, Outgoing};
use crate::db::Db;
use crate::notifications::mail::{self, Mailer, MAIL_WITHIN_SECONDS};
use crate::sms::{Sms, SmsError, SmsTransport};
use std::sync::Arc;
use tokio::sync::Notify;

/// How many messages one round claims per channel.
const BATCH: i64 = 20;
/// The longest a queued message waits when no bell rings.
const POLL: std::time::Duration = std::time::Duration::from_secs(5);

/// The ways out the server was set up with, and the bell that starts a round. None by default:
/// a site without them cannot send codes and says so.
#[derive(Default)]
pub struct Outbox {
    pub sms: Option<Arc<SmsTransport>>,
    pub mail: Option<Arc<Mailer>>,
    bell: Notify,
}

impl Outbox {
    pub fn new(sms: Option<Arc<SmsTransport>>, mail: Option<Arc<Mailer>>) -> Outbox {
        Outbox {
            sms,
            mail,
            bell: Notify::new(),
        }
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

    /// Sends `message`.
    async fn deliver(&self, db: &Db, message: &Outgoing, now: i64) -> Outcome {
        match message {
            Outgoing::NoticeMail {
                notification_id,
                to,
            } => {
                let Some(mail) = &self.mail else {
                    return Outcome::Failed("no mail transport".into());
                };
                match mail::send_notice(db, mail, *notification_id, to).await {
                    Ok(Some(true)) => Outcome::Sent(String::new()),
                    Ok(Some(false)) => Outcome::Again("mail not accepted".into()),
                    // Sent or given up meanwhile, or the reader's address changed.
                    Ok(None) => Outcome::Failed("nothing to send".into()),
                    Err(error) => Outcome::Again(format!("database: {error}")),
                }
            }
            Outgoing::Code { to, code, lang } if message.channel() == Channel::Mail => {
                let Some(mail) = &self.mail else {
                    return Outcome::Failed("no mail transport".into());
                };
                match mail.send_code(to, code, *lang).await {
                    true => Outcome::Sent(String::new()),
                    false => Outcome::Again("mail not accepted".into()),
                }
            }
            Outgoing::Code { to, code, lang } => {
                let Some(sms) = &self.sms else {
                    return Outcome::Failed("no SMS transport".into());
                };
                match sms
                    .send(&Sms::verification_code(to, code, *lang), now)
                    .await
                {
                    Ok(id) => Outcome::Sent(id),
                    Err(SmsError::Retry(why)) => Outcome::Again(why),
                    Err(SmsError::Refused(why)) => Outcome::Failed(why),
                }
            }
        }
    }

    /// One round: claims and sends what is due on every channel that has a transport; how many
    /// messages left.
    pub async fn send_due(&self, db: &Db, now: i64) -> Result<usize, sqlx::Error> {
        let mut sent = 0;
        if self.reaches(Channel::Mail) {
            queue_notice_mail(db, now).await?;
        }
        for channel in Channel::ALL.into_iter().filter(|c| self.reaches(*c)) {
            for row in queue::claim_due(db, channel, BATCH, now).await? {
                let outcome = self.outcome(db, &row, now).await;
                let left = matches!(outcome, Outcome::Sent(_));
                if let Outcome::Again(why) | Outcome::Failed(why) = &outcome {
                    tracing::warn!(id = row.id, attempt = row.attempts, %why, "a message did not leave");
                }
                if !queue::finish(db, &row, outcome, crate::db::now_unix()).await? {
                    tracing::warn!(id = row.id, "a message's lease ran out while it was sent");
                }
                sent += usize::from(left);
            }
        }
        Ok(sent)
    }

    async fn outcome(&self, db: &Db, row: &Claimed, now: i64) -> Outcome {
        match row.message() {
            _ if now >= row.give_up_at => Outcome::Expired,
            Some(message) => self.deliver(db, &message, now).await,
            None => Outcome::Failed("unreadable".into()),
        }
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

/// Queues the notifications waiting for e-mail (each once, however many instances do this at
/// the same moment), after giving up those older than a day.
async fn queue_notice_mail(db: &Db, now: i64) -> Result<(), sqlx::Error> {
    mail::give_up_stale(db, now).await?;
    let waiting = mail::pending(db, BATCH).await?;
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
        queue::enqueue_once(
            &mut tx,
            &message,
            Some(&key),
            now,
            now + MAIL_WITHIN_SECONDS,
        )
        .await?;
    }
    tx.commit().await
}
