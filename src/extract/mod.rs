//! The extractors: each a pure function from a [`Document`] to mentions with
//! byte spans. One module per kind; shared text helpers live in [`text`] and
//! word lists in `lexicon/` (see [`lexicon`]).

pub mod dates;
pub mod entities;
pub mod figures;
pub mod lexicon;
pub mod posts;
pub mod text;

use chrono::NaiveDate;
use serde::Serialize;

use crate::document::{Document, Span};

/// A date expression, normalised like TIMEX3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `YYYY-Www`; `None` when the
    /// expression cannot be resolved (no publication date to anchor it).
    pub value: Option<String>,
    /// The rule that found it, e.g. `month-day-year`, `weekday-relative`.
    pub rule: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    Percent,
    Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approx,
    MoreThan,
    LessThan,
}

/// A number that states a quantity.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Covers qualifier, currency sign, number and magnitude word.
    pub span: Span,
    /// Scaled out: "a quarter million" is 250000, "38%" is 38.
    pub value: f64,
    pub unit: Unit,
    /// ISO 4217 code when `unit` is money.
    pub currency: Option<&'static str>,
    pub qualifier: Qualifier,
    /// Head noun of what is counted, lower case ("migrants").
    pub what: Option<String>,
    /// "per month", "a day", "each year" when the figure is a rate.
    pub rate: Option<String>,
    pub rule: &'static str,
}

/// One occurrence of a person's or organisation's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct EntityMention {
    pub span: Span,
    pub rule: &'static str,
}

/// A person or organisation, with every mention of it in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The fullest form the article gives, spelled as the article spells it.
    pub name: String,
    /// Sorted by span.
    pub mentions: Vec<EntityMention>,
    /// Titles and roles the article gives the entity ("Secretary of State").
    pub roles: Vec<String>,
}

/// People and organisations of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    pub people: Vec<Entity>,
    pub organisations: Vec<Entity>,
}

/// A quoted social-media post, recognised by its attribution line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    /// From the post's first word through the attribution's date.
    pub span: Span,
    /// The post's own words, without link and attribution.
    pub text: Span,
    pub author: String,
    /// Without the `@`.
    pub handle: String,
    pub date: Option<NaiveDate>,
    /// The picture or status link, with `https://` added when missing.
    pub url: Option<String>,
    pub rule: &'static str,
}

/// Which kinds to extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds {
    pub people: bool,
    pub organisations: bool,
    pub dates: bool,
    pub figures: bool,
    pub posts: bool,
}

impl Kinds {
    pub const ALL: Kinds = Kinds {
        people: true,
        organisations: true,
        dates: true,
        figures: true,
        posts: true,
    };
}

impl Default for Kinds {
    fn default() -> Self {
        Kinds::ALL
    }
}

/// Everything found in one article; each list sorted by span.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub people: Vec<Entity>,
    pub organisations: Vec<Entity>,
    pub dates: Vec<DateMention>,
    pub figures: Vec<Figure>,
    pub posts: Vec<Post>,
}

/// Runs the chosen extractors over one document. Post attribution lines
/// are found once: posts are built from them, dates inside a post are told
/// from its day, and the display names on them are the entity rules' own.
pub fn extract(doc: &Document, kinds: Kinds) -> Extraction {
    let mut out = Extraction::default();
    let attributions = posts::attributions(&doc.text, doc.body);
    if kinds.people || kinds.organisations {
        let entities = entities::extract_with_attributions(doc, &attributions);
        if kinds.people {
            out.people = entities.people;
        }
        if kinds.organisations {
            out.organisations = entities.organisations;
        }
    }
    if kinds.dates || kinds.posts {
        let posts = posts::from_attributions(doc, &attributions);
        if kinds.dates {
            out.dates = dates::extract_with_posts(doc, &posts);
        }
        if kinds.posts {
            out.posts = posts;
        }
    }
    if kinds.figures {
        out.figures = figures::extract(doc);
    }
    out
}
