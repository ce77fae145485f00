//! Demo events over the demo organisations: past ones with the people who came, upcoming ones in
//! every state (open, nearly full, full with a waitlist, a draft, a cancelled one).

use super::input::EventDetails;
use super::model::{EventCategory, EventStatus};
use crate::accounts::demo::DemoPeople;
use crate::i18n::dates::{china_day, china_midnight};
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

/// One demo event: (organisation index in the demo list, day offset from today, start hour,
/// length in hours, seats, people who join, status, title, category, summary, place, lat, lng).
struct Demo {
    org: usize,
    day: i64,
    hour: i64,
    hours: i64,
    capacity: Option<i64>,
    joiners: usize,
    status: EventStatus,
    title: &'static str,
    category: EventCategory,
    summary: &'static str,
    place: &'static str,
    at: (f64, f64),
}

const fn ev(
    org: usize,
    day: i64,
    hour: i64,
    hours: i64,
    capacity: Option<i64>,
    joiners: usize,
    title: &'static str,
    category: EventCategory,
    summary: &'static str,
    place: &'static str,
    at: (f64, f64),
) -> Demo {
    Demo {
        org,
        day,
        hour,
        hours,
        capacity,
        joiners,
        status: EventStatus::Published,
        title,
        category,
        summary,
        place,
        at,
    }
}

use EventCategory as C;

const EVENTS: [Demo; 32] = [
    // Past: held, with the people who came.
    ev(
        0,
        -27,
        9,
        3,
        Some(12),
        9,
        "社区长者义剪日",
        C::Elderly,
        "为行动不便的长者免费理发、修面。",
        "中华北路社区服务中心",
        (26.5901, 106.7108),
    ),
    ev(
        1,
        -24,
        14,
        2,
        Some(20),
        10,
        "困境儿童周末陪伴",
        C::Children,
        "陪孩子们读书、做手工。",
        "宝山北路社工站活动室",
        (26.5946, 106.7190),
    ),
    ev(
        6,
        -20,
        9,
        3,
        None,
        10,
        "黔灵湖畔净滩行动",
        C::Environment,
        "沿湖捡拾垃圾并分类。",
        "黔灵山公园南门",
        (26.5985, 106.6990),
    ),
    ev(
        7,
        -17,
        15,
        2,
        Some(15),
        7,
        "绘本故事会志愿者",
        C::Education,
        "给社区孩子讲绘本。",
        "黔书房公益图书馆",
        (26.5842, 106.7150),
    ),
    ev(
        5,
        -14,
        9,
        4,
        Some(8),
        8,
        "助残康复陪护",
        C::Disability,
        "陪伴康复训练，协助出行。",
        "中山西路康复服务站",
        (26.5792, 106.7030),
    ),
    ev(
        9,
        -12,
        11,
        3,
        Some(10),
        6,
        "爱心午餐配送",
        C::Elderly,
        "把午餐送到独居长者家中。",
        "黔味善食爱心餐厅",
        (26.5770, 106.7135),
    ),
    ev(
        2,
        -9,
        9,
        2,
        None,
        8,
        "社区义诊协助",
        C::Health,
        "协助医生量血压、登记。",
        "黔灵山社区卫生服务站",
        (26.5968, 106.6980),
    ),
    ev(
        10,
        -7,
        14,
        2,
        Some(12),
        5,
        "长者智能手机课",
        C::Elderly,
        "教长者用手机挂号、视频通话。",
        "威清社区养老服务站",
        (26.5779, 106.6940),
    ),
    ev(
        8,
        -5,
        9,
        6,
        Some(30),
        10,
        "公益创投路演志愿服务",
        C::Community,
        "签到引导、会场服务。",
        "云岩区社会组织孵化基地",
        (26.5920, 106.7230),
    ),
    ev(
        3,
        -3,
        15,
        2,
        None,
        4,
        "邻里互助集市",
        C::Community,
        "合作社成员的手艺与服务展示。",
        "延安中路合作社门前",
        (26.5818, 106.7090),
    ),
    // Upcoming.
    ev(
        0,
        0,
        18,
        2,
        Some(10),
        3,
        "今晚长者陪伴聊天",
        C::Elderly,
        "陪独居长者聊天、读报。",
        "中华北路社区服务中心",
        (26.5903, 106.7115),
    ),
    ev(
        6,
        1,
        9,
        3,
        None,
        4,
        "垃圾分类入户宣传",
        C::Environment,
        "入户讲解垃圾分类，发放宣传册。",
        "市西路社区",
        (26.5858, 106.7010),
    ),
    ev(
        1,
        2,
        14,
        2,
        Some(15),
        6,
        "青少年课业辅导",
        C::Education,
        "为外来务工家庭孩子辅导作业。",
        "宝山北路社工站",
        (26.5948, 106.7193),
    ),
    ev(
        0,
        3,
        9,
        3,
        Some(6),
        9,
        "重阳敬老探访",
        C::Elderly,
        "上门探访高龄独居老人，送上慰问品。",
        "中华北路 236 号",
        (26.5905, 106.7112),
    ),
    ev(
        5,
        4,
        9,
        3,
        Some(10),
        9,
        "无障碍设施体验调查",
        C::Disability,
        "推轮椅走一走，记录无障碍问题。",
        "中山西路",
        (26.5795, 106.7040),
    ),
    ev(
        7,
        5,
        10,
        2,
        Some(20),
        5,
        "周末亲子共读",
        C::Children,
        "亲子阅读与手工。",
        "黔书房公益图书馆",
        (26.5842, 106.7150),
    ),
    ev(
        2,
        6,
        8,
        3,
        None,
        3,
        "黔灵山登山步道清洁",
        C::Environment,
        "清理步道垃圾。",
        "黔灵山公园东门",
        (26.5990, 106.7005),
    ),
    ev(
        9,
        7,
        11,
        3,
        Some(8),
        2,
        "爱心厨房帮厨",
        C::Elderly,
        "帮助准备长者午餐。",
        "黔味善食爱心餐厅",
        (26.5771, 106.7137),
    ),
    ev(
        10,
        8,
        14,
        2,
        Some(12),
        4,
        "长者防诈骗讲座",
        C::Elderly,
        "讲解常见骗局，帮长者识骗防骗。",
        "威清社区养老服务站",
        (26.5779, 106.6941),
    ),
    ev(
        8,
        9,
        9,
        8,
        Some(40),
        7,
        "社会组织能力建设培训",
        C::Community,
        "项目管理与志愿者管理培训。",
        "云岩区社会组织孵化基地",
        (26.5921, 106.7232),
    ),
    ev(
        3,
        10,
        15,
        2,
        None,
        2,
        "家电义务维修",
        C::Community,
        "合作社成员为邻居免费修小家电。",
        "延安中路合作社",
        (26.5819, 106.7092),
    ),
    ev(
        4,
        11,
        14,
        3,
        Some(25),
        6,
        "青少年心理健康工作坊",
        C::Health,
        "认识情绪，学会求助。",
        "北京路青少年中心",
        (26.5990, 106.7140),
    ),
    ev(
        1,
        12,
        9,
        4,
        Some(10),
        3,
        "应急救护培训",
        C::Emergency,
        "学习心肺复苏与止血包扎。",
        "宝山北路社工站",
        (26.5952, 106.7198),
    ),
    ev(
        6,
        14,
        9,
        3,
        None,
        2,
        "旧衣回收分拣",
        C::Environment,
        "分拣捐赠衣物，送往需要的家庭。",
        "市西路回收点",
        (26.5862, 106.7000),
    ),
    ev(
        0,
        15,
        9,
        2,
        Some(20),
        5,
        "长者生日会",
        C::Elderly,
        "为本月过生日的长者办生日会。",
        "中华北路社区服务中心",
        (26.5904, 106.7110),
    ),
    ev(
        7,
        17,
        14,
        2,
        Some(15),
        1,
        "传统文化书法课",
        C::Culture,
        "教孩子们写春联。",
        "黔书房公益图书馆",
        (26.5843, 106.7151),
    ),
    ev(
        5,
        19,
        9,
        3,
        Some(12),
        2,
        "手语角",
        C::Disability,
        "和听障朋友一起学手语。",
        "中山西路康复服务站",
        (26.5793, 106.7031),
    ),
    ev(
        2,
        21,
        9,
        3,
        None,
        0,
        "社区议事会志愿服务",
        C::Community,
        "会场布置与记录。",
        "黔灵山社区居委会",
        (26.5972, 106.6985),
    ),
    ev(
        4,
        24,
        14,
        3,
        Some(30),
        0,
        "寒假学业辅导招募",
        C::Education,
        "寒假期间为孩子辅导功课。",
        "北京路青少年中心",
        (26.5991, 106.7141),
    ),
    ev(
        10,
        26,
        9,
        2,
        Some(10),
        0,
        "冬季送温暖",
        C::Elderly,
        "为困难长者送棉被。",
        "威清社区",
        (26.5781, 106.6945),
    ),
    // A draft and a cancelled one.
    Demo {
        status: EventStatus::Draft,
        ..ev(
            0,
            30,
            9,
            3,
            Some(15),
            0,
            "新春写福字送长者（草稿）",
            C::Culture,
            "写福字、送春联。",
            "中华北路社区服务中心",
            (26.5905, 106.7112),
        )
    },
    Demo {
        status: EventStatus::Cancelled,
        ..ev(
            1,
            13,
            9,
            3,
            Some(20),
            3,
            "户外拓展（因天气取消）",
            C::Children,
            "户外团队游戏。",
            "黔灵山公园",
            (26.5980, 106.6995),
        )
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
    added += super::demo_history::seed(conn, people, org_ids, &volunteers, today, now).await?;
    Ok(added)
}

/// How a demo event went.
pub(super) struct Plan {
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
pub(super) async fn add(
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
    let id = super::db::insert(conn, details, first, Some(people.owner), created).await?;
    if resident {
        super::signup::join(conn, id, people.resident, created).await?;
    }
    // People join in turn, days before it starts; past the seats they wait.
    for (turn, volunteer) in volunteers.iter().take(joiners).enumerate() {
        let joined = created + 3_600 * (turn as i64 + 1);
        super::signup::join(conn, id, *volunteer, joined).await?;
    }
    if past && status != EventStatus::Cancelled {
        crate::volunteering::demo::attendance(
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
        super::db::set_status(conn, id, EventStatus::Published, to, created).await?;
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
    let id = super::db::insert(
        conn,
        &details,
        EventStatus::Published,
        Some(people.owner),
        created,
    )
    .await?;
    let repeat = super::series::Repeat {
        frequency: super::series::Frequency::Weekly,
        until: None,
    };
    let series_id = super::series_db::start(
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
        super::signup::join(conn, id, *volunteer, created + 3_600).await?;
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
                    "INSERT INTO users (contact, contact_kind, display_name, created_at) \
                     VALUES ($1, 'mobile', $2, $3) RETURNING id",
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
