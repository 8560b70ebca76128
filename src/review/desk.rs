//! The review desk: the open bundle and its review in signals, and the reviews kept in this
//! browser (listing, resuming, saving at every change, forgetting) through the IndexedDB store.

use std::sync::Arc;

use intake_core::bundle::Review;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::opened::Opened;
use crate::platform::storage::SavedReview;
use intake_core::questionnaire::Questionnaire;

use crate::workspace::Library;

/// The review desk: the open bundle, its review, and the reviews kept in this browser.
#[derive(Clone, Copy)]
pub struct Desk {
    pub opened: RwSignal<Option<Arc<Opened>>>,
    pub review: RwSignal<Review>,
    /// Reviews in progress kept in this browser, as (key, file name).
    pub saved: RwSignal<Vec<(String, String)>>,
    /// The last outcome to tell: (success, message).
    pub message: RwSignal<Option<(bool, String)>>,
    /// Why the last export failed, if it did.
    pub export_outcome: RwSignal<Option<String>>,
    /// The reviewer tried to export: every problem of the review shows from then on.
    pub tried_export: RwSignal<bool>,
    /// The playbook the reviewer is walking, if any.
    pub walking: RwSignal<Option<String>>,
    pub questionnaire: &'static Questionnaire,
    /// Where reviews are kept: the browser storage drafts are kept in.
    library: Library,
}

impl Desk {
    pub fn new(questionnaire: &'static Questionnaire, library: Library) -> Desk {
        Desk {
            questionnaire,
            library,
            opened: RwSignal::new(None),
            review: RwSignal::new(Review::default()),
            saved: RwSignal::new(Vec::new()),
            message: RwSignal::new(None),
            export_outcome: RwSignal::new(None),
            tried_export: RwSignal::new(false),
            walking: RwSignal::new(None),
        }
    }

    /// Reads a picked or dropped bundle and opens it. A review already in the bundle, or one kept
    /// in this browser for the same bundle, is picked up.
    pub fn open(self, name: String, bytes: Vec<u8>) -> Result<(), String> {
        let opened = Opened::read(name, bytes, self.questionnaire)?;
        let review = opened.first_review();
        self.show(opened, review);
        self.save();
        Ok(())
    }

    fn show(self, opened: Opened, review: Review) {
        self.walking.set(None);
        self.review.set(review);
        self.opened.set(Some(Arc::new(opened)));
        self.message.set(None);
        request_animation_frame(|| crate::platform::dom::focus("review-title"));
    }

    /// Loads the list of reviews kept in this browser.
    pub fn load_saved(self) {
        let Some(store) = self.library.store() else {
            return;
        };
        spawn_local(async move {
            if let Ok(reviews) = store.reviews().await {
                self.saved
                    .set(reviews.into_iter().map(|r| (r.key, r.name)).collect());
            }
        });
    }

    /// Opens a review kept in this browser, as it was left.
    pub fn resume(self, key: String) {
        let (library, questionnaire) = (self.library, self.questionnaire);
        let Some(store) = library.store() else {
            return;
        };
        spawn_local(async move {
            let found = store
                .reviews()
                .await
                .map_err(|error| error.to_string())
                .and_then(|reviews| {
                    reviews
                        .into_iter()
                        .find(|r| r.key == key)
                        .ok_or_else(|| "That review is no longer kept in this browser.".to_owned())
                });
            let opened = found.and_then(|saved| {
                let opened = Opened::read(saved.name, saved.bundle, questionnaire)?;
                let mut review = Review::from_json(&saved.review)
                    .map_err(|error| format!("The saved review cannot be read: {error}."))?;
                review.adopt(&opened.rerun);
                Ok((opened, review))
            });
            match opened {
                Ok((opened, review)) => self.show(opened, review),
                Err(reason) => self.message.set(Some((false, reason))),
            }
        });
    }

    /// Changes the review and saves it at once, as drafts are (see `crate::workspace`).
    pub fn edit(self, change: impl FnOnce(&mut Review)) {
        self.review.update(change);
        self.save();
    }

    /// Writes the open review with its bundle to browser storage, if there is any.
    fn save(self) {
        let library = self.library;
        let (Some(store), Some(opened)) = (library.store(), self.opened.get_untracked()) else {
            return;
        };
        let review = self.review.with_untracked(Review::to_json);
        let saved = SavedReview {
            key: opened.bundle.manifest_sha256.clone(),
            name: opened.name.clone(),
            bundle: opened.bytes.clone(),
            review,
        };
        // Saves run on every keystroke: the list of kept reviews changes (and redraws) only when
        // this review is new to it.
        let listed = self
            .saved
            .with_untracked(|list| list.iter().any(|(key, _)| *key == saved.key));
        if !listed {
            self.saved
                .update(|list| list.push((saved.key.clone(), saved.name.clone())));
        }
        spawn_local(async move {
            if let Err(error) = store.put_review(&saved).await {
                library.lose_storage(&error);
            }
        });
    }

    /// Closes the open bundle; its review stays kept in this browser.
    pub fn close(self) {
        self.save();
        self.opened.set(None);
    }

    /// Closes the open bundle and forgets every review, after the storage has been cleared.
    pub fn forget_all(self) {
        self.opened.set(None);
        self.review.set(Review::default());
        self.saved.set(Vec::new());
    }

    /// Forgets a review kept in this browser.
    pub fn forget(self, key: String) {
        let library = self.library;
        self.saved.update(|list| list.retain(|(k, _)| *k != key));
        if let Some(store) = library.store() {
            spawn_local(async move {
                if let Err(error) = store.delete_review(&key).await {
                    library.lose_storage(&error);
                }
            });
        }
    }
}
