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
    /// A service that costs nothing.
    pub free: &'static str,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub more_filters: &'static str,
    pub offers_label: &'static str,
    pub offers_all: &'static str,
    pub offers_services: &'static str,
    pub offers_needs: &'static str,
    pub area_label: &'static str,
    pub all_areas: &'static str,
    pub apply_filters: &'static str,
    pub bad_filter: &'static str,
    pub show_all: &'static str,
    pub none_found: &'static str,
    pub count_before: &'static str,
    pub count_after: &'static str,
    /// In place of a name the member did not agree to show.
    pub anonymous: &'static str,
    pub services_heading: &'static str,
    pub needs_heading: &'static str,
    pub availability_label: &'static str,
    pub where_label: &'static str,
    /// A cell on the map, in words.
    pub rough_place: &'static str,
    pub cooperative_label: &'static str,
    /// Under the list and on each card: why so little may show.
    pub privacy_note: &'static str,
    pub note_heading: &'static str,
    pub note_hint: &'static str,
    pub back_to_list: &'static str,
    pub photo_alt: &'static str,
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
    free: "免费",
    search_label: "搜索服务或需要",
    search_button: "搜索",
    more_filters: "更多筛选",
    offers_label: "看什么",
    offers_all: "服务和需要",
    offers_services: "只看服务",
    offers_needs: "只看需要的帮助",
    area_label: "地区",
    all_areas: "全部地区",
    apply_filters: "筛选",
    bad_filter: "筛选条件看不懂，请重新选择。",
    show_all: "显示全部",
    none_found: "没有找到符合条件的成员。",
    count_before: "共 ",
    count_after: " 位成员",
    anonymous: "互助社成员",
    services_heading: "能提供的服务",
    needs_heading: "需要的帮助",
    availability_label: "有空的时间",
    where_label: "所在地区",
    rough_place: "大致位置（约 500 米范围）",
    cooperative_label: "所属合作社",
    privacy_note: "这里只显示成员本人同意公开的信息。",
    photo_alt: "成员照片",
    note_heading: "协调员备注",
    note_hint: "只有本合作社的协调员能看到，绝不公开。",
    back_to_list: "返回邻里帮帮",
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
    free: "Free",
    search_label: "Search services or needs",
    search_button: "Search",
    more_filters: "More filters",
    offers_label: "Show",
    offers_all: "Services and needs",
    offers_services: "Services only",
    offers_needs: "Help needed only",
    area_label: "Area",
    all_areas: "All areas",
    apply_filters: "Filter",
    bad_filter: "A filter could not be read: choose again.",
    show_all: "Show everything",
    none_found: "No members match.",
    count_before: "",
    count_after: " members",
    anonymous: "A cooperative member",
    services_heading: "Services offered",
    needs_heading: "Help needed",
    availability_label: "When available",
    where_label: "Area",
    rough_place: "Rough location (within about 500 m)",
    cooperative_label: "Cooperative",
    privacy_note: "Only what the member agreed to show is shown here.",
    photo_alt: "The member's photo",
    note_heading: "Coordinators' note",
    note_hint: "Seen only by this cooperative's coordinators, never public.",
    back_to_list: "Back to Neighbours",
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
