//! The drafts kept in this browser: every draft's latest JSON in memory and, when the browser
//! allows, in IndexedDB behind it; the list the drafts page shows; and whether what was typed is
//! written yet.
//!
//! When storage is unavailable or full the library says so ([`Storage::MemoryOnly`]) and keeps
//! every draft in memory, so the app keeps working and export still works.

use std::collections::BTreeMap;
use std::rc::Rc;

use intake_core::draft::Draft;
use intake_core::progress::progress;
use intake_core::questionnaire::Questionnaire;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::clock::now;
use crate::platform::storage::{StorageError, Store};

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

impl DraftEntry {
    /// A readable draft as listed.
    pub fn of(questionnaire: &Questionnaire, draft: &Draft) -> DraftEntry {
        let standing = progress(questionnaire, &draft.answers, &[]);
        DraftEntry {
            id: draft.id.clone(),
            name: draft.title(),
            updated_at: draft.updated_at.clone(),
            progress: Some((standing.answered(), standing.relevant())),
            error: None,
        }
    }
}

/// The drafts kept in this browser; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Library {
    questionnaire: &'static Questionnaire,
    /// Every draft's latest JSON, by id: the memory copy.
    saved: StoredValue<BTreeMap<String, String>>,
    store: StoredValue<Option<Rc<Store>>, LocalStorage>,
    /// Counts edits of the open draft, to tell whether a finished write holds the latest one.
    edits: StoredValue<u64>,
    /// Changes to the open draft not yet written to the browser's storage.
    pub unsaved: RwSignal<bool>,
    pub storage: RwSignal<Storage>,
    /// The drafts have been read from the browser's storage (or storage turned out unavailable).
    pub ready: RwSignal<bool>,
    /// How many drafts are kept here: known without reading any of them.
    pub count: RwSignal<usize>,
    /// The drafts, the most recently changed first, once listed ([`Library::list`]).
    drafts: RwSignal<Vec<DraftEntry>>,
    /// Whether the drafts have been listed: reading every draft takes time with large ones, so it
    /// waits until a page shows the list, and a step opens without it.
    listed: StoredValue<bool>,
}

impl Library {
    /// An empty library that starts reading the browser's storage.
    pub fn open(questionnaire: &'static Questionnaire) -> Library {
        let library = Library {
            questionnaire,
            saved: StoredValue::new(BTreeMap::new()),
            store: StoredValue::new_local(None),
            edits: StoredValue::new(0),
            unsaved: RwSignal::new(false),
            storage: RwSignal::new(Storage::Opening),
            ready: RwSignal::new(false),
            count: RwSignal::new(0),
            drafts: RwSignal::new(Vec::new()),
            listed: StoredValue::new(false),
        };
        spawn_local(library.read_storage());
        library
    }

    async fn read_storage(self) {
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
        self.count.set(self.saved.with_value(BTreeMap::len));
        self.ready.set(true);
    }

    /// The drafts, the most recently changed first: each stored draft is read (for its name and
    /// progress) the first time this is asked, once storage has been read.
    pub fn list(self) -> RwSignal<Vec<DraftEntry>> {
        if !self.listed.get_value() && self.ready.get_untracked() {
            self.refresh_list();
        }
        self.drafts
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

    /// Notes an edit of the open draft, not written yet.
    pub fn edited(self) {
        self.edits.update_value(|edits| *edits += 1);
        if !self.unsaved.get_untracked() {
            self.unsaved.set(true);
        }
    }

    /// Notes that the open draft holds nothing that is not written.
    pub fn up_to_date(self) {
        if self.store.with_value(Option::is_some) {
            self.unsaved.set(false);
        }
    }

    /// Rebuilds the drafts list from the memory copy.
    fn refresh_list(self) {
        let questionnaire = self.questionnaire;
        let entries = self.saved.with_value(|saved| {
            let mut entries: Vec<DraftEntry> = saved
                .iter()
                .map(|(id, json)| match Draft::from_json(json, questionnaire) {
                    Ok(draft) => DraftEntry::of(questionnaire, &draft),
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
        self.listed.set_value(true);
        self.count.set(entries.len());
        self.drafts.set(entries);
    }

    /// After drafts were added or removed: the count, and the list if it is shown.
    fn changed(self) {
        if self.listed.get_value() {
            self.refresh_list();
        } else {
            self.count.set(self.saved.with_value(BTreeMap::len));
        }
    }

    /// The JSON of a stored draft (also of one that cannot be opened, so it can be exported).
    pub fn saved_json(self, id: &str) -> Option<String> {
        self.saved.with_value(|saved| saved.get(id).cloned())
    }

    /// Writes the open draft: `entry` lists it. A finished write of the latest edit says
    /// everything is saved.
    pub fn put_open(self, entry: DraftEntry, json: String) {
        self.put(entry, json, Some(self.edits.get_value()));
    }

    /// Renames a draft that is not open.
    pub fn rename(self, id: &str, name: &str) -> Result<(), String> {
        let json = self.saved_json(id).ok_or("This draft is gone.")?;
        let mut draft = Draft::from_json(&json, self.questionnaire).map_err(|e| e.to_string())?;
        name.clone_into(&mut draft.name);
        draft.updated_at = now();
        let json = draft.to_json();
        self.put(DraftEntry::of(self.questionnaire, &draft), json, None);
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
        if self.listed.get_value() {
            self.drafts.update(|entries| {
                entries.retain(|listed| listed.id != id);
                entries.insert(0, entry);
            });
        }
        let count = self.saved.with_value(BTreeMap::len);
        if self.count.get_untracked() != count {
            self.count.set(count);
        }
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
        self.saved.update_value(|saved| {
            saved.remove(id);
        });
        self.changed();
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
        self.saved.update_value(BTreeMap::clear);
        self.changed();
        if let Some(store) = self.store.get_value() {
            spawn_local(async move {
                if let Err(error) = store.clear().await {
                    self.lose_storage(&error);
                }
            });
        }
    }
}
