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

use std::collections::HashMap;
use std::sync::LazyLock;

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

static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A@([A-Za-z0-9_]+(?:[.\-@][A-Za-z0-9_]+)*)\)").expect("handle regex is valid")
});

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
    let usual_gap = usual_gap(text, body);
    let mut posts: Vec<Post> = Vec::with_capacity(found.len());
    let mut floor = body.start;
    for a in found {
        let start = text_start(text, floor, a.text_end, usual_gap);
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
    let mut from = 0;
    while let Some(i) = region[from..].find("(@") {
        let open = within.start + from + i;
        from += i + 2;
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
    let h = HANDLE.captures(after)?;
    let handle = h.get(1)?;
    let handle = Span::new(open + 1 + handle.start(), open + 1 + handle.end());
    let close = open + 1 + h.get(0)?.end();

    let rest = &text[close..window_end(text, close, within.end, 40)];
    let d = DATE.captures(rest)?;
    let month = month_number(d.get(1)?.as_str())?;
    let day: u32 = d.get(2)?.as_str().parse().ok()?;
    let year: i32 = d.get(3)?.as_str().parse().ok()?;
    let date = Span::new(close + d.get(1)?.start(), close + d.get(0)?.end());
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
        let Some(m) = LINK_AT_END.find(tail) else {
            break;
        };
        let start = tail_start + m.start();
        let before = text[line_start..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '/' | '-' | '@')) {
            break;
        }
        links.push(Span::new(start, tail_start + m.end()));
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
fn text_start(text: &str, floor: usize, end: usize, usual_gap: usize) -> usize {
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
        // own paragraph gap.
        if newlines >= 2 && !(usual_gap >= 2 && newlines > usual_gap) {
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
        || REPORTED_SPEECH.is_match(s)
        || (s.ends_with(['.', ':']) && POSTING.is_match(s))
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
    let mut counts: HashMap<usize, usize> = HashMap::new();
    let mut newlines = 0;
    let mut seen_text = false;
    for line in text[body.start..body.end].split('\n') {
        if line.trim().is_empty() {
            newlines += 1;
            continue;
        }
        if seen_text {
            *counts.entry(newlines + 1).or_default() += 1;
        }
        seen_text = true;
        newlines = 0;
    }
    counts
        .into_iter()
        .max_by_key(|&(gap, n)| (n, std::cmp::Reverse(gap)))
        .map_or(1, |(gap, _)| gap)
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
fn dedupe(text: &str, posts: Vec<Post>) -> Vec<Post> {
    let mut keep: Vec<(Post, String)> = Vec::with_capacity(posts.len());
    let mut by_account: HashMap<(String, Option<NaiveDate>), Vec<usize>> = HashMap::new();
    for p in posts {
        let words = folded_words(&text[p.text.start..p.text.end]);
        let same = by_account
            .entry((p.handle.to_lowercase(), p.date))
            .or_default();
        let twin = same.iter().copied().find(|&i| {
            let other = &keep[i].1;
            !words.is_empty()
                && !other.is_empty()
                && (other.contains(head(&words)) || words.contains(head(other)))
        });
        match twin {
            Some(i) if keep[i].0.url.is_none() || p.url.is_some() => keep[i] = (p, words),
            Some(_) => {}
            None => {
                same.push(keep.len());
                keep.push((p, words));
            }
        }
    }
    let mut keep: Vec<Post> = keep.into_iter().map(|(p, _)| p).collect();
    keep.sort_by_key(|p| p.span);
    keep
}

/// The first letters of a copy's words: enough to recognise it inside the
/// other copy.
fn head(words: &str) -> &str {
    let end = words.char_indices().nth(60).map_or(words.len(), |(i, _)| i);
    &words[..end]
}

/// Lower-case letters and digits of the first words, for comparing copies.
fn folded_words(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars().filter(|c| c.is_alphanumeric()) {
        if out.len() >= 400 {
            break;
        }
        out.push(c);
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
}
