//! The languages the product speaks, and the texts kept in locale files
//! (`app/locales/<language>/<namespace>.json`), which `build.rs` turns into one function per text:
//! `locales::events::refusals::title_invalid(lang)`. A leaf: it imports nothing of the app.

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

    /// The language's own name, shown on the switch that selects it (never translated).
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
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

/// A text without arguments, in whichever language is asked for: `events::none_found` is one.
/// Props and tables that pick a text hold one of these.
pub type Text = fn(Lang) -> &'static str;

/// What a text with plural forms counts: anything whole. English says "1 seat", "2 seats";
/// Chinese has one form.
pub trait Count: std::fmt::Display {
    fn is_one(&self) -> bool;
}

macro_rules! counts {
    ($($int:ty),*) => {
        $(impl Count for $int {
            fn is_one(&self) -> bool {
                *self == 1
            }
        })*
    };
}
counts!(i32, i64, u32, u64, usize);

/// A text from the locale files, with its arguments named:
/// `t!(lang, events::seats_left { count: 3 })` (or `{ count }` for a variable of that name), or
/// `t!(lang, map::loading)` for one without. A missing or unknown argument does not compile.
#[macro_export]
macro_rules! t {
    ($lang:expr, $($path:ident)::+ { $($arg:ident $(: $value:expr)?),* $(,)? }) => {
        $crate::locales::$($path)::+::text(
            $lang,
            $crate::locales::$($path)::+::Args { $($arg $(: $value)?),* },
        )
    };
    ($lang:expr, $($path:ident)::+) => {
        $crate::locales::$($path)::+($lang)
    };
}

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_one_and_many_and_chinese_does_not() {
        assert_eq!(
            crate::t!(Lang::En, map::cluster_hint { count: 1 }),
            "1 place, tap to zoom in"
        );
        assert_eq!(
            crate::t!(Lang::En, map::cluster_hint { count: 12 }),
            "12 places, tap to zoom in"
        );
        assert_eq!(
            crate::t!(Lang::En, map::cluster_hint { count: 0 }),
            "0 places, tap to zoom in"
        );
        assert_eq!(
            crate::t!(Lang::Zh, map::cluster_hint { count: 1 }),
            "1 个地点，点击放大"
        );
    }

    #[test]
    fn arguments_go_where_each_language_puts_them() {
        let place = "金关街道";
        assert_eq!(
            crate::t!(Lang::Zh, map::nearest_to { place }),
            "离这里最近：金关街道"
        );
        assert_eq!(
            crate::t!(Lang::En, map::nearest_to { place }),
            "Nearest to 金关街道"
        );
        assert_eq!(
            crate::t!(
                Lang::En,
                map::picked {
                    lat: "26.58",
                    lng: "106.71"
                }
            ),
            "Chosen location: 26.58, 106.71"
        );
    }
}
