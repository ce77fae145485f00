//! Strings of 邻里帮帮 (the cooperative's members, their services and needs), in both languages
//! side by side. The lists follow the order of each choice's `ALL` (`help::model`).

pub struct HelpBoardTexts {
    pub field_groups: &'static [&'static str],
    pub audiences: &'static [&'static str],
    pub consent_methods: &'static [&'static str],
    pub units: &'static [&'static str],
    pub urgencies: &'static [&'static str],
    pub booking_statuses: &'static [&'static str],
    pub booking_kinds: &'static [&'static str],
}

pub const ZH: HelpBoardTexts = HelpBoardTexts {
    field_groups: &[
        "称呼",
        "照片",
        "服务与技能",
        "需要的帮助",
        "所在社区与大致位置",
        "有空的时间",
    ],
    audiences: &["仅合作社协调员", "已登录的居民", "所有人"],
    consent_methods: &["纸质同意书", "当面口头同意", "在应用内同意"],
    units: &["每小时", "每次上门", "每件", "每天"],
    urgencies: &["不急", "一般", "紧急"],
    booking_statuses: &["等待答复", "已接受", "已婉拒", "已取消", "已完成"],
    booking_kinds: &["预约服务", "提供帮助"],
};

pub const EN: HelpBoardTexts = HelpBoardTexts {
    field_groups: &[
        "Name",
        "Photo",
        "Services and skills",
        "Help needed",
        "Community and rough location",
        "When available",
    ],
    audiences: &[
        "The cooperative's coordinators only",
        "Signed-in residents",
        "Everyone",
    ],
    consent_methods: &["Paper form", "In person, spoken", "In the app"],
    units: &["per hour", "per visit", "per item", "per day"],
    urgencies: &["Not urgent", "Normal", "Urgent"],
    booking_statuses: &[
        "Waiting for an answer",
        "Accepted",
        "Declined",
        "Cancelled",
        "Done",
    ],
    booking_kinds: &["Booking", "Offer of help"],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::help::model::{
        Audience, BookingKind, BookingStatus, ConsentMethod, FieldGroup, ServiceUnit, Urgency,
    };

    #[test]
    fn every_choice_has_a_label_in_both_languages() {
        for t in [ZH, EN] {
            assert_eq!(t.field_groups.len(), FieldGroup::ALL.len());
            assert_eq!(t.audiences.len(), Audience::ALL.len());
            assert_eq!(t.consent_methods.len(), ConsentMethod::ALL.len());
            assert_eq!(t.units.len(), ServiceUnit::ALL.len());
            assert_eq!(t.urgencies.len(), Urgency::ALL.len());
            assert_eq!(t.booking_statuses.len(), BookingStatus::ALL.len());
            assert_eq!(t.booking_kinds.len(), BookingKind::ALL.len());
        }
    }
}
