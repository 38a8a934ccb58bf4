//! Figures: numbers that state a quantity, with unit, currency, qualifier and
//! what is counted.
//!
//! One pass over the body splits it into tokens (words, numbers, punctuation);
//! each number, or number word, then has a bounded look either side: a
//! qualifier and currency sign before it, a magnitude word, "+", "%" or a
//! currency name after it, then the noun it counts and a rate. Everything the
//! rules look at is a few tokens away, so the work is linear in the text.
//!
//! Not figures: years, days of a month, ordinals, times, ages, durations
//! written as one hyphenated word ("two-month-long"), and numbers that belong
//! to a name or identifier ("Title 42", "COVID-19", "@user123", "F-16").
//! Vague magnitudes ("hundreds", "millions") are never emitted. A spelled-out
//! number below ten is emitted only when a noun follows it ("two agents"),
//! never as a pronoun ("one of the", "no one").

mod tokens;
mod words;

use std::borrow::Cow;

use crate::document::{Document, Span};
use crate::extract::{Figure, Qualifier, Unit};

use tokens::{Kind, Tok, tokenize};
use words::{
    CURRENCIES, Class, FRACTIONS, MAGNITUDES, MONTH_NAMES, NUMBER_WORDS, QUALIFIERS, RATES,
    is_compound, is_month_name,
};

/// Words that make a following "one" a pronoun ("no one", "any one").
const PRONOUN_ONE: &[&str] = &["no", "any", "every", "each", "which", "this", "that"];

/// Words after "a year", "a day" that make it a point in time, not a rate
/// ("up 4% from a year earlier").
const NOT_RATE: &[&str] = &["earlier", "ago", "later", "before", "after", "prior", "old"];

/// Auxiliaries between a measured noun and its change word ("shares have
/// lost 9%").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "been", "be", "will", "would",
];

/// A word with any abbreviation dots joined on: "U.S." is one item.
struct Item<'a> {
    lower: Cow<'a, str>,
    cap: bool,
    /// Index of the token after the item.
    next: usize,
}

/// The number before any magnitude, percent or currency is looked at.
struct Core {
    value: f64,
    /// Index of the token after the number (and magnitude words).
    next: usize,
    rule: &'static str,
    /// Digits only, no separator, no magnitude ("42", "2023", "2.0").
    bare: bool,
    /// A number word below ten with no magnitude ("two").
    small_word: bool,
    /// Digits with an "m" suffix: millions ("1.5m people") or metres
    /// ("the 100m race").
    metre: bool,
}

struct Scan<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// The body in ASCII lower case, from byte `base` of the text on: the
    /// lower-case form of an ASCII word is borrowed from it.
    folded: &'a str,
    base: usize,
}

impl<'a> Scan<'a> {
    fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// Tokens `i` to `j` (inclusive) in ASCII lower case, as
    /// `str::to_ascii_lowercase` gives them.
    fn folded(&self, i: usize, j: usize) -> &'a str {
        match (self.toks.get(i), self.toks.get(j)) {
            // Tokens lie within the body, on character boundaries.
            (Some(a), Some(b)) => &self.folded[a.start - self.base..b.end - self.base],
            _ => "",
        }
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// True when token `i` exists and touches the token before it.
    fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// The lower-case word at `i`, when token `i` is a word.
    #[inline]
    fn lower(&self, i: usize) -> Option<Cow<'a, str>> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let folded = self.folded(i, i);
        Some(if t.ascii {
            Cow::Borrowed(folded)
        } else {
            Cow::Owned(words::lower(&self.text[t.start..t.end]))
        })
    }

    #[inline]
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.raw(i).eq_ignore_ascii_case(w)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.sent == y.sent,
            _ => false,
        }
    }

    /// True when token `k` opens its sentence (or a headline line), where a
    /// capital says nothing about a name.
    fn starts_sentence(&self, k: usize) -> bool {
        k == 0 || !self.same_sentence(k - 1, k)
    }

    /// The word item starting at `i` ("U.S." joined into one).
    fn item(&self, i: usize) -> Option<Item<'a>> {
        let mut lower = self.lower(i)?;
        let raw = self.raw(i);
        let cap = raw.chars().next().is_some_and(char::is_uppercase);
        let mut next = i + 1;
        if self.is_punct(next, '.') && self.attached(next) && single_char(raw) {
            next += 1;
            while self.is_word(next)
                && self.attached(next)
                && single_char(self.raw(next))
                && self.is_punct(next + 1, '.')
                && self.attached(next + 1)
            {
                next += 2;
            }
            // Letters and dots that touch: their text, in lower case.
            let joined = self.folded(i, next - 1);
            if joined.is_ascii() {
                lower = Cow::Borrowed(joined);
            } else {
                let lower = lower.to_mut();
                lower.push('.');
                for k in (i + 2..next).step_by(2) {
                    lower.push_str(&self.raw(k).to_lowercase());
                    lower.push('.');
                }
            }
        }
        Some(Item { lower, cap, next })
    }

    fn number_word(&self, i: usize) -> Option<f64> {
        self.lower(i).and_then(|w| NUMBER_WORDS.get(&w).copied())
    }

    /// A magnitude word standing after a number ("million", "bn").
    fn magnitude_word(&self, i: usize) -> Option<f64> {
        let w = self.lower(i)?;
        match NUMBER_WORDS.get(&w) {
            Some(&v) if v >= 100.0 && w != "dozen" => Some(v),
            _ if w.len() >= 2 => MAGNITUDES.get(&w).copied(),
            _ => None,
        }
    }

    /// Digits at `i`, with any magnitude words after them.
    fn digits(&self, i: usize) -> Option<Core> {
        let t = self.toks.get(i)?;
        let raw = &self.text[t.start..t.end];
        let (num, suffix) = match t.kind {
            Kind::Num => (raw, ""),
            Kind::NumSuffix { split } => {
                let split = split as usize;
                (raw.get(..split)?, raw.get(split..)?)
            }
            _ => return None,
        };
        if num.ends_with(['.', ',']) {
            return None;
        }
        let mut value = parse_grouped(num)?;
        let mut next = i + 1;
        let mut rule = "digits";
        let bare_digits = !num.contains(',');
        if !suffix.is_empty() {
            let folded = self.folded(i, i);
            let mag = MAGNITUDES
                .get(folded.get(raw.len() - suffix.len()..)?)
                .copied()?;
            value *= mag;
            rule = match mag {
                m if m >= 1e12 => "suffix-tn",
                m if m >= 1e9 => "suffix-bn",
                m if m >= 1e6 => "suffix-m",
                _ => "suffix-k",
            };
            return Some(Core {
                value,
                next,
                rule,
                bare: false,
                small_word: false,
                metre: suffix.eq_ignore_ascii_case("m"),
            });
        }
        let mut last = 1.0;
        loop {
            // "10 million", and "$5.5-billion" with a hyphen.
            let (m, after) = match self.magnitude_word(next) {
                Some(m) if self.toks[next].space => (m, next + 1),
                _ if self.is_punct(next, '-')
                    && self.attached(next)
                    && self.attached(next + 1)
                    && rule == "digits" =>
                {
                    match self.magnitude_word(next + 1) {
                        Some(m) if m >= 1000.0 => (m, next + 2),
                        _ => break,
                    }
                }
                _ => break,
            };
            if m <= last {
                break;
            }
            value *= m;
            last = m;
            next = after;
            rule = "digits-magnitude";
        }
        Some(Core {
            value,
            next,
            rule,
            bare: bare_digits && rule == "digits",
            small_word: false,
            metre: false,
        })
    }

    /// Tokens `i` and `i + 1` are joined by white space, or by a hyphen
    /// when `hyphen` allows ("twenty-five", "quarter-million"); the index of
    /// the second word.
    fn joined(&self, i: usize, hyphen: bool) -> Option<usize> {
        let n = i + 1;
        if self.is_word(n) && self.toks[n].space {
            return Some(n);
        }
        if hyphen
            && self.is_punct(n, '-')
            && self.attached(n)
            && self.is_word(n + 1)
            && self.attached(n + 1)
        {
            return Some(n + 1);
        }
        None
    }

    /// True when the article at `i` is followed by a word that can make a
    /// number of it ("a quarter", "a dozen", "a hundred", "a million"):
    /// after any other word `words` finds nothing, and this tells so at
    /// the cost of one look-up.
    fn article_leads(&self, i: usize) -> bool {
        let Some(w) = self.joined(i, false).and_then(|j| self.lower(j)) else {
            return false;
        };
        FRACTIONS.contains_key(&w)
            || NUMBER_WORDS
                .get(&w)
                .is_some_and(|&v| w == "dozen" || v == 100.0 || v >= 1000.0)
    }

    /// Spelled-out numbers: "eight thousand", "one hundred and fifty",
    /// "a quarter of a million", "half a million", "a dozen".
    fn words(&self, i: usize) -> Option<Core> {
        let w0 = self.lower(i)?;
        let lead_a = w0 == "a" || w0 == "an";
        let j = if lead_a { self.joined(i, false)? } else { i };
        if let Some(&frac) = self.lower(j).as_deref().and_then(|w| FRACTIONS.get(w)) {
            // [a] quarter [of] [a] million | half a million
            let mut k = self.joined(j, true)?;
            if self.word_is(k, "of") {
                k = self.joined(k, false)?;
            }
            if self.word_is(k, "a") || self.word_is(k, "an") {
                k = self.joined(k, false)?;
            }
            let mag = if self.word_is(k, "dozen") {
                12.0
            } else {
                self.magnitude_word(k).filter(|&m| m >= 1000.0)?
            };
            return Some(Core {
                value: frac * mag,
                next: k + 1,
                rule: "fraction-words",
                bare: false,
                small_word: false,
                metre: false,
            });
        }
        #[derive(PartialEq, Clone, Copy)]
        enum Class {
            Start,
            Lead,
            Unit,
            Teen,
            Tens,
            Hundred,
            Dozen,
            Mag,
        }
        let mut last = if lead_a { Class::Lead } else { Class::Start };
        let mut total = 0.0;
        let mut cur = if lead_a { 1.0 } else { 0.0 };
        let mut last_mag = f64::INFINITY;
        let mut k = j;
        let mut next = i;
        let mut has_mag = false;
        while let Some(w) = self.lower(k) {
            if w == "and" {
                // "two and a half million"
                if matches!(last, Class::Unit | Class::Teen | Class::Tens)
                    && self.word_is(k + 1, "a")
                    && self.word_is(k + 2, "half")
                    && let Some(m) = self.magnitude_word(k + 3).filter(|&m| m >= 1000.0)
                    && m < last_mag
                {
                    total += (cur + 0.5) * m;
                    cur = 0.0;
                    next = k + 4;
                    has_mag = true;
                    break;
                }
                // "one hundred and fifty"
                if matches!(last, Class::Hundred | Class::Mag)
                    && self.number_word(k + 1).is_some_and(|v| v < 100.0)
                    && !self.word_is(k + 1, "dozen")
                {
                    k += 1;
                    continue;
                }
                break;
            }
            let Some(&v) = NUMBER_WORDS.get(&w) else {
                break;
            };
            let class = match (&*w, v) {
                ("dozen", _) => Class::Dozen,
                (_, 100.0) => Class::Hundred,
                (_, v) if v >= 1000.0 => Class::Mag,
                (_, v) if v >= 20.0 => Class::Tens,
                (_, v) if v >= 10.0 => Class::Teen,
                _ => Class::Unit,
            };
            let ok = match class {
                Class::Unit => matches!(
                    last,
                    Class::Start | Class::Tens | Class::Hundred | Class::Mag
                ),
                Class::Teen | Class::Tens => {
                    matches!(last, Class::Start | Class::Hundred | Class::Mag)
                }
                Class::Hundred => {
                    matches!(last, Class::Lead | Class::Unit | Class::Teen) && cur < 100.0
                }
                Class::Dozen => {
                    matches!(last, Class::Lead | Class::Unit | Class::Teen | Class::Tens)
                }
                Class::Mag => !matches!(last, Class::Start | Class::Dozen) && v < last_mag,
                _ => false,
            };
            if !ok {
                break;
            }
            match class {
                Class::Unit | Class::Teen | Class::Tens => cur += v,
                Class::Hundred | Class::Dozen => {
                    cur = cur.max(1.0) * v;
                    has_mag |= class == Class::Hundred;
                }
                _ => {
                    total += cur.max(1.0) * v;
                    cur = 0.0;
                    last_mag = v;
                    has_mag = true;
                }
            }
            last = class;
            next = k + 1;
            match self.joined(k, class == Class::Tens) {
                Some(n) => k = n,
                None => break,
            }
        }
        if next == i || last == Class::Lead {
            return None;
        }
        let value = total + cur;
        Some(Core {
            value,
            next,
            rule: "number-words",
            bare: false,
            small_word: !has_mag && value < 10.0 && last != Class::Dozen,
            metre: false,
        })
    }

    /// The qualifier phrase ending just before token `start`: its first
    /// token and kind.
    fn qualifier_before(&self, start: usize, floor: usize) -> Option<(usize, Qualifier)> {
        if start > floor && self.is_punct(start - 1, '~') {
            return Some((start - 1, Qualifier::Approx));
        }
        // Only phrases ending in the word before the number can match.
        if start == 0 || !self.is_word(start - 1) {
            return None;
        }
        let phrases = QUALIFIERS.get(self.folded(start - 1, start - 1))?;
        'phrases: for phrase in phrases {
            let words = &phrase.words;
            let n = words.len();
            if n == 0 || start < n || start - n < floor {
                continue;
            }
            let first = start - n;
            for (k, w) in words.iter().enumerate() {
                let t = first + k;
                if !self.word_is(t, w) || !self.toks[t + 1].space {
                    continue 'phrases;
                }
            }
            if !self.same_sentence(first, start) {
                continue;
            }
            return Some((first, phrase.kind));
        }
        None
    }

    /// A currency sign or code just before token `i`: first token and code.
    fn currency_before(&self, i: usize, floor: usize) -> Option<(usize, &'static str)> {
        if i == 0 || i - 1 < floor {
            return None;
        }
        let p = i - 1;
        let t = self.toks[p];
        if let Kind::Punct(c) = t.kind {
            if !self.attached(i) {
                return None;
            }
            let mut buf = [0u8; 4];
            let sign: &str = c.encode_utf8(&mut buf);
            let plain = CURRENCIES.signs.get(sign).copied();
            // "US$", "U.S.$", "C$": letters and dots attached before the sign.
            let mut s = p;
            while s > floor
                && p - s < 4
                && !self.toks[s].space
                && matches!(self.toks[s - 1].kind, Kind::Word | Kind::Punct('.'))
            {
                s -= 1;
            }
            for cand in s..p {
                let form = &self.text[self.toks[cand].start..t.end];
                if let Some(&iso) = CURRENCIES.signs.get(form) {
                    return Some((cand, iso));
                }
            }
            return plain.map(|iso| (p, iso));
        }
        if t.kind == Kind::Word && self.toks[i].space {
            return CURRENCIES.codes.get(self.raw(p)).map(|&iso| (p, iso));
        }
        None
    }

    /// A currency name or code after the number, starting at token `j`.
    fn currency_after(&self, j: usize) -> Option<(&'static str, usize)> {
        if self.is_word(j) && self.toks[j].space {
            if let Some(&iso) = CURRENCIES.codes.get(self.raw(j)) {
                return Some((iso, j + 1));
            }
        }
        let a = self.item(j)?;
        if let Some(seconds) = CURRENCIES.pairs.get(&a.lower)
            && let Some(b) = self.item(a.next)
            && let Some(&(_, iso)) = seconds.iter().find(|(w, _)| *w == b.lower)
        {
            return Some((iso, b.next));
        }
        CURRENCIES.words.get(&a.lower).map(|&iso| (iso, a.next))
    }

    /// Why the number at `i` (ending before token `next`) is not a quantity.
    /// `plain`: no qualifier, currency or percent, which would make even a
    /// bare number a figure ("over 2023", "$737").
    fn excluded(&self, i: usize, next: usize, core: &Core, plain: bool) -> bool {
        let t = self.toks[i];
        // Attached to what precedes: "COVID-19", "F-16", "@user 1", "x/2".
        if i > 0 && !t.space {
            match self.toks[i - 1].kind {
                Kind::Punct('-') if i >= 2 && !self.toks[i - 1].space => {
                    // "10-15" is a range, but "2023-24" is a span of years.
                    match self.toks[i - 2].kind {
                        Kind::Word | Kind::Ident => return true,
                        Kind::Num if year_like(self.raw(i - 2)) => return true,
                        _ => {}
                    }
                }
                Kind::Punct(
                    '/' | ':' | '@' | '#' | '_' | '=' | '.' | '\'' | '\u{2019}' | '&' | '*',
                )
                | Kind::Word
                | Kind::Ident => return true,
                _ => {}
            }
        }
        // "7-Eleven", "Catch-Twenty": a number word after a hyphen.
        if t.kind == Kind::Word && i > 0 && !t.space && self.is_punct(i - 1, '-') {
            return true;
        }
        // "7-Eleven", "one-third", "555-1234": a hyphen and then a name, a
        // fraction or the rest of a phone number.
        if self.is_punct(next, '-') && self.attached(next) && self.attached(next + 1) {
            if core.small_word {
                return true;
            }
            if let Some(nt) = self.toks.get(next + 1) {
                let w = &self.text[nt.start..nt.end];
                if nt.kind == Kind::Word && w.chars().next().is_some_and(char::is_uppercase) {
                    return true;
                }
                if nt.kind == Kind::Num && w.len() == 4 && self.raw(i).len() == 3 {
                    return true;
                }
            }
        }
        if i >= 2
            && t.kind == Kind::Num
            && self.raw(i).len() == 4
            && self.is_punct(i - 1, '-')
            && self.attached(i - 1)
            && self.attached(i)
            && self.raw(i - 2).len() == 3
            && self.toks[i - 2].kind == Kind::Num
        {
            return true;
        }
        // Ratios: "1 in 4 adults", "nine out of ten".
        if core.value <= 100.0 {
            let ratio_after = |k: usize| {
                self.toks
                    .get(k)
                    .is_some_and(|x| x.kind == Kind::Num && !year_like(self.raw(k)))
                    || self.number_word(k).is_some_and(|v| v <= 100.0)
            };
            if self.word_is(next, "in") && ratio_after(next + 1)
                || self.word_is(next, "out")
                    && self.word_is(next + 1, "of")
                    && ratio_after(next + 2)
            {
                return true;
            }
            let ratio_before = |k: usize| {
                self.toks.get(k).is_some_and(|x| x.kind == Kind::Num)
                    || self.number_word(k).is_some()
            };
            if i >= 2 && self.word_is(i - 1, "in") && ratio_before(i - 2)
                || i >= 3
                    && self.word_is(i - 1, "of")
                    && self.word_is(i - 2, "out")
                    && ratio_before(i - 3)
            {
                return true;
            }
        }
        // Footnotes and list markers: "(2)", "[3]".
        if i > 0
            && !t.space
            && matches!(self.toks[i - 1].kind, Kind::Punct('(' | '['))
            && self.attached(next)
            && matches!(
                self.toks.get(next).map(|x| x.kind),
                Some(Kind::Punct(')' | ']'))
            )
            && core.bare
        {
            return true;
        }
        // "No. 1"
        if i >= 2
            && self.is_punct(i - 1, '.')
            && self.attached(i - 1)
            && (self.word_is(i - 2, "no") || self.word_is(i - 2, "nos"))
        {
            return true;
        }
        // Attached to what follows: "24/7", "10:30", "9/11", "30°".
        if self.attached(next)
            && let Some(nt) = self.toks.get(next)
        {
            match nt.kind {
                Kind::Punct('/' | ':' | '.')
                    if self
                        .toks
                        .get(next + 1)
                        .is_some_and(|x| !x.space && x.kind == Kind::Num) =>
                {
                    return true;
                }
                Kind::Punct('°' | '@' | '_') | Kind::Word | Kind::Ident => return true,
                _ => {}
            }
        }
        // Times: "3 p.m.", "10 am", "9 o'clock".
        if let Some(it) = self.item(next)
            && matches!(&*it.lower, "a.m." | "p.m." | "am" | "pm" | "o'clock")
            && (it.lower.contains('.') || it.lower.contains('\'') || core.value <= 12.0)
        {
            return true;
        }
        // Durations and ages as one word: "two-month-long", "25-year-old".
        if self.is_punct(next, '-')
            && self.attached(next)
            && self.attached(next + 1)
            && let Some(w) = self.lower(next + 1)
            && RATES.get(&w).is_some_and(|u| *u == w)
        {
            return true;
        }
        // Ages: "25 years old".
        if (self.word_is(next, "years") || self.word_is(next, "year"))
            && self.word_is(next + 1, "old")
        {
            return true;
        }
        let prev_word = if i > 0 && t.space && self.same_sentence(i - 1, i) {
            self.lower(i - 1)
        } else {
            None
        };
        let prev_class = prev_word.as_deref().map(Class::of);
        if prev_class.is_some_and(Class::label) {
            return true;
        }
        if core.small_word
            && prev_word
                .as_deref()
                .is_some_and(|w| PRONOUN_ONE.contains(&w))
        {
            return true;
        }
        if !(plain && core.bare) {
            return false;
        }
        let whole = core.value.fract() == 0.0;
        // Days of a month: "December 22", "Dec. 22", "22 December".
        if whole && core.value <= 31.0 {
            let month_before = (i >= 1 && self.is_month(i - 1))
                || (i >= 2
                    && self.is_punct(i - 1, '.')
                    && self.attached(i - 1)
                    && self.is_month(i - 2));
            if month_before || self.is_month(next) {
                return true;
            }
        }
        // A name with a number: "Title 42", "Boeing 737", "CC BY-SA 2.0".
        // A possessive owns the count instead: "Veltra's 11 plants".
        if let Some(c) = prev_class
            && self.raw(i - 1).chars().any(char::is_uppercase)
            && !c.stop()
            && !is_possessive(self.raw(i - 1))
        {
            return true;
        }
        // An age in apposition: "Jenna Morrow, 41, who fled", "Smith, 54,
        // said". A count set off by commas after a name is rare, and a
        // lower-case word must follow so that lists of names and numbers
        // ("Ohio, 12, Texas, 9") are left alone.
        if whole
            && core.value < 130.0
            && i >= 2
            && self.is_punct(i - 1, ',')
            && self.is_punct(next, ',')
            && self.is_word(i - 2)
            && self
                .raw(i - 2)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && self.is_word(next + 1)
            && self
                .raw(next + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        {
            return true;
        }
        // A year, unless a counted noun follows: "2023 migrants".
        if whole && year_like(self.raw(i)) {
            let counted = self.toks.get(next).is_some_and(|t| t.space)
                && self
                    .item(next)
                    .is_some_and(|it| !it.cap && is_plural(&it.lower, Class::of(&it.lower)))
                && !prev_class.is_some_and(Class::stop);
            if !counted {
                return true;
            }
        }
        false
    }

    fn is_month(&self, i: usize) -> bool {
        if !self.is_word(i) || !self.raw(i).chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if self.toks[i].ascii {
            MONTH_NAMES.contains_key(self.folded(i, i))
        } else {
            is_month_name(self.raw(i))
        }
    }

    /// The noun counted by a figure whose tokens end before `j`.
    /// `ing_ok`: a lone -ing word may be the noun ("$2bn in funding").
    fn noun_after(&self, j: usize, ing_ok: bool) -> Option<String> {
        let (noun, next) = self.noun_after_at(j, ing_ok)?;
        // "a 41% slump in profit": the change word points at what is measured.
        if Class::of(&noun).change() && self.word_is(next, "in") {
            if let Some((measured, _)) = self.noun_after_at(self.past_determiners(next + 1), true) {
                return Some(measured);
            }
        }
        Some(noun)
    }

    /// The first token from `k` on that is not a determiner.
    fn past_determiners(&self, mut k: usize) -> usize {
        while self.lower(k).is_some_and(|w| Class::of(&w).determiner()) {
            k += 1;
        }
        k
    }

    /// `noun_after`, with the index of the token after the noun.
    fn noun_after_at(&self, mut j: usize, ing_ok: bool) -> Option<(String, usize)> {
        // "15,000-person caravan", "a 6,000-strong caravan"
        if self.is_punct(j, '-') && self.attached(j) && self.attached(j + 1) {
            let w = self.lower(j + 1)?;
            if w != "strong" {
                return (!w.ends_with("ed") && !w.ends_with("ing"))
                    .then(|| (w.into_owned(), j + 2));
            }
            j += 2;
        }
        if self.word_is(j, "of") {
            j += 1;
            while self
                .lower(j)
                .is_some_and(|w| Class::of(&w).determiner() || w == "all")
            {
                j += 1;
            }
        }
        let mut had_cap = false;
        let mut modified = ing_ok;
        let mut prev_noun: Option<Cow<'a, str>> = None;
        for _ in 0..6 {
            let Some(it) = self.item(j) else { break };
            if !self.toks[j].space {
                break;
            }
            let w = &*it.lower;
            let c = Class::of(w);
            // The item after this one, in the same sentence: looked at only
            // by the tests that need it.
            let next = || {
                self.item(it.next).filter(|_| {
                    self.toks
                        .get(it.next)
                        .is_some_and(|t| t.space && t.sent == self.toks[j].sent)
                })
            };
            let next_nounish = || {
                next().is_some_and(|n| {
                    let w = &*n.lower;
                    let c = Class::of(w);
                    !n.cap
                        && !c.stop()
                        && !is_adverb(w, c)
                        && (is_plural(w, c) || !(w.ends_with("ed") || w.ends_with("ing")))
                })
            };
            // "military-age men": a hyphenated modifier.
            if self.is_punct(it.next, '-')
                && self.attached(it.next)
                && self.is_word(it.next + 1)
                && self.attached(it.next + 1)
            {
                j = it.next + 2;
                continue;
            }
            // "9 French and Mexican bakeries": joined demonyms or names.
            if had_cap && matches!(w, "and" | "or") && next().is_some_and(|n| n.cap) {
                j = it.next;
                continue;
            }
            if c.stop() && !c.adjective() {
                break;
            }
            if is_possessive(self.raw(j)) || c.adjective() {
                modified = true;
                j = it.next;
                continue;
            }
            if it.cap {
                if is_plural(w, c) && !next_nounish() {
                    return Some((w.to_string(), it.next));
                }
                had_cap = true;
                j = it.next;
                continue;
            }
            if is_adverb(w, c) {
                break;
            }
            if !is_plural(w, c) && (w.ends_with("ed") || w.ends_with("ing")) {
                let next_nounish = next_nounish();
                if w.ends_with("ing") && modified && !next_nounish {
                    return Some((w.to_string(), it.next));
                }
                if next_nounish {
                    j = it.next;
                    continue;
                }
                break;
            }
            if is_plural(w, c) || !next_nounish() {
                if !had_cap
                    && let Some(p) = &prev_noun
                    && is_compound(p, w)
                {
                    return Some((format!("{p} {w}"), it.next));
                }
                return Some((w.to_string(), it.next));
            }
            prev_noun = Some(it.lower.clone());
            j = it.next;
        }
        None
    }

    /// The noun a figure starting at token `start` speaks of, looking back in
    /// its clause: the nearest plural noun ("migrant encounters have
    /// surpassed 250k") or, with `det`, the nearest noun after a determiner
    /// ("a plan that would deploy $20 billion").
    fn noun_before(&self, start: usize, det: bool) -> Option<String> {
        // Eight words at most, and never more than sixteen tokens.
        let mut k = start;
        let mut seen = 0;
        while k > 0 && seen < 8 && start - k < 16 {
            k -= 1;
            if !self.same_sentence(k, start) {
                break;
            }
            let t = self.toks[k];
            match t.kind {
                Kind::Word => {}
                Kind::Punct('.' | '!' | '?' | ',' | ';' | ':' | '(' | ')' | '—' | '–') => break,
                _ => continue,
            }
            seen += 1;
            let raw = self.raw(k);
            let sentence_first = self.starts_sentence(k);
            if raw.chars().next().is_some_and(char::is_uppercase) && !sentence_first
                || is_possessive(raw)
            {
                continue;
            }
            let Some(w) = self.lower(k) else { continue };
            let c = Class::of(&w);
            if c.stop() || c.adjective() {
                continue;
            }
            if det {
                if k > 0
                    && self
                        .lower(k - 1)
                        .is_some_and(|p| Class::of(&p).determiner())
                {
                    return Some(w.into_owned());
                }
            } else if is_plural(&w, c) && self.noun_like(k, start, c) {
                return Some(w.into_owned());
            }
        }
        None
    }

    /// Whether the plural-looking word at `k`, before a figure starting at
    /// `start`, is a noun rather than a verb. Right before the figure
    /// (determiners aside) a verb is the likelier reading ("Storm Helena
    /// leaves 40,000 without power", "the plant employs 1,150"), so there
    /// the word needs a noun's company: a determiner, possessive, adjective
    /// or number before it, or a place in the list of plurals.
    fn noun_like(&self, k: usize, start: usize, c: Class) -> bool {
        if c.change() {
            return false;
        }
        let next_to_figure =
            (k + 1..start).all(|x| self.lower(x).is_some_and(|w| Class::of(&w).determiner()));
        if !next_to_figure || c.plural() {
            return true;
        }
        k > 0
            && self.same_sentence(k - 1, k)
            && (self.toks[k - 1].kind == Kind::Num
                || is_possessive(self.raw(k - 1))
                || self.lower(k - 1).is_some_and(|p| {
                    let c = Class::of(&p);
                    c.determiner() || c.adjective()
                }))
    }

    /// The noun a percent or money figure measures, when the words before it
    /// say so: "net profit fell 38%", "the margin narrowed to 3.2%", "shares
    /// have lost nearly 9%", "put damage at $34 million", "sales of $3.9
    /// billion", "the deposit rate at a record 4%".
    fn measured_before(&self, start: usize) -> Option<String> {
        let word = |k: usize| {
            self.same_sentence(k, start)
                .then(|| self.lower(k))
                .flatten()
        };
        let mut k = start.checked_sub(1)?;
        while word(k).is_some_and(|w| {
            let c = Class::of(&w);
            c.determiner() || c.adjective()
        }) {
            k = k.checked_sub(1)?;
        }
        let w = word(k)?;
        if w == "of" || w == "at" {
            k = k.checked_sub(1)?;
        } else {
            if matches!(&*w, "to" | "by") {
                k = k.checked_sub(1)?;
            }
            if !word(k).is_some_and(|w| Class::of(&w).change()) {
                return None;
            }
            k = k.checked_sub(1)?;
            while word(k).is_some_and(|w| AUXILIARIES.contains(&&*w)) {
                k = k.checked_sub(1)?;
            }
        }
        let noun = word(k)?;
        let raw = self.raw(k);
        let sentence_first = self.starts_sentence(k);
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        ((sentence_first || !capital) && !is_possessive(raw) && {
            let c = Class::of(&noun);
            !is_adverb(&noun, c) && !c.stop() && !c.change()
        })
        .then(|| noun.into_owned())
    }

    /// A rate after the figure: "per month", "a day", "every day", "daily".
    fn rate_after(&self, j: usize) -> Option<String> {
        let sent = self.toks.get(j.saturating_sub(1))?.sent;
        // "30,000/month"
        if self.is_punct(j, '/')
            && self.attached(j)
            && let Some(w) = self.lower(j + 1)
            && let Some(u) = RATES.get(&w)
        {
            return Some(format!("per {u}"));
        }
        for k in (j..).take(12) {
            let Some(t) = self.toks.get(k) else { break };
            if t.sent != sent || matches!(t.kind, Kind::Punct(',' | ';' | ':' | '(' | '—' | '–'))
            {
                break;
            }
            if t.kind != Kind::Word {
                continue;
            }
            // Most words are neither a rate's first word nor an -ly word,
            // which their ASCII form shows without a look-up.
            let folded = self.folded(k, k);
            if t.ascii
                && !matches!(folded, "per" | "a" | "an" | "each" | "every")
                && !folded.ends_with("ly")
            {
                continue;
            }
            if let Some(w) = self.lower(k) {
                if matches!(&*w, "per" | "a" | "an" | "each" | "every")
                    && let Some(n) = self.lower(k + 1)
                    && let Some(u) = RATES.get(&n)
                    && *u == n
                    && !self.lower(k + 2).is_some_and(|x| NOT_RATE.contains(&&*x))
                {
                    return Some(format!("per {u}"));
                }
                if w.ends_with("ly")
                    && let Some(u) = RATES.get(&w)
                {
                    return Some(format!("per {u}"));
                }
            }
        }
        None
    }
}

/// A single character ("U" of "U.S.").
fn single_char(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some() && c.next().is_none()
}

/// Digits with optional `,` groups and a decimal point, as a number.
fn parse_grouped(num: &str) -> Option<f64> {
    // Whole numbers, most of them: fifteen digits or fewer are exact in
    // an f64, as `parse` would give them.
    let mut whole = 0u64;
    let mut digits = 0;
    for b in num.bytes() {
        match b {
            b'0'..=b'9' if digits < 15 => {
                whole = whole * 10 + u64::from(b - b'0');
                digits += 1;
            }
            b',' => {}
            _ => {
                digits = 0;
                break;
            }
        }
    }
    if digits > 0 {
        return Some(whole as f64);
    }
    if !num.contains(',') {
        return num.parse().ok();
    }
    // At most 15 digits, one point and five commas (see `tokens`).
    let mut buf = [0u8; 32];
    let mut n = 0;
    for b in num.bytes().filter(|&b| b != b',') {
        *buf.get_mut(n)? = b;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()?.parse().ok()
}

/// Words of six letters or more ending in -ly, bar a few nouns.
/// `c` is `Class::of(w)`.
fn is_adverb(w: &str, c: Class) -> bool {
    w.len() >= 6 && w.ends_with("ly") && !c.ly_noun()
}

fn is_possessive(raw: &str) -> bool {
    raw.ends_with("'s") || raw.ends_with("\u{2019}s")
}

/// `c` is `Class::of(w)`.
fn is_plural(w: &str, c: Class) -> bool {
    c.plural()
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !c.stop())
}

/// Four digits that could be a year: 1600 to 2100, no separator.
fn year_like(raw: &str) -> bool {
    raw.len() == 4
        && raw.bytes().all(|b| b.is_ascii_digit())
        && raw.parse::<u32>().is_ok_and(|y| (1600..=2100).contains(&y))
}

/// A figure found, before `what` is filled in from context.
struct Found {
    fig: Figure,
    /// First and after-last token.
    first: usize,
    sent: u32,
}

pub fn extract(doc: &Document) -> Vec<Figure> {
    let text = doc.text.as_str();
    let body = doc.body;
    if body.end > text.len()
        || !text.is_char_boundary(body.start)
        || !text.is_char_boundary(body.end)
    {
        return Vec::new();
    }
    let tokens = tokenize(text, body);
    let toks = &tokens.toks;
    let folded = text[body.start..body.end].to_ascii_lowercase();
    let scan = Scan {
        text,
        toks,
        folded: &folded,
        base: body.start,
    };
    let mut found: Vec<Found> = Vec::new();
    let mut floor = 0usize; // first token a new figure may use
    // Every token is a possible start, tried in order; after a figure the
    // search goes on from its end. Only numbers and the words of
    // `START_WORDS` can start one, and the tokenizer lists them.
    let mut i = 0usize;
    for &k in &tokens.starts {
        if k < i || !may_start(&scan, k) {
            continue;
        }
        i = match figure_at(&scan, k, floor) {
            Some((f, next)) => {
                floor = next;
                found.push(f);
                next
            }
            None => k + 1,
        };
    }
    fill_what(&scan, &mut found);
    found.into_iter().map(|f| f.fig).collect()
}

/// Cheap test before any parsing, for a number or a word of `START_WORDS`
/// at token `i`: can a figure start there? An article can only lead a
/// number word.
#[inline]
fn may_start(scan: &Scan, i: usize) -> bool {
    scan.toks[i].kind != Kind::Word
        || !matches!(scan.folded(i, i), "a" | "an")
        || scan.article_leads(i)
}

/// The figure starting at token `i`, which `may_start`, and the token after it.
fn figure_at(scan: &Scan, i: usize, floor: usize) -> Option<(Found, usize)> {
    let toks = scan.toks;
    let core = match toks[i].kind {
        Kind::Num | Kind::NumSuffix { .. } => scan.digits(i)?,
        _ => scan.words(i)?,
    };
    if !core.value.is_finite() {
        return None;
    }
    let mut next = core.next;
    let mut end_tok = next; // tokens that belong to the mention end here
    let mut unit = Unit::Count;
    let mut qualifier = Qualifier::Exact;
    let mut currency = None;
    // "66k+", "10,000-plus"
    if scan.is_punct(next, '+') && scan.attached(next) {
        qualifier = Qualifier::MoreThan;
        next += 1;
        end_tok = next;
    } else if scan.is_punct(next, '-') && scan.attached(next) && scan.word_is(next + 1, "plus") {
        qualifier = Qualifier::MoreThan;
        next += 2;
        end_tok = next;
    }
    // "38%", "10 percent", "10 per cent"
    if scan.is_punct(next, '%') || scan.word_is(next, "percent") || scan.word_is(next, "pct") {
        unit = Unit::Percent;
        next += 1;
        end_tok = next;
    } else if scan.word_is(next, "per") && scan.word_is(next + 1, "cent") {
        unit = Unit::Percent;
        next += 2;
        end_tok = next;
    }
    let mut start_tok = i;
    if let Some((s, iso)) = scan.currency_before(i, floor) {
        currency = Some(iso);
        start_tok = s;
    }
    let mut after = None;
    if currency.is_none() && unit == Unit::Count {
        if let Some((iso, n)) = scan.currency_after(next) {
            // "500 pounds of cocaine" is a weight.
            let weight = iso == "GBP" && scan.word_is(n, "of");
            if !weight {
                currency = Some(iso);
                after = Some(n);
            }
        }
    }
    if currency.is_some() {
        unit = Unit::Money;
    }
    // "the 100m race", "a 2m-high wall": metres, not millions.
    if core.metre
        && currency.is_none()
        && (scan.is_punct(next, '-') && scan.attached(next)
            || scan.item(next).is_some_and(|it| {
                let c = Class::of(&it.lower);
                !it.cap && !c.stop() && !is_plural(&it.lower, c)
            }))
    {
        return None;
    }
    if let Some((q, kind)) = scan.qualifier_before(start_tok, floor) {
        // "an estimated 10,000": the article belongs to the noun phrase.
        qualifier = kind;
        start_tok = q;
    }
    let plain = qualifier == Qualifier::Exact && unit == Unit::Count;
    if scan.excluded(i, core.next, &core, plain) {
        return None;
    }
    // "one of the issues", "two of his aides": a pronoun, not a count.
    if core.small_word && scan.word_is(next, "of") {
        return None;
    }
    let noun_from = after.unwrap_or(next);
    let mut what = scan.noun_after(noun_from, false);
    // A spelled-out number with no noun is rarely a count ("nine out of
    // ten", "at ten"); below ten it is often a pronoun ("one").
    if toks[i].kind == Kind::Word && core.value < 100.0 && unit == Unit::Count && what.is_none() {
        return None;
    }
    if unit == Unit::Money && what.is_none() {
        // "$20 billion in aid", "£300,000 for the striker"
        if scan.word_is(noun_from, "in") || scan.word_is(noun_from, "for") {
            what = scan.noun_after(scan.past_determiners(noun_from + 1), true);
        }
        if what.is_none() && after.is_some() {
            what = scan.lower(noun_from - 1).map(Cow::into_owned);
        }
    }
    if what.is_none() && unit != Unit::Count {
        what = scan.measured_before(start_tok);
    }
    let rate = scan.rate_after(noun_from);
    let rule = match unit {
        Unit::Percent => "percent",
        Unit::Money => "money",
        Unit::Count => core.rule,
    };
    let first = start_tok;
    let span = Span::new(toks[first].start, toks[end_tok - 1].end);
    let fig = Figure {
        span,
        value: core.value,
        unit,
        currency,
        qualifier,
        what,
        rate,
        rule,
    };
    Some((
        Found {
            fig,
            first,
            sent: toks[i].sent,
        },
        end_tok,
    ))
}

/// Figures without a noun of their own take one from context: the other end
/// of a range, the figure whose new level they give ("fell 38% to €412
/// million"), an earlier figure of the same unit in the sentence ("38% of
/// voters ..., down from 46%"), the plural noun they follow ("encounters have
/// surpassed 250k"), or the figure just before them.
fn fill_what(scan: &Scan, found: &mut [Found]) {
    // The latest figure of each unit that has a noun: one slot per unit
    // keeps this linear however many figures a sentence holds.
    let slot = |u: Unit| match u {
        Unit::Count => 0,
        Unit::Percent => 1,
        Unit::Money => 2,
    };
    let mut latest: [Option<(u32, String)>; 3] = [None, None, None];
    for k in 0..found.len() {
        let unit = found[k].fig.unit;
        let sent = found[k].sent;
        if found[k].fig.what.is_none() {
            // A range: "10,000-15,000 people", "between 10 and 20 migrants".
            let range = found.get(k + 1).and_then(|n| {
                let gap = scan
                    .text
                    .get(found[k].fig.span.end..n.fig.span.start)
                    .unwrap_or("");
                (n.sent == sent
                    && n.fig.unit == unit
                    && matches!(gap.trim(), "-" | "–" | "to" | "and" | "or"))
                .then(|| n.fig.what.clone())
                .flatten()
            });
            // A change to a new level: "profit fell 38% to €412 million" and
            // "from 46% to 38% of voters" speak of one noun, whatever the units.
            let new_level = k.checked_sub(1).and_then(|p| {
                let prev = &found[p];
                let gap = scan
                    .text
                    .get(prev.fig.span.end..found[k].fig.span.start)
                    .unwrap_or("");
                (prev.sent == sent && matches!(gap.trim(), "to" | "from"))
                    .then(|| prev.fig.what.clone())
                    .flatten()
            });
            let same_sentence = latest[slot(unit)]
                .as_ref()
                .filter(|(s, _)| *s == sent)
                .map(|(_, w)| w.clone());
            let what = range
                .or(new_level)
                .or(same_sentence)
                .or_else(|| match unit {
                    Unit::Count => scan.noun_before(found[k].first, false),
                    Unit::Money => scan.noun_before(found[k].first, true),
                    Unit::Percent => None,
                })
                .or_else(|| {
                    let prev = found[..k].last()?;
                    (unit == Unit::Count
                        && prev.fig.unit == unit
                        && found[k].fig.span.start.saturating_sub(prev.fig.span.end) < 300)
                        .then(|| prev.fig.what.clone())
                        .flatten()
                });
            found[k].fig.what = what;
        }
        if let Some(w) = &found[k].fig.what {
            latest[slot(unit)] = Some((sent, w.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Want = (
        &'static str,
        f64,
        Unit,
        Option<&'static str>,
        Qualifier,
        Option<&'static str>,
    );

    fn run(text: &str) -> Vec<Figure> {
        extract(&Document::new("t.txt", text.to_string()))
    }

    fn check(cases: &[(&str, &[Want])]) {
        for (text, want) in cases {
            let got = run(text);
            let got: Vec<_> = got
                .iter()
                .map(|f| {
                    (
                        &text[f.span.start..f.span.end],
                        f.value,
                        f.unit,
                        f.currency,
                        f.qualifier,
                        f.what.as_deref(),
                    )
                })
                .collect();
            assert_eq!(&got, want, "in {text:?}");
        }
    }

    use Qualifier::{Approx, Exact, LessThan, MoreThan};
    use Unit::{Count, Money, Percent};

    #[test]
    fn digits_and_magnitudes() {
        check(&[
            (
                "Agents recorded 269,735 encounters in September.",
                &[("269,735", 269735.0, Count, None, Exact, Some("encounters"))],
            ),
            (
                "Officials said 1.5m people had fled the fighting.",
                &[("1.5m", 1_500_000.0, Count, None, Exact, Some("people"))],
            ),
            (
                "The city expects 250k visitors this summer.",
                &[("250k", 250_000.0, Count, None, Exact, Some("visitors"))],
            ),
            (
                "At least 10 million households lost power.",
                &[(
                    "At least 10 million",
                    1e7,
                    Count,
                    None,
                    MoreThan,
                    Some("households"),
                )],
            ),
            (
                "Only 2 Border Patrol agents were on duty.",
                &[("2", 2.0, Count, None, Exact, Some("agents"))],
            ),
            (
                "The majority, 66k+ have entered through the sector.",
                &[("66k+", 66000.0, Count, None, MoreThan, None)],
            ),
        ]);
    }

    #[test]
    fn number_words() {
        check(&[
            (
                "The march drew more than eight thousand asylum seekers.",
                &[(
                    "more than eight thousand",
                    8000.0,
                    Count,
                    None,
                    MoreThan,
                    Some("asylum seekers"),
                )],
            ),
            (
                "Nearly a quarter of a million undocumented people crossed in November.",
                &[(
                    "Nearly a quarter of a million",
                    250_000.0,
                    Count,
                    None,
                    Approx,
                    Some("people"),
                )],
            ),
            (
                "Organisers hoped for half a million marchers.",
                &[(
                    "half a million",
                    500_000.0,
                    Count,
                    None,
                    Exact,
                    Some("marchers"),
                )],
            ),
            (
                "Police detained a dozen protesters outside the embassy.",
                &[("a dozen", 12.0, Count, None, Exact, Some("protesters"))],
            ),
            (
                "The bill would hire one hundred and fifty judges and twenty-five clerks.",
                &[
                    (
                        "one hundred and fifty",
                        150.0,
                        Count,
                        None,
                        Exact,
                        Some("judges"),
                    ),
                    ("twenty-five", 25.0, Count, None, Exact, Some("clerks")),
                ],
            ),
            (
                "Some two and a half million voters stayed home.",
                &[(
                    "Some two and a half million",
                    2_500_000.0,
                    Count,
                    None,
                    Approx,
                    Some("voters"),
                )],
            ),
            (
                "Two agents were hurt, and three officials told reporters.",
                &[
                    ("Two", 2.0, Count, None, Exact, Some("agents")),
                    ("three", 3.0, Count, None, Exact, Some("officials")),
                ],
            ),
        ]);
    }

    #[test]
    fn money() {
        check(&[
            (
                "He asked Washington to approve a plan that would deploy $20 billion to the region.",
                &[("$20 billion", 2e10, Money, Some("USD"), Exact, Some("plan"))],
            ),
            (
                "The firm raised $2bn in new funding.",
                &[("$2bn", 2e9, Money, Some("USD"), Exact, Some("funding"))],
            ),
            (
                "The club paid £300,000 for the striker and €1.5m in fees.",
                &[
                    (
                        "£300,000",
                        300_000.0,
                        Money,
                        Some("GBP"),
                        Exact,
                        Some("striker"),
                    ),
                    (
                        "€1.5m",
                        1_500_000.0,
                        Money,
                        Some("EUR"),
                        Exact,
                        Some("fees"),
                    ),
                ],
            ),
            (
                "The state spent 300 million pesos on shelters.",
                &[("300 million", 3e8, Money, Some("MXN"), Exact, Some("pesos"))],
            ),
            (
                "Canada pledged C$40 million, and Japan about ¥5 billion.",
                &[
                    ("C$40 million", 4e7, Money, Some("CAD"), Exact, None),
                    ("about ¥5 billion", 5e9, Money, Some("JPY"), Approx, None),
                ],
            ),
            (
                "Seized: 500 pounds of cocaine.",
                &[("500", 500.0, Count, None, Exact, Some("pounds"))],
            ),
        ]);
    }

    #[test]
    fn percentages() {
        check(&[
            (
                "Only 38% of voters approved, down from 46% in November.",
                &[
                    ("38%", 38.0, Percent, None, Exact, Some("voters")),
                    ("46%", 46.0, Percent, None, Exact, Some("voters")),
                ],
            ),
            (
                "Turnout rose 10 percent, and fewer than 5 per cent of ballots were spoiled.",
                &[
                    ("10 percent", 10.0, Percent, None, Exact, Some("turnout")),
                    (
                        "fewer than 5 per cent",
                        5.0,
                        Percent,
                        None,
                        LessThan,
                        Some("ballots"),
                    ),
                ],
            ),
            (
                "That is only 10% of December’s tally.",
                &[("10%", 10.0, Percent, None, Exact, Some("tally"))],
            ),
        ]);
    }

    #[test]
    fn qualifiers_and_rates() {
        check(&[
            (
                "An estimated 10,000 people cross illegally every day.",
                &[(
                    "estimated 10,000",
                    10000.0,
                    Count,
                    None,
                    Approx,
                    Some("people"),
                )],
            ),
            (
                "Encounters have surpassed 250k this month.",
                &[(
                    "surpassed 250k",
                    250_000.0,
                    Count,
                    None,
                    MoreThan,
                    Some("encounters"),
                )],
            ),
            (
                "The shelter holds up to 400 families and roughly 1,200 children.",
                &[
                    ("up to 400", 400.0, Count, None, LessThan, Some("families")),
                    (
                        "roughly 1,200",
                        1200.0,
                        Count,
                        None,
                        Approx,
                        Some("children"),
                    ),
                ],
            ),
            (
                "Mexico agreed to take back 30,000 migrants per month.",
                &[("30,000", 30000.0, Count, None, Exact, Some("migrants"))],
            ),
        ]);
        let f = run("Mexico agreed to take back 30,000 migrants per month.");
        assert_eq!(f[0].rate.as_deref(), Some("per month"));
        let f = run("About 10,000 people cross a day.");
        assert_eq!(f[0].rate.as_deref(), Some("per day"));
        let f = run("The more than 15,000-person caravan moved north.");
        assert_eq!(f[0].what.as_deref(), Some("person"));
        assert_eq!(f[0].qualifier, MoreThan);
    }

    #[test]
    fn not_figures() {
        for text in [
            "Under Title 42, migrants were expelled.",
            "The COVID-19 pandemic changed travel.",
            "Border crossings hit a record in 2023.",
            "The post went up on December 22, 2023.",
            "They met on Wednesday December, 27th.",
            "It was the third-highest monthly total.",
            "Follow @user123 and @DennyGr28530407 for updates.",
            "Ukraine asked for F-16 jets and a Boeing 737.",
            "The talks start at 3 p.m. and end at 10:30.",
            "See pic.twitter.com/0lDpvPy3PN for the video.",
            "The 2024 presidential election is close.",
            "This is one of the key issues, and no one knows why.",
            "The two-month-long talks stalled.",
            "A 25-year-old man was arrested.",
            "Millions of Americans and hundreds of migrants watched.",
            "Image: Gage Skidmore, CC BY-SA 2.0, via Wikimedia Commons.",
            "Posted by RF_SoTX_956 on Dec. 5.",
            "A one-third share went to 7-Eleven stores.",
            "Nearly 1 in 4 adults and nine out of ten doctors agree.",
            "See note (2) and [3]. Call 555-1234.",
            "Her iPhone 15 broke during the 100m race.",
            "Wages rose from a year earlier, in fiscal 2023-24.",
            "Lena Ortiz, 37, a nurse, and Tom Reyes, 62, said they would stay.",
            "A 48-year-old driver, aged 48, was hurt.",
        ] {
            let got = run(text);
            assert!(got.is_empty(), "{text:?} gave {got:?}");
        }
    }

    #[test]
    fn ranges_hyphens_and_dozens() {
        check(&[
            (
                "Between 10,000-15,000 people marched.",
                &[
                    ("10,000", 10000.0, Count, None, Exact, Some("people")),
                    ("15,000", 15000.0, Count, None, Exact, Some("people")),
                ],
            ),
            (
                "It was a $5.5-billion deal.",
                &[(
                    "$5.5-billion",
                    5.5e9,
                    Money,
                    Some("USD"),
                    Exact,
                    Some("deal"),
                )],
            ),
            (
                "Half a dozen officers and two dozen soldiers arrived.",
                &[
                    ("Half a dozen", 6.0, Count, None, Exact, Some("officers")),
                    ("two dozen", 24.0, Count, None, Exact, Some("soldiers")),
                ],
            ),
        ]);
    }

    #[test]
    fn counts_after_possessives_and_demonyms() {
        check(&[
            (
                "Norvik's 14 Swedish warehouses will close.",
                &[("14", 14.0, Count, None, Exact, Some("warehouses"))],
            ),
            (
                "The group runs 9 French and Mexican bakeries.",
                &[("9", 9.0, Count, None, Exact, Some("bakeries"))],
            ),
        ]);
    }

    #[test]
    fn no_verb_as_what() {
        check(&[
            (
                "Hurricane Dorian strands 12,000 on the coast.",
                &[("12,000", 12000.0, Count, None, Exact, None)],
            ),
            (
                "The mill employs more than 700 in the valley.",
                &[("more than 700", 700.0, Count, None, MoreThan, None)],
            ),
            (
                "Its volunteers have fed 3,000 since June.",
                &[("3,000", 3000.0, Count, None, Exact, Some("volunteers"))],
            ),
        ]);
    }

    #[test]
    fn percent_and_money_measure_a_noun() {
        check(&[
            (
                "Quarterly revenue dropped 12% to $3 billion.",
                &[
                    ("12%", 12.0, Percent, None, Exact, Some("revenue")),
                    (
                        "$3 billion",
                        3e9,
                        Money,
                        Some("USD"),
                        Exact,
                        Some("revenue"),
                    ),
                ],
            ),
            (
                "The brewer reported a 17 per cent fall in earnings and a 17% fall in sales.",
                &[
                    ("17 per cent", 17.0, Percent, None, Exact, Some("earnings")),
                    ("17%", 17.0, Percent, None, Exact, Some("sales")),
                ],
            ),
            (
                "Its bonds have lost nearly 5% since May.",
                &[("nearly 5%", 5.0, Percent, None, Approx, Some("bonds"))],
            ),
            (
                "Insurers put the losses at $2 million, with exports of £40m.",
                &[
                    ("$2 million", 2e6, Money, Some("USD"), Exact, Some("losses")),
                    ("£40m", 4e7, Money, Some("GBP"), Exact, Some("exports")),
                ],
            ),
            (
                "The council kept its lending rate at a record 6%.",
                &[("6%", 6.0, Percent, None, Exact, Some("rate"))],
            ),
        ]);
    }

    #[test]
    fn measurements_count_their_unit() {
        check(&[
            (
                "Winds of up to 70 mph and near 105 degrees are forecast.",
                &[
                    ("up to 70", 70.0, Count, None, LessThan, Some("mph")),
                    ("near 105", 105.0, Count, None, Approx, Some("degrees")),
                ],
            ),
            (
                "The blaze burned roughly 2,500 hectares and 800 acres of pasture.",
                &[
                    (
                        "roughly 2,500",
                        2500.0,
                        Count,
                        None,
                        Approx,
                        Some("hectares"),
                    ),
                    ("800", 800.0, Count, None, Exact, Some("acres")),
                ],
            ),
            (
                "The tanker spilled about 40,000 barrels, or 6,000 tonnes, across 12 miles.",
                &[
                    (
                        "about 40,000",
                        40000.0,
                        Count,
                        None,
                        Approx,
                        Some("barrels"),
                    ),
                    ("6,000", 6000.0, Count, None, Exact, Some("tonnes")),
                    ("12", 12.0, Count, None, Exact, Some("miles")),
                ],
            ),
        ]);
    }

    #[test]
    fn grouped_numbers_parse_as_their_digits() {
        for num in [
            "0",
            "7",
            "007",
            "42",
            "1,000",
            "269,735",
            "1,234,567",
            "999999999999999",
            "1000000000000000",
            "1234567890123456",
            "3.5",
            "1,234.5",
            "0.25",
            "",
            ",",
            "1,",
            "1.",
        ] {
            let want: Option<f64> = num.replace(',', "").parse().ok();
            assert_eq!(parse_grouped(num), want, "{num:?}");
        }
    }

    #[test]
    fn year_with_counted_noun_is_a_figure() {
        let f = run("Police arrested 2000 protesters.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].value, 2000.0);
        assert!(run("In 2023 migrants kept coming.").is_empty());
    }

    #[test]
    fn spans_are_sorted_and_disjoint() {
        let f = run("Between 10,000 and 15,000 people, about 38% of them, paid $5 each.");
        assert_eq!(f.len(), 4);
        for w in f.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long_digits = "9".repeat(100_000);
        let long_commas = "1,000,".repeat(10_000);
        // One sentence of many bare figures: the context look-ups must stay
        // bounded (this once took minutes).
        let many_figures = "5 ".repeat(50_000);
        for text in [
            "",
            "$",
            "a",
            "a quarter of a",
            "1,",
            "1.",
            "¥",
            "US$",
            "2bn+%",
            "é1,000é",
            long_digits.as_str(),
            long_commas.as_str(),
            many_figures.as_str(),
            "one two three four five six seven eight nine ten",
            "thousand million billion trillion",
        ] {
            let f = run(text);
            for x in &f {
                assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
            }
        }
    }
}
