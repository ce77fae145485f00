//! Reports and the admins' decisions (PRODUCT §2.2 "Safety"): anyone signed in reports a listing
//! once, with a reason; three open reports from different people hide it until an admin restores
//! or removes it, and may warn the poster.

use super::model::{Report, ReportReason, ReportedItem, REPORTS_TO_HIDE};
use crate::notifications::{db::notify, model::Notice};
use sqlx::{AnyConnection, AnyPool};

#[derive(Debug, PartialEq, Eq)]
pub enum ReportOutcome {
    /// Recorded; `hidden` when this report was the one that hid the listing.
    Reported {
        hidden: bool,
    },
    AlreadyReported,
    OwnItem,
    NotFound,
}

/// What an admin decided about a reported listing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Back on the list; the reports are closed.
    Restore,
    /// Taken down for good (withdrawn and hidden); waiting requests are closed.
    Remove,
}

pub async fn report(
    conn: &mut AnyConnection,
    item_id: i64,
    reporter: i64,
    reason: ReportReason,
    details: &str,
    now: i64,
) -> Result<ReportOutcome, sqlx::Error> {
    let item: Option<(i64, String, Option<i64>)> = sqlx::query_as(
        "UPDATE items SET updated_at = updated_at WHERE id = $1 RETURNING owner_id, title, hidden_at",
    )
    .bind(item_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((owner, title, hidden_at)) = item else {
        return Ok(ReportOutcome::NotFound);
    };
    if owner == reporter {
        return Ok(ReportOutcome::OwnItem);
    }
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO item_reports (item_id, reporter_id, reason, details, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (item_id, reporter_id) DO NOTHING RETURNING id",
    )
    .bind(item_id)
    .bind(reporter)
    .bind(reason.as_str())
    .bind(details)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    if inserted.is_none() {
        return Ok(ReportOutcome::AlreadyReported);
    }
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM item_reports WHERE item_id = $1 AND resolved_at IS NULL",
    )
    .bind(item_id)
    .fetch_one(&mut *conn)
    .await?;
    let hides = hidden_at.is_none() && open >= REPORTS_TO_HIDE;
    if hides {
        sqlx::query("UPDATE items SET hidden_at = $1, version = version + 1 WHERE id = $2")
            .bind(now)
            .bind(item_id)
            .execute(&mut *conn)
            .await?;
        notify(conn, owner, &Notice::ItemHidden { item_id, title }, now).await?;
    }
    Ok(ReportOutcome::Reported { hidden: hides })
}

/// A listing's id, title, owner's name and when it was hidden, with one report's reason, details
/// and time.
type ReportRow = (i64, String, String, Option<i64>, String, String, i64);

/// Listings with reports no admin has decided on: hidden ones first, then the oldest report.
pub async fn queue(pool: &AnyPool) -> Result<Vec<ReportedItem>, sqlx::Error> {
    let rows: Vec<ReportRow> = sqlx::query_as(
        "SELECT i.id, i.title, u.display_name, i.hidden_at, r.reason, r.details, r.created_at \
         FROM item_reports r JOIN items i ON i.id = r.item_id JOIN users u ON u.id = i.owner_id \
         WHERE r.resolved_at IS NULL \
         ORDER BY (CASE WHEN i.hidden_at IS NULL THEN 1 ELSE 0 END), i.id, r.id",
    )
    .fetch_all(pool)
    .await?;
    let mut queue: Vec<ReportedItem> = Vec::new();
    for (item_id, title, owner_name, hidden_at, reason, details, created_at) in rows {
        let Some(reason) = ReportReason::parse(&reason) else {
            continue;
        };
        let report = Report {
            reason,
            details,
            created_at,
        };
        match queue.iter_mut().find(|entry| entry.item_id == item_id) {
            Some(entry) => entry.reports.push(report),
            None => queue.push(ReportedItem {
                item_id,
                title,
                owner_name,
                hidden: hidden_at.is_some(),
                reports: vec![report],
            }),
        }
    }
    Ok(queue)
}

/// Decides on a listing's open reports; with `warning`, the poster is told what the admin wrote.
/// False when there was nothing open to decide (another admin was first).
pub async fn decide(
    conn: &mut AnyConnection,
    item_id: i64,
    admin: i64,
    decision: Decision,
    warning: Option<&str>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let item: Option<(i64, String)> = sqlx::query_as(
        "UPDATE items SET updated_at = updated_at WHERE id = $1 RETURNING owner_id, title",
    )
    .bind(item_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((owner, title)) = item else {
        return Ok(false);
    };
    let resolution = match decision {
        Decision::Restore => "restored",
        Decision::Remove => "removed",
    };
    let resolved = sqlx::query(
        "UPDATE item_reports SET resolved_at = $1, resolution = $2, resolved_by = $3 \
         WHERE item_id = $4 AND resolved_at IS NULL",
    )
    .bind(now)
    .bind(resolution)
    .bind(admin)
    .bind(item_id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if resolved == 0 {
        return Ok(false);
    }
    match decision {
        Decision::Restore => {
            sqlx::query(
                "UPDATE items SET hidden_at = NULL, version = version + 1, updated_at = $1 WHERE id = $2",
            )
            .bind(now)
            .bind(item_id)
            .execute(&mut *conn)
            .await?;
        }
        Decision::Remove => {
            sqlx::query(
                "UPDATE items SET status = 'withdrawn', hidden_at = COALESCE(hidden_at, $1), \
                 version = version + 1, updated_at = $1 WHERE id = $2",
            )
            .bind(now)
            .bind(item_id)
            .execute(&mut *conn)
            .await?;
            sqlx::query(
                "UPDATE item_requests SET status = 'declined', updated_at = $1 \
                 WHERE item_id = $2 AND status IN ('open', 'promised')",
            )
            .bind(now)
            .bind(item_id)
            .execute(&mut *conn)
            .await?;
            notify(
                conn,
                owner,
                &Notice::ItemRemoved {
                    item_id,
                    title: title.clone(),
                },
                now,
            )
            .await?;
        }
    }
    if let Some(text) = warning.filter(|w| !w.trim().is_empty()) {
        let notice = Notice::ItemWarning {
            item_id,
            title,
            text: text.to_string(),
        };
        notify(conn, owner, &notice, now).await?;
    }
    Ok(true)
}
