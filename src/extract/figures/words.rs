//! The word lists the figure rules look words up in, and the lower-case form
//! they are looked up by.
//!
//! The lists are short and their keys a few bytes long, so they are hashed
//! with FNV-1a rather than the std default SipHash, which costs more than the
//! rest of a look-up on keys this size.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::extract::Qualifier;
use crate::extract::lexicon::{MONTHS, items};

/// FNV-1a, for short keys.
pub(super) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(super) type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// Lines of `<word> <number>`.
fn values(data: &'static str) -> WordMap<f64> {
    items(data)
        .filter_map(|l| {
            let (w, v) = l.split_once(char::is_whitespace)?;
            Some((w, v.trim().parse().ok()?))
        })
        .collect()
}

pub(super) static NUMBER_WORDS: LazyLock<WordMap<f64>> =
    LazyLock::new(|| values(include_str!("../lexicon/number_words.txt")));
pub(super) static FRACTIONS: LazyLock<WordMap<f64>> =
    LazyLock::new(|| values(include_str!("../lexicon/figure_fractions.txt")));
pub(super) static MAGNITUDES: LazyLock<WordMap<f64>> =
    LazyLock::new(|| values(include_str!("../lexicon/figure_magnitudes.txt")));

/// A qualifier phrase as words, in the order the phrases are tried.
pub(super) struct Phrase {
    pub words: Vec<&'static str>,
    pub kind: Qualifier,
}

/// Qualifier phrases, longest first, grouped by their last word in ASCII
/// lower case (the word just before the number), so that a look-up tries
/// only the phrases that can end there.
pub(super) static QUALIFIERS: LazyLock<HashMap<String, Vec<Phrase>, BuildHasherDefault<Fnv>>> =
    LazyLock::new(|| {
        let mut v: Vec<Phrase> = items(include_str!("../lexicon/figure_qualifiers.txt"))
            .filter_map(|l| {
                let (kind, phrase) = l.split_once(char::is_whitespace)?;
                let kind = match kind {
                    "approx" => Qualifier::Approx,
                    "more_than" => Qualifier::MoreThan,
                    "less_than" => Qualifier::LessThan,
                    _ => return None,
                };
                Some(Phrase {
                    words: phrase.split_whitespace().collect(),
                    kind,
                })
            })
            .collect();
        v.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        let mut by_last: HashMap<String, Vec<Phrase>, BuildHasherDefault<Fnv>> = HashMap::default();
        for p in v {
            if let Some(last) = p.words.last() {
                // Phrases match with `eq_ignore_ascii_case`: keyed the same way.
                by_last
                    .entry(last.to_ascii_lowercase())
                    .or_default()
                    .push(p);
            }
        }
        by_last
    });

#[derive(Default)]
pub(super) struct Currencies {
    /// Attached sign forms ("$", "US$"), as written.
    pub signs: WordMap<&'static str>,
    /// ISO codes written as words ("USD").
    pub codes: WordMap<&'static str>,
    /// Currency names of one word after the number, lower case.
    pub words: WordMap<&'static str>,
    /// Names of more words, by their first word: the rest and the code.
    /// Only two-word names can match: the rest is one word.
    pub pairs: WordMap<Vec<(&'static str, &'static str)>>,
}

pub(super) static CURRENCIES: LazyLock<Currencies> = LazyLock::new(|| {
    let mut c = Currencies::default();
    for l in items(include_str!("../lexicon/figure_currencies.txt")) {
        let Some((kind, rest)) = l.split_once(char::is_whitespace) else {
            continue;
        };
        let Some((form, iso)) = rest.trim().rsplit_once(char::is_whitespace) else {
            continue;
        };
        let form = form.trim();
        let map = match kind {
            "sign" => &mut c.signs,
            "code" => &mut c.codes,
            "word" => match form.split_once(' ') {
                Some((first, rest)) => {
                    // A later line for the same name wins, as in the maps.
                    let seconds = c.pairs.entry(first).or_default();
                    seconds.retain(|(w, _)| *w != rest);
                    seconds.push((rest, iso));
                    continue;
                }
                None => &mut c.words,
            },
            _ => continue,
        };
        map.insert(form, iso);
    }
    c
});

/// Rate forms to the period they name ("daily" -> "day").
pub(super) static RATES: LazyLock<WordMap<&'static str>> = LazyLock::new(|| {
    items(include_str!("../lexicon/figure_rates.txt"))
        .filter_map(|l| {
            let (form, unit) = l.split_once(char::is_whitespace)?;
            Some((form, unit.trim()))
        })
        .collect()
});

/// For each first letter a-z, a bit per word length (up to 9) that some word
/// able to start a number has: most words are ruled out without hashing.
pub(super) static START_SHAPES: LazyLock<[u16; 26]> = LazyLock::new(|| {
    let mut shapes = [0u16; 26];
    let words = NUMBER_WORDS
        .keys()
        .chain(FRACTIONS.keys())
        .chain(["a", "an"].iter());
    for w in words {
        if let Some(&c) = w.as_bytes().first()
            && c.is_ascii_lowercase()
            && w.len() < 16
        {
            shapes[(c - b'a') as usize] |= 1 << w.len();
        }
    }
    shapes
});

/// Month names and abbreviations, lower case.
pub(super) static MONTH_NAMES: LazyLock<WordMap<()>> =
    LazyLock::new(|| MONTHS.iter().map(|(m, _)| (*m, ())).collect());

/// True when `w`, lower-cased, names a month ("December", "Dec").
pub(super) fn is_month_name(w: &str) -> bool {
    if w.is_ascii() {
        let mut buf = [0u8; 24];
        return MONTH_NAMES.contains_key(&*ascii_lower_in(w, &mut buf));
    }
    MONTH_NAMES.contains_key(w.to_lowercase().as_str())
}

/// The looked-up form of a word: lower case, curly apostrophes straight.
pub(super) fn lower(s: &str) -> String {
    s.to_lowercase().replace('\u{2019}', "'")
}

/// `lower(raw)`, borrowed when `plain` says the word is its own lower form.
pub(super) fn lower_cow(raw: &str, plain: bool) -> Cow<'_, str> {
    if plain {
        Cow::Borrowed(raw)
    } else if raw.is_ascii() {
        Cow::Owned(raw.to_ascii_lowercase())
    } else {
        Cow::Owned(lower(raw))
    }
}

/// `s` in ASCII lower case, written into `buf` when it has capitals and is
/// short enough.
pub(super) fn ascii_lower_in<'b>(s: &'b str, buf: &'b mut [u8; 24]) -> Cow<'b, str> {
    if !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(s);
    }
    if s.len() > buf.len() {
        return Cow::Owned(s.to_ascii_lowercase());
    }
    let b = &mut buf[..s.len()];
    b.copy_from_slice(s.as_bytes());
    b.make_ascii_lowercase();
    // Lower-casing ASCII bytes keeps UTF-8 valid.
    match std::str::from_utf8(b) {
        Ok(l) => Cow::Borrowed(l),
        Err(_) => Cow::Owned(s.to_ascii_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_abbreviations() {
        for (w, want) in [
            ("Dec", true),
            ("dec", true),
            ("SEPT", true),
            ("June", true),
            ("Mr", false),
            ("Déc", false),
            ("", false),
        ] {
            assert_eq!(is_month_name(w), want, "{w:?}");
        }
    }

    #[test]
    fn lower_cow_is_lower() {
        for (raw, plain) in [
            ("migrants", true),
            ("Migrants", false),
            ("U.S.", false),
            ("Müller", false),
            ("O’Neil", false),
            ("İstanbul", false),
        ] {
            assert_eq!(lower_cow(raw, plain), lower(raw), "{raw:?}");
        }
    }

    #[test]
    fn qualifiers_are_grouped_by_last_word() {
        let over = &QUALIFIERS["over"];
        let words: Vec<_> = over.iter().map(|p| p.words.join(" ")).collect();
        assert_eq!(words, ["well over", "just over", "over"]);
        assert!(QUALIFIERS["than"].iter().all(|p| p.words.len() >= 2));
    }
}
