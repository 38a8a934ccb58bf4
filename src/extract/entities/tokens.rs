//! Words of the article body with the facts the entity rules need: case,
//! possessive, sentence start, whether the gap before is plain space, and
//! the lexicon lists the word is in.
//!
//! The scan walks bytes, decoding a character only where a byte is not
//! ASCII, and a word's key (its folded form) borrows the text whenever the
//! word is already lower-case ASCII, as most words are.

use std::borrow::Cow;

use crate::document::Span;
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
    /// The lexicon lists `key` is in.
    pub flags: Flags,
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
    /// First word of a sentence, a line, or what follows a colon.
    pub sent_start: bool,
    /// A handle, hashtag, or part of a link.
    pub skip: bool,
    /// Only spaces (no line break, no punctuation) since the previous word.
    pub joined: bool,
    /// On a line written in title case (a headline).
    pub title_line: bool,
}

impl Tok<'_> {
    /// The folded word.
    pub fn word(&self) -> &str {
        &self.key
    }

    /// Whether the word is in lexicon list `set`.
    pub fn is(&self, set: &Set) -> bool {
        set.has(self.flags)
    }

    /// See [`lex::is_common`].
    pub fn common(&self) -> bool {
        lex::is_common_flags(&self.key, self.flags)
    }

    /// See [`lex::is_placeish`].
    pub fn placeish(&self) -> bool {
        lex::is_placeish_flags(self.flags)
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
        lex::is_first_name_flags(self.flags)
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

fn is_inner(c: char) -> bool {
    matches!(c, '-' | '.' | '\'' | '\u{2019}' | '&')
}

/// The character at byte `i` of `s` (a char boundary), ASCII first.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => s[i..].chars().next(),
    }
}

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Splits `text[body]` into words.
pub fn tokenize(text: &str, body: Span) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok> = Vec::with_capacity((body.len() / 6).min(1 << 16));
    let end_body = body.end;
    let region = &text[..end_body];
    let bytes = region.as_bytes();
    let mut p = body.start;
    let mut prev_end = body.start;
    while p < end_body {
        let b = bytes[p];
        let c = if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                p += 1;
                continue;
            }
            char::from(b)
        } else {
            let Some(c) = region[p..].chars().next() else {
                break;
            };
            if !c.is_alphanumeric() {
                p += c.len_utf8();
                continue;
            }
            c
        };
        let start = p;
        let mut q = p + c.len_utf8();
        let mut ascii = b < 0x80;
        while q < end_body {
            let bq = bytes[q];
            if bq < 0x80 {
                if bq.is_ascii_alphanumeric() || bq == b'_' {
                    q += 1;
                    continue;
                }
                if matches!(bq, b'-' | b'.' | b'\'' | b'&')
                    && char_at(region, q + 1).is_some_and(is_alnum)
                {
                    let next = char_at(region, q + 1).map_or(1, char::len_utf8);
                    ascii &= next == 1;
                    q += 1 + next;
                    continue;
                }
                break;
            }
            let Some(cq) = region[q..].chars().next() else {
                break;
            };
            ascii = false;
            if cq.is_alphanumeric() {
                q += cq.len_utf8();
            } else if let Some(next) =
                char_at(region, q + cq.len_utf8()).filter(|n| is_inner(cq) && is_alnum(*n))
            {
                q += cq.len_utf8() + next.len_utf8();
            } else {
                break;
            }
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
        let mut contraction = false;
        for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
            if word.len() > suffix.len() && word.ends_with(suffix) {
                end -= suffix.len();
                poss = true;
                break;
            }
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
        if !poss && word.ends_with('s') {
            if let Some(quote) = char_at(region, q).filter(|c| matches!(c, '\'' | '\u{2019}')) {
                poss = !char_at(region, q + quote.len_utf8()).is_some_and(is_alnum);
            }
        }
        word = &text[start..end];
        if let Some(p) = word.find(['\'', '\u{2019}']) {
            let tail = word[p..].trim_start_matches(['\'', '\u{2019}']);
            if ["re", "ve", "ll", "d", "m", "t"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(tail))
            {
                contraction = true;
            }
        }
        let prev_char = text[..start].chars().next_back();
        let next_char = char_at(text, full_end);
        let skip = matches!(prev_char, Some('@' | '#' | '/' | '_'))
            || matches!(next_char, Some('/' | '@'));
        let joined = !out.is_empty()
            && prev_end < start
            && text[prev_end..start]
                .chars()
                .all(|c| c == ' ' || c == '\u{a0}')
            && !out.last().is_some_and(|t: &Tok| t.poss);
        let (mut letters, mut upper) = (0, 0);
        if ascii {
            for &b in word.as_bytes() {
                letters += usize::from(b.is_ascii_alphabetic());
                upper += usize::from(b.is_ascii_uppercase());
            }
        } else {
            for c in word.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                upper += usize::from(c.is_uppercase());
            }
        }
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        let all_caps = letters >= 2 && upper == letters;
        let sent_start = starts_sentence(text, body.start, start, out.last());
        let key: Cow<str> = if ascii && upper == 0 {
            Cow::Borrowed(word)
        } else {
            Cow::Owned(key(word))
        };
        // from the key: folding can make digits ("²" gives "2")
        let digit = key.bytes().any(|b| b.is_ascii_digit());
        out.push(Tok {
            span: Span::new(start, end),
            flags: lexicon::flags(&key),
            key,
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
    mark_title_lines(text, &mut out);
    out
}

/// Whether the word at `start` opens a sentence: only quotes, brackets,
/// short dashes and spaces lie between it and a terminator, a colon, an em
/// dash, a line break or the start of the body.
fn starts_sentence(text: &str, body_start: usize, start: usize, prev: Option<&Tok>) -> bool {
    for (i, c) in text[body_start..start].char_indices().rev() {
        match c {
            ' ' | '\t' | '\u{a0}' | '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}'
            | '\u{2019}' | '(' | '[' | '-' | '\u{2013}' | '*' => continue,
            // "LONDON (Reuters) — Carmaker ...": a dateline's dash opens the story.
            '\n' | '\r' | '!' | '?' | ':' | '\u{2026}' | '\u{2014}' => return true,
            '.' => {
                // "Sen. Smith", "John F. Kennedy": the period is the word's own.
                let abs = body_start + i;
                return !prev.is_some_and(|p| p.span.end >= abs && p.key.ends_with('.'));
            }
            _ => return false,
        }
    }
    true
}

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
