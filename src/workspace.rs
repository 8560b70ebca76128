//! The app's state: the drafts kept in this browser, the draft open in the wizard, and what is
//! derived from it (problems, visibility, progress, findings).
//!
//! Every draft lives in memory and, when the browser allows, in IndexedDB behind it: every change
//! is written at once, in the same task as the keystroke, so a page killed right after it keeps it
//! (tests/e2e/restart.spec.ts). When storage is unavailable or full the app says so and keeps
//! working in memory, and export still works.

use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;
use std::time::Duration;

use intake_core::answers::Answers;
use intake_core::draft::{Draft, Removed};
use intake_core::progress::{Progress, progress};
use intake_core::questionnaire::Questionnaire;
use intake_core::relevance::Relevance;
use intake_core::rules::{Assessment, Config, assess};
use intake_core::validate::{Problem, validate};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::storage::{StorageError, Store};
use crate::visibility::Visibility;

/// How long typing must pause before problems are checked again.
const CHECK_DELAY: Duration = Duration::from_millis(400);

/// Where drafts are kept, as the user is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Storage {
    /// Still opening the browser's database.
    Opening,
    /// Saved in this browser.
    Browser,
    /// Kept in memory only, and why.
    MemoryOnly(String),
}

/// A draft as listed on the drafts page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftEntry {
    pub id: String,
    pub name: String,
    pub updated_at: String,
    /// Questions answered and relevant.
    pub progress: Option<(usize, usize)>,
    /// Why the stored draft cannot be opened, if it cannot.
    pub error: Option<String>,
}

/// Which questions, groups and group members show: the paths that do not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hidden(HashSet<String>);

impl Hidden {
    pub fn contains(&self, path: &str) -> bool {
        self.0.contains(path)
    }
}

/// The app's state; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub questionnaire: &'static Questionnaire,
    /// Every draft's latest JSON, by id: the memory copy.
    saved: StoredValue<BTreeMap<String, String>>,
    store: StoredValue<Option<Rc<Store>>, LocalStorage>,
    /// Counts edits, to tell whether a finished write holds the latest one.
    edits: StoredValue<u64>,
    /// Changes not yet written to the browser's storage.
    pub unsaved: RwSignal<bool>,
    check_generation: StoredValue<u64>,
    pub storage: RwSignal<Storage>,
    /// The drafts have been read from the browser's storage (or storage turned out unavailable).
    pub ready: RwSignal<bool>,
    pub drafts: RwSignal<Vec<DraftEntry>>,
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
    pub assessment: Memo<Option<Assessment>>,
    pub progress: Memo<Progress>,
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
        let assessment = Memo::new(move |_| {
            draft.with(|draft| {
                draft
                    .as_ref()
                    .map(|draft| assess(questionnaire, &draft.answers, &Config::default()))
            })
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
        let workspace = Workspace {
            questionnaire,
            saved: StoredValue::new(BTreeMap::new()),
            store: StoredValue::new_local(None),
            edits: StoredValue::new(0),
            unsaved: RwSignal::new(false),
            check_generation: StoredValue::new(0),
            storage: RwSignal::new(Storage::Opening),
            ready: RwSignal::new(false),
            drafts: RwSignal::new(Vec::new()),
            draft,
            problems,
            visibility: StoredValue::new(Visibility::default()),
            opened: RwSignal::new(0),
            written: StoredValue::new(None),
            focus: RwSignal::new(None),
            undo: RwSignal::new(None),
            hidden,
            assessment,
            progress,
        };
        spawn_local(workspace.open_storage());
        workspace
    }

    async fn open_storage(self) {
        match Store::open().await {
            Ok(store) => match store.all().await {
                Ok(stored) => {
                    self.saved.update_value(|saved| saved.extend(stored));
                    self.store.set_value(Some(Rc::new(store)));
                    self.storage.set(Storage::Browser);
                }
                Err(error) => self.lose_storage(&error),
            },
            Err(error) => self.lose_storage(&error),
        }
        self.refresh_list();
        self.ready.set(true);
    }

    /// The browser storage, while drafts and reviews can be saved there.
    pub fn store(self) -> Option<Rc<Store>> {
        self.store.get_value()
    }

    /// Storage failed: keep working in memory and say so.
    pub fn lose_storage(self, error: &StorageError) {
        self.store.set_value(None);
        self.storage.set(Storage::MemoryOnly(error.to_string()));
    }

    /// Rebuilds the drafts list from the memory copy.
    fn refresh_list(self) {
        let questionnaire = self.questionnaire;
        let entries = self.saved.with_value(|saved| {
            let mut entries: Vec<DraftEntry> = saved
                .iter()
                .map(|(id, json)| match Draft::from_json(json, questionnaire) {
                    Ok(draft) => {
                        let standing = progress(questionnaire, &draft.answers, &[]);
                        DraftEntry {
                            id: id.clone(),
                            name: draft.title(),
                            updated_at: draft.updated_at,
                            progress: Some((standing.answered(), standing.relevant())),
                            error: None,
                        }
                    }
                    Err(error) => DraftEntry {
                        id: id.clone(),
                        name: id.clone(),
                        updated_at: String::new(),
                        progress: None,
                        error: Some(error.to_string()),
                    },
                })
                .collect();
            entries.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
            entries
        });
        self.drafts.set(entries);
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
        self.draft
            .with_untracked(|draft| draft.as_ref().map(|draft| draft.id.clone()))
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
            .saved
            .with_value(|saved| saved.get(id).cloned())
            .ok_or_else(|| "This browser has no draft with this address.".to_owned())?;
        let draft =
            Draft::from_json(&json, self.questionnaire).map_err(|error| error.to_string())?;
        self.written.set_value(Some(draft.clone()));
        self.open(draft);
        Ok(())
    }

    fn open(self, draft: Draft) {
        self.undo.set(None);
        self.visibility.update_value(Visibility::clear);
        self.draft.set(Some(draft));
        self.check_now();
        self.opened.update(|opened| *opened += 1);
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
            self.edits.update_value(|edits| *edits += 1);
            if !self.unsaved.get_untracked() {
                self.unsaved.set(true);
            }
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

    /// Removes a group item, offering to undo it; `what` names it ("link “dc1-dc2”").
    pub fn remove_item(self, group: &str, index: usize, what: &str) {
        let mut removed = None;
        self.edit_items(|draft| removed = draft.remove_item(group, index));
        if let Some(removed) = removed {
            self.undo
                .set(Some((format!("Removed {what} and its answers."), removed)));
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
            if self.store.with_value(Option::is_some) {
                self.unsaved.set(false);
            }
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
        self.put(entry, json, Some(self.edits.get_value()));
    }

    /// The JSON of a stored draft (also of one that cannot be opened, so it can be exported).
    pub fn saved_json(self, id: &str) -> Option<String> {
        self.saved.with_value(|saved| saved.get(id).cloned())
    }

    /// Renames a draft.
    pub fn rename(self, id: &str, name: &str) -> Result<(), String> {
        if self
            .draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id))
        {
            self.edit(|draft| name.clone_into(&mut draft.name));
            self.save_now();
            return Ok(());
        }
        let json = self.saved_json(id).ok_or("This draft is gone.")?;
        let mut draft = Draft::from_json(&json, self.questionnaire).map_err(|e| e.to_string())?;
        name.clone_into(&mut draft.name);
        draft.updated_at = now();
        let json = draft.to_json();
        let standing = progress(self.questionnaire, &draft.answers, &[]);
        let entry = DraftEntry {
            name: draft.title(),
            id: draft.id,
            updated_at: draft.updated_at,
            progress: Some((standing.answered(), standing.relevant())),
            error: None,
        };
        self.put(entry, json, None);
        Ok(())
    }

    /// Keeps a draft's JSON in memory and writes it to the browser's storage. `edits` is the edit
    /// count the JSON holds when it is the open draft's, so that a finished write can say
    /// everything is saved.
    fn put(self, entry: DraftEntry, json: String, edits: Option<u64>) {
        let id = entry.id.clone();
        self.saved.update_value(|saved| {
            saved.insert(id.clone(), json.clone());
        });
        // The draft just written is the most recent: it goes first, without reading every stored
        // draft again (a large one takes milliseconds to read, and saves run while partners type).
        self.drafts.update(|entries| {
            entries.retain(|listed| listed.id != id);
            entries.insert(0, entry);
        });
        if let Some(store) = self.store.get_value() {
            spawn_local(async move {
                match store.put(&id, &json).await {
                    Ok(()) if edits == Some(self.edits.get_value()) => self.unsaved.set(false),
                    Ok(()) => {}
                    Err(error) => self.lose_storage(&error),
                }
            });
        }
    }

    /// Deletes one draft from this browser.
    pub fn delete(self, id: &str) {
        if self
            .draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id))
        {
            self.draft.set(None);
        }
        self.saved.update_value(|saved| {
            saved.remove(id);
        });
        self.refresh_list();
        if let Some(store) = self.store.get_value() {
            let id = id.to_owned();
            spawn_local(async move {
                if let Err(error) = store.delete(&id).await {
                    self.lose_storage(&error);
                }
            });
        }
    }

    /// Deletes every draft and every review from this browser.
    pub fn delete_all(self) {
        self.undo.set(None);
        self.draft.set(None);
        self.saved.update_value(BTreeMap::clear);
        self.refresh_list();
        if let Some(store) = self.store.get_value() {
            spawn_local(async move {
                if let Err(error) = store.clear().await {
                    self.lose_storage(&error);
                }
            });
        }
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

/// The time now, RFC 3339 in UTC.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A new draft id: the time and a random part, short enough for a URL.
fn new_id() -> String {
    // Both are whole, non-negative and far below 2^53: the casts are exact.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (time, random) = (
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1_679_616.0) as u64,
    );
    format!("{}{}", base36(time), base36(random))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
