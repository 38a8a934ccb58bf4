//! People and organisations: a rule system over capitalised sequences,
//! titles, cue words, organisation head words and lexicons.
//!
//! One pass over the body's words builds runs of capitalised words (joined by
//! "of", "and", "de", ...). Each run is cut at titles and at "and", stripped
//! of sentence-initial common words, and each piece is judged by the first
//! rule that fits: title-person, admin-head, org-head, institution, place
//! (dropped), org context (a descriptor before it, an apposition, "and
//! other carmakers", "shares in", a possessive before "plants" or "board"),
//! acronym, first-name, name-shape, cue-verb. Lines with
//! a post attribution, photo credit or byline are read by [`lines`]. Then
//! [`resolve`] joins the mentions of one entity (surnames, possessives,
//! accents, acronyms and their misspellings) and names it by its fullest form.

mod lex;
mod lines;
mod resolve;
mod tokens;

use crate::document::{Document, Span};
use crate::extract::posts::{self, Attribution};
use crate::extract::{Entities, lexicon};

use lex::key;
use tokens::Tok;

/// Longest run of capitalised words considered as one name.
const MAX_RUN: usize = 16;

/// Words that end the noun phrase of an apposition: its head is the word
/// before ("a maker based in Ohio", "the group that owns").
const APPOSITION_STOPS: &[&str] = &[
    "based", "that", "which", "who", "whose", "with", "to", "is", "was", "has", "had", "will",
    "would", "said", "says", "in", "at", "from", "since", "whom",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Person,
    Org,
    /// All capitals; a person or organisation once resolved.
    Acronym,
    /// One capitalised word with no rule of its own: kept only when it
    /// names an entity found elsewhere.
    Single,
}

/// A candidate mention before resolution.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub span: Span,
    /// Folded words of the name, hyphens split.
    pub words: Vec<String>,
    pub kind: Kind,
    pub rule: &'static str,
    pub role: Option<String>,
}

pub fn extract(doc: &Document) -> Entities {
    extract_with_attributions(doc, &posts::attributions(&doc.text, doc.body))
}

/// As [`extract`], given the post attribution lines of the body (as
/// [`posts::attributions`] finds them): their display names are ours.
pub fn extract_with_attributions(doc: &Document, attributions: &[Attribution]) -> Entities {
    let text = doc.text.as_str();
    let body = doc.body;
    if body.is_empty() || body.end > text.len() {
        return Entities::default();
    }
    let lower = tokens::lowered(text, body);
    let mut cands = Vec::new();
    let (line_names, consumed_spans) = lines::find(text, body, attributions);
    for n in line_names {
        cands.push(Cand {
            span: n.span,
            words: words_of(&text[n.span.start..n.span.end]),
            kind: if n.person { Kind::Person } else { Kind::Org },
            rule: n.rule,
            role: None,
        });
    }

    // The body a stretch of lines at a time: the words of one stretch are
    // all the rules look at together (no name runs past a line break), so
    // memory stays that of a stretch however long the article.
    // English runs five or six bytes a word: one allocation for most bodies
    let mut toks = Vec::with_capacity(body.len().min(2 * SEGMENT) / 5 + 1);
    let mut consumed = Vec::new();
    let mut lines_read = LinesRead::new(consumed_spans);
    let mut loose = Vec::new();
    for seg in segments(text, body) {
        tokens::tokenize_into(text, &lower, body, seg, &mut toks);
        lines_read.mark(seg, &toks, &mut consumed);
        scan_names(text, &toks, &consumed, &mut cands);
        loose.extend(toks.iter().filter_map(resolve::Loose::of));
    }
    resolve::resolve(text, &loose, cands)
}

/// The spans [`lines::find`] read (attributions, credits, bylines), whose
/// words no other rule takes, met stretch by stretch.
struct LinesRead {
    /// Sorted by start.
    spans: Vec<Span>,
    /// The first span not yet met.
    next: usize,
    /// Spans met that may reach into the current stretch.
    open: Vec<Span>,
}

impl LinesRead {
    fn new(mut spans: Vec<Span>) -> Self {
        spans.sort_unstable();
        LinesRead {
            spans,
            next: 0,
            open: Vec::new(),
        }
    }

    /// Sets `consumed[i]` for each word `toks[i]` of stretch `seg` that lies
    /// in a span read.
    fn mark(&mut self, seg: Span, toks: &[Tok], consumed: &mut Vec<bool>) {
        while let Some(&s) = self.spans.get(self.next).filter(|s| s.start < seg.end) {
            self.open.push(s);
            self.next += 1;
        }
        self.open.retain(|s| s.end > seg.start);
        consumed.clear();
        consumed.resize(toks.len(), false);
        for span in &self.open {
            let from = toks.partition_point(|t| t.span.start < span.start);
            for (i, t) in toks.iter().enumerate().skip(from) {
                if t.span.start >= span.end {
                    break;
                }
                consumed[i] |= span.contains(t.span);
            }
        }
    }
}

/// Longest stretch of the body tokenized at once, in bytes: lines are
/// taken whole up to it, and a line longer than this alone is cut at a
/// space (or, failing one, between a word and a symbol).
const SEGMENT: usize = 1 << 16;

/// The body cut into stretches of about [`SEGMENT`] bytes, each ending
/// after a line break where one is near.
fn segments(text: &str, body: Span) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = body.start;
    std::iter::from_fn(move || {
        if start >= body.end {
            return None;
        }
        let from = start + SEGMENT;
        let end = if from >= body.end {
            body.end
        } else {
            let window = &bytes[from..body.end.min(from + SEGMENT)];
            let at = |pred: fn(&u8) -> bool| window.iter().position(pred).map(|i| from + i);
            at(|&b| b == b'\n')
                .or_else(|| at(|&b| b == b' '))
                .map(|i| i + 1)
                // "@a@a@a…": before an ASCII symbol, never inside a word
                .or_else(|| at(|&b| b.is_ascii() && !b.is_ascii_alphanumeric()))
                .unwrap_or_else(|| {
                    (from..body.end)
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(body.end)
                })
        };
        let seg = Span::new(start, end);
        start = end;
        Some(seg)
    })
}

/// Runs of capitalised words among `toks` (less the `consumed` ones), each
/// judged by [`Scanner::run`].
fn scan_names(text: &str, toks: &[Tok], consumed: &[bool], cands: &mut Vec<Cand>) {
    let scan = Scanner { text, toks };
    let mut i = 0;
    while i < toks.len() {
        if consumed[i] || toks[i].title_line || !toks[i].nameable() {
            i += 1;
            continue;
        }
        let mut run = vec![i];
        let mut j = i + 1;
        while j < toks.len() && run.len() < MAX_RUN {
            let t = &toks[j];
            if consumed[j] || t.title_line {
                break;
            }
            if scan.possessive_head(j) {
                run.push(j);
                j += 1;
                continue;
            }
            if !t.joined {
                break;
            }
            if t.nameable() {
                if toks[j - 1].poss {
                    break;
                }
                run.push(j);
                j += 1;
                continue;
            }
            if !t.cap && t.connector() {
                let mut k = j;
                while k < toks.len()
                    && k < j + 2
                    && !toks[k].cap
                    && toks[k].connector()
                    && toks[k].joined
                {
                    k += 1;
                }
                // "on" and "for" join only after a head word and before a
                // name: "Council on Foreign Relations", not "Times on Monday".
                let narrow = toks[j..k].iter().any(|c| matches!(c.word(), "on" | "for"));
                let narrow_ok = !narrow
                    || (toks[j - 1].is(&lex::ORG_HEADS)
                        && toks.get(k).is_some_and(|c| !c.placeish()))
                    // "MP for Burnley Jane Doe": a title's complement.
                    || (toks[j - 1].cap && toks[j - 1].is(&lex::TITLES));
                if narrow_ok
                    && k < toks.len()
                    && toks[k].joined
                    && toks[k].nameable()
                    && !consumed[k]
                    && !toks[k].title_line
                    && !toks[j - 1].poss
                {
                    run.extend(j..=k);
                    j = k + 1;
                    continue;
                }
            }
            break;
        }
        scan.run(&run, cands);
        i = j;
    }
}

/// Folded words of a name: "Sherwood-Randall" gives "sherwood", "randall".
pub(crate) fn words_of(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| key(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')))
        .filter(|w| !w.is_empty())
        .collect()
}

struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Tok<'a>],
}

impl Scanner<'_> {
    fn key(&self, i: usize) -> &str {
        &self.toks[i].key
    }

    fn is_org_head(&self, i: usize) -> bool {
        self.toks[i].cap && self.toks[i].is(&lex::ORG_HEADS)
    }

    fn has_org_head(&self, piece: &[usize]) -> bool {
        piece.iter().any(|&i| self.is_org_head(i))
    }

    fn is_title(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.cap && t.is(&lex::TITLES) && !t.poss
    }

    /// "Sheriff's Office", "Manufacturers' Association": a possessive common
    /// or title word followed by an organisation head word stays in the name
    /// ("Smith's Office" does not: a name's possessive ends it).
    fn possessive_head(&self, j: usize) -> bool {
        let Some(prev) = j.checked_sub(1).map(|p| &self.toks[p]) else {
            return false;
        };
        let owner_generic = prev.common() || prev.is(&lex::TITLES) || prev.is(&lex::ORG_HEADS);
        prev.poss && prev.cap && owner_generic && self.is_org_head(j) && self.after_possessive(j)
    }

    /// Only the possessive ending and spaces lie between word `j` and the one
    /// before it.
    fn after_possessive(&self, j: usize) -> bool {
        j > 0
            && self.text[self.toks[j - 1].span.end..self.toks[j].span.start]
                .chars()
                .all(|c| {
                    matches!(
                        c,
                        '\'' | '\u{2019}' | 's' | 'S' | '3' | '9' | ' ' | '\u{a0}'
                    )
                })
    }

    /// One run of capitalised words.
    fn run(&self, run: &[usize], out: &mut Vec<Cand>) {
        let run = self.strip_start(run);
        if run.is_empty() {
            return;
        }
        for piece in self.split_and(run) {
            self.piece(piece, out);
        }
    }

    /// Drops a sentence-initial word that is not part of the name.
    fn strip_start<'r>(&self, run: &'r [usize]) -> &'r [usize] {
        let Some(&first) = run.first() else {
            return run;
        };
        let t = &self.toks[first];
        if !t.sent_start {
            return trim_connectors(self.toks, run);
        }
        let k = t.word();
        let rest = &run[1..];
        let next = rest.first().map(|&n| self.key(n));
        // A common word stays when it starts a name: a first name before a
        // surname ("Mark Penn"), a two-word place or holiday ("New York"),
        // an organisation with a head word ("Border Patrol agents said"),
        // unless a country prefix follows ("New US Customs ...").
        let keeps_name = |n: &str| {
            if t.first_name() && !lex::is_connector(n) {
                return true;
            }
            let two = lexicon::flags(&format!("{k} {n}"));
            lex::PLACES.has(two)
                || lex::CALENDAR.has(two)
                || lex::INSTITUTIONS.has(two)
                || lex::DEMONYM_FORMS.has(two)
        };
        // "Customers of Duke Energy": a common word before "of" is not the
        // name's first word unless it is the head ("Bank of America").
        let before_connector = next.is_some_and(lex::is_connector) && !self.is_org_head(first);
        // "Finance Minister Ana Ruiz", "Managing Director": a common word
        // before a title is part of the role.
        let before_title = rest.first().is_some_and(|&n| self.is_title(n));
        // "Carmaker Brightwell said": the descriptor is a cue, not the name.
        let descriptor = !rest.is_empty() && self.is_name_descriptor(first);
        // "Health New Zealand said": a public domain before a country is a body
        let place_len = rest
            .iter()
            .take_while(|&&i| !self.toks[i].connector())
            .count();
        let domain_country =
            t.is(&lex::PUBLIC_DOMAINS) && place_len > 0 && self.is_place(&rest[..place_len]);
        let strip = !domain_country
            && (t.starter()
                || k == "i"
                || descriptor
                || (t.common()
                && !self.is_title(first)
                && !before_title
                // "Harmony, the retail union, said": a name after all.
                && !self.apposition_descriptor(run)
                && !next.is_some_and(keeps_name)
                && (!self.has_org_head(run) || lex::is_org_country(next) || before_connector)));
        let run = if strip { rest } else { run };
        trim_connectors(self.toks, run)
    }

    /// Cuts a run at "and" unless it joins the parts of one organisation's
    /// name ("Customs and Border Protection").
    fn split_and<'r>(&self, run: &'r [usize]) -> Vec<&'r [usize]> {
        let mut pieces = Vec::new();
        let mut start = 0;
        for (n, &i) in run.iter().enumerate() {
            if self.key(i) != "and" || self.toks[i].cap {
                continue;
            }
            let left = &run[start..n];
            let right = &run[n + 1..];
            let left_common = left
                .iter()
                .all(|&l| self.toks[l].connector() || self.toks[l].common() || self.is_org_head(l))
                && left.len() <= 4;
            let right = trim_connectors(self.toks, right);
            let right_starts_org = right.first().is_some_and(|&r| self.is_org_head(r));
            if left_common && self.has_org_head(right) && !right_starts_org {
                continue;
            }
            if self.joins_portfolio(left, right) || self.joins_titles(left, right) {
                continue;
            }
            pieces.push(trim_connectors(self.toks, left));
            start = n + 1;
        }
        pieces.push(trim_connectors(self.toks, &run[start..]));
        pieces.retain(|p| !p.is_empty());
        pieces
    }

    /// "Department for Business and Trade", "Ministry of Housing and Local
    /// Government": after "Head of/for", common words on both sides of "and"
    /// name one portfolio. Proper names do not ("Bank of America and Wells
    /// Fargo" are two).
    fn joins_portfolio(&self, left: &[usize], right: &[usize]) -> bool {
        let generic = |i: &usize| {
            let t = &self.toks[*i];
            t.cap && t.common() && !t.placeish() && !self.is_org_head(*i)
        };
        left.len() >= 3
            && left.len() <= 5
            && self.is_org_head(left[0])
            && matches!(self.key(left[1]), "of" | "for")
            && left[2..].iter().all(generic)
            && (1..=3).contains(&right.len())
            && right.iter().all(generic)
    }

    /// "President and CEO", "Chairman and Chief Executive": one role.
    fn joins_titles(&self, left: &[usize], right: &[usize]) -> bool {
        !left.is_empty()
            && left.iter().all(|&i| self.is_title_word(i))
            && right.first().is_some_and(|&r| self.is_title(r))
    }

    /// A title's head word or a word that continues one ("Executive" in
    /// "Chief Executive").
    fn is_title_word(&self, i: usize) -> bool {
        self.is_title(i) || (self.toks[i].cap && self.toks[i].is(&lex::TITLE_PARTS))
    }

    fn span(&self, piece: &[usize]) -> Span {
        Span::new(
            self.toks[piece[0]].span.start,
            self.toks[piece[piece.len() - 1]].span.end,
        )
    }

    fn cand(&self, piece: &[usize], kind: Kind, rule: &'static str) -> Cand {
        let span = self.span(piece);
        Cand {
            span,
            words: words_of(&self.text[span.start..span.end]),
            kind,
            rule,
            role: None,
        }
    }

    /// The lexicon flags of the piece's words joined by spaces.
    fn joined_flags(&self, piece: &[usize]) -> lexicon::Flags {
        match piece {
            [i] => self.toks[*i].flags(),
            _ => lexicon::flags(&self.joined_key(piece)),
        }
    }

    fn joined_key(&self, piece: &[usize]) -> String {
        piece
            .iter()
            .map(|&i| self.key(i))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The word after the piece when only spaces separate them.
    fn next_word(&self, piece: &[usize]) -> Option<&Tok<'_>> {
        let last = *piece.last()?;
        self.toks
            .get(last + 1)
            .filter(|t| t.joined && !self.toks[last].poss)
    }

    fn prev_word(&self, piece: &[usize]) -> Option<&Tok<'_>> {
        let first = *piece.first()?;
        if !self.toks[first].joined {
            return None;
        }
        first.checked_sub(1).map(|p| &self.toks[p])
    }

    /// All of it a place, nationality, weekday or holiday.
    fn is_place(&self, piece: &[usize]) -> bool {
        if lex::is_placeish_flags(self.joined_flags(piece)) {
            return true;
        }
        piece.iter().all(|&i| {
            let t = &self.toks[i];
            t.placeish()
                || t.connector()
                || lex::is_place_modifier(t.word())
                || (t.all_caps && t.is(&lex::STATE_CODES))
        }) && piece.iter().any(|&i| !lex::is_place_modifier(self.key(i)))
    }

    fn piece(&self, piece: &[usize], out: &mut Vec<Cand>) {
        // A capital "The" inside a sentence belongs to a name: "The Hill".
        let mut the_cue = false;
        let mut piece = piece;
        if self.key(piece[0]) == "the" {
            the_cue = self.toks[piece[0]].cap && !self.toks[piece[0]].sent_start;
            piece = trim_connectors(self.toks, &piece[1..]);
            if piece.is_empty() {
                return;
            }
        }
        if self.title_split(piece, out) {
            return;
        }
        if self.admin_head(piece, out) {
            return;
        }
        if piece.len() >= 2 && self.org_head_shape(piece) {
            let full = if the_cue {
                self.with_the(piece)
            } else {
                piece.to_vec()
            };
            out.push(self.cand(&full, Kind::Org, "org-head"));
            return;
        }
        if self.is_institution(piece) {
            out.push(self.cand(piece, Kind::Org, "institution"));
            return;
        }
        // "Transport Canada", "Health New Zealand": a public domain and the
        // country whose body it is.
        if piece.len() >= 2
            && self.toks[piece[0]].is(&lex::PUBLIC_DOMAINS)
            && self.is_place(&piece[1..])
        {
            out.push(self.cand(piece, Kind::Org, "domain-country"));
            return;
        }
        if self.is_place(piece) || self.names_a_thing(piece) {
            return;
        }
        // "Sûreté du Québec": a name joined to a place by "of"/"du"/"de"
        // names a body, not a person.
        let n = piece.len();
        if n >= 3 && self.toks[piece[n - 2]].connector() && self.toks[piece[n - 1]].placeish() {
            out.push(self.cand(piece, Kind::Org, "of-place"));
            return;
        }
        if piece.len() == 1
            && lines::is_domain(&self.text[self.span(piece).start..self.span(piece).end])
        {
            out.push(self.cand(piece, Kind::Org, "domain"));
            return;
        }
        if self
            .next_word(piece)
            .is_some_and(|t| !t.cap && t.is(&lex::ORG_LOWER_HEADS))
        {
            out.push(self.cand(piece, Kind::Org, "org-lower-head"));
            return;
        }
        if let Some(rule) = self.org_context(piece) {
            out.push(self.cand(piece, Kind::Org, rule));
            return;
        }
        if the_cue && !piece.iter().any(|&i| self.toks[i].first_name()) {
            out.push(self.cand(&self.with_the(piece), Kind::Org, "the-name"));
            return;
        }
        if piece.len() == 1 {
            self.single(piece[0], out);
            return;
        }
        if self.is_first_name_shape(piece) || self.is_name_shape(piece) {
            let rule = if self.is_first_name_shape(piece) {
                "first-name"
            } else {
                "name-shape"
            };
            let mut cand = self.cand(piece, Kind::Person, rule);
            cand.role = self.lower_role(piece);
            out.push(cand);
        } else if self.cue_verb(piece)
            && !piece.iter().all(|&i| self.toks[i].common())
            // "American Red Cross said": a nationality does not start a
            // person's name.
            && !self.toks[piece[0]].demonym()
        {
            out.push(self.cand(piece, Kind::Person, "cue-verb"));
        } else {
            // Unclear: its words may still name an entity found elsewhere.
            for &i in piece {
                if !self.toks[i].connector() {
                    self.single(i, out);
                }
            }
        }
    }

    fn with_the(&self, piece: &[usize]) -> Vec<usize> {
        let mut v = vec![piece[0] - 1];
        v.extend_from_slice(piece);
        v
    }

    fn single(&self, i: usize, out: &mut Vec<Cand>) {
        let t = &self.toks[i];
        let k = t.word();
        if k.chars().count() < 2 || t.placeish() {
            return;
        }
        if t.is_acronym() {
            if !t.is(&lex::NON_ORG_ACRONYMS) && !t.is(&lex::STATE_CODES) && !self.is_dateline(i) {
                out.push(self.cand(&[i], Kind::Acronym, "acronym"));
            }
            return;
        }
        if t.sent_start && t.common() {
            // "Trump, who ..." may still be an alias; resolve decides.
            let next_ok = self.toks.get(i + 1).is_some_and(|n| {
                (n.joined && n.is(&lex::CUE_VERBS)) || !n.joined && self.comma_after(i)
            });
            if !(next_ok || t.poss) {
                return;
            }
        }
        let person_cue = !t.common() && self.cue_verb(&[i]);
        let kind = if person_cue {
            Kind::Person
        } else {
            Kind::Single
        };
        let rule = if person_cue {
            "cue-verb"
        } else {
            "surname-alias"
        };
        out.push(self.cand(&[i], kind, rule));
    }

    /// The words around the piece that make it an organisation's name, as
    /// the rule's name. Tried before the person rules: "Brightwell Solar, a
    /// panel maker" has a person's shape.
    fn org_context(&self, piece: &[usize]) -> Option<&'static str> {
        let descriptor_before = piece[0]
            .checked_sub(1)
            .is_some_and(|p| self.toks[piece[0]].joined && self.is_name_descriptor(p));
        if descriptor_before || self.at_cue(piece) {
            return Some("org-cue");
        }
        let first = &self.toks[piece[0]];
        // A place's name keeps its own rules, and so does a person's unless
        // an apposition describes an organisation ("Harmony, the union").
        if first.placeish() {
            return None;
        }
        if self.apposition_descriptor(piece) {
            return Some("org-apposition");
        }
        if first.first_name() {
            return None;
        }
        // A capitalised common word mid-sentence is a name ("Unite"); at a
        // sentence start it may be any word ("Workers' pay").
        if self.toks[piece[0]].sent_start && piece.iter().all(|&i| self.toks[i].common()) {
            return None;
        }
        if self.and_other(piece) {
            Some("org-and-other")
        } else if self.shares_in(piece) {
            Some("org-shares")
        } else if self.owns_business(piece) {
            Some("org-possessive")
        } else {
            None
        }
    }

    /// A word describing the organisation named next: "the union
    /// Solidarnosc", or capitalised at a sentence start, "Carmaker
    /// Brightwell". A capitalised head word starts a name ("Union Pacific").
    fn is_name_descriptor(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.org_descriptor() && (!t.cap || (t.sent_start && !self.is_org_head(i)))
    }

    /// "Brightwell, a solar-panel maker,", "Solidarnosc, Poland's largest
    /// union,": an apposition whose head noun describes an organisation. Not
    /// before an attribution verb: in "…, the company said" the company is
    /// the speaker, not a description of the name before the comma.
    fn apposition_descriptor(&self, piece: &[usize]) -> bool {
        let last = piece[piece.len() - 1];
        if self.toks[last].poss {
            return false;
        }
        let Some(rest) = self.text[self.toks[last].span.end..].strip_prefix(", ") else {
            return false;
        };
        let end = rest
            .find([
                ',', '.', ';', ':', '(', ')', '\n', '"', '\u{201c}', '\u{201d}', '\u{2014}',
                '\u{2013}',
            ])
            .unwrap_or(rest.len());
        let mut head = None;
        for (n, w) in rest[..end].split_whitespace().enumerate() {
            // A capitalised head is a name ("Separately, the European
            // Central Bank"), not a description.
            if w.starts_with(char::is_uppercase) && !w.contains(['\'', '\u{2019}']) {
                head = None;
                continue;
            }
            let k = key(w);
            if n >= 6 || lex::CUE_VERBS.contains(&k) {
                return false;
            }
            // "the", "a", "its" open the phrase; later such words end it.
            if n == 0 && lex::is_starter(&k) {
                continue;
            }
            if lex::is_connector(&k)
                || lex::is_starter(&k)
                || APPOSITION_STOPS.contains(&k.as_str())
            {
                break;
            }
            head = Some(k);
        }
        // "car-parts maker": the head is the last part of a compound.
        head.is_some_and(|h| {
            let h = h.rsplit('-').next().unwrap_or(&h);
            lex::is_org_descriptor(h)
        })
    }

    /// "Brightwell and other suppliers".
    fn and_other(&self, piece: &[usize]) -> bool {
        let last = piece[piece.len() - 1];
        let next: Vec<&Tok> = self.toks[last + 1..].iter().take(3).collect();
        !self.toks[last].poss
            && next.len() == 3
            && next.iter().all(|t| t.joined && !t.cap)
            && next[0].key == "and"
            && next[1].key == "other"
            && next[2].org_descriptor()
    }

    /// "shares in Brightwell", "a stake in Brightwell".
    fn shares_in(&self, piece: &[usize]) -> bool {
        let first = piece[0];
        first >= 2
            && self.toks[first].joined
            && self.toks[first - 1].joined
            && matches!(self.toks[first - 1].word(), "in" | "of")
            && matches!(self.toks[first - 2].word(), "shares" | "stake" | "stakes")
    }

    /// "Brightwell's shares", "Brightwell's two Welsh plants": a possessive
    /// a few words before something only an organisation has. In a
    /// person's apposition ("Jane Doe, Brightwell's regional officer") a
    /// title there names the employer.
    fn owns_business(&self, piece: &[usize]) -> bool {
        let last = piece[piece.len() - 1];
        if !self.toks[last].poss || last + 1 >= self.toks.len() || !self.after_possessive(last + 1)
        {
            return false;
        }
        let in_apposition = piece[0] >= 1
            && self.toks[piece[0] - 1].cap
            && self.text[self.toks[piece[0] - 1].span.end..self.toks[piece[0]].span.start] == *", ";
        for (n, t) in self.toks[last + 1..].iter().take(4).enumerate() {
            if n > 0 && !t.joined {
                return false;
            }
            if !t.cap && (t.is(&lex::ORG_POSSESSIONS) || in_apposition && t.is(&lex::TITLES)) {
                return true;
            }
            if t.connector() || t.is(&lex::CUE_VERBS) {
                return false;
            }
        }
        false
    }

    /// "ZAGREB —", "PORTLAND, Maine —": a place in capitals opening a line
    /// and followed by a comma or dash is the dateline, not an acronym.
    fn is_dateline(&self, i: usize) -> bool {
        let span = self.toks[i].span;
        let after = self.text[span.end..].trim_start_matches([' ', '\u{a0}']);
        if span.len() < 4 || !after.starts_with([',', '—', '–', '-']) {
            return false;
        }
        // Only the blanks before it, so a long line stays linear.
        let before = self.text[..span.start].trim_end_matches([' ', '\t', '\u{a0}']);
        before.is_empty() || before.ends_with('\n')
    }

    /// "analysts at Goldman Sachs".
    fn at_cue(&self, piece: &[usize]) -> bool {
        let first = piece[0];
        first >= 2
            && self.toks[first].joined
            && self.toks[first - 1].key == "at"
            && self.toks[first - 1].joined
            && self.toks[first - 2].is(&lex::ORG_AT_CUES)
    }

    /// Lower-case title words right before a name: "national security
    /// adviser Liz Sherwood-Randall", "spokesman Dmitry Peskov".
    fn lower_role(&self, piece: &[usize]) -> Option<String> {
        let first = piece[0];
        if first == 0 || !self.toks[first].joined {
            return None;
        }
        let head = &self.toks[first - 1];
        if head.cap || !head.is(&lex::TITLES) {
            return None;
        }
        let mut a = first - 1;
        while a > 0
            && first - a < 4
            && self.toks[a].joined
            && !self.toks[a - 1].cap
            && !self.toks[a - 1].starter()
            && !self.toks[a - 1].connector()
        {
            a -= 1;
        }
        let span = Span::new(self.toks[a].span.start, head.span.end);
        Some(self.text[span.start..span.end].to_string())
    }

    fn comma_after(&self, i: usize) -> bool {
        self.text[self.toks[i].span.end..].starts_with(',')
    }

    /// "said Mark Penn", "Blinken said", "told Smith".
    fn cue_verb(&self, piece: &[usize]) -> bool {
        let after = self.next_word(piece).is_some_and(|t| t.is(&lex::CUE_VERBS));
        let before = self
            .prev_word(piece)
            .is_some_and(|t| matches!(t.word(), "said" | "says" | "according" | "asked" | "wrote"));
        after || before
    }

    /// Wholly a listed institution, perhaps after a country prefix or a
    /// nationality: "US Congress", "American Red Cross".
    fn is_institution(&self, piece: &[usize]) -> bool {
        let mut p = piece;
        if p.len() > 1 && (lex::is_org_country(Some(self.key(p[0]))) || self.toks[p[0]].demonym()) {
            p = &p[1..];
        }
        lex::INSTITUTIONS.has(self.joined_flags(p))
    }

    /// A head word last ("Border Patrol") or before "of" ("Department of
    /// State").
    /// "Storm Helena", "Brooklyn Bridge": a name of an event, law, place or
    /// thing, by its first or last word.
    fn names_a_thing(&self, piece: &[usize]) -> bool {
        piece.len() >= 2
            && [piece[0], piece[piece.len() - 1]]
                .iter()
                .any(|&i| self.toks[i].is(&lex::NON_PERSON_HEADS))
    }

    fn org_head_shape(&self, piece: &[usize]) -> bool {
        let last = piece[piece.len() - 1];
        if self.is_org_head(last) {
            return true;
        }
        piece
            .windows(2)
            .any(|w| self.is_org_head(w[0]) && matches!(self.key(w[1]), "of" | "for" | "on"))
    }

    fn is_first_name_shape(&self, piece: &[usize]) -> bool {
        let first = &self.toks[piece[0]];
        first.first_name()
            && !first.all_caps
            && !self.has_org_head(piece)
            && !self.toks[piece[piece.len() - 1]].placeish()
            && piece.len() <= 5
    }

    fn is_name_shape(&self, piece: &[usize]) -> bool {
        let words: Vec<usize> = piece
            .iter()
            .copied()
            .filter(|&i| !self.toks[i].connector())
            .collect();
        (2..=4).contains(&words.len())
            && words.iter().all(|&i| {
                let t = &self.toks[i];
                (!t.common() || t.is(&lex::SURNAMES) || t.first_name())
                    && !t.placeish()
                    && !t.is(&lex::TITLES)
                    && !t.is(&lex::ORG_HEADS)
                    && !t.all_caps
                    && t.word().chars().any(char::is_alphabetic)
            })
            && !words.iter().all(|&i| self.toks[i].common())
    }

    /// "[modifiers] Title [of/for Complement] Name": the name is a person, the
    /// rest a role. Returns false when the piece has no such shape.
    fn title_split(&self, piece: &[usize], out: &mut Vec<Cand>) -> bool {
        if self.post_nominal(piece, out) {
            return true;
        }
        let Some(h) = piece.iter().position(|&i| self.is_title(i)) else {
            return false;
        };
        let mut e = h + 1;
        while e < piece.len() {
            let and_title =
                self.key(piece[e]) == "and" && piece.get(e + 1).is_some_and(|&n| self.is_title(n));
            if !(self.is_title_word(piece[e]) || and_title) {
                break;
            }
            e += 1;
        }
        if e < piece.len() && matches!(self.key(piece[e]), "of" | "for") {
            let mut best = None;
            for len in 1..=5 {
                if e + 1 + len > piece.len() {
                    break;
                }
                if lex::TITLE_COMPLEMENTS.has(self.joined_flags(&piece[e + 1..e + 1 + len])) {
                    best = Some(len);
                }
            }
            e = match best {
                Some(len) => e + 1 + len,
                None => piece[e + 1..]
                    .iter()
                    .position(|&i| self.toks[i].first_name())
                    .map_or(piece.len(), |p| e + 1 + p),
            };
        }
        let name = trim_connectors(self.toks, &piece[e..]);
        let valid = !name.is_empty()
            && name.len() <= 5
            && !self.has_org_head(name)
            && !name.iter().all(|&i| {
                let t = &self.toks[i];
                t.common() || t.placeish() || matches!(t.word(), "jr." | "sr." | "jr" | "sr")
            });
        if !valid {
            if !name.is_empty() {
                return false;
            }
            // "White House Press Secretary": the institution still counts;
            // "President of the European Commission": so does the body.
            self.institutions_in(&piece[..h], out);
            self.acronyms_in(&piece[..h], out);
            let tail = &piece[(h + 1).min(piece.len())..];
            let tail = trim_connectors(self.toks, tail);
            let tail = match tail.first() {
                Some(&t) if self.key(t) == "the" => trim_connectors(self.toks, &tail[1..]),
                _ => tail,
            };
            if !tail.is_empty() && (self.org_head_shape(tail) || self.is_institution(tail)) {
                out.push(self.cand(tail, Kind::Org, "org-head"));
            }
            return true;
        }
        self.institutions_in(&piece[..h], out);
        self.acronyms_in(&piece[..h], out);
        let mut role_start = 0;
        while role_start < h && lex::is_org_country(Some(self.key(piece[role_start]))) {
            role_start += 1;
        }
        let role_span = self.span(&piece[role_start..e]);
        let mut cand = if name.len() == 1 && self.toks[name[0]].is_acronym() {
            self.cand(name, Kind::Acronym, "title-person")
        } else {
            self.cand(name, Kind::Person, "title-person")
        };
        cand.role = Some(self.text[role_span.start..role_span.end].to_string());
        out.push(cand);
        true
    }

    /// "Jane Doe MP": a name, then a title written after it.
    fn post_nominal(&self, piece: &[usize], out: &mut Vec<Cand>) -> bool {
        let Some((&last, name)) = piece.split_last() else {
            return false;
        };
        let fits = name.len() >= 2
            && self.toks[last].all_caps
            && lex::is_post_nominal(self.key(last))
            && (self.is_first_name_shape(name) || self.is_name_shape(name));
        if fits {
            let mut cand = self.cand(name, Kind::Person, "title-person");
            let role = self.toks[last].span;
            cand.role = Some(self.text[role.start..role.end].to_string());
            out.push(cand);
        }
        fits
    }

    /// Institutions named inside a title's modifiers: "White House".
    fn institutions_in(&self, mods: &[usize], out: &mut Vec<Cand>) {
        let mut a = 0;
        while a < mods.len() {
            let mut found = None;
            for b in (a + 1..=mods.len().min(a + 4)).rev() {
                if lex::INSTITUTIONS.has(self.joined_flags(&mods[a..b])) {
                    found = Some(b);
                    break;
                }
            }
            if let Some(b) = found {
                out.push(self.cand(&mods[a..b], Kind::Org, "institution"));
                a = b;
            } else {
                a += 1;
            }
        }
    }

    /// Acronyms among a title's modifiers: "FEMA Administrator".
    fn acronyms_in(&self, mods: &[usize], out: &mut Vec<Cand>) {
        for &i in mods {
            let t = &self.toks[i];
            if t.is_acronym()
                && !t.is(&lex::NON_ORG_ACRONYMS)
                && !t.is(&lex::STATE_CODES)
                && !t.placeish()
            {
                out.push(self.cand(&[i], Kind::Acronym, "acronym"));
            }
        }
    }

    /// "the Biden administration", "Trump Admin": the name is a person's.
    fn admin_head(&self, piece: &[usize], out: &mut Vec<Cand>) -> bool {
        let last = piece[piece.len() - 1];
        let name = if matches!(self.key(last), "administration" | "admin") && piece.len() >= 2 {
            &piece[..piece.len() - 1]
        } else if self
            .next_word(piece)
            .is_some_and(|t| !t.cap && matches!(t.word(), "administration" | "admin"))
            || (self.toks[last].poss
                && self
                    .toks
                    .get(last + 1)
                    .is_some_and(|t| !t.cap && matches!(t.word(), "administration" | "admin")))
        {
            piece
        } else {
            return false;
        };
        let name = trim_connectors(self.toks, name);
        if name.is_empty()
            || name.len() > 4
            || self.is_place(name)
            || self.has_org_head(name)
            || name.iter().all(|&i| self.toks[i].common())
        {
            return false;
        }
        let kind = if name.len() == 1 && self.toks[name[0]].is_acronym() {
            Kind::Acronym
        } else {
            Kind::Person
        };
        out.push(self.cand(name, kind, "admin-head"));
        true
    }
}

/// The piece less leading and trailing connectors ("of", "and", "the").
fn trim_connectors<'r>(toks: &[Tok], mut piece: &'r [usize]) -> &'r [usize] {
    while let Some(&f) = piece.first() {
        if !toks[f].cap && toks[f].connector() {
            piece = &piece[1..];
        } else {
            break;
        }
    }
    while let Some(&l) = piece.last() {
        if !toks[l].cap && toks[l].connector() {
            piece = &piece[..piece.len() - 1];
        } else {
            break;
        }
    }
    piece
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(text: &str) -> Vec<(usize, usize)> {
        segments(text, Span::new(0, text.len()))
            .map(|s| (s.start, s.end))
            .collect()
    }

    #[test]
    fn a_long_body_is_cut_after_line_breaks() {
        let line = "The Department of Transportation said repairs would cost more.\n";
        let text = line.repeat(2 * SEGMENT / line.len());
        let n = line.len();
        // the first break at or after SEGMENT bytes ends each stretch
        let first = SEGMENT.div_ceil(n) * n;
        assert_eq!(cuts(&text), vec![(0, first), (first, text.len())]);
        // a short body is one stretch
        assert_eq!(cuts(line), vec![(0, n)]);
    }

    #[test]
    fn a_line_longer_than_a_stretch_is_cut_at_a_space_or_before_a_symbol() {
        let text = "word ".repeat(SEGMENT / 5 * 3);
        let c = cuts(&text);
        assert_eq!(c[0], (0, SEGMENT + 5 - SEGMENT % 5));
        assert_eq!(c.last().map(|s| s.1), Some(text.len()));
        let handles = "@a".repeat(SEGMENT);
        assert_eq!(cuts(&handles)[0], (0, SEGMENT));
        // no symbol at all: a character boundary ("é" is two bytes)
        let accents = "é".repeat(SEGMENT);
        assert!(cuts(&accents).iter().all(|s| accents.is_char_boundary(s.0)));
        assert_eq!(cuts(&accents)[0], (0, SEGMENT));
    }

    #[test]
    fn names_on_both_sides_of_a_cut_are_found() {
        let line =
            "Mayor Dana Ortiz told the Riverton Port Authority that Ana Ruiz would lead it.\n";
        let text = line.repeat(SEGMENT / line.len() + 2);
        let (people, orgs) = run(&text);
        assert_eq!(people, ["Dana Ortiz", "Ana Ruiz"]);
        assert_eq!(orgs, ["Riverton Port Authority"]);
        let doc = Document::new("t.txt", text.clone());
        let e = extract(&doc);
        let lines = text.len() / line.len();
        assert_eq!(e.people[0].mentions.len(), lines);
        assert_eq!(e.organisations[0].mentions.len(), lines);
    }

    fn run(text: &str) -> (Vec<String>, Vec<String>) {
        let doc = Document::new("t.txt", text.to_string());
        let e = extract(&doc);
        (
            e.people.into_iter().map(|p| p.name).collect(),
            e.organisations.into_iter().map(|o| o.name).collect(),
        )
    }

    /// (text, people, organisations), each list in order of first mention.
    const CORPUS: &[(&str, &[&str], &[&str])] = &[
        (
            "OTTAWA — Transport Canada and the Sûreté du Québec are investigating.",
            &[],
            &["Transport Canada", "Sûreté du Québec"],
        ),
        (
            "Health New Zealand said MMR vaccination rates in NZ fell.",
            &[],
            &["Health New Zealand"],
        ),
        (
            "The Five Star Movement lost ground.",
            &[],
            &["Five Star Movement"],
        ),
        (
            "Storm Helena knocked out power on Tuesday, Central Maine Power said.",
            &[],
            &["Central Maine Power"],
        ),
        (
            "Hurricane Katrina flooded the city, and the Brooklyn Bridge was closed.",
            &[],
            &[],
        ),
        (
            "Customers of Duke Energy were told by spokeswoman Ana Ruiz to expect delays.",
            &["Ana Ruiz"],
            &["Duke Energy"],
        ),
        (
            "Secretary of State Antony Blinken will travel to Mexico City on Wednesday.",
            &["Antony Blinken"],
            &[],
        ),
        (
            "Meanwhile, Gov. Greg Abbott said the state would sue.",
            &["Greg Abbott"],
            &[],
        ),
        (
            "Treasury Secretary Janet Yellen spoke in New York on Monday.",
            &["Janet Yellen"],
            &[],
        ),
        (
            "\"We are ready,\" said Mark Penn, chairman of the Harvard CAPS-Harris poll.",
            &["Mark Penn"],
            &["Harvard CAPS-Harris"],
        ),
        (
            "A new Gallup poll, shared with The Hill, shows support falling.",
            &[],
            &["Gallup", "The Hill"],
        ),
        (
            "Officials told NBC News that talks would resume in January.",
            &[],
            &["NBC News"],
        ),
        (
            "The Federal Emergency Management Agency (FEMA) sent teams. FEMA said more would follow.",
            &[],
            &["Federal Emergency Management Agency"],
        ),
        (
            "According to the White House, Congress must act before the Senate leaves.",
            &[],
            &["White House", "Congress", "Senate"],
        ),
        (
            "Critics say the administration moved too slowly in Texas and Arizona.",
            &[],
            &[],
        ),
        (
            "Mexican officials met American negotiators in Mexico City in December.",
            &[],
            &[],
        ),
        (
            "Latin American and Caribbean countries asked the government for aid.",
            &[],
            &[],
        ),
        (
            "Analysts at Goldman Sachs expect two rate cuts, said Jan Hatzius.",
            &["Jan Hatzius"],
            &["Goldman Sachs"],
        ),
        (
            "German Chancellor Olaf Scholz and French President Emmanuel Macron welcomed the deal.",
            &["Olaf Scholz", "Emmanuel Macron"],
            &[],
        ),
        (
            "Likely sensing panic from the Democratic Party, the mayor called the Republican Party.",
            &[],
            &["Democratic Party", "Republican Party"],
        ),
        (
            "Only two Border Patrol agents were there, a US Customs and Border Protection report said.",
            &[],
            &["Border Patrol", "US Customs and Border Protection"],
        ),
        (
            "Days ago, the new website Muckraker published maps handed out by NGOs.",
            &[],
            &["Muckraker"],
        ),
        (
            "The package was first reported by the Financial Times on Christmas Eve.",
            &[],
            &["Financial Times"],
        ),
        (
            "Spokesman Dmitry Peskov told the state news agency TASS the measures were illegal.",
            &["Dmitry Peskov"],
            &["TASS"],
        ),
        (
            "Great news from the border. pic.twitter.com/abc123 \u{2014} Jane Doe (@janedoe) March 3, 2024",
            &["Jane Doe"],
            &[],
        ),
        (
            "Hello world \u{2014} Atlanta Conservative (@AtlantaConserv1) January 8, 2024",
            &[],
            &[],
        ),
        (
            "Gage Skidmore, CC BY-SA 2.0 , via Wikimedia Commons\n\nThe talks began.",
            &["Gage Skidmore"],
            &["Wikimedia Commons"],
        ),
        (
            "By Maria Lopez and James Carter\nThe storm hit on Tuesday.",
            &["Maria Lopez", "James Carter"],
            &[],
        ),
        (
            "Ursula von der Leyen, the President of the European Commission, spoke in Brussels.",
            &["Ursula von der Leyen"],
            &["European Commission"],
        ),
        (
            "Mark Kelly visited the Pentagon with Sen. Tammy Duckworth.",
            &["Mark Kelly", "Tammy Duckworth"],
            &["Pentagon"],
        ),
        (
            "He reported on it for the Washington Examiner and the Wall Street Journal.",
            &[],
            &["Washington Examiner", "Wall Street Journal"],
        ),
        (
            "The Biden administration and the Trump campaign traded barbs in Western Hemisphere talks.",
            &["Biden"],
            &[],
        ),
        (
            "On Monday, nothing happened in Tapachula, Mexico.",
            &[],
            &[],
        ),
        // Multi-word and post-nominal titles are roles, not parts of names.
        (
            "Chief Operating Officer Dana Whitfield said margins would recover.",
            &["Dana Whitfield"],
            &[],
        ),
        (
            "Chief Executive Tomas Lindgren told analysts the plan was on track.",
            &["Tomas Lindgren"],
            &[],
        ),
        (
            "Clydebank South MP Fiona Mackay said she would raise it in Parliament.",
            &["Fiona Mackay"],
            &["Parliament"],
        ),
        (
            "The vote was called by President and CEO Marta Kowalczyk on Friday.",
            &["Marta Kowalczyk"],
            &[],
        ),
        (
            "Later Fiona Mackay MP wrote to the minister.",
            &["Fiona Mackay"],
            &[],
        ),
        // One-word companies and unions found from their context.
        (
            "About 300 workers at Brightwell, a solar-panel maker, walked out.",
            &[],
            &["Brightwell"],
        ),
        (
            "Talks with the union Solidarnosc stalled, and Korvex, Poland's biggest chemicals \
             group, warned of losses.",
            &[],
            &["Solidarnosc", "Korvex"],
        ),
        (
            "The plant supplies Toyota and other carmakers with glass.",
            &[],
            &["Toyota"],
        ),
        (
            "Investors sold shares in Halvorsen after Quorvane's two Scottish plants closed.",
            &[],
            &["Halvorsen", "Quorvane"],
        ),
        (
            "Peter Olsen, Fjordline's regional officer, said members were angry.",
            &["Peter Olsen"],
            &["Fjordline"],
        ),
        (
            "Bergstrom Metall, the region's largest union, called a strike.",
            &[],
            &["Bergstrom Metall"],
        ),
        (
            "\"We will appeal,\" Ana Ruiz said. Later in Leeds, the company said it would.",
            &["Ana Ruiz"],
            &[],
        ),
        (
            "OSLO (Wire) \u{2014} Carmaker Halvorsen said it would cut 900 jobs. Harmony, the \
             retail union, said it would fight. Halvorsen said talks would go on.",
            &[],
            &["Halvorsen", "Harmony"],
        ),
        (
            "Separately, the European Central Bank said rates would hold.",
            &[],
            &["European Central Bank"],
        ),
        // A surname is not an organisation because of a possessive.
        (
            "Mayor Ellen Brodsky toured the site. Brodsky's workers were told to wait.",
            &["Ellen Brodsky"],
            &[],
        ),
        // Organisation names with "and", "for" or a possessive inside.
        (
            "He wrote to the Department for Culture and Sport and to the Ministry of \
             Housing and Local Government.",
            &[],
            &[
                "Department for Culture and Sport",
                "Ministry of Housing and Local Government",
            ],
        ),
        (
            "The Bank of Montreal and Halvorsen declined to comment.",
            &[],
            &["Bank of Montreal"],
        ),
        (
            "The Maricopa County Attorney's Office and the Tyneside Chamber of Commerce agreed.",
            &[],
            &[
                "Maricopa County Attorney's Office",
                "Tyneside Chamber of Commerce",
            ],
        ),
        // Identifiers and nationalities are not names.
        (
            "Since the COVID-19 slump, the British Red Cross said, H5N1 has spread.",
            &[],
            &["British Red Cross"],
        ),
    ];

    #[test]
    fn corpus() {
        let mut failures = Vec::new();
        for (text, people, orgs) in CORPUS {
            let (p, o) = run(text);
            if p != *people || o != *orgs {
                failures.push(format!("{text:?}: people {p:?}, organisations {o:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn surname_and_possessive_join_the_full_name() {
        let t =
            "President Joe Biden spoke. Biden's plan, Biden’s team and Biden39s envoy followed.";
        let doc = Document::new("t.txt", t.to_string());
        let e = extract(&doc);
        assert_eq!(e.people.len(), 1);
        let p = &e.people[0];
        assert_eq!(p.name, "Joe Biden");
        assert_eq!(p.mentions.len(), 4);
        for m in &p.mentions[1..] {
            assert_eq!(&t[m.span.start..m.span.end], "Biden");
        }
        assert_eq!(p.roles, ["President"]);
    }

    #[test]
    fn a_list_of_people_is_not_an_apposition_role() {
        let t = "The talks brought together Chancellor Olaf Scholz, Finance Minister \
                 Christian Lindner and Economy Minister Robert Habeck.";
        let doc = Document::new("t.txt", t.to_string());
        let e = extract(&doc);
        let roles: Vec<(&str, Vec<String>)> = e
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.roles.clone()))
            .collect();
        assert_eq!(
            roles,
            [
                ("Olaf Scholz", vec!["Chancellor".to_string()]),
                ("Christian Lindner", vec!["Finance Minister".to_string()]),
                ("Robert Habeck", vec!["Economy Minister".to_string()]),
            ]
        );
    }

    #[test]
    fn title_modifiers_and_complements_stay_in_the_role() {
        let t = "Finance Minister Ana Ruiz spoke. Labour MP for Burnley Oliver Grant agreed. \
                 Managing Director Helen Birch and President and CEO Marta Kowalczyk left.";
        let doc = Document::new("t.txt", t.to_string());
        let roles: Vec<(String, Vec<String>)> = extract(&doc)
            .people
            .into_iter()
            .map(|p| (p.name, p.roles))
            .collect();
        let expected = [
            ("Ana Ruiz", "Finance Minister"),
            ("Oliver Grant", "Labour MP for Burnley"),
            ("Helen Birch", "Managing Director"),
            ("Marta Kowalczyk", "President and CEO"),
        ];
        let expected: Vec<(String, Vec<String>)> = expected
            .iter()
            .map(|(n, r)| (n.to_string(), vec![r.to_string()]))
            .collect();
        assert_eq!(roles, expected);
    }

    #[test]
    fn accentless_and_partial_surnames_join() {
        let t = "Mexican President Andrés Manuel López Obrador met envoys. Lopez Obrador said no. \
                 Later López Obrador, known as AMLO, spoke. ALMO's aides agreed.";
        let (p, _) = run(t);
        assert_eq!(p, ["Andrés Manuel López Obrador"]);
        let doc = Document::new("t.txt", t.to_string());
        let e = extract(&doc);
        let texts: Vec<&str> = e.people[0]
            .mentions
            .iter()
            .map(|m| &t[m.span.start..m.span.end])
            .collect();
        assert_eq!(
            texts,
            [
                "Andrés Manuel López Obrador",
                "Lopez Obrador",
                "López Obrador",
                "AMLO",
                "ALMO"
            ]
        );
    }

    #[test]
    fn acronyms_join_their_organisation() {
        let t = "Alejandro Mayorkas, the Department of Homeland Security (DHS) Secretary, spoke. \
                 DHS later said Customs and Border Protection would help. CBP agreed.";
        let doc = Document::new("t.txt", t.to_string());
        let e = extract(&doc);
        let orgs: Vec<(&str, usize)> = e
            .organisations
            .iter()
            .map(|o| (o.name.as_str(), o.mentions.len()))
            .collect();
        assert_eq!(
            orgs,
            [
                ("Department of Homeland Security", 3),
                ("Customs and Border Protection", 2)
            ]
        );
    }

    #[test]
    fn state_department_forms_are_one_organisation() {
        let (_, o) = run("The U.S. Department of State said so. The State Department agreed.");
        assert_eq!(o, ["U.S. Department of State"]);
    }

    #[test]
    fn a_name_inside_an_organisation_is_not_a_person() {
        let (p, o) = run("A new Harvard CAPS-Harris Poll was published on Monday.");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(o, ["Harvard CAPS-Harris Poll"]);
    }

    #[test]
    fn headline_words_only_name_known_entities() {
        let (p, o) = run("Biden Admin Finally Addresses The Border!\n\nPresident Biden spoke.");
        assert_eq!(p, ["Biden"]);
        assert!(o.is_empty(), "{o:?}");
    }

    #[test]
    fn spans_are_char_boundaries_and_sorted() {
        let t = "Ministra Alicia Bárcena y Andrés López hablaron. «Sí», dijo Bárcena. 日本 Tokyo.";
        let doc = Document::new("t.txt", t.to_string());
        let e = extract(&doc);
        for ent in e.people.iter().chain(&e.organisations) {
            let mut prev = 0;
            for m in &ent.mentions {
                assert!(t.is_char_boundary(m.span.start) && t.is_char_boundary(m.span.end));
                assert!(m.span.start >= prev);
                prev = m.span.start;
            }
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "A",
            "’s",
            "The",
            "U.S.",
            "(@x) December 1, 2023",
            "— (@a) May 1, 2020",
            "Mr. Dr. Sen.",
            "X39s",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA BBBB CCCC",
        ] {
            let _ = run(t);
        }
        let long = "Alpha Beta ".repeat(5000);
        let _ = run(&long);
    }
}
