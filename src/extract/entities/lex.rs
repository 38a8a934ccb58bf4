//! The word lists the entity rules consult, loaded once from `lexicon/`, and
//! the folded look-ups over them.

use crate::extract::lexicon::{self, Flags};
use crate::extract::text::fold;

pub use crate::extract::lexicon::{
    CALENDAR, COMMON_WORDS as COMMON, CONNECTORS, CUE_VERBS, DEMONYM_FORMS, FIRST_NAMES,
    INSTITUTIONS, MONTH_NAMES, NON_ORG_ACRONYMS, NON_PERSON_HEADS, ORG_AT_CUES, ORG_CUE_FORMS,
    ORG_HEADS, ORG_LOWER_HEADS, ORG_POSSESSIONS, PLACES, PUBLIC_DOMAINS, STARTERS,
    STATE_ABBREVIATIONS as STATE_CODES, SURNAMES, TITLE_COMPLEMENTS, TITLE_PARTS, TITLES,
};

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
    is_common_flags(k, lexicon::flags(k))
}

/// As [`is_common`], given the word's own flags.
pub fn is_common_flags(k: &str, flags: Flags) -> bool {
    COMMON.has(flags)
        || k.strip_suffix('s').is_some_and(|s| COMMON.contains(s))
        || k.strip_suffix("es").is_some_and(|s| COMMON.contains(s))
}

/// A noun that describes an organisation, singular or plural: "maker",
/// "carmakers", "companies".
pub fn is_org_descriptor(k: &str) -> bool {
    ORG_CUE_FORMS.contains(k)
}

/// Titles written after a name: "Jane Doe MP".
pub fn is_post_nominal(k: &str) -> bool {
    matches!(k, "mp" | "mep" | "msp" | "mla" | "kc" | "qc")
}

pub fn is_first_name(k: &str) -> bool {
    is_first_name_flags(lexicon::flags(k))
}

/// As [`is_first_name`], given the word's flags.
pub fn is_first_name_flags(flags: Flags) -> bool {
    FIRST_NAMES.has(flags) && !MONTH_NAMES.has(flags)
}

/// "of", "and", "de": a word that joins the words of one name.
pub fn is_connector(k: &str) -> bool {
    CONNECTORS.contains(k)
}

pub fn is_starter(k: &str) -> bool {
    STARTERS.contains(k)
}

/// Not a name by itself: a place, nationality, weekday, holiday or month.
pub fn is_placeish(k: &str) -> bool {
    is_placeish_flags(lexicon::flags(k))
}

/// As [`is_placeish`], given the word's flags.
pub fn is_placeish_flags(flags: Flags) -> bool {
    PLACES.has(flags) || DEMONYM_FORMS.has(flags) || CALENDAR.has(flags) || MONTH_NAMES.has(flags)
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
