//! Claims and diff through the binary, on a story of our own
//! (`fixtures/storm`: two outlets report one storm and disagree) and on the
//! seeds.

mod common;

use serde_json::Value;

use common::run;

/// A claim as (status, kind, [(article number, text)]).
type Row = (String, String, Vec<(u64, String)>);

/// Every claim of a corpus.
fn claims(corpus: &str) -> Vec<Row> {
    let r = run(&["claims", corpus, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.json()["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let values = c["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| {
                    (
                        v["article"].as_u64().unwrap(),
                        v["text"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            (
                c["status"].as_str().unwrap().to_string(),
                c["kind"].as_str().unwrap().to_string(),
                values,
            )
        })
        .collect()
}

fn has(all: &[Row], status: &str, values: &[(u64, &str)]) -> bool {
    all.iter().any(|(s, _, v)| {
        s == status
            && v.len() == values.len()
            && v.iter()
                .zip(values)
                .all(|((a, t), (b, u))| a == b && t == u)
    })
}

#[test]
fn storm_figures_and_roles_are_compared_across_outlets() {
    let all = claims("fixtures/storm");
    // homes without power: more than 40,000 against nearly 25,000
    assert!(
        has(
            &all,
            "conflict",
            &[(1, "more than 40,000"), (2, "Nearly 25,000")]
        ),
        "{all:#?}"
    );
    // gusts: 78 mph is within "up to 80"
    assert!(
        has(&all, "agree", &[(1, "78"), (2, "up to 80")]),
        "{all:#?}"
    );
    // "Governor" and "Gov." are one title
    assert!(
        has(&all, "agree", &[(1, "Janet Mills"), (2, "Janet Mills")]),
        "{all:#?}"
    );
    // the damage estimate and the damage that could be reached are not one claim
    assert!(has(&all, "single", &[(1, "$12 million")]), "{all:#?}");
    assert!(has(&all, "single", &[(2, "$15 million")]), "{all:#?}");
}

#[test]
fn seed_caravan_sizes_conflict_and_the_meeting_day_agrees() {
    let all = claims("seeds");
    let caravan = [
        (2, "more than 15,000"),
        (3, "more than eight thousand"),
        (4, "6,000"),
        (5, "around 6,000"),
    ];
    assert!(has(&all, "conflict", &caravan), "{all:#?}");
    let meeting = [
        (1, "Wednesday"),
        (2, "Wednesday December, 27th"),
        (5, "Wednesday"),
    ];
    assert!(has(&all, "agree", &meeting), "{all:#?}");
    let adviser = all
        .iter()
        .find(|(_, kind, v)| kind == "role" && v.iter().any(|(_, t)| t == "Liz Sherwood-Randall"))
        .expect("a role claim for Sherwood-Randall");
    assert_eq!(adviser.0, "conflict");
}

#[test]
fn conflicts_and_topic_filters() {
    let r = run(&["claims", "seeds", "--conflicts", "--format", "json"]);
    let json: Value = r.json();
    let statuses: Vec<&str> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert!(!statuses.is_empty());
    assert!(statuses.iter().all(|s| *s == "conflict"));

    let r = run(&["claims", "seeds", "--topic", "caravan", "--format", "json"]);
    let json: Value = r.json();
    for c in json["claims"].as_array().unwrap() {
        let text = format!("{} {}", c["topic"], c["values"]).to_lowercase();
        assert!(text.contains("caravan"), "{c}");
    }
}

#[test]
fn diff_exit_status_follows_diff() {
    let differ = run(&["diff", "--corpus", "fixtures/storm", "#1", "#2"]);
    assert_eq!(differ.code, 1, "{}", differ.stderr);
    assert!(differ.stdout.contains("Only A states"));
    assert!(differ.stdout.contains("Named only by B"));

    let json = run(&[
        "diff",
        "fixtures/storm/coast-gazette.txt",
        "fixtures/storm/valley-herald.txt",
        "--format",
        "json",
    ]);
    assert_eq!(json.code, 1);
    let d = json.json();
    assert_eq!(d["differs"], true);
    let only_b: Vec<&str> = d["named_only_b"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(only_b, ["Tom Reilly"]);
    // metadata comes from the INDEX.md beside the files
    assert_eq!(d["a"]["outlet"], "Coast Gazette");

    let same = run(&[
        "diff",
        "fixtures/storm/coast-gazette.txt",
        "fixtures/storm/coast-gazette.txt",
    ]);
    assert_eq!(same.code, 0);
}

#[test]
fn summarize_shows_conflicts_then_agreements() {
    let r = run(&["summarize", "fixtures/storm"]);
    assert_eq!(r.code, 0);
    let conflict = r.stdout.find("conflict").expect("a conflict row");
    let agree = r.stdout.find("agree ").expect("an agreement row");
    assert!(conflict < agree);
    assert!(
        r.stdout
            .contains("Where the articles conflict, then where they agree")
    );
}
