//! The evidence of the claims shown, read back from the articles. The
//! comparison keeps offsets, not text (see [`super::store`]); the text of a
//! statement and its sentence are read again, once per article for a batch
//! of claims, in parallel. An article that changed since it was compared
//! is found by its fingerprint, and its evidence is left out, not misquoted.

use rustc_hash::FxHashMap as HashMap;
use std::hash::Hasher;

use rayon::prelude::*;

use super::align::ClaimRef;
use super::{Aligned, Claim, Statement};
use crate::document::{Document, Span};
use crate::reader::{Corpus, Problem};

/// Where the texts of compared articles are read again.
pub trait Texts: Sync {
    /// Article `article` of the comparison.
    fn document(&self, article: usize) -> Result<Document, Problem>;
}

/// Articles kept in memory (the two articles of a diff; tests).
impl Texts for Vec<Document> {
    fn document(&self, article: usize) -> Result<Document, Problem> {
        Ok(self[article].clone())
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
    fn document(&self, article: usize) -> Result<Document, Problem> {
        let entry = &self.corpus.entries[self.entries[article]];
        Ok(self.corpus.read(entry)?.doc)
    }
}

/// A hash of an article's text, to tell whether it changed.
pub fn fingerprint(text: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(text.as_bytes());
    h.finish()
}

impl Aligned {
    fn reread(&self, article: usize, texts: &dyn Texts) -> Result<Document, Problem> {
        let doc = texts.document(article)?;
        if fingerprint(&doc.text) != self.fingerprints[article] {
            return Err(Problem {
                path: doc.path,
                line: None,
                file: None,
                message: "changed while it was being compared; its evidence is left out".into(),
            });
        }
        Ok(doc)
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
        let mut wanted: Vec<(u32, usize)> = claims
            .iter()
            .flat_map(|c| self.alignment.members(c))
            .map(|i| (stubs[i].article, i))
            .collect();
        wanted.sort_unstable();
        let read: Vec<Result<Vec<(usize, Statement)>, Problem>> = wanted
            .par_chunk_by(|a, b| a.0 == b.0)
            .map(|of_one| {
                let doc = self.reread(of_one[0].0 as usize, texts)?;
                Ok(of_one
                    .iter()
                    .map(|&(_, i)| (i, self.statement(i, Some(&doc))))
                    .collect())
            })
            .collect();
        let mut problems = Vec::new();
        let mut quoted: HashMap<usize, Statement> = HashMap::default();
        quoted.reserve(wanted.len());
        for r in read {
            match r {
                Ok(statements) => quoted.extend(statements),
                Err(p) => problems.push(p),
            }
        }
        let labels: Vec<String> = claims
            .par_iter()
            .map(|c| self.alignment.label(&self.store, c))
            .collect();
        let claims = claims
            .iter()
            .zip(labels)
            .map(|(c, topic)| Claim {
                topic,
                status: c.status,
                statements: self
                    .alignment
                    .members(c)
                    .map(|i| quoted.remove(&i).unwrap_or_else(|| self.statement(i, None)))
                    .collect(),
            })
            .collect();
        (claims, problems)
    }

    /// Statement `i` as shown, quoted from `doc` (without text when the
    /// article could not be read again).
    fn statement(&self, i: usize, doc: Option<&Document>) -> Statement {
        let s = &self.store.stubs[i];
        let span = s.span.span();
        let slice = |span: Span| {
            doc.and_then(|d| d.text.get(span.start..span.end))
                .unwrap_or_default()
                .to_string()
        };
        Statement {
            article: s.article as usize,
            kind: s.kind,
            span,
            file_span: doc
                .filter(|d| span.end <= d.text.len())
                .map_or(span, |d| d.file_span(span)),
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
    use crate::claims::{Collector, Status};
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
}
