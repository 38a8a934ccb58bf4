//! The article as the pipeline sees it: decoded text, metadata and byte spans.
//!
//! Every span the extractors produce is a byte range into [`Document::text`].
//! For UTF-8 input (with or without a BOM) the text *is* the file, so spans are
//! file offsets already; for input decoded from another encoding the document
//! keeps a map back to the bytes as stored ([`Document::file_span`]).

use chrono::NaiveDate;
use serde::Serialize;

/// A half-open byte range `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// How the file's bytes were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    /// UTF-8 behind a byte-order mark; the BOM stays in the text as U+FEFF.
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8; decoded as Windows-1252 with a warning.
    Windows1252,
}

impl Encoding {
    pub const fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// A publication date the article does not state, worked out from its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inferred {
    pub date: NaiveDate,
    /// Why this date: a short human sentence naming the evidence.
    pub evidence: String,
}

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Stated by INDEX.md or by the ` date YYYY-MM-DD` header line.
    pub published: Option<NaiveDate>,
    /// Set only when `published` is not stated and the text allowed a guess.
    pub inferred: Option<Inferred>,
    /// The first short line without final punctuation, when there is one.
    pub headline: Option<Span>,
}

impl Meta {
    /// The date relative expressions are resolved against: stated, else inferred.
    pub fn anchor(&self) -> Option<NaiveDate> {
        self.published.or(self.inferred.as_ref().map(|i| i.date))
    }
}

/// One article, decoded and ready for the extractors.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as INDEX.md lists it (or as given on the command line).
    pub path: String,
    pub text: String,
    /// The part of `text` that is article prose: everything after a
    /// ` date YYYY-MM-DD` header line, when there is one.
    pub body: Span,
    pub meta: Meta,
    pub encoding: Encoding,
    /// For text decoded from another encoding: `file_offsets[i]` is the file
    /// offset of text byte `i` (one extra entry for the end).
    file_offsets: Option<Vec<usize>>,
}

impl Document {
    /// A document whose text is exactly the stored bytes (UTF-8).
    pub fn new(path: impl Into<String>, text: String) -> Self {
        let body = Span::new(0, text.len());
        Document {
            path: path.into(),
            text,
            body,
            meta: Meta::default(),
            encoding: Encoding::Utf8,
            file_offsets: None,
        }
    }

    /// A document decoded from another encoding, with its offset map.
    pub fn decoded(
        path: impl Into<String>,
        text: String,
        encoding: Encoding,
        file_offsets: Vec<usize>,
    ) -> Self {
        debug_assert_eq!(file_offsets.len(), text.len() + 1);
        let mut doc = Document::new(path, text);
        doc.encoding = encoding;
        doc.file_offsets = Some(file_offsets);
        doc
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The article prose (the text less any header line).
    pub fn body_text(&self) -> &str {
        self.slice(self.body)
    }

    /// A span of `text` as byte offsets into the file as stored.
    pub fn file_span(&self, span: Span) -> Span {
        match &self.file_offsets {
            None => span,
            Some(map) => Span::new(map[span.start], map[span.end]),
        }
    }

    /// Words in the body: runs of alphanumeric characters, apostrophes and
    /// hyphens that hold at least one alphanumeric character.
    ///
    /// A word is counted at its first letter or digit that follows no other
    /// in its run. Eight bytes of ASCII without a joiner are counted at a
    /// time; the rest a character at a time.
    pub fn word_count(&self) -> usize {
        let text = self.body_text();
        let bytes = text.as_bytes();
        let mut count = 0;
        // whether the run going on has a letter or digit yet
        let mut in_word = false;
        let mut i = 0;
        while i < bytes.len() {
            if let Some(chunk) = bytes.get(i..i + 8) {
                let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
                if let Some(alnum) = swar::alnum_no_joiner(w) {
                    // letters and digits with none just before them
                    let before = (alnum << 8) | (u64::from(in_word) << 7);
                    count += (alnum & !before).count_ones() as usize;
                    in_word = alnum >> 63 != 0;
                    i += 8;
                    continue;
                }
            }
            // a character at a time up to the end of these eight bytes
            let stop = (i + 8).min(bytes.len());
            while i < stop {
                let class = match ASCII_CLASS[usize::from(bytes[i])] {
                    OTHER => {
                        let c = text[i..].chars().next().unwrap_or(' ');
                        i += c.len_utf8();
                        if is_alphanumeric(c) {
                            ALNUM
                        } else if c == '\u{2019}' {
                            JOINER
                        } else {
                            SEPARATOR
                        }
                    }
                    class => {
                        i += 1;
                        class
                    }
                };
                match class {
                    ALNUM => {
                        count += usize::from(!in_word);
                        in_word = true;
                    }
                    SEPARATOR => in_word = false,
                    _ => {}
                }
            }
        }
        count
    }
}

/// `char::is_alphanumeric`, told without Unicode tables for the characters
/// news text is made of: ASCII, the Latin letters of Latin-1 and Latin
/// Extended (all but "×" and "÷"), and General Punctuation (curly quotes,
/// dashes, ellipses: no letter or digit among them).
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    latin_letter_or_mark(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// `char::is_alphabetic`, quick where [`is_alphanumeric`] is.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    latin_letter_or_mark(c).unwrap_or_else(|| c.is_alphabetic())
}

/// For a Latin letter or sign past ASCII, or a General Punctuation mark,
/// whether it is a letter (none of them is a digit); `None` for the rest.
#[inline]
fn latin_letter_or_mark(c: char) -> Option<bool> {
    match c {
        '\u{c0}'..='\u{24f}' => Some(c != '\u{d7}' && c != '\u{f7}'),
        '\u{2000}'..='\u{206f}' => Some(false),
        _ => None,
    }
}

/// Byte-parallel tests on eight bytes of text in a `u64` (little-endian).
mod swar {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;

    /// The high bit of each byte of `w` at least `lo` and below `hi`; `w`
    /// is ASCII (no high bit), so no byte carries into the next.
    #[inline]
    fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
        let at_least = w + ONES * u64::from(0x80 - lo);
        let at_least_hi = w + ONES * u64::from(0x80 - hi);
        at_least & !at_least_hi & HIGH
    }

    /// The high bit of each byte of `w` (ASCII) equal to `b`.
    #[inline]
    fn equal(w: u64, b: u8) -> u64 {
        let x = w ^ (ONES * u64::from(b));
        // a byte's low seven bits plus 0x7f reach the high bit unless zero
        !(((x & !HIGH) + !HIGH) | x) & HIGH
    }

    /// For eight ASCII bytes holding no apostrophe or hyphen, the high bit
    /// of each byte that is a letter or digit; `None` for other bytes.
    #[inline]
    pub fn alnum_no_joiner(w: u64) -> Option<u64> {
        if w & HIGH != 0 || (equal(w, b'\'') | equal(w, b'-')) != 0 {
            return None;
        }
        let letters = in_range(w | (ONES * 0x20), b'a', b'z' + 1);
        Some(letters | in_range(w, b'0', b'9' + 1))
    }
}

const SEPARATOR: u8 = 0;
const ALNUM: u8 = 1;
/// Joins a word without making one: apostrophes and hyphens.
const JOINER: u8 = 2;
/// Not ASCII: the character decides.
const OTHER: u8 = 3;

/// What each byte is to [`Document::word_count`].
static ASCII_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c == b'\'' || c == b'-' {
            JOINER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_holding_a_letter_or_digit() {
        let cases = [
            ("Blinken met López Obrador on Wednesday.", 6),
            ("The U.S.-Mexico border isn’t closed — yet", 8),
            ("15,000 migrants; 6,000 more", 6),
            ("-- ' ’ - …", 0),
            ("rock-'n'-roll", 1),
            ("", 0),
            ("naïve café", 2),
            ("one — two … three", 3),
            ("«quoted» ‘words’", 2),
        ];
        for (text, want) in cases {
            assert_eq!(
                Document::new("t.txt", text.into()).word_count(),
                want,
                "{text}"
            );
        }
    }

    /// Words counted one character at a time: what the byte-parallel count
    /// must agree with.
    fn words_by_chars(text: &str) -> usize {
        let (mut count, mut in_word) = (0, false);
        for c in text.chars() {
            if c.is_alphanumeric() {
                count += usize::from(!in_word);
                in_word = true;
            } else if !matches!(c, '\'' | '-' | '\u{2019}') {
                in_word = false;
            }
        }
        count
    }

    #[test]
    fn long_text_counts_as_char_by_char() {
        let text = "On Wednesday, Secretary of State Antony Blinken met Mexico’s \
                    president in Mexico City -- the third such meeting this year -- to \
                    discuss a 15,000-person caravan; officials didn't say when talks \
                    would resume. “We’re working,” he said.";
        let doc = Document::new("t.txt", text.into());
        assert_eq!(doc.word_count(), 36);
        assert_eq!(words_by_chars(text), 36);
    }

    proptest::proptest! {
        #[test]
        fn word_count_agrees_with_chars(text in "[a-zA-Z0-9 ,.'’—é\n-]{0,40}") {
            let doc = Document::new("t.txt", text.clone());
            proptest::prop_assert_eq!(doc.word_count(), words_by_chars(&text));
        }
    }

    #[test]
    fn quick_char_tests_agree_with_std() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
