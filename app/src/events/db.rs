//! Events in the database: reading, listing, creating and editing. Who holds a place is in
//! `signup`.

use super::input::{EventDetails, LONGEST_SECONDS};
use super::model::{Event, EventCategory, EventStatus, EventSummary, Seats};
use crate::db::columns::{CommaList, Flag};
use crate::geo::BBox;
use crate::orgs::model::Verification;
use crate::paging::PageMark;
use sqlx::{AnyConnection, AnyPool, FromRow};

#[derive(FromRow)]
struct EventRow {
    id: i64,
    org_id: i64,
    org_name: String,
    org_verification: String,
    title: String,
    summary: String,
    description: String,
    category: String,
    tags: CommaList,
    starts_at: i64,
    ends_at: i64,
    place_name: String,
    address: String,
    lat: f64,
    lng: f64,
    capacity: Option<i64>,
    signup_deadline: Option<i64>,
    cancel_deadline: Option<i64>,
    requirements: String,
    contact: String,
    status: String,
    credit_minutes: Option<i64>,
    walk_ins: Flag,
    seats_taken: i64,
    waitlist_length: i64,
    version: i64,
    series_id: Option<i64>,
    occurrence_no: Option<i64>,
}

impl EventRow {
    fn into_event(self) -> Option<Event> {
        let verification = Verification::parse(&self.org_verification)?;
        Some(Event {
            id: self.id,
            org_id: self.org_id,
            org_name: self.org_name,
            org_tier: verification.tier(),
            org_public: verification != Verification::Rejected,
            title: self.title,
            summary: self.summary,
            description: self.description,
            category: EventCategory::parse(&self.category)?,
            tags: self.tags.into_vec(),
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            place_name: self.place_name,
            address: self.address,
            lat: self.lat,
            lng: self.lng,
            capacity: self.capacity,
            signup_deadline: self.signup_deadline,
            cancel_deadline: self.cancel_deadline,
            requirements: self.requirements,
            contact: self.contact,
            status: EventStatus::parse(&self.status)?,
            credit_minutes: self
                .credit_minutes
                .unwrap_or((self.ends_at - self.starts_at) / 60),
            walk_ins: self.walk_ins.into(),
            seats_taken: self.seats_taken,
            waitlist_length: self.waitlist_length,
            version: self.version,
            series_id: self.series_id,
            occurrence_no: self.occurrence_no,
        })
    }
}

const SELECT_COLUMNS: &str = "SELECT e.id, e.org_id, o.name AS org_name, \
     o.verification AS org_verification, e.title, e.summary, e.description, e.category, e.tags, \
     e.starts_at, e.ends_at, e.place_name, e.address, e.lat, e.lng, e.capacity, e.signup_deadline, \
     e.cancel_deadline, e.requirements, e.contact, e.status, e.credit_minutes, e.walk_ins, e.seats_taken, \
     e.waitlist_length, e.version, e.series_id, e.occurrence_no";
const FROM_EVENTS: &str = "FROM events e JOIN organisations o ON o.id = e.org_id";

/// What a list reads of each event (`EventSummary`).
#[derive(FromRow)]
struct SummaryRow {
    id: i64,
    org_id: i64,
    org_name: String,
    org_verification: String,
    title: String,
    category: String,
    starts_at: i64,
    ends_at: i64,
    place_name: String,
    lat: f64,
    lng: f64,
    capacity: Option<i64>,
    seats_taken: i64,
    waitlist_length: i64,
}

impl SummaryRow {
    fn into_summary(self) -> Option<EventSummary> {
        Some(EventSummary {
            id: self.id,
            org_id: self.org_id,
            org_name: self.org_name,
            org_tier: Verification::parse(&self.org_verification)?.tier(),
            title: self.title,
            category: EventCategory::parse(&self.category)?,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            place_name: self.place_name,
            lat: self.lat,
            lng: self.lng,
            seats: Seats {
                capacity: self.capacity,
                taken: self.seats_taken,
                waitlist: self.waitlist_length,
            },
        })
    }
}

const SUMMARY_COLUMNS: &str = "SELECT e.id, e.org_id, o.name AS org_name, \
     o.verification AS org_verification, e.title, e.category, e.starts_at, e.ends_at, \
     e.place_name, e.lat, e.lng, e.capacity, e.seats_taken, e.waitlist_length";

fn events(rows: Vec<EventRow>) -> Vec<Event> {
    rows.into_iter().filter_map(EventRow::into_event).collect()
}

pub async fn find(pool: &AnyPool, id: i64) -> Result<Option<Event>, sqlx::Error> {
    let row: Option<EventRow> =
        sqlx::query_as(&format!("{SELECT_COLUMNS} {FROM_EVENTS} WHERE e.id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(row.and_then(EventRow::into_event))
}

/// What the public list asks for. Times are Unix seconds; `text` matches title, summary,
/// description, place, address, tags and the organisation's name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListQuery {
    pub category: Option<EventCategory>,
    /// Events that have not ended by this moment...
    pub from: i64,
    /// ...and start before this one, if given.
    pub until: Option<i64>,
    pub text: String,
    /// Only events inside this box (around a radius; the caller measures the exact distance).
    pub area: Option<BBox>,
    /// Only events after this one, soonest first: the next page.
    pub after: Option<PageMark>,
}

/// Events on one page of the list: a phone's screen a few times over, few enough that the page
/// stays light on a slow network.
pub const PAGE_SIZE: usize = 20;

/// One page of the list, and where the next one starts if more events match.
#[derive(Debug, Default)]
pub struct EventsPage {
    pub events: Vec<EventSummary>,
    pub later: Option<PageMark>,
}

/// Published events of public organisations that match, soonest first, as their cards,
/// `page_size` at a time after `q.after`.
pub async fn upcoming(
    pool: &AnyPool,
    q: &ListQuery,
    page_size: usize,
) -> Result<EventsPage, sqlx::Error> {
    let everywhere = BBox {
        south: -90.0,
        west: -180.0,
        north: 90.0,
        east: 180.0,
    };
    let area = q.area.unwrap_or(everywhere);
    let after = q.after.unwrap_or(PageMark {
        at: i64::MIN,
        id: i64::MIN,
    });
    let mut rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{SUMMARY_COLUMNS} {FROM_EVENTS} WHERE e.status = 'published' AND o.verification <> 'rejected' \
           AND e.ends_at > $1 AND e.starts_at < $2 AND ($3 = '' OR e.category = $3) \
           AND ($4 = '%%' OR lower(e.title) LIKE $4 ESCAPE '\\' OR lower(e.summary) LIKE $4 ESCAPE '\\' \
             OR lower(e.description) LIKE $4 ESCAPE '\\' OR lower(e.place_name) LIKE $4 ESCAPE '\\' \
             OR lower(e.address) LIKE $4 ESCAPE '\\' OR lower(e.tags) LIKE $4 ESCAPE '\\' \
             OR lower(o.name) LIKE $4 ESCAPE '\\') \
           AND e.lat BETWEEN $5 AND $6 AND e.lng BETWEEN $7 AND $8 \
           AND e.starts_at >= $9 AND (e.starts_at, e.id) > ($10, $11) \
         ORDER BY e.starts_at, e.id LIMIT $12"
    ))
    .bind(q.from)
    .bind(q.until.unwrap_or(i64::MAX))
    .bind(q.category.map_or("", EventCategory::as_str))
    .bind(crate::db::search::like_pattern(&crate::db::search::search_words(&q.text)))
    .bind(area.south)
    .bind(area.north)
    .bind(area.west)
    .bind(area.east)
    // Not over by `from`, so started at most the longest an event lasts before it: the soonest-
    // first index is read from there (or from the page mark, when later).
    .bind(q.from.saturating_sub(LONGEST_SECONDS).max(after.at))
    .bind(after.at)
    .bind(after.id)
    // One row more than the page tells whether there is another page.
    .bind(page_size as i64 + 1)
    .fetch_all(pool)
    .await?;
    let later = PageMark::cut(&mut rows, page_size, |last| PageMark {
        at: last.starts_at,
        id: last.id,
    });
    Ok(EventsPage {
        events: rows
            .into_iter()
            .filter_map(SummaryRow::into_summary)
            .collect(),
        later,
    })
}

/// Every published event of public organisations that has not ended: the map's events layer.
pub async fn on_the_map(pool: &AnyPool, now: i64) -> Result<Vec<Event>, sqlx::Error> {
    on_the_map_page(pool, now, crate::db::IdPage::EVERYTHING).await
}

/// A page of [`on_the_map`], for the open-data feeds.
pub async fn on_the_map_page(
    pool: &AnyPool,
    now: i64,
    page: crate::db::IdPage,
) -> Result<Vec<Event>, sqlx::Error> {
    let rows: Vec<EventRow> = sqlx::query_as(&format!(
        "{SELECT_COLUMNS} {FROM_EVENTS} WHERE e.status = 'published' AND o.verification <> 'rejected' \
         AND e.ends_at > $1 AND e.id > $2 ORDER BY e.id LIMIT $3"
    ))
    .bind(now)
    .bind(page.after)
    .bind(page.limit)
    .fetch_all(pool)
    .await?;
    Ok(events(rows))
}

/// An organisation's events for its own people: drafts and cancelled ones too, the latest start
/// first.
pub async fn of_org(pool: &AnyPool, org_id: i64, limit: i64) -> Result<Vec<Event>, sqlx::Error> {
    let rows: Vec<EventRow> = sqlx::query_as(&format!(
        "{SELECT_COLUMNS} {FROM_EVENTS} WHERE e.org_id = $1 ORDER BY e.starts_at DESC, e.id DESC LIMIT $2"
    ))
    .bind(org_id)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(events(rows))
}

/// An organisation's published events that have not ended, soonest first (its public page); none
/// for a rejected organisation, whose events are hidden everywhere else too.
pub async fn upcoming_of_org(
    pool: &AnyPool,
    org_id: i64,
    now: i64,
) -> Result<Vec<Event>, sqlx::Error> {
    let rows: Vec<EventRow> = sqlx::query_as(&format!(
        "{SELECT_COLUMNS} {FROM_EVENTS} WHERE e.org_id = $1 AND e.status = 'published' \
         AND o.verification <> 'rejected' AND e.ends_at > $2 \
         ORDER BY e.starts_at, e.id LIMIT 50"
    ))
    .bind(org_id)
    .bind(now)
    .fetch_all(pool)
    .await?;
    Ok(events(rows))
}

pub async fn insert(
    conn: &mut AnyConnection,
    d: &EventDetails,
    status: EventStatus,
    created_by: Option<i64>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    bind(
        sqlx::query_scalar(
            "INSERT INTO events (org_id, title, summary, description, category, tags, starts_at, \
             ends_at, place_name, address, lat, lng, capacity, signup_deadline, cancel_deadline, \
             requirements, contact, credit_minutes, walk_ins, status, created_by, created_at, \
             updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, \
             $15, $16, $17, $18, $19, $20, $21, $22, $22) RETURNING id",
        ),
        d,
    )
    .bind(status.as_str())
    .bind(created_by)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Saves an edit made from `version`; false when someone saved in between (nothing changed).
/// The caller has checked that the new capacity still seats everyone holding a seat.
pub async fn update(
    conn: &mut AnyConnection,
    id: i64,
    version: i64,
    d: &EventDetails,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let updated: Option<i64> = bind(
        sqlx::query_scalar(
            "UPDATE events SET org_id = $1, title = $2, summary = $3, description = $4, \
             category = $5, tags = $6, starts_at = $7, ends_at = $8, place_name = $9, \
             address = $10, lat = $11, lng = $12, capacity = $13, signup_deadline = $14, \
             cancel_deadline = $15, requirements = $16, contact = $17, credit_minutes = $18, \
             walk_ins = $19, version = version + 1, updated_at = $20 WHERE id = $21 \
             AND version = $22 RETURNING id",
        ),
        d,
    )
    .bind(now)
    .bind(id)
    .bind(version)
    .fetch_optional(conn)
    .await?;
    Ok(updated.is_some())
}

/// Moves an event from one status to another; false when it was not in `from` any more.
pub async fn set_status(
    conn: &mut AnyConnection,
    id: i64,
    from: EventStatus,
    to: EventStatus,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let updated: Option<i64> = sqlx::query_scalar(
        "UPDATE events SET status = $1, version = version + 1, updated_at = $2 \
         WHERE id = $3 AND status = $4 RETURNING id",
    )
    .bind(to.as_str())
    .bind(now)
    .bind(id)
    .bind(from.as_str())
    .fetch_optional(conn)
    .await?;
    Ok(updated.is_some())
}

type ScalarQuery<'q> = sqlx::query::QueryScalar<'q, sqlx::Any, i64, sqlx::any::AnyArguments<'q>>;

/// Binds the editable fields as `$1`..`$19`, in the column order of the statements above.
fn bind<'q>(query: ScalarQuery<'q>, d: &'q EventDetails) -> ScalarQuery<'q> {
    query
        .bind(d.org_id)
        .bind(d.title.as_str())
        .bind(d.summary.as_str())
        .bind(d.description.as_str())
        .bind(d.category.as_str())
        .bind(d.tags.as_str())
        .bind(d.starts_at)
        .bind(d.ends_at)
        .bind(d.place_name.as_str())
        .bind(d.address.as_str())
        .bind(d.location.0)
        .bind(d.location.1)
        .bind(d.capacity)
        .bind(d.signup_deadline)
        .bind(d.cancel_deadline)
        .bind(d.requirements.as_str())
        .bind(d.contact.as_str())
        .bind(d.credit_minutes)
        .bind(Flag(d.walk_ins))
}

/// The events where a person holds a seat or waits, the soonest first among those not ended, then
/// the most recent past ones.
pub async fn held_by(
    pool: &AnyPool,
    user_id: i64,
    now: i64,
) -> Result<Vec<(Event, bool)>, sqlx::Error> {
    #[derive(FromRow)]
    struct Row {
        #[sqlx(flatten)]
        event: EventRow,
        waiting: Flag,
    }
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT_COLUMNS}, CASE WHEN p.status = 'waitlisted' THEN 1 ELSE 0 END AS waiting {FROM_EVENTS} \
         JOIN event_participants p ON p.event_id = e.id \
         WHERE p.user_id = $1 AND p.status IN ('going', 'waitlisted') AND e.status <> 'draft' \
         ORDER BY CASE WHEN e.ends_at > $2 THEN 0 ELSE 1 END, \
           CASE WHEN e.ends_at > $2 THEN e.starts_at ELSE -e.starts_at END LIMIT 100"
    ))
    .bind(user_id)
    .bind(now)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| Some((row.event.into_event()?, row.waiting.into())))
        .collect())
}

/// Events for a calendar: not drafts, from 90 days ago on, by start.
async fn feed_events(
    pool: &AnyPool,
    filter: &str,
    id: i64,
    now: i64,
) -> Result<Vec<Event>, sqlx::Error> {
    let rows: Vec<EventRow> = sqlx::query_as(&format!(
        "{SELECT_COLUMNS} {FROM_EVENTS} WHERE {filter} AND e.status <> 'draft' \
         AND e.ends_at > $2 ORDER BY e.starts_at, e.id LIMIT 500"
    ))
    .bind(id)
    .bind(now - 90 * 86_400)
    .fetch_all(pool)
    .await?;
    Ok(events(rows))
}

/// An organisation's public events (none when the organisation is rejected).
pub async fn org_feed(pool: &AnyPool, org_id: i64, now: i64) -> Result<Vec<Event>, sqlx::Error> {
    let events = feed_events(pool, "e.org_id = $1", org_id, now).await?;
    Ok(events.into_iter().filter(|e| e.org_public).collect())
}

/// The events a person holds a seat or a waitlist place at.
pub async fn person_feed(
    pool: &AnyPool,
    user_id: i64,
    now: i64,
) -> Result<Vec<Event>, sqlx::Error> {
    feed_events(
        pool,
        "e.id IN (SELECT event_id FROM event_participants \
         WHERE user_id = $1 AND status IN ('going', 'waitlisted'))",
        user_id,
        now,
    )
    .await
}
