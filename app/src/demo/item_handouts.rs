//! A year of the demo donation point at work: the demo coordinator posts donated clothes at the
//! clothes donation point that 阳光助老 runs, and neighbours ask, are promised and collect them —
//! through the same steps as any listing — so the organisation's dashboard counts items given.
//! One listing is still waiting to be collected.

use super::accounts::DemoPeople;
use super::item_requests::{ask, step_done};
use crate::items::input::ItemFields;
use crate::items::requests;
use sqlx::AnyConnection;

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

/// The demo resource things are handed out at (run by 阳光助老, where the coordinator works).
pub const POINT: &str = "中华北路旧衣物捐赠点";

/// What was donated: (what it is, category, condition).
const DONATED: [(&str, &str, &str); 6] = [
    ("冬季棉衣（男式）", "clothing", "good"),
    ("儿童羽绒服", "baby_kids", "like_new"),
    ("厚毛毯", "other", "good"),
    ("保暖内衣（全新）", "clothing", "new"),
    ("女式毛衣", "clothing", "good"),
    ("棉鞋（42 码）", "clothing", "like_new"),
];

/// How far back it goes, in months.
const MONTHS: i64 = 11;

/// Adds what is missing (by title, which names the day: two of a kind can be posted in one
/// month); how many listings were added.
pub async fn seed(
    conn: &mut AnyConnection,
    people: &DemoPeople,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let point: Option<(i64, f64, f64)> =
        sqlx::query_as("SELECT id, lat, lng FROM community_resources WHERE name = $1")
            .bind(POINT)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((point, lat, lng)) = point else {
        return Ok(0);
    };
    let takers = super::events::volunteers(conn, now).await?;
    let mut added = 0;
    for back in 0..MONTHS {
        // One to three things a month, collected a few days after they were posted.
        let given = 1 + (back * 5 % 3) as usize;
        for k in 0..given {
            let posted = now - (30 * back + 8 + 3 * k as i64) * DAY;
            let Some((date, _)) = crate::china_time::china_day(posted) else {
                continue;
            };
            let (what, category, condition) = DONATED[(back as usize + k) % DONATED.len()];
            let title = format!(
                "爱心衣物：{what}（{}年{}月{}日）",
                date.year(),
                u8::from(date.month()),
                date.day()
            );
            let Some(item) = post(
                conn,
                people,
                (point, lat, lng),
                &title,
                category,
                condition,
                posted,
            )
            .await?
            else {
                continue;
            };
            let taker = takers[(back as usize * 3 + k) % takers.len()];
            collect(conn, item, people.coordinator, taker, posted).await?;
            added += 1;
        }
    }
    let waiting = "爱心衣物：儿童棉服（待领取）";
    let at = (point, lat, lng);
    if post(
        conn,
        people,
        at,
        waiting,
        "baby_kids",
        "like_new",
        now - 2 * DAY,
    )
    .await?
    .is_some()
    {
        added += 1;
    }
    Ok(added)
}

/// Posts a donated thing at the point as the coordinator, unless it is there already.
async fn post(
    conn: &mut AnyConnection,
    people: &DemoPeople,
    (point, lat, lng): (i64, f64, f64),
    title: &str,
    category: &str,
    condition: &str,
    at: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM items WHERE title = $1")
        .bind(title)
        .fetch_optional(&mut *conn)
        .await?;
    if exists.is_some() {
        return Ok(None);
    }
    let fields = ItemFields {
        kind: "offer".into(),
        title: title.into(),
        description: "居民捐到捐赠点的衣物，已清洗整理。到捐赠点凭交接码领取。".into(),
        category: category.into(),
        condition: condition.into(),
        mode: "give".into(),
        pickup_notes: "捐赠点开放时间内领取。".into(),
        resource: point.to_string(),
        ..ItemFields::default()
    };
    let Ok(details) = fields.check_at(|_| None, |id| (id == point).then_some((lat, lng))) else {
        tracing::warn!(title, "demo handout does not pass the form's checks");
        return Ok(None);
    };
    Ok(Some(
        crate::items::db::insert(conn, people.coordinator, &details, at).await?,
    ))
}

/// A neighbour asks the day after, is promised it, and collects it two days later.
async fn collect(
    conn: &mut AnyConnection,
    item: i64,
    giver: i64,
    taker: i64,
    posted: i64,
) -> Result<(), sqlx::Error> {
    let Some(request) = ask(conn, item, taker, "我想要，谢谢！", posted + DAY).await? else {
        return Ok(());
    };
    step_done(
        requests::promise(conn, request, giver, None, posted + DAY + 2 * HOUR).await?,
        "promise",
    );
    let code = requests::handover_code(conn, request).await?;
    let handed =
        requests::confirm_handover(conn, request, taker, code.as_deref(), posted + 3 * DAY);
    step_done(handed.await?, "handover");
    // What this told the two of them was read at the time.
    sqlx::query(
        "UPDATE notifications SET read_at = created_at WHERE read_at IS NULL \
         AND user_id IN ($1, $2) AND created_at BETWEEN $3 AND $4",
    )
    .bind(giver)
    .bind(taker)
    .bind(posted)
    .bind(posted + 3 * DAY)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
