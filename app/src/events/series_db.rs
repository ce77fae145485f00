//! Series in the database: starting one, making its occurrences ahead, and the changes that
//! reach "this and all future" occurrences at once.

use super::input::EventDetails;
use super::model::{Event, EventStatus};
use super::series::{Frequency, Repeat, Rule, SeriesInfo, AHEAD_DAYS};
use crate::china_time::{china_day, china_midnight, date_input, parse_date};
use crate::db::{columns::Flag, Db};
use crate::error::AppError;
use crate::error::FormRefusal;
use crate::events::EventRefusal;
use sqlx::{AnyConnection, AnyPool, FromRow};
use time::{Date, Duration};

/// At most this many occurrences are made in one go (a year of weekly ones, and then some).
const MOST_PER_RUN: usize = 60;

#[derive(FromRow)]
struct SeriesRow {
    frequency: String,
    anchor_date: String,
    anchor_no: i64,
    until_date: Option<String>,
    template: String,
    new_status: String,
    next_no: i64,
    created_by: Option<i64>,
}

struct Series {
    rule: Rule,
    until: Option<Date>,
    template: EventDetails,
    new_status: EventStatus,
    next_no: i64,
    created_by: Option<i64>,
}

impl SeriesRow {
    fn into_series(self) -> Option<Series> {
        Some(Series {
            rule: Rule {
                frequency: Frequency::parse(&self.frequency)?,
                anchor_date: parse_date(&self.anchor_date)?,
                anchor_no: self.anchor_no,
            },
            until: self.until_date.as_deref().and_then(parse_date),
            template: serde_json::from_str(&self.template).ok()?,
            new_status: EventStatus::parse(&self.new_status)?,
            next_no: self.next_no,
            created_by: self.created_by,
        })
    }
}

const SERIES_COLUMNS: &str = "frequency, anchor_date, anchor_no, until_date, template, \
     new_status, next_no, created_by";

/// The series, holding its row lock until the transaction ends (a no-op update takes it on both
/// databases), so that two extensions never make the same occurrence.
async fn lock(conn: &mut AnyConnection, id: i64) -> Result<Option<Series>, sqlx::Error> {
    let row: Option<SeriesRow> = sqlx::query_as(&format!(
        "UPDATE event_series SET next_no = next_no WHERE id = $1 RETURNING {SERIES_COLUMNS}"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.and_then(SeriesRow::into_series))
}

/// The China day an event starts on.
fn day_of(starts_at: i64) -> Date {
    china_day(starts_at).map_or(Date::MIN, |(day, _)| day)
}

fn template_json(details: &EventDetails) -> String {
    serde_json::to_string(details).unwrap_or_default()
}

/// Makes event `event_id` (just saved from `details`) the first occurrence of a new series and
/// makes the next ones ahead. Returns the series' id.
pub async fn start(
    conn: &mut AnyConnection,
    event_id: i64,
    details: &EventDetails,
    repeat: Repeat,
    status: EventStatus,
    created_by: Option<i64>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let new_status = if status == EventStatus::Published {
        EventStatus::Published
    } else {
        EventStatus::Draft
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO event_series (org_id, frequency, anchor_date, anchor_no, until_date, \
         template, new_status, next_no, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, 0, $4, $5, $6, 1, $7, $8, $8) RETURNING id",
    )
    .bind(details.org_id)
    .bind(repeat.frequency.as_str())
    .bind(date_input(day_of(details.starts_at)))
    .bind(repeat.until.map(date_input))
    .bind(template_json(details))
    .bind(new_status.as_str())
    .bind(created_by)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    attach(conn, event_id, id, 0).await?;
    extend(conn, id, now).await?;
    Ok(id)
}

async fn attach(
    conn: &mut AnyConnection,
    event_id: i64,
    series_id: i64,
    no: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE events SET series_id = $1, occurrence_no = $2 WHERE id = $3")
        .bind(series_id)
        .bind(no)
        .bind(event_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Makes the occurrences that start within `AHEAD_DAYS` of now and not after the series' last
/// day. Occurrences already over are skipped. Returns
/// how many were made.
pub async fn extend(conn: &mut AnyConnection, id: i64, now: i64) -> Result<u64, sqlx::Error> {
    let Some(series) = lock(conn, id).await? else {
        return Ok(0);
    };
    let template = &series.template;
    let since_midnight = template.starts_at - china_midnight(series.rule.anchor_date);
    let horizon = now + AHEAD_DAYS * 86_400;
    let (mut no, mut made) = (series.next_no, 0);
    for _ in 0..MOST_PER_RUN {
        let Some(day) = series.rule.date_of(no) else {
            break;
        };
        let starts_at = china_midnight(day) + since_midnight;
        if series.until.is_some_and(|until| day > until) || starts_at > horizon {
            break;
        }
        let occurrence = template.shifted(starts_at - template.starts_at);
        if occurrence.ends_at > now {
            let event_id =
                super::db::insert(conn, &occurrence, series.new_status, series.created_by, now)
                    .await?;
            attach(conn, event_id, id, no).await?;
            made += 1;
        }
        no += 1;
    }
    sqlx::query("UPDATE event_series SET next_no = $1, updated_at = $2 WHERE id = $3")
        .bind(no)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(made)
}

/// Extends every series that has not ended, each in its own transaction (run at start and every
/// hour by the server). Returns how many occurrences were made.
pub async fn extend_all(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let today = date_input(day_of(now));
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM event_series WHERE until_date IS NULL OR until_date >= $1 ORDER BY id",
    )
    .bind(today)
    .fetch_all(db.pool())
    .await?;
    let mut made = 0;
    for id in ids {
        let mut tx = db.begin_write().await?;
        made += extend(&mut tx, id, now).await?;
        tx.commit().await?;
    }
    Ok(made)
}

/// The occurrences from number `from` on that are still draft or published: (id, number,
/// version, status, title), in order.
async fn from_here(
    conn: &mut AnyConnection,
    series_id: i64,
    from: i64,
) -> Result<Vec<(i64, i64, i64, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, occurrence_no, version, status, title FROM events WHERE series_id = $1 \
         AND occurrence_no >= $2 AND status IN ('draft', 'published') ORDER BY occurrence_no",
    )
    .bind(series_id)
    .bind(from)
    .fetch_all(conn)
    .await
}

fn occurrence_of(event: &Event) -> Result<(i64, i64), AppError> {
    match (event.series_id, event.occurrence_no) {
        (Some(series), Some(no)) => Ok((series, no)),
        _ => Err(AppError::NotFound),
    }
}

/// Saves an edit of `event` (made from `version`) to it and every later occurrence still to
/// come; their days follow the rule counted from the edited one, so moving it from Saturday to
/// Sunday moves them all. Later occurrences become what the series makes from now on.
pub async fn edit_future(
    conn: &mut AnyConnection,
    event: &Event,
    version: i64,
    details: &EventDetails,
    now: i64,
) -> Result<(), AppError> {
    let (series_id, this_no) = occurrence_of(event)?;
    let series = lock(conn, series_id).await?.ok_or(AppError::NotFound)?;
    let rule = Rule {
        anchor_date: day_of(details.starts_at),
        anchor_no: this_no,
        ..series.rule
    };
    let since_midnight = details.starts_at - china_midnight(rule.anchor_date);
    for (id, no, current_version, status, _) in from_here(conn, series_id, this_no).await? {
        let Some(day) = rule.date_of(no) else {
            continue;
        };
        let occurrence = details.shifted(china_midnight(day) + since_midnight - details.starts_at);
        let taken = super::signup::lock_for_edit(conn, id).await?;
        if occurrence.capacity.is_some_and(|c| c < taken) {
            return Err(EventRefusal::CapacityBelowTaken.into());
        }
        let expected = if id == event.id {
            version
        } else {
            current_version
        };
        if !super::db::update(conn, id, expected, &occurrence, now).await? {
            return Err(FormRefusal::EditConflict.into());
        }
        if status == EventStatus::Published.as_str() {
            super::signup::fill_free_seats(conn, id, &occurrence.title, now).await?;
        }
    }
    sqlx::query(
        "UPDATE event_series SET org_id = $1, anchor_date = $2, anchor_no = $3, template = $4, \
         updated_at = $5 WHERE id = $6",
    )
    .bind(details.org_id)
    .bind(date_input(rule.anchor_date))
    .bind(this_no)
    .bind(template_json(details))
    .bind(now)
    .bind(series_id)
    .execute(&mut *conn)
    .await?;
    extend(conn, series_id, now).await?;
    Ok(())
}

/// Publishes `event` and every later draft occurrence; the series makes published ones from now
/// on. Returns how many were published.
pub async fn publish_future(
    conn: &mut AnyConnection,
    event: &Event,
    now: i64,
) -> Result<u64, AppError> {
    let (series_id, this_no) = occurrence_of(event)?;
    lock(conn, series_id).await?;
    let published = sqlx::query(
        "UPDATE events SET status = 'published', version = version + 1, updated_at = $1 \
         WHERE series_id = $2 AND occurrence_no >= $3 AND status = 'draft'",
    )
    .bind(now)
    .bind(series_id)
    .bind(this_no)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    sqlx::query("UPDATE event_series SET new_status = 'published', updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(series_id)
        .execute(&mut *conn)
        .await?;
    Ok(published)
}

/// Cancels `event` and every later occurrence (everyone holding a place is told) and ends the
/// series the day before it. Returns how many were cancelled.
pub async fn cancel_future(
    conn: &mut AnyConnection,
    event: &Event,
    now: i64,
) -> Result<u64, AppError> {
    let (series_id, this_no) = occurrence_of(event)?;
    lock(conn, series_id).await?;
    let mut cancelled = 0;
    for (id, .., title) in from_here(conn, series_id, this_no).await? {
        if super::signup::cancel(conn, id, &title, now).await? {
            cancelled += 1;
        }
    }
    let last_day = day_of(event.starts_at)
        .checked_sub(Duration::days(1))
        .unwrap_or(Date::MIN);
    sqlx::query("UPDATE event_series SET until_date = $1, updated_at = $2 WHERE id = $3")
        .bind(date_input(last_day))
        .bind(now)
        .bind(series_id)
        .execute(&mut *conn)
        .await?;
    Ok(cancelled)
}

/// What `event`'s page says about its series: the rule, and the other occurrences still to come
/// that the reader may see (drafts only for its organisers).
pub async fn info(
    pool: &AnyPool,
    event: &Event,
    with_drafts: bool,
    now: i64,
) -> Result<Option<SeriesInfo>, sqlx::Error> {
    let Some(series_id) = event.series_id else {
        return Ok(None);
    };
    let row: Option<SeriesRow> = sqlx::query_as(&format!(
        "SELECT {SERIES_COLUMNS} FROM event_series WHERE id = $1"
    ))
    .bind(series_id)
    .fetch_optional(pool)
    .await?;
    let Some(series) = row.and_then(SeriesRow::into_series) else {
        return Ok(None);
    };
    let others = sqlx::query_as(
        "SELECT id, starts_at FROM events WHERE series_id = $1 AND id <> $2 AND ends_at > $3 \
         AND (status = 'published' OR (status = 'draft' AND $4 = 1)) \
         ORDER BY starts_at, id LIMIT 8",
    )
    .bind(series_id)
    .bind(event.id)
    .bind(now)
    .bind(Flag(with_drafts))
    .fetch_all(pool)
    .await?;
    Ok(Some(SeriesInfo {
        rule: series.rule.summary(series.until),
        others,
    }))
}
