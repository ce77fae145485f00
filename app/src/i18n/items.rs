//! Strings of 益享生活 (giving away, swapping and lending), in both languages side by side. The
//! lists follow the order of each choice's `ALL` (`items::model`).

pub struct ItemsBoardTexts {
    pub kinds: &'static [&'static str],
    pub modes: &'static [&'static str],
    pub conditions: &'static [&'static str],
    pub statuses: &'static [&'static str],
    pub request_statuses: &'static [&'static str],
    pub report_reasons: &'static [&'static str],
}

pub const ZH: ItemsBoardTexts = ItemsBoardTexts {
    kinds: &["送出", "求物"],
    modes: &["赠送", "交换", "借用"],
    conditions: &["全新", "几乎全新", "良好", "有使用痕迹"],
    statuses: &["可申请", "已约定", "已送出", "已撤下", "已过期"],
    request_statuses: &["等待回复", "已约定", "未选中", "已撤回", "已交接", "已归还"],
    report_reasons: &[
        "违禁物品",
        "诈骗或收费",
        "冒犯或不当内容",
        "描述不实",
        "其他",
    ],
};

pub const EN: ItemsBoardTexts = ItemsBoardTexts {
    kinds: &["Offered", "Wanted"],
    modes: &["Give", "Swap", "Lend"],
    conditions: &["New", "Like new", "Good", "Worn"],
    statuses: &[
        "Available",
        "Promised",
        "Handed over",
        "Withdrawn",
        "Expired",
    ],
    request_statuses: &[
        "Waiting",
        "Promised",
        "Not chosen",
        "Withdrawn",
        "Handed over",
        "Returned",
    ],
    report_reasons: &[
        "Prohibited item",
        "Scam or charging money",
        "Offensive or inappropriate",
        "Misleading",
        "Other",
    ],
};
