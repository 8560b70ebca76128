//! What most visits never use, in a second Wasm module loaded on first use: review mode (the tech
//! lead's), the findings bundle's writer with its reports and the anonymiser (needed when the
//! partner downloads the bundle), the playbooks (their flowcharts and steps), the rule catalogue,
//! and the import of collectors' exports (its page and what maps the evidence onto the answers).
//! The rules themselves run for the partner in a worker of their own (`src/assess`). The partner's
//! first download is the app's own module only.
//!
//! Both modules are built from this crate: `src/bin/later.rs` runs `start_later` in `lib.rs`, which
//! puts its functions on `globalThis.__vcspIntakeLater`. This file is the app's side: it loads the
//! module once, hash-checked like the app's (`scripts/finish-dist.mjs` writes where it is and its
//! hashes in `<meta name="vcsp-intake-later">`), and calls those functions. The service worker keeps
//! the module like every other file of the build, so it loads with the network off too.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The global the later module's functions are put on.
pub const API: &str = "__vcspIntakeLater";
/// The global its loader (wasm-bindgen's, made a global by `scripts/finish-dist.mjs`) is put on.
const INIT: &str = "__vcspIntakeLaterInit";

thread_local! {
    /// The module's loading, shared by every caller; cleared when it fails, so the next try loads
    /// afresh.
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// The later module's functions, loading it first if it is not yet.
async fn api() -> Result<JsValue, String> {
    let loading = LOADING.with(|loading| loading.borrow_mut().get_or_insert_with(load).clone());
    match JsFuture::from(loading).await {
        Ok(api) => Ok(api),
        Err(error) => {
            LOADING.with(|loading| loading.borrow_mut().take());
            Err(error
                .as_string()
                .unwrap_or_else(|| "the browser refused it".to_owned()))
        }
    }
}

/// The functions when the module is already loaded, without loading it.
fn loaded() -> Option<JsValue> {
    js_sys::Reflect::get(&js_sys::global(), &API.into())
        .ok()
        .filter(|api| !api.is_undefined())
}

/// Starts loading the module: its script, then its Wasm, each checked against its hash.
fn load() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        let fail = {
            let reject = reject.clone();
            move |reason: &str| {
                let _ = reject.call1(
                    &JsValue::UNDEFINED,
                    &format!("this part of the app could not be loaded ({reason})").into(),
                );
            }
        };
        if let Some(api) = loaded() {
            let _ = resolve.call1(&JsValue::UNDEFINED, &api);
            return;
        }
        let Some(meta) = document()
            .query_selector(r#"meta[name="vcsp-intake-later"]"#)
            .ok()
            .flatten()
        else {
            fail("this build does not say where it is");
            return;
        };
        let attribute = |name: &str| meta.get_attribute(name).unwrap_or_default();
        let (script_url, script_hash) =
            (attribute("data-script"), attribute("data-script-integrity"));
        let (wasm_url, wasm_hash) = (attribute("data-wasm"), attribute("data-wasm-integrity"));
        let Ok(script) = document().create_element("script") else {
            fail("no script element");
            return;
        };
        let _ = script.set_attribute("integrity", &script_hash);
        let _ = script.set_attribute("src", &script_url);
        let on_error = {
            let fail = fail.clone();
            let script = script.clone();
            Closure::once_into_js(move || {
                script.remove();
                fail("its script did not load: offline, or it does not match its hash");
            })
        };
        let on_load = Closure::once_into_js(move || {
            let init = js_sys::Reflect::get(&js_sys::global(), &INIT.into())
                .ok()
                .and_then(|init| init.dyn_into::<js_sys::Function>().ok());
            let Some(init) = init else {
                fail("its script has no loader");
                return;
            };
            let request_init = web_sys::RequestInit::new();
            request_init.set_integrity(&wasm_hash);
            let Ok(request) = web_sys::Request::new_with_str_and_init(&wasm_url, &request_init)
            else {
                fail("its module cannot be requested");
                return;
            };
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"module_or_path".into(), &request);
            let started = init
                .call1(&JsValue::UNDEFINED, &options)
                .ok()
                .and_then(|started| started.dyn_into::<js_sys::Promise>().ok());
            let Some(started) = started else {
                fail("its loader did not start");
                return;
            };
            spawn_local(async move {
                let outcome = JsFuture::from(started).await;
                match (outcome, loaded()) {
                    (Ok(_), Some(api)) => {
                        let _ = resolve.call1(&JsValue::UNDEFINED, &api);
                    }
                    _ => fail("its module did not start: offline, or it does not match its hash"),
                }
            });
        });
        let _ = script.add_event_listener_with_callback("error", on_error.unchecked_ref());
        let _ = script.add_event_listener_with_callback("load", on_load.unchecked_ref());
        if let Some(head) = document().head() {
            let _ = head.append_child(&script);
        }
    })
}

/// Calls one of the module's functions.
fn call(api: &JsValue, name: &str, arguments: &[JsValue]) -> Result<JsValue, String> {
    let function = js_sys::Reflect::get(api, &name.into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("this build's later module has no {name}"))?;
    function
        .apply(&JsValue::UNDEFINED, &arguments.iter().collect())
        .map_err(|error| {
            error
                .as_string()
                .unwrap_or_else(|| format!("{name} failed"))
        })
}

/// Makes the open draft's findings bundle from its answers file (`Answers::to_json`), its walks
/// (a JSON array of them) and the exports to send with it (`{name, bytes}` objects, bytes a
/// `Uint8Array`), and offers it as a download, anonymised or not.
pub async fn download_bundle(
    answers: String,
    walks: String,
    anonymised: bool,
    exports: js_sys::Array,
) -> Result<(), String> {
    let api = api().await?;
    let outcome = call(
        &api,
        "downloadBundle",
        &[
            answers.into(),
            walks.into(),
            anonymised.into(),
            exports.into(),
        ],
    )?;
    match outcome.as_string() {
        Some(reason) => Err(reason),
        None => Ok(()),
    }
}

/// Forgets the review open in review mode, if review mode was ever opened (its reviews were
/// deleted from this browser).
pub fn forget_reviews() {
    if let Some(api) = loaded() {
        let _ = call(&api, "forgetReviews", &[]);
    }
}

/// Review mode, drawn by the later module into this page once it is loaded.
#[component]
pub fn ReviewMode() -> impl IntoView {
    view! {
        <Drawn
            mount="mountReview"
            arguments=Vec::new()
            waiting="Opening review mode…"
            failing="Review mode cannot open"
        />
    }
}

/// A rule's or a symptom's playbook (its flowchart and steps), drawn by the later module.
#[component]
pub fn Playbook(id: String) -> impl IntoView {
    view! {
        <Drawn
            mount="mountPlaybook"
            arguments=vec![id.into()]
            waiting="Drawing the playbook…"
            failing="The playbook cannot be shown"
        />
    }
}

/// A walk through a playbook, drawn by the later module: `kept` is the walk so far (JSON, or
/// empty to start one), `answers` the draft's answers file (to show what they say at each step);
/// `changed` gets the walk as JSON after every step, note or restart.
#[component]
pub fn Walk(
    playbook: String,
    kept: String,
    answers: String,
    changed: impl Fn(String) + 'static,
) -> impl IntoView {
    let changed = Closure::<dyn Fn(String)>::new(changed).into_js_value();
    view! {
        <Drawn
            mount="mountWalk"
            arguments=vec![playbook.into(), kept.into(), answers.into(), changed]
            waiting="Opening the playbook…"
            failing="The playbook cannot be shown"
        />
    }
}

/// A draft's import page, drawn by the later module: `draft` is the draft's id, `answers` its
/// answers file (`Answers::to_json`), `questions_href` where "Go to the questions" leads;
/// `changed` gets the answers file after the partner applies an import and after they undo it.
#[component]
pub fn Import(
    draft: String,
    answers: String,
    questions_href: String,
    changed: impl Fn(String) + 'static,
) -> impl IntoView {
    let changed = Closure::<dyn Fn(String)>::new(changed).into_js_value();
    view! {
        <Drawn
            mount="mountImport"
            arguments=vec![draft.into(), answers.into(), questions_href.into(), changed]
            waiting="Opening the import…"
            failing="The import cannot open"
        />
    }
}

/// A draft's merge page, drawn by the later module: `answers` is the draft's answers file,
/// `answered_by` and `saved` who gives them and when they were last saved (RFC 3339),
/// `summary_href` where closing the merge leads; `changed` gets the answers file after each
/// merge applied and each undone.
#[component]
pub fn Merge(
    answers: String,
    answered_by: String,
    saved: String,
    summary_href: String,
    changed: impl Fn(String) + 'static,
) -> impl IntoView {
    let changed = Closure::<dyn Fn(String)>::new(changed).into_js_value();
    view! {
        <Drawn
            mount="mountMerge"
            arguments=vec![
                answers.into(),
                answered_by.into(),
                saved.into(),
                summary_href.into(),
                changed,
            ]
            waiting="Opening the merge…"
            failing="The merge cannot open"
        />
    }
}

/// "Hand out sections" and the draft's milestones (saved, listed, compared), drawn by the later
/// module: `draft` is the draft as stored (`Draft::to_json`); `save` keeps the answers as they are
/// under a name in the app's draft and gives the draft after, or why not.
#[component]
pub fn Together(
    draft: String,
    save: impl Fn(String) -> Result<String, String> + 'static,
) -> impl IntoView {
    let save = Closure::<dyn Fn(String) -> JsValue>::new(move |name: String| {
        let outcome = js_sys::Object::new();
        let (key, value) = match save(name) {
            Ok(draft) => ("draft", draft),
            Err(reason) => ("error", reason),
        };
        let _ = js_sys::Reflect::set(&outcome, &key.into(), &value.into());
        outcome.into()
    })
    .into_js_value();
    view! {
        <Drawn
            mount="mountTogether"
            arguments=vec![draft.into(), save]
            waiting="Opening milestones…"
            failing="Milestones and handing out cannot be shown"
        />
    }
}

/// Patterns across partners: findings bundles picked or dropped, read in a worker into one
/// report, drawn by the later module.
#[component]
pub fn Portfolio() -> impl IntoView {
    view! {
        <Drawn
            mount="mountPortfolio"
            arguments=Vec::new()
            waiting="Opening the portfolio…"
            failing="The portfolio cannot open"
        />
    }
}

/// "What is failing?": the symptoms as links, each to `walk_href` followed by its id (a walk in
/// the open draft), drawn by the later module.
/// The rule catalogue: every rule's texts, which the partner's first download does not carry.
#[component]
pub fn Catalogue() -> impl IntoView {
    view! {
        <Drawn
            mount="mountCatalogue"
            arguments=Vec::new()
            waiting="Opening the rule catalogue…"
            failing="The rule catalogue cannot open"
        />
    }
}

#[component]
pub fn SymptomChooser(walk_href: String) -> impl IntoView {
    view! {
        <Drawn
            mount="mountSymptomChooser"
            arguments=vec![walk_href.into()]
            waiting="Listing the symptoms…"
            failing="The symptoms cannot be shown"
        />
    }
}

/// The symptoms partners call about, each with its playbook, drawn by the later module.
#[component]
pub fn Symptoms() -> impl IntoView {
    view! {
        <Drawn
            mount="mountSymptoms"
            arguments=Vec::new()
            waiting="Listing the symptoms…"
            failing="The symptoms cannot be shown"
        />
    }
}

/// Something the later module draws into an element of this page: `mount` is its function,
/// given the element and `arguments`. Says `waiting` until it is drawn, and `failing` with the
/// reason when the module cannot be loaded.
#[component]
fn Drawn(
    mount: &'static str,
    arguments: Vec<JsValue>,
    waiting: &'static str,
    failing: &'static str,
) -> impl IntoView {
    let arguments = StoredValue::new_local(arguments);
    let root = NodeRef::<leptos::html::Div>::new();
    let state = RwSignal::new(None::<Result<(), String>>);
    Effect::new(move || {
        let Some(element) = root.get() else {
            return;
        };
        // Two pages drawn this way are of one type, so going from one to the other keeps this
        // element: what the first drew goes before the second is drawn.
        element.set_text_content(None);
        let mut all = vec![JsValue::from(element)];
        all.extend(arguments.get_value());
        let arguments = all;
        spawn_local(async move {
            let outcome = match api().await {
                Ok(api) => call(&api, mount, &arguments).map(drop),
                Err(reason) => Err(reason),
            };
            state.set(Some(outcome));
        });
    });
    view! {
        {move || match state.get() {
            None => {
                view! {
                    <p class="loading" role="status">
                        {waiting}
                    </p>
                }
                    .into_any()
            }
            Some(Ok(())) => ().into_any(),
            Some(Err(reason)) => {
                view! {
                    <p role="alert" data-testid="later-failure">
                        {format!("{failing}: {reason}. Reload the page to try again.")}
                    </p>
                }
                    .into_any()
            }
        }}
        <div node_ref=root></div>
    }
}
