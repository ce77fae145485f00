//! Strings of 益享生活 (giving away, swapping and lending), in both languages side by side. The
//! lists follow the order of each choice's `ALL` (`items::model`).

pub struct ItemsBoardTexts {
    pub kinds: &'static [&'static str],
    pub modes: &'static [&'static str],
    pub conditions: &'static [&'static str],
    pub categories: &'static [&'static str],
    pub statuses: &'static [&'static str],
}

pub const ZH: ItemsBoardTexts = ItemsBoardTexts {
    kinds: &["送出", "求物"],
    modes: &["赠送", "交换", "借用"],
    conditions: &["全新", "几乎全新", "良好", "有使用痕迹"],
    categories: &[
        "家具",
        "家电",
        "衣物鞋帽",
        "母婴儿童",
        "书籍文具",
        "厨房用品",
        "电子数码",
        "运动户外",
        "工具",
        "食品",
        "其他",
    ],
    statuses: &["可申请", "已约定", "已送出", "已撤下", "已过期"],
};

pub const EN: ItemsBoardTexts = ItemsBoardTexts {
    kinds: &["Offered", "Wanted"],
    modes: &["Give", "Swap", "Lend"],
    conditions: &["New", "Like new", "Good", "Worn"],
    categories: &[
        "Furniture",
        "Appliances",
        "Clothes and shoes",
        "Baby and children",
        "Books and stationery",
        "Kitchen",
        "Electronics",
        "Sports and outdoors",
        "Tools",
        "Food",
        "Other",
    ],
    statuses: &[
        "Available",
        "Promised",
        "Handed over",
        "Withdrawn",
        "Expired",
    ],
};
