//! What a figure or date is about: the class of what is counted, the period
//! and rate it is stated for, whether it is a projection, and the content
//! words and named entities of its clause. Nothing here knows any story:
//! topics are built from general English cues.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::identity::EntityKind;
use super::{Interval, Kind};
use crate::document::{Document, Span, is_alphanumeric};
use crate::extract::text::{fold, fold_into, sentence_at};
use crate::extract::{Extraction, Figure, Qualifier, Unit, lexicon};

use crate::extract::lexicon::{CLAIM_STOPWORDS as STOPWORDS, CROSSING_VERBS, PROJECTION_CUES};

/// Counted noun (singular) → its class.
static CLASSES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in lexicon::items(include_str!("lexicon/counted_classes.txt")) {
        if let Some((class, members)) = line.split_once(':') {
            for m in members.split(',').map(str::trim).filter(|m| !m.is_empty()) {
                map.insert(m.to_lowercase(), class.trim().to_string());
            }
        }
    }
    map
});

/// Words this close to the statement (in words) count for the topic.
const WINDOW: usize = 12;
/// Words this close count double.
const NEAR: usize = 3;
/// Words before a figure searched for a projection cue.
const CUE_WINDOW: usize = 8;

#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// Figures: the class of what is counted ("people", "encounter"), or its
    /// singular head noun when no class holds it.
    pub class: Option<String>,
    pub unit: Option<Unit>,
    /// ISO 4217, for money: sums in two currencies are not compared.
    pub currency: Option<&'static str>,
    /// The day, week, month or year a figure is stated for: the nearest date
    /// in its sentence ("in November", "last month", "on Tuesday").
    pub period: Option<String>,
    pub rate: Option<String>,
    /// What is hoped, expected or planned rather than what is.
    pub projected: bool,
    /// Dates: "day", "week", "month", "season" or "year"; a day and the
    /// month around it are different topics.
    pub granularity: Option<&'static str>,
    /// Content words near the statement and their weights, sorted by word.
    pub words: Vec<(String, f32)>,
    /// The people and organisations named in its sentence.
    pub entities: Vec<(EntityKind, String)>,
}

/// The words of a text with their byte offsets: runs of letters, digits
/// and apostrophes, each given from where its run starts and less the
/// apostrophes at its ends.
fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let bytes = self.text.as_bytes();
        loop {
            let start = self.at;
            if start >= bytes.len() {
                return None;
            }
            // the run, and the one character after it that ends it
            let mut i = start;
            let end = loop {
                let Some(&b) = bytes.get(i) else { break i };
                if b < 0x80 {
                    if b.is_ascii_alphanumeric() || b == b'\'' {
                        i += 1;
                        continue;
                    }
                    self.at = i + 1;
                    break i;
                }
                let c = self.text[i..].chars().next().unwrap_or(' ');
                if c == '\u{2019}' || is_alphanumeric(c) {
                    i += c.len_utf8();
                    continue;
                }
                self.at = i + c.len_utf8();
                break i;
            };
            if end >= bytes.len() {
                self.at = bytes.len();
            }
            let word = trim_apostrophes(&self.text[start..end]);
            if !word.is_empty() {
                return Some((start, word));
            }
        }
    }
}

/// `word` less the apostrophes, straight or curly, at its ends.
fn trim_apostrophes(mut word: &str) -> &str {
    loop {
        let rest = word
            .strip_prefix('\'')
            .or_else(|| word.strip_prefix('\u{2019}'))
            .or_else(|| word.strip_suffix('\''))
            .or_else(|| word.strip_suffix('\u{2019}'));
        match rest {
            Some(rest) => word = rest,
            None => return word,
        }
    }
}

/// A crude English singular: enough to make "migrants" meet "migrant".
pub fn singular(word: &str) -> String {
    let mut w = String::from(word);
    make_singular(&mut w, 0);
    w
}

/// Makes `s[from..]`, one word, lower case and singular, in place.
fn make_singular(s: &mut String, from: usize) {
    let plain_lower = s[from..]
        .bytes()
        .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii());
    if !plain_lower {
        let lower = s[from..].to_lowercase();
        s.truncate(from);
        s.push_str(&lower);
    }
    let (keep, y) = singular_cut(&s[from..]);
    s.truncate(from + keep);
    if y {
        s.push('y');
    }
}

/// How a lower-case word becomes singular: the length of it kept, and
/// whether a "y" follows ("countries" keeps "countr").
fn singular_cut(w: &str) -> (usize, bool) {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        (n - 3, true)
    } else if n > 4
        && (w.ends_with("sses") || w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes"))
    {
        (n - 2, false)
    } else if n > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        (n - 1, false)
    } else {
        (n, false)
    }
}

/// The class of a counted noun phrase; `crossing` tells whether its
/// sentence has a verb of crossing ("crossed", "entered"), asked only of
/// people.
pub fn class_of(what: &str, crossing: impl FnOnce() -> bool) -> String {
    let phrase: Vec<String> = fold(what).split_whitespace().map(singular).collect();
    let whole = phrase.join(" ");
    let head = phrase.last().cloned().unwrap_or_default();
    let class = CLASSES
        .get(&whole)
        .or_else(|| CLASSES.get(&head))
        .cloned()
        .unwrap_or(head);
    if class == "people" && crossing() {
        return "encounter".into();
    }
    class
}

fn is_content(word: &str) -> bool {
    word.chars().count() > 2
        && !word.chars().any(|c| c.is_ascii_digit())
        && !STOPWORDS.contains(word)
}

/// A word of a sentence as the topic rules read it.
#[derive(Debug)]
struct Word {
    /// Byte offset in the text.
    pos: usize,
    /// Folded and singular, in [`Sentence::keys`].
    key: (u32, u32),
    content: bool,
    /// Inside a figure or date: compared as a value or period, not a word.
    in_value: bool,
}

/// What the statements of one sentence share, worked out once for all of
/// them: its words, whether it has a verb of crossing, and the people and
/// organisations it names.
struct Sentence {
    span: Span,
    words: Vec<Word>,
    /// The words' keys, one after another.
    keys: String,
    crossing: std::cell::OnceCell<bool>,
    entities: Vec<(EntityKind, String)>,
}

impl Sentence {
    fn new(
        doc: &Document,
        sentence: Span,
        values: &Values,
        entities: Vec<(EntityKind, String)>,
    ) -> Self {
        let text = doc.slice(sentence);
        let mut keys = String::with_capacity(text.len());
        let words = words(text)
            .map(|(at, word)| {
                let pos = sentence.start + at;
                let start = keys.len();
                fold_into(word, &mut keys);
                make_singular(&mut keys, start);
                let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                let key = (at(start), at(keys.len()));
                Word {
                    pos,
                    content: is_content(&keys[start..]),
                    key,
                    in_value: values.hold(pos),
                }
            })
            .collect();
        Sentence {
            span: sentence,
            words,
            keys,
            crossing: std::cell::OnceCell::new(),
            entities,
        }
    }

    fn crossing(&self, doc: &Document) -> bool {
        *self.crossing.get_or_init(|| {
            words(doc.slice(self.span)).any(|(_, w)| CROSSING_VERBS.contains(&w.to_lowercase()))
        })
    }

    /// Content words within [`WINDOW`] words of `span`, leaving out the
    /// words of figures and dates.
    fn window(&self, span: Span) -> BTreeMap<String, f32> {
        let all = &self.words;
        let first = all.iter().position(|w| w.pos >= span.start);
        let last = all.iter().rposition(|w| w.pos < span.end);
        let mut out = BTreeMap::new();
        let (Some(first), Some(last)) = (first, last.or(first)) else {
            return out;
        };
        let from = first.saturating_sub(WINDOW);
        let to = (last + WINDOW + 1).min(all.len());
        for (i, w) in all.iter().enumerate().take(to).skip(from) {
            if (w.pos >= span.start && w.pos < span.end) || w.in_value || !w.content {
                continue;
            }
            let distance = if i < first {
                first - i
            } else {
                i.saturating_sub(last)
            };
            if distance > WINDOW {
                continue;
            }
            let weight = if distance <= NEAR { 2.0 } else { 1.0 };
            let key = &self.keys[w.key.0 as usize..w.key.1 as usize];
            match out.get_mut(key) {
                Some(slot) => *slot = slot.max(weight),
                None => {
                    out.insert(key.to_string(), weight);
                }
            }
        }
        out
    }
}

/// The spans of an article's figures and dates, to ask whether a word lies
/// in one.
struct Values {
    /// Sorted by start.
    spans: Vec<Span>,
    /// The furthest end among the spans up to each one.
    reach: Vec<usize>,
}

impl Values {
    fn new(mut spans: Vec<Span>) -> Self {
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |far, s| {
                *far = s.end.max(*far);
                Some(*far)
            })
            .collect();
        Values { spans, reach }
    }

    /// Whether `pos` lies inside one of the spans.
    fn hold(&self, pos: usize) -> bool {
        // of the spans starting at or before `pos`, one holds it if the
        // furthest of their ends is past it
        let before = self.spans.partition_point(|s| s.start <= pos);
        before > 0 && self.reach[before - 1] > pos
    }
}

fn projected(doc: &Document, sentence: Span, span: Span) -> bool {
    let before = &doc.text[sentence.start..span.start.max(sentence.start)];
    let clause = before.rsplit([',', ';', ':', '—']).next().unwrap_or(before);
    let cues: Vec<&str> = words(clause).map(|(_, w)| w).collect();
    cues.iter()
        .rev()
        .take(CUE_WINDOW)
        .any(|w| PROJECTION_CUES.contains(&w.to_lowercase()))
}

fn shown(f: &Figure) -> String {
    let mark = match f.qualifier {
        Qualifier::Exact => "",
        Qualifier::Approx => "≈",
        Qualifier::MoreThan => ">",
        Qualifier::LessThan => "<",
    };
    let number = crate::report::wire::number(f.value);
    match (f.unit, f.currency) {
        (Unit::Percent, _) => format!("{mark}{number}%"),
        (Unit::Money, Some(c)) => format!("{mark}{number} {c}"),
        _ => format!("{mark}{number}"),
    }
}

/// The values a figure allows: exact ±1 %, approximate ±15 %, "more than"
/// up from it, "less than" up to it.
pub fn interval(f: &Figure) -> Interval {
    let v = f.value;
    let (low, high) = match f.qualifier {
        Qualifier::Exact => (v * 0.99, v * 1.01),
        Qualifier::Approx => (v * 0.85, v * 1.15),
        Qualifier::MoreThan => (v, f64::INFINITY),
        Qualifier::LessThan => (0.0, v),
    };
    Interval::Number { low, high }
}

/// The calendar unit a TIMEX3-like value names.
pub fn granularity(value: &str) -> &'static str {
    match value.len() {
        4 => "year",
        7 if value.as_bytes()[5].is_ascii_digit() => "month",
        _ if value.contains("-W") => "week",
        10 => "day",
        _ => "season",
    }
}

/// A figure or date as one article states it, with its topic: what is
/// worked out for each article in parallel and then kept, in compact form,
/// for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    pub kind: Kind,
    pub span: Span,
    /// The sentence it stands in: the evidence.
    pub sentence: Span,
    /// The value as shown: "≈6000", ">15000", "38%", "2023-12-27".
    pub value: String,
    /// None when the value is unknown (an unresolved date).
    pub interval: Option<Interval>,
    pub topic: Topic,
}

/// The sentence around byte `at`, worked out once for all the statements
/// it holds.
fn sentence_of<'s>(
    sentences: &'s mut FxHashMap<Span, Sentence>,
    doc: &Document,
    values: &Values,
    entities_in: &impl Fn(Span) -> Vec<(EntityKind, String)>,
    at: usize,
) -> &'s Sentence {
    let span = sentence_at(&doc.text, at);
    sentences
        .entry(span)
        .or_insert_with(|| Sentence::new(doc, span, values, entities_in(span)))
}

/// Every figure and date of one article with its topic, in text order.
pub fn statements(doc: &Document, found: &Extraction) -> Vec<Stated> {
    let people = found.people.iter().map(|e| (EntityKind::Person, e));
    let organisations = found
        .organisations
        .iter()
        .map(|e| (EntityKind::Organisation, e));
    let mut entity_spans: Vec<(Span, EntityKind, &str)> = people
        .chain(organisations)
        .flat_map(|(k, e)| e.mentions.iter().map(move |m| (m.span, k, e.name.as_str())))
        .collect();
    entity_spans.sort_unstable_by_key(|(s, _, _)| s.start);
    let entities_in = |sentence: Span| -> Vec<(EntityKind, String)> {
        let from = entity_spans.partition_point(|(s, _, _)| s.start < sentence.start);
        let mut names: Vec<(EntityKind, String)> = entity_spans[from..]
            .iter()
            .take_while(|(s, _, _)| s.start <= sentence.end)
            .filter(|(s, _, _)| sentence.contains(*s))
            .map(|(_, k, n)| (*k, n.to_string()))
            .collect();
        names.sort();
        names.dedup();
        names
    };
    let values = Values::new(
        found
            .figures
            .iter()
            .map(|f| f.span)
            .chain(found.dates.iter().map(|d| d.span))
            .collect(),
    );
    // most sentences hold one or two statements; each is read once
    let mut sentences: FxHashMap<Span, Sentence> = FxHashMap::default();
    let mut out = Vec::new();
    for f in &found.figures {
        let words = sentence_of(&mut sentences, doc, &values, &entities_in, f.span.start);
        let sentence = words.span;
        let period = found
            .dates
            .iter()
            .filter(|d| sentence.contains(d.span))
            .filter(|d| d.rule != "copyright-year")
            .filter_map(|d| Some((d.span.start.abs_diff(f.span.start), d.value.as_deref()?)))
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, v)| v.to_string());
        // what is counted is compared as its class, not as words
        let mut bag = words.window(f.span);
        for w in f.what.iter().flat_map(|w| w.split_whitespace()) {
            bag.remove(&singular(&fold(w)));
        }
        out.push(Stated {
            kind: Kind::Figure,
            span: f.span,
            sentence,
            value: shown(f),
            interval: Some(interval(f)),
            topic: Topic {
                class: f
                    .what
                    .as_deref()
                    .map(|w| class_of(w, || words.crossing(doc))),
                unit: Some(f.unit),
                currency: f.currency,
                period,
                rate: f.rate.clone(),
                projected: projected(doc, sentence, f.span),
                granularity: None,
                words: bag.into_iter().collect(),
                entities: words.entities.clone(),
            },
        });
    }
    // a copyright line dates the page, not anything the article claims
    for d in found.dates.iter().filter(|d| d.rule != "copyright-year") {
        let words = sentence_of(&mut sentences, doc, &values, &entities_in, d.span.start);
        let sentence = words.span;
        let mut bag = words.window(d.span);
        // a date in a sentence with a figure is about what the figure counts
        for f in found.figures.iter().filter(|f| sentence.contains(f.span)) {
            if let Some(what) = &f.what {
                for w in what.split_whitespace() {
                    bag.remove(&singular(&fold(w)));
                }
                bag.insert(class_of(what, || words.crossing(doc)), 2.0);
            }
        }
        out.push(Stated {
            kind: Kind::Date,
            span: d.span,
            sentence,
            value: d.value.clone().unwrap_or_else(|| "?".into()),
            interval: d.value.as_deref().and_then(Interval::of_date),
            topic: Topic {
                class: None,
                unit: None,
                currency: None,
                period: None,
                rate: None,
                projected: false,
                granularity: d.value.as_deref().map(granularity),
                words: bag.into_iter().collect(),
                entities: words.entities.clone(),
            },
        });
    }
    out.sort_by_key(|s| s.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`words`] as first written, with the standard library's splitting.
    fn words_by_split(text: &str) -> Vec<(usize, &str)> {
        let word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
        text.split_inclusive(|c: char| !word_char(c))
            .scan(0, |at, piece| {
                let start = *at;
                *at += piece.len();
                let word = piece.trim_end_matches(|c: char| !word_char(c));
                Some((start, word.trim_matches(['\'', '’'])))
            })
            .filter(|(_, w)| !w.is_empty())
            .collect()
    }

    #[test]
    fn words_of_a_sentence() {
        let t = "'Mexico’s 15,000 migrants' — naïve ’’ rock'n'roll.";
        let got: Vec<_> = words(t).collect();
        assert_eq!(
            got,
            [
                (0, "Mexico’s"),
                (12, "15"),
                (15, "000"),
                (19, "migrants"),
                (33, "naïve"),
                (47, "rock'n'roll")
            ]
        );
        assert_eq!(got, words_by_split(t));
    }

    proptest::proptest! {
        #[test]
        fn words_agree_with_split(text in "[a-zé0-9 ,.'’—]{0,30}") {
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), words_by_split(&text));
        }
    }

    #[test]
    fn singular_forms() {
        let cases = [
            ("migrants", "migrant"),
            ("apprehensions", "apprehension"),
            ("countries", "country"),
            ("crosses", "cross"),
            ("status", "status"),
            ("class", "class"),
            ("people", "people"),
        ];
        for (word, want) in cases {
            assert_eq!(singular(word), want, "{word}");
        }
    }

    #[test]
    fn classes_of_counted_nouns() {
        let none = || false;
        assert_eq!(class_of("asylum seekers", none), "people");
        assert_eq!(class_of("individuals", none), "people");
        assert_eq!(class_of("apprehensions", none), "encounter");
        assert_eq!(class_of("ballots", none), "vote");
        assert_eq!(class_of("tanks", none), "tank");
        assert_eq!(class_of("people", || true), "encounter");
        let doc = Document::new("a.txt", "Some 500 people crossed the river.".into());
        let all = Span::new(0, doc.text.len());
        let values = Values::new(vec![Span::new(5, 8)]);
        let sentence = Sentence::new(&doc, all, &values, Vec::new());
        assert_eq!(class_of("people", || sentence.crossing(&doc)), "encounter");
    }

    #[test]
    fn figure_intervals_follow_the_qualifier() {
        let f = |value, qualifier| Figure {
            span: Span::new(0, 1),
            value,
            unit: Unit::Count,
            currency: None,
            qualifier,
            what: None,
            rate: None,
            rule: "test",
        };
        let more = interval(&f(15_000.0, Qualifier::MoreThan));
        assert!(more.overlaps(&interval(&f(16_000.0, Qualifier::Exact))));
        assert!(!more.overlaps(&interval(&f(6_000.0, Qualifier::Exact))));
        let about = interval(&f(250_000.0, Qualifier::Approx));
        assert!(about.overlaps(&interval(&f(269_735.0, Qualifier::Exact))));
        assert!(!about.overlaps(&interval(&f(300_000.0, Qualifier::Exact))));
    }

    #[test]
    fn content_words_leave_out_stopwords_and_numbers() {
        let doc = Document::new(
            "a.txt",
            "Officials said the caravan of 6,000 migrants reached the border.".into(),
        );
        let span = Span::new(30, 35);
        let all = Span::new(0, doc.text.len());
        let bag = Sentence::new(&doc, all, &Values::new(vec![span]), Vec::new()).window(span);
        let words: Vec<&str> = bag.keys().map(String::as_str).collect();
        assert_eq!(
            words,
            ["border", "caravan", "migrant", "official", "reached"]
        );
        assert_eq!(bag["caravan"], 2.0);
    }

    #[test]
    fn projection_cues_in_the_clause_before() {
        let text =
            "The group, made up of 8,000 people, hopes to reach the border with 15,000 members.";
        let doc = Document::new("a.txt", text.into());
        let all = Span::new(0, text.len());
        let at = |needle: &str| {
            let i = text.find(needle).unwrap();
            Span::new(i, i + needle.len())
        };
        assert!(!projected(&doc, all, at("8,000")));
        assert!(projected(&doc, all, at("15,000")));
    }
}
