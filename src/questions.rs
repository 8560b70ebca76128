//! Questions as places in the open draft: how a path is named to the partner, and going to it
//! (its step, then its input, focused and in view). Shared by the wizard, the findings and the
//! summary, so none of them imports another for it.

use intake_core::progress::section_of_path;
use leptos::prelude::*;

use crate::platform::dom::focus;
use crate::platform::route::{self, Route};
use crate::workspace::Workspace;

/// How a path is named to the partner: the question's label, with the group item's name.
pub fn question_label(workspace: Workspace, path: &str) -> String {
    let questionnaire = workspace.questionnaire;
    let item = path.split_once('[').and_then(|(group, rest)| {
        let index: usize = rest.split_once(']')?.0.parse().ok()?;
        let name = workspace.draft.with_untracked(|draft| {
            draft
                .as_ref()?
                .items(group)
                .get(index)
                .map(|item| item.name.clone())
        })?;
        Some((group, index, name))
    });
    let question = intake_core::draft::question_at(questionnaire, path);
    match (item, question) {
        (Some((_, index, name)), Some(question)) => {
            format!("{} ({})", question.label, item_name(&name, index))
        }
        (Some((group, index, name)), None) => {
            let label = match questionnaire.entry(group) {
                Some(intake_core::questionnaire::Entry::Group(group)) => group.item_label.clone(),
                _ => group.to_owned(),
            };
            format!("{label} {}", item_name(&name, index))
        }
        (None, Some(question)) => question.label.clone(),
        (None, None) => match questionnaire.entry(path) {
            Some(intake_core::questionnaire::Entry::Group(group)) => group.label.clone(),
            _ => path.to_owned(),
        },
    }
}

fn item_name(name: &str, index: usize) -> String {
    if name.trim().is_empty() {
        format!("item {}", index + 1)
    } else {
        format!("“{name}”")
    }
}

/// Focuses `first` when the page appears, then whatever element the app asks to focus (an evidence
/// link's question, a new group item) once it is on the page.
pub fn take_focus(first: &'static str) {
    let workspace = expect_context::<Workspace>();
    Effect::new(move |previous: Option<()>| {
        let target = workspace.focus.get();
        let arriving = previous.is_none();
        request_animation_frame(move || match target {
            Some(id) if document().get_element_by_id(&id).is_some() => {
                focus(&id);
                workspace.focus.set(None);
            }
            Some(_) => {}
            None if arriving => focus(first),
            None => {}
        });
    });
}

/// Jumps to the question at `path` in the open draft: its section, then the question.
pub fn go_to_question(workspace: Workspace, path: &str) {
    let Some(section) = section_of_path(workspace.questionnaire, path) else {
        return;
    };
    let Some(draft) = workspace.draft_id() else {
        return;
    };
    let target = if path.contains("].") || !path.contains('[') {
        format!("q-{path}")
    } else {
        format!("item-{path}")
    };
    workspace.focus.set(Some(target));
    route::go(&Route::Section {
        draft,
        section: section.to_owned(),
    });
}
