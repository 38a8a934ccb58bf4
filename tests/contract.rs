//! The JSON contract: every output parses into mirror structs that refuse
//! unknown fields, so a field added, renamed or dropped without updating
//! the README's schema (and these mirrors) fails here.

mod common;

use serde::Deserialize;

use common::run;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Extract {
    schema_version: u32,
    articles: Vec<Article>,
    errors: Vec<Error>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Error {
    file: String,
    index: Option<String>,
    line: Option<usize>,
    message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Article {
    file: String,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    published_inferred: bool,
    published_evidence: Option<String>,
    headline: Option<String>,
    encoding: String,
    bytes: usize,
    words: usize,
    people: Option<Vec<Entity>>,
    organisations: Option<Vec<Entity>>,
    dates: Option<Vec<Date>>,
    figures: Option<Vec<Figure>>,
    posts: Option<Vec<Post>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Entity {
    name: String,
    roles: Vec<String>,
    mentions: Vec<Mention>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Mention {
    text: String,
    start: usize,
    end: usize,
    rule: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Date {
    text: String,
    start: usize,
    end: usize,
    value: Option<String>,
    rule: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Figure {
    text: String,
    start: usize,
    end: usize,
    value: f64,
    unit: String,
    currency: Option<String>,
    qualifier: String,
    what: Option<String>,
    rate: Option<String>,
    rule: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Post {
    text: String,
    start: usize,
    end: usize,
    text_start: usize,
    text_end: usize,
    author: String,
    handle: String,
    date: Option<String>,
    url: Option<String>,
    rule: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Summary {
    schema_version: u32,
    articles: Vec<SummaryArticle>,
    claims: Vec<Claim>,
    named: Vec<Named>,
    errors: Vec<Error>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct SummaryArticle {
    number: usize,
    file: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    published_inferred: bool,
    words: usize,
    counts: Counts,
    facts: Vec<Fact>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Counts {
    people: usize,
    organisations: usize,
    dates: usize,
    figures: usize,
    posts: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Fact {
    kind: String,
    text: String,
    value: String,
    what: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Named {
    name: String,
    kind: String,
    files: Vec<String>,
    mentions: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ArticleRef {
    number: usize,
    file: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Claims {
    schema_version: u32,
    articles: Vec<ArticleRef>,
    claims: Vec<Claim>,
    errors: Vec<Error>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Claim {
    topic: String,
    status: String,
    kind: String,
    values: Vec<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Value {
    file: String,
    article: usize,
    start: usize,
    end: usize,
    text: String,
    value: String,
    sentence: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Diff {
    schema_version: u32,
    a: ArticleRef,
    b: ArticleRef,
    differs: bool,
    both: Vec<Claim>,
    only_a: Vec<Claim>,
    only_b: Vec<Claim>,
    named_only_a: Vec<Name>,
    named_only_b: Vec<Name>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Name {
    name: String,
    kind: String,
}

/// Every span's text is exactly the bytes of the file it points into.
fn check_spans(corpus: &str, doc: &Extract) {
    for a in &doc.articles {
        let bytes = std::fs::read(format!("{corpus}/{}", a.file)).unwrap();
        let at = |start: usize, end: usize, text: &str, what: &str| {
            assert!(
                start < end && end <= bytes.len(),
                "{}: {what} {start}..{end}",
                a.file
            );
            if a.encoding.starts_with("utf-8") {
                assert_eq!(&bytes[start..end], text.as_bytes(), "{}: {what}", a.file);
            }
        };
        for e in a.people.iter().chain(&a.organisations).flatten() {
            for m in &e.mentions {
                at(m.start, m.end, &m.text, &m.rule);
            }
        }
        for d in a.dates.iter().flatten() {
            at(d.start, d.end, &d.text, &d.rule);
        }
        for f in a.figures.iter().flatten() {
            at(f.start, f.end, &f.text, &f.rule);
        }
        for p in a.posts.iter().flatten() {
            at(p.text_start, p.text_end, &p.text, &p.rule);
            assert!(p.start <= p.text_start && p.text_end <= p.end);
        }
    }
}

#[test]
fn extract_json_keeps_its_contract_on_every_corpus() {
    for corpus in [
        "seeds",
        "fixtures/storm",
        "fixtures/listed",
        "fixtures/bad/mixed",
        "fixtures/eval-other",
        "fixtures/eval-third",
    ] {
        let r = run(&["extract", corpus, "--format", "json"]);
        let doc: Extract = serde_json::from_str(&r.stdout)
            .unwrap_or_else(|e| panic!("{corpus}: {e}\n{}", r.stdout));
        assert_eq!(doc.schema_version, 1);
        check_spans(corpus, &doc);
        if corpus == "fixtures/bad/mixed" {
            assert_eq!(doc.errors.len(), 10);
        } else {
            assert!(doc.errors.is_empty(), "{corpus}: {:?}", doc.errors);
        }
    }
}

#[test]
fn ndjson_lines_are_the_json_articles() {
    let json: Extract =
        serde_json::from_str(&run(&["extract", "seeds", "--format", "json"]).stdout).unwrap();
    let nd = run(&["extract", "seeds", "--format", "ndjson"]);
    let lines: Vec<Article> = nd
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is an article"))
        .collect();
    assert_eq!(lines.len(), json.articles.len());
    assert_eq!(lines.len(), 5);
}

#[test]
fn only_leaves_the_other_kinds_out() {
    let r = run(&[
        "extract",
        "seeds",
        "--format",
        "json",
        "--only",
        "dates,posts",
    ]);
    let doc: Extract = serde_json::from_str(&r.stdout).unwrap();
    let a = &doc.articles[0];
    assert!(a.dates.is_some() && a.posts.is_some());
    assert!(a.people.is_none() && a.organisations.is_none() && a.figures.is_none());
}

#[test]
fn summary_json_keeps_its_contract() {
    let r = run(&["summarize", "seeds", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s: Summary = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(s.articles.len(), 5);
    assert_eq!(s.articles[0].published.as_deref(), Some("2023-12-26"));
}

#[test]
fn claims_json_keeps_its_contract_and_points_at_the_text() {
    for corpus in ["seeds", "fixtures/storm"] {
        let r = run(&["claims", corpus, "--format", "json"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let c: Claims = serde_json::from_str(&r.stdout).unwrap();
        for claim in &c.claims {
            assert!(["agree", "conflict", "single"].contains(&claim.status.as_str()));
            for v in &claim.values {
                let bytes = std::fs::read(format!("{corpus}/{}", v.file)).unwrap();
                assert_eq!(&bytes[v.start..v.end], v.text.as_bytes());
                assert!(
                    v.sentence.contains(&v.text),
                    "{} not in {}",
                    v.text,
                    v.sentence
                );
            }
        }
        let nd = run(&["claims", corpus, "--format", "ndjson"]);
        for line in nd.stdout.lines() {
            let _: Claim = serde_json::from_str(line).unwrap();
        }
        assert_eq!(nd.stdout.lines().count(), c.claims.len());
    }
}

#[test]
fn diff_json_keeps_its_contract() {
    let r = run(&[
        "diff",
        "--corpus",
        "fixtures/storm",
        "#1",
        "#2",
        "--format",
        "json",
    ]);
    let d: Diff = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(d.a.file, "coast-gazette.txt");
    assert_eq!(d.b.file, "valley-herald.txt");
    assert_eq!(r.code, i32::from(d.differs));
}
