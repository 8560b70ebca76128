//! `when`: an outcome the draft's answers already tell. A walk shows the first outcome of a step
//! whose condition holds as suggested, with the answers that say so, and the person confirms it
//! or chooses what they see: the answers are what the partner said, the walk what they see.
//!
//! Written on an outcome in the playbook files as a small table, like the questionnaire's
//! conditions, with tests of its own (`docs/playbooks.md` lists them):
//!
//! ```toml
//! when = { question = "network.links.mtu_near", differs_from = "network.links.mtu_far" }
//! when = { any = [{ question = "dr.test_frequency", equals = "never" },
//!                 { question = "dr.last_full_test", dont_know = true }] }
//! ```
//!
//! A test on a blank or "don't know" answer is unknown (so is one on a question hidden until an
//! answer not known yet is given), one on "not applicable" or a question known answers hide
//! fails, and only a condition that holds suggests anything: a blank draft suggests
//! nothing. A condition naming members of a group is decided for each item of the group and
//! holds when it holds for one; the items it holds for are the answers that say so.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::answers::{Answers, GroupItem, State, Value};
use crate::display;
use crate::questionnaire::{Entry, Group, Kind, Questionnaire};
use crate::relevance::Relevance;

/// A condition on the answers, as written (every field optional; [`When::node`] reads its
/// shape: one combinator, or one `question` with one test).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct When {
    /// The question tested, by its full id (`network.links.mtu_near` for a group's member).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<When>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<When>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<When>>,
    /// Yes or no for a boolean question; a choice id for a single choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<Expected>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// A choice of a multiple choice question that is ticked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<f64>,
    /// An actual answer: not blank, "don't know" or "not applicable" (for a group: an item).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<bool>,
    /// The partner answered "don't know".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know: Option<bool>,
    /// Both answered, and the values differ (members of one group: within the same item).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub differs_from: Option<String>,
    /// Both answered, and the values are the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
}

/// What `equals` compares with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Expected {
    Bool(bool),
    Choice(String),
}

/// A condition's shape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Node<'a> {
    All(&'a [When]),
    Any(&'a [When]),
    Not(&'a When),
    Test(&'a str, Test<'a>),
}

/// One test of a question's answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Test<'a> {
    Equals(&'a Expected),
    OneOf(&'a [String]),
    Includes(&'a str),
    AtLeast(f64),
    AtMost(f64),
    Answered,
    DontKnow,
    DiffersFrom(&'a str),
    SameAs(&'a str),
}

/// A condition decided over answers that may not all be known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    Holds,
    Fails,
    Unknown,
}

/// An answer as a condition sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Said<'a> {
    Blank,
    DontKnow,
    /// "Not applicable", or a question hidden by known answers.
    Absent,
    Value(&'a Value),
    /// A group with this many items.
    Items(usize),
}

impl When {
    /// The condition's shape, or why it has none.
    pub fn node(&self) -> Result<Node<'_>, String> {
        let combinators = [self.all.is_some(), self.any.is_some(), self.not.is_some()];
        let tests = self.tests();
        match (
            combinators.iter().filter(|set| **set).count(),
            &self.question,
            tests.as_slice(),
        ) {
            (1, None, []) => {
                if let Some(all) = self.all.as_deref().filter(|all| !all.is_empty()) {
                    Ok(Node::All(all))
                } else if let Some(any) = self.any.as_deref().filter(|any| !any.is_empty()) {
                    Ok(Node::Any(any))
                } else if let Some(not) = &self.not {
                    Ok(Node::Not(not))
                } else {
                    Err("`all` and `any` need at least one condition".to_owned())
                }
            }
            (0, Some(question), [test]) => Ok(Node::Test(question, *test)),
            _ => Err(
                "a condition is either one of `all`, `any`, `not`, or one `question` with one \
                 test (`equals`, `one_of`, `includes`, `at_least`, `at_most`, `answered`, \
                 `dont_know`, `differs_from`, `same_as`)"
                    .to_owned(),
            ),
        }
    }

    fn tests(&self) -> Vec<Test<'_>> {
        [
            self.equals.as_ref().map(Test::Equals),
            self.one_of.as_deref().map(Test::OneOf),
            self.includes.as_deref().map(Test::Includes),
            self.at_least.map(Test::AtLeast),
            self.at_most.map(Test::AtMost),
            self.answered.map(|_| Test::Answered),
            self.dont_know.map(|_| Test::DontKnow),
            self.differs_from.as_deref().map(Test::DiffersFrom),
            self.same_as.as_deref().map(Test::SameAs),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Whether the condition is well formed, every node of it.
    pub fn shape(&self) -> Result<(), String> {
        match self.node()? {
            Node::All(list) | Node::Any(list) => list.iter().try_for_each(When::shape),
            Node::Not(inner) => inner.shape(),
            Node::Test(..) => {
                if self.answered == Some(false) || self.dont_know == Some(false) {
                    Err("`answered` and `dont_know` can only be true (use `not`)".to_owned())
                } else {
                    Ok(())
                }
            }
        }
    }

    /// Every question the condition names, in order, each once.
    pub fn questions(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self.node() {
            Ok(Node::All(list) | Node::Any(list)) => list.iter().for_each(|w| w.collect(out)),
            Ok(Node::Not(inner)) => inner.collect(out),
            Ok(Node::Test(question, test)) => {
                let other = match test {
                    Test::DiffersFrom(other) | Test::SameAs(other) => Some(other),
                    _ => None,
                };
                for id in std::iter::once(question).chain(other) {
                    if !out.contains(&id) {
                        out.push(id);
                    }
                }
            }
            Err(_) => {}
        }
    }

    /// What is wrong with the condition against this questionnaire: questions that are not
    /// there, tests that do not fit the question's kind, choices it does not have, members of
    /// more than one group.
    pub fn problems(&self, questionnaire: &Questionnaire) -> Vec<String> {
        let mut problems = Vec::new();
        if let Err(error) = self.shape() {
            problems.push(error);
            return problems;
        }
        self.check(questionnaire, &mut problems);
        let mut groups: Vec<&str> = self
            .questions()
            .into_iter()
            .filter_map(|id| match questionnaire.entry(id) {
                Some(Entry::Member(group, _)) => Some(group.id.as_str()),
                _ => None,
            })
            .collect();
        groups.dedup();
        if groups.len() > 1 {
            problems.push(format!(
                "names members of more than one group ({})",
                groups.join(", ")
            ));
        }
        problems
    }

    fn check(&self, questionnaire: &Questionnaire, problems: &mut Vec<String>) {
        let node = match self.node() {
            Ok(node) => node,
            Err(error) => return problems.push(error),
        };
        let (question, test) = match node {
            Node::All(list) | Node::Any(list) => {
                return list.iter().for_each(|w| w.check(questionnaire, problems));
            }
            Node::Not(inner) => return inner.check(questionnaire, problems),
            Node::Test(question, test) => (question, test),
        };
        let kind = match questionnaire.entry(question) {
            None => return problems.push(format!("“{question}” is not a question or group")),
            Some(Entry::Group(_)) => {
                if test != Test::Answered {
                    problems.push(format!(
                        "“{question}” is a group: it only takes `answered = true`"
                    ));
                }
                return;
            }
            Some(Entry::Question(q) | Entry::Member(_, q)) => &q.kind,
        };
        let choices = |kind: &Kind| -> Option<Vec<String>> {
            match kind {
                Kind::SingleChoice(choices) | Kind::MultiChoice(choices) => {
                    Some(choices.iter().map(|c| c.id.clone()).collect())
                }
                Kind::Reference(reference) => {
                    Some(reference.also.iter().map(|c| c.id.clone()).collect())
                }
                _ => None,
            }
        };
        let mut unknown_choice = |choice: &str| {
            if !choices(kind).is_some_and(|ids| ids.iter().any(|id| id == choice)) {
                problems.push(format!("“{choice}” is not a choice of “{question}”"));
            }
        };
        let fits = match test {
            Test::Equals(Expected::Bool(_)) => matches!(kind, Kind::Boolean),
            Test::Equals(Expected::Choice(choice)) => {
                unknown_choice(choice);
                matches!(kind, Kind::SingleChoice(_) | Kind::Reference(_))
            }
            Test::OneOf(list) => {
                list.iter().for_each(|choice| unknown_choice(choice));
                !list.is_empty() && matches!(kind, Kind::SingleChoice(_) | Kind::Reference(_))
            }
            Test::Includes(choice) => {
                unknown_choice(choice);
                matches!(kind, Kind::MultiChoice(_))
            }
            Test::AtLeast(_) | Test::AtMost(_) => {
                matches!(
                    kind,
                    Kind::Integer { .. } | Kind::Decimal { .. } | Kind::Port
                )
            }
            Test::Answered | Test::DontKnow => true,
            Test::DiffersFrom(other) | Test::SameAs(other) => match questionnaire.entry(other) {
                Some(Entry::Question(q) | Entry::Member(_, q)) => {
                    std::mem::discriminant(&q.kind) == std::mem::discriminant(kind)
                }
                _ => {
                    problems.push(format!("“{other}” is not a question"));
                    true
                }
            },
        };
        if !fits {
            problems.push(format!("its test does not fit the kind of “{question}”"));
        }
    }
}

impl When {
    /// The condition in words, with question labels and choice labels: "“How is the automated
    /// renewal scheduled?” is “On set days of the week”". Conditions on a group's members start
    /// with the item they are decided for: "for a Link: …".
    pub fn describe(&self, questionnaire: &Questionnaire) -> String {
        let words = self.words(questionnaire);
        let group = self
            .questions()
            .into_iter()
            .find_map(|id| match questionnaire.entry(id) {
                Some(Entry::Member(group, _)) => Some(group),
                _ => None,
            });
        match group {
            Some(group) => format!("for a {}: {words}", group.item_label),
            None => words,
        }
    }

    fn words(&self, questionnaire: &Questionnaire) -> String {
        let list = |list: &[When], joint: &str| {
            list.iter()
                .map(|when| when.words(questionnaire))
                .collect::<Vec<_>>()
                .join(joint)
        };
        let (question, test) = match self.node() {
            Ok(Node::All(all)) => return format!("({})", list(all, " and ")),
            Ok(Node::Any(any)) => return format!("({})", list(any, " or ")),
            Ok(Node::Not(inner)) => return format!("not {}", inner.words(questionnaire)),
            Ok(Node::Test(question, test)) => (question, test),
            Err(error) => return error,
        };
        let label = |id: &str| format!("“{}”", questionnaire.label(id).unwrap_or(id));
        let kind = match questionnaire.entry(question) {
            Some(Entry::Question(q) | Entry::Member(_, q)) => Some(&q.kind),
            _ => None,
        };
        let choice = |id: &str| {
            let choices = match kind {
                Some(Kind::SingleChoice(choices) | Kind::MultiChoice(choices)) => {
                    choices.as_slice()
                }
                Some(Kind::Reference(reference)) => reference.also.as_slice(),
                _ => &[],
            };
            let shown = choices
                .iter()
                .find(|c| c.id == id)
                .map_or(id, |c| c.label.as_str());
            format!("“{shown}”")
        };
        let subject = label(question);
        match test {
            Test::Equals(Expected::Bool(yes)) => {
                format!("{subject} is {}", if *yes { "yes" } else { "no" })
            }
            Test::Equals(Expected::Choice(id)) => format!("{subject} is {}", choice(id)),
            Test::OneOf(ids) => format!(
                "{subject} is {}",
                ids.iter()
                    .map(|id| choice(id))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            Test::Includes(id) => format!("{subject} includes {}", choice(id)),
            Test::AtLeast(n) => format!("{subject} is at least {n}"),
            Test::AtMost(n) => format!("{subject} is at most {n}"),
            Test::Answered if matches!(questionnaire.entry(question), Some(Entry::Group(_))) => {
                format!("{subject} lists at least one")
            }
            Test::Answered => format!("{subject} is answered"),
            Test::DontKnow => format!("{subject} is “{}”", display::DONT_KNOW),
            Test::DiffersFrom(other) => format!("{subject} differs from {}", label(other)),
            Test::SameAs(other) => format!("{subject} equals {}", label(other)),
        }
    }
}

/// What a step's answers suggest: the outcome, and the answers that say so.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The index of the outcome among the step's.
    pub outcome: usize,
    /// The answers that say so, each as the question's label (with the item's name for a
    /// group's member) and the answer in words.
    pub because: Vec<(String, String)>,
}

/// The first outcome of `outcomes` whose condition holds for these answers, if any.
pub fn suggest<'a>(
    questionnaire: &Questionnaire,
    answers: &Answers,
    conditions: impl IntoIterator<Item = Option<&'a When>>,
) -> Option<Suggestion> {
    let reader = Reader {
        questionnaire,
        answers,
        relevance: Relevance::new(questionnaire, answers),
    };
    conditions
        .into_iter()
        .enumerate()
        .find_map(|(outcome, when)| {
            let because = reader.because(when?)?;
            Some(Suggestion { outcome, because })
        })
}

struct Reader<'a> {
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
    relevance: Relevance<'a>,
}

impl<'a> Reader<'a> {
    /// The answers that make `when` hold, or `None` when it does not.
    fn because(&self, when: &When) -> Option<Vec<(String, String)>> {
        let questions = when.questions();
        let group = questions
            .iter()
            .find_map(|id| match self.questionnaire.entry(id) {
                Some(Entry::Member(group, _)) => Some(group),
                _ => None,
            });
        let items: Vec<&GroupItem> = match group {
            None => {
                if self.decide(when, None) != Decision::Holds {
                    return None;
                }
                Vec::new()
            }
            Some(group) => {
                let listed = self
                    .answers
                    .groups
                    .get(&group.id)
                    .map_or(&[][..], Vec::as_slice);
                if listed.is_empty() {
                    // No item to decide it for: it holds only through questions outside the
                    // group (`any` of one of them and a member), the members being unknown.
                    if self.decide(when, None) != Decision::Holds {
                        return None;
                    }
                }
                let items: Vec<&GroupItem> = listed
                    .iter()
                    .filter(|item| self.decide(when, Some((group, item))) == Decision::Holds)
                    .collect();
                if items.is_empty() && !listed.is_empty() {
                    return None;
                }
                items
            }
        };
        let mut lines = Vec::new();
        for id in questions {
            match self.questionnaire.entry(id) {
                Some(Entry::Question(question)) => lines.push((
                    question.label.clone(),
                    self.answers.answers.get(id).map_or_else(
                        || display::NOT_ANSWERED.to_owned(),
                        |answer| display::answer(&question.kind, &answer.state),
                    ),
                )),
                Some(Entry::Member(group, question)) => {
                    let local = member_id(group, id);
                    for item in &items {
                        lines.push((
                            display::question(Some((group, &item.name)), question),
                            item.answers.get(local).map_or_else(
                                || display::NOT_ANSWERED.to_owned(),
                                |answer| display::answer(&question.kind, &answer.state),
                            ),
                        ));
                    }
                }
                Some(Entry::Group(group)) => {
                    let count = self.answers.groups.get(&group.id).map_or(0, Vec::len);
                    lines.push((group.label.clone(), format!("{count} listed")));
                }
                None => {}
            }
        }
        Some(lines)
    }

    fn decide(&self, when: &When, item: Option<(&'a Group, &'a GroupItem)>) -> Decision {
        let Ok(node) = when.node() else {
            return Decision::Unknown;
        };
        match node {
            Node::All(list) => list.iter().fold(Decision::Holds, |so_far, when| {
                match (so_far, self.decide(when, item)) {
                    (Decision::Fails, _) | (_, Decision::Fails) => Decision::Fails,
                    (Decision::Unknown, _) | (_, Decision::Unknown) => Decision::Unknown,
                    _ => Decision::Holds,
                }
            }),
            Node::Any(list) => list.iter().fold(Decision::Fails, |so_far, when| {
                match (so_far, self.decide(when, item)) {
                    (Decision::Holds, _) | (_, Decision::Holds) => Decision::Holds,
                    (Decision::Unknown, _) | (_, Decision::Unknown) => Decision::Unknown,
                    _ => Decision::Fails,
                }
            }),
            Node::Not(inner) => match self.decide(inner, item) {
                Decision::Holds => Decision::Fails,
                Decision::Fails => Decision::Holds,
                Decision::Unknown => Decision::Unknown,
            },
            Node::Test(question, test) => self.test(self.said(question, item), test, item),
        }
    }

    fn test(
        &self,
        said: Said<'_>,
        test: Test<'_>,
        item: Option<(&'a Group, &'a GroupItem)>,
    ) -> Decision {
        let known = |holds: bool| {
            if holds {
                Decision::Holds
            } else {
                Decision::Fails
            }
        };
        match (test, said) {
            (Test::DontKnow, said) => known(said == Said::DontKnow),
            (Test::Answered, Said::Items(count)) => known(count > 0),
            (_, Said::Blank | Said::DontKnow) => Decision::Unknown,
            (_, Said::Absent | Said::Items(_)) => Decision::Fails,
            (Test::DiffersFrom(other) | Test::SameAs(other), Said::Value(value)) => {
                match self.said(other, item) {
                    Said::Value(theirs) => {
                        let same = same_value(value, theirs);
                        known(if matches!(test, Test::SameAs(_)) {
                            same
                        } else {
                            !same
                        })
                    }
                    Said::Blank | Said::DontKnow => Decision::Unknown,
                    Said::Absent | Said::Items(_) => Decision::Fails,
                }
            }
            (test, Said::Value(value)) => known(passes(test, value)),
        }
    }

    /// The answer to question `id`: for a member, the item's.
    fn said(&self, id: &str, item: Option<(&'a Group, &'a GroupItem)>) -> Said<'a> {
        let answer = match self.questionnaire.entry(id) {
            Some(Entry::Question(question)) => {
                if !self.relevance.question_shown(question) {
                    return hidden(self.relevance.question_blocker(question).is_some());
                }
                self.answers.answers.get(id)
            }
            Some(Entry::Member(group, question)) => match item {
                Some((of, item)) if of.id == group.id => {
                    if !self.relevance.member_shown(group, question, item) {
                        return hidden(
                            self.relevance
                                .member_blocker(group, question, item)
                                .is_some(),
                        );
                    }
                    item.answers.get(member_id(group, id))
                }
                _ => return Said::Blank,
            },
            Some(Entry::Group(group)) => {
                if !self.relevance.group_shown(group) {
                    return hidden(self.relevance.group_blocker(group).is_some());
                }
                return Said::Items(self.answers.groups.get(id).map_or(0, Vec::len));
            }
            None => return Said::Blank,
        };
        match answer.map(|answer| &answer.state) {
            None => Said::Blank,
            Some(State::DontKnow) => Said::DontKnow,
            Some(State::NotApplicable(_)) => Said::Absent,
            Some(State::Value(value)) => Said::Value(value),
        }
    }
}

/// A question that does not show: not known while it waits for an answer not known yet, absent
/// when known answers hide it.
fn hidden<'a>(waiting: bool) -> Said<'a> {
    if waiting { Said::Blank } else { Said::Absent }
}

/// A member's id within its group: `mtu_near` of `network.links.mtu_near`.
fn member_id<'i>(group: &Group, id: &'i str) -> &'i str {
    id.strip_prefix(group.id.as_str())
        .and_then(|rest| rest.strip_prefix('.'))
        .unwrap_or(id)
}

fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Integer(n) => Some(*n as f64),
        Value::Decimal(x) => Some(*x),
        _ => None,
    }
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (number(a), number(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
}

fn passes(test: Test<'_>, value: &Value) -> bool {
    match (test, value) {
        (Test::Equals(Expected::Bool(want)), Value::Bool(got)) => want == got,
        (Test::Equals(Expected::Choice(want)), Value::Text(got)) => want == got,
        (Test::OneOf(wants), Value::Text(got)) => wants.iter().any(|want| want == got),
        (Test::Includes(want), Value::Choices(got)) => got.iter().any(|got| got == want),
        (Test::AtLeast(threshold), value) => number(value).is_some_and(|n| n >= threshold),
        (Test::AtMost(threshold), value) => number(value).is_some_and(|n| n <= threshold),
        (Test::Answered, _) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn questionnaire() -> &'static Questionnaire {
        Questionnaire::builtin().expect("the questionnaire reads")
    }

    fn answers(json: &str) -> Answers {
        Answers::from_json(json, questionnaire()).expect("the answers read")
    }

    fn when(json: &str) -> When {
        let when: When = serde_json::from_str(json).expect("a condition");
        assert_eq!(when.problems(questionnaire()), Vec::<String>::new());
        when
    }

    const LINKS: &str = r#"{"schema_version": 2, "answers": {
            "network.ports_documented": {"value": false},
            "network.dns_resolution": {"dont_know": true}},
        "groups": {"network.links": [
            {"name": "AMS-EHV", "answers": {"mtu_near": {"value": 9000}, "mtu_far": {"value": 1500}}},
            {"name": "AMS-FRA", "answers": {"mtu_near": {"value": 1500}, "mtu_far": {"value": 1500}}},
            {"name": "AMS-LON", "answers": {"mtu_near": {"value": 9000}}}]}}"#;

    #[test]
    fn a_group_condition_holds_for_the_items_it_holds_for_and_names_them() {
        let differ = when(
            r#"{"question": "network.links.mtu_near", "differs_from": "network.links.mtu_far"}"#,
        );
        let both_1500 = when(
            r#"{"all": [{"question": "network.links.mtu_near", "same_as": "network.links.mtu_far"},
                        {"question": "network.links.mtu_near", "at_most": 1500}]}"#,
        );
        let answers = answers(LINKS);
        let found = suggest(questionnaire(), &answers, [None, Some(&differ)])
            .expect("one link's ends differ");
        assert_eq!(found.outcome, 1);
        let lines: Vec<String> = found
            .because
            .iter()
            .map(|(question, answer)| format!("{question} = {answer}"))
            .collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines.iter().all(|line| line.contains("“AMS-EHV”")),
            "{lines:?}"
        );
        assert!(
            lines[0].contains("near") && lines[0].contains("= 9000"),
            "{lines:?}"
        );
        assert!(
            lines[1].contains("far") && lines[1].contains("= 1500"),
            "{lines:?}"
        );
        // The first that holds wins; AMS-FRA is at 1500 both ends.
        let found =
            suggest(questionnaire(), &answers, [Some(&both_1500), Some(&differ)]).expect("AMS-FRA");
        assert_eq!(found.outcome, 0);
        assert!(found.because.iter().all(|(q, _)| q.contains("“AMS-FRA”")));
        // AMS-LON's far end is blank: it is unknown whether its ends differ, so nothing holds.
        let only_lon = Answers::from_json(
            r#"{"schema_version": 2, "groups": {"network.links": [
                {"name": "AMS-LON", "answers": {"mtu_near": {"value": 9000}}}]}}"#,
            questionnaire(),
        )
        .expect("reads");
        let not_differ = When {
            not: Some(Box::new(differ.clone())),
            ..When::default()
        };
        assert_eq!(
            suggest(
                questionnaire(),
                &only_lon,
                [Some(&differ), Some(&not_differ)]
            ),
            None
        );
    }

    #[test]
    fn a_blank_draft_suggests_nothing_and_dont_know_is_its_own_answer() {
        let no = when(r#"{"question": "network.ports_documented", "equals": false}"#);
        let not_yes = when(r#"{"not": {"question": "network.ports_documented", "equals": true}}"#);
        let unsure = when(r#"{"question": "network.dns_resolution", "dont_know": true}"#);
        let answered = when(r#"{"question": "network.dns_resolution", "answered": true}"#);
        let listed = when(r#"{"question": "network.links", "answered": true}"#);
        let blank = answers(r#"{"schema_version": 2}"#);
        for condition in [&no, &not_yes, &unsure, &answered, &listed] {
            assert_eq!(
                suggest(questionnaire(), &blank, [Some(condition)]),
                None,
                "{condition:?}"
            );
        }
        let answers = answers(LINKS);
        for condition in [&no, &not_yes, &unsure, &listed] {
            assert!(
                suggest(questionnaire(), &answers, [Some(condition)]).is_some(),
                "{condition:?}"
            );
        }
        assert_eq!(suggest(questionnaire(), &answers, [Some(&answered)]), None);
        let said = suggest(questionnaire(), &answers, [Some(&unsure)]).expect("don't know");
        assert_eq!(said.because.len(), 1);
        assert_eq!(said.because[0].1, display::DONT_KNOW);
        let said = suggest(questionnaire(), &answers, [Some(&listed)]).expect("listed");
        assert_eq!(said.because[0].1, "3 listed");
        // With no item listed, a member is unknown, and the question outside the group decides.
        let either = when(
            r#"{"any": [{"question": "network.ports_documented", "equals": false},
                        {"question": "network.links.mtu_near", "at_least": 9000}]}"#,
        );
        let no_links = Answers::from_json(
            r#"{"schema_version": 2, "answers": {
            "network.ports_documented": {"value": false}}}"#,
            questionnaire(),
        )
        .expect("the answers read");
        let said = suggest(questionnaire(), &no_links, [Some(&either)]).expect("ports");
        assert_eq!(said.because.len(), 1, "{:?}", said.because);
        let neither = Answers::from_json(
            r#"{"schema_version": 2, "answers": {
            "network.ports_documented": {"value": true}}}"#,
            questionnaire(),
        )
        .expect("the answers read");
        assert_eq!(suggest(questionnaire(), &neither, [Some(&either)]), None);
    }

    #[test]
    fn says_itself_in_words() {
        let mtu = when(
            r#"{"all": [{"question": "network.links.mtu_near", "same_as": "network.links.mtu_far"},
                        {"question": "network.links.mtu_near", "at_most": 1500}]}"#,
        );
        assert_eq!(
            mtu.describe(questionnaire()),
            "for a Link: (“MTU at the near (from) end” equals “MTU at the far (to) end” and \
             “MTU at the near (from) end” is at most 1500)"
        );
        let dns = when(
            r#"{"not": {"question": "network.dns_resolution", "one_of": ["forward_only", "partial"]}}"#,
        );
        assert_eq!(
            dns.describe(questionnaire()),
            "not “Do forward and reverse DNS lookups resolve for every Veeam component?” is \
             “Forward only; reverse records are missing or not checked” or “Only for some \
             components; others use IP addresses or hosts files”"
        );
    }

    #[test]
    fn names_what_does_not_fit() {
        let wrong: When = serde_json::from_str(
            r#"{"all": [{"question": "network.ports_documented", "includes": "x"},
                        {"question": "network.dns_resolution", "equals": "sometimes"},
                        {"question": "network.links.mtu_near", "same_as": "network.ports_documented"},
                        {"question": "network.links.mtu_near", "answered": true},
                        {"question": "cloud_connect.gateways.fqdn", "answered": true}]}"#,
        )
        .expect("a condition");
        let problems = wrong.problems(questionnaire());
        assert_eq!(
            problems,
            [
                "“x” is not a choice of “network.ports_documented”",
                "its test does not fit the kind of “network.ports_documented”",
                "“sometimes” is not a choice of “network.dns_resolution”",
                "its test does not fit the kind of “network.links.mtu_near”",
                "names members of more than one group (network.links, cloud_connect.gateways)",
            ]
        );
        let shapeless: When =
            serde_json::from_str(r#"{"question": "a.b", "answered": false}"#).expect("parses");
        assert!(shapeless.shape().is_err());
        let two: When =
            serde_json::from_str(r#"{"question": "a.b", "answered": true, "dont_know": true}"#)
                .expect("parses");
        assert!(two.shape().is_err());
    }
}
