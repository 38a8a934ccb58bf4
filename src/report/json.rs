//! JSON and NDJSON reporters for `extract`. JSON streams: the `articles`
//! array is written one article a line as they arrive, so memory does not
//! grow with the corpus; the document is still one valid JSON object.

use std::io::{self, Write};

use rayon::prelude::*;

use super::wire::{
    self, ArticleOut, ArticleRefOut, ClaimOut, DiffOut, ProblemOut, SCHEMA_VERSION, SummaryOut,
};
use super::{ExtractReporter, Renderer};
use crate::claims::diff::Diff;
use crate::claims::{ArticleRef, Claim};
use crate::extract::Kinds;
use crate::pipeline::Article;
use crate::reader::Problem;
use crate::summary::Summary;

pub struct Json<'w> {
    out: &'w mut dyn Write,
    shown: Kinds,
    count: usize,
}

impl<'w> Json<'w> {
    pub fn new(out: &'w mut dyn Write, shown: Kinds) -> Self {
        Json {
            out,
            shown,
            count: 0,
        }
    }
}

/// One article as a line of JSON, without the line end.
pub fn article_line(article: &Article, shown: Kinds) -> Vec<u8> {
    // serialising into memory fails only on a map key that is no string,
    // and the wire types have none
    serde_json::to_vec(&ArticleOut::new(article, shown)).expect("wire types serialise")
}

/// The rendered line, or the article rendered now when none came.
fn line_of(article: &Article, rendered: Option<Vec<u8>>, shown: Kinds) -> Vec<u8> {
    rendered.unwrap_or_else(|| article_line(article, shown))
}

impl ExtractReporter for Json<'_> {
    fn renderer(&self) -> Renderer {
        Renderer::JsonLine(self.shown)
    }

    fn article(&mut self, article: &Article, rendered: Option<Vec<u8>>) -> io::Result<()> {
        if self.count == 0 {
            writeln!(
                self.out,
                "{{\"schema_version\":{SCHEMA_VERSION},\"articles\":["
            )?;
        } else {
            self.out.write_all(b",\n")?;
        }
        self.count += 1;
        self.out.write_all(&line_of(article, rendered, self.shown))
    }

    fn finish(&mut self, problems: &[Problem]) -> io::Result<()> {
        if self.count == 0 {
            write!(
                self.out,
                "{{\"schema_version\":{SCHEMA_VERSION},\"articles\":["
            )?;
        } else {
            self.out.write_all(b"\n")?;
        }
        let errors: Vec<ProblemOut> = problems.iter().map(ProblemOut::from).collect();
        self.out.write_all(b"],\"errors\":")?;
        serde_json::to_writer(&mut *self.out, &errors)?;
        self.out.write_all(b"}\n")
    }
}

/// One article object a line; failed inputs go to stderr only.
pub struct Ndjson<'w> {
    out: &'w mut dyn Write,
    shown: Kinds,
}

impl<'w> Ndjson<'w> {
    pub fn new(out: &'w mut dyn Write, shown: Kinds) -> Self {
        Ndjson { out, shown }
    }
}

impl ExtractReporter for Ndjson<'_> {
    fn renderer(&self) -> Renderer {
        Renderer::JsonLine(self.shown)
    }

    fn article(&mut self, article: &Article, rendered: Option<Vec<u8>>) -> io::Result<()> {
        self.out
            .write_all(&line_of(article, rendered, self.shown))?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self, _problems: &[Problem]) -> io::Result<()> {
        Ok(())
    }
}

/// `claims --format json`: the claims as `claims` yields them, then the
/// problems `errors` gives once they are all written.
pub fn claims(
    out: &mut dyn Write,
    articles: &[ArticleRef],
    batches: impl Iterator<Item = Vec<Claim>>,
    errors: impl FnOnce() -> Vec<Problem>,
) -> io::Result<()> {
    // One pretty document ({schema_version, articles, claims, errors}),
    // written a part at a time: the claims as they come, each rendered in
    // parallel, and the errors once all is known.
    let listed: Vec<ArticleRefOut> = articles.iter().map(ArticleRefOut::from).collect();
    begin_document(out)?;
    field(out, "articles")?;
    wire::write_nested(out, &listed, 1)?;
    field(out, "claims")?;
    claim_list(out, articles, batches)?;
    end_document(out, errors)
}

/// `summarize --format json`, written as [`claims`] is:
/// {schema_version, articles, claims, named, errors}.
pub fn summary(
    out: &mut dyn Write,
    s: &Summary,
    articles: &[ArticleRef],
    batches: impl Iterator<Item = Vec<Claim>>,
    errors: impl FnOnce() -> Vec<Problem>,
) -> io::Result<()> {
    let known = SummaryOut::new(s);
    begin_document(out)?;
    field(out, "articles")?;
    wire::write_nested(out, &known.articles, 1)?;
    field(out, "claims")?;
    claim_list(out, articles, batches)?;
    field(out, "named")?;
    wire::write_nested(out, &known.named, 1)?;
    end_document(out, errors)
}

/// A pretty document written in parts opens with its schema version.
fn begin_document(out: &mut dyn Write) -> io::Result<()> {
    write!(out, "{{\n  \"schema_version\": {SCHEMA_VERSION}")
}

/// The key of the document's next field.
fn field(out: &mut dyn Write, name: &str) -> io::Result<()> {
    write!(out, ",\n  \"{name}\": ")
}

/// The errors, known only now, close the document.
fn end_document(out: &mut dyn Write, errors: impl FnOnce() -> Vec<Problem>) -> io::Result<()> {
    let problems: Vec<ProblemOut> = errors().iter().map(ProblemOut::from).collect();
    field(out, "errors")?;
    wire::write_nested(out, &problems, 1)?;
    out.write_all(b"\n}\n")
}

/// The claims of a pretty document, a list one level deep, each claim
/// rendered in parallel with the others of its batch.
fn claim_list(
    out: &mut dyn Write,
    articles: &[ArticleRef],
    batches: impl Iterator<Item = Vec<Claim>>,
) -> io::Result<()> {
    out.write_all(b"[")?;
    let mut any = false;
    for batch in batches {
        let rendered: Result<Vec<Vec<u8>>, _> = batch
            .par_iter()
            .map(|claim| wire::nested(&ClaimOut::new(claim, articles), 2))
            .collect();
        for claim in rendered? {
            out.write_all(if any { b",\n    " } else { b"\n    " })?;
            out.write_all(&claim)?;
            any = true;
        }
    }
    out.write_all(if any { b"\n  ]" } else { b"]" })
}

/// `claims --format ndjson`: one claim a line, the lines of a batch
/// rendered in parallel.
pub fn claims_ndjson(
    out: &mut dyn Write,
    articles: &[ArticleRef],
    batches: impl Iterator<Item = Vec<Claim>>,
) -> io::Result<()> {
    for batch in batches {
        let lines: Result<Vec<Vec<u8>>, _> = batch
            .par_iter()
            .map(|claim| wire::json_line(&ClaimOut::new(claim, articles)))
            .collect();
        for line in lines? {
            out.write_all(&line)?;
        }
    }
    Ok(())
}

/// `diff --format json`.
pub fn diff(out: &mut dyn Write, d: &Diff) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &DiffOut::new(d))?;
    writeln!(out)
}
