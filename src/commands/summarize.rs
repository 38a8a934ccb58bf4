//! `summarize`: the corpus at a glance.

use std::cell::RefCell;
use std::io::Write;

use super::{Outcome, Terminal};

use crate::claims::evidence::{BATCH, Reread};
use crate::claims::{Collector, Status};
use crate::cli::{SummarizeArgs, SummaryFormat};
use crate::extract::Kinds;
use crate::report::{json, markdown, table};
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
    progress.finish();
    // the summary shows where articles meet, not what one alone states
    aligned.retain(|c| c.status != Status::Single);
    let texts = Reread {
        corpus: &corpus,
        entries: &aligned.entries,
    };
    // evidence is read back a batch at a time, as the claims are written;
    // articles that cannot be read again are reported with the other errors
    let reread = RefCell::new(Vec::new());
    let batches = aligned.batches(&texts, BATCH).map(|(batch, problems)| {
        reread.borrow_mut().extend(problems);
        batch
    });
    let articles = &aligned.articles;
    match args.format {
        SummaryFormat::Table => table::summary(out, &s, articles, batches, term.paint)?,
        SummaryFormat::Markdown => markdown::summary(out, &s, articles, batches)?,
        SummaryFormat::Json => json::summary(out, &s, articles, batches, || {
            let mut errors = outcome.errors.clone();
            errors.extend(reread.borrow().iter().cloned());
            errors
        })?,
    }
    outcome.errors.extend(reread.into_inner());
    Ok(outcome)
}
