//! `diff`: the claims of two articles compared, with diff(1)'s exit status.

use std::io::Write;

use anyhow::Context;

use super::{Outcome, Terminal};
use crate::claims::{Collector, diff};
use crate::cli::{DiffArgs, DiffFormat};
use crate::document::Document;
use crate::extract::Kinds;
use crate::pipeline;
use crate::reader;
use crate::report::{json, table};

pub fn run(args: &DiffArgs, term: Terminal, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let mut collector = Collector::default();
    let mut docs: Vec<Document> = Vec::with_capacity(2);
    for spec in [&args.a, &args.b] {
        let (corpus, entry) = reader::open_article(spec, args.corpus.as_deref())?;
        let article = pipeline::analyse(&corpus, &entry, Kinds::ALL)?;
        collector.add(Collector::prepare(&article.doc, &article.found));
        docs.push(article.doc);
    }
    let aligned = collector.finish();
    // both articles are held, so their evidence cannot fail to be read
    let (comparison, _) = aligned.comparison(&docs);
    let d = diff::diff(comparison, &aligned.names()).context("diff needs exactly two articles")?;
    match args.format {
        DiffFormat::Table => table::diff(out, &d, term.paint)?,
        DiffFormat::Json => json::diff(out, &d)?,
    }
    Ok(Outcome {
        finding: d.differs(),
        ..Outcome::default()
    })
}
