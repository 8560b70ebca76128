//! Conditions: when a section, group or question is shown.
//!
//! Written in the definition files as small TOML tables:
//!
//! ```toml
//! show_if = { question = "cloud_connect.offered", equals = true }
//! show_if = { question = "platform.hypervisors", includes = "vmware" }
//! show_if = { sibling = "type", one_of = ["hardened_linux", "linux"] }
//! show_if = { any = [{ question = "a.b", at_least = 3 }, { question = "a.c", answered = true }] }
//! ```
//!
//! `question` names any question by its full id; `sibling` names a question of the same group
//! item. A test on a question that is hidden, unanswered, "don't know" or "not applicable" is not
//! met: follow-up questions appear once the answer is known.

use serde::Deserialize;

use super::definition::Scalar;

/// When something is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    Test { subject: Subject, test: Test },
}

/// The question a test looks at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A question by its full id.
    Question(String),
    /// A question of the same group item, by its id within the group.
    Sibling(String),
}

/// What a test checks of the answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// A boolean answer is this value.
    IsTrue(bool),
    /// A single choice answer is this choice.
    Equals(String),
    /// A single choice answer is one of these choices.
    OneOf(Vec<String>),
    /// A multiple choice answer includes this choice.
    Includes(String),
    /// A number answer is at least this.
    AtLeast(f64),
    /// The question has an actual answer (not "don't know" or "not applicable").
    Answered,
}

impl Test {
    /// Whether a known answer passes the test.
    fn passes(&self, observed: Observed<'_>) -> bool {
        match (self, observed) {
            (Test::Answered, _) => true,
            (Test::IsTrue(want), Observed::Bool(value)) => *want == value,
            (Test::Equals(want), Observed::Choice(value)) => want == value,
            (Test::OneOf(wants), Observed::Choice(value)) => wants.iter().any(|want| want == value),
            (Test::Includes(want), Observed::Choices(values)) => values.contains(want),
            (Test::AtLeast(threshold), Observed::Number(value)) => value >= *threshold,
            _ => false,
        }
    }
}

/// A known answer, as far as conditions look at it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Observed<'a> {
    Bool(bool),
    Choice(&'a str),
    Choices(&'a [String]),
    Number(f64),
    /// An answer of a kind conditions only test for presence (text, dates, addresses...).
    Other,
}

/// What a condition's subject is, as far as deciding the condition goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seen<'a> {
    /// A known answer.
    Known(Observed<'a>),
    /// Known not to be there: hidden by known answers, or answered "not applicable".
    Absent,
    /// Not known yet: unanswered, "don't know", or hidden by an answer that is not known.
    Unknown,
}

/// A condition decided over answers that may not all be known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decision<'s> {
    Holds,
    Fails,
    /// Depends on the answer to this subject, which is not known (the first such subject).
    Unknown(&'s Subject),
}

impl Condition {
    /// Decides the condition in three-valued logic: a test on an unknown subject is unknown, `all`
    /// fails on any test that fails and `any` holds on any that holds, whatever the unknowns.
    /// Rules use it to tell a question hidden by known answers (not applicable) from one hidden
    /// because an answer it depends on is not known (which they must not pass over in silence).
    pub fn decide<'a>(&self, lookup: &dyn Fn(&Subject) -> Seen<'a>) -> Decision<'_> {
        match self {
            Condition::All(conditions) => {
                let mut unknown = None;
                for condition in conditions {
                    match condition.decide(lookup) {
                        Decision::Fails => return Decision::Fails,
                        Decision::Unknown(subject) => unknown = unknown.or(Some(subject)),
                        Decision::Holds => {}
                    }
                }
                unknown.map_or(Decision::Holds, Decision::Unknown)
            }
            Condition::Any(conditions) => {
                let mut unknown = None;
                for condition in conditions {
                    match condition.decide(lookup) {
                        Decision::Holds => return Decision::Holds,
                        Decision::Unknown(subject) => unknown = unknown.or(Some(subject)),
                        Decision::Fails => {}
                    }
                }
                unknown.map_or(Decision::Fails, Decision::Unknown)
            }
            Condition::Not(condition) => match condition.decide(lookup) {
                Decision::Holds => Decision::Fails,
                Decision::Fails => Decision::Holds,
                unknown @ Decision::Unknown(_) => unknown,
            },
            Condition::Test { subject, test } => match lookup(subject) {
                Seen::Unknown => Decision::Unknown(subject),
                Seen::Absent => Decision::Fails,
                Seen::Known(observed) if test.passes(observed) => Decision::Holds,
                Seen::Known(_) => Decision::Fails,
            },
        }
    }

    /// Evaluates the condition. `lookup` gives the known answer of a subject, or `None` when the
    /// subject is hidden, unanswered, "don't know" or "not applicable".
    pub fn eval<'a>(&self, lookup: &dyn Fn(&Subject) -> Option<Observed<'a>>) -> bool {
        match self {
            Condition::All(conditions) => conditions.iter().all(|c| c.eval(lookup)),
            Condition::Any(conditions) => conditions.iter().any(|c| c.eval(lookup)),
            Condition::Not(condition) => !condition.eval(lookup),
            Condition::Test { subject, test } => lookup(subject).is_some_and(|o| test.passes(o)),
        }
    }

    /// Every test in the condition, with its subject.
    pub fn tests(&self) -> Vec<(&Subject, &Test)> {
        let mut out = Vec::new();
        self.collect_tests(&mut out);
        out
    }

    fn collect_tests<'a>(&'a self, out: &mut Vec<(&'a Subject, &'a Test)>) {
        match self {
            Condition::All(conditions) | Condition::Any(conditions) => {
                for condition in conditions {
                    condition.collect_tests(out);
                }
            }
            Condition::Not(condition) => condition.collect_tests(out),
            Condition::Test { subject, test } => out.push((subject, test)),
        }
    }

    pub(super) fn from_raw(raw: RawCondition) -> Result<Condition, String> {
        let RawCondition {
            question,
            sibling,
            all,
            any,
            not,
            equals,
            one_of,
            includes,
            at_least,
            answered,
        } = raw;
        let combinators = [all.is_some(), any.is_some(), not.is_some()];
        let subjects = [question.is_some(), sibling.is_some()];
        let tests = [
            equals.is_some(),
            one_of.is_some(),
            includes.is_some(),
            at_least.is_some(),
            answered.is_some(),
        ];
        let count = |flags: &[bool]| flags.iter().filter(|set| **set).count();
        let list = |conditions: Vec<RawCondition>| {
            if conditions.is_empty() {
                return Err("`all` and `any` need at least one condition".to_owned());
            }
            conditions.into_iter().map(Condition::from_raw).collect()
        };
        match (count(&combinators), count(&subjects), count(&tests)) {
            (1, 0, 0) => {
                if let Some(all) = all {
                    Ok(Condition::All(list(all)?))
                } else if let Some(any) = any {
                    Ok(Condition::Any(list(any)?))
                } else {
                    let not = not.ok_or("`not` is missing")?;
                    Ok(Condition::Not(Box::new(Condition::from_raw(*not)?)))
                }
            }
            (0, 1, 1) => {
                let subject = match (question, sibling) {
                    (Some(id), _) => Subject::Question(id),
                    (_, Some(id)) => Subject::Sibling(id),
                    (None, None) => return Err("a test needs `question` or `sibling`".to_owned()),
                };
                let test = if let Some(value) = equals {
                    match value {
                        Scalar::Boolean(value) => Test::IsTrue(value),
                        Scalar::String(choice) => Test::Equals(choice),
                        other => {
                            return Err(format!(
                                "`equals` takes true, false or a choice id, not {}",
                                other.describe()
                            ));
                        }
                    }
                } else if let Some(choices) = one_of {
                    if choices.is_empty() {
                        return Err("`one_of` needs at least one choice".to_owned());
                    }
                    Test::OneOf(choices)
                } else if let Some(choice) = includes {
                    Test::Includes(choice)
                } else if let Some(threshold) = at_least {
                    Test::AtLeast(threshold)
                } else if answered == Some(true) {
                    Test::Answered
                } else {
                    return Err(
                        "`answered` can only be true (use `not` for the opposite)".to_owned()
                    );
                };
                Ok(Condition::Test { subject, test })
            }
            _ => Err(
                "a condition is either one of `all`, `any`, `not`, or one `question` or \
                 `sibling` with one test (`equals`, `one_of`, `includes`, `at_least`, `answered`)"
                    .to_owned(),
            ),
        }
    }
}

/// A condition as written in a file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCondition {
    question: Option<String>,
    sibling: Option<String>,
    all: Option<Vec<RawCondition>>,
    any: Option<Vec<RawCondition>>,
    not: Option<Box<RawCondition>>,
    equals: Option<Scalar>,
    one_of: Option<Vec<String>>,
    includes: Option<String>,
    at_least: Option<f64>,
    answered: Option<bool>,
}

// The examples are TOML, as the definition files are.
#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Condition, String> {
        #[derive(Deserialize)]
        struct Holder {
            show_if: RawCondition,
        }
        let holder: Holder = toml::from_str(text).map_err(|e| e.to_string())?;
        Condition::from_raw(holder.show_if)
    }

    #[test]
    fn reads_each_test_form() {
        assert_eq!(
            parse(r#"show_if = { question = "a.b", equals = true }"#),
            Ok(Condition::Test {
                subject: Subject::Question("a.b".into()),
                test: Test::IsTrue(true)
            })
        );
        assert_eq!(
            parse(r#"show_if = { sibling = "type", one_of = ["x", "y"] }"#),
            Ok(Condition::Test {
                subject: Subject::Sibling("type".into()),
                test: Test::OneOf(vec!["x".into(), "y".into()])
            })
        );
        assert!(matches!(
            parse(r#"show_if = { not = { question = "a.b", answered = true } }"#),
            Ok(Condition::Not(_))
        ));
    }

    #[test]
    fn rejects_ambiguous_or_incomplete_conditions() {
        for text in [
            r#"show_if = { question = "a.b" }"#,
            r#"show_if = { question = "a.b", equals = true, includes = "x" }"#,
            r#"show_if = { question = "a.b", sibling = "c", equals = true }"#,
            r#"show_if = { all = [] }"#,
            r#"show_if = { question = "a.b", equals = 3 }"#,
            r#"show_if = { question = "a.b", answered = false }"#,
            r#"show_if = { all = [{ question = "a.b", answered = true }], question = "a.c", answered = true }"#,
        ] {
            assert!(parse(text).is_err(), "accepted: {text}");
        }
    }

    #[test]
    fn unknown_answers_meet_no_test() {
        let condition = parse(r#"show_if = { not = { question = "a.b", equals = true } }"#)
            .expect("valid condition");
        assert!(condition.eval(&|_| None), "not(unknown = true) holds");
        assert!(!condition.eval(&|_| Some(Observed::Bool(true))));
        assert!(condition.eval(&|_| Some(Observed::Bool(false))));
    }

    #[test]
    fn evaluates_choices_and_thresholds() {
        let choices = vec!["vmware".to_owned(), "hyperv".to_owned()];
        let includes = parse(r#"show_if = { question = "a.b", includes = "hyperv" }"#)
            .expect("valid condition");
        assert!(includes.eval(&|_| Some(Observed::Choices(&choices))));
        assert!(!includes.eval(&|_| Some(Observed::Choice("hyperv"))));
        let at_least =
            parse(r#"show_if = { question = "a.b", at_least = 3 }"#).expect("valid condition");
        assert!(at_least.eval(&|_| Some(Observed::Number(3.0))));
        assert!(!at_least.eval(&|_| Some(Observed::Number(2.5))));
    }

    /// Three-valued: an unknown subject leaves a test undecided, unless the rest decides it.
    #[test]
    fn decides_with_unknown_answers_as_kleene_logic_does() {
        let condition = parse(
            r#"show_if = { any = [{ question = "a.known", equals = true },
                                  { all = [{ question = "a.unknown", equals = true },
                                           { question = "a.absent", answered = true }] }] }"#,
        )
        .expect("a condition");
        let lookup = |known: bool| {
            move |subject: &Subject| match subject {
                Subject::Question(id) if id == "a.known" => Seen::Known(Observed::Bool(known)),
                Subject::Question(id) if id == "a.absent" => Seen::Absent,
                _ => Seen::Unknown,
            }
        };
        assert_eq!(condition.decide(&lookup(true)), Decision::Holds);
        assert_eq!(
            condition.decide(&lookup(false)),
            Decision::Fails,
            "all([unknown, absent]) fails whatever the unknown is"
        );
        let waits = parse(r#"show_if = { not = { question = "a.unknown", equals = true } }"#)
            .expect("a condition");
        assert_eq!(
            waits.decide(&lookup(false)),
            Decision::Unknown(&Subject::Question("a.unknown".into()))
        );
    }
}
