//! The outbox: messages that leave the site (SMS, e-mailed codes, notification e-mails) are
//! written here in the transaction that decides them, and sent in the background. A request
//! never waits on a provider, so how long it takes tells nothing about whether a message went
//! anywhere. Each row is claimed with a lease (`queue`), renewed just before it is sent, so
//! several server instances share the work and send each message once (a send is cut off long
//! before its lease runs out). `lease` gives work that must run on one instance at a time a named
//! lease. Both are the pieces other background jobs build on.

use crate::locales::Lang;
use serde::{Deserialize, Serialize};

pub mod lease;
mod notice_sms;
pub mod queue;
pub mod send;
pub mod sms_rules;

pub use send::Outbox;

/// A message waiting to leave, as the outbox keeps it until it is done with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outgoing {
    /// A one-time code: by SMS to a mobile number, by e-mail to an address. Kept as the seal it
    /// is derived from with the server key (`secrets::code_from_seal`), never as the code.
    Code {
        to: String,
        seal: String,
        lang: Lang,
    },
    /// A notification, by e-mail to its reader's proved address.
    NoticeMail { notification_id: i64, to: String },
    /// A notification where timing matters, by SMS to its reader's proved number.
    NoticeSms { notification_id: i64, to: String },
}

impl Outgoing {
    /// The way it leaves.
    pub fn channel(&self) -> Channel {
        match self {
            Outgoing::Code { to, .. } if to.contains('@') => Channel::Mail,
            Outgoing::Code { .. } => Channel::Sms,
            Outgoing::NoticeMail { .. } => Channel::Mail,
            Outgoing::NoticeSms { .. } => Channel::Sms,
        }
    }

    /// Who it goes to, as the outbox may show it once the message is gone.
    pub fn masked_recipient(&self) -> String {
        let (Outgoing::Code { to, .. }
        | Outgoing::NoticeMail { to, .. }
        | Outgoing::NoticeSms { to, .. }) = self;
        match to.split_once('@') {
            Some((name, domain)) => format!("{}***@{domain}", name.chars().next().unwrap_or('*')),
            None => crate::sms::masked(to),
        }
    }
}

/// The ways out, each sent by its own round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Sms,
    Mail,
}

impl Channel {
    pub const ALL: [Channel; 2] = [Channel::Sms, Channel::Mail];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Mail => "mail",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_are_kept_masked() {
        let code = |to: &str| Outgoing::Code {
            to: to.into(),
            seal: crate::secrets::new_seal(),
            lang: Lang::Zh,
        };
        assert_eq!(code("13800000001").masked_recipient(), "138****0001");
        assert_eq!(code("13800000001").channel(), Channel::Sms);
        assert_eq!(
            code("li.na@example.cn").masked_recipient(),
            "l***@example.cn"
        );
        assert_eq!(code("li.na@example.cn").channel(), Channel::Mail);
    }
}
