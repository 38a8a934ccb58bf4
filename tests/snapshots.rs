//! Snapshots of what users read: tables, Markdown and JSON on the seeds and
//! on the storm fixture. A change to any of them shows up as a diff to
//! review (`cargo insta review`, or INSTA_UPDATE=always to accept).

mod common;

use common::run;

fn stdout(args: &[&str]) -> String {
    let r = run(args);
    assert!(r.code == 0 || r.code == 1, "{args:?}: {}", r.stderr);
    r.stdout
}

#[test]
fn summarize_seeds_table() {
    insta::assert_snapshot!(stdout(&["summarize", "seeds"]));
}

#[test]
fn summarize_storm_markdown() {
    insta::assert_snapshot!(stdout(&[
        "summarize",
        "fixtures/storm",
        "--format",
        "markdown"
    ]));
}

#[test]
fn extract_storm_table() {
    insta::assert_snapshot!(stdout(&["extract", "fixtures/storm"]));
}

#[test]
fn extract_storm_json() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["extract", "fixtures/storm", "--format", "json"])).unwrap();
    insta::assert_json_snapshot!(json);
}

#[test]
fn claims_seeds_table() {
    insta::assert_snapshot!(stdout(&["claims", "seeds"]));
}

#[test]
fn diff_storm_table() {
    insta::assert_snapshot!(stdout(&["diff", "--corpus", "fixtures/storm", "#1", "#2"]));
}

#[test]
fn tables_fit_a_100_column_terminal() {
    let outputs = [
        stdout(&["summarize", "seeds"]),
        stdout(&["claims", "seeds"]),
        stdout(&["extract", "seeds"]),
        stdout(&["diff", "--corpus", "seeds", "#1", "#4"]),
        stdout(&["summarize", "fixtures/eval-other"]),
    ];
    for out in outputs {
        for line in out.lines() {
            assert!(
                line.chars().count() <= 100,
                "{} columns: {line}",
                line.chars().count()
            );
        }
    }
}
