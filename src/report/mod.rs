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
    /// What the parallel workers render of each article before it reaches
    /// [`article`](Self::article); by default nothing.
    fn renderer(&self) -> Renderer {
        Renderer::Nothing
    }
    /// One article, with what the [`renderer`](Self::renderer) made of it.
    fn article(&mut self, article: &Article, rendered: Option<Vec<u8>>) -> io::Result<()>;
    /// Called once after the last article, with the inputs that failed.
    fn finish(&mut self, problems: &[Problem]) -> io::Result<()>;
}

/// The part of a reporter's work on one article that needs no writer, so
/// that it runs in the parallel workers and the writing thread only copies
/// bytes out. Plain data: any worker may use it.
#[derive(Debug, Clone, Copy)]
pub enum Renderer {
    Nothing,
    /// The article as one line of JSON ([`json::article_line`]).
    JsonLine(crate::extract::Kinds),
}

impl Renderer {
    pub fn render(self, article: &Article) -> Option<Vec<u8>> {
        match self {
            Renderer::Nothing => None,
            Renderer::JsonLine(shown) => Some(json::article_line(article, shown)),
        }
    }
}
