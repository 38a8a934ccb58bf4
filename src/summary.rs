//! The corpus at a glance: per-article counts, who is named by which
//! article, and each article's figures and dates. Pure aggregation; the
//! reporters only lay it out.

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

use crate::claims::ArticleRef;
use crate::claims::identity::{self, EntityKind};
use crate::claims::store::Symbols;
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

/// A figure or date of one article, ready to show, its strings numbered
/// in [`Summary::strings`]: a corpus states "2023", "Tuesday" and "$5
/// million" many times over, and millions of facts are kept till the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    pub kind: FactKind,
    pub text: u32,
    pub value: u32,
    /// What a figure counts; empty for dates.
    pub what: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    Figure,
    Date,
}

impl FactKind {
    pub const fn name(self) -> &'static str {
        match self {
            FactKind::Figure => "figure",
            FactKind::Date => "date",
        }
    }
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
    /// The strings of the facts, each once.
    pub strings: Vec<Box<str>>,
}

impl Summary {
    /// A string of a [`Fact`].
    pub fn string(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }
}

/// Builds the summary from articles, fed one at a time in corpus order.
#[derive(Debug, Default)]
pub struct Builder {
    summary: Summary,
    /// Every entity of every article: its name (in `distinct`), article
    /// number, mentions.
    names: Vec<(u32, usize, usize)>,
    /// The names, each (with its kind) once, in order of first appearance.
    distinct: Vec<(EntityKind, String)>,
    ids: HashMap<(EntityKind, String), u32>,
    /// The strings of the facts, numbered; `summary.strings` at the end.
    strings: Symbols,
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
            let key = (kind, entity.name.clone());
            let id = match self.ids.get(&key) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.distinct.len()).expect("fewer than 2^32 names");
                    self.distinct.push(key.clone());
                    self.ids.insert(key, id);
                    id
                }
            };
            self.names.push((id, number, entity.mentions.len()));
        }
        let mut shared = |s: &str| self.strings.id(s);
        let mut facts: Vec<(usize, Fact)> =
            Vec::with_capacity(found.figures.len() + found.dates.len());
        for f in &found.figures {
            let value = crate::report::wire::number(f.value).to_string();
            let value = match (f.unit, f.currency) {
                (crate::extract::Unit::Percent, _) => format!("{value}%"),
                (crate::extract::Unit::Money, Some(cur)) => format!("{value} {cur}"),
                _ => value,
            };
            let fact = Fact {
                kind: FactKind::Figure,
                text: shared(doc.slice(f.span)),
                value: shared(&value),
                what: shared(f.what.as_deref().unwrap_or_default()),
            };
            facts.push((f.span.start, fact));
        }
        for d in &found.dates {
            let fact = Fact {
                kind: FactKind::Date,
                text: shared(doc.slice(d.span)),
                value: shared(d.value.as_deref().unwrap_or("?")),
                what: shared(""),
            };
            facts.push((d.span.start, fact));
        }
        facts.sort_by_key(|(start, _)| *start);
        self.summary.facts.push(ArticleFacts {
            number,
            file: doc.path.clone(),
            facts: facts.into_iter().map(|(_, f)| f).collect(),
        });
    }

    pub fn finish(mut self) -> Summary {
        // one name stands for the same entity wherever it appears: each is
        // grouped once
        self.ids = HashMap::default();
        self.summary.strings = std::mem::take(&mut self.strings).into_names();
        let tagged: Vec<(EntityKind, &str)> = self
            .distinct
            .iter()
            .map(|(k, n)| (*k, n.as_str()))
            .collect();
        let groups = identity::group(&tagged);
        let mut named: BTreeMap<usize, Named> = BTreeMap::new();
        for &(id, number, mentions) in &self.names {
            let (kind, name) = &self.distinct[id as usize];
            let n = named.entry(groups[id as usize]).or_insert_with(|| Named {
                kind: *kind,
                name: name.clone(),
                articles: vec![],
                mentions: 0,
            });
            if name.chars().count() > n.name.chars().count() {
                n.name = name.clone();
            }
            if n.articles.last() != Some(&number) {
                n.articles.push(number);
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
