//! The word lists the figure rules look words up in, and the lower-case form
//! they are looked up by.
//!
//! The lists are short and their keys a few bytes long, so they are hashed
//! with FNV-1a rather than the std default SipHash, which costs more than the
//! rest of a look-up on keys this size.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::extract::Qualifier;
use crate::extract::lexicon::{MONTHS, items};
use crate::extract::text::fold;

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

/// A plain word list, its items folded as `lexicon::Set` holds them.
/// These lists are looked up several times for each figure, and FNV
/// costs a fifth of the perfect hash (SipHash) on words this short.
pub(super) struct WordSet(HashSet<String, BuildHasherDefault<Fnv>>);

impl WordSet {
    fn new(data: &'static str) -> Self {
        WordSet(items(data).map(fold).collect())
    }

    pub fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

macro_rules! word_sets {
    ($($name:ident $file:literal),* $(,)?) => {
        $(
            #[doc = concat!("The items of `lexicon/", $file, "`.")]
            pub(super) static $name: LazyLock<WordSet> =
                LazyLock::new(|| WordSet::new(include_str!(concat!("../lexicon/", $file))));
        )*
    };
}

word_sets! {
    ADJECTIVES "figure_adjectives.txt",
    CHANGES "figure_changes.txt",
    COMPOUNDS "figure_compounds.txt",
    DETERMINERS "figure_determiners.txt",
    LABELS "figure_labels.txt",
    LY_NOUNS "figure_ly_nouns.txt",
    PLURALS "figure_plurals.txt",
    STOPWORDS "figure_stopwords.txt",
}

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

/// Letters a-z (either case) as 0 to 25, any other byte as 27; 26 stands
/// for no byte (a one-letter word has no second).
static LETTER: [u8; 256] = {
    let mut t = [27u8; 256];
    let mut b = 0;
    while b < 26 {
        t[b'a' as usize + b] = b as u8;
        t[b'A' as usize + b] = b as u8;
        b += 1;
    }
    t
};

/// Can a word of this shape start a number? For each first and second
/// byte (as `LETTER` numbers them), a bit per word length that some number
/// word, fraction or article has: nearly every other word ("the", "for",
/// "on") is ruled out by two bytes and its length, without hashing. Upper
/// case passes as lower case does, as the look-up that follows folds it.
pub(super) struct StartShapes([u16; 28 * 28]);

impl StartShapes {
    /// `w` is at most 15 bytes long.
    pub fn may_match(&self, w: &[u8]) -> bool {
        let Some(&first) = w.first() else {
            return false;
        };
        let second = w.get(1).map_or(26, |&b| LETTER[b as usize]);
        let cell = usize::from(LETTER[first as usize]) * 28 + usize::from(second);
        self.0
            .get(cell)
            .is_some_and(|bits| bits & (1 << w.len()) != 0)
    }
}

pub(super) static START_SHAPES: LazyLock<StartShapes> = LazyLock::new(|| {
    let mut shapes = [0u16; 28 * 28];
    let words = NUMBER_WORDS
        .keys()
        .chain(FRACTIONS.keys())
        .chain(["a", "an"].iter());
    for w in words {
        let b = w.as_bytes();
        // Only a lower-case key can be found by the folded look-up, and a
        // number word starts with a letter.
        if let Some(&c) = b.first()
            && c.is_ascii_lowercase()
            && w.len() < 16
            && !b.get(1).is_some_and(u8::is_ascii_uppercase)
        {
            let second = b.get(1).map_or(26, |&d| LETTER[d as usize]);
            shapes[usize::from(LETTER[c as usize]) * 28 + usize::from(second)] |= 1 << w.len();
        }
    }
    StartShapes(shapes)
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
    use crate::extract::lexicon;

    /// The sets hold what the perfect-hash sets of the same files hold.
    #[test]
    fn word_sets_match_the_lexicon_sets() {
        let pairs: [(&WordSet, &lexicon::Set, &str); 8] = [
            (
                &ADJECTIVES,
                &lexicon::FIGURE_ADJECTIVES,
                include_str!("../lexicon/figure_adjectives.txt"),
            ),
            (
                &CHANGES,
                &lexicon::FIGURE_CHANGES,
                include_str!("../lexicon/figure_changes.txt"),
            ),
            (
                &COMPOUNDS,
                &lexicon::FIGURE_COMPOUNDS,
                include_str!("../lexicon/figure_compounds.txt"),
            ),
            (
                &DETERMINERS,
                &lexicon::FIGURE_DETERMINERS,
                include_str!("../lexicon/figure_determiners.txt"),
            ),
            (
                &LABELS,
                &lexicon::FIGURE_LABELS,
                include_str!("../lexicon/figure_labels.txt"),
            ),
            (
                &LY_NOUNS,
                &lexicon::FIGURE_LY_NOUNS,
                include_str!("../lexicon/figure_ly_nouns.txt"),
            ),
            (
                &PLURALS,
                &lexicon::FIGURE_PLURALS,
                include_str!("../lexicon/figure_plurals.txt"),
            ),
            (
                &STOPWORDS,
                &lexicon::FIGURE_STOPWORDS,
                include_str!("../lexicon/figure_stopwords.txt"),
            ),
        ];
        for (set, phf, data) in pairs {
            for item in items(data) {
                let w = fold(item);
                assert!(set.contains(&w) && phf.contains(&w), "{item}");
            }
            assert_eq!(
                set.0.len(),
                items(data).map(fold).collect::<HashSet<_>>().len()
            );
            for w in ["the", "migrants", "", "Migrants", "estimated", "of"] {
                assert_eq!(set.contains(w), phf.contains(w), "{w}");
            }
        }
        assert!(STOPWORDS.contains("the") && !STOPWORDS.contains("The"));
    }

    #[test]
    fn start_shapes_let_number_words_through() {
        for w in NUMBER_WORDS
            .keys()
            .chain(FRACTIONS.keys())
            .chain(&["a", "an"])
        {
            assert!(START_SHAPES.may_match(w.as_bytes()), "{w}");
            assert!(
                START_SHAPES.may_match(w.to_ascii_uppercase().as_bytes()),
                "{w}"
            );
        }
        for w in ["the", "for", "on", "as", "I", "", "3", "Thousands", "_a"] {
            assert!(!START_SHAPES.may_match(w.as_bytes()), "{w}");
        }
    }

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
