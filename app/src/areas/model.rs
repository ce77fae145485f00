use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AreaKind {
    Subdistrict,
    Community,
}

impl AreaKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AreaKind::Subdistrict => "subdistrict",
            AreaKind::Community => "community",
        }
    }

    pub fn parse(value: &str) -> Option<AreaKind> {
        match value {
            "subdistrict" => Some(AreaKind::Subdistrict),
            "community" => Some(AreaKind::Community),
            _ => None,
        }
    }
}

/// An area as the browser sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub code: String,
    pub kind: AreaKind,
    pub parent_code: Option<String>,
    pub name_zh: String,
    pub name_en: String,
    pub lat: f64,
    pub lng: f64,
}

impl Area {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.name_zh,
            Lang::En => &self.name_en,
        }
    }
}

/// How much of the district the platform covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub subdistricts: i64,
    pub communities: i64,
}
