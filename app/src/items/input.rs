//! The posting form as typed, and the checks that turn it into what is stored. The place is
//! snapped here, before anything else sees it: the exact point never goes further.

use super::model::{ItemCategory, ItemCondition, ItemKind, ItemMode};
use crate::error::FormRefusal;
use crate::error::{AppError, Refusal};
use crate::fields::{location, one_line, paragraphs, DESCRIPTION_MAX};
use crate::geo::grid::{snap, ITEM_CELL_M};
use crate::geo::LatLng;
use crate::items::ItemRefusal;
use serde::{Deserialize, Serialize};

pub const TITLE_CHARS: std::ops::RangeInclusive<usize> = 2..=60;
pub const PICKUP_NOTES_MAX: usize = 300;

/// The fields of the form, exactly as sent. The place is a point picked on the map (`lat`/`lng`),
/// or else the community chosen (`area`): either is only kept as its ~300 m grid cell.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemFields {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub category: String,
    pub condition: String,
    pub mode: String,
    pub pickup_notes: String,
    pub area: String,
    pub lat: String,
    pub lng: String,
    /// A community resource of the poster's organisation where it is handed out (its id), or
    /// nothing.
    pub resource: String,
}

/// A checked form, its place already snapped.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemDetails {
    pub kind: ItemKind,
    pub title: String,
    pub description: String,
    pub category: ItemCategory,
    pub condition: Option<ItemCondition>,
    pub mode: ItemMode,
    pub pickup_notes: String,
    pub cell: LatLng,
    /// Handed out at this resource (then `cell` is the resource's).
    pub resource: Option<i64>,
}

impl ItemFields {
    /// Checks every field; the first problem found is the answer. `area_centre` finds a
    /// community's centre by its code.
    pub fn check(
        &self,
        area_centre: impl Fn(&str) -> Option<(f64, f64)>,
    ) -> Result<ItemDetails, Refusal> {
        self.check_at(area_centre, |_| None)
    }

    /// The same, where `resource_place` finds a resource the poster may hand things out at (its
    /// place); a chosen resource is the listing's place.
    pub fn check_at(
        &self,
        area_centre: impl Fn(&str) -> Option<(f64, f64)>,
        resource_place: impl Fn(i64) -> Option<(f64, f64)>,
    ) -> Result<ItemDetails, Refusal> {
        let kind = ItemKind::parse(self.kind.trim()).ok_or(ItemRefusal::ChoiceInvalid)?;
        let title = one_line(&self.title, usize::MAX)?;
        if !TITLE_CHARS.contains(&title.chars().count()) {
            return Err(ItemRefusal::TitleInvalid.into());
        }
        let category =
            ItemCategory::parse(self.category.trim()).ok_or(ItemRefusal::ChoiceInvalid)?;
        let mode = ItemMode::parse(self.mode.trim()).ok_or(ItemRefusal::ChoiceInvalid)?;
        // A wish has no condition yet; an offer says what state the thing is in.
        let condition = match (kind, self.condition.trim()) {
            (ItemKind::Wanted, _) => None,
            (ItemKind::Offer, value) => {
                Some(ItemCondition::parse(value).ok_or(ItemRefusal::ChoiceInvalid)?)
            }
        };
        let resource = match (kind, self.resource.trim()) {
            (_, "") => None,
            (ItemKind::Wanted, _) => return Err(ItemRefusal::ResourceInvalid.into()),
            (ItemKind::Offer, id) => {
                let id = id.parse().map_err(|_| ItemRefusal::ResourceInvalid)?;
                let place = resource_place(id).ok_or(ItemRefusal::ResourceInvalid)?;
                Some((id, place))
            }
        };
        let point = match (resource, location(&self.lat, &self.lng)?) {
            (Some((_, place)), _) => place,
            (None, Some(point)) => point,
            (None, None) => match self.area.trim() {
                "" => return Err(FormRefusal::LocationRequired.into()),
                code => area_centre(code).ok_or(FormRefusal::LocationInvalid)?,
            },
        };
        Ok(ItemDetails {
            kind,
            title,
            description: paragraphs(&self.description, DESCRIPTION_MAX)?,
            category,
            condition,
            mode,
            pickup_notes: paragraphs(&self.pickup_notes, PICKUP_NOTES_MAX)?,
            cell: snap(LatLng::new(point.0, point.1), ITEM_CELL_M),
            resource: resource.map(|(id, _)| id),
        })
    }
}

/// The fields and photos of a posting that was refused, and why: the form is shown again with
/// what was typed (photos must be chosen again: browsers never refill file inputs).
#[derive(Clone, Debug)]
pub struct RejectedPost {
    pub fields: ItemFields,
    pub error: AppError,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer() -> ItemFields {
        ItemFields {
            kind: "offer".into(),
            title: "  儿童自行车  ".into(),
            category: "baby_kids".into(),
            condition: "good".into(),
            mode: "give".into(),
            lat: "26.583411".into(),
            lng: "106.713372".into(),
            ..ItemFields::default()
        }
    }

    fn no_area(_: &str) -> Option<(f64, f64)> {
        None
    }

    #[test]
    fn the_exact_point_is_snapped_before_it_is_kept() {
        let details = offer().check(no_area).unwrap();
        assert_eq!(details.title, "儿童自行车");
        assert_eq!(details.condition, Some(ItemCondition::Good));
        assert_eq!(
            details.cell,
            snap(LatLng::new(26.583411, 106.713372), ITEM_CELL_M)
        );
        assert_ne!(details.cell, LatLng::new(26.583411, 106.713372));
    }

    #[test]
    fn a_community_stands_in_for_a_point() {
        let fields = ItemFields {
            lat: String::new(),
            lng: String::new(),
            area: "520103001".into(),
            ..offer()
        };
        let centre = |code: &str| (code == "520103001").then_some((26.59, 106.71));
        assert_eq!(
            fields.check(centre).unwrap().cell,
            snap(LatLng::new(26.59, 106.71), ITEM_CELL_M)
        );
        let nowhere = ItemFields {
            area: String::new(),
            ..fields.clone()
        };
        assert_eq!(
            nowhere.check(centre),
            Err(FormRefusal::LocationRequired.into())
        );
        let unknown = ItemFields {
            area: "999".into(),
            ..fields
        };
        assert_eq!(
            unknown.check(centre),
            Err(FormRefusal::LocationInvalid.into())
        );
    }

    #[test]
    fn a_resource_of_ones_organisation_is_the_place_of_an_offer() {
        let at_point = ItemFields {
            resource: "7".into(),
            lat: String::new(),
            lng: String::new(),
            ..offer()
        };
        let ours = |id: i64| (id == 7).then_some((26.6, 106.7));
        let details = at_point.check_at(no_area, ours).unwrap();
        assert_eq!(details.resource, Some(7));
        assert_eq!(details.cell, snap(LatLng::new(26.6, 106.7), ITEM_CELL_M));
        for resource in ["8", "x", "-1"] {
            let other = ItemFields {
                resource: resource.into(),
                ..at_point.clone()
            };
            assert_eq!(
                other.check_at(no_area, ours),
                Err(ItemRefusal::ResourceInvalid.into())
            );
        }
        let wish = ItemFields {
            kind: "wanted".into(),
            ..at_point
        };
        assert_eq!(
            wish.check_at(no_area, ours),
            Err(ItemRefusal::ResourceInvalid.into())
        );
        assert_eq!(offer().check(no_area).unwrap().resource, None);
    }

    #[test]
    fn bad_fields_are_named() {
        let bad = |change: fn(&mut ItemFields)| {
            let mut fields = offer();
            change(&mut fields);
            fields.check(no_area).unwrap_err()
        };
        assert_eq!(bad(|f| f.title = "车".into()), ItemRefusal::TitleInvalid);
        assert_eq!(bad(|f| f.kind = "sell".into()), ItemRefusal::ChoiceInvalid);
        assert_eq!(bad(|f| f.mode = "rent".into()), ItemRefusal::ChoiceInvalid);
        assert_eq!(bad(|f| f.category = "".into()), ItemRefusal::ChoiceInvalid);
        assert_eq!(bad(|f| f.condition = "".into()), ItemRefusal::ChoiceInvalid);
        assert_eq!(
            bad(|f| f.lat = "north".into()),
            FormRefusal::LocationInvalid
        );
        assert_eq!(
            bad(|f| f.pickup_notes = "很".repeat(PICKUP_NOTES_MAX + 1)),
            FormRefusal::TextTooLong
        );
        // A wish needs no condition.
        let wanted = ItemFields {
            kind: "wanted".into(),
            condition: String::new(),
            ..offer()
        };
        assert_eq!(wanted.check(no_area).unwrap().condition, None);
    }
}
