//! Comparison across articles: every figure and date becomes a
//! [`Statement`] with a [`topic::Topic`]; statements of different articles
//! about the same topic form a [`Claim`] whose status says whether the
//! articles agree. Pure functions over extraction results.

pub mod align;
pub mod diff;
pub mod evidence;
pub mod identity;
pub mod roles;
pub mod store;
pub mod topic;

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};

use crate::document::{Document, Span};
use crate::extract::Extraction;
use crate::reader::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Figure,
    Date,
    /// The title or role an article gives a person.
    Role,
}

impl Kind {
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Figure => "figure",
            Kind::Date => "date",
            Kind::Role => "role",
        }
    }
}

/// The values a stated figure or date allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Interval {
    Number { low: f64, high: f64 },
    Days { first: NaiveDate, last: NaiveDate },
}

impl Interval {
    /// True when some value lies in both.
    pub fn overlaps(&self, other: &Interval) -> bool {
        match (self, other) {
            (Interval::Number { low: a, high: b }, Interval::Number { low: c, high: d }) => {
                a <= d && c <= b
            }
            (Interval::Days { first: a, last: b }, Interval::Days { first: c, last: d }) => {
                a <= d && c <= b
            }
            _ => false,
        }
    }

    /// The calendar span of a TIMEX3-like value: a day, ISO week, month or year.
    pub fn of_date(value: &str) -> Option<Interval> {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let (first, last) = if let Some((y, w)) = value.split_once("-W") {
            let first =
                NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)?;
            (first, first + Duration::days(6))
        } else {
            let parts: Vec<&str> = value.split('-').collect();
            match parts.as_slice() {
                [y] => {
                    let y = y.parse().ok()?;
                    (day(y, 1, 1)?, day(y, 12, 31)?)
                }
                [y, m] => {
                    let first = day(y.parse().ok()?, m.parse().ok()?, 1)?;
                    let next = if first.month() == 12 {
                        day(first.year() + 1, 1, 1)?
                    } else {
                        day(first.year(), first.month() + 1, 1)?
                    };
                    (first, next - Duration::days(1))
                }
                [y, m, d] => {
                    let d = day(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
                    (d, d)
                }
                _ => return None,
            }
        };
        Some(Interval::Days { first, last })
    }
}

/// One value one article states about something, with its evidence, as
/// it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Position of the article in the comparison.
    pub article: usize,
    pub kind: Kind,
    /// Span in the article's text, and the same in file bytes.
    pub span: Span,
    pub file_span: Span,
    pub text: String,
    /// The value as shown: "≈6000", ">15000", "38%", "2023-12-27".
    pub value: String,
    /// The sentence it stands in: the evidence.
    pub sentence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Conflict,
    Agree,
    Single,
}

impl Status {
    pub const fn name(self) -> &'static str {
        match self {
            Status::Conflict => "conflict",
            Status::Agree => "agree",
            Status::Single => "single",
        }
    }
}

/// What the articles say about one topic.
#[derive(Debug, Clone)]
pub struct Claim {
    /// A short human label built from the words the statements share.
    pub topic: String,
    pub status: Status,
    /// At most one statement per article, in corpus order.
    pub statements: Vec<Statement>,
}

/// An article as the comparison refers to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRef {
    /// 1-based position in the corpus.
    pub number: usize,
    pub file: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
}

impl ArticleRef {
    pub fn new(number: usize, doc: &Document) -> Self {
        ArticleRef {
            number,
            file: doc.path.clone(),
            title: doc.meta.title.clone(),
            outlet: doc.meta.outlet.clone(),
            published: doc.meta.anchor().map(|d| d.to_string()),
        }
    }
}

/// Claims with their evidence, ready to show.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    pub articles: Vec<ArticleRef>,
    /// Conflicts first, then agreements, then what one article alone states.
    pub claims: Vec<Claim>,
}

/// What comparison needs of one article, worked out in the worker that
/// analysed it: its statements and topics, the roles it gives people, and
/// the names it uses. Holds offsets, not the article's text.
#[derive(Debug, Clone)]
pub struct Prepared {
    article: ArticleRef,
    entry: usize,
    fingerprint: u64,
    stated: Vec<topic::Stated>,
    given: Vec<roles::Given>,
    names: Vec<(identity::EntityKind, String)>,
}

/// Gathers, article by article, only what comparison needs, in compact
/// form (see [`store`]): a corpus of a gigabyte is compared in well under
/// its own size of memory.
#[derive(Debug, Default)]
pub struct Collector {
    articles: Vec<ArticleRef>,
    entries: Vec<usize>,
    fingerprints: Vec<u64>,
    store: store::Store,
    /// Roles: article, person, roles (symbols), first mention, its sentence.
    given: Vec<(u32, u32, u32, Span, Span)>,
    /// Every person and organisation of every article: article, kind, name.
    names: Vec<(u32, identity::EntityKind, u32)>,
}

impl Collector {
    /// The part of collecting that needs the article itself; a pure
    /// function, run in parallel.
    pub fn prepare(doc: &Document, found: &Extraction) -> Prepared {
        let people = found
            .people
            .iter()
            .map(|e| (identity::EntityKind::Person, e.name.clone()));
        let organisations = found
            .organisations
            .iter()
            .map(|e| (identity::EntityKind::Organisation, e.name.clone()));
        Prepared {
            article: ArticleRef::new(0, doc),
            entry: 0,
            fingerprint: evidence::fingerprint(&doc.text),
            stated: topic::statements(doc, found),
            given: roles::given(doc, &found.people),
            names: people.chain(organisations).collect(),
        }
    }

    /// [`Collector::prepare`] for an analysed article of a corpus.
    pub fn prepare_article(article: &crate::pipeline::Article) -> Prepared {
        Prepared {
            entry: article.entry,
            ..Self::prepare(&article.doc, &article.found)
        }
    }

    /// Keeps the next article of the comparison.
    pub fn add(&mut self, p: Prepared) {
        let index = self.articles.len();
        let article = u32::try_from(index).expect("fewer than 2^32 articles");
        self.articles.push(ArticleRef {
            number: index + 1,
            ..p.article
        });
        self.entries.push(p.entry);
        self.fingerprints.push(p.fingerprint);
        for s in p.stated {
            self.store.add(article, s);
        }
        for g in p.given {
            let person = self.store.symbols.id(&g.person);
            let roles = self.store.symbols.id(&g.roles);
            self.given
                .push((article, person, roles, g.span, g.sentence));
        }
        for (kind, name) in p.names {
            let name = self.store.symbols.id(&name);
            self.names.push((article, kind, name));
        }
    }

    /// Aligns what was collected into claims.
    pub fn finish(mut self) -> Aligned {
        // one role statement per article and person, the person named the
        // same way in every article (the longest name of its identity)
        // (each distinct name grouped once, in order of first appearance)
        let mut seen = std::collections::HashSet::new();
        let distinct: Vec<u32> = self
            .given
            .iter()
            .map(|g| g.1)
            .filter(|&n| seen.insert(n))
            .collect();
        let persons: Vec<(identity::EntityKind, &str)> = distinct
            .iter()
            .map(|&n| (identity::EntityKind::Person, self.store.name(n)))
            .collect();
        let groups = identity::group(&persons);
        let mut longest: Vec<&str> = vec![""; groups.iter().max().map_or(0, |m| m + 1)];
        for (&g, (_, name)) in groups.iter().zip(&persons) {
            if name.chars().count() > longest[g].chars().count() {
                longest[g] = name;
            }
        }
        let canonical: HashMap<u32, String> = distinct
            .iter()
            .zip(&groups)
            .map(|(&n, &g)| (n, longest[g].to_string()))
            .collect();
        // the statements are most of the memory: grow them once, exactly
        self.store.stubs.reserve_exact(self.given.len());
        for &(article, person, roles, span, sentence) in &self.given {
            self.store
                .add_role(article, &canonical[&person], roles, span, sentence);
        }
        let alignment = align::align(&mut self.store);
        Aligned {
            articles: self.articles,
            entries: self.entries,
            fingerprints: self.fingerprints,
            names: self.names,
            store: self.store,
            alignment,
        }
    }
}

/// The claims of a corpus, aligned but not yet shown: statements are
/// offsets, and the evidence is read back only for the claims shown.
#[derive(Debug)]
pub struct Aligned {
    pub articles: Vec<ArticleRef>,
    /// Each article's position in the corpus entries, to read it again.
    pub entries: Vec<usize>,
    fingerprints: Vec<u64>,
    names: Vec<(u32, identity::EntityKind, u32)>,
    store: store::Store,
    alignment: align::Alignment,
}

impl Aligned {
    pub fn claims(&self) -> &[align::ClaimRef] {
        &self.alignment.claims
    }

    /// Keeps only the claims `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&align::ClaimRef) -> bool) {
        self.alignment.claims.retain(keep);
    }

    /// Every person and organisation of every article: article, kind, name.
    pub fn names(&self) -> Vec<(usize, identity::EntityKind, String)> {
        self.names
            .iter()
            .map(|&(a, k, n)| (a as usize, k, self.store.name(n).to_string()))
            .collect()
    }

    /// Every claim kept, with its evidence read from `texts`; problems are
    /// the articles that could not be read again.
    pub fn comparison(&self, texts: &dyn evidence::Texts) -> (Comparison, Vec<Problem>) {
        let (claims, problems) = self.materialise(self.claims(), texts);
        (
            Comparison {
                articles: self.articles.clone(),
                claims,
            },
            problems,
        )
    }
}

/// Keeps the claims a user asked for: only conflicts, and only those whose
/// topic or stated text holds every one of `words` (case and accents aside).
pub fn filter(claims: &mut Vec<Claim>, only_conflicts: bool, words: &[String]) {
    if words.is_empty() {
        if only_conflicts {
            claims.retain(|c| c.status == Status::Conflict);
        }
        return;
    }
    let words: Vec<String> = words
        .iter()
        .map(|w| crate::extract::text::fold(w))
        .collect();
    claims.retain(|c| {
        if only_conflicts && c.status != Status::Conflict {
            return false;
        }
        let haystack = crate::extract::text::fold(&format!(
            "{} {}",
            c.topic,
            c.statements
                .iter()
                .map(|s| s.sentence.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        ));
        words.iter().all(|w| haystack.contains(w.as_str()))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_values_span_their_calendar_unit() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            Interval::of_date("2023-12"),
            Some(Interval::Days {
                first: d("2023-12-01"),
                last: d("2023-12-31")
            })
        );
        assert_eq!(
            Interval::of_date("2023-W51"),
            Some(Interval::Days {
                first: d("2023-12-18"),
                last: d("2023-12-24")
            })
        );
        assert_eq!(
            Interval::of_date("2024"),
            Some(Interval::Days {
                first: d("2024-01-01"),
                last: d("2024-12-31")
            })
        );
        assert_eq!(Interval::of_date("someday"), None);
        let month = Interval::of_date("2023-12").unwrap();
        assert!(month.overlaps(&Interval::of_date("2023-12-27").unwrap()));
        assert!(!month.overlaps(&Interval::of_date("2024-01-02").unwrap()));
    }
}
