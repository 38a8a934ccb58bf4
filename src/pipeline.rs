//! Runs the reader and the extractors over a corpus: articles in parallel,
//! handed on in corpus order, a chunk at a time so memory stays bounded.

use rayon::prelude::*;

use crate::document::Document;
use crate::extract::{self, Extraction, Kinds};
use crate::reader::{Corpus, Entry, Problem};

/// One article, read and analysed.
#[derive(Debug)]
pub struct Article {
    pub doc: Document,
    pub found: Extraction,
    /// Things worth telling the user that did not stop the article.
    pub warnings: Vec<Problem>,
}

/// Reads one entry and runs the extractors on it.
pub fn analyse(corpus: &Corpus, entry: &Entry, kinds: Kinds) -> Result<Article, Problem> {
    let read = corpus.read(entry)?;
    let mut doc = read.doc;
    if doc.meta.published.is_none() {
        doc.meta.inferred = extract::dates::infer_published(&doc);
    }
    let found = extract::extract(&doc, kinds);
    Ok(Article {
        doc,
        found,
        warnings: read.warnings,
    })
}

/// How many articles are analysed between two hand-overs: enough to keep
/// every core busy, few enough that memory does not grow with the corpus.
const CHUNK: usize = 512;

/// Analyses every entry of the corpus and hands each outcome to `each` in
/// corpus order. Stops early only when `each` fails (a closed pipe, say).
pub fn run<E>(
    corpus: &Corpus,
    kinds: Kinds,
    mut each: impl FnMut(Result<Article, Problem>) -> Result<(), E>,
) -> Result<(), E> {
    for chunk in corpus.entries.chunks(CHUNK) {
        let outcomes: Vec<_> = chunk
            .par_iter()
            .map(|entry| analyse(corpus, entry, kinds))
            .collect();
        for outcome in outcomes {
            each(outcome)?;
        }
    }
    Ok(())
}
