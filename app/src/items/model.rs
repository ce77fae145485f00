//! What a listing on 益享生活 is (PRODUCT §2.2): an offer or a wish, what kind of thing, in what
//! state, given, swapped or lent, and where it is in its life.

use crate::choice;
use serde::{Deserialize, Serialize};

/// Listings expire this many days after they are posted (or reposted).
pub const EXPIRY_DAYS: i64 = 30;

choice! {
    /// Something on offer, or something someone is looking for.
    pub enum ItemKind labels in items::kinds {
        Offer = offer,
        Wanted = wanted,
    }
}

choice! {
    /// How the thing changes hands.
    pub enum ItemMode labels in items::modes {
        Give = give,
        Swap = swap,
        /// Comes back by a due date.
        Lend = lend,
    }
}

choice! {
    pub enum ItemCondition labels in items::conditions {
        New = new,
        LikeNew = like_new,
        Good = good,
        Worn = worn,
    }
}

choice! {
    pub enum ItemCategory labels in items::categories {
        Furniture = furniture,
        Appliances = appliances,
        Clothing = clothing,
        BabyKids = baby_kids,
        Books = books,
        Kitchen = kitchen,
        Electronics = electronics,
        Sports = sports,
        Tools = tools,
        /// Sealed, in date.
        Food = food,
        Other = other,
    }
}

impl ItemCategory {
    /// Its name in the map's category filter, unique across the map's layers (`category=item_books`).
    pub fn map_key(self) -> &'static str {
        match self {
            ItemCategory::Furniture => "item_furniture",
            ItemCategory::Appliances => "item_appliances",
            ItemCategory::Clothing => "item_clothing",
            ItemCategory::BabyKids => "item_baby_kids",
            ItemCategory::Books => "item_books",
            ItemCategory::Kitchen => "item_kitchen",
            ItemCategory::Electronics => "item_electronics",
            ItemCategory::Sports => "item_sports",
            ItemCategory::Tools => "item_tools",
            ItemCategory::Food => "item_food",
            ItemCategory::Other => "item_other",
        }
    }
}

choice! {
    /// Where a listing is in its life.
    pub enum ItemStatus labels in items::statuses {
        Available = available,
        /// Promised to one person; back to available if either side backs out.
        Promised = promised,
        HandedOver = handed_over,
        Withdrawn = withdrawn,
        Expired = expired,
    }
}

choice! {
    /// Where a request for a listing is.
    pub enum RequestStatus labels in items::request_statuses {
        /// Waiting for the owner to choose.
        Open = open,
        /// The owner chose this person.
        Promised = promised,
        /// The owner backed out of the promise, or the item went to someone else.
        Declined = declined,
        /// The asker backed out.
        Withdrawn = withdrawn,
        /// Both sides confirmed the handover.
        HandedOver = handed_over,
        /// A lent item came back.
        Returned = returned,
    }
}

choice! {
    /// Why someone reported a listing.
    pub enum ReportReason labels in items::report_reasons {
        /// Weapons, drugs, medicine, live animals...
        Prohibited = prohibited,
        /// Asks for money or personal details.
        Scam = scam,
        Offensive = offensive,
        /// Not what it says.
        Misleading = misleading,
        Other = other,
    }
}

/// Open reports from this many different people hide a listing until an admin decides.
pub const REPORTS_TO_HIDE: i64 = 3;

/// A reported listing in the admins' queue, with the reports not yet decided on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportedItem {
    pub item_id: i64,
    pub title: String,
    pub owner_name: String,
    pub hidden: bool,
    pub reports: Vec<Report>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub reason: ReportReason,
    pub details: String,
    pub created_at: i64,
}

/// Fairness (PRODUCT §2.2): how much one person may ask for and receive. Set per instance
/// (`ITEMS_MAX_OPEN_REQUESTS`, `ITEMS_MAX_RECEIVED_PER_28_DAYS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemLimits {
    /// Requests waiting or promised at once.
    pub open_requests: u32,
    /// Items received (handed over to the person) in the last 28 days.
    pub received_per_28_days: u32,
}

impl Default for ItemLimits {
    fn default() -> Self {
        ItemLimits {
            open_requests: 5,
            received_per_28_days: 10,
        }
    }
}

/// A request as the owner and the asker see it. The handover code is not here: only the owner's
/// view of a promised request carries it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemRequest {
    pub id: i64,
    pub item_id: i64,
    pub item_title: String,
    pub owner_id: i64,
    pub requester_id: i64,
    pub requester_name: String,
    /// The asker deleted their account: name and message are shown as deleted.
    pub requester_deleted: bool,
    pub message: String,
    pub status: RequestStatus,
    pub giver_confirmed: bool,
    pub taker_confirmed: bool,
    pub due_at: Option<i64>,
    pub returned_at: Option<i64>,
    pub created_at: i64,
}

/// A message in a request's thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadMessage {
    pub author_id: i64,
    pub author_name: String,
    /// The author deleted their account: name and text are shown as deleted.
    pub author_deleted: bool,
    pub body: String,
    pub created_at: i64,
}

/// At most this many photos per listing.
pub const MAX_PHOTOS: usize = 6;

/// A listing as pages show it. Where it is: only its grid cell's centre (`geo::grid`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    pub kind: ItemKind,
    pub title: String,
    pub description: String,
    pub category: ItemCategory,
    /// None for a wanted item.
    pub condition: Option<ItemCondition>,
    pub mode: ItemMode,
    pub pickup_notes: String,
    pub cell_lat: f64,
    pub cell_lng: f64,
    pub status: ItemStatus,
    pub expires_at: i64,
    /// Hidden by reports until an admin decides.
    pub hidden: bool,
    pub version: i64,
    pub created_at: i64,
    pub photos: Vec<PhotoRef>,
    /// Handed out at an organisation's community resource rather than by a neighbour.
    pub handout: Option<Handout>,
}

/// Where an organisation hands a listing out: one of the community resources it runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Handout {
    pub resource_id: i64,
    pub resource_name: String,
    /// The organisation running it (a resource whose organisation went has none).
    pub org_name: Option<String>,
}

/// One stored photo; its bytes are served at `display_url` and `thumb_url`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhotoRef {
    pub id: i64,
    pub width: i64,
    pub height: i64,
}

impl PhotoRef {
    /// Photos never change once stored: their addresses can be cached for good.
    pub fn display_url(&self) -> String {
        format!("/items/photos/{}.jpg", self.id)
    }

    pub fn thumb_url(&self) -> String {
        format!("/items/photos/{}/thumb.jpg", self.id)
    }
}

impl Item {
    /// Whether people can still ask for it.
    pub fn is_open(&self, now: i64) -> bool {
        self.status == ItemStatus::Available && !self.hidden && self.expires_at > now
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn choices_round_trip_and_are_named_in_each_language() {
        for c in ItemStatus::ALL {
            assert_eq!(ItemStatus::parse(c.as_str()), Some(*c));
            assert_ne!(c.label(Lang::Zh), c.label(Lang::En));
        }
        for c in ItemCategory::ALL {
            assert_eq!(ItemCategory::parse(c.as_str()), Some(*c));
            assert_eq!(c.map_key(), format!("item_{}", c.as_str()));
        }
        assert_eq!(
            ItemStatus::parse("handed_over"),
            Some(ItemStatus::HandedOver)
        );
        assert_eq!(ItemMode::parse("sell"), None);
        assert_eq!(ItemCategory::Food.label(Lang::Zh), "食品");
        assert_eq!(ItemMode::Lend.label(Lang::En), "Lend");
    }
}
