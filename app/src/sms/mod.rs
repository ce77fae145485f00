//! Text messages to mainland mobile numbers. One setting picks how they leave: `SMS_DIR` writes
//! each message into a folder as a JSON file (for trying things out, and what the tests read).
//! Providers name their messages by template: the text's words are the provider's approved
//! template, and only the template's variables travel, so a message here is a template and its
//! values. A building block: it imports only leaves.

use crate::locales::Lang;
use serde::Serialize;

#[cfg(feature = "ssr")]
mod transport;
#[cfg(feature = "ssr")]
pub use transport::{SmsError, SmsTransport};

/// The messages the product sends, each one template at the provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SmsTemplate {
    /// "Your code is ${code}, valid for 5 minutes." No link: providers refuse links in
    /// verification texts.
    VerificationCode,
}

/// One message to one number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sms {
    /// 11 digits, mainland.
    pub to: String,
    pub template: SmsTemplate,
    /// The template's variables, by name.
    pub params: Vec<(&'static str, String)>,
    /// The words as the person reads them (what the template says, filled in).
    pub text: String,
}

impl Sms {
    /// A verification code, in the reader's language.
    pub fn verification_code(to: &str, code: &str, lang: Lang) -> Sms {
        Sms {
            to: to.to_string(),
            template: SmsTemplate::VerificationCode,
            params: vec![("code", code.to_string())],
            text: crate::t!(lang, sms::verification_code { code }),
        }
    }
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
