//! The dashboards' figures, month by month, for one organisation or the whole platform. Each
//! figure is one query over the period's months (China time); what counts is written next to it,
//! and the pages show the same words (a figure must be reproducible from the data).

use super::period::Month;
use serde::{Deserialize, Serialize};

/// Whose figures: one organisation's, or every organisation's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    Org(i64),
    Platform,
}

/// One month's figures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFigures {
    pub month: Option<Month>,
    /// Events held: published (or completed) events that started this month and have ended.
    pub events_held: i64,
    /// Places taken at those events: people holding a seat (not the waitlist, not who left).
    pub places_taken: i64,
    /// Of those places, the people marked as attended (by check-in or by the organisers).
    pub attended: i64,
    /// Confirmed volunteer hours at those events, in minutes: credited from attendance...
    pub credit_minutes: i64,
    /// ... and honour hours added by the organisers with a reason.
    pub honour_minutes: i64,
    /// Services of the cooperative's members booked this month (offers of help not counted).
    pub services_booked: i64,
    /// Services confirmed done this month, and what they earned the members, in fen.
    pub services_done: i64,
    pub income_fen: i64,
    /// Organisations registered this month (whatever became of them).
    pub new_orgs: i64,
    /// Things handed over this month at the community resources run by the organisation(s):
    /// offers posted at a resource, both sides having confirmed the handover.
    pub items_given: i64,
    /// People who used the app signed in this month (platform only).
    pub active_users: i64,
}

/// What the platform's admins have to look at now: organisations by verification state, and the
/// two queues with the moment their oldest entry arrived.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformState {
    /// (state as stored — pending, verified, partner, rejected — and how many), in that order.
    pub orgs_by_state: Vec<(String, i64)>,
    /// Organisations waiting to be verified, and when the oldest registered.
    pub verification_waiting: i64,
    pub verification_oldest: Option<i64>,
    /// Listings with reports no admin has decided on, and when the oldest open report came.
    pub moderation_waiting: i64,
    pub moderation_oldest: Option<i64>,
}

/// Public figures leave out anything about people that fewer than this many people are behind.
pub const MIN_PEOPLE: i64 = 3;

/// What anyone may see of an organisation or the platform: totals since a date. A figure about
/// people is left out (`None`) when fewer than `MIN_PEOPLE` different people are behind it, so
/// that it never points at anyone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicFigures {
    /// Events held (as on the dashboard).
    pub events_held: i64,
    /// Times people attended them.
    pub attended: Option<i64>,
    /// Confirmed volunteer hours at them, in minutes.
    pub volunteer_minutes: Option<i64>,
    /// Cooperative members' services confirmed done.
    pub services_done: Option<i64>,
}

/// `value`, when `people` are enough for it not to point at anyone.
pub fn unless_too_few(value: i64, people: i64) -> Option<i64> {
    (people >= MIN_PEOPLE).then_some(value)
}

#[cfg(feature = "ssr")]
pub use queries::{monthly, platform_state, public_totals};

#[cfg(feature = "ssr")]
mod queries {
    use super::super::period::Period;
    use super::{unless_too_few, MonthFigures, PlatformState, PublicFigures, Scope};
    use sqlx::AnyConnection;

    /// `WITH months (k, s, e)`: each month's index, first second and first second after it. The
    /// numbers are ours (never typed by anyone), written into the text so both databases type
    /// them as integers.
    fn months_cte(period: &Period) -> String {
        let rows: Vec<String> = period
            .bounds()
            .iter()
            .enumerate()
            .map(|(k, (_, start, end))| format!("({k}, {start}, {end})"))
            .collect();
        format!("WITH months (k, s, e) AS (VALUES {})", rows.join(", "))
    }

    /// The condition on an organisation column for `scope` (an id of ours, not typed text).
    fn org_filter(scope: Scope, column: &str) -> String {
        match scope {
            Scope::Org(id) => format!("AND {column} = {id}"),
            Scope::Platform => String::new(),
        }
    }

    /// Events counted as held: started in the month, published or completed, over by `$1`.
    const HELD: &str = "JOIN events ev ON ev.starts_at >= m.s AND ev.starts_at < m.e \
                        AND ev.status IN ('published', 'completed') AND ev.ends_at <= $1";

    /// Runs a query that answers (month index, one or more integer figures) per month.
    async fn per_month(
        conn: &mut AnyConnection,
        sql: &str,
        now: i64,
    ) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
        sqlx::query_as(sql).bind(now).fetch_all(conn).await
    }

    /// Every figure of every month of `period` for `scope`, as of `now`.
    pub async fn monthly(
        conn: &mut AnyConnection,
        scope: Scope,
        period: &Period,
        now: i64,
    ) -> Result<Vec<MonthFigures>, sqlx::Error> {
        let months = months_cte(period);
        let events_org = org_filter(scope, "ev.org_id");
        let members_org = org_filter(scope, "cm.org_id");
        let mut figures: Vec<MonthFigures> = period
            .months()
            .into_iter()
            .map(|month| MonthFigures {
                month: Some(month),
                ..MonthFigures::default()
            })
            .collect();
        let mut fill = |rows: Vec<(i64, i64, i64)>, set: fn(&mut MonthFigures, i64, i64)| {
            for (k, a, b) in rows {
                if let Some(month) = usize::try_from(k).ok().and_then(|k| figures.get_mut(k)) {
                    set(month, a, b);
                }
            }
        };
        let held = format!(
            "{months} SELECT m.k, COUNT(*), 0 FROM months m {HELD} {events_org} GROUP BY m.k"
        );
        fill(per_month(conn, &held, now).await?, |f, n, _| {
            f.events_held = n
        });
        let places = format!(
            "{months} SELECT m.k, \
             CAST(COALESCE(SUM(CASE WHEN p.status = 'going' THEN 1 ELSE 0 END), 0) AS BIGINT), \
             CAST(COALESCE(SUM(CASE WHEN p.attendance = 'attended' THEN 1 ELSE 0 END), 0) AS BIGINT) \
             FROM months m {HELD} {events_org} \
             JOIN event_participants p ON p.event_id = ev.id GROUP BY m.k"
        );
        fill(per_month(conn, &places, now).await?, |f, going, came| {
            f.places_taken = going;
            f.attended = came;
        });
        let hours = format!(
            "{months} SELECT m.k, \
             CAST(COALESCE(SUM(CASE WHEN h.kind = 'credit' THEN h.minutes ELSE 0 END), 0) AS BIGINT), \
             CAST(COALESCE(SUM(CASE WHEN h.kind = 'honour' THEN h.minutes ELSE 0 END), 0) AS BIGINT) \
             FROM months m {HELD} {events_org} \
             JOIN volunteer_hours h ON h.event_id = ev.id AND h.status = 'approved' GROUP BY m.k"
        );
        fill(per_month(conn, &hours, now).await?, |f, credit, honour| {
            f.credit_minutes = credit;
            f.honour_minutes = honour;
        });
        let booked = format!(
            "{months} SELECT m.k, COUNT(*), 0 FROM months m \
             JOIN coop_bookings b ON b.created_at >= m.s AND b.created_at < m.e \
             AND b.kind = 'service' AND b.created_at <= $1 \
             JOIN coop_members cm ON cm.id = b.member_id {members_org} GROUP BY m.k"
        );
        fill(per_month(conn, &booked, now).await?, |f, n, _| {
            f.services_booked = n
        });
        let done = format!(
            "{months} SELECT m.k, COUNT(*), CAST(COALESCE(SUM(b.price_fen), 0) AS BIGINT) \
             FROM months m \
             JOIN coop_bookings b ON b.done_at >= m.s AND b.done_at < m.e \
             AND b.kind = 'service' AND b.status = 'done' AND b.done_at <= $1 \
             JOIN coop_members cm ON cm.id = b.member_id {members_org} GROUP BY m.k"
        );
        fill(per_month(conn, &done, now).await?, |f, n, fen| {
            f.services_done = n;
            f.income_fen = fen;
        });
        let orgs = format!(
            "{months} SELECT m.k, COUNT(*), 0 FROM months m \
             JOIN organisations o ON o.created_at >= m.s AND o.created_at < m.e \
             AND o.created_at <= $1 {} GROUP BY m.k",
            org_filter(scope, "o.id")
        );
        fill(per_month(conn, &orgs, now).await?, |f, n, _| f.new_orgs = n);
        // A handover is done when the later of the two confirmations came.
        let handed = "CASE WHEN r.giver_confirmed_at >= r.taker_confirmed_at \
                      THEN r.giver_confirmed_at ELSE r.taker_confirmed_at END";
        let items = format!(
            "{months} SELECT m.k, COUNT(*), 0 FROM months m \
             JOIN item_requests r ON r.status IN ('handed_over', 'returned') \
             AND {handed} >= m.s AND {handed} < m.e AND {handed} <= $1 \
             JOIN items i ON i.id = r.item_id AND i.kind = 'offer' \
             JOIN community_resources cr ON cr.id = i.resource_id {} GROUP BY m.k",
            org_filter(scope, "cr.org_id")
        );
        fill(per_month(conn, &items, now).await?, |f, n, _| {
            f.items_given = n
        });
        if scope == Scope::Platform {
            let active = format!(
                "{months} SELECT m.k, COUNT(*), 0 FROM months m \
                 JOIN user_active_months a ON a.month_start = m.s AND m.s <= $1 GROUP BY m.k"
            );
            fill(per_month(conn, &active, now).await?, |f, n, _| {
                f.active_users = n
            });
        }
        Ok(figures)
    }

    /// The organisations by verification state and the admins' two queues, now.
    pub async fn platform_state(conn: &mut AnyConnection) -> Result<PlatformState, sqlx::Error> {
        let counted: Vec<(String, i64)> = sqlx::query_as(
            "SELECT verification, COUNT(*) FROM organisations GROUP BY verification",
        )
        .fetch_all(&mut *conn)
        .await?;
        let orgs_by_state = ["pending", "verified", "partner", "rejected"]
            .into_iter()
            .map(|state| {
                let n = counted
                    .iter()
                    .find(|(s, _)| s == state)
                    .map_or(0, |(_, n)| *n);
                (state.to_string(), n)
            })
            .collect();
        let (verification_waiting, verification_oldest): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), MIN(created_at) FROM organisations WHERE verification = 'pending'",
        )
        .fetch_one(&mut *conn)
        .await?;
        let (moderation_waiting, moderation_oldest): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(DISTINCT item_id), MIN(created_at) FROM item_reports WHERE resolved_at IS NULL",
        )
        .fetch_one(&mut *conn)
        .await?;
        Ok(PlatformState {
            orgs_by_state,
            verification_waiting,
            verification_oldest,
            moderation_waiting,
            moderation_oldest,
        })
    }

    /// The public totals of `scope` for what happened from `since` to `now`.
    pub async fn public_totals(
        conn: &mut AnyConnection,
        scope: Scope,
        since: i64,
        now: i64,
    ) -> Result<PublicFigures, sqlx::Error> {
        let events_org = org_filter(scope, "ev.org_id");
        let members_org = org_filter(scope, "cm.org_id");
        // Events held from `since` to `now` (as the dashboard counts them).
        let held = "ev.starts_at >= $1 AND ev.ends_at <= $2 \
                    AND ev.status IN ('published', 'completed')";
        // A person added by hand has no account: their place stands for them.
        let person = "COALESCE(p.user_id, -p.id)";
        let (events_held,): (i64,) = sqlx::query_as(&format!(
            "SELECT COUNT(*) FROM events ev WHERE {held} {events_org}"
        ))
        .bind(since)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        let (attended, attendees): (i64, i64) = sqlx::query_as(&format!(
            "SELECT COUNT(*), COUNT(DISTINCT {person}) FROM events ev \
             JOIN event_participants p ON p.event_id = ev.id AND p.attendance = 'attended' \
             WHERE {held} {events_org}"
        ))
        .bind(since)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        let (minutes, volunteers): (i64, i64) = sqlx::query_as(&format!(
            "SELECT CAST(COALESCE(SUM(h.minutes), 0) AS BIGINT), COUNT(DISTINCT {person}) \
             FROM events ev JOIN volunteer_hours h ON h.event_id = ev.id AND h.status = 'approved' \
             JOIN event_participants p ON p.id = h.participant_id WHERE {held} {events_org}"
        ))
        .bind(since)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        let (done, members): (i64, i64) = sqlx::query_as(&format!(
            "SELECT COUNT(*), COUNT(DISTINCT b.member_id) FROM coop_bookings b \
             JOIN coop_members cm ON cm.id = b.member_id {members_org} \
             WHERE b.kind = 'service' AND b.status = 'done' AND b.done_at >= $1 AND b.done_at <= $2"
        ))
        .bind(since)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        Ok(PublicFigures {
            events_held,
            attended: unless_too_few(attended, attendees),
            volunteer_minutes: unless_too_few(minutes, volunteers),
            services_done: unless_too_few(done, members),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_about_fewer_than_three_people_are_left_out() {
        assert_eq!(unless_too_few(7, 2), None);
        assert_eq!(unless_too_few(7, 3), Some(7));
        assert_eq!(unless_too_few(0, 0), None);
    }
}
