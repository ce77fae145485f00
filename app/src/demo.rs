//! `server seed-demo`: the demo data set of a Yunyan district instance. Each feature adds its part
//! here. Every part inserts only what is missing, so seeding twice leaves the same data as once.

use crate::db::{now_unix, Db};

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
    let areas = crate::areas::demo::seed(&mut tx, now).await?;
    let (accounts, people) = crate::accounts::demo::seed(&mut tx, now).await?;
    let organisations = crate::orgs::demo::seed(&mut tx, people, now).await?;
    let resources = crate::resources::demo::seed(&mut tx, people.admin, now).await?;
    let org_ids = crate::orgs::demo::ids(&mut tx).await?;
    let events = crate::events::demo::seed(&mut tx, people, &org_ids, now).await?;
    let items = crate::items::demo::seed(&mut tx, now).await?;
    let item_stories = crate::items::demo_requests::seed(&mut tx, &people, now).await?;
    let handouts = crate::items::demo_handouts::seed(&mut tx, &people, now).await?;
    let coop_members = crate::help::demo::seed(&mut tx, &people, now).await?;
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
