//! Comparison across articles: every figure and date becomes a
//! [`Statement`] with a [`topic::Topic`]; statements of different articles
//! about the same topic form a [`Claim`] whose status says whether the
//! articles agree. Pure functions over extraction results.

pub mod align;
pub mod diff;
pub mod identity;
pub mod roles;
pub mod topic;

use chrono::{Datelike, Duration, NaiveDate};

use crate::document::Span;

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

/// One value one article states about something.
#[derive(Debug, Clone)]
pub struct Statement {
    /// Position of the article in the corpus.
    pub article: usize,
    pub kind: Kind,
    /// Span in the article's text, and the same in file bytes.
    pub span: Span,
    pub file_span: Span,
    pub text: String,
    /// The value as shown: "≈6000", ">15000", "38%", "2023-12-27".
    pub value: String,
    /// None when the value is unknown (an unresolved date).
    pub interval: Option<Interval>,
    /// The sentence it stands in: the evidence.
    pub sentence: String,
    pub topic: topic::Topic,
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

/// The status of statements from several articles: a conflict when two
/// articles' values cannot both hold (disjoint intervals, or roles neither
/// of which contains the other), agreement when every pair can.
pub fn status(statements: &[Statement]) -> Status {
    let mut articles: Vec<usize> = statements.iter().map(|s| s.article).collect();
    articles.sort_unstable();
    articles.dedup();
    if articles.len() < 2 {
        return Status::Single;
    }
    for (i, a) in statements.iter().enumerate() {
        for b in &statements[i + 1..] {
            if a.article == b.article {
                continue;
            }
            if let (Some(x), Some(y)) = (&a.interval, &b.interval) {
                if !x.overlaps(y) {
                    return Status::Conflict;
                }
            }
            if a.kind == Kind::Role && !roles::compatible(&a.value, &b.value) {
                return Status::Conflict;
            }
        }
    }
    Status::Agree
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
    pub fn new(number: usize, doc: &crate::document::Document) -> Self {
        ArticleRef {
            number,
            file: doc.path.clone(),
            title: doc.meta.title.clone(),
            outlet: doc.meta.outlet.clone(),
            published: doc.meta.anchor().map(|d| d.to_string()),
        }
    }
}

/// What the comparison of a corpus found.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    pub articles: Vec<ArticleRef>,
    /// Every person and organisation of every article: article, kind, name.
    pub names: Vec<(usize, identity::EntityKind, String)>,
    /// Conflicts first, then agreements, then what one article alone states.
    pub claims: Vec<Claim>,
}

/// Gathers, article by article, only what comparison needs: statements
/// with their topics and the roles given to people.
#[derive(Debug, Default)]
pub struct Collector {
    articles: Vec<ArticleRef>,
    statements: Vec<Statement>,
    roles: Vec<roles::Given>,
    names: Vec<(usize, identity::EntityKind, String)>,
}

impl Collector {
    pub fn add(&mut self, article: &crate::pipeline::Article) {
        let index = self.articles.len();
        let doc = &article.doc;
        self.articles.push(ArticleRef::new(index + 1, doc));
        self.statements
            .extend(topic::statements(index, doc, &article.found));
        self.roles
            .extend(roles::given(index, doc, &article.found.people));
        let found = &article.found;
        let people = found
            .people
            .iter()
            .map(|e| (identity::EntityKind::Person, e));
        let organisations = found
            .organisations
            .iter()
            .map(|e| (identity::EntityKind::Organisation, e));
        self.names.extend(
            people
                .chain(organisations)
                .map(|(k, e)| (index, k, e.name.clone())),
        );
    }

    pub fn finish(self) -> Comparison {
        let mut statements = self.statements;
        statements.extend(roles::statements(self.roles));
        Comparison {
            articles: self.articles,
            names: self.names,
            claims: align::align(statements),
        }
    }
}

/// Keeps the claims a user asked for: only conflicts, and only those whose
/// topic or stated text holds every one of `words` (case and accents aside).
pub fn filter(claims: &mut Vec<Claim>, only_conflicts: bool, words: &[String]) {
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
