//! Drafts and reviews in the browser's IndexedDB, so nothing typed is lost when the page closes.
//!
//! Drafts are opaque JSON strings keyed by draft id: the core writes and reads the JSON, this
//! module only keeps the strings. A review in progress is kept with the bundle it reviews (the
//! bundle's bytes and the review's JSON), keyed by the bundle manifest's SHA-256. The collectors'
//! exports a draft's evidence was imported from are kept apart from the draft, keyed by its id, as
//! the files themselves (the browser keeps them; the app reads one only to send it in a bundle).
//! Every browser failure becomes a [`StorageError`], never a panic.

use std::future::{IntoFuture, poll_fn};
use std::pin::Pin;
use std::task::Poll;

use futures_channel::oneshot;
use idb::event::VersionChangeEvent;
use idb::{
    Database, DatabaseEvent, Event, Factory, ObjectStore, ObjectStoreParams, Request, Transaction,
    TransactionMode, TransactionResult,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::IdbTransaction;

const DATABASE: &str = "vcsp-intake";
/// Bumped, with an upgrade step, whenever the stores change: 1 drafts, 2 reviews, 3 exports.
const VERSION: u32 = 3;
const DRAFTS: &str = "drafts";
const REVIEWS: &str = "reviews";
const EXPORTS: &str = "exports";
/// The `DOMException` name browsers use when the origin's storage quota is used up.
const QUOTA_EXCEEDED: &str = "QuotaExceededError";

/// Why browser storage failed, in words a user understands (Display).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// IndexedDB is missing or refused (private mode, disabled storage, blocked): the app keeps
    /// working in memory.
    Unavailable(String),
    /// The browser's storage quota is used up (DOMException QuotaExceededError, also when it
    /// surfaces as a transaction abort with that error).
    Full,
    /// Anything else, with the browser's message.
    Failed(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(reason) => write!(
                f,
                "This browser does not let the app save drafts ({reason}), so your answers are \
                 kept only while this page is open. Export your draft to keep it."
            ),
            StorageError::Full => f.write_str(
                "This browser's storage is full, so changes are no longer saved here. Export your \
                 draft to keep it.",
            ),
            StorageError::Failed(reason) => write!(
                f,
                "The browser could not read or save drafts ({reason}). Export your draft to keep \
                 it."
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// An open connection to the drafts database.
#[derive(Debug)]
pub struct Store {
    database: Database,
}

impl Store {
    /// Opens (creating or upgrading) the database "vcsp-intake" version 3 with object stores
    /// "drafts", "reviews" and "exports" (out-of-line string keys).
    pub async fn open() -> Result<Store, StorageError> {
        let factory = Factory::new().map_err(unavailable)?;
        let mut request = factory.open(DATABASE, Some(VERSION)).map_err(unavailable)?;
        request.on_upgrade_needed(upgrade);
        // An older connection elsewhere that never closes would keep the open pending forever.
        let (blocked_sender, mut blocked) = oneshot::channel();
        request.on_blocked(move |_| {
            let _ = blocked_sender.send(());
        });
        let mut opening = request.into_future();
        let database = poll_fn(|context| {
            if let Poll::Ready(Ok(())) = Pin::new(&mut blocked).poll(context) {
                return Poll::Ready(Err(StorageError::Unavailable(
                    "the drafts database is held open by another tab of this app".to_owned(),
                )));
            }
            Pin::new(&mut opening)
                .poll(context)
                .map(|opened| opened.map_err(unavailable))
        })
        .await?;
        Ok(Store { database })
    }

    /// Every stored draft as (id, json), in key order.
    pub async fn all(&self) -> Result<Vec<(String, String)>, StorageError> {
        let (_, store) = self.begin(DRAFTS, TransactionMode::ReadOnly)?;
        // Both requests list the records in key order within one transaction, so they pair up.
        let keys = store.get_all_keys(None, None).map_err(failed)?;
        let values = store.get_all(None, None).map_err(failed)?;
        let keys = keys.await.map_err(failed)?;
        let values = values.await.map_err(failed)?;
        if keys.len() != values.len() {
            return Err(StorageError::Failed(
                "the browser listed a different number of ids and drafts".to_owned(),
            ));
        }
        keys.into_iter()
            .zip(values)
            .map(|(key, value)| match (key.as_string(), value.as_string()) {
                (Some(id), Some(json)) => Ok((id, json)),
                _ => Err(StorageError::Failed(
                    "a stored draft is not text".to_owned(),
                )),
            })
            .collect()
    }

    /// Writes one draft (insert or replace); resolves only after the transaction has committed.
    pub async fn put(&self, id: &str, json: &str) -> Result<(), StorageError> {
        self.write(DRAFTS, |store| {
            store.put(&JsValue::from_str(json), Some(&JsValue::from_str(id)))
        })
        .await
    }

    /// Removes one draft and the exports kept with it; an id that was never saved is not an
    /// error.
    pub async fn delete(&self, id: &str) -> Result<(), StorageError> {
        self.write(DRAFTS, |store| store.delete(JsValue::from_str(id)))
            .await?;
        self.write(EXPORTS, |store| store.delete(JsValue::from_str(id)))
            .await
    }

    /// Removes every draft, every review and every export kept (clears the stores).
    pub async fn clear(&self) -> Result<(), StorageError> {
        for name in [DRAFTS, REVIEWS, EXPORTS] {
            self.write(name, ObjectStore::clear).await?;
        }
        Ok(())
    }

    /// The exports kept with a draft, in the order they were kept; none when there are none or
    /// the record is of another shape.
    pub async fn exports(&self, draft: &str) -> Result<Vec<KeptExport>, StorageError> {
        let (_, store) = self.begin(EXPORTS, TransactionMode::ReadOnly)?;
        let value = store
            .get(JsValue::from_str(draft))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Ok(value
            .and_then(|value| value.dyn_into::<js_sys::Array>().ok())
            .map(|list| {
                list.iter()
                    .filter_map(|v| KeptExport::from_js(&v))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Keeps `exports` with a draft, replacing what was kept; none removes the record.
    pub async fn put_exports(
        &self,
        draft: &str,
        exports: &[KeptExport],
    ) -> Result<(), StorageError> {
        let key = JsValue::from_str(draft);
        if exports.is_empty() {
            return self.write(EXPORTS, |store| store.delete(key)).await;
        }
        let list: js_sys::Array = exports.iter().map(KeptExport::to_js).collect();
        self.write(EXPORTS, |store| store.put(&list, Some(&key)))
            .await
    }

    /// Every review in progress, in key order. A record of another shape is skipped.
    pub async fn reviews(&self) -> Result<Vec<SavedReview>, StorageError> {
        let (_, store) = self.begin(REVIEWS, TransactionMode::ReadOnly)?;
        let values = store
            .get_all(None, None)
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Ok(values.iter().filter_map(SavedReview::from_js).collect())
    }

    /// Writes one review with its bundle (insert or replace), keyed by `review.key`.
    pub async fn put_review(&self, review: &SavedReview) -> Result<(), StorageError> {
        let value = review.to_js();
        self.write(REVIEWS, |store| {
            store.put(&value, Some(&JsValue::from_str(&review.key)))
        })
        .await
    }

    /// Removes one review; a key that was never saved is not an error.
    pub async fn delete_review(&self, key: &str) -> Result<(), StorageError> {
        self.write(REVIEWS, |store| store.delete(JsValue::from_str(key)))
            .await
    }

    /// Makes one request in its own read-write transaction and waits until that has committed.
    ///
    /// The transaction is committed as soon as the request is made, before anything is awaited:
    /// the browser then has both before this task ends, so the write survives the page being
    /// killed straight after (a transaction left to commit itself waits for the request's result,
    /// and is aborted if the page dies first).
    async fn write<R, T>(
        &self,
        name: &str,
        request: impl FnOnce(&ObjectStore) -> Result<R, idb::Error>,
    ) -> Result<(), StorageError>
    where
        R: IntoFuture<Output = Result<T, idb::Error>>,
    {
        let (transaction, store) = self.begin(name, TransactionMode::ReadWrite)?;
        let pending = request(&store).map_err(failed)?;
        // A browser without `commit()` throws here; the transaction then commits itself once the
        // request is done, and `committed` reports how it ended either way.
        let _ = Transaction::from(transaction.clone()).commit();
        pending.await.map_err(failed)?;
        committed(transaction).await
    }

    /// A transaction on one store. The raw transaction is returned too: idb's transaction
    /// future reports an abort without its reason, which only the raw transaction still holds.
    fn begin(
        &self,
        name: &str,
        mode: TransactionMode,
    ) -> Result<(IdbTransaction, ObjectStore), StorageError> {
        let transaction: IdbTransaction = self
            .database
            .transaction(&[name], mode)
            .map_err(failed)?
            .into();
        let store = Transaction::from(transaction.clone())
            .object_store(name)
            .map_err(failed)?;
        Ok((transaction, store))
    }
}

impl Drop for Store {
    /// Closes the connection, so it cannot block a later version of the app from upgrading.
    fn drop(&mut self) {
        self.database.close();
    }
}

/// A review in progress as stored: the bundle's file name and bytes, and the review's JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedReview {
    /// The SHA-256 of the bundle's manifest.
    pub key: String,
    pub name: String,
    pub bundle: Vec<u8>,
    pub review: String,
}

impl SavedReview {
    fn to_js(&self) -> JsValue {
        let object = js_sys::Object::new();
        for (field, value) in [
            ("key", JsValue::from_str(&self.key)),
            ("name", JsValue::from_str(&self.name)),
            (
                "bundle",
                js_sys::Uint8Array::from(self.bundle.as_slice()).into(),
            ),
            ("review", JsValue::from_str(&self.review)),
        ] {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(field), &value);
        }
        object.into()
    }

    fn from_js(value: &JsValue) -> Option<SavedReview> {
        let field = |name: &str| js_sys::Reflect::get(value, &JsValue::from_str(name)).ok();
        Some(SavedReview {
            key: field("key")?.as_string()?,
            name: field("name")?.as_string()?,
            bundle: field("bundle")?
                .dyn_into::<js_sys::Uint8Array>()
                .ok()?
                .to_vec(),
            review: field("review")?.as_string()?,
        })
    }
}

/// A collector's export kept with a draft: its name as picked (with the folder it was picked in,
/// for a folder's files) and the file itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptExport {
    pub name: String,
    pub file: web_sys::Blob,
}

impl KeptExport {
    fn to_js(&self) -> JsValue {
        let object = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&object, &"name".into(), &JsValue::from_str(&self.name));
        let _ = js_sys::Reflect::set(&object, &"file".into(), &self.file);
        object.into()
    }

    fn from_js(value: &JsValue) -> Option<KeptExport> {
        let field = |name: &str| js_sys::Reflect::get(value, &JsValue::from_str(name)).ok();
        Some(KeptExport {
            name: field("name")?.as_string()?,
            file: field("file")?.dyn_into::<web_sys::Blob>().ok()?,
        })
    }

    /// Its size in bytes.
    pub fn bytes(&self) -> usize {
        self.file.size() as usize
    }
}

/// Creates the stores a database of an older version lacks (all of them in a new one). If that
/// fails the upgrade is aborted, so the open fails instead of yielding a database without them.
fn upgrade(event: VersionChangeEvent) {
    let created = event.database().and_then(|database| {
        let present = database.store_names();
        for name in [DRAFTS, REVIEWS, EXPORTS] {
            if !present.iter().any(|found| found == name) {
                database.create_object_store(name, ObjectStoreParams::new())?;
            }
        }
        Ok(())
    });
    if created.is_err()
        && let Some(transaction) = event
            .target()
            .ok()
            .and_then(|request| request.transaction())
    {
        let _ = transaction.abort();
    }
}

/// Waits until a write transaction has committed. Browsers may report a full disk only here, as
/// an abort whose error is a QuotaExceededError.
async fn committed(transaction: IdbTransaction) -> Result<(), StorageError> {
    match Transaction::from(transaction.clone()).await {
        Ok(TransactionResult::Committed) => Ok(()),
        Ok(TransactionResult::Aborted) => Err(match transaction.error() {
            Some(error) if error.name() == QUOTA_EXCEEDED => StorageError::Full,
            Some(error) => StorageError::Failed(format!("{}: {}", error.name(), error.message())),
            None => StorageError::Failed("the browser cancelled the change".to_owned()),
        }),
        Err(error) => Err(failed(error)),
    }
}

/// An error opening the database: storage is refused, unless it is simply full.
fn unavailable(error: idb::Error) -> StorageError {
    if is_quota_exceeded(&error) {
        StorageError::Full
    } else {
        StorageError::Unavailable(error.to_string())
    }
}

/// An error reading or writing drafts.
fn failed(error: idb::Error) -> StorageError {
    if is_quota_exceeded(&error) {
        StorageError::Full
    } else {
        StorageError::Failed(error.to_string())
    }
}

/// Whether the browser refused for lack of space. idb wraps the `DOMException` differently by
/// where it surfaced: a failed request's event, or a method that threw.
fn is_quota_exceeded(error: &idb::Error) -> bool {
    let value: &JsValue = match error {
        idb::Error::DomException(exception) => exception.as_ref(),
        // idb reports a throwing getAll as GetAllKeysFailed too.
        idb::Error::ClearFailed(value)
        | idb::Error::DeleteFailed(value)
        | idb::Error::GetAllKeysFailed(value)
        | idb::Error::IndexedDbOpenFailed(value)
        | idb::Error::ObjectStoreCreateFailed(value)
        | idb::Error::TransactionOpenFailed(value)
        | idb::Error::UpdateFailed(value) => value,
        _ => return false,
    };
    value
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|exception| exception.name() == QUOTA_EXCEEDED)
}
