//! The reader through the binary: the forms a corpus takes (bad inputs are
//! in tests/bad_input.rs).

mod common;

use common::{files, run};

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
