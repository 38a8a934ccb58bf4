//! Line-shaped cues: the attribution line of a quoted post, photo credits
//! and bylines. Each gives a name with no sentence around it.

use std::sync::LazyLock;

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

fn too_long(m: regex::Match<'_>, chars: usize) -> bool {
    m.as_str().chars().count() > chars
}

static PHOTO_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?i:photo|image|picture)s?(?i: credit)?[ \t]*(?i:by|:)|(?i:credit):)[ \t]*([A-Z][\w.'\u{2019}-]+(?: [A-Z][\w.'\u{2019}-]+)+)(?:[ \t]*/[ \t]*([A-Z][\w&.'\u{2019} -]+?))?[ \t]*(?:[)\n,;]|$)")
        .expect("photo credit pattern compiles")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*By ([A-Z][\w.'\u{2019}-]+(?: [A-Z][\w.'\u{2019}-]+)+)(?:[ \t]+and[ \t]+([A-Z][\w.'\u{2019}-]+(?: [A-Z][\w.'\u{2019}-]+)+))?[ \t]*(?:,|$)")
        .expect("byline pattern compiles")
});

/// A web address used as a name: "Muckraker.com".
pub fn is_domain(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    [
        ".com", ".org", ".net", ".news", ".io", ".co.uk", ".gov", ".info", ".tv",
    ]
    .iter()
    .any(|tld| lower.ends_with(tld) && lower.len() > tld.len())
}

/// "Bill Melugin", "Gage Skidmore": two to four capitalised words, the first
/// neither a place nor (unless it is a first name) a common word.
pub fn looks_like_person(name: &str, strict: bool) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
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
    for c in CREDIT.captures_iter(region) {
        let (Some(who), Some(via), Some(all)) = (c.get(1), c.get(2), c.get(0)) else {
            continue;
        };
        if too_long(who, MAX_CREDIT_CHARS) || too_long(via, MAX_CREDIT_CHARS) {
            continue;
        }
        consumed.push(Span::new(body.start + all.start(), body.start + all.end()));
        let span = trimmed(text, body.start + who.start(), body.start + who.end());
        if looks_like_person(&text[span.start..span.end], false) {
            names.push(LineName {
                span,
                person: true,
                rule: "photo-credit",
            });
        }
        let span = trimmed(text, body.start + via.start(), body.start + via.end());
        names.push(LineName {
            span,
            person: false,
            rule: "photo-credit",
        });
    }
    for c in PHOTO_BY.captures_iter(region) {
        let Some(who) = c.get(1) else { continue };
        let long_name = who.as_str().split(' ').count() > MAX_NAME_WORDS;
        if long_name || c.get(2).is_some_and(|org| too_long(org, MAX_AGENCY_CHARS)) {
            continue;
        }
        let span = trimmed(text, body.start + who.start(), body.start + who.end());
        add_person(text, span, "photo-credit", &mut names, &mut consumed);
        if let Some(org) = c.get(2) {
            let span = trimmed(text, body.start + org.start(), body.start + org.end());
            consumed.push(span);
            names.push(LineName {
                span,
                person: false,
                rule: "photo-credit",
            });
        }
    }
    for who in BYLINE
        .captures_iter(region)
        .flat_map(|c| [c.get(1), c.get(2)])
        .flatten()
    {
        let span = trimmed(text, body.start + who.start(), body.start + who.end());
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
