//! Strings of 邻里帮帮's bookings and of the coordinators' desk (members, consents, logs), in
//! both languages side by side.

use crate::help::records::{ViewedVia, ViewerRole};

pub struct HelpDeskTexts {
    /// In the order of `ProxyAction::ALL`.
    pub proxy_actions: &'static [&'static str],
    pub roles: &'static [&'static str],
    pub vias: &'static [&'static str],
}

impl HelpDeskTexts {
    pub fn role_label(&self, role: ViewerRole) -> &'static str {
        self.roles[role as usize]
    }

    pub fn via_label(&self, via: ViewedVia) -> &'static str {
        self.vias[via as usize]
    }
}

pub const ZH: HelpDeskTexts = HelpDeskTexts {
    proxy_actions: &[
        "登记了成员",
        "修改了资料",
        "添加了服务",
        "删除了服务",
        "添加了需要",
        "标记需要已解决",
        "记录了同意",
        "撤回了同意",
        "关联了账号",
        "取消了账号关联",
        "下载了全部资料",
        "代为接受预约",
        "代为婉拒预约",
        "代为确认完成",
        "更换了照片",
        "删除了照片",
        "邀请关联账号",
        "撤回了关联邀请",
    ],
    roles: &["协调员", "居民", "平台管理员"],
    vias: &["公开页面", "协调员页面", "下载"],
};

pub const EN: HelpDeskTexts = HelpDeskTexts {
    proxy_actions: &[
        "registered the member",
        "edited the details",
        "added a service",
        "removed a service",
        "added a need",
        "marked a need as met",
        "recorded a consent",
        "withdrew a consent",
        "linked an account",
        "unlinked the account",
        "downloaded all data",
        "accepted a booking for them",
        "declined a booking for them",
        "confirmed a booking done for them",
        "changed the photo",
        "removed the photo",
        "invited an account to link",
        "withdrew the invitation to link",
    ],
    roles: &["Coordinator", "Resident", "Platform admin"],
    vias: &["Public page", "Coordinators' page", "Download"],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::help::model::ProxyAction;

    #[test]
    fn every_action_role_and_place_has_a_label_in_both_languages() {
        for t in [ZH, EN] {
            assert_eq!(t.proxy_actions.len(), ProxyAction::ALL.len());
            assert_eq!(t.role_label(ViewerRole::Admin), t.roles[2]);
            assert_eq!(t.via_label(ViewedVia::Export), t.vias[2]);
        }
    }
}
