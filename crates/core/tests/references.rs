//! Answers that name an item of a group: checked against the items listed, renamed with the item,
//! and listed before the item is removed.

use intake_core::answers::{Answer, Answers, State, Value};
use intake_core::questionnaire::lint::lint;
use intake_core::questionnaire::{Kind, Questionnaire, Section};
use intake_core::references::{Referrer, referrers, rename, still_named};
use intake_core::validate::{Severity, validate};

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

/// Sites AMS1 and FRA1; a cluster and a gateway at AMS1; a link from ams1 (another case) to the
/// internet; a cluster whose site was typed before the question was a list; and a short text
/// answer and a bucket that happen to read "AMS1" but name no site.
fn answers() -> Answers {
    Answers::from_json(
        r#"{"schema_version": 1, "answers": {
              "engagement.partner_name": {"value": "AMS1"}},
            "groups": {
              "sites.sites": [{"name": "AMS1"}, {"name": "FRA1"}],
              "compute.clusters": [
                {"name": "prod-01", "answers": {"site": {"value": "AMS1"}}},
                {"name": "old-01", "answers": {"site": {"value": "Amsterdam"}}}],
              "cloud_connect.gateways": [{"name": "gw-01", "answers": {"site": {"value": "AMS1"}}}],
              "network.links": [{"name": "AMS1 uplink", "answers": {
                "from_site": {"value": "ams1"}, "to_site": {"value": "internet"}}}],
              "object_storage.buckets": [{"name": "AMS1"}]}}"#,
        questionnaire(),
    )
    .expect("the answers read")
}

fn text(answers: &Answers, group: &str, index: usize, local: &str) -> Option<String> {
    match &answers.groups[group][index].answers.get(local)?.state {
        State::Value(Value::Text(text)) => Some(text.clone()),
        _ => None,
    }
}

fn paths(found: &[Referrer]) -> Vec<&str> {
    found
        .iter()
        .map(|referrer| referrer.path.as_str())
        .collect()
}

#[test]
fn the_questions_that_name_sites_and_buckets_are_references() {
    for (id, group) in [
        ("compute.clusters.site", "sites.sites"),
        ("cloud_connect.gateways.site", "sites.sites"),
        ("network.links.from_site", "sites.sites"),
        ("network.links.to_site", "sites.sites"),
        (
            "repositories.scale_out.capacity_tier_bucket",
            "object_storage.buckets",
        ),
    ] {
        let question = questionnaire().question(id).expect(id);
        let Kind::Reference(reference) = &question.kind else {
            panic!("{id} is a {}", question.kind.name());
        };
        assert_eq!(reference.group, group, "{id}");
    }
}

#[test]
fn every_answer_naming_an_item_is_found_whatever_its_case_and_nothing_else() {
    let answers = answers();
    let found = referrers(questionnaire(), &answers, "sites.sites", "AMS1");
    assert_eq!(
        paths(&found),
        [
            "compute.clusters[0].site",
            "cloud_connect.gateways[0].site",
            "network.links[0].from_site",
        ],
        "not the partner's name, nor the bucket named AMS1, nor the unlisted Amsterdam"
    );
    assert_eq!(found[0].called, "Cluster “prod-01”: Site");
    assert!(referrers(questionnaire(), &answers, "sites.sites", "FRA1").is_empty());
    assert!(referrers(questionnaire(), &answers, "sites.sites", " ").is_empty());
}

#[test]
fn renaming_an_item_renames_what_names_it_and_only_that() {
    let mut answers = answers();
    let renamed = rename(
        questionnaire(),
        &mut answers,
        "sites.sites",
        "AMS1",
        " AMS-1 ",
    );
    assert_eq!(renamed, 3);
    assert_eq!(
        text(&answers, "compute.clusters", 0, "site").as_deref(),
        Some("AMS-1")
    );
    assert_eq!(
        text(&answers, "cloud_connect.gateways", 0, "site").as_deref(),
        Some("AMS-1")
    );
    assert_eq!(
        text(&answers, "network.links", 0, "from_site").as_deref(),
        Some("AMS-1")
    );
    assert_eq!(
        text(&answers, "network.links", 0, "to_site").as_deref(),
        Some("internet")
    );
    assert_eq!(
        text(&answers, "compute.clusters", 1, "site").as_deref(),
        Some("Amsterdam")
    );
    assert_eq!(
        answers.answers["engagement.partner_name"].state,
        State::Value(Value::Text("AMS1".to_owned())),
        "a text answer that reads the same is no reference"
    );
    for (from, to) in [("AMS-1", ""), ("", "X"), ("AMS-1", "AMS-1")] {
        assert_eq!(
            rename(questionnaire(), &mut answers, "sites.sites", from, to),
            0
        );
    }
}

#[test]
fn a_reference_must_name_a_listed_item_or_a_fixed_choice() {
    let mut answers = answers();
    let errors = |answers: &Answers| -> Vec<(String, String)> {
        validate(questionnaire(), answers)
            .into_iter()
            .filter(|problem| problem.severity == Severity::Error)
            .filter(|problem| {
                problem.path.ends_with("site") || problem.path.ends_with("capacity_tier_bucket")
            })
            .map(|problem| (problem.path, problem.message))
            .collect()
    };
    assert_eq!(
        errors(&answers),
        [(
            "compute.clusters[1].site".to_owned(),
            "“Amsterdam” is not one of the sites listed in Sites and datacentres (“AMS1” and \
             “FRA1”): pick one, or add it there"
                .to_owned()
        )],
        "an old free-text answer is kept and named; another case and a fixed choice are fine"
    );
    answers.groups.remove("sites.sites");
    assert!(
        errors(&answers)
            .iter()
            .any(|(path, message)| path == "compute.clusters[0].site"
                && message
                    == "“AMS1” is not listed in Sites and datacentres: add it there, \
                               or pick another"),
        "{:?}",
        errors(&answers)
    );
    answers.groups.get_mut("network.links").expect("links")[0]
        .answers
        .insert(
            "to_site".to_owned(),
            Answer::value(Value::Text("tenant".to_owned())),
        );
    assert!(
        !errors(&answers)
            .iter()
            .any(|(path, _)| path == "network.links[0].to_site"),
        "the fixed choice for a tenant's network"
    );
}

#[test]
fn removing_an_item_says_which_answers_still_name_it() {
    let one = [Referrer {
        path: "compute.clusters[0].site".to_owned(),
        called: "Cluster “prod-01”: Site".to_owned(),
    }];
    assert_eq!(
        still_named(&one).as_deref(),
        Some("This answer still names it: Cluster “prod-01”: Site. Pick another there, or undo.")
    );
    let five: Vec<Referrer> = (1..=5)
        .map(|n| Referrer {
            path: format!("compute.clusters[{n}].site"),
            called: format!("Cluster “c{n}”: Site"),
        })
        .collect();
    assert_eq!(
        still_named(&five).as_deref(),
        Some(
            "These answers still name it: Cluster “c1”: Site; Cluster “c2”: Site; Cluster \
             “c3”: Site; and 2 more. Pick another there, or undo."
        )
    );
    assert_eq!(still_named(&[]), None);
}

#[test]
fn a_reference_is_defined_with_the_group_it_names() {
    let section = |question: &str| {
        format!("id = \"s\"\ntitle = \"S\"\nintro = \"About S.\"\n[[questions]]\n{question}")
    };
    let read = |question: &str| {
        Section::from_toml("01-s.toml", &section(question))
            .map(drop)
            .map_err(|error| error.to_string())
    };
    assert_eq!(
        read("id = \"r\"\nkind = \"reference\"\nlabel = \"R\"\nhelp = \"Why.\""),
        Err(
            "01-s.toml: s.r: a reference question needs `to`, the group it names items of"
                .to_owned()
        )
    );
    assert_eq!(
        read("id = \"t\"\nkind = \"short_text\"\nlabel = \"T\"\nhelp = \"Why.\"\nto = \"s.g\""),
        Err("01-s.toml: s.t: `to` applies to reference questions, not to short_text".to_owned())
    );
    let nowhere = Questionnaire::from_files(&[(
        "01-s.toml",
        &section(
            "id = \"r\"\nkind = \"reference\"\nto = \"s.nowhere\"\nlabel = \"Site\"\n\
             help = \"Ties it to a site.\"",
        ),
    )])
    .expect("reads: whether the group exists is the linter's to say");
    let errors: Vec<String> = lint(&nowhere).iter().map(ToString::to_string).collect();
    assert!(
        errors.contains(&"s.r: `to` names no group: `s.nowhere`".to_owned()),
        "{errors:?}"
    );
}
