//! A person's volunteer record: the events they gave hours at, and the confirmed hours added up
//! by organisation and year (China time), which is what a certificate states.

use crate::orgs::model::Tier;
use serde::{Deserialize, Serialize};

/// An event someone gave hours at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServedEvent {
    pub event_id: i64,
    pub title: String,
    pub org_id: i64,
    pub org_name: String,
    /// The organisation's badge now: certificates are issued for verified ones only.
    pub org_tier: Tier,
    pub starts_at: i64,
    /// Confirmed by the organisers.
    pub approved_minutes: i64,
    /// Still waiting for them.
    pub pending_minutes: i64,
}

/// Confirmed hours at one organisation in one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceYear {
    pub org_id: i64,
    pub org_name: String,
    pub org_tier: Tier,
    pub year: i32,
    pub minutes: i64,
    /// Events with confirmed hours.
    pub events: i64,
    /// The China dates (YYYY-MM-DD) of the first and last of those events.
    pub first_day: String,
    pub last_day: String,
}

/// Adds up confirmed hours by organisation and year: newest year first, then by organisation.
/// Events with no confirmed hours do not count.
pub fn service_years(events: &[ServedEvent]) -> Vec<ServiceYear> {
    use crate::china_time::{china_day, china_year, date_input};
    let mut years: Vec<ServiceYear> = Vec::new();
    for event in events.iter().filter(|e| e.approved_minutes > 0) {
        let (Some(year), Some((date, _))) =
            (china_year(event.starts_at), china_day(event.starts_at))
        else {
            continue;
        };
        let day = date_input(date);
        match years
            .iter_mut()
            .find(|y| y.org_id == event.org_id && y.year == year)
        {
            Some(entry) => {
                entry.minutes += event.approved_minutes;
                entry.events += 1;
                entry.first_day = entry.first_day.clone().min(day.clone());
                entry.last_day = entry.last_day.clone().max(day);
            }
            None => years.push(ServiceYear {
                org_id: event.org_id,
                org_name: event.org_name.clone(),
                org_tier: event.org_tier,
                year,
                minutes: event.approved_minutes,
                events: 1,
                first_day: day.clone(),
                last_day: day,
            }),
        }
    }
    years.sort_by(|a, b| b.year.cmp(&a.year).then(a.org_name.cmp(&b.org_name)));
    years
}

#[cfg(feature = "ssr")]
pub use db::*;

#[cfg(feature = "ssr")]
mod db {
    use super::{ServedEvent, Tier};
    use sqlx::{AnyConnection, FromRow};

    #[derive(FromRow)]
    struct Row {
        event_id: i64,
        title: String,
        org_id: i64,
        org_name: String,
        verification: String,
        starts_at: i64,
        approved: i64,
        pending: i64,
    }

    /// Every event `user_id` has hours at (rejected ones count as nothing), newest first. The sums
    /// are cast because PostgreSQL adds integers up as numeric.
    pub async fn served_events(
        conn: &mut AnyConnection,
        user_id: i64,
    ) -> Result<Vec<ServedEvent>, sqlx::Error> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT e.id AS event_id, e.title, e.org_id, o.name AS org_name, o.verification, \
             e.starts_at, \
             CAST(SUM(CASE WHEN h.status = 'approved' THEN h.minutes ELSE 0 END) AS BIGINT) AS approved, \
             CAST(SUM(CASE WHEN h.status = 'pending' THEN h.minutes ELSE 0 END) AS BIGINT) AS pending \
             FROM volunteer_hours h JOIN event_participants p ON p.id = h.participant_id \
             JOIN events e ON e.id = h.event_id JOIN organisations o ON o.id = e.org_id \
             WHERE p.user_id = $1 \
             GROUP BY e.id, e.title, e.org_id, o.name, o.verification, e.starts_at \
             ORDER BY e.starts_at DESC, e.id DESC",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| ServedEvent {
                event_id: row.event_id,
                title: row.title,
                org_id: row.org_id,
                org_name: row.org_name,
                org_tier: Tier::of_stored(&row.verification),
                starts_at: row.starts_at,
                approved_minutes: row.approved,
                pending_minutes: row.pending,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn served(org_id: i64, starts_at: i64, approved: i64) -> ServedEvent {
        ServedEvent {
            event_id: starts_at,
            title: "活动".into(),
            org_id,
            org_name: format!("机构{org_id}"),
            org_tier: Tier::Verified,
            starts_at,
            approved_minutes: approved,
            pending_minutes: 30,
        }
    }

    #[test]
    fn hours_add_up_by_organisation_and_china_year() {
        // 2026-12-31 17:00 UTC is already 2027-01-01 in China.
        let new_year_eve_utc = 1_798_736_400;
        let june_2026 = 1_781_000_000;
        let years = service_years(&[
            served(1, new_year_eve_utc, 60),
            served(1, june_2026, 90),
            served(1, june_2026 + 86_400 * 30, 30),
            served(2, june_2026, 120),
            served(2, june_2026 + 3600, 0),
        ]);
        let summary: Vec<(i64, i32, i64, i64)> = years
            .iter()
            .map(|y| (y.org_id, y.year, y.minutes, y.events))
            .collect();
        assert_eq!(
            summary,
            vec![(1, 2027, 60, 1), (1, 2026, 120, 2), (2, 2026, 120, 1)]
        );
        assert_eq!(years[0].first_day, "2027-01-01");
        assert!(years[1].first_day < years[1].last_day);
    }
}
