//! The findings of the open draft, worked out in a Web Worker that runs the rules (`src/bin/
//! assess.rs`, [`worker`]): the rules and their texts are not in the partner's first download, and
//! their work does not hold up the page. The worker starts once the draft's first step has been
//! drawn; it is started and checked like every worker of the build ([`crate::platform::worker`],
//! `<meta name="vcsp-intake-assess">`).
//!
//! Messages: to the worker `{tag, answers, evidence?}` (`Answers::entries_json`; the
//! evidence imported from collectors' exports only when it is not what was last sent, `null` for
//! none); from it `{kind: "ready"}`, `{kind: "assessed", tag, assessment}` (the assessment's JSON,
//! as `intake assess --format json` writes it) or `{kind: "failed", tag, message}`.
//!
//! One assessment is under way at a time: answers given meanwhile wait, and only the latest of
//! them is sent when it is done.

pub mod worker;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use intake_core::answers::Answers;
use intake_core::evidence::Evidence;
use intake_core::rules::owned::Assessment;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use crate::platform::worker::{self as workers, get, set};

/// What became of a request.
pub struct Reply {
    /// The tag it was sent with.
    pub tag: u64,
    pub outcome: Result<Assessment, String>,
}

/// Answers waiting to be assessed.
struct Request {
    tag: u64,
    answers: String,
    evidence: Option<Arc<Evidence>>,
}

/// Where the worker stands.
#[derive(Default)]
enum Stage {
    /// Not started yet: nothing has been asked.
    #[default]
    Idle,
    /// Started, its Wasm not yet running.
    Starting,
    /// Running; `busy` while an assessment is under way.
    Ready { worker: Worker, busy: bool },
    /// It could not start, or stopped: why.
    Broken(String),
}

struct State {
    stage: Stage,
    /// The latest answers not yet sent.
    waiting: Option<Request>,
    /// The evidence the worker holds, as last sent.
    evidence: Option<Option<Arc<Evidence>>>,
    on: Rc<dyn Fn(Reply)>,
}

/// The assessment of answers sent as [`Answers::entries_json`], with the evidence, as JSON.
type Assess = fn(&str, Option<Arc<Evidence>>) -> Result<String, String>;

thread_local! {
    /// In the browser tests, which have no worker module: the assessment run on the page.
    static ON_THE_PAGE: Cell<Option<Assess>> = const { Cell::new(None) };
}

/// Runs the assessment on the page rather than in a worker, for the browser tests (`tests/web.rs`),
/// which run without the build's other modules. The app never calls it.
pub fn on_the_page() {
    ON_THE_PAGE.with(|on| on.set(Some(worker::assess)));
}

/// The open draft's assessor: hands answers to the worker and their findings to `on`.
#[derive(Clone)]
pub struct Assessor(Rc<RefCell<State>>);

impl Assessor {
    pub fn new(on: impl Fn(Reply) + 'static) -> Assessor {
        Assessor(Rc::new(RefCell::new(State {
            stage: Stage::Idle,
            waiting: None,
            evidence: None,
            on: Rc::new(on),
        })))
    }

    /// Asks for the findings of `answers`; `tag` comes back with them.
    pub fn assess(&self, tag: u64, answers: &Answers) {
        let request = Request {
            tag,
            answers: answers.entries_json(),
            evidence: answers.evidence.clone(),
        };
        if let Some(assess) = ON_THE_PAGE.with(Cell::get) {
            let on = self.0.borrow().on.clone();
            spawn_local(async move {
                let outcome = assess(&request.answers, request.evidence)
                    .and_then(|json| Assessment::from_json(&json));
                on(Reply { tag, outcome });
            });
            return;
        }
        let broken = match &self.0.borrow().stage {
            Stage::Broken(reason) => Some(reason.clone()),
            _ => None,
        };
        if let Some(reason) = broken {
            let on = self.0.borrow().on.clone();
            spawn_local(async move {
                on(Reply {
                    tag,
                    outcome: Err(reason),
                })
            });
            return;
        }
        self.0.borrow_mut().waiting = Some(request);
        let idle = matches!(self.0.borrow().stage, Stage::Idle);
        if idle {
            self.start();
        } else {
            self.send_waiting();
        }
    }

    fn start(&self) {
        self.0.borrow_mut().stage = Stage::Starting;
        let assessor = self.clone();
        spawn_local(async move {
            match workers::start("vcsp-intake-assess").await {
                Ok(worker) => assessor.listen(worker),
                Err(reason) => assessor.broken(format!("it could not be started: {reason}")),
            }
        });
    }

    fn listen(&self, worker: Worker) {
        let on_message = {
            let assessor = self.clone();
            let worker = worker.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                let tag = get(&data, "tag").as_f64().unwrap_or(0.0) as u64;
                match get(&data, "kind").as_string().as_deref() {
                    Some("ready") => {
                        assessor.0.borrow_mut().stage = Stage::Ready {
                            worker: worker.clone(),
                            busy: false,
                        };
                        assessor.send_waiting();
                    }
                    Some("assessed") => {
                        let json = get(&data, "assessment").as_string().unwrap_or_default();
                        assessor.done(Reply {
                            tag,
                            outcome: Assessment::from_json(&json)
                                .map_err(|error| format!("its answer could not be read: {error}")),
                        });
                    }
                    Some("failed") => {
                        let message = get(&data, "message")
                            .as_string()
                            .unwrap_or_else(|| "no reason given".to_owned());
                        if tag == 0 {
                            worker.terminate();
                            assessor.broken(format!("it did not start: {message}"));
                        } else {
                            assessor.done(Reply {
                                tag,
                                outcome: Err(message),
                            });
                        }
                    }
                    _ => {}
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error = {
            let assessor = self.clone();
            let worker = worker.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                event.prevent_default();
                worker.terminate();
                assessor.broken("it stopped with an error".to_owned());
            })
        };
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
    }

    /// Sends the waiting answers if the worker is free.
    fn send_waiting(&self) {
        let mut state = self.0.borrow_mut();
        let State {
            stage,
            waiting,
            evidence,
            ..
        } = &mut *state;
        let Stage::Ready { worker, busy } = stage else {
            return;
        };
        if *busy {
            return;
        }
        let Some(request) = waiting.take() else {
            return;
        };
        let message = js_sys::Object::new();
        set(&message, "tag", &(request.tag as f64).into());
        set(&message, "answers", &request.answers.into());
        let same = evidence
            .as_ref()
            .is_some_and(|sent| match (sent, &request.evidence) {
                (Some(sent), Some(now)) => Arc::ptr_eq(sent, now),
                (None, None) => true,
                _ => false,
            });
        if !same {
            let json = request
                .evidence
                .as_ref()
                .map_or_else(|| "null".to_owned(), |evidence| evidence.to_json());
            set(&message, "evidence", &json.into());
            *evidence = Some(request.evidence);
        }
        *busy = true;
        let _ = worker.post_message(&message);
    }

    fn done(&self, reply: Reply) {
        if let Stage::Ready { busy, .. } = &mut self.0.borrow_mut().stage {
            *busy = false;
        }
        let on = self.0.borrow().on.clone();
        on(reply);
        self.send_waiting();
    }

    /// The worker cannot assess: every request from now on, and the one waiting, get why.
    fn broken(&self, reason: String) {
        let (on, waiting) = {
            let mut state = self.0.borrow_mut();
            state.stage = Stage::Broken(reason.clone());
            (state.on.clone(), state.waiting.take())
        };
        if let Some(request) = waiting {
            on(Reply {
                tag: request.tag,
                outcome: Err(reason),
            });
        }
    }
}
