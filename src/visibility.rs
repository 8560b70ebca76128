//! Which problems the partner sees, and when: a plain type the workspace holds, tested natively.
//!
//! A problem shows once the question has an answer or typed input, or once the partner has left
//! its section (or tried to go on to the summary). A group item just added waits: its "give it a
//! name" and its blank questions show only after its name field is left or its section is.

use std::collections::HashSet;

use intake_core::draft::Draft;
use intake_core::progress::section_of_path;
use intake_core::questionnaire::Questionnaire;
use intake_core::validate::Problem;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visibility {
    /// Sections the partner has been to and left.
    left: HashSet<String>,
    /// Group items added whose name field has not been left yet, by path (`network.links[2]`).
    fresh: HashSet<String>,
}

impl Visibility {
    /// A draft was opened: nothing has been left yet.
    pub fn clear(&mut self) {
        self.left.clear();
        self.fresh.clear();
    }

    /// The partner left these sections: all their problems show from now on, new items' too.
    pub fn leave(&mut self, questionnaire: &Questionnaire, sections: &[&str]) {
        self.left
            .extend(sections.iter().map(|&section| section.to_owned()));
        self.fresh.retain(|item| {
            section_of_path(questionnaire, item).is_none_or(|section| !sections.contains(&section))
        });
    }

    /// A group item was just added at `item`.
    pub fn added(&mut self, item: String) {
        self.fresh.insert(item);
    }

    /// The partner left the name field of the item at `item`.
    pub fn named(&mut self, item: &str) {
        self.fresh.remove(item);
    }

    /// Items were moved or removed: positions changed, so no item waits any more.
    pub fn items_changed(&mut self) {
        self.fresh.clear();
    }

    /// Whether `problem` shows.
    pub fn shows(&self, problem: &Problem, draft: &Draft, questionnaire: &Questionnaire) -> bool {
        let path = problem.path.as_str();
        let given = draft.answer(path).is_some() || draft.pending.contains_key(path);
        if given {
            return true;
        }
        let waiting = self.fresh.iter().any(|item| {
            path == item
                || path
                    .strip_prefix(item.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        });
        !waiting && section_of_path(questionnaire, path).is_some_and(|s| self.left.contains(s))
    }
}

#[cfg(test)]
mod tests {
    use intake_core::validate::validate;

    use super::*;

    fn questionnaire() -> &'static Questionnaire {
        Questionnaire::builtin().expect("the questionnaire reads")
    }

    fn shown(visibility: &Visibility, draft: &Draft) -> Vec<String> {
        validate(questionnaire(), &draft.answers)
            .into_iter()
            .filter(|problem| visibility.shows(problem, draft, questionnaire()))
            .map(|problem| problem.path)
            .collect()
    }

    #[test]
    fn nothing_shows_before_the_partner_leaves_a_section() {
        let draft = Draft::new("d", "", "2026-12-04T10:00:00Z");
        let mut visibility = Visibility::default();
        assert_eq!(shown(&visibility, &draft), Vec::<String>::new());
        visibility.leave(questionnaire(), &["engagement"]);
        let after = shown(&visibility, &draft);
        assert!(
            after.iter().any(|path| path == "engagement.partner_name"),
            "{after:?}"
        );
        assert!(
            after.iter().all(|path| path.starts_with("engagement.")),
            "{after:?}"
        );
    }

    #[test]
    fn a_new_item_waits_until_its_name_field_is_left() {
        let mut draft = Draft::new("d", "", "2026-12-04T10:00:00Z");
        let mut visibility = Visibility::default();
        visibility.leave(questionnaire(), &["engagement"]);
        let index = draft.add_item("engagement.contacts", "");
        let item = format!("engagement.contacts[{index}]");
        visibility.added(item.clone());
        let waiting = shown(&visibility, &draft);
        assert!(
            !waiting.iter().any(|path| path.starts_with(&item)),
            "{waiting:?}"
        );
        visibility.named(&item);
        let named = shown(&visibility, &draft);
        assert!(named.contains(&item), "{named:?}");
    }

    #[test]
    fn leaving_the_section_ends_the_wait() {
        let mut draft = Draft::new("d", "", "2026-12-04T10:00:00Z");
        let mut visibility = Visibility::default();
        let index = draft.add_item("network.links", "");
        let item = format!("network.links[{index}]");
        visibility.added(item.clone());
        visibility.leave(questionnaire(), &["network"]);
        assert!(shown(&visibility, &draft).contains(&item));
    }
}
