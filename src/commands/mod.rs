//! One file per subcommand: wiring from arguments to pipeline to reporter.

pub mod claims;
pub mod diff;
pub mod extract;
pub mod summarize;

use std::io::Write;

use crate::cli::{Cli, Command};
use crate::reader::Problem;

/// What a command leaves for `main` to tell the user.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Inputs that could not be used (exit status 2).
    pub errors: Vec<Problem>,
    /// Things worth saying that did not stop anything.
    pub warnings: Vec<Problem>,
    /// The command's own finding (as `diff` finds differences): exit status 1.
    pub finding: bool,
}

/// Runs the command, writing its output to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if let Some(n) = cli.threads {
        // Only the first call can set the global pool; later calls (tests
        // running several commands in one process) keep the first size.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    match &cli.command {
        Command::Extract(args) => extract::run(args, out),
        Command::Summarize(args) => summarize::run(args, out),
        Command::Claims(args) => claims::run(args, out),
        Command::Diff(args) => diff::run(args, out),
    }
}

/// Analyses every article of a corpus, handing each to `each` in corpus
/// order; problems and warnings are gathered into the [`Outcome`].
fn for_each_article(
    corpus: &crate::reader::Corpus,
    kinds: crate::extract::Kinds,
    mut each: impl FnMut(&crate::pipeline::Article) -> std::io::Result<()>,
) -> std::io::Result<Outcome> {
    let mut outcome = Outcome {
        errors: corpus.problems.clone(),
        ..Outcome::default()
    };
    crate::pipeline::run(corpus, kinds, |result| match result {
        Ok(article) => {
            outcome.warnings.extend(article.warnings.iter().cloned());
            each(&article)
        }
        Err(problem) => {
            outcome.errors.push(problem);
            Ok(())
        }
    })?;
    Ok(outcome)
}

/// Opens the corpus an [`Input`](crate::cli::Input) names.
fn open(input: &crate::cli::Input) -> anyhow::Result<crate::reader::Corpus> {
    let options = crate::reader::Options { all: input.all };
    Ok(crate::reader::open(&input.path, options)?)
}
