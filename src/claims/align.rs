//! Aligns statements of different articles into claims: two statements are
//! about the same topic when nothing rules it out (a figure's unit, counted
//! class, period, rate and projection must agree) and the words and names of
//! their clauses are alike (cosine of idf-weighted bags). Joining is greedy,
//! best pair first, by average linkage (two groups join only when their
//! statements are alike on average, so one shared name cannot chain
//! different events together), and a claim holds at most one statement per
//! article.
//!
//! Everything here works on the compact [`Store`]: token ids, one arena of
//! tokens for all statements, and linked lists for the members of a claim,
//! so that a corpus of millions of statements fits in a few hundred bytes
//! each.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

use super::identity::{self, EntityKind};
use super::store::{Run, Store, Stub};
use super::{Interval, Kind, Status, roles};

/// Statements a token may be shared by and still propose pairs.
const MAX_POSTINGS: usize = 200;

/// Least similarity for two statements to share a topic.
pub const THRESHOLD: f32 = 0.15;
/// Weight of a named entity in a statement's sentence, against 1–2 for a word.
const ENTITY_WEIGHT: f32 = 1.5;

/// The end of a member list.
const END: u32 = u32::MAX;

fn compatible(store: &Store, a: &Stub, b: &Stub) -> bool {
    if a.kind != b.kind || a.article == b.article {
        return false;
    }
    let both = |p: Option<u32>, q: Option<u32>| match (p, q) {
        (Some(p), Some(q)) => p == q,
        _ => true,
    };
    match a.kind {
        Kind::Date => {
            a.granularity.get().is_none()
                || b.granularity.get().is_none()
                || a.granularity == b.granularity
        }
        // one claim per person: the topic says whose role it is
        Kind::Role => a.entities.of(&store.entities) == b.entities.of(&store.entities),
        // A day is often only when the figure was reported ("said on
        // Wednesday"): it does not keep two figures apart; a week, month or
        // year they are stated for does.
        Kind::Figure => {
            let span = |p: Option<u32>| p.filter(|&v| store.name(v).len() != 10);
            comparable_magnitude(a, b)
                && a.unit == b.unit
                && a.currency == b.currency
                && both(a.class.get(), b.class.get())
                && both(span(a.period.get()), span(b.period.get()))
                && a.rate == b.rate
                && a.projected == b.projected
        }
    }
}

/// Two counts a hundredfold apart ("two railway crossings", "60,000
/// crossings") are not one topic told differently.
const MAX_RATIO: f64 = 50.0;

fn comparable_magnitude(a: &Stub, b: &Stub) -> bool {
    // the number stated: the finite, non-zero end of "more than" and
    // "less than" intervals, the middle of the others
    let stated = |s: &Stub| match s.interval {
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

/// Every statement's topic as a sparse vector: token id → weight × idf, of
/// unit length. Tokens are words, or one token per entity of the corpus
/// however each article names it. Weights are computed when asked for, so
/// a token costs four bytes: its id × 4 and a weight code.
#[derive(Debug, Default)]
pub struct Vectors {
    tokens: Vec<u32>,
    runs: Vec<Run>,
    /// Statements each token is in, and its idf.
    df: Vec<u32>,
    idf: Vec<f32>,
    norms: Vec<f32>,
    /// What each token shows as: a word, or the longest name of an entity.
    shown: Vec<u32>,
}

fn code_weight(code: u32) -> f32 {
    match code & 3 {
        0 => 1.0,
        1 => 2.0,
        _ => ENTITY_WEIGHT,
    }
}

impl Vectors {
    fn new(store: &Store) -> Vectors {
        // one token per entity of the corpus, however each article names it
        let mut names: Vec<(EntityKind, &str, u32)> = store
            .entity_names
            .iter()
            .enumerate()
            .map(|(id, &(kind, name))| (kind, store.name(name), id as u32))
            .collect();
        names.sort_unstable();
        let tagged: Vec<(EntityKind, &str)> = names.iter().map(|&(k, n, _)| (k, n)).collect();
        let groups = identity::group(&tagged);
        let mut group_of = vec![0u32; names.len()];
        // an entity token is shown as the longest name behind it
        let mut longest: Vec<Option<(&str, u32)>> = vec![None; names.len()];
        for ((_, name, id), &g) in names.iter().zip(&groups) {
            group_of[*id as usize] = g as u32;
            let symbol = store.entity_names[*id as usize].1;
            let slot = &mut longest[g];
            if slot.is_none_or(|(n, _)| name.chars().count() > n.chars().count()) {
                *slot = Some((name, symbol));
            }
        }
        // ids in order of first appearance, words before names in each
        let mut word_token: HashMap<u32, u32> = HashMap::default();
        let mut group_token: Vec<u32> = vec![END; names.len()];
        let mut shown: Vec<u32> = Vec::new();
        let mut v = Vectors {
            tokens: Vec::with_capacity(store.words.len() + store.entities.len()),
            runs: Vec::with_capacity(store.stubs.len()),
            ..Vectors::default()
        };
        let mut bag: Vec<(u32, u32)> = Vec::new();
        for stub in &store.stubs {
            bag.clear();
            for &code in stub.words.of(&store.words) {
                let symbol = code / 2;
                let token = *word_token.entry(symbol).or_insert_with(|| {
                    shown.push(symbol);
                    shown.len() as u32 - 1
                });
                bag.push((token, code & 1));
            }
            for &id in stub.entities.of(&store.entities) {
                let g = group_of[id as usize] as usize;
                if group_token[g] == END {
                    group_token[g] = shown.len() as u32;
                    shown.push(longest[g].map_or(0, |(_, s)| s));
                }
                bag.push((group_token[g], 2));
            }
            // one weight a token, the greatest
            bag.sort_unstable_by(|a, b| {
                a.0.cmp(&b.0)
                    .then(code_weight(b.1).total_cmp(&code_weight(a.1)))
            });
            bag.dedup_by_key(|t| t.0);
            let start = v.tokens.len() as u32;
            v.tokens.extend(bag.iter().map(|&(t, c)| t * 4 + c));
            v.runs.push(Run {
                start,
                len: bag.len() as u32,
            });
        }
        let mut df = vec![0u32; shown.len()];
        for &t in &v.tokens {
            df[(t / 4) as usize] += 1;
        }
        let n = store.stubs.len() as f32;
        v.idf = df.iter().map(|&d| (1.0 + n / d as f32).ln()).collect();
        v.df = df;
        v.shown = shown;
        v.norms = v
            .runs
            .iter()
            .map(|run| {
                let norm = run
                    .of(&v.tokens)
                    .iter()
                    .map(|&t| code_weight(t) * v.idf[(t / 4) as usize])
                    .map(|w| w * w)
                    .sum::<f32>()
                    .sqrt();
                if norm > 0.0 { norm } else { 1.0 }
            })
            .collect();
        v
    }

    /// The tokens of statement `i` with their weights.
    fn of(&self, i: usize) -> impl Iterator<Item = (u32, f32)> + '_ {
        let norm = self.norms[i];
        self.runs[i]
            .of(&self.tokens)
            .iter()
            .map(move |&t| (t / 4, code_weight(t) * self.idf[(t / 4) as usize] / norm))
    }

    fn cosine(&self, i: usize, j: usize) -> f32 {
        let (mut a, mut b) = (self.of(i).peekable(), self.of(j).peekable());
        let mut sum = 0.0;
        while let (Some(&(x, wx)), Some(&(y, wy))) = (a.peek(), b.peek()) {
            match x.cmp(&y) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    sum += wx * wy;
                    a.next();
                    b.next();
                }
            }
        }
        sum
    }
}

/// Evidence beyond the words: two figures that count the same class of
/// thing, or are stated for the same period, and two dates of the same value,
/// are likely about one topic even when the articles word the rest
/// differently.
const CLASS_BONUS: f32 = 0.15;
const PERIOD_BONUS: f32 = 0.25;
const DATE_BONUS: f32 = 0.1;

fn bonus(a: &Stub, b: &Stub) -> f32 {
    if a.kind == Kind::Date {
        // the same day in like words is most likely one event
        return f32::from(u8::from(a.interval.is_some() && a.value == b.value)) * DATE_BONUS;
    }
    if a.kind != Kind::Figure {
        return 0.0;
    }
    let same = |p: Option<u32>, q: Option<u32>| p.is_some() && p == q;
    f32::from(u8::from(same(a.class.get(), b.class.get()))) * CLASS_BONUS
        + f32::from(u8::from(same(a.period.get(), b.period.get()))) * PERIOD_BONUS
}

/// The pairs of statements alike enough to share a topic, best first:
/// (similarity, i, j) with i < j. Candidates share a token; a token shared
/// by very many statements says little about any one topic, and pairing
/// all of them would grow with the square of the corpus, so it proposes
/// none. Only the pairs above the threshold are kept. Statements are paired
/// in parallel.
fn similar_pairs(store: &Store, v: &Vectors) -> Vec<(f32, u32, u32)> {
    // postings of the tokens rare enough to propose pairs, in statement order
    let df = &v.df;
    let mut offsets = vec![0u32; df.len() + 1];
    for (t, &d) in df.iter().enumerate() {
        let kept = if d as usize <= MAX_POSTINGS { d } else { 0 };
        offsets[t + 1] = offsets[t] + kept;
    }
    let mut fill = offsets.clone();
    let mut postings = vec![0u32; offsets[df.len()] as usize];
    for (i, run) in v.runs.iter().enumerate() {
        for &t in run.of(&v.tokens) {
            let t = (t / 4) as usize;
            if df[t] as usize <= MAX_POSTINGS {
                postings[fill[t] as usize] = i as u32;
                fill[t] += 1;
            }
        }
    }
    let list = |t: u32| &postings[offsets[t as usize] as usize..offsets[t as usize + 1] as usize];
    let stubs = &store.stubs;
    let mut pairs: Vec<(f32, u32, u32)> = (0..stubs.len())
        .into_par_iter()
        .fold(
            || (Vec::new(), Vec::new()),
            |(mut pairs, mut candidates): (Vec<(f32, u32, u32)>, Vec<u32>), i| {
                candidates.clear();
                for &t in v.runs[i].of(&v.tokens) {
                    let list = list(t / 4);
                    // the later statements only
                    let from = list.partition_point(|&j| j as usize <= i);
                    candidates.extend_from_slice(&list[from..]);
                }
                candidates.sort_unstable();
                candidates.dedup();
                for &j in &candidates {
                    let (a, b) = (&stubs[i], &stubs[j as usize]);
                    if compatible(store, a, b) {
                        let score = v.cosine(i, j as usize) + bonus(a, b);
                        if score >= THRESHOLD {
                            pairs.push((score, i as u32, j));
                        }
                    }
                }
                (pairs, candidates)
            },
        )
        .map(|(pairs, _)| pairs)
        .reduce(Vec::new, |mut a, mut b| {
            a.append(&mut b);
            a
        });
    pairs.par_sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    pairs
}

/// One claim: its status, its first statement in corpus order (the head of
/// its member list) and how many statements it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimRef {
    pub status: Status,
    pub first: u32,
    pub len: u32,
}

/// The claims of a corpus, as statement numbers.
#[derive(Debug, Default)]
pub struct Alignment {
    /// Conflicts first, then agreements, then what one article alone
    /// states; within each, the claims stated by most articles first, then
    /// in corpus order.
    pub claims: Vec<ClaimRef>,
    /// The statement after each in its claim, in corpus order.
    next: Vec<u32>,
    vectors: Vectors,
}

/// The summed similarity of each two neighbouring groups while statements
/// are joined. The sums of the pairs are kept in one packed array, a row a
/// statement sorted by neighbour, each sum twice (in the rows of both);
/// a group is named by a statement, so its row serves it while it lives.
/// Two groups that first meet by joining are kept in a map.
struct Links {
    /// Row `i`: `row[offsets[i]..offsets[i + 1]]`, (neighbour, sum), the sum
    /// [`GONE`] once either side has joined another group.
    offsets: Vec<u32>,
    row: Vec<(u32, f32)>,
    /// Sums of groups that met by joining, one entry a pair, by
    /// [`Links::key`].
    met: HashMap<u64, f32>,
    /// Each group's neighbours in `met` (some since gone).
    met_by: HashMap<u32, Vec<u32>>,
}

/// The sum of a pair whose groups no longer both exist.
const GONE: f32 = f32::NAN;

impl Links {
    fn new(n: usize, pairs: &[(f32, u32, u32)]) -> Links {
        let mut offsets = vec![0u32; n + 1];
        for &(_, i, j) in pairs {
            offsets[i as usize + 1] += 1;
            offsets[j as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut row = vec![(0u32, 0.0f32); offsets[n] as usize];
        for &(score, i, j) in pairs {
            for (a, b) in [(i, j), (j, i)] {
                row[fill[a as usize] as usize] = (b, score);
                fill[a as usize] += 1;
            }
        }
        for i in 0..n {
            row[offsets[i] as usize..offsets[i + 1] as usize].sort_unstable_by_key(|&(b, _)| b);
        }
        Links {
            offsets,
            row,
            met: HashMap::default(),
            met_by: HashMap::default(),
        }
    }

    /// Either way round, one key.
    fn key(a: u32, b: u32) -> u64 {
        (u64::from(a.min(b)) << 32) | u64::from(a.max(b))
    }

    /// Where the sum of `a` and `b` sits in the row of `a`, if they were paired.
    fn slot(&self, a: u32, b: u32) -> Option<usize> {
        let from = self.offsets[a as usize] as usize;
        let to = self.offsets[a as usize + 1] as usize;
        self.row[from..to]
            .binary_search_by_key(&b, |&(n, _)| n)
            .ok()
            .map(|k| from + k)
    }

    /// The live sum of `a` and `b` in their rows.
    fn paired(&self, a: u32, b: u32) -> Option<usize> {
        self.slot(a, b).filter(|&p| !self.row[p].1.is_nan())
    }

    fn sum(&self, a: u32, b: u32) -> f32 {
        match self.paired(a, b) {
            Some(p) => self.row[p].1,
            None => self.met.get(&Links::key(a, b)).copied().unwrap_or(0.0),
        }
    }

    /// Adds `sum` to what links groups `a` and `b`.
    fn add(&mut self, a: u32, b: u32, sum: f32) {
        if let (Some(p), Some(q)) = (self.paired(a, b), self.paired(b, a)) {
            self.row[p].1 += sum;
            self.row[q].1 += sum;
            return;
        }
        let met_by = &mut self.met_by;
        let to = self.met.entry(Links::key(a, b)).or_insert_with(|| {
            met_by.entry(a).or_default().push(b);
            met_by.entry(b).or_default().push(a);
            0.0
        });
        *to += sum;
    }

    /// Moves the links of group `gone` onto group `into`, which it joined.
    fn join(&mut self, into: u32, gone: u32) {
        let from = self.offsets[gone as usize] as usize;
        let to = self.offsets[gone as usize + 1] as usize;
        for p in from..to {
            let (g, sum) = self.row[p];
            if sum.is_nan() {
                continue;
            }
            self.row[p].1 = GONE;
            if let Some(q) = self.slot(g, gone) {
                self.row[q].1 = GONE;
            }
            if g != into {
                self.add(into, g, sum);
            }
        }
        for g in self.met_by.remove(&gone).unwrap_or_default() {
            let Some(sum) = self.met.remove(&Links::key(gone, g)) else {
                continue;
            };
            if g != into {
                self.add(into, g, sum);
            }
        }
    }
}

/// Whether two sorted lists share an item.
fn shares_any(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Two sorted lists as one.
fn merge_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The members of the group headed by `g`, following `next`.
fn members(next: &[u32], g: u32) -> impl Iterator<Item = u32> + Clone + '_ {
    std::iter::successors(Some(g), move |&m| {
        Some(next[m as usize]).filter(|&m| m != END)
    })
}

/// Groups the statements of the store into claims.
/// The store's words are let go once in the vectors.
pub fn align(store: &mut Store) -> Alignment {
    let vectors = Vectors::new(store);
    store.words = Vec::new();
    let store = &*store;
    let pairs = similar_pairs(store, &vectors);
    let stubs = &store.stubs;
    let n = stubs.len();
    // Greedy joining; a group never holds two statements of one article.
    // The sum of the similarities between the statements of two groups is
    // kept up to date on every join (see [`Links`]), so the average linkage
    // of two groups is one look-up. Pairs below the threshold count as
    // nothing, as pairs sharing no word do. A group is named by its first
    // member; members are a linked list.
    let mut group: Vec<u32> = (0..n as u32).collect();
    let mut next: Vec<u32> = vec![END; n];
    let mut tail: Vec<u32> = (0..n as u32).collect();
    let mut size: Vec<u32> = vec![1; n];
    let mut links = Links::new(n, &pairs);
    // the articles of groups of more than one statement, sorted: a group
    // states each article at most once
    let mut articles: HashMap<u32, Vec<u32>> = HashMap::default();
    for (_, i, j) in pairs {
        let (gi, gj) = (group[i as usize], group[j as usize]);
        if gi == gj {
            continue;
        }
        let of = |g: u32| {
            articles.get(&g).map_or(
                std::slice::from_ref(&stubs[g as usize].article),
                Vec::as_slice,
            )
        };
        if shares_any(of(gi), of(gj)) {
            continue;
        }
        let average = links.sum(gi, gj) / (size[gi as usize] as f32 * size[gj as usize] as f32);
        if average < THRESHOLD {
            continue;
        }
        let all_compatible = members(&next, gi).all(|a| {
            members(&next, gj).all(|b| compatible(store, &stubs[a as usize], &stubs[b as usize]))
        });
        if !all_compatible {
            continue;
        }
        let joined = merge_sorted(of(gi), of(gj));
        articles.remove(&gj);
        articles.insert(gi, joined);
        for m in members(&next, gj) {
            group[m as usize] = gi;
        }
        next[tail[gi as usize] as usize] = gj;
        tail[gi as usize] = tail[gj as usize];
        size[gi as usize] += size[gj as usize];
        size[gj as usize] = 0;
        links.join(gi, gj);
    }
    drop(links);
    drop(articles);
    // each group's members in corpus order, and its status
    let mut claims: Vec<ClaimRef> = Vec::new();
    let mut list: Vec<u32> = Vec::new();
    for g in (0..n as u32).filter(|&g| size[g as usize] > 0) {
        list.clear();
        list.extend(members(&next, g));
        list.sort_by_key(|&i| (stubs[i as usize].article, stubs[i as usize].span));
        for pair in list.windows(2) {
            next[pair[0] as usize] = pair[1];
        }
        next[*list.last().expect("a group has a member") as usize] = END;
        claims.push(ClaimRef {
            status: status(store, list.iter().map(|&i| &stubs[i as usize])),
            first: list[0],
            len: list.len() as u32,
        });
    }
    claims.sort_by(|a, b| {
        a.status
            .cmp(&b.status)
            .then(b.len.cmp(&a.len))
            .then(a.first.cmp(&b.first))
    });
    Alignment {
        claims,
        next,
        vectors,
    }
}

/// The status of statements from several articles: a conflict when two
/// articles' values cannot both hold (disjoint intervals, or roles neither
/// of which contains the other), agreement when every pair can.
fn status<'s>(store: &Store, statements: impl Iterator<Item = &'s Stub> + Clone) -> Status {
    let mut articles: Vec<u32> = statements.clone().map(|s| s.article).collect();
    articles.sort_unstable();
    articles.dedup();
    if articles.len() < 2 {
        return Status::Single;
    }
    for (i, a) in statements.clone().enumerate() {
        for b in statements.clone().skip(i + 1) {
            if a.article == b.article {
                continue;
            }
            if let (Some(x), Some(y)) = (&a.interval, &b.interval) {
                if !x.overlaps(y) {
                    return Status::Conflict;
                }
            }
            if a.kind == Kind::Role && !roles::compatible(store.name(a.value), store.name(b.value))
            {
                return Status::Conflict;
            }
        }
    }
    Status::Agree
}

impl Alignment {
    /// The statements of a claim, in corpus order.
    pub fn members(&self, claim: &ClaimRef) -> impl Iterator<Item = usize> + '_ {
        members(&self.next, claim.first).map(|m| m as usize)
    }

    /// A topic label: the counted class, then the words the statements
    /// share (or, for one statement, its own words), heaviest first, then
    /// the period, rate and projection.
    pub fn label(&self, store: &Store, claim: &ClaimRef) -> String {
        let mut weight: BTreeMap<u32, (usize, f32)> = BTreeMap::new();
        for i in self.members(claim) {
            for (id, w) in self.vectors.of(i) {
                let slot = weight.entry(id).or_insert((0, 0.0));
                slot.0 += 1;
                slot.1 += w;
            }
        }
        let single = claim.len == 1;
        let mut words: Vec<(u32, f32)> = weight
            .into_iter()
            .filter(|(_, (count, _))| single || *count >= 2)
            .map(|(id, (_, w))| (id, w))
            .collect();
        words.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let first = &store.stubs[claim.first as usize];
        let mut parts: Vec<&str> = first.class.get().iter().map(|&c| store.name(c)).collect();
        for (id, _) in words {
            if parts.len() >= 4 {
                break;
            }
            let token = store.name(self.vectors.shown[id as usize]);
            if !parts.contains(&token) {
                parts.push(token);
            }
        }
        parts.extend(first.period.get().map(|p| store.name(p)));
        parts.extend(first.rate.get().map(|r| store.name(r)));
        if first.projected {
            parts.push("(projected)");
        }
        if parts.is_empty() {
            parts.push(first.kind.name());
        }
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::{Collector, Status};
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
        let mut collector = Collector::default();
        for (doc, found) in articles {
            collector.add(Collector::prepare(doc, found));
        }
        let docs: Vec<Document> = articles.iter().map(|(d, _)| d.clone()).collect();
        let aligned = collector.finish();
        let (comparison, problems) = aligned.comparison(&docs);
        assert_eq!(problems, []);
        comparison
            .claims
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
