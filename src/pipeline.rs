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
const CHUNK: usize = 256;

/// Analyses every entry of the corpus, runs `prepare` on each article in
/// the same worker (the per-article part of what a command computes), and
/// hands each outcome to `each` in corpus order. Stops early only when
/// `each` fails (a closed pipe, say).
///
/// `each` runs on the calling thread while the workers analyse the next
/// chunk: what a command does with an article in order (keeping it,
/// writing it out) is not time the workers wait. At most two chunks are
/// held at once: the one handed on and the one being analysed.
pub fn run<T: Send, E>(
    corpus: &Corpus,
    kinds: Kinds,
    prepare: impl Fn(&Article) -> T + Sync,
    mut each: impl FnMut(Result<(Article, T), Problem>) -> Result<(), E>,
) -> Result<(), E> {
    let analyse_chunk = |c: usize, chunk: &[Entry]| -> Vec<Result<(Article, T), Problem>> {
        chunk
            .par_iter()
            .enumerate()
            .map(|(i, entry)| {
                let mut article = analyse(corpus, entry, kinds)?;
                article.entry = c * CHUNK + i;
                let prepared = prepare(&article);
                Ok((article, prepared))
            })
            .collect()
    };
    std::thread::scope(|scope| {
        // a rendezvous: the next chunk waits, analysed, till this one is done
        let (chunks, analysed) = std::sync::mpsc::sync_channel(0);
        let analyser = scope.spawn(move || {
            for (c, chunk) in corpus.entries.chunks(CHUNK).enumerate() {
                if chunks.send(analyse_chunk(c, chunk)).is_err() {
                    return; // `each` stopped
                }
            }
        });
        let handed = analysed.iter().flatten().try_for_each(&mut each);
        drop(analysed);
        if let Err(panic) = analyser.join() {
            std::panic::resume_unwind(panic);
        }
        handed
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A corpus of `n` one-line articles, each naming its number.
    fn corpus(n: usize) -> (tempfile::TempDir, Corpus) {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..n {
            let text = format!("Article {i:04} says 3 things.");
            std::fs::write(dir.path().join(format!("{i:04}.txt")), text).unwrap();
        }
        let corpus = crate::reader::open(dir.path(), crate::reader::Options { all: true });
        (dir, corpus.unwrap())
    }

    #[test]
    fn articles_come_in_corpus_order_across_chunks() {
        let (_dir, corpus) = corpus(CHUNK * 2 + 3);
        let mut seen = Vec::new();
        let done: Result<(), ()> = run(
            &corpus,
            Kinds::ALL,
            |a| a.doc.text[8..12].to_string(),
            |r| {
                let (article, number) = r.map_err(|_| ())?;
                seen.push((article.entry, number));
                Ok(())
            },
        );
        assert_eq!(done, Ok(()));
        let want: Vec<(usize, String)> =
            (0..CHUNK * 2 + 3).map(|i| (i, format!("{i:04}"))).collect();
        assert_eq!(seen, want);
    }

    #[test]
    fn a_failing_consumer_stops_the_run() {
        let (_dir, corpus) = corpus(CHUNK * 3);
        let mut handed = 0;
        let done = run(
            &corpus,
            Kinds::ALL,
            |_| (),
            |_| {
                handed += 1;
                if handed == 5 { Err("closed") } else { Ok(()) }
            },
        );
        assert_eq!(done, Err("closed"));
        assert_eq!(handed, 5);
    }
}
