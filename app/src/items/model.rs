//! What a listing on 益享生活 is (PRODUCT §2.2): an offer or a wish, what kind of thing, in what
//! state, given, swapped or lent, and where it is in its life.

use crate::choice;
use crate::i18n::Texts;

/// Listings expire this many days after they are posted (or reposted).
pub const EXPIRY_DAYS: i64 = 30;

choice! {
    /// Something on offer, or something someone is looking for.
    pub enum ItemKind {
        Offer = "offer",
        Wanted = "wanted",
    }
}

choice! {
    /// How the thing changes hands.
    pub enum ItemMode {
        Give = "give",
        Swap = "swap",
        /// Comes back by a due date.
        Lend = "lend",
    }
}

choice! {
    pub enum ItemCondition {
        New = "new",
        LikeNew = "like_new",
        Good = "good",
        Worn = "worn",
    }
}

choice! {
    pub enum ItemCategory {
        Furniture = "furniture",
        Appliances = "appliances",
        Clothing = "clothing",
        BabyKids = "baby_kids",
        Books = "books",
        Kitchen = "kitchen",
        Electronics = "electronics",
        Sports = "sports",
        Tools = "tools",
        /// Sealed, in date.
        Food = "food",
        Other = "other",
    }
}

choice! {
    /// Where a listing is in its life.
    pub enum ItemStatus {
        Available = "available",
        /// Promised to one person; back to available if either side backs out.
        Promised = "promised",
        HandedOver = "handed_over",
        Withdrawn = "withdrawn",
        Expired = "expired",
    }
}

impl ItemKind {
    pub fn label(self, t: &Texts) -> &'static str {
        t.items_board.kinds[self.index()]
    }
}

impl ItemMode {
    pub fn label(self, t: &Texts) -> &'static str {
        t.items_board.modes[self.index()]
    }
}

impl ItemCondition {
    pub fn label(self, t: &Texts) -> &'static str {
        t.items_board.conditions[self.index()]
    }
}

impl ItemCategory {
    pub fn label(self, t: &Texts) -> &'static str {
        t.items_board.categories[self.index()]
    }
}

impl ItemStatus {
    pub fn label(self, t: &Texts) -> &'static str {
        t.items_board.statuses[self.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_choice_has_a_label_in_both_languages_and_round_trips() {
        for lang in [Lang::Zh, Lang::En] {
            let t = lang.texts();
            let b = &t.items_board;
            assert_eq!(b.kinds.len(), ItemKind::ALL.len());
            assert_eq!(b.modes.len(), ItemMode::ALL.len());
            assert_eq!(b.conditions.len(), ItemCondition::ALL.len());
            assert_eq!(b.categories.len(), ItemCategory::ALL.len());
            assert_eq!(b.statuses.len(), ItemStatus::ALL.len());
            for labels in [b.kinds, b.modes, b.conditions, b.categories, b.statuses] {
                assert!(labels.iter().all(|l| !l.is_empty()));
            }
        }
        for c in ItemCategory::ALL {
            assert_eq!(ItemCategory::parse(c.as_str()), Some(*c));
        }
        assert_eq!(
            ItemStatus::parse("handed_over"),
            Some(ItemStatus::HandedOver)
        );
        assert_eq!(ItemMode::parse("sell"), None);
        assert_eq!(ItemCategory::Food.label(Lang::Zh.texts()), "食品");
        assert_eq!(ItemMode::Lend.label(Lang::En.texts()), "Lend");
    }
}
