//! The questionnaire: what VCSP Intake asks a partner about their platform.
//!
//! The questions are data, not code: one TOML file per section under `assets/questionnaire/`
//! (format: `docs/questionnaire.md`). `build.rs` converts them to JSON at compile time, which is
//! embedded and read by [`Questionnaire::builtin`]. The linter ([`lint`]) checks the definition as
//! a whole.

mod condition;
mod definition;
pub mod export;
pub mod lint;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::value::RawValue;

pub use condition::{Condition, Decision, Observed, Seen, Subject, Test};
pub use definition::{
    Choice, DefinitionError, Group, Item, Kind, Precision, Question, Reference, Section,
};

/// The section files of the built-in questionnaire (file name, contents), in wizard order: every
/// `assets/questionnaire/*.toml`, sorted by name (listed by `build.rs`).
#[cfg(feature = "toml")]
pub const BUILTIN_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The same files as JSON, made by `build.rs`: `[[file name, section], ...]`. `builtin` reads this,
/// so the web app needs no TOML parser.
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/questionnaire.json"));

/// A whole questionnaire: its sections in order, with an index of every question and group.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    sections: Vec<Section>,
    index: HashMap<String, Place>,
}

/// Where an id is defined: section, item within it, and member within a group item.
#[derive(Debug, Clone, Copy)]
struct Place {
    section: usize,
    item: usize,
    member: Option<usize>,
}

/// A question or group found by id.
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    /// A question outside any group.
    Question(&'a Question),
    /// A question inside a group.
    Member(&'a Group, &'a Question),
    Group(&'a Group),
}

impl Questionnaire {
    /// Reads a questionnaire from section files (name, text), in order.
    #[cfg(feature = "toml")]
    pub fn from_files(files: &[(&str, &str)]) -> Result<Questionnaire, DefinitionError> {
        let sections = files
            .iter()
            .map(|(name, text)| Section::from_toml(name, text))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Questionnaire::from_sections(sections))
    }

    /// Reads the built-in questionnaire from its JSON form, [`BUILTIN_JSON`].
    fn from_builtin_json() -> Result<Questionnaire, DefinitionError> {
        let files: Vec<(String, &RawValue)> = serde_json::from_str(BUILTIN_JSON)
            .map_err(|error| DefinitionError::unreadable("questionnaire.json", error))?;
        let sections = files
            .iter()
            .map(|(name, section)| Section::from_json(name, section.get()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Questionnaire::from_sections(sections))
    }

    /// Indexes sections read from files. Ids defined twice keep their first definition here; the
    /// linter reports the duplicate.
    fn from_sections(sections: Vec<Section>) -> Questionnaire {
        let mut index = HashMap::new();
        for (s, section) in sections.iter().enumerate() {
            for (i, item) in section.items.iter().enumerate() {
                let place = |member| Place {
                    section: s,
                    item: i,
                    member,
                };
                index.entry(item.id().to_owned()).or_insert(place(None));
                if let Item::Group(group) = item {
                    for (m, question) in group.questions.iter().enumerate() {
                        index.entry(question.id.clone()).or_insert(place(Some(m)));
                    }
                }
            }
        }
        Questionnaire { sections, index }
    }

    /// The questionnaire shipped with this version, read once.
    ///
    /// The built-in files are checked by tests (`tests/questionnaire.rs`), so this fails only in a
    /// build whose tests fail.
    pub fn builtin() -> Result<&'static Questionnaire, &'static DefinitionError> {
        static BUILTIN: OnceLock<Result<Questionnaire, DefinitionError>> = OnceLock::new();
        BUILTIN
            .get_or_init(Questionnaire::from_builtin_json)
            .as_ref()
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The question or group with this full id.
    pub fn entry(&self, id: &str) -> Option<Entry<'_>> {
        let place = self.index.get(id)?;
        let item = &self.sections[place.section].items[place.item];
        Some(match (item, place.member) {
            (Item::Question(question), _) => Entry::Question(question),
            (Item::Group(group), None) => Entry::Group(group),
            (Item::Group(group), Some(member)) => Entry::Member(group, &group.questions[member]),
        })
    }

    /// The question with this full id, inside a group or not.
    pub fn question(&self, id: &str) -> Option<&Question> {
        match self.entry(id)? {
            Entry::Question(question) | Entry::Member(_, question) => Some(question),
            Entry::Group(_) => None,
        }
    }

    /// The label of the question or group with this full id.
    pub fn label(&self, id: &str) -> Option<&str> {
        match self.entry(id)? {
            Entry::Question(question) | Entry::Member(_, question) => Some(&question.label),
            Entry::Group(group) => Some(&group.label),
        }
    }

    /// The group with this full id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        match self.entry(id)? {
            Entry::Group(group) => Some(group),
            Entry::Question(_) | Entry::Member(..) => None,
        }
    }

    /// The section an id belongs to.
    pub fn section_of(&self, id: &str) -> Option<&Section> {
        self.index
            .get(id)
            .map(|place| &self.sections[place.section])
    }

    /// Every question, group members included, in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(Section::questions)
    }

    /// Every group, in order.
    pub fn groups(&self) -> impl Iterator<Item = &Group> {
        self.sections.iter().flat_map(Section::groups)
    }
}
