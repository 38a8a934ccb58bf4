//! Text helpers shared by the extractors: sentence bounds, word edges and
//! accent folding. Everything works on byte offsets into the document text.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::document::{Span, is_alphanumeric};

/// Abbreviations whose final period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "st", "jr", "sr", "rev", "hon", "pres", "sec", "amb", "atty", "supt", "insp",
    "det", "no", "vs", "etc", "inc", "ltd", "corp", "co", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "approx", "est", "dept", "univ", "assn", "ave", "blvd", "mt", "ft", "e.g",
    "i.e", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m",
];

/// True for characters that belong inside a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `pos` is not in the middle of a word: the characters on either
/// side are not both word characters.
pub fn at_word_edge(text: &str, pos: usize) -> bool {
    let before = text[..pos].chars().next_back();
    let after = text[pos..].chars().next();
    !matches!((before, after), (Some(b), Some(a)) if is_word_char(b) && is_word_char(a))
}

/// True when `span` starts and ends at word edges.
pub fn is_whole_word(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Lower case with accents removed and curly apostrophes made straight:
/// "López" and "Lopez" fold alike.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] of `s`, added to the end of `out`.
pub fn fold_into(s: &str, out: &mut String) {
    // Latin letters and the curly apostrophe by table (built from
    // `fold_slowly`); anything else takes the Unicode machinery.
    let at = out.len();
    for c in s.chars() {
        match c {
            '\0'..='\u{7f}' => out.push(c.to_ascii_lowercase()),
            '\u{2019}' => out.push('\''),
            _ => match FOLD_TABLE.get(c as usize) {
                Some(folded) => out.push_str(folded),
                None => {
                    out.truncate(at);
                    out.push_str(&fold_slowly(s));
                    return;
                }
            },
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/fold_table.rs"));

/// [`fold`] by compatibility decomposition, marks dropped, lower case.
fn fold_slowly(s: &str) -> String {
    s.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The sentence around byte `pos`: from after the previous sentence end (or
/// line break) to the next one, trimmed of white space.
pub fn sentence_at(text: &str, pos: usize) -> Span {
    let pos = floor_char_boundary(text, pos.min(text.len()));
    let bytes = text.as_bytes();
    // Bytes, not characters: every mark that can end a sentence is ASCII
    // but the ellipsis, found by its last byte.
    let mut start = 0;
    for i in (0..pos).rev() {
        match terminator_ending(bytes, i) {
            Some(('\n', _)) => {
                start = i + 1;
                break;
            }
            Some((_, at)) if ends_sentence(text, at) => {
                start = i + 1;
                break;
            }
            _ => {}
        }
    }
    let mut end = text.len();
    let mut i = pos;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                end = i;
                break;
            }
            b'.' | b'!' | b'?' if ends_sentence(text, i) => {
                end = i + 1;
                break;
            }
            0xe2 if bytes[i..].starts_with(ELLIPSIS) && ends_sentence(text, i) => {
                end = i + ELLIPSIS.len();
                break;
            }
            _ => {}
        }
        i += 1;
    }
    trim(text, Span::new(start, end.max(start)))
}

/// "…" in UTF-8.
const ELLIPSIS: &[u8] = "\u{2026}".as_bytes();

/// The line break or sentence mark whose last byte is `bytes[i]`, and
/// where it starts.
#[inline]
fn terminator_ending(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    match bytes[i] {
        b'\n' => Some(('\n', i)),
        b @ (b'.' | b'!' | b'?') => Some((char::from(b), i)),
        0xa6 if i >= 2 && bytes[i - 2..=i] == *ELLIPSIS => Some(('\u{2026}', i - 2)),
        _ => None,
    }
}

/// Sentences of `span`, in order, each trimmed; line breaks always end one.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    let region = &text[span.start..span.end];
    for (i, c) in region.char_indices() {
        let at = span.start + i;
        let stop = if c == '\n' {
            Some(at)
        } else if is_terminator(c) && ends_sentence(text, at) {
            Some(at + c.len_utf8())
        } else {
            None
        };
        if let Some(end) = stop {
            let s = trim(text, Span::new(start, end));
            if !s.is_empty() {
                out.push(s);
            }
            start = at + c.len_utf8();
        }
    }
    let s = trim(text, Span::new(start.min(span.end), span.end));
    if !s.is_empty() {
        out.push(s);
    }
    out
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Whether the terminator at `i` ends a sentence: it is followed by white
/// space (or a closing quote then white space) and, for a period, the word
/// before it is not a known abbreviation or a single initial.
fn ends_sentence(text: &str, i: usize) -> bool {
    let c = text[i..].chars().next().unwrap_or('.');
    let mut rest = text[i + c.len_utf8()..].chars();
    let mut next = rest.next();
    while matches!(next, Some('"' | '\u{201d}' | '\u{2019}' | '\'' | ')')) {
        next = rest.next();
    }
    if !matches!(next, None | Some(' ' | '\n' | '\r' | '\t' | '\u{a0}')) {
        return false;
    }
    if c != '.' {
        return true;
    }
    let word_start = text[..i]
        .char_indices()
        .rev()
        .find(|&(_, ch)| !(is_alphanumeric(ch) || ch == '.'))
        .map_or(0, |(j, ch)| j + ch.len_utf8());
    let word = &text[word_start..i];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // an initial: "John F. Kennedy"
    }
    if word.is_ascii() {
        return !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    !ABBREVIATIONS.contains(&lower.as_str())
}

/// The span less leading and trailing white space.
pub fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

/// The largest character boundary at or below `pos`.
pub fn floor_char_boundary(text: &str, mut pos: usize) -> usize {
    pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fold_table_folds_as_the_unicode_machinery() {
        for n in 0..0x250u32 {
            let c = char::from_u32(n).expect("a char");
            assert_eq!(
                FOLD_TABLE[n as usize],
                fold_slowly(&c.to_string()),
                "U+{n:04X}"
            );
        }
        for s in [
            "Ærøskøbing İstanbul ½ ŉ",
            "Łódź Straße’s",
            "Ελλάδα Δήμος",
            "naïve 🙂 x",
        ] {
            assert_eq!(fold(s), fold_slowly(s), "{s}");
        }
    }

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(
            fold("Andrés Manuel López Obrador"),
            "andres manuel lopez obrador"
        );
        assert_eq!(fold("Biden’s"), "biden's");
    }

    #[test]
    fn sentence_ignores_abbreviations_and_initials() {
        let t = "Sen. John F. Kennedy met the U.S. envoy. Then he left.";
        let s = sentence_at(t, 5);
        assert_eq!(
            &t[s.start..s.end],
            "Sen. John F. Kennedy met the U.S. envoy."
        );
        let all: Vec<&str> = sentences(t, Span::new(0, t.len()))
            .into_iter()
            .map(|s| &t[s.start..s.end])
            .collect();
        assert_eq!(
            all,
            ["Sen. John F. Kennedy met the U.S. envoy.", "Then he left."]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        let t = "Headline here\nBody starts. More.";
        let s = sentence_at(t, 2);
        assert_eq!(&t[s.start..s.end], "Headline here");
    }

    #[test]
    fn word_edges() {
        let t = "in 2023, x2023";
        assert!(is_whole_word(t, Span::new(3, 7)));
        assert!(!is_whole_word(t, Span::new(10, 14)));
        assert!(at_word_edge(t, 3));
        assert!(!at_word_edge(t, 4));
    }

    /// [`sentence_at`] a character at a time, as it was first written.
    fn sentence_at_by_chars(text: &str, pos: usize) -> Span {
        let pos = floor_char_boundary(text, pos.min(text.len()));
        let mut start = 0;
        for (i, c) in text[..pos].char_indices().rev() {
            if c == '\n' || (is_terminator(c) && ends_sentence(text, i)) {
                start = i + c.len_utf8();
                break;
            }
        }
        let mut end = text.len();
        for (i, c) in text[pos..].char_indices() {
            let at = pos + i;
            if c == '\n' {
                end = at;
                break;
            }
            if is_terminator(c) && ends_sentence(text, at) {
                end = at + c.len_utf8();
                break;
            }
        }
        trim(text, Span::new(start, end.max(start)))
    }

    #[test]
    fn sentence_at_every_byte_agrees_with_chars() {
        let t = "Wait… what? “He left.” Dr. Ruiz¦ said ¦… no! Mr. É. Ortiz paid $3.5 \
                 million.\nNext line… \u{2026}\u{2026} end. ok";
        for pos in 0..=t.len() + 1 {
            assert_eq!(sentence_at(t, pos), sentence_at_by_chars(t, pos), "{pos}");
        }
        let s = sentence_at(t, 0);
        assert_eq!(&t[s.start..s.end], "Wait…");
    }

    proptest::proptest! {
        #[test]
        fn sentence_at_agrees_with_chars(text in "[a-zA-Z .!?…¦\n\"’)]{0,30}", pos in 0usize..40) {
            proptest::prop_assert_eq!(sentence_at(&text, pos), sentence_at_by_chars(&text, pos));
        }
    }
}
