//! Draft and review storage in a real browser's IndexedDB: wasm-bindgen-test in headless Chromium (see
//! README.md). The tests share one database, so each clears it first.
#![cfg(target_arch = "wasm32")]

use vcsp_intake::storage::{KeptExport, SavedReview, StorageError, Store};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// An open store with no drafts in it.
async fn empty_store() -> Store {
    let store = Store::open().await.expect("IndexedDB opens in Chromium");
    store.clear().await.expect("the store clears");
    store
}

/// Runs a script in the test page, to stand in for a browser that refuses.
fn run_js(script: &str) {
    js_sys::eval(script).expect("the script runs");
}

fn owned(drafts: &[(&str, &str)]) -> Vec<(String, String)> {
    drafts
        .iter()
        .map(|&(id, json)| (id.to_owned(), json.to_owned()))
        .collect()
}

#[wasm_bindgen_test]
async fn a_put_draft_is_listed_and_outlives_the_connection() {
    let store = empty_store().await;
    store
        .put("draft-1", r#"{"a":1}"#)
        .await
        .expect("the draft is saved");
    assert_eq!(store.all().await, Ok(owned(&[("draft-1", r#"{"a":1}"#)])));
    drop(store);
    let reopened = Store::open().await.expect("IndexedDB opens again");
    assert_eq!(
        reopened.all().await,
        Ok(owned(&[("draft-1", r#"{"a":1}"#)]))
    );
}

#[wasm_bindgen_test]
async fn put_replaces_a_draft_with_the_same_id() {
    let store = empty_store().await;
    store.put("b", "1").await.expect("the draft is saved");
    store.put("a", "2").await.expect("the draft is saved");
    store.put("b", "3").await.expect("the draft is replaced");
    assert_eq!(store.all().await, Ok(owned(&[("a", "2"), ("b", "3")])));
}

#[wasm_bindgen_test]
async fn delete_removes_only_that_draft() {
    let store = empty_store().await;
    store.put("a", "1").await.expect("the draft is saved");
    store.put("b", "2").await.expect("the draft is saved");
    store.delete("a").await.expect("the draft is deleted");
    store
        .delete("never-saved")
        .await
        .expect("deleting a missing draft is not an error");
    assert_eq!(store.all().await, Ok(owned(&[("b", "2")])));
}

#[wasm_bindgen_test]
async fn clear_removes_every_draft() {
    let store = empty_store().await;
    store.put("a", "1").await.expect("the draft is saved");
    store.put("b", "2").await.expect("the draft is saved");
    store.clear().await.expect("the store clears");
    assert_eq!(store.all().await, Ok(Vec::new()));
}

#[wasm_bindgen_test]
async fn ids_with_odd_characters_round_trip_in_utf16_order() {
    let store = empty_store().await;
    let ids = [
        "",
        " ",
        "a/b\\c?d#e&f=g%20",
        "quote\"'`",
        "line\nbreak\ttab\0nul",
        "日本語",
        "\u{FF5E}",
        "crab 🦀",
        "🦀",
        "e\u{301}",
        "é",
    ];
    for (n, id) in ids.iter().enumerate() {
        store
            .put(id, &n.to_string())
            .await
            .unwrap_or_else(|error| panic!("{id:?} is saved: {error}"));
    }
    // IndexedDB orders string keys by UTF-16 code units, so 🦀 (a surrogate pair) comes before
    // U+FF5E although it is the larger code point.
    let mut expected: Vec<(String, String)> = ids
        .iter()
        .enumerate()
        .map(|(n, id)| (id.to_string(), n.to_string()))
        .collect();
    expected.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    assert_eq!(store.all().await, Ok(expected));
}

#[wasm_bindgen_test]
async fn a_one_megabyte_draft_round_trips() {
    let store = empty_store().await;
    let chunk = "backup window 22:00–06:00, 🦀 \\\"quoted\\\"\\n";
    let json = format!(
        r#"{{"notes":"{}"}}"#,
        chunk.repeat((1 << 20) / chunk.len() + 1)
    );
    assert!(json.len() >= 1 << 20, "{} bytes", json.len());
    store.put("big", &json).await.expect("the draft is saved");
    assert_eq!(store.all().await, Ok(vec![("big".to_owned(), json)]));
}

#[wasm_bindgen_test]
async fn a_full_quota_is_reported_as_full() {
    let store = empty_store().await;
    run_js(
        "globalThis.savedPut = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.put = function () {
             throw new DOMException('full', 'QuotaExceededError');
         };",
    );
    let result = store.put("draft-1", "{}").await;
    run_js(
        "IDBObjectStore.prototype.put = globalThis.savedPut;
         delete globalThis.savedPut;",
    );
    assert_eq!(result, Err(StorageError::Full));
    assert_eq!(store.all().await, Ok(Vec::new()));
    assert!(
        StorageError::Full.to_string().contains("storage is full"),
        "the message says what happened"
    );
}

#[wasm_bindgen_test]
async fn a_refused_open_is_reported_as_unavailable() {
    run_js(
        "globalThis.savedOpen = IDBFactory.prototype.open;
         IDBFactory.prototype.open = function () {
             throw new DOMException('denied', 'SecurityError');
         };",
    );
    let result = Store::open().await;
    run_js(
        "IDBFactory.prototype.open = globalThis.savedOpen;
         delete globalThis.savedOpen;",
    );
    match result {
        Err(StorageError::Unavailable(reason)) => {
            assert!(reason.contains("SecurityError"), "{reason}")
        }
        other => panic!("expected Unavailable, got {other:?}"),
    }
    Store::open()
        .await
        .expect("IndexedDB opens again once allowed");
}

#[wasm_bindgen_test]
async fn a_missing_or_throwing_indexed_db_is_reported_as_unavailable() {
    run_js(
        "globalThis.savedIndexedDb = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
         Object.defineProperty(globalThis, 'indexedDB', {
             configurable: true,
             get() { throw new DOMException('denied', 'SecurityError'); },
         });",
    );
    let throwing = Store::open().await;
    run_js(
        "Object.defineProperty(globalThis, 'indexedDB', { configurable: true, value: undefined });",
    );
    let missing = Store::open().await;
    run_js(
        "Object.defineProperty(globalThis, 'indexedDB', globalThis.savedIndexedDb);
         delete globalThis.savedIndexedDb;",
    );
    assert!(
        matches!(throwing, Err(StorageError::Unavailable(_))),
        "{throwing:?}"
    );
    assert!(
        matches!(missing, Err(StorageError::Unavailable(_))),
        "{missing:?}"
    );
    Store::open()
        .await
        .expect("IndexedDB opens again once restored");
}

#[wasm_bindgen_test]
async fn a_blocked_open_is_reported_as_unavailable() {
    // A stand-in request that reports being blocked, as a real one does while another tab holds an
    // older version of the database open.
    run_js(
        "globalThis.savedOpen = IDBFactory.prototype.open;
         IDBFactory.prototype.open = function () {
             const request = {};
             setTimeout(() => request.onblocked(new Event('blocked')), 0);
             return request;
         };",
    );
    let result = Store::open().await;
    run_js(
        "IDBFactory.prototype.open = globalThis.savedOpen;
         delete globalThis.savedOpen;",
    );
    assert!(
        matches!(result, Err(StorageError::Unavailable(_))),
        "{result:?}"
    );
}

fn review(key: &str, bundle: &[u8], json: &str) -> SavedReview {
    SavedReview {
        key: key.to_owned(),
        name: format!("{key}.intake.zip"),
        bundle: bundle.to_vec(),
        review: json.to_owned(),
    }
}

#[wasm_bindgen_test]
async fn reviews_keep_their_bundle_bytes_and_are_replaced_deleted_and_cleared() {
    let store = empty_store().await;
    let bytes: Vec<u8> = (0..=255).cycle().take(100_000).collect();
    store
        .put_review(&review("b", &bytes, "{}"))
        .await
        .expect("the review is saved");
    store
        .put_review(&review("a", b"PK", "{\"n\":1}"))
        .await
        .expect("the review is saved");
    store
        .put_review(&review("a", b"PK2", "{\"n\":2}"))
        .await
        .expect("the review is replaced");
    assert_eq!(
        store.reviews().await,
        Ok(vec![
            review("a", b"PK2", "{\"n\":2}"),
            review("b", &bytes, "{}")
        ])
    );
    store.put("draft", "1").await.expect("a draft is saved");
    store
        .delete_review("a")
        .await
        .expect("the review is deleted");
    assert_eq!(store.reviews().await, Ok(vec![review("b", &bytes, "{}")]));
    assert_eq!(
        store.all().await,
        Ok(owned(&[("draft", "1")])),
        "drafts untouched"
    );
    store.clear().await.expect("the stores clear");
    assert_eq!(store.reviews().await, Ok(Vec::new()));
    assert_eq!(store.all().await, Ok(Vec::new()));
}

#[wasm_bindgen_test]
async fn a_version_1_database_is_upgraded_and_keeps_its_drafts() {
    drop(empty_store().await);
    let made = js_sys::eval(
        r#"new Promise((resolve, reject) => {
            const gone = indexedDB.deleteDatabase("vcsp-intake");
            gone.onerror = () => reject(gone.error);
            gone.onsuccess = () => {
                const open = indexedDB.open("vcsp-intake", 1);
                open.onupgradeneeded = () => open.result.createObjectStore("drafts");
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                    const db = open.result;
                    const tx = db.transaction("drafts", "readwrite");
                    tx.objectStore("drafts").put('{"old":true}', "old-draft");
                    tx.oncomplete = () => { db.close(); resolve(); };
                    tx.onerror = () => reject(tx.error);
                };
            };
        })"#,
    )
    .expect("the script runs");
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(made))
        .await
        .expect("a version 1 database is made");
    let store = Store::open().await.expect("the old database opens");
    assert_eq!(
        store.all().await,
        Ok(owned(&[("old-draft", r#"{"old":true}"#)]))
    );
    assert_eq!(
        store.reviews().await,
        Ok(Vec::new()),
        "the reviews store exists"
    );
    assert_eq!(
        store.exports("old-draft").await,
        Ok(Vec::new()),
        "the exports store exists"
    );
}

/// A file as the import keeps it: a Blob of these bytes.
fn export(name: &str, bytes: &[u8]) -> KeptExport {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    KeptExport {
        name: name.to_owned(),
        file: web_sys::Blob::new_with_u8_array_sequence(&parts).expect("a blob"),
    }
}

/// A kept export's name and bytes, read back from the browser.
async fn contents(export: &KeptExport) -> (String, Vec<u8>) {
    let buffer = wasm_bindgen_futures::JsFuture::from(export.file.array_buffer())
        .await
        .expect("the file reads");
    (
        export.name.clone(),
        js_sys::Uint8Array::new(&buffer).to_vec(),
    )
}

#[wasm_bindgen_test]
async fn exports_are_kept_per_draft_as_files_and_go_with_their_draft() {
    let store = empty_store().await;
    let xlsx: Vec<u8> = (0..=255).cycle().take(300_000).collect();
    store.put("a", "{}").await.expect("a draft is saved");
    store.put("b", "{}").await.expect("a draft is saved");
    store
        .put_exports(
            "a",
            &[
                export("RVTools_export_all.xlsx", &xlsx),
                export("vHC/localhost_vbrinfo.csv", b"Version\n12.3\n"),
            ],
        )
        .await
        .expect("kept");
    store
        .put_exports("b", &[export("vHC.zip", b"PK")])
        .await
        .expect("kept");
    drop(store);
    let store = Store::open().await.expect("IndexedDB opens again");
    let kept = store.exports("a").await.expect("read");
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0].bytes(), 300_000);
    assert_eq!(
        contents(&kept[0]).await,
        ("RVTools_export_all.xlsx".to_owned(), xlsx)
    );
    assert_eq!(
        contents(&kept[1]).await,
        (
            "vHC/localhost_vbrinfo.csv".to_owned(),
            b"Version\n12.3\n".to_vec()
        )
    );
    assert_eq!(store.exports("none").await, Ok(Vec::new()));

    // Keeping none removes them; deleting a draft removes its exports, not another's.
    store.put_exports("a", &[]).await.expect("removed");
    assert_eq!(store.exports("a").await, Ok(Vec::new()));
    store.delete("b").await.expect("deleted");
    assert_eq!(store.exports("b").await, Ok(Vec::new()));
    store
        .put_exports("a", &[export("vHC.zip", b"PK")])
        .await
        .expect("kept");
    store.clear().await.expect("cleared");
    assert_eq!(store.exports("a").await, Ok(Vec::new()));
}
