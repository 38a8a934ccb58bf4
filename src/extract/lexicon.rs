//! Word lists kept as data files under `lexicon/` (and `claims/lexicon/`):
//! one item a line, `#` starts a comment. The plain word sets are built into
//! one hash table at compile time by `build.rs`, folded as
//! [`fold`](crate::extract::text::fold) folds, each word with a bit per list
//! ([`flags`]); nothing is parsed or hashed at start-up. Lists with more to them than words (months and their
//! numbers) are parsed here on first use.

use std::sync::LazyLock;

/// Items of a lexicon file: trimmed, comments and blank lines dropped.
pub fn items(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split_once('#').map_or(l, |(item, _)| item).trim())
        .filter(|l| !l.is_empty())
}

mod table;

/// The lists a folded word is in, a bit per list ([`flags`]).
pub type Flags = u64;

/// The lists `item` (folded) is in; 0 when it is in none. One look-up
/// answers for every list, so a caller asking about one word many times
/// may keep its flags and test them with [`Set::has`].
pub fn flags(item: &str) -> Flags {
    table::probe(&SLOTS, item, |e| ENTRIES[e].0, |e| WORDS[e]).map_or(0, |e| ENTRIES[e].1)
}

/// One lexicon list: its bit in the shared table.
pub struct Set(Flags);

impl Set {
    /// Whether the folded `item` is in this list.
    pub fn contains(&self, item: &str) -> bool {
        self.has(flags(item))
    }

    /// Whether a word whose [`flags`] are `flags` is in this list.
    pub const fn has(&self, flags: Flags) -> bool {
        flags & self.0 != 0
    }
}

include!(concat!(env!("OUT_DIR"), "/lexicon_sets.rs"));

/// Month names and their abbreviations, lower case, to month number.
pub static MONTHS: LazyLock<Vec<(&'static str, u32)>> = LazyLock::new(|| {
    items(include_str!("lexicon/months.txt"))
        .filter_map(|l| {
            let (name, num) = l.split_once(char::is_whitespace)?;
            Some((name, num.trim().parse().ok()?))
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_drop_comments_and_blanks() {
        let got: Vec<_> = items("# header\nalpha # note\n\n  beta\n").collect();
        assert_eq!(got, ["alpha", "beta"]);
    }

    /// build.rs folds as `fold` does: every item of every set is found in
    /// its folded form.
    #[test]
    fn every_item_is_found_folded() {
        use crate::extract::text::fold;
        let sets: [(&Set, &str); 5] = [
            (&PLACES, include_str!("lexicon/places.txt")),
            (&INSTITUTIONS, include_str!("lexicon/institutions.txt")),
            (&FIRST_NAMES, include_str!("lexicon/first_names.txt")),
            (&TITLES, include_str!("lexicon/titles.txt")),
            (&COMMON_WORDS, include_str!("lexicon/common_words.txt")),
        ];
        for (set, data) in sets {
            for item in items(data) {
                assert!(set.contains(&fold(item)), "{item}");
            }
        }
        assert!(PLACES.contains("quebec"));
        assert!(INSTITUTIONS.contains("elysee"));
        assert!(!PLACES.contains("Québec"));
    }

    /// Every word of the table is found where it was put, and words in no
    /// list (including ones that share a prefix with listed words) are not.
    #[test]
    fn table_finds_each_entry_and_nothing_else() {
        for (e, (word, (_, bits))) in WORDS.iter().zip(&ENTRIES).enumerate() {
            assert_eq!(
                table::probe(&SLOTS, word, |i| ENTRIES[i].0, |i| WORDS[i]),
                Some(e)
            );
            assert_eq!(flags(word), *bits);
        }
        for absent in ["", "zzqx", "department ofx", "quebe", "quebecx", "Quebec"] {
            assert_eq!(flags(absent), 0, "{absent}");
        }
        // short and long words, and words that share their first eight bytes
        let words = ["a", "ab", "abcdefgh", "abcdefghi", "abcdefghij", "é"];
        let slots = table::layout(&words);
        let packed = table::packed(&words);
        for (e, w) in words.iter().enumerate() {
            assert_eq!(
                table::probe(&slots, w, |i| packed[i], |i| words[i]),
                Some(e)
            );
        }
        for absent in ["abcdefghijk", "abcdefg", "b", "e", ""] {
            assert_eq!(
                table::probe(&slots, absent, |i| packed[i], |i| words[i]),
                None
            );
        }
    }

    #[test]
    fn one_lookup_answers_for_every_list() {
        let f = flags("department");
        assert!(ORG_HEADS.has(f));
        assert!(!PLACES.has(f));
        assert!(TITLES.contains("secretary") && !TITLES.contains("secretaryx"));
    }

    #[test]
    fn months_parse() {
        assert!(MONTHS.contains(&("december", 12)));
        assert!(MONTHS.contains(&("sept", 9)));
    }
}
