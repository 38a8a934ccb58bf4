//! `summarize`: the corpus at a glance.

use std::io::Write;

use super::Outcome;
use crate::cli::{SummarizeArgs, SummaryFormat};
use crate::extract::Kinds;
use crate::pipeline;
use crate::report::{markdown, table, wire};
use crate::summary;

pub fn run(args: &SummarizeArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let corpus = super::open(&args.input)?;
    let mut outcome = Outcome {
        errors: corpus.problems.clone(),
        ..Outcome::default()
    };
    let mut builder = summary::Builder::default();
    pipeline::run(&corpus, Kinds::ALL, |result| -> anyhow::Result<()> {
        match result {
            Ok(article) => {
                outcome.warnings.extend(article.warnings.iter().cloned());
                builder.add(&article);
            }
            Err(problem) => outcome.errors.push(problem),
        }
        Ok(())
    })?;
    let s = builder.finish();
    match args.format {
        SummaryFormat::Table => table::summary(out, &s)?,
        SummaryFormat::Markdown => markdown::summary(out, &s)?,
        SummaryFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &wire::SummaryOut::new(&s, &outcome.errors))?;
            writeln!(out)?;
        }
    }
    Ok(outcome)
}
