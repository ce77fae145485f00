//! Demo community resources across Yunyan district (WGS-84, near the streets they name), some run
//! by the demo organisations.

use crate::resources::db::insert;
use crate::resources::input::ResourceDetails;
use crate::resources::model::ResourceKind;
use sqlx::AnyConnection;

struct DemoResource {
    kind: ResourceKind,
    name: &'static str,
    description: &'static str,
    address: &'static str,
    lat: f64,
    lng: f64,
    opening_hours: &'static str,
    contact: &'static str,
    /// The demo organisation that runs it, by name.
    run_by: Option<&'static str>,
}

const RESOURCES: &[DemoResource] = &[
    DemoResource {
        kind: ResourceKind::DonationPoint,
        name: "中华北路旧衣物捐赠点",
        description: "干净的旧衣物、被褥可投放到箱内，每周二、五清运，分拣后送往山区学校和养老院。",
        address: "贵阳市云岩区中华北路 240 号门口",
        lat: 26.5908,
        lng: 106.7116,
        opening_hours: "全天",
        contact: "0851-8682 1001",
        run_by: Some("云岩区阳光助老服务中心"),
    },
    DemoResource {
        kind: ResourceKind::CommunityCentre,
        name: "黔灵山社区党群服务中心",
        description: "社区活动室、图书角、老年大学课堂，周末有亲子活动。",
        address: "贵阳市云岩区黔灵西路 57 号",
        lat: 26.5968,
        lng: 106.6979,
        opening_hours: "周一至周日 9:00–20:00",
        contact: "0851-8661 2233",
        run_by: Some("黔灵山社区居民委员会"),
    },
    DemoResource {
        kind: ResourceKind::LibraryOfThings,
        name: "邻里共享工具屋",
        description: "电钻、梯子、缝纫机、露营帐篷等可免费借用，凭手机号登记，一周内归还。",
        address: "贵阳市云岩区延安中路 50 号",
        lat: 26.5822,
        lng: 106.7093,
        opening_hours: "周二至周日 10:00–19:00",
        contact: "0851-8688 4455",
        run_by: Some("云岩区邻里互助合作社"),
    },
    DemoResource {
        kind: ResourceKind::FoodBank,
        name: "黔味善食爱心冰箱",
        description: "餐厅每天傍晚放入当天未售出的饭菜和面包，有需要的邻居可以自取。",
        address: "贵阳市云岩区合群路 19 号",
        lat: 26.5845,
        lng: 106.7147,
        opening_hours: "每天 17:00–22:00",
        contact: "0851-8677 3300",
        run_by: Some("黔味善食爱心餐厅"),
    },
    DemoResource {
        kind: ResourceKind::Recycling,
        name: "市西路废旧电池回收点",
        description: "废旧电池、灯管、过期药品分类回收，请勿投放其他垃圾。",
        address: "贵阳市云岩区市西路 35 号",
        lat: 26.5918,
        lng: 106.7226,
        opening_hours: "全天",
        contact: "",
        run_by: Some("绿色筑城环保志愿者协会"),
    },
    DemoResource {
        kind: ResourceKind::DonationPoint,
        name: "宝山北路图书捐赠箱",
        description: "欢迎捐赠适合中小学生阅读的课外书，每月整理后送往乡村图书角。",
        address: "贵阳市云岩区宝山北路 120 号",
        lat: 26.5953,
        lng: 106.7199,
        opening_hours: "每天 8:00–21:00",
        contact: "0851-8650 2020",
        run_by: Some("黔书房公益图书馆"),
    },
    DemoResource {
        kind: ResourceKind::CommunityCentre,
        name: "威清社区日间照料中心",
        description: "为社区老人提供午餐、午休和康复活动，家属可预约参观。",
        address: "贵阳市云岩区威清路 68 号",
        lat: 26.5782,
        lng: 106.6945,
        opening_hours: "周一至周五 8:00–17:30",
        contact: "0851-8690 1010",
        run_by: Some("威清社区养老服务站"),
    },
    DemoResource {
        kind: ResourceKind::FoodBank,
        name: "北京路社区爱心粮油站",
        description: "面向社区困难家庭，每月第一个周六发放粮油，需提前在社区登记。",
        address: "贵阳市云岩区北京路 108 号",
        lat: 26.5990,
        lng: 106.7150,
        opening_hours: "每月第一个周六 9:00–12:00",
        contact: "0851-8655 7788",
        run_by: None,
    },
    DemoResource {
        kind: ResourceKind::Recycling,
        name: "省府路旧家电回收站",
        description: "可回收小家电、旧手机，工作人员现场登记，收益用于社区公益基金。",
        address: "贵阳市云岩区省府路 25 号",
        lat: 26.5862,
        lng: 106.7008,
        opening_hours: "周六、周日 9:00–17:00",
        contact: "0851-8699 0011",
        run_by: None,
    },
    DemoResource {
        kind: ResourceKind::Other,
        name: "普陀路无障碍卫生间",
        description: "设有扶手和紧急呼叫按钮，轮椅可进出。",
        address: "贵阳市云岩区普陀路 11 号",
        lat: 26.5795,
        lng: 106.7035,
        opening_hours: "全天",
        contact: "",
        run_by: Some("云岩区残疾人康复服务站"),
    },
];

/// Adds the demo resources that are missing (by name); returns how many were added.
pub async fn seed(conn: &mut AnyConnection, admin: i64, now: i64) -> Result<u64, sqlx::Error> {
    let mut added = 0;
    for resource in RESOURCES {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM community_resources WHERE name = $1")
                .bind(resource.name)
                .fetch_optional(&mut *conn)
                .await?;
        if exists.is_some() {
            continue;
        }
        let org_id: Option<i64> = match resource.run_by {
            Some(name) => {
                sqlx::query_scalar("SELECT id FROM organisations WHERE name = $1")
                    .bind(name)
                    .fetch_optional(&mut *conn)
                    .await?
            }
            None => None,
        };
        let new = ResourceDetails {
            org_id,
            kind: resource.kind,
            name: resource.name.into(),
            description: resource.description.into(),
            address: resource.address.into(),
            location: (resource.lat, resource.lng),
            opening_hours: resource.opening_hours.into(),
            contact: resource.contact.into(),
        };
        insert(conn, &new, Some(admin), now).await?;
        added += 1;
    }
    Ok(added)
}
