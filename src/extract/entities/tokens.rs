//! Words of the article body with the facts the entity rules need: case,
//! possessive, sentence start, and whether the gap before is plain space.

use crate::document::Span;

use super::lex::{self, key};

/// Abbreviations that keep their final period inside the word ("Sen.").
const DOTTED: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "lt", "gen", "col", "sgt",
    "capt", "prof", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "dept", "adm", "cmdr",
    "maj", "det",
];

#[derive(Debug, Clone)]
pub struct Tok {
    /// The word less any possessive ending.
    pub span: Span,
    /// Folded form of the word.
    pub key: String,
    /// First letter upper case.
    pub cap: bool,
    /// Two or more letters, all upper case ("CBP", "U.S.").
    pub all_caps: bool,
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

impl Tok {
    /// Could be (part of) a name: capitalised and not a handle, contraction
    /// or identifier.
    pub fn nameable(&self) -> bool {
        let shouted_word = self.all_caps
            && lex::is_common(&self.key)
            && !lex::PLACES.contains(&self.key)
            && !lex::INSTITUTIONS.contains(&self.key);
        // "COVID-19", "A1231", "F-35": identifiers with digits are never names.
        let identifier = self.key.chars().any(|c| c.is_ascii_digit());
        self.cap && !self.skip && !self.contraction && !shouted_word && !identifier
    }

    pub fn is_acronym(&self) -> bool {
        let letters = self.key.chars().filter(|c| c.is_alphabetic()).count();
        self.all_caps && (2..=6).contains(&letters) && !self.key.contains('.')
    }
}

fn is_inner(c: char) -> bool {
    matches!(c, '-' | '.' | '\'' | '\u{2019}' | '&')
}

/// Splits `text[body]` into words.
pub fn tokenize(text: &str, body: Span) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let region = &text[body.start..body.end];
    // the character at byte offset `p` of the region (always a boundary)
    let at = |p: usize| region.get(p..).and_then(|r| r.chars().next());
    let mut p = 0;
    let mut prev_end = body.start;
    while let Some(c) = at(p) {
        if !c.is_alphanumeric() {
            p += c.len_utf8();
            continue;
        }
        let start = body.start + p;
        let mut q = p + c.len_utf8();
        while let Some(cq) = at(q) {
            if cq.is_alphanumeric() || cq == '_' {
                q += cq.len_utf8();
            } else if let Some(next) =
                at(q + cq.len_utf8()).filter(|n| is_inner(cq) && n.is_alphanumeric())
            {
                q += cq.len_utf8() + next.len_utf8();
            } else {
                break;
            }
        }
        let mut end = body.start + q;
        let mut word = &text[start..end];
        // Initials and abbreviations keep their period: "U.S.", "F.", "Sen."
        if at(q) == Some('.') {
            let dotted_initials = word.split('.').all(|p| p.chars().count() == 1);
            let lower = word.to_ascii_lowercase();
            if (dotted_initials && word.chars().next().is_some_and(char::is_uppercase))
                || DOTTED.contains(&lower.as_str())
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
            if let Some(quote) = at(q).filter(|c| matches!(c, '\'' | '\u{2019}')) {
                poss = !at(q + quote.len_utf8()).is_some_and(char::is_alphanumeric);
            }
        }
        word = &text[start..end];
        if let Some(p) = word.find(['\'', '\u{2019}']) {
            let rest = &word[p..];
            let tail = rest
                .trim_start_matches(['\'', '\u{2019}'])
                .to_ascii_lowercase();
            if matches!(tail.as_str(), "re" | "ve" | "ll" | "d" | "m" | "t") {
                contraction = true;
            }
        }
        let before = &text[prev_end.min(start)..start];
        let prev_char = text[..start].chars().next_back();
        let next_char = text[full_end..].chars().next();
        let skip = matches!(prev_char, Some('@' | '#' | '/' | '_'))
            || matches!(next_char, Some('/' | '@'))
            || word.contains("//");
        let joined = !out.is_empty()
            && !before.is_empty()
            && before.chars().all(|c| c == ' ' || c == '\u{a0}')
            && !out.last().is_some_and(|t: &Tok| t.poss);
        let first = word.chars().next().unwrap_or(' ');
        let (mut letters, mut upper) = (0, 0);
        for c in word.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
        let cap = first.is_uppercase();
        let all_caps = letters >= 2 && upper == letters;
        let sent_start = starts_sentence(text, body.start, start, out.last());
        out.push(Tok {
            span: Span::new(start, end),
            key: key(word),
            cap,
            all_caps,
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
                let function = lex::is_connector(&t.key)
                    || matches!(
                        t.key.as_str(),
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
