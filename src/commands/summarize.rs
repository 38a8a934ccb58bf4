//! `summarize`: the corpus at a glance.

use std::io::Write;

use super::{Outcome, Terminal};

use crate::claims::evidence::Reread;
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
    let mut outcome = super::for_each_article(
        &corpus,
        Kinds::ALL,
        &mut progress,
        Collector::prepare_article,
        |article, prepared| {
            builder.add(article);
            collector.add(prepared);
            Ok(())
        },
    )?;
    progress.phase("comparing claims");
    let s = builder.finish();
    let mut aligned = collector.finish();
    // the summary shows where articles meet, not what one alone states
    aligned.retain(|c| c.status != Status::Single);
    let texts = Reread {
        corpus: &corpus,
        entries: &aligned.entries,
    };
    let (comparison, problems) = aligned.comparison(&texts);
    outcome.errors.extend(problems);
    progress.finish();
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
