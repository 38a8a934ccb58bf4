//! Social posts quoted in an article, recognised by their attribution line
//! `— Display Name (@handle) Month D, YYYY`.
//!
//! Two steps. [`attributions`] finds attribution lines: a cheap `(@` anchor,
//! then the handle, the date after it and the dash before the display name,
//! and any picture or status link just before the dash (on the same line or
//! ending the previous one). [`extract`] then recovers where each post's text
//! starts. Pasted embeds keep the post's own line breaks, so the text is
//! walked back line by line from the link or attribution while the lines
//! still look like the embed:
//!
//! - a blank line of the article's usual paragraph gap ends the post; a
//!   wider gap (pasted embeds turn the post's paragraph breaks into several
//!   blank lines) does not;
//! - a line of reported speech (`…!” the user fumed`) or one ending in a
//!   colon (`He wrote:`) is narration and ends the post;
//! - a long sentence ending in a period, on the line before a post that is
//!   not cut short, is the article's paragraph and ends the post; an embed
//!   cut with `…` is full length, so its earlier lines may read like prose
//!   (a link card's description);
//! - a headline-like line (no final punctuation) is a link card's title or
//!   the post's first line: it is taken and ends the post;
//! - the text stays within what one post can hold ([`TEXT_BUDGET`]
//!   characters; longer posts are cut with `…` by the embed).
//!
//! One post quoted twice (same handle and date, one text holding the other)
//! is kept once, preferring the copy with a link, else the later (the embed).
//!
//! The patterns below say what is matched; where the text is plain ASCII
//! (or the few quotes and dashes of news text) they are read by hand, step
//! for step as the regex matches, and the regex judges the rest.

use std::cell::OnceCell;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use regex::Regex;

use crate::document::{Document, Span};
use crate::extract::text::{floor_char_boundary, fold, trim};
use crate::extract::{Post, lexicon};

/// A post holds at most 280 characters; the slack covers the spaces some
/// embeds insert before punctuation and the ellipsis of a cut post.
const TEXT_BUDGET: usize = 320;
/// Lines of one post, counted back from the attribution.
const MAX_LINES: usize = 12;
/// Display names hold at most 50 characters.
const MAX_NAME_CHARS: usize = 50;
/// Blank lines allowed between a post's last line and an attribution that
/// stands on its own line.
const MAX_NEWLINES_BEFORE_ATTRIBUTION: usize = 3;
/// Words from which a line ending in a period reads as article prose.
const PROSE_WORDS: usize = 15;
/// Bytes before a `(@` searched for the dash, the link and the post's end.
const LOOK_BACK: usize = 4096;
/// Folded bytes of a post's text compared when looking for a second copy.
const FOLDED_BYTES: usize = 400;

/// One attribution line, `— Name (@handle) Month D, YYYY`, with the link
/// that precedes it. All spans are byte ranges into the text given to
/// [`attributions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    /// From the dash through the date.
    pub span: Span,
    /// The display name, trimmed.
    pub name: Span,
    /// The handle without the `@`.
    pub handle: Span,
    /// The date as written, e.g. `Dec. 22, 2023`.
    pub date: Span,
    /// The date's value; `None` when the day does not exist.
    pub value: Option<NaiveDate>,
    /// The picture or status link before the dash, when there is one.
    pub link: Option<Span>,
    /// Where the post's own text ends: before the links and the dash, white
    /// space trimmed. Equal to `span.start` when nothing precedes it.
    pub text_end: usize,
}

/// The anchor of an attribution's handle.
static OPEN: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(["(@"]).expect("one short literal builds"));

/// The handle's shape, as [`handle_end`] reads it (kept for its tests).
#[cfg(test)]
static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A@([A-Za-z0-9_]+(?:[.\-@][A-Za-z0-9_]+)*)\)").expect("handle regex is valid")
});

/// The date after the handle, as [`date_parts`] reads it; used only when a
/// non-ASCII character follows the year.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A[ \t\u{a0}]*([A-Za-z]{3,9})\.?[ \t\u{a0}]+([0-9]{1,2})(?:st|nd|rd|th)?,?[ \t\u{a0}]+([0-9]{4})\b")
        .expect("date regex is valid")
});

/// A post's link at the very end of a slice: picture, short or status link.
static LINK_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:https?://)?(?:pic\.twitter\.com/[a-z0-9]+|t\.co/[a-z0-9]+|(?:www\.|mobile\.)?(?:twitter|x)\.com/[a-z0-9_]+/status(?:es)?/[0-9]+(?:\?\S*)?)/?\z",
    )
    .expect("link regex is valid")
});

/// Reported speech: a closing quote after sentence punctuation, then a
/// lower-case word (`…?” suggested one user`, `…,” he said`).
static REPORTED_SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[,.!?…]['’]?["”][ \t\u{a0}]+\p{Ll}"#).expect("speech regex is valid")
});

/// Narration about posting: "wrote on X", "in a post", "tweeted".
static POSTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:tweeted|posted|wrote|replied|responded|reposted|retweeted)\b|\b(?:on|to) (?:X|Twitter|social media)\b|\bin a (?:post|tweet)\b",
    )
    .expect("posting regex is valid")
});

/// The posts of one article, sorted by span.
pub fn extract(doc: &Document) -> Vec<Post> {
    from_attributions(doc, &attributions(&doc.text, doc.body))
}

/// The posts of one article from its attribution lines (as [`attributions`]
/// finds them in the body), for callers that need the lines themselves too.
pub fn from_attributions(doc: &Document, found: &[Attribution]) -> Vec<Post> {
    let text = doc.text.as_str();
    let body = clamp(text, doc.body);
    if found.is_empty() {
        return Vec::new();
    }
    // Needed only where a post meets a wide blank gap: counted then, once.
    let gap = OnceCell::new();
    let usual_gap = || *gap.get_or_init(|| usual_gap(text, body));
    let mut posts: Vec<Post> = Vec::with_capacity(found.len());
    let mut floor = body.start;
    for a in found {
        let start = text_start(text, floor, a.text_end, &usual_gap);
        let text_span = trim(text, Span::new(start, a.text_end.max(start)));
        let text_span = if text_span.is_empty() {
            Span::new(a.span.start, a.span.start)
        } else {
            text_span
        };
        posts.push(Post {
            span: Span::new(text_span.start.min(a.span.start), a.span.end),
            text: text_span,
            author: text[a.name.start..a.name.end].to_string(),
            handle: text[a.handle.start..a.handle.end].to_string(),
            date: a.value,
            url: a.link.map(|l| normalise_url(&text[l.start..l.end])),
            rule: if a.link.is_some() {
                "attribution-link"
            } else {
                "attribution-nolink"
            },
        });
        floor = a.span.end;
    }
    dedupe(text, posts)
}

/// Attribution lines inside `within`, in text order.
pub fn attributions(text: &str, within: Span) -> Vec<Attribution> {
    let within = clamp(text, within);
    let region = &text[within.start..within.end];
    let mut out: Vec<Attribution> = Vec::new();
    for m in OPEN.find_iter(region) {
        let open = within.start + m.start();
        if let Some(a) = attribution_at(text, within, open) {
            if out.last().is_none_or(|prev| prev.span.end <= a.span.start) {
                out.push(a);
            }
        }
    }
    out
}

/// The attribution whose `(@` is at `open`, when the text around it is one.
fn attribution_at(text: &str, within: Span, open: usize) -> Option<Attribution> {
    let after = &text[open + 1..window_end(text, open + 1, within.end, 80)];
    let handle_end = handle_end(after)?;
    let handle = Span::new(open + 2, open + 1 + handle_end);
    let close = open + 1 + handle_end + 1;

    let rest = &text[close..window_end(text, close, within.end, 40)];
    let d = date_parts(rest)?;
    let month = month_number(&rest[d.month.start..d.month.end])?;
    let day: u32 = rest[d.day.start..d.day.end].parse().ok()?;
    let year: i32 = rest[d.year.start..d.year.end].parse().ok()?;
    let date = Span::new(close + d.month.start, close + d.year.end);
    let value = NaiveDate::from_ymd_opt(year, month, day);

    // Look back a bounded distance only, so that a long line holding many
    // `(@` stays linear.
    let floor = floor_char_boundary(text, open.saturating_sub(LOOK_BACK)).max(within.start);
    let line_start = text[floor..open]
        .rfind('\n')
        .map_or(floor, |i| floor + i + 1);
    let (dash, dash_len) = find_dash(text, line_start, open)?;
    let name = trim(text, Span::new(dash + dash_len, open));
    let name_chars = text[name.start..name.end].chars().count();
    if name.is_empty() || name_chars > MAX_NAME_CHARS {
        return None;
    }
    let (link, text_end) = link_before(text, floor, line_start, dash);
    Some(Attribution {
        span: Span::new(dash, date.end),
        name,
        handle,
        date,
        value,
        link,
        text_end,
    })
}

/// [`HANDLE`] without the regex (it is ASCII throughout): where the handle
/// after the `@` at the start of `after` ends, just before its `)`.
fn handle_end(after: &str) -> Option<usize> {
    let bytes = after.as_bytes();
    let run = |at: usize| {
        bytes.get(at..).map_or(0, |rest| {
            rest.iter().take_while(|b| is_ascii_word(**b)).count()
        })
    };
    if bytes.first() != Some(&b'@') {
        return None;
    }
    let mut end = 1 + run(1);
    if end == 1 {
        return None;
    }
    // `(?:[.\-@][A-Za-z0-9_]+)*`: a separator must lead to more of the handle
    while matches!(bytes.get(end), Some(b'.' | b'-' | b'@')) {
        let more = run(end + 1);
        if more == 0 {
            break;
        }
        end += 1 + more;
    }
    (bytes.get(end) == Some(&b')')).then_some(end)
}

/// The groups of a [`DATE`] match at the start of `rest`, as byte ranges.
struct DateParts {
    month: Span,
    day: Span,
    year: Span,
}

/// [`DATE`] without the regex. Every part is ASCII but the blanks, so each
/// step has one way to match; only the `\b` after the year may need the
/// regex, when a non-ASCII character follows it.
fn date_parts(rest: &str) -> Option<DateParts> {
    let bytes = rest.as_bytes();
    let blanks = |at: usize| {
        let tail = &rest[at..];
        at + tail.len() - tail.trim_start_matches([' ', '\t', '\u{a0}']).len()
    };
    let run = |at: usize, f: fn(&u8) -> bool| at + bytes[at..].iter().take_while(|b| f(b)).count();
    let start = blanks(0);
    let month_end = run(start, u8::is_ascii_alphabetic);
    // `[A-Za-z]{3,9}` before a non-letter: a longer word never matches
    if !(3..=9).contains(&(month_end - start)) {
        return None;
    }
    let mut at = month_end + usize::from(bytes.get(month_end) == Some(&b'.'));
    let day_start = blanks(at);
    if day_start == at {
        return None;
    }
    let day_end = run(day_start, u8::is_ascii_digit);
    if !(1..=2).contains(&(day_end - day_start)) {
        return None;
    }
    at = day_end;
    if let Some(suffix) = bytes.get(at..at + 2) {
        if [b"st", b"nd", b"rd", b"th"].iter().any(|s| suffix == *s) {
            at += 2;
        }
    }
    at += usize::from(bytes.get(at) == Some(&b','));
    let year_start = blanks(at);
    if year_start == at {
        return None;
    }
    let year_end = run(year_start, u8::is_ascii_digit);
    if year_end - year_start < 4 {
        return None;
    }
    let year_end = year_start + 4;
    // `\b`: the year's last digit is a word character
    match rest[year_end..]
        .chars()
        .next()
        .map_or(Some(false), is_word_char)
    {
        Some(false) => {}
        Some(true) => return None,
        None => {
            let d = DATE.captures(rest)?;
            let span = |i: usize| d.get(i).map(|m| Span::new(m.start(), m.end()));
            return Some(DateParts {
                month: span(1)?,
                day: span(2)?,
                year: span(3)?,
            });
        }
    }
    Some(DateParts {
        month: Span::new(start, month_end),
        day: Span::new(day_start, day_end),
        year: Span::new(year_start, year_end),
    })
}

/// The dash that opens the attribution: the last em or en dash before the
/// display name, else `--`, else a hyphen standing apart (`- Name`), so that
/// hyphenated names ("Jean-Luc") stay whole.
fn find_dash(text: &str, line_start: usize, open: usize) -> Option<(usize, usize)> {
    // The name is at most 50 characters: look no further back than that.
    let mut from = open;
    for (n, (i, _)) in text[line_start..open].char_indices().rev().enumerate() {
        from = line_start + i;
        if n > MAX_NAME_CHARS + 4 {
            break;
        }
    }
    let seg = &text[from..open];
    if let Some(i) = seg.rfind(['—', '–']) {
        return Some((from + i, 3));
    }
    if let Some(i) = seg.rfind("--") {
        return Some((from + i, 2));
    }
    let bytes = seg.as_bytes();
    let at = seg.rmatch_indices('-').map(|(i, _)| i).find(|&i| {
        let spaced_after = matches!(bytes.get(i + 1), Some(b' ' | b'\t'));
        let spaced_before =
            from + i == line_start || matches!(bytes.get(i.wrapping_sub(1)), Some(b' ' | b'\t'));
        spaced_after && spaced_before
    })?;
    Some((from + at, 1))
}

/// The link run before the dash, on the dash's line or, when the dash opens
/// its line, at the end of an earlier line. Returns the chosen link and where
/// the post's text ends.
fn link_before(text: &str, floor: usize, line_start: usize, dash: usize) -> (Option<Span>, usize) {
    let mut end = trim(text, Span::new(line_start, dash)).end;
    let mut line_start = line_start;
    if end == line_start {
        // The attribution stands on its own line: the post ends on an earlier one.
        match previous_line_end(text, floor, line_start) {
            Some((prev_end, prev_start)) => {
                end = prev_end;
                line_start = prev_start;
            }
            None => return (None, dash),
        }
    }
    let mut links: Vec<Span> = Vec::new();
    for _ in 0..4 {
        let tail_start = floor_char_boundary(text, end.saturating_sub(300).max(line_start));
        let tail = &text[tail_start..end];
        let Some(at) = link_start(tail) else {
            break;
        };
        let start = tail_start + at;
        let before = text[line_start..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '/' | '-' | '@')) {
            break;
        }
        links.push(Span::new(start, tail_start + tail.len()));
        end = trim(text, Span::new(line_start, start)).end;
        if end == line_start {
            // A link on a line of its own: the text ends on an earlier line.
            match previous_line_end(text, floor, line_start) {
                Some((prev_end, prev_start)) => {
                    end = prev_end;
                    line_start = prev_start;
                }
                None => break,
            }
        }
    }
    // Prefer the picture or status link over a bare short link.
    let link = links
        .iter()
        .copied()
        .find(|l| !text[l.start..l.end].to_ascii_lowercase().contains("t.co/"))
        .or_else(|| links.first().copied());
    (link, end)
}

/// Where the link that ends `tail` starts: the leftmost start of a
/// [`LINK_AT_END`] match, which runs to the end.
///
/// Without the regex when the link can only be printable ASCII: it can
/// take other characters only inside a query (`\S*`) or as `ſ` or `K`
/// (which `(?i)` takes for `s` and `k`), so the regex judges those tails.
fn link_start(tail: &str) -> Option<usize> {
    let bytes = tail.as_bytes();
    let from = match bytes.iter().rposition(|b| !matches!(b, 0x21..=0x7e)) {
        None => 0,
        // White space (White_Space's ASCII part) ends any link.
        Some(i) if matches!(bytes[i], b' ' | 0x09..=0x0d) => i + 1,
        Some(i) => {
            let c = tail[..=i].chars().next_back();
            if matches!(c, Some('ſ' | 'K')) || bytes[..i].contains(&b'?') {
                return LINK_AT_END.find(tail).map(|m| m.start());
            }
            i + 1
        }
    };
    (from..bytes.len()).find(|&at| link_runs_to_end(&bytes[at..]))
}

/// Whether all of `t` (printable ASCII, no blanks) is one link of
/// [`LINK_AT_END`]. Its alternatives start differently and its classes stop
/// where the next literal starts, so each step has one way to match.
fn link_runs_to_end(t: &[u8]) -> bool {
    fn eat(t: &[u8], at: &mut usize, word: &str) -> bool {
        let ok = t
            .get(*at..*at + word.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(word.as_bytes()));
        if ok {
            *at += word.len();
        }
        ok
    }
    fn run(t: &[u8], at: &mut usize, f: fn(u8) -> bool) -> bool {
        let n = t[*at..].iter().take_while(|b| f(**b)).count();
        *at += n;
        n > 0
    }
    // `/?\z`
    let ends = |at: usize| at == t.len() || (at + 1 == t.len() && t[at] == b'/');
    let mut at = 0;
    if eat(t, &mut at, "http") {
        eat(t, &mut at, "s");
        if !eat(t, &mut at, "://") {
            return false;
        }
    }
    if eat(t, &mut at, "pic.twitter.com/") || eat(t, &mut at, "t.co/") {
        return run(t, &mut at, |b| b.is_ascii_alphanumeric()) && ends(at);
    }
    let _ = eat(t, &mut at, "www.") || eat(t, &mut at, "mobile.");
    if !(eat(t, &mut at, "twitter") || eat(t, &mut at, "x"))
        || !eat(t, &mut at, ".com/")
        || !run(t, &mut at, is_ascii_word)
        || !eat(t, &mut at, "/status")
    {
        return false;
    }
    eat(t, &mut at, "es");
    if !eat(t, &mut at, "/") || !run(t, &mut at, |b| b.is_ascii_digit()) {
        return false;
    }
    // `(?:\?\S*)?`: a query takes the rest
    ends(at) || t[at] == b'?'
}

/// The end (white space trimmed) and start of the last non-blank line before
/// the line starting at `line_start`, when it is near enough.
fn previous_line_end(text: &str, floor: usize, line_start: usize) -> Option<(usize, usize)> {
    let mut newlines = 0;
    let mut pos = line_start;
    while pos > floor {
        let prev_start = text[floor..pos - 1]
            .rfind('\n')
            .map_or(floor, |i| floor + i + 1);
        newlines += 1;
        if newlines > MAX_NEWLINES_BEFORE_ATTRIBUTION {
            return None;
        }
        let line = trim(text, Span::new(prev_start, pos - 1));
        if !line.is_empty() {
            return Some((line.end, prev_start));
        }
        pos = prev_start;
    }
    None
}

/// Where a post whose text ends at `end` starts: its line, and earlier lines
/// while they still look like the embed (see the module comment).
fn text_start(text: &str, floor: usize, end: usize, usual_gap: &dyn Fn() -> usize) -> usize {
    let floor = floor.min(end);
    let mut start = text[floor..end]
        .rfind('\n')
        .map_or(floor, |i| floor + i + 1);
    let mut chars = text[start..end].chars().count();
    // An embed cut with an ellipsis is a full-length post: its earlier lines
    // may read like prose (a link card's description).
    let truncated = text[start..end].ends_with(['…']) || text[start..end].ends_with("...");
    for _ in 1..MAX_LINES {
        // The previous non-blank line and the newlines between.
        let mut pos = start;
        let mut newlines = 0;
        let prev = loop {
            if pos <= floor {
                break None;
            }
            let prev_start = text[floor..pos - 1]
                .rfind('\n')
                .map_or(floor, |i| floor + i + 1);
            newlines += 1;
            let line = trim(text, Span::new(prev_start, pos - 1));
            if !line.is_empty() {
                break Some((prev_start, line));
            }
            pos = prev_start;
        };
        let Some((prev_start, line)) = prev else {
            break;
        };
        // A blank line ends the post unless it is wider than the article's
        // own paragraph gap (which is at least one blank line: two newlines).
        if newlines >= 2 && !(newlines > 2 && newlines > usual_gap() && usual_gap() >= 2) {
            break;
        }
        let s = &text[line.start..line.end];
        let n = s.chars().count();
        if chars + n > TEXT_BUDGET || is_narration(s) {
            break;
        }
        // A long finished sentence on the line before a whole post is the
        // article's own paragraph; lines joined by a wide gap are the post's.
        if !truncated && newlines == 1 && is_prose(s) {
            break;
        }
        start = prev_start;
        chars += n;
        if is_headline(s) {
            break;
        }
    }
    start
}

/// A line of the article introducing or reporting the post: it ends in a
/// colon, reports speech, or speaks of posting in a finished sentence.
fn is_narration(s: &str) -> bool {
    s.ends_with(':')
        || reports_speech(s).unwrap_or_else(|| REPORTED_SPEECH.is_match(s))
        || (s.ends_with(['.', ':']) && speaks_of_posting(s).unwrap_or_else(|| POSTING.is_match(s)))
}

/// [`REPORTED_SPEECH`] without the regex: a closing double quote after
/// sentence punctuation (and perhaps a single quote), then blanks and a
/// lower-case letter. `None` when that letter is not ASCII: `\p{Ll}` is the
/// regex's to judge (std's `is_lowercase` also takes `ª`, `ʰ`).
fn reports_speech(s: &str) -> Option<bool> {
    let bytes = s.as_bytes();
    let mut undecided = false;
    for (i, &b) in bytes.iter().enumerate() {
        // `"`, or the last byte of `”` (E2 80 9D)
        let quote_len = match b {
            b'"' => 1,
            0x9D if bytes[..i].ends_with(&[0xE2, 0x80]) => 3,
            _ => continue,
        };
        let quote = i + 1 - quote_len;
        let mut before = s[..quote].chars().rev();
        let opened = match before.next() {
            Some('\'' | '’') => before.next().is_some_and(is_speech_end),
            Some(c) => is_speech_end(c),
            None => false,
        };
        if !opened {
            continue;
        }
        let after = &s[i + 1..];
        let word = after.trim_start_matches([' ', '\t', '\u{a0}']);
        if word.len() == after.len() {
            continue;
        }
        match word.chars().next() {
            Some(c) if c.is_ascii_lowercase() => return Some(true),
            Some(c) if !c.is_ascii() => undecided = true,
            _ => {}
        }
    }
    if undecided { None } else { Some(false) }
}

fn is_speech_end(c: char) -> bool {
    matches!(c, ',' | '.' | '!' | '?' | '…')
}

/// [`POSTING`] without the regex, word by word: `None` when the answer
/// hangs on a character the regex judges by Unicode tables (a non-ASCII
/// letter against a keyword, or `ſ`, which folds to `s`).
fn speaks_of_posting(s: &str) -> Option<bool> {
    if s.contains('ſ') {
        return None;
    }
    let bytes = s.as_bytes();
    // The ASCII word at `at`, when one starts there: a run of `\w` bytes.
    let word_at = |at: usize| -> &[u8] {
        let len = bytes.get(at..).map_or(0, |rest| {
            rest.iter().take_while(|b| is_ascii_word(**b)).count()
        });
        &bytes[at..at + len]
    };
    let mut undecided = false;
    let mut i = 0;
    while i < bytes.len() {
        if !is_ascii_word(bytes[i]) {
            i += 1;
            continue;
        }
        let word = word_at(i);
        let end = i + word.len();
        let start = i;
        i = end;
        let is = |w: &[u8], k: &str| w.eq_ignore_ascii_case(k.as_bytes());
        // the word's end where the phrase it opens matches, up to the last \b
        let phrase_end = if [
            "tweeted",
            "posted",
            "wrote",
            "replied",
            "responded",
            "reposted",
            "retweeted",
        ]
        .iter()
        .any(|k| is(word, k))
        {
            Some(end)
        } else if is(word, "on") || is(word, "to") {
            // `(?:X|Twitter|social media)` after one space
            let next = if bytes.get(end) == Some(&b' ') {
                word_at(end + 1)
            } else {
                &[]
            };
            if is(next, "x") || is(next, "twitter") {
                Some(end + 1 + next.len())
            } else if is(next, "social")
                && bytes.get(end + 7) == Some(&b' ')
                && is(word_at(end + 8), "media")
            {
                Some(end + 13)
            } else {
                None
            }
        } else if is(word, "in") {
            // `a (?:post|tweet)`
            let a = bytes.get(end) == Some(&b' ')
                && is(word_at(end + 1), "a")
                && bytes.get(end + 2) == Some(&b' ');
            let next = if a { word_at(end + 3) } else { &[] };
            (is(next, "post") || is(next, "tweet")).then_some(end + 3 + next.len())
        } else {
            None
        };
        let Some(phrase_end) = phrase_end else {
            continue;
        };
        // ASCII neighbours are not word bytes (the words are whole runs).
        let left = s[..start].chars().next_back();
        let right = s[phrase_end..].chars().next();
        match (
            left.map_or(Some(false), is_word_char),
            right.map_or(Some(false), is_word_char),
        ) {
            (Some(false), Some(false)) => return Some(true),
            (None, _) | (_, None) => undecided = true,
            _ => {}
        }
    }
    if undecided { None } else { Some(false) }
}

fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `c` is a regex `\w` character, where that is plain: ASCII, and
/// the quotes, dashes and spaces of news text. `None` for other characters.
fn is_word_char(c: char) -> Option<bool> {
    if c.is_ascii() {
        return u8::try_from(c).ok().map(is_ascii_word);
    }
    matches!(
        c,
        '‘' | '’' | '“' | '”' | '—' | '–' | '…' | '«' | '»' | '\u{a0}'
    )
    .then_some(false)
}

/// A line of at least [`PROSE_WORDS`] words ending in a period.
fn is_prose(s: &str) -> bool {
    let last = s
        .trim_end_matches(['’', '”', '"', '\'', ')'])
        .chars()
        .next_back();
    last == Some('.') && s.split_whitespace().nth(PROSE_WORDS - 1).is_some()
}

/// A line that reads as a title: several words, a capital or quote first,
/// and no final punctuation.
fn is_headline(s: &str) -> bool {
    let first = s.chars().next();
    if !first.is_some_and(|c| c.is_uppercase() || matches!(c, '‘' | '“' | '"' | '\'')) {
        return false;
    }
    if s.split_whitespace().count() < 3 {
        return false;
    }
    let last = s
        .trim_end_matches(['’', '”', '"', '\'', ')'])
        .chars()
        .next_back();
    !last.is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ',' | ';' | ':'))
}

/// The most common number of newlines between consecutive non-blank lines:
/// 1 when paragraphs are single lines, 2 when a blank line separates them.
fn usual_gap(text: &str, body: Span) -> usize {
    // Gaps are counted in a small array; wider ones are rare.
    let mut narrow = [0usize; 8];
    let mut wide: BTreeMap<usize, usize> = BTreeMap::new();
    let mut newlines = 0;
    let mut seen_text = false;
    for line in text[body.start..body.end].split('\n') {
        if line.trim_start().is_empty() {
            newlines += 1;
            continue;
        }
        if seen_text {
            match narrow.get_mut(newlines + 1) {
                Some(n) => *n += 1,
                None => *wide.entry(newlines + 1).or_default() += 1,
            }
        }
        seen_text = true;
        newlines = 0;
    }
    // The most frequent gap; the narrower of two as frequent.
    let mut best = (1, 0);
    let counts = narrow.iter().copied().enumerate().chain(wide);
    for (gap, n) in counts {
        if n > best.1 {
            best = (gap, n);
        }
    }
    best.0
}

fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    lexicon::MONTHS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, n)| n)
}

fn normalise_url(link: &str) -> String {
    let lower = link.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        link.to_string()
    } else {
        format!("https://{link}")
    }
}

/// One post quoted twice is kept once: same handle and date, and the text
/// of one holds the other's (an article may lead the prose copy with its own
/// words). The copy with a link is kept, else the later one, the embed.
fn dedupe(text: &str, mut posts: Vec<Post>) -> Vec<Post> {
    // Copies are of one account and day: the posts are grouped by account
    // (a stable sort keeps each account's in text order) and compared
    // within the group. A kept copy is only ever replaced by one of its own
    // group, so the group's kept copies, in order, are the candidates.
    // Words are folded only for posts that have a candidate.
    posts.sort_by(account_order);
    let words_of = |p: &Post| folded_words(&text[p.text.start..p.text.end]);
    let mut keep: Vec<(Post, Option<String>)> = Vec::with_capacity(posts.len());
    let mut group = 0;
    for p in posts {
        if keep
            .last()
            .is_some_and(|(last, _)| account_order(last, &p) != Ordering::Equal)
        {
            group = keep.len();
        }
        let mut words: Option<String> = None;
        let mut twin = None;
        for (i, (other, other_words)) in keep.iter_mut().enumerate().skip(group) {
            let words = words.get_or_insert_with(|| words_of(&p));
            let other_words = other_words.get_or_insert_with(|| words_of(other));
            if !words.is_empty()
                && !other_words.is_empty()
                && (other_words.contains(head(words)) || words.contains(head(other_words)))
            {
                twin = Some(i);
                break;
            }
        }
        match twin {
            Some(i) if keep[i].0.url.is_none() || p.url.is_some() => keep[i] = (p, words),
            Some(_) => {}
            None => keep.push((p, words)),
        }
    }
    let mut keep: Vec<Post> = keep.into_iter().map(|(p, _)| p).collect();
    keep.sort_by_key(|p| p.span);
    keep
}

/// Posts by date, then handle as lower case: one account's posts of one
/// day together. Handles are ASCII; the general case is kept for any other
/// caller's (and orders ASCII handles alike).
fn account_order(a: &Post, b: &Post) -> Ordering {
    a.date.cmp(&b.date).then_with(|| {
        if a.handle.is_ascii() && b.handle.is_ascii() {
            let lower = |c: &u8| c.to_ascii_lowercase();
            (a.handle.as_bytes().iter().map(lower)).cmp(b.handle.as_bytes().iter().map(lower))
        } else {
            a.handle.to_lowercase().cmp(&b.handle.to_lowercase())
        }
    })
}

/// The first letters of a copy's words: enough to recognise it inside the
/// other copy.
fn head(words: &str) -> &str {
    let end = words.char_indices().nth(60).map_or(words.len(), |(i, _)| i);
    &words[..end]
}

/// Lower-case letters and digits of the first words, for comparing copies:
/// the alphanumerics of [`fold`], up to [`FOLDED_BYTES`].
///
/// Folded as it goes rather than whole, so a long post costs only the bytes
/// kept. ASCII folds to itself lower-cased, and an ASCII character is a
/// starter that normalisation never moves past, so `fold` of the text is
/// `fold` of its ASCII and non-ASCII runs, one after the other.
fn folded_words(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        for b in rest[..ascii].bytes() {
            if out.len() >= FOLDED_BYTES {
                return out;
            }
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
        rest = &rest[ascii..];
        let run = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        if run > 0 && out.len() >= FOLDED_BYTES {
            return out;
        }
        for c in fold(&rest[..run]).chars().filter(|c| c.is_alphanumeric()) {
            if out.len() >= FOLDED_BYTES {
                return out;
            }
            out.push(c);
        }
        rest = &rest[run..];
    }
    out
}

/// The span within the text and on character boundaries.
fn clamp(text: &str, span: Span) -> Span {
    let end = floor_char_boundary(text, span.end);
    let start = floor_char_boundary(text, span.start.min(end));
    Span::new(start, end)
}

/// `from + max` (at most `limit`), moved down to a character boundary.
fn window_end(text: &str, from: usize, limit: usize, max: usize) -> usize {
    floor_char_boundary(text, (from + max).min(limit)).max(from)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (author, handle, date, url, text) of each post.
    type Row = (String, String, Option<String>, Option<String>, String);

    fn rows(text: &str) -> Vec<Row> {
        let doc = Document::new("t.txt", text.to_string());
        extract(&doc)
            .into_iter()
            .map(|p| {
                (
                    p.author,
                    p.handle,
                    p.date.map(|d| d.to_string()),
                    p.url,
                    doc.slice(p.text).to_string(),
                )
            })
            .collect()
    }

    fn one(text: &str) -> Row {
        let mut got = rows(text);
        assert_eq!(got.len(), 1, "one post expected in {text:?}: {got:?}");
        got.remove(0)
    }

    fn check(
        text: &str,
        author: &str,
        handle: &str,
        date: &str,
        url: Option<&str>,
        starts: &str,
        ends: &str,
    ) {
        let (a, h, d, u, t) = one(text);
        assert_eq!(a, author, "author in {text:?}");
        assert_eq!(h, handle, "handle in {text:?}");
        assert_eq!(d.as_deref(), Some(date), "date in {text:?}");
        assert_eq!(u.as_deref(), url, "url in {text:?}");
        assert!(
            t.starts_with(starts),
            "text {t:?} should start with {starts:?}"
        );
        assert!(t.ends_with(ends), "text {t:?} should end with {ends:?}");
    }

    const PROSE: &str = "The governor spoke to reporters on Monday about the new budget, which passed the state senate late last week after a long debate over school funding and road repairs that lasted well into the night.";

    #[test]
    fn same_line_picture_link() {
        let text = format!(
            "{PROSE}\n\nFlooding on Main Street this morning. Stay off the roads. pic.twitter.com/AbC123xyz — Jane Doe (@janedoe) March 3, 2024\n\n{PROSE}\n"
        );
        check(
            &text,
            "Jane Doe",
            "janedoe",
            "2024-03-03",
            Some("https://pic.twitter.com/AbC123xyz"),
            "Flooding on Main Street",
            "Stay off the roads.",
        );
    }

    #[test]
    fn attribution_on_the_next_line_after_a_link_card() {
        let text = format!(
            "{PROSE}\nCity council votes to expand bus service\nThe council approved the plan on a 7-2 vote after months of debate.\nRiders will see new routes by… pic.twitter.com/Zz9\n— Metro News (@MetroNews) January 9, 2024\n{PROSE}\n"
        );
        check(
            &text,
            "Metro News",
            "MetroNews",
            "2024-01-09",
            Some("https://pic.twitter.com/Zz9"),
            "City council votes to expand bus service",
            "new routes by…",
        );
    }

    #[test]
    fn no_link_attribution_on_its_own_line() {
        let text = format!(
            "{PROSE}\nThis is the worst traffic I have seen in ten years!\n— Bob Smith (@bobsmith99) June 1, 2023\n{PROSE}"
        );
        check(
            &text,
            "Bob Smith",
            "bobsmith99",
            "2023-06-01",
            None,
            "This is the worst",
            "ten years!",
        );
        let doc = Document::new("t.txt", text);
        assert_eq!(extract(&doc)[0].rule, "attribution-nolink");
    }

    #[test]
    fn short_link_with_scheme() {
        let text =
            "Vote tomorrow. https://t.co/q1W2e3R4 — Election Desk (@ElectionDesk) November 4, 2024";
        check(
            text,
            "Election Desk",
            "ElectionDesk",
            "2024-11-04",
            Some("https://t.co/q1W2e3R4"),
            "Vote tomorrow.",
            "Vote tomorrow.",
        );
    }

    #[test]
    fn status_links_get_a_scheme_and_keep_theirs() {
        let text =
            "Big news today x.com/newsdesk/status/1234567890 — News Desk (@newsdesk) May 2, 2024";
        check(
            text,
            "News Desk",
            "newsdesk",
            "2024-05-02",
            Some("https://x.com/newsdesk/status/1234567890"),
            "Big news today",
            "Big news today",
        );
        let text =
            "Read this http://twitter.com/someone/status/987 -- Some One (@someone) Feb 2, 2021";
        let (_, _, _, url, _) = one(text);
        assert_eq!(
            url.as_deref(),
            Some("http://twitter.com/someone/status/987")
        );
    }

    #[test]
    fn picture_link_preferred_over_short_link() {
        let text =
            "Details here https://t.co/abc123 pic.twitter.com/Pic456 — Desk (@desk) May 2, 2024";
        let (_, _, _, url, t) = one(text);
        assert_eq!(url.as_deref(), Some("https://pic.twitter.com/Pic456"));
        assert_eq!(t, "Details here");
    }

    #[test]
    fn abbreviated_months() {
        let text = "Snow day! pic.twitter.com/s1 — Weather Guy (@wxguy) Dec. 5, 2022";
        check(
            text,
            "Weather Guy",
            "wxguy",
            "2022-12-05",
            Some("https://pic.twitter.com/s1"),
            "Snow day!",
            "Snow day!",
        );
        let (_, _, d, _, _) = one("Back to school. — A Teacher (@teach) Sept. 12, 2023");
        assert_eq!(d.as_deref(), Some("2023-09-12"));
    }

    #[test]
    fn emoji_and_symbol_display_names() {
        let text = "Not again 😡\n— 🇺🇸 Patriot ⭐️ (@star_patriot) July 4, 2023";
        check(
            text,
            "🇺🇸 Patriot ⭐️",
            "star_patriot",
            "2023-07-04",
            None,
            "Not again",
            "😡",
        );
        let (a, ..) = one("Story is live. — Example.com (@examplecom) April 1, 2020");
        assert_eq!(a, "Example.com");
    }

    #[test]
    fn multi_paragraph_post_in_a_blank_line_article() {
        let text = format!(
            "{PROSE}\n\nAnd then this happened.\n\nBREAKING: The bridge is closed in both directions.\n\n\n\nCrews expect repairs to take at least… pic.twitter.com/Br1dge — Road Watch (@roadwatch) August 8, 2023\n\n{PROSE}\n\n{PROSE}\n"
        );
        check(
            &text,
            "Road Watch",
            "roadwatch",
            "2023-08-08",
            Some("https://pic.twitter.com/Br1dge"),
            "BREAKING: The bridge is closed",
            "take at least…",
        );
    }

    #[test]
    fn multi_line_post_stops_at_reported_speech() {
        let text = "Many users were angry.\n“Enough is enough!” one user wrote. “We pay too much!”\nEnough is enough !\nWe pay too much !!\nFix it now— Pat Lee (@patlee42) March 1, 2024\n";
        check(
            text,
            "Pat Lee",
            "patlee42",
            "2024-03-01",
            None,
            "Enough is enough !",
            "Fix it now",
        );
    }

    #[test]
    fn post_quoted_in_prose_then_embedded_is_the_embed() {
        let text = "“We will win this,” said one user on X.\nWe will win this. Join us!\n— Team Blue (@teamblue) May 5, 2024\n";
        check(
            text,
            "Team Blue",
            "teamblue",
            "2024-05-05",
            None,
            "We will win this.",
            "Join us!",
        );
    }

    #[test]
    fn one_post_attributed_twice_is_kept_once() {
        let text = format!(
            "As the mayor put it: Roads reopen at noon. — Mayor Kim (@mayorkim) June 3, 2024\n\n{PROSE}\n\nRoads reopen at noon. — Mayor Kim (@mayorkim) June 3, 2024\n\n{PROSE}\n\nRoads reopen at noon. pic.twitter.com/Rd1 — Mayor Kim (@mayorkim) June 3, 2024\n"
        );
        let got = rows(&text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3.as_deref(), Some("https://pic.twitter.com/Rd1"));
        assert_eq!(got[0].4, "Roads reopen at noon.");
    }

    #[test]
    fn copies_are_found_among_other_accounts_posts() {
        let text = format!(
            "Roads reopen at noon. — Mayor Kim (@MayorKim) June 3, 2024\n\n{PROSE}\n\nBuses run late. — Transit (@transit) June 3, 2024\n\n{PROSE}\n\nRoads reopen at noon. — Mayor Kim (@mayorkim) June 4, 2024\n\n{PROSE}\n\nRoads reopen at noon. pic.twitter.com/Rd1 — Mayor Kim (@mayorKIM) June 3, 2024\n"
        );
        let got: Vec<(String, Option<String>)> =
            rows(&text).into_iter().map(|r| (r.1, r.2)).collect();
        let row = |h: &str, d: &str| (h.to_string(), Some(d.to_string()));
        assert_eq!(
            got,
            vec![
                row("transit", "2024-06-03"),
                row("mayorkim", "2024-06-04"),
                row("mayorKIM", "2024-06-03"),
            ]
        );
    }

    #[test]
    fn many_posts_by_many_accounts_stay_linear() {
        let text: String = (0..50_000)
            .map(|i| format!("Update {i} — Desk (@desk{i}) May 2, 2024\n"))
            .collect();
        let start = std::time::Instant::now();
        let doc = Document::new("t.txt", text);
        assert_eq!(extract(&doc).len(), 50_000);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn two_posts_by_one_account_on_one_day_stay_two() {
        let text = "First update. pic.twitter.com/a1\n— Desk (@desk) May 2, 2024\nSecond update. pic.twitter.com/b2\n— Desk (@desk) May 2, 2024\n";
        let got = rows(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].4, "First update.");
        assert_eq!(got[1].4, "Second update.");
    }

    #[test]
    fn intro_line_is_not_part_of_the_post() {
        let text = "The senator responded on X:\nWe will not back down.\n— Sen. Ann Roe (@SenAnnRoe) April 30, 2024\n";
        check(
            text,
            "Sen. Ann Roe",
            "SenAnnRoe",
            "2024-04-30",
            None,
            "We will not back down.",
            "back down.",
        );
        let text = "The senator posted a reply on Tuesday.\nWe will not back down.\n— Sen. Ann Roe (@SenAnnRoe) April 30, 2024\n";
        let (.., t) = one(text);
        assert_eq!(t, "We will not back down.");
    }

    #[test]
    fn paragraph_before_a_blank_line_is_article_prose() {
        let text = format!(
            "{PROSE}\n\nShort line.\n\nThe post itself. pic.twitter.com/p0 — Poster (@poster) Jan. 2, 2024\n\n{PROSE}\n\n{PROSE}\n"
        );
        let (.., t) = one(&text);
        assert_eq!(t, "The post itself.");
    }

    #[test]
    fn link_on_its_own_line() {
        let text = "Huge crowd tonight\npic.twitter.com/Cr0wd\n— Venue (@venue) October 10, 2023\n";
        let (_, _, _, url, t) = one(text);
        assert_eq!(url.as_deref(), Some("https://pic.twitter.com/Cr0wd"));
        assert_eq!(t, "Huge crowd tonight");
    }

    #[test]
    fn dashes_and_hyphenated_names() {
        let (a, ..) = one("Engage. – Jean-Luc Picard (@jlp) May 1, 2024");
        assert_eq!(a, "Jean-Luc Picard");
        let (a, ..) = one("Engage. - Jean-Luc Picard (@jlp) May 1, 2024");
        assert_eq!(a, "Jean-Luc Picard");
        let (a, ..) = one("Engage. -- Jean-Luc Picard (@jlp) May 1, 2024");
        assert_eq!(a, "Jean-Luc Picard");
    }

    #[test]
    fn crlf_lines_give_the_same_posts() {
        let lf = format!(
            "{PROSE}\nTitle of the story here\nSome words.… pic.twitter.com/x1\n— Desk (@desk) May 2, 2024\n{PROSE}\n"
        );
        let crlf = lf.replace('\n', "\r\n");
        let mut got = rows(&crlf);
        for row in &mut got {
            row.4 = row.4.replace('\r', "");
        }
        assert_eq!(rows(&lf), got);
        assert_eq!(
            rows(&lf)[0].4.lines().next(),
            Some("Title of the story here")
        );
    }

    #[test]
    fn negatives_yield_nothing() {
        for text in [
            "Write to the editor (@letters) with your thoughts.",
            "Contact us at desk (@desk.example.com) today.",
            "@janedoe said on Monday that the vote was close.",
            "Jane Doe (@janedoe) said on March 3, 2024 that the vote was close.",
            "— Jane Doe (@janedoe) posted in March 2024.",
            "— Jane Doe (@janedoe) Smarch 3, 2024",
            "— (@janedoe) March 3, 2024",
            "(@",
            "— X (@",
            "— X (@é) May 1, 2024",
        ] {
            assert!(rows(text).is_empty(), "no post expected in {text:?}");
        }
    }

    #[test]
    fn impossible_day_keeps_the_post_without_a_date() {
        let got = rows("Hi. — Jane Doe (@janedoe) February 30, 2024");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2, None);
    }

    #[test]
    fn attributions_report_their_parts() {
        let text = "Snow day! pic.twitter.com/s1 — Weather Guy (@wxguy) Dec. 5, 2022 and more";
        let all = attributions(text, Span::new(0, text.len()));
        assert_eq!(all.len(), 1);
        let a = all[0];
        let part = |s: Span| &text[s.start..s.end];
        assert_eq!(part(a.name), "Weather Guy");
        assert_eq!(part(a.handle), "wxguy");
        assert_eq!(part(a.date), "Dec. 5, 2022");
        assert_eq!(a.link.map(part), Some("pic.twitter.com/s1"));
        assert_eq!(part(a.span), "— Weather Guy (@wxguy) Dec. 5, 2022");
        assert_eq!(&text[..a.text_end], "Snow day!");
        assert_eq!(a.value, NaiveDate::from_ymd_opt(2022, 12, 5));
    }

    #[test]
    fn spans_are_sorted_in_bounds_and_on_char_boundaries() {
        let text = format!(
            "{PROSE}\n\nÜber alles 😀 pic.twitter.com/u1 — Ü (@u_1) May 1, 2024\n\n{PROSE}\n\nZweiter Beitrag — Ö (@o_2) May 2, 2024\n"
        );
        let doc = Document::new("t.txt", text.clone());
        let posts = extract(&doc);
        assert_eq!(posts.len(), 2);
        assert!(posts.windows(2).all(|w| w[0].span <= w[1].span));
        for p in &posts {
            for s in [p.span, p.text] {
                assert!(s.end <= text.len() && s.start <= s.end);
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
            assert!(p.span.contains(p.text));
        }
    }

    #[test]
    fn body_limits_the_search() {
        let text = "Header — A (@a) May 1, 2024\nBody text — B (@b) May 2, 2024";
        let mut doc = Document::new("t.txt", text.to_string());
        doc.body = Span::new(text.find("Body").unwrap_or(0), text.len());
        let posts = extract(&doc);
        assert_eq!(posts.len(), 1);
        assert_eq!(posts[0].handle, "b");
        assert_eq!(doc.slice(posts[0].text), "Body text");
    }

    #[test]
    fn long_line_of_many_anchors_is_fast() {
        let text = "x (@a) May 1, 2024 ".repeat(50_000) + &"(@".repeat(100_000);
        let start = std::time::Instant::now();
        let doc = Document::new("t.txt", text);
        let _ = extract(&doc);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn arbitrary_cuts_never_panic() {
        let text = "Ü 😀 t.co/x — 🇺🇸 (@a_b) Dec. 5, 2022\n\n\nÖ — X (@y) May 1, 2024";
        for end in 0..=text.len() {
            let end = floor_char_boundary(text, end);
            let doc = Document::new("t.txt", text[..end].to_string());
            let _ = extract(&doc);
            for start in 0..end {
                let _ = attributions(text, Span::new(start, end));
            }
        }
    }

    /// Whether the fast matchers agree with the regexes they stand for.
    fn narration_agrees(s: &str) {
        if let Some(fast) = reports_speech(s) {
            assert_eq!(
                fast,
                REPORTED_SPEECH.is_match(s),
                "reported speech in {s:?}"
            );
        }
        if let Some(fast) = speaks_of_posting(s) {
            assert_eq!(fast, POSTING.is_match(s), "posting in {s:?}");
        }
    }

    #[test]
    fn reported_speech_without_the_regex() {
        for (line, expected) in [
            (
                "“Enough is enough!” one user wrote. “We pay too much!”",
                Some(true),
            ),
            ("\"We will win this,\" said one user on X.", Some(true)),
            ("“Not now.’” she said", Some(true)),
            ("“Not now.'\"\u{a0}\tshe said", Some(true)),
            ("“We will win,” Smith said.", Some(false)),
            ("He said “no.”", Some(false)),
            ("“Enough!”she said", Some(false)),
            ("Enough is enough !", Some(false)),
            ("\"", Some(false)),
            // a lower-case letter outside ASCII is the regex's to judge
            ("“Ya basta,” éste dijo", None),
            ("“Ya basta,” Éste dijo; “no,” dijo", Some(true)),
            ("“Ya basta.” Éste dijo", None),
        ] {
            assert_eq!(reports_speech(line), expected, "{line:?}");
            narration_agrees(line);
        }
        assert!(REPORTED_SPEECH.is_match("“Ya basta,” éste dijo"));
        assert!(!REPORTED_SPEECH.is_match("“Ya basta,” ªb"));
    }

    #[test]
    fn posting_without_the_regex() {
        for (line, expected) in [
            ("The senator posted a reply on Tuesday.", Some(true)),
            ("The senator responded on X:", Some(true)),
            ("She TWEETED it again.", Some(true)),
            ("He took to social media.", Some(true)),
            ("He took to social  media.", Some(false)),
            ("He said so in a tweet.", Some(true)),
            ("He said so in a tweetstorm.", Some(false)),
            ("She wrote to Twitter.", Some(true)),
            ("They went on Xbox.", Some(false)),
            ("Upon X we agreed.", Some(false)),
            ("The reposter was banned.", Some(false)),
            ("The post_ed_it tool.", Some(false)),
            ("“Stop,” she wrote.", Some(true)),
            ("—wrote Ms. Lee.", Some(true)),
            ("The governor spoke to reporters on Monday.", Some(false)),
            // a non-ASCII letter against a keyword, or `ſ`, is the regex's
            ("Éwrote nothing.", None),
            ("He poſted it.", None),
            ("José wrote it.", Some(true)),
        ] {
            assert_eq!(speaks_of_posting(line), expected, "{line:?}");
            narration_agrees(line);
        }
        assert!(POSTING.is_match("He poſted it."));
        assert!(!POSTING.is_match("Éwrote nothing."));
    }

    #[test]
    fn plain_non_word_characters_are_not_word_characters_to_the_regex() {
        let word = Regex::new(r"\A\w\z").expect("valid");
        for c in ['‘', '’', '“', '”', '—', '–', '…', '«', '»', '\u{a0}'] {
            assert_eq!(is_word_char(c), Some(false));
            assert!(!word.is_match(&c.to_string()), "{c:?}");
        }
        assert_eq!(is_word_char('é'), None);
        assert_eq!(is_word_char('_'), Some(true));
    }

    #[test]
    fn folded_words_fold_as_they_go() {
        for (text, expected) in [
            ("Roads reopen at noon.", "roadsreopenatnoon"),
            ("López’s “ÉLAN” ﬁnal — 2ºC", "lopezselanfinal2oc"),
            ("e\u{301}te\u{301}", "ete"),
            ("", ""),
        ] {
            assert_eq!(folded_words(text), expected, "{text:?}");
        }
        // the same as folding the whole text, up to the byte budget
        let long = "Über alles, señor! ".repeat(40);
        let whole: String = fold(&long)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let got = folded_words(&long);
        assert!(got.len() >= FOLDED_BYTES && got.len() < FOLDED_BYTES + 4);
        assert!(whole.starts_with(&got));
    }

    #[test]
    fn usual_gap_is_the_most_common_gap() {
        for (text, expected) in [
            ("a\nb\nc", 1),
            ("a\n\nb\n\nc\nd", 2),
            ("a\n \t\nb\n\r\nc\nd", 2),
            ("a\n\n\nb\nc\n\n\nd\n\ne", 3),
            ("a\n\nb\nc", 1),
            ("\n\n\na\n\n\n", 1),
            (&"x\n".repeat(3).replace('\n', &"\n".repeat(12)), 12),
        ] {
            assert_eq!(
                usual_gap(text, Span::new(0, text.len())),
                expected,
                "{text:?}"
            );
        }
    }

    /// Whether the attribution parsers agree with the regexes they stand for.
    fn parts_agree(s: &str) {
        let regex = HANDLE.captures(s).and_then(|c| Some(c.get(0)?.end() - 1));
        assert_eq!(handle_end(s), regex, "handle in {s:?}");
        let regex = DATE.captures(s).and_then(|c| {
            let g = |i: usize| c.get(i).map(|m| (m.start(), m.end()));
            Some((g(1)?, g(2)?, g(3)?))
        });
        let fast = date_parts(s).map(|d| {
            let g = |s: Span| (s.start, s.end);
            (g(d.month), g(d.day), g(d.year))
        });
        assert_eq!(fast, regex, "date in {s:?}");
        let regex = LINK_AT_END.find(s).map(|m| m.start());
        assert_eq!(link_start(s), regex, "link in {s:?}");
    }

    #[test]
    fn handles_without_the_regex() {
        for (after, expected) in [
            ("@janedoe) March 3", Some(8)),
            ("@star_patriot)", Some(13)),
            ("@jean.luc-p@x)", Some(13)),
            ("@desk.example.com) today", Some(17)),
            ("@a.)", None),
            ("@a..b)", None),
            ("@)", None),
            ("@é)", None),
            ("janedoe)", None),
            ("@janedoe", None),
        ] {
            assert_eq!(handle_end(after), expected, "{after:?}");
            parts_agree(after);
        }
    }

    #[test]
    fn dates_without_the_regex() {
        let parts = |rest: &str| {
            date_parts(rest).map(|d| {
                let part = |s: Span| rest[s.start..s.end].to_string();
                (part(d.month), part(d.day), part(d.year))
            })
        };
        let some = |m: &str, d: &str, y: &str| Some((m.to_string(), d.to_string(), y.to_string()));
        for (rest, expected) in [
            (" March 3, 2024\n", some("March", "3", "2024")),
            (" Dec. 22, 2023 and more", some("Dec", "22", "2023")),
            ("\u{a0}Sept.\u{a0}12th,\t2023", some("Sept", "12", "2023")),
            (" June 1 2023—", some("June", "1", "2023")),
            (" May 2, 2024…", some("May", "2", "2024")),
            (" Smarch 3, 2024", some("Smarch", "3", "2024")),
            (" September 3, 2024", some("September", "3", "2024")),
            (" Septembers 3, 2024", None),
            (" Ma 3, 2024", None),
            (" March 123, 2024", None),
            (" March 3, 20245", None),
            (" March 3, 2024x", None),
            (" March 3rdx, 2024", None),
            (" March3, 2024", None),
            (" posted in March 2024.", None),
            // a non-ASCII letter after the year: the regex judges the `\b`
            (" March 3, 2024é", None),
            (" March 3, 2024😀", some("March", "3", "2024")),
        ] {
            assert_eq!(parts(rest), expected, "{rest:?}");
            parts_agree(rest);
        }
    }

    #[test]
    fn links_without_the_regex() {
        for (tail, expected) in [
            ("Stay off the roads. pic.twitter.com/AbC123xyz", Some(20)),
            ("Vote tomorrow. https://t.co/q1W2e3R4", Some(15)),
            ("news x.com/newsdesk/status/1234567890", Some(5)),
            ("news HTTP://Mobile.Twitter.com/a_b/statuses/12/", Some(5)),
            ("x.com/a/status/1?s=20&t=https://t.co/abc", Some(0)),
            ("see twitter.com/a/status/1?ref=é", Some(4)),
            ("by…pic.twitter.com/x1", Some(5)),
            ("by…https://t.co/x1/", Some(5)),
            ("www.x.com/a/status/12", Some(0)),
            ("wwwx.com/a/status/12", Some(3)),
            ("pic.twitter.com/", None),
            ("t.co/abc_d", None),
            ("x.com/a/status/", None),
            ("x.com/a/status/1x", None),
            ("x.com/a/statuses1", None),
            ("httpx.com/a/status/1", Some(4)),
            ("a link t.co/ab cd", None),
            ("", None),
            // `ſ` is an `s` to `(?i)`: the regex judges
            ("pic.twitter.com/ſ", Some(0)),
        ] {
            assert_eq!(link_start(tail), expected, "{tail:?}");
            parts_agree(tail);
        }
    }

    proptest::proptest! {
        #[test]
        fn narration_matchers_agree_with_the_regexes(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "tweeted", "Posted", "wrote", "replied", "responded", "reposted",
                    "retweeted", "on", "To", "x", "Twitter", "social", "media", "in",
                    "a", "post", "tweet", " ", " ", "  ", ".", ",", "!", "?", "…", "'",
                    "’", "\"", "”", "“", "\t", "\u{a0}", "é", "É", "ſ", "_", "1", "b",
                    "she", "—", "ª", "😀",
                ]),
                0..14,
            )
        ) {
            narration_agrees(&pieces.concat());
        }

        #[test]
        fn attribution_parsers_agree_with_the_regexes(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "@", ")", ".", "-", "_", "a", "Z", "9", " ", "\u{a0}", "\t", "March", "Dec",
                    "Septembers", "st", "th", ",", "3", "12", "2024", "é", "😀", "ſ", "K",
                    "http", "s", "://", "pic.twitter.com/", "t.co/", "www.", "mobile.",
                    "twitter", "x", ".com/", "/status", "es", "/", "?", "…", "\n", "\x0b",
                    "\u{1}",
                ]),
                0..16,
            )
        ) {
            parts_agree(&pieces.concat());
        }
    }
}
