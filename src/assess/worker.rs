//! The assessment's side, in its Web Worker: it holds the evidence last sent, assesses each set of
//! answers the page sends ([`super`] says the messages) and answers with the assessment's JSON.

use std::cell::RefCell;
use std::sync::Arc;

use intake_core::answers::Answers;
use intake_core::evidence::Evidence;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{Config, assess as assessment};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::platform::worker::{get, set};

/// Assesses the answers `Answers::entries_json` wrote, with `evidence`: the assessment as JSON.
pub fn assess(answers: &str, evidence: Option<Arc<Evidence>>) -> Result<String, String> {
    let questionnaire = Questionnaire::builtin()
        .map_err(|error| format!("the questionnaire is broken: {error}"))?;
    let answers = Answers::from_entries_json(answers, evidence)
        .map_err(|error| format!("the answers sent: {error}"))?;
    Ok(assessment(questionnaire, &answers, &Config::default()).to_json())
}

/// Listens for answers to assess, then says it is ready.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let held: RefCell<Option<Arc<Evidence>>> = RefCell::new(None);
    let listener = {
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let tag = get(&data, "tag");
            let reply = js_sys::Object::new();
            set(&reply, "tag", &tag);
            let evidence = get(&data, "evidence");
            let read = if evidence.is_undefined() {
                Ok(())
            } else {
                match evidence.as_string().as_deref() {
                    Some("null") => {
                        held.replace(None);
                        Ok(())
                    }
                    Some(json) => Evidence::from_json(json)
                        .map(|evidence| {
                            held.replace(Some(Arc::new(evidence)));
                        })
                        .map_err(|error| format!("the evidence sent: {error}")),
                    None => Err("the evidence sent is not text".to_owned()),
                }
            };
            let answers = get(&data, "answers").as_string().unwrap_or_default();
            match read.and_then(|()| assess(&answers, held.borrow().clone())) {
                Ok(json) => {
                    set(&reply, "kind", &"assessed".into());
                    set(&reply, "assessment", &json.into());
                }
                Err(message) => {
                    set(&reply, "kind", &"failed".into());
                    set(&reply, "message", &message.into());
                }
            }
            let _ = scope.post_message(&reply);
        })
    };
    scope.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    listener.forget();
    let ready = js_sys::Object::new();
    set(&ready, "kind", &"ready".into());
    let _ = scope.post_message(&ready);
}
