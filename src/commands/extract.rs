//! `extract`: everything found in each article, streamed in corpus order.

use std::io::Write;

use super::{Outcome, Terminal};
use crate::cli::{ExtractArgs, ExtractFormat};
use crate::report::ExtractReporter;
use crate::report::json::{Json, Ndjson};
use crate::report::table::ExtractTable;

pub fn run(args: &ExtractArgs, term: Terminal, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let corpus = super::open(&args.input)?;
    let kinds = args.kinds();
    let mut reporter: Box<dyn ExtractReporter + '_> = match args.format {
        ExtractFormat::Json => Box::new(Json::new(out, kinds)),
        ExtractFormat::Ndjson => Box::new(Ndjson::new(out, kinds)),
        ExtractFormat::Table => Box::new(ExtractTable::new(out, kinds, term.paint)),
    };
    let mut progress = term.progress(corpus.entries.len(), true);
    let renderer = reporter.renderer();
    let outcome = super::for_each_article(
        &corpus,
        kinds,
        &mut progress,
        |article| renderer.render(article),
        |article, rendered| reporter.article(article, rendered),
    )?;
    progress.finish();
    reporter.finish(&outcome.errors)?;
    Ok(outcome)
}
