//! `summarize`: the corpus at a glance.

use std::io::Write;

use super::{Outcome, Terminal};

use crate::claims::{Collector, Status};
use crate::cli::{SummarizeArgs, SummaryFormat};
use crate::extract::Kinds;
use crate::report::{markdown, table, wire};
use crate::summary;

pub fn run(args: &SummarizeArgs, term: Terminal, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let corpus = super::open(&args.input)?;
    let mut builder = summary::Builder::default();
    let mut collector = Collector::default();
    let mut progress = term.progress(corpus.entries.len(), false);
    let outcome = super::for_each_article(&corpus, Kinds::ALL, &mut progress, |article| {
        builder.add(article);
        collector.add(article);
        Ok(())
    })?;
    progress.phase("comparing claims");
    let s = builder.finish();
    let mut comparison = collector.finish();
    progress.finish();
    comparison.claims.retain(|c| c.status != Status::Single);
    match args.format {
        SummaryFormat::Table => table::summary(out, &s, &comparison, term.paint)?,
        SummaryFormat::Markdown => markdown::summary(out, &s, &comparison)?,
        SummaryFormat::Json => {
            let json = wire::SummaryOut::new(&s, &comparison, &outcome.errors);
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)?;
        }
    }
    Ok(outcome)
}
