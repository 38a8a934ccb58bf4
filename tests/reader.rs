//! The reader through the binary: corpus forms, bad inputs, exit codes.

mod common;

use std::fs;

use common::{files, run, run_in};

#[test]
fn bad_inputs_are_reported_and_the_good_articles_still_extracted() {
    let r = run(&["extract", "fixtures/bad/mixed", "--format", "json"]);
    assert_eq!(r.code, 2);
    let json = r.json();
    assert_eq!(files(&json), ["good.txt", "cp1252.txt"]);
    assert_eq!(json["articles"][1]["encoding"], "windows-1252");
    let index = "fixtures/bad/mixed/INDEX.md";
    let expected = [
        format!(
            "corpus-cli: warning: {index}: line 13: not valid UTF-8; read as Windows-1252: 'cp1252.txt'"
        ),
        format!("corpus-cli: {index}: line 14: listed twice, later row ignored: 'good.txt'"),
        format!("corpus-cli: {index}: line 4: file not found: 'missing.txt'"),
        format!("corpus-cli: {index}: line 5: path with '..' refused: '../outside.txt'"),
        format!("corpus-cli: {index}: line 6: absolute path refused: '/etc/passwd'"),
        format!(
            "corpus-cli: {index}: line 7: path resolves outside the corpus folder: 'link-out.txt'"
        ),
        format!("corpus-cli: {index}: line 8: is a directory, not a file: 'a-dir'"),
        format!("corpus-cli: {index}: line 9: empty file: 'empty.txt'"),
        format!("corpus-cli: {index}: line 10: file holds only white space: 'blank.txt'"),
        format!("corpus-cli: {index}: line 11: binary file (NUL bytes), not text: 'binary.txt'"),
        format!(
            "corpus-cli: {index}: line 12: not valid UTF-8, and not text in Windows-1252 either: 'garbage.txt'"
        ),
    ];
    assert_eq!(r.stderr.lines().collect::<Vec<_>>(), expected);
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 10);
    assert_eq!(errors[1]["file"], "missing.txt");
    assert_eq!(errors[1]["index"], index);
    assert_eq!(errors[1]["line"], 4);
}

#[test]
fn quiet_silences_warnings_but_not_errors() {
    let r = run(&[
        "--quiet",
        "extract",
        "fixtures/bad/mixed",
        "--format",
        "ndjson",
    ]);
    assert_eq!(r.code, 2);
    assert!(!r.stderr.contains("warning"));
    assert!(r.stderr.contains("file not found: 'missing.txt'"));
    assert_eq!(r.stdout.lines().count(), 2);
}

#[test]
fn a_folder_without_index_is_a_usage_error() {
    let r = run(&["extract", "fixtures/bad/noindex"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "corpus-cli: fixtures/bad/noindex/INDEX.md: no INDEX.md in the corpus folder \
         (use --all to take every .txt file)\n"
    );
    assert_eq!(r.stdout, "");
}

#[test]
fn an_index_listing_nothing_is_an_error() {
    let r = run(&["extract", "fixtures/bad/emptyindex"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "corpus-cli: fixtures/bad/emptyindex/INDEX.md: INDEX.md lists no articles \
         (a table with a 'file' column, or list items with a path)\n"
    );
}

#[test]
fn a_table_without_file_column_is_an_error() {
    let r = run(&["extract", "fixtures/bad/nofilecolumn"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "corpus-cli: fixtures/bad/nofilecolumn/INDEX.md: line 1: table has no 'file' column\n"
    );
}

#[test]
fn a_missing_corpus_is_an_error() {
    let r = run(&["summarize", "no/such/corpus"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "corpus-cli: no/such/corpus: no such file or folder\n"
    );
}

#[test]
fn corpus_forms_folder_index_file_and_walk() {
    let folder = run(&["extract", "fixtures/storm", "--format", "json"]);
    assert_eq!(folder.code, 0, "{}", folder.stderr);
    assert_eq!(
        files(&folder.json()),
        ["coast-gazette.txt", "valley-herald.txt"]
    );
    let article = &folder.json()["articles"][1];
    assert_eq!(article["outlet"], "Valley Herald");
    assert_eq!(article["published"], "2024-03-13");
    assert_eq!(article["published_inferred"], false);

    let index = run(&["extract", "fixtures/storm/INDEX.md", "--format", "json"]);
    assert_eq!(index.stdout, folder.stdout);

    let single = run(&[
        "extract",
        "fixtures/storm/valley-herald.txt",
        "--format",
        "json",
    ]);
    assert_eq!(single.code, 0);
    assert_eq!(files(&single.json()), ["valley-herald.txt"]);

    let walked = run(&["extract", "fixtures/listed", "--all", "--format", "json"]);
    assert_eq!(walked.code, 0);
    assert_eq!(files(&walked.json()), ["notes.txt", "valley-herald.txt"]);
}

#[test]
fn list_item_index_with_links_and_bare_paths() {
    let r = run(&["extract", "fixtures/listed", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json = r.json();
    assert_eq!(files(&json), ["valley-herald.txt", "notes.txt"]);
    assert_eq!(json["articles"][0]["title"], "Helena: power cuts ease");
    assert_eq!(json["articles"][1]["title"], serde_json::Value::Null);
    assert_eq!(
        json["articles"][1]["headline"],
        "City council approves budget"
    );
}

#[test]
fn seed_header_line_gives_the_publication_date() {
    let r = run(&[
        "extract",
        "seeds/000_207fcaca215bc1b0.txt",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0);
    let a = &r.json()["articles"][0];
    assert_eq!(a["published"], "2023-12-26");
    assert_eq!(a["published_inferred"], false);
    assert_eq!(a["bytes"], 3780);
}

#[test]
fn symlink_loop_under_all_is_reported_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Mayor Dana Ortiz spoke on Monday.\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/loop")).unwrap();
    let r = run_in(dir.path(), &["extract", ".", "--all", "--format", "json"]);
    assert_eq!(r.code, 2);
    assert_eq!(files(&r.json()), ["a.txt"]);
    assert_eq!(
        r.stderr,
        "corpus-cli: ./sub/loop: symbolic link loop, not followed\n"
    );
}

#[test]
fn utf16_and_bom_and_crlf_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Talks resume\r\n\r\nThe minister met envoys on Monday.\r\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(dir.path().join("utf16.txt"), utf16).unwrap();
    fs::write(dir.path().join("bom.txt"), format!("\u{feff}{text}")).unwrap();
    fs::write(
        dir.path().join("INDEX.md"),
        "| file |\n|---|\n| utf16.txt |\n| bom.txt |\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["extract", ".", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json = r.json();
    assert_eq!(json["articles"][0]["encoding"], "utf-16le");
    assert_eq!(json["articles"][0]["headline"], "Talks resume");
    assert_eq!(json["articles"][1]["encoding"], "utf-8-bom");
    assert_eq!(json["articles"][1]["headline"], "Talks resume");
}

#[test]
fn names_with_spaces_and_non_ascii_characters() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("nota de prensa ñ.txt"), "Una nota.\n").unwrap();
    fs::write(
        dir.path().join("INDEX.md"),
        "- [Nota](<nota de prensa ñ.txt>)\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["extract", ".", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(files(&r.json()), ["nota de prensa ñ.txt"]);
}

#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, "Secret.\n").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        return; // running as root: permissions do not stop reads here
    }
    fs::write(dir.path().join("INDEX.md"), "- locked.txt\n").unwrap();
    let r = run_in(dir.path(), &["extract", ".", "--format", "json"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "corpus-cli: ./INDEX.md: line 1: permission denied: 'locked.txt'\n"
    );
}
