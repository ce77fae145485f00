//! A year of the demo organisations' regular activities before the recent ones, so that the
//! dashboards, the report and the public figures have months to show: each month some of these
//! were held, with a different number of people each time.

use super::accounts::DemoPeople;
use super::events::{add, Plan};
use crate::china_time::china_day;
use crate::china_time::Month;
use crate::events::input::EventDetails;
use crate::events::model::{EventCategory, EventStatus};
use sqlx::AnyConnection;

/// A regular activity of one of the demo organisations.
struct Regular {
    /// The organisation, by its place in the demo list (`orgs::ids`).
    org: usize,
    title: &'static str,
    category: EventCategory,
    summary: &'static str,
    place: &'static str,
    at: (f64, f64),
    hour: i64,
    hours: i64,
    seats: i64,
}

const REGULAR: [Regular; 5] = [
    Regular {
        org: 0,
        title: "敬老院探访",
        category: EventCategory::Elderly,
        summary: "陪老人聊天、读报、剪指甲，给过生日的老人唱歌。",
        place: "云岩区第一敬老院",
        at: (26.5890, 106.7120),
        hour: 9,
        hours: 3,
        seats: 10,
    },
    Regular {
        org: 6,
        title: "河道清洁日",
        category: EventCategory::Environment,
        summary: "沿贯城河清理垃圾并分类，工具由协会准备。",
        place: "贯城河步道（北京路段）",
        at: (26.5965, 106.7080),
        hour: 9,
        hours: 2,
        seats: 10,
    },
    Regular {
        org: 7,
        title: "周末亲子读书会",
        category: EventCategory::Culture,
        summary: "志愿者带孩子们读绘本、做手工。",
        place: "黔书房公益图书馆",
        at: (26.5830, 106.7150),
        hour: 15,
        hours: 2,
        seats: 8,
    },
    Regular {
        org: 9,
        title: "爱心午餐配送",
        category: EventCategory::Community,
        summary: "给行动不便的独居老人送午餐。",
        place: "黔味善食爱心餐厅",
        at: (26.5770, 106.7030),
        hour: 11,
        hours: 2,
        seats: 6,
    },
    Regular {
        org: 1,
        title: "社区义诊",
        category: EventCategory::Health,
        summary: "量血压、测血糖、健康咨询。",
        place: "黔灵山社区服务中心",
        at: (26.5985, 106.6950),
        hour: 9,
        hours: 4,
        seats: 10,
    },
];

/// How far back the history goes, in months before the current one's recent events.
const MONTHS: i64 = 11;

/// Adds the history that is missing (by organisation and title, which names the month).
/// Returns how many events were added.
pub async fn seed(
    conn: &mut AnyConnection,
    people: DemoPeople,
    org_ids: &[i64],
    volunteers: &[i64],
    today: i64,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let mut added = 0;
    for back in 1..=MONTHS {
        for (k, regular) in REGULAR.iter().enumerate() {
            // Not every activity every month: busier in spring and autumn.
            let turn = back + k as i64;
            if turn % 4 == 0 {
                continue;
            }
            let Some(&org_id) = org_ids.get(regular.org) else {
                continue;
            };
            // A month (30 days) per step back, each activity on its own day of it; past the
            // recent demo events, which reach four weeks back.
            let day = -(30 * back + 5 + 5 * k as i64);
            let starts_at = today + day * 86_400 + regular.hour * 3_600;
            let Some((date, _)) = china_day(starts_at) else {
                continue;
            };
            let title = format!(
                "{}（{}年{}月）",
                regular.title,
                date.year(),
                u8::from(date.month())
            );
            let exists: Option<i64> =
                sqlx::query_scalar("SELECT id FROM events WHERE org_id = $1 AND title = $2")
                    .bind(org_id)
                    .bind(&title)
                    .fetch_optional(&mut *conn)
                    .await?;
            if exists.is_some() {
                continue;
            }
            let details = EventDetails {
                org_id,
                title,
                summary: regular.summary.into(),
                description: regular.summary.into(),
                category: regular.category,
                tags: String::new(),
                starts_at,
                ends_at: starts_at + regular.hours * 3_600,
                place_name: regular.place.into(),
                address: String::new(),
                location: regular.at,
                capacity: Some(regular.seats),
                signup_deadline: None,
                cancel_deadline: None,
                requirements: String::new(),
                contact: String::new(),
                credit_minutes: None,
                walk_ins: false,
            };
            // Between 3 and 10 people, different each month.
            let joiners = 3 + ((back * 7 + k as i64 * 3) % 8) as usize;
            let plan = Plan {
                status: EventStatus::Published,
                joiners: joiners.min(volunteers.len()),
                resident: false,
                past: true,
            };
            add(conn, people, volunteers, &details, plan, now).await?;
            // They signed in to join: that month they were active users.
            let month = Month::of(starts_at).map_or(0, Month::starts_at);
            for person in volunteers.iter().take(joiners) {
                crate::accounts::session::note_active(conn, *person, month).await?;
            }
            added += 1;
        }
    }
    Ok(added)
}
