//! Aligns statements of different articles into claims: two statements are
//! about the same topic when nothing rules it out (a figure's unit, counted
//! class, period, rate and projection must agree) and the words and names of
//! their clauses are alike (cosine of idf-weighted bags). Joining is greedy,
//! best pair first, by average linkage (two groups join only when their
//! statements are alike on average, so one shared name cannot chain
//! different events together), and a claim holds at most one statement per
//! article.

use std::collections::{BTreeMap, HashMap};

use super::identity::{self, EntityKind};
use super::{Claim, Interval, Kind, Statement, status};

/// Statements a token may be shared by and still propose pairs.
const MAX_POSTINGS: usize = 200;

/// Least similarity for two statements to share a topic.
pub const THRESHOLD: f32 = 0.15;
/// Weight of a named entity in a statement's sentence, against 1–2 for a word.
const ENTITY_WEIGHT: f32 = 1.5;

/// A statement's topic as a sparse vector: token id → weight × idf, unit length.
/// Tokens are words, or `@N` for the entity group N (shown by its name).
type Vector = Vec<(usize, f32)>;

fn compatible(a: &Statement, b: &Statement) -> bool {
    if a.kind != b.kind || a.article == b.article {
        return false;
    }
    let (x, y) = (&a.topic, &b.topic);
    let both = |p: &Option<String>, q: &Option<String>| match (p, q) {
        (Some(p), Some(q)) => p == q,
        _ => true,
    };
    match a.kind {
        Kind::Date => {
            x.granularity.is_none() || y.granularity.is_none() || x.granularity == y.granularity
        }
        // one claim per person: the topic says whose role it is
        Kind::Role => x.entities == y.entities,
        // A day is often only when the figure was reported ("said on
        // Wednesday"): it does not keep two figures apart; a week, month or
        // year they are stated for does.
        Kind::Figure => {
            let span = |p: &Option<String>| p.clone().filter(|v| v.len() != 10);
            comparable_magnitude(a, b)
                && x.unit == y.unit
                && x.currency == y.currency
                && both(&x.class, &y.class)
                && both(&span(&x.period), &span(&y.period))
                && x.rate == y.rate
                && x.projected == y.projected
        }
    }
}

/// Two counts a hundredfold apart ("two railway crossings", "60,000
/// crossings") are not one topic told differently.
const MAX_RATIO: f64 = 50.0;

fn comparable_magnitude(a: &Statement, b: &Statement) -> bool {
    // the number stated: the finite, non-zero end of "more than" and
    // "less than" intervals, the middle of the others
    let stated = |s: &Statement| match s.interval {
        Some(Interval::Number { low, high }) if high.is_infinite() => Some(low),
        Some(Interval::Number { low: 0.0, high }) => Some(high),
        Some(Interval::Number { low, high }) => Some((low + high) / 2.0),
        _ => None,
    };
    match (stated(a), stated(b)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) / x.min(y) <= MAX_RATIO,
        _ => true,
    }
}

fn vectors(statements: &[Statement]) -> (Vec<Vector>, Vec<String>) {
    // one token per entity of the corpus, however each article names it
    let names: Vec<(EntityKind, &str)> = {
        let mut all: Vec<(EntityKind, &str)> = statements
            .iter()
            .flat_map(|s| s.topic.entities.iter().map(|(k, n)| (*k, n.as_str())))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let groups = identity::group(&names);
    let entity: HashMap<(EntityKind, &str), String> = names
        .iter()
        .zip(&groups)
        .map(|(name, g)| (*name, format!("@{g}")))
        .collect();
    // an entity token is shown as the longest name behind it
    let mut shown: HashMap<String, &str> = HashMap::new();
    for name in &names {
        let n = name.1;
        let slot = shown.entry(entity[name].clone()).or_insert(n);
        if n.chars().count() > slot.chars().count() {
            *slot = n;
        }
    }
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut bags: Vec<Vec<(usize, f32)>> = Vec::with_capacity(statements.len());
    for s in statements {
        let mut bag: BTreeMap<usize, f32> = BTreeMap::new();
        let tokens = s
            .topic
            .words
            .iter()
            .map(|(w, weight)| (w.clone(), *weight))
            .chain(
                s.topic
                    .entities
                    .iter()
                    .map(|(k, n)| (entity[&(*k, n.as_str())].clone(), ENTITY_WEIGHT)),
            );
        for (token, weight) in tokens {
            let next = ids.len();
            let id = *ids.entry(token).or_insert(next);
            let slot = bag.entry(id).or_insert(0.0);
            *slot = slot.max(weight);
        }
        bags.push(bag.into_iter().collect());
    }
    let mut df = vec![0usize; ids.len()];
    for bag in &bags {
        for (id, _) in bag {
            df[*id] += 1;
        }
    }
    let n = statements.len() as f32;
    let vectors = bags
        .into_iter()
        .map(|bag| {
            let mut v: Vector = bag
                .into_iter()
                .map(|(id, w)| (id, w * (1.0 + n / df[id] as f32).ln()))
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect();
    let mut tokens = vec![String::new(); ids.len()];
    for (token, id) in ids {
        tokens[id] = shown.get(&token).map_or(token, |n| n.to_string());
    }
    (vectors, tokens)
}

/// Evidence beyond the words: two figures that count the same class of
/// thing, or are stated for the same period, and two dates of the same value,
/// are likely about one topic even when the articles word the rest
/// differently.
const CLASS_BONUS: f32 = 0.15;
const PERIOD_BONUS: f32 = 0.25;
const DATE_BONUS: f32 = 0.1;

fn bonus(a: &Statement, b: &Statement) -> f32 {
    let (x, y) = (&a.topic, &b.topic);
    if a.kind == Kind::Date {
        // the same day in like words is most likely one event
        return f32::from(u8::from(a.interval.is_some() && a.value == b.value)) * DATE_BONUS;
    }
    if a.kind != Kind::Figure {
        return 0.0;
    }
    let same = |p: &Option<String>, q: &Option<String>| p.is_some() && p == q;
    f32::from(u8::from(same(&x.class, &y.class))) * CLASS_BONUS
        + f32::from(u8::from(same(&x.period, &y.period))) * PERIOD_BONUS
}

fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The pairs of statements alike enough to share a topic, best first:
/// (similarity, i, j) with i < j. Candidates share a token; a token shared
/// by very many statements says little about any one topic, and pairing
/// all of them would grow with the square of the corpus, so it proposes
/// none. Only the pairs above the threshold are kept.
fn similar_pairs(statements: &[Statement], vectors: &[Vector]) -> Vec<(f32, u32, u32)> {
    let mut postings: HashMap<usize, Vec<u32>> = HashMap::new();
    for (i, v) in vectors.iter().enumerate() {
        for (id, _) in v {
            postings.entry(*id).or_default().push(i as u32);
        }
    }
    let mut pairs = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    for (i, v) in vectors.iter().enumerate() {
        candidates.clear();
        for (id, _) in v {
            let list = &postings[id];
            if list.len() <= MAX_POSTINGS {
                // postings are in statement order: the later ones only
                let from = list.partition_point(|&j| j as usize <= i);
                candidates.extend_from_slice(&list[from..]);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &j in &candidates {
            let (a, b) = (&statements[i], &statements[j as usize]);
            if compatible(a, b) {
                let score = cosine(v, &vectors[j as usize]) + bonus(a, b);
                if score >= THRESHOLD {
                    pairs.push((score, i as u32, j));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    pairs
}

/// Groups the statements of a corpus into claims: conflicts first, then
/// agreements, then what one article alone states; within each, the claims
/// stated by most articles first, then in corpus order.
pub fn align(statements: Vec<Statement>) -> Vec<Claim> {
    let (vectors, tokens) = vectors(&statements);
    let pairs = similar_pairs(&statements, &vectors);
    // Greedy joining; a group never holds two statements of one article.
    // `links[g]` holds, for each neighbouring group, the sum of the
    // similarities between their statements, kept up to date on every
    // join, so the average linkage of two groups is one look-up. Pairs
    // below the threshold count as nothing, as pairs sharing no word do.
    let mut group: Vec<usize> = (0..statements.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..statements.len()).map(|i| vec![i]).collect();
    let mut links: Vec<HashMap<usize, f32>> = vec![HashMap::new(); statements.len()];
    for &(score, i, j) in &pairs {
        links[i as usize].insert(j as usize, score);
        links[j as usize].insert(i as usize, score);
    }
    for (_, i, j) in pairs {
        let (gi, gj) = (group[i as usize], group[j as usize]);
        let shares_an_article = || {
            members[gi].iter().any(|&a| {
                members[gj]
                    .iter()
                    .any(|&b| statements[a].article == statements[b].article)
            })
        };
        if gi == gj || shares_an_article() {
            continue;
        }
        let total = links[gi].get(&gj).copied().unwrap_or(0.0);
        let average = total / (members[gi].len() * members[gj].len()) as f32;
        if average < THRESHOLD {
            continue;
        }
        let all_compatible = members[gi].iter().all(|&a| {
            members[gj]
                .iter()
                .all(|&b| compatible(&statements[a], &statements[b]))
        });
        if !all_compatible {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &m in &moved {
            group[m] = gi;
        }
        members[gi].extend(moved);
        for (g, sum) in std::mem::take(&mut links[gj]) {
            links[g].remove(&gj);
            if g != gi {
                *links[gi].entry(g).or_insert(0.0) += sum;
                *links[g].entry(gi).or_insert(0.0) += sum;
            }
        }
        links[gi].remove(&gj);
    }
    let mut claims: Vec<(usize, Claim)> = Vec::new();
    let mut slots: Vec<Option<Statement>> = statements.into_iter().map(Some).collect();
    for list in members.iter_mut().filter(|m| !m.is_empty()) {
        list.sort_by_key(|&i| slots[i].as_ref().map(|s| (s.article, s.span)));
        let first = list[0];
        let label = label(list, &vectors, &tokens, &slots);
        let group: Vec<Statement> = list.iter().filter_map(|&i| slots[i].take()).collect();
        let status = status(&group);
        claims.push((
            first,
            Claim {
                topic: label,
                status,
                statements: group,
            },
        ));
    }
    claims.sort_by(|(fa, a), (fb, b)| {
        a.status
            .cmp(&b.status)
            .then(b.statements.len().cmp(&a.statements.len()))
            .then(fa.cmp(fb))
    });
    claims.into_iter().map(|(_, c)| c).collect()
}

/// A topic label: the counted class, then the words the statements share
/// (or, for one statement, its own words), heaviest first, then the period,
/// rate and projection.
fn label(
    list: &[usize],
    vectors: &[Vector],
    tokens: &[String],
    slots: &[Option<Statement>],
) -> String {
    let mut weight: BTreeMap<usize, (usize, f32)> = BTreeMap::new();
    for &i in list {
        for (id, w) in &vectors[i] {
            let slot = weight.entry(*id).or_insert((0, 0.0));
            slot.0 += 1;
            slot.1 += w;
        }
    }
    let mut words: Vec<(usize, f32)> = weight
        .into_iter()
        .filter(|(_, (count, _))| list.len() == 1 || *count >= 2)
        .map(|(id, (_, w))| (id, w))
        .collect();
    words.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let first = slots[list[0]]
        .as_ref()
        .expect("labels are made before statements move");
    let topic = &first.topic;
    let mut parts: Vec<String> = topic.class.iter().cloned().collect();
    for (id, _) in words {
        if parts.len() >= 4 {
            break;
        }
        if !parts.contains(&tokens[id]) {
            parts.push(tokens[id].clone());
        }
    }
    parts.extend(topic.period.iter().cloned());
    parts.extend(topic.rate.iter().cloned());
    if topic.projected {
        parts.push("(projected)".into());
    }
    if parts.is_empty() {
        parts.push(first.kind.name().into());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Status;
    use crate::claims::topic::statements;
    use crate::document::{Document, Span};
    use crate::extract::{DateMention, Extraction, Figure, Qualifier, Unit};

    /// An article with the given figures (text, value, qualifier, what) and
    /// dates (text, value), each found at its first occurrence.
    fn article(
        text: &str,
        figures: &[(&str, f64, Qualifier, &str)],
        dates: &[(&str, &str)],
    ) -> (Document, Extraction) {
        let at = |needle: &str| {
            let i = text.find(needle).expect("needle in text");
            Span::new(i, i + needle.len())
        };
        let found = Extraction {
            figures: figures
                .iter()
                .map(|&(t, value, qualifier, what)| Figure {
                    span: at(t),
                    value,
                    unit: if t.ends_with('%') {
                        Unit::Percent
                    } else {
                        Unit::Count
                    },
                    currency: None,
                    qualifier,
                    what: Some(what.to_string()),
                    rate: None,
                    rule: "test",
                })
                .collect(),
            dates: dates
                .iter()
                .map(|&(t, v)| DateMention {
                    span: at(t),
                    value: Some(v.into()),
                    rule: "test",
                })
                .collect(),
            ..Extraction::default()
        };
        (Document::new("a.txt", text.to_string()), found)
    }

    fn claims(articles: &[(Document, Extraction)]) -> Vec<(Status, Vec<(usize, String)>)> {
        let all = articles
            .iter()
            .enumerate()
            .flat_map(|(i, (doc, found))| statements(i, doc, found))
            .collect();
        align(all)
            .into_iter()
            .map(|c| {
                (
                    c.status,
                    c.statements
                        .iter()
                        .map(|s| (s.article, s.text.clone()))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn two_sizes_of_one_caravan_conflict_and_a_poll_stays_single() {
        use Qualifier::*;
        let got = claims(&[
            article(
                "A caravan of more than 15,000 migrants is heading toward the border.",
                &[("more than 15,000", 15_000.0, MoreThan, "migrants")],
                &[],
            ),
            article(
                "The caravan, made up of about 6,000 people, is heading north toward the border. \
                 A poll found 38% of voters approve.",
                &[
                    ("about 6,000", 6_000.0, Approx, "people"),
                    ("38%", 38.0, Exact, "voters"),
                ],
                &[],
            ),
        ]);
        assert_eq!(
            got,
            [
                (
                    Status::Conflict,
                    vec![(0, "more than 15,000".into()), (1, "about 6,000".into())]
                ),
                (Status::Single, vec![(1, "38%".into())]),
            ]
        );
    }

    #[test]
    fn one_month_in_other_words_agrees_and_another_month_stays_apart() {
        use Qualifier::*;
        let got = claims(&[
            article(
                "Border agents recorded nearly a quarter million encounters last month, officials said.",
                &[("nearly a quarter million", 250_000.0, Approx, "encounters")],
                &[("last month", "2023-11")],
            ),
            article(
                "In November, 249,785 migrants crossed the border, agents recorded. \
                 In December, 302,000 migrants crossed the border.",
                &[
                    ("249,785", 249_785.0, Exact, "migrants"),
                    ("302,000", 302_000.0, Exact, "migrants"),
                ],
                &[("November", "2023-11"), ("December", "2023-12")],
            ),
        ]);
        let figures: Vec<_> = got
            .iter()
            .filter(|(_, s)| {
                s[0].1.chars().any(|c| c.is_ascii_digit()) || s[0].1.contains("million")
            })
            .collect();
        assert!(figures.contains(&&(
            Status::Agree,
            vec![
                (0, "nearly a quarter million".into()),
                (1, "249,785".into())
            ]
        )));
        assert!(figures.contains(&&(Status::Single, vec![(1, "302,000".into())])));
        // the months the figures are stated for agree too
        assert!(got.contains(&(
            Status::Agree,
            vec![(0, "last month".into()), (1, "November".into())]
        )));
    }

    #[test]
    fn a_projection_is_not_a_present_count() {
        use Qualifier::*;
        let got = claims(&[
            article(
                "The caravan of 8,000 people hopes to reach the border with 15,000 members.",
                &[
                    ("8,000", 8_000.0, Exact, "people"),
                    ("15,000", 15_000.0, Exact, "members"),
                ],
                &[],
            ),
            article(
                "A caravan of 7,900 people is walking to the border.",
                &[("7,900", 7_900.0, Exact, "people")],
                &[],
            ),
        ]);
        assert!(got.contains(&(
            Status::Agree,
            vec![(0, "8,000".into()), (1, "7,900".into())]
        )));
        assert!(got.contains(&(Status::Single, vec![(0, "15,000".into())])));
    }
}
