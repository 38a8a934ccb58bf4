//! Command-line interface: clap derive structs. Their doc comments are the
//! `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Reads a folder of news articles and shows, side by side, what each one
/// claims: people, organisations, dates, figures and quoted social posts.
#[derive(Debug, Parser)]
#[command(name = "corpus-cli", version, propagate_version = true)]
#[command(after_help = "Examples:\n  corpus-cli summarize seeds/\n  \
    corpus-cli extract seeds --format json | jq '.articles[].figures[] | {text, value, what}'")]
pub struct Cli {
    /// Worker threads (default: all cores)
    #[arg(long, short = 'j', global = true, value_name = "N")]
    pub threads: Option<usize>,

    /// Do not print warnings (errors are still printed)
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,

    /// Write the output to FILE (atomically: all of it, or nothing) instead of stdout
    #[arg(long, short = 'o', global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// When to colour tables
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

/// `--color`: when to colour the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is unset or empty
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour, given where stdout goes and the `NO_COLOR`
    /// variable (<https://no-color.org>: any non-empty value turns colour off).
    pub fn resolve(self, stdout_is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_is_terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Everything found in each article, with byte spans
    #[command(after_help = "Examples:\n  corpus-cli extract seeds/\n  \
        corpus-cli extract seeds --format json --only dates,figures\n  \
        corpus-cli extract seeds --format ndjson | jq -c '{file, people: [.people[].name]}'")]
    Extract(ExtractArgs),

    /// One row per article, then who is named where, then each article's
    /// figures and dates
    #[command(after_help = "Examples:\n  corpus-cli summarize seeds/\n  \
        corpus-cli summarize seeds --format markdown > summary.md")]
    Summarize(SummarizeArgs),

    /// What the articles say about the same things, side by side, and
    /// whether they agree or conflict
    #[command(after_help = "Examples:\n  corpus-cli claims seeds/\n  \
        corpus-cli claims seeds --conflicts\n  \
        corpus-cli claims seeds --topic caravan --format json | jq '.claims[].values[] | {file, text, value}'")]
    Claims(ClaimsArgs),

    /// The claims of two articles compared; exits 1 when they differ, as
    /// diff(1) does
    #[command(after_help = "A and B are article files, or names an INDEX.md lists \
        (its file, or #N for the N-th article) with --corpus.\n\n\
        Examples:\n  corpus-cli diff seeds/001_6b58f9279ec6d1fa.txt seeds/004_602a0524a68a61c2.txt\n  \
        corpus-cli diff --corpus seeds '#2' '#5' --format json")]
    Diff(DiffArgs),
}

/// Where the articles are.
#[derive(Debug, Args)]
pub struct Input {
    /// A corpus folder holding INDEX.md, a path to an INDEX.md, or one .txt file
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// Take every .txt file under the folder instead of reading INDEX.md
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: Input,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,

    /// Kinds to extract, comma-separated
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub only: Vec<Kind>,
}

#[derive(Debug, Args)]
pub struct SummarizeArgs {
    #[command(flatten)]
    pub input: Input,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub input: Input,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,

    /// Show only the topics on which articles conflict
    #[arg(long)]
    pub conflicts: bool,

    /// Show only topics whose label or evidence holds all these words
    #[arg(long, value_name = "WORDS", num_args = 1..)]
    pub topic: Vec<String>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The first article: a file, or a name the corpus's INDEX.md lists
    #[arg(value_name = "A")]
    pub a: String,

    /// The second article
    #[arg(value_name = "B")]
    pub b: String,

    /// The corpus whose INDEX.md names A and B (a folder or an INDEX.md)
    #[arg(long, value_name = "PATH")]
    pub corpus: Option<PathBuf>,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Table,
    Json,
    Ndjson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    People,
    Organisations,
    Dates,
    Figures,
    Posts,
}

impl ExtractArgs {
    pub fn kinds(&self) -> crate::extract::Kinds {
        if self.only.is_empty() {
            return crate::extract::Kinds::ALL;
        }
        let has = |k| self.only.contains(&k);
        crate::extract::Kinds {
            people: has(Kind::People),
            organisations: has(Kind::Organisations),
            dates: has(Kind::Dates),
            figures: has(Kind::Figures),
            posts: has(Kind::Posts),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn auto_colours_a_terminal_unless_no_color_is_set() {
        let auto = ColorChoice::Auto;
        assert!(auto.resolve(true, None));
        assert!(auto.resolve(true, Some(OsStr::new(""))));
        assert!(!auto.resolve(true, Some(OsStr::new("1"))));
        assert!(!auto.resolve(false, None));
        assert!(ColorChoice::Always.resolve(false, Some(OsStr::new("1"))));
        assert!(!ColorChoice::Never.resolve(true, None));
    }
}
