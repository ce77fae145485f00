//! Demo members of the demo cooperative (云岩区邻里互助合作社): twelve neighbours with services
//! (some paid), needs, consents as varied as real ones (everything public, residents only, name
//! only, nothing yet, one withdrawn) and bookings in every state. Names are pseudonyms, as members
//! often choose. Added through the same functions the coordinators' forms use.

use super::accounts::DemoPeople;
use crate::help::bookings::{self, BookOutcome, BookingRequest, MemberSide};
use crate::help::db::{self as help, NewConsent};
use crate::help::input::{MemberFields, NeedFields, ServiceFields};
use crate::help::model::{
    Audience, BookingKind, BookingStatus, ConsentMethod, FieldGroup, NOTICE_VERSION,
};
use sqlx::AnyConnection;

const DAY: i64 = 86_400;
const COOPERATIVE: &str = "云岩区邻里互助合作社";

/// Who may see what of a demo member: the groups opened to each audience.
#[derive(Clone, Copy)]
enum Openness {
    /// Name, services, needs, community and availability for everyone.
    Public,
    /// Services for everyone; name, needs and community for signed-in residents.
    Mixed,
    /// Everything shown to signed-in residents only.
    ResidentsOnly,
    /// Only the services, without a name, for everyone.
    ServicesOnly,
    /// Nothing yet: the coordinators have not collected a consent.
    Private,
    /// Was public; the member withdrew the consent for their name.
    NameWithdrawn,
}

struct DemoMember {
    name: &'static str,
    /// A community code, or a point picked on the map (snapped on save).
    area: &'static str,
    at: Option<(f64, f64)>,
    availability: &'static str,
    note: &'static str,
    /// (title, description, price in yuan, unit)
    services: &'static [(&'static str, &'static str, &'static str, &'static str)],
    /// (title, description, urgency)
    needs: &'static [(&'static str, &'static str, &'static str)],
    openness: Openness,
}

const MEMBERS: &[DemoMember] = &[
    DemoMember {
        name: "王阿姨",
        area: "yy-qiandong-qianling",
        at: None,
        availability: "工作日上午",
        note: "独居，右腿做过手术，上下楼慢。儿子在外地打工。",
        services: &[
            ("缝补改衣", "裤脚改短、换拉链、缝扣子。", "10", "per_item"),
            (
                "手工鞋垫",
                "纯棉手工纳的鞋垫，可定做尺码。",
                "25",
                "per_item",
            ),
        ],
        needs: &[(
            "每周帮忙买一次菜",
            "腿脚不便，希望有人顺路帮忙带菜。",
            "normal",
        )],
        openness: Openness::Public,
    },
    DemoMember {
        name: "李师傅",
        area: "",
        at: Some((26.5903, 106.7101)),
        availability: "每天下午和晚上",
        note: "下岗后靠零工生活，家里有一个上初中的孩子。",
        services: &[
            (
                "小家电维修",
                "电饭煲、电风扇、热水壶等。材料费另算。",
                "30",
                "per_visit",
            ),
            ("换水龙头、修马桶", "自带工具上门。", "40", "per_visit"),
        ],
        needs: &[],
        openness: Openness::Public,
    },
    DemoMember {
        name: "小陈",
        area: "yy-yanzhong-wenchang",
        at: None,
        availability: "周末全天",
        note: "听障，手语交流，微信文字沟通最方便。",
        services: &[(
            "电脑装系统、手机设置",
            "帮老人设置手机字体、微信、健康码。",
            "0",
            "per_visit",
        )],
        needs: &[("找一份周中的兼职", "会做平面设计。", "urgent")],
        openness: Openness::Mixed,
    },
    DemoMember {
        name: "张奶奶",
        area: "yy-qiandong-baoshan",
        at: None,
        availability: "每天上午",
        note: "低保户，老伴卧床，需要定期送药。",
        services: &[(
            "教织毛衣",
            "可以教零基础的邻居织围巾和毛衣。",
            "0",
            "per_hour",
        )],
        needs: &[
            (
                "帮忙到医院取药",
                "每月一次，到省医取老伴的长期药。",
                "urgent",
            ),
            ("陪聊天", "白天一个人在家，想有人说说话。", "low"),
        ],
        openness: Openness::ResidentsOnly,
    },
    DemoMember {
        name: "刘姐",
        area: "",
        at: Some((26.5862, 106.7178)),
        availability: "工作日白天",
        note: "单亲妈妈，孩子八岁。",
        services: &[
            (
                "家庭保洁",
                "两居室约三小时，自带清洁用品。",
                "35",
                "per_hour",
            ),
            ("做家常菜", "可上门做饭，贵州家常菜。", "50", "per_visit"),
        ],
        needs: &[],
        openness: Openness::Mixed,
    },
    DemoMember {
        name: "阿布",
        area: "yy-zhongdong-yuhua",
        at: None,
        availability: "晚上 7 点以后",
        note: "从毕节来贵阳打工的新市民，租住在群租房。",
        services: &[("搬家帮手", "力气大，可以帮忙搬重物。", "30", "per_hour")],
        needs: &[("学电脑基础", "想学打字和用表格，方便找工作。", "normal")],
        openness: Openness::ServicesOnly,
    },
    DemoMember {
        name: "周大爷",
        area: "yy-beijinglu-yingpan",
        at: None,
        availability: "每天",
        note: "视力不好，只能看清大字。",
        services: &[("磨刀", "菜刀、剪刀都能磨。", "5", "per_item")],
        needs: &[("帮忙读信件和缴费单", "看不清小字。", "normal")],
        openness: Openness::Public,
    },
    DemoMember {
        name: "小杨",
        area: "yy-jinguan-jinya",
        at: None,
        availability: "周六周日",
        note: "轮椅使用者，在家做手工。",
        services: &[("手工串珠饰品", "手链、钥匙扣，可定制。", "20", "per_item")],
        needs: &[],
        openness: Openness::Private,
    },
    DemoMember {
        name: "赵叔",
        area: "",
        at: Some((26.5779, 106.7230)),
        availability: "工作日下午",
        note: "刚做完心脏手术，暂时不能干重活。",
        services: &[("下象棋陪练", "社区活动室见。", "0", "per_hour")],
        needs: &[("帮忙把煤气罐扛上楼", "住六楼，没有电梯。", "urgent")],
        openness: Openness::NameWithdrawn,
    },
    DemoMember {
        name: "吴嬢嬢",
        area: "yy-dongshan-shuidong",
        at: None,
        availability: "每天上午",
        note: "",
        services: &[(
            "带孩子（临时）",
            "接送放学、看护两三个小时。",
            "20",
            "per_hour",
        )],
        needs: &[],
        openness: Openness::Public,
    },
    DemoMember {
        name: "马哥",
        area: "yy-yanzhong-dashizi",
        at: None,
        availability: "随时可以打电话约",
        note: "有残疾证（肢体三级），开电动三轮车。",
        services: &[("小件货物配送", "三公里内送货。", "15", "per_visit")],
        needs: &[],
        openness: Openness::ResidentsOnly,
    },
    DemoMember {
        name: "兰兰",
        area: "yy-qiandong-qianling",
        at: None,
        availability: "周末",
        note: "大学生，家庭困难，勤工俭学。",
        services: &[("小学作业辅导", "语文、数学都可以。", "30", "per_hour")],
        needs: &[("二手笔记本电脑", "上课和写论文用。", "normal")],
        openness: Openness::Mixed,
    },
];

/// What each openness opens, to whom.
fn consents(openness: Openness) -> Vec<(FieldGroup, Audience)> {
    use Audience::*;
    use FieldGroup::*;
    match openness {
        Openness::Public | Openness::NameWithdrawn => [Name, Services, Needs, Area, Availability]
            .map(|g| (g, Everyone))
            .to_vec(),
        Openness::Mixed => vec![
            (Services, Everyone),
            (Name, Residents),
            (Needs, Residents),
            (Area, Residents),
        ],
        Openness::ResidentsOnly => [Name, Services, Needs, Area, Availability]
            .map(|g| (g, Residents))
            .to_vec(),
        Openness::ServicesOnly => vec![(Services, Everyone)],
        Openness::Private => Vec::new(),
    }
}

/// Adds the demo members that are missing (by name, in the demo cooperative); how many were added.
pub async fn seed(
    conn: &mut AnyConnection,
    people: &DemoPeople,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let org: Option<i64> = sqlx::query_scalar("SELECT id FROM organisations WHERE name = $1")
        .bind(COOPERATIVE)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(org) = org else {
        return Ok(0);
    };
    let coordinator = people.owner;
    let mut added = 0;
    for (index, demo) in MEMBERS.iter().enumerate() {
        let exists: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM coop_members WHERE org_id = $1 AND display_name = $2",
        )
        .bind(org)
        .bind(demo.name)
        .fetch_optional(&mut *conn)
        .await?;
        if exists.is_some() {
            continue;
        }
        let joined = now - (40 - index as i64) * DAY;
        let fields = MemberFields {
            display_name: demo.name.into(),
            area: demo.area.into(),
            lat: demo.at.map(|p| p.0.to_string()).unwrap_or_default(),
            lng: demo.at.map(|p| p.1.to_string()).unwrap_or_default(),
            availability: demo.availability.into(),
            situation_note: demo.note.into(),
        };
        let Ok(details) = fields.check(|code| code.starts_with("yy-")) else {
            tracing::warn!(
                name = demo.name,
                "demo member does not pass the form's checks"
            );
            continue;
        };
        let member = help::insert_member(conn, org, &details, coordinator, joined).await?;
        for (title, description, price, unit) in demo.services {
            let service = ServiceFields {
                title: (*title).into(),
                description: (*description).into(),
                price: (*price).into(),
                unit: (*unit).into(),
            };
            if let Ok(service) = service.check() {
                help::add_service(conn, member, &service, joined).await?;
            }
        }
        for (title, description, urgency) in demo.needs {
            let need = NeedFields {
                title: (*title).into(),
                description: (*description).into(),
                urgency: (*urgency).into(),
            };
            if let Ok(need) = need.check() {
                help::add_need(conn, member, &need, joined).await?;
            }
        }
        for (group, audience) in consents(demo.openness) {
            let consent = NewConsent {
                group,
                audience,
                method: if index % 3 == 0 {
                    ConsentMethod::InPerson
                } else {
                    ConsentMethod::Paper
                },
                notice_version: NOTICE_VERSION,
            };
            help::record_consent(conn, member, consent, coordinator, joined).await?;
        }
        if let Openness::NameWithdrawn = demo.openness {
            withdraw_name(conn, member, coordinator, now - 2 * DAY).await?;
        }
        added += 1;
    }
    if added > 0 {
        bookings_in_every_state(conn, org, people, now).await?;
    }
    Ok(added)
}

async fn withdraw_name(
    conn: &mut AnyConnection,
    member: i64,
    by: i64,
    at: i64,
) -> Result<(), sqlx::Error> {
    for (_, consent) in help::consents_of(conn, &[member]).await? {
        if consent.group == FieldGroup::Name && consent.is_live() {
            help::withdraw_consent(conn, member, consent.id, by, at).await?;
        }
    }
    Ok(())
}

/// A booking a demo resident made, and the answers it had since.
struct DemoBooking {
    /// The service or need booked, if the demo data still has it.
    target: Option<i64>,
    kind: BookingKind,
    /// The member's answers, in order.
    steps: &'static [BookingStatus],
    message: &'static str,
    days_ago: i64,
}

/// The demo resident books and offers help; the demo owner (the cooperative's coordinator)
/// answers for the members, who have no accounts: one booking waits, one is accepted, one
/// declined, one done and thanked, one cancelled, and an offer of help waits.
async fn bookings_in_every_state(
    conn: &mut AnyConnection,
    org: i64,
    people: &DemoPeople,
    now: i64,
) -> Result<(), sqlx::Error> {
    let members = help::members_of(conn, org).await?;
    let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
    let services = help::services_of(conn, &ids).await?;
    let needs = help::needs_of(conn, &ids).await?;
    let service = |title: &str| services.iter().find(|s| s.title == title).map(|s| s.id);
    let need = |title: &str| needs.iter().find(|n| n.title == title).map(|n| n.id);
    let name: String = sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1")
        .bind(people.owner)
        .fetch_one(&mut *conn)
        .await?;
    let side = MemberSide::Coordinator(people.owner, &name);
    let plan = [
        DemoBooking {
            target: service("缝补改衣"),
            kind: BookingKind::Service,
            steps: &[],
            message: "裤脚要改短 3 厘米。",
            days_ago: 1,
        },
        DemoBooking {
            target: service("小家电维修"),
            kind: BookingKind::Service,
            steps: &[BookingStatus::Accepted],
            message: "电饭煲不加热了。",
            days_ago: 3,
        },
        DemoBooking {
            target: service("家庭保洁"),
            kind: BookingKind::Service,
            steps: &[BookingStatus::Declined],
            message: "周三下午可以吗？",
            days_ago: 5,
        },
        DemoBooking {
            target: service("磨刀"),
            kind: BookingKind::Service,
            steps: &[BookingStatus::Accepted, BookingStatus::Done],
            message: "两把菜刀。",
            days_ago: 9,
        },
        DemoBooking {
            target: service("搬家帮手"),
            kind: BookingKind::Service,
            steps: &[],
            message: "下周六搬家，东西不多。",
            days_ago: 4,
        },
        DemoBooking {
            target: need("帮忙把煤气罐扛上楼"),
            kind: BookingKind::Help,
            steps: &[],
            message: "我住隔壁楼，随时可以叫我。",
            days_ago: 2,
        },
    ];
    for (index, booking) in plan.into_iter().enumerate() {
        let DemoBooking {
            target,
            kind,
            steps,
            message,
            days_ago,
        } = booking;
        let Some(target) = target else { continue };
        let at = now - days_ago * DAY;
        let request = BookingRequest {
            kind,
            target,
            time_preference: "周末上午",
            message,
        };
        let BookOutcome::Booked(id) = bookings::book(conn, people.resident, request, at).await?
        else {
            continue;
        };
        let Some(booking) = bookings::find(conn, id).await? else {
            continue;
        };
        for (step, status) in steps.iter().enumerate() {
            let when = at + (step as i64 + 1) * 3_600;
            bookings::answer(conn, &booking, side, *status, when).await?;
        }
        if steps.last() == Some(&BookingStatus::Done) {
            bookings::thank(conn, &booking, "刀磨得飞快，谢谢周大爷！", at + DAY).await?;
        }
        // The house move was called off.
        if index == 4 {
            bookings::cancel(conn, &booking, at + 7_200).await?;
        }
    }
    Ok(())
}
