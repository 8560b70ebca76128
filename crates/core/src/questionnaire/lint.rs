//! The questionnaire linter: checks that need the whole definition.
//!
//! - ids are well formed (`[a-z][a-z0-9_]*` per segment) and unique, choice ids unique per question;
//! - every label, help text and choice label is written, help says more than the label;
//! - groups hold questions and sensible item counts, number bounds are ordered;
//! - every condition names an existing question of a kind its test fits (`equals = true` on a
//!   boolean, `includes` on a multiple choice, an existing choice id...), and `sibling` is used
//!   only inside groups;
//! - visibility has no cycles, and no question is impossible to show;
//! - texts have single spaces between words, none at either end, and no line breaks or tabs;
//! - texts that name an answer option ("choose \"I don't know\"") use the label the app shows
//!   ([`DONT_KNOW`], [`DOES_NOT_APPLY`]), and only for options the question offers.
//! - a version question's `precision` asks for 3 or 4 numbers, its example has that many, and its
//!   `when` conditions are sound as `show_if` ones are.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::{
    Condition, Entry, Group, Item, Kind, Observed, Precision, Question, Questionnaire, Subject,
    Test,
};
use crate::display::{DOES_NOT_APPLY, DONT_KNOW};
use crate::values::Version;

/// One problem in the definition.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LintError {
    /// The section, group or question the problem is about.
    pub id: String,
    pub message: String,
}

impl std::fmt::Display for LintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.id, self.message)
    }
}

/// The most hypothetical answer combinations tried for one question's visibility.
const MAX_COMBINATIONS: usize = 1 << 16;

/// Checks the questionnaire; no errors means it is sound.
pub fn lint(questionnaire: &Questionnaire) -> Vec<LintError> {
    let mut linter = Linter::new(questionnaire);
    linter.ids();
    linter.texts_and_shapes();
    linter.wording();
    let dependencies = linter.conditions();
    linter.precisions();
    if linter.acyclic(&dependencies) {
        linter.reachability(&dependencies);
    }
    let mut errors = linter.errors;
    errors.sort();
    errors.dedup();
    errors
}

/// A condition that gates a question, and the group `sibling` refers to in it.
#[derive(Clone, Copy)]
struct Gate<'q> {
    owner: &'q str,
    condition: &'q Condition,
    scope: Option<&'q Group>,
}

struct Linter<'q> {
    questionnaire: &'q Questionnaire,
    /// For each question id, every condition that must hold for it to show: its section's, its
    /// group's and its own.
    gates: HashMap<&'q str, Vec<Gate<'q>>>,
    errors: Vec<LintError>,
}

impl<'q> Linter<'q> {
    fn new(questionnaire: &'q Questionnaire) -> Linter<'q> {
        let mut gates: HashMap<&str, Vec<Gate>> = HashMap::new();
        for section in questionnaire.sections() {
            let section_gate = section.show_if.as_ref().map(|condition| Gate {
                owner: section.id.as_str(),
                condition,
                scope: None,
            });
            for item in &section.items {
                let (group, members): (Option<&Group>, &[Question]) = match item {
                    Item::Question(question) => (None, std::slice::from_ref(question)),
                    Item::Group(group) => (Some(group), &group.questions),
                };
                let group_gate = group.and_then(|group| {
                    group.show_if.as_ref().map(|condition| Gate {
                        owner: group.id.as_str(),
                        condition,
                        scope: None,
                    })
                });
                for question in members {
                    let own = question.show_if.as_ref().map(|condition| Gate {
                        owner: question.id.as_str(),
                        condition,
                        scope: group,
                    });
                    let list = gates.entry(question.id.as_str()).or_default();
                    list.extend([&section_gate, &group_gate].into_iter().flatten().copied());
                    list.extend(own);
                }
            }
        }
        Linter {
            questionnaire,
            gates,
            errors: Vec::new(),
        }
    }

    fn error(&mut self, id: &str, message: impl Into<String>) {
        self.errors.push(LintError {
            id: id.to_owned(),
            message: message.into(),
        });
    }

    fn ids(&mut self) {
        let questionnaire = self.questionnaire;
        let mut seen = HashSet::new();
        let sections = questionnaire.sections().iter().map(|s| s.id.as_str());
        let items = questionnaire.sections().iter().flat_map(|section| {
            section.items.iter().flat_map(|item| {
                let members = match item {
                    Item::Group(group) => group.questions.iter().map(|q| q.id.as_str()).collect(),
                    Item::Question(_) => Vec::new(),
                };
                std::iter::once(item.id()).chain(members)
            })
        });
        for id in sections.chain(items) {
            let well_formed = id.split('.').all(|segment| {
                let mut chars = segment.chars();
                chars.next().is_some_and(|c| c.is_ascii_lowercase())
                    && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            });
            if !well_formed {
                self.error(
                    id,
                    "ids are lowercase letters, digits and `_`, starting with a letter",
                );
            }
            if !seen.insert(id) {
                self.error(id, "this id is defined more than once");
            }
        }
        for question in questionnaire.questions() {
            let mut choices = HashSet::new();
            for choice in question.kind.choices() {
                if !choices.insert(choice.id.as_str()) {
                    self.error(
                        &question.id,
                        format!("choice `{}` is listed twice", choice.id),
                    );
                }
            }
        }
    }

    fn texts_and_shapes(&mut self) {
        let questionnaire = self.questionnaire;
        for section in questionnaire.sections() {
            if section.title.trim().is_empty() || section.intro.trim().is_empty() {
                self.error(&section.id, "a section needs a title and an intro");
            }
        }
        for group in questionnaire.groups() {
            self.help(&group.id, &group.label, &group.help);
            if group.item_label.trim().is_empty() {
                self.error(&group.id, "`item` (what one item is called) is empty");
            }
            if group.questions.is_empty() {
                self.error(&group.id, "a group needs at least one question");
            }
            if group.max_items == 0 || group.min_items > group.max_items {
                self.error(&group.id, "a group needs 0 <= min <= max and max >= 1");
            }
        }
        for question in questionnaire.questions() {
            self.help(&question.id, &question.label, &question.help);
            if question.required && question.show_if.is_some() {
                self.error(
                    &question.id,
                    "a question shown only under a condition cannot be required",
                );
            }
            match &question.kind {
                Kind::SingleChoice(choices) | Kind::MultiChoice(choices) => {
                    if choices.len() < 2 {
                        self.error(&question.id, "a choice question needs at least two choices");
                    }
                    if choices.iter().any(|choice| choice.label.trim().is_empty()) {
                        self.error(&question.id, "every choice needs a label");
                    }
                }
                Kind::Reference(reference) => {
                    if questionnaire.group(&reference.group).is_none() {
                        self.error(
                            &question.id,
                            format!("`to` names no group: `{}`", reference.group),
                        );
                    }
                    if reference
                        .also
                        .iter()
                        .any(|choice| choice.label.trim().is_empty())
                    {
                        self.error(&question.id, "every choice needs a label");
                    }
                }
                Kind::Integer {
                    min: Some(min),
                    max: Some(max),
                    ..
                } if min > max => self.error(&question.id, "`min` is above `max`"),
                Kind::Decimal {
                    min: Some(min),
                    max: Some(max),
                    ..
                } if min > max => self.error(&question.id, "`min` is above `max`"),
                _ => {}
            }
        }
    }

    /// Each precision asks for 3 or 4 numbers (2 is any version), gives an example of that form,
    /// and tests answers its question can see.
    fn precisions(&mut self) {
        let questionnaire = self.questionnaire;
        let mut problems = Vec::new();
        for section in questionnaire.sections() {
            for item in &section.items {
                let (scope, members): (Option<&Group>, &[Question]) = match item {
                    Item::Question(question) => (None, std::slice::from_ref(question)),
                    Item::Group(group) => (Some(group), &group.questions),
                };
                for question in members {
                    for precision in &question.precision {
                        problems.extend(self.precision(precision, scope).into_iter().map(
                            |message| (question.id.as_str(), format!("precision: {message}")),
                        ));
                    }
                }
            }
        }
        for (id, message) in problems {
            self.error(id, message);
        }
    }

    fn precision(&self, precision: &Precision, scope: Option<&Group>) -> Vec<String> {
        let mut problems = Vec::new();
        if !(3..=4).contains(&precision.parts) {
            problems.push(format!(
                "`parts = {}`: a version has 2 to 4 numbers, so a precision asks for 3 or 4",
                precision.parts
            ));
        }
        let example_parts = Version::parse(&precision.example).map(|v| v.parts().len());
        if example_parts != Ok(precision.parts) {
            problems.push(format!(
                "the example “{}” is not a version of {} numbers",
                precision.example, precision.parts
            ));
        }
        for (subject, test) in precision.when.iter().flat_map(Condition::tests) {
            match self.resolve(subject, scope) {
                Ok(target) => {
                    if let Err(message) = fits(test, &target.kind) {
                        problems.push(format!("when: `{}`: {message}", target.id));
                    }
                }
                Err(message) => problems.push(format!("when: {message}")),
            }
        }
        problems
    }

    fn help(&mut self, id: &str, label: &str, help: &str) {
        if label.trim().is_empty() {
            self.error(id, "the label is empty");
        }
        if help.trim().is_empty() {
            self.error(id, "every question needs help saying why it is asked");
        } else if help.trim() == label.trim() {
            self.error(
                id,
                "the help repeats the label: say why the question is asked",
            );
        }
    }

    /// Every text as the partner reads it: spacing, and the answer options it names.
    fn wording(&mut self) {
        let questionnaire = self.questionnaire;
        for section in questionnaire.sections() {
            for (field, text) in [("title", &section.title), ("intro", &section.intro)] {
                self.spacing(&section.id, field, text);
                self.options(&section.id, field, text, None);
            }
        }
        for group in questionnaire.groups() {
            for (field, text) in [
                ("label", &group.label),
                ("help", &group.help),
                ("item", &group.item_label),
            ] {
                self.spacing(&group.id, field, text);
                self.options(&group.id, field, text, None);
            }
        }
        for question in questionnaire.questions() {
            let texts = [
                ("label", Some(&question.label)),
                ("help", Some(&question.help)),
                ("example", question.example.as_ref()),
            ];
            for (field, text) in texts {
                if let Some(text) = text {
                    self.spacing(&question.id, field, text);
                    self.options(&question.id, field, text, Some(question));
                }
            }
            for choice in question.kind.choices() {
                let field = format!("the label of choice `{}`", choice.id);
                self.spacing(&question.id, &field, &choice.label);
            }
        }
    }

    /// Single spaces between words, none at either end, no line breaks or tabs: the app shows
    /// them collapsed, the JSON export and other tools do not.
    fn spacing(&mut self, id: &str, field: &str, text: &str) {
        if text.trim_start() != text {
            self.error(
                id,
                format!(
                    "{field} starts with spaces (an indented `\"\"\"` text keeps its \
                     indentation: begin it with `\"\"\"\\`)"
                ),
            );
        }
        if text.trim_end() != text {
            self.error(id, format!("{field} ends with spaces"));
        }
        if let Some((run, near)) = bad_space(text.trim()) {
            let what = if run.chars().all(|c| c == ' ') {
                "a run of spaces"
            } else {
                "a line break or a space other than a plain one"
            };
            self.error(id, format!("{field} has {what}: “{near}”"));
        }
    }

    /// Answer options named as the app labels them, and only when `question` offers them
    /// (`None`: a section or group text, where no option is offered).
    fn options(&mut self, id: &str, field: &str, text: &str, question: Option<&Question>) {
        for option in &ANSWER_OPTIONS {
            for mention in option.mentions(text) {
                if !mention.exact {
                    self.error(
                        id,
                        format!(
                            "{field} names the answer option “{}” as “{}”: use the label the \
                             partner sees",
                            option.label, mention.written
                        ),
                    );
                }
                let offered = question.is_some_and(|question| (option.offered)(question));
                if !offered {
                    let by = match question {
                        Some(_) => {
                            format!("this question does not offer (`{} = false`)", option.field)
                        }
                        None => "only a question can offer".to_owned(),
                    };
                    self.error(
                        id,
                        format!("{field} mentions “{}”, which {by}", option.label),
                    );
                }
            }
        }
    }

    /// The question a subject names, from a condition whose `sibling`s refer to `scope`.
    fn resolve(&self, subject: &Subject, scope: Option<&Group>) -> Result<&'q Question, String> {
        match subject {
            Subject::Question(id) => match self.questionnaire.entry(id) {
                Some(Entry::Question(question)) => Ok(question),
                Some(Entry::Member(group, _)) => Err(format!(
                    "`{id}` is inside group `{}`: a question of the same group refers to it with \
                     `sibling`, others cannot look inside a group's items",
                    group.id
                )),
                Some(Entry::Group(_)) => Err(format!("`{id}` is a group, not a question")),
                None => Err(format!("no question has the id `{id}`")),
            },
            Subject::Sibling(local) => {
                let group = scope.ok_or_else(|| {
                    format!(
                        "`sibling = \"{local}\"` is only meaningful on a question inside a group"
                    )
                })?;
                let id = format!("{}.{local}", group.id);
                match self.questionnaire.entry(&id) {
                    Some(Entry::Member(_, question)) => Ok(question),
                    _ => Err(format!("group `{}` has no question `{local}`", group.id)),
                }
            }
        }
    }

    /// Checks every condition's references and tests; returns each question's dependencies.
    fn conditions(&mut self) -> HashMap<&'q str, BTreeSet<&'q str>> {
        let mut dependencies: HashMap<&'q str, BTreeSet<&'q str>> = HashMap::new();
        let mut problems = Vec::new();
        for question in self.questionnaire.questions() {
            let depends = dependencies.entry(question.id.as_str()).or_default();
            for gate in &self.gates[question.id.as_str()] {
                for (subject, test) in gate.condition.tests() {
                    match self.resolve(subject, gate.scope) {
                        Ok(target) => {
                            if let Err(message) = fits(test, &target.kind) {
                                problems.push((gate.owner, format!("`{}`: {message}", target.id)));
                            }
                            depends.insert(target.id.as_str());
                        }
                        Err(message) => problems.push((gate.owner, message)),
                    }
                }
            }
        }
        for (owner, message) in problems {
            self.error(owner, format!("show_if: {message}"));
        }
        dependencies
    }

    /// Reports each visibility cycle once; true when there is none.
    fn acyclic(&mut self, dependencies: &HashMap<&'q str, BTreeSet<&'q str>>) -> bool {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            Visiting,
            Done,
        }
        fn visit<'q>(
            id: &'q str,
            dependencies: &HashMap<&'q str, BTreeSet<&'q str>>,
            marks: &mut HashMap<&'q str, Mark>,
            path: &mut Vec<&'q str>,
            cycles: &mut Vec<Vec<&'q str>>,
        ) {
            match marks.get(id) {
                Some(Mark::Done) => return,
                Some(Mark::Visiting) => {
                    let start = path.iter().position(|p| *p == id).unwrap_or(0);
                    cycles.push(path[start..].to_vec());
                    return;
                }
                None => {}
            }
            marks.insert(id, Mark::Visiting);
            path.push(id);
            for next in dependencies.get(id).into_iter().flatten() {
                visit(next, dependencies, marks, path, cycles);
            }
            path.pop();
            marks.insert(id, Mark::Done);
        }

        let mut marks = HashMap::new();
        let mut cycles = Vec::new();
        let mut ids: Vec<&str> = dependencies.keys().copied().collect();
        ids.sort_unstable();
        for id in ids {
            visit(id, dependencies, &mut marks, &mut Vec::new(), &mut cycles);
        }
        let found = !cycles.is_empty();
        for cycle in cycles {
            let shown = cycle.join(" -> ");
            self.error(
                cycle[0],
                format!("visibility cycle: {shown} -> {}", cycle[0]),
            );
        }
        !found
    }

    /// Reports questions that no combination of answers shows.
    fn reachability(&mut self, dependencies: &HashMap<&'q str, BTreeSet<&'q str>>) {
        let mut unreachable = Vec::new();
        for question in self.questionnaire.questions() {
            let mut closure = BTreeSet::new();
            let mut stack = vec![question.id.as_str()];
            while let Some(id) = stack.pop() {
                for dependency in dependencies.get(id).into_iter().flatten() {
                    if closure.insert(*dependency) {
                        stack.push(dependency);
                    }
                }
            }
            if closure.is_empty() {
                continue;
            }
            match self.can_show(question.id.as_str(), &closure) {
                Ok(true) => {}
                Ok(false) => unreachable.push((
                    question.id.as_str(),
                    "no combination of answers shows this question".to_owned(),
                )),
                Err(message) => unreachable.push((question.id.as_str(), message)),
            }
        }
        for (id, message) in unreachable {
            self.error(id, message);
        }
    }

    /// Tries every combination of the answers `target`'s visibility depends on.
    fn can_show(&self, target: &'q str, closure: &BTreeSet<&'q str>) -> Result<bool, String> {
        let ids: Vec<&str> = closure.iter().copied().collect();
        let candidates: Vec<Vec<Candidate>> = ids
            .iter()
            .map(|id| self.candidates(id, target, closure))
            .collect();
        let combinations = candidates
            .iter()
            .try_fold(1usize, |n, list| n.checked_mul(list.len()))
            .filter(|n| *n <= MAX_COMBINATIONS)
            .ok_or_else(|| {
                "visibility depends on too many answers to check; simplify its conditions"
                    .to_owned()
            })?;
        for mut n in 0..combinations {
            let mut assignment: HashMap<&str, &Candidate> = HashMap::new();
            for (id, list) in ids.iter().zip(&candidates) {
                assignment.insert(id, &list[n % list.len()]);
                n /= list.len();
            }
            if self.visible(target, &assignment) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Whether `id` shows when the questions it depends on have the assigned answers.
    fn visible(&self, id: &str, assignment: &HashMap<&str, &Candidate>) -> bool {
        self.gates[id].iter().all(|gate| {
            gate.condition.eval(&|subject| {
                let target = self.resolve(subject, gate.scope).ok()?;
                if !self.visible(&target.id, assignment) {
                    return None;
                }
                assignment
                    .get(target.id.as_str())
                    .and_then(|candidate| candidate.observed())
            })
        })
    }

    /// The answers worth trying for `id`: unanswered, and one value per distinct outcome of the
    /// tests made on it while deciding whether `target` shows.
    fn candidates(&self, id: &str, target: &str, closure: &BTreeSet<&str>) -> Vec<Candidate> {
        let Some(question) = self.questionnaire.question(id) else {
            return vec![Candidate::Unknown];
        };
        let mut mentioned = BTreeSet::new();
        let mut thresholds = Vec::new();
        for owner in closure.iter().copied().chain([target]) {
            for gate in &self.gates[owner] {
                for (subject, test) in gate.condition.tests() {
                    if self.resolve(subject, gate.scope).map(|q| q.id.as_str()) != Ok(id) {
                        continue;
                    }
                    match test {
                        Test::Includes(choice) => {
                            mentioned.insert(choice.clone());
                        }
                        Test::AtLeast(threshold) => thresholds.push(*threshold),
                        _ => {}
                    }
                }
            }
        }
        let mut candidates = vec![Candidate::Unknown];
        match &question.kind {
            Kind::Boolean => {
                candidates.extend([Candidate::Bool(true), Candidate::Bool(false)]);
            }
            Kind::SingleChoice(choices) => {
                candidates.extend(choices.iter().map(|c| Candidate::Choice(c.id.clone())));
            }
            Kind::MultiChoice(_) => {
                let mentioned: Vec<String> = mentioned.into_iter().collect();
                let subsets = 1usize << mentioned.len().min(12);
                candidates.extend((0..subsets).map(|bits| {
                    Candidate::Choices(
                        mentioned
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| bits & (1 << i) != 0)
                            .map(|(_, choice)| choice.clone())
                            .collect(),
                    )
                }));
            }
            kind if kind.is_numeric() => {
                let below = thresholds.iter().copied().fold(f64::INFINITY, f64::min) - 1.0;
                candidates.push(Candidate::Number(if below.is_finite() {
                    below
                } else {
                    0.0
                }));
                candidates.extend(thresholds.into_iter().map(Candidate::Number));
            }
            _ => candidates.push(Candidate::Other),
        }
        candidates
    }
}

/// The first whitespace in `text` that is not a single plain space, with the words around it.
fn bad_space(text: &str) -> Option<(&str, String)> {
    let mut start = None;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            start.get_or_insert(at);
            continue;
        }
        let Some(from) = start.take() else {
            continue;
        };
        let run = &text[from..at];
        if run != " " {
            let before = text[..from].rsplit(' ').next().unwrap_or_default();
            let after = text[at..]
                .split(char::is_whitespace)
                .next()
                .unwrap_or_default();
            let shown: String = run
                .chars()
                .map(|c| match c {
                    ' ' => " ".to_owned(),
                    '\n' => "\\n".to_owned(),
                    '\t' => "\\t".to_owned(),
                    other => other.escape_unicode().to_string(),
                })
                .collect();
            return Some((run, format!("{before}{shown}{after}")));
        }
    }
    None
}

/// An answer option besides "Answer", as the app labels it, and the words that name it.
struct AnswerOption {
    /// The label the partner sees.
    label: &'static str,
    /// The definition field that offers it.
    field: &'static str,
    offered: fn(&Question) -> bool,
    /// Lowercase names a text may give the option, the label's among them (an "I " before
    /// "don't know" is read as part of it).
    names: &'static [&'static str],
}

/// Words before an option's name that make it an instruction to pick that option.
const PICKING: [&str; 9] = [
    "answer", "choose", "select", "pick", "tick", "mark", "say", "click", "use",
];

const ANSWER_OPTIONS: [AnswerOption; 2] = [
    AnswerOption {
        label: DONT_KNOW,
        field: "dont_know",
        offered: |question| question.allow_dont_know,
        names: &[
            "don't know",
            "don\u{2019}t know",
            "dont know",
            "do not know",
            "unknown",
        ],
    },
    AnswerOption {
        label: DOES_NOT_APPLY,
        field: "not_applicable",
        offered: |question| question.allow_not_applicable,
        names: &[
            "does not apply",
            "doesn't apply",
            "doesn\u{2019}t apply",
            "not applicable",
            "n/a",
        ],
    },
];

/// A place where a text names an answer option.
struct Mention<'t> {
    /// The name as written (with "I " before "don't know").
    written: &'t str,
    /// Written as the label, in quotes.
    exact: bool,
}

impl AnswerOption {
    /// Where `text` names this option: in quotes, or right after a word that picks it
    /// ("choose not applicable"). A name in passing ("if you don't know the MTU") is none.
    fn mentions<'t>(&self, text: &'t str) -> Vec<Mention<'t>> {
        let lower = text.to_ascii_lowercase();
        let mut found: Vec<Mention> = Vec::new();
        let mut covered = 0;
        let mut starts: Vec<(usize, usize)> = self
            .names
            .iter()
            .flat_map(|name| {
                lower
                    .match_indices(name)
                    .map(|(at, name)| (at, at + name.len()))
            })
            .collect();
        starts.sort_unstable();
        for (at, end) in starts {
            if at < covered {
                continue;
            }
            covered = end;
            // "I don't know": the "I" is part of the name as written.
            let start = match lower[..at].strip_suffix("i ") {
                Some(head) if !head.ends_with(|c: char| c.is_alphanumeric()) => head.len(),
                _ => at,
            };
            let before = &text[..start];
            let unquoted = before.trim_end_matches(['"', '\'', '\u{201c}', '\u{2018}']);
            let quoted = unquoted.len() < before.len();
            let word = unquoted
                .trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or_default()
                .to_lowercase();
            if !quoted && !PICKING.contains(&word.as_str()) {
                continue;
            }
            let rest = &text[start..];
            let exact = quoted
                && rest.starts_with(self.label)
                && rest[self.label.len()..].starts_with(['"', '\'', '\u{201d}', '\u{2019}']);
            found.push(Mention {
                written: &text[start..end],
                exact,
            });
        }
        found
    }
}

/// A hypothetical answer tried by the reachability check.
enum Candidate {
    Unknown,
    Bool(bool),
    Choice(String),
    Choices(Vec<String>),
    Number(f64),
    Other,
}

impl Candidate {
    fn observed(&self) -> Option<Observed<'_>> {
        Some(match self {
            Candidate::Unknown => return None,
            Candidate::Bool(value) => Observed::Bool(*value),
            Candidate::Choice(choice) => Observed::Choice(choice),
            Candidate::Choices(choices) => Observed::Choices(choices),
            Candidate::Number(value) => Observed::Number(*value),
            Candidate::Other => Observed::Other,
        })
    }
}

/// Whether a test can apply to answers of a kind.
fn fits(test: &Test, kind: &Kind) -> Result<(), String> {
    let has = |choice: &str| kind.choices().iter().any(|c| c.id == choice);
    match (test, kind) {
        (Test::Answered, _) | (Test::IsTrue(_), Kind::Boolean) => Ok(()),
        (Test::AtLeast(_), kind) if kind.is_numeric() => Ok(()),
        (Test::Equals(choice), Kind::SingleChoice(_))
        | (Test::Includes(choice), Kind::MultiChoice(_)) => {
            if has(choice) {
                Ok(())
            } else {
                Err(format!("has no choice `{choice}`"))
            }
        }
        (Test::OneOf(choices), Kind::SingleChoice(_)) => match choices.iter().find(|c| !has(c)) {
            Some(missing) => Err(format!("has no choice `{missing}`")),
            None => Ok(()),
        },
        (test, kind) => Err(format!(
            "is a {} question; {} does not apply to it",
            kind.name(),
            match test {
                Test::IsTrue(_) => "`equals = true/false` (booleans only)",
                Test::Equals(_) => "`equals = \"choice\"` (single choice only)",
                Test::OneOf(_) => "`one_of` (single choice only)",
                Test::Includes(_) => "`includes` (multiple choice only)",
                Test::AtLeast(_) => "`at_least` (numbers only)",
                Test::Answered => "`answered`",
            }
        )),
    }
}

// The sections under test are TOML, as the definition files are.
#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;

    /// Lints one section written in TOML and returns "id: message" lines.
    fn lint_section(text: &str) -> Vec<String> {
        let questionnaire =
            Questionnaire::from_files(&[("test.toml", text)]).unwrap_or_else(|e| panic!("{e}"));
        lint(&questionnaire)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn assert_reports(text: &str, expected: &str) {
        let errors = lint_section(text);
        assert!(
            errors.iter().any(|error| error.contains(expected)),
            "expected an error containing {expected:?}, got {errors:#?}"
        );
    }

    const HEAD: &str = "id = \"s\"\ntitle = \"S\"\nintro = \"About S.\"\n";

    fn section(questions: &str) -> String {
        format!("{HEAD}{questions}")
    }

    const FLAG: &str = r#"
[[questions]]
id = "flag"
kind = "boolean"
label = "Flag?"
help = "Decides what follows."
"#;

    #[test]
    fn a_sound_section_has_no_errors() {
        let text = section(&format!(
            r#"{FLAG}
[[questions]]
id = "detail"
kind = "short_text"
label = "Detail"
help = "Only relevant when flagged."
show_if = {{ question = "s.flag", equals = true }}
"#
        ));
        assert_eq!(lint_section(&text), Vec::<String>::new());
    }

    #[test]
    fn reports_duplicate_and_malformed_ids() {
        assert_reports(
            &section(&format!("{FLAG}{FLAG}")),
            "s.flag: this id is defined more than once",
        );
        assert_reports(
            &section(&FLAG.replace("\"flag\"", "\"Flag-1\"")),
            "ids are lowercase letters",
        );
    }

    #[test]
    fn reports_missing_or_parroting_help() {
        assert_reports(
            &section(&FLAG.replace("Decides what follows.", " ")),
            "needs help",
        );
        assert_reports(
            &section(&FLAG.replace("Decides what follows.", "Flag?")),
            "repeats the label",
        );
    }

    #[test]
    fn reports_runs_of_spaces_line_breaks_and_spaces_at_the_ends() {
        assert_reports(
            &section(&FLAG.replace("Decides what", "Decides   what")),
            "s.flag: help has a run of spaces: “Decides   what”",
        );
        assert_reports(
            &section(&FLAG.replace("label = \"Flag?\"", "label = \"Flag? \"")),
            "s.flag: label ends with spaces",
        );
        // An indented multi-line text keeps its indentation unless it begins with `"""\`.
        assert_reports(
            &section(&FLAG.replace(
                "help = \"Decides what follows.\"",
                "help = \"\"\"\n  Decides what follows.\"\"\"",
            )),
            "s.flag: help starts with spaces (an indented `\"\"\"` text keeps its \
             indentation: begin it with `\"\"\"\\`)",
        );
        assert_reports(
            &section(&FLAG.replace(
                "help = \"Decides what follows.\"",
                "help = \"\"\"\nDecides what\nfollows.\"\"\"",
            )),
            "s.flag: help has a line break or a space other than a plain one: “what\\nfollows.”",
        );
        assert_reports(
            &section(&format!("{FLAG}example = \"yes\\tor no\"\n")),
            "s.flag: example has a line break or a space other than a plain one: “yes\\tor”",
        );
        assert_reports(
            &section(
                r#"
[[questions]]
id = "pick"
kind = "single_choice"
label = "Pick"
help = "Why."
choices = [{ id = "a", label = "A  or a" }, { id = "b", label = "B" }]
"#,
            ),
            "s.pick: the label of choice `a` has a run of spaces: “A  or”",
        );
        assert_reports(
            &section(
                r#"
[[questions]]
id = "things"
kind = "group"
label = "Things"
help = "Why."
item = " Thing"
max = 3

  [[questions.questions]]
  id = "on"
  kind = "boolean"
  label = "On?"
  help = "Why."
"#,
            ),
            "s.things: item starts with spaces",
        );
        let intro = format!("{HEAD}{FLAG}").replace("About S.", "About  S.");
        assert_reports(&intro, "s: intro has a run of spaces: “About  S.”");
    }

    #[test]
    fn reports_answer_options_named_otherwise_than_the_app_labels_them() {
        for (help, written, label) in [
            (
                r#"Answer \"not applicable\" if you do not run it."#,
                "not applicable",
                "Does not apply",
            ),
            (
                "Choose not applicable if this tier has none.",
                "not applicable",
                "Does not apply",
            ),
            (r#"If unsure, say \"n/a\"."#, "n/a", "Does not apply"),
            (
                r#"Choose \"does not apply\" if none."#,
                "does not apply",
                "Does not apply",
            ),
            (
                r#"If you have not asked, choose \"don't know\"."#,
                "don't know",
                "I don't know",
            ),
            (
                "If unsure, pick I do not know.",
                "I do not know",
                "I don't know",
            ),
        ] {
            assert_reports(
                &section(&FLAG.replace("Decides what follows.", help)),
                &format!(
                    "s.flag: help names the answer option “{label}” as “{written}”: use the \
                     label the partner sees"
                ),
            );
        }
        // The labels as shown, and the words in passing, are fine.
        let fine = FLAG.replace(
            "Decides what follows.",
            r#"If you don't know the MTU, choose \"I don't know\"; choose \"Does not apply\" if the rule does not apply."#,
        );
        assert_eq!(lint_section(&section(&fine)), Vec::<String>::new());
    }

    #[test]
    fn reports_answer_options_the_question_does_not_offer() {
        let text = section(&format!(
            "{}dont_know = false\nnot_applicable = false\n",
            FLAG.replace(
                "Decides what follows.",
                r#"Choose \"I don't know\" or \"Does not apply\" if unsure."#,
            )
        ));
        assert_reports(
            &text,
            "s.flag: help mentions “I don't know”, which this question does not offer \
             (`dont_know = false`)",
        );
        assert_reports(
            &text,
            "s.flag: help mentions “Does not apply”, which this question does not offer \
             (`not_applicable = false`)",
        );
        assert_reports(
            &section(&format!(
                "{FLAG}example = \"choose 'I don't know'\"\ndont_know = false\n"
            )),
            "s.flag: example mentions “I don't know”, which this question does not offer",
        );
        let group = section(
            r#"
[[questions]]
id = "things"
kind = "group"
label = "Things"
help = "List them all, or choose \"Does not apply\"."
item = "Thing"
max = 3

  [[questions.questions]]
  id = "on"
  kind = "boolean"
  label = "On?"
  help = "Why."
"#,
        );
        assert_reports(
            &group,
            "s.things: help mentions “Does not apply”, which only a question can offer",
        );
    }

    #[test]
    fn reports_choice_lists_that_are_too_short_or_repeat_ids() {
        let one = r#"
[[questions]]
id = "pick"
kind = "single_choice"
label = "Pick"
help = "Why."
choices = [{ id = "a", label = "A" }]
"#;
        assert_reports(&section(one), "at least two choices");
        let twice = one.replace(
            "[{ id = \"a\", label = \"A\" }]",
            "[{ id = \"a\", label = \"A\" }, { id = \"a\", label = \"B\" }]",
        );
        assert_reports(&section(&twice), "choice `a` is listed twice");
    }

    #[test]
    fn reports_conditions_on_missing_questions_wrong_kinds_and_missing_choices() {
        let on = |condition: &str| {
            section(&format!(
                r#"{FLAG}
[[questions]]
id = "pick"
kind = "single_choice"
label = "Pick"
help = "Why."
choices = [{{ id = "a", label = "A" }}, {{ id = "b", label = "B" }}]

[[questions]]
id = "detail"
kind = "short_text"
label = "Detail"
help = "Why."
show_if = {condition}
"#
            ))
        };
        assert_reports(
            &on(r#"{ question = "s.nope", equals = true }"#),
            "no question has the id `s.nope`",
        );
        assert_reports(
            &on(r#"{ question = "s.flag", equals = "a" }"#),
            "is a boolean question",
        );
        assert_reports(
            &on(r#"{ question = "s.pick", equals = true }"#),
            "is a single_choice question",
        );
        assert_reports(
            &on(r#"{ question = "s.pick", one_of = ["a", "c"] }"#),
            "has no choice `c`",
        );
        assert_reports(
            &on(r#"{ question = "s.pick", includes = "a" }"#),
            "`includes` (multiple choice only)",
        );
        assert_reports(
            &on(r#"{ question = "s.flag", at_least = 2 }"#),
            "`at_least` (numbers only)",
        );
        assert_reports(
            &on(r#"{ sibling = "flag", equals = true }"#),
            "only meaningful on a question inside a group",
        );
    }

    #[test]
    fn reports_references_into_a_group_from_outside() {
        let text = section(
            r#"
[[questions]]
id = "things"
kind = "group"
label = "Things"
help = "Why."
item = "Thing"
max = 3

  [[questions.questions]]
  id = "on"
  kind = "boolean"
  label = "On?"
  help = "Why."

  [[questions.questions]]
  id = "detail"
  kind = "short_text"
  label = "Detail"
  help = "Why."
  show_if = { sibling = "on", equals = true }

[[questions]]
id = "outside"
kind = "short_text"
label = "Outside"
help = "Why."
show_if = { question = "s.things.on", equals = true }
"#,
        );
        let errors = lint_section(&text);
        assert!(
            errors.iter().all(|e| !e.starts_with("s.things.detail")),
            "{errors:#?}"
        );
        assert_reports(
            &text,
            "s.outside: show_if: `s.things.on` is inside group `s.things`",
        );
    }

    #[test]
    fn reports_visibility_cycles() {
        let text = section(
            r#"
[[questions]]
id = "a"
kind = "boolean"
label = "A?"
help = "Why."
show_if = { question = "s.b", equals = true }

[[questions]]
id = "b"
kind = "boolean"
label = "B?"
help = "Why."
show_if = { question = "s.a", equals = true }
"#,
        );
        assert_reports(&text, "visibility cycle: s.a -> s.b -> s.a");
    }

    #[test]
    fn reports_questions_no_answer_can_show() {
        let contradiction = section(&format!(
            r#"{FLAG}
[[questions]]
id = "never"
kind = "short_text"
label = "Never"
help = "Why."
show_if = {{ all = [{{ question = "s.flag", equals = true }}, {{ question = "s.flag", equals = false }}] }}
"#
        ));
        assert_reports(
            &contradiction,
            "s.never: no combination of answers shows this question",
        );

        let behind_hidden = section(&format!(
            r#"{FLAG}
[[questions]]
id = "count"
kind = "integer"
label = "Count"
help = "Why."
show_if = {{ all = [{{ question = "s.flag", equals = true }}, {{ not = {{ question = "s.flag", equals = true }} }}] }}

[[questions]]
id = "many"
kind = "short_text"
label = "Many"
help = "Why."
show_if = {{ question = "s.count", at_least = 10 }}
"#
        ));
        let errors = lint_section(&behind_hidden);
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("s.count: no combination")),
            "{errors:#?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("s.many: no combination")),
            "{errors:#?}"
        );
    }

    #[test]
    fn thresholds_and_multiple_choices_are_reachable() {
        let text = section(
            r#"
[[questions]]
id = "count"
kind = "integer"
label = "Count"
help = "Why."

[[questions]]
id = "kinds"
kind = "multi_choice"
label = "Kinds"
help = "Why."
choices = [{ id = "x", label = "X" }, { id = "y", label = "Y" }]

[[questions]]
id = "both"
kind = "short_text"
label = "Both"
help = "Why."
show_if = { all = [{ question = "s.count", at_least = 10 }, { question = "s.kinds", includes = "x" }, { question = "s.kinds", includes = "y" }, { not = { question = "s.count", at_least = 20 } }] }
"#,
        );
        assert_eq!(lint_section(&text), Vec::<String>::new());
    }

    #[test]
    fn reports_precisions_that_ask_too_little_or_show_the_wrong_form() {
        let version = |precision: &str| {
            section(&format!(
                r#"{FLAG}
[[questions]]
id = "things"
kind = "group"
label = "Things"
help = "Why."
item = "Thing"
max = 3

  [[questions.questions]]
  id = "on"
  kind = "boolean"
  label = "On?"
  help = "Why."

  [[questions.questions]]
  id = "version"
  kind = "version"
  label = "Version"
  help = "Why."
  example = "8.0.3.24022510"
  precision = {precision}
"#
            ))
        };
        let sound = version(
            r#"[{ parts = 4, when = { sibling = "on", equals = true } }, { parts = 3, example = "8.4.1" }]"#,
        );
        assert_eq!(lint_section(&sound), Vec::<String>::new());
        assert_reports(
            &version("[{ parts = 2 }]"),
            "s.things.version: precision: `parts = 2`: a version has 2 to 4 numbers",
        );
        assert_reports(
            &version(r#"[{ parts = 3 }]"#),
            "precision: the example “8.0.3.24022510” is not a version of 3 numbers",
        );
        assert_reports(
            &version(r#"[{ parts = 4, when = { sibling = "nope", equals = true } }]"#),
            "precision: when: group `s.things` has no question `nope`",
        );
        assert_reports(
            &version(r#"[{ parts = 4, when = { question = "s.flag", equals = "a" } }]"#),
            "precision: when: `s.flag`: is a boolean question",
        );
    }

    #[test]
    fn reports_bad_group_shapes_and_bounds() {
        assert_reports(
            &section(
                r#"
[[questions]]
id = "things"
kind = "group"
label = "Things"
help = "Why."
item = "Thing"
min = 3
max = 2
questions = []
"#,
            ),
            "0 <= min <= max",
        );
        assert_reports(
            &section(
                r#"
[[questions]]
id = "n"
kind = "integer"
label = "N"
help = "Why."
min = 5
max = 1
"#,
            ),
            "`min` is above `max`",
        );
    }
}
