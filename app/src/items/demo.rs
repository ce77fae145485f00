//! Demo listings on 益享生活: things offered and wanted by the demo neighbours across Yunyan
//! district, posted over the past weeks, a few withdrawn and a few expired.

use super::input::ItemFields;
use super::model::{ItemStatus, EXPIRY_DAYS};
use sqlx::AnyConnection;

const DAY: i64 = 86_400;

struct DemoItem {
    kind: &'static str,
    title: &'static str,
    description: &'static str,
    category: &'static str,
    condition: &'static str,
    mode: &'static str,
    pickup: &'static str,
    /// Which demo neighbour posts it.
    owner: usize,
    days_ago: i64,
    at: (f64, f64),
    /// Where it is now, if not still available.
    status: Option<ItemStatus>,
}

const fn offer(
    title: &'static str,
    description: &'static str,
    category: &'static str,
    condition: &'static str,
    mode: &'static str,
    owner: usize,
    days_ago: i64,
    at: (f64, f64),
) -> DemoItem {
    DemoItem {
        kind: "offer",
        title,
        description,
        category,
        condition,
        mode,
        pickup: "晚上 7 点后或周末，小区门口自取。具体楼栋在留言里告诉您。",
        owner,
        days_ago,
        at,
        status: None,
    }
}

const fn wanted(
    title: &'static str,
    description: &'static str,
    category: &'static str,
    mode: &'static str,
    owner: usize,
    days_ago: i64,
    at: (f64, f64),
) -> DemoItem {
    DemoItem {
        kind: "wanted",
        title,
        description,
        category,
        condition: "",
        mode,
        pickup: "可以上门来取，也可以约在社区服务中心。",
        owner,
        days_ago,
        at,
        status: None,
    }
}

const fn with_status(item: DemoItem, status: ItemStatus) -> DemoItem {
    DemoItem {
        status: Some(status),
        ..item
    }
}

const ITEMS: &[DemoItem] = &[
    offer(
        "儿童自行车（带辅助轮）",
        "16 寸，九成新，孩子长高了骑不上了。适合 4 到 6 岁。",
        "baby_kids",
        "like_new",
        "give",
        0,
        1,
        (26.5912, 106.7108),
    ),
    offer(
        "美的电饭煲 3 升",
        "用了两年，功能正常，内胆没有划痕。搬家带不走。",
        "appliances",
        "good",
        "give",
        1,
        2,
        (26.5835, 106.7152),
    ),
    offer(
        "小学语文课外读物 20 本",
        "三到六年级的读物，有几本有笔记。",
        "books",
        "good",
        "give",
        2,
        2,
        (26.5868, 106.7011),
    ),
    offer(
        "折叠餐桌",
        "实木桌面，可坐 4 人，桌腿有一点磕碰。需要自己搬。",
        "furniture",
        "worn",
        "give",
        3,
        3,
        (26.5781, 106.7069),
    ),
    offer(
        "婴儿推车",
        "可平躺，带雨罩。已清洗消毒。",
        "baby_kids",
        "good",
        "give",
        4,
        3,
        (26.5952, 106.7203),
    ),
    offer(
        "冲击钻（可借用）",
        "博世冲击钻，配钻头一套。借用一周内归还。",
        "tools",
        "good",
        "lend",
        5,
        4,
        (26.5822, 106.7093),
    ),
    offer(
        "冬季羽绒服（女款 L）",
        "只穿过一个冬天，很暖和。",
        "clothing",
        "like_new",
        "give",
        6,
        4,
        (26.5899, 106.7055),
    ),
    offer(
        "羽毛球拍一对",
        "带拍套和三个球，适合初学者。",
        "sports",
        "good",
        "swap",
        7,
        5,
        (26.5862, 106.7164),
    ),
    offer(
        "密封包装挂面 10 包",
        "保质期到明年 3 月，家里买多了。",
        "food",
        "new",
        "give",
        0,
        5,
        (26.5930, 106.7105),
    ),
    offer(
        "电脑显示器 24 寸",
        "戴尔 1080p，带 HDMI 线，屏幕无坏点。",
        "electronics",
        "good",
        "give",
        1,
        6,
        (26.5808, 106.7118),
    ),
    offer(
        "炒锅和蒸锅各一个",
        "不粘锅涂层还好，蒸锅两层。",
        "kitchen",
        "good",
        "give",
        2,
        6,
        (26.5842, 106.7236),
    ),
    offer(
        "书桌台灯",
        "LED 护眼台灯，三档亮度。",
        "appliances",
        "like_new",
        "give",
        3,
        7,
        (26.5968, 106.6979),
    ),
    offer(
        "儿童绘本一箱（约 40 本）",
        "中英文都有，适合 2 到 6 岁。可以换几本大一点孩子的书。",
        "books",
        "good",
        "swap",
        4,
        7,
        (26.5779, 106.7022),
    ),
    offer(
        "梯子（可借用）",
        "2 米铝合金人字梯，借用请三天内还。",
        "tools",
        "good",
        "lend",
        5,
        8,
        (26.5890, 106.7140),
    ),
    offer(
        "男士皮鞋 42 码",
        "穿过几次，有点挤脚。",
        "clothing",
        "like_new",
        "give",
        6,
        8,
        (26.5851, 106.7047),
    ),
    offer(
        "瑜伽垫",
        "加厚 10 mm，有收纳带。",
        "sports",
        "good",
        "give",
        7,
        9,
        (26.5921, 106.7181),
    ),
    offer(
        "微波炉",
        "格兰仕 20 升，转盘正常，门有一点划痕。",
        "appliances",
        "worn",
        "give",
        0,
        10,
        (26.5799, 106.7133),
    ),
    offer(
        "帐篷（可借用）",
        "三到四人露营帐篷，借用一周。",
        "sports",
        "good",
        "lend",
        1,
        10,
        (26.5975, 106.7091),
    ),
    offer(
        "儿童安全座椅",
        "适合 9 个月到 4 岁，没有出过事故。",
        "baby_kids",
        "good",
        "give",
        2,
        11,
        (26.5846, 106.6994),
    ),
    offer(
        "书架（五层）",
        "白色板式书架，需要自己拆装。",
        "furniture",
        "good",
        "give",
        3,
        12,
        (26.5885, 106.7227),
    ),
    offer(
        "缝纫机（可借用）",
        "家用电动缝纫机，会用的邻居可以借去改衣服。",
        "tools",
        "good",
        "lend",
        4,
        13,
        (26.5812, 106.7061),
    ),
    offer(
        "旧手机（能开机）",
        "红米手机，电池一般，适合给老人打电话用。",
        "electronics",
        "worn",
        "give",
        5,
        14,
        (26.5940, 106.7150),
    ),
    wanted(
        "求一台二手洗衣机",
        "家里洗衣机坏了，老人手洗很辛苦，能用就行。",
        "appliances",
        "give",
        6,
        1,
        (26.5870, 106.7100),
    ),
    wanted(
        "求借轮椅两周",
        "家里老人做完手术，出院后需要用两周。",
        "other",
        "lend",
        7,
        2,
        (26.5829, 106.7175),
    ),
    wanted(
        "求初中数学辅导书",
        "孩子上初二，想要练习册或教辅。",
        "books",
        "give",
        0,
        3,
        (26.5903, 106.7033),
    ),
    wanted(
        "求儿童冬装 120 码",
        "两个孩子，男孩女孩各一，旧的也可以。",
        "clothing",
        "give",
        1,
        4,
        (26.5787, 106.7088),
    ),
    wanted(
        "想换一个小一点的电饭煲",
        "家里只有两个人，可以用 5 升的电饭煲换。",
        "kitchen",
        "swap",
        2,
        5,
        (26.5957, 106.7125),
    ),
    wanted(
        "求借电钻一天",
        "挂窗帘需要打几个孔。",
        "tools",
        "lend",
        3,
        6,
        (26.5836, 106.7016),
    ),
    offer(
        super::demo_requests::SCAM_TITLE,
        "全新正品，原价 1200 元，现 300 元转让，有意加微信详聊。",
        "clothing",
        "new",
        "give",
        8,
        2,
        (26.5889, 106.7158),
    ),
    with_status(
        offer(
            "单人床垫",
            "1.2 米宽，已经被邻居取走了。",
            "furniture",
            "good",
            "give",
            4,
            9,
            (26.5918, 106.7072),
        ),
        ItemStatus::Withdrawn,
    ),
    with_status(
        offer(
            "旧报纸和纸箱",
            "攒了一堆，适合搬家打包。",
            "other",
            "worn",
            "give",
            5,
            12,
            (26.5858, 106.7199),
        ),
        ItemStatus::Withdrawn,
    ),
    with_status(
        offer(
            "毛线和织针",
            "各种颜色的毛线，适合编织爱好者。",
            "other",
            "new",
            "give",
            6,
            40,
            (26.5794, 106.7146),
        ),
        ItemStatus::Expired,
    ),
    with_status(
        wanted(
            "求一辆二手三轮车",
            "想给社区收废品的大爷用。",
            "other",
            "give",
            7,
            45,
            (26.5944, 106.7041),
        ),
        ItemStatus::Expired,
    ),
];

/// Adds the demo listings that are missing (by owner and title); how many were added.
pub async fn seed(conn: &mut AnyConnection, now: i64) -> Result<u64, sqlx::Error> {
    let neighbours = crate::events::demo::volunteers(conn, now).await?;
    let mut added = 0;
    for demo in ITEMS {
        let owner = neighbours[demo.owner % neighbours.len()];
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM items WHERE owner_id = $1 AND title = $2")
                .bind(owner)
                .bind(demo.title)
                .fetch_optional(&mut *conn)
                .await?;
        if exists.is_some() {
            continue;
        }
        let fields = ItemFields {
            kind: demo.kind.into(),
            title: demo.title.into(),
            description: demo.description.into(),
            category: demo.category.into(),
            condition: demo.condition.into(),
            mode: demo.mode.into(),
            pickup_notes: demo.pickup.into(),
            lat: demo.at.0.to_string(),
            lng: demo.at.1.to_string(),
            ..ItemFields::default()
        };
        let Ok(details) = fields.check(|_| None) else {
            tracing::warn!(
                title = demo.title,
                "demo item does not pass the form's checks"
            );
            continue;
        };
        let posted = now - demo.days_ago * DAY - 3_600;
        let id = super::db::insert(conn, owner, &details, posted).await?;
        if let Some(status) = demo.status {
            sqlx::query("UPDATE items SET status = $1 WHERE id = $2")
                .bind(status.as_str())
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        debug_assert!(demo.days_ago < EXPIRY_DAYS || demo.status == Some(ItemStatus::Expired));
        added += 1;
    }
    Ok(added)
}
