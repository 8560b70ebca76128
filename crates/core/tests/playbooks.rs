//! The built-in playbooks (`assets/playbooks/*.toml`): the linter finds nothing, the failure
//! stories get the deepest trees, and every playbook prints in every format.

mod support;

use intake_core::playbooks::{self, Format, Leads, Origin, Playbooks};
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{self, Severity};

fn books() -> &'static Playbooks {
    Playbooks::builtin().unwrap_or_else(|error| panic!("{error}"))
}

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn the_linter_finds_nothing_and_every_rule_has_a_playbook() {
    let problems: Vec<String> = playbooks::lint(books(), questionnaire(), true)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_eq!(
        books()
            .iter()
            .filter(|book| book.origin == Origin::Rule)
            .count(),
        rules::rules().len()
    );
}

/// The failures partners have lived through (`docs/playbooks.md`) go deeper than three steps.
#[test]
fn the_failure_stories_get_the_deepest_trees() {
    let stories = [
        ("NET-001", "MTU mismatch on a replication path"),
        ("CRT-002", "certificate renewal in the backup window"),
        ("NET-003", "an ISP proxying or inspecting the traffic"),
        ("CC-004", "TLS terminated on a load balancer"),
        ("STO-005", "firmware changed without change control"),
        ("STO-009", "a noisy neighbour on a shared controller"),
        ("TEN-001", "a noisy neighbour among tenants"),
        ("OPS-002", "no alerting for the 2 AM outage"),
        ("OPS-005", "no runbook for the 2 AM outage"),
        ("DR-001", "DR never tested"),
    ];
    for (id, story) in stories {
        let book = books()
            .get(id)
            .unwrap_or_else(|| panic!("{id} ({story}) has no playbook"));
        let depth = playbooks::depth(books(), book).unwrap_or_default();
        assert!(
            depth >= 4,
            "{id} ({story}): its longest path has {depth} steps"
        );
        let decisions = book
            .steps
            .iter()
            .filter(|step| step.outcomes.len() >= 2)
            .count();
        assert!(decisions >= 2, "{id} ({story}): {decisions} steps branch");
    }
}

#[test]
fn critical_and_high_rules_branch_three_steps_deep() {
    for rule in rules::rules() {
        if !matches!(rule.severity, Severity::Critical | Severity::High) {
            continue;
        }
        let book = books()
            .get(rule.id)
            .unwrap_or_else(|| panic!("{} has no playbook", rule.id));
        let depth = playbooks::depth(books(), book).unwrap_or_default();
        assert!(depth >= playbooks::MIN_DEPTH, "{}: {depth} steps", rule.id);
    }
}

#[test]
fn every_playbook_prints_in_every_format() {
    for book in books().iter() {
        let text = playbooks::render(books(), book, questionnaire(), Format::Text);
        assert!(text.starts_with(&format!("{} {}\n", book.id, book.title)));
        let mermaid = playbooks::render(books(), book, questionnaire(), Format::Mermaid);
        let dot = playbooks::render(books(), book, questionnaire(), Format::Dot);
        for step in &book.steps {
            assert!(
                text.contains(&step.title),
                "{}: {} not in the text",
                book.id,
                step.id
            );
            assert!(mermaid.contains(&format!("s_{}[", step.id.replace('-', "_"))));
            assert!(dot.contains(&format!("s_{} [", step.id.replace('-', "_"))));
        }
        let conclusions = book
            .steps
            .iter()
            .flat_map(|step| &step.outcomes)
            .filter(|outcome| matches!(outcome.leads, Leads::Conclusion(_)))
            .count();
        assert_eq!(
            text.matches("     Fix: ").count(),
            conclusions,
            "{}",
            book.id
        );
        let json = playbooks::render(books(), book, questionnaire(), Format::Json);
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(value["id"], book.id.as_str());
    }
}

#[test]
fn symptoms_start_from_what_partners_see_and_lead_into_the_rules() {
    let symptoms: Vec<_> = books().symptoms().collect();
    assert!(
        symptoms.len() >= playbooks::MIN_SYMPTOMS,
        "{} symptoms",
        symptoms.len()
    );
    for symptom in symptoms {
        let jumps = symptom
            .steps
            .iter()
            .flat_map(|step| &step.outcomes)
            .filter(|outcome| matches!(&outcome.leads, Leads::Next(next) if books().get(next.split('/').next().unwrap_or(next)).is_some()))
            .count();
        assert!(
            jumps >= 1,
            "{} ({}) leads into no rule's playbook",
            symptom.id,
            symptom.title
        );
    }
}

#[test]
fn every_flowchart_keeps_its_boxes_apart_and_its_labels_between_them() {
    use intake_core::playbooks::chart::{self, NODE_WIDTH};
    for book in books().iter() {
        let chart = chart::chart(books(), book);
        let own = chart
            .nodes
            .iter()
            .filter(|node| node.step.is_some())
            .count();
        assert_eq!(own, book.steps.len(), "{}: every step is drawn", book.id);
        let outcomes: usize = book.steps.iter().map(|step| step.outcomes.len()).sum();
        assert_eq!(
            chart.edges.len(),
            outcomes,
            "{}: an arrow per outcome",
            book.id
        );
        for (i, a) in chart.nodes.iter().enumerate() {
            for b in &chart.nodes[i + 1..] {
                let apart = a.x + NODE_WIDTH <= b.x
                    || b.x + NODE_WIDTH <= a.x
                    || a.y + a.height <= b.y
                    || b.y + b.height <= a.y;
                assert!(
                    apart,
                    "{}: {:?} and {:?} overlap",
                    book.id, a.lines, b.lines
                );
            }
        }
        for edge in &chart.edges {
            let (from, to) = (&chart.nodes[edge.from], &chart.nodes[edge.to]);
            assert!(
                edge.label_y > from.y + from.height && edge.label_y < to.y,
                "{}: the label {:?} is not between its boxes",
                book.id,
                edge.label
            );
        }
    }
}

fn answers_fixture(name: &str) -> intake_core::answers::Answers {
    let (_, text) = support::answers_fixtures()
        .into_iter()
        .find(|(file, _)| *file == format!("{name}.json"))
        .unwrap_or_else(|| panic!("no fixture {name}"));
    intake_core::answers::Answers::from_json(&text, questionnaire())
        .unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn suggested(book: &str, step: &str, answers: &intake_core::answers::Answers) -> Option<String> {
    let step = books()
        .get(book)
        .and_then(|book| book.step(step))
        .unwrap_or_else(|| panic!("{book}/{step}"));
    playbooks::walk::suggest(questionnaire(), answers, step)
        .map(|found| step.outcomes[found.outcome].answer.clone())
}

/// Verify, don't assume: where the answers tell a step's outcome, the walk suggests it, naming
/// the items; a blank draft suggests nothing anywhere.
#[test]
fn answers_suggest_outcomes_where_they_tell_them_and_a_blank_draft_suggests_none() {
    let cisco = answers_fixture("vmware-netapp-cisco");
    assert_eq!(
        suggested("NET-001", "ends", &cisco).as_deref(),
        Some("The ends differ (for example 9000 at one end, 1500 at the other)")
    );
    let step = books()
        .get("NET-001")
        .and_then(|b| b.step("ends"))
        .expect("ends");
    let found = playbooks::walk::suggest(questionnaire(), &cisco, step).expect("a suggestion");
    assert!(
        found
            .because
            .iter()
            .all(|(question, _)| question.contains("“AMS1-EHV1 replication”")),
        "only the link whose ends differ: {:?}",
        found.because
    );
    // Every link of the Nutanix environment has the same MTU at both ends.
    let nutanix = answers_fixture("vmware-nutanix");
    assert_ne!(
        suggested("NET-001", "ends", &nutanix).as_deref(),
        Some("The ends differ (for example 9000 at one end, 1500 at the other)")
    );
    let blank = intake_core::answers::Answers::default();
    let mut steps = 0;
    let mut with_when = 0;
    for book in books().iter() {
        for step in &book.steps {
            steps += 1;
            with_when += usize::from(step.outcomes.iter().any(|o| o.when.is_some()));
            assert_eq!(
                playbooks::walk::suggest(questionnaire(), &blank, step),
                None,
                "{}/{}",
                book.id,
                step.id
            );
        }
    }
    assert!(
        with_when * 5 >= steps,
        "{with_when} of {steps} steps can suggest"
    );
    // Across the fixtures, the answers tell many steps.
    let large = answers_fixture("large-provider");
    let told = books()
        .iter()
        .flat_map(|book| book.steps.iter())
        .filter(|step| playbooks::walk::suggest(questionnaire(), &large, step).is_some())
        .count();
    assert!(told >= 20, "{told} steps suggested for the large provider");
}

/// Symptoms a partner starts from can begin with an outcome the answers already give.
#[test]
fn a_symptom_walk_can_start_with_a_suggestion() {
    let mut answers = answers_fixture("vmware-netapp-cisco");
    assert_ne!(
        suggested("SYM-010", "stage", &answers).as_deref(),
        Some("There is no SureBackup job, or it has not run for months")
    );
    answers.answers.insert(
        "dr.surebackup".to_owned(),
        intake_core::answers::Answer::value(intake_core::answers::Value::Bool(false)),
    );
    assert_eq!(
        suggested("SYM-010", "stage", &answers).as_deref(),
        Some("There is no SureBackup job, or it has not run for months")
    );
}
