//! Drafts: what the app keeps between visits, and the edits the wizard makes to answers.

mod support;

use intake_core::answers::{Answer, State, Value};
use intake_core::display::value as display_value;
use intake_core::draft::{Draft, DraftError, ItemKey, Path, parse_input};
use intake_core::progress::{progress, section_of_path};
use intake_core::questionnaire::{Kind, Questionnaire};
use intake_core::validate::validate;

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the built-in questionnaire reads")
}

fn integer() -> Kind {
    Kind::Integer {
        min: None,
        max: None,
        unit: None,
    }
}

fn draft() -> Draft {
    Draft::new("d1", "Test", "2026-11-22T09:00:00Z")
}

#[test]
fn paths_name_questions_and_group_members() {
    assert_eq!(
        Path::parse("network.ntp_source"),
        Some(Path::Question("network.ntp_source"))
    );
    assert_eq!(
        Path::parse("network.links[12].mtu_near"),
        Some(Path::Member {
            group: "network.links",
            index: 12,
            local: "mtu_near"
        })
    );
    assert_eq!(Path::parse("network.links[x].mtu_near"), None);
    assert_eq!(Path::parse("network.links[0]"), None);
    let q = questionnaire();
    assert_eq!(section_of_path(q, "network.links[3]"), Some("network"));
    assert_eq!(
        section_of_path(q, "network.links[3].mtu_far"),
        Some("network")
    );
    assert_eq!(section_of_path(q, "platform.vbr_version"), Some("platform"));
    assert_eq!(section_of_path(q, "nowhere.at_all"), None);
}

#[test]
fn numbers_must_parse_and_other_text_is_kept_as_typed() {
    assert_eq!(
        parse_input(&integer(), " 1 500 "),
        Ok(Some(Value::Integer(1500)))
    );
    assert_eq!(parse_input(&integer(), ""), Ok(None));
    assert_eq!(parse_input(&integer(), "   "), Ok(None));
    let error = parse_input(&integer(), "15x").expect_err("15x is no number");
    assert!(error.contains("not a whole number"), "{error}");
    assert_eq!(
        parse_input(&Kind::Port, "6180"),
        Ok(Some(Value::Integer(6180)))
    );
    let decimal = Kind::Decimal {
        min: None,
        max: None,
        unit: "Gbit/s".into(),
    };
    assert_eq!(parse_input(&decimal, "2,5"), Ok(Some(Value::Decimal(2.5))));
    assert!(parse_input(&decimal, "NaN").is_err());
    assert!(parse_input(&decimal, "1e999").is_err());
    assert_eq!(
        parse_input(&Kind::Version, " 12.3 "),
        Ok(Some(Value::Text(" 12.3 ".into())))
    );
}

#[test]
fn whole_numbers_accept_thousands_grouped_in_the_usual_pattern_only() {
    let read = |typed: &str| parse_input(&integer(), typed);
    for (typed, number) in [
        ("9000", 9000),
        ("9,000", 9000),
        ("1,500,000", 1_500_000),
        ("9 000", 9000),
        ("9\u{a0}000", 9000),
        ("1\u{202f}500\u{202f}000", 1_500_000),
        ("1'500", 1500),
        ("1’500", 1500),
        ("1_500", 1500),
        ("-1,500", -1500),
        ("999", 999),
    ] {
        assert_eq!(read(typed), Ok(Some(Value::Integer(number))), "{typed:?}");
    }
    for typed in [
        "9,00",
        "90,00",
        "1,5",
        "0,500",
        "1,500 000",
        ",500",
        "1,",
        "1 5 0 0",
        "1,5000",
        "12x",
    ] {
        let error = read(typed).expect_err(typed);
        assert_eq!(
            error,
            format!("“{typed}” is not a whole number: type digits only, like 1500")
        );
    }
    for typed in ["9.000", "1.500.000"] {
        let error = read(typed).expect_err(typed);
        assert!(
            error.contains("the dot as a thousands separator or as a decimal point"),
            "{error}"
        );
    }
    assert_eq!(
        read("9.000"),
        Err(
            "“9.000” could be read with the dot as a thousands separator or as a decimal \
             point: type the whole number without the dot, like 9000"
                .to_owned()
        )
    );
    assert!(
        read("1.5")
            .expect_err("not whole")
            .contains("not a whole number")
    );
    assert_eq!(
        parse_input(&Kind::Port, "6,180"),
        Ok(Some(Value::Integer(6180)))
    );
}

#[test]
fn decimals_keep_the_decimal_comma_and_group_only_where_it_is_unambiguous() {
    let decimal = Kind::Decimal {
        min: None,
        max: None,
        unit: "TB".into(),
    };
    let read = |typed: &str| parse_input(&decimal, typed);
    for (typed, number) in [
        ("2.5", 2.5),
        ("2,5", 2.5),
        ("27,25", 27.25),
        ("0,500", 0.5),
        ("1234,567", 1234.567),
        (",5", 0.5),
        ("1,500.5", 1500.5),
        ("1,500,000.25", 1_500_000.25),
        ("1,500,000", 1_500_000.0),
        ("1 500,5", 1500.5),
        ("1 500.5", 1500.5),
        ("1 500", 1500.0),
        ("-2,5", -2.5),
    ] {
        assert_eq!(read(typed), Ok(Some(Value::Decimal(number))), "{typed:?}");
    }
    assert_eq!(
        read("1,500"),
        Err(
            "“1,500” could mean 1500 (the comma separating thousands) or 1.500 (a decimal \
             comma): type it without the comma, or with a dot for decimals"
                .to_owned()
        )
    );
    assert!(
        read("12,250")
            .expect_err("ambiguous")
            .contains("could mean 12250")
    );
    for typed in [
        "1.500,5",
        "1.500.000",
        "1,50.5",
        "1,5,0",
        "1,500.5.5",
        "2.5x",
    ] {
        assert_eq!(
            read(typed),
            Err(format!("“{typed}” is not a number: type it like 2.5")),
            "{typed:?}"
        );
    }
}

#[test]
fn unparsable_input_is_kept_reported_and_replaced_once_it_parses() {
    let q = questionnaire();
    let mut draft = draft();
    draft.add_item("network.links", "dc1-dc2");
    let path = "network.links[0].mtu_near";
    draft.type_input(path, &integer(), "9000");
    assert_eq!(
        draft.answer(path).and_then(Answer::as_value),
        Some(&Value::Integer(9000))
    );
    draft.set_note(path, "jumbo frames end to end");
    draft.type_input(path, &integer(), "90o0");
    assert_eq!(
        draft.answer(path),
        None,
        "a stale value must not stay in the answers"
    );
    assert_eq!(draft.pending[path].typed, "90o0");
    assert_eq!(draft.note(path), Some("jumbo frames end to end"));
    let problems = draft.pending_problems(q);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, path);
    assert!(problems[0].message.contains("“90o0” is not a whole number"));
    draft.type_input(path, &integer(), "9000");
    assert!(draft.pending.is_empty());
    let answer = draft.answer(path).expect("answered again");
    assert_eq!(answer.note.as_deref(), Some("jumbo frames end to end"));
}

#[test]
fn states_and_notes_keep_each_other() {
    let mut draft = draft();
    let path = "platform.vspc_version";
    draft.set_note(path, "asked Jeroen");
    assert_eq!(
        draft.note(path),
        Some("asked Jeroen"),
        "a note may come before the answer"
    );
    draft.set_state(path, Some(State::DontKnow));
    let answer = draft.answer(path).expect("answered");
    assert_eq!(answer.state, State::DontKnow);
    assert_eq!(answer.note.as_deref(), Some("asked Jeroen"));
    assert!(draft.pending.is_empty());
    draft.set_state(path, None);
    assert_eq!(draft.answer(path), None);
    assert_eq!(
        draft.note(path),
        Some("asked Jeroen"),
        "clearing the answer keeps the note"
    );
    draft.set_note(path, " ");
    assert!(draft.pending.is_empty());
}

#[test]
fn group_items_are_added_duplicated_moved_and_removed_with_their_pending_input() {
    let mut draft = draft();
    let group = "network.links";
    for name in ["a", "b", "c"] {
        let index = draft.add_item(group, name);
        draft.type_input(
            &format!("{group}[{index}].mtu_near"),
            &integer(),
            &format!("{name}?"),
        );
    }
    draft.type_input("network.links[1].mtu_far", &integer(), "1500");
    let names = |draft: &Draft| {
        draft
            .items(group)
            .iter()
            .map(|i| i.name.clone())
            .collect::<Vec<_>>()
    };
    let pending = |draft: &Draft, index: usize| {
        draft.pending[&format!("{group}[{index}].mtu_near")]
            .typed
            .clone()
    };

    draft.duplicate_item(group, 1, "b copy");
    assert_eq!(names(&draft), ["a", "b", "b copy", "c"]);
    assert_eq!(pending(&draft, 2), "b?");
    assert_eq!(pending(&draft, 3), "c?");
    assert_eq!(
        draft
            .answer("network.links[2].mtu_far")
            .and_then(Answer::as_value),
        Some(&Value::Integer(1500))
    );

    draft.move_item(group, 3, 0);
    assert_eq!(names(&draft), ["c", "a", "b", "b copy"]);
    assert_eq!(
        (0..4).map(|i| pending(&draft, i)).collect::<Vec<_>>(),
        ["c?", "a?", "b?", "b?"]
    );
    draft.move_item(group, 0, 2);
    assert_eq!(names(&draft), ["a", "b", "c", "b copy"]);
    assert_eq!(pending(&draft, 2), "c?");

    let before = draft.clone();
    let removed = draft.remove_item(group, 1).expect("item 1 exists");
    assert_eq!(names(&draft), ["a", "c", "b copy"]);
    assert_eq!(draft.pending.len(), 3);
    assert_eq!(pending(&draft, 1), "c?");
    draft.restore(removed);
    assert_eq!(
        draft, before,
        "a removed item goes back with its answers and pending input"
    );
    draft.remove_item(group, 1);

    draft.rename_item(group, 2, "d");
    assert_eq!(names(&draft), ["a", "c", "d"]);
    for _ in 0..3 {
        draft.remove_item(group, 0);
    }
    assert!(
        draft.answers.groups.is_empty(),
        "an emptied group is dropped"
    );
    assert!(draft.pending.is_empty());
    assert_eq!(draft.remove_item(group, 5), None);
    draft.move_item(group, 0, 1);
}

#[test]
fn a_draft_round_trips_with_its_answers_and_pending_input() {
    let q = questionnaire();
    for (name, text) in support::answers_fixtures() {
        let answers = intake_core::answers::Answers::from_json(&text, q).expect(&name);
        let mut draft = Draft::from_answers("d1", "Test", "2026-11-22T09:00:00Z", answers);
        draft.pending.insert(
            "engagement.partner_name".into(),
            intake_core::draft::Pending {
                typed: "\"quoted\" <b>".into(),
                note: None,
            },
        );
        let json = draft.to_json();
        assert_eq!(Draft::from_json(&json, q).as_ref(), Ok(&draft), "{name}");
    }
}

#[test]
fn drafts_newer_or_malformed_are_refused_with_the_reason() {
    let q = questionnaire();
    let error = |text: &str| Draft::from_json(text, q).expect_err(text).to_string();
    assert!(error("{}").contains("`draft_schema_version` is missing"));
    assert!(error("not json").contains("not a valid draft"));
    let found = u64::from(intake_core::draft::DRAFT_SCHEMA_VERSION) + 1;
    let newer = format!(r#"{{"draft_schema_version": {found}}}"#);
    let newer = newer.as_str();
    assert_eq!(
        Draft::from_json(newer, q),
        Err(DraftError::NewerSchema { found })
    );
    assert!(error(newer).contains("newer version"));
    let bad_answers = r#"{"draft_schema_version":1,"id":"x","name":"x","created_at":"","updated_at":"",
        "answers":{"schema_version":1,"answers":{"no.such":{"value":1}}}}"#;
    assert!(error(bad_answers).contains("no.such"));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(error(&deep).contains("recursion limit"));
}

/// The schema 5 fixture is what this build writes: an answer imported from a Healthcheck export
/// says so, read and written back byte for byte.
#[test]
fn a_schema_5_draft_keeps_where_an_answer_came_from() {
    use intake_core::answers::{Imported, Provenance};
    use intake_core::evidence::Collector;
    let (_, text) = support::files(
        &support::repository_path("tests/fixtures/drafts/v5"),
        "json",
    )
    .into_iter()
    .find(|(name, _)| name == "imported-answer.json")
    .expect("the v5 fixture");
    let draft = Draft::from_json(&text, questionnaire()).expect("v5 draft");
    assert_eq!(
        draft.to_json(),
        text.trim_end().replace(
            "\"draft_schema_version\":5,",
            &format!(
                "\"draft_schema_version\":{},",
                intake_core::draft::DRAFT_SCHEMA_VERSION
            )
        )
    );
    assert!(draft.answered_by.is_empty() && draft.milestones.is_empty());
    assert_eq!(
        draft.answers.answers["security.mfa_console"].provenance,
        Provenance::Imported(Imported {
            collector: Collector::Healthcheck,
            file: "vHC.zip".to_owned(),
            table: "localhost_vbrinfo.csv".to_owned(),
            row: 2,
            collected_at: Some("2026-11-20T14:03:12".to_owned()),
        })
    );
    assert_eq!(
        draft.answers.answers["engagement.partner_name"].provenance,
        Provenance::Stated
    );
}

/// Drafts saved by every released draft schema are kept in `tests/fixtures/drafts/vN/` forever:
/// a newer app must open what an older one saved.
#[test]
fn drafts_of_every_released_schema_version_still_open() {
    let q = questionnaire();
    let root = support::repository_path("tests/fixtures/drafts");
    for version in 1..=intake_core::draft::DRAFT_SCHEMA_VERSION {
        let files = support::files(&root.join(format!("v{version}")), "json");
        assert!(!files.is_empty(), "no draft fixture for schema {version}");
        for (file, text) in files {
            let draft =
                Draft::from_json(&text, q).unwrap_or_else(|e| panic!("v{version}/{file}: {e}"));
            assert!(!draft.name.is_empty());
        }
    }
    let (_, text) = support::files(&root.join("v1"), "json")
        .into_iter()
        .find(|(name, _)| name == "with-pending-input.json")
        .expect("the v1 fixture with pending input");
    let draft = Draft::from_json(&text, q).expect("v1 draft");
    assert_eq!(draft.pending["network.links[0].mtu_far"].typed, "9000?");
    assert_eq!(
        draft.note("network.links[0].mtu_far"),
        Some("ask the carrier")
    );
    assert_eq!(
        draft.item_keys("network.links"),
        [ItemKey(0)],
        "a schema 1 draft's items are keyed in order"
    );
}

/// The schema 2 draft fixture with moved items.
fn v2_fixture() -> String {
    support::files(
        &support::repository_path("tests/fixtures/drafts/v2"),
        "json",
    )
    .into_iter()
    .find_map(|(name, text)| (name == "moved-items.json").then_some(text))
    .expect("the v2 fixture with moved items")
}

/// The schema 2 fixture reads and writes back byte for byte, keys and all, but for the versions.
#[test]
fn a_schema_2_draft_keeps_its_item_keys() {
    let q = questionnaire();
    let text = v2_fixture();
    let mut draft = Draft::from_json(&text, q).expect("v2 draft");
    // The answers inside were written under answers schema 1 and are written back under the
    // current one, and the draft under the current draft schema; nothing else changes.
    assert_eq!(
        draft.to_json(),
        text.trim_end()
            .replace(
                "\"schema_version\":1,",
                &format!(
                    "\"schema_version\":{},",
                    intake_core::answers::SCHEMA_VERSION
                )
            )
            .replace(
                "\"draft_schema_version\":2,",
                &format!(
                    "\"draft_schema_version\":{},",
                    intake_core::draft::DRAFT_SCHEMA_VERSION
                )
            )
    );
    assert!(draft.walks.is_empty(), "a schema 2 draft has no walks");
    assert_eq!(draft.item_keys("network.links"), [ItemKey(3), ItemKey(0)]);
    assert_eq!(draft.item_keys("sites.sites"), [ItemKey(2)]);
    let added = draft.add_item("sites.sites", "FRA");
    assert_eq!(
        draft.item_keys("sites.sites")[added],
        ItemKey(4),
        "a new key is above every key the draft had"
    );
}

/// Keys are the app's, not the partner's: a draft whose keys do not fit its items (too few, used
/// twice) still opens, with the items of those groups numbered afresh and nothing else changed.
#[test]
fn broken_item_keys_are_replaced_and_the_draft_opens() {
    let q = questionnaire();
    let text = v2_fixture();
    let good = Draft::from_json(&text, q).expect("v2 draft");
    for broken in [
        r#""item_keys":{"network.links":[3],"sites.sites":[2]}"#,
        r#""item_keys":{"network.links":[2,0],"sites.sites":[2]}"#,
    ] {
        let text = text.replace(
            r#""item_keys":{"network.links":[3,0],"sites.sites":[2]}"#,
            broken,
        );
        let draft = Draft::from_json(&text, q).expect(broken);
        assert_eq!(draft.answers, good.answers, "{broken}");
        assert_eq!(draft.pending, good.pending, "{broken}");
        let keys: Vec<ItemKey> = ["network.links", "sites.sites"]
            .into_iter()
            .flat_map(|group| draft.item_keys(group))
            .collect();
        let unique: std::collections::BTreeSet<_> = keys.iter().collect();
        assert_eq!((keys.len(), unique.len()), (3, 3), "{broken}: {keys:?}");
    }
}

/// An item keeps its key while it is renamed or moved and others come and go; a copy and a new
/// item get keys of their own; an item put back gets its key back.
#[test]
fn group_items_keep_their_keys_through_every_change() {
    let mut draft = draft();
    let group = "network.links";
    for name in ["a", "b", "c"] {
        draft.add_item(group, name);
    }
    let keyed = |draft: &Draft| -> Vec<(String, ItemKey)> {
        draft
            .items(group)
            .iter()
            .map(|item| item.name.clone())
            .zip(draft.item_keys(group))
            .collect()
    };
    let [a, b, c] = [ItemKey(0), ItemKey(1), ItemKey(2)];
    let named = |pairs: &[(&str, ItemKey)]| -> Vec<(String, ItemKey)> {
        pairs.iter().map(|(n, k)| ((*n).to_owned(), *k)).collect()
    };
    assert_eq!(keyed(&draft), named(&[("a", a), ("b", b), ("c", c)]));
    draft.move_item(group, 2, 0);
    draft.rename_item(group, 1, "A");
    assert_eq!(keyed(&draft), named(&[("c", c), ("A", a), ("b", b)]));
    draft.duplicate_item(group, 0, "c copy");
    let copy = ItemKey(3);
    assert_eq!(
        keyed(&draft),
        named(&[("c", c), ("c copy", copy), ("A", a), ("b", b)])
    );
    let removed = draft.remove_item(group, 2).expect("item 2");
    assert_eq!(removed.key, a);
    assert_eq!(
        keyed(&draft),
        named(&[("c", c), ("c copy", copy), ("b", b)])
    );
    draft.add_item(group, "d");
    assert_eq!(
        draft.item_keys(group)[3],
        ItemKey(4),
        "a removed key is not reused"
    );
    draft.restore(removed);
    assert_eq!(
        keyed(&draft),
        named(&[
            ("c", c),
            ("c copy", copy),
            ("A", a),
            ("b", b),
            ("d", ItemKey(4))
        ])
    );
    let json = draft.to_json();
    let read = Draft::from_json(&json, questionnaire()).expect("round trip");
    assert_eq!(read, draft, "keys survive saving");
}

/// Saving compares drafts on their values: a draft saved again differs only in its time.
#[test]
fn drafts_are_compared_on_content_not_save_time() {
    let mut one = draft();
    one.add_item("network.links", "a");
    let mut two = one.clone();
    two.updated_at = "2026-12-04T10:00:00Z".into();
    assert!(one.same_content(&two));
    two.type_input("network.links[0].mtu_near", &integer(), "9000");
    assert!(!one.same_content(&two));
    let mut three = one.clone();
    three.add_item("network.links", "b");
    three.remove_item("network.links", 1);
    assert_eq!(three.answers, one.answers);
    assert!(
        three.same_content(&one),
        "adding and removing an item leaves the content as it was"
    );
    three.move_item("network.links", 0, 0);
    three.name.push('!');
    assert!(!three.same_content(&one));
}

#[test]
fn progress_counts_relevant_and_answered_questions_and_files_problems_by_section() {
    let q = questionnaire();
    let empty = draft();
    let none = progress(q, &empty.answers, &validate(q, &empty.answers));
    assert_eq!(none.answered(), 0);
    assert!(none.relevant() > 50, "{}", none.relevant());
    assert_eq!(none.sections.len(), q.sections().len());

    let mut draft = draft();
    let before = progress(q, &draft.answers, &[])
        .section("network")
        .expect("network")
        .relevant;
    draft.add_item("network.links", "dc1-dc2");
    draft.type_input("network.links[0].mtu_near", &integer(), "20000");
    let problems = validate(q, &draft.answers);
    let after = progress(q, &draft.answers, &problems);
    let network = after.section("network").expect("network");
    assert!(network.relevant > before, "a link adds its questions");
    assert_eq!(network.answered, 1);
    assert!(network.errors >= 1, "MTU 20000 is out of range");
    assert_eq!(
        after.errors(),
        problems
            .iter()
            .filter(|p| p.severity == intake_core::validate::Severity::Error)
            .count()
    );
}

#[test]
fn values_display_with_labels_and_units() {
    let q = questionnaire();
    let os = q.question("platform.backup_server_os").expect("question");
    let shown = display_value(&os.kind, &Value::Text("windows_server_2019".into()));
    assert!(shown.contains("2019") && !shown.contains('_'), "{shown}");
    assert_eq!(display_value(&Kind::Boolean, &Value::Bool(true)), "Yes");
    let mtu = q.question("network.links.mtu_near").expect("question");
    assert!(display_value(&mtu.kind, &Value::Integer(9000)).starts_with("9000"));
}

#[test]
fn an_unnamed_draft_takes_its_name_from_the_partner_and_the_engagement() {
    let mut draft = Draft::new("d1", "", "2026-12-04T10:00:00Z");
    assert_eq!(draft.title(), intake_core::draft::UNNAMED);
    draft.type_input("engagement.partner_name", &Kind::ShortText, "Noordkaap IT");
    assert_eq!(draft.title(), "Noordkaap IT");
    draft.type_input(
        "engagement.engagement_name",
        &Kind::ShortText,
        "2026 review",
    );
    assert_eq!(draft.title(), "Noordkaap IT: 2026 review");
    // Drafts made before took the default name: they follow the answers too.
    draft.name = intake_core::draft::UNNAMED.to_owned();
    assert_eq!(draft.title(), "Noordkaap IT: 2026 review");
    draft.name = "Renamed by hand".to_owned();
    assert_eq!(draft.title(), "Renamed by hand");
}

/// Input kept as typed for a question that moved with answers schema 2 moves with it.
#[test]
fn input_kept_for_a_moved_question_moves_with_it() {
    let text = r#"{"draft_schema_version":2,"id":"d","name":"n","created_at":"","updated_at":"",
        "answers":{"schema_version":1,"answers":{"dr.offered":{"value":true}}},
        "pending":{"tenancy.tenant_count":{"typed":"about 240"}}}"#;
    let draft = Draft::from_json(text, questionnaire()).expect("reads");
    assert_eq!(
        draft.pending.keys().collect::<Vec<_>>(),
        ["engagement.tenant_count"]
    );
    assert!(draft.answers.answers.contains_key("engagement.dr_offered"));
}

/// The schema 3 fixture: a walk half way through NET-001's playbook, read and written back byte
/// for byte but for the draft schema version, and walked on with this build's playbooks.
#[test]
fn a_schema_3_draft_keeps_its_walks() {
    use intake_core::playbooks::Playbooks;
    let q = questionnaire();
    let (_, text) = support::files(
        &support::repository_path("tests/fixtures/drafts/v3"),
        "json",
    )
    .into_iter()
    .find(|(name, _)| name == "walked-playbook.json")
    .expect("the v3 fixture with a walk");
    let mut draft = Draft::from_json(&text, q).expect("v3 draft");
    assert_eq!(draft.to_json(), as_written_now(&text, 3));
    let books = Playbooks::builtin().expect("the playbooks read");
    let walk = draft.walks.get_mut("NET-001").expect("the walk");
    assert_eq!(walk.steps.len(), 3);
    assert_eq!(
        walk.steps[2].note,
        "`ping -M do -s 8972` from the AMS proxy: no reply"
    );
    let (_, here) = walk.here(books).expect("it goes on");
    assert_eq!(here.title, "Ping the far end without fragmentation");
    let before = draft.clone();
    let walk = draft.walks.get_mut("NET-001").expect("the walk");
    walk.choose(books, 2, "2026-12-05T10:30:00.000Z", None)
        .expect("an outcome");
    assert!(
        !draft.same_content(&before),
        "a step walked is a change to save"
    );
}

/// A draft of an earlier schema as this build writes it: the same but for the draft's and its
/// answers' schema versions.
fn as_written_now(text: &str, version: u32) -> String {
    text.trim_end()
        .replace(
            &format!("\"draft_schema_version\":{version},"),
            &format!(
                "\"draft_schema_version\":{},",
                intake_core::draft::DRAFT_SCHEMA_VERSION
            ),
        )
        .replace(
            "\"answers\":{\"schema_version\":2,",
            &format!(
                "\"answers\":{{\"schema_version\":{},",
                intake_core::answers::SCHEMA_VERSION
            ),
        )
}

/// The schema 4 fixture: a walk whose second step confirmed what the answers suggested, read and
/// written back byte for byte but for the schema versions; the suggestion recorded is the one
/// this build's playbooks make for the draft's answers.
#[test]
fn a_schema_4_draft_keeps_what_the_answers_suggested() {
    use intake_core::playbooks::{Playbooks, walk};
    let q = questionnaire();
    let (_, text) = support::files(
        &support::repository_path("tests/fixtures/drafts/v4"),
        "json",
    )
    .into_iter()
    .find(|(name, _)| name == "confirmed-suggestion.json")
    .expect("the v4 fixture");
    let draft = Draft::from_json(&text, q).expect("v4 draft");
    assert_eq!(draft.to_json(), as_written_now(&text, 4));
    let books = Playbooks::builtin().expect("the playbooks read");
    let taken = &draft.walks["NET-001"].steps[1];
    let step = books
        .get("NET-001")
        .and_then(|book| book.step(&taken.step))
        .expect("the step");
    let now = walk::suggest(q, &draft.answers, step).and_then(|found| found.recorded(step));
    assert!(now.is_some());
    assert_eq!(taken.suggested, now);
}

/// The schema 6 fixture is what this build writes: who answers, and two named milestones with
/// the answers as they were, read and written back byte for byte.
#[test]
fn a_schema_6_draft_keeps_who_answers_and_its_milestones() {
    let (_, text) = support::files(
        &support::repository_path("tests/fixtures/drafts/v6"),
        "json",
    )
    .into_iter()
    .find(|(name, _)| name == "milestones.json")
    .expect("the v6 fixture");
    let mut draft = Draft::from_json(&text, questionnaire()).expect("v6 draft");
    assert_eq!(draft.to_json(), text.trim_end());
    assert_eq!(draft.answered_by, "Eva de Vries, platform team");
    let names: Vec<&str> = draft.milestones.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["before engagement", "after remediation"]);
    assert_eq!(
        draft.milestones[0].answered_by,
        "Eva de Vries, platform team"
    );
    assert!(draft.milestones[1].answered_by.is_empty());
    assert_eq!(
        draft.milestones[0].answers.answers["platform.vbr_version"].as_value(),
        Some(&intake_core::answers::Value::Text("12.1.2.172".to_owned()))
    );

    // A new milestone keeps the answers as they are now, and who gave them.
    draft
        .add_milestone("  third visit ", "2026-12-05T11:00:00.000Z")
        .expect("a new name");
    let third = draft.milestones.last().expect("added");
    assert_eq!(
        (third.name.as_str(), third.at.as_str()),
        ("third visit", "2026-12-05T11:00:00.000Z")
    );
    assert_eq!(*third.answers, draft.answers);
    assert_eq!(third.answered_by, draft.answered_by);
    let again = draft
        .add_milestone("Before Engagement", "2026-12-05T11:01:00.000Z")
        .expect_err("a name used already");
    assert!(again.contains("already"), "{again}");
    let blank = draft
        .add_milestone("  ", "2026-12-05T11:01:00.000Z")
        .expect_err("no name");
    assert!(blank.contains("name"), "{blank}");
    assert_eq!(draft.milestones.len(), 3);
    let reread = Draft::from_json(&draft.to_json(), questionnaire()).expect("written back");
    assert!(reread.same_content(&draft));

    // A milestone whose answers do not read says which one.
    let broken = text.replacen(
        "\"platform.vbr_version\":{\"value\":\"12.1.2.172\"}",
        "\"no.such\":{\"value\":1}",
        1,
    );
    let error = Draft::from_json(&broken, questionnaire()).expect_err("unknown question");
    assert!(error.to_string().contains("before engagement"), "{error}");
}
