//! What a community resource is.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResourceKind {
    DonationPoint,
    CommunityCentre,
    LibraryOfThings,
    FoodBank,
    Recycling,
    Other,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 6] = [
        ResourceKind::DonationPoint,
        ResourceKind::CommunityCentre,
        ResourceKind::LibraryOfThings,
        ResourceKind::FoodBank,
        ResourceKind::Recycling,
        ResourceKind::Other,
    ];

    /// The value stored in the database and used in URLs (`category=food_bank`).
    pub fn as_str(self) -> &'static str {
        match self {
            ResourceKind::DonationPoint => "donation_point",
            ResourceKind::CommunityCentre => "community_centre",
            ResourceKind::LibraryOfThings => "library_of_things",
            ResourceKind::FoodBank => "food_bank",
            ResourceKind::Recycling => "recycling",
            ResourceKind::Other => "other",
        }
    }

    pub fn parse(value: &str) -> Option<ResourceKind> {
        ResourceKind::ALL.into_iter().find(|k| k.as_str() == value)
    }

    pub fn label(self, lang: crate::locales::Lang) -> &'static str {
        use crate::locales::resources::kinds;
        match self {
            ResourceKind::DonationPoint => kinds::donation_point(lang),
            ResourceKind::CommunityCentre => kinds::community_centre(lang),
            ResourceKind::LibraryOfThings => kinds::library_of_things(lang),
            ResourceKind::FoodBank => kinds::food_bank(lang),
            ResourceKind::Recycling => kinds::recycling(lang),
            ResourceKind::Other => kinds::other(lang),
        }
    }
}

/// A resource where a coordinator may hand out listings: one their organisation runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HandoutPoint {
    pub id: i64,
    pub name: String,
    pub org_name: String,
    pub lat: f64,
    pub lng: f64,
}

/// A resource as its page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommunityResource {
    pub id: i64,
    pub kind: ResourceKind,
    pub name: String,
    pub description: String,
    pub address: String,
    pub lat: f64,
    pub lng: f64,
    pub opening_hours: String,
    pub contact: String,
    /// The organisation that runs it, if any: (id, name).
    pub org: Option<(i64, String)>,
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_have_names_in_both_languages() {
        for kind in ResourceKind::ALL {
            assert_eq!(ResourceKind::parse(kind.as_str()), Some(kind));
            for lang in [crate::i18n::Lang::Zh, crate::i18n::Lang::En] {
                assert!(!kind.label(lang).is_empty());
            }
        }
        assert_eq!(ResourceKind::parse("bank"), None);
    }
}
