//! The figures tokenizer: the body split into words, numbers, identifiers
//! and punctuation, each with its sentence number.
//!
//! It runs over every byte of the body, so ASCII (nearly all of English news)
//! is read byte by byte; any other character is decoded and classified as
//! `char` does, which gives the same tokens as a char-by-char reading.

use crate::document::Span;

use super::words::is_month_name;

/// Longest digit run read as a number; longer runs are identifiers.
const MAX_DIGITS: usize = 15;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Word,
    /// Digits with optional `,` groups and one decimal point.
    Num,
    /// Digits followed by letters ("250k", "27th"); `split` is where the
    /// letters start (at most 21 bytes in: 15 digits, a point, five commas).
    NumSuffix {
        split: u32,
    },
    /// Anything else made of word characters ("RF_SoTX_956", "x2").
    Ident,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Sentence number; a line break or sentence-ending punctuation
    /// followed by white space starts the next one.
    pub sent: u32,
    /// White space before the token.
    pub space: bool,
    /// A word that is already in the form `words::lower` gives (ASCII, no
    /// capital): it can be looked up as it stands.
    pub plain: bool,
}

/// White space as `char::is_whitespace` has it, for ASCII bytes.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The character before byte `j` is a letter.
fn alphabetic_before(text: &str, j: usize) -> bool {
    match text.as_bytes()[..j].last() {
        Some(&b) if b < 0x80 => b.is_ascii_alphabetic(),
        _ => text[..j]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic),
    }
}

/// The character at byte `j`, before `end`, is a letter.
fn alphabetic_at(text: &str, j: usize, end: usize) -> bool {
    match text.as_bytes()[j..end].first() {
        Some(&b) if b < 0x80 => b.is_ascii_alphabetic(),
        _ => text[j..end].chars().next().is_some_and(char::is_alphabetic),
    }
}

/// What the word scan learnt about a run of word characters.
struct Run {
    end: usize,
    digits: usize,
    dots: usize,
    /// A character that keeps the run from being a word: `_` or a numeral
    /// that is not an ASCII digit ("²", "٣").
    not_letters: bool,
    /// Any capital or non-ASCII character.
    not_plain: bool,
}

/// The run of word characters starting at `i` (a word character): letters
/// and digits, with `,` groups and a decimal point between digits and
/// apostrophes between letters.
fn run(text: &str, i: usize, end: usize) -> Run {
    let bytes = text.as_bytes();
    let digit = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    let mut r = Run {
        end: i,
        digits: 0,
        dots: 0,
        not_letters: false,
        not_plain: false,
    };
    let mut j = i;
    while j < end {
        let b = bytes[j];
        if b.is_ascii_lowercase() {
            j += 1;
        } else if b.is_ascii_uppercase() {
            r.not_plain = true;
            j += 1;
        } else if b.is_ascii_digit() {
            r.digits += 1;
            j += 1;
        } else if b == b'_' {
            r.not_letters = true;
            j += 1;
        } else if b == b','
            && j > i
            && digit(j - 1)
            && digit(j + 1)
            && digit(j + 2)
            && digit(j + 3)
            && !digit(j + 4)
            && j + 4 <= end
        {
            j += 1;
        } else if b == b'.' && j > i && digit(j - 1) && digit(j + 1) && j + 1 < end {
            r.dots += 1;
            j += 1;
        } else if b == b'\''
            && j > i
            && alphabetic_before(text, j)
            && alphabetic_at(text, j + 1, end)
        {
            j += 1;
        } else if b < 0x80 {
            break;
        } else {
            let Some(ch) = text[j..end].chars().next() else {
                break;
            };
            let n = ch.len_utf8();
            if ch.is_alphanumeric() {
                r.not_letters |= !ch.is_alphabetic();
            } else if !(ch == '\u{2019}'
                && j > i
                && alphabetic_before(text, j)
                && alphabetic_at(text, j + n, end))
            {
                break;
            }
            r.not_plain = true;
            j += n;
        }
    }
    r.end = j;
    r
}

pub(super) fn tokenize(text: &str, body: Span) -> Vec<Tok> {
    let bytes = text.as_bytes();
    // English runs about six bytes a token: one allocation for most bodies.
    let mut toks: Vec<Tok> = Vec::with_capacity(body.len() / 5 + 1);
    let mut sent = 0u32;
    let mut space = false;
    let mut i = body.start;
    let end = body.end;
    while i < end {
        let b = bytes[i];
        let c = if b < 0x80 {
            b as char
        } else {
            let Some(c) = text[i..end].chars().next() else {
                break;
            };
            c
        };
        if (b < 0x80 && is_ascii_space(b)) || (b >= 0x80 && c.is_whitespace()) {
            if c == '\n' {
                sent += 1;
            } else if let Some(prev) = toks.last()
                && !space
                && matches!(prev.kind, Kind::Punct('.' | '!' | '?' | '…'))
                && !abbreviation_dot(text, &toks)
            {
                sent += 1;
            }
            space = true;
            i += c.len_utf8();
            continue;
        }
        if b.is_ascii_alphanumeric() || b == b'_' || (b >= 0x80 && c.is_alphanumeric()) {
            let r = run(text, i, end);
            let j = r.end;
            let kind = if b.is_ascii_digit() {
                classify_number(&text[i..j], r.digits, r.dots)
            } else if r.digits == 0 && !r.not_letters {
                Kind::Word
            } else {
                Kind::Ident
            };
            toks.push(Tok {
                start: i,
                end: j,
                kind,
                sent,
                space,
                plain: kind == Kind::Word && !r.not_plain,
            });
            space = false;
            i = j;
            continue;
        }
        toks.push(Tok {
            start: i,
            end: i + c.len_utf8(),
            kind: Kind::Punct(c),
            sent,
            space,
            plain: false,
        });
        space = false;
        i += c.len_utf8();
    }
    toks
}

/// True when the last token, a period, closes an abbreviation such as "U.S."
/// or "Dec." rather than a sentence.
fn abbreviation_dot(text: &str, toks: &[Tok]) -> bool {
    let n = toks.len();
    if n < 2 || !matches!(toks[n - 1].kind, Kind::Punct('.')) || toks[n - 1].space {
        return false;
    }
    let prev = toks[n - 2];
    if prev.kind != Kind::Word {
        return false;
    }
    let w = &text[prev.start..prev.end];
    let mut chars = w.chars();
    let single_upper = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    single_upper || w.len() <= 4 && is_month_name(w)
}

/// A run that starts with a digit: a number, a number with a letter suffix,
/// or an identifier.
fn classify_number(s: &str, digits: usize, dots: usize) -> Kind {
    if digits > MAX_DIGITS || dots > 1 {
        return Kind::Ident;
    }
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    if split == s.len() {
        return Kind::Num;
    }
    if s[split..].chars().all(|c| c.is_ascii_alphabetic()) {
        // At most 15 digits, one point and five commas come before `split`.
        return Kind::NumSuffix {
            split: u32::try_from(split).unwrap_or(u32::MAX),
        };
    }
    Kind::Ident
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as it was before the ASCII fast path, char by char:
    /// the fast path must give exactly its tokens.
    fn reference(text: &str, body: Span) -> Vec<(usize, usize, Kind, bool, u32)> {
        use crate::extract::lexicon::MONTHS;
        let bytes = text.as_bytes();
        let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
        let mut toks: Vec<(usize, usize, Kind, bool, u32)> = Vec::new();
        let abbreviation = |toks: &[(usize, usize, Kind, bool, u32)]| {
            let n = toks.len();
            if n < 2 || toks[n - 1].2 != Kind::Punct('.') || toks[n - 1].3 {
                return false;
            }
            let prev = toks[n - 2];
            if prev.2 != Kind::Word {
                return false;
            }
            let w = &text[prev.0..prev.1];
            let single_upper = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
            let lw = w.to_lowercase();
            single_upper || MONTHS.iter().any(|(m, _)| *m == lw) && w.len() <= 4
        };
        let classify = |s: &str, digits: usize, dots: usize| {
            let first = s.as_bytes().first().copied().unwrap_or(b'_');
            if first.is_ascii_digit() {
                let split = s
                    .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                    .unwrap_or(s.len());
                if digits > MAX_DIGITS || dots > 1 {
                    return Kind::Ident;
                }
                if split == s.len() {
                    return Kind::Num;
                }
                if s[split..].chars().all(|c| c.is_ascii_alphabetic()) {
                    return Kind::NumSuffix {
                        split: split as u32,
                    };
                }
                return Kind::Ident;
            }
            if digits == 0
                && s.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
            {
                Kind::Word
            } else {
                Kind::Ident
            }
        };
        let mut sent = 0u32;
        let mut space = false;
        let mut i = body.start;
        let end = body.end;
        while i < end {
            let Some(c) = text[i..end].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                if c == '\n' {
                    sent += 1;
                } else if let Some(prev) = toks.last()
                    && !space
                    && matches!(prev.2, Kind::Punct('.' | '!' | '?' | '…'))
                    && !abbreviation(&toks)
                {
                    sent += 1;
                }
                space = true;
                i += c.len_utf8();
                continue;
            }
            if c.is_alphanumeric() || c == '_' {
                let mut j = i;
                let mut digits = 0usize;
                let mut dots = 0usize;
                while j < end {
                    let Some(ch) = text[j..end].chars().next() else {
                        break;
                    };
                    if ch.is_alphanumeric() || ch == '_' {
                        if ch.is_ascii_digit() {
                            digits += 1;
                        }
                        j += ch.len_utf8();
                    } else if ch == ','
                        && j > i
                        && digit(j - 1)
                        && digit(j + 1)
                        && digit(j + 2)
                        && digit(j + 3)
                        && !digit(j + 4)
                        && j + 4 <= end
                    {
                        j += 1;
                    } else if ch == '.' && j > i && digit(j - 1) && digit(j + 1) && j + 1 < end {
                        dots += 1;
                        j += 1;
                    } else if matches!(ch, '\'' | '\u{2019}')
                        && j > i
                        && text[..j]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphabetic)
                        && text[j + ch.len_utf8()..end]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphabetic)
                    {
                        j += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                toks.push((i, j, classify(&text[i..j], digits, dots), space, sent));
                space = false;
                i = j;
                continue;
            }
            toks.push((i, i + c.len_utf8(), Kind::Punct(c), space, sent));
            space = false;
            i += c.len_utf8();
        }
        toks
    }

    fn same_as_reference(text: &str, body: Span) {
        let got: Vec<_> = tokenize(text, body)
            .iter()
            .map(|t| (t.start, t.end, t.kind, t.space, t.sent))
            .collect();
        assert_eq!(got, reference(text, body), "in {text:?}");
        for t in tokenize(text, body) {
            let raw = &text[t.start..t.end];
            let lower = super::super::words::lower(raw);
            // `plain` may be false for a non-ASCII word that is its own
            // lower form ("é"): it only saves work.
            let want = t.kind == Kind::Word && lower == raw;
            assert!(t.plain == want || !t.plain && !raw.is_ascii(), "{raw:?}");
        }
    }

    #[test]
    fn fast_path_matches_char_by_char_reading() {
        for text in [
            "Agents recorded 269,735 encounters in Sept. 2023. Then 1.5m fled.",
            "The U.S. and the U.K. met on Dec. 5. Talks end at 10:30 a.m.",
            "Don't say it’s 2,50 or 1,0000 or 3.14.15 or 1.5. Done!",
            "Café Müller’s staff of 12 — naïve? İstanbul, ÆØÅ, straße.",
            "x² and ٣ and 5² and RF_SoTX_956 and 27th and 250k+ and 1_000",
            "Tabs\tand\u{b}vertical\u{c}feeds\r\nand\u{a0}no-break\u{2003}em spaces.",
            "Quotes: ‘single’ “double” 'plain' rock'n'roll o’clock ’tis l'été",
            "Ellipsis… then a new one. Mr. Smith? Yes! Jan. Feb. JUNE. Mar.",
            "1,234,567.89 and 1,23 and 12,345,6789 and 9999999999999999 and 1.2.3",
            "Ends with a digit 1",
            "Ends with a comma 1,",
            "Ends with a point 1.",
            "日本語のテキスト 2024年 and emoji 👍🏽 ok.",
            "",
            " ",
            "'",
            "a’",
            "’a",
        ] {
            same_as_reference(text, Span::new(0, text.len()));
        }
        // The body may end in the middle of a number or after an apostrophe.
        let text = "It cost 1,234 dollars and O'Neil said 3.5";
        for end in 0..=text.len() {
            same_as_reference(text, Span::new(0, end));
        }
        let text = "Its 1,234 rock’n’roll fans";
        for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
            same_as_reference(text, Span::new(0, end));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_tokenizes_as_char_by_char(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "B", "z", "1", "0", "9", ",", ".", "'", "\u{2019}", "_", " ", "\n",
                "\r", "\t", "\u{b}", "\u{a0}", "é", "İ", "²", "٣", "…", "!", "?", "-",
                "$", "%", "Dec", "may", "U", "k", "m", "€",
            ]), 0..40)
        ) {
            let text: String = parts.concat();
            same_as_reference(&text, Span::new(0, text.len()));
        }
    }
}
