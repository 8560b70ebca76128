//! Web Workers running a Wasm module of this build: the assessment's (`src/assess`) and the
//! evidence reader's (`src/import/reader.rs`). `scripts/finish-dist.mjs` names each module's files
//! by their content and writes where they are and their hashes in a `<meta>` tag.
//!
//! A worker's script cannot carry an integrity attribute, so the page first fetches it with its
//! hash (the fetch fails on a mismatch) and only then starts the worker on that same URL, which
//! the service worker and the HTTP cache answer from what was just checked; the worker loads its
//! Wasm through a request carrying the Wasm's hash, which fetch enforces.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::Worker;

/// Reads a property of a message.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Sets a property of a message.
pub fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

/// Where a worker's files are, and their hashes.
struct Module {
    script: String,
    script_integrity: String,
    wasm: String,
    wasm_integrity: String,
}

fn module(meta: &str) -> Option<Module> {
    let meta = web_sys::window()?
        .document()?
        .query_selector(&format!(r#"meta[name="{meta}"]"#))
        .ok()??;
    let attribute = |name: &str| meta.get_attribute(name).unwrap_or_default();
    Some(Module {
        script: attribute("data-script"),
        script_integrity: attribute("data-script-integrity"),
        wasm: attribute("data-wasm"),
        wasm_integrity: attribute("data-wasm-integrity"),
    })
}

/// Starts the worker whose files the `<meta name=meta>` tag names, once its script is checked,
/// and tells it where its Wasm is. Set its handlers before the first task ends: it says
/// `{kind: "ready"}` once its Wasm has started.
pub async fn start(meta: &str) -> Result<Worker, String> {
    let module = module(meta).ok_or("this build does not say where it is")?;
    check(&module).await?;
    let worker =
        Worker::new(&module.script).map_err(|_| "the browser refused to start it".to_owned())?;
    let start = js_sys::Object::new();
    set(&start, "wasm", &module.wasm.into());
    set(&start, "integrity", &module.wasm_integrity.into());
    let _ = worker.post_message(&start);
    Ok(worker)
}

/// Fetches the worker's script with its hash: fails when it is missing or not what was built.
async fn check(module: &Module) -> Result<(), String> {
    let init = web_sys::RequestInit::new();
    init.set_integrity(&module.script_integrity);
    let request = web_sys::Request::new_with_str_and_init(&module.script, &init)
        .map_err(|_| "its script cannot be requested".to_owned())?;
    let window = web_sys::window().ok_or("no window")?;
    JsFuture::from(window.fetch_with_request(&request))
        .await
        .map(|_| ())
        .map_err(|_| "offline, or its script does not match its hash".to_owned())
}
