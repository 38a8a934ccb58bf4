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
    pub fn word_count(&self) -> usize {
        let text = self.body_text();
        let bytes = text.as_bytes();
        let (mut count, mut i) = (0, 0);
        loop {
            while i < bytes.len() && ASCII_CLASS[usize::from(bytes[i])] == SEPARATOR {
                i += 1;
            }
            if i >= bytes.len() {
                return count;
            }
            // a run of word characters: counted when it holds a letter or digit
            let mut alnum = false;
            while i < bytes.len() {
                match ASCII_CLASS[usize::from(bytes[i])] {
                    ALNUM => alnum = true,
                    JOINER => {}
                    SEPARATOR => break,
                    _ => {
                        let c = text[i..].chars().next().unwrap_or(' ');
                        i += c.len_utf8();
                        if c.is_alphanumeric() {
                            alnum = true;
                        } else if c != '’' {
                            // a separator: the run ends, and the scan goes on past it
                            break;
                        }
                        continue;
                    }
                }
                i += 1;
            }
            count += usize::from(alnum);
        }
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
}
