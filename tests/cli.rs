//! The command line itself: help, version, usage errors, pipes.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::{run, run_in};

#[test]
fn help_has_examples_for_every_command() {
    for cmd in ["extract", "summarize", "claims"] {
        let r = run(&[cmd, "--help"]);
        assert_eq!(r.code, 0);
        assert!(
            r.stdout.contains("Examples:"),
            "{cmd} --help:\n{}",
            r.stdout
        );
        assert!(r.stdout.contains(&format!("corpus-cli {cmd} seeds")));
    }
}

#[test]
fn diff_help_has_examples() {
    let r = run(&["diff", "--help"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .contains("corpus-cli diff seeds/001_6b58f9279ec6d1fa.txt")
    );
}

#[test]
fn diff_of_an_article_with_itself_finds_no_difference() {
    let r = run(&[
        "diff",
        "seeds/000_207fcaca215bc1b0.txt",
        "seeds/000_207fcaca215bc1b0.txt",
    ]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("no differences"));
}

#[test]
fn diff_of_an_unknown_article_is_trouble() {
    let r = run(&["diff", "--corpus", "seeds", "#2", "nope.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "corpus-cli: seeds/INDEX.md: no such article listed: 'nope.txt'\n"
    );
}

#[test]
fn version_is_printed() {
    let r = run(&["--version"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        format!("corpus-cli {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2() {
    let r = run(&["extract", "seeds", "--format", "xml"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("invalid value 'xml'"));
    assert_eq!(run(&["frobnicate"]).code, 2);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corpus-cli"))
        .args(["extract", "seeds", "--format", "ndjson"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // stdout is dropped here: the rest of the output meets a closed pipe
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with("{\"file\":\"000_207fcaca215bc1b0.txt\""));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn output_is_the_same_from_run_to_run_and_thread_count() {
    let one = run(&["--threads", "1", "extract", "seeds", "--format", "json"]);
    let many = run(&["--threads", "4", "extract", "seeds", "--format", "json"]);
    assert_eq!(one.code, 0);
    assert_eq!(one.stdout, many.stdout);
    assert_eq!(
        one.stdout,
        run(&["extract", "seeds", "--format", "json"]).stdout
    );
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    let target_arg = target.to_str().unwrap();
    let ok = run(&["extract", "seeds", "--format", "json", "-o", target_arg]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert_eq!(ok.stdout, "");
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(
        written,
        run(&["extract", "seeds", "--format", "json"]).stdout
    );

    let failed = run(&["extract", "no/such/corpus", "-o", target_arg]);
    assert_eq!(failed.code, 2);
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        written,
        "target untouched"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["out.json"], "no temporary file left behind");
}

#[test]
fn output_into_a_missing_folder_is_an_error() {
    let r = run(&["extract", "seeds", "-o", "/no/such/dir/out.json"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "corpus-cli: /no/such/dir/out.json: cannot write: No such file or directory (os error 2)\n"
    );
}

/// More articles than the pipeline takes in one chunk, with figures that
/// differ from file to file: the same bytes out with one thread or four.
#[test]
fn a_corpus_larger_than_a_chunk_is_the_same_with_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut index = String::from("| file | published |\n|---|---|\n");
    for i in 0..600 {
        let name = format!("a{i:03}.txt");
        let text = format!(
            "Flooding closes {} roads\n\nOfficials said {} homes were flooded on Tuesday \
             and Governor Ana Ruiz asked for ${} million in aid.\n",
            i % 7 + 2,
            1000 + i % 13 * 50,
            i % 5 + 1
        );
        std::fs::write(dir.path().join(&name), text).unwrap();
        index.push_str(&format!("| {name} | 2024-05-{:02} |\n", i % 28 + 1));
    }
    std::fs::write(dir.path().join("INDEX.md"), index).unwrap();
    for command in ["extract", "claims"] {
        let args = |threads| ["--threads", threads, command, ".", "--format", "ndjson"];
        let one = run_in(dir.path(), &args("1"));
        let four = run_in(dir.path(), &args("4"));
        assert_eq!(one.code, 0, "{}", one.stderr);
        assert_eq!(one.stdout, four.stdout, "{command}");
        if command == "extract" {
            assert_eq!(one.stdout.lines().count(), 600);
        }
    }
}

#[test]
fn colour_only_when_asked_for_or_on_a_terminal() {
    // The tests' stdout is a pipe: no colour unless asked for.
    let plain = run(&["claims", "seeds"]);
    assert!(!plain.stdout.contains('\x1b'));
    let coloured = run(&["--color", "always", "claims", "seeds"]);
    assert!(coloured.stdout.contains("\x1b[1;31mconflict\x1b[0m"));
    assert!(coloured.stdout.contains("\x1b[32magree\x1b[0m"));
    // Colour changes nothing else: the layout is the same.
    let ansi = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap();
    assert_eq!(ansi.replace_all(&coloured.stdout, ""), plain.stdout);
    // JSON is never coloured.
    let json = run(&["--color", "always", "claims", "seeds", "--format", "json"]);
    assert!(!json.stdout.contains('\x1b'));
}
