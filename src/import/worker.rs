//! The evidence reader's side, in its Web Worker: it waits for the files picked, reads them with
//! [`evidence::read_picked`], says how far it is after each export, and answers with the evidence
//! as JSON and why any file could not be read. The page ([`super::reader`]) starts it, sends the
//! files and ends it when the person cancels.
//!
//! Messages are plain objects: to the worker `{files: [{name, bytes}]}`; from it `{kind: "ready"}`,
//! `{kind: "progress", done, total, what}`, `{kind: "done", evidence, refused: [text]}`.

use intake_core::bundle::{self, portfolio::Portfolio};
use intake_core::evidence::{self, Picked};
use intake_core::questionnaire::Questionnaire;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::{get, set};

fn message(kind: &str) -> js_sys::Object {
    let object = js_sys::Object::new();
    set(&object, "kind", &kind.into());
    object
}

/// Listens for the files to read, then says it is ready.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let listener = {
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let reply = read(&scope, &event.data());
            let _ = scope.post_message(&reply);
        })
    };
    scope.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    listener.forget();
    let _ = scope.post_message(&message("ready"));
}

/// Reads the files of one message, telling the page how far it is.
fn read(scope: &DedicatedWorkerGlobalScope, data: &JsValue) -> JsValue {
    if !get(data, "bundles").is_undefined() {
        return portfolio(scope, data);
    }
    let files: Vec<Picked> = js_sys::Array::from(&get(data, "files"))
        .iter()
        .map(|file| Picked {
            name: get(&file, "name").as_string().unwrap_or_default(),
            bytes: js_sys::Uint8Array::new(&get(&file, "bytes")).to_vec(),
        })
        .collect();
    let read = evidence::read_picked(&files, &mut |done, total, what| {
        progress(scope, done, total, what);
    });
    let done = message("done");
    set(&done, "evidence", &read.evidence.to_json().into());
    let refused: js_sys::Array = read
        .refused
        .iter()
        .map(|error| JsValue::from(error.to_string()))
        .collect();
    set(&done, "refused", &refused);
    done.into()
}

/// Tells the page how far the reading is.
fn progress(scope: &DedicatedWorkerGlobalScope, done: usize, total: usize, what: &str) {
    let progress = message("progress");
    set(&progress, "done", &(done as u32).into());
    set(&progress, "total", &(total as u32).into());
    set(&progress, "what", &what.into());
    let _ = scope.post_message(&progress);
}

/// Reads findings bundles into a portfolio, one file at a time (each read from its `File` here,
/// so only one bundle's bytes are held at once); a file that is not a readable bundle is listed
/// with the reason and the rest still count.
fn portfolio(scope: &DedicatedWorkerGlobalScope, data: &JsValue) -> JsValue {
    let failed = |reason: &str| {
        let failed = message("failed");
        set(&failed, "message", &reason.into());
        failed.into()
    };
    let Ok(questionnaire) = Questionnaire::builtin() else {
        return failed("the questionnaire is broken");
    };
    let Ok(reader) = web_sys::FileReaderSync::new() else {
        return failed("this browser cannot read files in a worker");
    };
    let files = js_sys::Array::from(&get(data, "bundles"));
    let with_names = get(data, "with_names").as_bool().unwrap_or(false);
    let total = files.length() as usize;
    let mut portfolio = Portfolio::default();
    for (index, file) in files.iter().enumerate() {
        let Ok(file) = file.dyn_into::<web_sys::File>() else {
            continue;
        };
        let name = file.name();
        progress(scope, index, total, &name);
        let read = if file.size() > bundle::MAX_BUNDLE_BYTES as f64 {
            Err(format!(
                "larger than {} MiB: not a findings bundle",
                bundle::MAX_BUNDLE_BYTES / (1024 * 1024)
            ))
        } else {
            reader
                .read_as_array_buffer(&file)
                .map_err(|_| "the browser could not read the file".to_owned())
                .and_then(|buffer| {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    bundle::read(&bytes, questionnaire).map_err(|error| error.to_string())
                })
        };
        match read {
            Ok(read) => portfolio.add(bundle::portfolio::environment(questionnaire, &read)),
            Err(reason) => portfolio.unreadable(name, reason),
        }
    }
    progress(scope, total, total, "");
    let report = portfolio.report(with_names);
    let done = message("done");
    set(&done, "portfolio", &report.to_json().into());
    set(&done, "html", &report.html().into());
    set(&done, "csv", &report.csv().into());
    done.into()
}
