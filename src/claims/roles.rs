//! The titles articles give people, compared like figures: "White House
//! homeland security adviser" in one article and "national security
//! adviser" in another is a conflict; "Secretary of State" and "US
//! Secretary of State" agree.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::document::{Document, Span};
use crate::extract::Entity;
use crate::extract::lexicon;
use crate::extract::text::{fold, sentence_at};

/// Words that do not change what a title says.
const LIGHT: &[&str] = &["of", "the", "for", "and", "us", "u", "s", "a", "an"];

/// The roles one article gives one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Given {
    pub person: String,
    /// Every role the article gives, in its own words, `; `-separated.
    pub roles: String,
    /// The person's first mention and its sentence: where the evidence is.
    pub span: Span,
    pub sentence: Span,
}

pub fn given(doc: &Document, people: &[Entity]) -> Vec<Given> {
    people
        .iter()
        .filter(|p| !p.roles.is_empty())
        .filter_map(|p| {
            let first = p.mentions.first()?;
            Some(Given {
                person: p.name.clone(),
                roles: p.roles.join("; "),
                span: first.span,
                sentence: sentence_at(&doc.text, first.span.start),
            })
        })
        .collect()
}

/// Title words to their canonical form ("gov" → "governor").
static SYNONYMS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    lexicon::items(include_str!("lexicon/role_synonyms.txt"))
        .filter_map(|l| l.split_once(' '))
        .map(|(variant, canonical)| (variant, canonical.trim()))
        .collect()
});

fn words(role: &str) -> Vec<String> {
    let mut w: Vec<String> = fold(role)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !LIGHT.contains(w))
        .flat_map(|w| SYNONYMS.get(w).copied().unwrap_or(w).split(' '))
        .map(str::to_string)
        .collect();
    w.sort();
    w.dedup();
    w
}

/// Two role lists (`; `-separated) can both be true when some role of one
/// holds every word of some role of the other.
pub fn compatible(a: &str, b: &str) -> bool {
    let subset = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    a.split("; ").map(words).any(|x| {
        b.split("; ")
            .map(words)
            .any(|y| subset(&x, &y) || subset(&y, &x))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_in_other_words_agree() {
        let cases = [
            ("Secretary of State", "US Secretary of State", true),
            (
                "Homeland Security Secretary",
                "Secretary of Homeland Security",
                true,
            ),
            (
                "Homeland Security Advisor",
                "homeland security adviser",
                true,
            ),
            (
                "White House Homeland Security Advisor",
                "White House national security adviser",
                false,
            ),
            ("President", "Mexican President", true),
            ("Vice President; border czar", "border czar", true),
            ("Foreign Minister", "Finance Minister", false),
            ("Governor", "Gov.", true),
            ("spokeswoman", "spokesperson", true),
            ("CEO", "chief executive", true),
        ];
        for (a, b, want) in cases {
            assert_eq!(compatible(a, b), want, "{a} ~ {b}");
        }
    }
}
