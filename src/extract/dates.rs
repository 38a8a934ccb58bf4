//! Dates: absolute, partial and relative expressions, normalised like TIMEX3
//! and resolved against the publication date, or inside a quoted post
//! against the post's own date.
//!
//! One pass per line: the line is cut into tokens (letter/digit runs and
//! single punctuation marks), and at each token the rules are tried longest
//! first, so mentions never overlap and come out sorted. Each mention keeps
//! what it names ([`When`]) and the tense of the words around it; values are
//! worked out afterwards against the anchor date, which is how
//! [`infer_published`] can reuse the same scan before any anchor exists.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::document::{Document, Inferred, Span, is_alphanumeric};
use crate::extract::{DateMention, Post};
use crate::extract::{lexicon, posts};

// ---------------------------------------------------------------------------
// Lexicons

/// Month names and abbreviations: number, and whether it is an abbreviation.
static MONTH_WORDS: LazyLock<HashMap<&'static str, (u32, bool)>> = LazyLock::new(|| {
    let months = &*lexicon::MONTHS;
    months
        .iter()
        .map(|&(name, num)| {
            let abbrev = months
                .iter()
                .any(|&(other, n)| n == num && other.len() > name.len());
            (name, (num, abbrev))
        })
        .collect()
});

/// Season words to their index: spring 0, summer 1, fall 2, winter 3.
static SEASON_WORDS: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    lexicon::items(include_str!("lexicon/seasons.txt"))
        .filter_map(|l| {
            let (name, code) = l.split_once(char::is_whitespace)?;
            let idx = SEASON_CODES.iter().position(|&c| c == code.trim())?;
            Some((name, u8::try_from(idx).ok()?))
        })
        .collect()
});

const SEASON_CODES: [&str; 4] = ["SP", "SU", "FA", "WI"];

static WEEKDAY_WORDS: LazyLock<HashMap<&'static str, Weekday>> = LazyLock::new(|| {
    lexicon::items(include_str!("lexicon/weekdays.txt"))
        .filter_map(|l| {
            let (name, num) = l.split_once(char::is_whitespace)?;
            let wd = match num.trim() {
                "1" => Weekday::Mon,
                "2" => Weekday::Tue,
                "3" => Weekday::Wed,
                "4" => Weekday::Thu,
                "5" => Weekday::Fri,
                "6" => Weekday::Sat,
                "7" => Weekday::Sun,
                _ => return None,
            };
            Some((name, wd))
        })
        .collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Past,
    Present,
    Future,
    FutureTo,
    Aux,
    Set,
    Modal,
    NotPast,
    Dateline,
}

static TENSE_CUES: LazyLock<HashMap<&'static str, Cue>> = LazyLock::new(|| {
    lexicon::items(include_str!("lexicon/tense_cues.txt"))
        .filter_map(|l| {
            let (word, role) = l.split_once(char::is_whitespace)?;
            let cue = match role.trim() {
                "past" => Cue::Past,
                "present" => Cue::Present,
                "future" => Cue::Future,
                "future-to" => Cue::FutureTo,
                "aux" => Cue::Aux,
                "set" => Cue::Set,
                "modal" => Cue::Modal,
                "not-past" => Cue::NotPast,
                "dateline" => Cue::Dateline,
                _ => return None,
            };
            Some((word, cue))
        })
        .collect()
});

const Y_BEFORE: u8 = 1;
const Y_BEFORE_WEAK: u8 = 2;
const Y_AFTER: u8 = 4;
const Y_THEN: u8 = 8;
const Y_VERB: u8 = 16;

static YEAR_CONTEXT: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u8> = HashMap::new();
    for l in lexicon::items(include_str!("lexicon/year_context.txt")) {
        let Some((word, role)) = l.split_once(char::is_whitespace) else {
            continue;
        };
        let flag = match role.trim() {
            "before" => Y_BEFORE,
            "before-weak" => Y_BEFORE_WEAK,
            "after" => Y_AFTER,
            "then" => Y_THEN,
            "verb" => Y_VERB,
            _ => continue,
        };
        *map.entry(word).or_default() |= flag;
    }
    map
});

/// How a holiday's day is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HolidayRule {
    Fixed {
        month: u32,
        day: u32,
    },
    /// The `n`th (0 = last) `weekday` of `month`, `shift` days later.
    Nth {
        month: u32,
        weekday: Weekday,
        n: u8,
        shift: i64,
    },
    Easter {
        shift: i64,
    },
}

impl HolidayRule {
    fn date(self, year: i32) -> Option<NaiveDate> {
        match self {
            HolidayRule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            HolidayRule::Nth {
                month,
                weekday,
                n,
                shift,
            } => {
                let base = if n == 0 {
                    last_weekday_of_month(year, month, weekday)?
                } else {
                    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)?
                };
                add_days(base, shift)
            }
            HolidayRule::Easter { shift } => add_days(easter(year)?, shift),
        }
    }

    fn parse(rule: &str) -> Option<HolidayRule> {
        let parts: Vec<&str> = rule.split_whitespace().collect();
        let shift_of = |s: Option<&&str>| -> Option<i64> {
            match s {
                None => Some(0),
                Some(s) => s.trim_start_matches('+').parse().ok(),
            }
        };
        match parts.as_slice() {
            ["easter", rest @ ..] => Some(HolidayRule::Easter {
                shift: shift_of(rest.first())?,
            }),
            [md] => {
                let (m, d) = md.split_once('-')?;
                Some(HolidayRule::Fixed {
                    month: m.parse().ok()?,
                    day: d.parse().ok()?,
                })
            }
            [m, wd, n, rest @ ..] => Some(HolidayRule::Nth {
                month: m.parse().ok()?,
                weekday: wd.parse::<Weekday>().ok()?,
                n: if *n == "last" { 0 } else { n.parse().ok()? },
                shift: shift_of(rest.first())?,
            }),
            _ => None,
        }
    }
}

#[derive(Debug)]
struct Holiday {
    /// The name cut into tokens the way the text is: "new year's day" is
    /// `new`, `year`, `'`, `s`, `day`.
    words: Vec<&'static str>,
    rule: HolidayRule,
}

/// Holidays, longest names first, keyed by their first word.
static HOLIDAYS: LazyLock<HashMap<&'static str, Vec<Holiday>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<Holiday>> = HashMap::new();
    for l in lexicon::items(include_str!("lexicon/holidays.txt")) {
        let Some((name, rule)) = l.split_once('=') else {
            continue;
        };
        let Some(rule) = HolidayRule::parse(rule.trim()) else {
            continue;
        };
        let words = split_phrase(name.trim());
        if let Some(&first) = words.first() {
            map.entry(first).or_default().push(Holiday { words, rule });
        }
    }
    for list in map.values_mut() {
        list.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
    }
    map
});

/// A lexicon phrase cut into letter/digit runs and single punctuation marks.
fn split_phrase(s: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(st) = start.take() {
            out.push(&s[st..i]);
        }
        if !c.is_whitespace() {
            out.push(&s[i..i + c.len_utf8()]);
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// Words the rules look at, so a token can carry its lower-case form as a
/// `&'static str` and the rules compare strings without allocating.
const RULE_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "the",
    "in",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "day",
    "days",
    "ago",
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "of",
    "copyright",
    "mid",
    "early",
    "late",
    "and",
    "or",
    "to",
    "through",
    "s",
    "ll",
    "t",
    "won",
    "c",
    "for",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "sen",
    "rep",
    "gov",
    "gen",
    "jr",
    "sr",
    "no",
    "vs",
    "inc",
    "co",
    "corp",
    "ltd",
    "be",
    "being",
    "not",
    "have",
];

/// What a known word can start: cheap tests before the lexicon look-ups.
const W_MONTH: u8 = 1;
const W_WEEKDAY: u8 = 2;
const W_HOLIDAY: u8 = 4;
const W_SEASON: u8 = 8;
/// A word [`relative`] or [`ago`] can start with: "today", "last", "three".
const W_RELATIVE: u8 = 16;
/// Any of the above: a word a rule can start with.
const W_STARTS: u8 = W_MONTH | W_WEEKDAY | W_HOLIDAY | W_SEASON | W_RELATIVE;
/// A word [`cue_of`] can find a tense in: it has a role, or ends a
/// contraction ("we'll", "won't").
const W_CUE: u8 = 32;

/// Words that open a relative expression: the words [`relative`] and
/// [`shifted`] begin with, and the number words of [`ago`].
fn opens_relative(w: &str) -> bool {
    number_word(w).is_some()
        || matches!(
            w,
            "today"
                | "tonight"
                | "yesterday"
                | "tomorrow"
                | "last"
                | "this"
                | "next"
                | "earlier"
                | "later"
        )
}

/// A word a rule looks at: its lower-case form, `W_*` classes, and what
/// the lexicons say of it, so that the rules look nothing up again.
#[derive(Debug, Clone, Copy)]
struct Known {
    word: &'static str,
    class: u8,
    /// Its role as a tense cue.
    role: Option<Cue>,
    /// Its `Y_*` flags as a neighbour of a year.
    year: u8,
    /// As a month name: its number, and whether it is an abbreviation.
    month: Option<(u32, bool)>,
    weekday: Option<Weekday>,
    /// As a season: its index (see [`SEASON_CODES`]).
    season: Option<u8>,
    /// The holidays whose names open with it, longest first.
    holidays: &'static [Holiday],
}

/// Every word a rule looks at, found by the first eight bytes of its
/// lower-case form. Every word of the text is looked up and most are not
/// there, so a miss must cost a multiply and a load: the slots hold the key
/// itself, and most are empty.
struct Vocab {
    slots: Box<[Slot; VOCAB_SLOTS]>,
    words: Vec<Known>,
}

#[derive(Clone, Copy)]
struct Slot {
    /// The word's first eight bytes, little-endian; `len` 0 is an empty slot.
    key: u64,
    len: u32,
    /// Its index in [`Vocab::words`], and its `W_*` classes.
    word: u16,
    class: u8,
}

const EMPTY_SLOT: Slot = Slot {
    key: 0,
    len: 0,
    word: NO_WORD,
    class: 0,
};

/// Slots of [`Vocab`]: a power of two, at least four times the words.
const VOCAB_BITS: u32 = 11;
const VOCAB_SLOTS: usize = 1 << VOCAB_BITS;

/// [`Tok::word`] of a word the rules do not know.
const NO_WORD: u16 = u16::MAX;

impl Vocab {
    fn new(words: Vec<Known>) -> Vocab {
        assert!(
            words.len() * 4 <= VOCAB_SLOTS,
            "VOCAB_BITS too small for the lexicons"
        );
        let mut slots = Box::new([EMPTY_SLOT; VOCAB_SLOTS]);
        for (n, k) in words.iter().enumerate() {
            let b = k.word.as_bytes();
            let key = fold(first8(b), b.len());
            let mut at = home(key, b.len());
            while slots[at].len != 0 {
                at = (at + 1) % VOCAB_SLOTS;
            }
            slots[at] = Slot {
                key,
                len: u32::try_from(b.len()).expect("lexicon words are short"),
                word: u16::try_from(n).expect("lexicons hold few words"),
                class: k.class,
            };
        }
        Vocab { slots, words }
    }

    /// The index and `W_*` classes of the word spelt by `text[st..en]` in
    /// any case, given the first eight bytes from `st` (those past `en` do
    /// not count), or [`NO_WORD`]. Only ASCII letters fold onto the
    /// lower-case letters the words are made of, so a run with a digit or a
    /// non-ASCII letter is never found.
    #[inline(always)]
    fn find(&self, raw: u64, text: &[u8], st: usize, en: usize) -> (u16, u8) {
        let len = en - st;
        let key = fold(raw, len);
        let mut at = home(key, len);
        loop {
            let s = self.slots[at];
            if s.len == 0 {
                return (NO_WORD, 0);
            }
            if s.key == key && s.len as usize == len {
                let tail_ok = len <= 8
                    || self.words.get(usize::from(s.word)).is_some_and(|k| {
                        text[st + 8..en].eq_ignore_ascii_case(&k.word.as_bytes()[8..])
                    });
                if tail_ok {
                    return (s.word, s.class);
                }
            }
            at = (at + 1) % VOCAB_SLOTS;
        }
    }
}

/// The first eight bytes of `b` (fewer, zero-padded, if it is shorter) as a
/// little-endian number.
fn first8(b: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let n = b.len().min(8);
    buf[..n].copy_from_slice(&b[..n]);
    u64::from_le_bytes(buf)
}

/// `raw`, the first bytes of a word of `len` bytes (and maybe some of what
/// follows it), with the bytes past the word cleared and ASCII letters made
/// lower case.
fn fold(raw: u64, len: usize) -> u64 {
    const LOW_BYTES: [u64; 9] = {
        let mut t = [0u64; 9];
        let mut n = 1;
        while n <= 8 {
            t[n] = u64::MAX >> (64 - 8 * n);
            n += 1;
        }
        t
    };
    (raw | 0x2020_2020_2020_2020) & LOW_BYTES[len.min(8)]
}

fn home(key: u64, len: usize) -> usize {
    let h = (key ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> (64 - VOCAB_BITS)) as usize
}

/// Every word a rule looks at. Only words of lower-case ASCII letters are
/// kept: the text is looked up by those alone.
static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let mut v: HashMap<&'static str, Known> = HashMap::new();
    let mut order = Vec::new();
    let mut add = |word: &'static str, role: Option<Cue>, class: u8| {
        let k = v.entry(word).or_insert_with(|| {
            order.push(word);
            Known {
                word,
                class: 0,
                role: None,
                year: 0,
                month: None,
                weekday: None,
                season: None,
                holidays: &[],
            }
        });
        k.role = k.role.or(role);
        k.class |= class;
    };
    for &w in RULE_WORDS.iter().chain(YEAR_CONTEXT.keys()) {
        add(w, None, 0);
    }
    for &w in MONTH_WORDS.keys() {
        add(w, None, W_MONTH);
    }
    for &w in WEEKDAY_WORDS.keys() {
        add(w, None, W_WEEKDAY);
    }
    for &w in SEASON_WORDS.keys() {
        add(w, None, W_SEASON);
    }
    for (&first, list) in HOLIDAYS.iter() {
        add(first, None, W_HOLIDAY);
        for h in list {
            for &w in h
                .words
                .iter()
                .filter(|w| w.chars().all(char::is_alphanumeric))
            {
                add(w, None, 0);
            }
        }
    }
    for (&w, &c) in TENSE_CUES.iter() {
        add(w, Some(c), 0);
    }
    let words = order
        .into_iter()
        .filter(|w| (1..=24).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
        .filter_map(|w| v.get(w).copied())
        .map(|mut k| {
            if opens_relative(k.word) {
                k.class |= W_RELATIVE;
            }
            if k.role.is_some() || matches!(k.word, "ll" | "won") {
                k.class |= W_CUE;
            }
            k.year = YEAR_CONTEXT.get(k.word).copied().unwrap_or(0);
            k.month = MONTH_WORDS.get(k.word).copied();
            k.weekday = WEEKDAY_WORDS.get(k.word).copied();
            k.season = SEASON_WORDS.get(k.word).copied();
            k.holidays = HOLIDAYS.get(k.word).map_or(&[], Vec::as_slice);
            k
        })
        .collect();
    Vocab::new(words)
});

/// Abbreviations whose period does not end a sentence (besides initials and
/// month abbreviations).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "jr", "sr", "no", "vs", "inc", "co",
    "corp", "ltd",
];

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    /// "27th": the number is in `value`.
    Ord,
    Punct(char),
}

/// A token, its place counted from the start of its line (see [`Toks`]).
/// Small, as one is written for every word of the text.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: u32,
    end: u32,
    kind: Kind,
    /// For `Num` and `Ord`: the number (saturating), and its digit count.
    value: u32,
    digits: u8,
    /// For words the rules know: the index in [`Vocab::words`] (else
    /// [`NO_WORD`]), and the `W_*` classes.
    word: u16,
    class: u8,
    /// First character upper case.
    cap: bool,
}

impl Tok {
    /// Whether some rule can begin here; [`match_at`] finds nothing elsewhere.
    fn can_start(&self) -> bool {
        match self.kind {
            Kind::Num | Kind::Ord => true,
            Kind::Word => self.class & W_STARTS != 0,
            Kind::Punct(_) => false,
        }
    }
}

/// ASCII byte classes for [`tokenize`]; non-ASCII bytes are 0.
const B_ALNUM: u8 = 1;
const B_SPACE: u8 = 2;
const B_PUNCT: u8 = 3;
const B_NEWLINE: u8 = 4;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            B_ALNUM
        } else if c == b'\n' {
            B_NEWLINE
        } else if c.is_ascii_whitespace() || c == 0x0b {
            B_SPACE
        } else {
            B_PUNCT
        };
        b += 1;
    }
    t
};

/// The tokens of one line, and the few of them the scan stops at: those a
/// rule can begin at, and the marks that may end a sentence. Most tokens
/// are neither, and the scan only looks at them from a rule.
#[derive(Default)]
struct Line {
    /// The tokens are the first `len`; the rest is room to grow.
    toks: Vec<Tok>,
    len: usize,
    stops: Vec<usize>,
}

/// Cuts `text[from..to]` into letter/digit runs (Unicode letters and digits
/// included) and single marks, dropping white space, and stops at the first
/// line break: returns where it stopped.
fn tokenize(text: &str, from: usize, to: usize, out: &mut Line) -> usize {
    assert!(
        to - from <= u32::MAX as usize,
        "lines are cut into short pieces"
    );
    let piece = Piece {
        text,
        from,
        to,
        vocab: &VOCAB,
    };
    let vocab = piece.vocab;
    let line = piece.line();
    // The tokens go to a slice, which the loop can hold in registers (a
    // `Vec` pushed to is read back from memory after every token), grown
    // now and then.
    let mut store = std::mem::take(&mut out.toks);
    let mut buf: &mut [Tok] = &mut store;
    let mut n = 0;
    let mut stops = std::mem::take(&mut out.stops);
    stops.clear();
    let mut i = 0;
    while let Some(&b) = line.get(i) {
        if n == buf.len() {
            buf = grow(&mut store);
        }
        if b.is_ascii_alphabetic() {
            let (end, raw, after) = ascii_run(line, i);
            // bytes E2 80 open U+2000 to U+203F, all marks or spaces (see
            // [`is_alphanumeric`](crate::document::is_alphanumeric)): "Trump’s", "said—"
            if after < 0x80 || after == 0xe2 && line.get(end + 1) == Some(&0x80) {
                // the common case, kept in line: a word of ASCII letters
                let (word, class) = vocab.find(raw, line, i, end);
                if class & W_STARTS != 0 {
                    stops.push(n);
                }
                buf[n] = Tok {
                    start: i as u32,
                    end: end as u32,
                    kind: Kind::Word,
                    value: 0,
                    digits: 0,
                    word,
                    class,
                    cap: b.is_ascii_uppercase(),
                };
                n += 1;
                // most words are followed by a space: skip it here
                i = end + usize::from(after == b' ');
                continue;
            }
        } else {
            match BYTE_CLASS[usize::from(b)] {
                B_SPACE => {
                    i += 1;
                    continue;
                }
                B_PUNCT => {
                    if matches!(b, b'.' | b'!' | b'?') {
                        stops.push(n);
                    }
                    buf[n] = punct_tok(i, char::from(b));
                    n += 1;
                    i += 1;
                    continue;
                }
                B_NEWLINE => break,
                _ => {}
            }
        }
        let (tok, next) = slow_tok(&piece, i);
        i = next;
        if let Some(tok) = tok {
            if tok.can_start() || tok.kind == Kind::Punct('\u{2026}') {
                stops.push(n);
            }
            buf[n] = tok;
            n += 1;
        }
    }
    out.toks = store;
    out.len = n;
    out.stops = stops;
    from + i
}

/// The line [`tokenize`] works on; token places count from `from`.
struct Piece<'a> {
    text: &'a str,
    from: usize,
    to: usize,
    vocab: &'a Vocab,
}

impl Piece<'_> {
    fn line(&self) -> &[u8] {
        &self.text.as_bytes()[self.from..self.to]
    }
    /// The character at `i`, if `i` is on one.
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(self.from + i..self.to)?.chars().next()
    }
}

/// More room in the token buffer of [`tokenize`].
#[cold]
fn grow(store: &mut Vec<Tok>) -> &mut [Tok] {
    store.resize(store.len() * 2 + 64, punct_tok(0, ' '));
    store
}

fn punct_tok(at: usize, c: char) -> Tok {
    Tok {
        start: at as u32,
        end: (at + c.len_utf8()) as u32,
        kind: Kind::Punct(c),
        value: 0,
        digits: 0,
        word: NO_WORD,
        class: 0,
        cap: false,
    }
}

/// What the fast path of [`tokenize`] leaves: runs that open with a digit
/// or hold a non-ASCII letter ("27th", "Zürich"), non-ASCII marks, and
/// non-ASCII white space (no token). Returns the token and where it ends.
#[inline(never)]
fn slow_tok(p: &Piece, i: usize) -> (Option<Tok>, usize) {
    let line = p.line();
    if line[i].is_ascii_digit() {
        let mut end = i + 1;
        while line
            .get(end)
            .is_some_and(|&b| BYTE_CLASS[usize::from(b)] == B_ALNUM)
        {
            end += 1;
        }
        if line.get(end).is_none_or(|&b| b < 0x80) {
            return (Some(run_tok(p, i, end)), end);
        }
    }
    // curly quotes and dashes: U+2000 to U+203F, bytes E2 80 xx
    if let [0xe2, 0x80, last @ 0x80..=0xbf, ..] = line[i..] {
        let c = char::from_u32(0x2000 + u32::from(last & 0x3f)).unwrap_or(' ');
        let tok = (!c.is_whitespace()).then(|| punct_tok(i, c));
        return (tok, i + 3);
    }
    let Some(c) = p.char_at(i) else {
        return (None, i + 1); // off a character: only past a cut, undone
    };
    if c.is_ascii_alphanumeric() || is_alphanumeric(c) {
        let end = run_end(p, i);
        (Some(run_tok(p, i, end)), end)
    } else if c.is_whitespace() {
        (None, i + c.len_utf8())
    } else {
        (Some(punct_tok(i, c)), i + c.len_utf8())
    }
}

/// Where the run of ASCII letters from `i` ends (no further than `line`'s
/// end), the first eight bytes from `i` (fewer and zero-padded at the end
/// of the line), and the byte after the run (a line break at the line's
/// end). Eight bytes are tested at a time: most words end within eight. A
/// digit ends the run too, unless the test goes byte by byte ("COVID19").
#[inline(always)]
fn ascii_run(line: &[u8], mut i: usize) -> (usize, u64, u8) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let raw = match line.get(i..i + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().unwrap_or_default()),
        None => first8(&line[i..]),
    };
    let mut w = raw;
    while i + 8 <= line.len() {
        // letters only: bytes below 0x80 added to at most 0x7f carry into
        // no other byte
        let ascii = !w & HIGH;
        let v = (w & !HIGH) | (ONES * 0x20);
        let letter = (v + ONES * (0x80 - 0x61)) & !(v + ONES * (0x80 - 0x7b));
        let stop = !(letter & ascii) & HIGH;
        if stop != 0 {
            let k = stop.trailing_zeros() / 8;
            let after = (w >> (8 * k)) as u8;
            i += k as usize;
            if after.is_ascii_digit() {
                break; // a digit in a word: "COVID19", byte by byte
            }
            return (i, raw, after);
        }
        i += 8;
        match line.get(i..i + 8) {
            Some(b) => w = u64::from_le_bytes(b.try_into().unwrap_or_default()),
            None => break,
        }
    }
    loop {
        match line.get(i) {
            Some(&b) if BYTE_CLASS[usize::from(b)] == B_ALNUM => i += 1,
            Some(&b) => return (i, raw, b),
            None => return (i, raw, b'\n'),
        }
    }
}

/// Where the letter/digit run going on at `i` ends.
fn run_end(p: &Piece, mut i: usize) -> usize {
    let line = p.line();
    loop {
        while line
            .get(i)
            .is_some_and(|&b| BYTE_CLASS[usize::from(b)] == B_ALNUM)
        {
            i += 1;
        }
        match p.char_at(i) {
            Some(c) if !c.is_ascii() && is_alphanumeric(c) => i += c.len_utf8(),
            _ => return i,
        }
    }
}

/// The token of the letter/digit run `start..end`.
fn run_tok(p: &Piece, start: usize, end: usize) -> Tok {
    let mut tok = Tok {
        start: start as u32,
        end: end as u32,
        kind: Kind::Word,
        value: 0,
        digits: 0,
        word: NO_WORD,
        class: 0,
        cap: false,
    };
    let line = p.line();
    let b = &line[start..end];
    if b[0].is_ascii_digit() {
        let lead = b.iter().take_while(|b| b.is_ascii_digit()).count();
        let value = b[..lead].iter().fold(0u32, |acc, b| {
            acc.saturating_mul(10).saturating_add(u32::from(b - b'0'))
        });
        let suffix = &b[lead..];
        if suffix.is_empty() {
            tok.kind = Kind::Num;
        } else if lead <= 2
            && [b"st", b"nd", b"rd", b"th"]
                .iter()
                .any(|x| suffix.eq_ignore_ascii_case(*x))
        {
            tok.kind = Kind::Ord;
        } else {
            return tok; // "x2023"-like: a word no rule knows
        }
        tok.value = value;
        tok.digits = u8::try_from(lead).unwrap_or(u8::MAX);
        return tok;
    }
    tok.cap = p.char_at(start).is_some_and(char::is_uppercase);
    // a word with a non-ASCII letter is known to no rule, but is looked up
    // all the same: the table says so
    (tok.word, tok.class) = p.vocab.find(first8(&line[start..]), line, start, end);
    tok
}

/// The tokens of one line, with the text they come from.
struct Toks<'a> {
    text: &'a str,
    /// Where the line starts in `text`: token places count from here.
    base: usize,
    t: &'a [Tok],
    words: &'static [Known],
}

impl Toks<'_> {
    fn len(&self) -> usize {
        self.t.len()
    }
    fn known(&self, i: usize) -> Option<&'static Known> {
        self.words.get(usize::from(self.t.get(i)?.word))
    }
    fn word(&self, i: usize) -> Option<&'static str> {
        self.known(i).map(|k| k.word)
    }
    /// The word's role as a tense cue.
    fn role(&self, i: usize) -> Option<Cue> {
        self.known(i).and_then(|k| k.role)
    }
    /// The word's `Y_*` flags, 0 for other tokens.
    fn year_flags(&self, i: usize) -> u8 {
        self.known(i).map_or(0, |k| k.year)
    }
    /// `W_*` classes of the word.
    fn class(&self, i: usize) -> u8 {
        self.t.get(i).map_or(0, |t| t.class)
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }
    fn punct(&self, i: usize) -> Option<char> {
        match self.t.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }
    fn is_apostrophe(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('\'' | '\u{2019}'))
    }
    /// Token `i` touches token `i - 1`.
    fn joined(&self, i: usize) -> bool {
        i > 0 && i < self.t.len() && self.t[i].start == self.t[i - 1].end
    }
    fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }
    /// Where token `i` starts and ends in the text.
    fn span(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.t.get(i)?;
        Some((self.base + t.start as usize, self.base + t.end as usize))
    }
    fn str(&self, i: usize) -> &str {
        self.span(i).map_or("", |(s, e)| &self.text[s..e])
    }
    fn is_cap_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap)
    }
    fn is_lower_word(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && !t.cap)
    }

    /// Whether the punctuation at `i` ends a sentence.
    fn ends_sentence(&self, i: usize) -> bool {
        match self.punct(i) {
            Some('!' | '?' | '…') => true,
            Some('.') => {
                if self.joined(i + 1) || i == 0 {
                    return false; // "U.S", "3.5"
                }
                let prev = &self.t[i - 1];
                if prev.kind != Kind::Word || !self.joined(i) {
                    return true;
                }
                let s = self.str(i - 1);
                if s.chars().count() == 1 && prev.cap {
                    return false; // an initial
                }
                match self.known(i - 1) {
                    Some(k) => !(ABBREVIATIONS.contains(&k.word) || k.month.is_some_and(|m| m.1)),
                    None => true,
                }
            }
            _ => false,
        }
    }

    fn ends_clause(&self, i: usize) -> bool {
        match self.punct(i) {
            Some(',') => {
                // not a thousands separator
                !(self.joined(i)
                    && self.joined(i + 1)
                    && self.kind(i - 1) == Some(Kind::Num)
                    && self.kind(i + 1) == Some(Kind::Num))
            }
            Some(';' | ':' | '\u{2013}' | '\u{2014}') => true,
            _ => self.ends_sentence(i),
        }
    }

    /// Token `i` opens a sentence (quotes and brackets aside).
    fn sentence_start(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 {
            k -= 1;
            match self.punct(k) {
                Some(
                    '"' | '\u{201c}' | '\u{2018}' | '\'' | '(' | '[' | '\u{2014}' | '\u{2013}'
                    | '-',
                ) => {}
                Some(_) => return self.ends_sentence(k) || self.is_punct(k, ':'),
                None => return false,
            }
        }
        true
    }
}

// ---------------------------------------------------------------------------
// What a mention names

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shift {
    None,
    Last,
    This,
    Next,
    /// After "by", "until", "till", "through": a deadline, ahead unless told
    /// in the past ("reconnected by Friday", but "had left by Friday").
    Deadline,
    /// After "until"/"through" bounding what a past act set up: "issued a
    /// warning through Tuesday night". The act is past, the period it set
    /// runs on, so the day is ahead whatever the tense.
    Period,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Date(NaiveDate),
    Month(i32, u32),
    Year(i32),
    MonthDay {
        month: u32,
        day: u32,
        weekday: Option<Weekday>,
    },
    MonthName {
        month: u32,
        shift: Shift,
    },
    Weekday {
        weekday: Weekday,
        shift: Shift,
    },
    Holiday {
        rule: HolidayRule,
        shift: Shift,
    },
    /// A season (index into [`SEASON_CODES`]) of a given or relative year.
    Season {
        season: u8,
        year: Option<i32>,
        shift: Shift,
    },
    /// `n` units from the anchor: "yesterday" is (Day, -1).
    Offset {
        unit: Unit,
        n: i32,
    },
    /// A date expression whose value cannot be known ("February 30, 2023").
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Present,
    Future,
}

/// A mention as scanned, before resolution.
#[derive(Debug, Clone)]
struct Raw {
    span: Span,
    when: When,
    rule: &'static str,
    /// Tense of the clause, else of the sentence.
    tense: Option<Tense>,
    /// Tense of the clause alone.
    clause_tense: Option<Tense>,
    /// The date of a social post's attribution line: "(@handle) Month D, YYYY".
    attribution: bool,
    /// The article's own date line: "Published Dec. 26, 2023".
    dateline: bool,
    /// A holiday naming a stretch around it: "its Christmas recess".
    stretch: bool,
    /// The year stated earlier in the same sentence: "In 2019, the shutdown
    /// ended on Jan. 25."
    year_hint: Option<i32>,
}

struct Found {
    last: usize,
    when: When,
    rule: &'static str,
}

impl Found {
    fn new(last: usize, when: When, rule: &'static str) -> Option<Found> {
        Some(Found { last, when, rule })
    }
}

// ---------------------------------------------------------------------------
// Rules

fn month_at(t: &Toks, i: usize) -> Option<(u32, bool)> {
    let tok = t.t.get(i)?;
    if tok.kind != Kind::Word || !tok.cap || tok.class & W_MONTH == 0 {
        return None;
    }
    t.known(i)?.month
}

fn weekday_at(t: &Toks, i: usize) -> Option<Weekday> {
    let tok = t.t.get(i)?;
    if tok.kind != Kind::Word || !tok.cap || tok.class & W_WEEKDAY == 0 {
        return None;
    }
    t.known(i)?.weekday
}

/// True when the number token at `i` continues past its end: "25,000",
/// "3.5", "10:30", "38%", "2023-24".
fn number_continues(t: &Toks, i: usize) -> bool {
    let n = i + 1;
    if !t.joined(n) {
        return false;
    }
    match t.punct(n) {
        Some('%') => true,
        Some(',' | '.' | ':' | '/') => t.joined(n + 1) && t.kind(n + 1) == Some(Kind::Num),
        Some('-' | '\u{2013}') => t.joined(n + 1) && t.kind(n + 1) == Some(Kind::Num),
        _ => false,
    }
}

/// True when the number token at `i` is glued to what comes before it:
/// "$2023", "1.2023", "#2023", "A-2023".
fn number_glued_before(t: &Toks, i: usize) -> bool {
    if !t.joined(i) {
        return false;
    }
    match t.punct(i - 1) {
        Some('$' | '€' | '£' | '#' | '/' | '@' | '+' | '×') => true,
        Some(',' | '.' | ':' | '-' | '\u{2013}') => {
            i >= 2 && t.joined(i - 1) && matches!(t.kind(i - 2), Some(Kind::Num | Kind::Word))
        }
        None => true,
        _ => false,
    }
}

/// A day of the month at `i`: "22" or "22nd".
fn day_at(t: &Toks, i: usize) -> Option<u32> {
    let tok = t.t.get(i)?;
    let ok = match tok.kind {
        Kind::Ord => true,
        Kind::Num => tok.digits <= 2 && !number_continues(t, i),
        _ => false,
    };
    (ok && (1..=31).contains(&tok.value)).then_some(tok.value)
}

/// A year given in full after a month or day: "2023".
fn full_year_at(t: &Toks, i: usize) -> Option<i32> {
    let tok = t.t.get(i)?;
    if tok.kind != Kind::Num || tok.digits != 4 || number_continues(t, i) {
        return None;
    }
    (1000..=2999)
        .contains(&tok.value)
        .then_some(tok.value as i32)
}

fn date_or_unknown(y: i32, m: u32, d: u32) -> When {
    NaiveDate::from_ymd_opt(y, m, d).map_or(When::Unknown, When::Date)
}

/// A month name and what follows it: "December 22, 2023", "Dec. 22",
/// "December, 27th", "January 2025", "November".
fn month_led(t: &Toks, i: usize, weekday: Option<Weekday>) -> Option<Found> {
    let (month, abbrev) = month_at(t, i)?;
    let mut j = i + 1;
    if abbrev && t.is_punct(j, '.') && t.joined(j) {
        j += 1;
    }
    let comma = t.is_punct(j, ',');
    let k = if comma { j + 1 } else { j };
    if let Some(day) = day_at(t, k) {
        let ordinal = t.kind(k) == Some(Kind::Ord);
        let y_at = if t.is_punct(k + 1, ',') { k + 2 } else { k + 1 };
        if let Some(year) = full_year_at(t, y_at) {
            let rule = if weekday.is_some() {
                "weekday-month-day-year"
            } else {
                "month-day-year"
            };
            return Found::new(y_at, date_or_unknown(year, month, day), rule);
        }
        if !comma || ordinal {
            let rule = if weekday.is_some() {
                "weekday-month-day"
            } else {
                "month-day"
            };
            let when = if (1..=12).contains(&month) {
                When::MonthDay {
                    month,
                    day,
                    weekday,
                }
            } else {
                When::Unknown
            };
            return Found::new(k, when, rule);
        }
    }
    if let Some(year) = full_year_at(t, k) {
        if !number_glued_before(t, k) || t.joined(k) && t.is_punct(k - 1, ',') {
            return Found::new(k, When::Month(year, month), "month-year");
        }
    }
    if abbrev || weekday.is_some() {
        return None;
    }
    bare_month_ok(t, i, month).then_some(Found {
        last: i,
        when: When::MonthName {
            month,
            shift: Shift::None,
        },
        rule: "month",
    })
}

/// Words before a month name or year that mark it as a date.
const DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "before",
    "after",
    "during",
    "through",
    "throughout",
    "of",
    "by",
    "from",
    "to",
    "between",
    "early",
    "mid",
    "late",
    "and",
    "or",
    "last",
    "this",
    "next",
    "for",
    "on",
    "around",
];

/// A month name standing alone: "May" and "March" only after a date
/// preposition ("in May", "through March"), never as a modal or verb; no
/// month right after a capitalised name ("Theresa May").
fn bare_month_ok(t: &Toks, i: usize, month: u32) -> bool {
    let prev = i.checked_sub(1);
    let prev_word = prev.and_then(|p| t.word(p));
    let after_prep = prev_word.is_some_and(|w| DATE_PREPOSITIONS.contains(&w))
        || prev.is_some_and(|p| {
            t.is_punct(p, '-')
                && t.joined(i)
                && p > 0
                && t.word(p - 1)
                    .is_some_and(|w| matches!(w, "mid" | "early" | "late"))
        });
    if matches!(month, 3 | 5) && t.str(i).len() <= 5 {
        // "May" and "March" (not "Mar"): after a date preposition, or as the
        // subject of "was", "saw"... which a modal or a verb never is
        let verb_next = t.year_flags(i + 1) & Y_VERB != 0;
        return after_prep || verb_next && !t.is_cap_word(i.wrapping_sub(1));
    }
    if let Some(p) = prev {
        if t.is_cap_word(p)
            && !t.sentence_start(p)
            && !after_prep
            && t.known(p)
                .is_none_or(|k| k.weekday.is_none() && k.month.is_none())
        {
            return false;
        }
    }
    // "June may", "August is" as a name is rare; a following modal is not
    !matches!(t.word(i + 1), Some("not" | "be" | "have"))
}

/// A weekday, alone or heading a date: "Wednesday", "Wednesday December, 27th",
/// "Wednesday, Dec. 27, 2023", "Wednesday 27 December".
fn weekday_led(t: &Toks, i: usize) -> Option<Found> {
    let weekday = weekday_at(t, i)?;
    let j = if t.is_punct(i + 1, ',') { i + 2 } else { i + 1 };
    if let Some(f) = month_led(t, j, Some(weekday)).or_else(|| day_led(t, j, Some(weekday))) {
        return Some(f);
    }
    let (shift, rule) = match i.checked_sub(1).and_then(|p| t.word(p)) {
        Some("until" | "till" | "through") if sets_a_period(t, i - 1) => {
            (Shift::Period, "weekday-period")
        }
        Some("by" | "until" | "till" | "through") => (Shift::Deadline, "weekday-deadline"),
        _ => (Shift::None, "weekday"),
    };
    Found::new(i, When::Weekday { weekday, shift }, rule)
}

/// Words that open the object of a verb: "issued a warning", "extended its
/// order".
const DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her"];

/// The "until"/"through" at `prep` bounds the object of a past verb, which
/// comes with no other tense cue between: "issued a red flag warning
/// through", "imposed the curfew until". When the period itself is over the
/// verb says so instead ("the road was closed until"). A range ("closed its
/// doors from Monday through Wednesday") ends in the tense it began in.
fn sets_a_period(t: &Toks, prep: usize) -> bool {
    const REACH: usize = 12;
    let mut k = prep;
    while k > 0 && prep - k < REACH {
        k -= 1;
        if t.ends_clause(k) || weekday_at(t, k).is_some() || month_at(t, k).is_some() {
            return false;
        }
        if let Some(c) = cue_at(t, k) {
            return c == Tense::Past
                && k + 1 < prep
                && t.word(k + 1).is_some_and(|w| DETERMINERS.contains(&w));
        }
    }
    false
}

/// A day before its month: "22 December 2023", "the 22nd of December".
fn day_led(t: &Toks, i: usize, weekday: Option<Weekday>) -> Option<Found> {
    let day = day_at(t, i)?;
    if number_glued_before(t, i) {
        return None;
    }
    let m_at = if t.is(i + 1, "of") { i + 2 } else { i + 1 };
    let (month, abbrev) = month_at(t, m_at)?;
    let mut j = m_at + 1;
    if abbrev && t.is_punct(j, '.') && t.joined(j) {
        j += 1;
    }
    let y_at = if t.is_punct(j, ',') { j + 1 } else { j };
    if let Some(year) = full_year_at(t, y_at) {
        return Found::new(y_at, date_or_unknown(year, month, day), "day-month-year");
    }
    Found::new(
        j - 1,
        When::MonthDay {
            month,
            day,
            weekday,
        },
        "day-month",
    )
}

/// "2023-12-22" and "12/22/2023" (or "22/12/2023" when the first number
/// cannot be a month).
fn numeric_date(t: &Toks, i: usize) -> Option<Found> {
    let a = t.t.get(i)?;
    if a.kind != Kind::Num || number_glued_before(t, i) {
        return None;
    }
    let sep = t.punct(i + 1)?;
    if !matches!(sep, '-' | '/') || t.punct(i + 3).is_none_or(|c| c != sep) {
        return None;
    }
    for k in i + 1..=i + 4 {
        if !t.joined(k) {
            return None;
        }
    }
    let (b, c) = (t.t.get(i + 2)?, t.t.get(i + 4)?);
    if b.kind != Kind::Num || c.kind != Kind::Num {
        return None;
    }
    // no fourth part: "2023-12-22-01", "1/2/2023/4"
    if t.joined(i + 5)
        && matches!(t.punct(i + 5), Some('-' | '/'))
        && t.kind(i + 6) == Some(Kind::Num)
    {
        return None;
    }
    let when = if sep == '-' && a.digits == 4 && b.digits <= 2 && c.digits <= 2 {
        NaiveDate::from_ymd_opt(a.value as i32, b.value, c.value).map(When::Date)?
    } else if sep == '/' && a.digits <= 2 && b.digits <= 2 && c.digits == 4 {
        let y = c.value as i32;
        NaiveDate::from_ymd_opt(y, a.value, b.value)
            .or_else(|| NaiveDate::from_ymd_opt(y, b.value, a.value))
            .map(When::Date)?
    } else {
        return None;
    };
    Found::new(i + 4, when, "numeric-date")
}

fn number_word(w: &str) -> Option<i32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    })
}

fn unit_word(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        _ => return None,
    })
}

/// "three days ago", "a year ago", "2 weeks ago".
fn ago(t: &Toks, i: usize) -> Option<Found> {
    let n = match t.kind(i)? {
        Kind::Num if t.t[i].digits <= 3 && !number_continues(t, i) => t.t[i].value as i32,
        Kind::Word => number_word(t.word(i)?)?,
        _ => return None,
    };
    let (unit, plural) = unit_word(t.word(i + 1)?)?;
    if !t.is(i + 2, "ago") || plural != (n != 1) {
        return None;
    }
    Found::new(i + 2, When::Offset { unit, n: -n }, "ago")
}

/// "today", "last week", "next January", "earlier this year",
/// "later in the month", "last Wednesday".
fn relative(t: &Toks, i: usize) -> Option<Found> {
    let w = t.word(i)?;
    let n = match w {
        "today" | "tonight" => 0,
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => return shifted(t, i, w),
    };
    // "USA Today", "the Today show": a capitalised word mid-sentence is a name
    if t.t[i].cap && !t.sentence_start(i) {
        return None;
    }
    Found::new(i, When::Offset { unit: Unit::Day, n }, "relative-day")
}

fn shifted(t: &Toks, i: usize, w: &str) -> Option<Found> {
    let shift = match w {
        "last" => Shift::Last,
        "this" => Shift::This,
        "next" => Shift::Next,
        "earlier" | "later" => {
            // "earlier this year", "later in the month", "earlier last year"
            let (j, shift) = match t.word(i + 1)? {
                "this" => (i + 2, Shift::This),
                "last" => (i + 2, Shift::Last),
                "next" => (i + 2, Shift::Next),
                "in" if t.is(i + 2, "the") => (i + 3, Shift::This),
                _ => return None,
            };
            let (unit, plural) = unit_word(t.word(j)?)?;
            if plural || unit == Unit::Day {
                return None;
            }
            return Found::new(
                j,
                When::Offset {
                    unit,
                    n: shift_n(shift),
                },
                "relative-part",
            );
        }
        _ => return None,
    };
    // "the last year", "the next month": a stretch of time, not a point
    if i > 0 && t.is(i - 1, "the") {
        return None;
    }
    let j = i + 1;
    if let Some((unit, false)) = t.word(j).and_then(unit_word) {
        if unit == Unit::Day {
            return None;
        }
        let rule = match unit {
            Unit::Week => "relative-week",
            Unit::Month => "relative-month",
            _ => "relative-year",
        };
        return Found::new(
            j,
            When::Offset {
                unit,
                n: shift_n(shift),
            },
            rule,
        );
    }
    if let Some(season) = t.known(j).and_then(|k| k.season) {
        let when = When::Season {
            season,
            year: None,
            shift,
        };
        return Found::new(j, when, "season-relative");
    }
    if let Some((month, false)) = month_at(t, j) {
        return Found::new(j, When::MonthName { month, shift }, "month-relative");
    }
    if let Some(weekday) = weekday_at(t, j) {
        return Found::new(j, When::Weekday { weekday, shift }, "weekday-relative");
    }
    if let Some((last, rule)) = holiday_at(t, j) {
        return Found::new(last, When::Holiday { rule, shift }, "holiday-relative");
    }
    None
}

fn shift_n(s: Shift) -> i32 {
    match s {
        Shift::Last => -1,
        Shift::Next => 1,
        Shift::This | Shift::None | Shift::Deadline | Shift::Period => 0,
    }
}

/// A holiday name at `i`: the index of its last token and its rule.
fn holiday_at(t: &Toks, i: usize) -> Option<(usize, HolidayRule)> {
    if !t.is_cap_word(i) || t.class(i) & W_HOLIDAY == 0 {
        return None;
    }
    let list = t.known(i)?.holidays;
    'next: for h in list {
        for (k, &w) in h.words.iter().enumerate() {
            let at = i + k;
            let ok = if w == "'" {
                t.is_apostrophe(at)
            } else if w.chars().all(char::is_alphanumeric) {
                t.word(at) == Some(w)
            } else {
                t.str(at) == w
            };
            if !ok {
                continue 'next;
            }
        }
        return Some((i + h.words.len() - 1, h.rule));
    }
    None
}

fn holiday(t: &Toks, i: usize) -> Option<Found> {
    let (last, rule) = holiday_at(t, i)?;
    if let Some(year) = full_year_at(t, last + 1) {
        let when = rule.date(year).map_or(When::Unknown, When::Date);
        return Found::new(last + 1, when, "holiday-year");
    }
    Found::new(
        last,
        When::Holiday {
            rule,
            shift: Shift::None,
        },
        "holiday",
    )
}

/// A season with its year ("summer 2023", "the winter of 2022"), or alone
/// where it names a time (see [`season_is_time`]): "a dry spring".
fn season(t: &Toks, i: usize) -> Option<Found> {
    if t.class(i) & W_SEASON == 0 {
        return None;
    }
    let season = t.known(i)?.season?;
    let y_at = if t.is(i + 1, "of") { i + 2 } else { i + 1 };
    if let Some(year) = full_year_at(t, y_at) {
        let when = When::Season {
            season,
            year: Some(year),
            shift: Shift::None,
        };
        return Found::new(y_at, when, "season-year");
    }
    let when = When::Season {
        season,
        year: None,
        shift: Shift::None,
    };
    season_is_time(t, i).then_some(Found {
        last: i,
        when,
        rule: "season",
    })
}

/// A lower-case season word at `i` names a time when a time word ("in",
/// "by", "since", "early") or an article, maybe with an adjective, leads to
/// it ("until spring", "by the summer", "a dry spring", "this past winter")
/// and nothing hangs on it: a noun makes it part of a name for something
/// else ("spring water", "summer camp"), "of" makes it an event ("the fall
/// of Rome"), and "in" after an article a movement ("a sharp fall in
/// prices"). "to" leads to verbs ("to fall"), so it does not count.
fn season_is_time(t: &Toks, i: usize) -> bool {
    if i == 0 || !t.is_lower_word(i) {
        return false;
    }
    let is_article = |k: usize| matches!(t.word(k), Some("a" | "an" | "the" | "this"));
    let after_article = t.is(i - 1, "the") || (i >= 2 && is_article(i - 2) && describes(t, i - 1));
    let after_time_word =
        !t.is(i - 1, "to") && t.year_flags(i - 1) & (Y_BEFORE | Y_BEFORE_WEAK) != 0;
    if !(after_article || after_time_word) {
        return false;
    }
    let next_free = t.year_flags(i + 1) & Y_THEN != 0;
    !t.is_lower_word(i + 1) || (next_free && !(after_article && t.is(i + 1, "in")))
}

/// The lower-case word at `k` can describe a season: no verb ("prices
/// fall") nor plural ("the leaves fall"), but "dry", "coming", "past".
fn describes(t: &Toks, k: usize) -> bool {
    let s = t.str(k);
    t.is_lower_word(k)
        && cue_at(t, k).is_none()
        && (!s.ends_with('s') || s.ends_with("ous") || s.ends_with("ss"))
}

/// A four-digit number 1900-2100 that stands for a year in its context.
fn year(t: &Toks, i: usize, prev_year_last: Option<usize>) -> Option<Found> {
    let tok = t.t.get(i)?;
    if tok.kind != Kind::Num || tok.digits != 4 || !(1900..=2100).contains(&tok.value) {
        return None;
    }
    if number_continues(t, i) {
        return None;
    }
    let found = |rule| Found::new(i, When::Year(tok.value as i32), rule);
    let prev = i.checked_sub(1);
    let prev_word = prev.and_then(|p| t.word(p));
    // "mid-2023", "early-2024"
    if let Some(p) = prev {
        if t.joined(i)
            && t.is_punct(p, '-')
            && p > 0
            && matches!(t.word(p - 1), Some("mid" | "early" | "late"))
        {
            return found("year-in-context");
        }
    }
    if number_glued_before(t, i) {
        return None;
    }
    if prev_word == Some("copyright") || prev.is_some_and(|p| t.is_punct(p, '©')) {
        return found("copyright-year");
    }
    // "(c) 2023"
    if i >= 3 && t.is_punct(i - 1, ')') && t.is(i - 2, "c") && t.is_punct(i - 3, '(') {
        return found("copyright-year");
    }
    // "2022 and 2023", "2019-2022", "from 2020 to 2023"
    if let (Some(p), Some(last)) = (prev, prev_year_last) {
        let link = matches!(prev_word, Some("and" | "or" | "to" | "through"))
            || matches!(t.punct(p), Some(',' | '-' | '\u{2013}' | '/'));
        if link && last + 2 == i {
            return found("year-list");
        }
    }
    let next_flags = t.year_flags(i + 1);
    let prev_flags = prev.map_or(0, |p| t.year_flags(p));
    let after_next = t.year_flags(i + 2);
    if next_flags & Y_AFTER != 0
        || prev_word == Some("the") && t.is_lower_word(i + 1) && after_next & Y_AFTER != 0
    {
        return found("year-event");
    }
    if prev_flags & Y_BEFORE != 0 {
        return found("year-in-context");
    }
    let free_after = !t.is_lower_word(i + 1) || next_flags & Y_THEN != 0;
    if prev_flags & Y_BEFORE_WEAK != 0 && free_after {
        return found("year-in-context");
    }
    // "the 2022 World Cup", "the 2024 Republican nomination"
    if prev_word == Some("the") && t.is_cap_word(i + 1) {
        return found("year-event");
    }
    // "2023's record"
    if t.is_apostrophe(i + 1) && t.joined(i + 1) && t.is(i + 2, "s") {
        return found("year-possessive");
    }
    // "2023 was a record year."
    if next_flags & Y_VERB != 0 && t.sentence_start(i) {
        return found("year-subject");
    }
    None
}

/// Tries every rule at token `i`, longest forms first.
fn match_at(t: &Toks, i: usize, prev_year_last: Option<usize>) -> Option<Found> {
    match t.kind(i)? {
        Kind::Word => {
            // each rule needs its class of word here; most words have none
            let class = t.class(i);
            let has = |c: u8| class & c != 0;
            None.or_else(|| has(W_WEEKDAY).then(|| weekday_led(t, i)).flatten())
                .or_else(|| has(W_MONTH).then(|| month_led(t, i, None)).flatten())
                .or_else(|| has(W_RELATIVE).then(|| relative(t, i)).flatten())
                .or_else(|| has(W_RELATIVE).then(|| ago(t, i)).flatten())
                .or_else(|| has(W_HOLIDAY).then(|| holiday(t, i)).flatten())
                .or_else(|| has(W_SEASON).then(|| season(t, i)).flatten())
        }
        Kind::Num => numeric_date(t, i)
            .or_else(|| day_led(t, i, None))
            .or_else(|| ago(t, i))
            .or_else(|| year(t, i, prev_year_last)),
        Kind::Ord => day_led(t, i, None),
        Kind::Punct(_) => None,
    }
}

// ---------------------------------------------------------------------------
// Tense

/// The tense a word signals, if any.
#[inline(always)]
fn cue_at(t: &Toks, k: usize) -> Option<Tense> {
    let tok = t.t.get(k)?;
    // what [`cue_of`] needs: a known word with a role (or a contraction),
    // or an unknown one of five bytes or more that ends in "ed"
    let worth = tok.kind == Kind::Word
        && if tok.word == NO_WORD {
            tok.end - tok.start >= 5 && t.str(k).ends_with("ed")
        } else {
            tok.class & W_CUE != 0
        };
    if worth { cue_of(t, k) } else { None }
}

#[inline(never)]
fn cue_of(t: &Toks, k: usize) -> Option<Tense> {
    let tok = t.t.get(k)?;
    if tok.kind != Kind::Word {
        return None;
    }
    let next_is_to = t.is(k + 1, "to");
    if let Some(w) = t.word(k) {
        // contractions: "we'll", "won't"
        if w == "ll" && k > 0 && t.is_apostrophe(k - 1) {
            return Some(Tense::Future);
        }
        if w == "won" && t.is_apostrophe(k + 1) && t.is(k + 2, "t") {
            return Some(Tense::Future);
        }
        return match t.role(k)? {
            Cue::Past => Some(Tense::Past),
            Cue::Present => Some(Tense::Present),
            Cue::Future => Some(Tense::Future),
            Cue::FutureTo => next_is_to.then_some(Tense::Future),
            Cue::Set => Some(if next_is_to || t.is(k + 1, "for") {
                Tense::Future
            } else {
                Tense::Past
            }),
            // "May" is a month; "may have left" looks back
            Cue::Modal if tok.cap => None,
            Cue::Modal => Some(if t.is(k + 1, "have") {
                Tense::Past
            } else {
                Tense::Future
            }),
            Cue::Aux => {
                let next = t.role(k + 1);
                let future = match next {
                    Some(Cue::Future | Cue::Set) => true,
                    Some(Cue::FutureTo) => t.is(k + 2, "to"),
                    _ => false,
                };
                Some(if future {
                    Tense::Future
                } else {
                    Tense::Present
                })
            }
            Cue::NotPast | Cue::Dateline => None,
        };
    }
    let s = t.str(k);
    let b = s.as_bytes();
    if b.len() >= 5
        && b[0].is_ascii_lowercase()
        && s.ends_with("ed")
        && !s.ends_with("eed")
        && b.iter().all(u8::is_ascii_lowercase)
    {
        let passive = k > 0 && matches!(t.word(k - 1), Some("is" | "are" | "am" | "be" | "being"));
        return Some(if passive { Tense::Present } else { Tense::Past });
    }
    None
}

/// The tense nearest the mention at tokens `first..=last`, looking no
/// further than the clause (or sentence) and a bounded number of tokens.
fn tense_near(t: &Toks, first: usize, last: usize, clause: bool) -> Option<Tense> {
    const REACH: usize = 40;
    // A quotation has its own tense: in `"… until Friday," she said` the
    // reporting verb outside the quote says nothing of Friday.
    let stop = |k: usize| match t.punct(k) {
        None => false,
        Some('"' | '\u{201c}' | '\u{201d}') => true,
        Some(_) if clause => t.ends_clause(k),
        Some(_) => t.ends_sentence(k),
    };
    let mut left = None;
    let mut k = first;
    let mut steps = 0;
    while k > 0 && steps < REACH {
        k -= 1;
        steps += 1;
        if stop(k) {
            break;
        }
        if let Some(c) = cue_at(t, k) {
            left = Some((steps, c));
            break;
        }
    }
    let mut right = None;
    let mut k = last + 1;
    steps = 0;
    while k < t.len() && steps < REACH {
        steps += 1;
        if stop(k) {
            break;
        }
        if let Some(c) = cue_at(t, k) {
            right = Some((steps, c));
            break;
        }
        k += 1;
    }
    match (left, right) {
        (Some(l), Some(r)) => Some(if r.0 < l.0 { r.1 } else { l.1 }),
        (l, r) => l.or(r).map(|x| x.1),
    }
}

/// The mention at `first` follows a post's attribution "(@handle)".
fn after_attribution(t: &Toks, first: usize) -> bool {
    if first == 0 || !t.is_punct(first - 1, ')') {
        return false;
    }
    let from = first.saturating_sub(12);
    (from..first).any(|k| t.is_punct(k, '(') && t.is_punct(k + 1, '@'))
}

/// The mention at `first` follows "Published", "Updated:" or "Posted on".
fn after_dateline_word(t: &Toks, first: usize) -> bool {
    let mut k = first;
    while k > 0 && (t.is_punct(k - 1, ':') || t.is(k - 1, "on")) {
        k -= 1;
    }
    k > 0 && t.role(k - 1) == Some(Cue::Dateline)
}

/// Nouns after a holiday that make it name a stretch of days around it
/// rather than the day: "Christmas recess", "Thanksgiving weekend".
const HOLIDAY_STRETCH: &[&str] = &[
    "recess",
    "break",
    "season",
    "holidays",
    "holiday",
    "period",
    "vacation",
    "shopping",
    "rush",
    "travel",
    "week",
    "weekend",
    "truce",
    "ceasefire",
];

// ---------------------------------------------------------------------------
// Scanning

/// Longest line handled as one piece; longer lines are cut at white space so
/// that memory stays bounded on any input.
const MAX_PIECE: usize = 1 << 16;

fn scan(doc: &Document) -> Vec<Raw> {
    let text = doc.text.as_str();
    let body = doc.body;
    let (mut from, end) = (body.start.min(text.len()), body.end.min(text.len()));
    if !text.is_char_boundary(from) || !text.is_char_boundary(end) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut line = Line::default();
    while from < end {
        // Look for the line break within one piece only: a long line must
        // not be searched again for every piece cut from it.
        let reach = (from + MAX_PIECE + 1).min(end);
        let mut to = tokenize(text, from, reach, &mut line);
        if to - from > MAX_PIECE {
            let mut cut = from + MAX_PIECE;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            to = text[from..cut]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(cut, |(n, c)| from + n + c.len_utf8());
            if to <= from {
                to = cut.max(from + 1);
                while to < end && !text.is_char_boundary(to) {
                    to += 1;
                }
            }
            tokenize(text, from, to, &mut line);
        }
        let toks = Toks {
            text,
            base: from,
            t: &line.toks[..line.len],
            words: &VOCAB.words,
        };
        scan_piece(&toks, &line.stops, &mut out);
        // past the line break, or on from a cut made inside a long line
        from = if text[to..].starts_with('\n') {
            to + 1
        } else {
            to
        };
    }
    out
}

/// Tries the rules at each token from the first on, and goes on past what
/// they find; `stops` are the tokens where that can come to anything (see
/// [`Line`]).
fn scan_piece(t: &Toks, stops: &[usize], out: &mut Vec<Raw>) {
    let mut next = 0;
    let mut prev_year_last = None;
    let mut sentence_year = None;
    for &i in stops {
        if i < next {
            continue; // inside a mention
        }
        let Some(f) = match_at(t, i, prev_year_last) else {
            // (only a year to forget makes the test worth doing)
            if sentence_year.is_some() && t.ends_sentence(i) {
                sentence_year = None;
            }
            continue;
        };
        let last = f.last.max(i).min(t.len() - 1);
        if matches!(f.when, When::Year(_)) {
            prev_year_last = Some(last);
        }
        let year_hint = sentence_year;
        match (f.when, f.rule) {
            (_, "copyright-year") => {}
            (When::Year(y) | When::Month(y, _), _) => sentence_year = Some(y),
            (When::Date(d), _) => sentence_year = Some(d.year()),
            _ => {}
        }
        let clause_tense = tense_near(t, i, last, true);
        out.push(Raw {
            span: Span::new(
                t.span(i).map_or(0, |s| s.0),
                t.span(last).map_or(0, |s| s.1),
            ),
            when: f.when,
            rule: f.rule,
            tense: clause_tense.or_else(|| tense_near(t, i, last, false)),
            clause_tense,
            attribution: after_attribution(t, i),
            dateline: after_dateline_word(t, i),
            stretch: matches!(f.when, When::Holiday { .. })
                && HOLIDAY_STRETCH
                    .iter()
                    .any(|w| t.str(last + 1).eq_ignore_ascii_case(w)),
            year_hint,
        });
        next = last + 1;
    }
}

// ---------------------------------------------------------------------------
// Resolution

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn last_weekday_of_month(year: i32, month: u32, wd: Weekday) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let mut d = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
    while d.weekday() != wd {
        d = d.pred_opt()?;
    }
    Some(d)
}

/// Easter Sunday (Gregorian), by the anonymous algorithm.
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    /// On or before the anchor.
    Past,
    /// On or after the anchor.
    Future,
    PastStrict,
    FutureStrict,
    Nearest,
}

fn dir_of(tense: Option<Tense>, shift: Shift) -> Dir {
    match shift {
        Shift::Last => Dir::PastStrict,
        Shift::Next => Dir::FutureStrict,
        Shift::Period => Dir::Future,
        Shift::Deadline if tense != Some(Tense::Past) => Dir::Future,
        _ => match tense {
            Some(Tense::Past) => Dir::Past,
            Some(Tense::Future) => Dir::Future,
            _ => Dir::Nearest,
        },
    }
}

/// The candidate (ordered by `key`) that `dir` picks relative to `anchor`.
fn pick<T: Copy>(cands: &[T], anchor: i64, key: impl Fn(T) -> i64, dir: Dir) -> Option<T> {
    let with = cands.iter().map(|&c| (key(c), c));
    match dir {
        Dir::Past => with.filter(|(k, _)| *k <= anchor).max_by_key(|(k, _)| *k),
        Dir::PastStrict => with.filter(|(k, _)| *k < anchor).max_by_key(|(k, _)| *k),
        Dir::Future => with.filter(|(k, _)| *k >= anchor).min_by_key(|(k, _)| *k),
        Dir::FutureStrict => with.filter(|(k, _)| *k > anchor).min_by_key(|(k, _)| *k),
        // ties go to the past, as news mostly reports what happened
        Dir::Nearest => with.min_by_key(|(k, _)| ((k - anchor).abs(), *k)),
    }
    .map(|(_, c)| c)
}

fn day_key(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn month_key((y, m): (i32, u32)) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

fn from_month_key(k: i64) -> (i32, u32) {
    let y = k.div_euclid(12);
    let m = k.rem_euclid(12) + 1;
    (
        i32::try_from(y).unwrap_or(i32::MAX),
        u32::try_from(m).unwrap_or(1),
    )
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn season_value(year: i32, season: u8) -> String {
    let code = SEASON_CODES.get(usize::from(season)).unwrap_or(&"SU");
    format!("{year:04}-{code}")
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn ym(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// The day a month-day (with or without weekday) names near `anchor`.
fn month_day_date(
    month: u32,
    day: u32,
    weekday: Option<Weekday>,
    anchor: NaiveDate,
    dir: Dir,
) -> Option<NaiveDate> {
    let cands: Vec<NaiveDate> = (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .collect();
    if let Some(wd) = weekday {
        let fits: Vec<NaiveDate> = cands
            .iter()
            .copied()
            .filter(|d| d.weekday() == wd)
            .collect();
        if !fits.is_empty() {
            return pick(&fits, day_key(anchor), day_key, dir)
                .or_else(|| pick(&fits, day_key(anchor), day_key, Dir::Nearest));
        }
    }
    pick_day(&cands, anchor, dir)
}

/// The day `dir` picks, unless it lies most of a year away while another
/// candidate is within weeks: "voted to keep the government open through
/// Nov. 17" (said in October) is the coming Nov. 17 whatever the tense.
fn pick_day(cands: &[NaiveDate], anchor: NaiveDate, dir: Dir) -> Option<NaiveDate> {
    let now = day_key(anchor);
    let got = pick(cands, now, day_key, dir);
    if matches!(dir, Dir::Past | Dir::Future) {
        let near = pick(cands, now, day_key, Dir::Nearest);
        if let (Some(g), Some(n)) = (got, near) {
            if (day_key(g) - now).abs() > 200 && (day_key(n) - now).abs() <= 60 {
                return Some(n);
            }
        }
    }
    got
}

fn weekday_date(
    weekday: Weekday,
    shift: Shift,
    tense: Option<Tense>,
    anchor: NaiveDate,
) -> Option<NaiveDate> {
    let from = i64::from(anchor.weekday().num_days_from_monday());
    let to = i64::from(weekday.num_days_from_monday());
    let ahead = (to - from).rem_euclid(7); // 0..=6 days forward
    let n = match shift {
        // the weekday of the next week
        Shift::Next => 7 - from + to,
        Shift::This => ahead,
        Shift::Last => {
            if ahead == 0 {
                -7
            } else {
                ahead - 7
            }
        }
        Shift::Period => ahead,
        Shift::Deadline if tense != Some(Tense::Past) => ahead,
        Shift::None | Shift::Deadline => match tense {
            Some(Tense::Future) => ahead,
            // reported speech mostly looks back; the same weekday is the day itself
            _ => {
                if ahead == 0 {
                    0
                } else {
                    ahead - 7
                }
            }
        },
    };
    add_days(anchor, n)
}

/// The value of a partial date from a year stated earlier in its sentence,
/// unless the tense says the sentence has moved on from that year.
fn resolve_in_year(
    when: When,
    year: i32,
    tense: Option<Tense>,
    anchor: Option<NaiveDate>,
) -> Option<String> {
    if let Some(a) = anchor {
        let against = match tense {
            Some(Tense::Future) => year < a.year(),
            Some(Tense::Past) => year > a.year(),
            _ => false,
        };
        if against {
            return None;
        }
    }
    match when {
        When::MonthDay {
            month,
            day,
            weekday,
        } => {
            let d = NaiveDate::from_ymd_opt(year, month, day)?;
            weekday.is_none_or(|w| d.weekday() == w).then(|| ymd(d))
        }
        When::MonthName {
            month,
            shift: Shift::None,
        } => Some(ym(year, month)),
        When::Holiday {
            rule,
            shift: Shift::None,
        } => rule.date(year).map(ymd),
        _ => None,
    }
}

fn resolve(
    when: When,
    tense: Option<Tense>,
    anchor: Option<NaiveDate>,
    year_hint: Option<i32>,
) -> Option<String> {
    if let Some(v) = year_hint.and_then(|y| resolve_in_year(when, y, tense, anchor)) {
        return Some(v);
    }
    match when {
        When::Date(d) => return Some(ymd(d)),
        When::Month(y, m) => return Some(ym(y, m)),
        When::Year(y) => return Some(format!("{y:04}")),
        When::Unknown => return None,
        When::Season {
            season,
            year: Some(y),
            ..
        } => return Some(season_value(y, season)),
        _ => {}
    }
    let a = anchor?;
    match when {
        When::MonthDay {
            month,
            day,
            weekday,
        } => month_day_date(month, day, weekday, a, dir_of(tense, Shift::None)).map(ymd),
        When::MonthName { month, shift } => {
            let cands: Vec<(i32, u32)> =
                (a.year() - 1..=a.year() + 1).map(|y| (y, month)).collect();
            let now = month_key((a.year(), a.month()));
            let got = if shift == Shift::This {
                Some((a.year(), month))
            } else {
                pick(&cands, now, month_key, dir_of(tense, shift))
            };
            got.map(|(y, m)| ym(y, m))
        }
        When::Weekday { weekday, shift } => weekday_date(weekday, shift, tense, a).map(ymd),
        When::Holiday { rule, shift } => {
            let cands: Vec<NaiveDate> = (a.year() - 1..=a.year() + 1)
                .filter_map(|y| rule.date(y))
                .collect();
            let dir = if shift == Shift::This {
                Dir::Nearest
            } else {
                dir_of(tense, shift)
            };
            pick_day(&cands, a, dir).map(ymd)
        }
        When::Offset { unit, n } => match unit {
            Unit::Day => add_days(a, i64::from(n)).map(ymd),
            Unit::Week => add_days(a, 7 * i64::from(n)).map(iso_week),
            Unit::Month => {
                let (y, m) = from_month_key(month_key((a.year(), a.month())) + i64::from(n));
                Some(ym(y, m))
            }
            Unit::Year => Some(format!("{:04}", a.year() + n)),
        },
        When::Season { season, shift, .. } => {
            // seasons counted from spring 0 of year 0; January and February
            // belong to the winter of the year before
            let (y, m) = (i64::from(a.year()), i64::from(a.month()));
            let now = if m <= 2 {
                (y - 1) * 4 + 3
            } else {
                y * 4 + (m - 3) / 3
            };
            let cands: Vec<i64> = (y - 1..=y + 1).map(|y| y * 4 + i64::from(season)).collect();
            // "this winter" is the one at hand whatever the tense; a bare
            // season goes by the tense ("a dry spring" of this year, "by
            // the summer" ahead)
            let dir = if shift == Shift::This {
                Dir::Nearest
            } else {
                dir_of(tense, shift)
            };
            let k = pick(&cands, now, |k| k, dir)?;
            let year = i32::try_from(k.div_euclid(4)).ok()?;
            Some(season_value(year, season))
        }
        When::Date(_) | When::Month(..) | When::Year(_) | When::Unknown => None,
    }
}

// ---------------------------------------------------------------------------
// Public entry points

pub fn extract(doc: &Document) -> Vec<DateMention> {
    extract_with_posts(doc, &posts::extract(doc))
}

/// As [`extract`], given the article's posts (sorted by span, as
/// [`posts::extract`] gives them).
pub fn extract_with_posts(doc: &Document, posts: &[Post]) -> Vec<DateMention> {
    let anchor = doc.meta.anchor();
    // A quoted post speaks from its own day: its "Monday" is told from the
    // date of its attribution line, not from the article's.
    let mut next_post = 0;
    scan(doc)
        .into_iter()
        .map(|r| {
            // mentions and posts are both sorted by span
            while posts
                .get(next_post)
                .is_some_and(|p| p.text.end <= r.span.start)
            {
                next_post += 1;
            }
            let post_day = posts
                .get(next_post)
                .filter(|p| p.text.start <= r.span.start && r.span.end <= p.text.end)
                .and_then(|p| p.date);
            DateMention {
                span: r.span,
                value: resolve(r.when, r.tense, post_day.or(anchor), r.year_hint),
                rule: r.rule,
            }
        })
        .collect()
}

/// A publication date from the text, for articles that do not state one.
///
/// The evidence, latest wins: the date of a quoted post; the day after a
/// dated event told in the past tense ("met on Wednesday December, 27th",
/// "began its march on Christmas Eve", the year coming from the weekday or
/// from the years the article speaks of in the past tense, else a
/// "Copyright" line); failing those, a full date in a sentence without tense.
pub fn infer_published(doc: &Document) -> Option<Inferred> {
    let raws = scan(doc);
    let quote = |r: &Raw| {
        doc.text
            .get(r.span.start..r.span.end)
            .unwrap_or("")
            .to_string()
    };
    // "Published Dec. 26, 2023" states the date outright
    for r in raws.iter().filter(|r| r.dateline) {
        if let When::Date(date) = r.when {
            let evidence = format!("date line: '{}'", quote(r));
            return Some(Inferred { date, evidence });
        }
    }

    // The year the article is written in, as far as its past tense tells.
    let past_year = raws
        .iter()
        .filter(|r| r.clause_tense == Some(Tense::Past) || r.attribution)
        .filter_map(|r| match (r.when, r.rule) {
            (When::Year(y), "year-in-context" | "year-list") | (When::Month(y, _), _) => Some(y),
            (When::Date(d), _) => Some(d.year()),
            _ => None,
        })
        .max();
    let copyright = raws.iter().rev().find_map(|r| match (r.when, r.rule) {
        (When::Year(y), "copyright-year") => Some(y),
        _ => None,
    });
    let any_year = raws
        .iter()
        .filter_map(|r| match r.when {
            When::Year(y) | When::Month(y, _) => Some(y),
            When::Date(d) => Some(d.year()),
            _ => None,
        })
        .max();
    let ref_year = past_year.or(copyright);

    let mut best: Option<(NaiveDate, String)> = None;
    let consider =
        |best: &mut Option<(NaiveDate, String)>, date: Option<NaiveDate>, why: String| {
            if let Some(d) = date {
                if best.as_ref().is_none_or(|(b, _)| d > *b) {
                    *best = Some((d, why));
                }
            }
        };
    for r in &raws {
        let past = r.tense == Some(Tense::Past) && !r.stretch;
        match r.when {
            When::Date(d) if r.attribution => {
                consider(
                    &mut best,
                    Some(d),
                    format!("latest date of a quoted post: '{}'", quote(r)),
                );
            }
            When::Date(d) if past => consider(
                &mut best,
                add_days(d, 1),
                format!(
                    "the day after the latest date in a past-tense context: '{}'",
                    quote(r)
                ),
            ),
            When::MonthDay {
                month,
                day,
                weekday: Some(wd),
            } if past => {
                let Some(base) = ref_year.or(any_year) else {
                    continue;
                };
                let year = (0..=6).flat_map(|k| [base - k, base + k]).find(|&y| {
                    NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d.weekday() == wd)
                });
                let date = year.and_then(|y| NaiveDate::from_ymd_opt(y, month, day));
                consider(
                    &mut best,
                    date.and_then(|d| add_days(d, 1)),
                    format!(
                        "the day after '{}', reported in the past tense (the year in which that day is a {wd})",
                        quote(r)
                    ),
                );
            }
            When::MonthDay {
                month,
                day,
                weekday: None,
            } if past => {
                let Some(y) = r.year_hint.or(ref_year) else {
                    continue;
                };
                consider(
                    &mut best,
                    NaiveDate::from_ymd_opt(y, month, day).and_then(|d| add_days(d, 1)),
                    format!(
                        "the day after '{}' of {y}, reported in the past tense",
                        quote(r)
                    ),
                );
            }
            When::Holiday {
                rule,
                shift: Shift::None,
            } if past => {
                let Some(y) = r.year_hint.or(ref_year) else {
                    continue;
                };
                consider(
                    &mut best,
                    rule.date(y).and_then(|d| add_days(d, 1)),
                    format!(
                        "the day after '{}' of {y}, reported in the past tense",
                        quote(r)
                    ),
                );
            }
            _ => {}
        }
    }
    if best.is_none() {
        for r in raws.iter().filter(|r| r.tense.is_none()) {
            if let When::Date(d) = r.when {
                consider(
                    &mut best,
                    Some(d),
                    format!("latest full date in the text: '{}'", quote(r)),
                );
            }
        }
    }
    best.map(|(date, evidence)| Inferred { date, evidence })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
    }

    fn run(text: &str, anchor: &str) -> Vec<(String, Option<String>)> {
        let mut doc = Document::new("t.txt", text.to_string());
        doc.meta.published = (!anchor.is_empty()).then(|| date(anchor));
        extract(&doc)
            .into_iter()
            .map(|m| (doc.slice(m.span).to_string(), m.value))
            .collect()
    }

    /// (sentence, anchor or "", expected [(text, value or "")]).
    /// (text, value or "") of one expected mention.
    type Want = (&'static str, &'static str);

    const CORPUS: &[(&str, &str, &[Want])] = &[
        // tense chooses the direction of a bare weekday
        (
            "Secretary Blinken will travel to Mexico City on Wednesday to discuss migration.",
            "2023-12-26",
            &[("Wednesday", "2023-12-27")],
        ),
        (
            "The two leaders met in Mexico City on Wednesday.",
            "2023-12-29",
            &[("Wednesday", "2023-12-27")],
        ),
        (
            "On Wednesday, the two ministers are set to visit the border.",
            "2023-12-25",
            &[("Wednesday", "2023-12-27")],
        ),
        (
            "A Friday press conference was held in the capital.",
            "2024-01-08",
            &[("Friday", "2024-01-05")],
        ),
        (
            "The vote is on Tuesday.",
            "2024-03-05",
            &[("Tuesday", "2024-03-05")],
        ),
        (
            "The Senate will vote next Tuesday.",
            "2024-03-06",
            &[("next Tuesday", "2024-03-12")],
        ),
        // absolute forms
        (
            "The agency reported the figures on December 22, 2023.",
            "",
            &[("December 22, 2023", "2023-12-22")],
        ),
        (
            "The bill passed the Senate on Dec. 22 after a long debate.",
            "2024-01-03",
            &[("Dec. 22", "2023-12-22")],
        ),
        (
            "The treaty was signed on 22 December 2023 in Geneva.",
            "",
            &[("22 December 2023", "2023-12-22")],
        ),
        (
            "The report, dated 2023-12-22, was released late.",
            "",
            &[("2023-12-22", "2023-12-22")],
        ),
        (
            "Officials said the deadline of 12/22/2023 had passed.",
            "",
            &[("12/22/2023", "2023-12-22")],
        ),
        (
            "Talks resumed on Wednesday December, 27th in the capital.",
            "2023-12-28",
            &[("Wednesday December, 27th", "2023-12-27")],
        ),
        (
            "Congress returns on January 8 and will take up the bill.",
            "2023-12-26",
            &[("January 8", "2024-01-08")],
        ),
        (
            "He said he would leave office in January 2025.",
            "2023-12-26",
            &[("January 2025", "2025-01")],
        ),
        // months without a year
        (
            "Crossings rose sharply in November.",
            "2023-12-26",
            &[("November", "2023-11")],
        ),
        (
            "The record set in September still stands.",
            "2023-12-26",
            &[("September", "2023-09")],
        ),
        (
            "The policy was introduced in May and ended in March.",
            "2024-01-08",
            &[("May", "2023-05"), ("March", "2023-03")],
        ),
        (
            "Officials expect a decision next January.",
            "2023-06-10",
            &[("next January", "2024-01")],
        ),
        // years in context
        (
            "Polls ahead of the 2024 election show a tight race.",
            "",
            &[("2024", "2024")],
        ),
        (
            "There were two million encounters in fiscal years 2022 and 2023.",
            "",
            &[("2022", "2022"), ("2023", "2023")],
        ),
        (
            "Since 2022, the number of crossings has doubled.",
            "",
            &[("2022", "2022")],
        ),
        (
            "He is favoured for the 2024 Republican nomination.",
            "",
            &[("2024", "2024")],
        ),
        (
            "Copyright 2023, All rights reserved",
            "",
            &[("2023", "2023")],
        ),
        // relative expressions
        (
            "Last week, the president spoke with his counterpart.",
            "2023-12-26",
            &[("Last week", "2023-W51")],
        ),
        (
            "Prices fell last month and are expected to rise next year.",
            "2023-12-26",
            &[("last month", "2023-11"), ("next year", "2024")],
        ),
        (
            "The mayor spoke to reporters yesterday and will return tomorrow.",
            "2024-03-05",
            &[("yesterday", "2024-03-04"), ("tomorrow", "2024-03-06")],
        ),
        (
            "Talks are expected to resume later this month.",
            "2024-01-08",
            &[("later this month", "2024-01")],
        ),
        (
            "The closures earlier in the month hurt trade.",
            "2023-12-28",
            &[("earlier in the month", "2023-12")],
        ),
        (
            "The plant closed three years ago.",
            "2024-06-01",
            &[("three years ago", "2021")],
        ),
        (
            "Last week, the president spoke with his counterpart.",
            "",
            &[("Last week", "")],
        ),
        // holidays
        (
            "The caravan began its march on Christmas Eve.",
            "2023-12-26",
            &[("Christmas Eve", "2023-12-24")],
        ),
        (
            "Families gathered for Thanksgiving dinner.",
            "2023-12-01",
            &[("Thanksgiving", "2023-11-23")],
        ),
        (
            "Churches will be full on Easter Sunday.",
            "2024-03-20",
            &[("Easter Sunday", "2024-03-31")],
        ),
        (
            "It was the third named storm of the 2024 hurricane season.",
            "",
            &[("2024", "2024")],
        ),
        (
            "The city had 200,000 residents; by 2020 it had 250,000.",
            "",
            &[("2020", "2020")],
        ),
        (
            "Forecasters said that May was the wettest month on record.",
            "2024-09-17",
            &[("May", "2024-05")],
        ),
        // seasons
        (
            "Prices spiked last summer and may ease this winter.",
            "2023-12-26",
            &[("last summer", "2023-SU"), ("this winter", "2023-WI")],
        ),
        (
            "The law passed in the summer of 2021.",
            "",
            &[("summer of 2021", "2021-SU")],
        ),
        (
            "In 2019, a 35-day shutdown ended on Jan. 25.",
            "2023-10-01",
            &[("2019", "2019"), ("Jan. 25", "2019-01-25")],
        ),
        (
            "Trump, who lost in 2020, will hold a rally on Nov. 4 in Iowa.",
            "2023-10-01",
            &[("2020", "2020"), ("Nov. 4", "2023-11-04")],
        ),
        (
            "The Senate voted late Saturday to keep the government open through Nov. 17.",
            "2023-10-01",
            &[("Saturday", "2023-09-30"), ("Nov. 17", "2023-11-17")],
        ),
        (
            "Prices will fall sharply, analysts said.",
            "2023-12-26",
            &[],
        ),
        // negatives: durations, names, numbers, modals
        ("Under Title 42, migrants were expelled.", "2023-12-26", &[]),
        (
            "The two-month-long negotiation in Congress has stalled.",
            "2023-12-26",
            &[],
        ),
        ("Officials counted 2,023 people at the crossing.", "", &[]),
        ("Officials counted 2023 migrants on the bridge.", "", &[]),
        ("She may not attend the summit.", "2023-12-26", &[]),
        ("The program ran for three years.", "2023-12-26", &[]),
        ("May officials attend the talks?", "2023-12-26", &[]),
        ("March them to the border, he said.", "2023-12-26", &[]),
        ("Theresa May met the delegation.", "2023-12-26", &[]),
        // a deadline looks ahead unless it is told in the past (2024-03-12 is a Tuesday)
        (
            "The utility expects most customers to be reconnected by Friday.",
            "2024-03-12",
            &[("Friday", "2024-03-15")],
        ),
        (
            "Crews had restored power to most homes by Friday.",
            "2024-03-12",
            &[("Friday", "2024-03-08")],
        ),
        // a modal points ahead, unless it looks back through "have"
        (
            "The storm could make landfall by Thursday, forecasters said.",
            "2024-03-12",
            &[("Thursday", "2024-03-14")],
        ),
        (
            "The outbreak may have begun on Thursday.",
            "2024-03-12",
            &[("Thursday", "2024-03-07")],
        ),
        (
            "Forecasters expect the river to crest Saturday.",
            "2024-03-12",
            &[("Saturday", "2024-03-16")],
        ),
        // a scheduled event in the present simple points ahead
        (
            "Schools reopen Monday after the flood.",
            "2024-03-12",
            &[("Monday", "2024-03-18")],
        ),
        (
            "Voting closes Friday, the union says.",
            "2024-03-12",
            &[("Friday", "2024-03-15")],
        ),
        // "through" is a deadline; a period that a past act set runs on
        (
            "The bridge was closed through Sunday.",
            "2024-03-12",
            &[("Sunday", "2024-03-10")],
        ),
        (
            "The county imposed a curfew through Sunday night.",
            "2024-03-12",
            &[("Sunday", "2024-03-17")],
        ),
        (
            "The office closed its doors from Monday through Wednesday.",
            "2024-03-14",
            &[("Monday", "2024-03-11"), ("Wednesday", "2024-03-13")],
        ),
        // a reporting verb outside the quotation says nothing of its tense
        (
            "\"If the river stays low until Saturday, we have a chance,\" the mayor said.",
            "2024-03-12",
            &[("Saturday", "2024-03-16")],
        ),
        // a quoted post's weekday is told from the post's own day
        (
            "The count begins Saturday. \u{2014} Jane Roe (@janeroe) March 1, 2024",
            "2024-03-12",
            &[("Saturday", "2024-03-02"), ("March 1, 2024", "2024-03-01")],
        ),
        // a bare season where it names a time; its year from the tense
        (
            "It was a wet spring across the valley.",
            "2024-08-12",
            &[("spring", "2024-SP")],
        ),
        (
            "The plant will close by the summer.",
            "2024-03-08",
            &[("summer", "2024-SU")],
        ),
        (
            "Shares are expected to fall in the spring.",
            "2024-01-10",
            &[("spring", "2024-SP")],
        ),
        ("The spring water tasted of iron.", "2024-03-08", &[]),
        ("A sharp fall in prices hurt farmers.", "2024-03-08", &[]),
        ("He wrote a book on the fall of Rome.", "2024-03-08", &[]),
        ("Prices could fall further, he said.", "2024-03-08", &[]),
        ("The winter storm closed roads.", "2024-03-08", &[]),
        (
            "The rally begins at 10:30 a.m. with 2000 marchers.",
            "2023-12-26",
            &[],
        ),
        ("The poll was published by USA Today.", "2023-12-26", &[]),
        (
            "Days ago, the website revealed the maps.",
            "2023-12-26",
            &[],
        ),
        ("A total of 2021 votes were cast.", "", &[]),
    ];

    #[test]
    fn corpus() {
        for &(text, anchor, want) in CORPUS {
            let got = run(text, anchor);
            let want: Vec<(String, Option<String>)> = want
                .iter()
                .map(|&(t, v)| (t.to_string(), (!v.is_empty()).then(|| v.to_string())))
                .collect();
            assert_eq!(got, want, "in {text:?} (anchor {anchor:?})");
        }
    }

    fn inferred(text: &str) -> Option<NaiveDate> {
        infer_published(&Document::new("t.txt", text.to_string())).map(|i| i.date)
    }

    #[test]
    fn infers_from_a_post_attribution() {
        let t = "Screw it. pic.twitter.com/abc — Jane Doe (@jdoe) January 8, 2024\n";
        assert_eq!(inferred(t), Some(date("2024-01-08")));
    }

    #[test]
    fn infers_the_day_after_a_past_weekday_date() {
        let t = "The ministers met on Wednesday December, 27th.\n\nCopyright 2024,";
        assert_eq!(inferred(t), Some(date("2023-12-28")));
    }

    #[test]
    fn infers_the_day_after_a_past_holiday_in_the_reported_year() {
        let t = "The caravan began its march on Christmas Eve. There were two million \
                 encounters in fiscal years 2022 and 2023.";
        assert_eq!(inferred(t), Some(date("2023-12-25")));
    }

    #[test]
    fn infers_from_a_date_line() {
        let t = "Border talks\nPublished: Dec. 26, 2023\nThe talks began on December 22, 2023.";
        assert_eq!(inferred(t), Some(date("2023-12-26")));
    }

    #[test]
    fn a_holiday_recess_is_no_evidence_of_the_day() {
        let t = "The Senate postponed its Christmas recess in 2023.";
        assert_eq!(inferred(t), None);
    }

    #[test]
    fn infers_nothing_without_a_day() {
        assert_eq!(
            inferred("On Wednesday, they are set to visit.\nCopyright 2023,"),
            None
        );
    }

    #[test]
    fn spans_stay_on_char_boundaries_for_long_odd_lines() {
        let mut text = String::new();
        for _ in 0..20_000 {
            text.push_str("é in 2023 – “May” 12/31/2023 Dec. 5th\u{a0}");
        }
        text.push_str("\n\n\r\n2023");
        let mut doc = Document::new("t.txt", text);
        doc.meta.published = Some(date("2024-01-01"));
        let found = extract(&doc);
        assert!(found.len() > 20_000);
        let mut prev_end = 0;
        for m in &found {
            assert!(m.span.start >= prev_end && m.span.start < m.span.end);
            assert!(
                doc.text.is_char_boundary(m.span.start) && doc.text.is_char_boundary(m.span.end)
            );
            prev_end = m.span.end;
        }
    }

    #[test]
    fn no_panic_on_shuffled_date_pieces() {
        const PIECES: &[&str] = &[
            "May",
            "March",
            " ",
            "\n",
            ",",
            ".",
            "2023",
            "12",
            "/",
            "-",
            "27th",
            "Wednesday",
            "last",
            "week",
            "Dec",
            "é",
            "’",
            "s",
            "(",
            "@",
            ")",
            "—",
            "Christmas",
            "Eve",
            "in",
            "the",
            "of",
            "ago",
            "two",
            "years",
            "Copyright",
            "©",
            "31",
            "02",
            "9999",
            "0",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for round in 0..300 {
            let mut text = String::new();
            for _ in 0..(round % 60) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            let mut doc = Document::new("t.txt", text);
            let _ = infer_published(&doc);
            doc.meta.published = Some(date("2024-02-29"));
            for m in extract(&doc) {
                assert!(m.span.start < m.span.end && m.span.end <= doc.text.len());
                assert!(doc.text.is_char_boundary(m.span.start));
                assert!(doc.text.is_char_boundary(m.span.end));
            }
        }
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2024), Some(date("2024-03-31")));
        assert_eq!(easter(2025), Some(date("2025-04-20")));
    }
}
