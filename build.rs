//! Builds the word lists under `src/*/lexicon/` into perfect-hash sets at
//! compile time, so that no lexicon is parsed or hashed when the tool starts.
//!
//! Each set holds its file's items in looked-up form: lower case, accents
//! dropped (the same folding as `extract::text::fold`, which a unit test
//! checks item by item).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// (static name, file): the lexicons that are plain sets of words.
const SETS: &[(&str, &str)] = &[
    ("COMMON_WORDS", "src/extract/lexicon/common_words.txt"),
    ("FIRST_NAMES", "src/extract/lexicon/first_names.txt"),
    ("SURNAMES", "src/extract/lexicon/surnames.txt"),
    ("PLACES", "src/extract/lexicon/places.txt"),
    (
        "STATE_ABBREVIATIONS",
        "src/extract/lexicon/state_abbreviations.txt",
    ),
    ("DEMONYMS", "src/extract/lexicon/demonyms.txt"),
    ("TITLES", "src/extract/lexicon/titles.txt"),
    (
        "TITLE_COMPLEMENTS",
        "src/extract/lexicon/title_complements.txt",
    ),
    ("TITLE_PARTS", "src/extract/lexicon/title_parts.txt"),
    ("ORG_HEADS", "src/extract/lexicon/org_heads.txt"),
    ("ORG_LOWER_HEADS", "src/extract/lexicon/org_lower_heads.txt"),
    ("ORG_CUES", "src/extract/lexicon/org_cues.txt"),
    ("ORG_AT_CUES", "src/extract/lexicon/org_at_cues.txt"),
    ("ORG_POSSESSIONS", "src/extract/lexicon/org_possessions.txt"),
    ("INSTITUTIONS", "src/extract/lexicon/institutions.txt"),
    ("CALENDAR", "src/extract/lexicon/calendar.txt"),
    (
        "NON_ORG_ACRONYMS",
        "src/extract/lexicon/non_org_acronyms.txt",
    ),
    ("CUE_VERBS", "src/extract/lexicon/cue_verbs.txt"),
    (
        "NON_PERSON_HEADS",
        "src/extract/lexicon/non_person_heads.txt",
    ),
    ("PUBLIC_DOMAINS", "src/extract/lexicon/public_domains.txt"),
    (
        "FIGURE_STOPWORDS",
        "src/extract/lexicon/figure_stopwords.txt",
    ),
    (
        "FIGURE_ADJECTIVES",
        "src/extract/lexicon/figure_adjectives.txt",
    ),
    ("FIGURE_LABELS", "src/extract/lexicon/figure_labels.txt"),
    (
        "FIGURE_COMPOUNDS",
        "src/extract/lexicon/figure_compounds.txt",
    ),
    ("FIGURE_PLURALS", "src/extract/lexicon/figure_plurals.txt"),
    (
        "FIGURE_DETERMINERS",
        "src/extract/lexicon/figure_determiners.txt",
    ),
    ("FIGURE_LY_NOUNS", "src/extract/lexicon/figure_ly_nouns.txt"),
    ("FIGURE_CHANGES", "src/extract/lexicon/figure_changes.txt"),
    ("CLAIM_STOPWORDS", "src/claims/lexicon/stopwords.txt"),
    ("PROJECTION_CUES", "src/claims/lexicon/projection_cues.txt"),
    ("CROSSING_VERBS", "src/claims/lexicon/crossing_verbs.txt"),
];

/// One item a line; `#` starts a comment (as `extract::lexicon::items`).
fn items(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(|l| l.split_once('#').map_or(l, |(item, _)| item).trim())
        .filter(|l| !l.is_empty())
}

/// As `extract::text::fold`: compatibility decomposition, accents dropped,
/// lower case.
fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

fn main() {
    let mut code = String::new();
    for (name, file) in SETS {
        println!("cargo::rerun-if-changed={file}");
        let data = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let words: BTreeSet<String> = items(&data).map(fold).collect();
        let mut set = phf_codegen::Set::new();
        for w in &words {
            set.entry(w.as_str());
        }
        writeln!(
            code,
            "/// The items of `{file}`, folded.\npub static {name}: Set = Set({});",
            set.build()
        )
        .unwrap();
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("lexicon_sets.rs");
    std::fs::write(out, code).unwrap();
}
