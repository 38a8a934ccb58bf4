//! Word lists kept as data files under `lexicon/`: one item a line, `#`
//! starts a comment. They are compiled into the binary and parsed on first use.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Items of a lexicon file: trimmed, comments and blank lines dropped.
pub fn items(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split_once('#').map_or(l, |(item, _)| item).trim())
        .filter(|l| !l.is_empty())
}

/// A lexicon as a set of lower-case items.
pub fn set(data: &'static str) -> HashSet<String> {
    items(data).map(str::to_lowercase).collect()
}

/// Declares a lazily built lower-case set from a file under `lexicon/`.
#[macro_export]
macro_rules! lexicon_set {
    ($name:ident, $file:literal) => {
        static $name: std::sync::LazyLock<std::collections::HashSet<String>> =
            std::sync::LazyLock::new(|| {
                $crate::extract::lexicon::set(include_str!(concat!("lexicon/", $file)))
            });
    };
}

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

    #[test]
    fn months_parse() {
        assert!(MONTHS.contains(&("december", 12)));
        assert!(MONTHS.contains(&("sept", 9)));
    }
}
