//! One file per subcommand: wiring from arguments to pipeline to reporter.

pub mod claims;
pub mod diff;
pub mod extract;
pub mod summarize;

use std::io::Write;

use crate::cli::{Cli, Command};
use crate::reader::Problem;
use crate::report::paint::Paint;

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

/// What `main` decided about the terminal: colour for tables.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    pub paint: Paint,
}

/// Runs the command, writing its output to `out`.
pub fn run(cli: &Cli, term: Terminal, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if let Some(n) = cli.threads {
        // Only the first call can set the global pool; later calls (tests
        // running several commands in one process) keep the first size.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    match &cli.command {
        Command::Extract(args) => extract::run(args, term, out),
        Command::Summarize(args) => summarize::run(args, term, out),
        Command::Claims(args) => claims::run(args, term, out),
        Command::Diff(args) => diff::run(args, term, out),
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
