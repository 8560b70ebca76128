//! The page's side of the evidence reader: a Web Worker running a Wasm module of its own
//! (`src/bin/evidence.rs`, [`super::worker`]), started on first import so that neither its code nor
//! its work weighs on the page; started and checked like every worker of the build
//! ([`crate::platform::worker`], `<meta name="vcsp-intake-evidence">`).

use std::cell::RefCell;
use std::rc::Rc;

use intake_core::evidence::Evidence;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use super::{get, set};
use crate::platform::worker;

/// What the reader says.
#[derive(Debug, Clone)]
pub enum Update {
    /// `done` of `total` exports read; `what` is being read now.
    Progress { done: u32, total: u32, what: String },
    /// Everything read: the evidence, and why each file not read was refused.
    Done {
        evidence: Box<Evidence>,
        refused: Vec<String>,
    },
    /// A portfolio of bundles read: its report as JSON (`PortfolioReport`), HTML and CSV.
    Portfolio {
        json: String,
        html: String,
        csv: String,
    },
    /// The reader could not run.
    Failed(String),
}

/// What the worker is given to read.
enum Job {
    /// Collectors' exports, into evidence.
    Evidence(Vec<File>),
    /// Findings bundles, into a portfolio; each read by the worker from the file itself, one at
    /// a time, so a few hundred take no more memory than the largest.
    Portfolio {
        bundles: Vec<web_sys::File>,
        with_names: bool,
    },
}

/// A file picked: its name (with its folder, for a folder's files) and its contents.
pub struct File {
    pub name: String,
    pub bytes: js_sys::ArrayBuffer,
}

/// A reading under way; [`Reading::cancel`] ends it.
#[derive(Clone, Default)]
pub struct Reading {
    worker: Rc<RefCell<Option<Worker>>>,
    cancelled: Rc<RefCell<bool>>,
}

impl Reading {
    /// Stops the worker; nothing more is said.
    pub fn cancel(&self) {
        *self.cancelled.borrow_mut() = true;
        if let Some(worker) = self.worker.borrow_mut().take() {
            worker.terminate();
        }
    }
}

/// Reads `files` in the worker, telling `on` how far it is and what it found. `on` is called on
/// the page's thread, after the call returns.
pub fn read(files: Vec<File>, on: impl Fn(Update) + 'static) -> Reading {
    run(Job::Evidence(files), on)
}

/// Reads findings `bundles` into a portfolio in the worker, telling `on` how far it is and, at
/// the end, the report ([`Update::Portfolio`]).
pub fn portfolio(
    bundles: Vec<web_sys::File>,
    with_names: bool,
    on: impl Fn(Update) + 'static,
) -> Reading {
    run(
        Job::Portfolio {
            bundles,
            with_names,
        },
        on,
    )
}

fn run(job: Job, on: impl Fn(Update) + 'static) -> Reading {
    let reading = Reading::default();
    let on = Rc::new(on);
    let state = reading.clone();
    spawn_local(async move {
        let fail = |reason: &str| {
            on(Update::Failed(format!(
                "The reader could not be started ({reason})."
            )))
        };
        let worker = match worker::start("vcsp-intake-evidence").await {
            Ok(worker) => worker,
            Err(reason) => {
                fail(&reason);
                return;
            }
        };
        if *state.cancelled.borrow() {
            worker.terminate();
            return;
        }
        let pending = RefCell::new(Some(job));
        let listener = {
            let on = on.clone();
            let worker = worker.clone();
            let state = state.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                if *state.cancelled.borrow() {
                    return;
                }
                let data = event.data();
                match get(&data, "kind").as_string().as_deref() {
                    Some("ready") => match pending.borrow_mut().take() {
                        Some(Job::Evidence(files)) => send(&worker, files),
                        Some(Job::Portfolio {
                            bundles,
                            with_names,
                        }) => send_bundles(&worker, &bundles, with_names),
                        None => {}
                    },
                    Some("progress") => on(Update::Progress {
                        done: get(&data, "done").as_f64().unwrap_or(0.0) as u32,
                        total: get(&data, "total").as_f64().unwrap_or(0.0) as u32,
                        what: get(&data, "what").as_string().unwrap_or_default(),
                    }),
                    Some("done") if get(&data, "portfolio").is_string() => {
                        worker.terminate();
                        state.worker.borrow_mut().take();
                        let text = |key: &str| get(&data, key).as_string().unwrap_or_default();
                        on(Update::Portfolio {
                            json: text("portfolio"),
                            html: text("html"),
                            csv: text("csv"),
                        });
                    }
                    Some("done") => {
                        worker.terminate();
                        state.worker.borrow_mut().take();
                        let text = get(&data, "evidence").as_string().unwrap_or_default();
                        let refused = js_sys::Array::from(&get(&data, "refused"))
                            .iter()
                            .filter_map(|reason| reason.as_string())
                            .collect();
                        on(match Evidence::from_json(&text) {
                            Ok(evidence) => Update::Done {
                                evidence: Box::new(evidence),
                                refused,
                            },
                            Err(error) => Update::Failed(format!(
                                "The reader's answer could not be read ({error})."
                            )),
                        });
                    }
                    Some("failed") => {
                        worker.terminate();
                        state.worker.borrow_mut().take();
                        on(Update::Failed(format!(
                            "The reader could not be started ({}).",
                            get(&data, "message")
                                .as_string()
                                .unwrap_or_else(|| "no reason given".to_owned())
                        )));
                    }
                    _ => {}
                }
            })
        };
        worker.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        listener.forget();
        let on_error = {
            let on = on.clone();
            let state = state.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                event.prevent_default();
                if *state.cancelled.borrow() {
                    return;
                }
                if let Some(worker) = state.worker.borrow_mut().take() {
                    worker.terminate();
                }
                on(Update::Failed(
                    "The reader stopped with an error before it finished: the files were not \
                     imported, and the draft is as it was."
                        .to_owned(),
                ));
            })
        };
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        *state.worker.borrow_mut() = Some(worker);
    });
    reading
}

/// Hands the bundles to the worker: the files themselves, which it reads one at a time.
fn send_bundles(worker: &Worker, bundles: &[web_sys::File], with_names: bool) {
    let list: js_sys::Array = bundles.iter().map(JsValue::from).collect();
    let message = js_sys::Object::new();
    set(&message, "bundles", &list);
    set(&message, "with_names", &with_names.into());
    let _ = worker.post_message(&message);
}

/// Hands the files to the worker, moving their bytes rather than copying them.
fn send(worker: &Worker, files: Vec<File>) {
    let list = js_sys::Array::new();
    let transfer = js_sys::Array::new();
    for file in files {
        let entry = js_sys::Object::new();
        set(&entry, "name", &file.name.into());
        set(&entry, "bytes", &file.bytes);
        transfer.push(&file.bytes);
        list.push(&entry);
    }
    let message = js_sys::Object::new();
    set(&message, "files", &list);
    let _ = worker.post_message_with_transfer(&message, &transfer);
}
