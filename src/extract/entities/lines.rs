//! Line-shaped cues: the attribution line of a quoted post, photo credits
//! and bylines. Each gives a name with no sentence around it.
//!
//! Credits and bylines are rare, so the body is not run through their
//! patterns: one search of a lower-cased copy for the literals each must
//! hold ([`CUE_WORDS`]) finds the few places to read, and those are read
//! by hand, step for step as the patterns match. The regexes stay the
//! reference, and judge the lines where a name holds a character whose
//! `\w` class only Unicode's tables know.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind, packed};
use regex::Regex;

use crate::document::Span;
use crate::extract::posts::Attribution;

use super::lex::{self, key};

/// A name found on such a line; `person` false means an organisation.
pub struct LineName {
    pub span: Span,
    pub person: bool,
    pub rule: &'static str,
}

/// A licence credit line: "Gage Skidmore, CC BY-SA 2.0 , via Wikimedia
/// Commons". Read by [`credit_at`]; kept as the reference its tests check.
#[cfg(test)]
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t]*([A-Z][^\n,]+?),[ \t]*CC[ -]BY[^\n,]*,?[ \t]*via[ \t]+([A-Z][^\n]+?)[ \t]*$",
    )
    .expect("licence credit pattern compiles")
});

// Lengths are bounded in code, not in the patterns: `{1,60}` of a Unicode
// class compiles to sixty copies of it, and start-up pays for each.

/// The longest name or agency a licence credit line gives.
const MAX_CREDIT_CHARS: usize = 61;
/// The longest agency name a photo credit takes after its "/".
const MAX_AGENCY_CHARS: usize = 41;
/// The most words in a credited or bylined name.
const MAX_NAME_WORDS: usize = 4;

fn too_long(text: &str, span: Span, chars: usize) -> bool {
    text[span.start..span.end].chars().count() > chars
}

/// A photo credit: "Photo by Jane Doe/Reuters", "Image credit: John Roe".
/// Read by [`photo_credits`]; the regex judges lines where a name runs
/// into a character whose `\w` class only Unicode's tables know.
static PHOTO_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?i:photo|image|picture)s?(?i: credit)?[ \t]*(?i:by|:)|(?i:credit):)[ \t]*([A-Z][\w.'\u{2019}-]+(?: [A-Z][\w.'\u{2019}-]+)+)(?:[ \t]*/[ \t]*([A-Z][\w&.'\u{2019} -]+?))?[ \t]*(?:[)\n,;]|$)")
        .expect("photo credit pattern compiles")
});

/// A byline: "By Jane Doe and John Roe, Staff Writers". Read by
/// [`byline_at`]; the regex judges lines as [`PHOTO_BY`]'s.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*By ([A-Z][\w.'\u{2019}-]+(?: [A-Z][\w.'\u{2019}-]+)+)(?:[ \t]+and[ \t]+([A-Z][\w.'\u{2019}-]+(?: [A-Z][\w.'\u{2019}-]+)+))?[ \t]*(?:,|$)")
        .expect("byline pattern compiles")
});

/// The literals every credit and byline holds, lower case, searched in a
/// lower-cased copy of the body: the photo credit's keywords (which the
/// pattern takes in any case, and whose letters fold only to ASCII), the
/// licence and the byline's "By ". No cue word can start inside the hit of
/// another but "by " inside "cc by", which is not at a line's start: the
/// hits, which do not overlap, miss none that matter.
const CUE_WORDS: [&str; 7] = [
    "photo", "image", "picture", "credit", "cc by", "cc-by", "by ",
];

/// What a hit on [`CUE_WORDS`] can open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// "photo", "image", "picture" (the keyword's length): `…s? credit? by|:`
    Photo(usize),
    /// "credit": `credit:`
    Credit,
    /// "CC BY" or "CC-BY" (the licence is upper case)
    Licence,
    /// "By " (upper case B)
    By,
}

enum CueSearcher {
    /// Teddy, where the CPU has it.
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

static CUES: LazyLock<CueSearcher> =
    LazyLock::new(
        || match packed::Config::new().builder().extend(CUE_WORDS).build() {
            Some(searcher) => CueSearcher::Packed(searcher),
            None => CueSearcher::Automaton(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(CUE_WORDS)
                    .expect("seven short literals build"),
            ),
        },
    );

/// The cues of `region`, in text order, with where each hit starts.
fn cues(region: &str) -> Vec<(Cue, usize)> {
    let lower = region.as_bytes().to_ascii_lowercase();
    let hits: Vec<(usize, usize)> = match &*CUES {
        CueSearcher::Packed(s) => s
            .find_iter(&lower)
            .map(|m| (m.pattern().as_usize(), m.start()))
            .collect(),
        CueSearcher::Automaton(a) => a
            .find_iter(&lower)
            .map(|m| (m.pattern().as_usize(), m.start()))
            .collect(),
    };
    let bytes = region.as_bytes();
    hits.into_iter()
        .filter_map(|(pattern, at)| {
            let cue = match pattern {
                0..=2 => Cue::Photo(CUE_WORDS[pattern].len()),
                3 => Cue::Credit,
                4 | 5 if bytes[at..at + 2] == *b"CC" && bytes[at + 3..at + 5] == *b"BY" => {
                    Cue::Licence
                }
                6 if bytes[at..at + 2] == *b"By" => Cue::By,
                _ => return None,
            };
            Some((cue, at))
        })
        .collect()
}

/// A web address used as a name: "Muckraker.com".
pub fn is_domain(word: &str) -> bool {
    // compared in ASCII lower case, byte for byte: no copy
    let bytes = word.as_bytes();
    [
        ".com", ".org", ".net", ".news", ".io", ".co.uk", ".gov", ".info", ".tv",
    ]
    .iter()
    .any(|tld| {
        bytes.len() > tld.len()
            && bytes[bytes.len() - tld.len()..].eq_ignore_ascii_case(tld.as_bytes())
    })
}

/// "Bill Melugin", "Gage Skidmore": two to four capitalised words, the first
/// neither a place nor (unless it is a first name) a common word.
pub fn looks_like_person(name: &str, strict: bool) -> bool {
    let mut words = [""; 4];
    let mut count = 0;
    for word in name.split_whitespace() {
        if count == words.len() {
            return false;
        }
        words[count] = word;
        count += 1;
    }
    let words = &words[..count];
    if words.len() < 2 {
        return false;
    }
    if !words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '\u{2019}'))
            && (!w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                || (w.len() == 2 && w.ends_with('.')))
    }) {
        return false;
    }
    let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
    if keys
        .iter()
        .any(|k| lex::is_placeish(k) || lex::ORG_HEADS.contains(k))
    {
        return false;
    }
    let first = &keys[0];
    let last = &keys[keys.len() - 1];
    !strict
        || lex::is_first_name(first)
        || (!lex::is_common(first) && (!lex::is_common(last) || lex::SURNAMES.contains(last)))
}

fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let a = start + (s.len() - s.trim_start().len());
    let b = end - (s.len() - s.trim_end().len());
    Span::new(a, b.max(a))
}

/// Names on attribution, credit and byline lines of `text[body]`, with the
/// spans those lines' names cover (their words are not scanned again).
pub fn find(text: &str, body: Span, attributions: &[Attribution]) -> (Vec<LineName>, Vec<Span>) {
    let region = &text[body.start..body.end];
    let mut names = Vec::new();
    let mut consumed = Vec::new();
    // the posts extractor owns the attribution line; its display name is ours
    for a in attributions {
        let span = a.name;
        let display = &text[span.start..span.end];
        consumed.push(span);
        if is_domain(display) {
            names.push(LineName {
                span,
                person: false,
                rule: "post-author",
            });
        } else if looks_like_person(display, true) {
            names.push(LineName {
                span,
                person: true,
                rule: "post-author",
            });
        }
    }
    let cues = cues(region);
    let at_body = |s: Span| Span::new(body.start + s.start, body.start + s.end);
    for c in credits(region, &cues) {
        if too_long(region, c.who, MAX_CREDIT_CHARS) || too_long(region, c.via, MAX_CREDIT_CHARS) {
            continue;
        }
        consumed.push(at_body(c.all));
        let span = trimmed(text, body.start + c.who.start, body.start + c.who.end);
        if looks_like_person(&text[span.start..span.end], false) {
            names.push(LineName {
                span,
                person: true,
                rule: "photo-credit",
            });
        }
        let span = trimmed(text, body.start + c.via.start, body.start + c.via.end);
        names.push(LineName {
            span,
            person: false,
            rule: "photo-credit",
        });
    }
    for c in photo_credits(region, &cues) {
        let who = c.who;
        let long_name = region[who.start..who.end].split(' ').count() > MAX_NAME_WORDS;
        if long_name
            || c.org
                .is_some_and(|org| too_long(region, org, MAX_AGENCY_CHARS))
        {
            continue;
        }
        let span = trimmed(text, body.start + who.start, body.start + who.end);
        add_person(text, span, "photo-credit", &mut names, &mut consumed);
        if let Some(org) = c.org {
            let span = trimmed(text, body.start + org.start, body.start + org.end);
            consumed.push(span);
            names.push(LineName {
                span,
                person: false,
                rule: "photo-credit",
            });
        }
    }
    for who in bylines(region, &cues) {
        let span = trimmed(text, body.start + who.start, body.start + who.end);
        add_person(text, span, "byline", &mut names, &mut consumed);
    }
    (names, consumed)
}

/// A credited or bylined name, when it looks like a person's: a name, and
/// text the other rules leave alone.
fn add_person(
    text: &str,
    span: Span,
    rule: &'static str,
    names: &mut Vec<LineName>,
    consumed: &mut Vec<Span>,
) {
    if looks_like_person(&text[span.start..span.end], false) {
        consumed.push(span);
        names.push(LineName {
            span,
            person: true,
            rule,
        });
    }
}

/// One line of the region: `start..end` without its newline.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// The lines of the cues, found once each: cues come in text order, so a
/// line's ends are looked for only between the previous line and the next.
struct Lines<'a> {
    region: &'a str,
    last: Option<Line>,
}

impl<'a> Lines<'a> {
    fn new(region: &'a str) -> Self {
        Lines { region, last: None }
    }

    /// The line holding byte `at`, and whether it is a new one.
    fn at(&mut self, at: usize) -> (Line, bool) {
        if let Some(line) = self.last.filter(|l| at <= l.end) {
            return (line, false);
        }
        let floor = self.last.map_or(0, |l| l.end + 1);
        let start = self.region[floor..at]
            .rfind('\n')
            .map_or(floor, |i| floor + i + 1);
        let end = self.region[at..]
            .find('\n')
            .map_or(self.region.len(), |i| at + i);
        let line = Line { start, end };
        self.last = Some(line);
        (line, true)
    }
}

/// The groups of a [`CREDIT`] match, as byte ranges of the region.
struct Credit {
    all: Span,
    who: Span,
    via: Span,
}

/// The licence credits of the lines that hold a licence cue.
fn credits(region: &str, cues: &[(Cue, usize)]) -> Vec<Credit> {
    let mut lines = Lines::new(region);
    let mut out = Vec::new();
    for &(cue, at) in cues {
        if cue != Cue::Licence {
            continue;
        }
        let (line, new) = lines.at(at);
        if new {
            out.extend(credit_at(region, line));
        }
    }
    out
}

/// The position after the spaces and tabs at `at`.
fn blanks(bytes: &[u8], mut at: usize, end: usize) -> usize {
    while at < end && matches!(bytes[at], b' ' | b'\t') {
        at += 1;
    }
    at
}

/// [`CREDIT`] on one line, without the regex. Its classes are all ASCII
/// or "anything but a comma", and each step has one way to match: the name
/// runs to the line's first comma; `[^\n,]*` before "via" backtracks from
/// the next comma, so the last "via" that can lead the agency is the one.
fn credit_at(region: &str, line: Line) -> Option<Credit> {
    let bytes = region.as_bytes();
    let end = line.end;
    let who_start = blanks(bytes, line.start, end);
    if !bytes.get(who_start).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    // `[^\n,]+?,`: at least one character, then the first comma
    let comma = who_start + 1 + region[who_start + 1..end].find(',')?;
    if comma == who_start + 1 {
        return None;
    }
    let licence = blanks(bytes, comma + 1, end);
    let is_licence = bytes
        .get(licence..licence + 5)
        .is_some_and(|l| l.starts_with(b"CC") && matches!(l[2], b' ' | b'-') && l.ends_with(b"BY"));
    if !is_licence {
        return None;
    }
    let after = licence + 5;
    let next_comma = region[after..end].find(',').map_or(end, |i| after + i);
    // The agency: `via[ \t]+([A-Z][^\n]+?)[ \t]*$` from `via`.
    let text_end = region[..end].trim_end_matches([' ', '\t']).len();
    let agency = |via: usize| -> Option<Span> {
        if !region[via..end].starts_with("via") {
            return None;
        }
        let name = blanks(bytes, via + 3, end);
        if name == via + 3 || !bytes.get(name).is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        // one character at least after the capital, then only blanks
        let first = region[name + 1..end].chars().next()?;
        Some(Span::new(name, text_end.max(name + 1 + first.len_utf8())))
    };
    let via = (bytes.get(next_comma) == Some(&b','))
        .then(|| agency(blanks(bytes, next_comma + 1, end)))
        .flatten()
        .or_else(|| {
            region[after..next_comma]
                .rmatch_indices("via")
                .find_map(|(i, _)| agency(after + i))
        })?;
    Some(Credit {
        all: Span::new(line.start, end),
        who: Span::new(who_start, comma),
        via,
    })
}

/// Whether `c` is in the name class `[\w.'’-]` (`agency`: `[\w&.'’ -]`),
/// where that is plain: ASCII, `’`, the letters of Latin-1 and Latin
/// Extended-A, and the quotes, dashes and no-break space of news text.
/// `None` for the rest, whose `\w` only Unicode's tables know (std's
/// `is_alphanumeric` is not `\w`: marks, connector punctuation).
fn in_name_class(c: char, agency: bool) -> Option<bool> {
    if c.is_ascii() {
        return Some(
            c.is_ascii_alphanumeric()
                || matches!(c, '_' | '.' | '\'' | '-')
                || (agency && matches!(c, '&' | ' ')),
        );
    }
    match c {
        '\u{2019}' => Some(true),
        '×' | '÷' => Some(false),
        '\u{c0}'..='\u{17f}' => Some(true),
        '‘' | '“' | '”' | '—' | '–' | '…' | '«' | '»' | '\u{a0}' => Some(false),
        _ => None,
    }
}

/// The name words at `at`, within the line ending at `end`: `[A-Z]` and
/// the class `[\w.'’-]+`, joined by single spaces. Where they end and how
/// many there are (none: `(at, 0)`), or `None` when a character only the
/// regex can judge decides. A name, `[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+`,
/// is two or more: each word takes all the class it can, and the words all
/// they can, as what the patterns put after a name never starts with the
/// class or with " [A-Z]".
fn name_words(region: &str, at: usize, end: usize) -> Option<(usize, usize)> {
    let bytes = region.as_bytes();
    let word_end = |at: usize| -> Option<Option<usize>> {
        if at >= end || !bytes[at].is_ascii_uppercase() {
            return Some(None);
        }
        let mut pos = at + 1;
        for c in region[pos..end].chars() {
            if !in_name_class(c, false)? {
                break;
            }
            pos += c.len_utf8();
        }
        Some((pos > at + 1).then_some(pos))
    };
    let Some(mut pos) = word_end(at)? else {
        return Some((at, 0));
    };
    let mut words = 1;
    while pos < end && bytes[pos] == b' ' {
        match word_end(pos + 1)? {
            Some(next) => {
                pos = next;
                words += 1;
            }
            None => break,
        }
    }
    Some((pos, words))
}

/// Where the name at `at` ends, when two or more words make one there
/// (`Some(None)`: no name); `None` as for [`name_words`].
fn name_end(region: &str, at: usize, end: usize) -> Option<Option<usize>> {
    let (name_end, words) = name_words(region, at, end)?;
    Some((words >= 2).then_some(name_end))
}

/// The groups of a [`PHOTO_BY`] match, as byte ranges of the region.
struct PhotoCredit {
    who: Span,
    org: Option<Span>,
    /// Where the match ends (after the `)`, `,`, `;` or newline it takes).
    end: usize,
}

/// The photo credits of the region, in order: as `PHOTO_BY.captures_iter`
/// finds them. Every match starts at a keyword cue; one that starts before
/// the previous match ended is skipped, as the regex skips it.
fn photo_credits(region: &str, cues: &[(Cue, usize)]) -> Vec<PhotoCredit> {
    let mut lines = Lines::new(region);
    let mut out = Vec::new();
    let mut from = 0;
    // The words of the last name that led nowhere. A later name starting
    // among them ends where they end, and what follows fails it again (or
    // it has one word): so "Photo By Photo By …" is read once, not once a
    // keyword.
    let mut dead = 0..0;
    for &(cue, at) in cues {
        if !matches!(cue, Cue::Photo(_) | Cue::Credit) || at < from {
            continue;
        }
        let (line, _) = lines.at(at);
        let Some(name) = credit_name(region, at, cue, line.end) else {
            continue;
        };
        if dead.contains(&name) {
            continue;
        }
        let found = name_words(region, name, line.end).and_then(|(name_end, words)| {
            if words < 2 {
                return Some(Err(name_end));
            }
            Some(credit_after(region, Span::new(name, name_end), line.end)?.ok_or(name_end))
        });
        match found {
            Some(Ok(found)) => {
                from = found.end;
                out.push(found);
            }
            Some(Err(name_end)) => dead = name..name_end,
            None => {
                // The regex reads the rest of the line (a match takes at most
                // its newline), and so every cue on it.
                let stop = (line.end + 1).min(region.len());
                for c in PHOTO_BY.captures_iter(&region[at..stop]) {
                    let span = |m: regex::Match<'_>| Span::new(at + m.start(), at + m.end());
                    if let (Some(who), Some(all)) = (c.get(1), c.get(0)) {
                        out.push(PhotoCredit {
                            who: span(who),
                            org: c.get(2).map(span),
                            end: span(all).end,
                        });
                    }
                }
                from = stop;
            }
        }
    }
    out
}

/// Where the name of a [`PHOTO_BY`] match would start after the keyword cue
/// at `at` (`…s? credit? by|:` or `credit:`, then blanks), when the cue
/// opens one.
fn credit_name(region: &str, at: usize, cue: Cue, end: usize) -> Option<usize> {
    let bytes = region.as_bytes();
    // The keywords' letters, "credit" and "by" fold only to ASCII.
    let word = |at: usize, w: &str| {
        bytes
            .get(at..at + w.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(w.as_bytes()))
    };
    let mut pos;
    match cue {
        Cue::Photo(len) => {
            pos = at + len;
            if bytes.get(pos) == Some(&b's') {
                pos += 1;
            }
            if word(pos, " credit") {
                pos += 7;
            }
            pos = blanks(bytes, pos, end);
            if word(pos, "by") {
                pos += 2;
            } else if bytes.get(pos) == Some(&b':') {
                pos += 1;
            } else {
                return None;
            }
        }
        Cue::Credit if bytes.get(at + 6) == Some(&b':') => pos = at + 7,
        _ => return None,
    }
    Some(blanks(bytes, pos.min(end), end))
}

/// The rest of a [`PHOTO_BY`] match after its name `who`: an agency after a
/// slash, and the close. The match (`Some(None)`: none), or `None` when the
/// regex must judge.
fn credit_after(region: &str, who: Span, end: usize) -> Option<Option<PhotoCredit>> {
    let bytes = region.as_bytes();
    // `[ \t]*(?:[)\n,;]|$)`: a blank run, then a closing mark or the line's
    // end (its newline is taken; the region's end is `$`).
    let closes = |solid: usize| solid == end || matches!(bytes[solid], b')' | b',' | b';');
    let close_end = |solid: usize| (solid + 1).min(region.len());
    // An agency after a slash, as short as a close after it allows.
    let slash = blanks(bytes, who.end, end);
    if slash < end && bytes[slash] == b'/' {
        let org = blanks(bytes, slash + 1, end);
        if org < end && bytes[org].is_ascii_uppercase() {
            let mut pos = org + 1;
            let mut solid = pos;
            for c in region[org + 1..end].chars() {
                if !in_name_class(c, true)? {
                    break;
                }
                pos += c.len_utf8();
                if solid < pos {
                    solid = blanks(bytes, pos, end);
                }
                if closes(solid) {
                    return Some(Some(PhotoCredit {
                        who,
                        org: Some(Span::new(org, pos)),
                        end: close_end(solid),
                    }));
                }
            }
        }
    }
    let solid = blanks(bytes, who.end, end);
    Some(closes(solid).then(|| PhotoCredit {
        who,
        org: None,
        end: close_end(solid),
    }))
}

/// The bylined names of the region, in order: as `BYLINE.captures_iter`
/// finds them, one line at a time (a byline is a whole line).
fn bylines(region: &str, cues: &[(Cue, usize)]) -> Vec<Span> {
    let bytes = region.as_bytes();
    let mut lines = Lines::new(region);
    let mut out = Vec::new();
    for &(cue, at) in cues {
        if cue != Cue::By {
            continue;
        }
        // `^[ \t]*By `
        let mut start = at;
        while start > 0 && matches!(bytes[start - 1], b' ' | b'\t') {
            start -= 1;
        }
        if start > 0 && bytes[start - 1] != b'\n' {
            continue;
        }
        let (line, _) = lines.at(at);
        match byline_at(region, at + 3, line.end) {
            Some(names) => out.extend(names),
            None => {
                for c in BYLINE.captures_iter(&region[start..line.end]) {
                    let span = |m: regex::Match<'_>| Span::new(start + m.start(), start + m.end());
                    out.extend(c.get(1).map(span));
                    out.extend(c.get(2).map(span));
                }
            }
        }
    }
    out
}

/// [`BYLINE`] after its "By " at `at`, without the regex: the one or two
/// names, or `None` when the regex must judge.
fn byline_at(region: &str, at: usize, end: usize) -> Option<Vec<Span>> {
    let bytes = region.as_bytes();
    let Some(first) = name_end(region, at, end)? else {
        return Some(Vec::new());
    };
    // `[ \t]*(?:,|$)`
    let closes = |pos: usize| {
        let solid = blanks(bytes, pos, end);
        solid == end || bytes[solid] == b','
    };
    let is_blank = |pos: usize| pos < end && matches!(bytes[pos], b' ' | b'\t');
    // `(?:[ \t]+and[ \t]+(name))?`, taken when the close follows it
    if is_blank(first) {
        let and = blanks(bytes, first, end);
        if region[and..end].starts_with("and") && is_blank(and + 3) {
            let second = blanks(bytes, and + 3, end);
            if let Some(second_end) = name_end(region, second, end)? {
                if closes(second_end) {
                    return Some(vec![Span::new(at, first), Span::new(second, second_end)]);
                }
            }
        }
    }
    Some(if closes(first) {
        vec![Span::new(at, first)]
    } else {
        Vec::new()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(found: &[Span]) -> Vec<(usize, usize)> {
        found.iter().map(|s| (s.start, s.end)).collect()
    }

    /// Whether the line readers find what the regexes find, group by group.
    fn agrees(region: &str) {
        let cues = cues(region);
        let span = |m: regex::Match<'_>| (m.start(), m.end());
        let regex: Vec<_> = CREDIT
            .captures_iter(region)
            .map(|c| (c.get(0).map(span), c.get(1).map(span), c.get(2).map(span)))
            .collect();
        let fast: Vec<_> = credits(region, &cues)
            .iter()
            .map(|c| {
                let s = |s: Span| Some((s.start, s.end));
                (s(c.all), s(c.who), s(c.via))
            })
            .collect();
        assert_eq!(fast, regex, "licence credits in {region:?}");
        let regex: Vec<_> = PHOTO_BY
            .captures_iter(region)
            .map(|c| {
                (
                    c.get(1).map(span),
                    c.get(2).map(span),
                    c.get(0).map(|m| m.end()),
                )
            })
            .collect();
        let fast: Vec<_> = photo_credits(region, &cues)
            .iter()
            .map(|c| {
                let org = c.org.map(|o| (o.start, o.end));
                (Some((c.who.start, c.who.end)), org, Some(c.end))
            })
            .collect();
        assert_eq!(fast, regex, "photo credits in {region:?}");
        let regex: Vec<_> = BYLINE
            .captures_iter(region)
            .flat_map(|c| [c.get(1), c.get(2)])
            .flatten()
            .map(span)
            .collect();
        assert_eq!(
            spans(&bylines(region, &cues)),
            regex,
            "bylines in {region:?}"
        );
    }

    /// The names `find` gives, with their rules.
    fn names(text: &str) -> Vec<(String, bool, &'static str)> {
        agrees(text);
        let (names, _) = find(text, Span::new(0, text.len()), &[]);
        names
            .into_iter()
            .map(|n| (text[n.span.start..n.span.end].to_string(), n.person, n.rule))
            .collect()
    }

    fn name(s: &str, person: bool, rule: &'static str) -> (String, bool, &'static str) {
        (s.to_string(), person, rule)
    }

    #[test]
    fn domains_and_people() {
        for (word, expected) in [
            ("Muckraker.com", true),
            ("EXAMPLE.CO.UK", true),
            ("news.News", true),
            (".com", false),
            ("Reuters", false),
            ("Zürich.tv", true),
            ("com", false),
        ] {
            assert_eq!(is_domain(word), expected, "{word:?}");
        }
        for (name, strict, expected) in [
            ("Bill Melugin", true, true),
            ("Gage Skidmore", false, true),
            ("Mary Ann Lee Smith", false, true),
            ("Mary Ann Lee Smith Jones", false, false),
            ("Carol", false, false),
            ("🇺🇸 Patriot Mom 🇺🇸", true, false),
            ("NASA Watch", false, false),
        ] {
            assert_eq!(looks_like_person(name, strict), expected, "{name:?}");
        }
    }

    #[test]
    fn licence_credits() {
        assert_eq!(
            names("Gage Skidmore, CC BY-SA 2.0 , via Wikimedia Commons\n\nThe talks began."),
            vec![
                name("Gage Skidmore", true, "photo-credit"),
                name("Wikimedia Commons", false, "photo-credit"),
            ]
        );
        assert_eq!(
            names("The talks began.\n  Jane Doe, CC-BY 4.0 via Flickr via Wikimedia Commons \t"),
            vec![
                name("Jane Doe", true, "photo-credit"),
                name("Wikimedia Commons", false, "photo-credit"),
            ]
        );
        assert_eq!(
            names("Jane Doe, CC BY 2.0, via Flickr, CC BY, via X"),
            vec![
                name("Jane Doe", true, "photo-credit"),
                name("Flickr, CC BY, via X", false, "photo-credit"),
            ]
        );
        // the agency stands whoever took the picture
        assert_eq!(
            names("He said, CC BY 2.0 via Flickr"),
            vec![name("Flickr", false, "photo-credit")]
        );
        for text in [
            "jane doe, CC BY 2.0 via Flickr",
            "J, CC BY 2.0 via Flickr",
            "Jane Doe, CC BY 2.0 via flickr",
            "Jane Doe, CC BY 2.0 via F",
            "Jane Doe, cc by 2.0 via Flickr",
            "Jane Doe, CC BY 2.0 viaFlickr",
        ] {
            assert!(names(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn photo_credits_and_agencies() {
        assert_eq!(
            names("The talks began. (Photo by Jane Doe/Reuters)"),
            vec![
                name("Jane Doe", true, "photo-credit"),
                name("Reuters", false, "photo-credit"),
            ]
        );
        assert_eq!(
            names("PHOTOS CREDIT: Mary Ann Smith / The Associated Press;"),
            vec![
                name("Mary Ann Smith", true, "photo-credit"),
                name("The Associated Press", false, "photo-credit"),
            ]
        );
        assert_eq!(
            names("Image: José García\nCredit: Zoë O’Neill, AFP"),
            vec![
                name("José García", true, "photo-credit"),
                name("Zoë O’Neill", true, "photo-credit"),
            ]
        );
        for text in [
            "Critics called it a photo-op for the Biden administration.",
            "The photo by Jane Doe went viral.",
            "Photo by Jane Doe\r\nThe talks began.",
            "Photo by Jane Doe Smith Jones Brown",
            "Photographs by Jane Doe",
            "photo credits: Jane Doe",
        ] {
            assert!(
                names(text)
                    .iter()
                    .all(|(_, _, rule)| *rule != "photo-credit"),
                "{text:?}"
            );
        }
    }

    #[test]
    fn bylines_one_or_two_names() {
        assert_eq!(
            names("Rail link delayed\nBy Julien Tremblay and Sarah O'Connell\n\nThe line opens."),
            vec![
                name("Julien Tremblay", true, "byline"),
                name("Sarah O'Connell", true, "byline"),
            ]
        );
        assert_eq!(
            names("  By Marta Kovač, Zagreb correspondent"),
            vec![name("Marta Kovač", true, "byline")]
        );
        for text in [
            "By Tom Reilly\r\n",
            "By Tom Reilly and others",
            "Written By Tom Reilly",
            "By the way, Tom Reilly left.",
            "By Tom",
        ] {
            assert!(names(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn names_beyond_latin_are_judged_by_the_regex() {
        // U+1EC5 is a letter the fast reader does not decide
        let text = "By Nguyễn Văn An\nPhoto: Trần Hưng/AP";
        assert_eq!(name_end(text, 3, 16), None);
        assert_eq!(
            names(text),
            vec![
                name("Trần Hưng", true, "photo-credit"),
                name("AP", false, "photo-credit"),
                name("Nguyễn Văn An", true, "byline"),
            ]
        );
    }

    #[test]
    fn the_name_class_is_the_regex_class_where_it_decides() {
        let class = Regex::new(r"\A[\w.'\u{2019}-]\z").expect("valid");
        let agency = Regex::new(r"\A[\w&.'\u{2019} -]\z").expect("valid");
        for c in (0..0x3000).filter_map(char::from_u32) {
            let s = c.to_string();
            if let Some(is) = in_name_class(c, false) {
                assert_eq!(is, class.is_match(&s), "{c:?}");
            }
            if let Some(is) = in_name_class(c, true) {
                assert_eq!(is, agency.is_match(&s), "{c:?} in an agency");
            }
        }
    }

    #[test]
    fn the_keywords_fold_only_to_ascii() {
        // so a search of the lower-cased body finds every case the patterns take
        let keyword = Regex::new("(?i)[photimagecurdby]").expect("valid");
        let non_ascii = (0x80..0x11_0000)
            .filter_map(char::from_u32)
            .find(|c| keyword.is_match(&c.to_string()));
        assert_eq!(non_ascii, None);
    }

    #[test]
    fn long_lines_of_cues_are_fast() {
        let text = "Photo by Jane Doe/".repeat(30_000)
            + &"Photo By ".repeat(30_000)
            + "Jane Doe x\n"
            + &"Photo by Jane Doe/E ".repeat(30_000)
            + "x(\n"
            + &"photo: ".repeat(30_000)
            + &"Jane Doe, CC BY ".repeat(30_000)
            + &" By Jane".repeat(30_000);
        let start = std::time::Instant::now();
        let _ = find(&text, Span::new(0, text.len()), &[]);
        assert!(start.elapsed().as_secs() < 5);
    }

    proptest::proptest! {
        #[test]
        fn line_readers_agree_with_the_regexes(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Photo", "photos", "PHOTO", "image", "Picture", "credit", "Credit:",
                    " credit", "by", "By ", ":", " ", " ", "\t", "\n", "\r", "/", "Jane",
                    "Doe", "J", "O'Neil", "Reuters", "AP", "&", ",", ";", ")", "CC BY",
                    "CC-BY", "-SA 2.0", "via", "Wikimedia", "and", "é", "’", "ễ", "_",
                    ".", "x", "—", "×",
                ]),
                0..24,
            )
        ) {
            agrees(&pieces.concat());
        }
    }
}
