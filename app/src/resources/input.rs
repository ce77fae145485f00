//! The community resource form as typed, and the checks that turn it into what is stored.

use super::model::ResourceKind;
use crate::error::FormRefusal;
use crate::error::Refusal;
use crate::fields::{location, one_line, paragraphs, DESCRIPTION_MAX, LINE_MAX};
use crate::orgs::input::NAME_CHARS;
use crate::resources::ResourceRefusal;
use serde::{Deserialize, Serialize};

/// The fields of the form, exactly as sent (`resource[name]`, ...). `org` is the id of the
/// organisation that runs it, or empty for one the platform lists itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResourceFields {
    pub org: String,
    pub kind: String,
    pub name: String,
    pub description: String,
    pub address: String,
    pub lat: String,
    pub lng: String,
    pub opening_hours: String,
    pub contact: String,
}

/// A checked form.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceDetails {
    pub org_id: Option<i64>,
    pub kind: ResourceKind,
    pub name: String,
    pub description: String,
    pub address: String,
    pub location: (f64, f64),
    pub opening_hours: String,
    pub contact: String,
}

impl ResourceFields {
    pub fn from_resource(r: &super::model::CommunityResource) -> ResourceFields {
        ResourceFields {
            org: r
                .org
                .as_ref()
                .map(|(id, _)| id.to_string())
                .unwrap_or_default(),
            kind: r.kind.as_str().into(),
            name: r.name.clone(),
            description: r.description.clone(),
            address: r.address.clone(),
            lat: r.lat.to_string(),
            lng: r.lng.to_string(),
            opening_hours: r.opening_hours.clone(),
            contact: r.contact.clone(),
        }
    }

    /// Checks every field; the first problem found is the answer. A resource must be on the map.
    pub fn check(&self) -> Result<ResourceDetails, Refusal> {
        let kind = ResourceKind::parse(self.kind.trim()).ok_or(ResourceRefusal::KindInvalid)?;
        let name = one_line(&self.name, usize::MAX)?;
        if !NAME_CHARS.contains(&name.chars().count()) {
            return Err(ResourceRefusal::NameInvalid.into());
        }
        let org_id = match self.org.trim() {
            "" => None,
            id => Some(id.parse().map_err(|_| ResourceRefusal::OrgInvalid)?),
        };
        Ok(ResourceDetails {
            org_id,
            kind,
            name,
            description: paragraphs(&self.description, DESCRIPTION_MAX)?,
            address: one_line(&self.address, LINE_MAX)?,
            location: location(&self.lat, &self.lng)?.ok_or(FormRefusal::LocationRequired)?,
            opening_hours: one_line(&self.opening_hours, LINE_MAX)?,
            contact: one_line(&self.contact, LINE_MAX)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> ResourceFields {
        ResourceFields {
            org: "3".into(),
            kind: "food_bank".into(),
            name: " 爱心  冰箱 ".into(),
            lat: "26.5845".into(),
            lng: "106.7147".into(),
            ..ResourceFields::default()
        }
    }

    #[test]
    fn a_filled_form_is_cleaned_and_each_bad_field_is_named() {
        let details = filled().check().unwrap();
        assert_eq!(details.name, "爱心 冰箱");
        assert_eq!(details.org_id, Some(3));
        assert_eq!(details.location, (26.5845, 106.7147));
        let with = |change: fn(&mut ResourceFields)| {
            let mut fields = filled();
            change(&mut fields);
            fields.check().unwrap_err()
        };
        assert_eq!(
            with(|f| f.kind = "bank".into()),
            ResourceRefusal::KindInvalid
        );
        assert_eq!(with(|f| f.name = "冰".into()), ResourceRefusal::NameInvalid);
        assert_eq!(
            with(|f| f.org = "three".into()),
            ResourceRefusal::OrgInvalid
        );
        assert_eq!(
            with(|f| {
                f.lat = String::new();
                f.lng = String::new();
            }),
            FormRefusal::LocationRequired
        );
        assert_eq!(with(|f| f.lat = "95".into()), FormRefusal::LocationInvalid);
    }
}
