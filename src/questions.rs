//! Questions as places in the open draft: how a path is named to the partner, and going to it
//! (its step, then its input, focused and in view). Shared by the wizard, the findings and the
//! summary, so none of them imports another for it.

use intake_core::draft::Draft;
use intake_core::progress::section_of_path;
use intake_core::questionnaire::Questionnaire;
use leptos::prelude::*;

use crate::platform::dom::focus;
use crate::platform::route::{self, Route};
use crate::workspace::{OpenDraft, Workspace};

/// The questions of the open draft as places: what the parts that name a question or go to it
/// need of the workspace, and nothing else.
#[derive(Clone, Copy)]
pub struct Places {
    open: OpenDraft,
    /// An element to focus once the page has been drawn.
    focus: RwSignal<Option<String>>,
}

impl Places {
    pub fn of(workspace: Workspace) -> Places {
        Places {
            open: workspace.open_draft(),
            focus: workspace.focus,
        }
    }

    /// How a path is named to the partner: the question's label, with the group item's name.
    pub fn label(self, path: &str) -> String {
        question_label(self.open.questionnaire, self.open.draft, path)
    }

    /// Jumps to the question at `path` in the open draft: its section, then the question.
    pub fn go_to(self, path: &str) {
        let Some(section) = section_of_path(self.open.questionnaire, path) else {
            return;
        };
        let Some(draft) = self.open.draft_id() else {
            return;
        };
        let target = if path.contains("].") || !path.contains('[') {
            format!("q-{path}")
        } else {
            format!("item-{path}")
        };
        self.focus.set(Some(target));
        route::go(&Route::Section {
            draft,
            section: section.to_owned(),
        });
    }
}

fn question_label(
    questionnaire: &Questionnaire,
    draft: ReadSignal<Option<Draft>>,
    path: &str,
) -> String {
    let item = path.split_once('[').and_then(|(group, rest)| {
        let index: usize = rest.split_once(']')?.0.parse().ok()?;
        let name = draft.with_untracked(|draft| {
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
    let wanted = expect_context::<Places>().focus;
    Effect::new(move |previous: Option<()>| {
        let target = wanted.get();
        let arriving = previous.is_none();
        request_animation_frame(move || match target {
            Some(id) if document().get_element_by_id(&id).is_some() => {
                focus(&id);
                wanted.set(None);
            }
            Some(_) => {}
            None if arriving => focus(first),
            None => {}
        });
    });
}
