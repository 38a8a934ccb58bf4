//! The JSON wire format, in one place. These structs are the contract with
//! users' scripts and with `eval/score.py`: fields may be added; none is
//! renamed or removed without a new [`SCHEMA_VERSION`]. Domain types never
//! derive `Serialize` for output, so a refactor cannot change output silently.

use std::io;

use serde::Serialize;

use crate::claims::diff::Diff;
use crate::claims::identity::EntityKind;
use crate::claims::{ArticleRef, Claim};
use crate::document::{Document, Span};
use crate::extract::{DateMention, Entity, EntityMention, Figure, Kinds, Post, Qualifier, Unit};
use crate::pipeline::Article;
use crate::reader::Problem;

pub const SCHEMA_VERSION: u32 = 1;

/// `extract --format json`: the whole corpus.
#[derive(Debug, Serialize)]
pub struct ExtractOut<'a> {
    pub schema_version: u32,
    pub articles: Vec<ArticleOut<'a>>,
    pub errors: Vec<ProblemOut>,
}

/// One article: metadata and everything found in it.
#[derive(Debug, Serialize)]
pub struct ArticleOut<'a> {
    pub file: &'a str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub url: Option<&'a str>,
    /// `YYYY-MM-DD`, stated or inferred; null when neither.
    pub published: Option<String>,
    pub published_inferred: bool,
    /// Why the inferred date was chosen; null when stated or unknown.
    pub published_evidence: Option<&'a str>,
    pub headline: Option<&'a str>,
    pub encoding: &'static str,
    pub bytes: usize,
    pub words: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<EntityOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisations: Option<Vec<EntityOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<Vec<DateOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<Vec<FigureOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posts: Option<Vec<PostOut<'a>>>,
}

#[derive(Debug, Serialize)]
pub struct EntityOut<'a> {
    pub name: &'a str,
    pub roles: &'a [String],
    pub mentions: Vec<MentionOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct MentionOut<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
}

#[derive(Debug, Serialize)]
pub struct DateOut<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub value: Option<&'a str>,
    pub rule: &'static str,
}

#[derive(Debug, Serialize)]
pub struct FigureOut<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub value: serde_json::Number,
    pub unit: Unit,
    pub currency: Option<&'static str>,
    pub qualifier: Qualifier,
    pub what: Option<&'a str>,
    pub rate: Option<&'a str>,
    pub rule: &'static str,
}

#[derive(Debug, Serialize)]
pub struct PostOut<'a> {
    /// The post's own words.
    pub text: &'a str,
    /// Span of the whole post, first word through the attribution's date.
    pub start: usize,
    pub end: usize,
    pub text_start: usize,
    pub text_end: usize,
    pub author: &'a str,
    pub handle: &'a str,
    pub date: Option<String>,
    pub url: Option<&'a str>,
    pub rule: &'static str,
}

/// An input that could not be used.
#[derive(Debug, Serialize)]
pub struct ProblemOut {
    /// The article as listed, or the path the problem is about.
    pub file: String,
    /// The INDEX.md that lists it, with the line.
    pub index: Option<String>,
    pub line: Option<usize>,
    pub message: String,
}

impl From<&Problem> for ProblemOut {
    fn from(p: &Problem) -> Self {
        let (file, index) = match &p.file {
            Some(file) => (file.clone(), Some(p.path.clone())),
            None => (p.path.clone(), None),
        };
        ProblemOut {
            file,
            index,
            line: p.line,
            message: p.message.clone(),
        }
    }
}

impl<'a> ArticleOut<'a> {
    /// The article with the kinds `shown` (the others were not extracted).
    pub fn new(article: &'a Article, k: Kinds) -> Self {
        let doc = &article.doc;
        let found = &article.found;
        let meta = &doc.meta;
        ArticleOut {
            file: &doc.path,
            title: meta.title.as_deref(),
            outlet: meta.outlet.as_deref(),
            url: meta.url.as_deref(),
            published: meta.anchor().map(|d| d.to_string()),
            published_inferred: meta.published.is_none() && meta.inferred.is_some(),
            published_evidence: meta.inferred.as_ref().map(|i| i.evidence.as_str()),
            headline: meta.headline.map(|s| doc.slice(s)),
            encoding: doc.encoding.name(),
            bytes: doc.text.len(),
            words: article.words,
            people: k.people.then(|| entities(doc, &found.people)),
            organisations: k.organisations.then(|| entities(doc, &found.organisations)),
            dates: k
                .dates
                .then(|| found.dates.iter().map(|d| date(doc, d)).collect()),
            figures: k
                .figures
                .then(|| found.figures.iter().map(|f| figure(doc, f)).collect()),
            posts: k
                .posts
                .then(|| found.posts.iter().map(|p| post(doc, p)).collect()),
        }
    }
}

fn file_span(doc: &Document, span: Span) -> (usize, usize) {
    let s = doc.file_span(span);
    (s.start, s.end)
}

fn entities<'a>(doc: &'a Document, list: &'a [Entity]) -> Vec<EntityOut<'a>> {
    list.iter()
        .map(|e| EntityOut {
            name: &e.name,
            roles: &e.roles,
            mentions: e.mentions.iter().map(|m| mention(doc, m)).collect(),
        })
        .collect()
}

fn mention<'a>(doc: &'a Document, m: &EntityMention) -> MentionOut<'a> {
    let (start, end) = file_span(doc, m.span);
    MentionOut {
        text: doc.slice(m.span),
        start,
        end,
        rule: m.rule,
    }
}

fn date<'a>(doc: &'a Document, d: &'a DateMention) -> DateOut<'a> {
    let (start, end) = file_span(doc, d.span);
    DateOut {
        text: doc.slice(d.span),
        start,
        end,
        value: d.value.as_deref(),
        rule: d.rule,
    }
}

/// Whole numbers print without a fraction: 250000, not 250000.0.
pub fn number(v: f64) -> serde_json::Number {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        serde_json::Number::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).unwrap_or_else(|| serde_json::Number::from(0))
    }
}

fn figure<'a>(doc: &'a Document, f: &'a Figure) -> FigureOut<'a> {
    let (start, end) = file_span(doc, f.span);
    FigureOut {
        text: doc.slice(f.span),
        start,
        end,
        value: number(f.value),
        unit: f.unit,
        currency: f.currency,
        qualifier: f.qualifier,
        what: f.what.as_deref(),
        rate: f.rate.as_deref(),
        rule: f.rule,
    }
}

fn post<'a>(doc: &'a Document, p: &'a Post) -> PostOut<'a> {
    let (start, end) = file_span(doc, p.span);
    let (text_start, text_end) = file_span(doc, p.text);
    PostOut {
        text: doc.slice(p.text),
        start,
        end,
        text_start,
        text_end,
        author: &p.author,
        handle: &p.handle,
        date: p.date.map(|d| d.to_string()),
        url: p.url.as_deref(),
        rule: p.rule,
    }
}

/// `summarize --format json`: `{schema_version, articles, claims, named,
/// errors}`, where `claims` (topics two or more articles state: conflicts,
/// then agreements) are [`ClaimOut`]s, written as they come, and `errors`
/// are [`ProblemOut`]s, written last (see `json::summary`). These are the
/// parts known before the claims.
#[derive(Debug)]
pub struct SummaryOut<'a> {
    pub articles: Vec<SummaryArticleOut<'a>>,
    pub named: Vec<NamedOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SummaryArticleOut<'a> {
    pub number: usize,
    pub file: &'a str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub published: Option<&'a str>,
    pub published_inferred: bool,
    pub words: usize,
    pub counts: CountsOut,
    pub facts: Vec<FactOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct CountsOut {
    pub people: usize,
    pub organisations: usize,
    pub dates: usize,
    pub figures: usize,
    pub posts: usize,
}

#[derive(Debug, Serialize)]
pub struct FactOut<'a> {
    pub kind: &'a str,
    pub text: &'a str,
    pub value: &'a str,
    pub what: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct NamedOut<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    /// The files that name it, in corpus order.
    pub files: Vec<&'a str>,
    pub mentions: usize,
}

impl<'a> SummaryOut<'a> {
    pub fn new(s: &'a crate::summary::Summary) -> Self {
        let file_of = |n: usize| s.articles[n - 1].article.file.as_str();
        SummaryOut {
            articles: s
                .articles
                .iter()
                .zip(&s.facts)
                .map(|(a, f)| SummaryArticleOut {
                    number: a.article.number,
                    file: &a.article.file,
                    title: a.article.title.as_deref(),
                    outlet: a.article.outlet.as_deref(),
                    published: a.article.published.as_deref(),
                    published_inferred: a.published_inferred,
                    words: a.words,
                    counts: CountsOut {
                        people: a.people,
                        organisations: a.organisations,
                        dates: a.dates,
                        figures: a.figures,
                        posts: a.posts,
                    },
                    facts: f
                        .facts
                        .iter()
                        .map(|x| FactOut {
                            kind: x.kind.name(),
                            text: s.string(x.text),
                            value: s.string(x.value),
                            what: Some(s.string(x.what)).filter(|w| !w.is_empty()),
                        })
                        .collect(),
                })
                .collect(),
            named: s
                .named
                .iter()
                .map(|n| NamedOut {
                    name: &n.name,
                    kind: n.kind.name(),
                    files: n.articles.iter().map(|&i| file_of(i)).collect(),
                    mentions: n.mentions,
                })
                .collect(),
        }
    }
}

/// An article as claims and diff refer to it.
#[derive(Debug, Serialize)]
pub struct ArticleRefOut<'a> {
    pub number: usize,
    pub file: &'a str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub published: Option<&'a str>,
}

impl<'a> From<&'a ArticleRef> for ArticleRefOut<'a> {
    fn from(a: &'a ArticleRef) -> Self {
        ArticleRefOut {
            number: a.number,
            file: &a.file,
            title: a.title.as_deref(),
            outlet: a.outlet.as_deref(),
            published: a.published.as_deref(),
        }
    }
}

/// Pretty JSON as `serde_json` lays it out, two spaces a level, for a
/// value that sits `depth` levels deep in a larger document: the parts of
/// one document rendered apart (in parallel) and written one after another.
pub struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    pub fn at(depth: usize) -> Self {
        Nested {
            depth,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(mark)
    }

    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `value` in pretty JSON, `depth` levels deep (see [`Nested`]).
pub fn nested<T: Serialize + ?Sized>(value: &T, depth: usize) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_nested(&mut out, value, depth)?;
    Ok(out)
}

/// Writes `value` in pretty JSON, `depth` levels deep, straight to `out`.
pub fn write_nested<T: Serialize + ?Sized>(
    out: &mut dyn io::Write,
    value: &T,
    depth: usize,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Nested::at(depth));
    value.serialize(&mut ser)
}

/// `value` as one line of compact JSON, line break included.
pub fn json_line<T: Serialize>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut line = serde_json::to_vec(value)?;
    line.push(b'\n');
    Ok(line)
}

/// One topic and what each article states about it.
#[derive(Debug, Serialize)]
pub struct ClaimOut<'a> {
    pub topic: &'a str,
    /// `conflict`, `agree` or `single`.
    pub status: &'static str,
    /// `figure`, `date` or `role`.
    pub kind: &'static str,
    pub values: Vec<ValueOut<'a>>,
}

/// One article's statement, with its evidence.
#[derive(Debug, Serialize)]
pub struct ValueOut<'a> {
    pub file: &'a str,
    /// The article's number in the corpus.
    pub article: usize,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub value: &'a str,
    pub sentence: &'a str,
}

impl<'a> ClaimOut<'a> {
    pub fn new(claim: &'a Claim, articles: &'a [ArticleRef]) -> Self {
        ClaimOut {
            topic: &claim.topic,
            status: claim.status.name(),
            kind: claim.statements.first().map_or("figure", |s| s.kind.name()),
            values: claim
                .statements
                .iter()
                .map(|s| ValueOut {
                    file: &articles[s.article].file,
                    article: articles[s.article].number,
                    start: s.file_span.start,
                    end: s.file_span.end,
                    text: &s.text,
                    value: &s.value,
                    sentence: &s.sentence,
                })
                .collect(),
        }
    }
}

/// `diff --format json`.
#[derive(Debug, Serialize)]
pub struct DiffOut<'a> {
    pub schema_version: u32,
    pub a: ArticleRefOut<'a>,
    pub b: ArticleRefOut<'a>,
    /// True when the exit status is 1.
    pub differs: bool,
    pub both: Vec<ClaimOut<'a>>,
    pub only_a: Vec<ClaimOut<'a>>,
    pub only_b: Vec<ClaimOut<'a>>,
    pub named_only_a: Vec<NameOut<'a>>,
    pub named_only_b: Vec<NameOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct NameOut<'a> {
    pub name: &'a str,
    pub kind: &'static str,
}

impl<'a> DiffOut<'a> {
    pub fn new(d: &'a Diff) -> Self {
        let claims = |list: &'a [Claim]| -> Vec<ClaimOut<'a>> {
            list.iter().map(|c| ClaimOut::new(c, &d.articles)).collect()
        };
        let names = |list: &'a [(EntityKind, String)]| -> Vec<NameOut<'a>> {
            list.iter()
                .map(|(k, n)| NameOut {
                    name: n,
                    kind: k.name(),
                })
                .collect()
        };
        let [a, b] = &d.articles;
        DiffOut {
            schema_version: SCHEMA_VERSION,
            a: ArticleRefOut::from(a),
            b: ArticleRefOut::from(b),
            differs: d.differs(),
            both: claims(&d.both),
            only_a: claims(&d.only_a),
            only_b: claims(&d.only_b),
            named_only_a: names(&d.named_only_a),
            named_only_b: names(&d.named_only_b),
        }
    }
}
