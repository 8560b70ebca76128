//! The playbook linter: every tree finite, every step reachable, every outcome leading
//! somewhere, every path ending in a conclusion with a fix, every question it names real; the
//! trees of critical and high rules branch and go at least three steps deep.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{Leads, Origin, Place, Playbook, Playbooks};
use crate::questionnaire::Questionnaire;
use crate::rules::{self, Severity};

/// The longest path of a critical or high rule's playbook, in steps, at least.
pub const MIN_DEPTH: usize = 3;
/// At most this many characters in a step's title (a flowchart box, a line of a walk).
pub const MAX_TITLE: usize = 60;
/// At most this many characters in an outcome's answer (a choice in a walk).
pub const MAX_ANSWER: usize = 80;
/// At least this many symptoms.
pub const MIN_SYMPTOMS: usize = 15;

/// Something wrong with a playbook: where (`NET-001`, `NET-001/ends`) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Every problem of these playbooks, in playbook order; none when they are sound. `complete`
/// also asks for a playbook for every rule and at least [`MIN_SYMPTOMS`] symptoms.
pub fn lint(books: &Playbooks, questionnaire: &Questionnaire, complete: bool) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |at: String, message: String| problems.push(Problem { at, message });
    if complete {
        for rule in rules::rules() {
            if books.get(rule.id).is_none() {
                problem(rule.id.to_owned(), "has no playbook".to_owned());
            }
        }
        let symptoms = books.symptoms().count();
        if symptoms < MIN_SYMPTOMS {
            problem(
                "symptoms".to_owned(),
                format!("{symptoms} symptoms; at least {MIN_SYMPTOMS}"),
            );
        }
    }
    let mut depths = Depths::default();
    for book in books.iter() {
        shape(books, book, questionnaire, &mut problem);
        match depths.longest(books, book) {
            Err(cycle) => problem(book.id.clone(), format!("goes round in a circle: {cycle}")),
            Ok(depth) => {
                let branches = book.steps.iter().any(|step| {
                    let targets: BTreeSet<String> = step
                        .outcomes
                        .iter()
                        .enumerate()
                        .map(|(i, outcome)| match &outcome.leads {
                            Leads::Next(next) => next.clone(),
                            Leads::Conclusion(_) => format!("conclusion {i}"),
                        })
                        .collect();
                    targets.len() >= 2
                });
                if !branches {
                    problem(
                        book.id.clone(),
                        "never branches: no step has two outcomes leading to different places"
                            .to_owned(),
                    );
                }
                let severity = (book.origin == Origin::Rule)
                    .then(|| rules::rule(&book.id).map(|rule| rule.severity))
                    .flatten();
                if matches!(severity, Some(Severity::Critical | Severity::High))
                    && depth < MIN_DEPTH
                {
                    problem(
                        book.id.clone(),
                        format!(
                            "its longest path has {depth} steps; a critical or high rule's needs \
                             at least {MIN_DEPTH}"
                        ),
                    );
                }
            }
        }
    }
    problems
}

/// The longest path from a playbook's start, in steps, jumps into other playbooks included.
pub fn depth(books: &Playbooks, book: &Playbook) -> Option<usize> {
    Depths::default().longest(books, book).ok()
}

/// Each playbook's own rules: ids, texts, references, where outcomes lead, what is reachable.
fn shape(
    books: &Playbooks,
    book: &Playbook,
    questionnaire: &Questionnaire,
    problem: &mut impl FnMut(String, String),
) {
    let id = &book.id;
    if book.origin == Origin::Symptom && !is_symptom_id(id) {
        problem(
            id.clone(),
            "a symptom's id is SYM- and three digits".to_owned(),
        );
    }
    if book.title.trim().is_empty() {
        problem(id.clone(), "has no title".to_owned());
    }
    if book.first().is_none() {
        problem(
            id.clone(),
            format!("starts at “{}”, which is not one of its steps", book.start),
        );
    }
    let mut seen = BTreeSet::new();
    for step in &book.steps {
        let at = book.place(step).to_string();
        if !seen.insert(step.id.as_str()) {
            problem(at.clone(), "two steps have this id".to_owned());
        }
        if !is_step_id(&step.id) {
            problem(
                at.clone(),
                "a step's id is lowercase words joined by “-”".to_owned(),
            );
        }
        if step.title.trim().is_empty() || step.title.chars().count() > MAX_TITLE {
            problem(
                at.clone(),
                format!("a step's title is 1 to {MAX_TITLE} characters"),
            );
        }
        if step.check.trim().is_empty() {
            problem(at.clone(), "says nothing to check".to_owned());
        }
        for question in &step.answers {
            if questionnaire.entry(question).is_none() {
                problem(
                    at.clone(),
                    format!("names “{question}”, which is not a question or group"),
                );
            }
        }
        references(&step.references, &at, problem);
        if step.outcomes.is_empty() {
            problem(at.clone(), "has no outcomes".to_owned());
        }
        for outcome in &step.outcomes {
            let answer = &outcome.answer;
            if answer.trim().is_empty() || answer.chars().count() > MAX_ANSWER {
                problem(
                    at.clone(),
                    format!("an outcome's answer is 1 to {MAX_ANSWER} characters"),
                );
            }
            if let Some(when) = &outcome.when {
                for message in when.problems(questionnaire) {
                    problem(at.clone(), format!("“{answer}” when: {message}"));
                }
                for question in when.questions() {
                    let listed = step.answers.iter().any(|listed| {
                        question == listed
                            || question
                                .strip_prefix(listed.as_str())
                                .is_some_and(|rest| rest.starts_with('.'))
                    });
                    if !listed {
                        problem(
                            at.clone(),
                            format!(
                                "“{answer}” when: names “{question}”, which is not among the \
                                 step's answers"
                            ),
                        );
                    }
                }
            }
            match &outcome.leads {
                Leads::Next(next) => {
                    if books.resolve(book, next).is_none() {
                        problem(
                            at.clone(),
                            format!("“{answer}” leads to “{next}”, which is not a step"),
                        );
                    }
                }
                Leads::Conclusion(conclusion) => {
                    if conclusion.cause.trim().is_empty() || conclusion.fix.trim().is_empty() {
                        problem(
                            at.clone(),
                            format!("“{answer}” ends without a cause and a fix"),
                        );
                    }
                    references(&conclusion.references, &at, problem);
                }
            }
        }
    }
    let reached = reachable(books, book);
    for step in &book.steps {
        if !reached.contains(step.id.as_str()) {
            problem(
                book.place(step).to_string(),
                "cannot be reached from the start".to_owned(),
            );
        }
    }
}

fn references(references: &[String], at: &str, problem: &mut impl FnMut(String, String)) {
    for reference in references {
        if !reference.starts_with("https://") || reference.contains(char::is_whitespace) {
            problem(
                at.to_owned(),
                format!("“{reference}” is not an https address"),
            );
        }
    }
}

/// The ids of a playbook's own steps a walk from its start can reach.
fn reachable<'a>(books: &'a Playbooks, book: &'a Playbook) -> BTreeSet<&'a str> {
    let mut reached = BTreeSet::new();
    let mut todo: Vec<&str> = book
        .first()
        .map(|step| step.id.as_str())
        .into_iter()
        .collect();
    while let Some(id) = todo.pop() {
        if !reached.insert(id) {
            continue;
        }
        let Some(step) = book.step(id) else { continue };
        for (next_book, next) in books.next_steps(book, step) {
            if next_book.id == book.id {
                todo.push(&next.id);
            }
        }
    }
    reached
}

/// Longest paths from each step, remembered; a step on the path being explored means a circle.
#[derive(Default)]
struct Depths<'a> {
    done: BTreeMap<Place<'a>, usize>,
    open: Vec<Place<'a>>,
}

impl<'a> Depths<'a> {
    fn longest(&mut self, books: &'a Playbooks, book: &'a Playbook) -> Result<usize, String> {
        match book.first() {
            Some(step) => self.from(books, book, step),
            None => Ok(0),
        }
    }

    fn from(
        &mut self,
        books: &'a Playbooks,
        book: &'a Playbook,
        step: &'a super::Step,
    ) -> Result<usize, String> {
        let place = book.place(step);
        if let Some(depth) = self.done.get(&place) {
            return Ok(*depth);
        }
        if let Some(at) = self.open.iter().position(|open| *open == place) {
            let mut cycle: Vec<String> = self.open[at..].iter().map(ToString::to_string).collect();
            cycle.push(place.to_string());
            return Err(cycle.join(" → "));
        }
        self.open.push(place);
        let mut deepest = 0;
        for (next_book, next) in books.next_steps(book, step) {
            deepest = deepest.max(self.from(books, next_book, next)?);
        }
        self.open.pop();
        self.done.insert(place, deepest + 1);
        Ok(deepest + 1)
    }
}

fn is_symptom_id(id: &str) -> bool {
    id.strip_prefix("SYM-")
        .is_some_and(|digits| digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()))
}

fn is_step_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn questionnaire() -> &'static Questionnaire {
        Questionnaire::builtin().expect("the questionnaire reads")
    }

    /// NET-001 (high) with a three-step branching tree, NET-007 (medium) with one decision.
    fn sound() -> String {
        r#"[["network.toml", {"playbook": [
            {"rule": "NET-001", "start": "ends", "step": [
                {"id": "ends", "title": "Compare the ends", "check": "Read both.",
                 "answers": ["network.links.mtu_near", "network.links.mtu_far"], "outcome": [
                    {"answer": "Same", "next": "path"},
                    {"answer": "Different", "conclusion": {"cause": "A mismatch.", "fix": "Match."}}
                ]},
                {"id": "path", "title": "Ping the path", "check": "`ping -M do -s 8972`.", "outcome": [
                    {"answer": "Replies", "next": "NET-007"},
                    {"answer": "No replies", "next": "hop"}
                ]},
                {"id": "hop", "title": "Find the hop", "check": "`tracepath`.", "outcome": [
                    {"answer": "A hop at 1500", "conclusion": {"cause": "A hop.", "fix": "Raise it.",
                     "references": ["https://www.rfc-editor.org/rfc/rfc2923"]}}
                ]}
            ]},
            {"rule": "NET-007", "start": "links", "step": [
                {"id": "links", "title": "Count the links", "check": "Look.", "outcome": [
                    {"answer": "One", "conclusion": {"cause": "One link.", "fix": "Add one."}},
                    {"answer": "Two", "conclusion": {"cause": "Fine.", "fix": "Nothing to do."}}
                ]}
            ]}
        ]}]]"#
            .to_owned()
    }

    fn problems(json: &str) -> Vec<String> {
        let books = Playbooks::from_json(json).expect("the tree reads");
        lint(&books, questionnaire(), false)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_sound_tree_has_no_problems_and_its_depth_counts_jumps() {
        assert_eq!(problems(&sound()), Vec::<String>::new());
        let books = Playbooks::from_json(&sound()).expect("the tree reads");
        // ends → path → NET-007/links is as deep as ends → path → hop.
        assert_eq!(
            depth(&books, books.get("NET-001").expect("NET-001")),
            Some(3)
        );
        assert_eq!(
            depth(&books, books.get("NET-007").expect("NET-007")),
            Some(1)
        );
    }

    #[test]
    fn finds_a_circle() {
        let circle = sound().replace(
            r#"{"answer": "Replies", "next": "NET-007"}"#,
            r#"{"answer": "Replies", "next": "ends"}"#,
        );
        let found = problems(&circle);
        assert_eq!(
            found,
            ["NET-001: goes round in a circle: NET-001/ends → NET-001/path → NET-001/ends"]
        );
    }

    #[test]
    fn finds_unreachable_steps_and_outcomes_leading_nowhere() {
        let json = sound().replace(
            r#"{"answer": "No replies", "next": "hop"}"#,
            r#"{"answer": "No replies", "next": "hops"}"#,
        );
        let found = problems(&json);
        assert!(
            found.contains(
                &"NET-001/path: “No replies” leads to “hops”, which is not a step".to_owned()
            ),
            "{found:?}"
        );
        assert!(
            found.contains(&"NET-001/hop: cannot be reached from the start".to_owned()),
            "{found:?}"
        );
    }

    #[test]
    fn finds_unknown_questions_bad_references_and_empty_fixes() {
        let json = sound()
            .replace("network.links.mtu_far", "network.links.mtu_middle")
            .replace(
                "https://www.rfc-editor.org/rfc/rfc2923",
                "www.rfc-editor.org",
            )
            .replace(r#""fix": "Raise it.""#, r#""fix": " ""#);
        let found = problems(&json);
        assert!(
            found.contains(
                &"NET-001/ends: names “network.links.mtu_middle”, which is not a question or group"
                    .to_owned()
            ),
            "{found:?}"
        );
        assert!(
            found.contains(&"NET-001/hop: “www.rfc-editor.org” is not an https address".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(
                &"NET-001/hop: “A hop at 1500” ends without a cause and a fix".to_owned()
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_high_rule_needs_a_branching_tree_three_steps_deep() {
        let shallow = sound().replace(
            r#"{"answer": "Same", "next": "path"}"#,
            r#"{"answer": "Same", "conclusion": {"cause": "-", "fix": "-"}}"#,
        );
        let found = problems(&shallow);
        assert!(found.contains(&"NET-001: its longest path has 1 steps; a critical or high rule's needs at least 3".to_owned()), "{found:?}");
        let straight = sound()
            .replace(
                r#"{"answer": "Two", "conclusion": {"cause": "Fine.", "fix": "Nothing to do."}}"#,
                "",
            )
            .replace(
                r#"{"cause": "One link.", "fix": "Add one."}},"#,
                r#"{"cause": "One link.", "fix": "Add one."}}"#,
            );
        let found = problems(&straight);
        assert!(
            found.contains(
                &"NET-007: never branches: no step has two outcomes leading to different places"
                    .to_owned()
            ),
            "{found:?}"
        );
    }

    #[test]
    fn checks_ids_titles_and_answers() {
        let json = sound()
            .replace(r#""id": "hop""#, r#""id": "Hop""#)
            .replace(r#""next": "hop""#, r#""next": "Hop""#)
            .replace("Count the links", &"x".repeat(MAX_TITLE + 1))
            .replace(r#""answer": "One""#, r#""answer": """#);
        let found = problems(&json);
        assert!(
            found.contains(&"NET-001/Hop: a step's id is lowercase words joined by “-”".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&format!(
                "NET-007/links: a step's title is 1 to {MAX_TITLE} characters"
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&format!(
                "NET-007/links: an outcome's answer is 1 to {MAX_ANSWER} characters"
            )),
            "{found:?}"
        );
    }

    #[test]
    fn complete_asks_for_every_rule_and_the_symptoms() {
        let books = Playbooks::from_json(&sound()).expect("the tree reads");
        let found: Vec<String> = lint(&books, questionnaire(), true)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            found.contains(&"NET-002: has no playbook".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&format!("symptoms: 0 symptoms; at least {MIN_SYMPTOMS}")),
            "{found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|problem| problem.starts_with("NET-001: has no"))
        );
    }

    #[test]
    fn checks_what_a_when_names_and_tests() {
        let json = sound()
            .replace(
                r#"{"answer": "Same", "next": "path"}"#,
                r#"{"answer": "Same", "when": {"question": "network.links.mtu_near", "same_as": "network.links.mtu_far"}, "next": "path"}"#,
            )
            .replace(
                r#"{"answer": "Different", "conclusion""#,
                r#"{"answer": "Different", "when": {"any": [
                    {"question": "network.links.mtu_near", "includes": "jumbo"},
                    {"question": "network.dns_resolution", "answered": true},
                    {"question": "network.nowhere", "dont_know": true}]}, "conclusion""#,
            );
        let found = problems(&json);
        let whens: Vec<&String> = found.iter().filter(|p| p.contains("when:")).collect();
        assert_eq!(
            whens,
            [
                "NET-001/ends: “Different” when: “jumbo” is not a choice of “network.links.mtu_near”",
                "NET-001/ends: “Different” when: its test does not fit the kind of “network.links.mtu_near”",
                "NET-001/ends: “Different” when: “network.nowhere” is not a question or group",
                "NET-001/ends: “Different” when: names “network.dns_resolution”, which is not among the step's answers",
                "NET-001/ends: “Different” when: names “network.nowhere”, which is not among the step's answers",
            ],
            "{found:?}"
        );
        let unreadable = sound().replace(
            r#"{"answer": "Same", "next": "path"}"#,
            r#"{"answer": "Same", "when": {"question": "network.links.mtu_near"}, "next": "path"}"#,
        );
        let error = Playbooks::from_json(&unreadable).expect_err("a test is missing");
        assert!(
            error
                .message
                .contains("NET-001/ends: the outcome “Same” has a `when` that cannot be read"),
            "{error}"
        );
    }
}
