//! The app's state: the draft open in the wizard, the edits made to it, and what is derived from
//! it (problems, visibility, progress, findings); and the drafts kept in this browser
//! ([`library`]).
//!
//! Every change is written at once, in the same task as the keystroke, so a page killed right
//! after it keeps it (tests/e2e/restart.spec.ts).

mod library;

use std::collections::HashSet;
use std::time::Duration;

use intake_core::answers::Answers;
use intake_core::draft::{Draft, Removed};
use intake_core::progress::{Progress, progress};
use intake_core::questionnaire::Questionnaire;
use intake_core::references::{self, Referrer};
use intake_core::relevance::Relevance;
use intake_core::rules::owned::Assessment;
use intake_core::validate::{Problem, validate};
use leptos::prelude::*;

pub use library::{DraftEntry, Library, Storage};

use crate::assess::Assessor;
use crate::platform::clock::{new_id, now};
use crate::visibility::Visibility;

/// How long typing must pause before problems are checked again.
const CHECK_DELAY: Duration = Duration::from_millis(400);

/// Which questions, groups and group members show: the paths that do not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hidden(HashSet<String>);

impl Hidden {
    pub fn contains(&self, path: &str) -> bool {
        self.0.contains(path)
    }
}

/// The open draft and what is derived from it, read-only: what the parts that only show it (the
/// findings panel, the summary) take instead of the whole workspace.
#[derive(Clone, Copy)]
pub struct OpenDraft {
    pub questionnaire: &'static Questionnaire,
    pub draft: ReadSignal<Option<Draft>>,
    pub problems: ReadSignal<Vec<Problem>>,
    pub assessment: ReadSignal<Option<Assessment>>,
    /// Why the findings could not be worked out, when they could not.
    pub unassessed: ReadSignal<Option<String>>,
    pub progress: Memo<Progress>,
}

impl OpenDraft {
    /// The open draft's id.
    pub fn draft_id(self) -> Option<String> {
        self.draft
            .with_untracked(|draft| draft.as_ref().map(|draft| draft.id.clone()))
    }
}

/// The app's state; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub questionnaire: &'static Questionnaire,
    /// The drafts kept in this browser.
    pub library: Library,
    check_generation: StoredValue<u64>,
    /// The draft open in the wizard.
    pub draft: RwSignal<Option<Draft>>,
    /// Problems to show, as last checked (after a pause in typing, and on changing step): those
    /// of questions given an answer or input, and every problem of sections the partner has left.
    /// A required question nobody has reached yet is not an error to shout about.
    pub problems: RwSignal<Vec<Problem>>,
    /// Which problems show: sections left, items just added.
    visibility: StoredValue<Visibility>,
    /// Bumped when a draft is opened: lists of group items are drawn anew.
    pub opened: RwSignal<u64>,
    /// The open draft as last written, to tell whether it has changed since.
    written: StoredValue<Option<Draft>>,
    /// An element to focus once the page has been drawn (evidence links, new group items).
    pub focus: RwSignal<Option<String>>,
    /// What was just removed, said in words, and the removed item, to undo it.
    pub undo: RwSignal<Option<(String, Removed)>>,
    pub hidden: Memo<Hidden>,
    /// The open draft's findings, worked out in the assessment's worker ([`crate::assess`]);
    /// `None` while no draft is open, and from opening one until its first step has been drawn
    /// ([`Workspace::open`]) and the worker has answered.
    pub assessment: RwSignal<Option<Assessment>>,
    /// Why the findings could not be worked out, when they could not.
    unassessed: RwSignal<Option<String>>,
    pub progress: Memo<Progress>,
    /// Whether the open draft's first step has been drawn, so its findings may be computed.
    drawn: RwSignal<bool>,
}

impl Workspace {
    pub fn new(questionnaire: &'static Questionnaire) -> Workspace {
        let draft = RwSignal::new(None::<Draft>);
        let problems = RwSignal::new(Vec::new());
        let hidden = Memo::new(move |_| {
            draft.with(|draft| {
                draft
                    .as_ref()
                    .map(|draft| hidden_paths(questionnaire, &draft.answers))
                    .unwrap_or_default()
            })
        });
        let drawn = RwSignal::new(false);
        let opened = RwSignal::new(0);
        let assessment = RwSignal::new(None);
        let unassessed = RwSignal::new(None);
        // Each request is tagged with the draft's opening, so findings of a draft since closed
        // are not shown for the one open now.
        let assessor = Assessor::new(move |reply| {
            if reply.tag != opened.get_untracked() {
                return;
            }
            match reply.outcome {
                Ok(found) => {
                    assessment.set(Some(found));
                    unassessed.set(None);
                }
                Err(reason) => unassessed.set(Some(reason)),
            }
        });
        Effect::new(move |_| {
            if !drawn.get() {
                return;
            }
            draft.with(|draft| {
                if let Some(draft) = draft {
                    assessor.assess(opened.get_untracked(), &draft.answers);
                }
            });
        });
        let progress = Memo::new(move |_| {
            draft.with(|draft| {
                problems.with(|problems| {
                    draft
                        .as_ref()
                        .map(|draft| progress(questionnaire, &draft.answers, problems))
                        .unwrap_or_default()
                })
            })
        });
        Workspace {
            questionnaire,
            library: Library::open(questionnaire),
            check_generation: StoredValue::new(0),
            draft,
            problems,
            visibility: StoredValue::new(Visibility::default()),
            opened,
            written: StoredValue::new(None),
            focus: RwSignal::new(None),
            undo: RwSignal::new(None),
            hidden,
            assessment,
            unassessed,
            progress,
            drawn,
        }
    }

    /// The open draft, read-only.
    pub fn open_draft(self) -> OpenDraft {
        OpenDraft {
            questionnaire: self.questionnaire,
            draft: self.draft.read_only(),
            problems: self.problems.read_only(),
            assessment: self.assessment.read_only(),
            unassessed: self.unassessed.read_only(),
            progress: self.progress,
        }
    }

    /// Makes a new draft, saves it and returns its id.
    pub fn create(self, name: &str) -> String {
        let now = now();
        let id = new_id();
        self.open(Draft::new(id.clone(), name, &now));
        self.save_now();
        id
    }

    /// Adds a draft read from a file under a new id, saves it and returns the id.
    pub fn import(self, mut draft: Draft) -> String {
        draft.id = new_id();
        let id = draft.id.clone();
        self.open(draft);
        self.save_now();
        id
    }

    /// The open draft's id.
    pub fn draft_id(self) -> Option<String> {
        self.open_draft().draft_id()
    }

    /// Opens the draft with this id, if this browser has it; `Err` says why not.
    pub fn open_saved(self, id: &str) -> Result<(), String> {
        if self
            .draft
            .with_untracked(|draft| draft.as_ref().is_some_and(|d| d.id == id))
        {
            return Ok(());
        }
        self.save_now();
        let json = self
            .library
            .saved_json(id)
            .ok_or_else(|| "This browser has no draft with this address.".to_owned())?;
        let draft =
            Draft::from_json(&json, self.questionnaire).map_err(|error| error.to_string())?;
        self.written.set_value(Some(draft.clone()));
        self.open(draft);
        Ok(())
    }

    /// Opens a draft: its step is drawn first, and its problems and findings are computed right
    /// after that first paint, so a large draft does not delay the question the partner came to
    /// answer (the panel says it is checking meanwhile).
    fn open(self, draft: Draft) {
        self.undo.set(None);
        self.visibility.update_value(Visibility::clear);
        self.drawn.set(false);
        self.assessment.set(None);
        self.unassessed.set(None);
        self.draft.set(Some(draft));
        self.opened.update(|opened| *opened += 1);
        let opened = self.opened.get_untracked();
        // The frame that draws the step, then a task after its paint.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if self.opened.get_untracked() == opened {
                        self.drawn.set(true);
                        self.check_now();
                    }
                },
                Duration::ZERO,
            );
        });
    }

    /// Notes that the partner has left these sections: all their problems show from now on.
    pub fn leave(self, sections: &[&str]) {
        let questionnaire = self.questionnaire;
        self.visibility
            .update_value(|visibility| visibility.leave(questionnaire, sections));
        self.check_now();
    }

    /// Notes a group item just added: its problems wait until its name field is left.
    pub fn added_item(self, item: String) {
        self.visibility
            .update_value(|visibility| visibility.added(item));
    }

    /// Notes that the partner left a new item's name field: its problems show.
    pub fn named_item(self, item: &str) {
        self.visibility
            .update_value(|visibility| visibility.named(item));
        self.check_now();
    }

    /// Changes the open draft; it is saved shortly after and its problems checked once typing
    /// pauses.
    pub fn edit(self, change: impl FnOnce(&mut Draft)) {
        let mut changed = false;
        self.draft.update(|draft| {
            if let Some(draft) = draft {
                change(draft);
                changed = true;
            }
        });
        if changed {
            self.library.edited();
            self.save_now();
            self.schedule_check();
        }
    }

    /// Like [`Workspace::edit`], with problems checked at once (adding a group item).
    pub fn edit_now(self, change: impl FnOnce(&mut Draft)) {
        self.edit(change);
        self.check_now();
    }

    /// Moves, duplicates, removes or restores group items: positions change, so items added a
    /// moment ago stop waiting to show their problems.
    pub fn edit_items(self, change: impl FnOnce(&mut Draft)) {
        self.visibility.update_value(Visibility::items_changed);
        self.edit_now(change);
    }

    /// Removes a group item, offering to undo it; `what` names it ("link “dc1-dc2”"), and
    /// `referrers` are the answers that name it, which keep the name and now show a problem.
    pub fn remove_item(self, group: &str, index: usize, what: &str, referrers: &[Referrer]) {
        let mut removed = None;
        self.edit_items(|draft| removed = draft.remove_item(group, index));
        if let Some(removed) = removed {
            let mut message = format!("Removed {what} and its answers.");
            if let Some(named) = references::still_named(referrers) {
                message.push(' ');
                message.push_str(&named);
            }
            self.undo.set(Some((message, removed)));
        }
    }

    /// Puts back the item removed last.
    pub fn undo_now(self) {
        let Some((_, removed)) = self.undo.get_untracked() else {
            return;
        };
        self.undo.set(None);
        let target = format!("item-{}[{}]", removed.group, removed.index);
        self.edit_items(|draft| draft.restore(removed));
        // The restored item, where it was; the bar that held the focus is gone.
        self.focus.set(Some(target));
    }

    /// Checks problems again once typing has paused for [`CHECK_DELAY`].
    fn schedule_check(self) {
        self.check_generation
            .update_value(|generation| *generation += 1);
        let generation = self.check_generation.get_value();
        set_timeout(
            move || {
                if self.check_generation.get_value() == generation {
                    self.check_now();
                }
            },
            CHECK_DELAY,
        );
    }

    /// Checks problems now.
    pub fn check_now(self) {
        let questionnaire = self.questionnaire;
        let problems = self.draft.with_untracked(|draft| {
            let Some(draft) = draft else {
                return Vec::new();
            };
            self.visibility.with_value(|visibility| {
                check(questionnaire, draft)
                    .into_iter()
                    .filter(|problem| visibility.shows(problem, draft, questionnaire))
                    .collect()
            })
        });
        self.problems.set(problems);
    }

    /// Writes the open draft now, if it has changed since it was last written.
    pub fn save_now(self) {
        let unchanged = self.draft.with_untracked(|draft| {
            self.written.with_value(|written| match (draft, written) {
                (Some(draft), Some(written)) => draft.same_content(written),
                (None, _) => true,
                (Some(_), None) => false,
            })
        });
        if unchanged {
            self.library.up_to_date();
            return;
        }
        // Stamping the time needs no redraw: nothing on screen shows it while a draft is open.
        self.draft.update_untracked(|draft| {
            if let Some(draft) = draft {
                draft.updated_at = now();
            }
        });
        let Some((id, name, updated_at, json)) = self.draft.with_untracked(|draft| {
            draft.as_ref().map(|draft| {
                self.written.set_value(Some(draft.clone()));
                (
                    draft.id.clone(),
                    draft.title(),
                    draft.updated_at.clone(),
                    draft.to_json(),
                )
            })
        }) else {
            return;
        };
        let standing = self
            .progress
            .with_untracked(|progress| (progress.answered(), progress.relevant()));
        let entry = DraftEntry {
            id,
            name,
            updated_at,
            progress: Some(standing),
            error: None,
        };
        self.library.put_open(entry, json);
    }

    /// Renames a draft, open or not.
    pub fn rename(self, id: &str, name: &str) -> Result<(), String> {
        if self
            .draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id))
        {
            self.edit(|draft| name.clone_into(&mut draft.name));
            self.save_now();
            return Ok(());
        }
        self.library.rename(id, name)
    }

    /// Deletes one draft from this browser, closing it if it is open.
    pub fn delete(self, id: &str) {
        if self
            .draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id))
        {
            self.draft.set(None);
        }
        self.library.delete(id);
    }

    /// Deletes every draft and every review from this browser.
    pub fn delete_all(self) {
        self.undo.set(None);
        self.draft.set(None);
        self.library.delete_all();
    }
}

/// Every problem of a draft: validation and input that does not parse yet.
fn check(questionnaire: &Questionnaire, draft: &Draft) -> Vec<Problem> {
    let mut problems = validate(questionnaire, &draft.answers);
    problems.extend(draft.pending_problems(questionnaire));
    problems
}

/// The questions, groups and members that do not show with these answers, by path.
fn hidden_paths(questionnaire: &Questionnaire, answers: &Answers) -> Hidden {
    Hidden(Relevance::new(questionnaire, answers).hidden_paths())
}
