//! Reporters: turn analysed articles into tables, JSON, NDJSON or Markdown.
//! They write to a `&mut dyn Write` and compute nothing of their own.

pub mod json;
pub mod markdown;
pub mod paint;
pub mod sanitize;
pub mod table;
pub mod wire;

use std::io;

use crate::pipeline::Article;
use crate::reader::Problem;

/// Receives the articles of `extract` one at a time, in corpus order.
pub trait ExtractReporter {
    fn article(&mut self, article: &Article) -> io::Result<()>;
    /// Called once after the last article, with the inputs that failed.
    fn finish(&mut self, problems: &[Problem]) -> io::Result<()>;
}
