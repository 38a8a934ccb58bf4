//! Joins candidate mentions into entities: one per person or organisation
//! per article, named by the fullest form the article gives.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::{Span, is_alphanumeric};
use crate::extract::{Entities, Entity, EntityMention};

use super::lex;
use super::tokens::Tok;
use super::{Cand, Kind, words_of};

#[derive(Debug)]
struct Ent {
    person: bool,
    words: Vec<String>,
    /// [`org_key`] of `words`, kept with them: every candidate compares it.
    key: Vec<String>,
    /// The mention whose text names the entity.
    name_span: Span,
    mentions: Vec<EntityMention>,
    roles: Vec<String>,
}

impl Ent {
    fn new(person: bool, c: &Cand) -> Self {
        let mut e = Ent {
            person,
            words: c.words.clone(),
            key: org_key(&c.words),
            name_span: c.span,
            mentions: vec![EntityMention {
                span: c.span,
                rule: c.rule,
            }],
            roles: Vec::new(),
        };
        e.add_role(c.role.as_deref());
        e
    }

    /// Names the entity by `c`, a fuller form of it.
    fn rename(&mut self, c: &Cand) {
        self.words = c.words.clone();
        self.key = org_key(&c.words);
        self.name_span = c.span;
    }

    fn add(&mut self, span: Span, rule: &'static str) {
        self.mentions.push(EntityMention { span, rule });
    }

    fn add_role(&mut self, role: Option<&str>) {
        if let Some(r) = role {
            let r = r.trim();
            if !r.is_empty() && !self.roles.iter().any(|x| x == r) {
                self.roles.push(r.to_string());
            }
        }
    }
}

fn is_suffix(short: &[String], long: &[String]) -> bool {
    short.len() <= long.len() && !short.is_empty() && long[long.len() - short.len()..] == *short
}

/// The organisation's words made comparable: no "the", no country prefix,
/// "State Department" as "department of state", a domain as its stem.
fn org_key(words: &[String]) -> Vec<String> {
    let mut w: Vec<String> = words.to_vec();
    if w.first().is_some_and(|f| f == "the") {
        w.remove(0);
    }
    if w.len() > 1 && lex::is_org_country(w.first().map(String::as_str)) {
        w.remove(0);
    }
    if w.len() > 2 && w[0] == "united" && w[1] == "states" {
        w.drain(..2);
    }
    if w.len() == 2 && matches!(w[1].as_str(), "department" | "ministry") {
        w = vec![w[1].clone(), "of".to_string(), w[0].clone()];
    }
    if w.len() == 1 {
        if let Some((stem, _)) = w[0].split_once('.') {
            w[0] = stem.to_string();
        }
    }
    w
}

/// Same organisation: equal keys, or one key the other plus head words
/// ("Harvard CAPS-Harris" and "Harvard CAPS-Harris Poll").
fn same_org(a: &[String], b: &[String]) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && long[..short.len()] == *short
        && long[short.len()..]
            .iter()
            .all(|w| lex::ORG_HEADS.contains(w) || lex::ORG_LOWER_HEADS.contains(w))
}

/// Initials of a name's capitalised words ("Customs and Border Protection"
/// gives "cbp"), plain and camel-case, where camel-case words give one
/// letter a part ("BizPac" gives "bp").
fn initials(name: &str) -> (String, String) {
    let (mut plain, mut camel) = (String::new(), String::new());
    for w in name.split(|c: char| c.is_whitespace() || c == '-') {
        let mut chars = w.chars().filter(|&c| is_alphanumeric(c));
        let Some(first) = chars.next() else { continue };
        if !first.is_uppercase() {
            continue;
        }
        plain.extend(first.to_lowercase());
        camel.extend(first.to_lowercase());
        let mut prev_lower = false;
        for c in chars {
            if c.is_uppercase() && prev_lower {
                camel.extend(c.to_lowercase());
            }
            prev_lower = c.is_lowercase();
        }
    }
    // lower-case already: only letters beyond ASCII have accents to fold
    let folded = |s: String| if s.is_ascii() { s } else { lex::key(&s) };
    (folded(plain), folded(camel))
}

/// Edit distance at most one, counting a swap of neighbours as one.
fn near(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return near_in(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    near_in(&a, &b)
}

fn near_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.len() < 3 || a == b {
        return false;
    }
    if a.len() == b.len() {
        // the first two places they differ at, and whether there are more
        let mut diff = [0usize; 2];
        let mut n = 0;
        for i in (0..a.len()).filter(|&i| a[i] != b[i]) {
            if n == 2 {
                return false;
            }
            diff[n] = i;
            n += 1;
        }
        return n == 1
            || (n == 2
                && diff[1] == diff[0] + 1
                && a[diff[0]] == b[diff[1]]
                && a[diff[1]] == b[diff[0]]);
    }
    let (s, l) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if l.len() - s.len() != 1 {
        return false;
    }
    let mut i = 0;
    while i < s.len() && s[i] == l[i] {
        i += 1;
    }
    s[i..] == l[i + 1..]
}

/// A capitalised word no rule may have taken, on a headline or in capitals:
/// it counts only as a mention of a name found elsewhere.
pub struct Loose<'a> {
    span: Span,
    key: Cow<'a, str>,
    all_caps: bool,
}

impl<'a> Loose<'a> {
    /// The word, if it is one [`resolve`] gives a second look.
    pub fn of(t: &Tok<'a>) -> Option<Self> {
        let headline_or_caps = t.title_line || t.all_caps;
        if !t.cap || t.skip || t.contraction || !headline_or_caps {
            return None;
        }
        // "CEO", "GDP": capitals that name no organisation
        if t.all_caps && t.is(&lex::NON_ORG_ACRONYMS) {
            return None;
        }
        Some(Loose {
            span: t.span,
            key: t.key.clone(),
            all_caps: t.all_caps,
        })
    }
}

pub fn resolve(text: &str, loose: &[Loose], mut cands: Vec<Cand>) -> Entities {
    cands.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.len().cmp(&a.span.len()))
    });
    let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if let Some(prev) = kept.last() {
            if prev.span.overlaps(c.span) {
                continue;
            }
        }
        kept.push(c);
    }

    let mut ents: Vec<Ent> = Vec::new();
    let mut covered: Vec<Span> = Vec::new();
    let mut pending: Vec<&Cand> = Vec::new();

    // One word taken as an organisation only from its context ("Smith's
    // workers") is still a person's surname when the article names that
    // person in full: it then waits to join them as an alias.
    let person_words: FxHashSet<&str> = kept
        .iter()
        .filter(|c| c.kind == Kind::Person && c.words.len() > 1)
        .flat_map(|c| c.words.iter().map(String::as_str))
        .collect();
    let context_only = |c: &Cand| {
        c.words.len() == 1
            && matches!(
                c.rule,
                "org-apposition" | "org-and-other" | "org-shares" | "org-possessive"
            )
    };

    // People and organisations with a rule of their own.
    for c in &kept {
        if c.kind == Kind::Org && context_only(c) && person_words.contains(c.words[0].as_str()) {
            pending.push(c);
            continue;
        }
        match c.kind {
            // One word before "said" waits too: it may be an organisation
            // ("Brightwell said") named elsewhere.
            Kind::Person if c.words.len() > 1 => {
                let hit = ents.iter().position(|e| {
                    e.person
                        && (is_suffix(&c.words, &e.words)
                            || is_suffix(&e.words, &c.words)
                            || (c.words.len() == 1 && e.words[1..].contains(&c.words[0])))
                });
                match hit {
                    Some(i) => {
                        let e = &mut ents[i];
                        if c.words.len() > e.words.len() {
                            e.rename(c);
                        }
                        e.add(c.span, c.rule);
                        e.add_role(c.role.as_deref());
                    }
                    None => ents.push(Ent::new(true, c)),
                }
                covered.push(c.span);
            }
            Kind::Org => {
                let key = org_key(&c.words);
                let hit = ents
                    .iter()
                    .position(|e| !e.person && same_org(&e.key, &key));
                match hit {
                    Some(i) => {
                        let e = &mut ents[i];
                        let longer = c.words.len() > e.words.len()
                            || (c.words.len() == e.words.len() && c.span.len() > e.name_span.len());
                        if longer {
                            e.rename(c);
                        }
                        e.add(c.span, c.rule);
                    }
                    None => ents.push(Ent::new(false, c)),
                }
                covered.push(c.span);
            }
            _ => pending.push(c),
        }
    }

    // Single words said to speak found their person before mere
    // capitalised words look for one.
    pending.sort_by_key(|c| c.kind != Kind::Person);

    // Acronyms: given in parentheses after a name, or the initials of one.
    let mut acronyms: FxHashMap<String, usize> = FxHashMap::default();
    for c in &pending {
        if c.kind != Kind::Acronym {
            continue;
        }
        let before = text[..c.span.start].trim_end();
        let closes = text[c.span.end..].starts_with(')');
        if let (Some(open), true) = (before.strip_suffix('('), closes) {
            let end = open.trim_end().len();
            if let Some(i) = ents
                .iter()
                .position(|e| e.mentions.iter().any(|m| m.span.end == end))
            {
                acronyms.insert(c.words.concat(), i);
            }
        }
    }
    for (i, e) in ents.iter().enumerate() {
        let name = &text[e.name_span.start..e.name_span.end];
        let minimum = if e.person { 3 } else { 2 };
        if e.words.len() < 2 {
            continue;
        }
        let (plain, camel) = initials(name);
        let mut forms = vec![plain, camel];
        if !e.person {
            let mut w = name.split_whitespace();
            if lex::is_org_country(w.next().map(lex::key).as_deref()) {
                let rest: Vec<&str> = w.collect();
                let (plain, camel) = initials(&rest.join(" "));
                forms.extend([plain, camel]);
            }
        }
        for f in forms {
            if f.chars().count() >= minimum {
                acronyms.entry(f).or_insert(i);
            }
        }
    }
    let lookup_acronym = |k: &str, acronyms: &FxHashMap<String, usize>| -> Option<usize> {
        acronyms.get(k).copied().or_else(|| {
            let mut near_hits: Vec<usize> = acronyms
                .iter()
                .filter(|(a, _)| near(k, a))
                .map(|(_, &i)| i)
                .collect();
            near_hits.sort_unstable();
            near_hits.dedup();
            (near_hits.len() == 1).then(|| near_hits[0])
        })
    };

    for c in &pending {
        let k = c.words.concat();
        match c.kind {
            Kind::Acronym => {
                if let Some(i) = lookup_acronym(&k, &acronyms) {
                    ents[i].add(c.span, "acronym");
                } else if c.rule == "title-person" || c.rule == "admin-head" {
                    let mut e = Ent::new(true, c);
                    e.add_role(c.role.as_deref());
                    acronyms.insert(k, ents.len());
                    ents.push(e);
                } else {
                    acronyms.insert(k, ents.len());
                    ents.push(Ent::new(false, c));
                }
                covered.push(c.span);
            }
            _ => {
                if let Some((i, rule)) = alias_of(&ents, &k) {
                    ents[i].add(c.span, rule);
                    covered.push(c.span);
                } else if c.kind == Kind::Person {
                    ents.push(Ent::new(true, c));
                    covered.push(c.span);
                }
            }
        }
    }

    // Headlines and other words no rule took: only known names count.
    covered.sort_unstable();
    let is_covered = |span: Span| {
        // Covered spans never overlap each other, so the one that could
        // hold `span` is the last starting before its end.
        let i = covered.partition_point(|s| s.start < span.end);
        i > 0 && covered[i - 1].overlaps(span)
    };
    for t in loose {
        if is_covered(t.span) {
            continue;
        }
        let k = if t.key.contains('.') {
            Cow::Owned(t.key.replace('.', ""))
        } else {
            Cow::Borrowed(&*t.key)
        };
        let hit = if t.all_caps {
            lookup_acronym(&k, &acronyms).map(|i| (i, "acronym"))
        } else {
            alias_of(&ents, &t.key)
        };
        if let Some((i, rule)) = hit {
            ents[i].add(t.span, rule);
        }
    }

    finish(text, ents)
}

/// The entity a single word names: a person's surname (or any later part of
/// the name), or an organisation's one-word name, domain stem, or name less
/// its head words.
fn alias_of(ents: &[Ent], k: &str) -> Option<(usize, &'static str)> {
    let k = k.trim_end_matches('.');
    if k.chars().count() < 2 || lex::is_placeish(k) {
        return None;
    }
    let person = ents.iter().position(|e| {
        e.person && (e.words.len() == 1 && e.words[0] == k || e.words[1..].iter().any(|w| w == k))
    });
    if let Some(i) = person {
        return Some((i, "surname-alias"));
    }
    // "Brightwell" for "Brightwell Solar": the name less its head words.
    let k = [k.to_string()];
    ents.iter()
        .position(|e| !e.person && same_org(&e.key, &k))
        .map(|i| (i, "org-alias"))
}

fn finish(text: &str, ents: Vec<Ent>) -> Entities {
    let mut out = Entities::default();
    // "López Obrador, Homeland Security Secretary Alejandro Mayorkas and …"
    // lists people: a phrase holding another person's name is no apposition
    let person_spans: Vec<Span> = ents
        .iter()
        .filter(|e| e.person)
        .flat_map(|e| e.mentions.iter().map(|m| m.span))
        .collect();
    let mut list: Vec<(bool, Entity)> = ents
        .into_iter()
        .map(|mut e| {
            e.mentions.sort();
            e.mentions.dedup_by_key(|m| m.span);
            merge_adjacent(text, &mut e.mentions);
            if e.person {
                let roles: Vec<String> = e
                    .mentions
                    .iter()
                    .filter_map(|m| apposition(text, m.span))
                    .filter(|role| !person_spans.iter().any(|p| role.overlaps(*p)))
                    .map(|role| text[role.start..role.end].to_string())
                    .collect();
                for role in roles {
                    e.add_role(Some(&role));
                }
            }
            let name = text[e.name_span.start..e.name_span.end].to_string();
            (
                e.person,
                Entity {
                    name,
                    mentions: e.mentions,
                    roles: e.roles,
                },
            )
        })
        .collect();
    list.sort_by_key(|(_, e)| e.mentions.first().map(|m| m.span));
    for (person, e) in list {
        if person {
            out.people.push(e);
        } else {
            out.organisations.push(e);
        }
    }
    out
}

/// Two mentions separated by one space become one ("López" "Obrador").
fn merge_adjacent(text: &str, mentions: &mut Vec<EntityMention>) {
    let mut merged: Vec<EntityMention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        if let Some(last) = merged.last_mut() {
            if m.span.start > last.span.end && text[last.span.end..m.span.start] == *" " {
                last.span.end = m.span.end;
                continue;
            }
        }
        merged.push(m);
    }
    *mentions = merged;
}

/// "Mark Penn, chairman of the Harvard CAPS-Harris poll," gives the role
/// "chairman of the Harvard CAPS-Harris poll" (its span).
fn apposition(text: &str, span: Span) -> Option<Span> {
    let rest = text[span.end..].strip_prefix(", ")?;
    let end = rest
        .find([',', '.', ';', '\n', '(', '"', '\u{201c}', '\u{201d}'])
        .unwrap_or(rest.len())
        .min(120);
    let end = crate::extract::text::floor_char_boundary(rest, end);
    let phrase = rest[..end].trim();
    let phrase = phrase.split(" and ").next().unwrap_or(phrase);
    let phrase = phrase.split(" said").next().unwrap_or(phrase).trim();
    let phrase = phrase
        .strip_prefix("the ")
        .or_else(|| phrase.strip_prefix("a "))
        .unwrap_or(phrase);
    let words = words_of(phrase);
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    let has_title = words.iter().take(6).any(|w| lex::TITLES.contains(w));
    // `phrase` is a slice of `text`: its offset is where it starts
    let start = phrase.as_ptr() as usize - text.as_ptr() as usize;
    has_title.then_some(Span::new(start, start + phrase.len()))
}
