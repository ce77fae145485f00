//! Demo events over the demo organisations: past ones with the people who came, upcoming ones in
//! every state (open, nearly full, full with a waitlist, a draft, a cancelled one).

use super::accounts::DemoPeople;
use crate::china_time::{china_day, china_midnight};
use crate::events::input::EventDetails;
use crate::events::model::{EventCategory, EventStatus};
use sqlx::AnyConnection;

/// Volunteers who fill seats in the demo. They have no password: nobody signs in as them.
const VOLUNTEERS: [(&str, &str); 10] = [
    ("13800000101", "志愿者·小李"),
    ("13800000102", "志愿者·阿兰"),
    ("13800000103", "志愿者·老周"),
    ("13800000104", "志愿者·小吴"),
    ("13800000105", "志愿者·陈姐"),
    ("13800000106", "志愿者·田田"),
    ("13800000107", "志愿者·龙哥"),
    ("13800000108", "志愿者·小杨"),
    ("13800000109", "志愿者·罗阿姨"),
    ("13800000110", "志愿者·王同学"),
];

/// One demo event, as its organisers planned it.
struct Demo {
    /// The organisation, by its place in the demo list (`orgs::ids`).
    org: usize,
    /// Days from today (before today: already held).
    day: i64,
    /// Start hour, China time, and length in hours.
    hour: i64,
    hours: i64,
    /// Seats (`None`: no limit).
    capacity: Option<i64>,
    /// How many of the demo volunteers joined.
    joiners: usize,
    status: EventStatus,
    title: &'static str,
    category: EventCategory,
    summary: &'static str,
    place: &'static str,
    at: (f64, f64),
}

use EventCategory as C;

const EVENTS: [Demo; 32] = [
    // Past: held, with the people who came.
    Demo {
        org: 0,
        day: -27,
        hour: 9,
        hours: 3,
        capacity: Some(12),
        joiners: 9,
        title: "社区长者义剪日",
        category: C::Elderly,
        summary: "为行动不便的长者免费理发、修面。",
        place: "中华北路社区服务中心",
        at: (26.5901, 106.7108),
        status: EventStatus::Published,
    },
    Demo {
        org: 1,
        day: -24,
        hour: 14,
        hours: 2,
        capacity: Some(20),
        joiners: 10,
        title: "困境儿童周末陪伴",
        category: C::Children,
        summary: "陪孩子们读书、做手工。",
        place: "宝山北路社工站活动室",
        at: (26.5946, 106.7190),
        status: EventStatus::Published,
    },
    Demo {
        org: 6,
        day: -20,
        hour: 9,
        hours: 3,
        capacity: None,
        joiners: 10,
        title: "黔灵湖畔净滩行动",
        category: C::Environment,
        summary: "沿湖捡拾垃圾并分类。",
        place: "黔灵山公园南门",
        at: (26.5985, 106.6990),
        status: EventStatus::Published,
    },
    Demo {
        org: 7,
        day: -17,
        hour: 15,
        hours: 2,
        capacity: Some(15),
        joiners: 7,
        title: "绘本故事会志愿者",
        category: C::Education,
        summary: "给社区孩子讲绘本。",
        place: "黔书房公益图书馆",
        at: (26.5842, 106.7150),
        status: EventStatus::Published,
    },
    Demo {
        org: 5,
        day: -14,
        hour: 9,
        hours: 4,
        capacity: Some(8),
        joiners: 8,
        title: "助残康复陪护",
        category: C::Disability,
        summary: "陪伴康复训练，协助出行。",
        place: "中山西路康复服务站",
        at: (26.5792, 106.7030),
        status: EventStatus::Published,
    },
    Demo {
        org: 9,
        day: -12,
        hour: 11,
        hours: 3,
        capacity: Some(10),
        joiners: 6,
        title: "爱心午餐配送",
        category: C::Elderly,
        summary: "把午餐送到独居长者家中。",
        place: "黔味善食爱心餐厅",
        at: (26.5770, 106.7135),
        status: EventStatus::Published,
    },
    Demo {
        org: 2,
        day: -9,
        hour: 9,
        hours: 2,
        capacity: None,
        joiners: 8,
        title: "社区义诊协助",
        category: C::Health,
        summary: "协助医生量血压、登记。",
        place: "黔灵山社区卫生服务站",
        at: (26.5968, 106.6980),
        status: EventStatus::Published,
    },
    Demo {
        org: 10,
        day: -7,
        hour: 14,
        hours: 2,
        capacity: Some(12),
        joiners: 5,
        title: "长者智能手机课",
        category: C::Elderly,
        summary: "教长者用手机挂号、视频通话。",
        place: "威清社区养老服务站",
        at: (26.5779, 106.6940),
        status: EventStatus::Published,
    },
    Demo {
        org: 8,
        day: -5,
        hour: 9,
        hours: 6,
        capacity: Some(30),
        joiners: 10,
        title: "公益创投路演志愿服务",
        category: C::Community,
        summary: "签到引导、会场服务。",
        place: "云岩区社会组织孵化基地",
        at: (26.5920, 106.7230),
        status: EventStatus::Published,
    },
    Demo {
        org: 3,
        day: -3,
        hour: 15,
        hours: 2,
        capacity: None,
        joiners: 4,
        title: "邻里互助集市",
        category: C::Community,
        summary: "合作社成员的手艺与服务展示。",
        place: "延安中路合作社门前",
        at: (26.5818, 106.7090),
        status: EventStatus::Published,
    },
    // Upcoming.
    Demo {
        org: 0,
        day: 0,
        hour: 18,
        hours: 2,
        capacity: Some(10),
        joiners: 3,
        title: "今晚长者陪伴聊天",
        category: C::Elderly,
        summary: "陪独居长者聊天、读报。",
        place: "中华北路社区服务中心",
        at: (26.5903, 106.7115),
        status: EventStatus::Published,
    },
    Demo {
        org: 6,
        day: 1,
        hour: 9,
        hours: 3,
        capacity: None,
        joiners: 4,
        title: "垃圾分类入户宣传",
        category: C::Environment,
        summary: "入户讲解垃圾分类，发放宣传册。",
        place: "市西路社区",
        at: (26.5858, 106.7010),
        status: EventStatus::Published,
    },
    Demo {
        org: 1,
        day: 2,
        hour: 14,
        hours: 2,
        capacity: Some(15),
        joiners: 6,
        title: "青少年课业辅导",
        category: C::Education,
        summary: "为外来务工家庭孩子辅导作业。",
        place: "宝山北路社工站",
        at: (26.5948, 106.7193),
        status: EventStatus::Published,
    },
    Demo {
        org: 0,
        day: 3,
        hour: 9,
        hours: 3,
        capacity: Some(6),
        joiners: 9,
        title: "重阳敬老探访",
        category: C::Elderly,
        summary: "上门探访高龄独居老人，送上慰问品。",
        place: "中华北路 236 号",
        at: (26.5905, 106.7112),
        status: EventStatus::Published,
    },
    Demo {
        org: 5,
        day: 4,
        hour: 9,
        hours: 3,
        capacity: Some(10),
        joiners: 9,
        title: "无障碍设施体验调查",
        category: C::Disability,
        summary: "推轮椅走一走，记录无障碍问题。",
        place: "中山西路",
        at: (26.5795, 106.7040),
        status: EventStatus::Published,
    },
    Demo {
        org: 7,
        day: 5,
        hour: 10,
        hours: 2,
        capacity: Some(20),
        joiners: 5,
        title: "周末亲子共读",
        category: C::Children,
        summary: "亲子阅读与手工。",
        place: "黔书房公益图书馆",
        at: (26.5842, 106.7150),
        status: EventStatus::Published,
    },
    Demo {
        org: 2,
        day: 6,
        hour: 8,
        hours: 3,
        capacity: None,
        joiners: 3,
        title: "黔灵山登山步道清洁",
        category: C::Environment,
        summary: "清理步道垃圾。",
        place: "黔灵山公园东门",
        at: (26.5990, 106.7005),
        status: EventStatus::Published,
    },
    Demo {
        org: 9,
        day: 7,
        hour: 11,
        hours: 3,
        capacity: Some(8),
        joiners: 2,
        title: "爱心厨房帮厨",
        category: C::Elderly,
        summary: "帮助准备长者午餐。",
        place: "黔味善食爱心餐厅",
        at: (26.5771, 106.7137),
        status: EventStatus::Published,
    },
    Demo {
        org: 10,
        day: 8,
        hour: 14,
        hours: 2,
        capacity: Some(12),
        joiners: 4,
        title: "长者防诈骗讲座",
        category: C::Elderly,
        summary: "讲解常见骗局，帮长者识骗防骗。",
        place: "威清社区养老服务站",
        at: (26.5779, 106.6941),
        status: EventStatus::Published,
    },
    Demo {
        org: 8,
        day: 9,
        hour: 9,
        hours: 8,
        capacity: Some(40),
        joiners: 7,
        title: "社会组织能力建设培训",
        category: C::Community,
        summary: "项目管理与志愿者管理培训。",
        place: "云岩区社会组织孵化基地",
        at: (26.5921, 106.7232),
        status: EventStatus::Published,
    },
    Demo {
        org: 3,
        day: 10,
        hour: 15,
        hours: 2,
        capacity: None,
        joiners: 2,
        title: "家电义务维修",
        category: C::Community,
        summary: "合作社成员为邻居免费修小家电。",
        place: "延安中路合作社",
        at: (26.5819, 106.7092),
        status: EventStatus::Published,
    },
    Demo {
        org: 4,
        day: 11,
        hour: 14,
        hours: 3,
        capacity: Some(25),
        joiners: 6,
        title: "青少年心理健康工作坊",
        category: C::Health,
        summary: "认识情绪，学会求助。",
        place: "北京路青少年中心",
        at: (26.5990, 106.7140),
        status: EventStatus::Published,
    },
    Demo {
        org: 1,
        day: 12,
        hour: 9,
        hours: 4,
        capacity: Some(10),
        joiners: 3,
        title: "应急救护培训",
        category: C::Emergency,
        summary: "学习心肺复苏与止血包扎。",
        place: "宝山北路社工站",
        at: (26.5952, 106.7198),
        status: EventStatus::Published,
    },
    Demo {
        org: 6,
        day: 14,
        hour: 9,
        hours: 3,
        capacity: None,
        joiners: 2,
        title: "旧衣回收分拣",
        category: C::Environment,
        summary: "分拣捐赠衣物，送往需要的家庭。",
        place: "市西路回收点",
        at: (26.5862, 106.7000),
        status: EventStatus::Published,
    },
    Demo {
        org: 0,
        day: 15,
        hour: 9,
        hours: 2,
        capacity: Some(20),
        joiners: 5,
        title: "长者生日会",
        category: C::Elderly,
        summary: "为本月过生日的长者办生日会。",
        place: "中华北路社区服务中心",
        at: (26.5904, 106.7110),
        status: EventStatus::Published,
    },
    Demo {
        org: 7,
        day: 17,
        hour: 14,
        hours: 2,
        capacity: Some(15),
        joiners: 1,
        title: "传统文化书法课",
        category: C::Culture,
        summary: "教孩子们写春联。",
        place: "黔书房公益图书馆",
        at: (26.5843, 106.7151),
        status: EventStatus::Published,
    },
    Demo {
        org: 5,
        day: 19,
        hour: 9,
        hours: 3,
        capacity: Some(12),
        joiners: 2,
        title: "手语角",
        category: C::Disability,
        summary: "和听障朋友一起学手语。",
        place: "中山西路康复服务站",
        at: (26.5793, 106.7031),
        status: EventStatus::Published,
    },
    Demo {
        org: 2,
        day: 21,
        hour: 9,
        hours: 3,
        capacity: None,
        joiners: 0,
        title: "社区议事会志愿服务",
        category: C::Community,
        summary: "会场布置与记录。",
        place: "黔灵山社区居委会",
        at: (26.5972, 106.6985),
        status: EventStatus::Published,
    },
    Demo {
        org: 4,
        day: 24,
        hour: 14,
        hours: 3,
        capacity: Some(30),
        joiners: 0,
        title: "寒假学业辅导招募",
        category: C::Education,
        summary: "寒假期间为孩子辅导功课。",
        place: "北京路青少年中心",
        at: (26.5991, 106.7141),
        status: EventStatus::Published,
    },
    Demo {
        org: 10,
        day: 26,
        hour: 9,
        hours: 2,
        capacity: Some(10),
        joiners: 0,
        title: "冬季送温暖",
        category: C::Elderly,
        summary: "为困难长者送棉被。",
        place: "威清社区",
        at: (26.5781, 106.6945),
        status: EventStatus::Published,
    },
    // A draft and a cancelled one.
    Demo {
        org: 0,
        day: 30,
        hour: 9,
        hours: 3,
        capacity: Some(15),
        joiners: 0,
        title: "新春写福字送长者（草稿）",
        category: C::Culture,
        summary: "写福字、送春联。",
        place: "中华北路社区服务中心",
        at: (26.5905, 106.7112),
        status: EventStatus::Draft,
    },
    Demo {
        org: 1,
        day: 13,
        hour: 9,
        hours: 3,
        capacity: Some(20),
        joiners: 3,
        title: "户外拓展（因天气取消）",
        category: C::Children,
        summary: "户外团队游戏。",
        place: "黔灵山公园",
        at: (26.5980, 106.6995),
        status: EventStatus::Cancelled,
    },
];

/// Adds the demo volunteers and events that are missing (events by organisation and title).
/// Returns how many events were added.
pub async fn seed(
    conn: &mut AnyConnection,
    people: DemoPeople,
    org_ids: &[i64],
    now: i64,
) -> Result<u64, sqlx::Error> {
    let volunteers = volunteers(conn, now).await?;
    let today = china_day(now)
        .map(|(d, _)| china_midnight(d))
        .unwrap_or(now);
    let mut added = 0;
    for demo in &EVENTS {
        let Some(&org_id) = org_ids.get(demo.org) else {
            continue;
        };
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM events WHERE org_id = $1 AND title = $2")
                .bind(org_id)
                .bind(demo.title)
                .fetch_optional(&mut *conn)
                .await?;
        if exists.is_some() {
            continue;
        }
        let starts_at = today + demo.day * 86_400 + demo.hour * 3_600;
        let details = EventDetails {
            org_id,
            title: demo.title.into(),
            summary: demo.summary.into(),
            description: format!("{}\n\n请穿舒适的衣服，提前 10 分钟到场签到。", demo.summary),
            category: demo.category,
            tags: String::new(),
            starts_at,
            ends_at: starts_at + demo.hours * 3_600,
            place_name: demo.place.into(),
            address: String::new(),
            location: demo.at,
            capacity: demo.capacity,
            signup_deadline: None,
            cancel_deadline: None,
            requirements: String::new(),
            contact: String::new(),
            credit_minutes: None,
            walk_ins: false,
        };
        let past = demo.day < 0;
        let plan = Plan {
            status: demo.status,
            joiners: demo.joiners,
            // The demo resident has been to the events that are over (and has hours to show).
            resident: past && demo.status != EventStatus::Cancelled,
            past,
        };
        add(conn, people, &volunteers, &details, plan, now).await?;
        added += 1;
    }
    added += weekly_series(conn, people, org_ids, today, &volunteers, now).await?;
    added += super::event_history::seed(conn, people, org_ids, &volunteers, today, now).await?;
    Ok(added)
}

/// How a demo event went.
pub(crate) struct Plan {
    /// Published (then completed once `past`), a draft, or cancelled.
    pub status: EventStatus,
    /// How many of the demo volunteers joined (past the seats they wait).
    pub joiners: usize,
    /// Whether the demo resident joined too.
    pub resident: bool,
    /// Over: attendance and hours recorded, and completed.
    pub past: bool,
}

/// Adds one demo event as its organisers would have run it: published two weeks before it
/// starts, people joining in turn, and once it is over attendance and hours as the coordinator
/// recorded them.
pub(crate) async fn add(
    conn: &mut AnyConnection,
    people: DemoPeople,
    volunteers: &[i64],
    details: &EventDetails,
    plan: Plan,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let Plan {
        status,
        joiners,
        resident,
        past,
    } = plan;
    let starts_at = details.starts_at;
    let created = starts_at - 14 * 86_400;
    let first = if status == EventStatus::Draft {
        EventStatus::Draft
    } else {
        EventStatus::Published
    };
    let id = crate::events::db::insert(conn, details, first, Some(people.owner), created).await?;
    if resident {
        crate::events::signup::join(conn, id, people.resident, created).await?;
    }
    // People join in turn, days before it starts; past the seats they wait.
    for (turn, volunteer) in volunteers.iter().take(joiners).enumerate() {
        let joined = created + 3_600 * (turn as i64 + 1);
        crate::events::signup::join(conn, id, *volunteer, joined).await?;
    }
    if past && status != EventStatus::Cancelled {
        super::volunteering::attendance(
            conn,
            id,
            starts_at,
            details.ends_at,
            people.coordinator,
            now,
        )
        .await?;
    }
    let last = match status {
        EventStatus::Cancelled => Some(EventStatus::Cancelled),
        _ if past => Some(EventStatus::Completed),
        _ => None,
    };
    if let Some(to) = last {
        crate::events::db::set_status(conn, id, EventStatus::Published, to, created).await?;
    }
    Ok(id)
}

/// A weekly Saturday-morning clean-up: a series whose occurrences are made 8 weeks ahead.
async fn weekly_series(
    conn: &mut AnyConnection,
    people: DemoPeople,
    org_ids: &[i64],
    today: i64,
    volunteers: &[i64],
    now: i64,
) -> Result<u64, sqlx::Error> {
    const TITLE: &str = "周六社区环保清洁（每周）";
    let Some(&org_id) = org_ids.get(6) else {
        return Ok(0);
    };
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM events WHERE title = $1")
        .bind(TITLE)
        .fetch_optional(&mut *conn)
        .await?;
    if exists.is_some() {
        return Ok(0);
    }
    // The coming Saturday (a week later if today is one), 09:00 China time.
    let weekday = china_day(today).map_or(0, |(_, w)| i64::from(w));
    let days_to_saturday = (5 - weekday).rem_euclid(7).max(1);
    let starts_at = today + days_to_saturday * 86_400 + 9 * 3_600;
    let details = EventDetails {
        org_id,
        title: TITLE.into(),
        summary: "每周六上午清理河边和小区周边的垃圾，工具由我们准备。".into(),
        description: "每周六上午清理贯城河沿岸和小区周边的垃圾并分类。\n\n工具、手套和饮水由我们准备，每场单独报名。".into(),
        category: EventCategory::Environment,
        tags: "环保,每周".into(),
        starts_at,
        ends_at: starts_at + 2 * 3_600,
        place_name: "贯城河步道（北京路段）".into(),
        address: "云岩区北京路贯城河步道".into(),
        location: (26.5965, 106.7080),
        capacity: Some(20),
        signup_deadline: None,
        cancel_deadline: None,
        requirements: String::new(),
        contact: String::new(),
        credit_minutes: None,
        walk_ins: true,
    };
    let created = now - 3 * 86_400;
    let id = crate::events::db::insert(
        conn,
        &details,
        EventStatus::Published,
        Some(people.owner),
        created,
    )
    .await?;
    let repeat = crate::events::series::Repeat {
        frequency: crate::events::series::Frequency::Weekly,
        until: None,
    };
    let series_id = crate::events::series_db::start(
        conn,
        id,
        &details,
        repeat,
        EventStatus::Published,
        Some(people.owner),
        created,
    )
    .await?;
    for volunteer in volunteers.iter().take(6) {
        crate::events::signup::join(conn, id, *volunteer, created + 3_600).await?;
    }
    let occurrences: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE series_id = $1")
        .bind(series_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(occurrences as u64)
}

/// The demo volunteers (neighbours who also post on 益享生活), added when missing.
pub(crate) async fn volunteers(
    conn: &mut AnyConnection,
    now: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = Vec::with_capacity(VOLUNTEERS.len());
    for (mobile, name) in VOLUNTEERS {
        let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE contact = $1")
            .bind(mobile)
            .fetch_optional(&mut *conn)
            .await?;
        let id = match existing {
            Some(id) => id,
            None => {
                sqlx::query_scalar(
                    "INSERT INTO users \
                       (contact, contact_kind, display_name, created_at, contact_verified_at) \
                     VALUES ($1, 'mobile', $2, $3, $3) RETURNING id",
                )
                .bind(mobile)
                .bind(name)
                .bind(now)
                .fetch_one(&mut *conn)
                .await?
            }
        };
        ids.push(id);
    }
    Ok(ids)
}
