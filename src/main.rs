//! The binary: parse arguments, run the command, map the outcome to an exit
//! status (0 ok, 1 a finding such as a difference, 2 usage or input error).

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use corpus_cli::cli::Cli;
use corpus_cli::commands::{self, Terminal};
use corpus_cli::output::AtomicFile;
use corpus_cli::report::paint::Paint;

fn main() -> ExitCode {
    return_freed_memory_sooner();
    let cli = Cli::parse();
    let stdout_is_terminal = cli.output.is_none() && io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR");
    let term = Terminal {
        paint: Paint {
            on: cli.color.resolve(stdout_is_terminal, no_color.as_deref()),
        },
        progress: !cli.quiet && io::stderr().is_terminal(),
        stdout_is_terminal,
    };
    let result = match &cli.output {
        None => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            commands::run(&cli, term, &mut out).and_then(|o| Ok(out.flush().map(|()| o)?))
        }
        Some(path) => AtomicFile::create(path)
            .with_context(|| format!("{}: cannot write", path.display()))
            .and_then(|mut file| {
                let outcome = commands::run(&cli, term, &mut file)?;
                file.commit()
                    .with_context(|| format!("{}: cannot write", path.display()))?;
                Ok(outcome)
            }),
    };
    match result {
        Ok(outcome) => {
            let mut err = io::stderr().lock();
            if !cli.quiet {
                for w in &outcome.warnings {
                    let _ = writeln!(err, "corpus-cli: warning: {w}");
                }
            }
            for e in &outcome.errors {
                let _ = writeln!(err, "corpus-cli: {e}");
            }
            if !outcome.errors.is_empty() {
                ExitCode::from(2)
            } else {
                ExitCode::from(u8::from(outcome.finding))
            }
        }
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(io::stderr(), "corpus-cli: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader that closed the pipe (`| head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// mimalloc keeps memory a thread freed for a second before it gives it
/// back; while a large corpus is compared, what the extraction let go is
/// then held next to what comparison builds (at 100 MB, a sixth of the
/// peak). A tenth of a second costs no time that can be measured. Another
/// delay set with `MIMALLOC_PURGE_DELAY` is left alone.
fn return_freed_memory_sooner() {
    /// `mi_option_purge_delay` in mimalloc 3's list of options, and its
    /// default in milliseconds.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    const DEFAULT_DELAY: std::ffi::c_long = 1000;
    // SAFETY: reads and sets an option of the allocator in use; neither
    // call touches memory the program holds.
    unsafe {
        if libmimalloc_sys::mi_option_get(PURGE_DELAY) == DEFAULT_DELAY {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 100);
        }
    }
}

// The extractors allocate many small strings; mimalloc serves them faster
// than the system allocator.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
