//! The built-in playbooks (`assets/playbooks/*.toml`): the linter finds nothing, the failure
//! stories get the deepest trees, and every playbook prints in every format.

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
