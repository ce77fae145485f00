//! Text messages to mainland mobile numbers. One setting picks how they leave: `SMS_URL` sends
//! through Alibaba Cloud or Tencent Cloud SMS; `SMS_DIR` writes each message into a folder as a
//! JSON file (for trying things out, and what the tests read).
//! Providers name their messages by template: the text's words are the provider's approved
//! template, and only the template's variables travel, so a message here is a template and its
//! values. A building block: it imports only leaves.

use crate::locales::Lang;
use serde::Serialize;

#[cfg(feature = "ssr")]
mod aliyun;
#[cfg(feature = "ssr")]
mod provider;
#[cfg(feature = "ssr")]
mod setting;
#[cfg(all(test, feature = "ssr"))]
mod stand_in_tests;
#[cfg(feature = "ssr")]
mod tencent;
#[cfg(feature = "ssr")]
mod transport;
#[cfg(feature = "ssr")]
pub use setting::{SmsProvider, SmsUrlError};
#[cfg(feature = "ssr")]
pub use transport::SmsTransport;

/// The messages the product sends, each one template at the provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SmsTemplate {
    /// "Your code is ${code}, valid for 5 minutes." No link: providers refuse links in
    /// verification texts.
    VerificationCode,
    /// A seat came free at "${title}" and is now the reader's.
    WaitlistPlace,
    /// "${title}", which the reader signed up for, was cancelled.
    EventCancelled,
    /// "${title}", which the reader asked for, was promised to them.
    HandoverArranged,
    /// The reader's booking of "${title}" was answered.
    BookingAnswered,
}

impl SmsTemplate {
    pub const ALL: [SmsTemplate; 5] = [
        SmsTemplate::VerificationCode,
        SmsTemplate::WaitlistPlace,
        SmsTemplate::EventCancelled,
        SmsTemplate::HandoverArranged,
        SmsTemplate::BookingAnswered,
    ];

    /// The name `SMS_URL` gives its template id, and the folder's files carry.
    pub fn name(self) -> &'static str {
        match self {
            SmsTemplate::VerificationCode => "verification_code",
            SmsTemplate::WaitlistPlace => "waitlist_place",
            SmsTemplate::EventCancelled => "event_cancelled",
            SmsTemplate::HandoverArranged => "handover_arranged",
            SmsTemplate::BookingAnswered => "booking_answered",
        }
    }
}

/// One message to one number. Its `Debug` shows neither the number nor the values.
#[derive(Clone, PartialEq, Eq)]
pub struct Sms {
    /// 11 digits, mainland.
    pub to: String,
    pub template: SmsTemplate,
    /// The template's variables, by name, in the template's order.
    pub params: Vec<(&'static str, String)>,
    /// The reader's language, which picks the template.
    pub lang: Lang,
}

impl Sms {
    /// A verification code, in the reader's language.
    pub fn verification_code(to: &str, code: &str, lang: Lang) -> Sms {
        Sms {
            to: to.to_string(),
            template: SmsTemplate::VerificationCode,
            params: vec![("code", code.to_string())],
            lang,
        }
    }

    /// A notice's template, with the title a person wrote as its one variable (already made fit
    /// for a template).
    pub fn notice(to: &str, template: SmsTemplate, title: String, lang: Lang) -> Sms {
        Sms {
            to: to.to_string(),
            template,
            params: vec![("title", title)],
            lang,
        }
    }

    /// The words as the person reads them (what the template says, filled in).
    pub fn text(&self) -> String {
        let value = self.params.first().map_or("", |(_, v)| v.as_str());
        let lang = self.lang;
        match self.template {
            SmsTemplate::VerificationCode => {
                crate::t!(lang, sms::verification_code { code: value })
            }
            SmsTemplate::WaitlistPlace => crate::t!(lang, sms::waitlist_place { title: value }),
            SmsTemplate::EventCancelled => crate::t!(lang, sms::event_cancelled { title: value }),
            SmsTemplate::HandoverArranged => {
                crate::t!(lang, sms::handover_arranged { title: value })
            }
            SmsTemplate::BookingAnswered => crate::t!(lang, sms::booking_answered { title: value }),
        }
    }
}

impl std::fmt::Debug for Sms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Sms({:?} to {})", self.template, masked(&self.to))
    }
}

/// Why a message did not leave.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum SmsError {
    /// Certainly not sent, and worth trying again later: the provider could not be reached, or
    /// refused it for coming too fast.
    #[error("not sent, will try again: {0}")]
    Retry(String),
    /// Not to be sent again: a wrong key, sign name, template or number; or cut off on the way,
    /// when it may have been sent (and paid for) already.
    #[error("not sent again: {0}")]
    Refused(String),
}

/// A number as logs may show it: `138****0001`. Anything not 11 characters long is hidden whole.
pub fn masked(number: &str) -> String {
    if number.len() == 11 && number.is_ascii() {
        format!("{}****{}", &number[..3], &number[7..])
    } else {
        "****".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn numbers_are_masked_in_the_middle() {
        assert_eq!(masked("13800000001"), "138****0001");
        assert_eq!(masked("1380000"), "****");
        assert_eq!(masked("li@example.cn"), "****");
    }
}
