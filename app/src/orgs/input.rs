//! The organisation form as typed, and the checks that turn it into `OrgDetails`.

use super::credit_code::parse_credit_code;
use super::model::{OrgDetails, OrgKind};
use crate::error::Refusal;
use crate::fields::{location, one_line, paragraphs, DESCRIPTION_MAX, LINE_MAX};
use crate::orgs::OrgRefusal;
use serde::{Deserialize, Serialize};

/// The fields of the register/edit form, exactly as sent (`org[name]`, `org[lat]`, ...).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrgFields {
    pub kind: String,
    pub name: String,
    pub description: String,
    pub services: String,
    pub address: String,
    pub lat: String,
    pub lng: String,
    pub contact: String,
    pub opening_hours: String,
    pub credit_code: String,
}

pub const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=60;
pub const SERVICES_MAX: usize = 1000;

impl OrgFields {
    /// The form filled in with what is stored, for editing.
    pub fn from_details(details: &OrgDetails) -> OrgFields {
        let (lat, lng) = details
            .location
            .map(|(lat, lng)| (lat.to_string(), lng.to_string()))
            .unwrap_or_default();
        OrgFields {
            kind: details.kind.as_str().to_string(),
            name: details.name.clone(),
            description: details.description.clone(),
            services: details.services.clone(),
            address: details.address.clone(),
            lat,
            lng,
            contact: details.contact.clone(),
            opening_hours: details.opening_hours.clone(),
            credit_code: details.credit_code.clone().unwrap_or_default(),
        }
    }

    /// Checks every field; the first problem found is the answer.
    pub fn check(&self) -> Result<OrgDetails, Refusal> {
        let kind = OrgKind::parse(self.kind.trim()).ok_or(OrgRefusal::KindInvalid)?;
        let name = one_line(&self.name, usize::MAX)?;
        if !NAME_CHARS.contains(&name.chars().count()) {
            return Err(OrgRefusal::NameInvalid.into());
        }
        let credit_code = match self.credit_code.trim() {
            "" => None,
            code => Some(parse_credit_code(code).ok_or(OrgRefusal::CreditCodeInvalid)?),
        };
        Ok(OrgDetails {
            kind,
            name,
            description: paragraphs(&self.description, DESCRIPTION_MAX)?,
            services: paragraphs(&self.services, SERVICES_MAX)?,
            address: one_line(&self.address, LINE_MAX)?,
            location: location(&self.lat, &self.lng)?,
            contact: one_line(&self.contact, LINE_MAX)?,
            opening_hours: one_line(&self.opening_hours, LINE_MAX)?,
            credit_code,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FormRefusal;

    fn filled() -> OrgFields {
        OrgFields {
            kind: "ngo".into(),
            name: "  云岩区  助老服务中心 ".into(),
            description: "每周上门探访。\r\n\r\n欢迎加入。\u{7}".into(),
            address: "贵阳市云岩区中华北路 1 号".into(),
            lat: "26.5859".into(),
            lng: "106.7113".into(),
            credit_code: " 91350100m000100y43 ".into(),
            ..OrgFields::default()
        }
    }

    #[test]
    fn a_filled_form_is_cleaned() {
        let details = filled().check().unwrap();
        assert_eq!(details.kind, OrgKind::Ngo);
        assert_eq!(details.name, "云岩区 助老服务中心");
        assert_eq!(details.description, "每周上门探访。\n\n欢迎加入。");
        assert_eq!(details.location, Some((26.5859, 106.7113)));
        assert_eq!(details.credit_code.as_deref(), Some("91350100M000100Y43"));
        assert_eq!(OrgFields::from_details(&details).check().unwrap(), details);
    }

    #[test]
    fn optional_fields_may_be_empty() {
        let fields = OrgFields {
            kind: "cooperative".into(),
            name: "互助社".into(),
            ..OrgFields::default()
        };
        let details = fields.check().unwrap();
        assert_eq!(details.location, None);
        assert_eq!(details.credit_code, None);
    }

    #[test]
    fn each_bad_field_is_named() {
        let with = |change: fn(&mut OrgFields)| {
            let mut fields = filled();
            change(&mut fields);
            fields.check().unwrap_err()
        };
        assert_eq!(with(|f| f.kind = "club".into()), OrgRefusal::KindInvalid);
        assert_eq!(with(|f| f.name = " 社 ".into()), OrgRefusal::NameInvalid);
        assert_eq!(with(|f| f.name = "名".repeat(61)), OrgRefusal::NameInvalid);
        assert_eq!(
            with(|f| f.description = "字".repeat(2001)),
            FormRefusal::TextTooLong
        );
        assert_eq!(
            with(|f| f.lat = String::new()),
            FormRefusal::LocationInvalid
        );
        assert_eq!(
            with(|f| f.lat = "106.7".into()),
            FormRefusal::LocationInvalid
        );
        assert_eq!(with(|f| f.lng = "NaN".into()), FormRefusal::LocationInvalid);
        assert_eq!(
            with(|f| f.lng = "东经106".into()),
            FormRefusal::LocationInvalid
        );
        assert_eq!(
            with(|f| f.credit_code = "91350100M000100Y44".into()),
            OrgRefusal::CreditCodeInvalid
        );
    }
}
