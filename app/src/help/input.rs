//! The coordinators' forms for a member, a service and a need, as typed, and the checks that turn
//! them into what is stored. A point picked on the map is snapped here, to a cell at least 500 m
//! across (P4), before anything else sees it.

use super::model::{parse_price, ServiceUnit, Urgency};
use crate::error::FormRefusal;
use crate::error::Refusal;
use crate::fields::{location, one_line, paragraphs};
use crate::geo::grid::{snap, PERSON_CELL_M};
use crate::geo::LatLng;
use crate::help::HelpRefusal;
use serde::{Deserialize, Serialize};

pub const NAME_CHARS: std::ops::RangeInclusive<usize> = 1..=40;
pub const TITLE_CHARS: std::ops::RangeInclusive<usize> = 1..=60;
pub const AVAILABILITY_MAX: usize = 200;
pub const SITUATION_MAX: usize = 2000;
pub const ENTRY_DESCRIPTION_MAX: usize = 500;

/// A member's record as the form sends it. The place is a community (`area`) or a point picked on
/// the map (`lat`/`lng`, kept only as its cell), or neither.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberFields {
    pub display_name: String,
    pub area: String,
    pub lat: String,
    pub lng: String,
    pub availability: String,
    pub situation_note: String,
}

/// Where a member is, as stored: never more precise than a community or a 500 m cell.
#[derive(Clone, Debug, PartialEq)]
pub enum MemberPlace {
    Unknown,
    Area(String),
    Cell(LatLng),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MemberDetails {
    pub display_name: String,
    pub place: MemberPlace,
    pub availability: String,
    pub situation_note: String,
}

impl MemberFields {
    /// Checks every field; `is_area` says whether a community code exists.
    pub fn check(&self, is_area: impl Fn(&str) -> bool) -> Result<MemberDetails, Refusal> {
        let display_name = one_line(&self.display_name, usize::MAX)?;
        if !NAME_CHARS.contains(&display_name.chars().count()) {
            return Err(HelpRefusal::MemberNameInvalid.into());
        }
        // A point picked on the map wins over the community: it is the more deliberate choice.
        let place = match (location(&self.lat, &self.lng)?, self.area.trim()) {
            (Some((lat, lng)), _) => MemberPlace::Cell(snap(LatLng::new(lat, lng), PERSON_CELL_M)),
            (None, "") => MemberPlace::Unknown,
            (None, code) if is_area(code) => MemberPlace::Area(code.to_string()),
            (None, _) => return Err(FormRefusal::LocationInvalid.into()),
        };
        Ok(MemberDetails {
            display_name,
            place,
            availability: one_line(&self.availability, AVAILABILITY_MAX)?,
            situation_note: paragraphs(&self.situation_note, SITUATION_MAX)?,
        })
    }
}

/// A service or skill as the form sends it; the price in yuan (empty or 0 is free).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceFields {
    pub title: String,
    pub description: String,
    pub price: String,
    pub unit: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ServiceDetails {
    pub title: String,
    pub description: String,
    pub price_fen: i64,
    pub unit: ServiceUnit,
}

impl ServiceFields {
    pub fn check(&self) -> Result<ServiceDetails, Refusal> {
        Ok(ServiceDetails {
            title: entry_title(&self.title)?,
            description: paragraphs(&self.description, ENTRY_DESCRIPTION_MAX)?,
            price_fen: parse_price(&self.price).ok_or(HelpRefusal::PriceInvalid)?,
            unit: ServiceUnit::parse(self.unit.trim()).ok_or(HelpRefusal::ChoiceInvalid)?,
        })
    }
}

/// A need as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedFields {
    pub title: String,
    pub description: String,
    pub urgency: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NeedDetails {
    pub title: String,
    pub description: String,
    pub urgency: Urgency,
}

impl NeedFields {
    pub fn check(&self) -> Result<NeedDetails, Refusal> {
        Ok(NeedDetails {
            title: entry_title(&self.title)?,
            description: paragraphs(&self.description, ENTRY_DESCRIPTION_MAX)?,
            urgency: Urgency::parse(self.urgency.trim()).ok_or(HelpRefusal::ChoiceInvalid)?,
        })
    }
}

fn entry_title(typed: &str) -> Result<String, Refusal> {
    let title = one_line(typed, usize::MAX)?;
    if !TITLE_CHARS.contains(&title.chars().count()) {
        return Err(HelpRefusal::TitleInvalid.into());
    }
    Ok(title)
}

impl MemberFields {
    /// The form filled with a member's record as kept (the cell's centre, when there is one:
    /// saving it again keeps the same cell and reveals nothing more).
    pub fn from_record(member: &super::records::MemberRecord) -> MemberFields {
        let (lat, lng) = member
            .cell
            .map(|(lat, lng)| (format!("{lat:.6}"), format!("{lng:.6}")))
            .unwrap_or_default();
        MemberFields {
            display_name: member.display_name.clone(),
            area: member.area_code.clone().unwrap_or_default(),
            lat,
            lng,
            availability: member.availability.clone(),
            situation_note: member.situation_note.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member() -> MemberFields {
        MemberFields {
            display_name: " 王阿姨 ".into(),
            lat: "26.583411".into(),
            lng: "106.713372".into(),
            availability: "工作日上午".into(),
            situation_note: "独居，腿脚不便。".into(),
            ..MemberFields::default()
        }
    }

    #[test]
    fn a_picked_point_is_kept_only_as_its_500_m_cell_and_saving_again_reveals_nothing_more() {
        let details = member().check(|_| false).unwrap();
        assert_eq!(details.display_name, "王阿姨");
        let MemberPlace::Cell(cell) = details.place else {
            panic!("a cell")
        };
        let exact = LatLng::new(26.583411, 106.713372);
        assert_ne!(cell, exact);
        assert!(cell.metres_to(exact) <= PERSON_CELL_M);
        // The form shows the cell; saving it again gives the same cell.
        let again = MemberFields {
            lat: cell.lat.to_string(),
            lng: cell.lng.to_string(),
            ..member()
        };
        assert_eq!(
            again.check(|_| false).unwrap().place,
            MemberPlace::Cell(cell)
        );
    }

    #[test]
    fn a_community_or_nothing_stands_in_for_a_point() {
        let in_area = MemberFields {
            lat: String::new(),
            lng: String::new(),
            area: "yy-qianlingshan".into(),
            ..member()
        };
        let known = |code: &str| code == "yy-qianlingshan";
        assert_eq!(
            in_area.check(known).unwrap().place,
            MemberPlace::Area("yy-qianlingshan".into())
        );
        let unknown_area = MemberFields {
            area: "nowhere".into(),
            ..in_area.clone()
        };
        assert_eq!(
            unknown_area.check(known),
            Err(FormRefusal::LocationInvalid.into())
        );
        let nowhere = MemberFields {
            area: String::new(),
            ..in_area
        };
        assert_eq!(nowhere.check(known).unwrap().place, MemberPlace::Unknown);
        let unnamed = MemberFields {
            display_name: "  ".into(),
            ..member()
        };
        assert_eq!(
            unnamed.check(known),
            Err(HelpRefusal::MemberNameInvalid.into())
        );
    }

    #[test]
    fn services_and_needs_are_checked() {
        let haircut = ServiceFields {
            title: "理发".into(),
            price: "15".into(),
            unit: "per_visit".into(),
            ..ServiceFields::default()
        };
        let details = haircut.check().unwrap();
        assert_eq!(
            (details.price_fen, details.unit),
            (1500, ServiceUnit::PerVisit)
        );
        let free = ServiceFields {
            price: String::new(),
            ..haircut.clone()
        };
        assert_eq!(free.check().unwrap().price_fen, 0);
        let bad_price = ServiceFields {
            price: "十五".into(),
            ..haircut.clone()
        };
        assert_eq!(bad_price.check(), Err(HelpRefusal::PriceInvalid.into()));
        let bad_unit = ServiceFields {
            unit: "per_year".into(),
            ..haircut
        };
        assert_eq!(bad_unit.check(), Err(HelpRefusal::ChoiceInvalid.into()));
        let need = NeedFields {
            title: "每周买菜".into(),
            urgency: "urgent".into(),
            ..NeedFields::default()
        };
        assert_eq!(need.check().unwrap().urgency, Urgency::Urgent);
        let untitled = NeedFields {
            title: String::new(),
            ..need
        };
        assert_eq!(untitled.check(), Err(HelpRefusal::TitleInvalid.into()));
    }
}
