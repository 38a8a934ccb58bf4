//! `claims`: what the articles say about the same things.

use std::cell::RefCell;
use std::io::Write;

use super::{Outcome, Terminal};

use crate::claims::evidence::{BATCH, Reread};
use crate::claims::{self, Claim, Collector, Status};
use crate::cli::{ClaimsArgs, ExtractFormat};
use crate::extract::Kinds;
use crate::report::{json, table};

pub fn run(args: &ClaimsArgs, term: Terminal, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let corpus = super::open(&args.input)?;
    let mut collector = Collector::default();
    let mut progress = term.progress(corpus.entries.len(), false);
    let mut outcome = super::for_each_article(
        &corpus,
        Kinds::ALL,
        &mut progress,
        Collector::prepare_article,
        |_, prepared| {
            collector.add(prepared);
            Ok(())
        },
    )?;
    progress.phase("comparing claims");
    let mut aligned = collector.finish();
    progress.finish();
    if args.conflicts {
        aligned.retain(|c| c.status == Status::Conflict);
    }
    let texts = Reread {
        corpus: &corpus,
        entries: &aligned.entries,
    };
    // evidence is read back a batch at a time; articles that cannot be
    // read again are reported with the other errors
    let reread = RefCell::new(Vec::new());
    let shown = aligned.batches(&texts, BATCH).map(|(mut batch, problems)| {
        reread.borrow_mut().extend(problems);
        claims::filter(&mut batch, false, &args.topic);
        batch
    });
    match args.format {
        ExtractFormat::Table => {
            let all: Vec<Claim> = shown.flatten().collect();
            table::claims(out, &aligned.articles, &all, term.paint)?;
        }
        ExtractFormat::Json => json::claims(out, &aligned.articles, shown, || {
            let mut errors = outcome.errors.clone();
            errors.extend(reread.borrow().iter().cloned());
            errors
        })?,
        ExtractFormat::Ndjson => json::claims_ndjson(out, &aligned.articles, shown)?,
    }
    outcome.errors.extend(reread.into_inner());
    Ok(outcome)
}
