//! What a notification says: the facts of what happened, turned into words in the reader's
//! language only when shown (or mailed).

use crate::i18n::Lang;
use crate::sms::SmsTemplate;
use crate::vocabulary::{BookingStatus, InvitationKind, OrgRole, Verification};
use serde::{Deserialize, Serialize};

/// The kinds people can choose email for; each later feature adds its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NoticeKind {
    /// The platform reviewed an organisation I run.
    OrgReview,
    /// An organisation invited me, someone accepted my invitation, or a team I am in changed.
    OrgTeam,
    /// An event I hold a place at: I got a seat from the waitlist, it was cancelled.
    Events,
    /// Listings on 益享生活 I posted or asked for: requests, promises, handovers, messages.
    Items,
    /// Bookings and offers of help on 邻里帮帮, mine or those I answer for a member.
    Help,
    /// My account itself: someone proved the contact it held was theirs.
    Account,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 6] = [
        NoticeKind::OrgReview,
        NoticeKind::OrgTeam,
        NoticeKind::Events,
        NoticeKind::Items,
        NoticeKind::Help,
        NoticeKind::Account,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::OrgReview => "org_review",
            NoticeKind::OrgTeam => "org_team",
            NoticeKind::Events => "events",
            NoticeKind::Items => "items",
            NoticeKind::Help => "help",
            NoticeKind::Account => "account",
        }
    }

    pub fn parse(value: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.into_iter().find(|k| k.as_str() == value)
    }

    /// Whether some notices of this kind go by SMS (and so it has an SMS switch).
    pub fn has_sms(self) -> bool {
        matches!(
            self,
            NoticeKind::Events | NoticeKind::Items | NoticeKind::Help
        )
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            NoticeKind::OrgReview => crate::locales::notifications::kind_org_review(lang),
            NoticeKind::OrgTeam => crate::locales::notifications::kind_org_team(lang),
            NoticeKind::Events => crate::locales::notifications::kind_events(lang),
            NoticeKind::Items => crate::locales::notifications::kind_items(lang),
            NoticeKind::Help => crate::locales::notifications::kind_help(lang),
            NoticeKind::Account => crate::locales::notifications::kind_account(lang),
        }
    }
}

/// One thing that happened to someone, with what is needed to say it and link to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Notice {
    OrgReviewed {
        org_id: i64,
        org_name: String,
        outcome: Verification,
        reason: Option<String>,
    },
    AddedToTeam {
        org_id: i64,
        org_name: String,
        role: OrgRole,
    },
    RemovedFromTeam {
        org_id: i64,
        org_name: String,
    },
    /// An organisation invites me to coordinate it.
    InvitedToTeam {
        org_id: i64,
        org_name: String,
    },
    /// A cooperative invites me to link my member record. It names nobody: see
    /// `invitations::model::InvitationForMe::from`.
    InvitedToLink {},
    /// Someone proved by a code that the mobile number or address this account held (never
    /// proved) is theirs; it moved to them.
    ContactTakenBack {},
    /// Someone accepted an invitation I sent.
    InvitationAccepted {
        org_id: i64,
        org_name: String,
        kind: InvitationKind,
        name: String,
    },
    /// A seat came free and is now mine.
    PromotedFromWaitlist {
        event_id: i64,
        title: String,
    },
    EventCancelled {
        event_id: i64,
        title: String,
    },
    /// The organisers wrote to everyone holding a place.
    EventMessage {
        event_id: i64,
        title: String,
        text: String,
    },
    /// An organisation withdrew a certificate of my hours.
    CertificateWithdrawn {
        serial: String,
        org_name: String,
        reason: String,
    },
    /// Someone asked for a listing of mine.
    ItemRequested {
        item_id: i64,
        title: String,
    },
    /// The owner promised me what I asked for.
    ItemPromised {
        item_id: i64,
        title: String,
    },
    /// What I asked for was promised to someone else (I am still waiting, in case it comes back).
    ItemPromisedToOther {
        item_id: i64,
        title: String,
    },
    /// The other side backed out of a promise.
    PromiseCancelled {
        item_id: i64,
        title: String,
    },
    /// The other side confirmed the handover; my confirmation completes it.
    HandoverConfirmed {
        item_id: i64,
        title: String,
    },
    /// Both sides confirmed: it changed hands.
    HandedOver {
        item_id: i64,
        title: String,
    },
    /// What I asked for went to someone else.
    ItemGone {
        item_id: i64,
        title: String,
    },
    /// The owner confirmed what I borrowed came back.
    ItemReturned {
        item_id: i64,
        title: String,
    },
    /// A listing of mine reached its 30 days; it can be posted again.
    ItemExpired {
        item_id: i64,
        title: String,
    },
    /// Reports hid a listing of mine until an admin decides.
    ItemHidden {
        item_id: i64,
        title: String,
    },
    /// An admin removed a listing of mine.
    ItemRemoved {
        item_id: i64,
        title: String,
    },
    /// An admin wrote to me about a listing of mine.
    ItemWarning {
        item_id: i64,
        title: String,
        text: String,
    },
    /// A message in a request's thread.
    ItemMessage {
        item_id: i64,
        request_id: i64,
        title: String,
        text: String,
    },
    /// A booking of a service, or an offer of help, moved on: booked (to the member's side),
    /// answered or done (to the resident), cancelled (to the member's side). Named by the service
    /// or need, never by the member.
    HelpBooking {
        booking_id: i64,
        title: String,
        status: BookingStatus,
    },
    /// The resident said thanks for a booking that was done.
    HelpThanks {
        booking_id: i64,
        title: String,
        text: String,
    },
}

impl Notice {
    /// The SMS template this notice also goes by, with the title it names: only the few where
    /// timing matters (a place of mine, an event I joined cancelled, a handover arranged, my
    /// booking answered). Everything else stays in the inbox and e-mail.
    pub fn by_sms(&self) -> Option<(SmsTemplate, &str)> {
        match self {
            Notice::PromotedFromWaitlist { title, .. } => Some((SmsTemplate::WaitlistPlace, title)),
            Notice::EventCancelled { title, .. } => Some((SmsTemplate::EventCancelled, title)),
            Notice::ItemPromised { title, .. } => Some((SmsTemplate::HandoverArranged, title)),
            Notice::HelpBooking {
                title,
                status: BookingStatus::Accepted | BookingStatus::Declined,
                ..
            } => Some((SmsTemplate::BookingAnswered, title)),
            _ => None,
        }
    }

    pub fn kind(&self) -> NoticeKind {
        match self {
            Notice::OrgReviewed { .. } => NoticeKind::OrgReview,
            Notice::AddedToTeam { .. }
            | Notice::RemovedFromTeam { .. }
            | Notice::InvitedToTeam { .. }
            | Notice::InvitedToLink {}
            | Notice::InvitationAccepted { .. } => NoticeKind::OrgTeam,
            Notice::PromotedFromWaitlist { .. }
            | Notice::EventCancelled { .. }
            | Notice::EventMessage { .. }
            | Notice::CertificateWithdrawn { .. } => NoticeKind::Events,
            Notice::ItemRequested { .. }
            | Notice::ItemPromised { .. }
            | Notice::ItemPromisedToOther { .. }
            | Notice::PromiseCancelled { .. }
            | Notice::HandoverConfirmed { .. }
            | Notice::HandedOver { .. }
            | Notice::ItemGone { .. }
            | Notice::ItemReturned { .. }
            | Notice::ItemExpired { .. }
            | Notice::ItemHidden { .. }
            | Notice::ItemRemoved { .. }
            | Notice::ItemWarning { .. }
            | Notice::ItemMessage { .. } => NoticeKind::Items,
            Notice::HelpBooking { .. } | Notice::HelpThanks { .. } => NoticeKind::Help,
            Notice::ContactTakenBack {} => NoticeKind::Account,
        }
    }

    /// Where the notification leads: always a page of this site.
    pub fn link(&self) -> String {
        match self {
            Notice::OrgReviewed { org_id, .. }
            | Notice::AddedToTeam { org_id, .. }
            | Notice::RemovedFromTeam { org_id, .. } => format!("/orgs/{org_id}"),
            Notice::InvitedToTeam { .. } | Notice::InvitedToLink {} => {
                "/me#invitations".to_string()
            }
            Notice::ContactTakenBack {} => "/me/contact".to_string(),
            Notice::InvitationAccepted { org_id, kind, .. } => match kind {
                InvitationKind::Coordinator => format!("/orgs/{org_id}/edit"),
                InvitationKind::MemberLink => format!("/orgs/{org_id}/members"),
            },
            Notice::PromotedFromWaitlist { event_id, .. }
            | Notice::EventCancelled { event_id, .. }
            | Notice::EventMessage { event_id, .. } => format!("/events/{event_id}"),
            Notice::CertificateWithdrawn { .. } => "/me/hours".to_string(),
            Notice::ItemMessage { request_id, .. } => format!("/items/requests/{request_id}"),
            Notice::ItemRequested { item_id, .. }
            | Notice::ItemPromised { item_id, .. }
            | Notice::ItemPromisedToOther { item_id, .. }
            | Notice::PromiseCancelled { item_id, .. }
            | Notice::HandoverConfirmed { item_id, .. }
            | Notice::HandedOver { item_id, .. }
            | Notice::ItemGone { item_id, .. }
            | Notice::ItemReturned { item_id, .. }
            | Notice::ItemExpired { item_id, .. }
            | Notice::ItemHidden { item_id, .. }
            | Notice::ItemRemoved { item_id, .. }
            | Notice::ItemWarning { item_id, .. } => format!("/items/{item_id}"),
            // The board, until bookings have a page of their own (the notice keeps the booking's id
            // for that page).
            Notice::HelpBooking { booking_id, .. } | Notice::HelpThanks { booking_id, .. } => {
                format!("/help/bookings/{booking_id}")
            }
        }
    }

    /// The sentence shown in the inbox (and as an email's subject).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::OrgReviewed {
                org_name, outcome, ..
            } => match outcome {
                Verification::Verified => {
                    crate::t!(lang, notifications::org_verified { org: org_name })
                }
                Verification::Partner => {
                    crate::t!(lang, notifications::org_partner { org: org_name })
                }
                Verification::Rejected => {
                    crate::t!(lang, notifications::org_rejected { org: org_name })
                }
                Verification::Pending => {
                    crate::t!(lang, notifications::org_pending { org: org_name })
                }
            },
            Notice::AddedToTeam { org_name, role, .. } => {
                crate::t!(
                    lang,
                    notifications::added_to_team {
                        org: org_name,
                        role: role.label(lang)
                    }
                )
            }
            Notice::RemovedFromTeam { org_name, .. } => {
                crate::t!(lang, notifications::removed_from_team { org: org_name })
            }
            Notice::InvitedToTeam { org_name, .. } => {
                crate::t!(lang, invitations::invited_notice { org: org_name })
            }
            Notice::InvitedToLink {} => {
                crate::locales::invitations::invited_to_link_notice(lang).to_string()
            }
            Notice::ContactTakenBack {} => {
                crate::locales::notifications::contact_taken_back(lang).to_string()
            }
            Notice::InvitationAccepted {
                org_name,
                kind,
                name,
                ..
            } => match kind {
                InvitationKind::Coordinator => crate::t!(
                    lang,
                    invitations::coordinator_accepted_notice {
                        org: org_name,
                        name
                    }
                ),
                InvitationKind::MemberLink => crate::t!(
                    lang,
                    invitations::member_link_accepted_notice {
                        org: org_name,
                        name
                    }
                ),
            },
            Notice::PromotedFromWaitlist { title, .. } => {
                crate::t!(lang, notifications::promoted { event: title })
            }
            Notice::EventCancelled { title, .. } => {
                crate::t!(lang, notifications::event_cancelled { event: title })
            }
            Notice::EventMessage { title, .. } => {
                crate::t!(lang, notifications::event_message { event: title })
            }
            Notice::CertificateWithdrawn {
                serial, org_name, ..
            } => crate::t!(
                lang,
                notifications::certificate_withdrawn {
                    org: org_name,
                    serial
                }
            ),
            Notice::ItemRequested { title, .. } => {
                crate::t!(lang, notifications::item_requested { item: title })
            }
            Notice::ItemPromised { title, .. } => {
                crate::t!(lang, notifications::item_promised { item: title })
            }
            Notice::ItemPromisedToOther { title, .. } => {
                crate::t!(lang, notifications::item_promised_to_other { item: title })
            }
            Notice::PromiseCancelled { title, .. } => {
                crate::t!(lang, notifications::promise_cancelled { item: title })
            }
            Notice::HandoverConfirmed { title, .. } => {
                crate::t!(lang, notifications::handover_confirmed { item: title })
            }
            Notice::HandedOver { title, .. } => {
                crate::t!(lang, notifications::handed_over { item: title })
            }
            Notice::ItemGone { title, .. } => {
                crate::t!(lang, notifications::item_gone { item: title })
            }
            Notice::ItemReturned { title, .. } => {
                crate::t!(lang, notifications::item_returned { item: title })
            }
            Notice::ItemMessage { title, .. } => {
                crate::t!(lang, notifications::item_message { item: title })
            }
            Notice::ItemExpired { title, .. } => {
                crate::t!(lang, notifications::item_expired { item: title })
            }
            Notice::ItemHidden { title, .. } => {
                crate::t!(lang, notifications::item_hidden { item: title })
            }
            Notice::ItemRemoved { title, .. } => {
                crate::t!(lang, notifications::item_removed { item: title })
            }
            Notice::ItemWarning { title, .. } => {
                crate::t!(lang, notifications::item_warning { item: title })
            }
            Notice::HelpBooking { title, status, .. } => match status {
                BookingStatus::Requested => {
                    crate::t!(lang, notifications::help_booked { service: title })
                }
                BookingStatus::Accepted => {
                    crate::t!(lang, notifications::help_accepted { service: title })
                }
                BookingStatus::Declined => {
                    crate::t!(lang, notifications::help_declined { service: title })
                }
                BookingStatus::Cancelled => {
                    crate::t!(lang, notifications::help_cancelled { service: title })
                }
                BookingStatus::Done => crate::t!(lang, notifications::help_done { service: title }),
            },
            Notice::HelpThanks { title, .. } => {
                crate::t!(lang, notifications::help_thanks { service: title })
            }
        }
    }

    /// More to say, if anything (a rejection's reason).
    pub fn detail(&self) -> Option<&str> {
        match self {
            Notice::OrgReviewed { reason, .. } => reason.as_deref(),
            Notice::EventMessage { text, .. } => Some(text),
            Notice::CertificateWithdrawn { reason, .. } => Some(reason),
            Notice::ItemMessage { text, .. }
            | Notice::ItemWarning { text, .. }
            | Notice::HelpThanks { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// A notification in the inbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InboxEntry {
    pub id: i64,
    pub notice: Notice,
    /// Unix seconds.
    pub created_at: i64,
    pub read: bool,
}

/// The person's email choice for one kind of notification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailChoice {
    pub kind: NoticeKind,
    pub email: bool,
}

/// The email settings card: the choices, and whether the person can get email at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailSettings {
    pub has_email_address: bool,
    pub choices: Vec<EmailChoice>,
}

/// The person's SMS choice for one kind of notification that goes by SMS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmsChoice {
    pub kind: NoticeKind,
    pub sms: bool,
}

/// The SMS settings card: whether the person has a mobile number and proved it, the choices,
/// and how many notices a month may come by SMS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmsSettings {
    pub has_mobile: bool,
    pub proved: bool,
    pub choices: Vec<SmsChoice>,
    pub per_month: i64,
}

/// `SMS_PER_PERSON_MONTH`: how many notices one person gets by SMS in a calendar month (China
/// time); the rest stay in the inbox. SMS cost money, and a phone that buzzes all day is turned off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SmsMonthlyCap(pub i64);

impl Default for SmsMonthlyCap {
    fn default() -> Self {
        SmsMonthlyCap(10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_notice_that_goes_by_sms_has_an_sms_switch() {
        let by_sms = [
            Notice::PromotedFromWaitlist {
                event_id: 1,
                title: "义剪".into(),
            },
            Notice::EventCancelled {
                event_id: 1,
                title: "义剪".into(),
            },
            Notice::ItemPromised {
                item_id: 1,
                title: "电饭煲".into(),
            },
            Notice::HelpBooking {
                booking_id: 1,
                title: "磨刀".into(),
                status: BookingStatus::Declined,
            },
        ];
        for notice in by_sms {
            assert!(notice.by_sms().is_some(), "{notice:?}");
            assert!(notice.kind().has_sms(), "{notice:?}");
        }
        let requested = Notice::HelpBooking {
            booking_id: 1,
            title: "磨刀".into(),
            status: BookingStatus::Requested,
        };
        assert!(requested.by_sms().is_none());
    }

    #[test]
    fn notices_read_in_each_language_and_survive_storage() {
        let notice = Notice::AddedToTeam {
            org_id: 3,
            org_name: "阳光助老".into(),
            role: OrgRole::Coordinator,
        };
        let stored = serde_json::to_string(&notice).unwrap();
        assert_eq!(serde_json::from_str::<Notice>(&stored).unwrap(), notice);
        let zh = notice.text(Lang::Zh);
        let en = notice.text(Lang::En);
        assert!(zh.contains("阳光助老") && zh.contains("协调员"), "{zh}");
        assert!(
            en.contains("阳光助老") && en.contains("Coordinator"),
            "{en}"
        );
        assert!(!zh.contains('{') && !en.contains('{'));
        assert_eq!(notice.link(), "/orgs/3");
        assert_eq!(notice.kind(), NoticeKind::OrgTeam);
    }

    #[test]
    fn invitation_notices_read_whole_in_each_language() {
        let invited = Notice::InvitedToTeam {
            org_id: 3,
            org_name: "阳光助老".into(),
        };
        let to_link = Notice::InvitedToLink {};
        assert_eq!(invited.link(), "/me#invitations");
        assert_eq!(to_link.link(), "/me#invitations");
        let mut notices = vec![invited, to_link.clone()];
        for kind in InvitationKind::ALL.iter().copied() {
            let accepted = Notice::InvitationAccepted {
                org_id: 3,
                org_name: "阳光助老".into(),
                kind,
                name: "小云".into(),
            };
            assert!(accepted.link().starts_with("/orgs/3/"));
            notices.push(accepted);
        }
        for notice in notices {
            let stored = serde_json::to_string(&notice).unwrap();
            assert_eq!(serde_json::from_str::<Notice>(&stored).unwrap(), notice);
            for lang in Lang::ALL {
                let text = notice.text(lang);
                assert!(!text.contains('{'), "{text}");
                // A member link names no organisation.
                assert_eq!(text.contains("阳光助老"), notice != to_link, "{text}");
            }
        }
    }

    #[test]
    fn booking_notices_lead_to_the_booking() {
        let booked = Notice::HelpBooking {
            booking_id: 7,
            title: "磨刀".into(),
            status: BookingStatus::Accepted,
        };
        let thanked = Notice::HelpThanks {
            booking_id: 7,
            title: "磨刀".into(),
            text: "谢谢".into(),
        };
        for notice in [booked, thanked] {
            assert_eq!(notice.link(), "/help/bookings/7");
            assert_eq!(notice.kind(), NoticeKind::Help);
        }
    }
}
