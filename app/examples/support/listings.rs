//! Generated item listings: the search benchmark's and the load test's.

use super::Random;
use app::db::{now_unix, Db, DbKind};

/// Rows per INSERT statement while generating.
const BATCH: usize = 200;

const THINGS: &[(&str, &str)] = &[
    ("儿童自行车", "baby_kids"),
    ("婴儿推车", "baby_kids"),
    ("儿童绘本", "books"),
    ("小学课本", "books"),
    ("英语词典", "books"),
    ("书桌", "furniture"),
    ("书架", "furniture"),
    ("折叠椅", "furniture"),
    ("单人床垫", "furniture"),
    ("电饭煲", "appliances"),
    ("微波炉", "appliances"),
    ("电风扇", "appliances"),
    ("取暖器", "appliances"),
    ("羽绒服", "clothing"),
    ("冬季外套", "clothing"),
    ("校服", "clothing"),
    ("毛毯", "clothing"),
    ("炒锅", "kitchen"),
    ("保温杯", "kitchen"),
    ("收音机", "electronics"),
    ("旧手机", "electronics"),
    ("台灯", "electronics"),
    ("篮球", "sports"),
    ("羽毛球拍", "sports"),
    ("跳绳", "sports"),
    ("电钻", "tools"),
    ("螺丝刀套装", "tools"),
    ("大米", "food"),
    ("菜籽油", "food"),
    ("轮椅", "other"),
    ("拐杖", "other"),
    ("雨伞", "other"),
];
const STATES: &[&str] = &[
    "九成新",
    "八成新",
    "几乎全新",
    "用过一年",
    "有点旧但能用",
    "全新未拆",
];
const REASONS: &[&str] = &[
    "孩子长大了用不上",
    "搬家带不走",
    "家里多了一个",
    "买了新的",
    "老人家用过，保养得好",
    "单位发的，用不完",
];
/// Streets of Yunyan district.
pub const PLACES: &[&str] = &[
    "中华北路",
    "宝山北路",
    "黔灵山路",
    "北京路",
    "延安中路",
    "市西路",
    "威清路",
    "普陀路",
];
/// `count` listings by one new neighbour, posted over the last 30 days (newest last), none
/// expired; a fifth of them are wanted ones. Chinese titles and descriptions made of common
/// things, their state, why they go and where to fetch them.
pub async fn generate(db: &Db, random: &mut Random, count: usize) {
    let now = now_unix();
    let owner: i64 = sqlx::query_scalar(
        "INSERT INTO users (contact, contact_kind, display_name, created_at) \
         VALUES ('13900000000', 'mobile', '邻居', $1) RETURNING id",
    )
    .bind(now)
    .fetch_one(db.pool())
    .await
    .expect("a poster");
    let mut tx = db.begin_write().await.expect("a write transaction");
    for batch in 0..count / BATCH {
        let mut sql = String::from(
            "INSERT INTO items (owner_id, kind, title, description, category, item_condition, \
             mode, cell_lat, cell_lng, expires_at, created_at, updated_at) VALUES ",
        );
        for row in 0..BATCH {
            let n = batch * BATCH + row;
            let (thing, category) = *random.pick(THINGS);
            let state = random.pick(STATES);
            let reason = random.pick(REASONS);
            let place = random.pick(PLACES);
            let kind = if n.is_multiple_of(5) {
                "wanted"
            } else {
                "offer"
            };
            let condition = if kind == "offer" { "'good'" } else { "NULL" };
            // Posted over the last 30 days, newest last; none has expired.
            let created = now - 30 * 86_400 + (n as i64 * 30 * 86_400 / count as i64);
            let lat = 26.55 + random.below(1000) as f64 / 10_000.0;
            let lng = 106.65 + random.below(1000) as f64 / 10_000.0;
            if row > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "({owner}, '{kind}', '{state}{thing} {n}', '{state}的{thing}，{reason}。{place}附近自取，\
                 晚上七点后方便。', '{category}', {condition}, 'give', {lat}, {lng}, {}, {created}, {created})",
                now + 30 * 86_400
            ));
        }
        sqlx::query(&sql)
            .execute(&mut *tx)
            .await
            .expect("insert listings");
    }
    tx.commit().await.expect("commit the listings");
    // A table loaded at once is one autovacuum will soon work through (and the text indexes
    // hold the rows in their pending lists until then): done now, the searches are timed on the
    // settled table a board that grows a listing at a time has, not beside that vacuum.
    if db.kind() == DbKind::Postgres {
        sqlx::query("VACUUM ANALYZE items")
            .execute(db.pool())
            .await
            .expect("vacuum");
    }
}
