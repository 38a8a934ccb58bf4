//! The word lists the figure rules look words up in, and the lower-case form
//! they are looked up by.
//!
//! The lists are short, their keys a few bytes long, and they are looked up
//! a few times for every figure: each is a fixed open-addressing `Table`
//! hashed with a few multiplications (SipHash, std's default, and the
//! perfect-hash sets of `lexicon` cost more than the rest of a look-up on
//! keys this size). The plain lists merge into one `Class` per word, and the
//! words that can start a number get a test of their own (`StartWords`),
//! since the tokenizer asks it of every word.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::extract::Qualifier;
use crate::extract::lexicon::{MONTHS, items};
use crate::extract::text::fold;

/// A hash for short keys: a word of up to eight bytes is read as two
/// overlapping four-byte halves (or three bytes when shorter), longer keys
/// eight bytes at a time, each folded in with one multiplication. Also the
/// last eight bytes so read (the key itself when it is no longer, given its
/// length), which a table compares before it compares keys.
#[inline]
fn short_hash(bytes: &[u8]) -> (u64, u64) {
    const MIX: u64 = 0x9E37_79B9_7F4A_7C15;
    let add = |h: u64, v: u64| (h.rotate_left(23) ^ v).wrapping_mul(MIX);
    let mut h = 0;
    let mut rest = bytes;
    while rest.len() > 8 {
        let Some((chunk, tail)) = rest.split_first_chunk::<8>() else {
            break;
        };
        h = add(h, u64::from_le_bytes(*chunk));
        rest = tail;
    }
    let m = rest.len();
    let v = if let (Some(a), Some(b)) = (rest.first_chunk::<4>(), rest.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*a)) << 32 | u64::from(u32::from_le_bytes(*b))
    } else if m > 0 {
        u64::from(rest[0]) << 16 | u64::from(rest[m / 2]) << 8 | u64::from(rest[m - 1])
    } else {
        0
    };
    h = add(h, v ^ (bytes.len() as u64) << 56);
    // The table takes the low bits, which a product leaves weak.
    (h ^ h >> 29, v)
}

/// A fixed table of words, built once and then only read: open addressing
/// in a power-of-two array at most half full, so a look-up is a hash, a
/// slot or two and one comparison of the key. Most words looked up are in
/// no table, and most of those are ruled out by their first byte and
/// length before any hashing.
pub(super) struct Table<K, V> {
    slots: Box<[Option<Slot<K, V>>]>,
    mask: usize,
    len: usize,
    /// By first byte: a bit per key length (the last bit for 31 and more).
    shapes: Box<[u32; 256]>,
    /// The empty key is in the table.
    empty: bool,
}

/// The bit of `shapes` for a key of `len` bytes.
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

struct Slot<K, V> {
    /// `short_hash(key).1`, and the key's length.
    tail: u64,
    len: usize,
    key: K,
    value: V,
}

impl<K: AsRef<str>, V> Table<K, V> {
    fn with_size(size: usize) -> Self {
        Table {
            slots: (0..size).map(|_| None).collect(),
            mask: size - 1,
            len: 0,
            shapes: Box::new([0; 256]),
            empty: false,
        }
    }

    /// False when no key has the first byte and length of `w`.
    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        match w.as_bytes().first() {
            Some(&b) => self.shapes[usize::from(b)] & length_bit(w.len()) != 0,
            None => self.empty,
        }
    }

    /// The slot that holds `w`, or the empty one where it would go.
    #[inline]
    fn find(&self, w: &str) -> usize {
        let (hash, tail) = short_hash(w.as_bytes());
        let mut i = hash as usize & self.mask;
        loop {
            match &self.slots[i] {
                // A key of eight bytes or fewer is its tail and length.
                Some(s)
                    if !(s.tail == tail
                        && s.len == w.len()
                        && (w.len() <= 8 || s.key.as_ref() == w)) =>
                {
                    i = (i + 1) & self.mask;
                }
                _ => return i,
            }
        }
    }

    #[inline]
    pub fn get(&self, w: &str) -> Option<&V> {
        if !self.may_hold(w) {
            return None;
        }
        self.slots[self.find(w)].as_ref().map(|s| &s.value)
    }

    pub fn contains_key(&self, w: &str) -> bool {
        self.get(w).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.slots.iter().flatten().map(|s| &s.key)
    }

    /// The value of `key`, `make()` put in first when the table has none.
    fn entry(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        // Keep at least half the slots empty, so every search ends.
        if (self.len + 1) * 2 > self.slots.len() {
            let mut bigger = Table::with_size(self.slots.len() * 2);
            for s in std::mem::take(&mut self.slots)
                .into_vec()
                .into_iter()
                .flatten()
            {
                let i = bigger.find(s.key.as_ref());
                bigger.slots[i] = Some(s);
                bigger.len += 1;
            }
            bigger.shapes = std::mem::replace(&mut self.shapes, Box::new([0; 256]));
            bigger.empty = self.empty;
            *self = bigger;
        }
        let i = self.find(key.as_ref());
        let slot = &mut self.slots[i];
        if slot.is_none() {
            let k = key.as_ref();
            match k.as_bytes().first() {
                Some(&b) => self.shapes[usize::from(b)] |= length_bit(k.len()),
                None => self.empty = true,
            }
            let (_, tail) = short_hash(key.as_ref().as_bytes());
            *slot = Some(Slot {
                tail,
                len: key.as_ref().len(),
                key,
                value: make(),
            });
            self.len += 1;
        }
        match slot {
            Some(s) => &mut s.value,
            None => unreachable!("the slot was just filled"),
        }
    }

    /// Puts `value` under `key`, in place of any value it had.
    fn insert(&mut self, key: K, value: V) {
        let mut value = Some(value);
        let slot = self.entry(key, || value.take().expect("taken once"));
        if let Some(v) = value {
            *slot = v;
        }
    }
}

impl<K: AsRef<str>, V> Default for Table<K, V> {
    fn default() -> Self {
        Table::with_size(8)
    }
}

impl<K: AsRef<str>, V> FromIterator<(K, V)> for Table<K, V> {
    /// A later entry for a key replaces an earlier one, as in a map.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let mut t = Table::default();
        for (k, v) in entries {
            t.insert(k, v);
        }
        t
    }
}

pub(super) type WordMap<V> = Table<&'static str, V>;

/// A list item in the form `lexicon::Set` holds it (`text::fold`), which
/// for ASCII, as nearly every item is, is its ASCII lower case: the
/// Unicode decomposition is left for the others.
fn fold_item(item: &str) -> String {
    if item.is_ascii() {
        item.to_ascii_lowercase()
    } else {
        fold(item)
    }
}

/// What the figure word lists say of a word. The rules ask several of them
/// about each word near a figure; one look-up answers them all.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(super) struct Class(u8);

/// (flag, file) of each plain word list: its items folded as
/// `lexicon::Set` holds them.
const CLASS_LISTS: [(u8, &str); 7] = [
    (Class::STOP, include_str!("../lexicon/figure_stopwords.txt")),
    (
        Class::ADJECTIVE,
        include_str!("../lexicon/figure_adjectives.txt"),
    ),
    (Class::CHANGE, include_str!("../lexicon/figure_changes.txt")),
    (
        Class::DETERMINER,
        include_str!("../lexicon/figure_determiners.txt"),
    ),
    (Class::LABEL, include_str!("../lexicon/figure_labels.txt")),
    (
        Class::LY_NOUN,
        include_str!("../lexicon/figure_ly_nouns.txt"),
    ),
    (Class::PLURAL, include_str!("../lexicon/figure_plurals.txt")),
];

impl Class {
    const STOP: u8 = 1;
    const ADJECTIVE: u8 = 2;
    const CHANGE: u8 = 4;
    const DETERMINER: u8 = 8;
    const LABEL: u8 = 16;
    const LY_NOUN: u8 = 32;
    const PLURAL: u8 = 64;

    /// The class of `w`, a word in its looked-up form.
    pub fn of(w: &str) -> Class {
        CLASSES.get(w).copied().unwrap_or_default()
    }

    /// In `figure_stopwords.txt`: function words that end a noun phrase.
    pub fn stop(self) -> bool {
        self.0 & Self::STOP != 0
    }
    /// In `figure_adjectives.txt`.
    pub fn adjective(self) -> bool {
        self.0 & Self::ADJECTIVE != 0
    }
    /// In `figure_changes.txt`: "rise", "fell", "slump".
    pub fn change(self) -> bool {
        self.0 & Self::CHANGE != 0
    }
    /// In `figure_determiners.txt`.
    pub fn determiner(self) -> bool {
        self.0 & Self::DETERMINER != 0
    }
    /// In `figure_labels.txt`: words that name the number after them.
    pub fn label(self) -> bool {
        self.0 & Self::LABEL != 0
    }
    /// In `figure_ly_nouns.txt`: nouns that end in -ly.
    pub fn ly_noun(self) -> bool {
        self.0 & Self::LY_NOUN != 0
    }
    /// In `figure_plurals.txt`.
    pub fn plural(self) -> bool {
        self.0 & Self::PLURAL != 0
    }
}

static CLASSES: LazyLock<Table<String, Class>> = LazyLock::new(|| {
    let mut t = Table::default();
    for (flag, data) in CLASS_LISTS {
        for item in items(data) {
            t.entry(fold_item(item), Class::default).0 |= flag;
        }
    }
    t
});

/// `figure_compounds.txt`, two-word nouns ("asylum seekers"), by their
/// first word. A compound is looked up as its two words, neither of which
/// holds a space: an item of more words is never found.
static COMPOUNDS: LazyLock<Table<String, Vec<String>>> = LazyLock::new(|| {
    let mut t = Table::default();
    for item in items(include_str!("../lexicon/figure_compounds.txt")) {
        if let Some((first, second)) = fold_item(item).split_once(' ') {
            t.entry(first.to_string(), Vec::new)
                .push(second.to_string());
        }
    }
    t
});

/// True when "`first` `second`" is a compound noun.
pub(super) fn is_compound(first: &str, second: &str) -> bool {
    COMPOUNDS
        .get(first)
        .is_some_and(|seconds| seconds.iter().any(|s| s == second))
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
pub(super) static QUALIFIERS: LazyLock<Table<String, Vec<Phrase>>> = LazyLock::new(|| {
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
    let mut by_last = Table::default();
    for p in v {
        if let Some(last) = p.words.last() {
            // Phrases match with `eq_ignore_ascii_case`: keyed the same way.
            by_last.entry(last.to_ascii_lowercase(), Vec::new).push(p);
        }
    }
    by_last
});

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
    let mut signs = Table::default();
    let mut codes = Table::default();
    let mut words = Table::default();
    let mut pairs: WordMap<Vec<(&'static str, &'static str)>> = Table::default();
    for l in items(include_str!("../lexicon/figure_currencies.txt")) {
        let Some((kind, rest)) = l.split_once(char::is_whitespace) else {
            continue;
        };
        let Some((form, iso)) = rest.trim().rsplit_once(char::is_whitespace) else {
            continue;
        };
        let form = form.trim();
        let map = match kind {
            "sign" => &mut signs,
            "code" => &mut codes,
            "word" => match form.split_once(' ') {
                Some((first, rest)) => {
                    // A later line for the same name wins, as in the maps.
                    let seconds = pairs.entry(first, Vec::new);
                    seconds.retain(|(w, _)| *w != rest);
                    seconds.push((rest, iso));
                    continue;
                }
                None => &mut words,
            },
            _ => continue,
        };
        map.insert(form, iso);
    }
    Currencies {
        signs,
        codes,
        words,
        pairs,
    }
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

/// The words that can start a number: number words, fractions and the
/// articles "a" and "an". Every word of the body is tested, so the test
/// avoids hashing: a bit per first byte and length rules out nearly every
/// other word ("the", "for", "on"), and the rest are compared with the few
/// candidates that share their first two letters.
pub(super) struct StartWords {
    /// By first byte (either case of a letter): a bit per word length.
    first: [u16; 256],
    /// By first letter and second byte (`cell`): the candidates, lower
    /// case.
    cells: Vec<Vec<&'static str>>,
}

impl StartWords {
    /// Slot of a word by its first byte (low five bits, so either case of
    /// a letter) and its second: none, a letter, or anything else.
    fn cell(w: &[u8]) -> usize {
        let second = match w.get(1) {
            None => 0,
            Some(&b) if b.is_ascii_alphabetic() => usize::from(b & 0x1F),
            Some(_) => 27,
        };
        usize::from(w.first().map_or(0, |&b| b & 0x1F)) * 28 + second
    }

    /// True when `w` is at most nine bytes of ASCII whose lower case is a
    /// number word, a fraction, "a" or "an": what `NUMBER_WORDS`,
    /// `FRACTIONS` and the articles hold.
    #[inline]
    pub fn contains(&self, w: &[u8]) -> bool {
        let (Some(&first), len) = (w.first(), w.len()) else {
            return false;
        };
        if len > 9 || self.first[usize::from(first)] >> len & 1 == 0 {
            return false;
        }
        self.cells[Self::cell(w)]
            .iter()
            .any(|c| c.as_bytes().eq_ignore_ascii_case(w))
    }
}

pub(super) static START_WORDS: LazyLock<StartWords> = LazyLock::new(|| {
    let mut starts = StartWords {
        first: [0; 256],
        cells: vec![Vec::new(); 32 * 28],
    };
    let words = NUMBER_WORDS
        .keys()
        .chain(FRACTIONS.keys())
        .chain(["a", "an"].iter());
    for &w in words {
        // Only an ASCII lower-case key is found by an ASCII word folded to
        // lower case.
        if w.is_empty() || !w.is_ascii() || w.bytes().any(|b| b.is_ascii_uppercase()) {
            continue;
        }
        let b = w.as_bytes();
        if w.len() < 16 {
            starts.first[usize::from(b[0])] |= 1 << w.len();
            starts.first[usize::from(b[0].to_ascii_uppercase())] |= 1 << w.len();
        }
        let cell = &mut starts.cells[StartWords::cell(b)];
        if !cell.contains(&w) {
            cell.push(w);
        }
    }
    starts
});

/// Month names and abbreviations, lower case.
pub(super) static MONTH_NAMES: LazyLock<WordMap<()>> =
    LazyLock::new(|| MONTHS.iter().map(|(m, _)| (*m, ())).collect());

/// True when `w`, lower-cased, names a month ("December", "Dec").
pub(super) fn is_month_name(w: &str) -> bool {
    if w.is_ascii() {
        let mut buf = [0u8; 24];
        return MONTH_NAMES.contains_key(&ascii_lower_in(w, &mut buf));
    }
    MONTH_NAMES.contains_key(w.to_lowercase().as_str())
}

/// The looked-up form of a word: lower case, curly apostrophes straight.
pub(super) fn lower(s: &str) -> String {
    s.to_lowercase().replace('\u{2019}', "'")
}

/// `s` in ASCII lower case, written into `buf` when it has capitals and is
/// short enough.
fn ascii_lower_in<'b>(s: &'b str, buf: &'b mut [u8; 24]) -> Cow<'b, str> {
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

    /// The words of the lists hash apart, short and long alike.
    #[test]
    fn short_hash_spreads_words() {
        let mut words: Vec<String> = CLASS_LISTS
            .iter()
            .flat_map(|(_, data)| items(data).map(fold))
            .collect();
        words.extend(NUMBER_WORDS.keys().map(|w| w.to_string()));
        words.extend(
            [
                "",
                "a",
                "ab",
                "abc",
                "abcd",
                "abcde",
                "abcdefgh",
                "abcdefghi",
            ]
            .map(String::from),
        );
        words.extend(["internationally", "internationalist", "u.s.", "o'clock"].map(String::from));
        words.sort();
        words.dedup();
        let mut hashes: Vec<u64> = words.iter().map(|w| short_hash(w.as_bytes()).0).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), words.len());
        // Words that differ only in the middle or by length.
        assert_ne!(short_hash(b"abxcd"), short_hash(b"abycd"));
        assert_ne!(short_hash(b"aaaa"), short_hash(b"aaaaa"));
        // Keys of eight bytes or fewer are told apart by tail and length.
        let short: Vec<&str> = words
            .iter()
            .map(|w| w.as_str())
            .filter(|w| w.len() <= 8)
            .collect();
        let mut tails: Vec<(u64, usize)> = short
            .iter()
            .map(|w| (short_hash(w.as_bytes()).1, w.len()))
            .collect();
        tails.sort_unstable();
        tails.dedup();
        assert_eq!(tails.len(), short.len());
    }

    #[test]
    fn items_fold_as_text_folds() {
        for item in [
            "asylum seekers",
            "Per Cent",
            "o'clock",
            "Café",
            "naïve",
            "ﬁve",
            "O’Neil",
            "",
        ] {
            assert_eq!(fold_item(item), fold(item), "{item:?}");
        }
    }

    #[test]
    fn tables_find_what_maps_find() {
        use std::collections::HashMap;
        let map: HashMap<String, usize> = (0..300)
            .map(|n| (format!("w{n}"), n))
            .chain((0..40).map(|n| (format!("a longer key {n}"), 1000 + n)))
            .collect();
        let table: Table<String, usize> = map.clone().into_iter().collect();
        for n in 0..600 {
            let w = format!("w{n}");
            assert_eq!(table.get(&w), map.get(&w), "{w}");
        }
        assert_eq!(table.get(""), None);
        assert_eq!(table.get("w"), None);
        assert_eq!(table.get("w1000"), None);
        let with_empty: Table<&str, u8> = [("", 1), ("x", 2)].into_iter().collect();
        assert_eq!(
            (with_empty.get(""), with_empty.get("x")),
            (Some(&1), Some(&2))
        );
        let long: Table<String, u8> = [("a".repeat(40), 1)].into_iter().collect();
        assert_eq!(
            (long.get(&"a".repeat(40)), long.get(&"a".repeat(41))),
            (Some(&1), None)
        );
        for n in 0..80 {
            let w = format!("a longer key {n}");
            assert_eq!(table.get(&w), map.get(&w), "{w}");
        }
        assert_eq!(table.keys().count(), 340);
        // A later entry replaces an earlier one.
        let t: Table<&str, u8> = [("a", 1), ("b", 2), ("a", 3)].into_iter().collect();
        assert_eq!(
            (t.get("a"), t.get("b"), t.get("c")),
            (Some(&3), Some(&2), None)
        );
        let empty: Table<&str, u8> = Table::default();
        assert_eq!(empty.get("a"), None);
    }

    #[test]
    fn classes_match_the_lexicon_sets() {
        /// A set, and the class test that stands for it.
        type Pair = (&'static lexicon::Set, fn(Class) -> bool);
        let sets: [Pair; 7] = [
            (&lexicon::FIGURE_STOPWORDS, Class::stop),
            (&lexicon::FIGURE_ADJECTIVES, Class::adjective),
            (&lexicon::FIGURE_CHANGES, Class::change),
            (&lexicon::FIGURE_DETERMINERS, Class::determiner),
            (&lexicon::FIGURE_LABELS, Class::label),
            (&lexicon::FIGURE_LY_NOUNS, Class::ly_noun),
            (&lexicon::FIGURE_PLURALS, Class::plural),
        ];
        // Every item of every list, and a few words in none.
        let mut words: Vec<String> = CLASS_LISTS
            .iter()
            .flat_map(|(_, data)| items(data).map(fold))
            .collect();
        words.extend(["migrants", "", "Migrants", "The", "estimated"].map(String::from));
        for (set, has) in sets {
            for w in &words {
                assert_eq!(has(Class::of(w)), set.contains(w), "{w:?}");
            }
        }
        assert!(Class::of("the").stop() && !Class::of("The").stop());
        for item in items(include_str!("../lexicon/figure_compounds.txt")) {
            let w = fold(item);
            let (first, second) = w.split_once(' ').expect("compounds have two words or more");
            assert!(
                is_compound(first, second) && lexicon::FIGURE_COMPOUNDS.contains(&w),
                "{item}"
            );
        }
        assert!(!is_compound("asylum", "migrants"));
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
    fn qualifiers_are_grouped_by_last_word() {
        let over = &QUALIFIERS.get("over").expect("over is a qualifier");
        let words: Vec<_> = over.iter().map(|p| p.words.join(" ")).collect();
        assert_eq!(words, ["well over", "just over", "over"]);
        assert!(
            QUALIFIERS
                .get("than")
                .expect("than ends qualifiers")
                .iter()
                .all(|p| p.words.len() >= 2)
        );
    }
}
