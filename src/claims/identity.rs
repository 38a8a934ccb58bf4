//! One person or organisation across a corpus. Articles name the same
//! entity differently ("Andrés Manuel López Obrador", "Lopez Obrador",
//! "AMLO"); names are joined when one is a folded equal, a trailing part
//! (surname), an acronym of the initials, or a near-miss spelling of
//! another, and only when that reading is unambiguous in the corpus.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::extract::text::fold;

/// Whether a name is a person's or an organisation's: names of different
/// kinds never join.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Person,
    Organisation,
}

impl EntityKind {
    pub const fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
        }
    }
}

/// Words left out of acronyms and of name comparison.
const MINOR: &[&str] = &["of", "and", "the", "for", "on", "de", "del", "la", "&"];

/// A name reduced for comparison: folded, possessive and leading "the"
/// dropped, hyphens and dots as spaces, "u s" joined to "us".
pub fn key(name: &str) -> Vec<String> {
    let folded = fold(name);
    let folded = folded.strip_suffix("'s").unwrap_or(&folded);
    let mut words: Vec<String> = folded
        .replace("u.s.", "us")
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    words
}

/// Initials of the significant words: "Customs and Border Protection" → "cbp".
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !MINOR.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// True when one edit at most (a letter replaced, added or dropped) turns
/// `a` into `b`: a Levenshtein distance of 0 or 1, in one pass.
fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let rest = if short.len() == long.len() {
        prefix + 1
    } else {
        prefix
    };
    // after the first difference, the rest must match with one letter
    // skipped in the longer (or replaced, for equal lengths)
    short.get(rest..).unwrap_or_default() == long.get(prefix + 1..).unwrap_or_default()
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Words that put an organisation in its country without naming another one:
/// "US Department of State" is the "Department of State".
const COUNTRY_PREFIXES: &[&str] = &[
    "us", "united", "states", "uk", "american", "federal", "national",
];

/// How `short` may stand for `long`: a person by a trailing part of the name
/// (the surname), an organisation by its name less a country prefix; either
/// by an acronym of the initials (`acronym`: `short` is one, as
/// [`is_acronym`] tells).
fn stands_for(kind: EntityKind, acronym: bool, short_key: &[String], long_key: &[String]) -> bool {
    if short_key.is_empty() || short_key.len() >= long_key.len() {
        return false;
    }
    if long_key.ends_with(short_key) {
        let extra = &long_key[..long_key.len() - short_key.len()];
        return kind == EntityKind::Person
            || extra.iter().all(|w| COUNTRY_PREFIXES.contains(&w.as_str()));
    }
    if acronym && short_key.len() == 1 {
        let acronym = &short_key[0];
        let full = initials(long_key);
        return *acronym == full
            || (acronym.len() >= 4 && within_one_edit(&chars(acronym), &chars(&full)));
    }
    false
}

/// Initials of an organisation's significant words less a country prefix:
/// "US Customs and Border Protection" and "Customs and Border Patrol" both
/// give "cbp".
fn org_initials(key: &[String]) -> String {
    let start = key
        .iter()
        .take_while(|w| COUNTRY_PREFIXES.contains(&w.as_str()))
        .count();
    initials(&key[start..])
}

/// Two organisation names that are one acronym in other words: the same
/// initials (three or more) and a significant word in common.
fn same_acronym(a: &[String], b: &[String]) -> bool {
    let (x, y) = (org_initials(a), org_initials(b));
    x.len() >= 3
        && x == y
        && a.iter().any(|w| {
            !MINOR.contains(&w.as_str()) && !COUNTRY_PREFIXES.contains(&w.as_str()) && b.contains(w)
        })
}

/// Groups names: `groups[i]` is the group of `names[i]`, numbered from 0 in
/// order of first appearance. A person and an organisation never join.
pub fn group(names: &[(EntityKind, &str)]) -> Vec<usize> {
    let keys: Vec<Vec<String>> = names.iter().map(|(_, n)| key(n)).collect();
    // 1. Equal keys are one entity.
    let mut parent: Vec<usize> = (0..names.len()).collect();
    let mut first: BTreeMap<(EntityKind, &[String]), usize> = BTreeMap::new();
    for (i, (class, _)) in names.iter().enumerate() {
        let root = *first.entry((*class, keys[i].as_slice())).or_insert(i);
        parent[i] = root;
    }
    let roots: Vec<usize> = (0..names.len()).filter(|&i| parent[i] == i).collect();
    // Names are compared only within blocks that any join must share, so
    // that a corpus of many thousands of names is not compared pair by pair.
    // A block is named by a hash of its key: a million names do not keep
    // five strings each.
    let mut blocks: HashMap<(EntityKind, u64), Vec<usize>> = HashMap::default();
    for &j in &roots {
        let kind = names[j].0;
        let k = &keys[j];
        let mut add = |block: String| blocks.entry((kind, hashed(&block))).or_default().push(j);
        if let Some(last) = k.last() {
            add(format!("last:{last}"));
        }
        for letters in [initials(k), org_initials(k)] {
            if letters.len() >= 2 {
                add(format!("initials:{}", sorted(&letters)));
            }
        }
        let joined = k.join(" ");
        if joined.len() >= 8 {
            add(format!(
                "head:{}",
                joined.chars().take(4).collect::<String>()
            ));
            add(format!(
                "tail:{}",
                joined.chars().rev().take(4).collect::<String>()
            ));
        }
    }
    // the longer names each name may be the end of: "Lopez Obrador" of
    // "Andres Manuel Lopez Obrador" (a block by the last word alone would
    // pair every "… Smith" with every other)
    let mut ends: HashMap<(EntityKind, u64), Vec<usize>> = HashMap::default();
    for &j in &roots {
        let k = &keys[j];
        for from in 1..k.len() {
            ends.entry((names[j].0, hashed_words(&k[from..])))
                .or_default()
                .push(j);
        }
    }
    let block = |kind: EntityKind, b: String| {
        blocks
            .get(&(kind, hashed(&b)))
            .map_or(&[][..], Vec::as_slice)
    };
    // 2. A shorter name joins the one longer name it can stand for: the
    //    same last word, or its letters as initials.
    for &i in &roots {
        let (kind, name) = names[i];
        let k = &keys[i];
        // only a longer name ending in this one, or one with its letters
        // as initials, can be stood for
        let mut candidates: Vec<usize> = ends
            .get(&(kind, hashed_words(k)))
            .cloned()
            .unwrap_or_default();
        let acronym = is_acronym(name);
        if acronym && k.len() == 1 {
            candidates.extend_from_slice(block(kind, format!("initials:{}", sorted(&k[0]))));
        }
        let mut distinct: Vec<usize> = candidates
            .into_iter()
            .filter(|&j| j != i && stands_for(kind, acronym, k, &keys[j]))
            .map(|j| find(&parent, j))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        if let [target] = distinct.as_slice() {
            parent[i] = *target;
        }
    }
    // 3. Near-miss spellings of long names ("Alicia Barcina"), and one
    //    organisation acronym spelled out in other words. A pair met in
    //    several blocks is checked again, which costs less than remembering
    //    every pair.
    let mut long: Vec<Option<Vec<char>>> = vec![None; names.len()];
    for &i in &roots {
        let joined = keys[i].join(" ");
        if joined.len() >= 8 {
            long[i] = Some(chars(&joined));
        }
    }
    for list in blocks.values().filter(|l| l.len() <= MAX_BLOCK) {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if find(&parent, i) == find(&parent, j) {
                    continue;
                }
                let near = match (&long[i], &long[j]) {
                    (Some(ki), Some(kj)) => within_one_edit(ki, kj),
                    _ => false,
                };
                let acronym = !near
                    && names[i].0 == EntityKind::Organisation
                    && same_acronym(&keys[i], &keys[j]);
                if near || acronym {
                    let (ri, rj) = (find(&parent, i), find(&parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut numbers: BTreeMap<usize, usize> = BTreeMap::new();
    (0..names.len())
        .map(|i| {
            let root = find(&parent, i);
            let next = numbers.len();
            *numbers.entry(root).or_insert(next)
        })
        .collect()
}

/// The letters of a word in order: "almo" and "amlo" give one block.
fn sorted(word: &str) -> String {
    let mut letters: Vec<char> = word.chars().collect();
    letters.sort_unstable();
    letters.into_iter().collect()
}

fn hashed(key: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

fn hashed_words(words: &[String]) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(words)
}

/// Names one block may hold and still be compared pair by pair.
const MAX_BLOCK: usize = 500;

fn find(parent: &[usize], mut i: usize) -> usize {
    while parent[i] != i {
        i = parent[i];
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(names: &[&str]) -> Vec<usize> {
        let tagged: Vec<(EntityKind, &str)> =
            names.iter().map(|n| (EntityKind::Person, *n)).collect();
        group(&tagged)
    }

    fn org_groups(names: &[&str]) -> Vec<usize> {
        let tagged: Vec<(EntityKind, &str)> = names
            .iter()
            .map(|n| (EntityKind::Organisation, *n))
            .collect();
        group(&tagged)
    }

    #[test]
    fn accents_hyphens_and_surnames_join() {
        let g = groups(&[
            "Andrés Manuel López Obrador",
            "Andres Manuel Lopez Obrador",
            "López Obrador",
            "Lopez-Obrador",
            "AMLO",
        ]);
        assert_eq!(g, [0, 0, 0, 0, 0]);
    }

    #[test]
    fn organisation_acronyms_and_country_prefixes() {
        let g = org_groups(&[
            "U.S. Customs and Border Protection",
            "CBP",
            "Customs and Border Protection",
            "Federal Emergency Management Agency",
            "FEMA",
        ]);
        assert_eq!(g, [0, 0, 0, 1, 1]);
    }

    #[test]
    fn an_ambiguous_surname_stays_apart() {
        let g = groups(&["Joe Biden", "Hunter Biden", "Biden"]);
        assert_eq!(g, [0, 1, 2]);
    }

    #[test]
    fn a_surname_joins_its_only_full_name() {
        assert_eq!(groups(&["Biden", "Joe Biden", "Kamala Harris"]), [0, 0, 1]);
    }

    #[test]
    fn near_miss_spellings_join_long_names_only() {
        assert_eq!(
            groups(&["Alicia Barcena", "Alicia Bárcena", "Alicia Barcina"]),
            [0, 0, 0]
        );
        assert_eq!(groups(&["Tim Ray", "Tom Ray"]), [0, 1]);
    }

    #[test]
    fn a_person_and_an_organisation_never_join() {
        let names = [
            (EntityKind::Person, "Jordan"),
            (EntityKind::Organisation, "Jordan"),
        ];
        assert_eq!(group(&names), [0, 1]);
    }

    #[test]
    fn an_organisation_is_not_its_trailing_words() {
        assert_eq!(
            org_groups(&["Customs and Border Patrol", "Border Patrol"]),
            [0, 1]
        );
        assert_eq!(
            org_groups(&["U.S. Department of State", "Department of State"]),
            [0, 0]
        );
    }

    #[test]
    fn one_acronym_spelled_out_two_ways() {
        let g = org_groups(&[
            "US Customs and Border Protection",
            "Customs and Border Patrol",
            "Central Bank of Peru",
        ]);
        assert_eq!(g, [0, 0, 1]);
    }

    #[test]
    fn one_edit_at_most() {
        let one = |a: &str, b: &str| within_one_edit(&chars(a), &chars(b));
        assert!(one("barcena", "barcina"));
        assert!(one("barcena", "barcena"));
        assert!(one("lopez obrador", "lopez obradore"));
        assert!(one("obrador", "obrdor"));
        assert!(one("", "a"));
        assert!(!one("amlo", "almo"));
        assert!(!one("kitten", "sitting"));
        assert!(!one("ab", "ba"));
        assert!(!one("abc", "a"));
    }
}
