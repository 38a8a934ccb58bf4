//! The figures tokenizer: the body split into words, numbers, identifiers
//! and punctuation, each with its sentence number, and the list of tokens
//! that can start a figure.
//!
//! It runs over every byte of the body, so the common tokens (words of ASCII
//! letters, plain digit runs, single marks, dashes and curly quotes) are read
//! on a fast path, letters eight at a time; anything else goes to `run`,
//! which decodes and classifies characters as `char` does. The tests check
//! both against the char-by-char reading they replace.

use crate::document::{Span, is_alphabetic, is_alphanumeric};

use super::words::{START_WORDS, StartWords, is_month_name};

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
    /// All ASCII: its lower-case form is its ASCII lower-case form.
    pub ascii: bool,
}

/// What an ASCII byte is to the tokenizer; `NON_ASCII` for the bytes of
/// any other character.
const LOWER: u8 = 0;
const UPPER: u8 = 1;
const DIGIT: u8 = 2;
const UNDERSCORE: u8 = 3;
const SPACE: u8 = 4;
const PUNCT: u8 = 5;
const NON_ASCII: u8 = 6;

static CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match c {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            b'_' => UNDERSCORE,
            // White space as `char::is_whitespace` has it.
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => SPACE,
            _ => PUNCT,
        };
        b += 1;
    }
    t
};

/// Bytes after ASCII letters that end the word: white space and marks other
/// than the apostrophe (`,` and `.` join digits only).
static ENDS_LETTERS: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (CLASS[b] == SPACE || CLASS[b] == PUNCT) && b != b'\'' as usize;
        b += 1;
    }
    t
};

/// A mark that ends a sentence when white space follows (unless it closes an
/// abbreviation).
fn ends_sentence(kind: Kind) -> bool {
    matches!(kind, Kind::Punct('.' | '!' | '?' | '…'))
}

/// Dashes, quotes, bullets and the ellipsis (U+2010 to U+2027) and the
/// marks after them (U+2030 to U+205E): neither white space nor word
/// characters, which `char` would find out only from its Unicode tables.
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
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

/// The end of the ASCII letters from `j` on. Words are mostly such
/// letters, so they are tested eight at a time, each byte in lower case
/// (setting bit 0x20 lower-cases a letter and makes no other byte one): a
/// byte is flagged when it is below `a` (adding 0x1F leaves its top bit
/// clear), above `z` (adding 0x05 sets it) or not ASCII (top bit set). A
/// carry out of a flagged byte can only spoil the bytes above it, never the
/// lowest flagged one.
fn letter_run(bytes: &[u8], mut j: usize) -> usize {
    const TOP: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(j..j + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(chunk) | 0x2020_2020_2020_2020;
        let from_a = w.wrapping_add(0x1F1F_1F1F_1F1F_1F1F);
        let past_z = w.wrapping_add(0x0505_0505_0505_0505);
        let flagged = (!from_a | past_z | w) & TOP;
        if flagged != 0 {
            return j + (flagged.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
        j += 1;
    }
    j
}

/// The end of the word of ASCII letters starting at `i`, with apostrophes
/// (`'` or `’`) between letters, when something that cannot join letters
/// ends it (white space, a mark other than the apostrophe: `,` and `.` join
/// digits only, or a dash or curly quote), and whether it is all ASCII.
/// `None` for any other word, which `run` reads.
#[inline]
fn plain_word(bytes: &[u8], i: usize) -> Option<(usize, bool)> {
    let mut j = letter_run(bytes, i + 1);
    let mut ascii = true;
    loop {
        let after = |n: usize| bytes.get(j + n).is_some_and(u8::is_ascii_alphabetic);
        match bytes.get(j) {
            None => return Some((j, ascii)),
            Some(&s) if ENDS_LETTERS[s as usize] => return Some((j, ascii)),
            Some(b'\'') if after(1) => j = letter_run(bytes, j + 2),
            Some(0xE2) => match bytes.get(j + 1..j + 3) {
                // U+2019, the curly apostrophe, before a letter.
                Some([0x80, 0x99]) if after(3) => {
                    ascii = false;
                    j = letter_run(bytes, j + 4);
                }
                Some([0x80, 0x99]) => return None,
                // U+2010 to U+2027 and U+2030 to U+205E.
                Some([0x80, 0x90..=0xA7 | 0xB0..=0xBF] | [0x81, 0x80..=0x9E]) => {
                    return Some((j, ascii));
                }
                _ => return None,
            },
            Some(_) => return None,
        }
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
    /// Any non-ASCII character.
    not_ascii: bool,
}

/// The run of word characters starting at `i` (a word character): letters
/// and digits, with `,` groups and a decimal point between digits and
/// apostrophes between letters.
#[inline]
fn run(text: &str, i: usize, end: usize) -> Run {
    let bytes = &text.as_bytes()[..end];
    // The digit tests after a `,` may look past the body, as they always have.
    let digit = |k: usize| text.as_bytes().get(k).is_some_and(u8::is_ascii_digit);
    let mut r = Run {
        end: i,
        digits: 0,
        dots: 0,
        not_letters: false,
        not_ascii: false,
    };
    let mut j = i;
    loop {
        j = letter_run(bytes, j);
        let Some(&b) = bytes.get(j) else {
            break;
        };
        match CLASS[b as usize] {
            LOWER => j += 1,
            UPPER => j += 1,
            DIGIT => {
                r.digits += 1;
                j += 1;
            }
            UNDERSCORE => {
                r.not_letters = true;
                j += 1;
            }
            NON_ASCII => {
                let Some(ch) = text[j..end].chars().next() else {
                    break;
                };
                let n = ch.len_utf8();
                if ch == '\u{2019}' {
                    if !(j > i && alphabetic_before(text, j) && alphabetic_at(text, j + n, end)) {
                        break;
                    }
                } else if !is_alphanumeric(ch) {
                    break;
                } else {
                    r.not_letters |= !is_alphabetic(ch);
                }
                r.not_ascii = true;
                j += n;
            }
            _ => {
                let joins = match b {
                    b',' => {
                        j > i
                            && digit(j - 1)
                            && digit(j + 1)
                            && digit(j + 2)
                            && digit(j + 3)
                            && !digit(j + 4)
                            && j + 4 <= end
                    }
                    b'.' => {
                        let point = j > i && digit(j - 1) && digit(j + 1) && j + 1 < end;
                        r.dots += usize::from(point);
                        point
                    }
                    b'\'' => j > i && alphabetic_before(text, j) && alphabetic_at(text, j + 1, end),
                    _ => false,
                };
                if !joins {
                    break;
                }
                j += 1;
            }
        }
    }
    r.end = j;
    r
}

/// The tokens of a body, and the ones among them that may start a number.
pub(super) struct Tokens {
    pub toks: Vec<Tok>,
    /// In order: every number, and every word in `START_WORDS` (a number
    /// word, a fraction or an article). Only these can start a figure.
    pub starts: Vec<usize>,
}

// Kept out of line: inlined into `extract`, its loop keeps less in registers.
#[inline(never)]
pub(super) fn tokenize(text: &str, body: Span) -> Tokens {
    let mut t = Tokenizer {
        text,
        end: body.end,
        starts_number: &START_WORDS,
        // English runs five or six bytes a token: one allocation for most
        // bodies.
        toks: Vec::with_capacity(body.len() / 5 + 1),
        // Numbers and number words are a few in a hundred tokens.
        starts: Vec::with_capacity(body.len() / 128 + 8),
        sent: 0,
        space: false,
    };
    let bytes = &text.as_bytes()[..body.end];
    let mut i = body.start;
    // The common cases are read here; `other` reads the rest.
    while let Some(&b) = bytes.get(i) {
        let class = CLASS[b as usize];
        match class {
            LOWER | UPPER => {
                // Most tokens are words of ASCII letters.
                if let Some((j, ascii)) = plain_word(bytes, i) {
                    let w = &bytes[i..j];
                    if t.starts_number.contains(w) {
                        t.starts.push(t.toks.len());
                    }
                    t.push(i, j, Kind::Word, ascii);
                    // White space after a word never ends a sentence.
                    t.space = matches!(bytes.get(j), Some(b' '));
                    i = j + usize::from(t.space);
                    continue;
                }
            }
            SPACE => {
                // A line break, or a sentence end not closing an
                // abbreviation, starts the next sentence.
                if b == b'\n'
                    || !t.space
                        && t.toks.last().is_some_and(|p| ends_sentence(p.kind))
                        && !abbreviation_dot(text, &t.toks)
                {
                    t.sent += 1;
                }
                t.space = true;
                i += 1;
                continue;
            }
            PUNCT => {
                t.push(i, i + 1, Kind::Punct(b as char), true);
                i += 1;
                // White space after a mark that cannot end a sentence.
                if matches!(bytes.get(i), Some(b' ')) && !ends_sentence(Kind::Punct(b as char)) {
                    t.space = true;
                    i += 1;
                }
                continue;
            }
            DIGIT => {
                // Most numbers are plain digits ended by a space or a mark
                // other than `,` and `.` (which may join more digits).
                let mut j = i + 1;
                while bytes.get(j).is_some_and(u8::is_ascii_digit) {
                    j += 1;
                }
                let stop = bytes.get(j).copied();
                if stop.is_none_or(|s| ENDS_LETTERS[s as usize] && s != b',' && s != b'.') {
                    let kind = if j - i > MAX_DIGITS {
                        Kind::Ident
                    } else {
                        t.starts.push(t.toks.len());
                        Kind::Num
                    };
                    t.push(i, j, kind, true);
                    // White space after a number never ends a sentence.
                    t.space = stop == Some(b' ');
                    i = j + usize::from(t.space);
                    continue;
                }
            }
            // Dashes and curly quotes.
            NON_ASCII if b == 0xE2 => {
                if let Some(c) = text[i..body.end].chars().next()
                    && is_general_punctuation(c)
                {
                    let n = c.len_utf8();
                    t.push(i, i + n, Kind::Punct(c), false);
                    i += n;
                    if matches!(bytes.get(i), Some(b' ')) && !ends_sentence(Kind::Punct(c)) {
                        t.space = true;
                        i += 1;
                    }
                    continue;
                }
            }
            _ => {}
        }
        i = t.other(i, class);
    }
    Tokens {
        toks: t.toks,
        starts: t.starts,
    }
}

/// The tokenizer's state between tokens.
struct Tokenizer<'t> {
    text: &'t str,
    end: usize,
    starts_number: &'t StartWords,
    toks: Vec<Tok>,
    starts: Vec<usize>,
    sent: u32,
    /// White space since the last token.
    space: bool,
}

impl Tokenizer<'_> {
    /// Reads what starts at byte `i`, of class `class`, other than a plain
    /// ASCII word: white space, a mark, a number, a word with capitals,
    /// apostrophes or other scripts inside. The index after it.
    #[inline(never)]
    fn other(&mut self, i: usize, class: u8) -> usize {
        let (text, end) = (self.text, self.end);
        let bytes = text.as_bytes();
        let b = bytes[i];
        let (c, white, word) = match class {
            SPACE => (b as char, true, false),
            PUNCT => (b as char, false, false),
            NON_ASCII => {
                let Some(c) = text[i..end].chars().next() else {
                    return end;
                };
                if is_general_punctuation(c) {
                    (c, false, false)
                } else {
                    let white = c.is_whitespace();
                    (c, white, !white && is_alphanumeric(c))
                }
            }
            _ => (b as char, false, true),
        };
        if white {
            if c == '\n' {
                self.sent += 1;
            } else if let Some(prev) = self.toks.last()
                && !self.space
                && ends_sentence(prev.kind)
                && !abbreviation_dot(text, &self.toks)
            {
                self.sent += 1;
            }
            self.space = true;
            return i + c.len_utf8();
        }
        if !word {
            self.push(i, i + c.len_utf8(), Kind::Punct(c), c.is_ascii());
            return i + c.len_utf8();
        }
        let r = run(text, i, end);
        let j = r.end;
        let kind = if class == DIGIT {
            classify_number(&text[i..j], r.digits, r.dots)
        } else if r.digits == 0 && !r.not_letters {
            Kind::Word
        } else {
            Kind::Ident
        };
        let may_start = match kind {
            Kind::Num | Kind::NumSuffix { .. } => true,
            Kind::Word => {
                let w = &bytes[i..j];
                self.starts_number.contains(w)
            }
            _ => false,
        };
        if may_start {
            self.starts.push(self.toks.len());
        }
        self.push(i, j, kind, !r.not_ascii);
        j
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: Kind, ascii: bool) {
        self.toks.push(Tok {
            start,
            end,
            kind,
            sent: self.sent,
            space: self.space,
            ascii,
        });
        self.space = false;
    }
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
    use super::super::words::{FRACTIONS, NUMBER_WORDS};
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
            if is_alphanumeric(c) || c == '_' {
                let mut j = i;
                let mut digits = 0usize;
                let mut dots = 0usize;
                while j < end {
                    let Some(ch) = text[j..end].chars().next() else {
                        break;
                    };
                    if is_alphanumeric(ch) || ch == '_' {
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
        let tokens = tokenize(text, body);
        let got: Vec<_> = tokens
            .toks
            .iter()
            .map(|t| (t.start, t.end, t.kind, t.space, t.sent))
            .collect();
        assert_eq!(got, reference(text, body), "in {text:?}");
        for (k, t) in tokens.toks.iter().enumerate() {
            let raw = &text[t.start..t.end];
            // Every token that may start a number is listed.
            let listed = tokens.starts.binary_search(&k).is_ok();
            let folded = raw.to_ascii_lowercase();
            let start_word = raw.len() <= 9
                && raw.is_ascii()
                && (NUMBER_WORDS.contains_key(&folded)
                    || FRACTIONS.contains_key(&folded)
                    || folded == "a"
                    || folded == "an");
            let want = match t.kind {
                Kind::Num | Kind::NumSuffix { .. } => true,
                Kind::Word => start_word,
                _ => false,
            };
            assert_eq!(listed, want, "{raw:?} in {text:?}");
            assert_eq!(t.ascii, raw.is_ascii(), "{raw:?}");
            if t.ascii && t.kind == Kind::Word {
                assert_eq!(super::super::words::lower(raw), raw.to_ascii_lowercase());
            }
        }
    }

    #[test]
    fn fast_path_matches_char_by_char_reading() {
        for text in [
            "Agents recorded 269,735 encounters in Sept. 2023. Then 1.5m fled.",
            "The U.S. and the U.K. met on Dec. 5. Talks end at 10:30 a.m.",
            "Don't say it’s 2,50 or 1,0000 or 3.14.15 or 1.5. Done!",
            "Café Müller’s staff of 12 — naïve? İstanbul, ÆØÅ, straße.",
            "Up 12% — to 1,500… “Yes” ‘no’ 2023’s 40’s 9— 9… 7\u{2028}8 5\u{205f}6",
            "1234567890123456 and 123456789012345 and 12\n34 and 56'78 and 9_0 and 3x",
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

    #[test]
    fn plain_words_and_the_words_left_to_run() {
        for (text, want) in [
            ("migrants said", Some((8, true))),
            ("CBP.", Some((3, true))),
            ("Trump's wall", Some((7, true))),
            ("rock'n'roll", Some((11, true))),
            ("Trump\u{2019}s wall", Some((9, false))),
            ("o\u{2019}clock", Some((9, false))),
            ("end", Some((3, true))),
            ("don'", None),
            ("l'\u{e9}t\u{e9}", None),
            ("it\u{2019}", None),
            ("said\u{201d} he", Some((4, true))),
            ("war\u{2014}and", Some((3, true))),
            ("Trump\u{2019}s\u{201d}", Some((9, false))),
            ("end\u{2026}", Some((3, true))),
            ("end\u{2028}", None),
            ("end\u{205f}", None),
            ("x\u{2070}", None),
            ("caf\u{e9}s", None),
            ("x2", None),
            ("snake_case", None),
            ("caf\u{e9}", None),
            ("O'", None),
        ] {
            assert_eq!(plain_word(text.as_bytes(), 0), want, "{text:?}");
        }
    }

    #[test]
    fn letter_run_stops_at_the_first_other_byte() {
        for (text, from, want) in [
            ("migrants", 0, 8),
            ("encounters in", 0, 10),
            ("abcdefghijklmnopqrstuvwxyz{", 0, 26),
            ("abcdefgh`", 0, 8),
            ("Agents", 0, 6),
            ("CBP agents", 0, 3),
            ("McDonald's", 0, 8),
            ("Z@[`{", 0, 1),
            ("naïve people", 0, 2),
            ("caf\u{e9}s", 0, 3),
            ("abcdefg\u{2019}s", 0, 7),
            ("shares@", 0, 6),
            ("", 0, 0),
        ] {
            assert_eq!(letter_run(text.as_bytes(), from), want, "{text:?}");
        }
        // Every byte value, at every place in a chunk of eight.
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"abcdefghij";
                bytes[at] = b;
                let want = if b.is_ascii_alphabetic() { 10 } else { at };
                assert_eq!(letter_run(&bytes, 0), want, "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn start_words_are_the_number_words_fractions_and_articles() {
        let listed = |w: &str| {
            let l = w.to_ascii_lowercase();
            w.len() <= 9
                && w.is_ascii()
                && (NUMBER_WORDS.contains_key(&l)
                    || FRACTIONS.contains_key(&l)
                    || l == "a"
                    || l == "an")
        };
        let mut words: Vec<String> = NUMBER_WORDS
            .keys()
            .chain(FRACTIONS.keys())
            .map(|w| w.to_string())
            .collect();
        words.extend(words.clone().iter().map(|w| w.to_ascii_uppercase()));
        words.extend(words.clone().iter().map(|w| format!("{w}s")));
        words.extend(words.clone().iter().map(|w| w[1..].to_string()));
        words.extend(
            [
                "a",
                "An",
                "AN",
                "the",
                "three",
                "There",
                "their",
                "thousands",
                "for",
                "four",
                "Forty",
                "on",
                "one",
                "One's",
                "as",
                "I",
                "",
                "3",
                "_a",
                "a'b",
                "é",
                "twenty",
                "twentyone",
                "seventeen",
                "Seventeen",
                "seventeens",
                "half",
                "Quarter",
                "hal",
                "f\u{ed}ve",
                "ﬁve",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(START_WORDS.contains(w.as_bytes()), listed(w), "{w:?}");
        }
    }

    #[test]
    fn general_punctuation_is_neither_space_nor_word() {
        for c in ('\u{2010}'..='\u{2027}').chain('\u{2030}'..='\u{205E}') {
            assert!(is_general_punctuation(c));
            assert!(!c.is_whitespace() && !c.is_alphanumeric(), "{c:?}");
        }
        assert!(!is_general_punctuation('\u{2028}') && !is_general_punctuation('\u{205F}'));
    }

    proptest::proptest! {
        #[test]
        fn any_text_tokenizes_as_char_by_char(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "B", "z", "1", "0", "9", ",", ".", "'", "\u{2019}", "_", " ", "\n",
                "\r", "\t", "\u{b}", "\u{a0}", "é", "İ", "²", "٣", "…", "!", "?", "-",
                "$", "%", "Dec", "may", "U", "k", "m", "€", "\u{2014}", "\u{201c}", "\u{2028}",
                "\u{205f}", "\u{200b}", "ⁱ",
            ]), 0..40)
        ) {
            let text: String = parts.concat();
            same_as_reference(&text, Span::new(0, text.len()));
        }
    }
}
