//! The reader: finds the articles of a corpus (INDEX.md, a single file, or a
//! walk with `--all`), checks their paths, decodes them and sets the metadata
//! the index and the text's first lines give.

pub mod decode;
pub mod index;

use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Document, Span};
pub use index::Entry;

/// A problem with one input, said where it is: the INDEX.md line that lists
/// the file (or the file itself when no index lists it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: the INDEX.md, or the file, as the user would type it.
    pub path: String,
    /// The INDEX.md line, 1-based.
    pub line: Option<usize>,
    /// The article as listed, when `path` is the INDEX.md that lists it.
    pub file: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.path)?;
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        f.write_str(&self.message)?;
        match &self.file {
            Some(file) => write!(f, ": '{file}'"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Problem {}

/// The articles a corpus lists, not yet read.
#[derive(Debug)]
pub struct Corpus {
    /// The folder listed paths are relative to, as the user gave it.
    pub root: PathBuf,
    /// Its canonical form, for the check that paths stay inside it.
    canonical_root: PathBuf,
    /// The INDEX.md read, if any.
    pub index: Option<PathBuf>,
    pub entries: Vec<Entry>,
    /// Problems with the listing itself (bad rows, duplicates, walk errors).
    pub problems: Vec<Problem>,
}

/// How to find the articles.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Walk the folder for `*.txt` instead of reading INDEX.md.
    pub all: bool,
}

/// Opens a corpus: a folder holding INDEX.md, a path to an INDEX.md, or one
/// `.txt` file. A corpus that lists nothing is an error.
pub fn open(path: &Path, options: Options) -> Result<Corpus, Problem> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Problem {
        path: shown.clone(),
        line: None,
        file: None,
        message: match e.kind() {
            std::io::ErrorKind::NotFound => "no such file or folder".into(),
            _ => io_message(&e),
        },
    })?;
    let corpus = if meta.is_dir() && options.all {
        walk(path)?
    } else if meta.is_dir() {
        let index = path.join("INDEX.md");
        if !index.is_file() {
            return Err(Problem {
                path: index.display().to_string(),
                line: None,
                file: None,
                message: "no INDEX.md in the corpus folder (use --all to take every .txt file)"
                    .into(),
            });
        }
        from_index(path, &index)?
    } else if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
    {
        from_index(parent(path), path)?
    } else {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let root = parent(path);
        Corpus {
            canonical_root: canonical(root, &shown)?,
            root: root.to_path_buf(),
            index: None,
            entries: vec![Entry {
                listed: name.unwrap_or_default(),
                ..Entry::default()
            }],
            problems: vec![],
        }
    };
    Ok(corpus)
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn canonical(path: &Path, shown: &str) -> Result<PathBuf, Problem> {
    path.canonicalize().map_err(|e| Problem {
        path: shown.to_string(),
        line: None,
        file: None,
        message: io_message(&e),
    })
}

fn from_index(root: &Path, index_path: &Path) -> Result<Corpus, Problem> {
    let shown = index_path.display().to_string();
    let problem = |line, message: String| Problem {
        path: shown.clone(),
        line,
        file: None,
        message,
    };
    let bytes = std::fs::read(index_path).map_err(|e| problem(None, io_message(&e)))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| problem(None, "INDEX.md is not valid UTF-8".into()))?;
    let parsed = index::parse(&text);
    let mut problems: Vec<Problem> = parsed
        .problems
        .into_iter()
        .map(|p| problem(Some(p.line), p.message))
        .collect();
    if parsed.entries.is_empty() {
        let message = match parsed.missing_file_column {
            Some(line) => {
                return Err(problem(Some(line), "table has no 'file' column".into()));
            }
            None => "INDEX.md lists no articles (a table with a 'file' column, or list items \
                     with a path)"
                .to_string(),
        };
        return Err(problems.pop().unwrap_or_else(|| problem(None, message)));
    }
    Ok(Corpus {
        canonical_root: canonical(root, &root.display().to_string())?,
        root: root.to_path_buf(),
        index: Some(index_path.to_path_buf()),
        entries: parsed.entries,
        problems,
    })
}

fn walk(root: &Path) -> Result<Corpus, Problem> {
    let canonical_root = canonical(root, &root.display().to_string())?;
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name();
    for item in walker {
        match item {
            Ok(e) if e.file_type().is_file() => {
                let is_txt = e
                    .path()
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("txt"));
                if let (true, Ok(rel)) = (is_txt, e.path().strip_prefix(root)) {
                    entries.push(Entry {
                        listed: rel.to_string_lossy().into_owned(),
                        ..Entry::default()
                    });
                }
            }
            Ok(_) => {}
            Err(err) => problems.push(Problem {
                path: err.path().unwrap_or(root).display().to_string(),
                line: None,
                file: None,
                message: if err.loop_ancestor().is_some() {
                    "symbolic link loop, not followed".into()
                } else {
                    err.io_error().map_or_else(|| err.to_string(), io_message)
                },
            }),
        }
    }
    if entries.is_empty() {
        return Err(Problem {
            path: root.display().to_string(),
            line: None,
            file: None,
            message: "no .txt files found".into(),
        });
    }
    Ok(Corpus {
        root: root.to_path_buf(),
        canonical_root,
        index: None,
        entries,
        problems,
    })
}

/// A lower-case, one-line description of an I/O error.
pub fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "file not found".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "is a directory, not a file".into(),
        _ => {
            let s = e.to_string();
            // "Invalid data (os error 22)" → "invalid data (os error 22)"
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_lowercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}

/// Finds one article: with `corpus`, a name its INDEX.md lists (the path
/// as listed, its file name, or `#N` for the N-th); without, a file, read
/// with the metadata of the INDEX.md beside it when that lists it.
pub fn open_article(spec: &str, corpus: Option<&Path>) -> Result<(Corpus, Entry), Problem> {
    let not_listed = |c: &Corpus| Problem {
        path: c.index.as_ref().unwrap_or(&c.root).display().to_string(),
        line: None,
        file: Some(spec.to_string()),
        message: "no such article listed".into(),
    };
    if let Some(path) = corpus {
        let c = open(path, Options::default())?;
        let entry = c.find(spec).cloned().ok_or_else(|| not_listed(&c))?;
        return Ok((c, entry));
    }
    let path = Path::new(spec);
    if path.is_file() && parent(path).join("INDEX.md").is_file() {
        if let Ok(c) = open(parent(path), Options::default()) {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            if let Some(entry) = name.and_then(|n| c.find(&n).cloned()) {
                return Ok((c, entry));
            }
        }
    }
    let c = open(path, Options::default())?;
    let entry = c.entries.first().cloned().ok_or_else(|| not_listed(&c))?;
    Ok((c, entry))
}

impl Corpus {
    /// The entry a name stands for: the path as listed, the listed file's
    /// name, or `#N` (or `N`) for the N-th article.
    pub fn find(&self, spec: &str) -> Option<&Entry> {
        let spec = spec.trim_start_matches("./");
        if let Ok(n) = spec.trim_start_matches('#').parse::<usize>() {
            return n.checked_sub(1).and_then(|i| self.entries.get(i));
        }
        self.entries
            .iter()
            .find(|e| e.listed.trim_start_matches("./") == spec)
            .or_else(|| {
                self.entries
                    .iter()
                    .find(|e| Path::new(&e.listed).file_name().is_some_and(|n| n == spec))
            })
    }

    /// The path of an entry as the user would type it.
    pub fn shown(&self, entry: &Entry) -> String {
        self.root.join(&entry.listed).display().to_string()
    }

    /// Reads and decodes one listed article. A [`Problem`] names the file and
    /// the INDEX.md line that listed it.
    pub fn read(&self, entry: &Entry) -> Result<Read, Problem> {
        let bytes = self.read_bytes(entry)?;
        let mut read = from_bytes(entry, &bytes).map_err(|e| self.problem(entry, e.to_string()))?;
        for w in &mut read.warnings {
            *w = self.problem(entry, std::mem::take(&mut w.message));
        }
        Ok(read)
    }

    /// The bytes of an entry's file as stored, after the checks [`read`]
    /// makes of its path.
    ///
    /// [`read`]: Corpus::read
    pub fn read_bytes(&self, entry: &Entry) -> Result<Vec<u8>, Problem> {
        let fail = |message: String| self.problem(entry, message);
        let listed = Path::new(&entry.listed);
        if listed.is_absolute() || entry.listed.starts_with(['/', '\\']) {
            return Err(fail("absolute path refused".into()));
        }
        if listed.components().any(|c| c == Component::ParentDir) {
            return Err(fail("path with '..' refused".into()));
        }
        let path = self.root.join(listed);
        let real = path.canonicalize().map_err(|e| fail(io_message(&e)))?;
        if !real.starts_with(&self.canonical_root) {
            return Err(fail("path resolves outside the corpus folder".into()));
        }
        if real.is_dir() {
            return Err(fail("is a directory, not a file".into()));
        }
        std::fs::read(&real).map_err(|e| fail(io_message(&e)))
    }

    /// A problem with an entry: at its line of the index when it has one.
    pub fn problem(&self, entry: &Entry, message: String) -> Problem {
        match (&self.index, entry.line) {
            (Some(index), Some(line)) => Problem {
                path: index.display().to_string(),
                line: Some(line),
                file: Some(entry.listed.clone()),
                message,
            },
            _ => Problem {
                path: self.shown(entry),
                line: None,
                file: None,
                message,
            },
        }
    }
}

/// Decodes the bytes of one article and sets its metadata from the entry
/// and from the text. Warnings carry only a message; the caller says where.
pub fn from_bytes(entry: &Entry, bytes: &[u8]) -> Result<Read, decode::DecodeError> {
    let decoded = decode::decode(bytes)?;
    let encoding = decoded.encoding;
    let mut doc = match decoded.file_offsets {
        None => {
            let mut doc = Document::new(&entry.listed, decoded.text);
            doc.encoding = encoding;
            doc
        }
        Some(map) => Document::decoded(&entry.listed, decoded.text, encoding, map),
    };
    let mut warnings = Vec::new();
    if encoding == crate::document::Encoding::Windows1252 {
        warnings.push(Problem {
            path: entry.listed.clone(),
            line: None,
            file: None,
            message: "not valid UTF-8; read as Windows-1252".into(),
        });
    }
    set_meta(&mut doc, entry);
    Ok(Read { doc, warnings })
}

/// A document read from disk, with any warnings about how it was read.
#[derive(Debug)]
pub struct Read {
    pub doc: Document,
    pub warnings: Vec<Problem>,
}

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\x{feff}?[ \t]*date[ \t]+([0-9]{4}-[0-9]{2}-[0-9]{2})\b[ \t]*(?:\r?\n|\r)?")
        .expect("header pattern compiles")
});

/// Metadata from INDEX.md, then from the text: the ` date YYYY-MM-DD`
/// header (not part of the body) and a headline.
fn set_meta(doc: &mut Document, entry: &Entry) {
    doc.meta.title = entry.title.clone();
    doc.meta.outlet = entry.outlet.clone();
    doc.meta.url = entry.url.clone();
    doc.meta.published = entry.published;
    let mut body_start = doc.text.starts_with('\u{feff}') as usize * 3;
    if let Some(caps) = HEADER.captures(&doc.text) {
        let header_date = index::parse_date(&caps[1]);
        if header_date.is_some() {
            body_start = caps.get(0).map_or(body_start, |m| m.end());
            doc.meta.published = doc.meta.published.or(header_date);
        }
    }
    doc.body = Span::new(body_start, doc.text.len());
    doc.meta.headline = headline(&doc.text, body_start);
}

/// The first line when it is short and has no final punctuation.
fn headline(text: &str, start: usize) -> Option<Span> {
    let rest = &text[start..];
    let skipped = rest.len() - rest.trim_start().len();
    let line_start = start + skipped;
    let line = text[line_start..].split(['\n', '\r']).next()?;
    let trimmed = line.trim_end();
    let words = trimmed.split_whitespace().count();
    let ends_open = !trimmed.ends_with(['.', ',', ';', ':', '?', '"', '\u{201d}', '…']);
    let followed_by_break = text.len() > line_start + line.len();
    ((2..=25).contains(&words) && trimmed.len() <= 200 && ends_open && followed_by_break)
        .then(|| Span::new(line_start, line_start + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        let mut d = Document::new("a.txt", text.to_string());
        set_meta(&mut d, &Entry::default());
        d
    }

    #[test]
    fn header_line_sets_published_and_leaves_the_body() {
        let d = doc(" date 2023-12-26 US Secretary of State Antony Blinken will travel.");
        assert_eq!(
            d.meta.published,
            chrono::NaiveDate::from_ymd_opt(2023, 12, 26)
        );
        assert!(d.body_text().starts_with("US Secretary"));
    }

    #[test]
    fn index_date_wins_over_header() {
        let mut d = Document::new("a.txt", " date 2023-12-26 Text.".into());
        let entry = Entry {
            published: chrono::NaiveDate::from_ymd_opt(2024, 1, 2),
            ..Entry::default()
        };
        set_meta(&mut d, &entry);
        assert_eq!(d.meta.published, entry.published);
    }

    #[test]
    fn headline_is_a_short_unpunctuated_first_line() {
        let d = doc("Biden Admin Finally Addresses The Border\n\nOn Wednesday, they met.");
        assert_eq!(
            d.slice(d.meta.headline.unwrap()),
            "Biden Admin Finally Addresses The Border"
        );
        assert_eq!(doc("They met on Wednesday.\nMore.").meta.headline, None);
    }

    #[test]
    fn crlf_headline_excludes_the_carriage_return() {
        let d = doc("\u{feff}Talks Resume in Mexico City\r\n\r\nBody.");
        assert_eq!(
            d.slice(d.meta.headline.unwrap()),
            "Talks Resume in Mexico City"
        );
        assert_eq!(d.body.start, 3);
    }
}
