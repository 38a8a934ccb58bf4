//! The word lists the entity rules consult, loaded once from `lexicon/`, and
//! the folded look-ups over them.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::extract::lexicon;
use crate::extract::text::fold;

pub use crate::extract::lexicon::{
    CALENDAR, COMMON_WORDS as COMMON, CUE_VERBS, DEMONYMS, FIRST_NAMES, INSTITUTIONS,
    NON_ORG_ACRONYMS, NON_PERSON_HEADS, ORG_AT_CUES, ORG_CUES, ORG_HEADS, ORG_LOWER_HEADS,
    ORG_POSSESSIONS, PLACES, PUBLIC_DOMAINS, STATE_ABBREVIATIONS as STATE_CODES, SURNAMES,
    TITLE_COMPLEMENTS, TITLE_PARTS, TITLES,
};

/// Month names from the shared month lexicon, folded.
pub static MONTH_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::MONTHS.iter().map(|(m, _)| *m).collect());

/// Words that join capitalised words inside one name: "Department of
/// Homeland Security", "Customs and Border Protection", "Charles de Gaulle".
pub const CONNECTORS: &[&str] = &[
    "of", "and", "the", "de", "del", "della", "la", "las", "los", "le", "van", "von", "der", "den",
    "bin", "ibn", "al", "da", "di", "du", "dos", "das", "y", "for", "on",
];

/// Closed-class words that start a sentence but never an organisation's
/// name ("The", "Meanwhile", "According").
pub const STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "and",
    "but",
    "or",
    "so",
    "yet",
    "also",
    "however",
    "meanwhile",
    "according",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "since",
    "during",
    "under",
    "over",
    "about",
    "some",
    "many",
    "most",
    "all",
    "every",
    "only",
    "even",
    "last",
    "next",
    "then",
    "now",
    "today",
    "yesterday",
    "both",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "what",
    "why",
    "how",
    "where",
    "who",
    "which",
    "there",
    "here",
    "amid",
    "amidst",
    "despite",
    "although",
    "though",
    "because",
    "unlike",
    "like",
    "per",
    "via",
    "without",
    "more",
    "less",
    "several",
    "another",
    "other",
    "each",
    "any",
    "no",
    "not",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "meantime",
    "still",
    "indeed",
    "instead",
    "thus",
    "later",
    "earlier",
];

/// Lower case, accents dropped; ASCII words skip the Unicode machinery.
pub fn key(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        fold(word)
    }
}

/// A lower-case English word (also tried without a plural "s"/"es").
pub fn is_common(k: &str) -> bool {
    COMMON.contains(k)
        || k.strip_suffix('s').is_some_and(|s| COMMON.contains(s))
        || k.strip_suffix("es").is_some_and(|s| COMMON.contains(s))
}

pub fn is_demonym(k: &str) -> bool {
    DEMONYMS.contains(k) || k.strip_suffix('s').is_some_and(|s| DEMONYMS.contains(s))
}

/// A noun that describes an organisation, singular or plural: "maker",
/// "carmakers", "companies".
pub fn is_org_descriptor(k: &str) -> bool {
    ORG_CUES.contains(k)
        || k.strip_suffix('s').is_some_and(|s| ORG_CUES.contains(s))
        || k.strip_suffix("ies")
            .is_some_and(|s| ORG_CUES.contains(&format!("{s}y")))
}

/// Titles written after a name: "Jane Doe MP".
pub fn is_post_nominal(k: &str) -> bool {
    matches!(k, "mp" | "mep" | "msp" | "mla" | "kc" | "qc")
}

pub fn is_first_name(k: &str) -> bool {
    FIRST_NAMES.contains(k) && !MONTH_NAMES.contains(k)
}

pub fn is_connector(k: &str) -> bool {
    CONNECTORS.contains(&k)
}

pub fn is_starter(k: &str) -> bool {
    STARTERS.contains(&k)
}

/// Not a name by itself: a place, nationality, weekday, holiday or month.
pub fn is_placeish(k: &str) -> bool {
    PLACES.contains(k) || is_demonym(k) || CALENDAR.contains(k) || MONTH_NAMES.contains(k)
}

/// Compass and size words that make "South American" or "Greater London"
/// a place when the rest is one.
pub fn is_place_modifier(k: &str) -> bool {
    matches!(
        k,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "greater"
            | "upper"
            | "lower"
            | "new"
            | "old"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
    )
}

/// A country prefix an organisation's or title's name may carry: "US
/// Department of State", "U.S. Secretary of State".
pub fn is_org_country(k: Option<&str>) -> bool {
    matches!(k, Some("us" | "u.s." | "usa" | "u.s.a." | "uk" | "u.k."))
}
