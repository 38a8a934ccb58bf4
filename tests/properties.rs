//! Properties that hold for any input: no panic in the reader or any
//! extractor, every span in bounds and on character boundaries, and the same
//! mentions for the CRLF and LF copies of an article.

use proptest::prelude::*;

use corpus_cli::document::{Document, Span};
use corpus_cli::extract::{self, Extraction, Kinds};
use corpus_cli::reader::{Entry, from_bytes};

const SEEDS: [&str; 5] = [
    include_str!("../seeds/000_207fcaca215bc1b0.txt"),
    include_str!("../seeds/001_6b58f9279ec6d1fa.txt"),
    include_str!("../seeds/002_13210f013f853d6e.txt"),
    include_str!("../seeds/003_dced02672d53ed0c.txt"),
    include_str!("../seeds/004_602a0524a68a61c2.txt"),
];

fn spans(found: &Extraction) -> Vec<(&'static str, Span)> {
    let mut out = Vec::new();
    for e in found.people.iter().chain(&found.organisations) {
        out.extend(e.mentions.iter().map(|m| ("entity", m.span)));
    }
    out.extend(found.dates.iter().map(|d| ("date", d.span)));
    out.extend(found.figures.iter().map(|f| ("figure", f.span)));
    for p in &found.posts {
        out.push(("post", p.span));
        out.push(("post text", p.text));
    }
    out
}

fn check(doc: &Document, found: &Extraction) -> Result<(), TestCaseError> {
    for (kind, s) in spans(found) {
        prop_assert!(
            s.start <= s.end && s.end <= doc.text.len(),
            "{kind} {s:?} out of bounds"
        );
        prop_assert!(
            doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end),
            "{kind} {s:?} not on char boundaries"
        );
    }
    Ok(())
}

fn analyse(bytes: &[u8]) -> Option<(Document, Extraction)> {
    let mut doc = from_bytes(&Entry::default(), bytes).ok()?.doc;
    doc.meta.inferred = extract::dates::infer_published(&doc);
    let found = extract::extract(&doc, Kinds::ALL);
    Some((doc, found))
}

/// Characters that stress the extractors' rules.
fn tricky() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "\n",
        "\r\n",
        "\r",
        " ",
        "—",
        "@",
        "(",
        ")",
        "$",
        "%",
        "€",
        "+",
        "k",
        ",",
        ".",
        "0",
        "9",
        "1,000",
        "A",
        "Z",
        "É",
        "’",
        "'",
        "\"",
        "#",
        "…",
        "\u{feff}",
        "\u{202e}",
        "pic.twitter.com/",
        "Mr.",
        "President ",
        "Department of ",
        "December 22, 2023",
        "(@x)",
        "million",
        "nearly ",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_panic_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        if let Some((doc, found)) = analyse(&bytes) {
            check(&doc, &found)?;
        }
    }

    #[test]
    fn no_panic_on_any_text(text in "\\PC{0,2000}") {
        if let Some((doc, found)) = analyse(text.as_bytes()) {
            check(&doc, &found)?;
        }
    }

    #[test]
    fn no_panic_on_mutated_articles(
        seed in 0..SEEDS.len(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0..3u8, tricky()), 1..40),
    ) {
        let mut text = SEEDS[seed].to_string();
        for (at, op, piece) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            match op {
                0 => text.insert_str(i, &piece),
                1 => {
                    let mut end = (i + piece.len()).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(i..end, "");
                }
                _ => text.insert_str(i, &piece.repeat(50)),
            }
        }
        if let Some((doc, found)) = analyse(text.as_bytes()) {
            check(&doc, &found)?;
        }
    }
}

/// What was found, with spans mapped back to LF offsets.
fn mentions(text: &str, to_lf: impl Fn(usize) -> usize) -> Vec<String> {
    let (doc, found) = analyse(text.as_bytes()).expect("seed reads");
    let mut out: Vec<String> = spans(&found)
        .into_iter()
        .map(|(kind, s)| {
            let body = doc.text[s.start..s.end].replace('\r', "");
            format!("{kind} {}..{} {body}", to_lf(s.start), to_lf(s.end))
        })
        .collect();
    out.extend(found.dates.iter().map(|d| format!("value {:?}", d.value)));
    out.extend(
        found
            .figures
            .iter()
            .map(|f| format!("value {} {:?}", f.value, f.what)),
    );
    out.extend(found.people.iter().map(|e| format!("person {}", e.name)));
    out.extend(
        found
            .organisations
            .iter()
            .map(|e| format!("org {}", e.name)),
    );
    out.sort();
    out
}

#[test]
fn crlf_copies_give_the_same_mentions() {
    for seed in SEEDS {
        let crlf = seed.replace('\n', "\r\n");
        // the LF offset of a CRLF offset: less one byte per CR before it
        let to_lf = |i: usize| i - crlf[..i].matches('\r').count();
        assert_eq!(mentions(&crlf, to_lf), mentions(seed, |i| i));
    }
}
