//! What comparison keeps of each statement: symbols and offsets, no text.
//! A gigabyte of news states millions of figures and dates; each is kept
//! here in under two hundred bytes, and its evidence is read back from the
//! article only when a claim is shown (see [`super::evidence`]).

use rustc_hash::FxHashMap as HashMap;

use super::identity::EntityKind;
use super::topic::Stated;
use super::{Interval, Kind};
use crate::document::Span;
use crate::extract::Unit;

/// Strings kept once and named by number.
#[derive(Debug, Default)]
pub struct Symbols {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Symbols {
    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.names.len()).expect("fewer than 2^32 distinct words");
        self.names.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }

    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    /// The strings by number, when no more are to be added.
    pub fn into_names(self) -> Vec<Box<str>> {
        self.names
    }
}

/// A slice of one of the store's arenas.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Run {
    pub start: u32,
    pub len: u32,
}

impl Run {
    pub fn of<T>(self, arena: &[T]) -> &[T] {
        &arena[self.start as usize..(self.start + self.len) as usize]
    }

    fn push<T>(arena: &mut Vec<T>, items: impl IntoIterator<Item = T>) -> Run {
        let start = arena.len();
        arena.extend(items);
        let at = |n: usize| u32::try_from(n).expect("fewer than 2^32 words in all topics");
        Run {
            start: at(start),
            len: at(arena.len() - start),
        }
    }
}

/// A span in four-byte offsets: the statements of a large corpus are most
/// of what comparison keeps. Offsets past 4 GiB (no article is that long)
/// are clamped, and such a quote comes out empty rather than wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct At {
    start: u32,
    end: u32,
}

impl At {
    pub fn of(span: Span) -> At {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        At {
            start: clamp(span.start),
            end: clamp(span.end),
        }
    }

    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// A symbol or none, in four bytes (an `Option<u32>` takes eight, and a
/// statement has five).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaybeSymbol(u32);

impl MaybeSymbol {
    const NONE: u32 = u32::MAX;

    pub fn of(symbol: Option<u32>) -> Self {
        MaybeSymbol(symbol.filter(|&s| s != Self::NONE).unwrap_or(Self::NONE))
    }

    pub fn get(self) -> Option<u32> {
        Some(self.0).filter(|&s| s != Self::NONE)
    }
}

/// One statement as comparison needs it.
#[derive(Debug, Clone)]
pub struct Stub {
    /// Position of the article in the comparison.
    pub article: u32,
    pub kind: Kind,
    pub projected: bool,
    pub unit: Option<Unit>,
    /// Symbols: the currency of a sum, the calendar unit of a date.
    pub currency: MaybeSymbol,
    pub granularity: MaybeSymbol,
    /// Where it is stated, and the sentence around it.
    pub span: At,
    pub sentence: At,
    pub interval: Option<Interval>,
    /// Symbols: the value as shown, the counted class, period and rate.
    pub value: u32,
    pub class: MaybeSymbol,
    pub period: MaybeSymbol,
    pub rate: MaybeSymbol,
    /// Content words in [`Store::words`]: symbol × 2, plus 1 for weight 2.
    pub words: Run,
    /// Entities in [`Store::entities`]: indices into [`Store::entity_names`].
    pub entities: Run,
}

/// Every statement of a corpus, and the strings they share.
#[derive(Debug, Default)]
pub struct Store {
    pub symbols: Symbols,
    pub stubs: Vec<Stub>,
    pub words: Vec<u32>,
    pub entities: Vec<u32>,
    /// Every (kind, name) a topic names, once.
    pub entity_names: Vec<(EntityKind, u32)>,
    entity_ids: HashMap<(EntityKind, u32), u32>,
}

/// Makes room for one more statement, growing by a quarter rather than
/// doubling: at millions of statements, doubling leaves hundreds of
/// megabytes reserved and unused.
fn grow(stubs: &mut Vec<Stub>) {
    if stubs.len() == stubs.capacity() {
        stubs.reserve_exact((stubs.len() / 4).max(1024));
    }
}

/// Weight of a content word as [`Store::words`] keeps it.
pub fn word_weight(code: u32) -> f32 {
    if code & 1 == 1 { 2.0 } else { 1.0 }
}

impl Store {
    pub fn entity(&mut self, kind: EntityKind, name: &str) -> u32 {
        let name = self.symbols.id(name);
        let next = self.entity_names.len() as u32;
        let id = *self.entity_ids.entry((kind, name)).or_insert(next);
        if id == next {
            self.entity_names.push((kind, name));
        }
        id
    }

    /// Keeps one stated figure or date of article `article`.
    pub fn add(&mut self, article: u32, s: Stated) {
        let topic = s.topic;
        let mut symbol = |t: Option<String>| t.map(|t| self.symbols.id(&t));
        let class = symbol(topic.class);
        let period = symbol(topic.period);
        let rate = symbol(topic.rate);
        let value = self.symbols.id(&s.value);
        let symbols = &mut self.symbols;
        let words = Run::push(
            &mut self.words,
            topic
                .words
                .iter()
                .map(|(w, weight)| symbols.id(w) * 2 + u32::from(*weight > 1.0)),
        );
        let ids: Vec<u32> = topic
            .entities
            .iter()
            .map(|(k, n)| self.entity(*k, n))
            .collect();
        let entities = Run::push(&mut self.entities, ids);
        grow(&mut self.stubs);
        self.stubs.push(Stub {
            article,
            kind: s.kind,
            projected: topic.projected,
            unit: topic.unit,
            currency: MaybeSymbol::of(topic.currency.map(|c| self.symbols.id(c))),
            granularity: MaybeSymbol::of(topic.granularity.map(|g| self.symbols.id(g))),
            span: At::of(s.span),
            sentence: At::of(s.sentence),
            interval: s.interval,
            value,
            class: MaybeSymbol::of(class),
            period: MaybeSymbol::of(period),
            rate: MaybeSymbol::of(rate),
            words,
            entities,
        });
    }

    /// Keeps the roles (a symbol) article `article` gives one person,
    /// named by `person` (the same name in every article), first mentioned
    /// at `span` in `sentence`.
    pub fn add_role(&mut self, article: u32, person: &str, roles: u32, span: Span, sentence: Span) {
        let class = Some(self.symbols.id("role"));
        let value = roles;
        let id = self.entity(EntityKind::Person, person);
        let entities = Run::push(&mut self.entities, [id]);
        grow(&mut self.stubs);
        self.stubs.push(Stub {
            article,
            kind: Kind::Role,
            projected: false,
            unit: None,
            currency: MaybeSymbol::of(None),
            granularity: MaybeSymbol::of(None),
            span: At::of(span),
            sentence: At::of(sentence),
            interval: None,
            value,
            class: MaybeSymbol::of(class),
            period: MaybeSymbol::of(None),
            rate: MaybeSymbol::of(None),
            words: Run::default(),
            entities,
        });
    }

    pub fn name(&self, id: u32) -> &str {
        self.symbols.name(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::topic::Topic;

    #[test]
    fn a_stated_figure_keeps_its_topic_as_symbols() {
        let mut store = Store::default();
        let stated = |value: &str| Stated {
            kind: Kind::Figure,
            span: Span::new(10, 15),
            sentence: Span::new(0, 40),
            value: value.into(),
            interval: None,
            topic: Topic {
                class: Some("people".into()),
                unit: Some(Unit::Count),
                currency: None,
                period: Some("2023-12".into()),
                rate: None,
                projected: false,
                granularity: None,
                words: vec![("border".into(), 1.0), ("caravan".into(), 2.0)],
                entities: vec![(EntityKind::Person, "Joe Biden".into())],
            },
        };
        store.add(0, stated("6000"));
        store.add(1, stated(">15000"));
        let [a, b] = &store.stubs[..] else {
            panic!("two stubs")
        };
        assert_eq!(store.name(a.value), "6000");
        assert_eq!(store.name(b.value), ">15000");
        assert_eq!(a.class, b.class);
        assert_eq!(store.name(a.period.get().unwrap()), "2023-12");
        assert_eq!(a.rate.get(), None);
        assert_eq!(std::mem::size_of::<Stub>(), 88);
        let words: Vec<(&str, f32)> = b
            .words
            .of(&store.words)
            .iter()
            .map(|&c| (store.name(c / 2), word_weight(c)))
            .collect();
        assert_eq!(words, [("border", 1.0), ("caravan", 2.0)]);
        // the entity is kept once and shared
        assert_eq!(
            a.entities.of(&store.entities),
            b.entities.of(&store.entities)
        );
        assert_eq!(store.entity_names.len(), 1);
    }
}
