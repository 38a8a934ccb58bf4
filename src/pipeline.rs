//! Runs the reader and the extractors over a corpus: articles in parallel,
//! handed on in corpus order, a chunk at a time so memory stays bounded.

use rayon::prelude::*;

use crate::document::Document;
use crate::extract::{self, Extraction, Kinds};
use crate::reader::{Corpus, Entry, Problem};

/// One article, read and analysed.
#[derive(Debug)]
pub struct Article {
    /// Its position in the corpus's entries.
    pub entry: usize,
    pub doc: Document,
    pub found: Extraction,
    /// Words in the body ([`Document::word_count`]).
    pub words: usize,
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
        entry: 0,
        words: doc.word_count(),
        doc,
        found,
        warnings: read.warnings,
    })
}

/// How many articles are analysed between two hand-overs: enough to keep
/// every core busy, few enough that memory does not grow with the corpus.
const CHUNK: usize = 512;

/// Analyses every entry of the corpus, runs `prepare` on each article in
/// the same worker (the per-article part of what a command computes), and
/// hands each outcome to `each` in corpus order. Stops early only when
/// `each` fails (a closed pipe, say).
pub fn run<T: Send, E>(
    corpus: &Corpus,
    kinds: Kinds,
    prepare: impl Fn(&Article) -> T + Sync,
    mut each: impl FnMut(Result<(Article, T), Problem>) -> Result<(), E>,
) -> Result<(), E> {
    for (c, chunk) in corpus.entries.chunks(CHUNK).enumerate() {
        let outcomes: Vec<_> = chunk
            .par_iter()
            .enumerate()
            .map(|(i, entry)| {
                let mut article = analyse(corpus, entry, kinds)?;
                article.entry = c * CHUNK + i;
                let prepared = prepare(&article);
                Ok((article, prepared))
            })
            .collect();
        for outcome in outcomes {
            each(outcome)?;
        }
    }
    Ok(())
}
