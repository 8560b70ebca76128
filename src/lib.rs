//! The VCSP Intake web app: a thin Leptos shell over `intake-core`.
// Natively Leptos also renders to HTML (for the static page), whose view types nest deeper.
#![cfg_attr(not(target_arch = "wasm32"), recursion_limit = "256")]

mod answers;
mod assess;
mod catalogue;
mod compare;
mod drafts;
mod findings;
mod import;
mod later;
mod merge;
mod offline;
mod platform;
mod playbooks;
mod portfolio;
mod questions;
mod review;
mod summary;
mod visibility;
mod wizard;
mod workspace;

use intake_core::answers::Answers;
use intake_core::draft::Draft;
use intake_core::questionnaire::Questionnaire;
use leptos::prelude::*;
/// The IndexedDB store, public for the browser tests of `tests/storage.rs`.
pub use platform::storage;

use crate::catalogue::Catalogue;
use crate::drafts::{Drafts, NewDraft, Troubleshoot};

use crate::platform::route::{self, Route};
use crate::review::ReviewPage;
use crate::wizard::DraftPage;
use crate::workspace::{Library, Storage, Workspace};

/// What an entry point of the landing page does.
enum Action {
    /// Opens a page.
    Open(Route),
    /// Starts a draft under a name typed in place.
    StartDraft,
    /// Starts a draft at "What is failing?".
    Troubleshoot,
}

/// A way into the product from the landing page.
struct EntryPoint {
    /// Stable identifier, used for `data-testid` and element ids.
    id: &'static str,
    title: &'static str,
    description: &'static str,
    action: Action,
}

/// The ways into the product.
static ENTRY_POINTS: [EntryPoint; 5] = [
    EntryPoint {
        id: "start-new",
        title: "Start a new assessment",
        description: "Answer a guided questionnaire about your platform: Veeam versions, \
                      hypervisors, storage, network paths, certificates, tenants, DR and \
                      operations.",
        action: Action::StartDraft,
    },
    EntryPoint {
        id: "resume-draft",
        title: "Resume a draft",
        description: "Pick up where you left off. Drafts are saved in this browser as you type.",
        action: Action::Open(Route::Drafts),
    },
    EntryPoint {
        id: "open-bundle",
        title: "Open a bundle for review",
        description: "For Veeam tech leads: check a partner's findings bundle, re-run the current \
                      rules and triage the findings.",
        action: Action::Open(Route::Review),
    },
    EntryPoint {
        id: "what-is-failing",
        title: "What is failing?",
        description: "Something broke or runs slowly: pick what you see and walk its \
                      troubleshooting playbook one step at a time.",
        action: Action::Troubleshoot,
    },
    EntryPoint {
        id: "rule-catalogue",
        title: "Rule catalogue",
        description: "Every check the assessment runs: what it looks at, why it matters and how \
                      to fix what it finds.",
        action: Action::Open(Route::Rules),
    },
];

/// The kinds of page; a draft's steps are one kind, so moving between them keeps the wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Home,
    Rules,
    Drafts,
    Review,
    Portfolio,
    Draft,
}

/// Starts the app: mounts it and takes over the page that `index.html` shows until then (see
/// [`static_page`]), in one step, so nothing flashes or moves. The static page is painted first:
/// a module that arrives before that first paint (from a cache) waits for it, so the page's largest
/// paint is the static page's and the app's same content does not count again.
pub fn start() {
    let take_over =
        || platform::dom::take_over("static-page", || leptos::mount::mount_to_body(App));
    if platform::dom::painted() {
        take_over();
    } else {
        platform::dom::after_next_paint(take_over);
    }
}

/// Starts the assessment's Web Worker (`src/bin/assess.rs`): it works out the findings of the
/// answers the page sends it (`assess::worker`).
pub fn start_assess_worker() {
    assess::worker::start();
}

/// Works the findings out on the page instead of in the assessment's worker: for the browser
/// tests (`tests/web.rs`), which run without the build's other modules. The app never calls it,
/// so the rules stay out of its module.
pub fn assess_on_the_page() {
    assess::on_the_page();
}

/// Starts the evidence reader's Web Worker (`src/bin/evidence.rs`): it reads the collectors'
/// exports the page sends it (`import::worker`).
pub fn start_evidence_worker() {
    import::worker::start();
}

/// Starts the later module (`src/bin/later.rs`, see `later.rs`): review mode and the bundle
/// writer, loaded on first use. Puts its functions where the app finds them: `mountReview`
/// (review mode drawn into an element, with its state kept from one visit to the next),
/// `downloadBundle` (the findings bundle of an answers file, offered as a download) and
/// `forgetReviews`.
pub fn start_later() {
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// Review mode drawn now: dropped (and so removed) when it is drawn again.
        static DRAWN: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
        /// Playbooks and walks drawn, with the element each is in: dropped once that element
        /// has left the page or something else is drawn into it.
        static PARTS: RefCell<Vec<(web_sys::HtmlElement, Box<dyn std::any::Any>)>> =
            const { RefCell::new(Vec::new()) };
    }
    fn keep(handle: impl std::any::Any, element: web_sys::HtmlElement) {
        PARTS.with(|parts| {
            let mut parts = parts.borrow_mut();
            // What was drawn into this element before goes: the app may reuse an element for
            // another part (a page replaced by one of the same shape).
            parts.retain(|(other, _)| other.is_connected() && *other != element);
            parts.push((element, Box::new(handle)));
        });
    }
    // Mounting sets up the executor for the app; here storage is opened before anything is drawn.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let Ok(questionnaire) = Questionnaire::builtin() else {
        return;
    };
    // Made once, for as long as the page: the review open stays open between visits.
    let workspace = Workspace::new(questionnaire);
    let desk = review::Desk::new(questionnaire, workspace.library);
    let places = questions::Places::of(workspace);
    let mount =
        Closure::<dyn Fn(web_sys::HtmlElement)>::new(move |element: web_sys::HtmlElement| {
            DRAWN.with(|drawn| drawn.borrow_mut().take());
            let handle = leptos::mount::mount_to(element, move || {
                provide_context(workspace);
                provide_context(workspace.library);
                provide_context(places);
                provide_context(desk);
                view! { <ReviewPage /> }
            });
            DRAWN.with(|drawn| *drawn.borrow_mut() = Some(Box::new(handle)));
        });
    let download = Closure::<dyn Fn(String, String, bool, js_sys::Array) -> Option<String>>::new(
        move |answers: String, walks: String, anonymised: bool, files: js_sys::Array| {
            let exports: Vec<intake_core::evidence::Picked> = files
                .iter()
                .filter_map(|file| {
                    let field = |name: &str| js_sys::Reflect::get(&file, &name.into()).ok();
                    Some(intake_core::evidence::Picked {
                        name: field("name")?.as_string()?,
                        bytes: field("bytes")?
                            .dyn_into::<js_sys::Uint8Array>()
                            .ok()?
                            .to_vec(),
                    })
                })
                .collect();
            summary::download_bundle(questionnaire, &answers, &walks, anonymised, &exports).err()
        },
    );
    let forget = Closure::<dyn Fn()>::new(move || desk.forget_all());
    let playbook = Closure::<dyn Fn(web_sys::HtmlElement, String)>::new(
        |element: web_sys::HtmlElement, id| {
            keep(
                leptos::mount::mount_to(element.clone(), move || {
                    view! { <playbooks::PlaybookView id /> }
                }),
                element,
            );
        },
    );
    let walk =
        Closure::<dyn Fn(web_sys::HtmlElement, String, String, String, js_sys::Function)>::new(
            |element: web_sys::HtmlElement,
             playbook: String,
             kept: String,
             answers: String,
             changed: js_sys::Function| {
                let changed = move |json: String| {
                    let _ = changed.call1(&JsValue::UNDEFINED, &json.into());
                };
                keep(
                    leptos::mount::mount_to(element.clone(), move || {
                        view! { <playbooks::WalkView playbook kept answers changed /> }
                    }),
                    element,
                );
            },
        );
    let import =
        Closure::<dyn Fn(web_sys::HtmlElement, String, String, String, js_sys::Function)>::new(
            move |element: web_sys::HtmlElement,
                  draft: String,
                  answers: String,
                  questions_href: String,
                  changed: js_sys::Function| {
                let changed = move |json: String| {
                    let _ = changed.call1(&JsValue::UNDEFINED, &json.into());
                };
                // Answers that do not read are never replaced by an import onto blank ones.
                let handle = match Answers::from_json(&answers, questionnaire) {
                    Ok(answers) => leptos::mount::mount_to(element.clone(), move || {
                        view! { <import::ImportPage questionnaire draft answers questions_href changed /> }
                            .into_any()
                    }),
                    Err(error) => leptos::mount::mount_to(element.clone(), move || {
                        view! {
                            <p role="alert">
                                {format!(
                                    "The draft's answers cannot be read here ({error}): nothing can be imported into it.",
                                )}
                            </p>
                        }
                            .into_any()
                    }),
                };
                keep(handle, element);
            },
        );
    let merge = Closure::<
        dyn Fn(web_sys::HtmlElement, String, String, String, String, js_sys::Function),
    >::new(
        move |element: web_sys::HtmlElement,
              answers: String,
              answered_by: String,
              saved: String,
              summary_href: String,
              changed: js_sys::Function| {
            let changed = move |json: String| {
                let _ = changed.call1(&JsValue::UNDEFINED, &json.into());
            };
            let mine = merge::Side {
                who: answered_by,
                saved,
                file: String::new(),
            };
            // Answers that do not read are never replaced by a merge onto blank ones.
            let handle = match Answers::from_json(&answers, questionnaire) {
                Ok(answers) => leptos::mount::mount_to(element.clone(), move || {
                    view! { <merge::MergePage questionnaire answers mine summary_href changed /> }
                        .into_any()
                }),
                Err(error) => leptos::mount::mount_to(element.clone(), move || {
                    view! {
                        <p role="alert">
                            {format!(
                                "The draft's answers cannot be read here ({error}): nothing can be merged into it.",
                            )}
                        </p>
                    }
                        .into_any()
                }),
            };
            keep(handle, element);
        },
    );
    let together = Closure::<dyn Fn(web_sys::HtmlElement, String, js_sys::Function)>::new(
        move |element: web_sys::HtmlElement, draft: String, save: js_sys::Function| {
            // The app's answer: `{draft}` after saving, or `{error}`.
            let save: compare::Save = std::rc::Rc::new(move |name: &str| {
                let outcome = save
                    .call1(&JsValue::UNDEFINED, &name.into())
                    .map_err(|_| "the milestone could not be saved".to_owned())?;
                let field = |key: &str| {
                    js_sys::Reflect::get(&outcome, &key.into())
                        .ok()
                        .and_then(|value| value.as_string())
                };
                match (field("draft"), field("error")) {
                    (Some(draft), _) => {
                        Draft::from_json(&draft, questionnaire).map_err(|error| error.to_string())
                    }
                    (None, Some(reason)) => Err(reason),
                    (None, None) => Err("the milestone could not be saved".to_owned()),
                }
            });
            let handle = match Draft::from_json(&draft, questionnaire) {
                Ok(draft) => leptos::mount::mount_to(element.clone(), move || {
                    let (answers, title) = (draft.answers.clone(), draft.title());
                    view! {
                        <merge::HandOut questionnaire answers title />
                        <compare::Milestones questionnaire draft save />
                    }
                    .into_any()
                }),
                Err(error) => leptos::mount::mount_to(element.clone(), move || {
                    view! { <p role="alert">{format!("The draft cannot be read here ({error}).")}</p> }
                    .into_any()
                }),
            };
            keep(handle, element);
        },
    );
    let portfolio =
        Closure::<dyn Fn(web_sys::HtmlElement)>::new(|element: web_sys::HtmlElement| {
            keep(
                leptos::mount::mount_to(element.clone(), || {
                    view! { <portfolio::PortfolioPage /> }
                }),
                element,
            );
        });
    let catalogue =
        Closure::<dyn Fn(web_sys::HtmlElement)>::new(|element: web_sys::HtmlElement| {
            keep(
                leptos::mount::mount_to(element.clone(), || view! { <Catalogue /> }),
                element,
            );
        });
    let chooser = Closure::<dyn Fn(web_sys::HtmlElement, String)>::new(
        |element: web_sys::HtmlElement, walk_href: String| {
            keep(
                leptos::mount::mount_to(element.clone(), move || {
                    view! { <playbooks::SymptomChooser walk_href /> }
                }),
                element,
            );
        },
    );
    let symptoms = Closure::<dyn Fn(web_sys::HtmlElement)>::new(|element: web_sys::HtmlElement| {
        keep(
            leptos::mount::mount_to(element.clone(), || view! { <playbooks::SymptomList /> }),
            element,
        );
    });
    let api = js_sys::Object::new();
    for (name, function) in [
        ("mountReview", mount.into_js_value()),
        ("downloadBundle", download.into_js_value()),
        ("forgetReviews", forget.into_js_value()),
        ("mountPlaybook", playbook.into_js_value()),
        ("mountSymptoms", symptoms.into_js_value()),
        ("mountWalk", walk.into_js_value()),
        ("mountSymptomChooser", chooser.into_js_value()),
        ("mountImport", import.into_js_value()),
        ("mountMerge", merge.into_js_value()),
        ("mountTogether", together.into_js_value()),
        ("mountPortfolio", portfolio.into_js_value()),
        ("mountCatalogue", catalogue.into_js_value()),
    ] {
        let _ = js_sys::Reflect::set(&api, &name.into(), &function);
    }
    let _ = js_sys::Reflect::set(&js_sys::global(), &later::API.into(), &api);
}

/// The page as it is before the Wasm module arrives, as HTML: the masthead and the landing page,
/// rendered from the same components as the app, and a skeleton of a step for the pages that need
/// the app to draw them. `scripts/finish-dist.mjs` writes it into `index.html` at build time (with
/// `cargo run --bin static-page`); a line of script in `index.html` says which of the two shows
/// (`data-boot` on the root element, by the address). Its controls are marked disabled until the
/// app takes over.
pub fn static_page() -> String {
    Owner::new().with(|| {
        view! {
            <div id="static-page" aria-disabled="true">
                <a class="skip-link" href="#main">
                    "Skip to content"
                </a>
                <Masthead />
                <main id="main" tabindex="-1">
                    <div class="boot-home">
                        <Landing />
                    </div>
                    <div class="boot-skeleton wizard" aria-hidden="true" hidden>
                        <div class="skeleton-column">
                            {(0..8)
                                .map(|_| view! { <span class="skeleton-bar"></span> })
                                .collect_view()}
                        </div>
                        <div class="skeleton-column skeleton-step">
                            {step_openings()} <span class="skeleton-bar skeleton-heading"></span>
                            {(0..6)
                                .map(|_| {
                                    view! { <span class="skeleton-bar skeleton-field"></span> }
                                })
                                .collect_view()}
                        </div>
                        <div class="skeleton-column skeleton-panel">
                            {(0..4)
                                .map(|_| view! { <span class="skeleton-bar"></span> })
                                .collect_view()}
                        </div>
                    </div>
                </main>
            </div>
        }
        .to_html()
    })
}

/// Each step's count, title and introduction as the wizard draws them, for the static page (the
/// title as a paragraph styled like the step's heading: the page keeps one `h1`): the one of the
/// section in the address shows (`data-section`, set by `index.html`'s line of
/// script; one rule per section in `style/main.css`), so a step's largest text is on screen before
/// the Wasm module arrives.
fn step_openings() -> impl IntoView {
    let sections = Questionnaire::builtin()
        .map(Questionnaire::sections)
        .unwrap_or_default();
    let count = sections.len();
    sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            view! {
                <section class="step boot-section" data-section=section.id.clone()>
                    <p class="step-count">"Step " {index + 1} " of " {count}</p>
                    <p class="boot-title">{section.title.clone()}</p>
                    <p class="step-intro">{section.intro.clone()}</p>
                </section>
            }
        })
        .collect_view()
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let questionnaire = match Questionnaire::builtin() {
        Ok(questionnaire) => questionnaire,
        Err(error) => {
            return view! {
                <main id="main">
                    <h1>{intake_core::PRODUCT_NAME} " cannot start"</h1>
                    <p role="alert">"Its questionnaire is broken: " {error.to_string()}</p>
                </main>
            }
            .into_any();
        }
    };
    let workspace = Workspace::new(questionnaire);
    let library = workspace.library;
    provide_context(workspace);
    provide_context(library);
    provide_context(workspace.open_draft());
    provide_context(questions::Places::of(workspace));
    provide_context(findings::PanelFilter(RwSignal::new(
        findings::Filter::default(),
    )));
    provide_context(offline::start(workspace));
    let hash = route::current();
    let route = Memo::new(move |_| hash.get());
    let page = Memo::new(move |_| match route.get() {
        Route::Home => Page::Home,
        Route::Rules => Page::Rules,
        Route::Drafts => Page::Drafts,
        Route::Review => Page::Review,
        Route::Portfolio => Page::Portfolio,
        Route::Section { .. }
        | Route::Summary { .. }
        | Route::Failing { .. }
        | Route::Import { .. }
        | Route::Merge { .. }
        | Route::Walk { .. } => Page::Draft,
    });
    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <Masthead />
        <StorageBanner />
        <offline::UpdateBanner />
        <UndoBar />
        <main id="main" tabindex="-1" class:wide=move || page.get() == Page::Draft>
            {move || match page.get() {
                Page::Home => view! { <Landing /> }.into_any(),
                Page::Rules => view! { <later::Catalogue /> }.into_any(),
                Page::Drafts => view! { <Drafts /> }.into_any(),
                Page::Review => view! { <later::ReviewMode /> }.into_any(),
                Page::Portfolio => view! { <later::Portfolio /> }.into_any(),
                Page::Draft => view! { <DraftPage route /> }.into_any(),
            }}
        </main>
    }
    .into_any()
}

/// The product's name (a link home), whether answers are saved, and the version. Without a
/// [`Library`] (the static page) it says storage is opening, as the app does at first.
#[component]
fn Masthead() -> impl IntoView {
    let library = use_context::<Library>();
    view! {
        <header class="masthead">
            <a class="brand" href=Route::Home.href() data-testid="brand">
                {intake_core::PRODUCT_NAME}
            </a>
            <span class="masthead-status" data-testid="save-status">
                {move || match library.map(|library| (library.storage.get(), library)) {
                    None | Some((Storage::Opening, _)) => "Opening storage…",
                    Some((Storage::Browser, library)) if library.unsaved.get() => "Saving…",
                    Some((Storage::Browser, _)) => "Saved in this browser",
                    Some((Storage::MemoryOnly(_), _)) => "Not saved: storage unavailable",
                }}
            </span>
            // One text node, as in the static page: two would be laid out a fraction apart there.
            <span class="version">{format!("Version {}", intake_core::VERSION)}</span>
        </header>
    }
}

/// Says plainly when answers cannot be kept in this browser, and offers to export them.
#[component]
fn StorageBanner() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    move || match workspace.library.storage.get() {
        Storage::MemoryOnly(reason) => view! {
            <div class="banner banner-warning" role="alert" data-testid="storage-warning">
                <p>{reason}</p>
                {move || {
                    workspace
                        .draft
                        .with(Option::is_some)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| drafts::export_open_draft(workspace)
                                >
                                    "Export this draft"
                                </button>
                            }
                        })
                }}
            </div>
        }
        .into_any(),
        Storage::Opening | Storage::Browser => ().into_any(),
    }
}

/// Offers to undo the removal of a group item.
#[component]
fn UndoBar() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    move || {
        workspace.undo.get().map(|(message, _)| {
            view! {
                <div class="banner banner-info" role="status" data-testid="undo">
                    <p>{message}</p>
                    <button
                        type="button"
                        id="undo-button"
                        class="button button-secondary"
                        on:click=move |_| workspace.undo_now()
                    >
                        "Undo"
                    </button>
                    <button
                        type="button"
                        class="button button-secondary"
                        on:click=move |_| workspace.undo.set(None)
                    >
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}

/// The landing page: what the tool is, the privacy promise, and the ways in.
#[component]
fn Landing() -> impl IntoView {
    view! {
        <section class="intro" aria-labelledby="intro-title">
            <h1 id="intro-title">{intake_core::PRODUCT_NAME}</h1>
            <p class="lede" data-testid="summary">
                {intake_core::SUMMARY}
            </p>
            <p class="privacy" data-testid="privacy">
                <svg
                    class="privacy-icon"
                    aria-hidden="true"
                    viewBox="0 0 16 16"
                    width="16"
                    height="16"
                >
                    <path
                        d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z"
                        fill="currentColor"
                    ></path>
                </svg>
                {intake_core::PRIVACY_PROMISE}
            </p>
        </section>
        <section class="entry-points" aria-labelledby="entry-title">
            <h2 id="entry-title" class="visually-hidden">
                "Get started"
            </h2>
            <ul class="entry-list">
                {ENTRY_POINTS.iter().map(|entry| view! { <EntryCard entry /> }).collect_view()}
            </ul>
        </section>
    }
}

/// One entry point: a link to its page (with how many drafts there are, for the drafts page), or
/// the new-draft form. Without a [`Library`] (the static page) the count is left blank.
#[component]
fn EntryCard(entry: &'static EntryPoint) -> impl IntoView {
    let library = use_context::<Library>();
    let action = match &entry.action {
        Action::Open(Route::Drafts) => view! {
            <a class="button" href=Route::Drafts.href()>
                {entry.title}
            </a>
            <p class="entry-status">
                {library
                    .map(|library| {
                        move || match library.count.get() {
                            0 => "No drafts in this browser yet.".to_owned(),
                            1 => "1 draft in this browser.".to_owned(),
                            n => format!("{n} drafts in this browser."),
                        }
                    })}
            </p>
        }
        .into_any(),
        Action::Open(route) => view! {
            <a class="button" href=route.href()>
                {entry.title}
            </a>
        }
        .into_any(),
        Action::StartDraft => view! { <NewDraft /> }.into_any(),
        Action::Troubleshoot => view! { <Troubleshoot /> }.into_any(),
    };
    view! {
        <li class="entry" data-testid=entry.id>
            <h3>{entry.title}</h3>
            <p>{entry.description}</p>
            {action}
        </li>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use intake_core::questionnaire::Questionnaire;

    use super::{ENTRY_POINTS, static_page};

    #[test]
    fn the_static_page_is_the_landing_page_inert_with_a_hidden_skeleton() {
        let page = static_page();
        assert!(page.starts_with(r#"<div id="static-page" aria-disabled="true">"#));
        assert!(page.contains(r#"<h1 id="intro-title">VCSP Intake</h1>"#));
        assert!(page.contains(&intake_core::SUMMARY.replace('&', "&amp;")));
        assert!(page.contains(intake_core::PRIVACY_PROMISE));
        for entry in &ENTRY_POINTS {
            assert!(page.contains(entry.title), "{} is missing", entry.title);
            assert!(
                page.contains(&entry.description.replace('\'', "&#39;"))
                    || page.contains(entry.description)
            );
        }
        assert!(page.contains("Opening storage…"));
        // The draft count is left blank: the static page cannot know it.
        assert!(!page.contains("drafts in this browser"));
        assert!(page.contains(r#"class="boot-skeleton wizard""#));
        assert!(!page.contains("<script"));
    }

    #[test]
    fn the_static_page_has_each_steps_opening_and_a_rule_to_show_it() {
        let page = static_page();
        let style = include_str!("../style/main.css");
        let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
        for section in questionnaire.sections() {
            let id = &section.id;
            assert!(
                page.contains(&format!(
                    r#"<section data-section="{id}" class="step boot-section">"#
                )),
                "{id} has no opening in the static page"
            );
            assert!(
                page.contains(&format!(
                    r#"<p class="boot-title">{}</p>"#,
                    section.title.replace('&', "&amp;")
                )),
                "{id}"
            );
            assert!(
                style.contains(&format!(
                    r#"html[data-section="{id}"] .boot-section[data-section="{id}"]"#
                )),
                "style/main.css has no rule that shows {id}'s opening"
            );
        }
    }
}
