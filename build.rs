//! Builds the word lists under `src/*/lexicon/` into one hash table at
//! compile time, so that no lexicon is parsed or hashed when the tool starts.
//!
//! The table maps each item, in looked-up form (lower case, accents dropped:
//! the same folding as `extract::text::fold`, which a unit test checks item
//! by item), to a bit per list that holds it. Its layout is
//! `src/extract/lexicon/table.rs`, shared with the code that reads it.

use std::collections::BTreeMap;
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
    ("CONNECTORS", "src/extract/lexicon/connectors.txt"),
    ("STARTERS", "src/extract/lexicon/starters.txt"),
];

/// (static name, file, forms): sets derived from a list, so that a rule
/// asking "this word or its plural" hashes the word once.
const DERIVED: &[(&str, &str, Forms)] = &[
    (
        "MONTH_NAMES",
        "src/extract/lexicon/months.txt",
        Forms::FirstField,
    ),
    (
        "DEMONYM_FORMS",
        "src/extract/lexicon/demonyms.txt",
        Forms::PluralS,
    ),
    (
        "ORG_CUE_FORMS",
        "src/extract/lexicon/org_cues.txt",
        Forms::NounPlural,
    ),
];

#[derive(Clone, Copy)]
enum Forms {
    /// The first word of each line ("december 12" gives "december").
    FirstField,
    /// Each item and the item with "s" ("mexican", "mexicans").
    PluralS,
    /// Each item, with "s", and a final "y" as "ies" ("agency", "agencies").
    NounPlural,
}

impl Forms {
    fn of(self, item: &str) -> Vec<String> {
        match self {
            Forms::FirstField => item.split_whitespace().take(1).map(fold).collect(),
            Forms::PluralS => vec![fold(item), format!("{}s", fold(item))],
            Forms::NounPlural => {
                let w = fold(item);
                let mut v = vec![format!("{w}s")];
                if let Some(stem) = w.strip_suffix('y') {
                    v.push(format!("{stem}ies"));
                }
                v.push(w);
                v
            }
        }
    }
}

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

#[path = "src/extract/lexicon/table.rs"]
mod table;

fn main() {
    let mut flags: BTreeMap<String, u64> = BTreeMap::new();
    let mut code = String::new();
    // One bit a set, and the top bit never used, so that all ones can
    // stand for "not looked up yet".
    assert!(
        SETS.len() + DERIVED.len() < 64,
        "one bit a set: at most 63 sets"
    );
    let lists = SETS.iter().map(|&(name, file)| (name, file, None)).chain(
        DERIVED
            .iter()
            .map(|&(name, file, forms)| (name, file, Some(forms))),
    );
    for (bit, (name, file, forms)) in lists.enumerate() {
        println!("cargo::rerun-if-changed={file}");
        let data = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        for item in items(&data) {
            let words = forms.map_or_else(|| vec![fold(item)], |f| f.of(item));
            for w in words {
                *flags.entry(w).or_default() |= 1 << bit;
            }
        }
        let what = if forms.is_some() {
            "derived from"
        } else {
            "the items of"
        };
        writeln!(
            code,
            "/// Words {what} `{file}`, folded.\npub static {name}: Set = Set(1 << {bit});"
        )
        .unwrap();
    }
    println!("cargo::rerun-if-changed=src/extract/lexicon/table.rs");
    let entries: Vec<(&String, &u64)> = flags.iter().collect();
    let words: Vec<&str> = entries.iter().map(|(w, _)| w.as_str()).collect();
    let slots = table::layout(&words);
    let size = slots.len();
    // The packed word and its flags side by side: a look-up of a short word
    // reads the slot and one entry, two cache lines in all.
    writeln!(code, "static WORDS: [&str; {}] = [", entries.len()).unwrap();
    for (word, _) in &entries {
        writeln!(code, "    {word:?},").unwrap();
    }
    writeln!(
        code,
        "];\nstatic ENTRIES: [(u64, u64); {}] = [",
        entries.len()
    )
    .unwrap();
    for ((_, bits), packed) in entries.iter().zip(table::packed(&words)) {
        writeln!(code, "    ({packed:#x}, {bits:#x}),").unwrap();
    }
    writeln!(code, "];\nstatic SLOTS: [u32; {size}] = [").unwrap();
    for row in slots.chunks(16) {
        let row: Vec<String> = row.iter().map(u32::to_string).collect();
        writeln!(code, "    {},", row.join(", ")).unwrap();
    }
    writeln!(code, "];").unwrap();
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("lexicon_sets.rs"), code).unwrap();
    std::fs::write(Path::new(&out_dir).join("fold_table.rs"), fold_table()).unwrap();
}

/// The folded form of every character below U+0250 (ASCII, Latin-1 and
/// Latin Extended-A and -B), so that `extract::text::fold` folds the
/// letters of most names by table. Folding works character by character
/// (decomposition, marks dropped, lower case), so a table of characters
/// folds strings exactly as the full machinery does.
fn fold_table() -> String {
    let mut code = format!("static FOLD_TABLE: [&str; {FOLD_TABLE_LEN:#x}] = [\n");
    for n in 0..FOLD_TABLE_LEN {
        let c = char::from_u32(n).expect("below U+0250 every code point is a char");
        writeln!(code, "    {:?},", fold(&c.to_string())).unwrap();
    }
    code.push_str("];\n");
    code
}

const FOLD_TABLE_LEN: u32 = 0x250;
