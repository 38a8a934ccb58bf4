//! Word lists kept as data files under `lexicon/` (and `claims/lexicon/`):
//! one item a line, `#` starts a comment. The plain word sets are built into
//! perfect-hash sets at compile time by `build.rs`, folded as
//! [`fold`](crate::extract::text::fold) folds; nothing is parsed or hashed
//! at start-up. Lists with more to them than words (months and their
//! numbers) are parsed here on first use.

use std::sync::LazyLock;

/// Items of a lexicon file: trimmed, comments and blank lines dropped.
pub fn items(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split_once('#').map_or(l, |(item, _)| item).trim())
        .filter(|l| !l.is_empty())
}

/// A set of lexicon items in their looked-up (folded) form.
pub struct Set(phf::Set<&'static str>);

impl Set {
    pub fn contains(&self, item: &str) -> bool {
        self.0.contains(item)
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

    #[test]
    fn months_parse() {
        assert!(MONTHS.contains(&("december", 12)));
        assert!(MONTHS.contains(&("sept", 9)));
    }
}
