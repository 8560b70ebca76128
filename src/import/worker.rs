//! The evidence reader's side, in its Web Worker: it waits for the files picked, reads them with
//! [`evidence::read_picked`], says how far it is after each export, and answers with the evidence
//! as JSON and why any file could not be read. The page ([`super::reader`]) starts it, sends the
//! files and ends it when the person cancels.
//!
//! Messages are plain objects: to the worker `{files: [{name, bytes}]}`; from it `{kind: "ready"}`,
//! `{kind: "progress", done, total, what}`, `{kind: "done", evidence, refused: [text]}`.

use intake_core::evidence::{self, Picked};
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
    let files: Vec<Picked> = js_sys::Array::from(&get(data, "files"))
        .iter()
        .map(|file| Picked {
            name: get(&file, "name").as_string().unwrap_or_default(),
            bytes: js_sys::Uint8Array::new(&get(&file, "bytes")).to_vec(),
        })
        .collect();
    let read = evidence::read_picked(&files, &mut |done, total, what| {
        let progress = message("progress");
        set(&progress, "done", &(done as u32).into());
        set(&progress, "total", &(total as u32).into());
        set(&progress, "what", &what.into());
        let _ = scope.post_message(&progress);
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
