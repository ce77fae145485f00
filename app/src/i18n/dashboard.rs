//! Strings of the dashboards, in both languages side by side.

use crate::china_time::Month;

pub struct DashboardTexts {
    /// pending, verified, partner, rejected
    pub verification_states: &'static [&'static str; 4],
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
    verification_states: &["待审核", "已认证", "合作伙伴", "未通过"],
    short_months: &[
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    year_first: true,
};

pub const EN: DashboardTexts = DashboardTexts {
    verification_states: &["Waiting for review", "Verified", "Partner", "Rejected"],
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
