//! Validation: the problems in a set of answers, each with the question path, whether it blocks
//! export, and a message a partner understands.
//!
//! Field checks look at one answer against its question (kind, bounds, choices, allowed "don't
//! know" / "not applicable"). Group checks look at item counts and names. Cross-field checks
//! compare answers with each other (RPO against job frequency, tiers against the tenant total,
//! MTU ranges, dates against the date the answers describe). Problems come in questionnaire order,
//! then cross-field problems, so output is deterministic.

use std::collections::HashSet;
use std::fmt;

use serde::Serialize;

use crate::answers::{Answer, Answers, GroupItem, State, Value};
use crate::display::{self, DOES_NOT_APPLY, DONT_KNOW};
use crate::questionnaire::{Group, Item, Kind, Question, Questionnaire, Reference};
use crate::relevance::Relevance;
use crate::values::{self, TimeWindow, Version};

/// Whether a problem blocks export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Must be fixed: the answer cannot be used as it is.
    Error,
    /// Worth a look: the answer is usable but looks inconsistent.
    Warning,
}

/// One problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Question path: `network.mtu` or, in groups, `network.links[0].mtu_near` (items from 0).
    pub path: String,
    pub severity: Severity,
    pub message: String,
}

/// Longest answers accepted: longer text is almost surely pasted by mistake.
pub const MAX_SHORT_TEXT: usize = 500;
pub const MAX_LONG_TEXT: usize = 20_000;

/// MTU questions: an MTU outside 576-9216 bytes is a typo or a misunderstanding.
pub const MTU_QUESTIONS: [&str; 2] = ["network.links.mtu_near", "network.links.mtu_far"];
pub const MTU_RANGE: std::ops::RangeInclusive<i64> = 576..=9216;

/// The date the answers describe; dates of past events may not be later.
pub const AS_OF: &str = "engagement.as_of";
/// Date questions that may lie after [`AS_OF`]: every other date is of something that happened.
pub const FUTURE_DATES: [&str; 2] = [AS_OF, "certificates.certificates.expiry"];

/// The promised RPO and how often the most frequent job runs.
pub const RPO: &str = "windows.rpo";
pub const JOB_INTERVAL: &str = "windows.most_frequent_job_interval";
/// Copies and media types of the 3-2-1-1-0 rule.
pub const COPY_COUNT: &str = "windows.copy_count";
pub const MEDIA_COUNT: &str = "windows.media_count";
/// The tenant total, tenants without limits, and tenants per tier.
pub const TENANT_COUNT: &str = "engagement.tenant_count";
pub const UNLIMITED_TENANTS: &str = "tenancy.unlimited_tenants";
pub const TIERS: &str = "tenancy.tiers";
pub const TIER_TENANTS: &str = "tenants";

/// Every problem in `answers`.
pub fn validate(questionnaire: &Questionnaire, answers: &Answers) -> Vec<Problem> {
    let relevance = Relevance::new(questionnaire, answers);
    let mut validator = Validator {
        questionnaire,
        answers,
        relevance: &relevance,
        as_of: answers
            .answers
            .get(AS_OF)
            .and_then(text)
            .and_then(|text| values::date(text).ok()),
        problems: Vec::new(),
    };
    for section in questionnaire.sections() {
        for item in &section.items {
            match item {
                Item::Question(question) => {
                    let shown = validator.relevance.question_shown(question);
                    validator.answer(
                        At::Id(&question.id),
                        (question, None),
                        shown,
                        answers.answers.get(&question.id),
                    );
                }
                Item::Group(group) => {
                    let items = answers.groups.get(&group.id).map_or(&[][..], Vec::as_slice);
                    validator.group(group, items);
                }
            }
        }
    }
    validator.cross_field(questionnaire, answers);
    validator.problems
}

/// Whether two item names are the same name: trimmed, and without regard to case, as item names
/// must differ.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn text(answer: &Answer) -> Option<&str> {
    match answer.as_value()? {
        Value::Text(text) => Some(text),
        _ => None,
    }
}

fn number(answer: Option<&Answer>) -> Option<f64> {
    as_f64(answer?.as_value()?)
}

fn as_f64(value: &Value) -> Option<f64> {
    match value {
        #[expect(clippy::cast_precision_loss)]
        Value::Integer(n) => Some(*n as f64),
        Value::Decimal(x) => Some(*x),
        _ => None,
    }
}

/// Where a problem is, made into a path only when there is a problem to report.
#[derive(Debug, Clone, Copy)]
enum At<'p> {
    /// A question or group outside items: `network.ntp_source`.
    Id(&'p str),
    /// A group item: `network.links[0]`.
    Item(&'p str, usize),
    /// A question of a group item: `network.links[0].mtu_near`.
    Member(&'p str, usize, &'p str),
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Id(id) => f.write_str(id),
            At::Item(group, index) => write!(f, "{group}[{index}]"),
            At::Member(group, index, local) => write!(f, "{group}[{index}].{local}"),
        }
    }
}

/// A question, and the group item its answer belongs to when it is a group member.
type Asked<'a> = (&'a Question, Option<(&'a Group, &'a GroupItem)>);

struct Validator<'r, 'a> {
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
    relevance: &'r Relevance<'a>,
    as_of: Option<time::Date>,
    problems: Vec<Problem>,
}

impl<'a> Validator<'_, 'a> {
    fn report(&mut self, at: At<'_>, severity: Severity, message: impl Into<String>) {
        self.problems.push(Problem {
            path: at.to_string(),
            severity,
            message: message.into(),
        });
    }

    fn error(&mut self, at: At<'_>, message: impl Into<String>) {
        self.report(at, Severity::Error, message);
    }

    fn warning(&mut self, at: At<'_>, message: impl Into<String>) {
        self.report(at, Severity::Warning, message);
    }

    fn group(&mut self, group: &'a Group, items: &'a [GroupItem]) {
        let shown = self.relevance.group_shown(group);
        let item = group.item_label.to_lowercase();
        if !shown {
            if !items.is_empty() {
                self.warning(
                    At::Id(&group.id),
                    format!(
                        "{} kept but not used: this list does not apply with your other answers",
                        plural(items.len(), &item)
                    ),
                );
            }
            return;
        }
        let count = items.len();
        if count < group.min_items as usize {
            self.error(
                At::Id(&group.id),
                format!(
                    "add at least {}: {} listed so far",
                    plural(group.min_items as usize, &item),
                    count
                ),
            );
        }
        if count > group.max_items as usize {
            self.error(
                At::Id(&group.id),
                format!(
                    "at most {} can be listed: remove {}",
                    plural(group.max_items as usize, &item),
                    count - group.max_items as usize
                ),
            );
        }
        let mut names = HashSet::new();
        for (index, entry) in items.iter().enumerate() {
            let name = entry.name.trim();
            if name.is_empty() {
                self.error(
                    At::Item(&group.id, index),
                    format!("give this {item} a name"),
                );
            } else if !names.insert(name.to_lowercase()) {
                self.error(
                    At::Item(&group.id, index),
                    format!("another {item} is already called “{name}”: names must differ"),
                );
            }
            for member in &group.questions {
                let local = member.local_id();
                let shown = self.relevance.member_shown(group, member, entry);
                self.answer(
                    At::Member(&group.id, index, local),
                    (member, Some((group, entry))),
                    shown,
                    entry.answers.get(local),
                );
            }
        }
    }

    /// Checks one answer: `asked` is its question and, in a group, the item it belongs to.
    fn answer(&mut self, at: At<'_>, asked: Asked<'a>, shown: bool, answer: Option<&Answer>) {
        let (question, _) = asked;
        let Some(answer) = answer else {
            if shown && question.required {
                self.error(at, needed(question));
            }
            return;
        };
        if !shown {
            self.warning(
                at,
                "kept but not used: this question does not apply with your other answers",
            );
            return;
        }
        match &answer.state {
            State::DontKnow if !question.allow_dont_know => {
                self.error(
                    at,
                    format!("“{DONT_KNOW}” is not an answer to this question"),
                );
            }
            State::NotApplicable(_) if !question.allow_not_applicable => {
                self.error(at, "this question always applies: answer it");
            }
            State::NotApplicable(reason) if reason.trim().is_empty() => {
                self.error(at, "say why this does not apply");
            }
            State::Value(value) => self.value(at, asked, value),
            State::DontKnow | State::NotApplicable(_) => {}
        }
    }

    fn value(&mut self, at: At<'_>, asked: Asked<'a>, value: &Value) {
        let (question, _) = asked;
        let outcome = match (&question.kind, value) {
            (Kind::Boolean, Value::Bool(_)) => Ok(()),
            (Kind::ShortText, Value::Text(text)) => length(text, MAX_SHORT_TEXT),
            (Kind::LongText, Value::Text(text)) => length(text, MAX_LONG_TEXT),
            (Kind::Integer { min, max, unit }, Value::Integer(n)) => {
                #[expect(clippy::cast_precision_loss)]
                let bounds = (min.map(|m| m as f64), max.map(|m| m as f64));
                bounded(*n as f64, bounds, unit.as_deref())
            }
            (Kind::Decimal { min, max, unit }, Value::Integer(_) | Value::Decimal(_)) => {
                match as_f64(value) {
                    Some(x) if x.is_finite() => bounded(x, (*min, *max), Some(unit)),
                    _ => Err("enter a number".to_owned()),
                }
            }
            (Kind::Port, Value::Integer(n)) => {
                if (1..=65535).contains(n) {
                    Ok(())
                } else {
                    Err(format!("{n} is not a port: ports go from 1 to 65535"))
                }
            }
            (Kind::SingleChoice(choices), Value::Text(choice)) => {
                if choices.iter().any(|c| &c.id == choice) {
                    Ok(())
                } else {
                    Err(format!("“{choice}” is not one of the choices"))
                }
            }
            (Kind::MultiChoice(choices), Value::Choices(chosen)) => {
                let mut seen = HashSet::new();
                chosen
                    .iter()
                    .find_map(|choice| {
                        if !choices.iter().any(|c| &c.id == choice) {
                            Some(format!("“{choice}” is not one of the choices"))
                        } else if !seen.insert(choice) {
                            Some(format!("“{choice}” is chosen twice"))
                        } else {
                            None
                        }
                    })
                    .map_or(Ok(()), Err)
            }
            (Kind::Version, Value::Text(text)) => {
                Version::parse(text).map(|version| self.precise(at, asked, text, &version))
            }
            (Kind::Date, Value::Text(text)) => {
                values::date(text).map(|date| self.not_after_as_of(at, &question.id, date))
            }
            (Kind::TimeWindow, Value::Window(window)) => TimeWindow::parse(window)
                .map(drop)
                .map_err(|problems| problems.join("; ")),
            (Kind::Duration, Value::Text(text)) => values::duration_minutes(text).map(drop),
            (Kind::IpAddress, Value::Text(text)) => values::ip_address(text).map(drop),
            (Kind::Cidr, Value::Text(text)) => values::cidr(text).map(drop),
            (Kind::Fqdn, Value::Text(text)) => values::fqdn(text),
            (Kind::Url, Value::Text(text)) => values::url(text),
            (Kind::Email, Value::Text(text)) => values::email(text),
            (Kind::Reference(reference), Value::Text(name)) => self.refers(reference, name),
            // Shapes were checked when the answers were read; a mismatch cannot reach here.
            (kind, _) => Err(format!("expected an answer of kind {}", kind.name())),
        };
        if let Err(message) = outcome {
            self.error(at, message);
        }
    }

    /// Checks that a reference names one of its group's items or one of its fixed choices.
    fn refers(&self, reference: &Reference, name: &str) -> Result<(), String> {
        let items = self
            .answers
            .groups
            .get(&reference.group)
            .map_or(&[][..], Vec::as_slice);
        if items.iter().any(|item| same_name(&item.name, name))
            || reference.also.iter().any(|choice| choice.id == name)
        {
            return Ok(());
        }
        let Some(group) = self.questionnaire.group(&reference.group) else {
            return Err(format!("“{name}” names nothing that is listed"));
        };
        let names: Vec<&str> = items
            .iter()
            .map(|item| item.name.trim())
            .filter(|name| !name.is_empty())
            .collect();
        Err(if names.is_empty() {
            format!(
                "“{name}” is not listed in {}: add it there, or pick another",
                group.label
            )
        } else {
            format!(
                "“{name}” is not one of the {} listed in {} ({}): pick one, or add it there",
                display::plural(&group.item_label),
                group.label,
                display::quoted_list(&names)
            )
        })
    }

    /// Warns when a version has fewer numbers than its question asks for. A warning, not an
    /// error: the partner may know no more than `12.3`, and the rules then ask for the build to be
    /// verified.
    fn precise(&mut self, at: At<'_>, (question, item): Asked<'a>, text: &str, version: &Version) {
        let Some(precision) = self.relevance.precision_asked(question, item) else {
            return;
        };
        let (given, asked) = (version.parts().len(), precision.parts);
        if given < asked {
            self.warning(
                at,
                format!(
                    "“{}” has {given} of the {asked} numbers this question asks for: give all \
                     {asked}, like {}, or keep it if that is all you know",
                    text.trim(),
                    precision.example
                ),
            );
        }
    }

    /// Warns when the date of something that has happened lies after the date the answers
    /// describe.
    fn not_after_as_of(&mut self, at: At<'_>, id: &str, date: time::Date) {
        if let Some(as_of) = self.as_of
            && date > as_of
            && !FUTURE_DATES.contains(&id)
        {
            self.warning(
                at,
                format!(
                    "{date} is after {as_of}, the date these answers describe: this should be \
                     the date of something that has already happened"
                ),
            );
        }
    }

    fn cross_field(&mut self, questionnaire: &'a Questionnaire, answers: &Answers) {
        let relevance = self.relevance;
        let shown_answer = |id: &str| {
            let question = questionnaire.question(id)?;
            relevance
                .question_shown(question)
                .then(|| answers.answers.get(id))
                .flatten()
        };

        if let (Some(rpo), Some(interval)) = (
            shown_answer(RPO).and_then(text),
            shown_answer(JOB_INTERVAL).and_then(text),
        ) && let (Ok(rpo_minutes), Ok(interval_minutes)) = (
            values::duration_minutes(rpo),
            values::duration_minutes(interval),
        ) && interval_minutes > rpo_minutes
        {
            self.warning(
                At::Id(JOB_INTERVAL),
                format!(
                    "jobs run every {interval} but the RPO promised is {rpo}: a tenant can lose \
                     more data than promised"
                ),
            );
        }

        if let (Some(copies), Some(media)) = (
            number(shown_answer(COPY_COUNT)),
            number(shown_answer(MEDIA_COUNT)),
        ) && media > copies
        {
            self.error(
                At::Id(MEDIA_COUNT),
                format!("{media} media types for {copies} copies: each copy sits on one medium"),
            );
        }

        let total = number(shown_answer(TENANT_COUNT));
        if let (Some(total), Some(unlimited)) = (total, number(shown_answer(UNLIMITED_TENANTS)))
            && unlimited > total
        {
            self.error(
                At::Id(UNLIMITED_TENANTS),
                format!("{unlimited} tenants without limits, but {total} tenants in all"),
            );
        }
        let tiers = answers.groups.get(TIERS).map_or(&[][..], Vec::as_slice);
        let tier_counts: Option<Vec<f64>> = tiers
            .iter()
            .map(|tier| number(tier.answers.get(TIER_TENANTS)))
            .collect();
        if let (Some(total), Some(counts)) = (total, tier_counts)
            && !counts.is_empty()
        {
            let sum: f64 = counts.iter().sum();
            if (sum - total).abs() > f64::EPSILON {
                self.warning(
                    At::Id(TIERS),
                    format!(
                        "the tiers hold {sum} tenants in all, but the total number of tenants is \
                         {total}: one of them is out of date"
                    ),
                );
            }
        }

        for id in MTU_QUESTIONS {
            let Some((group_id, local)) = id.rsplit_once('.') else {
                continue;
            };
            for (index, item) in answers
                .groups
                .get(group_id)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .enumerate()
            {
                if let Some(Value::Integer(mtu)) =
                    item.answers.get(local).and_then(Answer::as_value)
                    && !MTU_RANGE.contains(mtu)
                {
                    self.error(
                        At::Member(group_id, index, local),
                        format!(
                            "an MTU of {mtu} bytes is outside {}-{}: standard Ethernet is 1500, \
                             jumbo frames are usually 9000",
                            MTU_RANGE.start(),
                            MTU_RANGE.end()
                        ),
                    );
                }
            }
        }
    }
}

/// Why a required question without an answer blocks export, naming only the options it offers
/// besides an answer, with the labels the partner sees.
fn needed(question: &Question) -> String {
    let options: Vec<String> = [
        (question.allow_dont_know, DONT_KNOW),
        (question.allow_not_applicable, DOES_NOT_APPLY),
    ]
    .into_iter()
    .filter(|(offered, _)| *offered)
    .map(|(_, label)| format!("“{label}”"))
    .collect();
    if options.is_empty() {
        "needed before export: answer it".to_owned()
    } else {
        format!(
            "needed before export: answer it, or choose {}",
            options.join(" or ")
        )
    }
}

fn length(text: &str, max: usize) -> Result<(), String> {
    let chars = text.chars().count();
    if text.trim().is_empty() {
        Err("the answer is empty: write one, or remove it".to_owned())
    } else if chars > max {
        Err(format!(
            "the answer is {chars} characters long; at most {max} fit here"
        ))
    } else {
        Ok(())
    }
}

fn bounded(
    value: f64,
    (min, max): (Option<f64>, Option<f64>),
    unit: Option<&str>,
) -> Result<(), String> {
    let (min, max) = match unit {
        Some("%") => (
            Some(min.unwrap_or(0.0).max(0.0)),
            Some(max.unwrap_or(100.0).min(100.0)),
        ),
        _ => (min, max),
    };
    let unit = unit.map(|unit| format!(" {unit}")).unwrap_or_default();
    if let Some(min) = min
        && value < min
    {
        return Err(format!("must be at least {min}{unit}"));
    }
    if let Some(max) = max
        && value > max
    {
        return Err(format!("must be at most {max}{unit}"));
    }
    Ok(())
}

fn plural(count: usize, item: &str) -> String {
    if count == 1 {
        format!("1 {item}")
    } else {
        format!("{count} {item}s")
    }
}
