//! Properties that hold for any input: no panic in the reader or any
//! extractor; every span in bounds, on character boundaries, and covering
//! exactly the file bytes its text came from, in every encoding; and the
//! same mentions for the LF, CRLF and lone-CR copies of an article.

use proptest::prelude::*;

use corpus_cli::document::{Document, Encoding, Span};
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

/// The file's bytes under `span`, decoded as the document was.
fn file_text(doc: &Document, bytes: &[u8], span: Span) -> String {
    let f = doc.file_span(span);
    let covered = &bytes[f.start..f.end];
    match doc.encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => String::from_utf8_lossy(covered).into_owned(),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.decode(covered).0.into_owned(),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let units = covered.chunks_exact(2).map(|p| match doc.encoding {
                Encoding::Utf16Be => u16::from_be_bytes([p[0], p[1]]),
                _ => u16::from_le_bytes([p[0], p[1]]),
            });
            char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{fffd}'))
                .collect()
        }
    }
}

fn check(doc: &Document, bytes: &[u8], found: &Extraction) -> Result<(), TestCaseError> {
    for (kind, s) in spans(found) {
        prop_assert!(
            s.start <= s.end && s.end <= doc.text.len(),
            "{kind} {s:?} out of bounds"
        );
        prop_assert!(
            doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end),
            "{kind} {s:?} not on char boundaries"
        );
        // A lone CR is read as LF (same offsets): compare with it undone.
        let text = doc.slice(s);
        let covered = file_text(doc, bytes, s);
        prop_assert_eq!(
            text.replace('\r', "\n"),
            covered.replace('\r', "\n"),
            "{} {:?}: text is not the bytes it covers",
            kind,
            s
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
    // 256 cases each unless PROPTEST_CASES says otherwise (scripts/hardening.sh).
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn no_panic_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        if let Some((doc, found)) = analyse(&bytes) {
            check(&doc, &bytes, &found)?;
        }
    }

    #[test]
    fn no_panic_on_any_text(text in "\\PC{0,2000}") {
        if let Some((doc, found)) = analyse(text.as_bytes()) {
            check(&doc, text.as_bytes(), &found)?;
        }
    }

    #[test]
    fn no_panic_on_mutated_articles(
        seed in 0..SEEDS.len(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0..3u8, tricky()), 1..40),
        form in 0..6u8,
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
        let bytes = encode(&text, form);
        if let Some((doc, found)) = analyse(&bytes) {
            check(&doc, &bytes, &found)?;
        }
    }
}

/// The text as a file in one of the forms the reader takes: UTF-8, UTF-8
/// with BOM, UTF-16LE and UTF-16BE with BOM, Windows-1252, lone-CR lines.
fn encode(text: &str, form: u8) -> Vec<u8> {
    match form {
        0 => text.as_bytes().to_vec(),
        1 => [b"\xEF\xBB\xBF", text.as_bytes()].concat(),
        2 => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        3 => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        4 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
        _ => text.replace("\r\n", "\r").replace('\n', "\r").into_bytes(),
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

#[test]
fn lone_cr_copies_give_the_same_mentions() {
    for seed in SEEDS {
        let cr = seed.replace('\n', "\r");
        assert_eq!(mentions(&cr, |i| i), mentions(seed, |i| i));
    }
}
