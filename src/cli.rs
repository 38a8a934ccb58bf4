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

    #[command(subcommand)]
    pub command: Command,
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
