//! What has happened to some demo listings, told through the same steps people take (ask, promise,
//! back out, hand over, return, report), so the demo shows every state a listing and a request can
//! be in, with the notifications and threads they leave. A story whose listing already has a
//! request or a report is skipped: seeding twice tells each story once.

use super::accounts::DemoPeople;
use crate::items::model::{ItemLimits, ReportReason};
use crate::items::moderation::{report, ReportOutcome};
use crate::items::requests::{self, AskOutcome, StepOutcome};
use sqlx::AnyConnection;

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

/// Who takes part in the stories: the demo neighbours (by their place in the list) and the demo
/// resident, so that signing in as the resident shows requests waiting and one promised.
struct Cast {
    neighbours: Vec<i64>,
    resident: i64,
}

impl Cast {
    fn neighbour(&self, index: usize) -> i64 {
        self.neighbours[index % self.neighbours.len()]
    }
}

/// Tells every story that has not been told yet; how many were told.
pub async fn seed(
    conn: &mut AnyConnection,
    people: &DemoPeople,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let cast = Cast {
        neighbours: super::events::volunteers(conn, now).await?,
        resident: people.resident,
    };
    let mut told = 0;
    for story in STORIES {
        let Some(item) = untold(conn, story.title).await? else {
            continue;
        };
        tell(story.plot, conn, &cast, item, now).await?;
        told += 1;
    }
    Ok(told)
}

/// What happens to a listing.
#[derive(Clone, Copy)]
enum Plot {
    TwoAsking,
    PromisedToResident,
    Given,
    LentOut,
    LentAndBack,
    TakerBackedOut,
    HiddenByReports,
}

struct Story {
    /// The demo listing it happens to.
    title: &'static str,
    plot: Plot,
}

const STORIES: &[Story] = &[
    Story {
        title: "儿童自行车（带辅助轮）",
        plot: Plot::TwoAsking,
    },
    Story {
        title: "美的电饭煲 3 升",
        plot: Plot::PromisedToResident,
    },
    Story {
        title: "小学语文课外读物 20 本",
        plot: Plot::Given,
    },
    Story {
        title: "冲击钻（可借用）",
        plot: Plot::LentOut,
    },
    Story {
        title: "梯子（可借用）",
        plot: Plot::LentAndBack,
    },
    Story {
        title: "书桌台灯",
        plot: Plot::TakerBackedOut,
    },
    Story {
        title: SCAM_TITLE,
        plot: Plot::HiddenByReports,
    },
];

async fn tell(
    plot: Plot,
    conn: &mut AnyConnection,
    cast: &Cast,
    item: (i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    match plot {
        Plot::TwoAsking => two_asking(conn, cast, item, now).await,
        Plot::PromisedToResident => promised_to_resident(conn, cast, item, now).await,
        Plot::Given => given(conn, cast, item, now).await,
        Plot::LentOut => lent_out(conn, cast, item, now).await,
        Plot::LentAndBack => lent_and_back(conn, cast, item, now).await,
        Plot::TakerBackedOut => taker_backed_out(conn, cast, item, now).await,
        Plot::HiddenByReports => hidden_by_reports(conn, cast, item, now).await,
    }
}

/// A listing the demo posts only to be reported: it asks for money and a chat elsewhere.
pub(crate) const SCAM_TITLE: &str = "名牌运动鞋 低价转让";

/// The listing's id and owner, if nobody has asked for it or reported it yet.
async fn untold(conn: &mut AnyConnection, title: &str) -> Result<Option<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT i.id, i.owner_id FROM items i WHERE i.title = $1 \
         AND NOT EXISTS (SELECT 1 FROM item_requests r WHERE r.item_id = i.id) \
         AND NOT EXISTS (SELECT 1 FROM item_reports p WHERE p.item_id = i.id) \
         ORDER BY i.id LIMIT 1",
    )
    .bind(title)
    .fetch_optional(conn)
    .await
}

/// Someone other than the owner, picked by place in the list.
fn asker(cast: &Cast, owner: i64, index: usize) -> i64 {
    (index..)
        .map(|i| cast.neighbour(i))
        .find(|id| *id != owner)
        .unwrap_or(cast.resident)
}

pub(crate) async fn ask(
    conn: &mut AnyConnection,
    item: i64,
    person: i64,
    message: &str,
    at: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let limits = ItemLimits::default();
    Ok(
        match requests::ask(conn, item, person, message, limits, at).await? {
            AskOutcome::Sent(id) => Some(id),
            outcome => {
                tracing::warn!(?outcome, item, "demo request not sent");
                None
            }
        },
    )
}

pub(crate) fn step_done(outcome: StepOutcome, what: &str) {
    if outcome != StepOutcome::Done {
        tracing::warn!(?outcome, what, "demo step not taken");
    }
}

async fn say(
    conn: &mut AnyConnection,
    request_id: i64,
    author: i64,
    body: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    if let Some(request) = requests::find(conn, request_id).await? {
        crate::items::thread::post(conn, &request, author, body, at).await?;
    }
    Ok(())
}

/// Asked for by the resident and a neighbour; the owner has not chosen yet.
async fn two_asking(
    conn: &mut AnyConnection,
    cast: &Cast,
    (item, owner): (i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    let neighbour = asker(cast, owner, 5);
    ask(
        conn,
        item,
        neighbour,
        "孩子五岁，正在学骑车，想要这辆。",
        now - 2 * DAY,
    )
    .await?;
    if cast.resident != owner {
        let message = "我家女儿刚好合适，周末可以来取，谢谢！";
        ask(conn, item, cast.resident, message, now - DAY).await?;
    }
    Ok(())
}

/// Promised to the resident, who has not picked it up yet; the pickup place is in the thread.
async fn promised_to_resident(
    conn: &mut AnyConnection,
    cast: &Cast,
    (item, owner): (i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    let other = asker(cast, owner, 2);
    ask(conn, item, other, "请问还在吗？", now - 3 * DAY).await?;
    let Some(request) = ask(
        conn,
        item,
        cast.resident,
        "家里的坏了，正需要一个。",
        now - 2 * DAY,
    )
    .await?
    else {
        return Ok(());
    };
    let promised = requests::promise(conn, request, owner, None, now - DAY).await?;
    step_done(promised, "promise");
    let pickup = "我在中华北路 88 号 3 栋 2 单元，明晚 7 点后在家，到楼下给我发消息。";
    say(conn, request, owner, pickup, now - DAY + HOUR).await?;
    say(
        conn,
        request,
        cast.resident,
        "好的，明晚 7 点半过来，谢谢！",
        now - DAY + 2 * HOUR,
    )
    .await
}

/// Asked for by two, promised to one and handed over with the code: given.
async fn given(
    conn: &mut AnyConnection,
    cast: &Cast,
    (item, owner): (i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    let taker = asker(cast, owner, 7);
    let Some(request) = ask(conn, item, taker, "给社区图书角用，可以吗？", now - 5 * DAY).await?
    else {
        return Ok(());
    };
    // Someone else asked too: their request is closed when the books are handed over.
    let other = asker(cast, owner, 9);
    ask(
        conn,
        item,
        other,
        "我家孩子也上小学，想要。",
        now - 5 * DAY + HOUR,
    )
    .await?;
    step_done(
        requests::promise(conn, request, owner, None, now - 4 * DAY).await?,
        "promise",
    );
    let code = requests::handover_code(conn, request).await?;
    let handed = requests::confirm_handover(conn, request, taker, code.as_deref(), now - 3 * DAY);
    step_done(handed.await?, "handover");
    Ok(())
}

/// Lent for a week and not back yet.
async fn lent_out(
    conn: &mut AnyConnection,
    cast: &Cast,
    (item, owner): (i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    let borrower = asker(cast, owner, 4);
    let Some(request) = ask(
        conn,
        item,
        borrower,
        "装修要打几个孔，借三天。",
        now - 3 * DAY,
    )
    .await?
    else {
        return Ok(());
    };
    let due = Some(now + 4 * DAY);
    step_done(
        requests::promise(conn, request, owner, due, now - 2 * DAY).await?,
        "promise",
    );
    for side in [owner, borrower] {
        let handed = requests::confirm_handover(conn, request, side, None, now - 2 * DAY + HOUR);
        step_done(handed.await?, "handover");
    }
    Ok(())
}

/// Lent, used and brought back: available again.
async fn lent_and_back(
    conn: &mut AnyConnection,
    cast: &Cast,
    (item, owner): (i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    let borrower = asker(cast, owner, 1);
    let Some(request) = ask(
        conn,
        item,
        borrower,
        "换灯泡用，用完马上还。",
        now - 6 * DAY,
    )
    .await?
    else {
        return Ok(());
    };
    let due = Some(now - 2 * DAY);
    step_done(
        requests::promise(conn, request, owner, due, now - 6 * DAY + HOUR).await?,
        "promise",
    );
    let code = requests::handover_code(conn, request).await?;
    let handed =
        requests::confirm_handover(conn, request, borrower, code.as_deref(), now - 5 * DAY);
    step_done(handed.await?, "handover");
    let back = requests::confirm_return(conn, request, owner, now - 3 * DAY).await?;
    step_done(back, "return");
    Ok(())
}

/// Promised, then the taker could not come: available again, asked for by someone else.
async fn taker_backed_out(
    conn: &mut AnyConnection,
    cast: &Cast,
    (item, owner): (i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    let first = asker(cast, owner, 3);
    let Some(request) = ask(conn, item, first, "孩子写作业用。", now - 4 * DAY).await?
    else {
        return Ok(());
    };
    step_done(
        requests::promise(conn, request, owner, None, now - 3 * DAY).await?,
        "promise",
    );
    let sorry = "不好意思，这周出差，来不了了。";
    say(conn, request, first, sorry, now - 2 * DAY).await?;
    step_done(
        requests::back_out(conn, request, first, now - 2 * DAY).await?,
        "back out",
    );
    ask(
        conn,
        item,
        asker(cast, owner, 6),
        "还在的话我想要。",
        now - DAY,
    )
    .await?;
    Ok(())
}

/// Reported three times: hidden until an admin decides (it waits in the moderation queue).
async fn hidden_by_reports(
    conn: &mut AnyConnection,
    cast: &Cast,
    (item, owner): (i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    let reports = [
        (ReportReason::Scam, "要求加微信付款，不是赠送。"),
        (ReportReason::Misleading, "标题说转让，这里只能送、换、借。"),
        (ReportReason::Scam, ""),
    ];
    for (index, (reason, details)) in reports.into_iter().enumerate() {
        let reporter = asker(cast, owner, index * 3 + 1);
        let at = now - DAY + index as i64 * HOUR;
        if let ReportOutcome::Reported { .. } =
            report(conn, item, reporter, reason, details, at).await?
        {
            continue;
        }
        tracing::warn!(item, "demo report not taken");
    }
    Ok(())
}
