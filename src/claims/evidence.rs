//! The evidence of the claims shown, read back from the articles. The
//! comparison keeps offsets, not text (see [`super::store`]); the text of a
//! statement and its sentence are read again, once per article for a batch
//! of claims, in parallel. An article that changed since it was compared
//! is found by its fingerprint, and its evidence is left out, not misquoted.

use std::hash::Hasher;

use rayon::prelude::*;

use super::align::ClaimRef;
use super::{Aligned, Claim, Statement};
use crate::document::{Document, Span};
use crate::reader::{Corpus, Problem};

/// Where the texts of compared articles are read again.
pub trait Texts: Sync {
    /// Article `article` of the comparison, whose text had `fingerprint`.
    fn source(&self, article: usize, fingerprint: u64) -> Result<Source, Problem>;
}

/// An article's text as read again.
pub enum Source {
    /// A file whose bytes are its text (UTF-8 as compared): quoted from the
    /// bytes, with no need to decode the whole file.
    Text(Vec<u8>),
    /// A document decoded again (another encoding; a changed file).
    Document(Box<Document>),
}

impl Source {
    fn text(&self) -> &[u8] {
        match self {
            Source::Text(bytes) => bytes,
            Source::Document(doc) => doc.text.as_bytes(),
        }
    }

    /// The text at `span`; empty when it is not text there.
    fn quote(&self, span: Span) -> String {
        self.text()
            .get(span.start..span.end)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
            .to_string()
    }

    /// `span` as offsets into the file as stored.
    fn file_span(&self, span: Span) -> Span {
        match self {
            Source::Document(doc) if span.end <= doc.text.len() => doc.file_span(span),
            _ => span,
        }
    }
}

/// Articles kept in memory (the two articles of a diff; tests).
impl Texts for Vec<Document> {
    fn source(&self, article: usize, _: u64) -> Result<Source, Problem> {
        Ok(Source::Document(Box::new(self[article].clone())))
    }
}

/// Statements whose evidence is read back at a time when claims are shown
/// as they come: what showing claims holds at once, however many there are.
pub const BATCH: usize = 1 << 16;

/// The articles of a corpus, read again from their files.
pub struct Reread<'c> {
    pub corpus: &'c Corpus,
    /// Each compared article's position in the corpus entries.
    pub entries: &'c [usize],
}

impl Texts for Reread<'_> {
    fn source(&self, article: usize, fingerprint: u64) -> Result<Source, Problem> {
        let entry = &self.corpus.entries[self.entries[article]];
        let bytes = self.corpus.read_bytes(entry)?;
        // Bytes with the fingerprint of the text compared are that text
        // (a UTF-8 file): most files. Others are decoded again.
        if fingerprint_bytes(&bytes) == fingerprint {
            return Ok(Source::Text(bytes));
        }
        let read = crate::reader::from_bytes(entry, &bytes);
        let read = read.map_err(|e| self.corpus.problem(entry, e.to_string()))?;
        Ok(Source::Document(Box::new(read.doc)))
    }
}

/// A hash of an article's text, to tell whether it changed.
pub fn fingerprint(text: &str) -> u64 {
    fingerprint_bytes(text.as_bytes())
}

fn fingerprint_bytes(bytes: &[u8]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.finish()
}

impl Aligned {
    fn reread(&self, article: usize, texts: &dyn Texts) -> Result<Source, Problem> {
        let expected = self.fingerprints[article];
        let source = texts.source(article, expected)?;
        if let Source::Document(doc) = &source {
            if fingerprint(&doc.text) != expected {
                return Err(Problem {
                    path: doc.path.clone(),
                    line: None,
                    file: None,
                    message: "changed while it was being compared; its evidence is left out".into(),
                });
            }
        }
        Ok(source)
    }

    /// `claims` with their labels and evidence. Each article they quote is
    /// read once, quoted, and let go; one that cannot be read again is a
    /// problem, and its statements are shown without text.
    pub fn materialise(
        &self,
        claims: &[ClaimRef],
        texts: &dyn Texts,
    ) -> (Vec<Claim>, Vec<Problem>) {
        let stubs = &self.store.stubs;
        // every statement shown, in the order shown
        let shown: Vec<usize> = claims
            .iter()
            .flat_map(|c| self.alignment.members(c))
            .collect();
        // (article, statement, where it is shown), article by article
        let mut wanted: Vec<(u32, usize, usize)> = shown
            .iter()
            .enumerate()
            .map(|(at, &i)| (stubs[i].article, i, at))
            .collect();
        wanted.sort_unstable();
        let read: Vec<Result<Vec<(usize, Statement)>, Problem>> = wanted
            .par_chunk_by(|a, b| a.0 == b.0)
            .map(|of_one| {
                let doc = self.reread(of_one[0].0 as usize, texts)?;
                Ok(of_one
                    .iter()
                    .map(|&(_, i, at)| (at, self.statement(i, Some(&doc))))
                    .collect())
            })
            .collect();
        let mut problems = Vec::new();
        let mut quoted: Vec<Option<Statement>> = Vec::new();
        quoted.resize_with(shown.len(), || None);
        for r in read {
            match r {
                Ok(statements) => {
                    for (at, statement) in statements {
                        quoted[at] = Some(statement);
                    }
                }
                Err(p) => problems.push(p),
            }
        }
        let labels: Vec<String> = claims
            .par_iter()
            .map(|c| self.alignment.label(&self.store, c))
            .collect();
        let mut quoted = quoted.into_iter().zip(shown);
        let claims = claims
            .iter()
            .zip(labels)
            .map(|(c, topic)| Claim {
                topic,
                status: c.status,
                statements: quoted
                    .by_ref()
                    .take(c.len as usize)
                    .map(|(q, i)| q.unwrap_or_else(|| self.statement(i, None)))
                    .collect(),
            })
            .collect();
        (claims, problems)
    }

    /// Statement `i` as shown, quoted from `doc` (without text when the
    /// article could not be read again).
    fn statement(&self, i: usize, doc: Option<&Source>) -> Statement {
        let s = &self.store.stubs[i];
        let span = s.span.span();
        let slice = |span: Span| doc.map(|d| d.quote(span)).unwrap_or_default();
        Statement {
            article: s.article as usize,
            kind: s.kind,
            span,
            file_span: doc.map_or(span, |d| d.file_span(span)),
            text: slice(span),
            value: self.store.name(s.value).to_string(),
            sentence: slice(s.sentence.span()),
        }
    }

    /// The claims kept, with their evidence, a batch at a time, so that
    /// showing every claim of a large corpus needs only one batch's text.
    pub fn batches<'a>(
        &'a self,
        texts: &'a dyn Texts,
        statements: usize,
    ) -> impl Iterator<Item = (Vec<Claim>, Vec<Problem>)> + 'a {
        let claims = self.claims();
        let mut at = 0;
        std::iter::from_fn(move || {
            if at == claims.len() {
                return None;
            }
            let start = at;
            let mut count = 0;
            while at < claims.len() && (at == start || count < statements) {
                count += claims[at].len as usize;
                at += 1;
            }
            Some(self.materialise(&claims[start..at], texts))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Collector, Comparison, Status};
    use crate::extract::{Figure, Qualifier, Unit};

    /// One figure of migrants, found in `text`.
    fn found(text: &str, figure: &str, value: f64) -> crate::extract::Extraction {
        let at = text.find(figure).expect("figure in text");
        crate::extract::Extraction {
            figures: vec![Figure {
                span: Span::new(at, at + figure.len()),
                value,
                unit: Unit::Count,
                currency: None,
                qualifier: Qualifier::Exact,
                what: Some("migrants".into()),
                rate: None,
                rule: "test",
            }],
            ..Default::default()
        }
    }

    fn two() -> (Vec<Document>, Aligned) {
        let docs = vec![
            Document::new(
                "a.txt",
                "A caravan of 15,000 migrants reached the border town.".into(),
            ),
            Document::new(
                "b.txt",
                "Officials said 6,000 migrants in the caravan reached the border town.".into(),
            ),
        ];
        let mut c = Collector::default();
        for (doc, figure, value) in [(&docs[0], "15,000", 15_000.0), (&docs[1], "6,000", 6_000.0)] {
            c.add(Collector::prepare(doc, &found(&doc.text, figure, value)));
        }
        (docs, c.finish())
    }

    #[test]
    fn evidence_is_read_back_from_the_articles() {
        let (docs, aligned) = two();
        let (comparison, problems) = aligned.comparison(&docs);
        assert_eq!(problems, []);
        let [claim] = &comparison.claims[..] else {
            panic!("one claim: {:?}", comparison.claims)
        };
        assert_eq!(claim.status, Status::Conflict);
        let shown: Vec<(&str, &str, &str)> = claim
            .statements
            .iter()
            .map(|s| (s.text.as_str(), s.value.as_str(), s.sentence.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "15,000",
                    "15000",
                    "A caravan of 15,000 migrants reached the border town."
                ),
                (
                    "6,000",
                    "6000",
                    "Officials said 6,000 migrants in the caravan reached the border town."
                )
            ]
        );
    }

    #[test]
    fn an_article_changed_since_is_a_problem_and_is_not_quoted() {
        let (mut docs, aligned) = two();
        docs[1].text = docs[1].text.replace("6,000", "9,000");
        let (comparison, problems) = aligned.comparison(&docs);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "b.txt");
        assert!(problems[0].message.contains("changed while"));
        let texts: Vec<&str> = comparison.claims[0]
            .statements
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(texts, ["15,000", ""]);
    }

    #[test]
    fn batches_hold_whole_claims_and_keep_the_order() {
        let (docs, aligned) = two();
        let all: Vec<Claim> = aligned.batches(&docs, 1).flat_map(|(c, _)| c).collect();
        let (comparison, _) = aligned.comparison(&docs);
        assert_eq!(all.len(), comparison.claims.len());
        assert_eq!(all[0].statements, comparison.claims[0].statements);
    }

    /// The two articles of [`two`] as files, the second in Windows-1252
    /// with a lone CR, compared as read from a corpus folder.
    fn two_files() -> (tempfile::TempDir, Corpus, Aligned) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "A caravan of 15,000 migrants reached the border town.",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("b.txt"),
            b"Caf\xe9 report: a caravan of 6,000 migrants reached the border town.\rThen more.",
        )
        .unwrap();
        let corpus = crate::reader::open(dir.path(), crate::reader::Options { all: true }).unwrap();
        let mut c = Collector::default();
        for (entry, (figure, value)) in corpus
            .entries
            .iter()
            .zip([("15,000", 15e3), ("6,000", 6e3)])
        {
            let doc = corpus.read(entry).unwrap().doc;
            c.add(Collector::prepare(&doc, &found(&doc.text, figure, value)));
        }
        let aligned = c.finish();
        (dir, corpus, aligned)
    }

    fn quoted(comparison: &Comparison) -> Vec<(&str, &str, Span)> {
        comparison.claims[0]
            .statements
            .iter()
            .map(|s| (s.text.as_str(), s.sentence.as_str(), s.file_span))
            .collect()
    }

    #[test]
    fn evidence_is_quoted_from_the_files_whatever_their_encoding() {
        let (_dir, corpus, aligned) = two_files();
        let entries: Vec<usize> = (0..corpus.entries.len()).collect();
        let texts = Reread {
            corpus: &corpus,
            entries: &entries,
        };
        let (comparison, problems) = aligned.comparison(&texts);
        assert_eq!(problems, []);
        assert_eq!(
            quoted(&comparison),
            [
                (
                    "15,000",
                    "A caravan of 15,000 migrants reached the border town.",
                    Span::new(13, 19)
                ),
                // "é" is two bytes decoded, one in the file
                (
                    "6,000",
                    "Café report: a caravan of 6,000 migrants reached the border town.",
                    Span::new(26, 31)
                ),
            ]
        );
    }

    #[test]
    fn a_file_changed_since_is_a_problem_and_is_not_quoted() {
        let (dir, corpus, aligned) = two_files();
        std::fs::write(
            dir.path().join("a.txt"),
            "A caravan of 16,000 migrants reached the border town.",
        )
        .unwrap();
        let entries: Vec<usize> = (0..corpus.entries.len()).collect();
        let texts = Reread {
            corpus: &corpus,
            entries: &entries,
        };
        let (comparison, problems) = aligned.comparison(&texts);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "a.txt");
        assert!(problems[0].message.contains("changed while"));
        let texts: Vec<&str> = quoted(&comparison).iter().map(|q| q.0).collect();
        assert_eq!(texts, ["", "6,000"]);
    }
}
