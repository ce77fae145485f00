//! Strings of the dashboards, in both languages side by side.

use crate::dashboard::period::Month;

pub struct DashboardTexts {
    pub link: &'static str,
    pub title: &'static str,
    pub lead: &'static str,
    pub from_label: &'static str,
    pub to_label: &'static str,
    pub show: &'static str,
    pub month_column: &'static str,
    pub total_row: &'static str,
    pub how_counted: &'static str,
    pub events_heading: &'static str,
    pub events_how: &'static str,
    pub held: &'static str,
    pub places: &'static str,
    pub attended: &'static str,
    pub hours_heading: &'static str,
    pub hours_how: &'static str,
    pub credit_hours: &'static str,
    pub honour_hours: &'static str,
    pub total_hours: &'static str,
    pub services_heading: &'static str,
    pub services_how: &'static str,
    pub booked: &'static str,
    pub done: &'static str,
    pub income: &'static str,
    pub back_to_org: &'static str,
    pub platform_link: &'static str,
    pub platform_title: &'static str,
    pub platform_lead: &'static str,
    pub orgs_heading: &'static str,
    pub orgs_how: &'static str,
    pub new_orgs: &'static str,
    /// pending, verified, partner, rejected
    pub verification_states: &'static [&'static str; 4],
    pub state_column: &'static str,
    pub count_column: &'static str,
    pub queues_heading: &'static str,
    pub verification_queue: &'static str,
    pub moderation_queue: &'static str,
    pub waiting_label: &'static str,
    pub oldest_label: &'static str,
    pub days_suffix: &'static str,
    pub nothing_waiting: &'static str,
    pub queue_column: &'static str,
    pub impact_heading: &'static str,
    pub impact_events: &'static str,
    pub impact_attended: &'static str,
    pub impact_hours: &'static str,
    pub impact_services: &'static str,
    pub impact_note: &'static str,
    /// Month names as the charts' axis shows them (January first).
    pub short_months: &'static [&'static str; 12],
    /// "2026年3月" (year first, no space) or "Mar 2026".
    pub year_first: bool,
}

impl DashboardTexts {
    /// A month in a table: "2026年3月", "Mar 2026".
    pub fn month_name(&self, month: Month) -> String {
        let short = self.short_months[usize::from(month.month.clamp(1, 12)) - 1];
        if self.year_first {
            format!("{}年{}", month.year, short)
        } else {
            format!("{short} {}", month.year)
        }
    }

    /// A month under a chart's bar: "3月", "Mar".
    pub fn month_short(&self, month: Month) -> &'static str {
        self.short_months[usize::from(month.month.clamp(1, 12)) - 1]
    }
}

pub const ZH: DashboardTexts = DashboardTexts {
    link: "数据看板",
    title: "数据看板",
    lead: "按月统计本机构的活动、志愿时长和服务。只有本机构的人和平台管理员能看到。",
    from_label: "开始月份",
    to_label: "结束月份",
    show: "查看",
    month_column: "月份",
    total_row: "合计",
    how_counted: "怎样统计：",
    events_heading: "活动",
    events_how: "举办的活动：已发布（或已结束）、在当月开始并已经结束的活动，取消的和草稿不算。名额：这些活动中占有名额的人次（不含候补和已退出的）。到场：其中标记为到场的人次（扫码签到或协调员标记）。",
    held: "举办活动",
    places: "名额",
    attended: "到场",
    hours_heading: "志愿时长（小时）",
    hours_how: "已确认的志愿时长，按活动所在月份：签到时长（按到场计算）和荣誉时长（协调员注明原因后添加）；待确认和未通过的不算。",
    credit_hours: "签到时长",
    honour_hours: "荣誉时长",
    total_hours: "共计",
    services_heading: "邻里帮帮服务",
    services_how: "成员的服务被预约的次数按预约月份统计（为需要提供的帮助不算）；确认完成的次数和成员的收入按完成月份统计。",
    booked: "被预约",
    done: "已完成",
    income: "收入",
    back_to_org: "返回机构主页",
    platform_link: "平台数据看板",
    platform_title: "平台数据看板",
    platform_lead: "所有机构合起来的按月数字，以及等待管理员处理的事项。只有平台管理员能看到。",
    orgs_heading: "机构",
    orgs_how: "新注册机构按注册月份统计（无论后来是否通过审核）；认证状态是现在的情况。",
    new_orgs: "新注册机构",
    verification_states: &["待审核", "已认证", "合作伙伴", "未通过"],
    state_column: "认证状态",
    count_column: "机构数",
    queues_heading: "待处理",
    verification_queue: "待审核的机构",
    moderation_queue: "被举报待处理的物品",
    waiting_label: "件数",
    oldest_label: "最久已等",
    days_suffix: " 天",
    nothing_waiting: "没有",
    queue_column: "事项",
    impact_heading: "过去一年",
    impact_events: "场公益活动",
    impact_attended: "人次参与",
    impact_hours: "小时志愿服务",
    impact_services: "次邻里服务",
    impact_note: "只公开汇总数字；涉及不到 3 个人的数字不显示。",
    short_months: &[
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    year_first: true,
};

pub const EN: DashboardTexts = DashboardTexts {
    link: "Dashboard",
    title: "Dashboard",
    lead: "This organisation's events, volunteer hours and services, month by month. Only its people and platform admins see it.",
    from_label: "First month",
    to_label: "Last month",
    show: "Show",
    month_column: "Month",
    total_row: "Total",
    how_counted: "How it is counted: ",
    events_heading: "Events",
    events_how: "Events held: published (or completed) events that started in the month and have ended; cancelled ones and drafts do not count. Places: people holding a seat at those events (not the waitlist, not who left). Attended: of those, the people marked present (checked in, or marked by the organisers).",
    held: "Events held",
    places: "Places",
    attended: "Attended",
    hours_heading: "Volunteer hours",
    hours_how: "Confirmed volunteer hours, by the month of their event: credited from attendance, and honour hours added by the organisers with a reason; pending and rejected hours do not count.",
    credit_hours: "Credited",
    honour_hours: "Honour",
    total_hours: "Total",
    services_heading: "Neighbour help services",
    services_how: "How often members' services were booked, by the month of booking (offers of help with a need do not count); how many were confirmed done and what the members earned, by the month they were done.",
    booked: "Booked",
    done: "Done",
    income: "Income",
    back_to_org: "Back to the organisation",
    platform_link: "Platform dashboard",
    platform_title: "Platform dashboard",
    platform_lead: "Every organisation's figures together, month by month, and what waits for the admins. Only platform admins see it.",
    orgs_heading: "Organisations",
    orgs_how: "New organisations by the month they registered (whatever became of them); verification states as they are now.",
    new_orgs: "New organisations",
    verification_states: &["Waiting for review", "Verified", "Partner", "Rejected"],
    state_column: "Verification",
    count_column: "Organisations",
    queues_heading: "Waiting",
    verification_queue: "Organisations to review",
    moderation_queue: "Reported listings to decide on",
    waiting_label: "How many",
    oldest_label: "Oldest waiting",
    days_suffix: " days",
    nothing_waiting: "None",
    queue_column: "Queue",
    impact_heading: "The past year",
    impact_events: "charity events",
    impact_attended: "times people took part",
    impact_hours: "volunteer hours",
    impact_services: "neighbour services",
    impact_note: "Totals only; a figure about fewer than 3 people is not shown.",
    short_months: &[
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    year_first: false,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_named_in_each_language() {
        let march = Month::parse("2026-03").unwrap();
        assert_eq!(ZH.month_name(march), "2026年3月");
        assert_eq!(EN.month_name(march), "Mar 2026");
        assert_eq!(ZH.month_short(march), "3月");
    }
}
