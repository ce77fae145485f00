//! The languages the product speaks, and the texts kept in locale files
//! (`app/locales/<language>/<namespace>.json`), which `build.rs` turns into one function per text:
//! `locales::events::refusals::title_invalid(lang)`. A leaf: it imports nothing of the app.
//!
//! Texts still being moved here from `i18n`'s Rust tables are reached through `Lang::texts()`.

use serde::{Deserialize, Serialize};

/// The languages the product speaks. Simplified Chinese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The BCP 47 tag used in `<html lang>`, the cookie and forms.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a tag such as `zh-CN`, `zh-Hans`, `en-GB` or `EN`; anything else is not ours.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, offered by the switch in the header.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/locales.rs"));
