//! Two articles compared: the topics both state (agreeing or not), the
//! topics only one states, and the people and organisations only one names.

use super::identity::{self, EntityKind};
use super::{ArticleRef, Claim, Comparison, Status};

#[derive(Debug, Clone)]
pub struct Diff {
    /// A, then B; statements refer to them as article 0 and 1.
    pub articles: [ArticleRef; 2],
    /// Topics both state: conflicts first, then agreements.
    pub both: Vec<Claim>,
    pub only_a: Vec<Claim>,
    pub only_b: Vec<Claim>,
    pub named_only_a: Vec<(EntityKind, String)>,
    pub named_only_b: Vec<(EntityKind, String)>,
}

impl Diff {
    /// True when the articles differ: a conflict, or anything only one says.
    pub fn differs(&self) -> bool {
        self.both.iter().any(|c| c.status == Status::Conflict)
            || !self.only_a.is_empty()
            || !self.only_b.is_empty()
            || !self.named_only_a.is_empty()
            || !self.named_only_b.is_empty()
    }
}

/// The diff of a comparison of exactly two articles (A first), given every
/// name each uses: (article, kind, name).
pub fn diff(comparison: Comparison, names: &[(usize, EntityKind, String)]) -> Option<Diff> {
    let articles = <[ArticleRef; 2]>::try_from(comparison.articles).ok()?;
    let (mut both, mut only_a, mut only_b) = (vec![], vec![], vec![]);
    for claim in comparison.claims {
        match claim
            .statements
            .iter()
            .map(|s| s.article)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [0] => only_a.push(claim),
            [1] => only_b.push(claim),
            _ => both.push(claim),
        }
    }
    let tagged: Vec<(EntityKind, &str)> = names.iter().map(|(_, k, n)| (*k, n.as_str())).collect();
    let groups = identity::group(&tagged);
    let named_by = |article: usize| -> Vec<usize> {
        names
            .iter()
            .zip(&groups)
            .filter(|((i, _, _), _)| *i == article)
            .map(|(_, g)| *g)
            .collect()
    };
    let (in_a, in_b) = (named_by(0), named_by(1));
    let only = |article: usize, other: &[usize]| -> Vec<(EntityKind, String)> {
        names
            .iter()
            .zip(&groups)
            .filter(|((i, _, _), g)| *i == article && !other.contains(g))
            .map(|((_, k, n), _)| (*k, n.clone()))
            .collect()
    };
    Some(Diff {
        named_only_a: only(0, &in_b),
        named_only_b: only(1, &in_a),
        articles,
        both,
        only_a,
        only_b,
    })
}
