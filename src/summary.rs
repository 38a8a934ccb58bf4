//! The corpus at a glance: per-article counts, who is named by which
//! article, and each article's figures and dates. Pure aggregation; the
//! reporters only lay it out.

use std::collections::BTreeMap;

use crate::claims::ArticleRef;
use crate::claims::identity::{self, EntityKind};
use crate::extract::text::fold;
use crate::pipeline::Article;

/// One row per article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRow {
    /// Number, file and metadata; the title falls back to the headline.
    pub article: ArticleRef,
    pub published_inferred: bool,
    pub words: usize,
    pub people: usize,
    pub organisations: usize,
    pub dates: usize,
    pub figures: usize,
    pub posts: usize,
}

/// A person or organisation and the articles that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub kind: EntityKind,
    /// The longest name any article gives.
    pub name: String,
    /// Article numbers, ascending.
    pub articles: Vec<usize>,
    pub mentions: usize,
}

/// A figure or date of one article, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub kind: &'static str,
    pub text: String,
    pub value: String,
    /// What a figure counts; empty for dates.
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFacts {
    pub number: usize,
    pub file: String,
    pub facts: Vec<Fact>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub articles: Vec<ArticleRow>,
    /// Most widely named first, then by name.
    pub named: Vec<Named>,
    pub facts: Vec<ArticleFacts>,
}

/// Builds the summary from articles, fed one at a time in corpus order.
#[derive(Debug, Default)]
pub struct Builder {
    summary: Summary,
    /// Every entity of every article: kind, name, article number, mentions.
    names: Vec<(EntityKind, String, usize, usize)>,
}

impl Builder {
    pub fn add(&mut self, article: &Article) {
        let number = self.summary.articles.len() + 1;
        let doc = &article.doc;
        let found = &article.found;
        let mut article_ref = ArticleRef::new(number, doc);
        if article_ref.title.is_none() {
            article_ref.title = doc.meta.headline.map(|h| doc.slice(h).to_string());
        }
        self.summary.articles.push(ArticleRow {
            article: article_ref,
            published_inferred: doc.meta.published.is_none() && doc.meta.inferred.is_some(),
            words: article.words,
            people: found.people.len(),
            organisations: found.organisations.len(),
            dates: found.dates.len(),
            figures: found.figures.len(),
            posts: found.posts.len(),
        });
        let entities = found.people.iter().map(|e| (EntityKind::Person, e)).chain(
            found
                .organisations
                .iter()
                .map(|e| (EntityKind::Organisation, e)),
        );
        for (kind, entity) in entities {
            self.names
                .push((kind, entity.name.clone(), number, entity.mentions.len()));
        }
        let mut facts: Vec<(usize, Fact)> = found
            .figures
            .iter()
            .map(|f| {
                let value = crate::report::wire::number(f.value).to_string();
                let value = match (f.unit, f.currency) {
                    (crate::extract::Unit::Percent, _) => format!("{value}%"),
                    (crate::extract::Unit::Money, Some(cur)) => format!("{value} {cur}"),
                    _ => value,
                };
                (
                    f.span.start,
                    Fact {
                        kind: "figure",
                        text: doc.slice(f.span).to_string(),
                        value,
                        what: f.what.clone().unwrap_or_default(),
                    },
                )
            })
            .chain(found.dates.iter().map(|d| {
                (
                    d.span.start,
                    Fact {
                        kind: "date",
                        text: doc.slice(d.span).to_string(),
                        value: d.value.clone().unwrap_or_else(|| "?".into()),
                        what: String::new(),
                    },
                )
            }))
            .collect();
        facts.sort_by_key(|(start, _)| *start);
        self.summary.facts.push(ArticleFacts {
            number,
            file: doc.path.clone(),
            facts: facts.into_iter().map(|(_, f)| f).collect(),
        });
    }

    pub fn finish(mut self) -> Summary {
        let tagged: Vec<(EntityKind, &str)> = self
            .names
            .iter()
            .map(|(k, n, _, _)| (*k, n.as_str()))
            .collect();
        let groups = identity::group(&tagged);
        let mut named: BTreeMap<usize, Named> = BTreeMap::new();
        for ((kind, name, number, mentions), g) in self.names.iter().zip(groups) {
            let n = named.entry(g).or_insert_with(|| Named {
                kind: *kind,
                name: name.clone(),
                articles: vec![],
                mentions: 0,
            });
            if name.chars().count() > n.name.chars().count() {
                n.name = name.clone();
            }
            if n.articles.last() != Some(number) {
                n.articles.push(*number);
            }
            n.mentions += mentions;
        }
        self.summary.named = named.into_values().collect();
        self.summary.named.sort_by(|a, b| {
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then(a.kind.cmp(&b.kind))
                .then_with(|| fold(&a.name).cmp(&fold(&b.name)))
        });
        self.summary
    }
}
