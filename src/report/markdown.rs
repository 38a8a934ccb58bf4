//! Markdown reporter for `summarize`: GitHub-flavoured tables, pipes escaped.

use std::io::{self, Write};

use super::sanitize::cell;
use super::table::{SUMMARY_HEADER, numbers, summary_row};
use crate::claims::{ArticleRef, Claim};
use crate::summary::Summary;

fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    let cells: Vec<String> = cells.iter().map(|c| cell(c).replace('|', "\\|")).collect();
    writeln!(out, "| {} |", cells.join(" | "))
}

fn table(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    row(
        out,
        &header.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
    )?;
    writeln!(out, "|{}", "---|".repeat(header.len()))?;
    rows.iter().try_for_each(|r| row(out, r))
}

/// `summarize --format markdown`; the claims come in batches, as they are
/// read back.
pub fn summary(
    out: &mut dyn Write,
    s: &Summary,
    articles: &[ArticleRef],
    batches: impl Iterator<Item = Vec<Claim>>,
) -> io::Result<()> {
    writeln!(out, "## Articles\n")?;
    let rows: Vec<Vec<String>> = s.articles.iter().map(summary_row).collect();
    table(out, &SUMMARY_HEADER, &rows)?;
    if s.articles.iter().any(|a| a.published_inferred) {
        writeln!(out, "\n~ publication date inferred from the text")?;
    }
    let mut batches = batches.peekable();
    if batches.peek().is_some() {
        writeln!(
            out,
            "\n## Where the articles conflict, then where they agree\n"
        )?;
        table(out, &["topic", "status", "values"], &[])?;
        for batch in batches {
            for claim in &batch {
                let values = claim
                    .statements
                    .iter()
                    .map(|st| {
                        format!(
                            "#{} {} (“{}”)",
                            articles[st.article].number, st.value, st.text
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                row(
                    out,
                    &[claim.topic.clone(), claim.status.name().into(), values],
                )?;
            }
        }
    }
    if !s.named.is_empty() {
        writeln!(out, "\n## People and organisations\n")?;
        let rows: Vec<Vec<String>> = s
            .named
            .iter()
            .map(|n| {
                vec![
                    n.name.clone(),
                    n.kind.name().into(),
                    numbers(&n.articles),
                    n.mentions.to_string(),
                ]
            })
            .collect();
        table(out, &["name", "kind", "articles", "mentions"], &rows)?;
    }
    for a in s.facts.iter().filter(|a| !a.facts.is_empty()) {
        writeln!(
            out,
            "\n## #{} {}: figures and dates\n",
            a.number,
            cell(&a.file)
        )?;
        let rows: Vec<Vec<String>> = a
            .facts
            .iter()
            .map(|f| {
                vec![
                    f.kind.name().into(),
                    s.string(f.text).into(),
                    s.string(f.value).into(),
                    s.string(f.what).into(),
                ]
            })
            .collect();
        table(out, &["kind", "text", "value", "what"], &rows)?;
    }
    Ok(())
}
