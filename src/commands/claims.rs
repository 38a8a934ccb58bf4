//! `claims`: what the articles say about the same things.

use std::io::Write;

use super::{Outcome, Terminal};

use crate::claims::{self, Collector};
use crate::cli::{ClaimsArgs, ExtractFormat};
use crate::extract::Kinds;
use crate::report::{json, table};

pub fn run(args: &ClaimsArgs, term: Terminal, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let corpus = super::open(&args.input)?;
    let mut collector = Collector::default();
    let mut progress = term.progress(corpus.entries.len(), false);
    let outcome = super::for_each_article(&corpus, Kinds::ALL, &mut progress, |article| {
        collector.add(article);
        Ok(())
    })?;
    progress.phase("comparing claims");
    let mut comparison = collector.finish();
    progress.finish();
    claims::filter(&mut comparison.claims, args.conflicts, &args.topic);
    match args.format {
        ExtractFormat::Table => table::claims(out, &comparison, term.paint)?,
        ExtractFormat::Json => json::claims(out, &comparison, &outcome.errors)?,
        ExtractFormat::Ndjson => json::claims_ndjson(out, &comparison)?,
    }
    Ok(outcome)
}
