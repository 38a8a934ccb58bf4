//! Human tables (tabled), sized for a 100-column terminal.

use std::io::{self, Write};

use rayon::prelude::*;
use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Style};

use super::ExtractReporter;
use super::paint::{Paint, Tint};
use super::sanitize::cell;
use super::wire::number;
use crate::claims::diff::Diff;
use crate::claims::{ArticleRef, Claim};
use crate::document::Document;
use crate::extract::{Kinds, Qualifier, Unit};
use crate::pipeline::Article;
use crate::reader::Problem;
use crate::summary::{ArticleFacts, ArticleRow, Summary};

/// The width tables are wrapped to.
pub const WIDTH: usize = 100;

/// Lays out a table: header, rows, fitted to [`WIDTH`] (see [`fit`]) and
/// wrapped between words. A column empty in every row is left out; a column
/// of numbers is aligned right.
pub fn render(
    paint: Paint,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> String {
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.iter().map(|c| cell(c)).collect())
        .collect();
    let column = |i: usize| {
        rows.iter()
            .filter_map(move |r| r.get(i))
            .filter(|c| !c.is_empty())
    };
    let kept: Vec<usize> = (0..header.len())
        .filter(|&i| column(i).next().is_some())
        .collect();
    let numeric: Vec<bool> = kept
        .iter()
        .map(|&i| column(i).all(|c| c.parse::<f64>().is_ok()))
        .collect();
    let natural: Vec<usize> = kept
        .iter()
        .map(|&i| {
            let cells = column(i).map(|c| c.chars().count());
            cells.chain([header[i].chars().count()]).max().unwrap_or(0)
        })
        .collect();
    let longest_word: Vec<usize> = kept
        .iter()
        .map(|&i| {
            let words = column(i)
                .flat_map(|c| c.split(' '))
                .map(|w| w.chars().count());
            words.max().unwrap_or(0)
        })
        .collect();
    let widths = fit(&natural, &numeric, &longest_word);
    let lay_out = |cells: &[String], tint: &dyn Fn(usize, &str) -> Tint| -> Vec<String> {
        kept.iter()
            .zip(&widths)
            .map(|(&i, &w)| {
                let text = cells.get(i).map_or("", String::as_str);
                paint.lines(tint(i, text), &wrap(text, w))
            })
            .collect()
    };
    let mut b = Builder::new();
    b.push_record(lay_out(
        &header.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
        &|_, _| Tint::Header,
    ));
    for row in &rows {
        b.push_record(lay_out(row, &|i, text| match header[i] {
            "status" => Tint::status(text),
            _ => Tint::Plain,
        }));
    }
    let mut table = b.build();
    table.with(Style::sharp());
    for (j, _) in numeric.iter().enumerate().filter(|(_, n)| **n) {
        table.modify(Columns::one(j), Alignment::right());
    }
    table.to_string()
}

/// The first column names the row: it keeps this many characters before
/// the others give up theirs.
const LABEL_WIDTH: usize = 24;
/// ... and gives up characters down to this when the others need them.
const LABEL_FLOOR: usize = 16;

/// A column keeps its longest word up to this width, so that a date or a
/// number is not cut in two.
const WORD_WIDTH: usize = 12;

/// Column widths that fit [`WIDTH`]: numbers keep their width, the first
/// column keeps up to [`LABEL_WIDTH`], and the others share the rest fairly
/// (a narrow column keeps its width, the wide ones split what is left), none
/// narrower than its longest word (up to [`WORD_WIDTH`]).
fn fit(natural: &[usize], numeric: &[bool], longest_word: &[usize]) -> Vec<usize> {
    let n = natural.len();
    let frame = 3 * n + 1; // borders and one space of padding each side
    if natural.iter().sum::<usize>() + frame <= WIDTH {
        return natural.to_vec();
    }
    let mut widths = natural.to_vec();
    let mut budget = WIDTH.saturating_sub(frame);
    let mut open: Vec<usize> = Vec::new();
    for j in 0..n {
        if numeric[j] {
            budget = budget.saturating_sub(natural[j]);
        } else if j == 0 {
            widths[0] = natural[0].min(LABEL_WIDTH);
            budget = budget.saturating_sub(widths[0]);
        } else {
            open.push(j);
        }
    }
    open.sort_by_key(|&j| natural[j]);
    let mut left = open.len();
    for j in open {
        let share = (budget / left.max(1))
            .max(longest_word[j].min(WORD_WIDTH))
            .max(4);
        widths[j] = natural[j].min(share);
        budget = budget.saturating_sub(widths[j]);
        left -= 1;
    }
    // words kept whole may overrun: the label gives back what it can
    let total = widths.iter().sum::<usize>() + frame;
    if total > WIDTH && !numeric[0] {
        let floor = natural[0]
            .min(LABEL_FLOOR)
            .max(longest_word[0].min(LABEL_WIDTH));
        widths[0] = widths[0].saturating_sub(total - WIDTH).max(floor);
    }
    widths
}

/// Greedy word wrap to `width` characters; a word longer than a line is cut.
fn wrap(text: &str, width: usize) -> String {
    if text.chars().count() <= width || width == 0 {
        return text.to_string();
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let len = line.chars().count();
        if len > 0 && len + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.extend(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

/// `extract --format table`: a heading and a table of mentions per article.
pub struct ExtractTable<'w> {
    out: &'w mut dyn Write,
    kinds: Kinds,
    paint: Paint,
    count: usize,
}

impl<'w> ExtractTable<'w> {
    pub fn new(out: &'w mut dyn Write, kinds: Kinds, paint: Paint) -> Self {
        ExtractTable {
            out,
            kinds,
            paint,
            count: 0,
        }
    }
}

fn heading(doc: &Document) -> String {
    let mut parts = vec![cell(&doc.path)];
    if let Some(outlet) = &doc.meta.outlet {
        parts.push(cell(outlet));
    }
    match (doc.meta.published, &doc.meta.inferred) {
        (Some(d), _) => parts.push(format!("published {d}")),
        (None, Some(i)) => parts.push(format!("published ~{} (inferred)", i.date)),
        (None, None) => parts.push("publication date unknown".into()),
    }
    parts.join(" · ")
}

fn qualifier(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::Approx => "≈",
        Qualifier::MoreThan => ">",
        Qualifier::LessThan => "<",
    }
}

impl ExtractReporter for ExtractTable<'_> {
    fn article(&mut self, article: &Article, _rendered: Option<Vec<u8>>) -> io::Result<()> {
        let doc = &article.doc;
        let found = &article.found;
        let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
        let span = |s: crate::document::Span| {
            let f = doc.file_span(s);
            format!("{}-{}", f.start, f.end)
        };
        let k = self.kinds;
        for (on, kind, list) in [
            (k.people, "person", &found.people),
            (k.organisations, "organisation", &found.organisations),
        ] {
            if !on {
                continue;
            }
            for e in list {
                let first = e.mentions.first().map_or(0, |m| m.span.start);
                let texts: Vec<&str> = e.mentions.iter().map(|m| doc.slice(m.span)).collect();
                let mut detail = format!("{}×", e.mentions.len());
                if !e.roles.is_empty() {
                    detail = format!("{detail}; {}", e.roles.join("; "));
                }
                rows.push((
                    first,
                    vec![
                        kind.into(),
                        e.name.clone(),
                        dedup(&texts),
                        detail,
                        e.mentions.first().map_or(String::new(), |m| span(m.span)),
                    ],
                ));
            }
        }
        if k.dates {
            for d in &found.dates {
                rows.push((
                    d.span.start,
                    vec![
                        "date".into(),
                        doc.slice(d.span).into(),
                        d.value.clone().unwrap_or_else(|| "?".into()),
                        String::new(),
                        span(d.span),
                    ],
                ));
            }
        }
        if k.figures {
            for f in &found.figures {
                let mut value = format!("{}{}", qualifier(f.qualifier), number(f.value));
                match (f.unit, f.currency) {
                    (Unit::Percent, _) => value.push('%'),
                    (Unit::Money, Some(c)) => value = format!("{value} {c}"),
                    _ => {}
                }
                let mut what = f.what.clone().unwrap_or_default();
                if let Some(rate) = &f.rate {
                    what = format!("{what} {rate}");
                }
                rows.push((
                    f.span.start,
                    vec![
                        "figure".into(),
                        doc.slice(f.span).into(),
                        value,
                        what,
                        span(f.span),
                    ],
                ));
            }
        }
        if k.posts {
            for p in &found.posts {
                let date = p.date.map_or_else(|| "?".into(), |d| d.to_string());
                rows.push((
                    p.span.start,
                    vec![
                        "post".into(),
                        format!("{} (@{})", p.author, p.handle),
                        date,
                        doc.slice(p.text).chars().take(120).collect(),
                        span(p.span),
                    ],
                ));
            }
        }
        rows.sort_by_key(|(start, _)| *start);
        if self.count > 0 {
            writeln!(self.out)?;
        }
        self.count += 1;
        writeln!(self.out, "{}", self.paint.heading(&heading(doc)))?;
        if rows.is_empty() {
            return writeln!(self.out, "(nothing found)");
        }
        let header = ["kind", "text", "value", "detail", "span"];
        writeln!(
            self.out,
            "{}",
            render(self.paint, &header, rows.into_iter().map(|(_, r)| r))
        )
    }

    fn finish(&mut self, problems: &[Problem]) -> io::Result<()> {
        if self.count == 0 && problems.is_empty() {
            writeln!(self.out, "(no articles)")?;
        }
        Ok(())
    }
}

fn dedup(texts: &[&str]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for t in texts {
        if !seen.contains(t) {
            seen.push(t);
        }
    }
    seen.join(", ")
}

/// Columns of the per-article summary, in table and Markdown alike.
pub const SUMMARY_HEADER: [&str; 10] = [
    "#",
    "file",
    "outlet",
    "published",
    "words",
    "people",
    "orgs",
    "dates",
    "figures",
    "posts",
];

/// One article's summary row; an inferred date is marked with `~`.
pub fn summary_row(a: &ArticleRow) -> Vec<String> {
    let r = &a.article;
    let published = match (&r.published, a.published_inferred) {
        (Some(p), true) => format!("~{p}"),
        (Some(p), false) => p.clone(),
        (None, _) => "?".into(),
    };
    vec![
        r.number.to_string(),
        r.file.clone(),
        r.outlet.clone().unwrap_or_default(),
        published,
        a.words.to_string(),
        a.people.to_string(),
        a.organisations.to_string(),
        a.dates.to_string(),
        a.figures.to_string(),
        a.posts.to_string(),
    ]
}

/// `summarize --format table`; the claims come in batches, as they are read
/// back, each batch a table.
pub fn summary(
    out: &mut dyn Write,
    s: &Summary,
    articles: &[ArticleRef],
    batches: impl Iterator<Item = Vec<Claim>>,
    paint: Paint,
) -> io::Result<()> {
    writeln!(out, "{}", paint.heading("Articles"))?;
    writeln!(
        out,
        "{}",
        render(paint, &SUMMARY_HEADER, s.articles.iter().map(summary_row))
    )?;
    if s.articles.iter().any(|a| a.published_inferred) {
        writeln!(out, "~ publication date inferred from the text")?;
    }
    let mut batches = batches.peekable();
    if batches.peek().is_some() {
        writeln!(
            out,
            "\n{}",
            paint.heading("Where the articles conflict, then where they agree")
        )?;
        for batch in batches {
            writeln!(out, "{}", claims_table(paint, &batch, articles))?;
        }
    }
    if !s.named.is_empty() {
        writeln!(out, "\n{}", paint.heading("People and organisations"))?;
        let rows = s.named.iter().map(|n| {
            vec![
                n.name.clone(),
                n.kind.name().into(),
                numbers(&n.articles),
                n.mentions.to_string(),
            ]
        });
        writeln!(
            out,
            "{}",
            render(paint, &["name", "kind", "articles", "mentions"], rows)
        )?;
    }
    // one table an article, a chunk of articles laid out in parallel
    let with_facts: Vec<&ArticleFacts> = s.facts.iter().filter(|a| !a.facts.is_empty()).collect();
    for chunk in with_facts.chunks(FACT_TABLES_AT_ONCE) {
        let tables: Vec<String> = chunk.par_iter().map(|a| facts_table(paint, s, a)).collect();
        for t in tables {
            out.write_all(t.as_bytes())?;
        }
    }
    Ok(())
}

/// Articles whose fact tables are laid out at a time.
const FACT_TABLES_AT_ONCE: usize = 1024;

/// One article's figures and dates, under a heading.
fn facts_table(paint: Paint, s: &Summary, a: &ArticleFacts) -> String {
    let title = format!("#{} {}: figures and dates", a.number, cell(&a.file));
    let rows = a.facts.iter().map(|f| {
        vec![
            f.kind.name().into(),
            s.string(f.text).into(),
            s.string(f.value).into(),
            s.string(f.what).into(),
        ]
    });
    format!(
        "\n{}\n{}\n",
        paint.heading(&title),
        render(paint, &["kind", "text", "value", "what"], rows)
    )
}

/// "1 2 4" for article numbers.
pub fn numbers(list: &[usize]) -> String {
    list.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Up to this many articles, `claims` shows one column per article.
const ARTICLE_COLUMNS: usize = 6;

/// "#1 000_a.txt (2023-12-26) · #2 …": which number is which article.
fn legend(out: &mut dyn Write, articles: &[ArticleRef]) -> io::Result<()> {
    for a in articles {
        let mut line = format!("#{} {}", a.number, cell(&a.file));
        if let Some(outlet) = &a.outlet {
            line.push_str(&format!(" · {}", cell(outlet)));
        }
        if let Some(p) = &a.published {
            line.push_str(&format!(" · {p}"));
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// A claim's values in one cell: "#1 >15000 · #3 6000".
fn values(claim: &Claim, articles: &[ArticleRef]) -> String {
    claim
        .statements
        .iter()
        .map(|s| format!("#{} {}", articles[s.article].number, s.value))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn claims_table(paint: Paint, claims: &[Claim], articles: &[ArticleRef]) -> String {
    if articles.len() <= ARTICLE_COLUMNS {
        let mut header = vec!["topic".to_string(), "status".to_string()];
        header.extend(articles.iter().map(|a| format!("#{}", a.number)));
        let rows = claims.iter().map(|c| {
            let mut row = vec![c.topic.clone(), c.status.name().to_string()];
            row.extend(articles.iter().enumerate().map(|(i, _)| {
                c.statements
                    .iter()
                    .find(|s| s.article == i)
                    .map_or(String::new(), |s| s.value.clone())
            }));
            row
        });
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        render(paint, &header, rows)
    } else {
        let rows = claims.iter().map(|c| {
            vec![
                c.topic.clone(),
                c.status.name().to_string(),
                values(c, articles),
            ]
        });
        render(paint, &["topic", "status", "values"], rows)
    }
}

/// `claims --format table`.
pub fn claims(
    out: &mut dyn Write,
    articles: &[ArticleRef],
    claims: &[Claim],
    paint: Paint,
) -> io::Result<()> {
    legend(out, articles)?;
    if claims.is_empty() {
        return writeln!(out, "\n(no claims)");
    }
    writeln!(out, "{}", claims_table(paint, claims, articles))
}

/// `diff --format table`.
pub fn diff(out: &mut dyn Write, d: &Diff, paint: Paint) -> io::Result<()> {
    let [a, b] = &d.articles;
    writeln!(out, "A: {}", cell(&a.file))?;
    writeln!(out, "B: {}", cell(&b.file))?;
    if !d.differs() {
        writeln!(out, "\nno differences")?;
    }
    if !d.both.is_empty() {
        writeln!(out, "\n{}", paint.heading("Both state"))?;
        let rows = d.both.iter().map(|c| {
            let side = |i| {
                c.statements
                    .iter()
                    .find(|s| s.article == i)
                    .map_or(String::new(), |s| format!("{} ({})", s.value, s.text))
            };
            vec![c.topic.clone(), c.status.name().into(), side(0), side(1)]
        });
        writeln!(
            out,
            "{}",
            render(paint, &["topic", "status", "A", "B"], rows)
        )?;
    }
    for (title, list) in [("Only A states", &d.only_a), ("Only B states", &d.only_b)] {
        if list.is_empty() {
            continue;
        }
        writeln!(out, "\n{}", paint.heading(title))?;
        let rows = list.iter().flat_map(|c| {
            c.statements
                .iter()
                .map(|s| vec![c.topic.clone(), s.value.clone(), s.text.clone()])
        });
        writeln!(out, "{}", render(paint, &["topic", "value", "text"], rows))?;
    }
    for (title, list) in [
        ("Named only by A", &d.named_only_a),
        ("Named only by B", &d.named_only_b),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(out, "\n{}", paint.heading(title))?;
        let rows = list.iter().map(|(k, n)| vec![n.clone(), k.name().into()]);
        writeln!(out, "{}", render(paint, &["name", "kind"], rows))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words_and_cuts_long_words() {
        assert_eq!(
            wrap("Mexican President; President", 10),
            "Mexican\nPresident;\nPresident"
        );
        assert_eq!(
            wrap("000_207fcaca215bc1b0.txt", 10),
            "000_207fca\nca215bc1b0\n.txt"
        );
        assert_eq!(wrap("short", 10), "short");
    }

    #[test]
    fn fit_keeps_numbers_and_the_label_and_shares_the_rest() {
        // fits: natural widths
        assert_eq!(
            fit(&[10, 5, 20], &[false, true, false], &[5, 5, 5]),
            [10, 5, 20]
        );
        // too wide: the label keeps 24, the number 6, two wide columns split the rest
        let widths = fit(
            &[40, 6, 60, 60],
            &[false, true, false, false],
            &[8, 6, 9, 9],
        );
        assert_eq!(widths, [24, 6, 28, 29]);
        assert!(widths.iter().sum::<usize>() + 3 * 4 < WIDTH);
        // seven narrow columns: none is cut below its longest word
        let widths = fit(
            &[30, 8, 20, 20, 20, 20, 20],
            &[false; 7],
            &[9, 8, 10, 10, 10, 10, 10],
        );
        assert!(widths[2..].iter().all(|&w| w >= 10), "{widths:?}");
    }
}
