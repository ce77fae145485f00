//! Demo organisations in Yunyan district, Guiyang: real street names, coordinates near them
//! (WGS-84), every type and every verification tier, so the directory and the review queue have
//! something to show.

use super::accounts::DemoPeople;
use crate::orgs::db::{add_member, insert_org, review, SaveOrg};
use crate::orgs::model::{OrgDetails, OrgKind, OrgRole, Verification};
use sqlx::AnyConnection;

struct DemoOrg {
    kind: OrgKind,
    name: &'static str,
    description: &'static str,
    services: &'static str,
    address: &'static str,
    lat: f64,
    lng: f64,
    contact: &'static str,
    opening_hours: &'static str,
    credit_code: Option<&'static str>,
    verification: Verification,
}

const ORGS: &[DemoOrg] = &[
    DemoOrg {
        kind: OrgKind::SocialOrg,
        name: "云岩区阳光助老服务中心",
        description: "扎根中华北路一带十余年，为独居和高龄老人提供上门探访、助餐和陪诊服务。\n\n每周招募志愿者，欢迎邻居加入。",
        services: "助老探访、老年助餐、陪同就医、智能手机教学",
        address: "贵阳市云岩区中华北路 236 号",
        lat: 26.5905,
        lng: 106.7112,
        contact: "0851-8682 1001",
        opening_hours: "周一至周六 8:30–17:30",
        credit_code: Some("52520103MJY2016A18"),
        verification: Verification::Partner,
    },
    DemoOrg {
        kind: OrgKind::Ngo,
        name: "益路同行社会工作服务中心",
        description: "专业社工机构，关注困境家庭和流动儿童，联合社区开展个案帮扶与小组活动。",
        services: "困境家庭帮扶、流动儿童课后陪伴、社区议事",
        address: "贵阳市云岩区宝山北路 118 号",
        lat: 26.5950,
        lng: 106.7195,
        contact: "0851-8651 2202",
        opening_hours: "周一至周五 9:00–18:00",
        credit_code: Some("52520103MJY3127B4R"),
        verification: Verification::Verified,
    },
    DemoOrg {
        kind: OrgKind::Community,
        name: "黔灵山社区居民委员会",
        description: "服务黔灵山脚下的居民，组织邻里节、环境整治和老年活动。",
        services: "社区服务、邻里活动、便民咨询",
        address: "贵阳市云岩区黔灵西路 55 号",
        lat: 26.5972,
        lng: 106.6985,
        contact: "0851-8683 3303",
        opening_hours: "周一至周五 8:30–12:00，14:00–17:30",
        credit_code: None,
        verification: Verification::Verified,
    },
    DemoOrg {
        kind: OrgKind::Cooperative,
        name: "云岩区邻里互助合作社",
        description: "由社区低收入家庭、残障人士和新市民组成的互助合作社：成员既接受帮助，也提供家政、维修、手工等服务。",
        services: "家政保洁、小家电维修、缝补改衣、手工编织",
        address: "贵阳市云岩区延安中路 48 号",
        lat: 26.5818,
        lng: 106.7090,
        contact: "0851-8684 4404",
        opening_hours: "每天 9:00–19:00",
        credit_code: Some("51520103MJY5501C7T"),
        verification: Verification::Verified,
    },
    DemoOrg {
        kind: OrgKind::Ngo,
        name: "筑梦青少年成长服务中心",
        description: "为青少年提供课业辅导、心理陪伴和职业体验活动。",
        services: "课后辅导、青少年心理陪伴、职业体验日",
        address: "贵阳市云岩区北京路 112 号",
        lat: 26.5990,
        lng: 106.7140,
        contact: "zhumeng@example.cn",
        opening_hours: "周二至周日 14:00–20:00",
        credit_code: Some("52520103MJY8842D0L"),
        verification: Verification::Pending,
    },
    DemoOrg {
        kind: OrgKind::SocialOrg,
        name: "云岩区残疾人康复服务站",
        description: "为辖区残障人士提供康复训练、辅具借用和就业支持。",
        services: "康复训练、辅具借用、就业辅导",
        address: "贵阳市云岩区中山西路 76 号",
        lat: 26.5792,
        lng: 106.7030,
        contact: "0851-8685 5505",
        opening_hours: "周一至周五 9:00–17:00",
        credit_code: Some("52520103MJY1150E3J"),
        verification: Verification::Verified,
    },
    DemoOrg {
        kind: OrgKind::SocialOrg,
        name: "绿色筑城环保志愿者协会",
        description: "组织南明河沿岸清洁、垃圾分类宣传和旧物改造工作坊。",
        services: "河道清洁、垃圾分类宣传、旧物改造",
        address: "贵阳市云岩区市西路 33 号",
        lat: 26.5860,
        lng: 106.7003,
        contact: "0851-8686 6606",
        opening_hours: "周末 9:00–17:00",
        credit_code: None,
        verification: Verification::Pending,
    },
    DemoOrg {
        kind: OrgKind::Ngo,
        name: "黔书房公益图书馆",
        description: "社区里的小小图书馆，免费借阅，定期举办亲子共读和读书会。",
        services: "图书借阅、亲子共读、读书会",
        address: "贵阳市云岩区省府路 21 号",
        lat: 26.5842,
        lng: 106.7150,
        contact: "0851-8687 7707",
        opening_hours: "周三至周日 10:00–20:00",
        credit_code: Some("53520103MJY7720F88"),
        verification: Verification::Pending,
    },
    DemoOrg {
        kind: OrgKind::Government,
        name: "云岩区社会组织孵化基地",
        description: "区级社会组织培育平台，为初创公益组织提供场地、培训和项目对接。",
        services: "公益组织孵化、能力建设培训、项目对接",
        address: "贵阳市云岩区普陀路 9 号",
        lat: 26.5920,
        lng: 106.7230,
        contact: "0851-8688 8808",
        opening_hours: "周一至周五 9:00–17:00",
        credit_code: Some("11520103009531207A"),
        verification: Verification::Partner,
    },
    DemoOrg {
        kind: OrgKind::Enterprise,
        name: "黔味善食爱心餐厅",
        description: "每天为环卫工人和困难老人提供免费午餐，并承接社区助餐点。",
        services: "爱心午餐、社区助餐",
        address: "贵阳市云岩区合群路 17 号",
        lat: 26.5770,
        lng: 106.7135,
        contact: "0851-8689 9909",
        opening_hours: "每天 11:00–14:00",
        credit_code: Some("91520103MA6DK2N8X8"),
        verification: Verification::Verified,
    },
    DemoOrg {
        kind: OrgKind::Community,
        name: "威清社区养老服务站",
        description: "社区嵌入式养老服务站，提供日间照料、健康咨询和文娱活动。",
        services: "日间照料、健康咨询、老年文娱",
        address: "贵阳市云岩区威清路 66 号",
        lat: 26.5779,
        lng: 106.6940,
        contact: "0851-8690 1010",
        opening_hours: "每天 8:00–18:00",
        credit_code: None,
        verification: Verification::Verified,
    },
];

/// Adds the demo organisations that are missing (by name); returns how many were added. The demo
/// owner owns the first one (where the demo coordinator helps) and the cooperative; the others were
/// entered by the platform and nobody runs them yet.
pub async fn seed(
    conn: &mut AnyConnection,
    people: DemoPeople,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let mut added = 0;
    for (index, org) in ORGS.iter().enumerate() {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM organisations WHERE name = $1")
                .bind(org.name)
                .fetch_optional(&mut *conn)
                .await?;
        if exists.is_some() {
            continue;
        }
        let details = OrgDetails {
            kind: org.kind,
            name: org.name.to_string(),
            description: org.description.to_string(),
            services: org.services.to_string(),
            address: org.address.to_string(),
            location: Some((org.lat, org.lng)),
            contact: org.contact.to_string(),
            opening_hours: org.opening_hours.to_string(),
            credit_code: org.credit_code.map(str::to_string),
        };
        // Registered a day apart, oldest first, so the review queue has an order.
        let registered = now - (ORGS.len() - index) as i64 * 86_400;
        let owned = index == 0 || org.kind == OrgKind::Cooperative;
        let registered_by = if owned { people.owner } else { people.admin };
        let SaveOrg::Saved(id) =
            insert_org(conn, &details, Some(registered_by), registered).await?
        else {
            continue;
        };
        if owned {
            add_member(
                conn,
                id,
                people.owner,
                OrgRole::Owner,
                people.owner,
                registered,
            )
            .await?;
        }
        if index == 0 {
            let coordinator = people.coordinator;
            add_member(
                conn,
                id,
                coordinator,
                OrgRole::Coordinator,
                people.owner,
                registered,
            )
            .await?;
        }
        if org.verification != Verification::Pending {
            review(
                conn,
                id,
                org.verification,
                None,
                people.admin,
                registered + 3_600,
            )
            .await?;
        }
        added += 1;
    }
    Ok(added)
}

/// The ids of the demo organisations, in the order of the demo list (for the parts of the demo
/// that belong to them). One missing (renamed or deleted since) is left out of the list's end.
pub async fn ids(conn: &mut AnyConnection) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = Vec::with_capacity(ORGS.len());
    for org in ORGS {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM organisations WHERE name = $1")
            .bind(org.name)
            .fetch_optional(&mut *conn)
            .await?;
        match id {
            Some(id) => ids.push(id),
            None => break,
        }
    }
    Ok(ids)
}
