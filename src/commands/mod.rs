//! One file per subcommand: wiring from arguments to pipeline to reporter.

pub mod claims;
pub mod diff;
pub mod extract;
pub mod summarize;

use std::io::Write;

use crate::cli::{Cli, Command};
use crate::progress::Progress;
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

/// What `main` decided about the terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    /// Colour for tables.
    pub paint: Paint,
    /// A progress bar may be drawn on stderr (a terminal, no `--quiet`).
    pub progress: bool,
    /// The output goes to a terminal.
    pub stdout_is_terminal: bool,
}

impl Terminal {
    /// The progress bar for a run over `files` files. A command that streams
    /// its output as it goes (`extract`) gets none when that output goes to
    /// the same terminal.
    fn progress(self, files: usize, streams: bool) -> Progress {
        Progress::new(
            self.progress && !(streams && self.stdout_is_terminal),
            files,
        )
    }
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
/// `prepare` runs in the parallel workers, and its result goes to `each`.
fn for_each_article<T: Send>(
    corpus: &crate::reader::Corpus,
    kinds: crate::extract::Kinds,
    progress: &mut Progress,
    prepare: impl Fn(&crate::pipeline::Article) -> T + Sync,
    mut each: impl FnMut(&crate::pipeline::Article, T) -> std::io::Result<()>,
) -> std::io::Result<Outcome> {
    let mut outcome = Outcome {
        errors: corpus.problems.clone(),
        ..Outcome::default()
    };
    crate::pipeline::run(corpus, kinds, prepare, |result| match result {
        Ok((article, prepared)) => {
            progress.file(article.doc.text.len());
            outcome.warnings.extend(article.warnings.iter().cloned());
            each(&article, prepared)
        }
        Err(problem) => {
            progress.file(0);
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
