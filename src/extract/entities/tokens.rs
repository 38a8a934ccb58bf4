//! Words of the article body with the facts the entity rules need: case,
//! possessive, sentence start, whether the gap before is plain space, and
//! the lexicon lists the word is in.
//!
//! The scan walks bytes, decoding a character only where a byte is not
//! ASCII, and a word's key (its folded form) borrows the text whenever the
//! word is already lower-case ASCII, as most words are.

use std::borrow::Cow;
use std::cell::Cell;

use crate::document::{Span, is_alphabetic, is_alphanumeric};
use crate::extract::lexicon::{self, Flags, Set};

use super::lex::{self, key};

/// Abbreviations that keep their final period inside the word ("Sen.").
const DOTTED: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "lt", "gen", "col", "sgt",
    "capt", "prof", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "dept", "adm", "cmdr",
    "maj", "det",
];

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// The word less any possessive ending.
    pub span: Span,
    /// Folded form of the word.
    pub key: Cow<'a, str>,
    /// The lexicon lists `key` is in, looked up when first asked for
    /// ([`NOT_LOOKED_UP`] till then): most words are never asked about.
    flags: Cell<Flags>,
    /// First letter upper case.
    pub cap: bool,
    /// Two or more letters, all upper case ("CBP", "U.S.").
    pub all_caps: bool,
    /// Holds an ASCII digit ("COVID-19", "F-35").
    pub digit: bool,
    /// Followed by "'s", "’s", "s'" or the mangled "39s".
    pub poss: bool,
    /// "They’re", "I’m": never part of a name.
    pub contraction: bool,
    /// A capitalised word first in a sentence, a line, or after a colon
    /// (worked out for capitalised words only: no rule asks it of others).
    pub sent_start: bool,
    /// A handle, hashtag, or part of a link.
    pub skip: bool,
    /// Only spaces (no line break, no punctuation) since the previous word.
    pub joined: bool,
    /// On a line written in title case (a headline).
    pub title_line: bool,
}

/// No word is in every list: the flags of a word not yet looked up.
const NOT_LOOKED_UP: Flags = Flags::MAX;

impl Tok<'_> {
    /// The folded word.
    pub fn word(&self) -> &str {
        &self.key
    }

    /// The lexicon lists the word is in.
    pub fn flags(&self) -> Flags {
        let mut f = self.flags.get();
        if f == NOT_LOOKED_UP {
            f = lexicon::flags(&self.key);
            self.flags.set(f);
        }
        f
    }

    /// Whether the word is in lexicon list `set`.
    pub fn is(&self, set: &Set) -> bool {
        set.has(self.flags())
    }

    /// See [`lex::is_common`].
    pub fn common(&self) -> bool {
        lex::is_common_flags(&self.key, self.flags())
    }

    /// See [`lex::is_placeish`].
    pub fn placeish(&self) -> bool {
        lex::is_placeish_flags(self.flags())
    }

    /// See [`lex::is_connector`].
    pub fn connector(&self) -> bool {
        self.is(&lex::CONNECTORS)
    }

    /// See [`lex::is_starter`].
    pub fn starter(&self) -> bool {
        self.is(&lex::STARTERS)
    }

    /// See [`lex::is_first_name`].
    pub fn first_name(&self) -> bool {
        lex::is_first_name_flags(self.flags())
    }

    /// A nationality, singular or plural: "Mexican", "Mexicans".
    pub fn demonym(&self) -> bool {
        self.is(&lex::DEMONYM_FORMS)
    }

    /// See [`lex::is_org_descriptor`].
    pub fn org_descriptor(&self) -> bool {
        self.is(&lex::ORG_CUE_FORMS)
    }

    /// Could be (part of) a name: capitalised and not a handle, contraction
    /// or identifier.
    pub fn nameable(&self) -> bool {
        if !self.cap || self.skip || self.contraction || self.digit {
            return false;
        }
        // "COVID-19", "A1231", "F-35": identifiers with digits are never
        // names (above); nor is a shouted common word.
        let shouted_word = self.all_caps
            && self.common()
            && !self.is(&lex::PLACES)
            && !self.is(&lex::INSTITUTIONS);
        !shouted_word
    }

    pub fn is_acronym(&self) -> bool {
        let letters = self.key.chars().filter(|c| c.is_alphabetic()).count();
        self.all_caps && (2..=6).contains(&letters) && !self.key.contains('.')
    }
}

/// How the scan treats each byte; bytes from 0x80 up are decoded.
const SEP: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 3;
/// Continues a word but does not start one.
const UNDERSCORE: u8 = 4;
/// Joins two word characters: `-`, `.`, `&`.
const INNER: u8 = 5;
const APOSTROPHE: u8 = 6;
const NON_ASCII: u8 = 7;

static CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            b'_' => UNDERSCORE,
            b'-' | b'.' | b'&' => INNER,
            b'\'' => APOSTROPHE,
            _ => SEP,
        };
        b += 1;
    }
    t
};

/// The character at byte `i` of `s` (a char boundary), ASCII first.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => s[i..].chars().next(),
    }
}

/// The character that ends at byte `i` of `s` (a char boundary).
#[inline]
fn char_before(s: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).map(|j| s.as_bytes()[j]) {
        None => None,
        Some(b) if b < 0x80 => Some(char::from(b)),
        Some(_) => s[..i].chars().next_back(),
    }
}

/// Letters, capitals and whether any byte was an ASCII digit, over a
/// word's characters.
#[derive(Clone, Copy, Default)]
struct Counts {
    letters: usize,
    upper: usize,
    digit: bool,
}

impl Counts {
    fn add(&mut self, c: char) {
        if is_alphabetic(c) {
            self.letters += 1;
            self.upper += usize::from(c.is_uppercase());
        }
        self.digit |= c.is_ascii_digit();
    }

    fn remove(&mut self, c: char) {
        if is_alphabetic(c) {
            self.letters -= 1;
            self.upper -= usize::from(c.is_uppercase());
        }
    }
}

/// Only spaces (ASCII or no-break) in `gap`, and at least one.
fn spaces_only(gap: &[u8]) -> bool {
    let mut i = 0;
    while i < gap.len() {
        match gap[i] {
            b' ' => i += 1,
            0xc2 if gap.get(i + 1) == Some(&0xa0) => i += 2,
            _ => return false,
        }
    }
    !gap.is_empty()
}

/// `text[body]` with its ASCII letters lower-cased: the keys of ASCII
/// words borrow it (see [`tokenize`]), so no word allocates its own.
pub fn lowered(text: &str, body: Span) -> String {
    text[body.start..body.end].to_ascii_lowercase()
}

/// Splits `text[body]` into words; `lower` is [`lowered`] of the body.
#[cfg(test)]
pub fn tokenize<'a>(text: &'a str, lower: &'a str, body: Span) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    tokenize_into(text, lower, body, body, &mut out);
    out
}

/// Replaces `out` with the words of `text[seg]`, a stretch of the body that
/// starts a line or follows a space (see `entities::segments`); `lower` is
/// [`lowered`] of the whole body, which the keys borrow.
pub fn tokenize_into<'a>(
    text: &'a str,
    lower: &'a str,
    body: Span,
    seg: Span,
    out: &mut Vec<Tok<'a>>,
) {
    debug_assert_eq!(lower.len(), body.len());
    debug_assert!(body.start <= seg.start && seg.end <= body.end);
    out.clear();
    let end_body = seg.end;
    let region = &text[..end_body];
    let bytes = region.as_bytes();
    let mut p = seg.start;
    let mut prev_end = seg.start;
    while p < end_body {
        let class = CLASS[usize::from(bytes[p])];
        let mut counts = Counts::default();
        let first_len = match class {
            LOWER => {
                counts.letters = 1;
                1
            }
            UPPER => {
                counts.letters = 1;
                counts.upper = 1;
                1
            }
            DIGIT => {
                counts.digit = true;
                1
            }
            NON_ASCII => {
                let Some(c) = region[p..].chars().next() else {
                    break;
                };
                if !is_alphanumeric(c) {
                    p += c.len_utf8();
                    continue;
                }
                counts.add(c);
                c.len_utf8()
            }
            _ => {
                p += 1;
                continue;
            }
        };
        let start = p;
        let mut ascii = first_len == 1;
        let mut q = p + first_len;
        // the first apostrophe inside the word, for contractions
        let mut quote = None;
        while q < end_body {
            // most of a word is a run of lower-case ASCII letters
            let run = q;
            while q < end_body && bytes[q].is_ascii_lowercase() {
                q += 1;
            }
            counts.letters += q - run;
            if q >= end_body {
                break;
            }
            match CLASS[usize::from(bytes[q])] {
                LOWER => counts.letters += 1,
                UPPER => {
                    counts.letters += 1;
                    counts.upper += 1;
                }
                DIGIT => counts.digit = true,
                UNDERSCORE => {}
                class @ (INNER | APOSTROPHE) => {
                    // joins only a word character that follows
                    if !char_at(region, q + 1).is_some_and(is_alphanumeric) {
                        break;
                    }
                    if class == APOSTROPHE {
                        quote.get_or_insert(q);
                    }
                }
                NON_ASCII => {
                    let Some(c) = region[q..].chars().next() else {
                        break;
                    };
                    let len = c.len_utf8();
                    if is_alphanumeric(c) {
                        counts.add(c);
                    } else if c == '\u{2019}'
                        && char_at(region, q + len).is_some_and(is_alphanumeric)
                    {
                        quote.get_or_insert(q);
                    } else {
                        break;
                    }
                    ascii = false;
                    q += len;
                    continue;
                }
                _ => break,
            }
            q += 1;
        }
        let mut end = q;
        let mut word = &text[start..end];
        // Initials and abbreviations keep their period: "U.S.", "F.", "Sen."
        if bytes.get(q) == Some(&b'.') {
            let dotted_initials = word.split('.').all(|p| p.chars().count() == 1);
            if (dotted_initials && word.chars().next().is_some_and(char::is_uppercase))
                || (word.len() <= 4 && DOTTED.iter().any(|d| d.eq_ignore_ascii_case(word)))
            {
                end += 1;
                q += 1;
                word = &text[start..end];
            }
        }
        let full_end = end;
        let mut poss = false;
        let wb = word.as_bytes();
        let n = wb.len();
        let last = wb[n - 1];
        if matches!(last, b's' | b'S') {
            // "'s" or "’s" (either case of s), with a word before it
            if n > 2 && wb[n - 2] == b'\'' {
                end -= 2;
                poss = true;
            } else if n > 4 && wb[n - 4..n - 1] == *"\u{2019}".as_bytes() {
                end -= 4;
                poss = true;
            }
            if !poss {
                // "Biden39s": an HTML apostrophe entity mangled into digits.
                if let Some(stem) = word.strip_suffix("39s") {
                    if stem.len() >= 2 && stem.chars().all(char::is_alphabetic) {
                        end -= 3;
                        poss = true;
                    }
                }
            }
            if !poss && last == b's' {
                if let Some(quote) = char_at(region, q).filter(|c| matches!(c, '\'' | '\u{2019}')) {
                    poss = !char_at(region, q + quote.len_utf8()).is_some_and(is_alphanumeric);
                }
            }
        }
        if end < full_end {
            for c in text[end..full_end].chars() {
                counts.remove(c);
            }
            word = &text[start..end];
        }
        let contraction = quote.filter(|&at| at < end).is_some_and(|at| {
            let tail = text[at..end].trim_start_matches(['\'', '\u{2019}']);
            ["re", "ve", "ll", "d", "m", "t"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(tail))
        });
        let skip = matches!(char_before(text, start), Some('@' | '#' | '/' | '_'))
            || matches!(char_at(text, full_end), Some('/' | '@'));
        let joined = !out.is_empty()
            && spaces_only(&bytes[prev_end..start])
            && !out.last().is_some_and(|t: &Tok| t.poss);
        let cap = if ascii {
            class == UPPER
        } else {
            word.chars().next().is_some_and(char::is_uppercase)
        };
        let all_caps = counts.letters >= 2 && counts.upper == counts.letters;
        // Only capitalised words are asked whether they open a sentence.
        let sent_start = cap && starts_sentence(text, seg.start, start, out.last());
        let key: Cow<str> = if ascii {
            Cow::Borrowed(&lower[start - body.start..end - body.start])
        } else {
            Cow::Owned(key(word))
        };
        // From the key when folding may have made digits ("²" gives "2"),
        // or the possessive took some away ("Biden39s").
        let digit = if ascii && !poss {
            counts.digit
        } else {
            key.bytes().any(|b| b.is_ascii_digit())
        };
        out.push(Tok {
            span: Span::new(start, end),
            key,
            flags: Cell::new(NOT_LOOKED_UP),
            cap,
            all_caps,
            digit,
            poss,
            contraction,
            sent_start,
            skip,
            joined,
            title_line: false,
        });
        prev_end = full_end;
        p = q;
    }
    mark_title_lines(text, out);
}

/// Whether the word at `start` opens a sentence: only quotes, brackets,
/// short dashes and spaces lie between it and a terminator, a colon, an em
/// dash, a line break or the start of the body.
fn starts_sentence(text: &str, body_start: usize, start: usize, prev: Option<&Tok>) -> bool {
    let mut i = start;
    while i > body_start {
        let Some(c) = char_before(text, i) else {
            break;
        };
        i -= c.len_utf8();
        match c {
            ' ' | '\t' | '\u{a0}' | '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}'
            | '\u{2019}' | '(' | '[' | '-' | '\u{2013}' | '*' => continue,
            // "LONDON (Reuters) — Carmaker ...": a dateline's dash opens the story.
            '\n' | '\r' | '!' | '?' | ':' | '\u{2026}' | '\u{2014}' => return true,
            '.' => {
                // "Sen. Smith", "John F. Kennedy": the period is the word's own.
                return !prev.is_some_and(|p| p.span.end >= i && p.key.ends_with('.'));
            }
            _ => return false,
        }
    }
    true
}

/// The longest function word of a headline: connectors ("della") and the
/// words [`mark_title_lines`] names.
const MAX_FUNCTION_WORD: usize = 5;

/// Marks words on headline-like lines: three or more content words, nearly
/// all capitalised, no final period.
fn mark_title_lines(text: &str, toks: &mut [Tok]) {
    let mut i = 0;
    while i < toks.len() {
        let line_start = text[..toks[i].span.start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[toks[i].span.start..]
            .find('\n')
            .map_or(text.len(), |p| toks[i].span.start + p);
        let mut j = i;
        // Function words ("of", "the", "with") count on neither side, and
        // none is longer than five letters: a line with fewer capitalised
        // words than four times its longer lower-case ones is prose
        // whichever its short words are, and needs no look-up.
        let (mut capitalised, mut long_lower) = (0usize, 0usize);
        while j < toks.len() && toks[j].span.start < line_end {
            let t = &toks[j];
            if !t.skip && t.key.chars().next().is_some_and(char::is_alphabetic) {
                if t.cap {
                    capitalised += 1;
                } else if t.key.len() > MAX_FUNCTION_WORD {
                    long_lower += 1;
                }
            }
            j += 1;
        }
        if capitalised < 3 || capitalised < 4 * long_lower {
            i = j.max(i + 1);
            continue;
        }
        let mut j = i;
        let (mut caps, mut total) = (0usize, 0usize);
        while j < toks.len() && toks[j].span.start < line_end {
            let t = &toks[j];
            if !t.skip && t.key.chars().next().is_some_and(char::is_alphabetic) {
                let function = t.connector()
                    || matches!(
                        t.word(),
                        "a" | "an"
                            | "to"
                            | "in"
                            | "at"
                            | "by"
                            | "from"
                            | "as"
                            | "or"
                            | "with"
                            | "vs"
                            | "is"
                    );
                if t.cap && !function {
                    caps += 1;
                    total += 1;
                } else if !function {
                    total += 1;
                }
            }
            j += 1;
        }
        let line = text[line_start..line_end].trim_end();
        let titled = total >= 3 && caps * 10 >= total * 8 && !line.ends_with('.');
        for t in &mut toks[i..j] {
            t.title_line = titled;
        }
        i = j.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each word as `text` (its span), then `=key` when the key is not the
    /// text, then the facts that are true among cap, caps, digit, poss,
    /// contraction, start, skip, joined.
    fn show(text: &str) -> Vec<String> {
        let body = Span::new(0, text.len());
        tokenize(text, &lowered(text, body), body)
            .iter()
            .map(|t| {
                let mut s = text[t.span.start..t.span.end].to_string();
                if t.word() != s {
                    s = format!("{s}={}", t.word());
                }
                for (on, name) in [
                    (t.cap, "cap"),
                    (t.all_caps, "caps"),
                    (t.digit, "digit"),
                    (t.poss, "poss"),
                    (t.contraction, "contraction"),
                    (t.sent_start, "start"),
                    (t.skip, "skip"),
                    (t.joined, "joined"),
                ] {
                    if on {
                        s.push(' ');
                        s.push_str(name);
                    }
                }
                s
            })
            .collect()
    }

    #[test]
    fn words_with_their_facts() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Sen. Smith met U.S. envoys.",
                &[
                    "Sen.=sen. cap start",
                    "Smith=smith cap joined",
                    "met joined",
                    "U.S.=u.s. cap caps joined",
                    "envoys joined",
                ],
            ),
            (
                "Biden’s aides and the Smiths' lawyer",
                &[
                    "Biden=biden cap poss start",
                    "aides",
                    "and joined",
                    "the joined",
                    "Smiths=smiths cap poss joined",
                    "lawyer",
                ],
            ),
            (
                // an inner mark joins only a letter or digit: "-'" splits
                "Turner39s envoy: they’re rock-'n'-roll fans",
                &[
                    "Turner=turner cap poss start",
                    "envoy",
                    "they’re=they're contraction",
                    "rock joined",
                    "n",
                    "roll",
                    "fans joined",
                ],
            ),
            (
                "López\u{a0}Obrador and CBP; COVID-19 via @SecBlinken",
                &[
                    "López=lopez cap start",
                    "Obrador=obrador cap joined",
                    "and joined",
                    "CBP=cbp cap caps joined",
                    "COVID-19=covid-19 cap caps digit",
                    "via joined",
                    "SecBlinken=secblinken cap skip",
                ],
            ),
            (
                "a 5 km² plot",
                &["a", "5 digit joined", "km²=km2 digit joined", "plot joined"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(show(text), *want, "{text}");
        }
    }

    #[test]
    fn lexicon_flags_come_with_each_word() {
        let text = "The Department of State";
        let body = Span::new(0, text.len());
        let lower = lowered(text, body);
        let toks = tokenize(text, &lower, body);
        assert!(toks[0].starter() && toks[2].connector());
        assert!(toks[1].is(&lex::ORG_HEADS) && !toks[3].placeish());
    }
}
