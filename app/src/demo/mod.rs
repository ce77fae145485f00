//! `server seed-demo`: the demo data set of a Yunyan district instance, one file per board, read in
//! the order the district's story happens: its areas, the people, the organisations and places,
//! a year of events, the things neighbours pass on, the cooperative. Every part inserts only what
//! is missing, so seeding twice leaves the same data as once. Behind the `demo` feature (on by
//! default): a production build may leave it out.

use crate::db::{now_unix, Db};

mod accounts;
mod areas;
mod event_history;
mod events;
mod help;
mod item_handouts;
mod item_requests;
mod items;
mod orgs;
mod resources;
mod volunteering;

pub use accounts::{DemoPeople, DEMO_ACCOUNTS};

/// What one run of the seeder added, by part.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub areas: u64,
    pub accounts: u64,
    pub organisations: u64,
    pub resources: u64,
    pub events: u64,
    pub items: u64,
    /// Listings asked for, promised, handed over, lent, returned or reported.
    pub item_stories: u64,
    /// Donated things handed out at the demo donation point over the past year.
    pub handouts: u64,
    /// Members of the demo cooperative (with their services, needs, consents and bookings).
    pub coop_members: u64,
}

impl SeedReport {
    pub fn total(&self) -> u64 {
        self.areas
            + self.accounts
            + self.organisations
            + self.resources
            + self.events
            + self.items
            + self.item_stories
            + self.handouts
            + self.coop_members
    }
}

pub async fn seed_demo(db: &Db) -> Result<SeedReport, sqlx::Error> {
    let now = now_unix();
    let mut tx = db.begin_write().await?;
    let areas = areas::seed(&mut tx, now).await?;
    let (accounts, people) = accounts::seed(&mut tx, now).await?;
    let organisations = orgs::seed(&mut tx, people, now).await?;
    let resources = resources::seed(&mut tx, people.admin, now).await?;
    let org_ids = orgs::ids(&mut tx).await?;
    let events = events::seed(&mut tx, people, &org_ids, now).await?;
    let items = items::seed(&mut tx, now).await?;
    let item_stories = item_requests::seed(&mut tx, &people, now).await?;
    let handouts = item_handouts::seed(&mut tx, &people, now).await?;
    let coop_members = help::seed(&mut tx, &people, now).await?;
    let report = SeedReport {
        areas,
        accounts,
        organisations,
        resources,
        events,
        items,
        item_stories,
        handouts,
        coop_members,
    };
    tx.commit().await?;
    Ok(report)
}
