//! A set of row ids, asked "is this one in?" once for every place in view. Ids count up from 1, so
//! a bit for every id up to the largest is usually the smallest and fastest form (a million
//! places: 125 KB, one memory read a question); a few large ids far apart are kept as a sorted list
//! instead, so that one huge id cannot make the set huge.

#[derive(Clone, Debug, PartialEq)]
pub enum IdSet {
    /// Bit `id` is set when `id` is in the set.
    Bits(Vec<u64>),
    /// Ascending, without repeats.
    Sorted(Vec<i64>),
}

impl IdSet {
    /// From ids in any order, repeats allowed.
    pub fn new(mut ids: Vec<i64>) -> IdSet {
        ids.sort_unstable();
        ids.dedup();
        let (Some(&lowest), Some(&highest)) = (ids.first(), ids.last()) else {
            return IdSet::Sorted(ids);
        };
        let words = usize::try_from(highest / 64 + 1).unwrap_or(usize::MAX);
        // A bit set no larger than twice the list (plus a page) is worth its faster look-ups.
        if lowest >= 0 && words <= ids.len() * 2 + 512 {
            let mut bits = vec![0u64; words];
            for id in ids {
                bits[(id / 64) as usize] |= 1u64 << (id % 64);
            }
            IdSet::Bits(bits)
        } else {
            IdSet::Sorted(ids)
        }
    }

    pub fn contains(&self, id: i64) -> bool {
        match self {
            IdSet::Bits(bits) => usize::try_from(id / 64)
                .ok()
                .filter(|_| id >= 0)
                .and_then(|word| bits.get(word))
                .is_some_and(|word| word & (1u64 << (id % 64)) != 0),
            IdSet::Sorted(ids) => ids.binary_search(&id).is_ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn counting_ids_take_bits_and_scattered_ones_a_list() {
        assert!(matches!(IdSet::new((1..10_000).collect()), IdSet::Bits(_)));
        assert!(matches!(IdSet::new(vec![3, i64::MAX]), IdSet::Sorted(_)));
        assert!(matches!(IdSet::new(vec![-5, 3]), IdSet::Sorted(_)));
        let empty = IdSet::new(Vec::new());
        assert!(!empty.contains(0) && !empty.contains(-1));
        let top = IdSet::new(vec![i64::MAX]);
        assert!(top.contains(i64::MAX) && !top.contains(i64::MAX - 1));
    }

    proptest! {
        /// Either form answers exactly for the ids given, and for no other.
        #[test]
        fn holds_exactly_the_ids_given(
            ids in prop::collection::vec(prop_oneof![0i64..2_000, any::<i64>()], 0..200),
            probes in prop::collection::vec(prop_oneof![0i64..2_000, any::<i64>()], 0..200),
        ) {
            let set = IdSet::new(ids.clone());
            for id in ids.iter().chain(&probes) {
                prop_assert_eq!(set.contains(*id), ids.contains(id));
            }
        }
    }
}
