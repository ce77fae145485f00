//! How a code reaches its contact: by SMS to a mobile number (when an SMS transport is set up),
//! by e-mail to an address (when mail is). Codes and numbers never reach the log.

use crate::accounts::contact::Contact;
use crate::i18n::Lang;
use crate::notifications::mail::Mailer;
use crate::sms::{masked, Sms, SmsTransport};
use std::sync::Arc;

/// The ways codes can leave, set by the server from `SMS_DIR` and the mail settings. None by
/// default: a site without them cannot send codes and says so.
#[derive(Default)]
pub struct CodeSenders {
    pub sms: Option<Arc<SmsTransport>>,
    pub mail: Option<Arc<Mailer>>,
}

impl CodeSenders {
    /// Whether a code can be sent to this kind of contact at all.
    pub fn reaches(&self, contact: &Contact) -> bool {
        match contact {
            Contact::Mobile(_) => self.sms.is_some(),
            Contact::Email(_) => self.mail.is_some(),
        }
    }

    /// Sends `code`; whether it left.
    pub async fn send(&self, contact: &Contact, code: &str, lang: Lang) -> bool {
        match contact {
            Contact::Mobile(number) => {
                let Some(sms) = &self.sms else { return false };
                match sms.send(&Sms::verification_code(number, code, lang)).await {
                    Ok(()) => true,
                    Err(error) => {
                        tracing::warn!(to = %masked(number), %error, "a code SMS was not sent");
                        false
                    }
                }
            }
            Contact::Email(address) => match &self.mail {
                Some(mail) => mail.send_code(address, code, lang).await,
                None => false,
            },
        }
    }
}
