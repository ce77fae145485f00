//! A set of row ids, asked "is this one in?" once for every place in view. Ids count up from 1, so
//! a bit for every id up to the largest is the smallest and fastest form (a million places:
//! 125 KB, one memory read a question), filled as the ids stream in from the database; ids past
//! 16 million (which our tables would reach only after that many rows) go to a sorted list, so
//! that one huge id cannot make the set huge.

/// Ids below this have a bit (2 MB of bits at most); the rest are listed.
const BIT_IDS: i64 = 1 << 24;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdSet {
    /// Bit `id % 64` of word `id / 64` is set when `id` is in the set.
    bits: Vec<u64>,
    /// Ids outside the bits, ascending, without repeats.
    others: Vec<i64>,
}

impl IdSet {
    pub fn insert(&mut self, id: i64) {
        if (0..BIT_IDS).contains(&id) {
            let word = (id / 64) as usize;
            if word >= self.bits.len() {
                self.bits.resize(word + 1, 0);
            }
            self.bits[word] |= 1u64 << (id % 64);
        } else if let Err(at) = self.others.binary_search(&id) {
            self.others.insert(at, id);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.others.is_empty() && self.bits.iter().all(|word| *word == 0)
    }

    pub fn contains(&self, id: i64) -> bool {
        if (0..BIT_IDS).contains(&id) {
            self.bits
                .get((id / 64) as usize)
                .is_some_and(|word| word & (1u64 << (id % 64)) != 0)
        } else {
            self.others.binary_search(&id).is_ok()
        }
    }
}

impl FromIterator<i64> for IdSet {
    fn from_iter<I: IntoIterator<Item = i64>>(ids: I) -> IdSet {
        let mut set = IdSet::default();
        ids.into_iter().for_each(|id| set.insert(id));
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn counting_ids_take_bits_and_huge_ones_a_list() {
        let counting: IdSet = (1..10_000).collect();
        assert_eq!((counting.bits.len(), counting.others.len()), (157, 0));
        let scattered: IdSet = [3, i64::MAX, -5, i64::MIN, BIT_IDS].into_iter().collect();
        assert_eq!(scattered.bits.len(), 1);
        assert_eq!(scattered.others, [i64::MIN, -5, BIT_IDS, i64::MAX]);
        let empty = IdSet::default();
        assert!(!empty.contains(0) && !empty.contains(-1) && !empty.contains(i64::MAX));
    }

    proptest! {
        /// The set holds exactly the ids given, small or huge, repeated or not.
        #[test]
        fn holds_exactly_the_ids_given(
            ids in prop::collection::vec(prop_oneof![0i64..2_000, any::<i64>()], 0..200),
            probes in prop::collection::vec(prop_oneof![0i64..2_000, any::<i64>()], 0..200),
        ) {
            let set: IdSet = ids.iter().copied().collect();
            for id in ids.iter().chain(&probes) {
                prop_assert_eq!(set.contains(*id), ids.contains(id));
            }
        }
    }
}
