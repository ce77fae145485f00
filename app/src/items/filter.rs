//! The `/items` list's filters as they arrive in the address (`?kind=offer&category=books&
//! mode=lend&near=520103001&within=3&q=...`, and `before=...` for a page of older listings), and
//! what they mean.

use super::model::{ItemCategory, ItemKind, ItemMode};
use crate::geo::near::Origin;
pub use crate::paging::PageMark;
use serde::{Deserialize, Serialize};

/// The filters as typed; every field may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemFilter {
    pub kind: String,
    pub category: String,
    pub mode: String,
    pub near: String,
    pub lat: String,
    pub lng: String,
    pub within: String,
    pub q: String,
    /// Where the page starts: `PageMark`'s form, empty for the newest listings.
    pub before: String,
}

/// What a filter asks for, checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WantedItems {
    pub kind: Option<ItemKind>,
    pub category: Option<ItemCategory>,
    pub mode: Option<ItemMode>,
    pub origin: Option<Origin>,
    /// Matched anywhere in the title or description.
    pub text: String,
    /// Only listings posted before this one (the next page); `None` for the first page.
    pub before: Option<PageMark>,
}

impl ItemFilter {
    /// The board's address with these filters, starting at `before` (`None`: the newest).
    /// Empty filters are left out, so the address stays short.
    pub fn href(&self, before: Option<PageMark>) -> String {
        let before = before.map(|b| b.to_string()).unwrap_or_default();
        crate::paging::list_href(
            "/items",
            &[
                ("q", self.q.as_str()),
                ("kind", self.kind.as_str()),
                ("category", self.category.as_str()),
                ("mode", self.mode.as_str()),
                ("near", self.near.as_str()),
                ("lat", self.lat.as_str()),
                ("lng", self.lng.as_str()),
                ("within", self.within.as_str()),
                ("before", before.as_str()),
            ],
        )
    }

    /// Reads the filters; the error names the one that could not be read.
    pub fn wanted(
        &self,
        area_centre: impl Fn(&str) -> Option<(f64, f64)>,
    ) -> Result<WantedItems, &'static str> {
        fn choice<T>(
            value: &str,
            parse: fn(&str) -> Option<T>,
            name: &'static str,
        ) -> Result<Option<T>, &'static str> {
            match value.trim() {
                "" => Ok(None),
                v => parse(v).map(Some).ok_or(name),
            }
        }
        Ok(WantedItems {
            kind: choice(&self.kind, ItemKind::parse, "kind")?,
            category: choice(&self.category, ItemCategory::parse, "category")?,
            mode: choice(&self.mode, ItemMode::parse, "mode")?,
            origin: Origin::read(&self.near, &self.lat, &self.lng, &self.within, area_centre)?,
            text: self.q.trim().chars().take(100).collect(),
            before: PageMark::from_query(&self.before).map_err(|_| "before")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_read_and_bad_ones_named() {
        let centre = |code: &str| (code == "520103001").then_some((26.6, 106.7));
        let filter = ItemFilter {
            kind: "offer".into(),
            category: "books".into(),
            mode: "lend".into(),
            near: "520103001".into(),
            within: "1".into(),
            q: " 绘本 ".into(),
            ..ItemFilter::default()
        };
        let wanted = filter.wanted(centre).unwrap();
        assert_eq!(wanted.kind, Some(ItemKind::Offer));
        assert_eq!(wanted.category, Some(ItemCategory::Books));
        assert_eq!(wanted.mode, Some(ItemMode::Lend));
        assert_eq!(wanted.origin.unwrap().within_m, Some(1000.0));
        assert_eq!(wanted.text, "绘本");
        assert_eq!(
            ItemFilter::default().wanted(centre),
            Ok(WantedItems::default())
        );
        let bad = |change: fn(&mut ItemFilter)| {
            let mut f = filter.clone();
            change(&mut f);
            f.wanted(centre).unwrap_err()
        };
        assert_eq!(bad(|f| f.kind = "sell".into()), "kind");
        assert_eq!(bad(|f| f.category = "cars".into()), "category");
        assert_eq!(bad(|f| f.mode = "rent".into()), "mode");
        assert_eq!(bad(|f| f.within = "2".into()), "within");
        assert_eq!(bad(|f| f.near = "mars".into()), "near");
        assert_eq!(bad(|f| f.before = "yesterday".into()), "before");
    }

    #[test]
    fn page_addresses_keep_the_filters() {
        let filter = ItemFilter {
            q: "儿童 车&".into(),
            category: "baby_kids".into(),
            before: "1-2".into(),
            ..ItemFilter::default()
        };
        let start = PageMark { at: 9, id: 3 };
        assert_eq!(
            filter.href(Some(start)),
            "/items?q=%E5%84%BF%E7%AB%A5+%E8%BD%A6%26&category=baby_kids&before=9-3"
        );
        assert_eq!(
            filter.href(None),
            "/items?q=%E5%84%BF%E7%AB%A5+%E8%BD%A6%26&category=baby_kids"
        );
        assert_eq!(ItemFilter::default().href(None), "/items");
    }
}
