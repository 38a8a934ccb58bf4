//! INDEX.md parsing: a Markdown table with a `file` column, or list items
//! holding a link `[title](path.txt)` or a bare path.

use std::collections::HashSet;

use chrono::NaiveDate;

/// One article as INDEX.md lists it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    /// The path as written, relative to the INDEX.md's folder.
    pub listed: String,
    /// 1-based line of INDEX.md, when the entry came from one.
    pub line: Option<usize>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
}

/// A problem with one line of INDEX.md.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub message: String,
}

/// What INDEX.md lists, and what was wrong with the lines it could not use.
#[derive(Debug, Default)]
pub struct Index {
    pub entries: Vec<Entry>,
    pub problems: Vec<LineProblem>,
    /// Set when a table was found but has no `file` column.
    pub missing_file_column: Option<usize>,
}

/// Parses INDEX.md text. Never fails: lines it cannot use become problems.
pub fn parse(text: &str) -> Index {
    let mut index = Index::default();
    let mut table: Option<Columns> = None;
    let mut seen = HashSet::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim().trim_start_matches('\u{feff}');
        if line.starts_with('|') {
            let cells = split_row(line);
            match &table {
                None => {
                    let cols = Columns::from_header(&cells);
                    if cols.file.is_none() {
                        index.missing_file_column.get_or_insert(line_no);
                    }
                    table = Some(cols);
                }
                Some(_) if cells.iter().all(|c| is_rule_cell(c)) => {}
                Some(cols) => {
                    let Some(file_col) = cols.file else { continue };
                    let cell = |c: Option<usize>| {
                        c.and_then(|c| cells.get(c))
                            .map(|s| unescape(s))
                            .filter(|s| !s.is_empty())
                    };
                    let Some(listed) = cell(Some(file_col)).map(|s| link_target(&s)) else {
                        index.problems.push(LineProblem {
                            line: line_no,
                            message: "row has no file".into(),
                        });
                        continue;
                    };
                    let published = cell(cols.published);
                    let entry = Entry {
                        listed,
                        line: Some(line_no),
                        title: cell(cols.title),
                        outlet: cell(cols.outlet),
                        published: published.as_deref().and_then(parse_date),
                        url: cell(cols.url),
                    };
                    if let (Some(p), None) = (&published, entry.published) {
                        index.problems.push(LineProblem {
                            line: line_no,
                            message: format!("published date not understood: '{p}'"),
                        });
                    }
                    push(&mut index, &mut seen, entry);
                }
            }
            continue;
        }
        table = None;
        if let Some(item) = list_item(line) {
            let entry = match markdown_link(item) {
                Some((title, target)) => Entry {
                    listed: target.to_string(),
                    line: Some(line_no),
                    title: Some(title.to_string()).filter(|t| !t.is_empty()),
                    ..Entry::default()
                },
                None => {
                    let path = item.trim().trim_matches('`');
                    if path.is_empty()
                        || path.contains(char::is_whitespace) && !path.ends_with(".txt")
                    {
                        continue;
                    }
                    Entry {
                        listed: path.to_string(),
                        line: Some(line_no),
                        ..Entry::default()
                    }
                }
            };
            push(&mut index, &mut seen, entry);
        }
    }
    index
}

fn push(index: &mut Index, seen: &mut HashSet<String>, entry: Entry) {
    let key = entry.listed.trim_start_matches("./").to_string();
    if seen.insert(key) {
        index.entries.push(entry);
    } else {
        index.problems.push(LineProblem {
            line: entry.line.unwrap_or(0),
            message: format!("listed twice, later row ignored: '{}'", entry.listed),
        });
    }
}

#[derive(Debug, Default)]
struct Columns {
    file: Option<usize>,
    title: Option<usize>,
    outlet: Option<usize>,
    published: Option<usize>,
    url: Option<usize>,
}

impl Columns {
    fn from_header(cells: &[String]) -> Self {
        let mut cols = Columns::default();
        for (i, cell) in cells.iter().enumerate() {
            let slot = match cell.trim().to_lowercase().as_str() {
                "file" | "path" | "filename" | "file name" => &mut cols.file,
                "title" | "headline" => &mut cols.title,
                "outlet" | "source" | "publisher" | "site" => &mut cols.outlet,
                "published" | "date" | "published date" | "publication date" => &mut cols.published,
                "url" | "link" => &mut cols.url,
                _ => continue,
            };
            slot.get_or_insert(i);
        }
        cols
    }
}

/// Cells of a `| a | b |` row; `\|` is a literal bar.
fn split_row(line: &str) -> Vec<String> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner
        .strip_suffix('|')
        .filter(|s| !s.ends_with('\\'))
        .unwrap_or(inner);
    let mut cells = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cells.last_mut().expect("cells start non-empty").push('|');
                chars.next();
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().expect("cells start non-empty").push(c),
        }
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

fn is_rule_cell(cell: &str) -> bool {
    !cell.is_empty() && cell.chars().all(|c| matches!(c, '-' | ':' | ' '))
}

fn unescape(cell: &str) -> String {
    cell.trim().trim_matches('`').trim().to_string()
}

/// `[text](target)` → target; anything else as it is.
fn link_target(cell: &str) -> String {
    markdown_link(cell).map_or_else(|| cell.to_string(), |(_, t)| t.to_string())
}

fn markdown_link(s: &str) -> Option<(&str, &str)> {
    let open = s.find('[')?;
    let mid = open + s[open..].find("](")?;
    let close = mid + s[mid..].find(')')?;
    let target = s[mid + 2..close].trim();
    let target = target
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(target);
    Some((s[open + 1..mid].trim(), target))
}

fn list_item(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix(['-', '*', '+']) {
        return rest.strip_prefix(' ');
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let rest = &line[digits..];
        return rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") "));
    }
    None
}

/// Dates as INDEX.md may give them: ISO first, then common English forms.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let iso = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok().or_else(|| {
        ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y/%m/%d"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_with_columns_in_any_order_and_case() {
        let idx = parse(
            "# Corpus\n\n| URL | File | Published | Outlet |\n|---|---|---|---|\n\
             | https://x.test/a | a.txt | 2023-12-26 | The Hill |\n| | b.txt | | |\n",
        );
        assert_eq!(idx.problems, []);
        assert_eq!(idx.entries.len(), 2);
        let a = &idx.entries[0];
        assert_eq!(a.listed, "a.txt");
        assert_eq!(a.line, Some(5));
        assert_eq!(a.outlet.as_deref(), Some("The Hill"));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 12, 26));
        assert_eq!(idx.entries[1].published, None);
        assert_eq!(idx.entries[1].title, None);
    }

    #[test]
    fn list_items_with_links_and_bare_paths() {
        let idx = parse("- [Border talks](news/a.txt)\n* `b.txt`\n1. c.txt\nSome prose.\n");
        let listed: Vec<_> = idx.entries.iter().map(|e| e.listed.as_str()).collect();
        assert_eq!(listed, ["news/a.txt", "b.txt", "c.txt"]);
        assert_eq!(idx.entries[0].title.as_deref(), Some("Border talks"));
    }

    #[test]
    fn table_without_file_column_is_reported() {
        let idx = parse("| title | outlet |\n|---|---|\n| A | B |\n");
        assert!(idx.entries.is_empty());
        assert_eq!(idx.missing_file_column, Some(1));
    }

    #[test]
    fn duplicate_rows_are_reported_once() {
        let idx = parse("| file |\n|--|\n| a.txt |\n| ./a.txt |\n");
        assert_eq!(idx.entries.len(), 1);
        assert_eq!(idx.problems[0].line, 4);
        assert!(idx.problems[0].message.starts_with("listed twice"));
    }

    #[test]
    fn escaped_bars_and_links_in_cells() {
        let idx = parse("| file | title |\n|-|-|\n| [x](a b.txt) | A \\| B |\n");
        assert_eq!(idx.entries[0].listed, "a b.txt");
        assert_eq!(idx.entries[0].title.as_deref(), Some("A | B"));
    }

    #[test]
    fn bad_published_date_is_a_problem() {
        let idx = parse("| file | published |\n|-|-|\n| a.txt | someday |\n");
        assert_eq!(idx.entries.len(), 1);
        assert_eq!(
            idx.problems[0].message,
            "published date not understood: 'someday'"
        );
    }
}
